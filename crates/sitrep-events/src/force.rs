//! Words of force that politics borrows: "Christie attacked Rubio for not answering the
//! question" is criticism (111), not an assault (190); "the only one that can beat Trump"
//! and "banning Muslims from entering the United States" are no events at all.
//!
//! The words and the cues are in `data/events/force.tsv`; the stage asks about events of
//! roots 15 and 18–20. A word is read literally when the sentence shows armed force
//! (troops, a bomb, the dead), when an armed party takes part (an actor code with an armed
//! role, or an armed group such as ISI), and — for `verbal` words — when a side is a place
//! or country ("the Paris attacks", "Russia attacked Ukraine") or, with no sides at all,
//! when a place says where it happens ("heavy fighting near Kherson"). Otherwise the event
//! takes the table's political reading: another code, or none.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use sitrep_core::{EntityType, Participant};
use sitrep_learn::hash::BuildFxHasher;

use crate::context::Context;

static TABLE: &str = include_str!("../../../data/events/force.tsv");

/// How a word of force can be borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Literal with a place or country on either side ("attack", "fight").
    Verbal,
    /// Literal only with armed parties or armed words ("enter", "capture").
    Movement,
}

/// The table of `force.tsv`.
#[derive(Debug, Default)]
pub struct Force {
    /// Lemma → kind and the code of its political reading (`None`: no event).
    words: HashMap<String, (Kind, Option<String>), BuildFxHasher>,
    /// Lemmas showing armed force in a sentence.
    armed: HashSet<String, BuildFxHasher>,
    /// Modifiers that make an attack words ("sharp", "personal", "attack ads").
    verbal_cues: HashSet<String, BuildFxHasher>,
    /// Modifiers that make a word of force no event at all ("a charm offensive", "a price
    /// war", "a bidding war").
    peaceful_cues: HashSet<String, BuildFxHasher>,
    /// What only force can be aimed at: an attack on "the Pulse nightclub" or a truck
    /// striking "the crowd" is violence, whoever the sides.
    physical_targets: HashSet<String, BuildFxHasher>,
    /// What only words can be aimed at: an attack on "the nomination process" or on
    /// "the foundation and its finances" is criticism.
    verbal_targets: HashSet<String, BuildFxHasher>,
    /// Forces of nature and of circumstance, which strike and kill without anyone doing
    /// it ("an earthquake struck eastern Turkey", "inflation hit Argentina"): no event.
    hazards: HashSet<String, BuildFxHasher>,
    /// Words only sport uses ("innings", "midfielder", "semifinal"): a report with two of
    /// them tells of games, where teams beat, crush and attack one another.
    sport: HashSet<String, BuildFxHasher>,
}

/// What to do with an event whose trigger is a word of force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Keep the event as coded.
    Literal,
    /// The political reading: this code instead.
    Recode(String),
    /// The political reading is no event.
    Drop,
}

