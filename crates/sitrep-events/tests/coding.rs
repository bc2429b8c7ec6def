//! Coding on invented sentences: subjects and objects, passives, nominal events,
//! attribution and stance, factuality, quotes; and bad input.

use sitrep_core::{Doc, Factuality, Meta, Stage, Stance};

fn run(text: &str) -> Doc {
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 3, 4)), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().unwrap().annotate(&mut doc);
    sitrep_time::TimeTagger::new().annotate(&mut doc);
    sitrep_actors::EntityStage::builtin().unwrap().annotate(&mut doc);
    sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
    sitrep_events::EventStage::builtin().annotate(&mut doc);
    doc
}

fn find<'a>(doc: &'a Doc, root: &str) -> &'a sitrep_core::Event {
    doc.events.events.iter().find(|e| e.root() == root).unwrap_or_else(|| {
        let got: Vec<_> = doc.events.events.iter().map(|e| (e.cameo.as_str(), e.trigger.of(doc.text()))).collect();
        panic!("no root {root} event in {:?}; got {got:?}", doc.text())
    })
}

fn actor(p: &Option<sitrep_core::Participant>) -> Option<&str> {
    p.as_ref().and_then(|p| p.actor.as_deref())
}

#[test]
fn subject_acts_on_object() {
    let doc = run("Russian troops shelled the Ukrainian city of Kharkiv on Thursday.");
    let e = find(&doc, "19");
    assert_eq!(actor(&e.source), Some("RUSMIL"));
    assert_eq!(e.factuality, Factuality::Asserted);
    assert_eq!(e.date.value, "2022-03-03");
    assert!(e.place.is_some(), "bound to Kharkiv");
    assert!(e.plover.is_some() && e.goldstein.is_some());
}

#[test]
fn passive_voice_swaps_the_roles() {
    let doc = run("The Ukrainian army was attacked by Russian forces near the border.");
    let e = find(&doc, "19");
    assert_eq!(actor(&e.source), Some("RUSMIL"));
    assert_eq!(actor(&e.target), Some("UKRMIL"));
}

#[test]
fn reported_speech_is_attributed() {
    let doc = run("The Kremlin said Ukrainian officials had rejected the proposal.");
    let e = find(&doc, "12");
    let a = e.attribution.as_ref().expect("attributed");
    assert_eq!(a.cue, "said");
    assert_eq!(a.by.as_ref().and_then(|p| p.actor.as_deref()), Some("RUSGOV"));
    assert_eq!(actor(&e.source), Some("UKRGOV"));
}

#[test]
fn a_party_about_itself_claims() {
    let doc = run("Russia's military said it had captured the airport outside Kyiv.");
    let e = doc.events.events.iter().find(|e| e.trigger.of(doc.text()).starts_with("captured")).expect("captured is coded");
    assert_eq!(e.attribution.as_ref().map(|a| a.stance), Some(Stance::Claimed));
}

#[test]
fn negation_and_modality_change_factuality() {
    let doc = run("Ukrainian forces did not attack the convoy.");
    assert_eq!(find(&doc, "19").factuality, Factuality::Negated);
    let doc = run("Russian forces could attack the capital.");
    assert_eq!(find(&doc, "19").factuality, Factuality::Hypothetical);
    let doc = run("Will Russian forces attack the capital?");
    assert_ne!(find(&doc, "19").factuality, Factuality::Asserted, "questions are not facts");
}

#[test]
fn quotes_get_their_speakers() {
    let doc = run("“We will defend every street of this city,” Ukrainian defence minister Oleksandr Testenko said on Friday.\n\n“Nobody will leave,” he added.");
    assert_eq!(doc.events.quotes.len(), 2);
    for q in &doc.events.quotes {
        let speaker = q.speaker.as_ref().expect("speaker");
        let e = speaker.entity.expect("an entity");
        assert_eq!(doc.entities.entities[e].canonical, "Oleksandr Testenko");
    }
}

#[test]
fn bad_input_does_not_panic() {
    for text in ["", "?", "“", "“ ” “", "Shelled shelled shelled.", &"attack ".repeat(2000), "Київ обстріляли. 北京."] {
        let doc = run(text);
        for e in &doc.events.events {
            assert!(e.trigger.end as usize <= doc.text().len());
        }
    }
}
