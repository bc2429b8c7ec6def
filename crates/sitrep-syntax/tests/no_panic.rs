//! Bad input never panics and costs bounded time: empty sentences, 2,000-token
//! "sentences", 10,000-character tokens, mixed scripts, random bytes.

use sitrep_core::{Doc, Meta, Stage};
use sitrep_syntax::{Syntax, SyntaxStage};

fn model() -> &'static Syntax {
    Syntax::builtin().expect("built-in model")
}

#[test]
fn empty_sentence_gives_empty_analysis() {
    let a = model().analyze(&[]);
    assert!(a.tags.is_empty() && a.heads.is_empty());
}

#[test]
fn one_word_is_its_own_root() {
    let a = model().analyze(&["Kyiv"]);
    assert_eq!(a.heads, [None]);
    assert_eq!(a.deprel(model(), 0), "root");
}

#[test]
fn two_thousand_token_sentence_has_one_tree() {
    let words: Vec<&str> = ["troops", "shelled", "the", "city", ","].iter().copied().cycle().take(2000).collect();
    let a = model().analyze(&words);
    assert_eq!(a.heads.len(), 2000);
    assert_eq!(a.heads.iter().filter(|h| h.is_none()).count(), 1);
    assert!(a.heads.iter().flatten().all(|&h| (h as usize) < 2000));
}

#[test]
fn huge_and_strange_tokens() {
    let long = "x".repeat(10_000);
    let mixed = "Київ北京القاهرة🙂";
    let a = model().analyze(&[&long, mixed, "", "\u{200b}", "’s", "n’t", "—", "…"]);
    assert_eq!(a.tags.len(), 8);
    assert_eq!(a.lemma(0).len(), 10_000);
}

#[test]
fn random_text_through_the_stage() {
    let stage = SyntaxStage::builtin().expect("model");
    let segmenter = sitrep_text::Segmenter::new();
    let seeds: &[&[u8]] = &[
        "Russian troops seized the airport outside Kyiv on Friday, officials said.".as_bytes(),
        "“We don’t know,” said one of the workers. U.S. officials believe it’s a brazen attempt.".as_bytes(),
        "Київ — the capital; 北京 (Beijing) ... !!! ???".as_bytes(),
    ];
    sitrep_core::fuzz::texts(17, seeds, 50, |_, text| {
        let mut doc = Doc::new(Meta::new("fuzz", jiff::civil::date(2022, 2, 25)), text);
        segmenter.annotate(&mut doc);
        stage.annotate(&mut doc);
        assert_eq!(doc.syntax.tokens.len(), doc.text_layer.tokens.len());
        for s in &doc.text_layer.sentences {
            let range = s.tokens();
            let roots = doc.syntax.tokens[range.clone()].iter().filter(|t| t.head.is_none()).count();
            assert_eq!(roots, usize::from(!range.is_empty()));
        }
    });
}
