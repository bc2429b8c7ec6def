//! What an expression says ([`Expr`], filled by the scanner) and what it means on the
//! calendar once the report date, the tense and the narrative's reference time are
//! known ([`resolve`]).

use jiff::civil::Date;
use jiff::tz::TimeZone;
use sitrep_core::TimexType;

use crate::holidays::Feast;
use crate::lexicon::{Country, Deictic, Pod, Unit};
use crate::point::{self, Point};
use crate::tense::Tense;
use crate::zones;

/// An amount of units: a number, or unknown (`X`: "for weeks", "a few days").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    N(u32),
    /// n and a half.
    Half(u32),
    X,
}

/// Which year an expression without its own year falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Written: "March 2022".
    Explicit(i32),
    /// Relative to the report's year: "March last year" is −1.
    Rel(i32),
    /// Chosen by the tense: "in March".
    Infer,
}

/// A recognised expression, before it is placed on the calendar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A day of a month, maybe with a year and the last day of a range ("Feb 24-25").
    Day { y: Option<i32>, m: u8, d: u8, end_day: Option<u8> },
    /// A month.
    Month { m: u8, y: YearSpec },
    /// "last November" (−1), "this September" (0), "next March" (+1).
    MonthRel { m: u8, dir: i8 },
    Year(i32),
    /// First three digits: 199 for the 1990s.
    Decade(i32),
    /// First two digits: 19 for the twentieth century.
    Century(i32),
    /// A day of the week; `dir` −1 last, +1 next, 0 this week, `None` by tense.
    Weekday { wd: u8, dir: Option<i8>, anaphoric: bool },
    Deictic(Deictic),
    /// The unit containing the anchor, moved by `n`: "last week", "this year", "the
    /// following day" (anaphoric).
    UnitRel { unit: Unit, n: i32, anaphoric: bool },
    /// An amount before or after the anchor: "two days ago", "a year earlier".
    Shift { unit: Unit, n: Amount, sign: i8, anaphoric: bool },
    Quarter { q: u8, y: YearSpec },
    Half { h: u8, y: YearSpec },
    Season { s: &'static str, y: YearSpec, dir: Option<i8> },
    Duration { n: Amount, unit: Unit },
    /// "in two days", "in a few days": a point ahead in the future tense, else a duration.
    InAmount { n: Amount, unit: Unit },
    /// A value that needs no anchor (`PAST_REF`, a SET).
    Literal { kind: TimexType, value: String, quant: Option<&'static str> },
    /// A clock time, maybe with a zone and a day.
    Clock { h: u8, m: u8, zone: Option<u8>, day: Option<Box<Expr>> },
    /// A part of a day ("Thursday night", "before dawn").
    PartOfDay { pod: Pod, day: Option<Box<Expr>> },
    /// "year-ago", "the year-earlier quarter": the period under discussion a year before.
    YearAgo { unit: Unit },
    /// A named day ("Christmas", "Election Day"), in the year written after it
    /// ("Christmas 2010") or the one the tense points to.
    Holiday(Feast, Option<i32>),
    /// Words that look like a date but name none ("February 30"): consumed, not output.
    Invalid,
}

/// What resolution needs to know besides the expression.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    /// The report date.
    pub dct: Option<Date>,
    /// The last point the narrative mentioned, for "two days later", "the next day".
    pub reference: Option<Point>,
    /// Whether `reference` is a date written out ("Aug. 12"), not "Friday" or "yesterday".
    pub written: bool,
    /// The last month, quarter, half or year the narrative mentioned, for "a year
    /// earlier" and, when it is a quarter, "a year ago" (the same quarter a year before).
    pub coarse: Option<Point>,
    pub tense: Tense,
    pub ist: Country,
    pub local: Option<&'a TimeZone>,
}

/// An expression placed on the calendar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: String,
    /// The point, for the narrative's reference time.
    pub point: Option<Point>,
    /// The point the value was computed from, when relative.
    pub anchor: Option<String>,
    pub utc: Option<String>,
    pub end: Option<String>,
    pub quant: Option<&'static str>,
    pub unanchored: bool,
}

