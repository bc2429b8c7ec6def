//! sitrep-text: paragraphs, sentences and tokens of news prose.
//!
//! Offsets always point into the untouched report text; matching may use the
//! normalised view ([`normalize`], [`fold_char`]) that folds curly quotes, dashes,
//! non-breaking spaces and case.
//!
//! ```
//! use sitrep_text::Segmenter;
//! let text = "Russian troops entered Sumy. U.S. officials said the meeting was at 1.30am IST on Saturday.";
//! let layer = Segmenter::new().segment(text);
//! let sentences: Vec<&str> = layer.sentences.iter().map(|s| s.span.of(text)).collect();
//! assert_eq!(sentences, ["Russian troops entered Sumy.",
//!                        "U.S. officials said the meeting was at 1.30am IST on Saturday."]);
//! ```

mod abbrev;
mod chars;
mod paragraphs;
mod sentences;
mod tokenize;

pub use chars::{fold_char, normalize};

use sitrep_core::{Doc, Span, Stage, TextLayer};

/// The text stage: fills [`Doc::text_layer`] with paragraphs, sentences and tokens.
///
/// Rule-based and allocation-light (the layer's vectors, one scratch buffer per report),
/// so that it runs at hundreds of megabytes per second on one core.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    _private: (),
}

impl Segmenter {
    /// The segmenter with its built-in abbreviation lists.
    pub fn new() -> Segmenter {
        Segmenter::default()
    }

    /// Segment `text` into a fresh layer.
    pub fn segment(&self, text: &str) -> TextLayer {
        let mut layer = TextLayer::default();
        self.segment_into(text, &mut layer);
        layer
    }

    /// Segment `text` into `layer`, reusing its allocations.
    pub fn segment_into(&self, text: &str, layer: &mut TextLayer) {
        layer.paragraphs.clear();
        layer.sentences.clear();
        layer.tokens.clear();
        let mut bounds = Vec::new();
        paragraphs::paragraphs(text, &mut bounds);
        let mut blocked = Vec::new();
        for (start, end) in bounds {
            layer.paragraphs.push(Span::from_usize(start, end));
            let first = layer.tokens.len();
            tokenize::tokenize(text, start, end, &mut layer.tokens);
            sentences::split(text, &layer.tokens[first..], first, &mut blocked, &mut layer.sentences);
        }
    }
}

impl Stage for Segmenter {
    fn annotate(&self, doc: &mut Doc) {
        let mut layer = std::mem::take(&mut doc.text_layer);
        self.segment_into(doc.text(), &mut layer);
        doc.text_layer = layer;
    }
}
