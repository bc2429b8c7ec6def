//! Time-zone words: abbreviations (`IST`, `EST`, `MSK`) and places that name a zone
//! ("Kyiv time", "local time").
//!
//! No library maps abbreviations to offsets, because they are ambiguous (`IST` is India,
//! Ireland or Israel; `CST` is US Central or China). This small table picks the reading
//! news in English means most often, and lets the report's country focus decide `IST`.
//! Zones named by a region (`ET`, `PT`, "Kyiv time") are converted with jiff's bundled
//! IANA database, so daylight saving time is right on the day.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};

use crate::lexicon::Country;

/// How a zone word gives its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ZoneRule {
    /// A fixed offset in minutes east of UTC (`EST` is −300).
    Fixed(i32),
    /// An IANA zone whose offset depends on the date (`ET` → `America/New_York`).
    Iana(&'static str),
    /// India, Ireland or Israel standard time, decided by the report.
    Ist,
    /// "local time": the report's own zone when it has one, else unknown.
    Local,
}

/// One zone word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Zone {
    /// The lower-case word.
    pub word: &'static str,
    /// True for place names that only mean a zone before `time` ("Kyiv time").
    pub needs_time: bool,
    /// How to get its offset.
    pub rule: ZoneRule,
}

const fn abbr(word: &'static str, rule: ZoneRule) -> Zone {
    Zone { word, needs_time: false, rule }
}

const fn place(word: &'static str, iana: &'static str) -> Zone {
    Zone { word, needs_time: true, rule: ZoneRule::Iana(iana) }
}

/// Every zone word sitrep reads.
pub(crate) const ZONES: &[Zone] = &[
    abbr("utc", ZoneRule::Fixed(0)),
    abbr("gmt", ZoneRule::Fixed(0)),
    abbr("z", ZoneRule::Fixed(0)),
    abbr("bst", ZoneRule::Fixed(60)),
    abbr("wet", ZoneRule::Fixed(0)),
    abbr("west", ZoneRule::Fixed(60)),
    abbr("cet", ZoneRule::Fixed(60)),
    abbr("cest", ZoneRule::Fixed(120)),
    abbr("eet", ZoneRule::Fixed(120)),
    abbr("eest", ZoneRule::Fixed(180)),
    abbr("msk", ZoneRule::Fixed(180)),
    abbr("ist", ZoneRule::Ist),
    abbr("idt", ZoneRule::Fixed(180)),
    abbr("pkt", ZoneRule::Fixed(300)),
    abbr("hkt", ZoneRule::Fixed(480)),
    abbr("sgt", ZoneRule::Fixed(480)),
    abbr("jst", ZoneRule::Fixed(540)),
    abbr("kst", ZoneRule::Fixed(540)),
    abbr("aest", ZoneRule::Fixed(600)),
    abbr("aedt", ZoneRule::Fixed(660)),
    abbr("est", ZoneRule::Fixed(-300)),
    abbr("edt", ZoneRule::Fixed(-240)),
    abbr("cst", ZoneRule::Fixed(-360)),
    abbr("cdt", ZoneRule::Fixed(-300)),
    abbr("mst", ZoneRule::Fixed(-420)),
    abbr("mdt", ZoneRule::Fixed(-360)),
    abbr("pst", ZoneRule::Fixed(-480)),
    abbr("pdt", ZoneRule::Fixed(-420)),
    abbr("et", ZoneRule::Iana("America/New_York")),
    abbr("ct", ZoneRule::Iana("America/Chicago")),
    abbr("pt", ZoneRule::Iana("America/Los_Angeles")),
    place("kyiv", "Europe/Kyiv"),
    place("kiev", "Europe/Kyiv"),
    place("moscow", "Europe/Moscow"),
    place("london", "Europe/London"),
    place("paris", "Europe/Paris"),
    place("berlin", "Europe/Berlin"),
    place("brussels", "Europe/Brussels"),
    place("warsaw", "Europe/Warsaw"),
    place("minsk", "Europe/Minsk"),
    place("istanbul", "Europe/Istanbul"),
    place("tehran", "Asia/Tehran"),
    place("beijing", "Asia/Shanghai"),
    place("tokyo", "Asia/Tokyo"),
    place("eastern", "America/New_York"),
    place("central", "America/Chicago"),
    place("mountain", "America/Denver"),
    place("pacific", "America/Los_Angeles"),
    place("greenwich", "Etc/UTC"),
    Zone { word: "local", needs_time: true, rule: ZoneRule::Local },
];

