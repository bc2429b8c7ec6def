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
