//! Forms the TimeML annotation guidelines decide, checked on sentences written for
//! these tests: times inside names are not marked, frequencies are SETs, named days are
//! dates. Reports are dated Friday 2022-02-25 unless stated.

mod common;

use common::{tag, tag_on};
use sitrep_core::TimexType;

fn words(text: &str) -> Vec<String> {
    tag(text).into_iter().map(|t| t.0).collect()
}

fn triple(w: &str, k: TimexType, v: &str) -> (String, TimexType, String) {
    (w.to_string(), k, v.to_string())
}

#[test]
fn newspapers_and_programmes_named_after_days_are_not_times() {
    assert!(words("The Sunday Times printed the leaked memo.").is_empty());
    assert!(words("An editor at the Sunday Telegraph resigned.").is_empty());
    assert!(words("The claim first appeared in the Mail on Sunday.").is_empty());
    assert!(words("She wrote a column for USA Today about the strike.").is_empty());
    assert!(words("The minister was interviewed on the Today programme.").is_empty());
    assert!(words("A reporter for the Daily Telegraph saw the convoy.").is_empty());
    assert!(words("The New York Daily News ran the photograph.").is_empty());
    assert!(words("Members of Peace Now marched to the square.").is_empty());
    assert!(words("Both sides still cite the Good Friday Agreement.").is_empty());
}

#[test]
fn the_same_words_outside_names_are_times() {
    assert_eq!(words("The mayor spoke on Sunday about the memo."), ["Sunday"]);
    assert_eq!(words("Crowds gathered for Sunday Mass in the square."), ["Sunday"]);
    assert_eq!(words("Talks resume Today in the capital, officials said."), ["Today"]);
    assert_eq!(words("Today, the talks resumed."), ["Today"]);
    assert_eq!(words("The paper is printed daily and sold at kiosks."), ["daily"]);
}

#[test]
fn months_as_first_names_are_not_times() {
    assert!(words("June Okafor chaired the meeting.").is_empty());
    assert!(words("April Lindqvist wrote the report.").is_empty());
    assert_eq!(words("In June Parliament voted on the bill."), ["June"]);
}

#[test]
fn a_fall_or_spring_that_is_a_noun_is_not_a_season() {
    assert!(words("The fall of the old regime surprised the diplomats.").is_empty());
    assert!(words("Farmers blamed the fall in grain prices.").is_empty());
    assert_eq!(tag("The bridge will reopen in the fall."), [triple("the fall", TimexType::Date, "2022-FA")]);
    assert_eq!(words("The spring of 2019 was wet."), ["The spring of 2019"]);
}

#[test]
fn frequencies_are_sets_with_their_period() {
    assert_eq!(tag("Patients take the pill twice a day."), [triple("twice a day", TimexType::Set, "P1D")]);
    assert_eq!(tag("The council sits three times a year."), [triple("three times a year", TimexType::Set, "P1Y")]);
    assert_eq!(tag("The inspector visits once a month."), [triple("once a month", TimexType::Set, "P1M")]);
    assert_eq!(tag("Refuse is collected every other week."), [triple("every other week", TimexType::Set, "P2W")]);
    assert_eq!(tag("The hotline takes 400 calls a day."), [triple("a day", TimexType::Set, "P1D")]);
    assert_eq!(tag("The office fields hundreds of requests a week."), [triple("a week", TimexType::Set, "P1W")]);
    assert_eq!(tag("Staff meet at a bi-weekly briefing."), [triple("bi-weekly", TimexType::Set, "P2W")]);
}

#[test]
fn lengths_and_prices_per_period_stay_as_they_were() {
    // A verb before "a week" makes it a length of time, not a period.
    assert_eq!(tag("The repair takes a week."), [triple("a week", TimexType::Duration, "P1W")]);
    // A price per period is not marked.
    assert!(words("The licence costs $40 a year.").is_empty());
    // "a day later" moves the story on.
    assert_eq!(tag_on("The ship sank on May 3. Two rafts were found a day later.", jiff::civil::date(2022, 5, 10))[1].2, "2022-05-04");
}

