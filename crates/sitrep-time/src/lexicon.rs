//! The time vocabulary: every token is looked up once, by its lower-cased text, in a
//! `match` the compiler turns into a jump on length and a few comparisons (a few dozen
//! for the words it does not know, so a thread remembers the words it has looked up).
//!
//! The result, [`Lex`], is all the scanner looks at afterwards, so the hot loop never
//! allocates and never compares strings twice.

use sitrep_core::{Token, TokenKind};
use sitrep_learn::memo::FormMemo;

/// Longest word worth looking up (`thirty-first`, `approximately`, `thanksgiving`).
const MAX_WORD: usize = 16;

/// What one token means to the time scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Anything without temporal meaning.
    Other,
    /// One ASCII punctuation character (`,` `-` `/` `.` `'`), or `0` for any other.
    Punct(u8),
    /// A number token, parsed.
    Num(Num),
    /// A word of the time vocabulary.
    W(W),
}

/// A number as written: its digits and the shape around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Num {
    /// Plain digits: value and how many digits (`1998` → 1998, 4; `05` → 5, 2).
    Int(u32, u8),
    /// `24th`, `1st`, `3rd`.
    Ordinal(u32),
    /// `2022-02-24` or `20220224`.
    Iso(i32, u8, u8),
    /// `2/24/22`, `24/2/2022`: the three parts, and the number of digits of the last.
    Slash(u32, u32, u32, u8),
    /// `10:30`, `1.30` (two digits after the point), `10:30:15` (seconds dropped).
    Clock(u8, u8),
    /// `1/2`: a fraction.
    Frac(u32, u32),
    /// `1.5`, `2.5`: a whole number and a half (an amount of units, "1.5 years").
    Half(u32),
    /// `1990s`, `90s`: a round number and a plural `s` in one token (the tokenizer keeps
    /// decades whole); value and number of digits.
    Decade(u32, u8),
    /// Anything else (`150,000`, `12.5`).
    Other,
}

/// Units of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// Parts of the day, as TIMEX3 writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
    Dawn,
    /// Dusk, sunset, nightfall: a point of the evening, marked alone as dawn is.
    Dusk,
    Noon,
    Midnight,
}

impl Pod {
    /// The TIMEX3 suffix (`TMO`) or clock time (`T12:00`).
    pub(crate) fn code(self) -> &'static str {
        match self {
            Pod::Morning | Pod::Dawn => "TMO",
            Pod::Afternoon => "TAF",
            Pod::Evening | Pod::Dusk => "TEV",
            Pod::Night => "TNI",
            Pod::Noon => "T12:00",
            Pod::Midnight => "T24:00",
        }
    }
}

/// Words that point at a time relative to another (`last`, `next`, `this`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Last,
    Next,
    This,
    Past,
    Coming,
    Previous,
    Following,
    Current,
    Recent,
    That,
    Same,
    Prior,
}

/// Words that move a time backwards or forwards (`ago`, `later`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Ago,
    Earlier,
    Later,
    Before,
    After,
    Hence,
}

/// Modifiers of a point or an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mod {
    Early,
    Late,
    Mid,
    Beginning,
    End,
    Middle,
    Start,
    Nearly,
    About,
    More,
    Less,
    Least,
    Most,
    Over,
    Up,
    Than,
    Some,
    Just,
    /// `near`, `short` (in "the near future", "the short term").
    Near,
}

/// Words that are times by themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deictic {
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Now,
    Currently,
    Recently,
    Soon,
    Future,
    Past,
    Present,
    Overnight,
    Meantime,
}