impl Resolved {
    fn new(kind: TimexType, value: String) -> Resolved {
        Resolved { kind, value, point: None, anchor: None, utc: None, end: None, quant: None, unanchored: false }
    }

    fn point(p: Point) -> Resolved {
        Resolved { point: Some(p), ..Resolved::new(TimexType::Date, p.value()) }
    }

    fn relative(p: Point, from: &str) -> Resolved {
        Resolved { anchor: Some(from.to_string()), ..Resolved::point(p) }
    }

    fn unanchored(kind: TimexType, value: impl Into<String>) -> Resolved {
        Resolved { unanchored: true, ..Resolved::new(kind, value.into()) }
    }
}

/// Place `e` on the calendar; `None` when it names no valid time.
pub(crate) fn resolve(e: &Expr, ctx: &Ctx<'_>) -> Option<Resolved> {
    let dct = ctx.dct;
    let dct_s = dct.map(|d| Point::Day(d).value()).unwrap_or_default();
    match e {
        Expr::Invalid => None,
        Expr::Day { y: Some(y), m, d, end_day } => {
            let date = point::day(*y, *m, *d)?;
            let mut r = Resolved::point(Point::Day(date));
            r.end = end_day.and_then(|e| point::day(*y, *m, e)).map(|e| Point::Day(e).value());
            Some(r)
        }
        Expr::Day { y: None, m, d, end_day } => {
            let Some(dct) = dct else {
                point::day(2000, *m, *d)?;
                return Some(Resolved::unanchored(TimexType::Date, format!("XXXX-{m:02}-{d:02}")));
            };
            let date = infer_day(dct, *m, *d, ctx.tense)?;
            let mut r = Resolved::relative(Point::Day(date), &dct_s);
            let y = i32::from(date.year());
            r.end = end_day.and_then(|e| point::day(y, *m, e)).map(|e| Point::Day(e).value());
            Some(r)
        }
        Expr::Month { m, y } => {
            let y = match (y, dct) {
                (YearSpec::Explicit(y), _) => *y,
                (_, None) => return Some(Resolved::unanchored(TimexType::Date, format!("XXXX-{m:02}"))),
                (YearSpec::Rel(r), Some(d)) => i32::from(d.year()) + r,
                (YearSpec::Infer, Some(d)) => infer_year_of_month(d, *m, ctx.tense),
            };
            ok_year(y)?;
            let p = Point::Month(y, *m);
            Some(if matches!(e, Expr::Month { y: YearSpec::Explicit(_), .. }) { Resolved::point(p) } else { Resolved::relative(p, &dct_s) })
        }
        Expr::MonthRel { m, dir } => {
            let Some(d) = dct else { return Some(Resolved::unanchored(TimexType::Date, format!("XXXX-{m:02}"))) };
            let (y, cur) = (i32::from(d.year()), d.month() as u8);
            let y = match dir {
                -1 if *m < cur => y,
                -1 => y - 1,
                1 if *m > cur => y,
                1 => y + 1,
                _ => y,
            };
            ok_year(y)?;
            Some(Resolved::relative(Point::Month(y, *m), &dct_s))
        }
        Expr::Year(y) => {
            ok_year(*y)?;
            Some(Resolved::point(Point::Year(*y)))
        }
        Expr::Decade(d) => (*d > 0 && *d < 1000).then(|| Resolved::new(TimexType::Date, Point::Decade(*d).value())),
        Expr::Century(c) => (*c >= 0 && *c < 100).then(|| Resolved::new(TimexType::Date, Point::Century(*c).value())),
        Expr::Weekday { wd, dir, anaphoric } => {
            let base = if *anaphoric { reference_day(ctx).or(dct) } else { dct };
            let Some(base) = base else { return Some(Resolved::unanchored(TimexType::Date, format!("XXXX-WXX-{wd}"))) };
            let same = base.weekday().to_monday_one_offset() as u8 == *wd;
            let dir = match dir {
                Some(d) => *d,
                None if same => 0,
                // News reports mostly look back: only the future tense looks ahead.
                None => match ctx.tense {
                    Tense::Future | Tense::Present => 1,
                    Tense::Past | Tense::Unknown => -1,
                },
            };
            let date = point::weekday_from(base, *wd, dir)?;
            Some(Resolved::relative(Point::Day(date), &Point::Day(base).value()))
        }
        Expr::Deictic(d) => deictic(*d, ctx),
        Expr::UnitRel { unit: Unit::Weekend, n: 0, anaphoric: true } => {
            // "the weekend": the last one, or the next one in the future tense.
            let Some(d) = dct else { return Some(Resolved::unanchored(TimexType::Date, "XXXX-WXX-WE")) };
            let this = point::of_date(d, Unit::Weekend);
            let in_weekend = d.weekday().to_monday_one_offset() >= 6;
            let p = if ctx.tense == Tense::Future || in_weekend { this } else { this.shift(Unit::Week, -1)? };
            Some(Resolved::relative(p, &dct_s))
        }
        Expr::UnitRel { unit, n, anaphoric } => {
            let (base, from) = anchor_point(*unit, *anaphoric, ctx);
            let Some(base) = base else { return Some(Resolved::unanchored(TimexType::Date, unknown(*unit))) };
            let p = base.shift(*unit, *n)?;
            Some(Resolved::relative(p, &from))
        }
        Expr::YearAgo { unit } => {
            // "year-ago", "year-earlier" compare with the current results: a period in a
            // past year is not the one compared.
            let current = |p: &Point| dct.is_none_or(|d| p.year() >= i32::from(d.year()) - i32::from(d.month() <= 3));
            // The last quarter reported, or the report's own month or year.
            let from_dct = || match unit {
                Unit::Quarter => dct.and_then(|d| point::of_date(d, Unit::Quarter).shift(Unit::Quarter, -1)),
                u => dct.map(|d| point::of_date(d, *u)),
            };
            let base = match (ctx.coarse.or(ctx.reference).filter(current), unit) {
                // A year under discussion has no quarter or month to compare: as if none.
                (Some(r), Unit::Quarter | Unit::Month) => r.coarsen(*unit).or_else(from_dct),
                (Some(r), _) => Some(r),
                (None, _) => from_dct(),
            };
            let Some(base) = base else { return Some(Resolved::unanchored(TimexType::Date, unknown(*unit))) };
            let from = base.value();
            Some(Resolved::relative(base.shift(Unit::Year, -1)?, &from))
        }
        Expr::Shift { unit: Unit::Year, n: Amount::N(k), sign: -1, anaphoric: false } if matches!(ctx.coarse, Some(Point::Quarter(..))) => {
            // "a year ago" beside a quarter's figures: that quarter a year before.
            let q = ctx.coarse?;
            let k = i32::try_from(*k).ok().filter(|k| *k <= 1000)?;
            Some(Resolved::relative(q.shift(Unit::Year, -k)?, &q.value()))
        }
        Expr::Shift { unit, n, sign, anaphoric } => match n {
            Amount::X | Amount::Half(_) => {
                let v = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                Some(Resolved::new(TimexType::Date, v.into()))
            }
            Amount::N(k) => {
                let k = i32::try_from(*k).ok().filter(|k| *k <= 100_000)?;
                let reference = if matches!(unit, Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade) {
                    ctx.coarse.or(ctx.reference)
                } else {
                    ctx.reference
                };
                let (base, from) = if *anaphoric {
                    match (ctx.reference, reference) {
                        // A day named last keeps its granularity ("the six months ended
                        // Aug. 12 … a year earlier" is 1988-08-12).
                        (Some(d @ Point::Day(_)), _) if ctx.written && *unit != Unit::Decade && *unit != Unit::Century => (Some(d), d.value()),
                        (_, r) => match r {
                        // A quarter keeps its granularity ("a year earlier" than 1989-Q3 is
                        // 1988-Q3); anything else is taken at the unit's.
                        Some(r @ (Point::Quarter(..) | Point::Half(..))) if finer_than(r, *unit) => (Some(r), r.value()),
                        // A point coarser than the unit ("the month before" after "1989")
                        // cannot be moved by it: the report's date is the base.
                        Some(r) if r.coarsen(*unit).is_none() && rank_of_point(r) > rank_of_unit(*unit) => {
                            (dct.map(|d| point::of_date(d, *unit)), dct_s.clone())
                        }
                        Some(r) => (Some(r.coarsen(*unit).unwrap_or(r)), r.value()),
                        None => (dct.map(|d| point::of_date(d, *unit)), dct_s.clone()),
                        },
                    }
                } else {
                    (dct.map(|d| point::of_date(d, shift_granularity(*unit))), dct_s.clone())
                };
                let Some(base) = base else { return Some(Resolved::unanchored(TimexType::Date, unknown(*unit))) };
                let p = base.shift(*unit, k * i32::from(*sign)).or_else(|| {
                    point::of_date(base.first_day()?, *unit).shift(*unit, k * i32::from(*sign))
                })?;
                Some(Resolved::relative(p, &from))
            }
        },
        Expr::Quarter { q, y } => {
            let y = match (y, dct) {
                (YearSpec::Explicit(y), _) => *y,
                (_, None) => return Some(Resolved::unanchored(TimexType::Date, format!("XXXX-Q{q}"))),
                (YearSpec::Rel(r), Some(d)) => i32::from(d.year()) + r,
                (YearSpec::Infer, Some(d)) => {
                    let cur = (d.month() as u8 - 1) / 3 + 1;
                    let y = i32::from(d.year());
                    if *q > cur && ctx.tense != Tense::Future {
                        y - 1
                    } else {
                        y
                    }
                }
            };
            ok_year(y)?;
            Some(Resolved::relative(Point::Quarter(y, *q), &dct_s))
        }
        Expr::Half { h, y } => {
            let y = match (y, dct) {
                (YearSpec::Explicit(y), _) => *y,
                (_, None) => return Some(Resolved::unanchored(TimexType::Date, format!("XXXX-H{h}"))),
                (YearSpec::Rel(r), Some(d)) => i32::from(d.year()) + r,
                (YearSpec::Infer, Some(d)) => {
                    let cur = if d.month() <= 6 { 1 } else { 2 };
                    i32::from(d.year()) - i32::from(*h > cur && ctx.tense != Tense::Future)
                }
            };
            ok_year(y)?;
            Some(Resolved::relative(Point::Half(y, *h), &dct_s))
        }
        Expr::Season { s, y, dir } => {
            let y = match (y, dct) {
                (YearSpec::Explicit(y), _) => *y,
                (_, None) => return Some(Resolved::unanchored(TimexType::Date, format!("XXXX-{s}"))),
                (YearSpec::Rel(r), Some(d)) => i32::from(d.year()) + r,
                (YearSpec::Infer, Some(d)) => {
                    let (cy, cur) = season_of(d);
                    let want = season_index(s);
                    let dir = dir.unwrap_or(match ctx.tense {
                        Tense::Future => 1,
                        Tense::Past => -1,
                        _ => 0,
                    });
                    match dir {
                        -1 if want < cur => cy,
                        -1 => cy - 1,
                        1 if want > cur => cy,
                        1 => cy + 1,
                        _ => cy,
                    }
                }
            };
            ok_year(y)?;
            Some(Resolved::relative(Point::Season(y, s), &dct_s))
        }
        Expr::Duration { n, unit } => Some(Resolved::new(TimexType::Duration, duration(*n, *unit))),
        Expr::InAmount { n, unit } if ctx.tense == Tense::Future => {
            resolve(&Expr::Shift { unit: *unit, n: *n, sign: 1, anaphoric: false }, ctx)
        }
        Expr::InAmount { n, unit } => Some(Resolved::new(TimexType::Duration, duration(*n, *unit))),
        Expr::Literal { kind, value, quant } => {
            let mut r = Resolved::new(*kind, value.clone());
            r.quant = *quant;
            Some(r)
        }
        Expr::Holiday(f, Some(y)) => {
            ok_year(*y)?;
            Some(Resolved::point(Point::Day(f.in_year(*y)?)))
        }
        Expr::Holiday(f, None) => {
            let Some(dct) = dct else {
                return Some(Resolved::unanchored(TimexType::Date, f.unanchored()));
            };
            let y = i32::from(dct.year());
            let date = match f {
                Feast::Fixed(m, d, _) => infer_day(dct, *m, *d, ctx.tense)?,
                Feast::Thanksgiving => {
                    let this = f.in_year(y)?;
                    let diff = (this - dct).get_days();
                    match ctx.tense {
                        Tense::Future if diff < 0 => f.in_year(y + 1)?,
                        Tense::Future => this,
                        _ if diff > 0 => f.in_year(y - 1)?,
                        _ => this,
                    }
                }
                _ => {
                    // The nearest one, looking back in the past tense and ahead in the
                    // future, as for a written day.
                    let this = f.in_year(y)?;
                    let diff = (this - dct).get_days();
                    let other = match ctx.tense {
                        Tense::Past if diff > 60 => Some(y - 1),
                        Tense::Future if diff < -60 => Some(y + 1),
                        Tense::Past | Tense::Future => None,
                        _ if diff > 150 => Some(y - 1),
                        _ if diff < -150 => Some(y + 1),
                        _ => None,
                    };
                    match other {
                        Some(o) => f.in_year(o)?,
                        None => this,
                    }
                }
            };
            Some(Resolved::relative(Point::Day(date), &dct_s))
        }
        Expr::PartOfDay { pod, day } => {
            let day = match day {
                Some(e) => resolve(e, ctx)?,
                None => match reference_day(ctx).or(dct) {
                    Some(d) => Resolved::relative(Point::Day(d), &Point::Day(d).value()),
                    None => Resolved::unanchored(TimexType::Date, "XXXX-XX-XX"),
                },
            };
            if !is_day_value(&day.value) {
                return None;
            }
            let mut r = Resolved { kind: TimexType::Time, value: format!("{}{}", day.value, pod.code()), ..day };
            r.end = None;
            Some(r)
        }
        Expr::Clock { h, m, zone, day } => clock(*h, *m, *zone, day.as_deref(), ctx),
    }
}

