//! WordNet 3.0's verbs and nouns, for checking the lemmatiser's guesses on inflected words
//! the treebank never showed (`invaded` → `invade`, not `invad`; `villages` → `village`).
//! The lists are built into the binary (`data/syntax/build_wordnet.py`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use sitrep_learn::hash::BuildFxHasher;

/// The word classes WordNet lists that the lemmatiser checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Inflected verbs (Penn VBD, VBN, VBG, VBZ).
    Verb,
    /// Plural nouns (Penn NNS).
    Noun,
}

impl Class {
    /// The class whose guesses are checked for a Penn tag, if any.
    ///
    /// ```
    /// use sitrep_syntax::wordnet::Class;
    /// assert_eq!(Class::of_penn("VBD"), Some(Class::Verb));
    /// assert_eq!(Class::of_penn("NNS"), Some(Class::Noun));
    /// assert_eq!(Class::of_penn("NNPS"), None); // names keep their own forms
    /// ```
    pub fn of_penn(xpos: &str) -> Option<Class> {
        match xpos {
            "VBD" | "VBN" | "VBG" | "VBZ" => Some(Class::Verb),
            "NNS" => Some(Class::Noun),
            _ => None,
        }
    }
}

struct Table {
    // (Keyed by the Fx hash: SipHash costs most of a lookup of a short word.)
    lemmas: HashSet<&'static str, BuildFxHasher>,
    irregular: HashMap<&'static str, &'static str, BuildFxHasher>,
    /// Regular endings and what replaces them, in the order tried (WordNet's morphology,
    /// with "-ied" and "-oes" added): `closing` is `close` before `clos`.
    endings: &'static [(&'static str, &'static str)],
}

fn read(lemmas: &'static str, irregular: &'static str, endings: &'static [(&'static str, &'static str)]) -> Table {
    // Sized for every line at once (growing by doubling rehashed the words several times
    // over); the same entries as collecting them.
    let lines = |text: &str| text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut set = HashSet::with_capacity_and_hasher(lines(lemmas), BuildFxHasher::default());
    set.extend(lemmas.lines());
    let mut map = HashMap::with_capacity_and_hasher(lines(irregular), BuildFxHasher::default());
    map.extend(irregular.lines().filter_map(|l| l.split_once('\t')));
    Table { lemmas: set, irregular: map, endings }
}

fn table(class: Class) -> &'static Table {
    static VERBS: OnceLock<Table> = OnceLock::new();
    static NOUNS: OnceLock<Table> = OnceLock::new();
    match class {
        Class::Verb => VERBS.get_or_init(|| {
            read(
                include_str!("../../../data/syntax/wordnet-verbs.txt"),
                include_str!("../../../data/syntax/wordnet-verb-exceptions.tsv"),
                &[("ies", "y"), ("ied", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
            )
        }),
        Class::Noun => NOUNS.get_or_init(|| {
            read(
                include_str!("../../../data/syntax/wordnet-nouns.txt"),
                include_str!("../../../data/syntax/wordnet-noun-exceptions.tsv"),
                &[("ies", "y"), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("s", ""), ("oes", "o")],
            )
        }),
    }
}

/// The Penn tag an irregular verb form of WordNet's exception list most likely has:
/// `VBG` for "-ing", `VBN` for "-n"/"-en" ("torn", "shaken"), else `VBD` ("tore",
/// "fled", "abetted"); each with its form.
///
/// ```
/// let forms: Vec<_> = sitrep_syntax::wordnet::irregular_verb_forms().collect();
/// assert!(forms.contains(&("tore", "VBD")) && forms.contains(&("torn", "VBN")));
/// ```
pub fn irregular_verb_forms() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("../../../data/syntax/wordnet-verb-exceptions.tsv").lines().filter_map(|l| l.split_once('\t')).map(|(form, _)| {
        let tag = if form.ends_with("ing") {
            "VBG"
        } else if form.ends_with('n') {
            "VBN"
        } else {
            "VBD"
        };
        (form, tag)
    })
}

/// Whether the lower-case `word` is a verb's base form in WordNet.
///
/// ```
/// use sitrep_syntax::wordnet::base_verb;
/// assert!(base_verb("send") && base_verb("hit") && !base_verb("shot") && !base_verb("haiti"));
/// ```
pub fn base_verb(word: &str) -> bool {
    table(Class::Verb).lemmas.contains(word)
}

/// Whether the lower-case `word` is a form of some verb in WordNet: a base form, an
/// irregular form, or a form of "be".
///
/// ```
/// use sitrep_syntax::wordnet::verb_form;
/// assert!(verb_form("send") && verb_form("shot") && verb_form("are") && !verb_form("haiti"));
/// ```
pub fn verb_form(word: &str) -> bool {
    let t = table(Class::Verb);
    t.lemmas.contains(word) || t.irregular.contains_key(word) || matches!(word, "are" | "am" | "is" | "be")
}

/// Whether the lower-case `word` can be a verb's past tense: an irregular past form
/// ("shot", "fought"), a regular "-ed" form of a WordNet verb ("shelled"), or one of the
/// verbs whose past is their base ("hit", "cut").
///
/// ```
/// use sitrep_syntax::wordnet::past_tense;
/// assert!(past_tense("shot") && past_tense("shelled") && past_tense("hit"));
/// assert!(!past_tense("shots") && !past_tense("torn") && !past_tense("red"));
/// ```
pub fn past_tense(word: &str) -> bool {
    let t = table(Class::Verb);
    if matches!(word, "hit" | "cut" | "put" | "set" | "hurt" | "shut" | "burst" | "spread" | "cast" | "quit" | "beat") {
        return true;
    }
    if let Some(&lemma) = t.irregular.get(word) {
        return lemma != word && !word.ends_with("ing") && !word.ends_with('n');
    }
    word.len() >= 4 && word.strip_suffix("ed").is_some_and(|stem| t.lemmas.contains(stem) || t.lemmas.contains(&*format!("{stem}e")) || stem.strip_suffix('i').is_some_and(|s| t.lemmas.contains(&*format!("{s}y"))))
}

