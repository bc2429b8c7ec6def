//! Dated text: the seed format (`date YYYY-MM-DD` then the report) and plain text with
//! the date given on the command line.

use jiff::civil::Date;
use sitrep_core::{Doc, Meta, Origin};

use crate::decode::{decode_utf8_lossy, looks_binary};
use crate::error::DATE_HINT;
use crate::{InputFormat, ReadError, ReadOptions, ReportDate};

/// A recognised `date YYYY-MM-DD` header: the date's text and where the body starts.
pub(crate) struct Header<'a> {
    pub date: &'a str,
    pub body_start: usize,
}

/// Recognise the seed header: optional white space, `date` (any case, optional `:`),
/// white space, `YYYY-MM-DD`, then white space or the end. The date is checked by shape
/// only; whether it exists is the caller's business.
pub(crate) fn split_header(bytes: &[u8]) -> Option<Header<'_>> {
    let mut i = skip_space(bytes, 0);
    let word = bytes.get(i..i + 4)?;
    if !word.eq_ignore_ascii_case(b"date") {
        return None;
    }
    i += 4;
    if bytes.get(i) == Some(&b':') {
        i += 1;
    }
    let after_word = i;
    i = skip_space(bytes, i);
    if i == after_word && bytes.get(after_word - 1) != Some(&b':') {
        return None;
    }
    let date = bytes.get(i..i + 10)?;
    let shape_ok = date.iter().enumerate().all(|(k, b)| if k == 4 || k == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape_ok {
        return None;
    }
    let end = i + 10;
    if bytes.get(end).is_some_and(|b| !b.is_ascii_whitespace()) {
        return None;
    }
    let date = std::str::from_utf8(date).ok()?;
    Some(Header { date, body_start: skip_space(bytes, end) })
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Read one dated-text report from `bytes`.
///
/// `format` is [`InputFormat::Seed`] (header required unless `--date` is given),
/// [`InputFormat::Text`] (header never parsed), or `None` to take a header when present.
pub(crate) fn read(bytes: &[u8], origin: Origin, id: String, format: Option<InputFormat>, opts: &ReadOptions) -> Result<Doc, ReadError> {
    if looks_binary(bytes) {
        return Err(ReadError::new(origin, "this looks like binary data, not text")
            .hint("pass plain text, JSON Lines, HTML or WARC, or name the format with --input-format"));
    }
    let (text, warning) = decode_utf8_lossy(bytes);
    if text.trim().is_empty() {
        return Err(ReadError::new(origin, "the input is empty").hint("nothing was extracted from it"));
    }
    let header = if format == Some(InputFormat::Text) { None } else { split_header(text.as_bytes()) };
    let (report_date, body_start) = match header {
        Some(h) => match h.date.parse::<Date>() {
            Ok(date) => (ReportDate::on(date, opts.tz.clone()), h.body_start),
            Err(_) => {
                return Err(ReadError::new(origin, format!("the `date` header holds an impossible date `{}`", h.date))
                    .hint("write a real calendar date as YYYY-MM-DD"));
            }
        },
        None => match opts.fallback_date() {
            Some(d) => (d, 0),
            None if format == Some(InputFormat::Seed) => {
                return Err(ReadError::new(origin, "no `date YYYY-MM-DD` header at the start").hint(DATE_HINT));
            }
            None => return Err(ReadError::new(origin, "this report has no date").hint(DATE_HINT)),
        },
    };
    let body = &text[body_start..];
    if body.trim().is_empty() {
        return Err(ReadError::new(origin, "the report is empty: there is no text after the date")
            .hint("check the file; nothing was extracted from it"));
    }
    let mut meta = Meta::new(id, report_date.date);
    meta.tz = report_date.tz;
    meta.origin = origin;
    let (body, mended) = crate::decode::repair_mojibake(body);
    let mut doc = Doc::new(meta, body.into_owned());
    doc.warnings.extend(warning);
    doc.warnings.extend(mended);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str, format: Option<InputFormat>, opts: &ReadOptions) -> Result<Doc, ReadError> {
        read(s.as_bytes(), Origin { file: "t.txt".into(), at: None }, "t".into(), format, opts)
    }

    #[test]
    fn header_on_same_line_or_next() {
        let opts = ReadOptions::default();
        for input in [" date 2022-02-25 Troops advanced.", "date 2022-02-25\nTroops advanced.", "\n\nDate: 2022-02-25\r\n\r\nTroops advanced."] {
            let doc = read_str(input, None, &opts).unwrap();
            assert_eq!(doc.meta.date.to_string(), "2022-02-25", "{input:?}");
            assert_eq!(doc.text(), "Troops advanced.", "{input:?}");
        }
    }

    #[test]
    fn plain_text_needs_a_date() {
        let err = read_str("Troops advanced.", None, &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("--date"), "{err}");
        let opts = ReadOptions { date: Some(jiff::civil::date(2022, 2, 25)), ..ReadOptions::default() };
        assert_eq!(read_str("Troops advanced.", None, &opts).unwrap().text(), "Troops advanced.");
    }

    #[test]
    fn text_format_keeps_a_date_line_as_text() {
        let opts = ReadOptions { date: Some(jiff::civil::date(2021, 1, 1)), ..ReadOptions::default() };
        let doc = read_str("date 2022-02-25 Troops.", Some(InputFormat::Text), &opts).unwrap();
        assert_eq!(doc.text(), "date 2022-02-25 Troops.");
        assert_eq!(doc.meta.date.to_string(), "2021-01-01");
    }

    #[test]
    fn impossible_empty_and_binary_are_clear_errors() {
        let opts = ReadOptions::default();
        assert!(read_str("date 2022-02-30 Troops.", None, &opts).unwrap_err().problem.contains("impossible date `2022-02-30`"));
        assert!(read_str("date 2022-02-25   \n ", None, &opts).unwrap_err().problem.contains("empty"));
        assert!(read_str("", None, &opts).unwrap_err().problem.contains("the input is empty"));
        assert!(read_str("Text.", None, &opts).unwrap_err().problem.contains("no date"));
        let junk = read(b"\x00\x01\x02binary", Origin::default(), "j".into(), None, &opts).unwrap_err();
        assert!(junk.problem.contains("binary"));
    }

    #[test]
    fn not_a_header() {
        for s in ["dated 2022-02-25 x", "date 2022-2-25 x", "date 2022-02-251 x", "update 2022-02-25"] {
            assert!(split_header(s.as_bytes()).is_none(), "{s:?}");
        }
    }
}
