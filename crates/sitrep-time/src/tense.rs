//! The tense around an expression, which decides whether a bare "Friday" or "March" is
//! the last one or the next one.
//!
//! With the syntax layer, the verb the expression attaches to in the dependency tree
//! decides, by its Penn tag and its auxiliaries ("met Friday" past, "will meet Friday"
//! future, "has slumped … closing Friday" past); in reported speech that is the verb of
//! the reported clause, not "said". When the tree gives nothing, or without the syntax
//! layer, the nearest verb decides: by its tag (`VBD` past, `MD will` future), or by the
//! words: `will`/`’ll`/`shall`/`going to` future, a list of irregular past forms and
//! `-ed` endings past, `is`/`are`/`says` present.

use sitrep_core::{Token, TokenSyntax};

/// Tense of the nearest verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// The tense of the verb nearest the expression at tokens `start..end`, looking left
/// first (up to the sentence start `from`), then right (up to `to`).
pub(crate) fn tense_near(
    text: &str,
    tokens: &[Token],
    syntax: Option<&[TokenSyntax]>,
    from: usize,
    start: usize,
    end: usize,
    to: usize,
) -> Tense {
    if let Some(syn) = syntax {
        if let Some(t) = governing_tense(text, tokens, syn, from, start, end, to) {
            return t;
        }
    }
    // A quotation mark ends the search: quoted words keep their own time ("'We will
    // concentrate on our business,' he said Friday").
    let left = (from..start).rev().take(10);
    for i in left {
        if is_quote(text, tokens, i) {
            break;
        }
        if let Some(t) = tense_of(text, tokens, syntax, i) {
            return t;
        }
    }
    for i in (end..to).take(10) {
        if is_quote(text, tokens, i) {
            break;
        }
        if let Some(t) = tense_of(text, tokens, syntax, i) {
            return t;
        }
    }
    Tense::Unknown
}

/// The tense of the verb that governs the expression at `start..end` in the tree: up
/// from the expression's head through nouns, participles and infinitives ("the October
/// slaying" → "gathered"; "to acquire … Friday" → "extended") to the first finite verb
/// or verb with auxiliaries.
fn governing_tense(
    text: &str,
    tokens: &[Token],
    syn: &[TokenSyntax],
    from: usize,
    start: usize,
    end: usize,
    to: usize,
) -> Option<Tense> {
    let inside = |h: usize| (start..end).contains(&h);
    let head_of = |i: usize| syn.get(i).and_then(|t| t.head).map(|h| h as usize).filter(|h| (from..to).contains(h));
    // The expression's own head: its token attached outside it.
    let top = (start..end).find(|&i| head_of(i).is_none_or(|h| !inside(h)))?;
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range())).unwrap_or("");
    // "Wednesday's ruling": a thing already named, not the time of the clause's verb.
    if syn[top].deprel == "nmod:poss" {
        return Some(Tense::Unknown);
    }
    // "postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday": a new
    // date ahead, whatever the verb's tense.
    let until = start > from && ["until", "till", "til", "through"].iter().any(|u| word(start - 1).eq_ignore_ascii_case(u));
    // "effective Feb. 1": a date set by the clause, before or after it, whatever its tense.
    if start > from && word(start - 1).eq_ignore_ascii_case("effective") {
        return Some(Tense::Unknown);
    }
    let mut cur = head_of(top)?;
    for _ in 0..6 {
        let t = &syn[cur];
        let w = word(cur);
        if is_future_cue(w) {
            if let Some(t) = tense_of(text, tokens, Some(syn), cur) {
                return Some(t);
            }
        }
        // "postponed until Tuesday" (whatever tag "postponed" got).
        if t.xpos.starts_with("VB") && is_intent(w) || until && is_deferral(w) {
            return Some(Tense::Future);
        }
        // A verb tag on a word the parser attached as a noun ("relatives", "offers") is
        // a mistagged noun.
        let nominal = matches!(
            t.deprel,
            "obj" | "nsubj" | "nsubj:pass" | "iobj" | "obl" | "nmod" | "compound" | "appos" | "nmod:poss"
        );
        if !nominal {
            if let Some(tense) = verb_tense(tokens, text, syn, from, to, cur) {
                return Some(tense);
            }
        }
        if t.xpos == "MD" {
            if let Some(tense) = future_modal(w) {
                return Some(tense);
            }
        }
        cur = head_of(cur)?;
    }
    None
}

