//! Hand-written sentences (invented for these tests) for every form the time layer
//! reads, normalised against a report dated Friday 2022-02-25 unless stated.

mod common;

use common::{tag, tag_on};
use sitrep_core::{Doc, Meta, Stage, TimexType};
use sitrep_time::{Anchor, TimeTagger};

/// The values found, in order.
fn values(text: &str) -> Vec<String> {
    tag(text).into_iter().map(|t| t.2).collect()
}

fn one(text: &str) -> (String, TimexType, String) {
    let all = tag(text);
    assert_eq!(all.len(), 1, "expected one expression in {text:?}, found {all:?}");
    all.into_iter().next().unwrap()
}

#[test]
fn explicit_dates_in_news_forms() {
    assert_eq!(values("The convoy left on Feb. 24 and returned."), ["2022-02-24"]);
    assert_eq!(values("The accord was signed on 24 February 2022 in the capital."), ["2022-02-24"]);
    assert_eq!(values("A ceasefire began 2/24/22 at the border."), ["2022-02-24"]);
    assert_eq!(values("The filing is dated 2022-02-24."), ["2022-02-24"]);
    assert_eq!(values("Crews worked through February 24th without rest."), ["2022-02-24"]);
    assert_eq!(values("The summit was held Jan. 6, 2021, in the north."), ["2021-01-06"]);
    assert_eq!(values("He was born on 3 March 1961."), ["1961-03-03"]);
    assert_eq!(values("The census of Friday, Oct. 23, 1998 was cited."), ["1998-10-23"]);
}

#[test]
fn day_ranges_keep_their_end() {
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 2, 25)), "Talks ran Feb 24-25 in the city.");
    sitrep_text::Segmenter::new().annotate(&mut doc);
    TimeTagger::new().annotate(&mut doc);
    let t = &doc.time.times[0];
    assert_eq!(t.span.of(doc.text()), "Feb 24-25");
    assert_eq!(t.value, "2022-02-24");
    assert_eq!(t.detail.end.as_deref(), Some("2022-02-25"));
}

#[test]
fn ranges_between_two_expressions() {
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 2, 25)), "Drills will run from Monday to Wednesday.");
    sitrep_text::Segmenter::new().annotate(&mut doc);
    TimeTagger::new().annotate(&mut doc);
    let v: Vec<&str> = doc.time.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["2022-02-28", "2022-03-02"]);
    assert_eq!(doc.time.times[0].detail.end.as_deref(), Some("2022-03-02"));
}

#[test]
fn years_months_decades_centuries() {
    assert_eq!(values("Output fell in 2019 and again in 2020."), ["2019", "2020"]);
    assert_eq!(values("Prices peaked in March 2021."), ["2021-03"]);
    assert_eq!(values("The plant opened in the 1990s."), ["199"]);
    assert_eq!(values("The fort dates from the 18th century."), ["17"]);
    assert_eq!(values("The treaty lapsed in the summer of 2014."), ["2014-SU"]);
    assert_eq!(values("Earnings rose in the first quarter of 2021."), ["2021-Q1"]);
    assert_eq!(values("Sales fell in the third quarter."), ["2021-Q3"]);
    assert_eq!(values("Revenue in fiscal 2020 was flat."), ["2020"]);
    // A count of troops is not a year.
    assert!(values("They sent 2000 troops north.").is_empty());
}

#[test]
fn weekdays_follow_tense_and_the_report_day() {
    // The report is dated Friday 2022-02-25.
    assert_eq!(one("Rebels attacked the depot on Friday.").2, "2022-02-25");
    assert_eq!(one("Rebels attacked the depot on Tuesday.").2, "2022-02-22");
    assert_eq!(one("The envoy will arrive on Tuesday.").2, "2022-03-01");
    assert_eq!(one("The vote was scheduled to begin on Saturday.").2, "2022-02-26");
    assert_eq!(one("Shelling resumed Thursday night.").2, "2022-02-24TNI");
    assert_eq!(one("Shelling resumed Thursday night.").1, TimexType::Time);
    assert_eq!(one("The mayor spoke last Friday.").2, "2022-02-18");
    assert_eq!(one("The mayor speaks next Monday.").2, "2022-02-28");
}

