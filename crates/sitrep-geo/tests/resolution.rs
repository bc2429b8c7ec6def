//! Joint resolution and the recognition rules that feed it, on sentences written for
//! these tests (the same preparation as `sitrep eval geo`: segmenter, syntax, entities).

use sitrep_core::{Doc, PlacePrecision};

mod common;

use common::{named, tag};

fn admin1(doc: &Doc, text: &str) -> Option<String> {
    named(doc, text).and_then(|p| p.admin1.clone())
}

fn country(doc: &Doc, text: &str) -> Option<String> {
    named(doc, text).and_then(|p| p.country.clone())
}

#[test]
fn an_unambiguous_division_pulls_an_ambiguous_city() {
    let doc = tag("A woman from Alexandria was charged with arson. Deputies of Rapides Parish investigated the fire.");
    assert_eq!(country(&doc, "Alexandria").as_deref(), Some("US"));
    assert_eq!(admin1(&doc, "Alexandria").as_deref(), Some("Louisiana"));
}

#[test]
fn co_located_names_choose_each_other() {
    let doc = tag("Police in Athens arrested a man on Monday. He was held at the Henderson County jail near Tyler.");
    assert_eq!(admin1(&doc, "Athens").as_deref(), Some("Texas"));
    assert_eq!(named(&doc, "Henderson County").map(|p| p.precision), Some(PlacePrecision::Admin2));
    assert_eq!(admin1(&doc, "Henderson County").as_deref(), Some("Texas"));
}

#[test]
fn one_sense_per_name_in_a_report() {
    let doc = tag("Crews cleared roads in Augusta. Later, Augusta officials met with Richmond County leaders in Georgia.");
    let all: Vec<_> = doc.places.places.iter().filter(|p| p.span.of(doc.text()) == "Augusta").map(|p| p.admin1.clone()).collect();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|a| a.as_deref() == Some("Georgia")), "{all:?}");
}

#[test]
fn ap_state_abbreviations_after_a_city() {
    let doc = tag("The fair opened in Athens, Ga., on Monday and moves to Buffalo, N.Y., next week.");
    assert_eq!(admin1(&doc, "Athens").as_deref(), Some("Georgia"));
    let ga = named(&doc, "Ga.").or_else(|| named(&doc, "Ga")).expect("Ga. is a place");
    assert_eq!((ga.precision, ga.country.as_deref()), (PlacePrecision::Admin1, Some("US")));
    assert_eq!(admin1(&doc, "Buffalo").as_deref(), Some("New York"));
    // not after a city: no place
    let doc = tag("Mass. is celebrated on Sunday.");
    assert!(doc.places.places.is_empty(), "{:?}", doc.places.places);
}

#[test]
fn a_country_holds_the_places_named_in_it() {
    let doc = tag("Mexico reported new cases in Jalisco, Sonora and Oaxaca.");
    assert_eq!(named(&doc, "Mexico").map(|p| p.precision), Some(PlacePrecision::Country));
}

#[test]
fn a_county_opening_an_organisation_name_is_the_county() {
    let doc = tag("The Tarrant County Medical Examiner identified the teen from Arlington.");
    let p = named(&doc, "Tarrant County").expect("Tarrant County");
    assert_eq!((p.precision, p.admin1.as_deref()), (PlacePrecision::Admin2, Some("Texas")));
    assert_eq!(admin1(&doc, "Arlington").as_deref(), Some("Texas"));
}

#[test]
fn a_country_is_not_a_town_of_its_name_unless_the_text_says_so() {
    // China, Texas lies near Beaumont; the report still means the country.
    let doc = tag("At a rally in Beaumont, Tex., the candidate said China was taking American jobs. Officials in Houston and Port Arthur agreed.");
    assert_eq!(country(&doc, "China").as_deref(), Some("CN"), "{:?}", doc.places.places);
    // "China, Texas" and "Lebanon, Pa.," name the towns.
    let doc = tag("The storm flooded China, Texas, and Beaumont on Monday.");
    assert_eq!(admin1(&doc, "China").as_deref(), Some("Texas"), "{:?}", doc.places.places);
    let doc = tag("A man from Lebanon, Pa., was arrested on Monday.");
    assert_eq!(admin1(&doc, "Lebanon").as_deref(), Some("Pennsylvania"), "{:?}", doc.places.places);
}

#[test]
fn sibling_states_count_only_in_their_own_sentence() {
    let doc = tag("The senator won in Iowa and lost in Texas and Florida. On Monday he returned to Washington to vote.");
    assert_eq!(admin1(&doc, "Washington").as_deref(), Some("District of Columbia"), "{:?}", doc.places.places);
    let doc = tag("On Saturday, Alaska, Hawaii and Washington hold caucuses.");
    assert_eq!(named(&doc, "Washington").map(|p| p.precision), Some(PlacePrecision::Admin1), "{:?}", doc.places.places);
}

#[test]
fn a_world_city_is_named_bare_where_towns_are_qualified() {
    // The report qualifies Beaumont with its state and never Paris: Paris is France's.
    let doc = tag("The attacks in Paris shook the race. At a rally in Beaumont, Tex., the candidate spoke of Paris and of Houston.");
    assert_eq!(country(&doc, "Paris").as_deref(), Some("FR"), "{:?}", doc.places.places);
    // Qualified, it is the town.
    let doc = tag("The storm hit Paris, Texas, and Beaumont, Tex., on Monday.");
    assert_eq!(admin1(&doc, "Paris").as_deref(), Some("Texas"), "{:?}", doc.places.places);
}

#[test]
fn gaza_is_the_strip_unless_the_report_is_in_mozambique() {
    let doc = tag("Fighting continued in Gaza on Monday.");
    assert_eq!(country(&doc, "Gaza").as_deref(), Some("PS"));
    let doc = tag("Heavy rains flooded Gaza, Mozambique's southern province.");
    assert_eq!(country(&doc, "Gaza").as_deref(), Some("MZ"));
}

#[test]
fn a_leader_named_by_surname_is_no_town() {
    // Merkel, Texas would pull Paris to Texas.
    let doc = tag("Merkel traveled to Paris on Monday.");
    assert!(named(&doc, "Merkel").is_none());
    assert_eq!(country(&doc, "Paris").as_deref(), Some("FR"));
}

#[test]
fn congo_alone_is_the_democratic_republic() {
    // News writes "Congo" for the Democratic Republic and "Republic of Congo" for the other.
    let doc = tag("Rebels advanced in eastern Congo on Monday.");
    assert_eq!(country(&doc, "Congo").as_deref(), Some("CD"));
    let doc = tag("The Republic of Congo held a presidential election.");
    assert_eq!(country(&doc, "Republic of Congo").as_deref(), Some("CG"), "{:?}", doc.places.places);
}

#[test]
fn a_small_town_known_by_the_name_only_as_an_alternate_stays_below_the_city_it_names() {
    let doc = tag("Orlando shootings temper pride events. Crowds gathered in Chico, Redding and Sacramento to mourn the victims.");
    assert_eq!(admin1(&doc, "Orlando").as_deref(), Some("Florida"));
    assert_eq!(admin1(&doc, "Chico").as_deref(), Some("California"));
}

#[test]
fn a_person_known_by_a_small_towns_name_is_no_place() {
    let doc = tag("After all, Bernie's campaign was a sustained call for change, organisers in Iowa said.");
    assert!(named(&doc, "Bernie").is_none(), "{:?}", doc.places.places);
    assert!(named(&doc, "Iowa").is_some());
}
