//! Names of three letters: a city said to be where ("in Ufa", "near the town of Gao") is a
//! place; the same letters as a person's name or after no word of place are not.

mod common;

use common::{named, tag};

#[test]
fn a_city_of_three_letters_after_a_word_of_place_is_found() {
    let doc = tag("Drones struck an oil refinery in Ufa overnight.");
    assert_eq!(named(&doc, "Ufa").and_then(|p| p.country.as_deref()), Some("RU"), "{:?}", doc.places.places);
    let doc = tag("Soldiers patrolled near the town of Gao on Monday.");
    assert_eq!(named(&doc, "Gao").and_then(|p| p.country.as_deref()), Some("ML"), "{:?}", doc.places.places);
}

#[test]
fn three_letters_without_a_word_of_place_are_no_place() {
    let doc = tag("Ban Ki-moon met Lee on Friday.");
    assert!(doc.places.places.is_empty(), "{:?}", doc.places.places);
}

#[test]
fn a_korea_abbreviated_by_its_point_of_the_compass_is_that_korea() {
    // Headlines write "N. Korea" and "S. Korea"; "Korea" alone is the South.
    let doc = tag("S. Korea and N. Korea held talks in Panmunjom.");
    let countries: Vec<_> = doc.places.places.iter().filter(|p| p.name.contains("Korea")).map(|p| p.country.as_deref().unwrap_or("")).collect();
    assert_eq!(countries, ["KR", "KP"], "{:?}", doc.places.places);
}
