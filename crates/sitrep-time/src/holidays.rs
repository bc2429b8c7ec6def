//! Named days: holidays and the days named after them, which TimeML marks as dates
//! ("Christmas", "Election Day", "New Year's Eve", "Easter Sunday").
//!
//! A name is one looked-up word ([`lookup`]); names that are ordinary words as well
//! ("election", "memorial", "independence") count only when capitalised and followed by
//! "Day", which the scanner checks ([`Feast::needs_day`]).

use jiff::civil::Date;

use crate::lexicon::Unit;
use crate::point;

/// A named day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feast {
    /// The same month and day every year; `true` when "Day" must follow the name
    /// ("Independence Day", "Veterans Day").
    Fixed(u8, u8, bool),
    /// The fourth Thursday of November.
    Thanksgiving,
    /// United States Election Day: the Tuesday after the first Monday of November.
    Election,
    /// United States Labor Day: the first Monday of September.
    Labor,
    /// United States Memorial Day: the last Monday of May.
    Memorial,
    /// Easter Sunday (Gregorian).
    Easter,
    /// A day counted from Easter Sunday: Good Friday is −2, Easter Monday +1.
    FromEaster(i16),
    /// The `n`-th weekday (1 Monday – 7 Sunday) of a month: (month, weekday, n), as
    /// United States Mother's Day (5, 7, 2) and Presidents Day (2, 1, 3).
    Nth(u8, u8, u8),
}

impl Feast {
    /// Whether the name needs a capitalised "Day" after it to be a day.
    pub(crate) fn needs_day(self) -> bool {
        matches!(self, Feast::Fixed(_, _, true) | Feast::Election | Feast::Labor | Feast::Memorial)
    }

    /// The eve of the day: the day before, for a fixed day ("Christmas Eve", "New
    /// Year's Eve"); `None` for the others.
    pub(crate) fn eve(self) -> Option<Feast> {
        match self {
            Feast::Fixed(1, 1, _) => Some(Feast::Fixed(12, 31, false)),
            Feast::Fixed(m, d, _) if d > 1 => Some(Feast::Fixed(m, d - 1, false)),
            _ => None,
        }
    }

    /// The day in year `y`.
    pub(crate) fn in_year(self, y: i32) -> Option<Date> {
        match self {
            Feast::Fixed(m, d, _) => point::day(y, m, d),
            Feast::Thanksgiving => nth_weekday(y, 11, 4, 4),
            Feast::Election => point::add(nth_weekday(y, 11, 1, 1)?, Unit::Day, 1),
            Feast::Labor => nth_weekday(y, 9, 1, 1),
            Feast::Memorial => point::add(nth_weekday(y, 6, 1, 1)?, Unit::Day, -7),
            Feast::Easter => easter(y),
            Feast::FromEaster(d) => point::add(easter(y)?, Unit::Day, i32::from(d)),
            Feast::Nth(m, wd, n) => nth_weekday(y, m, i32::from(wd), i32::from(n)),
        }
    }

    /// The value when the report has no date: `XXXX-12-25`, or `XXXX-XX-XX` for a day
    /// that moves.
    pub(crate) fn unanchored(self) -> String {
        match self {
            Feast::Fixed(m, d, _) => format!("XXXX-{m:02}-{d:02}"),
            Feast::Thanksgiving => "XXXX-11-XX".into(),
            _ => "XXXX-XX-XX".into(),
        }
    }
}

/// The `n`-th weekday `wd` (1 Monday – 7 Sunday) of month `m` in year `y`.
fn nth_weekday(y: i32, m: u8, wd: i32, n: i32) -> Option<Date> {
    let first = point::day(y, m, 1)?;
    let have = first.weekday().to_monday_one_offset() as i32;
    point::add(first, Unit::Day, (wd - have).rem_euclid(7) + 7 * (n - 1))
}

/// Easter Sunday of year `y` (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<Date> {
    if y < 1583 {
        return None;
    }
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    point::day(y, month as u8, day as u8)
}

/// The named day a lower-cased word begins, if any; `capital` is whether the word was
/// written with a capital (all but "christmas" and "thanksgiving" need one).
pub(crate) fn lookup(w: &str, capital: bool) -> Option<Feast> {
    let f = match w {
        "christmas" => Feast::Fixed(12, 25, false),
        "thanksgiving" => Feast::Thanksgiving,
        _ if !capital => return None,
        "halloween" => Feast::Fixed(10, 31, false),
        "easter" => Feast::Easter,
        "independence" => Feast::Fixed(7, 4, true),
        "veterans" | "armistice" | "remembrance" => Feast::Fixed(11, 11, true),
        "boxing" => Feast::Fixed(12, 26, true),
        "bastille" => Feast::Fixed(7, 14, true),
        // "Labour Day" is May Day in most countries; "Labor Day" the American one.
        "labour" => Feast::Fixed(5, 1, true),
        "labor" => Feast::Labor,
        "memorial" => Feast::Memorial,
        "election" => Feast::Election,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn movable_days() {
        assert_eq!(Feast::Thanksgiving.in_year(1999), Some(date(1999, 11, 25)));
        assert_eq!(Feast::Election.in_year(1998), Some(date(1998, 11, 3)));
        assert_eq!(Feast::Election.in_year(2022), Some(date(2022, 11, 8)));
        assert_eq!(Feast::Labor.in_year(2022), Some(date(2022, 9, 5)));
        assert_eq!(Feast::Memorial.in_year(2022), Some(date(2022, 5, 30)));
        assert_eq!(Feast::Easter.in_year(2000), Some(date(2000, 4, 23)));
        assert_eq!(Feast::Easter.in_year(2022), Some(date(2022, 4, 17)));
        assert_eq!(Feast::Fixed(1, 1, false).eve(), Some(Feast::Fixed(12, 31, false)));
        assert_eq!(Feast::FromEaster(-2).in_year(2022), Some(date(2022, 4, 15)));
        assert_eq!(Feast::Nth(5, 7, 2).in_year(2022), Some(date(2022, 5, 8)));
        assert_eq!(Feast::Nth(1, 1, 3).in_year(2022), Some(date(2022, 1, 17)));
    }
}