/// The time vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum W {
    /// `February`, `Feb`, `Feb.`: month 1–12; `true` when abbreviated.
    Month(u8, bool),
    /// `Friday`, `Fri.`: ISO weekday 1 (Monday) – 7.
    Weekday(u8),
    /// `Mondays`, `Fridays`: every such day.
    Weekdays(u8),
    /// `two`, `twenty`, `dozen`.
    Number(u32),
    /// `first` … `thirty-first`, `last` is not here.
    Ordinal(u8),
    /// `day`, `weeks`: unit and whether plural.
    Unit(Unit, bool),
    /// `daily`, `weekly`, `annually`, `hourly`, `quarterly`.
    Every(Unit),
    /// `annual`, `yearly` as adjectives before a noun are not times; kept apart.
    PartOfDay(Pod),
    /// `spring` … `winter`: TIMEX3 season codes SP SU FA WI.
    Season(&'static str),
    Deictic(Deictic),
    Rel(Rel),
    Dir(Dir),
    Mod(Mod),
    /// `the`.
    The,
    /// `a`, `an`, `one` as article.
    A,
    /// `few`, `several`, `many`, `couple`, `some`: an unknown amount.
    Few,
    /// `every`, `each`.
    EveryWord,
    /// `am`, `a.m.` (`false`) or `pm`, `p.m.` (`true`).
    AmPm(bool),
    /// A time-zone abbreviation or a place that names a zone (index in `zones::ZONES`).
    Zone(u8),
    /// `time` (in "Kyiv time", "local time").
    Time,
    /// `o'clock`.
    OClock,
    /// `on`, `at`, `in`, `of`, `from`, `to`, `until`, `through`, `since`, `by`, `for`,
    /// `during`, `throughout`, `between`, `and`, `or`.
    Prep(Prep),
    /// `fiscal`.
    Fiscal,
    /// `ago`-less year nouns: `year-end` is `year` `-` `end`; this is `yearend`.
    YearEnd,
    /// `half` (first half).
    Half,
    /// `hundred`, `thousand`.
    Hundred(u32),
    /// `nineteen` … used in spoken years ("nineteen ninety-six").
    Teen(u32),
    /// `Q1` … `Q4`.
    QuarterCode(u8),
    /// `century` ordinal helpers: `twentieth`.
    Tieth(u8),
    /// `s` after a number (`1990s` is `1990` `s`).
    PluralS,
    /// A country name that decides an ambiguous zone (`India`, `Irish`, `Israeli`).
    Country(Country),
    /// Words that mark future tense for weekday resolution (`will`, `’ll`, `shall`).
    Will,
    /// `long`, `old` (in `decades-long`, `9-month-old`).
    Long,
    /// `period`, `term`, `time` in "the year-ago period".
    Period,
    /// `ago` compounds: `year-ago`, `year-earlier` use Dir after a hyphen.
    Holiday(crate::holidays::Feast),
    /// `once`, `already`, `again`: temporal adverbs TimeBank sometimes tags; we don't.
    Noise,
}

/// Prepositions and conjunctions that glue time expressions together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prep {
    On,
    At,
    In,
    Of,
    From,
    To,
    Until,
    Through,
    Since,
    By,
    For,
    During,
    Throughout,
    Between,
    And,
    Or,
    Within,
}

/// Countries whose mention decides what `IST` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Country {
    India,
    Ireland,
    Israel,
}

/// Look one token up.
///
/// Words longer than the longest vocabulary word, and words with letters outside ASCII,
/// are `Other` without further work; numbers are parsed whatever their length (values
/// saturate).
#[inline]
pub(crate) fn classify(text: &str, token: Token) -> Lex {
    let Some(s) = text.get(token.span.range()) else { return Lex::Other };
    match token.kind {
        TokenKind::Number => Lex::Num(parse_number(s)),
        TokenKind::Punct => {
            let b = s.as_bytes();
            if b.len() == 1 && b[0].is_ascii() {
                Lex::Punct(b[0])
            } else if s == "’" || s == "‘" {
                Lex::Punct(b'\'')
            } else if s == "–" || s == "—" {
                Lex::Punct(b'-')
            } else {
                Lex::Punct(0)
            }
        }
        TokenKind::Word => remembered_word(s),
        TokenKind::Symbol | TokenKind::Web => Lex::Other,
    }
}

/// The meaning of the word token `s` ([`word_token`]), remembered from token to token on
/// this thread (16,384 slots, with the words' bytes inline): news repeats its words, and
/// looking a word up costs a fraction of the comparisons in [`word`]'s `match`.
fn remembered_word(s: &str) -> Lex {
    thread_local! {
        static MEANINGS: std::cell::RefCell<FormMemo<Lex, { MAX_WORD + 2 }>> = std::cell::RefCell::new(FormMemo::new(1 << 14, 0, Lex::Other));
    }
    if s.len() > MAX_WORD + 2 {
        return Lex::Other;
    }
    MEANINGS.with(|seen| match seen.try_borrow_mut() {
        Ok(mut seen) => seen.get_or_work_out(s.as_bytes(), || word_token(s)),
        Err(_) => word_token(s),
    })
}