impl Force {
    /// The built-in table.
    pub fn builtin() -> &'static Force {
        static FORCE: OnceLock<Force> = OnceLock::new();
        FORCE.get_or_init(|| Force::from_table(TABLE))
    }

    /// Read a table in `force.tsv`'s form (`word kind code note`).
    ///
    /// ```
    /// let f = sitrep_events::force::Force::from_table("#word\tkind\tcode\tnote\nattack\tverbal\t111\t\ntroop\tarmed\t-\t\n");
    /// assert!(f.is_borrowed("attack") && !f.is_borrowed("shell"));
    /// ```
    pub fn from_table(table: &str) -> Force {
        let mut f = Force::default();
        for r in sitrep_core::table::rows(table, "data/events/force.tsv").0 {
            let (Some(&word), Some(&kind)) = (r.get("word"), r.get("kind")) else { continue };
            let word = word.to_lowercase();
            let code = r.get("code").copied().filter(|c| !c.is_empty() && *c != "-").map(str::to_string);
            match kind {
                "verbal" => drop(f.words.insert(word, (Kind::Verbal, code))),
                "movement" => drop(f.words.insert(word, (Kind::Movement, code))),
                "armed" => drop(f.armed.insert(word)),
                "verbal-cue" => drop(f.verbal_cues.insert(word)),
                "verbal-target" => drop(f.verbal_targets.insert(word)),
                "peaceful-cue" => drop(f.peaceful_cues.insert(word)),
                "physical-target" => drop(f.physical_targets.insert(word)),
                "hazard" => drop(f.hazards.insert(word)),
                "sport" => drop(f.sport.insert(word)),
                _ => {}
            }
        }
        f
    }

    /// The entry of a word by its lemma, else by its verb stem: a gerund tagged as a noun
    /// keeps its "-ing" as lemma ("beating Clinton").
    fn entry(&self, lemma: &str, word: &str) -> Option<&(Kind, Option<String>)> {
        self.words.get(lemma).or_else(|| {
            let stem = word.strip_suffix("ing").or_else(|| word.strip_suffix("ed"))?;
            self.words.get(stem).or_else(|| self.words.get(&format!("{stem}e")))
        })
    }

    /// Whether token `s` (the head of a side's phrase) names a force of nature or of
    /// circumstance: its lemma or form, or a name's title word ("Hurricane Ian",
    /// "Typhoon Haiyan").
    ///
    /// Struck, hit or killed by one, nobody did anything to anyone: "An earthquake
    /// struck eastern Turkey" is no attack on Turkey (GDELT's best-known misreading).
    pub fn hazard(&self, cx: &Context, s: usize) -> bool {
        let t = &cx.tree;
        let is = |k: usize| self.hazards.contains(&*t.lemma(k)) || self.hazards.contains(&*t.lower(k));
        is(s) || (t.upos(s) == "PROPN" && t.children(s).any(|c| t.rel(c) == "compound" && is(c)))
    }

    /// Whether politics borrows the word `lemma`.
    pub fn is_borrowed(&self, lemma: &str) -> bool {
        self.words.contains_key(lemma)
    }

    /// How to read the event triggered by token `v` with these sides (a `Literal` event
    /// keeps its code).
    pub fn reading(&self, cx: &Context, v: usize, source: Option<&Participant>, target: Option<&Participant>) -> Reading {
        let t = &cx.tree;
        // The word itself, or the object that carries the verb's code ("launched attacks",
        // "waged war").
        // … or what the object counts or likens ("declaring a moral equivalent of war").
        let counted = t.with_rel(v, "obj").flat_map(|o| t.children(o).filter(move |&c| t.rel(c).starts_with("nmod") && t.case(c).as_deref() == Some("of")));
        let Some((w, (kind, code))) = std::iter::once(v).chain(t.with_rel(v, "obj")).chain(counted).find_map(|w| self.entry(&t.lemma(w), &t.lower(w)).map(|e| (w, e))) else {
            return Reading::Literal;
        };
        let political = || code.clone().map_or(Reading::Drop, Reading::Recode);
        let modifiers = || t.children(w).filter(|&c| matches!(t.rel(c), "amod" | "compound"));
        if modifiers().any(|c| self.peaceful_cues.contains(&*t.lemma(c))) {
            return Reading::Drop;
        }
        // "sharp attacks on Washington elites", "attack ads": words, whoever the sides.
        if modifiers().any(|c| self.verbal_cues.contains(&*t.lemma(c)))
            || t.head(w).is_some_and(|h| t.rel(w) == "compound" && self.verbal_cues.contains(&*t.lemma(h)))
        {
            return political();
        }
        // "ads attacking candidates", "the video attacks Rubio": words attack, whoever
        // the sides and whatever guns the sentence names.
        let medium = |k: usize| {
            matches!(
                &*t.lemma(k),
                "ad" | "advertisement" | "commercial" | "spot" | "video" | "tweet" | "post" | "editorial" | "op-ed" | "column" | "letter" | "speech" | "statement" | "article" | "book" | "mailer" | "flyer" | "leaflet" | "website" | "memo" | "broadside"
            )
        };
        if *kind == Kind::Verbal && (t.head(w).is_some_and(|h| t.rel(w).starts_with("acl") && medium(h)) || t.children(w).any(|c| t.rel(c) == "nsubj" && medium(c))) {
            return political();
        }
        // "Trump's attacks on the nomination process", "losing the war on terrorism": what
        // is attacked is an idea, whatever else the sentence names.
        let idea = |word: &str| {
            let word = word.to_lowercase();
            self.verbal_targets.contains(&word) || word.strip_suffix('s').is_some_and(|h| self.verbal_targets.contains(h))
        };
        // An army's positions are no one's views ("attacked Ethiopian army positions").
        let aimed_at_words = target.is_some_and(|p| !p.actor.as_deref().is_some_and(armed_actor) && idea(p.span.of(cx.doc.text()).rsplit(|c: char| !c.is_alphanumeric() && c != '-').find(|w| !w.is_empty()).unwrap_or("")))
            || (target.is_none() && w + 1 < t.len() && matches!(&*t.lower(w + 1), "on" | "against") && t.head(w + 1).is_some_and(|c| idea(&t.lemma(c))));
        let sides = || [source, target].into_iter().flatten();
        let armed_side = |p: &Participant| p.actor.as_deref().is_some_and(armed_actor) || self.armed_phrase(cx, p);
        // A country's offensive against "Kurdish positions" is armed whatever the word, and
        // so are troops attacking positions.
        if *kind == Kind::Verbal && aimed_at_words && !source.is_some_and(|p| place_like(cx, p) || armed_side(p)) {
            return political();
        }
        // "banning Muslims from entering the United States", "Somebody entered the United
        // States through the visa program": a policy on who may come, or people who come,
        // whatever else the sentence says. Armies and states move in by force.
        if *kind == Kind::Movement && !sides().any(armed_side) && (barred(cx, w) || source.is_some_and(|p| civilian(cx, p))) {
            return political();
        }
        // "the Oromia region, which surrounds Addis Ababa": a place lies around another,
        // whatever force the sentence tells of.
        let land = |p: &Participant| {
            crate::context::phrase_head(cx, p.span).is_some_and(|h| {
                matches!(&*t.lemma(h), "region" | "area" | "province" | "city" | "town" | "district" | "county" | "zone" | "park" | "lake" | "sea" | "river" | "mountain" | "hill" | "wall" | "fence" | "forest" | "desert" | "valley" | "island" | "territory" | "suburb" | "countryside" | "which")
            })
        };
        if *kind == Kind::Movement && &*t.lemma(w) == "surround" && source.is_some_and(land) && !sides().any(|p| p.actor.as_deref().is_some_and(armed_actor)) {
            return Reading::Drop;
        }
        if self.armed_sentence(cx, v) || sides().any(|p| p.actor.as_deref().is_some_and(armed_actor)) || on_the_body(cx, w) {
            return Reading::Literal;
        }
        match kind {
            // A state occupies as armies do ("Ethiopia continues to occupy the village",
            // "territory occupied by Israel"); it enters a trade body or an election year.
            Kind::Movement if &*t.lemma(w) == "occupy" && source.is_some_and(|p| place_like(cx, p)) => Reading::Literal,
            // "Russia captured Kharkiv", "Russia's goal is to capture Kharkiv": a state
            // takes a town of another state by force (a candidate takes a state's vote;
            // one state's team takes another of its own).
            Kind::Movement if source.zip(target).is_some_and(|(s, g)| place_like(cx, s) && place_like(cx, g) && foreign(cx, s, g)) => Reading::Literal,
            // Only armies occupy: "money pouring into Ohio", "migrants crossing into Europe".
            Kind::Movement => political(),
            Kind::Verbal if sides().any(|p| place_like(cx, p)) => Reading::Literal,
            Kind::Verbal if sides().any(|p| political_side(cx, p)) => political(),
            // With nobody on either side, or only people the text does not name ("I have
            // seen him fight for his employees"), a place says where the fighting is
            // ("heavy fighting near Kherson"); with no place either, nothing shows it is
            // fighting ("the battle will continue until the convention").
            Kind::Verbal if placed(cx, w) || target.is_some_and(|p| self.physical_target(cx, p)) || t.child(w, "obj").is_some_and(|o| self.physical_word(cx, o)) => Reading::Literal,
            Kind::Verbal => political(),
        }
    }

    /// Whether the sentence of token `v` shows armed force: an armed word other than `v`
    /// itself and not inside a name ("the National Rifle Association"), or a mention of an
    /// armed party.
    /// Whether the report is about sport: two different words of the table's `sport`
    /// rows among its nouns, adjectives and names ("Finland beat the Czech Republic" in a
    /// report of semifinals is a game won).
    pub fn sports_report(&self, cx: &Context) -> bool {
        let t = &cx.tree;
        let mut first: Option<&str> = None;
        for k in 0..t.len() {
            if !matches!(t.upos(k), "NOUN" | "PROPN" | "ADJ") {
                continue;
            }
            let Some(word) = self.sport.get(&*t.lower(k)) else { continue };
            match first {
                Some(w) if w != word => return true,
                _ => first = Some(word),
            }
        }
        false
    }

    /// Whether the sentence of token `v` shows armed force (see `armed_sentence`) or a
    /// side of the event is an armed party.
    pub fn armed(&self, cx: &Context, v: usize, sides: [Option<&Participant>; 2]) -> bool {
        self.armed_sentence(cx, v) || sides.into_iter().flatten().any(|p| p.actor.as_deref().is_some_and(armed_actor))
    }

    fn armed_sentence(&self, cx: &Context, v: usize) -> bool {
        let doc = cx.doc;
        let Some(sentence) = doc.text_layer.sentences.get(cx.sentence(v)) else { return false };
        sentence.tokens().filter(|&k| k != v).any(|k| match cx.entity(k) {
            Some(e) if e.actor.as_deref().is_some_and(armed_actor) => true,
            Some(e) if matches!(e.kind, EntityType::Org | EntityType::Person | EntityType::Misc) => false,
            _ => self.armed_word(cx, k) && !policy_topic(cx, k),
        })
    }

    /// Whether a side's phrase is headed by a thing only force is aimed at ("the Pulse
    /// nightclub", "the crowd").
    fn physical_target(&self, cx: &Context, p: &Participant) -> bool {
        crate::context::phrase_head(cx, p.span).is_some_and(|h| self.physical_word(cx, h))
    }

    fn physical_word(&self, cx: &Context, k: usize) -> bool {
        self.physical_targets.contains(&*cx.tree.lemma(k)) || self.physical_targets.contains(&*cx.tree.lower(k))
    }

    /// Whether the head word of a side's phrase is an armed word ("tanks", "gunmen").
    fn armed_phrase(&self, cx: &Context, p: &Participant) -> bool {
        crate::context::phrase_head(cx, p.span).is_some_and(|h| self.armed_word(cx, h))
    }

    /// Whether token `k` is an armed word, by lemma or by form ("troops" keeps its "s" as
    /// a lemma in the treebank).
    pub fn armed_word(&self, cx: &Context, k: usize) -> bool {
        let t = &cx.tree;
        let lower = t.lower(k);
        self.armed.contains(&*t.lemma(k)) || self.armed.contains(&*lower) || lower.strip_suffix('s').is_some_and(|w| self.armed.contains(w))
    }
}