#[test]
fn parts_of_day() {
    assert_eq!(one("Sirens sounded before dawn.").2, "2022-02-25TMO");
    assert_eq!(one("Sirens sounded this morning.").2, "2022-02-25TMO");
    assert_eq!(one("Sirens sounded last night.").2, "2022-02-24TNI");
    assert_eq!(one("Sirens sounded yesterday afternoon.").2, "2022-02-24TAF");
    assert_eq!(one("The curfew starts tonight.").2, "2022-02-25TNI");
    // "overnight": the night before the report, or before the day the story is at.
    assert_eq!(one("Shares fell after overnight losses in New York.").2, "2022-02-24TNI");
    assert_eq!(values("Shares closed lower Tuesday after overnight losses in New York."), ["2022-02-22", "2022-02-21TNI"]);
}

#[test]
fn clock_times_with_zones() {
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 2, 25)), "The council will meet at 1.30am IST on Saturday.");
    sitrep_text::Segmenter::new().annotate(&mut doc);
    TimeTagger::new().annotate(&mut doc);
    let t = &doc.time.times[0];
    assert_eq!(t.span.of(doc.text()), "1.30am IST on Saturday");
    assert_eq!(t.value, "2022-02-26T01:30+05:30");
    assert_eq!(t.detail.utc.as_deref(), Some("2022-02-25T20:00Z"));

    assert_eq!(one("The strike began at 4 p.m. GMT on Thursday.").2, "2022-02-24T16:00Z");
    assert_eq!(one("Polls close at 9pm EST tomorrow.").2, "2022-02-26T21:00-05:00");
    assert_eq!(one("The column moved at 5 a.m. Kyiv time.").2, "2022-02-25T05:00+02:00");
    assert_eq!(one("The column moved at 5 a.m. Moscow time.").2, "2022-02-25T05:00+03:00");
    assert_eq!(one("Talks resume at 10:30 CET.").2, "2022-02-25T10:30+01:00");
    // Kyiv time follows daylight saving time.
    assert_eq!(tag_on("The column moved at 5 a.m. Kyiv time.", jiff::civil::date(2022, 7, 1))[0].2, "2022-07-01T05:00+03:00");
}

#[test]
fn ist_follows_the_reports_country() {
    let v = values("Dublin talks open at 9am IST. Irish ministers and Irish unions attend.");
    assert_eq!(v, ["2022-02-25T09:00Z"]); // Irish Standard Time is GMT in winter
    let v = values("Delegates from India meet at 9am IST.");
    assert_eq!(v, ["2022-02-25T09:00+05:30"]);
}

#[test]
fn relative_expressions() {
    assert_eq!(values("The bridge fell two days ago."), ["2022-02-23"]);
    assert_eq!(values("Fighting eased last week."), ["2022-W07"]);
    assert_eq!(values("Fighting eased earlier this month."), ["2022-02"]);
    assert_eq!(values("Elections are due next year."), ["2023"]);
    assert_eq!(values("Protests began yesterday and continue today."), ["2022-02-24", "2022-02-25"]);
    assert_eq!(values("Aid arrives tomorrow."), ["2022-02-26"]);
    assert_eq!(values("Output rose last year."), ["2021"]);
    assert_eq!(values("Talks resumed last month."), ["2022-01"]);
}

#[test]
fn the_narrative_moves_the_reference_time() {
    assert_eq!(values("On March 3, 2021 the siege began. Two days later the town fell."), ["2021-03-03", "2021-03-05"]);
    assert_eq!(values("The dam broke on Jan. 10, 2020. The day before, rain fell."), ["2020-01-10", "2020-01-09"]);
    // A day counted from the reference time is where the story has moved.
    assert_eq!(
        values("Troops took the village on March 3, 2021. Two days later they lost it. The next day they took it back."),
        ["2021-03-03", "2021-03-05", "2021-03-06"]
    );
    // Looking back from it does not: two comparisons with the day before are both with
    // the same day.
    assert_eq!(
        values("Oil rose on Friday, to $42 from $41 the day before. Gasoline rose to $1.32 from $1.31 the day before."),
        ["2022-02-25", "2022-02-24", "2022-02-24"]
    );
}