/// Verbs whose past tense is their base form ("hit", "cut", "set").
fn is_invariant_past(word: &str) -> bool {
    const W: &[&str] = &["hit", "cut", "put", "set", "hurt", "shut", "burst", "spread", "cast", "quit", "beat", "let", "shed", "split", "upset", "thrust", "bid", "cost", "broadcast", "forecast"];
    W.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// Verbs of intent, whose complement lies ahead ("did not plan to remove him on
/// Thursday morning").
fn is_intent(word: &str) -> bool {
    const W: &[&str] = &["plan", "intend", "intends", "intended", "intending"];
    W.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// Verbs that move a date ahead, with "until".
fn is_deferral(word: &str) -> bool {
    const W: &[&str] = &["postpone", "postponed", "postpones", "delay", "delayed", "delays", "adjourn", "adjourned", "adjourns", "defer", "deferred", "defers", "recess", "recessed", "extend", "extended", "extends", "give", "gave", "given", "gives", "suspend", "suspended", "suspends"];
    W.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// The tense of verb `v` from its auxiliaries and its own tag; `None` for forms that
/// take their time from the verb above (bare infinitives, gerunds).
fn verb_tense(tokens: &[Token], text: &str, syn: &[TokenSyntax], from: usize, to: usize, v: usize) -> Option<Tense> {
    let w = tokens.get(v).and_then(|k| text.get(k.span.range())).unwrap_or("");
    // A finite verb carries its own tense; an auxiliary attached to it is a misparse
    // ("exiles will now proceed …, Cuba predicted Wednesday").
    match syn[v].xpos {
        "VBD" => return Some(Tense::Past),
        "VBZ" | "VBP" if is_reporting(w) => return None,
        // A present form without a subject of its own, outside a coordination, is a
        // plural noun tagged as a verb ("lashed out at his Miami relatives Sunday night").
        "VBZ" | "VBP" if syn[v].deprel != "conj" && !has_child(syn, from, to, v, |r| r.starts_with("nsubj") || r == "expl") => {
            return None
        }
        // "Russian missiles hit a building early Thursday": a verb whose past is its
        // base form, tagged as a present with a plural subject, is as often the past;
        // news tells of days gone by.
        "VBP" if is_invariant_past(w) => return Some(Tense::Past),
        "VBZ" | "VBP" => return Some(Tense::Present),
        _ => {}
    }
    let mut perfect = false;
    let mut had = false;
    let mut past = false;
    let mut present = false;
    let mut would = false;
    for i in from..to {
        let t = &syn[i];
        if t.head != Some(v as u32) || !(t.deprel.starts_with("aux") || t.deprel == "cop") {
            continue;
        }
        let Some(w) = tokens.get(i).and_then(|k| text.get(k.span.range())) else { continue };
        if future_modal(w).is_some() || w.eq_ignore_ascii_case("wo") {
            return Some(Tense::Future);
        }
        let lower = |s: &str| w.eq_ignore_ascii_case(s);
        // "would", "might", "may" look ahead ("might come as soon as Tuesday") unless
        // perfect ("would have"); "could" is as often the past of "can".
        if lower("would") || lower("might") || lower("may") || lower("should") || lower("must") || lower("can") || lower("ca") {
            would = true;
        } else if lower("had") || lower("'d") {
            had = true;
        } else if lower("has") || lower("have") || lower("'ve") || (lower("'s") && t.xpos == "VBZ" && syn[v].xpos == "VBN") {
            perfect = true;
        } else if lower("was") || lower("were") || lower("did") {
            past = true;
        } else if lower("is") || lower("are") || lower("am") || lower("does") || lower("do") || lower("'re") || lower("'m") {
            present = true;
        }
    }
    if would {
        return Some(if perfect { Tense::Past } else { Tense::Future });
    }
    if had || past || perfect {
        return Some(Tense::Past);
    }
    if present {
        return Some(Tense::Present);
    }
    match syn[v].xpos {
        "VBN" => Some(Tense::Past),
        // A bare verb heading the sentence is a mistagged present ("He and Arafat meet
        // separately Monday"), unless an infinitive ("to").
        "VB" if syn[v].deprel == "root" && !has_child(syn, from, to, v, |r| r == "mark") => {
            Some(Tense::Present)
        }
        _ => None,
    }
}

/// Whether token `v` has a dependent in `from..to` by a relation that `rel` accepts.
fn has_child(syn: &[TokenSyntax], from: usize, to: usize, v: usize, rel: impl Fn(&str) -> bool) -> bool {
    syn[from..to].iter().any(|t| t.head == Some(v as u32) && rel(t.deprel))
}

fn is_quote(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(word) = tokens.get(i).and_then(|t| text.get(t.span.range())) else { return false };
    matches!(word, "\"" | "``" | "''" | "“" | "”")
}

fn tense_of(text: &str, tokens: &[Token], syntax: Option<&[TokenSyntax]>, i: usize) -> Option<Tense> {
    let word = text.get(tokens.get(i)?.span.range())?;
    if is_future_cue(word) {
        // "set to begin", "set for Monday" look ahead; "a record set on Aug. 6" does not.
        let at = |k: Option<usize>| k.and_then(|k| tokens.get(k)).and_then(|t| text.get(t.span.range())).unwrap_or("");
        let next = at(Some(i + 1));
        // "it had been due to expire Friday": a plan of the past, over by now.
        let had = at(i.checked_sub(1)).eq_ignore_ascii_case("had")
            || (at(i.checked_sub(1)).eq_ignore_ascii_case("been") && at(i.checked_sub(2)).eq_ignore_ascii_case("had"));
        if had {
            return Some(Tense::Past);
        }
        if !word.eq_ignore_ascii_case("set") || next.eq_ignore_ascii_case("to") || next.eq_ignore_ascii_case("for") {
            return Some(Tense::Future);
        }
    }
    // "since March": a time before now, whatever the verb.
    if word.eq_ignore_ascii_case("since") {
        return Some(Tense::Past);
    }
    if let Some(tags) = syntax {
        let tag = tags.get(i)?.xpos;
        return match tag {
            "MD" => future_modal(word),
            "VBD" => Some(Tense::Past),
            "VBZ" | "VBP" if is_reporting(word) => None,
            "VBZ" | "VBP" => Some(Tense::Present),
            _ => None,
        };
    }
    word_tense(word)
}

fn future_modal(word: &str) -> Option<Tense> {
    let w = word.trim_start_matches(['\'', '’']);
    (w.eq_ignore_ascii_case("will") || w.eq_ignore_ascii_case("ll") || w.eq_ignore_ascii_case("shall"))
        .then_some(Tense::Future)
}

fn is_reporting(word: &str) -> bool {
    ["says", "say", "tells", "reports", "adds"].iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that put what follows in the future whatever their own tense ("was scheduled
/// to begin on Saturday").
fn is_future_cue(word: &str) -> bool {
    const CUES: &[&str] =
        &["scheduled", "expected", "due", "slated", "planned", "plans", "planning", "expects", "upcoming", "going", "set"];
    word.len() <= 10 && CUES.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// The tense a word shows by itself, without tags.
fn word_tense(word: &str) -> Option<Tense> {
    if word.len() > 14 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 14];
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..word.len()]).ok()?;
    match w {
        "will" | "'ll" | "shall" | "won't" | "wo" => Some(Tense::Future),
        // Reporting verbs tell when something was said, not when it happens.
        "says" | "say" | "tells" | "reports" | "adds" => None,
        "is" | "are" | "am" | "has" | "have" | "does" | "do" => {
            Some(Tense::Present)
        }
        "was" | "were" | "had" | "did" | "said" | "told" | "made" | "came" | "went" | "took" | "gave" | "saw"
        | "held" | "met" | "left" | "began" | "fell" | "rose" | "got" | "found" | "brought" | "bought"
        | "sold" | "paid" | "lost" | "won" | "hit" | "put" | "set" | "cut" | "shot" | "struck" | "spoke"
        | "wrote" | "led" | "fought" | "fled" | "broke" | "chose" | "drove" | "flew" | "grew" | "knew"
        | "ran" | "sent" | "spent" | "stood" | "thought" | "threw" | "wore" | "became" | "kept" | "felt"
        | "heard" | "meant" | "sat" | "sought" | "taught" | "understood" | "withdrew" | "began." => {
            Some(Tense::Past)
        }
        _ if w.len() > 4 && w.ends_with("ed") && !matches!(w, "need" | "speed" | "breed" | "hundred" | "indeed" | "proceed" | "exceed" | "succeed") => {
            Some(Tense::Past)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_show_tense() {
        assert_eq!(word_tense("will"), Some(Tense::Future));
        assert_eq!(word_tense("attacked"), Some(Tense::Past));
        assert_eq!(word_tense("said"), Some(Tense::Past));
        assert_eq!(word_tense("hundred"), None);
        assert_eq!(word_tense("troops"), None);
    }
}