fn ok_year(y: i32) -> Option<()> {
    point::YEARS.contains(&y).then_some(())
}

fn is_day_value(v: &str) -> bool {
    v.len() == 10 && v.as_bytes().get(4) == Some(&b'-') && v.as_bytes().get(7) == Some(&b'-')
}

/// Units up to a week are shifted at day granularity ("two hours ago" is today, "two
/// weeks ago" the day fourteen days back, as TimeBank dates it).
fn shift_granularity(u: Unit) -> Unit {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Night | Unit::Week | Unit::Fortnight => Unit::Day,
        Unit::Weekend => Unit::Week,
        u => u,
    }
}

/// True when point `p` is at least as fine as `unit` (so it keeps its own granularity
/// when shifted: "a year earlier" than 1989-Q3 is 1988-Q3).
fn finer_than(p: Point, unit: Unit) -> bool {
    rank_of_point(p) < rank_of_unit(unit)
}

/// Granularity of a unit, finest 0 (day and below) to 6 (decade and above).
fn rank_of_unit(u: Unit) -> u8 {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Night => 0,
        Unit::Week | Unit::Weekend | Unit::Fortnight => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Year => 5,
        _ => 6,
    }
}

/// Granularity of a point on the scale of [`rank_of_unit`].
fn rank_of_point(p: Point) -> u8 {
    match p {
        Point::Day(_) => 0,
        Point::Week(..) | Point::Weekend(..) => 1,
        Point::Month(..) => 2,
        Point::Quarter(..) => 3,
        Point::Half(..) | Point::Season(..) => 4,
        Point::Year(_) => 5,
        _ => 6,
    }
}

