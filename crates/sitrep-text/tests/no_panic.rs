//! The segmenter never panics and keeps its invariants on any text. Bounded by
//! `SITREP_FUZZ_SECS` (default 2 s).

use std::time::Instant;

use sitrep_core::fuzz::{budget, Mutator};
use sitrep_text::Segmenter;

const SEEDS: &[&[u8]] = &[
    "Gen. Petrov met Mr. Hale at 9 a.m. Friday. “Is this war?” Petrov asked.\n\nThe U.S. agreed… 150,000 troops; No. 1 target!".as_bytes(),
    "Headline here\nKYIV (AP) — Troops don’t stop. See https://x.org/a. @AP #Kyiv 2022-02-24 1.30am".as_bytes(),
    "Київ’s “mayor” said: «Ні.» (ret.) O'Brien's 24th e.g. U.S.-led".as_bytes(),
];

#[test]
fn segmenter_never_panics_and_keeps_invariants() {
    let segmenter = Segmenter::new();
    let mut mutator = Mutator::new(7);
    let deadline = Instant::now() + budget();
    let mut rounds = 0u64;
    while Instant::now() < deadline || rounds < 500 {
        let bytes = mutator.mutate(SEEDS);
        let text = String::from_utf8_lossy(&bytes);
        let layer = segmenter.segment(&text);
        let mut last_end = 0;
        for t in &layer.tokens {
            assert!(t.span.start >= last_end && t.span.start < t.span.end, "tokens ordered and non-empty in {text:?}");
            assert!(text.is_char_boundary(t.span.start as usize) && text.is_char_boundary(t.span.end as usize));
            last_end = t.span.end;
        }
        let mut next_token = 0;
        for s in &layer.sentences {
            assert_eq!(s.first_token as usize, next_token, "every token in exactly one sentence in {text:?}");
            assert!(s.end_token > s.first_token);
            next_token = s.end_token as usize;
        }
        assert_eq!(next_token, layer.tokens.len());
        rounds += 1;
    }
}
