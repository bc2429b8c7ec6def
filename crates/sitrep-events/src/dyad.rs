//! The report's conflict dyad: the two countries its actors mostly belong to. When an
//! event names one side of that conflict and leaves the other unsaid ("Kyiv had rejected
//! the offer", "Russian forces started moving into their country"), the other side is
//! inferred and marked as inferred.

use std::collections::HashMap;

use sitrep_core::{Doc, Participant, Span};

/// The two leading countries of a report, when they dominate it, with where each is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dyad(pub String, pub String, Vec<Mention>, Vec<Mention>);

/// One mention of a side: its span, its entity, and whether the entity is the country
/// itself ("Kosovo", "Russian") rather than one of its people or bodies.
type Mention = (Span, usize, bool);

impl Dyad {
    /// The dyad of `doc`: the two countries with the most actor-coded mentions, each with
    /// at least three, together at least half of all country mentions, the second with at
    /// least a quarter of the first's.
    pub fn of(doc: &Doc) -> Option<Dyad> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for e in &doc.entities.entities {
            let Some(code) = e.actor.as_deref() else { continue };
            if code.starts_with("IGO") || code.starts_with("NGO") || sitrep_core::country_unknown(code) || code.len() < 3 {
                continue;
            }
            *counts.entry(&code[..3]).or_default() += e.mentions.len();
        }
        let total: usize = counts.values().sum();
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        // Datelines name where the report was filed, not a party.
        let tokens = &doc.text_layer.tokens;
        let datelines: Vec<Span> = doc
            .text_layer
            .sentences
            .iter()
            .filter_map(|s| crate::repair::dateline(doc, s.first_token as usize, s.end_token as usize).map(|d| Span::new(s.span.start, tokens[d].span.end)))
            .collect();
        let mentions = |country: &str| -> Vec<Mention> {
            let mut m: Vec<Mention> = doc
                .entities
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.actor.as_deref().and_then(|c| c.get(..3)) == Some(country))
                .flat_map(|(i, e)| e.mentions.iter().map(move |&s| (s, i, e.actor.as_deref().is_some_and(|c| c.len() == 3))))
                .filter(|(s, _, _)| !datelines.iter().any(|d| d.start <= s.start && s.end <= d.end))
                .collect();
            m.sort_by_key(|(s, _, _)| s.start);
            m
        };
        match ranked.as_slice() {
            // Two sides, not one country and a passing mention of another: a domestic
            // report about the US that names Russia four times has no conflict dyad.
            [(a, na), (b, nb), ..] if *na >= 3 && *nb >= 3 && (na + nb) * 2 >= total && nb * 4 >= *na => Some(Dyad(a.to_string(), b.to_string(), mentions(a), mentions(b))),
            _ => None,
        }
    }

    /// Whether the report tells of conflict between the two: events whose named sides are
    /// one of each, either one of threat, protest, force, reduced relations, coercion,
    /// assault, fighting or mass violence (roots 13–20) or two of verbal conflict
    /// (demands, disapproval, rejection: 10–12). A report on US politics that names
    /// Mexico often has two countries, not two sides.
    pub fn in_conflict(&self, events: &[sitrep_core::Event]) -> bool {
        fn country(p: &Option<Participant>) -> Option<&str> {
            p.as_ref().filter(|p| !p.inferred).and_then(|p| p.actor.as_deref()).filter(|a| !sitrep_core::country_unknown(a)).and_then(|a| a.get(..3))
        }
        let between = |e: &&sitrep_core::Event| matches!((country(&e.source), country(&e.target)), (Some(s), Some(t)) if (s == self.0 && t == self.1) || (s == self.1 && t == self.0));
        let root = |e: &sitrep_core::Event| e.root().parse::<u8>().unwrap_or(0);
        let (mut verbal, mut material) = (0, 0);
        for e in events.iter().filter(between) {
            match root(e) {
                10..=12 => verbal += 1,
                13..=20 => material += 1,
                _ => {}
            }
        }
        material >= 1 || verbal >= 2
    }

    /// The other side of `code`'s country, if it is one of the two, with its mentions.
    fn other(&self, code: &str) -> Option<(&str, &[Mention])> {
        let c = code.get(..3)?;
        if c == self.0 {
            Some((&self.1, &self.3))
        } else if c == self.1 {
            Some((&self.0, &self.2))
        } else {
            None
        }
    }

    /// Fill the unsaid side of an event of `code` between the dyad's countries. The side
    /// is marked inferred and points at the nearest mention of its country before the
    /// trigger (else the first after it; the country's own name before its people's),
    /// never at the trigger's words; a show of force (root 15) is aimed at no one the
    /// text does not name, and coercion (root 17) done by no one named is not put on the
    /// other side.
    pub fn complete(&self, code: &str, source: &mut Option<Participant>, target: &mut Option<Participant>, trigger: Span) {
        // A side named by its role alone ("troops", `---MIL`) has no country yet.
        let known = |p: &Option<Participant>| p.as_ref().and_then(|p| p.actor.clone()).filter(|a| !sitrep_core::country_unknown(a));
        let infer = |code: &str, mentions: &[Mention]| {
            let before = mentions.partition_point(|(s, _, _)| s.start < trigger.start);
            let (earlier, later) = mentions.split_at(before);
            let country = |m: &&Mention| m.2;
            let &(span, entity, _) = earlier.iter().rev().find(country).or_else(|| later.iter().find(country)).or(earlier.last()).or(later.first())?;
            Some(Participant { span, actor: Some(code.to_string()), entity: Some(entity), inferred: true })
        };
        // A side the text leaves out, or names without a code ("the offer", "the city"),
        // is taken to be the other side; the inference is marked.
        // Only a side acting for its state (the country, its government, military or
        // intelligence) stands in the conflict: protesters, parties and courts act at
        // home ("Georgia's ruling party rejected the criticism" is not aimed at Russia).
        let state = |a: &String| matches!(a.get(3..), Some("" | "GOV" | "MIL" | "SPY"));
        match (known(source), known(target)) {
            (Some(s), None) if state(&s) && !code.starts_with("15") => {
                if let Some((o, m)) = self.other(&s) {
                    fill(target, o, m, &infer);
                }
            }
            // Whoever arrests or represses a side's officials or people unnamed is as
            // often its own forces ("Soldiers loyal to the junta detained the former
            // minister"): no source is taken from the other side for coercion (17).
            // Nor for a friendly act (01–09) done by no one named: in a conflict's report
            // that is as often a side's own or its allies' ("adopted a new strategy to
            // defend the image of Mexicans").
            (None, Some(t)) if state(&t) && !code.starts_with("17") && code.get(..2).is_some_and(|r| r >= "10") => {
                if let Some((o, m)) = self.other(&t) {
                    fill(source, o, m, &infer);
                }
            }
            _ => {}
        }
    }
}

/// Fill an unsaid side with the other country: a side named by its role alone keeps its
/// words and role and takes the country ("troops" → `RUSMIL`, marked inferred); a side left
/// out or uncoded becomes the country's nearest mention.
fn fill(side: &mut Option<Participant>, country: &str, mentions: &[Mention], infer: &impl Fn(&str, &[Mention]) -> Option<Participant>) {
    match side.as_mut() {
        Some(p) if p.actor.as_deref().is_some_and(sitrep_core::country_unknown) => {
            let role = p.actor.as_deref().map_or("", |a| &a[sitrep_core::UNKNOWN_COUNTRY.len()..]);
            p.actor = Some(format!("{country}{role}"));
            p.inferred = true;
        }
        _ => {
            if let Some(p) = infer(country, mentions) {
                *side = Some(p);
            }
        }
    }
}
