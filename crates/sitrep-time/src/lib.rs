//! sitrep-time: temporal expressions (TIMEX3) in a report, normalised against the
//! report's date.
//!
//! In a report dated Friday 2022-02-25, "Thursday night" is `2022-02-24TNI`, "1.30am IST
//! on Saturday" is `2022-02-26T01:30+05:30` (20:00 UTC on the 25th), "for weeks" is the
//! duration `PXW` and "in a few days" is `FUTURE_REF`.
//!
//! ```
//! use sitrep_core::{Doc, Meta, Stage};
//! use sitrep_time::TimeTagger;
//!
//! let mut doc = Doc::new(Meta::new("r1", jiff::civil::date(2022, 2, 25)),
//!     "Shelling resumed Thursday night. The council will meet at 1.30am IST on Saturday.");
//! sitrep_text::Segmenter::new().annotate(&mut doc); // tokens first
//! TimeTagger::new().annotate(&mut doc);
//! let values: Vec<&str> = doc.time.times.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["2022-02-24TNI", "2022-02-26T01:30+05:30"]);
//! assert_eq!(doc.time.times[1].detail.utc.as_deref(), Some("2022-02-25T20:00Z"));
//! ```
//!
//! The crate also holds the evaluation against TimeML corpora ([`timeml`], [`score`],
//! [`eval`]): `sitrep eval time` is a thin wrapper around [`eval::evaluate_dir`] and
//! [`eval::score_predictions`].

mod expr;
mod holidays;
mod lexicon;
mod point;
mod scan;
mod tense;
mod zones;

pub mod eval;
pub mod score;
pub mod timeml;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use sitrep_core::{Doc, Span, Stage, TextLayer, TimeLayer, Timex, TimexDetail, TimexType, TokenSyntax};

use crate::expr::{Ctx, Expr};
use crate::lexicon::{Country, Lex, Prep, W};
use crate::point::Point;
use crate::scan::{could_start, Scan};

/// What relative expressions are measured from: the report's date in its own zone.
///
/// ```
/// use sitrep_time::Anchor;
/// let a = Anchor::new(jiff::civil::date(2022, 2, 25));
/// assert_eq!(a.date.to_string(), "2022-02-25");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The report date.
    pub date: Date,
    /// The report's zone, for "local time"; `None` when unknown (UTC by default).
    pub zone: Option<TimeZone>,
}

impl Anchor {
    /// An anchor with a date and no known zone.
    pub fn new(date: Date) -> Anchor {
        Anchor { date, zone: None }
    }

    /// The anchor of a report: its date, and its zone unless that is plain UTC (the
    /// default when the input gave none).
    pub fn of(meta: &sitrep_core::Meta) -> Anchor {
        let zone = (meta.tz != TimeZone::UTC).then(|| meta.tz.clone());
        Anchor { date: meta.date, zone }
    }
}

/// The time stage: finds temporal expressions and gives each its TIMEX3 type and value.
///
/// Built once, shared across threads; it needs the text layer (tokens) and uses the
/// syntax layer's tags for tense when it is filled.
#[derive(Debug, Clone, Default)]
pub struct TimeTagger {
    _private: (),
}

impl TimeTagger {
    /// The tagger with its built-in vocabulary and zone table.
    pub fn new() -> TimeTagger {
        TimeTagger::default()
    }

    /// Temporal expressions of `text` (segmented into `layer`), in text order, not
    /// overlapping. With no `anchor`, relative expressions keep only what their words
    /// say (`XXXX-WXX-5`, `FUTURE_REF`) and are marked `unanchored`.
    ///
    /// ```
    /// use sitrep_time::{Anchor, TimeTagger};
    /// let text = "Talks ended two days ago and resume tomorrow.";
    /// let layer = sitrep_text::Segmenter::new().segment(text);
    /// let tagger = TimeTagger::new();
    /// let dated = tagger.tag(text, &layer, Some(&Anchor::new(jiff::civil::date(2022, 2, 25))));
    /// assert_eq!(dated.iter().map(|t| t.value.as_str()).collect::<Vec<_>>(), ["2022-02-23", "2022-02-26"]);
    /// let undated = tagger.tag(text, &layer, None);
    /// assert_eq!(undated[1].value, "XXXX-XX-XX");
    /// assert_eq!(undated[1].detail.unanchored, Some(true));
    /// ```
    pub fn tag(&self, text: &str, layer: &TextLayer, anchor: Option<&Anchor>) -> Vec<Timex> {
        self.run(text, layer, None, anchor)
    }

