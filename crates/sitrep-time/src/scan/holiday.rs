//! Named days in the text: "Christmas", "Christmas Eve", "Thanksgiving Day",
//! "Election Day", "Easter Sunday", "New Year's Eve" (see [`crate::holidays`]).

use super::Scan;
use crate::expr::Expr;
use crate::holidays::Feast;
use crate::lexicon::{Unit, W};

impl Scan<'_> {
    /// The named day whose name starts at `j`, with its end.
    pub(super) fn holiday(&self, j: usize, f: Feast) -> Option<(usize, Expr)> {
        let day_after = self.word(j + 1) == "Day" || (self.word_is(j + 1, "day") && !f.needs_day());
        if f.needs_day() {
            // "Election Day", "Memorial Day": the word alone is an ordinary one.
            return day_after.then_some((j + 2, Expr::Holiday(f)));
        }
        if day_after {
            return Some((j + 2, Expr::Holiday(f)));
        }
        if self.word_is(j + 1, "eve") {
            return f.eve().map(|e| (j + 2, Expr::Holiday(e)));
        }
        if f == Feast::Easter {
            // "Easter Sunday" is the day; "Easter Island", "the Easter Rising" are names.
            if self.word_is(j + 1, "sunday") {
                return Some((j + 2, Expr::Holiday(f)));
            }
            if self.word(j + 1).as_bytes().first().is_some_and(u8::is_ascii_uppercase) || self.word_is(j + 1, "week") {
                return None;
            }
        }
        Some((j + 1, Expr::Holiday(f)))
    }

    /// "New Year's Day", "New Year's Eve" read at "Year" (token `j`): January 1 or
    /// December 31. "Lunar New Year" and the other new years are left alone, and so is
    /// "the New Year" (the year, or the day: the text does not say).
    pub(super) fn new_year(&self, j: usize) -> Option<(usize, Expr)> {
        if self.word(j) != "Year" || j <= self.s || self.word(j - 1) != "New" || !self.is(j + 1, W::PluralS) {
            return None;
        }
        if j >= self.s + 2 && !self.opens_sentence(j - 1) && self.word(j - 2).as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let f = Feast::Fixed(1, 1, false);
        match self.word(j + 2) {
            "Day" => Some((j + 3, Expr::Holiday(f))),
            "Eve" => Some((j + 3, Expr::Holiday(f.eve()?))),
            _ => None,
        }
    }

    /// True when the unit at `j` is "Year" in "New Year's Day".
    pub(super) fn is_new_year(&self, j: usize) -> bool {
        self.is(j, W::Unit(Unit::Year, false)) && self.new_year(j).is_some()
    }
}
