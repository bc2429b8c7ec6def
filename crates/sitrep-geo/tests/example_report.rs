//! The seed report: every `must` place of its gold reading resolved within 25 km
//! (countries by code), and the not-a-place traps right.

use std::path::PathBuf;

use sitrep_core::{Doc, PlacePrecision, PlaceRole, Stage};
use sitrep_geo::geo::distance_km;

fn shared(rel: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("skipped: {} is absent (it ships with the development data, not the repository)", path.display());
            None
        }
    }
}

fn example() -> Option<Doc> {
    let raw = shared("examples/report-2022-02-25-kyiv.txt")?;
    let mut docs = Vec::new();
    let opts = sitrep_ingest::ReadOptions::default();
    sitrep_ingest::read_bytes(&raw, "kyiv.txt", sitrep_ingest::InputFormat::Seed, &opts, &mut |r| docs.push(r.expect("the example reads")));
    let mut doc = docs.pop().expect("one report");
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().expect("syntax model").annotate(&mut doc);
    sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
    Some(doc)
}

#[test]
fn must_places_resolve_and_traps_hold() {
    let Some(doc) = example() else { return };
    let Some(gold) = shared("examples/report-2022-02-25-kyiv.gold.json") else { return };
    let gold: serde_json::Value = serde_json::from_slice(&gold).expect("gold JSON");
    let places = &doc.places.places;
    let mut wrong = Vec::new();
    for g in gold["places"].as_array().expect("places") {
        if g["must"] != true {
            continue;
        }
        let text = g["text"].as_str().unwrap_or_default();
        let found = places.iter().filter(|p| p.span.of(doc.text()) == text && p.precision != PlacePrecision::Relative).collect::<Vec<_>>();
        let ok = if g["kind"] == "country" {
            found.iter().any(|p| p.precision == PlacePrecision::Country && p.country.as_deref() == g["country"].as_str())
        } else {
            let (lat, lon) = (g["lat"].as_f64().unwrap_or(0.0), g["lon"].as_f64().unwrap_or(0.0));
            !found.is_empty() && found.iter().all(|p| distance_km(p.lat, p.lon, lat, lon) <= 25.0)
        };
        if !ok {
            wrong.push(format!("{text}: {:?}", found.iter().map(|p| (&p.name, p.lat, p.lon)).collect::<Vec<_>>()));
        }
    }
    assert!(wrong.is_empty(), "must places wrong: {wrong:#?}");
    // Traps: "punishment on Moscow" is the Russian state; demonyms are not places.
    let moscow = places.iter().find(|p| p.span.of(doc.text()) == "Moscow").expect("Moscow is found");
    assert_eq!(moscow.detail.role, Some(PlaceRole::Metonym("RUSGOV".into())));
    for p in places {
        let t = p.span.of(doc.text());
        assert!(!matches!(t, "Ukrainian" | "Russian" | "Ukrainians" | "Europeans" | "Belarusian"), "{t} taken as a place");
    }
    let minsk = places.iter().find(|p| p.span.of(doc.text()) == "the Belarusian capital").expect("the Belarusian capital");
    assert_eq!(minsk.name, "Minsk");
    let rel = places.iter().find(|p| p.span.of(doc.text()).ends_with("northwest of Kyiv")).expect("relative place");
    assert!(distance_km(rel.lat, rel.lon, 50.94, 29.90) < 25.0, "60 km NW of Kyiv lands near Ivankiv");
}
