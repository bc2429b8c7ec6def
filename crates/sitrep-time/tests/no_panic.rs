//! The time layer never panics and keeps its invariants (spans on character boundaries,
//! in order, not overlapping; values never empty) on any text. Bounded by
//! `SITREP_FUZZ_SECS` (default 2 s).

use std::time::Instant;

use sitrep_core::fuzz::{budget, Mutator};
use sitrep_core::{Doc, Meta, Stage};
use sitrep_time::TimeTagger;

const SEEDS: &[&[u8]] = &[
    "Shelling resumed Thursday night and at 1.30am IST on Saturday; two days ago, Feb. 24-25, 2/24/22.".as_bytes(),
    "On March 3, 2021 the siege began. Two days later, from Monday to Wednesday, every Friday, for weeks.".as_bytes(),
    "February 30, 0000-02-24, 99999, the 1990s, the 18th century, 9pm EST tomorrow, 10:30 Kyiv time.".as_bytes(),
    "the year-ago quarter, a year earlier, the past two months, early next year, late 1999, mid-1990s".as_bytes(),
    "the day before yesterday, Martin Luther King Jr. Day, St. Patrick's Day, Good Friday, Christmas 2010, 40 times per month".as_bytes(),
    "Monday afternoons, the late seventies, a quarter-century, no more than a half-hour, FY 1990's first half, the next morning, as soon as possible".as_bytes(),
];

#[test]
fn time_tagger_never_panics_and_keeps_invariants() {
    let segmenter = sitrep_text::Segmenter::new();
    let tagger = TimeTagger::new();
    let mut mutator = Mutator::new(11);
    let deadline = Instant::now() + budget();
    let mut rounds = 0u64;
    while Instant::now() < deadline || rounds < 300 {
        let bytes = mutator.mutate(SEEDS);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let day = jiff::civil::date(1 + (rounds % 9999) as i16, 1 + (rounds % 12) as i8, 1 + (rounds % 28) as i8);
        let mut doc = Doc::new(Meta::new("fuzz", day), text.clone());
        segmenter.annotate(&mut doc);
        tagger.annotate(&mut doc);
        let mut last_end = 0;
        for t in &doc.time.times {
            assert!(t.span.start >= last_end && t.span.start < t.span.end, "ordered, non-empty spans in {text:?}");
            assert!(text.is_char_boundary(t.span.start as usize) && text.is_char_boundary(t.span.end as usize));
            assert!(!t.value.is_empty(), "empty value in {text:?}");
            last_end = t.span.end;
        }
        let _ = tagger.tag(&text, &doc.text_layer, None);
        rounds += 1;
    }
}
