//! The grammar of time expressions over looked-up tokens ([`Lex`]).
//!
//! Scanning is a loop over tokens that skips, after one comparison, every token that
//! cannot start an expression; at the few that can, [`Scan::parse`] reads the longest
//! expression it knows from there: modifiers ("early", "more than", "the end of"), a
//! core (a date, an amount of units, a weekday, a relative phrase…) and extensions
//! ("Thursday *night*", "*1.30am IST on* Saturday", "the third quarter *of 1989*").
//!
//! Extents follow TimeML: prepositions stay out ("on Friday" → "Friday"), determiners
//! and modifiers that belong to the expression stay in ("the past two months",
//! "nearly forty years").

use sitrep_core::{Token, TimexType};

use crate::expr::{Amount, Expr, YearSpec};
use crate::holidays::Feast;
use crate::lexicon::{Deictic, Dir, Lex, Mod, Num, Pod, Prep, Rel, Unit, W};
use crate::zones;

mod frequency;
mod holiday;
mod names;

/// One recognised expression: tokens `start..end`, what it says, its TIMEX3 `mod`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
}

/// A sentence's tokens, looked up, for the grammar.
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lex: &'a [Lex],
    /// First token of the sentence.
    pub s: usize,
    /// One past its last token.
    pub e: usize,
}

/// True when token `l` can begin an expression (checked before anything else).
#[inline]
pub(crate) fn could_start(l: Lex) -> bool {
    match l {
        Lex::Other => false,
        Lex::Punct(c) => c == b'\'',
        Lex::Num(Num::Other) => false,
        Lex::Num(_) => true,
        Lex::W(w) => !matches!(
            w,
            W::Prep(_) | W::Noise | W::Country(_) | W::Will | W::Long | W::Period | W::PluralS | W::Time | W::AmPm(_) | W::Zone(_) | W::OClock
        ) || w == W::Prep(Prep::At),
    }
}

impl<'a> Scan<'a> {
    #[inline]
    fn at(&self, i: usize) -> Lex {
        if i < self.e && i >= self.s {
            self.lex[i]
        } else {
            Lex::Other
        }
    }

    #[inline]
    fn w(&self, i: usize) -> Option<W> {
        match self.at(i) {
            Lex::W(w) => Some(w),
            _ => None,
        }
    }

    fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.at(i) == Lex::Punct(c)
    }

    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).and_then(|t| self.text.get(t.span.range())).unwrap_or("")
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        i < self.e && self.word(i).eq_ignore_ascii_case(w)
    }

    /// The longest expression starting at token `i`.
    pub(crate) fn parse(&self, i: usize) -> Option<Cand> {
        let (j, modifier, only_the) = self.prefix(i);
        let the = j > i && (only_the || self.is(j - 1, W::The));
        let (end, expr) = self.core(j, the)?;
        let (end, expr) = self.extend(end, expr);
        if !matches!(expr, Expr::Holiday(..)) && (j..end).any(|t| self.titled_unit(t) || self.unit_to_unit(t)) {
            return None;
        }
        let mut start = i;
        if only_the && j > i {
            // "the Feb. 24 meeting", "the third-quarter results": the determiner belongs
            // to the noun after the expression.
            let drop = match &expr {
                // "the 1989 fiscal year" keeps its determiner: the noun is the year's own.
                Expr::Year(_) => !matches!(self.w(end - 1), Some(W::Unit(..))),
                Expr::Day { .. } | Expr::Month { .. } | Expr::Clock { .. } | Expr::Holiday(..) => true,
                Expr::Weekday { dir: None, .. } => true,
                Expr::Deictic(d) => !matches!(d, Deictic::Future | Deictic::Present | Deictic::Past),
                // "the past several quarters" (PAST_REF) keeps it, as "the past two
                // quarters" does.
                Expr::Literal { kind, value, .. } => {
                    let counted = matches!(self.w(j), Some(W::Rel(Rel::Last | Rel::Past))) && matches!(self.w(end - 1), Some(W::Unit(_, true)));
                    (value == "PRESENT_REF" || value == "PAST_REF" || *kind == TimexType::Set) && !counted
                }
                _ => false,
            };
            let compound_before_noun = (j..end).any(|t| self.punct(t, b'-')) && self.lower_word(end);
            if drop || compound_before_noun {
                start = j;
            }
        }
        // "bi-weekly": the prefix is part of the word.
        if matches!(expr, Expr::Literal { kind: TimexType::Set, .. }) && start == j && self.bi_before(j) {
            start = j - 2;
        }
        // "New Year's Day", "Good Friday", "St. Patrick's Day": the name opens before
        // the word read.
        if matches!(expr, Expr::Holiday(..)) && start == j {
            start = self.holiday_start(j);
        }
        // "twice a week", "three times a year": the frequency opens the SET.
        if matches!(expr, Expr::Literal { kind: TimexType::Set, .. }) && start == j {
            if let Some(b) = self.times_before(start) {
                start = b;
            }
        }
        let mut modifier = modifier;
        if matches!(expr, Expr::Deictic(Deictic::Soon)) && self.as_soon_as_possible(j) {
            start = j - 1;
        }
        // "no more than three days": at most; "no less than a year": at least.
        if let Some(m) = self.negated_comparison(i) {
            start = i - 1;
            modifier = Some(m);
        }
        // "year-end": the end of the year.
        if matches!(expr, Expr::UnitRel { unit: Unit::Year, .. }) && self.punct(end.wrapping_sub(2), b'-') && self.is(end - 1, W::Mod(Mod::End)) {
            modifier = Some("END");
        }
        Some(Cand { start, end, expr, modifier })
    }

    /// Modifiers before the core: returns the core's first token, the TIMEX3 `mod`, and
    /// whether the prefix was only `the`.
    fn prefix(&self, i: usize) -> (usize, Option<&'static str>, bool) {
        let mut k = i;
        let mut modifier = None;
        let mut only_the = true;
        for _ in 0..5 {
            match self.w(k) {
                Some(W::The) => k += 1,
                // "the full year": the year itself.
                None if k > i && self.word_is(k, "full") && matches!(self.w(k + 1), Some(W::Unit(Unit::Year | Unit::Quarter, false))) => {
                    k += 1;
                }
                Some(W::Mod(m @ (Mod::End | Mod::Beginning | Mod::Start | Mod::Middle))) if self.is(k + 1, W::Prep(Prep::Of)) => {
                    modifier = Some(match m {
                        Mod::End => "END",
                        Mod::Middle => "MID",
                        _ => "START",
                    });
                    k += 2;
                    only_the = false;
                }
                Some(W::Mod(m @ (Mod::Early | Mod::Late | Mod::Mid))) => {
                    modifier = Some(match m {
                        Mod::Early => "START",
                        Mod::Late => "END",
                        _ => "MID",
                    });
                    k += 1;
                    if self.punct(k, b'-') {
                        k += 1;
                    }
                    only_the = false;
                }
                Some(W::Mod(Mod::Nearly)) => {
                    modifier = Some("LESS_THAN");
                    k += 1;
                    only_the = false;
                }
                Some(W::Mod(Mod::About)) => {
                    modifier = Some("APPROX");
                    k += 1;
                    only_the = false;
                }
                Some(W::Mod(Mod::Some)) if self.starts_amount(k + 1) => {
                    modifier = Some("APPROX");
                    k += 1;
                    only_the = false;
                }
                Some(W::Mod(Mod::More)) if self.is(k + 1, W::Mod(Mod::Than)) => {
                    modifier = Some("MORE_THAN");
                    k += 2;
                    only_the = false;
                }
                Some(W::Mod(Mod::Less)) if self.is(k + 1, W::Mod(Mod::Than)) => {
                    modifier = Some("LESS_THAN");
                    k += 2;
                    only_the = false;
                }
                Some(W::Mod(Mod::Over)) if self.starts_amount(k + 1) => {
                    modifier = Some("MORE_THAN");
                    k += 1;
                    only_the = false;
                }
                Some(W::Prep(Prep::At)) if self.is(k + 1, W::Mod(Mod::Least)) => {
                    modifier = Some("EQUAL_OR_MORE");
                    k += 2;
                    only_the = false;
                }
                Some(W::Prep(Prep::At)) if self.is(k + 1, W::Mod(Mod::Most)) => {
                    modifier = Some("EQUAL_OR_LESS");
                    k += 2;
                    only_the = false;
                }
                Some(W::Mod(Mod::Up)) if self.is(k + 1, W::Prep(Prep::To)) => {
                    modifier = Some("EQUAL_OR_LESS");
                    k += 2;
                    only_the = false;
                }
                Some(W::Dir(Dir::Earlier | Dir::Later))
                    if matches!(self.w(k + 1), Some(W::Rel(Rel::This | Rel::Last | Rel::Next | Rel::That)) | Some(W::Deictic(Deictic::Today | Deictic::Yesterday | Deictic::Tomorrow))) =>
                {
                    k += 1;
                    only_the = false;
                }
                _ => break,
            }
        }
        (k, modifier, only_the)
    }

    /// True at "soon" in "as soon as possible".
    fn as_soon_as_possible(&self, j: usize) -> bool {
        j > self.s && self.word_is(j - 1, "as") && self.word_is(j + 1, "as") && self.word_is(j + 2, "possible")
    }

    /// The TIMEX3 `mod` of "no more than", "not less than" when "more (less) than"
    /// opens at `i` after "no" or "not": the bound is reached, not passed.
    fn negated_comparison(&self, i: usize) -> Option<&'static str> {
        if i <= self.s || !(self.word_is(i - 1, "no") || self.word_is(i - 1, "not")) || !self.is(i + 1, W::Mod(Mod::Than)) {
            return None;
        }
        match self.w(i) {
            Some(W::Mod(Mod::More)) => Some("EQUAL_OR_LESS"),
            Some(W::Mod(Mod::Less)) => Some("EQUAL_OR_MORE"),
            _ => None,
        }
    }

    /// True when token `i` is a unit or part of the day written with a capital inside a
    /// sentence: part of a title ("ABC's This Week", "60 Minutes", "High Noon"), and
    /// TimeML leaves times inside names unmarked.
    fn titled_unit(&self, i: usize) -> bool {
        if !matches!(self.w(i), Some(W::Unit(..) | W::PartOfDay(_))) || self.opens_sentence(i) {
            return false;
        }
        let b = self.word(i).as_bytes();
        b.len() > 1 && b[0].is_ascii_uppercase() && b[1].is_ascii_lowercase()
    }

    /// True at the first unit of "quarter-to-quarter", "day-to-day": a manner, not a time.
    fn unit_to_unit(&self, i: usize) -> bool {
        matches!(self.w(i), Some(W::Unit(..))) && self.punct(i + 1, b'-') && self.is(i + 2, W::Prep(Prep::To)) && self.punct(i + 3, b'-') && matches!(self.w(i + 4), Some(W::Unit(..)))
    }

    /// True when token `i` is the sentence's first word (after any opening quotes).
    fn opens_sentence(&self, i: usize) -> bool {
        (self.s..i).all(|k| matches!(self.at(k), Lex::Punct(b'\'' | b'"' | b'`' | 0)))
    }

    /// True when token `i` is an ordinary lower-case word (a noun after an adjective).
    fn lower_word(&self, i: usize) -> bool {
        i < self.e && matches!(self.at(i), Lex::Other) && self.word(i).as_bytes().first().is_some_and(u8::is_ascii_lowercase)
    }

    /// Nouns of people and things of an age: "today's *world*", "tomorrow's *leaders*",
    /// "the *people* of tomorrow" name the present or future age, not a day.
    fn era_noun(&self, i: usize) -> bool {
        const E: &[&str] = &[
            "world", "society", "youth", "young", "generation", "generations", "children", "kids", "teenagers", "people", "leaders",
            "citizens", "workforce", "culture", "technology", "technologies",
        ];
        E.iter().any(|e| self.word_is(i, e))
    }

    /// "newspaper", "paper", "magazine": what "daily" and "weekly" name as adjectives.
    fn publication(&self, i: usize) -> bool {
        const P: &[&str] = &["newspaper", "newspapers", "paper", "papers", "magazine", "magazines", "journal", "edition", "editions", "publication", "newsletter"];
        P.iter().any(|p| self.word_is(i, p))
    }

    fn starts_amount(&self, i: usize) -> bool {
        matches!(self.at(i), Lex::Num(Num::Int(..)) | Lex::W(W::Number(_) | W::A | W::Few | W::Teen(_)))
    }

    /// The core of an expression at `j`; `the` when a determiner precedes it.
    fn core(&self, j: usize, the: bool) -> Option<(usize, Expr)> {
        match self.at(j) {
            Lex::Num(n) => self.number(j, n),
            Lex::Punct(b'\'') => match (self.at(j + 1), self.w(j + 2)) {
                (Lex::Num(Num::Int(v, 2)), Some(W::PluralS)) if v % 10 == 0 => Some((j + 3, two_digit_decade(v))),
                // "the '90s" as the tokenizer keeps it: `'` and `90s`.
                (Lex::Num(Num::Decade(v, 2)), _) => Some((j + 2, two_digit_decade(v))),
                _ => None,
            },
            // "the Sunday Times", "USA Today": a name, not a time.
            Lex::W(_) if self.in_name(j) => None,
            Lex::W(w) => match w {
                W::Month(m, abbr) => self.month(j, m, abbr),
                W::Weekday(wd) => self.weekday(j, wd),
                // "on Fridays", "Sunday mornings" (see `extend`): every such day.
                W::Weekdays(wd) => {
                    let (end, pod) = match self.w(j + 1) {
                        Some(W::PartOfDay(p)) => (j + 2, p.code()),
                        _ => (j + 1, ""),
                    };
                    Some((end, weekly(wd, pod)))
                }
                W::Number(_) if self.spoken_century(j).is_some() => self.spoken_century(j),
                W::Number(_) | W::A | W::Few | W::Teen(_) | W::Half => {
                    // Spoken: "the twenty-first of January".
                    if let Some((k, d)) = self.spoken_ordinal(j) {
                        if let (true, Some(W::Month(m, _))) = (self.is(k, W::Prep(Prep::Of)), self.w(k + 1)) {
                            return self.day_first(j, d, m, k + 2);
                        }
                    }
                    self.amount_phrase(j).or_else(|| self.spoken_year(j))
                }
                W::Deictic(d) => self.deictic(j, d, the),
                W::Rel(r) => self.relative(j, r, the),
                W::Ordinal(o) => self.ordinal(j, u32::from(o)),
                W::Tieth(t) if self.is(j + 1, W::Unit(Unit::Century, false)) => Some((j + 2, Expr::Century(i32::from(t) - 1))),
                // "rise 8% annually", "$17.9 million annually", "10,000 units annually": a
                // rate, not a time (as "$5 a year", "10,000 units a year").
                W::Every(_)
                    if j > self.s
                        && (["%", "percent", "million", "billion", "trillion", "cents"].iter().any(|w| self.word_is(j - 1, w)) || self.measure_before(j)) =>
                {
                    None
                }
                // "daily", "a daily rally", "his weekly radio address" are times (TimeML
                // tags the adjective too); "quarterly dividend", "annual report" and a
                // "daily newspaper" (a kind of paper) are not.
                W::Every(u)
                    if !self.lower_word(j + 1)
                        || (matches!(u, Unit::Hour | Unit::Day | Unit::Week | Unit::Fortnight | Unit::Month) && !self.publication(j + 1)) =>
                {
                    // "bi-weekly": every two weeks.
                    let u = if u == Unit::Week && self.bi_before(j) { Unit::Fortnight } else { u };
                    Some((j + 1, every(u)))
                }
                W::EveryWord => self.set(j),
                W::Season(s) => {
                    // "to fall apart", "to spring up": a verb.
                    if !the && matches!(s, "FA" | "SP") && j > self.s && self.is(j - 1, W::Prep(Prep::To)) {
                        return None;
                    }
                    let (end, y) = self.year_after(j + 1);
                    if matches!(y, YearSpec::Infer) && !the && !self.prep_before(j) {
                        return None;
                    }
                    // "the fall of the Berlin Wall", "the fall in prices", "the spring of
                    // hope": a noun, not a season (a season's "of" takes a year, read above).
                    let noun = self.is(end, W::Prep(Prep::Of)) || (s == "FA" && matches!(self.w(end), Some(W::Prep(Prep::In | Prep::From | Prep::To))));
                    if end == j + 1 && noun {
                        return None;
                    }
                    Some((end, Expr::Season { s, y, dir: None }))
                }
                W::PartOfDay(p) => self.part_of_day(j, p, the),
                W::Unit(..) if self.is_new_year(j) => self.new_year(j),
                // "Valentine's Day", "Martin Luther King Day".
                W::Unit(Unit::Day, false) if self.day_named_before(j).is_some() => {
                    let (_, f) = self.day_named_before(j)?;
                    Some(self.with_year(j + 1, f))
                }
                // "twice per week", "40 times per month": the period of a frequency.
                W::Unit(u, false) if j > self.s && self.word_is(j - 1, "per") && self.times_before(j).is_some() => Some((j + 1, every(u))),
                W::Unit(u, plural) => self.bare_unit(j, u, plural, the),
                W::Fiscal => self.fiscal(j),
                W::QuarterCode(q) => {
                    let (end, y) = self.year_after(j + 1);
                    Some((end, Expr::Quarter { q, y }))
                }
                W::Holiday(f) => self.holiday(j, f),
                W::Mod(Mod::Near) if the => {
                    // "the near future", "the near term", "the short term".
                    let ahead = self.is(j + 1, W::Deictic(Deictic::Future)) || self.is(j + 1, W::Period);
                    ahead.then(|| (j + 2, lit(TimexType::Date, "FUTURE_REF")))
                }
                W::Long if the && self.is(j + 1, W::Period) => Some((j + 2, lit(TimexType::Date, "FUTURE_REF"))),
                // "the period a year earlier".
                W::Period if the => self.same_period_back(j),
                _ => None,
            },
            // "the nineties": a decade of the twentieth century, written out.
            // "the corresponding period last year", "the comparable quarter a year ago".
            Lex::Other if the && (self.word_is(j, "corresponding") || self.word_is(j, "comparable")) => self.same_period_back(j + 1),
            Lex::Other => self.decade_word(j, the),
            Lex::Punct(_) => None,
        }
    }

    /// "the nineties", "the late seventies", "the mid-sixties": a decade of the
    /// twentieth century written out, after "the" (with a modifier between or not: "in
    /// his late seventies" is an age).
    fn decade_word(&self, j: usize, the: bool) -> Option<(usize, Expr)> {
        const DECADES: [&str; 8] = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
        if !the {
            let m = if self.punct(j.wrapping_sub(1), b'-') { j.wrapping_sub(2) } else { j.wrapping_sub(1) };
            let modded = matches!(self.w(m), Some(W::Mod(Mod::Early | Mod::Late | Mod::Mid)));
            if !modded || !self.is(m.wrapping_sub(1), W::The) {
                return None;
            }
        }
        let w = self.word(j);
        DECADES.iter().position(|d| d.eq_ignore_ascii_case(w)).map(|k| (j + 1, Expr::Decade(192 + k as i32)))
    }

    /// "the twenty-first century": a century named by an ordinal of tens and units
    /// written out at `j`.
    fn spoken_century(&self, j: usize) -> Option<(usize, Expr)> {
        let Some(W::Number(t @ (20 | 30))) = self.w(j) else { return None };
        let k = if self.punct(j + 1, b'-') { j + 2 } else { j + 1 };
        match self.w(k) {
            Some(W::Ordinal(o @ 1..=9)) if self.is(k + 1, W::Unit(Unit::Century, false)) => Some((k + 2, Expr::Century((t + u32::from(o)) as i32 - 1))),
            _ => None,
        }
    }

    /// A number token: a date, a year, a clock time, or the amount of a duration.
    fn number(&self, j: usize, n: Num) -> Option<(usize, Expr)> {
        match n {
            Num::Iso(y, m, d) => Some((j + 1, date_or_invalid(Some(y), m, d, None))),
            Num::Slash(a, b, c, digits) => {
                let y = if digits == 4 { c as i32 } else if c < 50 { 2000 + c as i32 } else { 1900 + c as i32 };
                let (m, d) = if (1..=12).contains(&a) && (1..=31).contains(&b) {
                    (a, b)
                } else if (1..=12).contains(&b) && (1..=31).contains(&a) {
                    (b, a)
                } else {
                    return None;
                };
                Some((j + 1, date_or_invalid(Some(y), m as u8, d as u8, None)))
            }
            Num::Clock(h, m) => {
                let colon = self.word(j).contains(':');
                self.clock_tail(j + 1, h, m, colon && self.clock_context(j))
            }
            Num::Int(v, digits) => {
                // "at 1530 GMT": a 24-hour clock reading with its zone, not a year.
                if digits == 4 && v < 2400 && v % 100 < 60 && matches!(self.w(j + 1), Some(W::Zone(_))) {
                    return self.clock_tail(j + 1, (v / 100) as u8, (v % 100) as u8, true);
                }
                if digits == 4 && (1000..=2999).contains(&v) {
                    // "the 1988 third quarter".
                    if let Some(W::Ordinal(o)) = self.w(j + 1) {
                        if (1..=4).contains(&o) && self.is(j + 2, W::Unit(Unit::Quarter, false)) {
                            return Some((j + 3, Expr::Quarter { q: o, y: YearSpec::Explicit(v as i32) }));
                        }
                    }
                    // "the 1989 fiscal year": that year.
                    if self.is(j + 1, W::Fiscal) && self.is(j + 2, W::Unit(Unit::Year, false)) {
                        return Some((j + 3, Expr::Year(v as i32)));
                    }
                    // "1989's third quarter".
                    if let Some(r) = self.part_of_named_year(j + 1, v as i32) {
                        return Some(r);
                    }
                    // "the 1990s", "the 1800s" (a century), but "1989's profit" (a year).
                    if self.is(j + 1, W::PluralS) && (v % 10 == 0 || self.word(j + 1) == "s") {
                        return (v % 10 == 0).then(|| (j + 2, decade_or_century(v)));
                    }
                    if self.year_ok(j) {
                        return Some((j + 1, Expr::Year(v as i32)));
                    }
                    return None;
                }
                if digits <= 2 && (1..=31).contains(&v) {
                    if let Some(W::Month(m, _)) = self.w(j + 1) {
                        return self.day_first(j, v as u8, m, j + 2);
                    }
                    // "April 24 and 25": the second day of the same month.
                    if j >= self.s + 3 && matches!(self.w(j - 1), Some(W::Prep(Prep::And | Prep::Or))) {
                        if let (Lex::Num(Num::Int(d0, 1..=2)), Some(W::Month(m, _))) = (self.at(j - 2), self.w(j - 3)) {
                            if d0 < v {
                                let (end, y) = match self.year4(j + 1) {
                                    Some(y) => (j + 2, Some(y)),
                                    None if self.punct(j + 1, b',') && self.year4(j + 2).is_some() => (j + 3, self.year4(j + 2)),
                                    None => (j + 1, None),
                                };
                                return Some((end, date_or_invalid(y, m, v as u8, None)));
                            }
                        }
                    }
                }
                if digits <= 2 && v <= 12 && matches!(self.w(j + 1), Some(W::AmPm(_) | W::OClock)) {
                    return self.clock_tail(j + 1, v as u8, 0, false);
                }
                self.amount_phrase(j)
            }
            Num::Ordinal(v) => {
                if (1..=31).contains(&v) {
                    if let Some(W::Month(m, _)) = self.w(j + 1) {
                        return self.day_first(j, v as u8, m, j + 2);
                    }
                    if self.is(j + 1, W::Prep(Prep::Of)) {
                        if let Some(W::Month(m, _)) = self.w(j + 2) {
                            return self.day_first(j, v as u8, m, j + 3);
                        }
                    }
                }
                self.ordinal(j, v)
            }
            Num::Half(_) => self.amount_phrase(j),
            // "the 1990s", "the 1800s" (a century), as one token.
            Num::Decade(v, 4) if (1000..=2999).contains(&v) => Some((j + 1, decade_or_century(v))),
            Num::Decade(..) | Num::Other | Num::Frac(..) => None,
        }
    }

    /// "24 February 2022": the day came first; `k` is the token after the month.
    fn day_first(&self, _j: usize, d: u8, m: u8, k: usize) -> Option<(usize, Expr)> {
        let (end, y) = match self.year4(k) {
            Some(y) => (k + 1, Some(y)),
            None if self.punct(k, b',') && self.year4(k + 1).is_some() => (k + 2, self.year4(k + 1)),
            None => (k, self.named_attacks(m, d, k)),
        };
        Some((end, date_or_invalid(y, m, d, None)))
    }

    /// A day of the month written as an ordinal word at `i` ("eighth", "twenty-first",
    /// "thirty first"), not followed by a unit ("the first quarter"): its end and value.
    fn spoken_ordinal(&self, i: usize) -> Option<(usize, u8)> {
        let (end, d) = match self.w(i) {
            Some(W::Ordinal(o)) if (1..=31).contains(&o) => (i + 1, o),
            Some(W::Tieth(t @ (20 | 30))) => (i + 1, t),
            Some(W::Number(t @ (20 | 30))) => {
                let k = if self.punct(i + 1, b'-') { i + 2 } else { i + 1 };
                match self.w(k) {
                    Some(W::Ordinal(o)) if (1..=9).contains(&o) && t + u32::from(o) <= 31 => (k + 1, (t + u32::from(o)) as u8),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let unit_after = matches!(self.w(end), Some(W::Unit(..) | W::Half)) || self.punct(end, b'-');
        (!unit_after).then_some((end, d))
    }

    /// A four-digit year at `i`.
    fn year4(&self, i: usize) -> Option<i32> {
        match self.at(i) {
            Lex::Num(Num::Int(v, 4)) if (1000..=2999).contains(&v) => Some(v as i32),
            _ => None,
        }
    }

    /// Whether a bare four-digit number at `i` is a year: not a count of something
    /// ("2000 troops"), a sum or a percentage.
    fn year_ok(&self, i: usize) -> bool {
        let before = i.checked_sub(1).filter(|b| *b >= self.s);
        if let Some(b) = before {
            let w = self.word(b);
            if w == "$" || w == "#" || w == "€" || w == "£" || is_label(w) {
                return false;
            }
        }
        // "closed at 2600": an index level; a year that far ahead needs "in" or "by".
        if let Lex::Num(Num::Int(v, _)) = self.at(i) {
            if v > 2100 && !before.is_some_and(|b| matches!(self.w(b), Some(W::Prep(Prep::In | Prep::By | Prep::Until)) | Some(W::Unit(Unit::Year, false)))) {
                return false;
            }
        }
        let next = i + 1;
        if next < self.e {
            let w = self.word(next);
            if w == "%" || w.eq_ignore_ascii_case("percent") || self.punct(next, b':') {
                return false;
            }
            if matches!(self.at(next), Lex::W(W::Unit(..))) || is_measured(w) {
                return false;
            }
        }
        let prep_before = before.is_some_and(|b| matches!(self.w(b), Some(W::Prep(_) | W::The | W::Fiscal | W::Month(..) | W::Mod(_) | W::Rel(_) | W::Dir(_) | W::Season(_))) || self.punct(b, b',') || self.punct(b, b'('));
        let lower_word_after = next < self.e
            && matches!(self.at(next), Lex::Other)
            && self.word(next).as_bytes().first().is_some_and(u8::is_ascii_lowercase);
        // "his 1996 campaign", "the company's 1989 results": a number that reads as a
        // modern year is one before a singular noun, or a plural after a possessive
        // ("2000 troops" is a count).
        let modern = matches!(self.at(i), Lex::Num(Num::Int(1900..=2099, 4)));
        let possessive = before.is_some_and(|b| {
            let w = self.word(b);
            w.ends_with("'s") || w.ends_with("’s") || ["its", "his", "her", "their", "our", "'s", "’s"].iter().any(|p| w.eq_ignore_ascii_case(p))
        });
        let plural_after = next < self.e && {
            let w = self.word(next);
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
        };
        prep_before || !lower_word_after || (modern && (!plural_after || possessive))
    }

    /// A month name: "Feb. 24", "February 24th, 2022", "Feb 24-25", "March 2022",
    /// "January this year", "March".
    fn month(&self, j: usize, m: u8, abbr: bool) -> Option<(usize, Expr)> {
        let (day, after_day) = match self.at(j + 1) {
            Lex::Num(Num::Int(d, 1..=2)) | Lex::Num(Num::Ordinal(d)) if (1..=31).contains(&d) => (Some(d as u8), j + 2),
            // Spoken: "March eighth", "January the twenty-first".
            _ => {
                let at = if self.is(j + 1, W::The) { j + 2 } else { j + 1 };
                match self.spoken_ordinal(at) {
                    Some((end, d)) => (Some(d), end),
                    None => (None, j + 1),
                }
            }
        };
        if let Some(d) = day {
            // Not "March 1.30" or "May 5 percent".
            let mut k = after_day;
            let mut end_day = None;
            if self.punct(k, b'-') {
                if let Lex::Num(Num::Int(d2, 1..=2)) = self.at(k + 1) {
                    if d2 as u8 > d && d2 <= 31 {
                        end_day = Some(d2 as u8);
                        k += 2;
                    }
                }
            }
            let y = if let Some(y) = self.year4(k) {
                k += 1;
                Some(y)
            } else if self.punct(k, b',') && self.year4(k + 1).is_some() {
                k += 2;
                self.year4(k - 1)
            } else {
                self.named_attacks(m, d, k)
            };
            return Some((k, date_or_invalid(y, m, d, end_day)));
        }
        if let Some(y) = self.year4(j + 1) {
            return Some((j + 2, Expr::Month { m, y: YearSpec::Explicit(y) }));
        }
        if let Some((end, Expr::Year(y))) = self.spoken_year(j + 1) {
            return Some((end, Expr::Month { m, y: YearSpec::Explicit(y) }));
        }
        if self.punct(j + 1, b',') || self.is(j + 1, W::Prep(Prep::Of)) {
            if let Some(y) = self.year4(j + 2) {
                return Some((j + 3, Expr::Month { m, y: YearSpec::Explicit(y) }));
            }
        }
        // "May Day": the first of May.
        if m == 5 && self.word(j + 1) == "Day" {
            return Some(self.with_year(j + 2, Feast::Fixed(5, 1, false)));
        }
        // A bare month: abbreviations need their full stop; May and March need a
        // preposition or modifier before them (else "May" is a modal, "March" a verb).
        let word = self.word(j);
        if abbr && !word.ends_with('.') {
            return None;
        }
        if !abbr && self.month_as_name(j) {
            return None;
        }
        if (m == 5 || m == 3) && !self.prep_before(j) {
            return None;
        }
        let (end, y) = self.year_after(j + 1);
        Some((end, Expr::Month { m, y }))
    }

    /// "the Sept. 11 attacks", "11 September hijackers": a day named after the attacks of
    /// 2001 is that day, whatever the report's year (`k` is the token after the day).
    fn named_attacks(&self, m: u8, d: u8, k: usize) -> Option<i32> {
        const AFTER: &[&str] = &["attack", "attacks", "attackers", "hijackers", "hijackings", "terrorist", "terror", "commission", "plot", "plotters", "mastermind"];
        (m == 9 && d == 11 && AFTER.iter().any(|a| self.word(k).eq_ignore_ascii_case(a))).then_some(2001)
    }

    /// True when the token before `j` is a preposition, a relative word, a modifier or
    /// `the`.
    fn prep_before(&self, j: usize) -> bool {
        j > self.s && (matches!(self.w(j - 1), Some(W::Prep(_) | W::Rel(_) | W::Mod(_) | W::The)) || self.punct(j - 1, b'-'))
    }

    /// A year after a month, season or quarter: "2022", "of 2022", ", 2022", "this
    /// year", "of last year"; `Infer` when none.
    fn year_after(&self, k: usize) -> (usize, YearSpec) {
        if let Some(y) = self.year4(k) {
            return (k + 1, YearSpec::Explicit(y));
        }
        // Spoken: "the winter of nineteen ninety-four", "January nineteen ninety-seven".
        let of = usize::from(self.is(k, W::Prep(Prep::Of)));
        if let Some((end, Expr::Year(y))) = self.spoken_year(k + of) {
            return (end, YearSpec::Explicit(y));
        }
        if (self.is(k, W::Prep(Prep::Of)) || self.punct(k, b',')) && self.year4(k + 1).is_some() {
            return (k + 2, YearSpec::Explicit(self.year4(k + 1).unwrap_or(0)));
        }
        if self.is(k, W::Prep(Prep::Of)) && self.is(k + 1, W::Fiscal) && self.year4(k + 2).is_some() {
            return (k + 3, YearSpec::Explicit(self.year4(k + 2).unwrap_or(0)));
        }
        // "the first half of the year": the year the tense points to, in one expression.
        if self.is(k, W::Prep(Prep::Of)) && self.is(k + 1, W::The) && self.is(k + 2, W::Unit(Unit::Year, false)) && !self.is(k + 3, W::PluralS) {
            return (k + 3, YearSpec::Infer);
        }
        let of = usize::from(self.is(k, W::Prep(Prep::Of)));
        if let (Some(W::Rel(r)), Some(W::Unit(Unit::Year, false))) = (self.w(k + of), self.w(k + of + 1)) {
            let n = match r {
                Rel::This | Rel::Current => 0,
                Rel::Last | Rel::Past | Rel::Previous => -1,
                Rel::Next | Rel::Coming => 1,
                _ => return (k, YearSpec::Infer),
            };
            return (k + of + 2, YearSpec::Rel(n));
        }
        (k, YearSpec::Infer)
    }

    /// A weekday: "Friday", "Friday, Oct. 23, 1998", "Friday Oct. 13".
    fn weekday(&self, j: usize, wd: u8) -> Option<(usize, Expr)> {
        // "Good Friday", "Easter Monday": a named day.
        if let Some(f) = self.weekday_feast(j, wd) {
            return Some(self.with_year(j + 1, f));
        }
        let k = if self.punct(j + 1, b',') { j + 2 } else { j + 1 };
        if let Some(W::Month(m, abbr)) = self.w(k) {
            if let Some((end, e @ (Expr::Day { .. } | Expr::Invalid))) = self.month(k, m, abbr) {
                return Some((end, e));
            }
        }
        if let Lex::Num(Num::Int(d, 1..=2)) = self.at(k) {
            if let Some(W::Month(m, _)) = self.w(k + 1) {
                if let Some(r) = self.day_first(k, d as u8, m, k + 2) {
                    return Some(r);
                }
            }
        }
        Some((j + 1, Expr::Weekday { wd, dir: None, anaphoric: false }))
    }

    /// An amount: the next token and its value ("two", "twenty-four", "a few", "48").
    fn amount(&self, j: usize) -> Option<(usize, Amount)> {
        let (end, n) = self.amount_only(j)?;
        // "two and a half hours".
        if let Amount::N(v) = n {
            if self.is(end, W::Prep(Prep::And)) && self.is(end + 1, W::A) && self.is(end + 2, W::Half) {
                return Some((end + 3, Amount::Half(v)));
            }
        }
        Some((end, n))
    }

    fn amount_only(&self, j: usize) -> Option<(usize, Amount)> {
        match self.at(j) {
            Lex::Num(Num::Int(v, d)) if d <= 7 => match self.at(j + 1) {
                Lex::Num(Num::Frac(1, 2)) => Some((j + 2, Amount::Half(v))),
                _ => Some((j + 1, Amount::N(v))),
            },
            // "1.5 years": written as "a year and a half" is.
            Lex::Num(Num::Half(v)) => Some((j + 1, Amount::Half(v))),
            Lex::W(W::Number(a)) => {
                if a >= 20 && a % 10 == 0 {
                    if self.punct(j + 1, b'-') {
                        if let Some(W::Number(b)) = self.w(j + 2) {
                            if b < 10 {
                                return Some((j + 3, Amount::N(a + b)));
                            }
                        }
                    }
                    if let Some(W::Number(b)) = self.w(j + 1) {
                        if b < 10 {
                            return Some((j + 2, Amount::N(a + b)));
                        }
                    }
                }
                if let Some(W::Hundred(h)) = self.w(j + 1) {
                    return Some((j + 2, Amount::N(a * h)));
                }
                Some((j + 1, Amount::N(a)))
            }
            Lex::W(W::Teen(t)) => Some((j + 1, Amount::N(t))),
            Lex::W(W::A) => match self.w(j + 1) {
                Some(W::Few) if self.word_is(j + 1, "couple") => {
                    Some((if self.is(j + 2, W::Prep(Prep::Of)) { j + 3 } else { j + 2 }, Amount::N(2)))
                }
                Some(W::Few) => Some((j + 2, Amount::X)),
                Some(W::Number(12)) => Some((j + 2, Amount::N(12))),
                Some(W::Hundred(h)) => Some((j + 2, Amount::N(h))),
                // "a half-hour", "a half century".
                Some(W::Half) => Some((j + 2, Amount::Half(0))),
                _ => Some((j + 1, Amount::N(1))),
            },
            Lex::W(W::Few) if self.word_is(j, "couple") => {
                Some((if self.is(j + 1, W::Prep(Prep::Of)) { j + 2 } else { j + 1 }, Amount::N(2)))
            }
            Lex::W(W::Few) => Some((j + 1, Amount::X)),
            Lex::W(W::Half) if self.is(j + 1, W::A) => Some((j + 2, Amount::Half(0))),
            _ => None,
        }
    }

    /// An amount of units, and what it does: "three years" (a duration), "two days ago",
    /// "a year earlier", "48-hour", "five o'clock".
    fn amount_phrase(&self, j: usize) -> Option<(usize, Expr)> {
        let (k, n) = self.amount(j)?;
        if let Amount::N(h) = n {
            if h <= 12 && matches!(self.w(k), Some(W::AmPm(_) | W::OClock)) && !matches!(self.at(j), Lex::W(W::A | W::Few)) {
                return self.clock_tail(k, h as u8, 0, false);
            }
        }
        // "two more weeks", "an additional year": the amount still counts units.
        let k = if ["more", "additional", "extra", "further"].iter().any(|w| self.word_is(k, w)) && matches!(self.w(k + 1), Some(W::Unit(..))) {
            k + 1
        } else {
            k
        };
        let compound = self.punct(k, b'-');
        let k = k + usize::from(compound);
        let Some(W::Unit(unit, plural)) = self.w(k) else { return None };
        // "a quarter century": twenty-five years, counted as years from here on.
        let (k, unit, plural, n) = match self.quarter_century(k, n) {
            Some((c, years)) => (c, Unit::Year, true, years),
            None => (k, unit, plural, n),
        };
        if unit == Unit::Night && !plural {
            return None;
        }
        // "three-quarters", "more than a quarter of the market": a fraction.
        if unit == Unit::Quarter && ((compound && plural) || (!plural && self.is(k + 1, W::Prep(Prep::Of)) && self.year4(k + 2).is_none())) {
            return None;
        }
        // "52 years old": an age, not a time.
        if self.word_is(k + 1, "old") {
            return Some((k + 2, Expr::Invalid));
        }
        // "a decade-long war": the adjective "decade-long" is the expression, read from
        // the unit on.
        if !compound && matches!(self.at(j), Lex::W(W::A)) && self.punct(k + 1, b'-') && self.word_is(k + 2, "long") {
            return None;
        }
        // "twice a week", "500 interviews a day": the period of a frequency, a SET.
        if !plural && !compound && matches!(self.at(j), Lex::W(W::A)) && self.period_ends(k) && (self.times_before(j).is_some() || self.count_before(j)) {
            return Some((k + 1, every(unit)));
        }
        // "$1.76 a year", "358,000 a month", "24 hours a day": a rate, not a time.
        if !plural && !compound && matches!(self.at(j), Lex::W(W::A)) && j > self.s && !matches!(self.w(k + 1), Some(W::Dir(_))) {
            let before = j - 1;
            let amount_before = matches!(self.at(before), Lex::Num(Num::Int(..) | Num::Half(_) | Num::Other) | Lex::W(W::Hundred(_) | W::Unit(_, true)))
                || ["million", "billion", "trillion", "%", "percent", "cents"].iter().any(|w| self.word_is(before, w))
                || self.measure_before(j);
            if amount_before {
                return Some((k + 1, Expr::Invalid));
            }
        }
        // "will one day be": some time ahead.
        if self.word_is(j, "one") && unit == Unit::Day && !plural && j > self.s && (self.is(j - 1, W::Will) || ["would", "could", "may", "might", "can"].iter().any(|w| self.word_is(j - 1, w))) {
            return Some((k + 1, lit(TimexType::Date, "FUTURE_REF")));
        }
        let mut n = n;
        let mut end = k + 1;
        if let Amount::N(v) = n {
            if v > 1 && !plural && !compound && !matches!(self.at(j), Lex::W(W::A)) {
                // "10 year" is a compound without its hyphen ("a 10 year plan"): still a duration.
            }
        }
        if self.is(end, W::Prep(Prep::And)) && self.is(end + 1, W::A) && self.is(end + 2, W::Half) {
            n = match n {
                Amount::N(v) => Amount::Half(v),
                other => other,
            };
            end += 3;
        }
        if compound && self.punct(end, b'-') && self.is(end + 1, W::Long) {
            if self.word_is(end + 1, "old") {
                // "a 6-year-old": an age, not a time.
                return None;
            }
            end += 2;
        }
        // "a week or so ago": the approximation is part of the expression.
        if self.word_is(end, "or") && self.word_is(end + 1, "so") {
            end += 2;
        }
        let shift = |sign: i8, anaphoric: bool| Expr::Shift { unit, n, sign, anaphoric };
        Some(match self.w(end) {
            Some(W::Dir(Dir::Ago)) => (end + 1, shift(-1, false)),
            Some(W::Dir(Dir::Hence)) => (end + 1, shift(1, false)),
            Some(W::Prep(Prep::From)) if self.is(end + 1, W::Deictic(Deictic::Now)) => (end + 2, shift(1, false)),
            Some(W::Dir(Dir::Earlier)) if !compound => (end + 1, shift(-1, true)),
            // "a minute and a half later": no whole number of units to move the
            // narrative's time by, so the amount stays a duration and "later" a signal
            // outside it, as "after" is; "two days later" is a day.
            Some(W::Dir(Dir::Later)) if !compound && matches!(n, Amount::Half(_) | Amount::X) => (end, Expr::Duration { n, unit }),
            Some(W::Dir(Dir::Later)) if !compound => (end + 1, shift(1, true)),
            Some(W::Dir(Dir::Before)) if !compound && self.phrase_end(end + 1) => (end + 1, shift(-1, true)),
            Some(W::Dir(Dir::After)) if !compound && self.phrase_end(end + 1) => (end + 1, shift(1, true)),
            _ if j > self.s && self.is(j - 1, W::Prep(Prep::In)) => (end, Expr::InAmount { n, unit }),
            _ => (end, Expr::Duration { n, unit }),
        })
    }

    /// "quarter century", "quarter-century" at `k` after the amount `n`: the token of
    /// "century" and the amount in years.
    fn quarter_century(&self, k: usize, n: Amount) -> Option<(usize, Amount)> {
        let Amount::N(v) = n else { return None };
        let c = if self.punct(k + 1, b'-') { k + 2 } else { k + 1 };
        (self.is(k, W::Unit(Unit::Quarter, false)) && self.is(c, W::Unit(Unit::Century, false))).then(|| (c, Amount::N(v.saturating_mul(25))))
    }

    /// True when nothing that could be an object follows (`the day before.`).
    fn phrase_end(&self, i: usize) -> bool {
        i >= self.e || matches!(self.at(i), Lex::Punct(_)) || matches!(self.w(i), Some(W::Prep(Prep::And | Prep::Or)))
    }

    /// "nineteen ninety-six".
    fn spoken_year(&self, j: usize) -> Option<(usize, Expr)> {
        // "two thousand and one", "in two thousand": after a word that takes a year.
        if self.is(j, W::Number(2)) && self.is(j + 1, W::Hundred(1000)) {
            let takes_year = j > self.s && matches!(self.w(j - 1), Some(W::Prep(Prep::In | Prep::By | Prep::Since | Prep::Until | Prep::Of)) | Some(W::Unit(Unit::Year, false)));
            let k = if self.is(j + 2, W::Prep(Prep::And)) { j + 3 } else { j + 2 };
            if let Some((end, Amount::N(v @ 1..=99))) = self.amount_only(k) {
                if takes_year && !matches!(self.w(end), Some(W::Unit(..))) {
                    return Some((end, Expr::Year(2000 + v as i32)));
                }
            }
            return (takes_year && !self.lower_word(j + 2) && !self.is(j + 2, W::Prep(Prep::And))).then_some((j + 2, Expr::Year(2000)));
        }
        let Some(W::Teen(19 | 18)) = self.w(j) else { return None };
        let century = match self.w(j) {
            Some(W::Teen(c)) => c as i32,
            _ => return None,
        };
        let (end, n) = self.amount(j + 1)?;
        match n {
            Amount::N(v) if (10..100).contains(&v) => Some((end, Expr::Year(century * 100 + v as i32))),
            _ => None,
        }
    }

    /// Words that are times by themselves.
    fn deictic(&self, j: usize, d: Deictic, the: bool) -> Option<(usize, Expr)> {
        match d {
            Deictic::Present => {
                let prep = j > self.s && matches!(self.w(j - 1), Some(W::Prep(Prep::In | Prep::At)));
                (the || prep).then_some((j + 1, Expr::Deictic(d)))
            }
            // "the future", "future quarters".
            Deictic::Future => {
                // "the future of our peoples": a fate, not a time.
                if self.is(j + 1, W::Prep(Prep::Of)) {
                    return None;
                }
                let prep = j > self.s && matches!(self.w(j - 1), Some(W::Prep(Prep::In)));
                if matches!(self.w(j + 1), Some(W::Unit(_, true))) {
                    return Some((j + 2, Expr::Deictic(d)));
                }
                (the || prep).then_some((j + 1, Expr::Deictic(d)))
            }
            // "as soon as possible": some time ahead (the extent opens at "as", see
            // `parse`).
            Deictic::Soon if self.as_soon_as_possible(j) => Some((j + 3, Expr::Deictic(d))),
            Deictic::Soon if j > self.s && self.word_is(j - 1, "as") => None,
            // "soon after he arrived": a relation between two events, not a time.
            Deictic::Soon if matches!(self.w(j + 1), Some(W::Dir(Dir::After | Dir::Before))) => None,
            Deictic::Soon => {
                // "as soon as he arrives" is a conjunction.
                if self.word_is(j + 1, "as") {
                    return None;
                }
                Some((j + 1, Expr::Deictic(d)))
            }
            Deictic::Meantime => None,
            // "today's world", "tomorrow's leaders", "the people of tomorrow": the present
            // (future) age, not a day.
            Deictic::Today | Deictic::Tomorrow
                if (self.is(j + 1, W::PluralS) && self.era_noun(j + 2)) || (j >= self.s + 2 && self.is(j - 1, W::Prep(Prep::Of)) && self.era_noun(j - 2)) =>
            {
                None
            }
            Deictic::Today | Deictic::Yesterday | Deictic::Tomorrow => Some((j + 1, Expr::Deictic(d))),
            Deictic::Now => {
                // "Now, he says …" opening a sentence moves the story on; it names no time.
                if self.opens_sentence(j) && self.punct(j + 1, b',') {
                    return None;
                }
                // "now-defunct", "now that": still the present.
                Some((j + 1, Expr::Deictic(d)))
            }
            _ => Some((j + 1, Expr::Deictic(d))),
        }
    }

    /// "last week", "this year", "next Friday", "the past two months", "recent days".
    fn relative(&self, j: usize, r: Rel, the: bool) -> Option<(usize, Expr)> {
        let k = j + 1;
        // "the latter half of 1989"; "the latter" is otherwise no time.
        if self.word_is(j, "latter") && !self.is(k, W::Half) {
            return None;
        }
        // "this coming Sunday", "this past spring".
        if r == Rel::This {
            match self.w(k) {
                Some(W::Rel(Rel::Coming)) => return self.relative(k, Rel::Next, the),
                Some(W::Rel(Rel::Past)) => return self.relative(k, Rel::Last, the),
                _ => {}
            }
        }
        // "the prior-year period", "the previous-year quarter": as "the year-earlier
        // period", the period under discussion a year before.
        if matches!(r, Rel::Prior | Rel::Previous) && self.punct(k, b'-') && self.is(k + 1, W::Unit(Unit::Year, false)) {
            let end = k + 2;
            return Some(match self.w(end) {
                Some(W::Unit(u @ (Unit::Quarter | Unit::Month | Unit::Year), false)) => (end + 1, Expr::YearAgo { unit: u }),
                Some(W::Period) => (end + 1, Expr::YearAgo { unit: Unit::Year }),
                _ => (end, Expr::YearAgo { unit: Unit::Year }),
            });
        }
        let (n, anaphoric): (i32, bool) = match r {
            Rel::Last | Rel::Past => (-1, false),
            Rel::Previous | Rel::Prior => (-1, true),
            Rel::Next | Rel::Coming => (1, false),
            Rel::Following => (1, true),
            Rel::This | Rel::Current => (0, false),
            Rel::That | Rel::Same => (0, true),
            Rel::Recent => (-1, false),
        };
        // "the same period last year", "the same quarter a year ago".
        if r == Rel::Same && the {
            if let Some(x) = self.same_period_back(k) {
                return Some(x);
            }
        }
        match self.w(k) {
            // "next year's first quarter", "this year's second half".
            Some(W::Unit(Unit::Year, false)) if !anaphoric && matches!(r, Rel::Last | Rel::Next | Rel::This | Rel::Current) && self.is(k + 1, W::PluralS) => {
                let q = k + 2;
                let part = if self.punct(q + 1, b'-') { q + 2 } else { q + 1 };
                match (self.w(q), self.w(part)) {
                    (Some(W::Ordinal(o)), Some(W::Unit(Unit::Quarter, false))) if (1..=4).contains(&o) => {
                        Some((part + 1, Expr::Quarter { q: o, y: YearSpec::Rel(n) }))
                    }
                    (Some(W::Ordinal(o)), Some(W::Half)) if (1..=2).contains(&o) => Some((part + 1, Expr::Half { h: o, y: YearSpec::Rel(n) })),
                    // "last year's quarter", "last year's period": the period under
                    // discussion a year before, as "the year-ago quarter".
                    (Some(W::Unit(Unit::Quarter, false)), _) if r == Rel::Last => Some((q + 1, Expr::YearAgo { unit: Unit::Quarter })),
                    (Some(W::Period), _) if r == Rel::Last && self.word_is(q, "period") => Some((q + 1, Expr::YearAgo { unit: Unit::Year })),
                    _ => Some((k + 1, Expr::UnitRel { unit: Unit::Year, n, anaphoric })),
                }
            }
            // "last fiscal year", "the current fiscal year": the fiscal year moved like a
            // calendar one.
            Some(W::Fiscal) if self.is(k + 1, W::Unit(Unit::Year, false)) && self.year4(k + 2).is_none() && !matches!(r, Rel::Recent | Rel::Past) => {
                Some((k + 2, Expr::UnitRel { unit: Unit::Year, n, anaphoric }))
            }
            // "the last half of 1989".
            Some(W::Half) if r == Rel::Last && self.is(k + 1, W::Prep(Prep::Of)) => {
                let (end, y) = self.year_after(k + 1);
                (end > k + 1).then_some((end, Expr::Half { h: 2, y }))
            }
            Some(W::Unit(unit, false)) => {
                if r == Rel::Recent {
                    return None;
                }
                if r == Rel::Past {
                    return Some((k + 1, Expr::Duration { n: Amount::N(1), unit }));
                }
                if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                    return None;
                }
                let anaphoric = anaphoric || (unit == Unit::Day && r != Rel::This);
                if unit == Unit::Day && r == Rel::This {
                    return Some((k + 1, Expr::Deictic(Deictic::Today)));
                }
                if matches!(r, Rel::That) && !self.word_is(j, "that") {
                    return None;
                }
                Some((k + 1, Expr::UnitRel { unit, n, anaphoric }))
            }
            Some(W::Unit(unit, true)) => {
                if matches!(r, Rel::That | Rel::Same | Rel::This | Rel::Current) {
                    return None;
                }
                // "in recent years", "recent decades": somewhere in the past, not a
                // stretch of known length (TimeBank dates them PAST_REF).
                if r == Rel::Recent && matches!(unit, Unit::Year | Unit::Decade) {
                    return Some((k + 1, lit(TimexType::Date, "PAST_REF")));
                }
                // "in coming months", "coming quarters": the time ahead, not a stretch.
                if r == Rel::Coming && !self.word_is(k + 1, "ahead") {
                    return Some((k + 1, lit(TimexType::Date, "FUTURE_REF")));
                }
                Some((k + 1, Expr::Duration { n: Amount::X, unit }))
            }
            Some(W::Weekday(wd)) => {
                if matches!(r, Rel::Recent | Rel::Current | Rel::Same) || (r == Rel::That && !the) {
                    return None;
                }
                // "this coming Sunday, March eighth": the date written after it.
                if let Some((end, e @ Expr::Day { .. })) = self.weekday(k, wd) {
                    return Some((end, e));
                }
                Some((k + 1, Expr::Weekday { wd, dir: Some(n.signum() as i8), anaphoric }))
            }
            Some(W::Month(m, abbr)) => {
                if matches!(r, Rel::Recent | Rel::Current | Rel::That | Rel::Same) {
                    return None;
                }
                if abbr && !self.word(k).ends_with('.') {
                    return None;
                }
                // "last Oct. 23": the date is the expression, read from the month on.
                if matches!(self.at(k + 1), Lex::Num(Num::Int(_, 1..=2) | Num::Ordinal(_))) {
                    return None;
                }
                Some((k + 1, Expr::MonthRel { m, dir: n.signum() as i8 }))
            }
            Some(W::Season(s)) => {
                if matches!(r, Rel::Recent | Rel::Current | Rel::That | Rel::Same) {
                    return None;
                }
                Some((k + 1, Expr::Season { s, y: YearSpec::Infer, dir: Some(n.signum() as i8) }))
            }
            Some(W::PartOfDay(pod)) => {
                let day = match (r, pod) {
                    (Rel::This, _) => Some(Box::new(Expr::Deictic(Deictic::Today))),
                    (Rel::Last, Pod::Night | Pod::Evening) => Some(Box::new(Expr::Deictic(Deictic::Yesterday))),
                    (Rel::That | Rel::Same, _) => None,
                    // "the next morning", "the following night", "the previous evening":
                    // a day on from (back from) the day the story is at.
                    (Rel::Next | Rel::Following | Rel::Previous | Rel::Prior, _) => {
                        let sign = if matches!(r, Rel::Next | Rel::Following) { 1 } else { -1 };
                        Some(Box::new(Expr::Shift { unit: Unit::Day, n: Amount::N(1), sign, anaphoric: true }))
                    }
                    _ => return None,
                };
                Some((k + 1, Expr::PartOfDay { pod, day }))
            }
            Some(W::Holiday(f)) if matches!(r, Rel::Last | Rel::This | Rel::Next) => self.holiday(k, f),
            _ => {
                if self.starts_amount(k) && !matches!(r, Rel::That | Rel::Same | Rel::This) {
                    let (end, amount) = self.amount(k)?;
                    if let Some(W::Unit(unit, _)) = self.w(end) {
                        if matches!(self.w(k), Some(W::A)) && !self.word_is(k + 1, "few") && !self.word_is(k + 1, "couple") {
                            return None;
                        }
                        if amount == Amount::X && matches!(r, Rel::Last | Rel::Past) {
                            return Some((end + 1, lit(TimexType::Date, "PAST_REF")));
                        }
                        return Some((end + 1, Expr::Duration { n: amount, unit }));
                    }
                    return None;
                }
                if r == Rel::Past && the {
                    return Some((k, Expr::Deictic(Deictic::Past)));
                }
                // "the latest period": the period whose results are being reported.
                if r == Rel::Last && the && self.word_is(j, "latest") && self.is(k, W::Period) && self.word_is(k, "period") {
                    return Some((k + 1, Expr::UnitRel { unit: Unit::Quarter, n: 0, anaphoric: true }));
                }
                match r {
                    Rel::Current => Some((k, lit(TimexType::Date, "PRESENT_REF"))),
                    Rel::Recent => Some((k, lit(TimexType::Date, "PAST_REF"))),
                    _ => None,
                }
            }
        }
    }

    /// "third quarter", "first half", "21st century", "the first nine months".
    fn ordinal(&self, j: usize, o: u32) -> Option<(usize, Expr)> {
        // Spoken: "the eighth of January".
        if (1..=31).contains(&o) && self.is(j + 1, W::Prep(Prep::Of)) {
            if let Some(W::Month(m, _)) = self.w(j + 2) {
                return self.day_first(j, o as u8, m, j + 3);
            }
        }
        let k = if self.punct(j + 1, b'-') { j + 2 } else { j + 1 };
        match self.w(k) {
            Some(W::Unit(Unit::Quarter, false)) if (1..=4).contains(&o) => {
                let (end, y) = self.year_after(k + 1);
                Some((end, Expr::Quarter { q: o as u8, y }))
            }
            Some(W::Half) if (1..=2).contains(&o) => {
                let (end, y) = self.year_after(k + 1);
                Some((end, Expr::Half { h: o as u8, y }))
            }
            Some(W::Unit(Unit::Century, false)) if (1..=30).contains(&o) => Some((k + 1, Expr::Century(o as i32 - 1))),
            // "the eighth day of the blockade", "its second week": the day (week) the
            // story is at, counted from the start of the event.
            Some(W::Unit(unit @ (Unit::Day | Unit::Week), false)) if k == j + 1 && (1..=99).contains(&o) && !self.punct(k + 1, b'-') && self.counted_from_event(j, k + 1) => {
                Some((k + 1, Expr::UnitRel { unit, n: 0, anaphoric: false }))
            }
            _ if o == 1 && k == j + 1 && self.starts_amount(k) => {
                let (end, n) = self.amount(k)?;
                match self.w(end) {
                    Some(W::Unit(unit, true)) => Some((end + 1, Expr::Duration { n, unit })),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether an ordinal at `j` and its unit before `after` count the days of an event
    /// ("the eighth day of the siege", "its second week"): after a determiner or
    /// possessive, and not the first week of a month ("the first week of November").
    fn counted_from_event(&self, j: usize, after: usize) -> bool {
        let det = j > self.s && {
            let w = self.word(j - 1);
            self.is(j - 1, W::The) || ["its", "his", "her", "their", "a"].iter().any(|p| w.eq_ignore_ascii_case(p))
        };
        let of_time = self.is(after, W::Prep(Prep::Of))
            && (matches!(self.w(after + 1), Some(W::Month(..) | W::Rel(_) | W::Unit(..))) || self.year4(after + 1).is_some()
                || (self.is(after + 1, W::The) && matches!(self.w(after + 2), Some(W::Month(..) | W::Unit(..) | W::Season(_)))));
        det && !of_time
    }

    /// "every Friday", "each month", "every two weeks", "every morning".
    fn set(&self, j: usize) -> Option<(usize, Expr)> {
        let k = j + 1;
        let set = |v: String| Expr::Literal { kind: TimexType::Set, value: v, quant: Some("EVERY") };
        // "every other week": every second one, a period of two.
        if self.word_is(k, "other") {
            if let Some(W::Unit(u, false)) = self.w(k + 1) {
                return Some((k + 2, set(crate::expr::duration(Amount::N(2), u))));
            }
        }
        match self.w(k) {
            Some(W::Weekday(wd)) => Some((k + 1, set(format!("XXXX-WXX-{wd}")))),
            Some(W::Month(m, _)) => Some((k + 1, set(format!("XXXX-{m:02}")))),
            Some(W::PartOfDay(p)) => Some((k + 1, set(format!("XXXX-XX-XX{}", p.code())))),
            Some(W::Season(s)) => Some((k + 1, set(format!("XXXX-{s}")))),
            Some(W::Unit(u, false)) => Some((k + 1, set(crate::expr::duration(Amount::N(1), u)))),
            _ => {
                let (end, n) = self.amount(k)?;
                match self.w(end) {
                    Some(W::Unit(u, _)) => Some((end + 1, set(crate::expr::duration(n, u)))),
                    _ => None,
                }
            }
        }
    }

    /// "the morning", "before dawn", "noon Thursday".
    fn part_of_day(&self, j: usize, p: Pod, the: bool) -> Option<(usize, Expr)> {
        let standalone = matches!(p, Pod::Dawn | Pod::Dusk | Pod::Noon | Pod::Midnight);
        // "mid-afternoon", "by late afternoon", "early morning": the modifier makes it a time.
        let timing = |i: usize| matches!(self.w(i), Some(W::Mod(Mod::Early | Mod::Late | Mod::Mid)));
        let modded = j > self.s && (timing(j - 1) || (j > self.s + 1 && self.punct(j - 1, b'-') && timing(j - 2)));
        if !standalone && !modded && (!the || p == Pod::Night) {
            return None;
        }
        if standalone || modded {
            // "noon Thursday", "midnight Friday".
            if let Some((end, day @ (Expr::Weekday { .. } | Expr::Deictic(_) | Expr::Day { .. }))) = self.dayish(j + 1) {
                return Some((end, Expr::PartOfDay { pod: p, day: Some(Box::new(day)) }));
            }
            // "before dawn on Tuesday", "early morning on May 3": that day's dawn; the day
            // stays an expression of its own.
            if self.word_is(j + 1, "on") {
                if let Some((_, day @ (Expr::Weekday { .. } | Expr::Day { .. }))) = self.dayish(j + 2) {
                    return Some((j + 1, Expr::PartOfDay { pod: p, day: Some(Box::new(day)) }));
                }
            }
        }
        Some((j + 1, Expr::PartOfDay { pod: p, day: None }))
    }

    /// A day-level expression at `i`, for attaching a time or part of day.
    fn dayish(&self, i: usize) -> Option<(usize, Expr)> {
        match self.w(i) {
            Some(W::Weekday(wd)) => self.weekday(i, wd),
            Some(W::Deictic(d @ (Deictic::Today | Deictic::Yesterday | Deictic::Tomorrow))) => Some((i + 1, Expr::Deictic(d))),
            Some(W::Month(m, abbr)) => match self.month(i, m, abbr) {
                Some((end, e @ Expr::Day { .. })) => Some((end, e)),
                _ => None,
            },
            _ => match self.at(i) {
                Lex::Num(n @ (Num::Iso(..) | Num::Slash(..))) => self.number(i, n),
                Lex::Num(Num::Int(_, 1..=2) | Num::Ordinal(_)) => match self.core(i, false) {
                    Some((end, e @ Expr::Day { .. })) => Some((end, e)),
                    _ => None,
                },
                _ => None,
            },
        }
    }

    /// A bare unit: "for weeks", "years ago", "the year", "the weekend", "year-ago".
    fn bare_unit(&self, j: usize, unit: Unit, plural: bool, the: bool) -> Option<(usize, Expr)> {
        // "the quarter a year ago": that quarter a year before.
        if the && unit == Unit::Quarter && !plural {
            if let Some(x) = self.same_period_back(j) {
                return Some(x);
            }
        }
        // "year-ago", "year-earlier" (adjectives): the reference moved back a year.
        if unit == Unit::Year && !plural && self.punct(j + 1, b'-') {
            match self.w(j + 2) {
                Some(W::Dir(Dir::Ago | Dir::Earlier)) => {
                    let mut end = j + 3;
                    let mut unit = unit;
                    match self.w(end) {
                        Some(W::Unit(u @ (Unit::Quarter | Unit::Month | Unit::Year), false)) => {
                            end += 1;
                            unit = u;
                        }
                        Some(W::Period) => end += 1,
                        // "the year-earlier nine months": a stretch of that length.
                        _ if self.starts_amount(end) && !self.is(end, W::A) => {
                            if let Some((k, n)) = self.amount(end) {
                                if let Some(W::Unit(u, true)) = self.w(k) {
                                    return Some((k + 1, Expr::Duration { n, unit: u }));
                                }
                            }
                        }
                        Some(W::Ordinal(o)) if (1..=4).contains(&o) && self.is(end + 1, W::Unit(Unit::Quarter, false)) => {
                            return Some((end + 2, Expr::Quarter { q: o, y: YearSpec::Rel(-1) }));
                        }
                        _ => {}
                    }
                    return Some((end, Expr::YearAgo { unit }));
                }
                // "year-end": December 31 of the year the tense points to.
                Some(W::Mod(Mod::End)) => return Some((j + 3, Expr::Day { y: None, m: 12, d: 31, end_day: None })),
                _ => {}
            }
        }
        // "year end", "year's end".
        if unit == Unit::Year && !plural {
            let k = if self.is(j + 1, W::PluralS) { j + 2 } else { j + 1 };
            if self.is(k, W::Mod(Mod::End)) {
                return Some((k + 1, Expr::UnitRel { unit, n: 0, anaphoric: true }));
            }
        }
        if plural {
            let prep = j > self.s && matches!(self.w(j - 1), Some(W::Prep(Prep::For | Prep::Within | Prep::During | Prep::Throughout | Prep::In)) | Some(W::Mod(Mod::Over)));
            // "hours later": how long after the last event, a duration ("later" is a
            // signal outside it, as "after" is).
            if self.is(j + 1, W::Dir(Dir::Later)) {
                return Some((j + 1, Expr::Duration { n: Amount::X, unit }));
            }
            if matches!(self.w(j + 1), Some(W::Dir(Dir::Ago | Dir::Earlier))) {
                return Some((j + 2, Expr::Shift { unit, n: Amount::X, sign: -1, anaphoric: false }));
            }
            if self.punct(j + 1, b'-') && self.is(j + 2, W::Long) {
                return Some((j + 3, Expr::Duration { n: Amount::X, unit }));
            }
            // "in the weeks before the shooting", "the days ahead", "the years that
            // followed", "over the years".
            if the && !matches!(unit, Unit::Weekend) {
                let over = j >= self.s + 2 && self.is(j - 1, W::The) && (self.is(j - 2, W::Mod(Mod::Over)) || self.word_is(j - 2, "through"));
                if over && !self.lower_word(j + 1) {
                    return Some((j + 1, Expr::Duration { n: Amount::X, unit }));
                }
                if self.word_is(j + 1, "ahead") {
                    return Some((j + 2, Expr::Duration { n: Amount::X, unit }));
                }
                let after = matches!(self.w(j + 1), Some(W::Dir(Dir::Before | Dir::After)) | Some(W::Prep(Prep::Since)))
                    || (self.is(j + 1, W::Rel(Rel::That)) && self.word_is(j + 2, "followed"));
                if after {
                    return Some((j + 1, Expr::Duration { n: Amount::X, unit }));
                }
            }
            return (prep && !the).then_some((j + 1, Expr::Duration { n: Amount::X, unit }));
        }
        // "a day-long meeting", "year-long talks": one unit.
        if self.punct(j + 1, b'-') && self.word_is(j + 2, "long") && !matches!(unit, Unit::Weekend) {
            return Some((j + 3, Expr::Duration { n: Amount::N(1), unit }));
        }
        // "by mid-year", "mid-week": the middle of the unit the story is in.
        let mid = self.is(j.wrapping_sub(1), W::Mod(Mod::Mid)) || (self.punct(j.wrapping_sub(1), b'-') && self.is(j.wrapping_sub(2), W::Mod(Mod::Mid)));
        if !the && mid && matches!(unit, Unit::Week | Unit::Month | Unit::Year | Unit::Decade) {
            return Some((j + 1, Expr::UnitRel { unit, n: 0, anaphoric: true }));
        }
        if !the {
            return None;
        }
        // "the day before yesterday", "the day after tomorrow": two days from the report's.
        if unit == Unit::Day {
            let sign = match (self.w(j + 1), self.w(j + 2)) {
                (Some(W::Dir(Dir::Before)), Some(W::Deictic(Deictic::Yesterday))) => -1,
                (Some(W::Dir(Dir::After)), Some(W::Deictic(Deictic::Tomorrow))) => 1,
                _ => 0,
            };
            if sign != 0 {
                return Some((j + 3, Expr::Shift { unit, n: Amount::N(2), sign, anaphoric: false }));
            }
        }
        // "the day before", "the week after": next to the narrative's time.
        if let Some(W::Dir(d @ (Dir::Before | Dir::After))) = self.w(j + 1) {
            if self.phrase_end(j + 2) && !matches!(unit, Unit::Weekend) {
                let sign = if d == Dir::Before { -1 } else { 1 };
                return Some((j + 2, Expr::Shift { unit, n: Amount::N(1), sign, anaphoric: true }));
            }
        }
        // "the year 2000", "the year two thousand": the year named.
        if unit == Unit::Year && !plural {
            if let Some(y) = self.year4(j + 1) {
                return Some((j + 2, Expr::Year(y)));
            }
            if let Some(r @ (_, Expr::Year(_))) = self.spoken_year(j + 1) {
                return Some(r);
            }
            if matches!(self.w(j + 1), Some(W::Number(_))) {
                if let Some((end, Amount::N(v @ 1000..=2999))) = self.amount_only(j + 1) {
                    return Some((end, Expr::Year(v as i32)));
                }
            }
        }
        // "the year ended Sept. 30": a fiscal year, a stretch of twelve months.
        if unit == Unit::Year && (self.word_is(j + 1, "ended") || self.word_is(j + 1, "ending")) {
            return Some((j + 1, Expr::Duration { n: Amount::N(1), unit }));
        }
        match unit {
            Unit::Weekend => Some((j + 1, Expr::UnitRel { unit, n: 0, anaphoric: true })),
            // "the end of the decade", "the middle of the century": the one the
            // narrative is in (alone, "the decade since the war" is a stretch of time).
            Unit::Decade | Unit::Century if j >= self.s + 3 && self.is(j - 2, W::Prep(Prep::Of)) && matches!(self.w(j - 3), Some(W::Mod(Mod::End | Mod::Beginning | Mod::Start | Mod::Middle))) => {
                Some((j + 1, Expr::UnitRel { unit, n: 0, anaphoric: true }))
            }
            Unit::Year | Unit::Quarter | Unit::Month | Unit::Week => {
                // "the year's", "the day of": still the anaphoric unit; "the day he left" too.
                Some((j + 1, Expr::UnitRel { unit, n: 0, anaphoric: true }))
            }
            _ => None,
        }
    }

    /// A quarter or half of the year `y` named just before `k`: "['s] third quarter",
    /// "['s] first half" (in "1989's third quarter", "fiscal 1990's first half").
    fn part_of_named_year(&self, k: usize, y: i32) -> Option<(usize, Expr)> {
        if !self.is(k, W::PluralS) || self.word(k) == "s" {
            return None;
        }
        let Some(W::Ordinal(o)) = self.w(k + 1) else { return None };
        let part = if self.punct(k + 2, b'-') { k + 3 } else { k + 2 };
        match self.w(part) {
            Some(W::Unit(Unit::Quarter, false)) if (1..=4).contains(&o) => Some((part + 1, Expr::Quarter { q: o, y: YearSpec::Explicit(y) })),
            Some(W::Half) if (1..=2).contains(&o) => Some((part + 1, Expr::Half { h: o, y: YearSpec::Explicit(y) })),
            _ => None,
        }
    }

    /// "fiscal 1989", "fiscal year 1990", "the fiscal year".
    fn fiscal(&self, j: usize) -> Option<(usize, Expr)> {
        if let Some(y) = self.year4(j + 1) {
            // "fiscal 1990's first quarter".
            return self.part_of_named_year(j + 2, y).or(Some((j + 2, Expr::Year(y))));
        }
        if self.is(j + 1, W::Unit(Unit::Year, false)) {
            if let Some(y) = self.year4(j + 2) {
                return Some((j + 3, Expr::Year(y)));
            }
            // "changed from a fiscal year to a calendar year": a kind of year, not one.
            if j > self.s && self.is(j - 1, W::A) {
                return None;
            }
            return Some((j + 2, Expr::UnitRel { unit: Unit::Year, n: 0, anaphoric: true }));
        }
        if let Some(W::Ordinal(o)) = self.w(j + 1) {
            return self.ordinal(j + 1, u32::from(o));
        }
        if self.punct(j + 1, b'-') {
            if let Some(W::Ordinal(o)) = self.w(j + 2) {
                return self.ordinal(j + 2, u32::from(o));
            }
        }
        None
    }

    /// The rest of a clock time after its number: am/pm, zone, and the day it is on
    /// ("1.30am IST on Saturday", "9 a.m. Tuesday", "5 p.m. EST, Nov. 9").
    /// `bare_ok`: accept a time with neither am/pm nor zone ("at 10:30").
    fn clock_tail(&self, k: usize, h: u8, m: u8, bare_ok: bool) -> Option<(usize, Expr)> {
        let mut k = k;
        let mut h = h;
        let mut marked = false;
        match self.w(k) {
            Some(W::AmPm(pm)) => {
                if h == 0 || h > 12 {
                    return None;
                }
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                k += 1;
                marked = true;
            }
            Some(W::OClock) => {
                k += 1;
                marked = true;
            }
            _ => {}
        }
        let mut zone = None;
        if let Some(W::Zone(z)) = self.w(k) {
            if zones::needs_time(z) {
                if self.is(k + 1, W::Time) {
                    zone = Some(z);
                    k += 2;
                }
            } else {
                zone = Some(z);
                k += 1;
            }
        }
        if !marked && zone.is_none() && !bare_ok {
            return None;
        }
        // The day it is on.
        let mut day = None;
        let after = if self.is(k, W::Prep(Prep::On)) || self.punct(k, b',') { k + 1 } else { k };
        if let Some((end, e)) = self.dayish(after) {
            day = Some(Box::new(e));
            k = end;
        }
        Some((k, Expr::Clock { h, m, zone, day }))
    }

    /// Whether a colon time without am/pm stands after a word that takes a time.
    fn clock_context(&self, j: usize) -> bool {
        j > self.s && matches!(self.w(j - 1), Some(W::Prep(Prep::At | Prep::By | Prep::Until | Prep::From | Prep::To | Prep::Since)) | Some(W::Mod(Mod::About)))
    }

    /// Extensions after a core: part of day, clock time, year.
    fn extend(&self, end: usize, expr: Expr) -> (usize, Expr) {
        let mut end = end;
        let mut expr = expr;
        for _ in 0..2 {
            let dayish = matches!(expr, Expr::Day { .. } | Expr::Weekday { .. } | Expr::Holiday(..))
                || matches!(expr, Expr::Deictic(Deictic::Today | Deictic::Yesterday | Deictic::Tomorrow));
            if dayish {
                // "Monday afternoons", "Sunday nights": every such part of that day.
                if let Expr::Weekday { wd, dir: None, .. } = expr {
                    let pod = match self.w(end) {
                        Some(W::PartOfDay(p)) if self.word(end).ends_with('s') => Some(p),
                        Some(W::Unit(Unit::Night, true)) => Some(Pod::Night),
                        _ => None,
                    };
                    if let Some(p) = pod {
                        return (end + 1, weekly(wd, p.code()));
                    }
                }
                if let Some(W::PartOfDay(pod)) = self.w(end) {
                    expr = Expr::PartOfDay { pod, day: Some(Box::new(expr)) };
                    end += 1;
                    continue;
                }
                if self.is(end, W::Prep(Prep::At)) {
                    let clock = match self.at(end + 1) {
                        Lex::Num(Num::Clock(h, m)) => self.clock_tail(end + 2, h, m, true),
                        Lex::Num(Num::Int(h, 1..=2)) if h <= 12 => self.clock_tail(end + 2, h as u8, 0, false),
                        _ => None,
                    };
                    if let Some((cend, Expr::Clock { h, m, zone, day: None })) = clock {
                        expr = Expr::Clock { h, m, zone, day: Some(Box::new(expr)) };
                        end = cend;
                        continue;
                    }
                }
            }
            break;
        }
        (end, expr)
    }

    /// "a year ago", "a year earlier", "[of] last year", "[of] the previous year" at `k`
    /// (after "the same period", "the quarter"): one past its end.
    fn year_back(&self, k: usize) -> Option<usize> {
        let k = if self.is(k, W::Prep(Prep::Of)) { k + 1 } else { k };
        let year = |i: usize| self.is(i, W::Unit(Unit::Year, false));
        if self.is(k, W::A) && year(k + 1) && matches!(self.w(k + 2), Some(W::Dir(Dir::Ago | Dir::Earlier))) {
            return Some(k + 3);
        }
        if self.is(k, W::Rel(Rel::Last)) && year(k + 1) && !self.is(k + 2, W::PluralS) {
            return Some(k + 2);
        }
        if self.is(k, W::The) && matches!(self.w(k + 1), Some(W::Rel(Rel::Previous | Rel::Prior))) && year(k + 2) {
            return Some(k + 3);
        }
        None
    }

    /// "the same period last year", "the corresponding quarter a year earlier", "the
    /// quarter a year ago": the period under discussion a year before, as "the
    /// year-ago period". `k` is the first token after "same" ("corresponding").
    fn same_period_back(&self, k: usize) -> Option<(usize, Expr)> {
        let unit = match self.w(k) {
            Some(W::Unit(Unit::Quarter, false)) => Unit::Quarter,
            Some(W::Period) if self.word_is(k, "period") => Unit::Year,
            _ => return None,
        };
        self.year_back(k + 1).map(|end| (end, Expr::YearAgo { unit }))
    }
}

/// Nouns that a number after them names rather than dates: "Resolution 1154", "Flight
/// 1920", "Route 1917", "No. 1990" are labels, not years.
fn is_label(word: &str) -> bool {
    const LABELS: &[&str] = &[
        "no.", "number", "resolution", "flight", "route", "highway", "interstate", "room", "article", "section", "chapter", "page",
        "paragraph", "item", "proposition", "amendment", "suite", "gate", "exit", "platform", "channel", "apartment", "box", "code",
    ];
    word.len() <= 11 && LABELS.iter().any(|l| l.eq_ignore_ascii_case(word))
}

/// Units a number before them measures or counts: "rose to 1905 points", "the 1500
/// meters", "about 2000 people" are amounts, whatever word comes before them.
fn is_measured(word: &str) -> bool {
    const UNITS: &[&str] = &[
        "points", "meters", "metres", "miles", "kilometers", "kilometres", "feet", "yards", "inches", "acres", "hectares", "barrels",
        "tons", "tonnes", "gallons", "liters", "litres", "kilograms", "kilos", "pounds", "degrees", "votes", "people", "troops",
        "soldiers",
    ];
    word.len() <= 11 && UNITS.iter().any(|u| u.eq_ignore_ascii_case(word))
}

fn lit(kind: TimexType, v: &str) -> Expr {
    Expr::Literal { kind, value: v.to_string(), quant: None }
}

/// "every Friday", "Sunday mornings": SET `XXXX-WXX-5`, `XXXX-WXX-7TMO`.
fn weekly(wd: u8, pod: &str) -> Expr {
    Expr::Literal { kind: TimexType::Set, value: format!("XXXX-WXX-{wd}{pod}"), quant: None }
}

/// `daily` → SET `P1D`.
fn every(u: Unit) -> Expr {
    Expr::Literal { kind: TimexType::Set, value: crate::expr::duration(Amount::N(1), u), quant: None }
}

/// A written date, or `Invalid` when it names no day ("February 30", year 0).
fn date_or_invalid(y: Option<i32>, m: u8, d: u8, end_day: Option<u8>) -> Expr {
    let valid = match y {
        Some(y) => crate::point::day(y, m, d).is_some(),
        None => crate::point::day(2000, m, d).is_some(),
    };
    if valid {
        Expr::Day { y, m, d, end_day }
    } else {
        Expr::Invalid
    }
}

/// The decade or century a round year with a plural `s` names: "the 1990s" (`199`),
/// "the 1800s" (a century: `18`; but "the 2000s" is a decade).
fn decade_or_century(v: u32) -> Expr {
    if v % 100 == 0 && v < 2000 {
        Expr::Century(v as i32 / 100)
    } else {
        Expr::Decade(v as i32 / 10)
    }
}

/// The decade "the '90s" names: of the twentieth century from '30 on, else of the
/// twenty-first ("the '20s" is the 2020s).
fn two_digit_decade(v: u32) -> Expr {
    let century = if v >= 30 { 190 } else { 200 };
    Expr::Decade(century + v as i32 / 10)
}
