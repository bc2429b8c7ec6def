//! Helpers the event tests share: a report run through every layer, dated 2022-03-04.

use sitrep_core::{Doc, Meta, Stage};

/// `text` through every layer up to the events (segmenter, syntax, time, entities, places).
pub fn layers(text: &str) -> Doc {
    layers_on(text, jiff::civil::date(2022, 3, 4))
}

/// [`layers`] for a report dated `date`.
pub fn layers_on(text: &str, date: jiff::civil::Date) -> Doc {
    let mut doc = Doc::new(Meta::new("t", date), text);
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

/// `text` through every layer, events included, in a report dated `date` ("1991-02-25").
#[allow(dead_code)] // used by some test files only
pub fn run_on(text: &str, date: &str) -> Doc {
    code(layers_on(text, date.parse().expect("a test date is YYYY-MM-DD")))
}
