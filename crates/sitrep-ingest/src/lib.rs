//! sitrep-ingest: readers that turn news reports into [`Doc`]s.
//!
//! | format  | chosen by                          | one file holds |
//! |---------|------------------------------------|----------------|
//! | `seed`  | `.txt` starting `date YYYY-MM-DD`  | one report     |
//! | `text`  | other `.txt`, date from `--date`   | one report     |
//! | `jsonl` | `.jsonl`, `.ndjson` (`.gz` too)    | one per line   |
//! | `html`  | `.html`, `.htm`                    | one report     |
//! | `warc`  | `.warc`, `.warc.gz`                | one per HTML response record |
//!
//! Readers stream: a WARC or JSON Lines file is never loaded whole. Every reader hands
//! each report, or the error that stopped it, to a sink, and goes on with the next one.
//!
//! ```
//! use sitrep_ingest::{read_bytes, InputFormat, ReadOptions};
//! let opts = ReadOptions::default();
//! let mut docs = Vec::new();
//! read_bytes(b"date 2022-02-25 Russian troops entered Sumy.", "inline", InputFormat::Seed, &opts,
//!     &mut |result| docs.push(result.unwrap()));
//! assert_eq!(docs[0].meta.date.to_string(), "2022-02-25");
//! assert_eq!(docs[0].text(), "Russian troops entered Sumy.");
//! ```

mod date;
mod dated_text;
mod decode;
mod error;
mod format;
mod html;
mod jsonl;
mod lang;
mod source;
mod warc;

pub use date::{parse_report_date, ReportDate};
pub use decode::{decode_utf8_lossy, repair_mojibake};
pub use error::ReadError;
pub use format::InputFormat;
pub use html::{read_html, PageContext};
pub use lang::{detect_language, is_english};
pub use source::{expand_inputs, read_bytes, read_input, Input};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use sitrep_core::Doc;

/// Where readers send each report, or the error that stopped it.
pub type Sink<'a> = &'a mut dyn FnMut(Result<Doc, ReadError>);

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Force a format instead of choosing by extension and content.
    pub format: Option<InputFormat>,
    /// Date for reports that carry none (`--date`).
    pub date: Option<Date>,
    /// Zone of bare dates (`--tz`, default UTC).
    pub tz: TimeZone,
    /// Largest report body accepted, in bytes; larger ones are an error, not a crash.
    pub max_report_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { format: None, date: None, tz: TimeZone::UTC, max_report_bytes: 256 << 20 }
    }
}

impl ReadOptions {
    /// The `--date` fallback as a [`ReportDate`], if given.
    pub(crate) fn fallback_date(&self) -> Option<ReportDate> {
        self.date.map(|d| ReportDate::on(d, self.tz.clone()))
    }
}
