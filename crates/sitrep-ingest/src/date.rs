//! The report's own date, from whatever form a feed or page gives it.

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

/// When a report was published: its calendar date in its own zone, and the exact
/// instant when a time of day was given.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDate {
    /// Calendar date of publication, in `tz`.
    pub date: Date,
    /// Exact instant, when known.
    pub published: Option<Timestamp>,
    /// Zone of the date: the given offset, or the default zone for bare dates.
    pub tz: TimeZone,
}

impl ReportDate {
    /// A bare calendar date in `tz`.
    pub fn on(date: Date, tz: TimeZone) -> ReportDate {
        ReportDate { date, published: None, tz }
    }
}

/// Parse a publication date as feeds and pages write it.
///
/// Accepts a bare date (`2022-02-25`, in `default_tz`), RFC 3339 / ISO 8601 date-times
/// with or without an offset (`2022-02-25T10:30:00+02:00`, `2022-02-25T08:30:00.000Z`,
/// `2022-02-25 10:30:00`, `+0200` offsets) and RFC 2822 as in HTTP and WARC headers
/// (`Fri, 25 Feb 2022 08:30:00 GMT`). A date-time without offset is read in `default_tz`.
/// Returns `None` for anything else, including impossible dates such as `2022-02-30`.
///
/// ```
/// use jiff::tz::TimeZone;
/// use sitrep_ingest::parse_report_date;
/// let d = parse_report_date("2022-02-25T23:30:00-05:00", &TimeZone::UTC).unwrap();
/// assert_eq!(d.date.to_string(), "2022-02-25"); // the date where it was published
/// assert_eq!(d.published.unwrap().to_string(), "2022-02-26T04:30:00Z");
/// assert!(parse_report_date("2022-02-30", &TimeZone::UTC).is_none());
/// ```
pub fn parse_report_date(raw: &str, default_tz: &TimeZone) -> Option<ReportDate> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(date) = s.parse::<Date>() {
        if s.len() == 10 {
            return Some(ReportDate::on(date, default_tz.clone()));
        }
    }
    if let Ok(ts) = s.parse::<Timestamp>() {
        let offset = offset_of(s).unwrap_or(Offset::UTC);
        let tz = TimeZone::fixed(offset);
        return Some(ReportDate { date: ts.to_zoned(tz.clone()).date(), published: Some(ts), tz });
    }
    if let Ok(dt) = s.parse::<DateTime>() {
        let zoned = dt.to_zoned(default_tz.clone()).ok()?;
        return Some(ReportDate { date: dt.date(), published: Some(zoned.timestamp()), tz: default_tz.clone() });
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        let tz = TimeZone::fixed(zoned.offset());
        return Some(ReportDate { date: zoned.date(), published: Some(zoned.timestamp()), tz });
    }
    None
}

/// The UTC offset written at the end of an RFC 3339 string (`Z`, `+02:00`, `+0200`).
fn offset_of(s: &str) -> Option<Offset> {
    if s.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
    }
    let digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    let (sign_at, hh, mm) = [6usize, 5].iter().find_map(|&width| {
        let at = s.len().checked_sub(width)?;
        let tail = s.get(at..)?;
        let (hh, mm) = if width == 6 { (tail.get(1..3)?, tail.get(4..6)?) } else { (tail.get(1..3)?, tail.get(3..5)?) };
        (digits(hh) && digits(mm) && (width == 5 || tail.as_bytes()[3] == b':')).then_some((at, hh, mm))
    })?;
    let sign = match s.as_bytes()[sign_at] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = hh.parse().ok()?;
    let minutes: i32 = mm.parse().ok()?;
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        parse_report_date(s, &TimeZone::UTC).map(|d| d.date.to_string())
    }

    #[test]
    fn forms_feeds_use() {
        assert_eq!(date("2022-02-25").as_deref(), Some("2022-02-25"));
        assert_eq!(date(" 2022-02-25T10:30:00Z ").as_deref(), Some("2022-02-25"));
        assert_eq!(date("2022-02-25T10:30:00.123+02:00").as_deref(), Some("2022-02-25"));
        assert_eq!(date("2022-02-25T01:30:00+0530").as_deref(), Some("2022-02-25"));
        assert_eq!(date("2022-02-25 10:30:00").as_deref(), Some("2022-02-25"));
        assert_eq!(date("Fri, 25 Feb 2022 08:30:00 GMT").as_deref(), Some("2022-02-25"));
    }

    #[test]
    fn rejects_impossible_and_junk() {
        for bad in ["", "2022-02-30", "2022-13-01", "yesterday", "25/02/2022", "2022-02-25T25:00:00Z"] {
            assert_eq!(date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn bare_date_keeps_default_zone() {
        let kyiv = TimeZone::get("Europe/Kyiv").unwrap();
        let d = parse_report_date("2022-02-25", &kyiv).unwrap();
        assert_eq!(d.tz.iana_name(), Some("Europe/Kyiv"));
        assert_eq!(d.published, None);
    }
}
