//! Word lists the recogniser and resolver use (written for this project).

use std::collections::HashMap;
use std::sync::OnceLock;

use sitrep_learn::hash::BuildFxHasher;

use crate::wordset::WordSet;

/// Capitalised words that are also place names but almost never mean the place in news
/// text: months, days, common words, frequent first names, titles.
pub static NOT_PLACES: WordSet = WordSet::new(&[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "of", "police", "mobile",
    "reading", "nice", "best", "page", "man", "hope", "union", "liberty", "independence", "friendship", "enterprise",
    "commerce", "industry", "university", "college", "school", "church", "hospital", "court", "office", "center",
    "centre", "city", "county", "state", "republic", "street", "road", "avenue", "park", "lake", "river", "bay",
    "beach", "island", "mount", "valley", "north", "south", "east", "west", "central", "northern", "southern",
    "eastern", "western", "president", "minister", "governor", "mayor", "general", "justice", "senate", "house",
    "congress", "parliament", "government", "army", "navy", "marine", "guard", "council", "day", "time", "home",
    "post", "times", "news", "star", "sun", "globe", "tribune", "herald", "journal", "mission", "victory", "colony",
    "eagle", "bush", "obama", "trump", "biden", "washington post",
    "david", "john", "paul", "mark", "james", "michael", "daniel", "chris", "scott", "kelly", "ryan", "kim", "lee",
    "young", "white", "black", "brown", "green", "gray", "grey", "hill", "wood", "young", "price", "long", "chase",
    "young", "ali", "can", "say", "said", "will", "bar", "deal", "dead", "ocean", "sea", "gulf", "ness", "bad",
    "orange", "apple", "amazon", "google", "twitter", "facebook", "ford", "chevrolet", "toyota", "mercedes", "buick",
    "dodge", "jeep", "honda", "nissan", "boeing", "airbus", "bank", "energy", "power", "fire", "water",
    "gas", "oil", "coal", "gold", "silver", "iron", "steel", "god", "jesus", "christ", "allah", "lord", "saint", "st",
    "ap", "afp", "reuters", "cnn", "bbc", "fox", "abc", "nbc", "cbs", "nato", "un", "eu", "who", "isis", "is", "ira",
    "ira", "gop", "fbi", "cia", "tv", "am", "pm", "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "rep", "sen",
    "gov", "the", "a", "an", "and", "or", "in", "on", "at", "to", "as", "by", "for", "from", "with", "but", "not", "no",
    "yes", "all", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second",
    "third", "new", "old", "big", "little", "great", "good", "royal", "national", "federal", "local", "public",
    "free", "social", "democrat", "democrats", "republican", "republicans", "christian", "muslim", "islam", "islamic",
    "arab", "latino", "hispanic", "asian", "african", "european", "western", "westerners", "kremlin", "pentagon",
    "white house", "capitol", "downing street", "division", "battalion", "brigade", "regiment", "corps", "force",
    "forces", "troops", "zelenskiy", "zelensky", "putin", "lavrov", "peskov", "blinken", "covid", "corona", "ebola",
    "zika", "sars", "mers", "h1n1", "aids", "hiv", "hepatitis", "malaria", "cholera", "measles", "polio", "flu",
    "influenza", "virus", "coronavirus", "dengue", "health", "medicine", "medical", "program", "project", "service",
    "services", "department", "agency", "ministry", "authority", "commission", "committee", "company", "group",
    "institute", "association", "foundation", "society", "club", "team", "league", "cup", "games", "olympics",
    "world", "earth", "globe", "international", "global", "today", "tonight", "tomorrow", "yesterday", "christmas",
    "easter", "thanksgiving", "halloween", "ramadan", "eid", "however", "after", "before", "during", "while",
    "although", "because", "since", "until", "when", "where", "what", "why", "how", "which", "there", "here",
    "this", "that", "these", "those", "his", "her", "their", "our", "its", "my", "your", "we", "they", "he", "she",
    "it", "i", "you", "also", "still", "even", "just", "only", "then", "now", "so", "very", "much", "many", "more",
    "most", "some", "any", "each", "every", "both", "either", "neither", "other", "another", "such", "same",
    "mary", "jordan peterson", "sharon", "paris hilton", "chester",
    "monroe",
    "lee", "tracy",
    "dallas cowboys", "ila", "bo", "kia", "opera", "santa", "buffalo bills",
]);