/// Whether the armed word at `k` names a topic of policy rather than force in use: "gun
/// control", "gun laws", "the issue of guns", "the gun lobby".
fn policy_topic(cx: &Context, k: usize) -> bool {
    let t = &cx.tree;
    t.head(k).is_some_and(|h| {
        matches!(
            &*t.lemma(h),
            "control" | "law" | "legislation" | "right" | "owner" | "ownership" | "sale" | "show" | "lobby" | "safety" | "reform" | "policy" | "issue" | "debate" | "measure" | "bill" | "proposal" | "regulation" | "restriction" | "background"
        )
    })
}

/// Whether the movement word at `w` is what a policy allows or forbids: "barring Muslims
/// *from entering*", "a ban on Muslims *entering*", "not allowing them *to enter*" (the
/// word, or the noun it describes, hangs from such a word).
fn barred(cx: &Context, w: usize) -> bool {
    let t = &cx.tree;
    let mut x = w;
    for _ in 0..2 {
        let Some(h) = t.head(x) else { return false };
        if matches!(
            &*t.lemma(h),
            "ban" | "bar" | "barring" | "prevent" | "block" | "stop" | "keep" | "prohibit" | "forbid" | "allow" | "permit" | "let" | "restrict" | "suspend" | "halt" | "exclude"
        ) {
            return true;
        }
        x = h;
    }
    false
}

