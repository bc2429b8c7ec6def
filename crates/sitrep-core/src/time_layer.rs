//! The time layer: temporal expressions (TIMEX3) found in the report and their values.

use serde::Serialize;

use crate::Span;

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexType {
    /// A calendar date or a vaguer point on the calendar: `Friday`, `last week`, `2022-02-24TNI`.
    Date,
    /// A time of day: `1.30am IST on Saturday` → `2022-02-26T01:30+05:30`.
    Time,
    /// An amount of time: `for weeks` → `PXW`.
    Duration,
    /// A recurring time: `every Friday` → `XXXX-WXX-5`.
    Set,
}

/// One temporal expression: where it is, its type and its normalised value.
///
/// ```
/// use sitrep_core::{Span, Timex, TimexType};
/// let t = Timex::new(Span::new(0, 14), TimexType::Date, "2022-02-24TNI");
/// assert_eq!(t.value, "2022-02-24TNI");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// The words of the expression.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: TimexType,
    /// The TIMEX3 value: ISO 8601 with the TimeML extensions (`2022-02-24TNI`, `PXW`,
    /// `FUTURE_REF`, `XXXX-WXX-5`).
    pub value: String,
    /// Everything else the time layer knows about the expression (modifier, UTC instant,
    /// anchor…); written into the output beside `type` and `value`.
    pub detail: TimexDetail,
}

impl Timex {
    /// An expression with no further detail.
    pub fn new(span: Span, kind: TimexType, value: impl Into<String>) -> Timex {
        Timex { span, kind, value: value.into(), detail: TimexDetail::default() }
    }
}

/// Further facts about a temporal expression, written flat into its output object.
/// Absent facts are left out of the output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TimexDetail {
    /// TIMEX3 `mod`: `BEFORE`, `AFTER`, `START`, `MID`, `END`, `APPROX`, …
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
    /// For times with a known offset, the same instant in UTC (`2022-02-25T20:00Z`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utc: Option<String>,
    /// The point the value was computed from when the expression is relative: the report
    /// date (`2022-02-25`) or a date the narrative moved to ("On March 3 … two days later").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// For a range written as one expression ("Feb 24-25", "from Monday to Wednesday"),
    /// the value of its last part; `value` holds the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// TIMEX3 `quant` of a SET: `EVERY` ("every Friday", "each month").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<&'static str>,
    /// `true` when the expression is relative but no anchor was known, so `value` holds
    /// only what the words say (`XXXX-XX-XX`, `FUTURE_REF`), never a guessed date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unanchored: Option<bool>,
}

/// The temporal expressions of one report, in text order, not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeLayer {
    /// Expressions in text order.
    pub times: Vec<Timex>,
}
