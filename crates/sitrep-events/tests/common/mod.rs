//! Helpers the event tests share: a report run through every layer, dated 2022-03-04.

use sitrep_core::{Doc, Meta, Stage};

/// `text` through every layer up to the events (segmenter, syntax, time, entities, places).
pub fn layers(text: &str) -> Doc {
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 3, 4)), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().unwrap().annotate(&mut doc);
    sitrep_time::TimeTagger::new().annotate(&mut doc);
    sitrep_actors::EntityStage::builtin().unwrap().annotate(&mut doc);
    sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
    doc
}

/// The events coded on `doc`'s layers.
pub fn code(mut doc: Doc) -> Doc {
    sitrep_events::EventStage::builtin().annotate(&mut doc);
    doc
}

/// `text` through every layer, events included.
#[allow(dead_code)] // used by some test files only
pub fn run(text: &str) -> Doc {
    code(layers(text))
}