#[test]
fn durations() {
    assert_eq!(one("He denied it for weeks.").1, TimexType::Duration);
    assert_eq!(one("He denied it for weeks.").2, "PXW");
    assert_eq!(one("The siege lasted three years.").2, "P3Y");
    assert_eq!(one("The road was shut for 48 hours.").2, "PT48H");
    assert_eq!(one("A 10-day truce held.").2, "P10D");
    assert_eq!(one("Prices rose over the past two months.").2, "P2M");
    assert_eq!(one("The march took two and a half hours.").2, "PT2H30M");
    assert!(values("A 6-year-old girl was hurt.").is_empty(), "ages are not times");
}

#[test]
fn sets() {
    let t = one("Convoys leave every Friday.");
    assert_eq!((t.1, t.2.as_str()), (TimexType::Set, "XXXX-WXX-5"));
    let t = one("Patrols run daily.");
    assert_eq!((t.1, t.2.as_str()), (TimexType::Set, "P1D"));
    assert!(values("The daily newspaper closed.").is_empty(), "an adjective before a noun is not a time");
}

#[test]
fn vague_references() {
    assert_eq!(one("The army now controls the road.").2, "PRESENT_REF");
    assert_eq!(one("The army currently holds the road.").2, "PRESENT_REF");
    assert_eq!(one("Reinforcements will come soon.").2, "FUTURE_REF");
    assert_eq!(one("Officials said talks will resume in a few days.").2, "FUTURE_REF");
    assert_eq!(one("Shops reopened recently.").2, "PAST_REF");
    // TimeBank dates "recent years" as somewhere in the past (4 of its 5 in the tuning
    // documents), not as a stretch of unknown length.
    assert_eq!(one("Tensions grew in recent years.").2, "PAST_REF");
}

#[test]
fn quarters_seasons_halves() {
    assert_eq!(values("Growth slowed in the first half of 2021."), ["2021-H1"]);
    assert_eq!(values("Exports fell last summer."), ["2021-SU"]);
    assert_eq!(values("Results for Q4 2021 were weak."), ["2021-Q4"]);
}

#[test]
fn no_anchor_means_no_guess() {
    let text = "Talks resume tomorrow and ended last week.";
    let layer = sitrep_text::Segmenter::new().segment(text);
    let times = TimeTagger::new().tag(text, &layer, None);
    assert_eq!(times.len(), 2);
    for t in &times {
        assert!(t.value.contains('X'), "{} must not be a guessed date", t.value);
        assert_eq!(t.detail.unanchored, Some(true));
    }
    let dated = TimeTagger::new().tag(text, &layer, Some(&Anchor::new(jiff::civil::date(2022, 2, 25))));
    assert_eq!(dated[0].value, "2022-02-26");
}

#[test]
fn bad_dates_are_not_output() {
    assert!(values("Troops left on February 30 at dawn.").iter().all(|v| !v.starts_with("2022-02-30")));
    assert!(values("The tablet is from 0000-02-24.").is_empty());
    assert!(values("A value of 99999 was logged.").is_empty());
    assert!(values("").is_empty());
    let long = "x".repeat(10_000);
    assert!(values(&format!("On Friday {long} troops left.")).len() == 1);
    let digits = "9".repeat(10_000);
    let v = values(&format!("On {digits} days ago troops left."));
    assert!(v.iter().all(|v| !v.is_empty()));
}

#[test]
fn syntax_tags_decide_tense_when_present() {
    use sitrep_core::{SyntaxLayer, TokenSyntax};
    let text = "Officials meet Tuesday.";
    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 2, 25)), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    let mut syntax = SyntaxLayer::default();
    for (i, _) in doc.text_layer.tokens.iter().enumerate() {
        let xpos = if i == 1 { "MD" } else { "NN" };
        syntax.push(TokenSyntax { upos: "X", xpos, lemma: (0, 0), head: None, deprel: "dep" }, "");
    }
    // Pretend "meet" is tagged as a modal "will": the tagger must read the tags.
    let tokens = doc.text_layer.tokens.clone();
    let meet = tokens[1].span.of(text).to_string();
    assert_eq!(meet, "meet");
    doc.syntax = syntax;
    TimeTagger::new().annotate(&mut doc);
    // "meet" is not "will", so the MD tag alone does not make it future: past by default.
    assert_eq!(doc.time.times[0].value, "2022-02-22");
}