/// The meaning of the word token `s`: lower-cased on the stack and looked up in [`word`].
fn word_token(s: &str) -> Lex {
    let b = s.as_bytes();
    if b.len() > MAX_WORD + 2 {
        return Lex::Other;
    }
    let mut buf = [0u8; MAX_WORD + 2];
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii() {
            buf[n] = c.to_ascii_lowercase();
            n += 1;
            i += 1;
        } else if b[i..].starts_with("’".as_bytes()) {
            buf[n] = b'\'';
            n += 1;
            i += 3;
        } else {
            return Lex::Other;
        }
    }
    match std::str::from_utf8(&buf[..n]) {
        Ok(w) => word(w, s),
        Err(_) => Lex::Other,
    }
}

/// The meaning of a lower-cased word; `original` is the word as written, for the few
/// words whose meaning depends on case (`May`, `March`, `Sun`).
fn word(w: &str, original: &str) -> Lex {
    let capital = original.as_bytes().first().is_some_and(|c| c.is_ascii_uppercase());
    use Deictic as D;
    let m = match w {
        "january" | "jan" | "jan." => W::Month(1, w.len() < 5),
        "february" | "feb" | "feb." => W::Month(2, w.len() < 5),
        "march" if capital => W::Month(3, false),
        "mar." => W::Month(3, true),
        "april" | "apr" | "apr." => W::Month(4, w.len() < 5),
        "may" if capital => W::Month(5, false),
        "june" | "jun." => W::Month(6, w.len() < 4),
        "july" | "jul." => W::Month(7, w.len() < 4),
        "august" | "aug" | "aug." => W::Month(8, w.len() < 5),
        "september" | "sept" | "sept." | "sep." => W::Month(9, w.len() < 6),
        "october" | "oct" | "oct." => W::Month(10, w.len() < 5),
        "november" | "nov" | "nov." => W::Month(11, w.len() < 5),
        "december" | "dec" | "dec." => W::Month(12, w.len() < 5),
        "monday" | "mon." => W::Weekday(1),
        "tuesday" | "tue." | "tues." => W::Weekday(2),
        "wednesday" | "wed." => W::Weekday(3),
        "thursday" | "thu." | "thur." | "thurs." => W::Weekday(4),
        "friday" | "fri." => W::Weekday(5),
        "saturday" | "sat." => W::Weekday(6),
        "sunday" => W::Weekday(7),
        "mondays" => W::Weekdays(1),
        "tuesdays" => W::Weekdays(2),
        "wednesdays" => W::Weekdays(3),
        "thursdays" => W::Weekdays(4),
        "fridays" => W::Weekdays(5),
        "saturdays" => W::Weekdays(6),
        "sundays" => W::Weekdays(7),
        "one" => W::Number(1),
        "two" => W::Number(2),
        "three" => W::Number(3),
        "four" => W::Number(4),
        "five" => W::Number(5),
        "six" => W::Number(6),
        "seven" => W::Number(7),
        "eight" => W::Number(8),
        "nine" => W::Number(9),
        "ten" => W::Number(10),
        "eleven" => W::Number(11),
        "twelve" => W::Number(12),
        "thirteen" => W::Teen(13),
        "fourteen" => W::Teen(14),
        "fifteen" => W::Teen(15),
        "sixteen" => W::Teen(16),
        "seventeen" => W::Teen(17),
        "eighteen" => W::Teen(18),
        "nineteen" => W::Teen(19),
        "twenty" => W::Number(20),
        "thirty" => W::Number(30),
        "forty" => W::Number(40),
        "fifty" => W::Number(50),
        "sixty" => W::Number(60),
        "seventy" => W::Number(70),
        "eighty" => W::Number(80),
        "ninety" => W::Number(90),
        "dozen" => W::Number(12),
        "hundred" => W::Hundred(100),
        "thousand" => W::Hundred(1000),
        "first" => W::Ordinal(1),
        "second" => W::Ordinal(2),
        "third" => W::Ordinal(3),
        "fourth" => W::Ordinal(4),
        "fifth" => W::Ordinal(5),
        "sixth" => W::Ordinal(6),
        "seventh" => W::Ordinal(7),
        "eighth" => W::Ordinal(8),
        "ninth" => W::Ordinal(9),
        "tenth" => W::Ordinal(10),
        "eleventh" => W::Ordinal(11),
        "twelfth" => W::Ordinal(12),
        "thirteenth" => W::Ordinal(13),
        "fourteenth" => W::Ordinal(14),
        "fifteenth" => W::Ordinal(15),
        "sixteenth" => W::Ordinal(16),
        "seventeenth" => W::Ordinal(17),
        "eighteenth" => W::Ordinal(18),
        "nineteenth" => W::Ordinal(19),
        "twentieth" => W::Tieth(20),
        "thirtieth" => W::Tieth(30),
        "twenty-first" => W::Ordinal(21),
        "seconds" | "sec" | "secs" => W::Unit(Unit::Second, w != "sec"),
        "minute" | "minutes" | "mins" => W::Unit(Unit::Minute, w != "minute"),
        "hour" | "hours" | "hrs" => W::Unit(Unit::Hour, w != "hour"),
        "day" | "days" => W::Unit(Unit::Day, w == "days"),
        "nights" => W::Unit(Unit::Night, true),
        "week" | "weeks" => W::Unit(Unit::Week, w == "weeks"),
        "weekend" | "weekends" => W::Unit(Unit::Weekend, w == "weekends"),
        "fortnight" => W::Unit(Unit::Fortnight, false),
        "month" | "months" => W::Unit(Unit::Month, w == "months"),
        "quarter" | "quarters" => W::Unit(Unit::Quarter, w == "quarters"),
        "year" | "years" | "yr" | "yrs" => W::Unit(Unit::Year, w == "years" || w == "yrs"),
        "decade" | "decades" => W::Unit(Unit::Decade, w == "decades"),
        "century" | "centuries" => W::Unit(Unit::Century, w == "centuries"),
        "millennium" | "millennia" => W::Unit(Unit::Millennium, w == "millennia"),
        "hourly" => W::Every(Unit::Hour),
        "daily" | "nightly" => W::Every(Unit::Day),
        "weekly" => W::Every(Unit::Week),
        "biweekly" | "fortnightly" => W::Every(Unit::Fortnight),
        "monthly" => W::Every(Unit::Month),
        "quarterly" => W::Every(Unit::Quarter),
        "annually" | "yearly" => W::Every(Unit::Year),
        "morning" | "mornings" => W::PartOfDay(Pod::Morning),
        "afternoon" | "afternoons" => W::PartOfDay(Pod::Afternoon),
        "evening" | "evenings" => W::PartOfDay(Pod::Evening),
        "night" => W::PartOfDay(Pod::Night),
        "dawn" | "daybreak" | "sunrise" => W::PartOfDay(Pod::Dawn),
        "dusk" | "sunset" | "nightfall" => W::PartOfDay(Pod::Dusk),
        "noon" | "midday" => W::PartOfDay(Pod::Noon),
        "midnight" => W::PartOfDay(Pod::Midnight),
        "spring" => W::Season("SP"),
        "summer" => W::Season("SU"),
        "autumn" | "fall" => W::Season("FA"),
        "winter" => W::Season("WI"),
        "today" => W::Deictic(D::Today),
        "tonight" => W::Deictic(D::Tonight),
        "yesterday" => W::Deictic(D::Yesterday),
        "tomorrow" => W::Deictic(D::Tomorrow),
        "now" | "nowadays" => W::Deictic(D::Now),
        "currently" | "presently" => W::Deictic(D::Currently),
        "recently" | "lately" => W::Deictic(D::Recently),
        "soon" => W::Deictic(D::Soon),
        "future" => W::Deictic(D::Future),
        "past" => W::Rel(Rel::Past),
        "present" => W::Deictic(D::Present),
        "formerly" | "previously" => W::Noise,
        "overnight" => W::Deictic(D::Overnight),
        "meantime" | "meanwhile" => W::Deictic(D::Meantime),
        "last" => W::Rel(Rel::Last),
        "next" => W::Rel(Rel::Next),
        "this" | "these" => W::Rel(Rel::This),
        "coming" | "upcoming" => W::Rel(Rel::Coming),
        "previous" | "preceding" => W::Rel(Rel::Previous),
        "following" | "ensuing" => W::Rel(Rel::Following),
        "current" => W::Rel(Rel::Current),
        "recent" => W::Rel(Rel::Recent),
        "that" | "those" => W::Rel(Rel::That),
        "same" => W::Rel(Rel::Same),
        "prior" => W::Rel(Rel::Prior),
        "ago" => W::Dir(Dir::Ago),
        "earlier" => W::Dir(Dir::Earlier),
        "later" => W::Dir(Dir::Later),
        "before" => W::Dir(Dir::Before),
        "after" => W::Dir(Dir::After),
        "hence" => W::Dir(Dir::Hence),
        "early" => W::Mod(Mod::Early),
        "late" => W::Mod(Mod::Late),
        "mid" => W::Mod(Mod::Mid),
        "beginning" => W::Mod(Mod::Beginning),
        "end" => W::Mod(Mod::End),
        "middle" => W::Mod(Mod::Middle),
        "start" => W::Mod(Mod::Start),
        "nearly" | "almost" => W::Mod(Mod::Nearly),
        "about" | "around" | "approximately" | "roughly" | "circa" => W::Mod(Mod::About),
        "more" => W::Mod(Mod::More),
        "less" | "fewer" => W::Mod(Mod::Less),
        "least" => W::Mod(Mod::Least),
        "most" => W::Mod(Mod::Most),
        "over" => W::Mod(Mod::Over),
        "up" => W::Mod(Mod::Up),
        "than" => W::Mod(Mod::Than),
        "some" => W::Mod(Mod::Some),
        "just" => W::Mod(Mod::Just),
        "near" | "short" => W::Mod(Mod::Near),
        "latest" => W::Rel(Rel::Last),
        // Only "the latter half" (see `Scan::relative`).
        "latter" => W::Rel(Rel::Last),
        "the" => W::The,
        "a" | "an" => W::A,
        "few" | "several" | "many" | "couple" => W::Few,
        "every" | "each" => W::EveryWord,
        "am" | "a.m." | "a.m" => W::AmPm(false),
        "pm" | "p.m." | "p.m" => W::AmPm(true),
        "time" => W::Time,
        "o'clock" => W::OClock,
        "on" => W::Prep(Prep::On),
        "at" => W::Prep(Prep::At),
        "in" => W::Prep(Prep::In),
        "of" => W::Prep(Prep::Of),
        "from" => W::Prep(Prep::From),
        "to" => W::Prep(Prep::To),
        "until" | "till" | "til" => W::Prep(Prep::Until),
        "through" | "thru" => W::Prep(Prep::Through),
        "since" => W::Prep(Prep::Since),
        "by" => W::Prep(Prep::By),
        "for" => W::Prep(Prep::For),
        "during" => W::Prep(Prep::During),
        "throughout" => W::Prep(Prep::Throughout),
        "between" => W::Prep(Prep::Between),
        "and" => W::Prep(Prep::And),
        "or" => W::Prep(Prep::Or),
        "within" => W::Prep(Prep::Within),
        "fiscal" | "fy" => W::Fiscal,
        "yearend" => W::YearEnd,
        "half" => W::Half,
        "q1" => W::QuarterCode(1),
        "q2" => W::QuarterCode(2),
        "q3" => W::QuarterCode(3),
        "q4" => W::QuarterCode(4),
        "s" | "'s" => W::PluralS,
        "india" | "indian" | "delhi" | "new" | "mumbai" => {
            if w == "new" {
                return Lex::Other;
            }
            W::Country(Country::India)
        }
        "ireland" | "irish" | "dublin" => W::Country(Country::Ireland),
        "israel" | "israeli" | "israelis" | "jerusalem" => W::Country(Country::Israel),
        "will" | "'ll" | "shall" => W::Will,
        "long" | "old" => W::Long,
        "period" | "term" => W::Period,
        "once" | "already" | "again" => W::Noise,
        _ => match (crate::holidays::lookup(w, capital), crate::zones::lookup(w, original)) {
            (Some(f), _) => W::Holiday(f),
            (None, Some(z)) => W::Zone(z),
            (None, None) => return Lex::Other,
        },
    };
    Lex::W(m)
}