/// Whether a side is civilians on the move: a person, an organisation or a group the
/// text names ("Muslims", "Rubio"), or people in general ("somebody", "migrants").
fn civilian(cx: &Context, p: &Participant) -> bool {
    // A state's people act for it: "He [Erdogan] controls vital supply routes".
    if p.inferred || place_like(cx, p) || p.actor.as_deref().is_some_and(|a| a.get(3..6) == Some("GOV")) {
        return false;
    }
    let named = p.entity.and_then(|i| cx.doc.entities.entities.get(i)).is_some_and(|e| matches!(e.kind, EntityType::Person | EntityType::Org) || (e.kind != EntityType::Gpe && e.actor.is_none()));
    let people = crate::context::phrase_head(cx, p.span).is_some_and(|h| {
        matches!(
            &*cx.tree.lemma(h),
            "somebody" | "someone" | "anyone" | "anybody" | "people" | "person" | "immigrant" | "migrant" | "refugee" | "visitor" | "tourist" | "traveler" | "traveller" | "student" | "worker" | "family" | "child" | "citizen" | "resident"
        )
    });
    named || people
}

/// Whether the blow at `w` lands on a body: "hitting him in the back of the head",
/// "struck her in the face" — force, whoever the sides.
fn on_the_body(cx: &Context, w: usize) -> bool {
    let t = &cx.tree;
    t.children(w).any(|c| {
        t.rel(c).starts_with("obl")
            && t.case(c).as_deref() == Some("in")
            && matches!(&*t.lemma(c), "head" | "face" | "back" | "chest" | "neck" | "stomach" | "leg" | "arm" | "eye" | "mouth" | "jaw" | "nose" | "groin" | "shoulder")
    })
}