#[test]
fn results_compared_with_the_period_reported() {
    let d = jiff::civil::date(1989, 10, 26);
    let v = |t: &str| tag_on(t, d).into_iter().map(|x| x.2).collect::<Vec<_>>();
    // "a year earlier" keeps the quarter under discussion; a comparison ("a year ago",
    // "last year") or a forecast does not become that period.
    assert_eq!(v("Third-quarter net rose to $5 million from $3 million a year earlier."), ["1989-Q3", "1988-Q3"]);
    assert_eq!(
        v("Third-quarter sales fell from a year ago. Costs rose from a year ago. The third quarter of 1990 looks weak. In the year-ago period, it earned $4."),
        ["1989-Q3", "1988-Q3", "1988-Q3", "1990-Q3", "1988-Q3"]
    );
    // A written date named last is the base, at its own granularity.
    assert_eq!(v("In the six months ended Aug. 12, net fell from a year earlier."), ["P6M", "1989-08-12", "1988-08-12"]);
    assert_eq!(v("The latest period includes a gain. Sales rose in the third quarter."), ["1989-Q3", "1989-Q3"]);
    // The period compared with, a year back: one expression, that quarter a year before.
    let spans = |t: &str| tag_on(t, d).into_iter().map(|x| (x.0, x.2)).collect::<Vec<_>>();
    assert_eq!(
        spans("Third-quarter net fell from the corresponding period last year. Sales for last year's quarter fell. For the quarter a year ago, it earned $4. Costs rose from the same period a year earlier."),
        [
            ("Third-quarter".to_string(), "1989-Q3".to_string()),
            ("the corresponding period last year".to_string(), "1988-Q3".to_string()),
            ("last year's quarter".to_string(), "1988-Q3".to_string()),
            ("the quarter a year ago".to_string(), "1988-Q3".to_string()),
            ("the same period a year earlier".to_string(), "1988-Q3".to_string()),
        ]
    );
    assert_eq!(v("Revenue for the year ended March 31 was $76 million."), ["P1Y", "1989-03-31"]);
    assert_eq!(v("Earnings in next year's first quarter and this year's second half will rise."), ["1990-Q1", "1989-H2"]);
    assert_eq!(v("Earnings fell in the last half of 1989."), ["1989-H2"]);
    assert_eq!(v("It expects to close the deal by year-end."), ["1989-12-31"]);
    assert_eq!(v("The change is since year-end."), ["1988-12-31"]);
}

#[test]
fn spoken_and_embedded_years() {
    let d = jiff::civil::date(1998, 3, 3);
    let v = |t: &str| tag_on(t, d).into_iter().map(|x| x.2).collect::<Vec<_>>();
    assert_eq!(v("The plan for the year two thousand was dropped."), ["2000"]);
    assert_eq!(v("It was colder in the winter of nineteen ninety-four."), ["1994-WI"]);
    assert_eq!(v("Prices fell in January nineteen ninety-seven."), ["1997-01"]);
    assert_eq!(v("He lost his 1996 campaign and the company's 1989 results were weak."), ["1996", "1989"]);
    assert!(v("They sent 1950 troops and more than a quarter of the force.").is_empty());
    assert!(v("About three-quarters of the vote was counted.").is_empty());
}

#[test]
fn weeks_ago_are_days_and_quotes_keep_their_tense() {
    let d = jiff::civil::date(1991, 2, 25);
    let v = |t: &str| tag_on(t, d).into_iter().map(|x| x.2).collect::<Vec<_>>();
    assert_eq!(v("Then, a week or so ago, the general spoke."), ["1991-02-18"]);
    assert_eq!(v("Two weeks ago the talks broke down."), ["1991-02-11"]);
    // Monday 1989-10-30: the "will" inside the quotation is not the report's tense.
    let d = jiff::civil::date(1989, 10, 30);
    let v = |t: &str| tag_on(t, d).into_iter().map(|x| x.2).collect::<Vec<_>>();
    assert_eq!(v("Markets fell. \"We will focus on our own business,\" Mr. Smith said Friday."), ["1989-10-27"]);
    // A plan that is over ("had been due") and a record "set on" a day look back.
    assert_eq!(v("The offer had been due to expire Friday evening."), ["1989-10-27TEV"]);
    assert_eq!(v("The talks are set for Friday."), ["1989-11-03"]);
    let d = jiff::civil::date(1998, 2, 6);
    assert_eq!(tag_on("The index is near its record high set on Aug. 6.", d)[0].2, "1997-08-06");
}