/// Words after a name that make it a division: "Sumy Oblast", "Polk County".
pub static DIVISION_WORDS: WordSet = WordSet::new(&[
    "oblast", "region", "province", "county", "parish", "district", "governorate", "state", "prefecture", "raion",
    "municipality", "territory",
]);

/// Plural division words closing a list of names: "Douglas, Sarpy and Lancaster
/// counties", "the Donetsk and Luhansk regions".
pub const PLURAL_DIVISION_WORDS: &[&str] = &["counties", "parishes", "provinces", "oblasts", "regions", "governorates", "prefectures", "districts"];

/// Words before a name that make the next capitalised word part of a person or body:
/// "President", "Gov.", "Mr.".
pub static TITLES: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "miss", "dr", "president", "sen", "senator", "gov", "governor", "rep", "representative",
    "judge", "justice", "coach", "officer", "sgt", "sergeant", "lt", "capt", "captain", "col", "gen", "general",
    "rev", "reverend", "father", "sister", "brother", "prof", "professor", "pastor", "deputy", "detective", "chief",
    "trooper", "saint", "st", "king", "queen", "prince", "princess", "lord", "lady", "sir", "pope", "actor",
    "actress", "singer", "star", "player", "quarterback", "pitcher", "forward", "guard", "striker", "defender",
    "spokesman", "spokeswoman", "minister", "secretary", "chairman", "ceo", "director", "attorney", "lawyer",
]);

/// Capitalised words before "of X" that make X part of an organisation's name: "Bank of
/// America", "University of Alabama" (LGL and GeoVirus do tag the latter, so only
/// banks, companies and the like are listed).
pub const ORG_OF: &[&str] = &["bank", "church", "corporation", "company", "co", "inc", "bishop", "archbishop", "duke", "duchess", "earl", "prince", "princess", "king", "queen", "order", "daughters", "sons", "knights"];

/// Direction words that may precede a place inside its name or as a modifier.
pub static DIRECTION_PREFIX: WordSet = WordSet::new(&["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower", "greater", "downtown", "suburban", "rural", "metro", "coastal"]);

/// Lowercase words allowed inside a multi-word name: "Bosnia and Herzegovina",
/// "Stratford-upon-Avon", "Rio de Janeiro".
pub static NAME_INNER: WordSet = WordSet::new(&["of", "and", "the", "de", "da", "do", "dos", "das", "del", "la", "le", "les", "upon", "on", "en", "am", "an", "der", "di", "el", "al", "y", "et", "sur", "au", "aux", "du", "des", "sous", "im", "ob", "bei"]);

/// Words that close the name of an armed or political body: "Rapid Support Forces",
/// "Freedom Party". A town's name opening such a name is the body's word.
pub const BODY_HEADS: &[&str] = &[
    "forces", "force", "army", "armies", "party", "front", "movement", "brigade", "brigades", "militia", "militias",
    "corps", "battalion", "battalions", "regiment", "alliance", "coalition", "guard", "guards",
];

/// Heads of civic bodies: they close a body's name only after a word of their own
/// ("Dublin Teachers Union", "Dublin Arts Council"); right after a town's name, or after
/// a word of [`MUNICIPAL_WORDS`], they are the town's own ("Richmond Council", "Dublin City
/// Council").
pub const CIVIC_HEADS: &[&str] = &["council", "union", "league", "committee", "congress", "federation", "organisation", "organization"];

/// Words that make a body the town's government: "City Council", "County Board".
pub const MUNICIPAL_WORDS: &[&str] = &["city", "county", "town", "borough", "village", "township", "municipal", "parish", "district", "state", "regional"];

/// Verbs of speech right after a speaker's name: "Douglas said", "Hartl says".
pub static SPEECH_AFTER_NAME: WordSet = WordSet::new(&[
    "said", "says", "told", "tells", "added", "adds", "explained", "explains", "noted", "notes", "recalled",
    "wrote", "writes", "asked", "asks", "replied", "answered", "stressed", "insisted",
]);