/// Whether the word at `w` or its clause is placed: a resolved place among the words it
/// governs, or among those of the verb it hangs from.
fn placed(cx: &Context, w: usize) -> bool {
    let t = &cx.tree;
    // A place in the phrase itself, not in a clause of its own within it ("hit by
    // profit-taking over concerns that London shares will fall" is not hitting in London).
    let direct = |x: usize, k: usize| {
        let mut y = k;
        for _ in 0..t.len() {
            if y == x {
                return true;
            }
            let r = t.rel(y);
            // (A clause of its own: with a subject or a conjunction; "fighting continued
            // near Kharkiv", read as a participle, still tells where.)
            let clause = r.starts_with("acl") || r.starts_with("advcl") || r.starts_with("ccomp") || r == "xcomp" || r == "parataxis" || r == "csubj";
            if clause && t.children(y).any(|c| t.rel(c).starts_with("nsubj") || t.rel(c) == "mark") {
                return false;
            }
            let Some(h) = t.head(y) else { return false };
            y = h;
        }
        false
    };
    let within = |x: usize| {
        let (lo, hi) = t.subtree(x);
        (lo..=hi).any(|k| cx.place(k).is_some() && direct(x, k))
    };
    within(w) || t.head(w).is_some_and(|h| t.upos(h) == "VERB" && t.children(h).any(|c| c != w && matches!(t.rel(c), "obl" | "obl:lmod" | "advmod") && within(c)))
}

