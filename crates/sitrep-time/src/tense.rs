//! The tense around an expression, which decides whether a bare "Friday" or "March" is
//! the last one or the next one.
//!
//! With the syntax layer, Penn tags decide (`VBD` past, `MD will` future); without it,
//! the words do: `will`/`’ll`/`shall`/`going to` future, a list of irregular past forms
//! and `-ed` endings past, `is`/`are`/`says` present.

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
