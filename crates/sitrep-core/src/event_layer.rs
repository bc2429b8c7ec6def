//! The event layer: who did what to whom, where and when, who says so, and how sure —
//! and the direct quotes with their speakers.

use serde::Serialize;

use crate::Span;

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Factuality {
    /// Said to have happened (or to be happening).
    Asserted,
    /// Said not to have happened ("did not", "off the table").
    Negated,
    /// Possible only ("could", "might"), or asked about.
    Hypothetical,
    /// Expected by someone ("will", "expected to", "closing in on").
    Expected,
    /// Planned or scheduled ("set to", "plans to", "scheduled").
    Planned,
    /// Only if something else happens ("provided", "if").
    Conditional,
}

/// How the source of a report stands towards what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Neutral report ("said", "reported", "according to").
    Reported,
    /// A claim, or a party speaking about itself ("claimed", "alleged").
    Claimed,
    /// A denial ("denied").
    Denied,
    /// Seen by the speaker ("saw", "witnessed").
    Witnessed,
}

/// One side of an event: the words and the actor they stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// The phrase in the text.
    pub span: Span,
    /// CAMEO actor code, when known.
    pub actor: Option<String>,
    /// Index into [`crate::EntityLayer::entities`], when the phrase is an entity.
    pub entity: Option<usize>,
    /// True when the text does not name this side in the event's clause and the coder
    /// inferred it from the report (the other party of the report's conflict); `span` is
    /// then the nearest mention of that party elsewhere in the report (its own name
    /// preferred, datelines never).
    pub inferred: bool,
}

/// Who reports an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The reporting party's words ("Russia's military"); `None` for the reporter's own voice.
    pub by: Option<Participant>,
    /// The reporting word ("said", "according to").
    pub cue: String,
    /// Stance of the report.
    pub stance: Stance,
}

/// A counted quantity bound to an event ("150,000 troops", "hundreds of casualties").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The number (lower bound for vague amounts).
    pub value: f64,
    /// What is counted ("troops", "killed", "casualties").
    pub unit: String,
}

/// When the event happened.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDate {
    /// A TIMEX3 value (`2022-02-24TNI`), or the report date.
    pub value: String,
    /// Index into [`crate::TimeLayer::times`] when a time expression gave it.
    pub from: Option<usize>,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The sentence it was read from (the evidence).
    pub sentence: Span,
    /// The words that evoke it ("bore down", "shelling").
    pub trigger: Span,
    /// CAMEO code (`190`, `0214`).
    pub cameo: String,
    /// PLOVER event type (`ASSAULT`).
    pub plover: Option<String>,
    /// Goldstein score of the CAMEO code.
    pub goldstein: Option<f32>,
    /// Who acts.
    pub source: Option<Participant>,
    /// Who is acted upon.
    pub target: Option<Participant>,
    /// Index into [`crate::PlaceLayer::places`].
    pub place: Option<usize>,
    /// When.
    pub date: EventDate,
    /// Counted quantities.
    pub quantities: Vec<Quantity>,
    /// Who says so (`None`: the reporter's own voice).
    pub attribution: Option<Attribution>,
    /// Whether it is said to have happened.
    pub factuality: Factuality,
    /// How much the coder trusts its reading, 0 to 1.
    pub confidence: f32,
}

impl Event {
    /// The CAMEO root (the first two digits).
    ///
    /// ```
    /// # use sitrep_core::*;
    /// let e = Event { sentence: Span::new(0, 1), trigger: Span::new(0, 1), cameo: "194".into(), plover: None, goldstein: None,
    ///     source: None, target: None, place: None, date: EventDate { value: "2022-02-25".into(), from: None },
    ///     quantities: vec![], attribution: None, factuality: Factuality::Asserted, confidence: 0.5 };
    /// assert_eq!(e.root(), "19");
    /// ```
    pub fn root(&self) -> &str {
        self.cameo.get(..2).unwrap_or(&self.cameo)
    }
}

/// A direct quote and its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Who says it.
    pub speaker: Option<Participant>,
    /// The speech verb that introduces it ("said").
    pub cue: Option<String>,
}

/// The events and quotes of one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventLayer {
    /// Events in text order.
    pub events: Vec<Event>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
}