/// The lemma WordNet gives `word` (lower case) of `class`, when the rules' `guess` is not
/// a WordNet word of that class: an irregular form's lemma, then (for nouns) the word
/// itself when it is a lemma ("lens"), then the first regular ending whose stem is one.
/// `None` keeps the guess, and a plural noun the rules left whole.
///
/// ```
/// use sitrep_syntax::wordnet::{lemma, Class::*};
/// assert_eq!(lemma(Verb, "invaded", "invad"), Some("invade"));
/// assert_eq!(lemma(Verb, "fled", "fl"), Some("flee"));
/// assert_eq!(lemma(Verb, "raided", "raide"), Some("raid"));
/// assert_eq!(lemma(Verb, "singing", "sing"), None); // a verb already, not "singe"
/// assert_eq!(lemma(Verb, "singing", "singe"), Some("sing"));
/// assert_eq!(lemma(Verb, "hoping", "hop"), Some("hope"));
/// assert_eq!(lemma(Verb, "saw", "saw"), Some("see"));
/// assert_eq!(lemma(Verb, "installing", "install"), None); // not WordNet's "instal"
/// assert_eq!(lemma(Verb, "departes", "departe"), None); // "-es" never follows a "t"
/// assert_eq!(lemma(Verb, "hat", "hit"), Some("hat")); // a verb of its own, not "hit"
/// assert_eq!(lemma(Noun, "villages", "villege"), Some("village"));
/// assert_eq!(lemma(Noun, "crises", "crise"), Some("crisis"));
/// ```
pub fn lemma(class: Class, word: &str, guess: &str) -> Option<&'static str> {
    let t = table(class);
    // A plural noun the rules leave whole was learned so ("regards", "supplies").
    if class == Class::Noun && guess == word {
        return None;
    }
    // A regular ending the rules took off, leaving a lemma, stands ("installing" is
    // "install", though WordNet lists the spelling "instal").
    let regular = guess != word && t.lemmas.contains(guess);
    if let Some(&lemma) = t.irregular.get(word).filter(|_| !regular) {
        return (lemma != guess).then_some(lemma);
    }
    // "hat" tagged as a past tense is not "hit": a vowel changed by a rule learned from
    // an irregular verb ("sat" → "sit") leaves alone a word that is a verb of its own and
    // no irregular form.
    if class == Class::Verb && guess.len() == word.len() && guess != word && !t.irregular.contains_key(word) {
        if let Some(&lemma) = t.lemmas.get(word) {
            return Some(lemma);
        }
    }
    if class == Class::Verb {
        if let Some(lemma) = e_or_not(t, word, guess) {
            return (lemma != guess).then_some(lemma);
        }
    }
    if t.lemmas.contains(guess) {
        return None;
    }
    if class == Class::Noun {
        if let Some(&lemma) = t.lemmas.get(word) {
            return Some(lemma);
        }
    }
    let mut buf = [0u8; 64];
    for &(ending, with) in t.endings {
        let Some(stem) = word.strip_suffix(ending) else { continue };
        // "-es" follows a hissing sound or an "o" ("fixes", "goes"), never a "t":
        // "departes" is a misspelling, not "depart".
        if stem.is_empty() || (class == Class::Verb && ending == "es" && with.is_empty() && !["s", "x", "z", "ch", "sh", "o"].iter().any(|e| stem.ends_with(e))) {
            continue;
        }
        // The candidate is built in a buffer on the stack: no allocation per word.
        let n = stem.len() + with.len();
        if n > buf.len() {
            continue;
        }
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()..n].copy_from_slice(with.as_bytes());
        let Ok(candidate) = std::str::from_utf8(&buf[..n]) else { continue };
        if let Some(&lemma) = t.lemmas.get(candidate) {
            return Some(lemma);
        }
    }
    None
}

/// For "-ing" and "-ed" forms whose stem is a verb both with and without an "e" (sing and
/// singe, hop and hope), the one the spelling shows: a stem ending in two consonants
/// takes no "e" ("singing" is "sing"), a single vowel and consonant does ("hoping" is
/// "hope", as "hop" would double: "hopping"). `None` when the guess is neither or only
/// one is a verb.
fn e_or_not(t: &Table, word: &str, guess: &str) -> Option<&'static str> {
    let stem = word.strip_suffix("ing").or_else(|| word.strip_suffix("ed"))?;
    let bytes = stem.as_bytes();
    if bytes.len() < 2 || !(guess == stem || guess.strip_suffix('e') == Some(stem)) {
        return None;
    }
    let plain = t.lemmas.get(stem)?;
    let mut buf = [0u8; 64];
    let n = stem.len() + 1;
    if n > buf.len() {
        return None;
    }
    buf[..stem.len()].copy_from_slice(bytes);
    buf[stem.len()] = b'e';
    let with_e = t.lemmas.get(std::str::from_utf8(&buf[..n]).ok()?)?;
    let vowel = |b: u8| b"aeiou".contains(&b);
    let (last, before) = (bytes[bytes.len() - 1], bytes[bytes.len() - 2]);
    Some(if !vowel(last) && vowel(before) { with_e } else { plain })
}
