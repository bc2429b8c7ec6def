//! Tense from the syntax layer: the verb a time expression attaches to decides whether
//! a bare weekday or month is the last one or the next one. Invented sentences, dated
//! Wednesday 2022-02-23.

use sitrep_core::{Doc, Meta, Stage};
use sitrep_time::TimeTagger;

fn values(text: &str) -> Vec<String> {
    values_on(text, jiff::civil::date(2022, 2, 23))
}

fn values_on(text: &str, date: jiff::civil::Date) -> Vec<String> {
    let mut doc = Doc::new(Meta::new("t", date), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().expect("built-in syntax model").annotate(&mut doc);
    assert_eq!(doc.syntax.tokens.len(), doc.text_layer.tokens.len());
    TimeTagger::new().annotate(&mut doc);
    doc.time.times.iter().map(|t| t.value.clone()).collect()
}

#[test]
fn the_governing_verb_decides_not_the_nearest() {
    // "said" is nearest, but Friday belongs to "will meet".
    assert_eq!(values("The minister said the two delegations will meet Friday in the capital."), ["2022-02-25"]);
    // Friday belongs to "said": when it was said.
    assert_eq!(values("\"We will keep the border open,\" the minister said Friday."), ["2022-02-18"]);
    assert_eq!(values("Rebels attacked the convoy Monday near the river."), ["2022-02-21"]);
    // "hit" is its own past: read as a present with a plural subject, it is the past.
    let friday = jiff::civil::date(2022, 2, 25);
    assert_eq!(values_on("Russian missiles hit a residential building early Thursday, killing four people, officials said.", friday), ["2022-02-24"]);
    assert_eq!(values("The two delegations meet Friday in the capital."), ["2022-02-25"]);
}

#[test]
fn auxiliaries_and_deadlines() {
    assert_eq!(values("The council postponed the vote until Monday."), ["2022-02-28"]);
    // "through" a month with a verb of deferral: the deadline lies ahead.
    assert_eq!(values_on("The bank has extended the loans through January.", jiff::civil::date(1989, 10, 30)), ["1990-01"]);
    assert_eq!(values("The talks might resume as soon as Monday, officials said."), ["2022-02-28"]);
}
