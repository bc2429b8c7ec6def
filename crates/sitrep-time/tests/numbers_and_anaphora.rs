//! Numbers that are not years, and "the year" in a clause about the future, on
//! sentences written for these tests. Reports are dated Friday 2022-02-25 unless stated.

mod common;

use common::tag;
use sitrep_core::TimexType;

fn words(text: &str) -> Vec<String> {
    tag(text).into_iter().map(|t| t.0).collect()
}

#[test]
fn a_number_after_a_label_is_a_name_not_a_year() {
    assert!(words("The council adopted Resolution 1441 unanimously.").is_empty());
    assert!(words("Flight 1920 landed safely in the rain.").is_empty());
    assert!(words("Traffic on Route 1917 was diverted.").is_empty());
    assert!(words("The rule is set out in Article 1995 of the code.").is_empty());
    // The same numbers are years after a preposition or on their own.
    assert_eq!(words("The council was founded in 1920."), ["1920"]);
}

#[test]
fn a_number_before_a_measure_is_an_amount() {
    assert!(words("The index rose to 1905 points before the close.").is_empty());
    assert!(words("She won the 1500 meters at the trials.").is_empty());
    assert!(words("About 2000 people marched to the square.").is_empty());
    assert!(words("The tanker spilled 1800 barrels of crude.").is_empty());
    // A year before other nouns stays a year.
    assert_eq!(words("The 1997 model sold well."), ["1997"]);
}

#[test]
fn four_digits_with_a_zone_are_a_clock_time() {
    let t = tag("The talks resumed at 1530 GMT after a break.");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].0, "1530 GMT");
    assert_eq!(t[0].1, TimexType::Time);
    assert_eq!(t[0].2, "2022-02-25T15:30Z");
}

#[test]
fn the_year_ahead_is_not_a_year_long_past() {
    let t = tag("The guild was founded 150 years ago. Its chairman will retire at the end of the year.");
    let values: Vec<&str> = t.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(values, ["1872", "2022"]);
}
