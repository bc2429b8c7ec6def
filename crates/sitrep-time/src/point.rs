//! Points on the calendar at the granularity the text gives them (a day, a month, a
//! quarter…), their TIMEX3 values and the arithmetic relative expressions need.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use crate::lexicon::Unit;

/// Years a value may carry: TIMEX3 values are four-digit years.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// A calendar point with its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    /// `2022-02-24`.
    Day(Date),
    /// `2022-02`.
    Month(i32, u8),
    /// `2022`.
    Year(i32),
    /// `2022-Q1`.
    Quarter(i32, u8),
    /// `2022-H1`.
    Half(i32, u8),
    /// ISO week: `2022-W07`.
    Week(i32, u8),
    /// Weekend of an ISO week: `2022-W07-WE`.
    Weekend(i32, u8),
    /// `2022-SU`.
    Season(i32, &'static str),
    /// `199` for the 1990s: the first three digits (TimeML's decade value).
    Decade(i32),
    /// `19` for the twentieth century: the first two digits.
    Century(i32),
}

impl Point {
    /// The TIMEX3 value.
    ///
    /// ```text
    /// Day 2022-02-24 → "2022-02-24", Week(2022, 7) → "2022-W07", Decade(199) → "199"
    /// ```
    pub(crate) fn value(&self) -> String {
        match *self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// The year the point falls in (the first year for decades and centuries).
    pub(crate) fn year(&self) -> i32 {
        match *self {
            Point::Day(d) => i32::from(d.year()),
            Point::Month(y, _)
            | Point::Year(y)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Week(y, _)
            | Point::Weekend(y, _)
            | Point::Season(y, _) => y,
            Point::Decade(d) => d * 10,
            Point::Century(c) => c * 100,
        }
    }

    /// The point of granularity `unit` that contains `self`, when `self` is at least
    /// that fine (a day gives its week, month, quarter, year); `None` otherwise.
    pub(crate) fn coarsen(&self, unit: Unit) -> Option<Point> {
        match (*self, unit) {
            (Point::Day(d), u) => Some(of_date(d, u)),
            (Point::Month(y, _), Unit::Year) | (Point::Quarter(y, _), Unit::Year) | (Point::Half(y, _), Unit::Year) => {
                Some(Point::Year(y))
            }
            (Point::Month(y, m), Unit::Quarter) => Some(Point::Quarter(y, (m - 1) / 3 + 1)),
            (p @ Point::Month(..), Unit::Month) => Some(p),
            (p @ Point::Quarter(..), Unit::Quarter) => Some(p),
            (Point::Week(y, w), Unit::Week) => Some(Point::Week(y, w)),
            (Point::Weekend(y, w), Unit::Weekend) => Some(Point::Weekend(y, w)),
            (Point::Week(y, w), Unit::Weekend) => Some(Point::Weekend(y, w)),
            (p @ Point::Year(..), Unit::Year) => Some(p),
            (Point::Season(y, _), Unit::Year) => Some(Point::Year(y)),
            (p, Unit::Decade) if p.year() > 0 => Some(Point::Decade(p.year() / 10)),
            _ => None,
        }
    }

    /// Move the point by `n` units, keeping its granularity when it is at least as fine
    /// as the unit (`2022-Q3` − 1 year → `2021-Q3`), else at the unit's granularity.
    pub(crate) fn shift(&self, unit: Unit, n: i32) -> Option<Point> {
        let p = match *self {
            Point::Day(d) => Point::Day(add(d, unit, n)?),
            Point::Month(y, m) => match unit {
                Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century => {
                    let months = match unit {
                        Unit::Month => n,
                        Unit::Quarter => 3 * n,
                        Unit::Year => 12 * n,
                        Unit::Decade => 120 * n,
                        _ => 1200 * n,
                    };
                    let total = y * 12 + i32::from(m) - 1 + months;
                    Point::Month(total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
                }
                _ => return None,
            },
            Point::Quarter(y, q) => match unit {
                Unit::Quarter | Unit::Year | Unit::Decade => {
                    let qs = match unit {
                        Unit::Quarter => n,
                        Unit::Year => 4 * n,
                        _ => 40 * n,
                    };
                    let total = y * 4 + i32::from(q) - 1 + qs;
                    Point::Quarter(total.div_euclid(4), (total.rem_euclid(4) + 1) as u8)
                }
                Unit::Month => return None,
                _ => return None,
            },
            Point::Half(y, h) => match unit {
                Unit::Year => Point::Half(y + n, h),
                _ => return None,
            },
            Point::Year(y) => match unit {
                Unit::Year => Point::Year(y + n),
                Unit::Decade => Point::Year(y + 10 * n),
                Unit::Century => Point::Year(y + 100 * n),
                _ => return None,
            },
            Point::Season(y, s) => match unit {
                Unit::Year => Point::Season(y + n, s),
                _ => return None,
            },
            Point::Week(..) | Point::Weekend(..) => {
                let monday = self.first_day()?;
                let d = add(monday, unit, n)?;
                let wk = of_date(d, Unit::Week);
                match (self, wk) {
                    (Point::Weekend(..), Point::Week(y, w)) => Point::Weekend(y, w),
                    _ => wk,
                }
            }
            Point::Decade(d) => match unit {
                Unit::Decade => Point::Decade(d + n),
                Unit::Century => Point::Decade(d + 10 * n),
                _ => return None,
            },
            Point::Century(c) => match unit {
                Unit::Century => Point::Century(c + n),
                _ => return None,
            },
        };
        YEARS.contains(&p.year()).then_some(p)
    }

    /// The first day of the point, when it has one.
    pub(crate) fn first_day(&self) -> Option<Date> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Month(y, m) => Date::new(y as i16, m as i8, 1).ok(),
            Point::Year(y) => Date::new(y as i16, 1, 1).ok(),
            Point::Quarter(y, q) => Date::new(y as i16, (3 * (q - 1) + 1) as i8, 1).ok(),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                jiff::civil::ISOWeekDate::new(y as i16, w as i8, Weekday::Monday).ok().map(|d| d.date())
            }
            _ => None,
        }
    }
}

