//! The event stage: codes every sentence, binds each event to place, date and
//! quantities, reads attribution and factuality, and finds the quotes.

use sitrep_core::{Doc, Event, Span, Stage};

use crate::context::Context;
use crate::lexicon::Lexicon;
use crate::{attribution, binding, coder, factuality, quotes};

/// Fills [`Doc::events`]; runs after syntax, time, entities and places.
pub struct EventStage {
    lexicon: &'static Lexicon,
}

impl EventStage {
    /// The stage with the built-in lexicons.
    pub fn builtin() -> EventStage {
        EventStage { lexicon: Lexicon::builtin() }
    }
}

impl Default for EventStage {
    fn default() -> Self {
        EventStage::builtin()
    }
}

impl Stage for EventStage {
    fn annotate(&self, doc: &mut Doc) {
        if doc.syntax.tokens.len() != doc.text_layer.tokens.len() {
            doc.events = Default::default();
            return;
        }
        let cx = Context::new(doc);
        let dyad = crate::dyad::Dyad::of(doc);
        let lex = self.lexicon;
        let mut events = Vec::new();
        let mut heads = Vec::new();
        let tokens = &doc.text_layer.tokens;
        for v in 0..cx.tree.len() {
            let coded = match cx.tree.upos(v) {
                // Adjectives head clauses with a copula: "was willing to discuss", "ready to send".
                // A participle used as an adjective ("invading forces") describes, not reports.
                "VERB" if cx.tree.rel(v) == "amod" => None,
                "VERB" if matches!(cx.tree.xpos(v), "VBG" | "VBN") && cx.tree.head(v).is_some_and(|h| h == v + 1 && cx.tree.upos(h) == "NOUN" || h > v && cx.tree.upos(h) == "NOUN" && cx.tree.rel(v).starts_with("acl") && (v + 1..h).all(|k| matches!(cx.tree.upos(k), "ADJ" | "PROPN" | "NOUN"))) => None,
                "VERB" | "ADJ" => coder::code_verb(&cx, lex, v),
                "NOUN" => coder::code_noun(&cx, lex, v),
                _ => None,
            };
            let Some(c) = coded else { continue };
            let Some(info) = lex.code(&c.code) else { continue };
            let mut c = c;
            let trigger = Span::new(tokens[c.head].span.start, tokens[c.trigger_end].span.end);
            if let Some(d) = &dyad {
                d.complete(&mut c.source, &mut c.target, trigger);
            }
            let sentence = doc.text_layer.sentences[cx.sentence(v)].span;
            let mut attribution = attribution::attribution(&cx, lex, v);
            if let Some(a) = attribution.as_mut() {
                attribution::refine_stance(a, c.source.as_ref().and_then(|s| s.actor.as_deref()));
            }
            let factuality = factuality::factuality(&cx, lex, v);
            let named = |p: &Option<sitrep_core::Participant>| p.as_ref().is_some_and(|s| s.actor.is_some() && !s.inferred) as u8 as f32;
            let confidence = 0.4 + 0.25 * named(&c.source) + 0.25 * named(&c.target);
            heads.push(v);
            events.push(Event {
                sentence,
                trigger,
                cameo: c.code,
                plover: info.plover,
                goldstein: info.goldstein,
                source: c.source,
                target: c.target,
                place: binding::place(&cx, v),
                date: binding::date(&cx, v),
                quantities: binding::quantities(&cx, v),
                attribution,
                factuality,
                confidence,
            });
        }
        // A controlled complement of a coded predicate is part of its event ("urged the
        // military to surrender" is one demand), and an event nobody can be named for is
        // not data.
        let heads: Vec<usize> = heads;
        let keep: Vec<bool> = heads
            .iter()
            .zip(&events)
            .map(|(&h, e)| {
                let absorbed = cx.tree.rel(h) == "xcomp" && cx.tree.head(h).is_some_and(|g| heads.contains(&g));
                let named = |p: &Option<sitrep_core::Participant>| p.as_ref().is_some_and(|p| p.actor.is_some() && !p.inferred);
                let violent = matches!(e.root(), "18" | "19" | "20");
                let nominal = cx.tree.upos(h) == "NOUN";
                let keep = if violent {
                    // Violence matters even when nobody is named, if someone reports or
                    // witnesses it ("gunfire was reported", "signs of fighting"); a bare
                    // mention ("the war", "the invasion") is background, not an event.
                    named(&e.source) || named(&e.target) || e.attribution.is_some()
                } else if nominal && e.root() == "01" {
                    // "a statement" is how something was said, not an event of its own.
                    false
                } else if nominal {
                    // "sanctions on Moscow" is an event; "Putin's key demands" is a topic.
                    named(&e.target)
                } else {
                    named(&e.source) || named(&e.target)
                };
                !absorbed && keep
            })
            .collect();
        let mut k = keep.iter();
        events.retain(|_| *k.next().unwrap_or(&false));
        let quotes = quotes::quotes(&cx, lex);
        drop(cx);
        doc.events.events = events;
        doc.events.quotes = quotes;
    }
}