#[test]
fn rates_ages_and_verbs_are_not_times() {
    // A rate after an amount, an age, "fall" and "spring" as verbs, "soon after" an event.
    assert!(values("The stock pays $1.76 a year and 358,000 a month; guards stand 24 hours a day.").iter().all(|v| v != "P1Y" && v != "P1M" && v != "P1D"));
    assert!(values("Mr. Reupke, 52 years old, resigned.").is_empty(), "ages are not times");
    assert!(values("Prices are set to fall further and the group began to fall apart.").is_empty());
    assert!(values("He was killed soon after being captured.").is_empty());
    assert!(values("It matters for the future of our peoples.").is_empty());
    assert!(values("The Dow closed at 2600 on the day.").is_empty(), "an index level is not a year");
    // But a rate with a noun before it is still found, and "a year earlier" is a time.
    assert_eq!(values("Profit rose to $5 million from $4 million a year earlier."), ["2021"]);
}

#[test]
fn adjectives_amounts_and_spoken_dates() {
    let t = one("Castro spoke at the daily rally.");
    assert_eq!((t.0.as_str(), t.1, t.2.as_str()), ("daily", TimexType::Set, "P1D"));
    assert_eq!(one("He gave his weekly radio address.").2, "P1W");
    assert!(values("The quarterly dividend was raised.").is_empty(), "a quarterly dividend is not a time");
    assert_eq!(one("Troops may stay for at least 20 more years.").2, "P20Y");
    assert_eq!(one("The loan may be extended for an additional year.").2, "P1Y");
    assert_eq!(one("They left after a day-long meeting.").2, "P1D");
    assert_eq!(values("The summit is on April 24 and 25."), ["2022-04-24", "2022-04-25"]);
    assert_eq!(values("It happened on January eighth and on the twenty-first of January."), ["2022-01-08", "2022-01-21"]);
    assert_eq!(values("Women's Day is this coming Sunday, March eighth."), ["2022-03-08"]);
    assert_eq!(values("The plan is due in two thousand and five."), ["2005"]);
    assert_eq!(values("Shares fell in the first half of the year."), ["2022-H1"]);
    let t = one("By mid afternoon the shelling stopped.");
    assert_eq!((t.1, t.2.as_str()), (TimexType::Time, "2022-02-25TAF"));
    assert_eq!(one("Shares were up at mid-afternoon yesterday.").2, "2022-02-24TAF");
    assert_eq!(one("Growth will slow in coming months.").2, "FUTURE_REF");
    assert_eq!(one("Islam will one day be the second religion.").2, "FUTURE_REF");
    assert_eq!(one("The car was seen in the weeks before the shooting.").2, "PXW");
    assert_eq!(one("Prices rose over the years.").2, "PXY");
}

#[test]
fn the_year_and_the_quarter_are_the_period_reported() {
    // Monday 1989-10-30: a forecast year named last does not become "the year"; a day of
    // the quarter still running does not become "the latest period".
    let d = jiff::civil::date(1989, 10, 30);
    let v = |t: &str| tag_on(t, d).into_iter().map(|x| x.2).collect::<Vec<_>>();
    assert_eq!(v("The notes mature in 1992. Profit will rise for the full year."), ["1992", "1989"]);
    assert_eq!(v("Reed said yesterday that profit fell in the latest period."), ["1989-10-29", "1989-Q3"]);
}