/// The point of granularity `unit` containing day `d`.
pub(crate) fn of_date(d: Date, unit: Unit) -> Point {
    let y = i32::from(d.year());
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Night => Point::Day(d),
        Unit::Week | Unit::Fortnight => {
            let iso = d.iso_week_date();
            Point::Week(i32::from(iso.year()), iso.week() as u8)
        }
        Unit::Weekend => {
            let iso = d.iso_week_date();
            Point::Weekend(i32::from(iso.year()), iso.week() as u8)
        }
        Unit::Month => Point::Month(y, d.month() as u8),
        Unit::Quarter => Point::Quarter(y, (d.month() as u8 - 1) / 3 + 1),
        Unit::Year => Point::Year(y),
        Unit::Decade => Point::Decade(y / 10),
        Unit::Century | Unit::Millennium => Point::Century(y / 100),
    }
}

/// `d` moved by `n` units (days, weeks, months, …); `None` past the calendar's range.
pub(crate) fn add(d: Date, unit: Unit, n: i32) -> Option<Date> {
    let n = i64::from(n);
    let span = match unit {
        Unit::Second | Unit::Minute | Unit::Hour => return Some(d),
        Unit::Day | Unit::Night => n.days(),
        Unit::Week | Unit::Weekend => n.weeks(),
        Unit::Fortnight => (2 * n).weeks(),
        Unit::Month => n.months(),
        Unit::Quarter => (3 * n).months(),
        Unit::Year => n.years(),
        Unit::Decade => (10 * n).years(),
        Unit::Century => (100 * n).years(),
        Unit::Millennium => (1000 * n).years(),
    };
    let out = d.checked_add(span).ok()?;
    YEARS.contains(&i32::from(out.year())).then_some(out)
}

/// The day of week `wd` (1 = Monday) nearest `d` in direction `dir`: −1 the most recent
/// strictly before, +1 the next strictly after, 0 the one in the same ISO week.
pub(crate) fn weekday_from(d: Date, wd: u8, dir: i8) -> Option<Date> {
    let have = d.weekday().to_monday_one_offset() as i32;
    let want = i32::from(wd);
    let delta = match dir {
        -1 => {
            let back = (have - want).rem_euclid(7);
            -(if back == 0 { 7 } else { back })
        }
        1 => {
            let fwd = (want - have).rem_euclid(7);
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ => want - have,
    };
    add(d, Unit::Day, delta)
}

/// A valid day, or `None` for "February 30" and years outside 1–9999.
pub(crate) fn day(y: i32, m: u8, d: u8) -> Option<Date> {
    if !YEARS.contains(&y) {
        return None;
    }
    Date::new(y as i16, m as i8, d as i8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn values_and_shifts() {
        assert_eq!(Point::Quarter(1989, 3).shift(Unit::Year, -1).unwrap().value(), "1988-Q3");
        assert_eq!(Point::Month(2022, 1).shift(Unit::Month, -1).unwrap().value(), "2021-12");
        assert_eq!(of_date(date(2022, 2, 25), Unit::Week).shift(Unit::Week, -1).unwrap().value(), "2022-W07");
        assert_eq!(Point::Decade(199).value(), "199");
        assert_eq!(weekday_from(date(2022, 2, 25), 4, -1), Some(date(2022, 2, 24)));
        assert_eq!(weekday_from(date(2022, 2, 25), 5, -1), Some(date(2022, 2, 18)));
        assert_eq!(weekday_from(date(2022, 2, 25), 6, 1), Some(date(2022, 2, 26)));
        assert!(day(2022, 2, 30).is_none());
        assert!(day(0, 2, 3).is_none());
        assert!(Point::Year(9999).shift(Unit::Year, 1).is_none());
    }
}
