//! Sentence boundaries over one paragraph's tokens.
//!
//! A boundary follows `.`, `!`, `?` or an ellipsis, together with the quotes and
//! brackets that close right after it, when the next token can start a sentence:
//! a capital, a digit, an opening quote. Abbreviations are resolved by the tokenizer
//! (`U.S.` keeps its stop); after a title (`Gen.`) there is never a boundary, after
//! other abbreviations and initials only before a word that can only start a sentence
//! (`… in the U.S. The meeting`).
//!
//! A quotation that runs into its attribution (`“… We don’t know what to do,” said one
//! of the workers`, `“What are you doing? What is this?” resident Yurii Zhyhanov asked`)
//! is one sentence with it: the quote belongs to the speaker.
//!
//! A line break ends a sentence after a short line without final punctuation (a
//! headline, a dateline, a byline) when the next line starts with a capital.

use sitrep_core::{Sentence, Span, Token, TokenKind};

use crate::abbrev::{self, Abbrev};
use crate::chars::{is_closing, is_opening};

/// Lines shorter than this (bytes), without final punctuation, end their sentence.
const SHORT_LINE: usize = 60;

/// Split the paragraph whose tokens are `tokens` (global indices from `base`) into
/// sentences, appended to `out`. `blocked` is scratch space.
pub(crate) fn split(text: &str, tokens: &[Token], base: usize, blocked: &mut Vec<bool>, out: &mut Vec<Sentence>) {
    let n = tokens.len();
    if n == 0 {
        return;
    }
    mark_attributed_quotes(text, tokens, blocked);
    let mut start = 0;
    let mut k = 0;
    while k < n {
        let end = match boundary_after(text, tokens, k, blocked) {
            Some(end) => end,
            None => {
                k += 1;
                continue;
            }
        };
        push(tokens, base, start, end, out);
        start = end;
        k = end;
    }
    if start < n {
        push(tokens, base, start, n, out);
    }
}

fn push(tokens: &[Token], base: usize, from: usize, to: usize, out: &mut Vec<Sentence>) {
    out.push(Sentence {
        span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
        first_token: (base + from) as u32,
        end_token: (base + to) as u32,
    });
}

/// How a token can end a sentence.
enum Ending {
    /// `.`, `!`, `?`, `…`: before anything but a lower-case word or continuing punctuation.
    Stop,
    /// A title such as `Gen.` or `No.`: never.
    Title,
    /// Another abbreviation or an initial: only before a sentence starter.
    Abbreviation,
}

fn ending(text: &str, token: &Token) -> Option<Ending> {
    let s = token.span.of(text);
    match token.kind {
        TokenKind::Punct if s.starts_with(['.', '!', '?', '…']) => Some(Ending::Stop),
        TokenKind::Word if s.len() > 1 && s.ends_with('.') => {
            let word = &s[..s.len() - 1];
            if word.contains('.') || word.len() == 1 {
                Some(Ending::Abbreviation)
            } else {
                match abbrev::lookup(word) {
                    Some(Abbrev::Title) => Some(Ending::Title),
                    _ if word.eq_ignore_ascii_case("no") || word == "Nos" || word == "Art" => Some(Ending::Title),
                    _ => Some(Ending::Abbreviation),
                }
            }
        }
        _ => None,
    }
}

/// If a sentence ends with token `k`, the index one past its last token (closing quotes
/// and brackets included).
fn boundary_after(text: &str, tokens: &[Token], k: usize, blocked: &[bool]) -> Option<usize> {
    let n = tokens.len();
    let Some(ending) = ending(text, &tokens[k]) else {
        return line_break_after(text, tokens, k);
    };
    let mut j = k + 1;
    while j < n && tokens[j].span.start == tokens[j - 1].span.end && first_char(text, &tokens[j]).is_some_and(is_closing) {
        j += 1;
    }
    if j >= n || blocked[k] {
        return None;
    }
    let next = &tokens[j];
    let f = first_char(text, next)?;
    let split = match ending {
        Ending::Title => false,
        Ending::Abbreviation => next.kind == TokenKind::Word && abbrev::is_starter(next.span.of(text)),
        Ending::Stop => {
            !(f.is_lowercase() || matches!(f, ',' | ';' | ':' | ')' | ']' | '-' | '–' | '—' | '.' | '!' | '?' | '…'))
        }
    };
    split.then_some(j)
}

