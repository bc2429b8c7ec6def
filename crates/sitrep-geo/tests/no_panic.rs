//! Bad input never panics: mutated text through segmenter, syntax and places.

use sitrep_core::{Doc, Meta, Stage};

#[test]
fn random_text_through_the_stage() {
    let tagger = sitrep_geo::PlaceTagger::builtin();
    let syntax = sitrep_syntax::SyntaxStage::builtin().expect("model");
    let segmenter = sitrep_text::Segmenter::new();
    let seeds: &[&[u8]] = &[
        "KYIV, Ukraine — Shelling hit about 60 kilometers (40 miles) northwest of Kyiv, near the Polish border.".as_bytes(),
        "Washington said sanctions on Moscow would stay; the Belarusian capital and São Paulo, Brazil, too.".as_bytes(),
        "Київ — north of the city; Ivano-Frankivsk; U.S. officials; 20 miles south of ".as_bytes(),
    ];
    sitrep_core::fuzz::texts(23, seeds, 50, |runs, text| {
        let mut doc = Doc::new(Meta::new("fuzz", jiff::civil::date(2022, 2, 25)), text);
        segmenter.annotate(&mut doc);
        if runs % 2 == 0 {
            syntax.annotate(&mut doc);
        }
        tagger.annotate(&mut doc);
        for p in &doc.places.places {
            assert!(doc.text().get(p.span.range()).is_some());
            assert!(p.lat.is_finite() && p.lon.is_finite());
        }
    });
}
