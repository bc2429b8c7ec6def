//! Scoring events against a report's gold reading (the example's format): recall of the
//! `must` events, precision of what was emitted, attribution and factuality accuracy on
//! the matches, the `not_events` avoided, and the `must` quotes with their speakers.
//!
//! Matching rule: an emitted event matches a gold event when its trigger lies inside the
//! gold evidence, its CAMEO root equals the gold root, and its source and target agree
//! with the gold ones where the gold names them — by country (the first three letters of
//! the actor code) or, for organisations (`IGO…`, `NGO…`), by the first six.

use serde_json::Value;
use sitrep_core::{Doc, Event, Factuality, Span};

/// The figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventEval {
    /// `must` gold events.
    pub must: usize,
    /// `must` gold events matched.
    pub must_found: usize,
    /// Emitted events.
    pub emitted: usize,
    /// Emitted events matching some gold event.
    pub emitted_right: usize,
    /// Matched events whose attribution agrees with the gold (reporter's voice or the same party).
    pub attribution: (usize, usize),
    /// Matched events whose factuality agrees, where the gold gives one.
    pub factuality: (usize, usize),
    /// Matched events whose date agrees (the same day), where the gold gives one.
    pub date: (usize, usize),
    /// `not_events` avoided, of all.
    pub not_events: (usize, usize),
    /// `must` quotes found with their speaker, of all.
    pub quotes: (usize, usize),
    /// What went wrong, for reading.
    pub notes: Vec<String>,
}

fn party(code: &str) -> &str {
    let n = if code.starts_with("IGO") || code.starts_with("NGO") { 6 } else { 3 };
    code.get(..n).unwrap_or(code)
}

fn agrees(gold: Option<&str>, ours: Option<&str>) -> bool {
    match gold {
        None => true,
        Some(g) => ours.is_some_and(|o| party(o) == party(g)),
    }
}

fn evidence(doc: &Doc, v: &Value) -> Option<Span> {
    let e = v["evidence"].as_str()?;
    let start = doc.text().find(e)?;
    Some(Span::from_usize(start, start + e.len()))
}

fn matches(doc: &Doc, e: &Event, g: &Value) -> bool {
    let Some(span) = evidence(doc, g) else { return false };
    let root = g["cameo"].as_str().unwrap_or("").get(..2).unwrap_or("");
    span.start <= e.trigger.start
        && e.trigger.end <= span.end
        && e.root() == root
        && agrees(g["source"].as_str(), e.source.as_ref().and_then(|p| p.actor.as_deref()))
        && agrees(g["target"].as_str(), e.target.as_ref().and_then(|p| p.actor.as_deref()))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect()
}

fn attribution_agrees(doc: &Doc, e: &Event, g: &Value) -> bool {
    match (g["attribution"].as_str(), &e.attribution) {
        (None, None) => true,
        (Some(_), None) | (None, Some(_)) => false,
        (Some("reports"), Some(_)) => true,
        (Some(who), Some(a)) => {
            let Some(by) = &a.by else { return false };
            let mut ours = words(by.span.of(doc.text()));
            if let Some(i) = by.entity {
                ours.extend(words(&doc.entities.entities[i].canonical));
            }
            words(who).iter().any(|w| ours.contains(w))
        }
    }
}

fn factuality_name(f: Factuality) -> &'static str {
    match f {
        Factuality::Asserted => "asserted",
        Factuality::Negated => "negated",
        Factuality::Hypothetical => "hypothetical",
        Factuality::Expected => "expected",
        Factuality::Planned => "planned",
        Factuality::Conditional => "conditional",
    }
}

