//! What the hand-written sentence tests share: tagging a text against a report date.

use sitrep_core::{Doc, Meta, Stage, TimexType};
use sitrep_time::TimeTagger;

/// (words, type, value) of every expression found in `text`, dated `date`.
pub fn tag_on(text: &str, date: jiff::civil::Date) -> Vec<(String, TimexType, String)> {
    let mut doc = Doc::new(Meta::new("t", date), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    TimeTagger::new().annotate(&mut doc);
    doc.time.times.iter().map(|t| (t.span.of(doc.text()).to_string(), t.kind, t.value.clone())).collect()
}

/// [`tag_on`] a report dated Friday 2022-02-25.
pub fn tag(text: &str) -> Vec<(String, TimexType, String)> {
    tag_on(text, jiff::civil::date(2022, 2, 25))
}
