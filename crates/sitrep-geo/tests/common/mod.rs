//! Helpers the place-layer tests share: tag a sentence as `sitrep eval geo` prepares text
//! (segmenter, syntax, entities), and find the place a phrase became.

use sitrep_core::{Doc, Meta, Place, PlacePrecision, Stage};

/// `text` run through segmenter, syntax, entities and places, dated 2009-03-25.
pub fn tag(text: &str) -> Doc {
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2009, 3, 25)), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().expect("syntax model").annotate(&mut doc);
    sitrep_actors::EntityStage::builtin().expect("entity model").annotate(&mut doc);
    sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
    doc
}

/// The (non-relative) place whose words are exactly `text`.
pub fn named<'a>(doc: &'a Doc, text: &str) -> Option<&'a Place> {
    doc.places.places.iter().find(|p| p.span.of(doc.text()) == text && p.precision != PlacePrecision::Relative)
}
