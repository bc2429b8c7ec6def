//! Seas, gulfs, straits and lakes the news names (data/geo/regions.tsv) are the water
//! body, not the country or city inside their name ("the Sea of Japan" is no place in
//! Japan, "the Gulf of Aden" no place in Aden).

use sitrep_core::{Doc, PlacePrecision};

mod common;

use common::{named, tag};

/// The place whose words are exactly `text` is a region of feature code `fcode` near
/// (`lat`, `lon`), and no place was made of `inner` alone.
fn water(doc: &Doc, text: &str, fcode: &str, lat: f64, lon: f64, inner: &str) {
    let p = named(doc, text).unwrap_or_else(|| panic!("{text} is no place: {:?}", doc.places.places));
    assert_eq!((p.precision, p.detail.feature_code), (PlacePrecision::Region, Some(fcode)), "{text}: {p:?}");
    assert!((p.lat - lat).abs() < 1.0 && (p.lon - lon).abs() < 1.0, "{text}: {p:?}");
    assert!(named(doc, inner).is_none(), "{inner} inside {text} became a place: {:?}", doc.places.places);
}

#[test]
fn a_sea_named_after_a_country_is_the_sea() {
    let doc = tag("North Korea fired a ballistic missile into the Sea of Japan on Thursday.");
    water(&doc, "Sea of Japan", "SEA", 40.0, 135.0, "Japan");
    let doc = tag("Pirates boarded a tanker in the Gulf of Guinea.");
    water(&doc, "Gulf of Guinea", "GULF", 2.0, 4.0, "Guinea");
    let doc = tag("Boko Haram fighters attacked an island in Lake Chad.");
    water(&doc, "Lake Chad", "LK", 13.0, 14.5, "Chad");
}

#[test]
fn a_gulf_or_strait_named_after_a_city_is_the_water() {
    let doc = tag("Houthi rebels attacked a ship in the Gulf of Aden.");
    water(&doc, "Gulf of Aden", "GULF", 12.5, 48.0, "Aden");
    let doc = tag("Iran seized a tanker in the Strait of Hormuz.");
    water(&doc, "Strait of Hormuz", "STRT", 26.6, 56.4, "Hormuz");
    let doc = tag("Russian warships sailed through the Kerch Strait.");
    water(&doc, "Kerch Strait", "STRT", 45.3, 36.5, "Kerch");
}

#[test]
fn a_bay_named_after_a_region_is_the_bay() {
    let doc = tag("A cyclone formed in the Bay of Bengal on Monday.");
    water(&doc, "Bay of Bengal", "BAY", 15.0, 88.0, "Bengal");
}

#[test]
fn alternate_names_of_water_bodies() {
    let doc = tag("A drone struck a cargo ship near Bab al-Mandab.");
    let p = named(&doc, "Bab al-Mandab").unwrap_or_else(|| panic!("{:?}", doc.places.places));
    assert_eq!(p.detail.feature_code, Some("STRT"));
    let doc = tag("Iran seized a tanker in the Hormuz Strait.");
    assert_eq!(named(&doc, "Hormuz Strait").map(|p| p.name.as_str()), Some("Strait of Hormuz"), "{:?}", doc.places.places);
    // "East Sea" is no alternate: Korea's name for the Sea of Japan, Vietnam's for the
    // South China Sea.
}
