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

    /// The US congressional party label that opens at token `open` — "(D-Calif.)",
    /// "(R-Texas)", "(I-Vt.)" — as the index of its closing parenthesis: "(", a party
    /// letter and "-" written together, then one to three capitalised words or periods
    /// and ")", all before token `end` (a sentence's end, or the report's when a sentence
    /// split fell inside the label, as after "W." in "(D-W.Va.)"). The actor, event and
    /// parse-mending layers all ask it: the label says whom a legislator represents, and
    /// its "I" is no pronoun.
    pub fn party_label(&self, open: usize, end: usize) -> Option<usize> {
        let tokens = &self.text_layer.tokens;
        let end = end.min(tokens.len());
        let word = |k: usize| if k < end { tokens[k].span.of(self.text()) } else { "" };
        let joined = |k: usize| k + 1 < end && tokens[k].span.end == tokens[k + 1].span.start;
        if word(open) != "(" || !matches!(word(open + 1), "D" | "R" | "I") || word(open + 2) != "-" || !(joined(open) && joined(open + 1) && joined(open + 2)) {
            return None;
        }
        let close = (open + 3..(open + 7).min(end)).find(|&k| word(k) == ")")?;
        let state = open + 3..close;
        (!state.is_empty() && state.into_iter().all(|k| word(k).starts_with(|c: char| c.is_ascii_uppercase()) || word(k) == ".")).then_some(close)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sentence, Span, Token, TokenKind};

    /// A one-sentence report split at the given byte offsets (token boundaries).
    fn doc(text: &str, cuts: &[(usize, usize)]) -> Doc {
        let mut d = Doc::new(Meta::new("t", jiff::civil::date(2016, 3, 1)), text);
        d.text_layer.tokens = cuts.iter().map(|&(a, b)| Token { span: Span::new(a as u32, b as u32), kind: TokenKind::Word }).collect();
        d.text_layer.sentences = vec![Sentence { span: Span::new(0, text.len() as u32), first_token: 0, end_token: cuts.len() as u32 }];
        d
    }

    #[test]
    fn party_labels_are_found_and_other_brackets_are_not() {
        // Sanders ( I - Vt. ) spoke .
        let d = doc("Sanders (I-Vt.) spoke.", &[(0, 7), (8, 9), (9, 10), (10, 11), (11, 14), (14, 15), (16, 21), (21, 22)]);
        assert_eq!(d.party_label(1, 8), Some(5));
        assert_eq!(d.party_label(0, 8), None);
        // A label cut off by `end`, or an index past the tokens, finds nothing.
        assert_eq!(d.party_label(1, 5), None);
        assert_eq!(d.party_label(40, 80), None);
        // Written apart, it is no label; nor is a bracket with lower-case words.
        let d = doc("Sanders ( I - Vt. ) spoke.", &[(0, 7), (8, 9), (10, 11), (12, 13), (14, 17), (18, 19), (20, 25), (25, 26)]);
        assert_eq!(d.party_label(1, 8), None);
        let d = doc("Sanders (I-said) it.", &[(0, 7), (8, 9), (9, 10), (10, 11), (11, 15), (15, 16), (17, 19), (19, 20)]);
        assert_eq!(d.party_label(1, 8), None);
    }
}
