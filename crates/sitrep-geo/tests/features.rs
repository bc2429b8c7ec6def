//! Each feature of the place layer on sentences written for these tests.

use sitrep_core::{Doc, Meta, Place, PlacePrecision, PlaceRole, Stage};

fn tag(text: &str) -> Doc {
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 2, 25)), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().expect("syntax model").annotate(&mut doc);
    sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
    doc
}

fn named<'a>(doc: &'a Doc, text: &str) -> Option<&'a Place> {
    doc.places.places.iter().find(|p| p.span.of(doc.text()) == text && p.precision != PlacePrecision::Relative)
}

#[test]
fn alternate_spellings_resolve_to_one_city() {
    for name in ["Kiev", "Kyiv", "Київ"] {
        let doc = tag(&format!("Sirens sounded in {name} overnight."));
        assert_eq!(named(&doc, name).and_then(|p| p.geonames_id), Some(703448), "{name}");
    }
    let doc = tag("The port of Nikolaev was shelled, and so was Kharkov.");
    assert_eq!(named(&doc, "Nikolaev").and_then(|p| p.country.clone()).as_deref(), Some("UA"));
    assert_eq!(named(&doc, "Kharkov").and_then(|p| p.geonames_id), Some(706483));
}

#[test]
fn common_words_months_and_people_are_not_places() {
    let doc = tag("In May, Police said the Reading list was Nice. Jordan Peterson spoke in March.");
    assert!(doc.places.places.is_empty(), "{:?}", doc.places.places);
    let doc = tag("The Bank of America office closed. President Chad Morris arrived.");
    assert!(doc.places.places.is_empty(), "{:?}", doc.places.places);
}

#[test]
fn dateline_and_city_region_patterns() {
    let doc = tag("SUMY, Ukraine — Residents queued for bread on Tuesday.");
    assert_eq!(named(&doc, "SUMY").and_then(|p| p.geonames_id), Some(692194));
    let doc = tag("The fair was held in Paris, Texas, last year.");
    let paris = named(&doc, "Paris").expect("Paris");
    assert_eq!(paris.country.as_deref(), Some("US"));
}

#[test]
fn georgia_by_context() {
    let doc = tag("Tbilisi said Georgia would hold talks with Armenia.");
    assert_eq!(named(&doc, "Georgia").map(|p| p.precision), Some(PlacePrecision::Country));
    let doc = tag("Storms hit Atlanta and Savannah, and Georgia officials closed roads near Macon.");
    assert_eq!(named(&doc, "Georgia").and_then(|p| p.country.clone()).as_deref(), Some("US"));
}

#[test]
fn relative_places() {
    let doc = tag("Shells fell about 30 kilometers (19 miles) south of Kharkiv on Monday.");
    let r = doc.places.places.iter().find(|p| p.precision == PlacePrecision::Relative).expect("relative place");
    let rel = r.detail.relative.as_ref().expect("relation");
    assert_eq!((rel.direction, rel.km), (Some("S"), Some(30.0)));
    assert!(r.lat < 49.8 && (r.lon - 36.25).abs() < 0.1);
    let doc = tag("A depot on the outskirts of Odesa burned.");
    assert!(doc.places.places.iter().any(|p| p.detail.relative.as_ref().is_some_and(|r| r.relation == "outskirts")));
}

#[test]
fn capitals_standing_for_governments_are_metonyms() {
    let doc = tag("Washington said it would send more aid. Allies put new sanctions on Moscow. Talks were held in Moscow.");
    let roles: Vec<_> = doc.places.places.iter().map(|p| (p.span.of(doc.text()), p.detail.role.clone())).collect();
    assert_eq!(roles[0], ("Washington", Some(PlaceRole::Metonym("USAGOV".into()))), "{roles:?}");
    assert_eq!(roles[1], ("Moscow", Some(PlaceRole::Metonym("RUSGOV".into()))), "{roles:?}");
    assert_eq!(roles[2], ("Moscow", Some(PlaceRole::Location)), "{roles:?}");
}

#[test]
fn metonyms_take_the_code_books_country_codes() {
    // CAMEO spells Kosovo KSV where ISO 3166 has XKX.
    let doc = tag("Serbia warned that Pristina would bear the blame. Pristina rejected the warning.");
    let roles: Vec<_> = doc.places.places.iter().filter_map(|p| p.detail.role.clone()).collect();
    assert!(roles.contains(&PlaceRole::Metonym("KSVGOV".into())), "{roles:?}");
    assert!(!roles.iter().any(|r| matches!(r, PlaceRole::Metonym(c) if c.starts_with("XKX"))), "{roles:?}");
}

#[test]
fn demonym_capital() {
    let doc = tag("Officials flew to the Polish capital on Friday.");
    assert_eq!(doc.places.places.first().map(|p| p.name.as_str()), Some("Warsaw"));
}