/// Whether a CAMEO actor code names an armed party: an armed role (military, rebels,
/// police, intelligence, unidentified armed men, criminals) or an armed group.
///
/// ```
/// use sitrep_events::force::armed_actor;
/// assert!(armed_actor("RUSMIL") && armed_actor("ISI") && armed_actor("IMGMOSALQ") && armed_actor("AFGREBTAL"));
/// assert!(!armed_actor("USAGOV") && !armed_actor("USA") && !armed_actor("USAELI"));
/// ```
pub fn armed_actor(code: &str) -> bool {
    const ROLES: [&str; 6] = ["MIL", "REB", "COP", "SPY", "UAF", "CRM"];
    code == "ISI" || code.starts_with("IMG") || (3..code.len()).step_by(3).any(|i| code.get(i..i + 3).is_some_and(|r| ROLES.contains(&r)))
}

/// Whether a side is one that politics contends with: a person, an organisation, a
/// group of people ("Rubio", "the Republican establishment", "Muslims"), or a phrase coded
/// with a role ("the White House" as USAGOV) — rather than a place, a country, a bare
/// pronoun or an uncoded thing ("signs of fighting").
fn political_side(cx: &Context, p: &Participant) -> bool {
    if p.inferred || place_like(cx, p) {
        return false;
    }
    match p.entity.and_then(|i| cx.doc.entities.entities.get(i)) {
        Some(e) => match e.kind {
            EntityType::Person | EntityType::Org => true,
            EntityType::Norp => p.actor.as_deref().is_none_or(|a| a.len() != 3),
            // A place's name inside a phrase headed by something else says nothing:
            // "Washington elites" are people, "two U.S. diplomatic compounds" buildings.
            _ => false,
        },
        None => p.actor.as_deref().is_some_and(|a| a.len() > 3),
    }
}

/// Whether the two sides are of different countries, both known.
fn foreign(cx: &Context, a: &Participant, b: &Participant) -> bool {
    // (A town's country, when the town is coded only later.)
    let country = |p: &Participant| p.actor.as_deref().and_then(|a| a.get(..3)).map(str::to_string).or_else(|| cx.country_of_place(p)).map(|c| c.chars().take(3).collect::<String>());
    country(a).zip(country(b)).is_some_and(|(x, y)| x != y)
}

/// Whether a side is a place or a country as such ("Paris", "Ukraine", "the airport"),
/// not a person or a group named after one ("Washington elites"): a place the place layer
/// resolved, or a name coded as a country. A surname the entity layer took for a place
/// ("Kasich") is neither.
fn place_like(cx: &Context, p: &Participant) -> bool {
    let doc = cx.doc;
    let country = p.actor.as_deref().is_some_and(|a| a.len() == 3);
    if let Some(e) = p.entity.and_then(|i| doc.entities.entities.get(i)) {
        match e.kind {
            EntityType::Person | EntityType::Org => return false,
            // "the Libyan attack on U.S. facilities": a nationality stands for its country.
            EntityType::Norp => return country,
            _ => {}
        }
        if country && e.mentions.iter().any(|&m| ends_in(p, m) && !headed_elsewhere(cx, p, m)) {
            return true;
        }
    }
    doc.places.places.iter().any(|pl| ends_in(p, pl.span) && !headed_elsewhere(cx, p, pl.span))
}

/// Whether the phrase of `p` ends inside `span`: its head is that name ("the United
/// States", "the city of Sumy"), not a word after it ("Washington elites").
fn ends_in(p: &Participant, span: sitrep_core::Span) -> bool {
    span.start < p.span.end && p.span.end <= span.end
}

/// Whether the head word of the phrase of `p` lies outside `span` although the phrase
/// ends inside it: "conservative givers in the United States" are people.
fn headed_elsewhere(cx: &Context, p: &Participant, span: sitrep_core::Span) -> bool {
    crate::context::phrase_head(cx, p.span).is_some_and(|h| {
        let k = cx.doc.text_layer.tokens[h].span;
        k.end <= span.start || k.start >= span.end
    })
}
