//! What is known about a report besides its text.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// A report's metadata: identity, date, provenance.
///
/// The `date` is the day the report was published *in its own time zone*: it is the
/// anchor against which "Thursday night" or "two days ago" are normalised.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Stable identifier: the input's own `id` (JSON Lines), else derived from the path
    /// or URL the report came from.
    pub id: String,
    /// Publication date in the report's time zone.
    pub date: Date,
    /// Exact publication instant, when the input gave a time of day.
    pub published: Option<Timestamp>,
    /// The report's time zone (from `--tz`, the date-time's offset, or UTC).
    pub tz: TimeZone,
    /// Publisher or site name.
    pub source: Option<String>,
    /// Canonical URL of the report.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// ISO 639-1 language code, given by the input or detected.
    pub lang: Option<String>,
    /// Where the report was read from, for messages an analyst can act on.
    pub origin: Origin,
}

impl Meta {
    /// Metadata with only an id and a date (UTC, no provenance).
    ///
    /// ```
    /// use sitrep_core::Meta;
    /// let meta = Meta::new("kyiv-1", jiff::civil::date(2022, 2, 25));
    /// assert_eq!(meta.tz_label(), "UTC");
    /// ```
    pub fn new(id: impl Into<String>, date: Date) -> Meta {
        Meta {
            id: id.into(),
            date,
            published: None,
            tz: TimeZone::UTC,
            source: None,
            url: None,
            title: None,
            lang: None,
            origin: Origin::default(),
        }
    }

    /// The publication instant in RFC 3339 with the report's offset
    /// (`2022-02-25T10:00:00+02:00`), when known.
    pub fn published_rfc3339(&self) -> Option<String> {
        let zoned = self.published?.to_zoned(self.tz.clone());
        Some(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
    }

    /// The time zone as people write it: an IANA name (`Europe/Kyiv`), else a fixed
    /// offset (`+02:00`).
    pub fn tz_label(&self) -> String {
        if let Some(name) = self.tz.iana_name() {
            return name.to_string();
        }
        match self.published {
            Some(ts) => {
                let offset = self.tz.to_offset(ts);
                offset.to_string()
            }
            None => self.tz.to_offset(Timestamp::UNIX_EPOCH).to_string(),
        }
    }
}

/// Where a report came from: a file (or `-` for standard input) and a position in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file as the user named it, or `-` for standard input.
    pub file: String,
    /// Position inside the file, when it holds many reports.
    pub at: Option<Position>,
}

/// A position inside a file holding many reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// 1-based line of a JSON Lines file.
    Line(u64),
    /// Byte offset of a WARC record: its gzip member's compressed offset for `.warc.gz`, else the offset in the file.
    Byte(u64),
}

impl std::fmt::Display for Origin {
    /// `file`, `file:LINE` or `file@BYTE`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            None => write!(f, "{}", self.file),
            Some(Position::Line(n)) => write!(f, "{}:{n}", self.file),
            Some(Position::Byte(n)) => write!(f, "{}@{n}", self.file),
        }
    }
}
