//! Time words inside proper names, which TimeML leaves unmarked (a time expression is
//! marked only when it refers to a time, not when it is part of a name): newspapers
//! and programmes ("the Sunday Times", "USA Today", "the Daily Telegraph", "the Mail on
//! Sunday"), groups ("Peace Now"), accords ("the Good Friday Agreement") and people
//! ("June Carter").
//!
//! Each check runs only at a word that could start an expression, and only looks at
//! its neighbours' first letters, so it costs nothing on ordinary text.

use super::Scan;
use crate::lexicon::{Deictic, Lex, Prep, W};

/// Capitalised nouns that make a weekday or "Daily" before them part of a name.
const NAME_HEADS: &[&str] = &[
    "times", "telegraph", "post", "mirror", "express", "herald", "tribune", "independent", "observer", "mail", "star", "sport",
    "agreement", "accord", "accords", "club", "magazine", "standard", "news", "journal", "review", "globe", "chronicle", "gazette",
    "edition", "show", "programme", "program",
];

/// Papers called "the Mail on Sunday", "the Independent on Sunday" (with "the": "a
/// visit to Scotland on Sunday" is a day).
const ON_SUNDAY: &[&str] = &["mail", "independent", "observer"];

/// Nouns after "Today", "Tonight" that name a programme or paper ("the Today show").
const PROGRAMME: &[&str] = &["show", "programme", "program", "newspaper", "paper"];

impl Scan<'_> {
    /// True when token `i` is written with a capital and then lower case ("Sunday", not
    /// "SUNDAY" in a headline or "sunday").
    fn capitalised(&self, i: usize) -> bool {
        if i < self.s || i >= self.e {
            return false;
        }
        let b = self.word(i).as_bytes();
        b.len() > 1 && b[0].is_ascii_uppercase() && b[1..].iter().any(u8::is_ascii_lowercase)
    }

    /// True when token `i` is a capitalised word outside the time vocabulary (a name).
    fn capitalised_name(&self, i: usize) -> bool {
        matches!(self.at(i), Lex::Other) && self.capitalised(i)
    }

    /// True when token `i` is a word outside the time vocabulary with a capital first
    /// letter, acronyms included ("USA", "NBC").
    fn name_word(&self, i: usize) -> bool {
        i >= self.s && matches!(self.at(i), Lex::Other) && self.word(i).as_bytes().first().is_some_and(u8::is_ascii_uppercase)
    }

    /// True when the sentence has no ordinary lower-case word: a headline in title case
    /// ("Talks Resume Today"), where capitals say nothing about names.
    fn title_case(&self) -> bool {
        !(self.s..self.e).any(|k| matches!(self.at(k), Lex::Other) && self.word(k).len() > 3 && self.word(k).as_bytes()[0].is_ascii_lowercase())
    }

    /// True when the time word at `j` belongs to a proper name and names no time.
    pub(super) fn in_name(&self, j: usize) -> bool {
        match self.w(j) {
            // "the Sunday Times", "the Good Friday Agreement", "the Mail on Sunday".
            Some(W::Weekday(_)) => {
                let head = self.capitalised(j + 1) && NAME_HEADS.iter().any(|h| self.word_is(j + 1, h));
                let on_day = j >= self.s + 3
                    && self.is(j, W::Weekday(7))
                    && self.is(j - 1, W::Prep(Prep::On))
                    && self.capitalised(j - 2)
                    && ON_SUNDAY.iter().any(|p| self.word_is(j - 2, p))
                    && self.is(j - 3, W::The);
                head || on_day
            }
            // "the Daily Telegraph", "the New York Daily News", "The Weekly Standard".
            Some(W::Every(_)) => {
                self.capitalised(j) && (self.capitalised_name(j + 1) || (j > self.s && !self.opens_sentence(j) && self.capitalised_name(j - 1)))
            }
            // "USA Today", "Peace Now", "the Today show", "NBC's Tonight Show".
            Some(W::Deictic(Deictic::Today | Deictic::Tonight | Deictic::Tomorrow | Deictic::Yesterday | Deictic::Now)) => {
                if !self.capitalised(j) || self.opens_sentence(j) || self.title_case() {
                    return false;
                }
                let before = j > self.s && (self.name_word(j - 1) || self.is(j - 1, W::The) || self.is(j - 1, W::PluralS));
                before || PROGRAMME.iter().any(|p| self.word_is(j + 1, p))
            }
            _ => false,
        }
    }

    /// True when a month written out alone at `j` (no day, no year) is a person's first
    /// name: "June Carter", "April Ryan" — a capitalised name right after it, and nothing
    /// but punctuation before it ("in June Congress voted", "the February New Hampshire
    /// debate" and "a September Gallup poll" keep their month).
    pub(super) fn month_as_name(&self, j: usize) -> bool {
        let alone = self.opens_sentence(j) || matches!(self.at(j - 1), Lex::Punct(_));
        alone && self.capitalised_name(j + 1) && !self.title_case()
    }
}
