//! The event lexicons, built into the binary from `data/events/`: the CAMEO code book
//! with Goldstein scores, the CAMEO→PLOVER crosswalk, verb and noun patterns, reporting
//! cues and factuality cues.

use std::collections::HashMap;
use std::sync::OnceLock;

use sitrep_core::{Factuality, Stance};
use sitrep_learn::hash::BuildFxHasher;

use crate::phrases::PhraseIndex;

static CAMEO: &str = include_str!("../../../data/events/cameo.tsv");
static PLOVER: &str = include_str!("../../../data/events/plover.tsv");
static VERBS: &str = include_str!("../../../data/events/verbs.tsv");
static NOUNS: &str = include_str!("../../../data/events/nouns.tsv");
static ATTRIBUTION: &str = include_str!("../../../data/events/attribution.tsv");
static FACTUALITY: &str = include_str!("../../../data/events/factuality.tsv");

/// One requirement of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// A particle: "bore *down*", "cut *off*".
    Particle(String),
    /// A nominal introduced by this preposition gives the target: "bore down *on* X".
    Oblique(String),
    /// The object's head word: "froze the *assets* of X".
    Object(String),
    /// An object that names a place (`obj:@place`): "seized *Kabul*", "took *Aleppo*".
    PlaceObject,
    /// An object that names a party — a coded person, organisation, group or country, or
    /// a place — (`obj:@actor`): "recognized *Kosovo*", not "recognized the folly".
    ActorObject,
    /// An object that is a sum of money (`obj:@money`): "charges *$20,000* for a speech".
    MoneyObject,
    /// An open complement verb: "urged X to *surrender*".
    Complement(String),
    /// The object of the complement verb: "ready to send a *delegation*".
    ComplementObject(String),
    /// A nominal introduced by a preposition that narrows the meaning without being the
    /// target: "took to the *streets*" (`obl:to=streets`).
    ObliqueWord(String, String),
    /// A modifier of the word: "*air* strike", "*military* help".
    Modifier(String),
    /// A clause modifying the word: "a resolution *condemning* …".
    Clause(String),
    /// A number counting the word: "150,000 troops".
    Number,
}

/// Where the participants come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Subject acts on object (or the pattern's oblique).
    Active,
    /// As active, and also "was shelled by X".
    PassiveOk,
    /// No target.
    Intransitive,
    /// An accusation the clause implies, made by whoever reports it: in "Putin argued that
    /// the West left him no other choice" Putin (the source) blames the West (the
    /// subject, here the target).
    Reproach,
}

/// A verb or noun pattern and the code it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// What must accompany the word.
    pub needs: Vec<Need>,
    /// CAMEO code.
    pub code: String,
    /// Where the participants come from.
    pub voice: Voice,
}

/// A CAMEO code's name, Goldstein score and PLOVER type.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// Name in the code book.
    pub name: String,
    /// Goldstein score.
    pub goldstein: Option<f32>,
    /// PLOVER event type.
    pub plover: Option<String>,
}

/// Everything the coder looks up (hashed with Fx: the coder asks about nearly every
/// word).
#[derive(Debug, Default)]
pub struct Lexicon {
    codes: HashMap<String, Code, BuildFxHasher>,
    verbs: HashMap<String, Vec<Pattern>, BuildFxHasher>,
    nouns: HashMap<String, Vec<Pattern>, BuildFxHasher>,
    reporting: HashMap<String, Stance, BuildFxHasher>,
    factuality: HashMap<String, Factuality, BuildFxHasher>,
    /// Nouns whose infinitive or `that` clause they govern is not asserted ("the right to
    /// refuse", "an effort to broker").
    noun_factuality: HashMap<String, Factuality, BuildFxHasher>,
    /// Verbs whose open complement alone they govern ("asked Minsk *to condemn* Kyiv"),
    /// not what else hangs from them ("asked about his criticisms").
    complement_factuality: HashMap<String, Factuality, BuildFxHasher>,
    phrases: Vec<(String, Factuality)>,
    /// `phrases` indexed for finding the first that occurs in a text.
    phrase_index: PhraseIndex,
}

/// The rows of a built-in table (written here and checked by `data/events/check.py`).
fn rows(table: &str) -> Vec<sitrep_core::table::Row<'_>> {
    sitrep_core::table::rows(table, "data/events").0
}

