//! Rules of issue 5's second round, on sentences written for these tests: names of armed
//! and political bodies, speakers before "said", small towns abroad that the report gives
//! no company, and the points of whole countries and divisions.

use sitrep_core::PlacePrecision;
use sitrep_geo::geo::distance_km;

mod common;

use common::{named, tag};

#[test]
fn a_town_name_opening_an_armed_body_is_no_place() {
    // "Rapid" is an alternate name of Rapid City, South Dakota
    for text in [
        "Fighters of the Rapid Support Forces entered the market town on Monday, residents said.",
        "Rapid Support Forces troops withdrew from the bridge near Omdurman.",
    ] {
        let doc = tag(text);
        assert!(doc.places.places.iter().all(|p| !p.span.of(doc.text()).starts_with("Rapid")), "{text}: {:?}", doc.places.places);
    }
    // the place named for itself still counts, and a town's own council stays the town's
    let doc = tag("Omdurman was quiet after the Rapid Support Forces left.");
    assert!(named(&doc, "Omdurman").is_some(), "{:?}", doc.places.places);
    let doc = tag("The Springfield City Council voted on Tuesday to repave Main Street.");
    assert!(doc.places.places.iter().any(|p| p.span.of(doc.text()).starts_with("Springfield")), "{:?}", doc.places.places);
}

#[test]
fn a_name_before_said_is_the_speaker() {
    let doc = tag("\"We will rebuild the bridge before winter,\" Douglas said on Tuesday.");
    assert!(named(&doc, "Douglas").is_none(), "{:?}", doc.places.places);
    // a preposition keeps it a place; a capital speaking is its government
    let doc = tag("Residents of Tyler said the roads were closed after the storm.");
    assert!(named(&doc, "Tyler").is_some(), "{:?}", doc.places.places);
    let doc = tag("Tbilisi says the talks will go on in Geneva.");
    assert!(named(&doc, "Tbilisi").is_some(), "{:?}", doc.places.places);
}

#[test]
fn a_small_town_abroad_needs_company_from_its_country() {
    // "Mill" is a Dutch village; nothing else in the report is in the Netherlands
    let doc = tag("Officials in Dayton, Ohio, said the Mill would reopen in May.");
    assert!(named(&doc, "Mill").is_none(), "{:?}", doc.places.places);
    assert!(named(&doc, "Dayton").is_some(), "{:?}", doc.places.places);
    // with its country named, a small town abroad stays
    let doc = tag("Health workers in Ntungamo, Uganda, traced 300 contacts after a visit from Nairobi.");
    let p = named(&doc, "Ntungamo").unwrap_or_else(|| panic!("Ntungamo: {:?}", doc.places.places));
    assert_eq!(p.country.as_deref(), Some("UG"));
    // a small town alone in its report stays too
    let doc = tag("Ntungamo opened a new market on Friday.");
    assert!(named(&doc, "Ntungamo").is_some(), "{:?}", doc.places.places);
}

#[test]
fn country_points_lie_within_161_km_of_the_reference_points() {
    // (name, GeoNames' point, Wikipedia's point)
    for (name, a, b) in [("Nigeria", (10.0, 8.0), (8.0, 10.0)), ("China", (35.0, 105.0), (35.0, 103.0)), ("Sudan", (15.0, 30.0), (15.0, 32.0))] {
        let doc = tag(&format!("Aid reached {name} on Friday."));
        let p = named(&doc, name).unwrap_or_else(|| panic!("{name}: {:?}", doc.places.places));
        assert_eq!(p.precision, PlacePrecision::Country);
        for (lat, lon) in [a, b] {
            let d = distance_km(p.lat, p.lon, lat, lon);
            assert!(d <= 161.0, "{name} at ({}, {}) is {d:.0} km from ({lat}, {lon})", p.lat, p.lon);
        }
    }
    // Kuwait's point lies in Kuwait, West Java's in West Java
    let doc = tag("Flights to Kuwait resumed. Floods hit West Java.");
    let k = named(&doc, "Kuwait").expect("Kuwait");
    assert!((46.5..=48.5).contains(&k.lon), "{k:?}");
    let j = named(&doc, "West Java").expect("West Java");
    assert!(distance_km(j.lat, j.lon, -6.91, 107.61) < 100.0, "{j:?}");
}

#[test]
fn a_small_place_the_text_calls_a_village_needs_no_company() {
    let doc = tag("Russian forces captured the village of Krasnohorivka after weeks of fighting.");
    assert_eq!(named(&doc, "Krasnohorivka").and_then(|p| p.country.as_deref()), Some("UA"), "{:?}", doc.places.places);
}