    fn run(&self, text: &str, layer: &TextLayer, syntax: Option<&[TokenSyntax]>, anchor: Option<&Anchor>) -> Vec<Timex> {
        let tokens = &layer.tokens;
        let mut lex: Vec<Lex> = Vec::with_capacity(tokens.len());
        let mut countries = [0u32; 3];
        for t in tokens {
            let l = lexicon::classify(text, *t);
            if let Lex::W(W::Country(c)) = l {
                countries[c as usize] += 1;
            }
            lex.push(l);
        }
        let ist = zones::ist_country(countries);
        let mut out: Vec<Timex> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        let mut reference: Option<Point> = None;
        let mut written = false;
        let mut coarse: Option<Point> = None;
        for sentence in &layer.sentences {
            let (s, e) = (sentence.first_token as usize, (sentence.end_token as usize).min(tokens.len()));
            if s >= e {
                continue;
            }
            let scan = Scan { text, tokens, lex: &lex, s, e };
            let mut i = s;
            // One past the last expression's tokens: an extent that opens before the
            // token read ("*twice* a week", "*Good* Friday") never reaches back into it.
            let mut floor = s;
            while i < e {
                if !could_start(lex[i]) {
                    i += 1;
                    continue;
                }
                let Some(cand) = scan.parse(i) else {
                    i += 1;
                    continue;
                };
                let end = cand.end.clamp(i + 1, e);
                let first = cand.start.max(floor).min(end - 1);
                let tense = tense::tense_near(text, tokens, syntax, s, first, end, e);
                let ctx = Ctx { dct: anchor.map(|a| a.date), reference, written, coarse, tense, ist, local: anchor.and_then(|a| a.zone.as_ref()) };
                if let Some(r) = expr::resolve(&cand.expr, &ctx) {
                    let span = Span::new(tokens[first].span.start, tokens[end - 1].span.end);
                    // The narrative's reference time moves with every point it names,
                    // except points themselves computed from it — but days counted
                    // forward from it are where the story has moved ("On March 3 … Two
                    // days later … The next day": the 6th). Looking back ("from $1.10 the
                    // day before") leaves it where it was.
                    let day_counted = matches!(cand.expr, Expr::Shift { anaphoric: true, unit: lexicon::Unit::Day, sign: 1, .. });
                    let derived = !day_counted && matches!(
                        cand.expr,
                        Expr::Literal { .. } | Expr::YearAgo { .. } | Expr::Shift { anaphoric: true, .. } | Expr::UnitRel { anaphoric: true, .. }
                    );
                    if let (Some(p), TimexType::Date | TimexType::Time, false) = (r.point, r.kind, derived) {
                        reference = Some(p);
                        written = matches!(cand.expr, Expr::Day { .. });
                        // "last year", "a year ago": a comparison with the period under
                        // discussion, which stays the base of the next "a year earlier".
                        let comparison = matches!(cand.expr, Expr::Shift { anaphoric: false, .. } | Expr::UnitRel { n: -1, anaphoric: false, .. });
                        // Forecasts ("the third quarter of 1990") are not the period whose
                        // results are compared.
                        // A quarter still running is not reported on either.
                        let start = match p {
                            Point::Quarter(..) => p.shift(lexicon::Unit::Quarter, 1).and_then(|n| n.first_day()),
                            _ => p.first_day(),
                        };
                        let ahead = matches!((start, anchor), (Some(f), Some(a)) if f > a.date);
                        if !comparison && !ahead && matches!(p, Point::Month(..) | Point::Quarter(..) | Point::Half(..) | Point::Year(_)) {
                            coarse = Some(p);
                        }
                    }
                    let detail = TimexDetail {
                        modifier: cand.modifier,
                        utc: r.utc,
                        anchor: r.anchor,
                        end: r.end,
                        quant: r.quant,
                        unanchored: r.unanchored.then_some(true),
                    };
                    out.push(Timex { span, kind: r.kind, value: r.value, detail });
                    starts.push(first);
                    floor = end;
                }
                i = end;
            }
        }
        link_ranges(&lex, &starts, tokens, &mut out);
        out
    }
}

/// "from Monday to Wednesday", "between 1990 and 1995": the first expression gets the
/// value of the second as its `end`.
fn link_ranges(lex: &[Lex], starts: &[usize], tokens: &[sitrep_core::Token], out: &mut [Timex]) {
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        if a.kind != b.kind || a.detail.end.is_some() {
            continue;
        }
        // Tokens between the two expressions.
        let a_end = tokens.partition_point(|t| t.span.end <= a.span.end);
        let b_start = starts[i];
        if b_start != a_end + 1 {
            continue;
        }
        let joined = matches!(lex[a_end], Lex::W(W::Prep(Prep::To | Prep::Until | Prep::Through | Prep::And)) | Lex::Punct(b'-'));
        let opened = starts[i - 1] > 0 && matches!(lex[starts[i - 1] - 1], Lex::W(W::Prep(Prep::From | Prep::Between)));
        let is_and = matches!(lex[a_end], Lex::W(W::Prep(Prep::And)));
        if joined && (opened || !is_and) && (opened || matches!(lex[a_end], Lex::Punct(b'-'))) {
            let end = b.value.clone();
            out[i - 1].detail.end = Some(end);
        }
    }
}

impl Stage for TimeTagger {
    fn annotate(&self, doc: &mut Doc) {
        let syntax = (doc.syntax.tokens.len() == doc.text_layer.tokens.len() && !doc.syntax.tokens.is_empty())
            .then_some(doc.syntax.tokens.as_slice());
        let anchor = Anchor::of(&doc.meta);
        let times = self.run(doc.text(), &doc.text_layer, syntax, Some(&anchor));
        doc.time = TimeLayer { times };
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<TimeTagger>();
    let _ = Country::India;
}