/// The index of a zone word in [`ZONES`]. Abbreviations count only when written in
/// capitals (`EST`, not `est`), places only when capitalised (`Kyiv`), except `local`.
pub(crate) fn lookup(lower: &str, original: &str) -> Option<u8> {
    // Both rules below want a capital first letter (or no letter at all), but for
    // `local`: other words — most of a report's — are no zone, without walking the table.
    let capital_first = original.as_bytes().first().is_none_or(u8::is_ascii_uppercase);
    if !capital_first && lower != "local" {
        return None;
    }
    let i = ZONES.iter().position(|z| z.word == lower)?;
    let z = &ZONES[i];
    let ok = if z.needs_time {
        lower == "local" || original.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
    } else {
        original.bytes().all(|c| c.is_ascii_uppercase())
    };
    ok.then_some(i as u8)
}

/// Which country an `IST` in this report most likely refers to: the most mentioned of
/// India, Ireland and Israel, India when none is mentioned.
pub(crate) fn ist_country(mentions: [u32; 3]) -> Country {
    let [india, ireland, israel] = mentions;
    if ireland > india && ireland >= israel {
        Country::Ireland
    } else if israel > india && israel > ireland {
        Country::Israel
    } else {
        Country::India
    }
}

/// The UTC offset of zone `z` at the civil date-time `dt`, if it can be known.
/// `local` is the report's own zone, when it is not plain UTC.
pub(crate) fn offset(z: u8, dt: DateTime, ist: Country, local: Option<&TimeZone>) -> Option<Offset> {
    let rule = ZONES.get(z as usize)?.rule;
    let iana = |name: &str| -> Option<Offset> {
        let tz = jiff::tz::db().get(name).ok()?;
        let zoned = dt.to_zoned(tz).ok()?;
        Some(zoned.offset())
    };
    match rule {
        ZoneRule::Fixed(minutes) => Offset::from_seconds(minutes * 60).ok(),
        ZoneRule::Iana(name) => iana(name),
        ZoneRule::Ist => match ist {
            Country::India => Offset::from_seconds(5 * 3600 + 1800).ok(),
            Country::Ireland => iana("Europe/Dublin"),
            Country::Israel => iana("Asia/Jerusalem"),
        },
        ZoneRule::Local => {
            let tz = local?;
            let zoned = dt.to_zoned(tz.clone()).ok()?;
            Some(zoned.offset())
        }
    }
}

/// True when zone `z` is a place that needs the word `time` after it.
pub(crate) fn needs_time(z: u8) -> bool {
    ZONES.get(z as usize).is_some_and(|z| z.needs_time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ist_is_india_unless_the_report_says_otherwise() {
        assert_eq!(ist_country([0, 0, 0]), Country::India);
        assert_eq!(ist_country([0, 3, 1]), Country::Ireland);
        assert_eq!(ist_country([1, 0, 4]), Country::Israel);
    }

    #[test]
    fn kyiv_time_follows_daylight_saving() {
        let z = lookup("kyiv", "Kyiv").unwrap();
        let winter = offset(z, jiff::civil::datetime(2022, 2, 25, 9, 0, 0, 0), Country::India, None).unwrap();
        let summer = offset(z, jiff::civil::datetime(2022, 7, 1, 9, 0, 0, 0), Country::India, None).unwrap();
        assert_eq!(winter.seconds(), 7200);
        assert_eq!(summer.seconds(), 10800);
        assert!(lookup("est", "est").is_none());
    }
}
