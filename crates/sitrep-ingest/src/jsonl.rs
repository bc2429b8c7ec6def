//! JSON Lines: one report object per line, streamed.

use std::io::BufRead;

use serde::Deserialize;
use sitrep_core::{Doc, Meta, Origin, Position};

use crate::decode::decode_utf8_lossy;
use crate::error::DATE_HINT;
use crate::{parse_report_date, ReadError, ReadOptions, Sink};

/// One line's object. Unknown fields are ignored.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    date: Option<String>,
    text: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

/// Stream the reports of a JSON Lines source to `sink`, one per non-blank line.
///
/// A bad line is an error naming `file:line`; the lines after it are still read. A
/// stream that breaks off (truncated gzip) is reported after the lines read before it.
pub(crate) fn read(mut reader: impl BufRead, file: &str, opts: &ReadOptions, sink: Sink) {
    let mut line = Vec::new();
    let mut number = 0u64;
    let limit = opts.max_report_bytes as u64 + 1;
    loop {
        line.clear();
        number += 1;
        let origin = || Origin { file: file.into(), at: Some(Position::Line(number)) };
        match std::io::Read::take(&mut reader, limit).read_until(b'\n', &mut line) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) => {
                sink(Err(ReadError::new(origin(), format!("the input breaks off here: {e}"))
                    .hint("the file looks truncated; the lines before this one were read")));
                return;
            }
        }
        if line.len() as u64 == limit && line.last() != Some(&b'\n') {
            let skipped = skip_line(&mut reader);
            sink(Err(ReadError::new(origin(), format!("line is longer than the {} byte limit for one report", opts.max_report_bytes))
                .hint("split the report or raise the limit; the other lines were read")));
            if !skipped {
                return;
            }
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        sink(parse_line(&line, origin(), opts));
    }
}

/// Consume the rest of an over-long line. False when the input ended or broke.
fn skip_line(reader: &mut impl BufRead) -> bool {
    loop {
        let (done, used) = match reader.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(at) => (true, at + 1),
                None => (false, buf.len()),
            },
        };
        reader.consume(used);
        if done {
            return true;
        }
    }
}

fn parse_line(line: &[u8], origin: Origin, opts: &ReadOptions) -> Result<Doc, ReadError> {
    let (json, warning) = decode_utf8_lossy(line);
    let record: Record = serde_json::from_str(&json).map_err(|e| {
        ReadError::new(origin.clone(), format!("malformed JSON: {e}"))
            .hint("each line must be one JSON object with `text` and `date`; fix or remove this line, the others were read")
    })?;
    let text = match record.text {
        Some(t) if !t.trim().is_empty() => t,
        Some(_) => return Err(ReadError::new(origin, "`text` is empty").hint("nothing to extract from this line; the others were read")),
        None => return Err(ReadError::new(origin, "no `text` field").hint("give the report body as \"text\"")),
    };
    let date = match record.date.as_deref() {
        Some(raw) => match parse_report_date(raw, &opts.tz) {
            Some(d) => d,
            None => {
                return Err(ReadError::new(origin, format!("`date` is not a date: {raw:?}"))
                    .hint("use YYYY-MM-DD or an RFC 3339 date-time such as 2022-02-25T10:30:00+02:00"));
            }
        },
        None => opts.fallback_date().ok_or_else(|| ReadError::new(origin.clone(), "no `date` field").hint(DATE_HINT))?,
    };
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => origin.to_string(),
    };
    let mut meta = Meta::new(id, date.date);
    meta.published = date.published;
    meta.tz = date.tz;
    meta.title = record.title;
    meta.source = record.source;
    meta.url = record.url;
    meta.lang = record.lang;
    meta.origin = origin;
    let (text, mended) = crate::decode::repair_mojibake_owned(text);
    let mut doc = Doc::new(meta, text);
    doc.warnings.extend(warning);
    doc.warnings.extend(mended);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], opts: &ReadOptions) -> Vec<Result<Doc, ReadError>> {
        let mut out = Vec::new();
        read(input, "f.jsonl", opts, &mut |r| out.push(r));
        out
    }

    #[test]
    fn mends_text_once_mis_decoded_and_says_so() {
        let input = r#"{"id":"a","date":"2016-06-01","text":"The housing secretary, JuliÃ¡n Castro, spoke."}"#;
        let out = read_all(input.as_bytes(), &ReadOptions::default());
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.text(), "The housing secretary, Julián Castro, spoke.");
        assert!(doc.warnings.iter().any(|w| w.contains("mis-decoded")), "{:?}", doc.warnings);
    }

    #[test]
    fn reads_fields_and_keeps_going_after_a_bad_line() {
        let input = concat!(
            r#"{"id":"a","date":"2022-02-25","text":"One.","title":"T","source":"AP","url":"https://x/1","lang":"en"}"#, "\n",
            "{not json\n",
            "\n",
            r#"{"id":7,"date":"2022-02-25T23:30:00-05:00","text":"Two."}"#, "\n",
            r#"{"date":"2022-02-25","text":"Three."}"#,
        );
        let out = read_all(input.as_bytes(), &ReadOptions::default());
        assert_eq!(out.len(), 4);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.meta.id.as_str(), a.text(), a.meta.source.as_deref()), ("a", "One.", Some("AP")));
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.origin.to_string(), "f.jsonl:2");
        let b = out[2].as_ref().unwrap();
        assert_eq!(b.meta.id, "7");
        assert_eq!(b.meta.date.to_string(), "2022-02-25");
        assert_eq!(b.meta.published_rfc3339().unwrap(), "2022-02-25T23:30:00-05:00");
        assert_eq!(out[3].as_ref().unwrap().meta.id, "f.jsonl:5");
    }

    #[test]
    fn missing_and_bad_fields() {
        let opts = ReadOptions::default();
        let cases = [
            (r#"{"date":"2022-02-25"}"#, "no `text`"),
            (r#"{"date":"2022-02-25","text":"  "}"#, "empty"),
            (r#"{"text":"x"}"#, "no `date`"),
            (r#"{"date":"2022-02-30","text":"x"}"#, "not a date"),
            (r#"[1,2]"#, "malformed JSON"),
        ];
        for (line, expected) in cases {
            let out = read_all(line.as_bytes(), &opts);
            let err = out[0].as_ref().unwrap_err();
            assert!(err.problem.contains(expected), "{line}: {err}");
        }
    }

    #[test]
    fn over_long_line_is_an_error_and_the_next_line_is_read() {
        let opts = ReadOptions { max_report_bytes: 64, ..ReadOptions::default() };
        let long = format!("{{\"date\":\"2022-02-25\",\"text\":\"{}\"}}\n", "x".repeat(200));
        let input = format!("{long}{{\"date\":\"2022-02-25\",\"text\":\"ok\"}}\n");
        let out = read_all(input.as_bytes(), &opts);
        assert!(out[0].as_ref().unwrap_err().problem.contains("longer than"));
        assert_eq!(out[1].as_ref().unwrap().text(), "ok");
        assert_eq!(out[1].as_ref().unwrap().meta.origin.to_string(), "f.jsonl:2");
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let out = read_all(b"{\"date\":\"2022-02-25\",\"text\":\"Ky\xffiv\"}", &ReadOptions::default());
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.text(), "Ky\u{FFFD}iv");
        assert!(doc.warnings[0].contains("invalid UTF-8 at byte 31"));
    }
}
