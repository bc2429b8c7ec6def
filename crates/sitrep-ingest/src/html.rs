//! HTML article pages: main text without boilerplate, plus title, date, URL and site.
//! (Being written: see the module's owner.)

use sitrep_core::{Doc, Origin};

use crate::{ReadError, ReadOptions, ReportDate};

/// What is known about a page from outside it: the file or WARC record it came in.
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    /// Where the page was read from.
    pub origin: Origin,
    /// An id to use when the page gives no canonical URL (WARC record URL, file path).
    pub id: Option<String>,
    /// The URL it was fetched from (WARC-Target-URI).
    pub url: Option<String>,
    /// Charset named by the HTTP `Content-Type` header, if any.
    pub charset: Option<String>,
    /// Date to use when the page itself has none (WARC-Date, else `--date`).
    pub fallback_date: Option<ReportDate>,
}

/// Read one HTML page into a report.
pub fn read_html(_bytes: &[u8], page: PageContext, _opts: &ReadOptions) -> Result<Doc, ReadError> {
    Err(ReadError::new(page.origin, "HTML reading is not available yet"))
}