/// Score `doc` (already run through the pipeline) against `gold`.
pub fn score(doc: &Doc, gold: &Value) -> EventEval {
    let mut r = EventEval::default();
    let gold_events: &[Value] = gold["events"].as_array().map_or(&[], Vec::as_slice);
    let events = &doc.events.events;
    r.emitted = events.len();
    for g in gold_events {
        if evidence(doc, g).is_none() {
            r.notes.push(format!("gold evidence not found in the text: {}", g["evidence"]));
        }
        if g["must"].as_bool() != Some(true) {
            continue;
        }
        r.must += 1;
        match events.iter().find(|e| matches(doc, e, g)) {
            Some(e) => {
                r.must_found += 1;
                r.attribution.1 += 1;
                if attribution_agrees(doc, e, g) {
                    r.attribution.0 += 1;
                } else {
                    r.notes.push(format!("attribution of {} {}: ours {:?}", g["id"], g["evidence"], e.attribution.as_ref().map(|a| (a.by.as_ref().map(|b| b.span.of(doc.text())), a.stance))));
                }
                if let Some(d) = g["date"].as_str() {
                    r.date.1 += 1;
                    // The same day: "2022-02-24TNI" is the 24th.
                    if e.date.value.get(..10) == d.get(..10) && e.date.value.len() >= d.len().min(10) {
                        r.date.0 += 1;
                    } else {
                        r.notes.push(format!("date of {}: ours {}, gold {d}", g["id"], e.date.value));
                    }
                }
                if let Some(f) = g["factuality"].as_str() {
                    r.factuality.1 += 1;
                    if factuality_name(e.factuality) == f {
                        r.factuality.0 += 1;
                    } else {
                        r.notes.push(format!("factuality of {}: ours {}, gold {f}", g["id"], factuality_name(e.factuality)));
                    }
                }
            }
            None => {
                let near: Vec<String> = evidence(doc, g)
                    .map(|s| events.iter().filter(|e| s.start <= e.trigger.start && e.trigger.end <= s.end).map(|e| format!("{} {}→{}", e.cameo, e.source.as_ref().and_then(|p| p.actor.clone()).unwrap_or("?".into()), e.target.as_ref().and_then(|p| p.actor.clone()).unwrap_or("?".into()))).collect())
                    .unwrap_or_default();
                r.notes.push(format!("missed {} {} {}→{} \"{}\"; ours there: {near:?}", g["id"], g["cameo"], g["source"], g["target"], g["evidence"]));
            }
        }
    }
    for e in events {
        if gold_events.iter().any(|g| matches(doc, e, g)) {
            r.emitted_right += 1;
        } else {
            r.notes.push(format!("unmatched: {} {}→{} at \"{}\"", e.cameo, e.source.as_ref().and_then(|p| p.actor.clone()).unwrap_or("?".into()), e.target.as_ref().and_then(|p| p.actor.clone()).unwrap_or("?".into()), e.trigger.of(doc.text())));
        }
    }
    for n in gold["not_events"].as_array().map_or(&[][..], Vec::as_slice) {
        r.not_events.1 += 1;
        let Some(span) = evidence(doc, n) else { continue };
        let bad = events.iter().any(|e| span.start <= e.trigger.start && e.trigger.end <= span.end && e.factuality == Factuality::Asserted && e.root() != "01");
        if bad {
            r.notes.push(format!("not-event coded: {}", n["evidence"]));
        } else {
            r.not_events.0 += 1;
        }
    }
    for q in gold["quotes"].as_array().map_or(&[][..], Vec::as_slice) {
        if q["must"].as_bool() != Some(true) {
            continue;
        }
        r.quotes.1 += 1;
        let starts = q["starts"].as_str().unwrap_or("");
        let speaker = words(q["speaker"].as_str().unwrap_or(""));
        let found = doc.events.quotes.iter().find(|x| x.span.of(doc.text()).contains(starts));
        let right = found.is_some_and(|x| {
            x.speaker.as_ref().is_some_and(|p| {
                let mut ours = words(p.span.of(doc.text()));
                if let Some(i) = p.entity {
                    ours.extend(words(&doc.entities.entities[i].canonical));
                }
                speaker.iter().any(|w| ours.contains(w))
            })
        });
        if right {
            r.quotes.0 += 1;
        } else {
            r.notes.push(format!("quote \"{starts}\": {}", if found.is_some() { "wrong or no speaker" } else { "not found" }));
        }
    }
    r
}

impl std::fmt::Display for EventEval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        writeln!(f, "recall (must events)     {:.3}  ({} of {})", pct(self.must_found, self.must), self.must_found, self.must)?;
        writeln!(f, "precision (emitted)      {:.3}  ({} of {})", pct(self.emitted_right, self.emitted), self.emitted_right, self.emitted)?;
        writeln!(f, "attribution (matched)    {:.3}  ({} of {})", pct(self.attribution.0, self.attribution.1), self.attribution.0, self.attribution.1)?;
        writeln!(f, "factuality (matched)     {:.3}  ({} of {})", pct(self.factuality.0, self.factuality.1), self.factuality.0, self.factuality.1)?;
        writeln!(f, "date (matched, dated)    {:.3}  ({} of {})", pct(self.date.0, self.date.1), self.date.0, self.date.1)?;
        writeln!(f, "not-events avoided       {} of {}", self.not_events.0, self.not_events.1)?;
        writeln!(f, "must quotes with speaker {} of {}", self.quotes.0, self.quotes.1)?;
        write!(f, "rule: trigger inside the gold evidence, same CAMEO root, source and target country as the gold's where given")
    }
}
