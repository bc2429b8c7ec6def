//! A battery of forms that news text uses for times, one sentence each (written for
//! these tests), with the TIMEX3 type, value and `mod` TimeML gives them. The forms were
//! listed from a published rule-based tagger's pattern lists (dates, durations, sets,
//! times, named days, approximations) used only as a checklist; sentences and values are
//! our own. Reports are dated Friday 2022-02-25 unless the row says otherwise.

use sitrep_core::{Doc, Meta, Stage, TimexType};
use sitrep_time::TimeTagger;

/// One expected expression: its words (`""`: not checked), type, value and `mod`
/// (`""`: not checked).
type Want = (&'static str, &'static str, &'static str, &'static str);

/// Report date, sentence, every expression expected in it.
type Row = (&'static str, &'static str, &'static [Want]);

const FRI: &str = "2022-02-25";

const BATTERY: &[Row] = &[
    // Parts of a year, decade, century; modifiers.
    (FRI, "Growth slowed in the first half of 1990.", &[("the first half of 1990", "DATE", "1990-H1", "")]),
    (FRI, "Talks resumed in mid-February.", &[("mid-February", "DATE", "2022-02", "MID")]),
    (FRI, "Prices began to climb late last year.", &[("late last year", "DATE", "2021", "END")]),
    (FRI, "The firm was founded in the early 1990s.", &[("the early 1990s", "DATE", "199", "START")]),
    (FRI, "Music changed in the mid-1990s.", &[("the mid-1990s", "DATE", "199", "MID")]),
    (FRI, "Early 2001 was a hard time for the firm.", &[("Early 2001", "DATE", "2001", "START")]),
    (FRI, "The strike began at the beginning of November 1999.", &[("the beginning of November 1999", "DATE", "1999-11", "START")]),
    (FRI, "Crops failed in the middle of September.", &[("the middle of September", "DATE", "2021-09", "MID")]),
    (FRI, "Shares fell at the beginning of this year.", &[("the beginning of this year", "DATE", "2022", "START")]),
    (FRI, "Unrest grew in the middle of last year.", &[("the middle of last year", "DATE", "2021", "MID")]),
    (FRI, "The plant will close at the start of next year.", &[("the start of next year", "DATE", "2023", "START")]),
    (FRI, "Rents are due at the end of the month.", &[("the end of the month", "DATE", "2022-02", "END")]),
    (FRI, "The ferry capsized in late spring.", &[("late spring", "DATE", "2021-SP", "END")]),
    (FRI, "Inflation was high in the 1970s.", &[("the 1970s", "DATE", "197", "")]),
    (FRI, "Rents soared in the nineties.", &[("the nineties", "DATE", "199", "")]),
    (FRI, "The author, in his late seventies, retired.", &[]),
    (FRI, "Prices were stable in the mid-sixties.", &[("the mid-sixties", "DATE", "196", "MID")]),
    (FRI, "The band was popular in the '80s.", &[("the '80s", "DATE", "198", "")]),
    (FRI, "The church dates from the 20th century.", &[("the 20th century", "DATE", "19", "")]),
    (FRI, "The abbey was built in the seventh century.", &[("the seventh century", "DATE", "06", "")]),
    (FRI, "The museum opened in nineteen ninety-one.", &[("nineteen ninety-one", "DATE", "1991", "")]),
    // Months, seasons, quarters, years.
    (FRI, "Prices peaked in November 2001.", &[("November 2001", "DATE", "2001-11", "")]),
    (FRI, "The law passed in February of 1999.", &[("February of 1999", "DATE", "1999-02", "")]),
    (FRI, "Elections are due in November next year.", &[("November next year", "DATE", "2023-11", "")]),
    (FRI, "Exports fell in May last year.", &[("May last year", "DATE", "2021-05", "")]),
    (FRI, "Floods hit in the winter of 2001.", &[("the winter of 2001", "DATE", "2001-WI", "")]),
    (FRI, "Floods hit in winter 2001.", &[("winter 2001", "DATE", "2001-WI", "")]),
    (FRI, "Sales were weak this past summer.", &[("this past summer", "DATE", "2021-SU", "")]),
    (FRI, "The bridge will reopen this summer.", &[("this summer", "DATE", "2022-SU", "")]),
    (FRI, "The bridge will reopen this November.", &[("this November", "DATE", "2022-11", "")]),
    (FRI, "Exports fell last spring.", &[("last spring", "DATE", "2021-SP", "")]),
    (FRI, "The plant will open in the second quarter of next year.", &[("the second quarter of next year", "DATE", "2023-Q2", "")]),
    (FRI, "Profits rose in the 2001 third quarter.", &[("the 2001 third quarter", "DATE", "2001-Q3", "")]),
    (FRI, "Revenue in fiscal 1991 fell.", &[("fiscal 1991", "DATE", "1991", "")]),
    (FRI, "Sales rose 5% so far this year.", &[("this year", "DATE", "2022", "")]),
    (FRI, "The plant will be finished later this year.", &[("later this year", "DATE", "2022", "")]),
    (FRI, "Fighting flared earlier this week.", &[("earlier this week", "DATE", "2022-W08", "")]),
    (FRI, "The envoy visits next week.", &[("next week", "DATE", "2022-W09", "")]),
    (FRI, "Rates rise next month.", &[("next month", "DATE", "2022-03", "")]),
    (FRI, "Mass migration defined the last century.", &[("the last century", "DATE", "19", "")]),
    (FRI, "Sales will grow in the coming year.", &[("the coming year", "DATE", "2023", "")]),
    // Relative and anaphoric days and weeks.
    (FRI, "The rebels lost the port two years earlier.", &[("two years earlier", "DATE", "2020", "")]),
    (FRI, "A day earlier, the rebels had shelled the airport.", &[("A day earlier", "DATE", "2022-02-24", "")]),
    (FRI, "The previous week, talks collapsed.", &[("The previous week", "DATE", "2022-W07", "")]),
    (FRI, "The tribe left about 20 years ago.", &[("about 20 years ago", "DATE", "2002", "APPROX")]),
    (FRI, "Water ran out a month ago.", &[("a month ago", "DATE", "2022-01", "")]),
    (FRI, "The firm was set up several years ago.", &[("several years ago", "DATE", "PAST_REF", "")]),
    (FRI, "The envoy returns two weeks from now.", &[("two weeks from now", "DATE", "2022-03-11", "")]),
    (FRI, "The ministers met this Monday.", &[("this Monday", "DATE", "2022-02-21", "")]),
    (FRI, "The strike began early Monday.", &[("early Monday", "DATE", "2022-02-21", "START")]),
    (FRI, "The strike ended late Tuesday.", &[("late Tuesday", "DATE", "2022-02-22", "END")]),
    (FRI, "Sunday's vote was close.", &[("Sunday", "DATE", "2022-02-20", "")]),
    (FRI, "Two shops were looted over the weekend.", &[("the weekend", "DATE", "2022-W07-WE", "")]),
    (FRI, "The hospital will be finished by the end of the week.", &[("the end of the week", "DATE", "2022-W08", "END")]),
    // Named days.
    (FRI, "Families gathered on Christmas Eve.", &[("Christmas Eve", "DATE", "2021-12-24", "")]),
    ("2022-11-10", "The law takes effect on New Year's Day.", &[("New Year's Day", "DATE", "2023-01-01", "")]),
    ("2022-07-10", "Fireworks marked the Fourth of July.", &[("Fourth of July", "DATE", "2022-07-04", "")]),
    (FRI, "The family met on Christmas Day.", &[("Christmas Day", "DATE", "2021-12-25", "")]),
    // Durations.
    (FRI, "Output has doubled over the past two decades.", &[("the past two decades", "DURATION", "P20Y", "")]),
    (FRI, "Net income rose in the 12 months ended June 30.", &[("", "DURATION", "P12M", ""), ("June 30", "DATE", "2021-06-30", "")]),
    (FRI, "The talks lasted several days.", &[("several days", "DURATION", "PXD", "")]),
    (FRI, "The dispute has dragged on for more than a decade.", &[("more than a decade", "DURATION", "P10Y", "MORE_THAN")]),
    (FRI, "Rescuers searched for a few hours.", &[("a few hours", "DURATION", "PTXH", "")]),
    (FRI, "He served twenty-five years in prison.", &[("twenty-five years", "DURATION", "P25Y", "")]),
    (FRI, "The repairs took about three weeks.", &[("about three weeks", "DURATION", "P3W", "APPROX")]),
    (FRI, "The mine was shut for nearly a year.", &[("nearly a year", "DURATION", "P1Y", "LESS_THAN")]),
    (FRI, "The feud lasted some 40 years.", &[("some 40 years", "DURATION", "P40Y", "APPROX")]),
    (FRI, "Officials had less than 60 days to act.", &[("less than 60 days", "DURATION", "P60D", "LESS_THAN")]),
    (FRI, "The shooting lasted several minutes.", &[("several minutes", "DURATION", "PTXM", "")]),
    (FRI, "The treaty held for a hundred years.", &[("a hundred years", "DURATION", "P100Y", "")]),
    (FRI, "Rainfall has dropped over the last twenty years.", &[("the last twenty years", "DURATION", "P20Y", "")]),
    (FRI, "A result is expected in the next 20 minutes.", &[("the next 20 minutes", "DURATION", "PT20M", "")]),
    (FRI, "The family ran the shop for half a century.", &[("half a century", "DURATION", "P50Y", "")]),
    (FRI, "The meeting lasted an hour and a half.", &[("an hour and a half", "DURATION", "PT1H30M", "")]),
    (FRI, "The flight took 90 minutes.", &[("90 minutes", "DURATION", "PT90M", "")]),
    (FRI, "Inflation has doubled over the past year.", &[("the past year", "DURATION", "P1Y", "")]),
    (FRI, "Prices rose 8% over the past 12 months.", &[("the past 12 months", "DURATION", "P12M", "")]),
    (FRI, "The farm has been in the family for three decades.", &[("three decades", "DURATION", "P30Y", "")]),
    (FRI, "Troops must leave within 24 hours.", &[("24 hours", "DURATION", "PT24H", "")]),
    (FRI, "The ceasefire lasted a couple of weeks.", &[("a couple of weeks", "DURATION", "P2W", "")]),
    (FRI, "The border stays shut for at least 10 years.", &[("at least 10 years", "DURATION", "P10Y", "EQUAL_OR_MORE")]),
    (FRI, "The sentence is up to five years.", &[("up to five years", "DURATION", "P5Y", "EQUAL_OR_LESS")]),
    (FRI, "The truce lasted less than a week.", &[("less than a week", "DURATION", "P1W", "LESS_THAN")]),
    (FRI, "The siege lasted almost two hours.", &[("almost two hours", "DURATION", "PT2H", "LESS_THAN")]),
    (FRI, "The firm has traded for over 30 years.", &[("over 30 years", "DURATION", "P30Y", "MORE_THAN")]),
    (FRI, "The repair took roughly six months.", &[("roughly six months", "DURATION", "P6M", "APPROX")]),
    (FRI, "The ship was at sea for a fortnight.", &[("a fortnight", "DURATION", "P2W", "")]),
    // Vague references.
    (FRI, "Officials expect more arrests in the coming weeks.", &[("the coming weeks", "DATE", "FUTURE_REF", "")]),
    // Sets.
    (FRI, "The festival is held each year in the capital.", &[("each year", "SET", "P1Y", "")]),
    (FRI, "Inspectors visit every three months.", &[("every three months", "SET", "P3M", "")]),
    (FRI, "The market opens each September.", &[("each September", "SET", "XXXX-09", "")]),
    (FRI, "The river floods every summer.", &[("every summer", "SET", "XXXX-SU", "")]),
    (FRI, "The census is held every 5 years.", &[("every 5 years", "SET", "P5Y", "")]),
    (FRI, "The committee meets once a week.", &[("once a week", "SET", "P1W", "")]),
    (FRI, "The newspaper is published weekly.", &[("weekly", "SET", "P1W", "")]),
    // Times of day.
    (FRI, "The cabinet met at noon Tuesday.", &[("noon Tuesday", "TIME", "2022-02-22T12:00", "")]),
    (FRI, "The curfew ended at midnight.", &[("midnight", "TIME", "2022-02-25T24:00", "")]),
    (FRI, "The vote opened at 10:30 a.m. local time.", &[("10:30 a.m. local time", "TIME", "2022-02-25T10:30", "")]),
    (FRI, "The shelling began at midnight Monday.", &[("midnight Monday", "TIME", "2022-02-21T24:00", "")]),
    (FRI, "Troops moved early Friday morning.", &[("early Friday morning", "TIME", "2022-02-25TMO", "START")]),
    (FRI, "The minister spoke yesterday morning.", &[("yesterday morning", "TIME", "2022-02-24TMO", "")]),
    (FRI, "Fighting flared late yesterday evening.", &[("late yesterday evening", "TIME", "2022-02-24TEV", "END")]),
    (FRI, "The council met earlier this afternoon.", &[("earlier this afternoon", "TIME", "2022-02-25TAF", "")]),
    (FRI, "The convoy crossed later last night.", &[("later last night", "TIME", "2022-02-24TNI", "")]),
    (FRI, "The blast happened at about 9 a.m.", &[("about 9 a.m.", "TIME", "2022-02-25T09:00", "APPROX")]),
    (FRI, "The polls closed at 11 PM.", &[("11 PM", "TIME", "2022-02-25T23:00", "")]),
    (FRI, "Talks will begin at 9 am Wednesday.", &[("9 am Wednesday", "TIME", "2022-03-02T09:00", "")]),
    (FRI, "The ferry left at 9:30 p.m. Wednesday.", &[("9:30 p.m. Wednesday", "TIME", "2022-02-23T21:30", "")]),
    (FRI, "The quake struck at 1535 GMT.", &[("1535 GMT", "TIME", "2022-02-25T15:35Z", "")]),
    (FRI, "The rebels attacked Wednesday evening.", &[("Wednesday evening", "TIME", "2022-02-23TEV", "")]),
    (FRI, "The ship sank that night.", &[("that night", "TIME", "2022-02-25TNI", "")]),
    (FRI, "Shops closed by late afternoon.", &[("late afternoon", "TIME", "2022-02-25TAF", "END")]),
    (FRI, "The bells rang at 5 o'clock.", &[("5 o'clock", "TIME", "2022-02-25T05:00", "")]),
    // More news forms.
    (FRI, "The attack came last Tuesday night.", &[("last Tuesday night", "TIME", "2022-02-22TNI", "")]),
    (FRI, "Exports slumped early this year.", &[("early this year", "DATE", "2022", "START")]),
    (FRI, "Sales fell from the prior year.", &[("the prior year", "DATE", "2021", "")]),
    (FRI, "The two clans have feuded for decades.", &[("decades", "DURATION", "PXDE", "")]),
    (FRI, "The market opened at 9 A.M.", &[("9 A.M.", "TIME", "2022-02-25T09:00", "")]),
    (FRI, "The guns fell silent at noon.", &[("noon", "TIME", "2022-02-25T12:00", "")]),
    (FRI, "Trading was halted in mid-morning.", &[("mid-morning", "TIME", "2022-02-25TMO", "MID")]),
    (FRI, "Results are due at 9:30 EST.", &[("9:30 EST", "TIME", "2022-02-25T09:30-05:00", "")]),
    (FRI, "The curfew lasts from dusk to dawn.", &[("dusk", "TIME", "2022-02-25TEV", ""), ("dawn", "TIME", "2022-02-25TMO", "")]),
    (FRI, "Drones struck the port before dawn on Tuesday.", &[("dawn", "TIME", "2022-02-22TMO", ""), ("Tuesday", "DATE", "2022-02-22", "")]),
    (FRI, "Sales for the first nine months rose.", &[("the first nine months", "DURATION", "P9M", "")]),
    (FRI, "The debt will be repaid over the next five years.", &[("the next five years", "DURATION", "P5Y", "")]),
    (FRI, "The talks ended. The next morning, the rebels withdrew.", &[("The next morning", "TIME", "2022-02-26TMO", "")]),
    (FRI, "The ship sank on Monday. The previous night, a storm hit.", &[("Monday", "DATE", "2022-02-21", ""), ("The previous night", "TIME", "2022-02-20TNI", "")]),
    (FRI, "The talks ended on Monday. The following morning, troops left.", &[("Monday", "DATE", "2022-02-21", ""), ("The following morning", "TIME", "2022-02-22TMO", "")]),
    (FRI, "Profit fell in the 1989 fiscal year.", &[("the 1989 fiscal year", "DATE", "1989", "")]),
    (FRI, "Profit fell in fiscal 1990's first quarter.", &[("fiscal 1990's first quarter", "DATE", "1990-Q1", "")]),
    (FRI, "The scheme will run for not less than two years.", &[("not less than two years", "DURATION", "P2Y", "EQUAL_OR_MORE")]),
    (FRI, "Talks may take no more than three days.", &[("no more than three days", "DURATION", "P3D", "EQUAL_OR_LESS")]),
    (FRI, "Prices rose over the past several months.", &[("the past several months", "DATE", "PAST_REF", "")]),
    (FRI, "Aid should arrive as soon as possible.", &[("as soon as possible", "DATE", "FUTURE_REF", "")]),
    (FRI, "The talks ended the day before yesterday.", &[("the day before yesterday", "DATE", "2022-02-23", "")]),
    (FRI, "The envoy arrives the day after tomorrow.", &[("the day after tomorrow", "DATE", "2022-02-27", "")]),
    (FRI, "Tastes changed in the late seventies.", &[("the late seventies", "DATE", "197", "END")]),
    (FRI, "The treaty shaped the twenty-first century.", &[("the twenty-first century", "DATE", "20", "")]),
    (FRI, "The mine closed a quarter-century ago.", &[("a quarter-century ago", "DATE", "1997", "")]),
    (FRI, "The talks lasted half an hour.", &[("half an hour", "DURATION", "PT30M", "")]),
    (FRI, "The dispute has lasted a quarter century.", &[("a quarter century", "DURATION", "P25Y", "")]),
    (FRI, "The vote took a half-hour.", &[("a half-hour", "DURATION", "PT30M", "")]),
    (FRI, "The market is held on Saturdays.", &[("Saturdays", "SET", "XXXX-WXX-6", "")]),
    (FRI, "He preaches Sunday nights.", &[("Sunday nights", "SET", "XXXX-WXX-7TNI", "")]),
    (FRI, "The club meets Monday afternoons.", &[("Monday afternoons", "SET", "XXXX-WXX-1TAF", "")]),
    (FRI, "The board meets twice per year.", &[("twice per year", "SET", "P1Y", "")]),
    (FRI, "Rents rose 2% per year.", &[]),
    (FRI, "Buses run 40 times per month.", &[("40 times per month", "SET", "P1M", "")]),
    (FRI, "The bombing on Christmas 2010 was recalled.", &[("Christmas 2010", "DATE", "2010-12-25", "")]),
    (FRI, "Shops were busy on Valentine's Day.", &[("Valentine's Day", "DATE", "2022-02-14", "")]),
    (FRI, "Parades will be held on St. Patrick's Day.", &[("St. Patrick's Day", "DATE", "2022-03-17", "")]),
    ("2022-05-03", "Workers marched on May Day.", &[("May Day", "DATE", "2022-05-01", "")]),
    ("2022-04-20", "Churches were full on Good Friday.", &[("Good Friday", "DATE", "2022-04-15", "")]),
    ("2022-04-20", "The shrine reopened on Easter Monday.", &[("Easter Monday", "DATE", "2022-04-18", "")]),
    ("2022-03-10", "Lent began on Ash Wednesday.", &[("Ash Wednesday", "DATE", "2022-03-02", "")]),
    ("2022-04-20", "Crowds filled the square on Palm Sunday.", &[("Palm Sunday", "DATE", "2022-04-10", "")]),
    ("2022-05-20", "Florists sold out before Mother's Day.", &[("Mother's Day", "DATE", "2022-05-08", "")]),
    ("2022-06-25", "The shops were busy on Father's Day.", &[("Father's Day", "DATE", "2022-06-19", "")]),
    (FRI, "Marchers gathered on Martin Luther King Day.", &[("Martin Luther King Day", "DATE", "2022-01-17", "")]),
    (FRI, "Banks were shut on Presidents Day.", &[("Presidents Day", "DATE", "2022-02-21", "")]),
    ("2021-10-20", "Protesters gathered on Columbus Day.", &[("Columbus Day", "DATE", "2021-10-11", "")]),
    (FRI, "Markets were shut for Presidents' Day.", &[("Presidents' Day", "DATE", "2022-02-21", "")]),
    ("2022-01-20", "Schools closed on Martin Luther King Jr. Day.", &[("Martin Luther King Jr. Day", "DATE", "2022-01-17", "")]),
    (FRI, "Both sides still cite the Good Friday Agreement.", &[]),
    // Second round.
    (FRI, "The program ran from 1990-1995.", &[("1990", "DATE", "1990", ""), ("1995", "DATE", "1995", "")]),
    (FRI, "Crowds will gather this weekend.", &[("this weekend", "DATE", "2022-W08-WE", "")]),
    (FRI, "Crowds gathered last weekend.", &[("last weekend", "DATE", "2022-W07-WE", "")]),
    (FRI, "Crowds will gather next weekend.", &[("next weekend", "DATE", "2022-W09-WE", "")]),
    (FRI, "Power returned in the past 24 hours.", &[("the past 24 hours", "DURATION", "PT24H", "")]),
    (FRI, "The bill passed in the first 100 days.", &[("the first 100 days", "DURATION", "P100D", "")]),
    (FRI, "The talks ended on Monday. Later that day, troops left.", &[("Monday", "DATE", "2022-02-21", ""), ("Later that day", "DATE", "2022-02-21", "")]),
    (FRI, "Floods return every few years.", &[("every few years", "SET", "PXY", "")]),
    (FRI, "The guard is changed each morning.", &[("each morning", "SET", "XXXX-XX-XXTMO", "")]),
    (FRI, "Voters return to the polls 18 months from now.", &[("18 months from now", "DATE", "2023-08", "")]),
    (FRI, "The town was shelled eighteen months ago.", &[("eighteen months ago", "DATE", "2020-08", "")]),
    (FRI, "The strike is set for the middle of next week.", &[("the middle of next week", "DATE", "2022-W09", "MID")]),
    (FRI, "Prices peaked in the spring of 2020.", &[("the spring of 2020", "DATE", "2020-SP", "")]),
    (FRI, "Prices peaked in fall 2020.", &[("fall 2020", "DATE", "2020-FA", "")]),
    (FRI, "Results come out at 0900 GMT.", &[("0900 GMT", "TIME", "2022-02-25T09:00Z", "")]),
    (FRI, "The talks will be held the following Monday.", &[("the following Monday", "DATE", "2022-02-28", "")]),
    (FRI, "The shop opens from 9 a.m. to 5 p.m.", &[("9 a.m.", "TIME", "2022-02-25T09:00", ""), ("5 p.m.", "TIME", "2022-02-25T17:00", "")]),
    (FRI, "The plan runs through the year 2000.", &[("year 2000", "DATE", "2000", "")]),
    (FRI, "He was last seen in the summer.", &[("the summer", "DATE", "2021-SU", "")]),
    (FRI, "1989's profit was flat.", &[("1989", "DATE", "1989", "")]),
    (FRI, "The town grew in the 1800s.", &[("the 1800s", "DATE", "18", "")]),
    (FRI, "The mill ran in the late 1800s.", &[("the late 1800s", "DATE", "18", "END")]),
    (FRI, "Rates rose by mid-year.", &[("mid-year", "DATE", "2022", "MID")]),
    (FRI, "Talks stalled in mid-week.", &[("mid-week", "DATE", "2022-W08", "MID")]),
    (FRI, "The talks resumed around noon.", &[("around noon", "TIME", "2022-02-25T12:00", "APPROX")]),
    (FRI, "The strike lasted about a week and a half.", &[("about a week and a half", "DURATION", "P10D", "APPROX")]),
    (FRI, "The fire burned for two days and two nights.", &[("two days", "DURATION", "P2D", ""), ("two nights", "DURATION", "P2D", "")]),
    (FRI, "The vote is due by the end of March.", &[("the end of March", "DATE", "2022-03", "END")]),
    (FRI, "The vote is due by early next month.", &[("early next month", "DATE", "2022-03", "START")]),
    (FRI, "The vote was held earlier in the week.", &[("the week", "DATE", "2022-W08", "")]),
    (FRI, "He resigned in late 1999 and died in early 2001.", &[("late 1999", "DATE", "1999", "END"), ("early 2001", "DATE", "2001", "START")]),
    (FRI, "Shares closed at 4 p.m. Eastern time.", &[("4 p.m. Eastern time", "TIME", "2022-02-25T16:00-05:00", "")]),
    (FRI, "The blast came at 3:15 p.m. local time Thursday.", &[("3:15 p.m. local time Thursday", "TIME", "2022-02-24T15:15", "")]),
    (FRI, "The strike is in its third week.", &[("third week", "DATE", "2022-W08", "")]),
    (FRI, "The blockade is in its 10th day.", &[("10th day", "DATE", "2022-02-25", "")]),
    (FRI, "Dozens died in the two-week siege.", &[("two-week", "DURATION", "P2W", "")]),
    (FRI, "Sales rose in FY 1990.", &[("FY 1990", "DATE", "1990", "")]),
    (FRI, "The house was built circa 1900.", &[("circa 1900", "DATE", "1900", "APPROX")]),
    (FRI, "Profits rose in the latter half of 1989.", &[("the latter half of 1989", "DATE", "1989-H2", "")]),
    (FRI, "In the latter case the court ruled.", &[]),
];

/// Forms the layer does not yet read as TimeML would; each must still be missed, so a
/// fix moves its row up into [`BATTERY`].
const GAPS: &[Row] = &[
    (FRI, "The rebels took the town on the 24th.", &[("the 24th", "DATE", "2022-02-24", "")]),
];

/// (words, type, value, mod) of every expression found in `text`, dated `date`.
fn found(date: &str, text: &str) -> Vec<(String, &'static str, String, String)> {
    let date: jiff::civil::Date = date.parse().expect("a valid report date");
    let mut doc = Doc::new(Meta::new("battery", date), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    TimeTagger::new().annotate(&mut doc);
    doc.time
        .times
        .iter()
        .map(|t| {
            let kind = match t.kind {
                TimexType::Date => "DATE",
                TimexType::Time => "TIME",
                TimexType::Duration => "DURATION",
                TimexType::Set => "SET",
            };
            (t.span.of(doc.text()).to_string(), kind, t.value.clone(), t.detail.modifier.unwrap_or("").to_string())
        })
        .collect()
}

/// True when the expressions found are the ones wanted, field by field.
fn matches(got: &[(String, &'static str, String, String)], want: &[Want]) -> bool {
    got.len() == want.len()
        && got.iter().zip(want).all(|(g, w)| (w.0.is_empty() || g.0 == w.0) && g.1 == w.1 && g.2 == w.2 && (w.3.is_empty() || g.3 == w.3))
}

#[test]
fn every_form_of_the_battery_is_found_and_valued() {
    let mut missed = Vec::new();
    for (date, text, want) in BATTERY {
        let got = found(date, text);
        if !matches(&got, want) {
            missed.push(format!("{text:?} ({date})\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(missed.is_empty(), "{} of {} forms missed:\n{}", missed.len(), BATTERY.len(), missed.join("\n"));
}

#[test]
fn the_known_gaps_are_still_missed() {
    let fixed: Vec<&str> = GAPS.iter().filter(|(date, text, want)| matches(&found(date, text), want)).map(|r| r.1).collect();
    assert!(fixed.is_empty(), "now read right, move to BATTERY: {fixed:?}");
}
