//! The text layer: paragraphs, sentences and tokens.

use crate::Span;

/// What a token is, coarsely: enough for sentence splitting and for later stages to
/// skip punctuation without looking at characters again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner apostrophes or periods (`Kyiv`, `U.S.`, `n't`).
    Word,
    /// A number: digits with inner `,` `.` `:` (`150,000`, `1.30`, `2022-02-25` is three).
    Number,
    /// Punctuation (`.`, `,`, `“`, `—`, `-`).
    Punct,
    /// Anything else: symbols, emoji, currency signs.
    Symbol,
    /// A URL, e-mail address, `@handle` or `#hashtag`, kept whole.
    Web,
}

/// One token: a span of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence: its span and the tokens it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last token, inclusive of closing quotes and brackets.
    pub span: Span,
    /// Index of the first token in [`TextLayer::tokens`].
    pub first_token: u32,
    /// One past the index of the last token.
    pub end_token: u32,
}

impl Sentence {
    /// The range of token indices, for `&layer.tokens[sentence.tokens()]`.
    #[inline]
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// Paragraphs, sentences and tokens of one report, each in text order.
///
/// Sentences never cross paragraphs; every token belongs to exactly one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextLayer {
    /// Blocks separated by blank lines (or by single line breaks in text that uses them
    /// for paragraphs), trimmed of surrounding white space.
    pub paragraphs: Vec<Span>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

/// The index of the dash that ends the dateline opening a sentence ("BEIRUT —",
/// "KHARKIV, Ukraine (Reuters) —", "NIAMEY, Niger, Aug. 3 —", "CEBU CITY: --"), if it
/// opens with one and words follow it: one to four words in capitals, then optionally ",
/// Region" or ", Aug. 24" (up to five capitalised words, stops and numbers), "(Agency)"
/// and a colon. The one rule for datelines: the syntax stage reads them apart, the event
/// coder's mends and bindings find them with it.
///
/// ```
/// use sitrep_core::dateline_end;
/// assert_eq!(dateline_end("KYIV , Ukraine ( AP ) — Troops advanced .".split(' ')), Some(6));
/// assert_eq!(dateline_end("BEIRUT — Jets struck .".split(' ')), Some(1));
/// assert_eq!(dateline_end("CEBU CITY : -- Police said .".split(' ')), Some(3));
/// assert_eq!(dateline_end("Troops — tired — advanced .".split(' ')), None);
/// assert_eq!(dateline_end("US President Joe Biden — who spoke — left .".split(' ')), None);
/// ```
pub fn dateline_end<'a>(words: impl Iterator<Item = &'a str>) -> Option<usize> {
    let capitals = |x: &str| !x.chars().any(char::is_lowercase) && x.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    // The first words only: a dateline is short (no allocation per sentence); and none
    // are read past the first unless it is in capitals, as nearly no sentence's is.
    let mut w = [""; 24];
    let mut words = words.take(w.len());
    w[0] = words.next().filter(|&first| capitals(first))?;
    let mut n = 1;
    for word in words {
        w[n] = word;
        n += 1;
    }
    let mut k = 0;
    while k < n && k < 4 && capitals(w[k]) {
        k += 1;
    }
    if k == 0 {
        return None;
    }
    if k < n && w[k] == "," {
        k += 1;
        let from = k;
        while k < n && k - from < 5 && (w[k].starts_with(char::is_uppercase) || w[k] == "." || w[k].starts_with(|c: char| c.is_ascii_digit())) {
            k += 1;
        }
        if k == from {
            return None;
        }
    }
    if k < n && w[k] == "(" {
        let close = (k + 1..n.min(k + 6)).find(|&j| w[j] == ")")?;
        k = close + 1;
    }
    let dash = |x: &str| matches!(x, "—" | "–" | "-" | "--" | "―");
    // "CEBU CITY: -- …": a colon before the dash.
    if k + 1 < n && w[k] == ":" && dash(w[k + 1]) {
        k += 1;
    }
    if k >= n || !dash(w[k]) {
        return None;
    }
    while k + 1 < n && dash(w[k + 1]) {
        k += 1;
    }
    (k + 1 < n).then_some(k)
}
