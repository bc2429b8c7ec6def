//! Every person and organisation of the seed report's gold reading, found with the right
//! CAMEO actor code (names compared by sitrep's name key, so Zelenskiy = Zelenskyy).

use std::path::PathBuf;

use sitrep::Pipeline;
use sitrep_actors::names::key;
use sitrep_core::{Doc, EntityType};

fn example() -> Option<(Doc, serde_json::Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples");
    let (Ok(raw), Ok(gold)) = (std::fs::read(dir.join("report-2022-02-25-kyiv.txt")), std::fs::read_to_string(dir.join("report-2022-02-25-kyiv.gold.json"))) else {
        eprintln!("skipped: {} is absent (development data, not in the repository)", dir.display());
        return None;
    };
    let mut docs = Vec::new();
    let opts = sitrep_ingest::ReadOptions::default();
    sitrep_ingest::read_bytes(&raw, "kyiv.txt", sitrep_ingest::InputFormat::Seed, &opts, &mut |r| docs.push(r.expect("reads")));
    let mut doc = docs.pop().expect("one report");
    Pipeline::new().expect("models load").run(&mut doc);
    Some((doc, serde_json::from_str(&gold).expect("gold is JSON")))
}

/// The actor code sitrep gives the entity of `kind` that `name` (or one of `mentions`) names.
fn actor_of(doc: &Doc, kind: EntityType, names: &[String]) -> Result<Option<String>, String> {
    let keys: Vec<String> = names.iter().map(|n| key(n)).collect();
    doc.entities
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .find(|e| keys.contains(&key(&e.canonical)) || e.mentions.iter().any(|m| keys.contains(&key(m.of(doc.text())))))
        .map(|e| e.actor.clone())
        .ok_or_else(|| format!("no {kind:?} entity for {names:?}"))
}

fn names(item: &serde_json::Value) -> Vec<String> {
    let mut out = vec![item["name"].as_str().unwrap_or_default().to_string()];
    if let Some(m) = item["mentions"].as_array() {
        out.extend(m.iter().filter_map(|v| v.as_str()).map(str::to_string));
    }
    out
}

#[test]
fn people_and_organisations_have_their_actor_codes() {
    let Some((doc, gold)) = example() else { return };
    let mut wrong = Vec::new();
    for (field, kind) in [("people", EntityType::Person), ("organizations", EntityType::Org)] {
        for item in gold[field].as_array().expect("gold list") {
            let want = item["actor"].as_str();
            match actor_of(&doc, kind, &names(item)) {
                Ok(got) if want.is_none() || got.as_deref() == want => {}
                Ok(got) => wrong.push(format!("{}: actor {got:?}, want {want:?}", item["name"])),
                Err(e) => wrong.push(e),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn surnames_and_pronouns_join_their_person() {
    let Some((doc, _)) = example() else { return };
    let zelenskiy = doc.entities.entities.iter().find(|e| key(&e.canonical) == key("Volodymyr Zelenskyy")).expect("Zelenskiy");
    let texts: Vec<&str> = zelenskiy.mentions.iter().map(|m| m.of(doc.text())).collect();
    assert!(texts.contains(&"Zelenskiy") && texts.contains(&"he"), "{texts:?}");
    let ap = doc.entities.entities.iter().find(|e| e.canonical == "Associated Press").expect("AP");
    assert!(ap.mentions.iter().any(|m| m.of(doc.text()) == "AP"));
}

#[test]
fn nominal_actors_are_coded() {
    let Some((doc, _)) = example() else { return };
    for (phrase, code) in [("Russian troops", "RUSMIL"), ("US officials", "USAGOV"), ("Russia’s military", "RUSMIL"), ("Ukrainian military", "UKRMIL")] {
        let e = doc.entities.entities.iter().find(|e| e.span.of(doc.text()) == phrase).unwrap_or_else(|| panic!("no `{phrase}`"));
        assert_eq!(e.actor.as_deref(), Some(code), "{phrase}");
    }
}
