//! The report every stage reads and annotates.

use crate::{EntityLayer, EventLayer, Meta, PlaceLayer, SyntaxLayer, TextLayer, TimeLayer};

/// One report: its untouched text, its metadata and the stand-off layers stages add.
///
/// The text is fixed at construction; stages add layers and never rewrite the text or
/// another stage's layer.
///
/// ```
/// use sitrep_core::{Doc, Meta};
/// let doc = Doc::new(Meta::new("r1", jiff::civil::date(2022, 2, 25)), "Russian troops advanced.");
/// assert_eq!(doc.text(), "Russian troops advanced.");
/// assert!(doc.text_layer.sentences.is_empty()); // no stage has run yet
/// ```
#[derive(Debug, Clone)]
pub struct Doc {
    /// Identity, date and provenance.
    pub meta: Meta,
    text: String,
    /// Paragraphs, sentences and tokens (filled by `sitrep-text`).
    pub text_layer: TextLayer,
    /// Tags, lemmas and dependencies per token (filled by `sitrep-syntax`).
    pub syntax: SyntaxLayer,
    /// Temporal expressions and their values (filled by `sitrep-time`).
    pub time: TimeLayer,
    /// Place names resolved to coordinates (filled by `sitrep-geo`).
    pub places: PlaceLayer,
    /// Coded events and direct quotes (filled by `sitrep-events`).
    pub events: EventLayer,
    /// People, organisations, places and groups with actor codes (filled by `sitrep-actors`).
    pub entities: EntityLayer,
    /// Problems met while reading this report that did not stop it (lossy decoding,
    /// boilerplate-only pages): kept so an analyst can judge the output.
    pub warnings: Vec<String>,
}

impl Doc {
    /// A report with `text` as its body and no layers yet.
    pub fn new(meta: Meta, text: impl Into<String>) -> Doc {
        Doc {
            meta,
            text: text.into(),
            text_layer: TextLayer::default(),
            syntax: SyntaxLayer::default(),
            time: TimeLayer::default(),
            places: PlaceLayer::default(),
            events: EventLayer::default(),
            entities: EntityLayer::default(),
            warnings: Vec::new(),
        }
    }

    /// The report body exactly as read; every span points into it.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A pipeline stage: built once from its resources, then run on many reports, possibly
/// from several threads at once.
///
/// ```
/// use sitrep_core::{Doc, Meta, Stage};
/// struct Shout;
/// impl Stage for Shout {
///     fn annotate(&self, doc: &mut Doc) { doc.warnings.push(doc.text().to_uppercase()); }
/// }
/// let mut doc = Doc::new(Meta::new("r", jiff::civil::date(2022, 2, 25)), "hi");
/// Shout.annotate(&mut doc);
/// assert_eq!(doc.warnings, ["HI"]);
/// ```
pub trait Stage: Send + Sync {
    /// Add this stage's layer to `doc`.
    fn annotate(&self, doc: &mut Doc);
}
