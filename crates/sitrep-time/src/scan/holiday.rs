//! Named days in the text: "Christmas", "Christmas Eve", "Thanksgiving Day",
//! "Election Day", "Easter Sunday", "New Year's Eve" (see [`crate::holidays`]).

use super::Scan;
use crate::expr::Expr;
use crate::holidays::Feast;
use crate::lexicon::{Unit, W};

impl Scan<'_> {
    /// The named day whose name starts at `j`, with its end and the year written after
    /// it ("Christmas 2010").
    pub(super) fn holiday(&self, j: usize, f: Feast) -> Option<(usize, Expr)> {
        match self.holiday_name(j, f)? {
            (end, Expr::Holiday(f, None)) => Some(self.with_year(end, f)),
            other => Some(other),
        }
    }

    /// The named day `f` ending before `end`, with the year written at `end` if any.
    pub(super) fn with_year(&self, end: usize, f: Feast) -> (usize, Expr) {
        match self.year4(end) {
            Some(y) => (end + 1, Expr::Holiday(f, Some(y))),
            None => (end, Expr::Holiday(f, None)),
        }
    }

    /// The named day whose name starts at `j`, with its end.
    fn holiday_name(&self, j: usize, f: Feast) -> Option<(usize, Expr)> {
        let day_after = self.word(j + 1) == "Day" || (self.word_is(j + 1, "day") && !f.needs_day());
        if f.needs_day() {
            // "Election Day", "Memorial Day": the word alone is an ordinary one.
            return day_after.then_some((j + 2, Expr::Holiday(f, None)));
        }
        if day_after {
            return Some((j + 2, Expr::Holiday(f, None)));
        }
        if self.word_is(j + 1, "eve") {
            return f.eve().map(|e| (j + 2, Expr::Holiday(e, None)));
        }
        if f == Feast::Easter {
            // "Easter Sunday" is the day; "Easter Island", "the Easter Rising" are names.
            if self.word_is(j + 1, "sunday") {
                return Some((j + 2, Expr::Holiday(f, None)));
            }
            if self.word(j + 1).as_bytes().first().is_some_and(u8::is_ascii_uppercase) || self.word_is(j + 1, "week") {
                return None;
            }
        }
        Some((j + 1, Expr::Holiday(f, None)))
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
            "Day" => Some((j + 3, Expr::Holiday(f, None))),
            "Eve" => Some((j + 3, Expr::Holiday(f.eve()?, None))),
            _ => None,
        }
    }

    /// The named day ending at the capitalised "Day" at `j`, whose name stands before
    /// it ("Valentine's Day", "St. Patrick's Day", "Martin Luther King Jr. Day",
    /// "Presidents' Day"), with the name's first token.
    pub(super) fn day_named_before(&self, j: usize) -> Option<(usize, Feast)> {
        if self.word(j) != "Day" || j <= self.s + 1 {
            return None;
        }
        // The possessive: "Mother's Day", "Presidents' Day".
        let possessive = (self.is(j - 1, W::PluralS) && self.word(j - 1) != "s") || self.punct(j - 1, b'\'');
        let k = if possessive { j - 2 } else { j - 1 };
        let before = |i: usize, w: &str| i > self.s && self.word(i - 1) == w;
        let (f, first) = match self.word(k) {
            "Valentine" | "Valentines" => (Feast::Fixed(2, 14, false), k),
            "Patrick" | "Paddy" => (Feast::Fixed(3, 17, false), if before(k, "St.") || before(k, "Saint") { k - 1 } else { k }),
            "Mother" | "Mothers" => (Feast::Nth(5, 7, 2), k),
            "Father" | "Fathers" => (Feast::Nth(6, 7, 3), k),
            "President" | "Presidents" => (Feast::Nth(2, 1, 3), k),
            "Columbus" => (Feast::Nth(10, 1, 2), k),
            // "Martin Luther King Day", "Martin Luther King Jr. Day".
            "King" | "Jr." if !possessive => {
                let king = if self.word(k) == "Jr." { k.checked_sub(1 + usize::from(self.punct(k - 1, b','))) } else { Some(k) };
                let king = king.filter(|&i| i > self.s && self.word(i) == "King" && before(i, "Luther"))?;
                (Feast::Nth(1, 1, 3), if before(king - 1, "Martin") { king - 2 } else { king - 1 })
            }
            _ => return None,
        };
        Some((first, f))
    }

    /// The named day a weekday at `j` ends ("Good Friday", "Easter Monday", "Ash
    /// Wednesday", "Palm Sunday"): its first word stands before `j`. ("Black Friday" is
    /// left alone: in market news it names crashes as often as the shopping day.)
    pub(super) fn weekday_feast(&self, j: usize, wd: u8) -> Option<Feast> {
        if j <= self.s {
            return None;
        }
        let f = match (self.word(j - 1), wd) {
            ("Good", 5) => Feast::FromEaster(-2),
            ("Maundy", 4) => Feast::FromEaster(-3),
            ("Easter", 1) => Feast::FromEaster(1),
            ("Ash", 3) => Feast::FromEaster(-46),
            ("Palm", 7) => Feast::FromEaster(-7),
            _ => return None,
        };
        Some(f)
    }

    /// Where the name of the named day read at `j` opens: "New" in "New Year's Day",
    /// "Good" in "Good Friday", "St." in "St. Patrick's Day"; else `j`.
    pub(super) fn holiday_start(&self, j: usize) -> usize {
        if j > self.s && self.word(j - 1) == "New" {
            return j - 1;
        }
        if let Some((first, _)) = self.day_named_before(j) {
            return first;
        }
        match self.w(j) {
            Some(W::Weekday(wd)) if self.weekday_feast(j, wd).is_some() => j - 1,
            _ => j,
        }
    }

    /// True when the unit at `j` is "Year" in "New Year's Day".
    pub(super) fn is_new_year(&self, j: usize) -> bool {
        self.is(j, W::Unit(Unit::Year, false)) && self.new_year(j).is_some()
    }
}