/// Words before a name that keep it a place even when a speech verb follows ("of Tyler
/// said", "in Austin told").
pub const PLACE_BEFORE: &[&str] = &["in", "of", "from", "near", "at", "outside", "around", "across", "inside", "throughout", "within", "for", "to"];

/// Verbs whose subject, if a capital or country, stands for its government.
pub static SPEECH_DECISION_VERBS: WordSet = WordSet::new(&[
    "say", "tell", "announce", "reject", "accept", "deny", "warn", "demand", "claim", "insist", "agree", "refuse",
    "accuse", "urge", "threaten", "condemn", "respond", "want", "seek", "decide", "impose", "expel", "retaliate",
    "vow", "offer", "propose", "recognize", "recognise", "blame", "call", "argue", "state", "declare", "sign",
    "veto", "approve", "dismiss", "protest", "welcome", "criticize", "criticise", "insist", "hope", "believe",
    "signal", "pledge", "promise", "negotiate", "order", "send", "recall", "summon", "sanction", "ban", "suspend",
    "confirm", "acknowledge", "admit", "plan", "intend", "ask", "request", "push", "press", "back", "support",
    "oppose", "invade", "attack", "annex",
]);

/// Nouns and verbs whose target ("on Moscow", "against Moscow", "punish Moscow") is a
/// government, not a location.
pub static PRESSURE_WORDS: WordSet = WordSet::new(&[
    "punishment", "sanction", "sanctions", "pressure", "penalty", "penalties", "embargo", "punish", "sanction",
    "pressure", "pressured", "punished", "sanctioned", "condemn", "condemned", "condemning", "blame", "blamed",
    "tariff", "tariffs", "restriction", "restrictions", "measures", "ultimatum", "demands", "war", "warned", "urged",
    "accused", "criticized", "criticised", "talks", "relations", "ties", "dialogue",
]);

/// US states as AP style abbreviates them after a city ("Athens, Ga.", "Buffalo, N.Y."),
/// with their GeoNames first-level codes. Matched on the written form, full stops
/// included.
pub const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala.", "AL"), ("Ariz.", "AZ"), ("Ark.", "AR"), ("Calif.", "CA"), ("Cal.", "CA"), ("Colo.", "CO"), ("Conn.", "CT"),
    ("Del.", "DE"), ("D.C.", "DC"), ("Fla.", "FL"), ("Ga.", "GA"), ("Ill.", "IL"), ("Ind.", "IN"), ("Kan.", "KS"),
    ("Kans.", "KS"), ("Ky.", "KY"), ("La.", "LA"), ("Md.", "MD"), ("Mass.", "MA"), ("Mich.", "MI"), ("Minn.", "MN"),
    ("Miss.", "MS"), ("Mo.", "MO"), ("Mont.", "MT"), ("Neb.", "NE"), ("Nebr.", "NE"), ("Nev.", "NV"), ("N.H.", "NH"),
    ("N.J.", "NJ"), ("N.M.", "NM"), ("N.Y.", "NY"), ("N.C.", "NC"), ("N.D.", "ND"), ("Okla.", "OK"), ("Ore.", "OR"),
    ("Pa.", "PA"), ("R.I.", "RI"), ("S.C.", "SC"), ("S.D.", "SD"), ("Tenn.", "TN"), ("Tex.", "TX"), ("Vt.", "VT"),
    ("Va.", "VA"), ("Wash.", "WA"), ("W.Va.", "WV"), ("W. Va.", "WV"), ("Wis.", "WI"), ("Wisc.", "WI"), ("Wyo.", "WY"),
];

/// The GeoNames first-level code of a US state abbreviated AP style, written exactly as in
/// [`US_STATE_ABBREVIATIONS`] (`"Ga."` → `"GA"`), looked up in a map built on first use.
pub fn us_state_code(written: &str) -> Option<&'static str> {
    // (The Fx hash: the recogniser asks of many words, and SipHash is most of a lookup.)
    static CODES: OnceLock<HashMap<&'static str, &'static str, BuildFxHasher>> = OnceLock::new();
    // Collected from the end, so that the first row of a form written twice would win, as
    // in a walk down the list.
    CODES.get_or_init(|| US_STATE_ABBREVIATIONS.iter().rev().copied().collect()).get(written).copied()
}
