//! Resolution and recognition rules added for states, small divisions, surnames,
//! alternate names and long official names, on sentences written for these tests.

use sitrep_core::PlacePrecision;

mod common;

use common::{named, tag};

#[test]
fn a_list_of_states_stays_states() {
    let doc = tag("The recall covers shops in Alaska, Arizona, California, Missouri, New Mexico, Oregon, Texas and Washington.");
    for s in ["California", "Oregon", "Washington", "Missouri"] {
        let p = named(&doc, s).unwrap_or_else(|| panic!("{s} found: {:?}", doc.places.places));
        assert_eq!(p.precision, PlacePrecision::Admin1, "{s}: {p:?}");
    }
    assert_eq!(named(&doc, "New Mexico").map(|p| p.precision), Some(PlacePrecision::Admin1));
}

#[test]
fn a_city_state_pattern_still_picks_the_town() {
    let doc = tag("The plant in Ontario, Calif., closed on Friday.");
    let p = named(&doc, "Ontario").expect("Ontario");
    assert_eq!((p.precision, p.admin1.as_deref()), (PlacePrecision::City, Some("California")));
}

#[test]
fn a_small_province_does_not_beat_a_city_the_context_places() {
    let doc = tag("Israel and Egypt discussed the blockade of Gaza with officials in Jerusalem.");
    let p = named(&doc, "Gaza").expect("Gaza");
    assert_eq!(p.country.as_deref(), Some("PS"), "{p:?}");
}

#[test]
fn a_surname_of_a_named_person_is_not_a_place() {
    let doc = tag("Coach Kristen Moore praised the team. Moore said the players worked hard all season.");
    assert!(doc.places.places.iter().all(|p| !p.span.of(doc.text()).contains("Moore")), "{:?}", doc.places.places);
}

#[test]
fn an_organisation_known_only_as_an_old_name_is_not_a_place() {
    let doc = tag("Israel said it would not talk to Hamas until the rockets stopped.");
    assert!(named(&doc, "Hamas").is_none(), "{:?}", doc.places.places);
}

#[test]
fn a_long_official_name_with_a_possessive_matches_whole() {
    let doc = tag("The Ministry of Health of the People's Republic of China ordered every case reported.");
    let p = doc.places.places.iter().find(|p| p.span.of(doc.text()).contains("Republic of China")).expect("a place");
    assert_eq!((p.span.of(doc.text()), p.country.as_deref()), ("People's Republic of China", Some("CN")));
}

#[test]
fn a_disease_named_after_a_place_is_not_a_place() {
    let doc = tag("Doctors in Uganda confirmed a case of Marburg virus on Tuesday.");
    assert!(named(&doc, "Marburg").is_none(), "{:?}", doc.places.places);
    assert!(named(&doc, "Uganda").is_some());
}

#[test]
fn dotted_state_abbreviations_in_datelines() {
    let doc = tag("Hotel project on, owners say. CHARLESTON, W.Va. -- Officials at the racetrack said on Monday the hotel will open.");
    assert_eq!(named(&doc, "CHARLESTON").and_then(|p| p.admin1.clone()).as_deref(), Some("West Virginia"));
    let doc = tag("COLUMBUS, Ga. -- The mayor opened the new bridge on Monday.");
    assert_eq!(named(&doc, "COLUMBUS").and_then(|p| p.admin1.clone()).as_deref(), Some("Georgia"));
}

#[test]
fn a_demonym_several_countries_share_is_the_most_populous_ones() {
    // GeoNames gives "French" to France and its overseas territories, "Chinese" to China,
    // Hong Kong and Macau: the capital is the big country's.
    let doc = tag("Shells hit the Chinese capital, the French capital and the Dutch capital on Friday.");
    let names: Vec<&str> = doc.places.places.iter().map(|p| &*p.name).collect();
    assert_eq!(names, ["Beijing", "Paris", "Amsterdam"], "{:?}", doc.places.places);
}
