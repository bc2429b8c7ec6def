//! Recognition rules of issue 5 (LGL and GeoVirus recognition), on sentences written for
//! these tests: parts of hyphenated words (one token; "Port - au - Prince" split by the
//! segmenter is read as before), datelines in capitals, state abbreviations after
//! a party letter or alone, "the province of", "the city of", streets named after places,
//! and the nationality words the scorer can count as countries.

use sitrep_core::{PlacePrecision, Stage};

mod common;

use common::{named, tag};

#[test]
fn a_place_inside_a_hyphenated_word_is_found_alone() {
    let doc = tag("Officials of the Houston-based contractor met in the Atlanta-area office.");
    let p = named(&doc, "Houston").unwrap_or_else(|| panic!("Houston: {:?}", doc.places.places));
    assert_eq!(p.admin1.as_deref(), Some("Texas"));
    assert!(named(&doc, "Atlanta").is_some(), "{:?}", doc.places.places);
}

#[test]
fn a_dateline_in_capitals_after_the_headline_is_a_place() {
    let doc = tag("Council approves the budget. CROMWELL — The council voted on Tuesday.");
    let p = named(&doc, "CROMWELL").unwrap_or_else(|| panic!("CROMWELL: {:?}", doc.places.places));
    assert_eq!(p.country.as_deref(), Some("US"));
    // capitals elsewhere stay acronyms
    let doc = tag("The report was sent to NATO and the WHO on Friday.");
    assert!(doc.places.places.is_empty(), "{:?}", doc.places.places);
}

#[test]
fn state_abbreviations_after_a_party_letter_or_standing_alone() {
    let doc = tag("Rep. Charles Rangel, D-N.Y., spoke first. A Ga. pastor was buried on Saturday.");
    let ny = named(&doc, "N.Y.").unwrap_or_else(|| panic!("N.Y.: {:?}", doc.places.places));
    assert_eq!((ny.precision, ny.name.as_str()), (PlacePrecision::Admin1, "New York"));
    assert_eq!(named(&doc, "Ga.").map(|p| p.name.as_str()), Some("Georgia"));
    // "Miss." is a title, not Mississippi, unless it follows a town
    let doc = tag("Miss. Smith arrived late.");
    assert!(doc.places.places.is_empty(), "{:?}", doc.places.places);
}

#[test]
fn the_province_of_and_the_city_of() {
    let doc = tag("Most cases were in the province of Ontario, officials in Buffalo, New York said.");
    let p = named(&doc, "Ontario").expect("Ontario");
    assert_eq!((p.precision, p.country.as_deref()), (PlacePrecision::Admin1, Some("CA")), "{p:?}");
    let doc = tag("The city of Sao Paulo reported 327 deaths.");
    let p = named(&doc, "Sao Paulo").expect("Sao Paulo");
    assert_eq!(p.precision, PlacePrecision::City, "{p:?}");
}

#[test]
fn a_town_named_after_the_town_of_is_a_place_whatever_the_word() {
    // "Sake" is also a common noun; after "the town of" it is the Congolese town.
    let doc = tag("GOMA, Congo — M23 rebels captured the town of Sake after heavy fighting.");
    let p = named(&doc, "Sake").unwrap_or_else(|| panic!("Sake: {:?}", doc.places.places));
    assert_eq!(p.country.as_deref(), Some("CD"));
    let doc = tag("He did it for the sake of peace in Congo.");
    assert!(named(&doc, "sake").is_none(), "{:?}", doc.places.places);
}

#[test]
fn a_street_named_after_a_place_is_no_place() {
    let doc = tag("Residents of Wichita Street asked the council to rename it.");
    assert!(named(&doc, "Wichita").is_none(), "{:?}", doc.places.places);
}

#[test]
fn a_name_inside_an_organisation_counts_when_the_report_names_the_place() {
    let doc = tag("The Dublin Arts Council gave grants. Groups must be based in Dublin, Ohio.");
    let n = doc.places.places.iter().filter(|p| p.span.of(doc.text()) == "Dublin").count();
    assert_eq!(n, 2, "{:?}", doc.places.places);
}

#[test]
fn nationality_words_are_no_places_but_the_scorer_can_count_them() {
    let doc = tag("Russian troops crossed into Ukraine, American officials said.");
    assert!(named(&doc, "Russian").is_none());
    let tagger = sitrep_geo::PlaceTagger::builtin();
    let mut doc2 = doc.clone();
    tagger.annotate(&mut doc2);
    let d = tagger.demonyms(&doc2);
    let words: Vec<(&str, &str)> = d.iter().map(|(s, e)| (s.of(doc2.text()), tagger.gazetteer().entry(*e).country().unwrap_or(""))).collect();
    assert_eq!(words, [("Russian", "RU"), ("American", "US")]);
}

#[test]
fn geovirus_offsets_counted_from_one_are_read_right() {
    let dir = std::env::temp_dir().join(format!("sitrep-geo-gold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("gv.xml");
    std::fs::write(&path, "<articles><article><text>Cases in Pandi rose.</text><locations><location><name>Pandi</name><start>10</start><end>15</end><lat>14.87</lat><lon>120.95</lon></location></locations></article></articles>").expect("write");
    let gold = sitrep_geo::eval::read_gold(&path).expect("reads");
    let t = &gold[0].toponyms[0];
    assert_eq!((t.start, t.end), (9, 14));
    assert!(!gold[0].counts_demonyms);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn names_with_inner_lower_case_words_and_parts_are_found_among_prose() {
    // Only runs of capitalised words (with "of", "and", "de" and hyphen parts inside)
    // reach the name automaton; names that hold such words must still be whole.
    let doc = tag("Aid flew from Rio de Janeiro to Bosnia and Herzegovina, then on to Stratford-upon-Avon.");
    for name in ["Rio de Janeiro", "Bosnia and Herzegovina", "Stratford-upon-Avon"] {
        assert!(named(&doc, name).is_some(), "{name}: {:?}", doc.places.places);
    }
    let doc = tag("The pro-Russia rebels shelled the town, and lower-case words like reading or nice stay prose.");
    assert!(named(&doc, "Russia").is_some(), "{:?}", doc.places.places);
    assert_eq!(doc.places.places.len(), 1, "{:?}", doc.places.places);
}

#[test]
fn a_name_hyphened_to_a_capitalised_word_is_a_place_only_beside_another() {
    // Two places joined name both ("the Kharkiv-Belgorod road").
    let doc = tag("Traffic on the Kharkiv-Belgorod road stopped after the shelling.");
    assert!(named(&doc, "Kharkiv").is_some() && named(&doc, "Belgorod").is_some(), "{:?}", doc.places.places);
    // A brand named after two places names neither ("Coca-Cola": Coca, Ecuador).
    let doc = tag("Companies including Coca-Cola are taking pains to stay neutral.");
    assert!(doc.places.places.is_empty(), "{:?}", doc.places.places);
}
