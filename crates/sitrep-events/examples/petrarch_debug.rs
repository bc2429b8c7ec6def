//! Print the parse, our events and the re-coded triples for sentences given on the
//! command line (with the unit-test dictionaries): a debugging aid.
//!
//! `cargo run --release -p sitrep-events --example petrarch_debug -- "Sentence." …`

use std::path::Path;

use sitrep_core::{Doc, Stage};
use sitrep_events::petrarch::{self, Dicts};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch2-unittest/PETR.UnitTest.records.xml");
    let dicts = Dicts::from_environment(&root).expect("dictionaries");
    let segmenter = sitrep_text::Segmenter::new();
    let syntax = sitrep_syntax::SyntaxStage::builtin().expect("syntax model");
    let time = sitrep_time::TimeTagger::new();
    let entities = sitrep_actors::EntityStage::builtin().expect("entity model");
    let places = sitrep_geo::PlaceTagger::builtin();
    let events = sitrep_events::EventStage::builtin();
    // `@FILE` reads a whole report; FOCUS=word prints only the sentences holding it.
    let focus = std::env::var("FOCUS").ok();
    for arg in std::env::args().skip(1) {
        let text = match arg.strip_prefix('@') {
            Some(path) => std::fs::read_to_string(path).expect("readable file"),
            None => arg.clone(),
        };
        let mut doc = Doc::new(sitrep_core::Meta::new("x", "1995-01-01".parse().expect("date")), text.clone());
        segmenter.annotate(&mut doc);
        syntax.annotate(&mut doc);
        time.annotate(&mut doc);
        entities.annotate(&mut doc);
        places.annotate(&mut doc);
        events.annotate(&mut doc);
        if focus.is_none() {
            println!("{text}");
        }
        // The parser's arcs, and after them the arcs the coder reads once mended (`=` where
        // the mends left the parser's arc).
        let mended = sitrep_events::tree::Tree::new(&doc);
        for (i, t) in doc.syntax.tokens.iter().enumerate() {
            let w = doc.text_layer.tokens[i].span.of(doc.text());
            if let Some(f) = &focus {
                let s = doc.text_layer.sentences.iter().find(|s| s.tokens().contains(&i)).expect("sentence");
                if !s.span.of(doc.text()).contains(f.as_str()) {
                    continue;
                }
            }
            let (head, rel) = (mended.head(i).map(|h| h as u32), mended.rel(i));
            let now = if (head, rel) == (t.head, t.deprel) { "=".to_string() } else { format!("→ {rel} {head:?}") };
            println!("  {i:>3} {w:<16} {:<6} {:<5} {:<12} {:<9} {now}", t.upos, t.xpos, t.deprel, format!("{:?}", t.head));
        }
        for e in &doc.events.events {
            println!("  event {} {:?} {:?} src {:?} tgt {:?}", e.cameo, e.factuality, e.trigger.of(doc.text()), e.source.as_ref().map(|p| (p.span.of(doc.text()), p.actor.clone(), p.inferred)), e.target.as_ref().map(|p| (p.span.of(doc.text()), p.actor.clone(), p.inferred)));
        }
        for t in petrarch::code_doc(&doc, &dicts, 19950101, false) {
            println!("  triple {}>{} {}", t.source, t.target, t.code);
        }
    }
}
