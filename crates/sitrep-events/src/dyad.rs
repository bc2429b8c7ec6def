//! The report's conflict dyad: the two countries its actors mostly belong to. When an
//! event names one side of that conflict and leaves the other unsaid ("Kyiv had rejected
//! the offer", "Russian forces started moving into their country"), the other side is
//! inferred and marked as inferred.

use std::collections::HashMap;

use sitrep_core::{Doc, Participant, Span};

/// The two leading countries of a report, when they dominate it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dyad(pub String, pub String);

impl Dyad {
    /// The dyad of `doc`: the two countries with the most actor-coded mentions, each with
    /// at least three, together at least half of all country mentions.
    pub fn of(doc: &Doc) -> Option<Dyad> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for e in &doc.entities.entities {
            let Some(code) = e.actor.as_deref() else { continue };
            if code.starts_with("IGO") || code.starts_with("NGO") || code.len() < 3 {
                continue;
            }
            *counts.entry(&code[..3]).or_default() += e.mentions.len();
        }
        let total: usize = counts.values().sum();
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        match ranked.as_slice() {
            [(a, na), (b, nb), ..] if *na >= 3 && *nb >= 3 && (na + nb) * 2 >= total => Some(Dyad(a.to_string(), b.to_string())),
            _ => None,
        }
    }

    /// The other side of `code`'s country, if it is one of the two.
    pub fn other(&self, code: &str) -> Option<&str> {
        let c = code.get(..3)?;
        if c == self.0 {
            Some(&self.1)
        } else if c == self.1 {
            Some(&self.0)
        } else {
            None
        }
    }

    /// Fill the unsaid side of an event between the dyad's countries.
    pub fn complete(&self, source: &mut Option<Participant>, target: &mut Option<Participant>, trigger: Span) {
        let known = |p: &Option<Participant>| p.as_ref().and_then(|p| p.actor.clone());
        let infer = |code: &str| Participant { span: trigger, actor: Some(code.to_string()), entity: None, inferred: true };
        // A side the text leaves out, or names without a code ("the offer", "the city"),
        // is taken to be the other side; the inference is marked.
        match (known(source), known(target)) {
            (Some(s), None) => {
                if let Some(o) = self.other(&s) {
                    *target = Some(infer(o));
                }
            }
            (None, Some(t)) => {
                if let Some(o) = self.other(&t) {
                    *source = Some(infer(o));
                }
            }
            _ => {}
        }
    }
}