/// The base a unit-relative expression moves from, and its value for `anchor`.
fn anchor_point(unit: Unit, anaphoric: bool, ctx: &Ctx<'_>) -> (Option<Point>, String) {
    if anaphoric {
        // "the quarter", "the latest period": the quarter under discussion, not one it
        // was just compared with ("from $5 a year ago").
        if let (Unit::Quarter, Some(q @ Point::Quarter(..))) = (unit, ctx.coarse) {
            return (Some(q), q.value());
        }
        if let Some(r) = ctx.reference {
            if let Some(p) = r.coarsen(unit) {
                // "the year", "the quarter" after a forecast ("by 1992") or a day of the
                // quarter still running: the period being reported on, not that one.
                let ahead = matches!((p.first_day(), ctx.dct), (Some(f), Some(d)) if f > d);
                let running = unit == Unit::Quarter && ctx.dct.is_some_and(|d| point::of_date(d, Unit::Quarter) == p);
                if !(matches!(unit, Unit::Year | Unit::Quarter) && (ahead || running)) && !over_for_future(p, unit, ctx) {
                    return (Some(p), r.value());
                }
            }
        }
        if unit == Unit::Quarter {
            // "the quarter" in a report without an earlier quarter: the last one reported.
            if let Some(d) = ctx.dct {
                return (point::of_date(d, Unit::Quarter).shift(Unit::Quarter, -1), Point::Day(d).value());
            }
        }
    }
    match ctx.dct {
        Some(d) => (Some(point::of_date(d, unit)), Point::Day(d).value()),
        None => (None, String::new()),
    }
}