/// Parse a number token: `1998`, `24th`, `2022-02-24`, `2/24/22`, `10:30`, `1.30`.
pub(crate) fn parse_number(s: &str) -> Num {
    let b = s.as_bytes();
    // Split into digit groups and the separators between them.
    let mut groups = [(0u32, 0u8); 4];
    let mut seps = [0u8; 3];
    let mut n = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            break;
        }
        let mut v: u32 = 0;
        let mut d: u8 = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
            d = d.saturating_add(1);
            i += 1;
        }
        if n == groups.len() {
            return Num::Other;
        }
        groups[n] = (v, d);
        n += 1;
        if i < b.len() && matches!(b[i], b'-' | b'/' | b':' | b'.' | b',') && n < 4 {
            if n > 3 {
                return Num::Other;
            }
            seps[n - 1] = b[i];
            i += 1;
        } else {
            break;
        }
    }
    let rest = &b[i..];
    if n == 0 {
        return Num::Other;
    }
    if n == 1 {
        let (v, d) = groups[0];
        if rest.is_empty() {
            if d == 8 && (19_000_000..=21_000_000).contains(&v) {
                let (y, m, dd) = (v / 10_000, (v / 100) % 100, v % 100);
                if (1..=12).contains(&m) && (1..=31).contains(&dd) {
                    return Num::Iso(y as i32, m as u8, dd as u8);
                }
            }
            return Num::Int(v, d);
        }
        let suffix = rest.to_ascii_lowercase();
        if matches!(suffix.as_slice(), b"st" | b"nd" | b"rd" | b"th") && d <= 2 {
            return Num::Ordinal(v);
        }
        if suffix == b"s" && (d == 2 || d == 4) && v % 10 == 0 {
            return Num::Decade(v, d);
        }
        return Num::Other;
    }
    if !rest.is_empty() {
        return Num::Other;
    }
    let (a, ad) = groups[0];
    let (c, cd) = groups[1];
    match (n, seps[0], seps.get(1).copied().unwrap_or(0)) {
        (3, b'-', b'-') if ad == 4 && cd <= 2 && groups[2].1 <= 2 => {
            Num::Iso(a as i32, c.min(255) as u8, groups[2].0.min(255) as u8)
        }
        (3, b'/', b'/') | (3, b'.', b'.') if ad <= 2 && cd <= 2 && (groups[2].1 == 2 || groups[2].1 == 4) => {
            Num::Slash(a, c, groups[2].0, groups[2].1)
        }
        (2, b'/', _) if ad == 1 && cd == 1 && c > a && c > 0 => Num::Frac(a, c),
        (2, b':', _) if ad <= 2 && cd == 2 && a <= 24 && c < 60 => Num::Clock(a as u8, c as u8),
        (2, b'.', _) if ad <= 3 && cd == 1 && c == 5 => Num::Half(a),
        (3, b':', b':') if ad <= 2 && cd == 2 && a <= 24 && c < 60 => Num::Clock(a as u8, c as u8),
        (2, b'.', _) if ad <= 2 && cd == 2 && a <= 24 && c < 60 => Num::Clock(a as u8, c as u8),
        _ => Num::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_by_shape() {
        assert_eq!(parse_number("1998"), Num::Int(1998, 4));
        assert_eq!(parse_number("1990s"), Num::Decade(1990, 4));
        assert_eq!(parse_number("90s"), Num::Decade(90, 2));
        assert_eq!(parse_number("1995s"), Num::Other);
        assert_eq!(parse_number("24th"), Num::Ordinal(24));
        assert_eq!(parse_number("2022-02-24"), Num::Iso(2022, 2, 24));
        assert_eq!(parse_number("2/24/22"), Num::Slash(2, 24, 22, 2));
        assert_eq!(parse_number("10:30"), Num::Clock(10, 30));
        assert_eq!(parse_number("1.30"), Num::Clock(1, 30));
        assert_eq!(parse_number("12.5"), Num::Half(12));
        assert_eq!(parse_number("12.4"), Num::Other);
        assert_eq!(parse_number("150,000"), Num::Other);
        assert_eq!(parse_number(&"9".repeat(10_000)), Num::Int(u32::MAX, 255));
        assert_eq!(parse_number(""), Num::Other);
    }
}
