//! Metonymy: a capital or a country standing for its government ("Washington said",
//! "Kyiv had rejected the offer", "sanctions on Moscow") is an actor, not a location.

use sitrep_core::Doc;

use crate::lexicon::{PRESSURE_WORDS, SPEECH_DECISION_VERBS};
use crate::recognize::Scratch;

/// Prepositions that keep a name a location ("in Moscow", "to Warsaw").
const LOCATIVE: &[&str] = &["in", "at", "near", "to", "from", "outside", "into", "across", "around", "inside", "toward", "towards", "through", "via", "within", "throughout", "over"];

/// True when tokens `[a, b)` (a capital or a country) name a government in their
/// sentence: the subject of a speech or decision verb, or the target of pressure.
pub fn is_metonym(doc: &Doc, scratch: &Scratch, a: usize, b: usize, sentence_start: usize) -> bool {
    let prev = |k: usize| a.checked_sub(k).filter(|&p| p >= sentence_start).map(|p| scratch.norm(p));
    if prev(1).is_some_and(|w| LOCATIVE.contains(&w)) {
        return false;
    }
    if !doc.syntax.tokens.is_empty() {
        if let Some(head) = (a..b).find(|&i| doc.syntax.tokens.get(i).and_then(|s| s.head).is_none_or(|h| (h as usize) < a || (h as usize) >= b)) {
            let s = doc.syntax.tokens[head];
            if let Some(h) = s.head.map(|h| h as usize).filter(|&h| h < doc.syntax.tokens.len()) {
                let lemma = doc.syntax.lemma(h);
                if s.deprel.starts_with("nsubj") && SPEECH_DECISION_VERBS.contains(lemma) {
                    return true;
                }
                if s.deprel == "obj" && PRESSURE_WORDS.contains(lemma) {
                    return true;
                }
            }
        }
    }
    // Surface cues, with or without syntax.
    if matches!(prev(1), Some("on" | "against")) {
        for k in 2..6 {
            if prev(k).is_some_and(|w| PRESSURE_WORDS.contains(w)) {
                return true;
            }
        }
    }
    let next = |k: usize| doc.text_layer.tokens.get(b + k).map(|_| scratch.norm(b + k));
    if doc.syntax.tokens.is_empty() && (matches!(next(0), Some("said" | "says" | "rejected" | "denied" | "warned" | "announced")) || matches!((next(0), next(1)), (Some("has" | "had"), Some("said" | "rejected" | "denied" | "warned")))) {
        return true;
    }
    false
}