/// A short line without final punctuation (headline, dateline) ends its sentence when
/// the next line starts with a capital, a digit or an opening quote.
fn line_break_after(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let next = tokens.get(k + 1)?;
    let this = &tokens[k];
    let gap = &text[this.span.end as usize..next.span.start as usize];
    if !gap.contains('\n') {
        return None;
    }
    let ends_clause = matches!(this.kind, TokenKind::Word | TokenKind::Number | TokenKind::Web)
        || first_char(text, this).is_some_and(is_closing);
    if !ends_clause {
        return None;
    }
    // A short line that opens its paragraph, or follows another short line: wrapped
    // prose has long lines before its short last one, so it is left alone.
    let paragraph_start = tokens[0].span.start as usize;
    let line_start = text[paragraph_start..this.span.end as usize].rfind('\n').map_or(paragraph_start, |at| paragraph_start + at + 1);
    let mut short = this.span.end as usize - line_start < SHORT_LINE;
    if short && line_start > paragraph_start {
        let before = &text[paragraph_start..line_start - 1];
        let previous_start = before.rfind('\n').map_or(0, |at| at + 1);
        short = before.len() - previous_start < SHORT_LINE;
    }
    let f = first_char(text, next)?;
    (short && (f.is_uppercase() || f.is_ascii_digit() || is_opening(f) || f == '"')).then_some(k + 1)
}

#[inline]
fn first_char(text: &str, token: &Token) -> Option<char> {
    token.span.of(text).chars().next()
}

/// Mark in `blocked` the tokens of quotations that run into their attribution, where
/// no sentence may end: the closing mark follows a comma (`,”`), is followed by a
/// comma or a lower-case word (`?” resident … asked`), or a reporting verb follows
/// within a few words (`?” Putin asked.`).
fn mark_attributed_quotes(text: &str, tokens: &[Token], blocked: &mut Vec<bool>) {
    blocked.clear();
    blocked.resize(tokens.len(), false);
    let mut open: Option<usize> = None;
    for (k, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Punct {
            continue;
        }
        let Some(c) = first_char(text, token) else { continue };
        // The typewriter's marks: "``" opens, "''" opens or closes as '"' does.
        let c = match token.span.of(text) {
            "``" => '“',
            "''" => '"',
            _ => c,
        };
        let closes = match c {
            '“' | '„' | '«' => {
                open = Some(k);
                continue;
            }
            '”' | '»' => true,
            '"' => {
                let opening_position = k == 0 || tokens[k - 1].span.end < token.span.start || first_char(text, &tokens[k - 1]).is_some_and(is_opening);
                if open.is_none() && opening_position {
                    open = Some(k);
                    continue;
                }
                true
            }
            _ => false,
        };
        if !closes {
            continue;
        }
        let Some(o) = open.take() else { continue };
        let comma_before = k > 0 && tokens[k - 1].span.of(text) == ",";
        let runs_on = tokens.get(k + 1).and_then(|t| first_char(text, t)).is_some_and(|f| f.is_lowercase() || f == ',');
        if comma_before || runs_on || speech_verb_follows(text, &tokens[k + 1..]) {
            blocked[o..=k].iter_mut().for_each(|b| *b = true);
        }
    }
}

/// Verbs that attribute a quotation to the words before or after it.
const SPEECH_VERBS: &[&str] = &[
    "added", "adds", "asked", "asks", "continued", "cried", "declared", "explained", "insisted", "noted",
    "replied", "said", "says", "shouted", "stated", "told", "tweeted", "warned", "writes", "wrote",
];

/// True when a speech verb comes within the next four words, before any punctuation
/// that ends or breaks the clause: `” Putin asked.`, `” the Kremlin said.`
fn speech_verb_follows(text: &str, after: &[Token]) -> bool {
    for token in after.iter().take(4) {
        let word = token.span.of(text);
        if token.kind == TokenKind::Punct {
            return false;
        }
        if SPEECH_VERBS.binary_search(&word).is_ok() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn speech_verbs_are_sorted_for_binary_search() {
        assert!(super::SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }
}