#[test]
fn adjectives_of_length_are_read_from_the_unit() {
    assert_eq!(tag("A decade-long dispute ended."), [triple("decade-long", TimexType::Duration, "P10Y")]);
}

#[test]
fn dusk_and_sunset_are_points_of_the_evening() {
    assert_eq!(tag("Shelling stopped at dusk."), [triple("dusk", TimexType::Time, "2022-02-25TEV")]);
    assert_eq!(tag("The curfew began at sunset Thursday."), [triple("sunset Thursday", TimexType::Time, "2022-02-24TEV")]);
}

#[test]
fn named_days_are_dates() {
    let d = jiff::civil::date(1998, 10, 26);
    assert_eq!(tag_on("Voters will choose a governor on Election Day.", d), [triple("Election Day", TimexType::Date, "1998-11-03")]);
    assert_eq!(tag_on("The shop was robbed on Christmas Eve.", jiff::civil::date(1999, 1, 5)), [triple("Christmas Eve", TimexType::Date, "1998-12-24")]);
    assert_eq!(tag_on("Fireworks lit the harbour on New Year's Eve.", jiff::civil::date(1999, 1, 5)), [triple("New Year's Eve", TimexType::Date, "1998-12-31")]);
    assert_eq!(tag_on("The strike ended before Labor Day.", d), [triple("Labor Day", TimexType::Date, "1998-09-07")]);
    assert_eq!(tag_on("Pilgrims arrived at Easter.", d), [triple("Easter", TimexType::Date, "1998-04-12")]);
    // Ordinary words and names that begin like a named day.
    assert!(tag_on("Election officials counted the ballots.", d).is_empty());
    assert!(tag_on("Memorial services were held in the town.", d).is_empty());
    assert!(tag_on("The ship sailed to Easter Island.", d).is_empty());
    assert!(tag_on("Crowds marked the Lunar New Year.", d).is_empty());
}

#[test]
fn the_prior_year_period_is_the_year_before() {
    let d = jiff::civil::date(1989, 11, 2);
    let t = tag_on("Profit rose in the third quarter. Sales were flat against the prior-year quarter.", d);
    assert_eq!(t[1], triple("the prior-year quarter", TimexType::Date, "1988-Q3"));
}

#[test]
fn money_and_distance_per_period_are_rates() {
    assert!(words("Pickers earn 150 pesos a day in the valley.").is_empty());
    assert!(words("The average driver covers 12,000 miles a year.").is_empty());
    assert_eq!(words("Inspectors visited Glasgow on Sunday."), ["Sunday"]);
    assert_eq!(words("The minister was in Scotland on Sunday for talks."), ["Sunday"]);
}

#[test]
fn decimal_halves_and_the_end_of_the_decade() {
    assert_eq!(tag("The upgrade will take 1.5 years."), [triple("1.5 years", TimexType::Duration, "P1Y6M")]);
    assert_eq!(tag("The road should be finished by the end of the decade."), [triple("the end of the decade", TimexType::Date, "202")]);
    // A decimal before a non-unit is still no time.
    assert!(tag("Inflation rose 2.5 percent.").is_empty());
}

#[test]
fn the_day_named_after_the_2001_attacks_is_in_2001() {
    let d = jiff::civil::date(2016, 4, 14);
    assert_eq!(tag_on("Clinton noted the Sept. 11 attacks in her speech.", d), [triple("Sept. 11", TimexType::Date, "2001-09-11")]);
    assert_eq!(tag_on("The 11 September hijackers trained in Florida.", d), [triple("11 September", TimexType::Date, "2001-09-11")]);
    // Any other 11 September is the report's nearest.
    assert_eq!(tag_on("The vote is set for Sept. 11, officials said.", d), [triple("Sept. 11", TimexType::Date, "2016-09-11")]);
}