#[test]
fn discourse_now_rates_and_titles_are_not_times() {
    // "Now," opening a sentence moves the story on; "now" inside it is the present.
    assert!(values("Now, the ministers say the road will stay shut.").is_empty());
    assert!(values("\"Now, we wait,\" the mayor said.").is_empty());
    assert_eq!(one("The road is now shut.").2, "PRESENT_REF");
    assert_eq!(one("Now the road is shut.").2, "PRESENT_REF");
    // "today's world", "the people of tomorrow": the present (future) age, not a day;
    // "today's vote" is the day's.
    assert!(values("The case matters for today's youth.").is_empty());
    assert!(values("He would have chosen the people of tomorrow.").is_empty());
    assert_eq!(one("Today's vote is close.").2, "2022-02-25");
    // A rate after a percentage, like "$5 a year", names no time; the adverb alone does.
    assert!(values("Exports grew 8% annually.").is_empty());
    assert!(values("Exports grew 8 percent annually.").is_empty());
    // An amount of money or measure per year is a rate too, as "$5 a year" is.
    assert!(values("The cut saves $17.9 million annually.").is_empty());
    assert!(values("The plant would make 10,000 units annually.").is_empty());
    assert_eq!(one("It has doubled its profits annually.").2, "P1Y");
    assert_eq!(one("The fair is held annually in the town.").2, "P1Y");
    // Times inside titles and "quarter-to-quarter" comparisons.
    assert_eq!(values("The envoy spoke on the \"This Week\" programme on Sunday."), ["2022-02-20"]);
    assert!(values("She was interviewed on \"60 Minutes\" about the case.").is_empty());
    assert!(values("They watched High Noon at the club.").is_empty());
    assert!(values("The quarter-to-quarter change was small.").is_empty());
    // A capital at the start of a sentence is not a title.
    assert_eq!(one("This week the council met.").2, "2022-W08");
}

#[test]
fn recent_years_later_and_counted_days() {
    let t = one("Fighting has spread in recent years.");
    assert_eq!((t.0.as_str(), t.1, t.2.as_str()), ("recent years", TimexType::Date, "PAST_REF"));
    assert_eq!(one("Fighting has spread in recent months.").2, "PXM");
    // With no whole number of units, "later" is a signal outside the expression, as
    // "after" is, and the amount a duration (not FUTURE_REF: it is later than the story's
    // time, not the report's).
    let t = one("The dam broke. Hours later, the town flooded.");
    assert_eq!((t.0.as_str(), t.1, t.2.as_str()), ("Hours", TimexType::Duration, "PTXH"));
    let t = one("The plant closed and reopened a minute and a half later.");
    assert_eq!((t.0.as_str(), t.2.as_str()), ("a minute and a half", "PT1M30S"));
    // "a year earlier" keeps its place on the calendar.
    assert_eq!(values("Profit rose to $5 million from $4 million a year earlier."), ["2021"]);
    // An ordinal day or week of an event is the day (week) the report stands at.
    let t = one("The blockade entered its eighth day.");
    assert_eq!((t.0.as_str(), t.1, t.2.as_str()), ("eighth day", TimexType::Date, "2022-02-25"));
    assert_eq!(one("It is the second week of the strike.").2, "2022-W08");
    assert_eq!(one("Talks failed in the third day-long session.").0, "day-long", "a compound is not a counted day");
    assert_eq!(values("The vote is set for the first week of March."), ["2022-03"]);
}

#[test]
fn fiscal_years_and_coarse_references() {
    let t = one("Last fiscal year, the firm earned $3 million.");
    assert_eq!((t.0.as_str(), t.2.as_str()), ("Last fiscal year", "2021"));
    assert_eq!(one("Sales will grow in the current fiscal year.").0, "the current fiscal year");
    // "a fiscal year" is a kind of year, not one.
    assert!(values("The firm changed from a fiscal year to a calendar year.").is_empty());
    assert_eq!(one("Sales will grow next fiscal year.").2, "2023");
    // A year under discussion has no quarter: "the year-earlier quarter" is the last
    // quarter reported a year before, not an unknown one.
    assert_eq!(values("Output rose in 2021. Sales in the year-earlier quarter were flat."), ["2021", "2020-Q4"]);
    // A year cannot be moved by a month: "the month before" is then the report's.
    assert_eq!(values("Output rose in 2021. Sales were flat the month before."), ["2021", "2022-01"]);
}

#[test]
fn an_extent_reaching_back_stops_at_the_expression_before() {
    // "25 times per month" would open at "25", inside "Feb. 24-25".
    let all = tag("Drills ran Feb. 24-25 times per month.");
    assert_eq!(all[0].0, "Feb. 24-25");
    assert_eq!((all[1].0.as_str(), all[1].2.as_str()), ("times per month", "P1M"));
}