/// The needs of a pattern; `None` if a part is not understood (the row is then skipped,
/// rather than matching more widely than it was written to).
fn parse_needs(p: &str) -> Option<Vec<Need>> {
    let p = p.trim();
    if p.is_empty() || p == "-" {
        return Some(Vec::new());
    }
    p.split('+')
        .map(|part| {
            let (kind, word) = part.trim().split_once(':')?;
            let word = word.trim().to_lowercase();
            Some(match kind.trim() {
                "prt" => Need::Particle(word),
                "obl" | "nmod" => match word.split_once('=') {
                    Some((prep, w)) => Need::ObliqueWord(prep.to_string(), w.to_string()),
                    None => Need::Oblique(word),
                },
                "obj" if word == "@place" => Need::PlaceObject,
                "obj" if word == "@actor" => Need::ActorObject,
                "obj" if word == "@money" => Need::MoneyObject,
                "obj" => Need::Object(word),
                "xcomp" => Need::Complement(word),
                "xobj" => Need::ComplementObject(word),
                "amod" | "compound" => Need::Modifier(word),
                "acl" => Need::Clause(word),
                "nummod" => Need::Number,
                _ => return None,
            })
        })
        .collect()
}

fn voice(v: &str) -> Voice {
    match v {
        "passive-ok" => Voice::PassiveOk,
        "intransitive" => Voice::Intransitive,
        "reproach" => Voice::Reproach,
        _ => Voice::Active,
    }
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::from_tables(CAMEO, PLOVER, VERBS, NOUNS, ATTRIBUTION, FACTUALITY))
    }

    /// Read the six tables.
    pub fn from_tables(cameo: &str, plover: &str, verbs: &str, nouns: &str, attribution: &str, factuality: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for r in rows(cameo) {
            let Some(&code) = r.get("code") else { continue };
            lex.codes.insert(
                code.to_string(),
                Code { name: r.get("name").copied().unwrap_or("").to_string(), goldstein: r.get("goldstein").and_then(|g| g.parse().ok()), plover: None },
            );
        }
        for r in rows(plover) {
            let code = r.get("cameo").copied().unwrap_or("");
            let event = r.get("plover_event").or(r.get("plover")).copied().unwrap_or("");
            if let Some(c) = lex.codes.get_mut(code) {
                if !event.is_empty() {
                    c.plover = Some(event.to_string());
                }
            }
        }
        for (table, key, map) in [(verbs, "lemma", &mut lex.verbs), (nouns, "noun", &mut lex.nouns)] {
            for r in rows(table) {
                let (Some(&word), Some(&code)) = (r.get(key), r.get("code")) else { continue };
                if word.is_empty() || code.is_empty() {
                    continue;
                }
                let Some(needs) = parse_needs(r.get("pattern").copied().unwrap_or("-")) else { continue };
                let pattern = Pattern { needs, code: code.to_string(), voice: voice(r.get("voice").copied().unwrap_or("active")) };
                map.entry(word.to_lowercase()).or_default().push(pattern);
            }
        }
        for list in [&mut lex.verbs, &mut lex.nouns] {
            // Most specific patterns first: more needs, then needs naming a word
            // ("for=help" before any "for" phrase).
            for patterns in list.values_mut() {
                patterns.sort_by_key(|p| std::cmp::Reverse((p.needs.len(), p.needs.iter().filter(|n| !matches!(n, Need::Oblique(_))).count())));
            }
        }
        for r in rows(attribution) {
            let (Some(&w), Some(&s)) = (r.get("lemma"), r.get("stance")) else { continue };
            let stance = match s {
                "claimed" => Stance::Claimed,
                "denied" => Stance::Denied,
                "witnessed" => Stance::Witnessed,
                _ => Stance::Reported,
            };
            lex.reporting.insert(w.to_lowercase(), stance);
        }
        for r in rows(factuality) {
            let (Some(&w), Some(&f)) = (r.get("word"), r.get("factuality")) else { continue };
            let f = match f {
                "negated" => Factuality::Negated,
                "hypothetical" => Factuality::Hypothetical,
                "expected" => Factuality::Expected,
                "planned" => Factuality::Planned,
                "conditional" => Factuality::Conditional,
                _ => continue,
            };
            if r.get("scope") == Some(&"noun") {
                lex.noun_factuality.insert(w.to_lowercase(), f);
            } else if r.get("scope") == Some(&"complement") {
                lex.complement_factuality.insert(w.to_lowercase(), f);
            } else if w.contains(' ') {
                lex.phrases.push((w.to_lowercase(), f));
            } else {
                lex.factuality.insert(w.to_lowercase(), f);
            }
        }
        lex.phrase_index = PhraseIndex::new(lex.phrases.iter().map(|(p, _)| p.as_str()));
        lex
    }

    /// Name, Goldstein score and PLOVER type of a code (falling back to its root for PLOVER).
    pub fn code(&self, code: &str) -> Option<Code> {
        let mut c = self.codes.get(code)?.clone();
        if c.plover.is_none() {
            c.plover = code.get(..2).and_then(|r| self.codes.get(&format!("{r}0"))).and_then(|r| r.plover.clone());
        }
        Some(c)
    }

    /// Number of codes in the code book.
    pub fn n_codes(&self) -> usize {
        self.codes.len()
    }

    /// Patterns of a verb lemma.
    pub fn verb(&self, lemma: &str) -> &[Pattern] {
        self.verbs.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Patterns of a noun lemma.
    pub fn noun(&self, lemma: &str) -> &[Pattern] {
        self.nouns.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Stance of a reporting word.
    pub fn reporting(&self, word: &str) -> Option<Stance> {
        self.reporting.get(word).copied()
    }

    /// Factuality cue of a word; a typographic apostrophe reads as a plain one (news
    /// types "we’ll" as often as "we'll").
    ///
    /// ```
    /// use sitrep_core::Factuality;
    /// let lex = sitrep_events::lexicon::Lexicon::builtin();
    /// assert_eq!(lex.factuality("’ll"), Some(Factuality::Expected));
    /// assert_eq!(lex.factuality("n’t"), Some(Factuality::Negated));
    /// ```
    pub fn factuality(&self, word: &str) -> Option<Factuality> {
        match self.factuality.get(word) {
            Some(&f) => Some(f),
            None if word.contains('’') => self.factuality.get(&*word.replace('’', "'")).copied(),
            None => None,
        }
    }

    /// The factuality a noun gives the clause it governs ("right" → hypothetical: "the
    /// right to refuse services"), if it is such a noun.
    ///
    /// ```
    /// use sitrep_core::Factuality;
    /// let lex = sitrep_events::lexicon::Lexicon::builtin();
    /// assert_eq!(lex.noun_factuality("right"), Some(Factuality::Hypothetical));
    /// assert_eq!(lex.factuality("right"), None);
    /// ```
    pub fn noun_factuality(&self, noun: &str) -> Option<Factuality> {
        self.noun_factuality.get(noun).copied()
    }

    /// The factuality a verb of asking or bidding gives its open complement ("ask" →
    /// hypothetical: "Minsk was asked to condemn Kyiv"), if it is such a verb.
    ///
    /// ```
    /// use sitrep_core::Factuality;
    /// let lex = sitrep_events::lexicon::Lexicon::builtin();
    /// assert_eq!(lex.complement_factuality("ask"), Some(Factuality::Hypothetical));
    /// assert_eq!(lex.factuality("ask"), None);
    /// ```
    pub fn complement_factuality(&self, verb: &str) -> Option<Factuality> {
        self.complement_factuality.get(verb).copied()
    }

    /// Multi-word factuality cues ("off the table", "set to").
    pub fn factuality_phrases(&self) -> &[(String, Factuality)] {
        &self.phrases
    }

    /// The factuality of the first multi-word cue, in the table's order, that occurs in
    /// the lower-cased `text` as whole words.
    pub fn factuality_phrase_in(&self, text: &str) -> Option<Factuality> {
        self.phrase_index.first_in(text).map(|i| self.phrases[i].1)
    }

    /// All codes known to the verb and noun lexicons.
    pub fn lexicon_codes(&self) -> impl Iterator<Item = &str> {
        self.verbs.values().chain(self.nouns.values()).flatten().map(|p| p.code.as_str())
    }
}
