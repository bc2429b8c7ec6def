//! Rules of issue 5's fourth round, on sentences written for these tests: a town and the
//! county it lies in support each other, lists closed by "counties" name counties, a small
//! town that does not fit its "Town, Country" container gives way to the country, and a
//! dateline names a city.

use sitrep_core::PlacePrecision;
use sitrep_geo::geo::distance_km;

mod common;

use common::{named, tag};

/// Whether the place written `text` lies within `km` of (`lat`, `lon`).
fn near(doc: &sitrep_core::Doc, text: &str, lat: f64, lon: f64, km: f64) -> bool {
    let p = named(doc, text).unwrap_or_else(|| panic!("{text}: {:?}", doc.places.places));
    distance_km(p.lat, p.lon, lat, lon) <= km
}

#[test]
fn a_town_and_its_county_find_each_other() {
    // Paris, Tennessee is the seat of Henry County, Tennessee
    let doc = tag("Volunteers in Paris and Henry County collected 300 coats for the shelter this winter.");
    assert!(near(&doc, "Paris", 36.30, -88.33, 50.0), "{:?}", doc.places.places);
    assert!(near(&doc, "Henry County", 36.44, -88.33, 50.0), "{:?}", doc.places.places);
    // Huntsville, Texas lies in Walker County, Texas (not Huntsville, Alabama)
    let doc = tag("The city manager of Huntsville asked the Walker County commissioners to help pay for the new road.");
    assert!(near(&doc, "Huntsville", 30.72, -95.55, 50.0), "{:?}", doc.places.places);
    // without a county the prior stands
    let doc = tag("The museum in Paris reopened its doors on Tuesday.");
    assert_eq!(named(&doc, "Paris").and_then(|p| p.country.as_deref()), Some("FR"), "{:?}", doc.places.places);
}

#[test]
fn a_list_closed_by_counties_names_counties() {
    // "Hayes" alone is Hayes, London; here it is Hayes County, Nebraska
    let doc = tag("Farm income fell in Hitchcock and Hayes counties last year.");
    let p = named(&doc, "Hayes").unwrap_or_else(|| panic!("{:?}", doc.places.places));
    assert_eq!(p.precision, PlacePrecision::Admin2, "{p:?}");
    assert_eq!(p.country.as_deref(), Some("US"), "{p:?}");
    // one name is no list: "Indiana counties" are the state's
    let doc = tag("Jobless rates rose in most Indiana counties in March.");
    let p = named(&doc, "Indiana").unwrap_or_else(|| panic!("{:?}", doc.places.places));
    assert_eq!(p.precision, PlacePrecision::Admin1, "{p:?}");
}

#[test]
fn a_small_town_outside_its_named_country_gives_way_to_the_country() {
    // the gazetteer knows Kallam, India, but no Kalam in Pakistan
    let doc = tag("Floods cut the road to Kalam, Pakistan, on Sunday, officials said.");
    let p = named(&doc, "Kalam").unwrap_or_else(|| panic!("{:?}", doc.places.places));
    assert_eq!(p.country.as_deref(), Some("PK"), "{p:?}");
    // a city of its own is no fallback, nor is a possessive after the comma
    let doc = tag("In Nairobi, Ethiopia's foreign minister met the president.");
    assert_eq!(named(&doc, "Nairobi").and_then(|p| p.country.as_deref()), Some("KE"), "{:?}", doc.places.places);
}

#[test]
fn a_dateline_names_a_city() {
    // "WASHINGTON —" opening a report is the capital, not the state
    let doc = tag("WASHINGTON — The Senate passed the spending bill on Tuesday after a long debate.");
    let p = named(&doc, "WASHINGTON").unwrap_or_else(|| panic!("{:?}", doc.places.places));
    assert_eq!(p.precision, PlacePrecision::City, "{p:?}");
    assert!(distance_km(p.lat, p.lon, 38.90, -77.04) < 50.0, "{p:?}");
    // the state in running text stays the state
    let doc = tag("Wildfires burned across Washington, Oregon and Idaho this week.");
    assert_eq!(named(&doc, "Washington").map(|p| p.precision), Some(PlacePrecision::Admin1), "{:?}", doc.places.places);
}

#[test]
fn a_possessive_after_the_comma_is_no_container() {
    // Baghdad, Iraq — not a same-named village in Iran because "Iran's" follows the comma.
    let doc = tag("In Baghdad, Iran's foreign minister met Iraqi leaders on Sunday.");
    assert!(near(&doc, "Baghdad", 33.34, 44.40, 25.0), "{:?}", doc.places.places);
}
