//! Frequencies, which TimeML marks as SETs whose value is the period: "twice a week"
//! (`P1W`, the guidelines' own example of a SET with a frequency), "three times a
//! year", "once a month", "every other day" (`P2D`), and a count per period ("500
//! interviews a day", "two flights a week").
//!
//! A price per period ("$5 a year", "24 hours a day") stays unmarked: that is handled
//! with the other rates in `amount_phrase`.

use super::Scan;
use crate::lexicon::{Dir, Lex, Num, Prep, W};

/// Plural nouns of money and measure: "150 pesos a day", "12,000 miles a year" are
/// rates, unmarked like "$5 a year".
const MEASURES: &[&str] = &[
    "dollars", "cents", "pesos", "euros", "pounds", "pence", "yen", "yuan", "rupees", "francs", "marks", "rubles", "roubles", "shekels",
    "dinars", "miles", "kilometers", "kilometres", "meters", "metres", "feet", "inches", "barrels", "tons", "tonnes", "gallons", "liters",
    "litres", "calories", "kilograms", "kilos", "degrees", "points", "percent", "units", "shares", "bucks", "hours", "minutes",
];

/// Words before "of" that count a plural noun ("hundreds of interviews a day").
const COUNTS: &[&str] = &["hundreds", "thousands", "millions", "dozens", "scores", "tens", "number", "lot", "lots"];

impl Scan<'_> {
    /// The first token of the frequency before the article (or "per") at `j` ("*twice* a
    /// week", "*three times* a year", "*several times* a day", "*40 times* per month"),
    /// if there is one.
    pub(super) fn times_before(&self, j: usize) -> Option<usize> {
        if j <= self.s {
            return None;
        }
        let b = j - 1;
        // "twice per week": the frequency stands before "per".
        if self.word_is(b, "per") {
            return self.times_before(b);
        }
        if self.word_is(b, "twice") || self.word_is(b, "once") || self.word_is(b, "thrice") {
            return Some(b);
        }
        if self.word_is(b, "times") && b > self.s {
            let n = b - 1;
            let counted = matches!(self.at(n), Lex::Num(Num::Int(..)) | Lex::W(W::Number(_) | W::Teen(_) | W::Few));
            if counted {
                // "twenty-four times", "a few times": the whole amount.
                let first = if n >= self.s + 2 && self.punct(n - 1, b'-') && matches!(self.w(n - 2), Some(W::Number(_))) {
                    n - 2
                } else if n > self.s && self.is(n - 1, W::A) {
                    n - 1
                } else {
                    n
                };
                return Some(first);
            }
        }
        None
    }

    /// True when "bi-" stands before token `j` ("bi-weekly").
    pub(super) fn bi_before(&self, j: usize) -> bool {
        j >= self.s + 2 && self.punct(j - 1, b'-') && self.word_is(j - 2, "bi")
    }

    /// True when the article at `j` follows a counted plural noun ("500 interviews a
    /// day", "fifty thousand CDs a year", "hundreds of calls a week"), making "a day" the
    /// period of a frequency. Verbs ("the trip takes a week") have no count before them.
    pub(super) fn count_before(&self, j: usize) -> bool {
        if j < self.s + 2 {
            return false;
        }
        let noun = j - 1;
        let w = self.word(noun).as_bytes();
        let plural = matches!(self.at(noun), Lex::Other) && w.len() > 2 && w.ends_with(b"s") && !w.ends_with(b"ss") && !w.ends_with(b"'s") && w[0].is_ascii_alphabetic();
        if !plural || MEASURES.iter().any(|m| self.word_is(noun, m)) {
            return false;
        }
        let q = noun - 1;
        let number = |k: usize| {
            matches!(self.at(k), Lex::Num(Num::Int(..) | Num::Half(_) | Num::Other)) || matches!(self.w(k), Some(W::Number(_) | W::Teen(_) | W::Hundred(_) | W::Few))
                || ["million", "billion", "thousands", "hundreds", "dozens"].iter().any(|x| self.word_is(k, x))
        };
        number(q) || (self.is(q, W::Prep(Prep::Of)) && q > self.s && COUNTS.iter().any(|c| self.word_is(q - 1, c)))
    }

    /// True when the article at `j` follows a counted amount of money or measure ("150
    /// pesos a day", "12,000 miles a year"): a rate, left unmarked as "$5 a year" is.
    pub(super) fn measure_before(&self, j: usize) -> bool {
        j >= self.s + 2
            && MEASURES.iter().any(|m| self.word_is(j - 1, m))
            && (matches!(self.at(j - 2), Lex::Num(_)) || matches!(self.w(j - 2), Some(W::Number(_) | W::Teen(_) | W::Hundred(_) | W::Few))
                || ["million", "billion", "thousands", "hundreds", "millions", "billions"].iter().any(|x| self.word_is(j - 2, x)))
    }

    /// True when nothing after the unit at `k` makes "a week" a length of time instead
    /// of a period ("a week later", "a week to decide", "a week or two").
    pub(super) fn period_ends(&self, k: usize) -> bool {
        let next = k + 1;
        !matches!(self.w(next), Some(W::Dir(Dir::Ago | Dir::Earlier | Dir::Later | Dir::Before | Dir::After | Dir::Hence)))
            && !matches!(self.w(next), Some(W::Prep(Prep::To | Prep::Of | Prep::Or)))
            && !self.punct(next, b'-')
    }
}