/// True when `p` began before the report's own `unit` while the clause speaks of the
/// future: "he will retire at the end of the year" after "founded 150 years ago" is the
/// report's year, not that one.
fn over_for_future(p: Point, unit: Unit, ctx: &Ctx<'_>) -> bool {
    let Some(d) = ctx.dct else { return false };
    let now = point::of_date(d, unit).first_day();
    ctx.tense == Tense::Future && rank_of_point(p) >= 2 && now.zip(p.first_day()).is_some_and(|(now, then)| then < now)
}

fn reference_day(ctx: &Ctx<'_>) -> Option<Date> {
    match ctx.reference? {
        Point::Day(d) => Some(d),
        _ => None,
    }
}

/// The TIMEX3 value of a unit of unknown position (`XXXX-WXX`).
fn unknown(unit: Unit) -> String {
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Year => "XXXX".into(),
        Unit::Decade => "XXX".into(),
        Unit::Century | Unit::Millennium => "XX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// Month `m` day `d` in the year that puts it nearest the report date, preferring the
/// past for past tense and the future for future tense.
fn infer_day(dct: Date, m: u8, d: u8, tense: Tense) -> Option<Date> {
    let y = i32::from(dct.year());
    let this = point::day(y, m, d).or_else(|| point::day(y - 1, m, d)).or_else(|| point::day(y + 1, m, d))?;
    let diff = (this - dct).get_days();
    let shifted = match tense {
        Tense::Past if diff > 60 => point::day(y - 1, m, d),
        Tense::Future if diff < -60 => point::day(y + 1, m, d),
        Tense::Past | Tense::Future => None,
        _ if diff > 150 => point::day(y - 1, m, d),
        _ if diff < -150 => point::day(y + 1, m, d),
        _ => None,
    };
    Some(shifted.unwrap_or(this))
}

fn infer_year_of_month(dct: Date, m: u8, tense: Tense) -> i32 {
    let y = i32::from(dct.year());
    let cur = dct.month() as u8;
    let diff = i32::from(m) - i32::from(cur);
    match tense {
        Tense::Past if diff > 4 => y - 1,
        Tense::Future if diff < -4 => y + 1,
        Tense::Past | Tense::Future => y,
        _ if diff > 6 => y - 1,
        _ if diff < -6 => y + 1,
        _ => y,
    }
}

fn season_index(s: &str) -> u8 {
    match s {
        "WI" => 0,
        "SP" => 1,
        "SU" => 2,
        _ => 3,
    }
}

/// The season containing `d` and the year TIMEX3 gives it (January is the winter of the
/// year before? No: TimeML dates winter by the year it starts in only loosely; we use the
/// calendar year of `d`).
fn season_of(d: Date) -> (i32, u8) {
    let y = i32::from(d.year());
    let s = match d.month() {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 0,
    };
    (y, s)
}

fn deictic(d: Deictic, ctx: &Ctx<'_>) -> Option<Resolved> {
    let lit = |v: &str| Some(Resolved::new(TimexType::Date, v.to_string()));
    let day = |delta: i32, kind: TimexType, suffix: &str| -> Option<Resolved> {
        match ctx.dct {
            Some(dct) => {
                let date = point::add(dct, Unit::Day, delta)?;
                let p = Point::Day(date);
                let mut r = Resolved::relative(p, &Point::Day(dct).value());
                r.kind = kind;
                r.value.push_str(suffix);
                Some(r)
            }
            None => Some(Resolved::unanchored(kind, format!("XXXX-XX-XX{suffix}"))),
        }
    };
    match d {
        Deictic::Today => day(0, TimexType::Date, ""),
        Deictic::Yesterday => day(-1, TimexType::Date, ""),
        Deictic::Tomorrow => day(1, TimexType::Date, ""),
        Deictic::Tonight => day(0, TimexType::Time, "TNI"),
        // "Shares closed lower Friday … after overnight losses in New York": the night
        // before the day the story is at, when that is a day of the past week.
        Deictic::Overnight => match (reference_day(ctx), ctx.dct) {
            (Some(r), Some(dct)) if r < dct && point::add(r, Unit::Day, 7).is_some_and(|w| w >= dct) => {
                let date = point::add(r, Unit::Day, -1)?;
                let mut x = Resolved::relative(Point::Day(date), &Point::Day(r).value());
                x.kind = TimexType::Time;
                x.value.push_str("TNI");
                Some(x)
            }
            _ => day(-1, TimexType::Time, "TNI"),
        },
        Deictic::Now | Deictic::Currently | Deictic::Present => lit("PRESENT_REF"),
        Deictic::Recently | Deictic::Past => lit("PAST_REF"),
        Deictic::Soon | Deictic::Future => lit("FUTURE_REF"),
        Deictic::Meantime => None,
    }
}

/// The TIMEX3 duration value: `P3Y`, `PT48H`, `PXW`, `P18M`.
pub(crate) fn duration(n: Amount, unit: Unit) -> String {
    let (t, code, mult) = match unit {
        Unit::Second => ("T", "S", 1),
        Unit::Minute => ("T", "M", 1),
        Unit::Hour => ("T", "H", 1),
        Unit::Day | Unit::Night => ("", "D", 1),
        Unit::Weekend => ("", "D", 2),
        Unit::Week => ("", "W", 1),
        Unit::Fortnight => ("", "W", 2),
        Unit::Month => ("", "M", 1),
        Unit::Quarter => ("", "Q", 1),
        Unit::Year => ("", "Y", 1),
        Unit::Decade => ("", "Y", 10),
        Unit::Century => ("", "Y", 100),
        Unit::Millennium => ("", "Y", 1000),
    };
    match n {
        Amount::X => match unit {
            Unit::Decade => "PXDE".into(),
            Unit::Century => "PXCE".into(),
            Unit::Weekend => "PXWE".into(),
            _ => format!("P{t}X{code}"),
        },
        Amount::N(k) => format!("P{t}{}{code}", u64::from(k) * mult),
        Amount::Half(0) => match unit {
            Unit::Year => "P6M".into(),
            Unit::Month => "P15D".into(),
            Unit::Week => "P3D".into(),
            Unit::Day | Unit::Night => "PT12H".into(),
            Unit::Hour => "PT30M".into(),
            Unit::Minute => "PT30S".into(),
            _ => format!("P{t}{}{code}", mult / 2),
        },
        Amount::Half(k) => {
            let k = u64::from(k);
            match unit {
                Unit::Year => format!("P{k}Y6M"),
                Unit::Month => format!("P{k}M15D"),
                Unit::Week => format!("P{}D", k * 7 + 3),
                Unit::Day | Unit::Night => format!("P{k}DT12H"),
                Unit::Hour => format!("PT{k}H30M"),
                Unit::Minute => format!("PT{k}M30S"),
                _ => format!("P{t}{}{code}", k * mult + mult / 2),
            }
        }
    }
}

fn clock(h: u8, m: u8, zone: Option<u8>, day: Option<&Expr>, ctx: &Ctx<'_>) -> Option<Resolved> {
    if h > 24 || m > 59 || (h == 24 && m != 0) {
        return None;
    }
    let day_r = match day {
        Some(e) => Some(resolve(e, ctx)?),
        // A time without its day is on the day the narrative is at.
        None => reference_day(ctx).or(ctx.dct).map(|d| Resolved::relative(Point::Day(d), &Point::Day(d).value())),
    };
    let (date, base) = match &day_r {
        Some(r) => match r.point {
            Some(Point::Day(d)) => (Some(d), r.clone()),
            _ => (None, r.clone()),
        },
        None => (None, Resolved::unanchored(TimexType::Time, "XXXX-XX-XX")),
    };
    let day_value = match date {
        Some(d) => Point::Day(d).value(),
        None if is_day_value(&base.value) => base.value.clone(),
        None => "XXXX-XX-XX".to_string(),
    };
    let mut value = format!("{day_value}T{h:02}:{m:02}");
    let mut utc = None;
    if let (Some(z), Some(d)) = (zone, date) {
        if h < 24 {
            let dt = d.at(h as i8, m as i8, 0, 0);
            if let Some(off) = zones::offset(z, dt, ctx.ist, ctx.local) {
                let secs = off.seconds();
                if secs == 0 {
                    value.push('Z');
                } else {
                    let sign = if secs < 0 { '-' } else { '+' };
                    let a = secs.abs();
                    value.push_str(&format!("{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60));
                }
                if let Ok(ts) = off.to_timestamp(dt) {
                    utc = Some(ts.strftime("%Y-%m-%dT%H:%MZ").to_string());
                }
            }
        }
    }
    Some(Resolved {
        kind: TimexType::Time,
        value,
        point: date.map(Point::Day),
        anchor: base.anchor,
        utc,
        end: None,
        quant: None,
        unanchored: base.unanchored || date.is_none() && !is_day_value(&day_value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ctx(tense: Tense) -> Ctx<'static> {
        Ctx { dct: Some(date(2022, 2, 25)), reference: None, written: false, coarse: None, tense, ist: Country::India, local: None }
    }

    #[test]
    fn ist_clock_on_saturday() {
        let e = Expr::Clock { h: 1, m: 30, zone: crate::zones::lookup("ist", "IST"), day: Some(Box::new(Expr::Weekday { wd: 6, dir: None, anaphoric: false })) };
        let r = resolve(&e, &ctx(Tense::Future)).unwrap();
        assert_eq!(r.value, "2022-02-26T01:30+05:30");
        assert_eq!(r.utc.as_deref(), Some("2022-02-25T20:00Z"));
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Amount::X, Unit::Week), "PXW");
        assert_eq!(duration(Amount::N(48), Unit::Hour), "PT48H");
        assert_eq!(duration(Amount::Half(1), Unit::Year), "P1Y6M");
        assert_eq!(duration(Amount::Half(0), Unit::Hour), "PT30M");
    }
}
