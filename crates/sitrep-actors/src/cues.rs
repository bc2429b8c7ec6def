//! Word lists that hint at an entity's type: titles before people, words that end
//! organisation names, nationality adjectives, calendar words that look like names.
//! Facts, written here; the model learns how much to trust each.

/// Cue classes (0 = none).
pub mod class {
    /// president, minister, spokesman, Mr, Dr …
    pub const TITLE: u64 = 1;
    /// Inc, Corp, Party, Council, Ministry, University …
    pub const ORG_WORD: u64 = 2;
    /// Ukrainian, Russian, British …
    pub const NATIONALITY: u64 = 3;
    /// January … December, Monday … Sunday.
    pub const CALENDAR: u64 = 4;
    /// River, Mountains, Sea, Gulf, Street …
    pub const PLACE_WORD: u64 = 5;
    /// said, told, added, says …
    pub const SPEECH: u64 = 6;
}

/// The cue class of a lower-cased word.
///
/// ```
/// use sitrep_actors::cues::{cue, class};
/// assert_eq!(cue("minister"), class::TITLE);
/// assert_eq!(cue("ukrainian"), class::NATIONALITY);
/// assert_eq!(cue("troops"), 0);
/// ```
pub fn cue(lower: &str) -> u64 {
    match lower {
        "president" | "minister" | "spokesman" | "spokeswoman" | "spokesperson" | "secretary" | "chancellor" | "premier"
        | "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "dr" | "dr." | "prof" | "prof." | "sen." | "senator" | "rep."
        | "gov." | "governor" | "mayor" | "general" | "gen." | "col." | "colonel" | "captain" | "capt." | "lt." | "sgt."
        | "king" | "queen" | "prince" | "princess" | "pope" | "ambassador" | "envoy" | "commander" | "chief" | "leader"
        | "judge" | "coach" | "striker" | "midfielder" | "defender" | "goalkeeper" | "chairman" | "ceo" | "director"
        | "resident" | "sheikh" | "ayatollah" | "rev." | "sir" | "lord" | "lady" | "st." | "saint" => class::TITLE,
        "inc" | "inc." | "corp" | "corp." | "co" | "co." | "ltd" | "ltd." | "plc" | "llc" | "ag" | "sa" | "nv" | "gmbh"
        | "group" | "party" | "council" | "ministry" | "university" | "bank" | "agency" | "committee" | "commission"
        | "union" | "association" | "organisation" | "organization" | "institute" | "fund" | "court" | "army" | "forces"
        | "federation" | "league" | "club" | "united" | "city" | "fc" | "airlines" | "airways" | "press" | "news"
        | "times" | "post" | "journal" | "television" | "tv" | "radio" | "ministry's" | "department" | "office"
        | "parliament" | "assembly" | "congress" | "senate" | "front" | "movement" | "brigade" | "battalion" | "regiment"
        | "exchange" | "holdings" | "motors" | "systems" | "technologies" | "foundation" | "society" | "church" => class::ORG_WORD,
        "river" | "mountains" | "mountain" | "sea" | "ocean" | "gulf" | "bay" | "lake" | "island" | "islands" | "street"
        | "square" | "avenue" | "road" | "valley" | "desert" | "peninsula" | "strait" | "province" | "region" | "oblast"
        | "county" | "state" | "district" | "airport" | "bridge" | "station" | "port" | "coast" => class::PLACE_WORD,
        "said" | "says" | "told" | "added" | "stated" | "announced" | "warned" | "according" => class::SPEECH,
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october"
        | "november" | "december" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" => class::CALENDAR,
        _ if is_nationality(lower) => class::NATIONALITY,
        _ => 0,
    }
}

/// Nationality and group adjectives (a short list; the actor lexicon has the full one).
fn is_nationality(w: &str) -> bool {
    matches!(
        w,
        "american" | "british" | "english" | "french" | "german" | "italian" | "spanish" | "russian" | "ukrainian"
            | "chinese" | "japanese" | "korean" | "indian" | "pakistani" | "afghan" | "iranian" | "iraqi" | "syrian"
            | "israeli" | "palestinian" | "egyptian" | "turkish" | "saudi" | "polish" | "belarusian" | "dutch"
            | "belgian" | "swiss" | "austrian" | "swedish" | "norwegian" | "danish" | "finnish" | "greek"
            | "portuguese" | "brazilian" | "mexican" | "canadian" | "australian" | "african" | "european" | "asian"
            | "arab" | "muslim" | "christian" | "jewish" | "catholic" | "sunni" | "shiite" | "shia" | "kurdish"
            | "serbian" | "croatian" | "bosnian" | "czech" | "slovak" | "hungarian" | "romanian" | "bulgarian"
            | "lebanese" | "jordanian" | "libyan" | "tunisian" | "algerian" | "moroccan" | "nigerian" | "kenyan"
            | "ethiopian" | "somali" | "sudanese" | "argentine" | "chilean" | "colombian" | "venezuelan" | "cuban"
            | "irish" | "scottish" | "welsh" | "western" | "soviet" | "yemeni" | "qatari" | "emirati"
    )
}
