//! WARC and WARC.gz archives (Common Crawl CC-NEWS): streamed record by record.
//!
//! An archive is plain WARC or gzip. A gzipped archive is decoded one gzip member at a
//! time (CC-NEWS compresses each record as its own member), so a record's position is
//! the byte offset of its member in the compressed file, the offset a WARC index gives
//! and the one to seek to. In a plain archive it is the record's own offset. (A record
//! that starts inside a member holding several records gets that member's offset.)
//!
//! Only `response` records whose HTTP payload is an HTML page with a 2xx status become
//! reports, read by [`crate::read_html`]; `warcinfo`, `request`, `metadata`, `revisit`
//! and non-HTML responses are passed over without a word. What goes wrong is reported
//! to the sink and reading goes on where it can:
//!
//! - a record without a valid `Content-Length`, or bytes that are not a WARC record,
//!   are one error each; reading resumes at the next line starting `WARC/`;
//! - a response larger than `max_report_bytes` is one error; it is read past, never
//!   held in memory;
//! - a corrupt gzip member is one error; reading resumes at the next gzip header. A
//!   record is sent on only once its member has ended with a good checksum (or, in a
//!   member holding several records, once the next record has begun), so a damaged
//!   record is not passed off as a good one;
//! - an archive that ends inside a record (or inside a gzip member) is one error that
//!   says at which byte it breaks off; the records before it were already sent on.
//!
//! An empty input holds no records: it gives no reports and no error.

use std::io::{self, BufRead, Read};
use std::mem;

use flate2::bufread::{GzDecoder, MultiGzDecoder, ZlibDecoder};
use sitrep_core::{Doc, Origin, Position};

use crate::html::{charset_param, read_html, PageContext};
use crate::{parse_report_date, ReadError, ReadOptions, Sink};

/// The start of every gzip member: magic bytes and the deflate method.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];
/// Longest WARC header line, and the most header bytes one record may have.
const MAX_HEADER_LINE: usize = 64 << 10;
const MAX_HEADER_BYTES: usize = 1 << 20;
/// How much of a gzip member is kept while it is decoded, to resync inside it if it
/// turns out to be corrupt. Larger members resync from where decoding failed.
const MEMBER_COPY_LIMIT: usize = 8 << 20;

/// Stream the HTML `response` records of a WARC file (gzip-compressed or not) to `sink`.
///
/// `file` names the archive in ids and messages. See the module documentation for what
/// is kept, what is skipped and how damage is reported.
///
/// ```
/// use sitrep_ingest::{read_bytes, InputFormat, ReadOptions};
/// let page = "<html><head><meta property=\"article:published_time\" content=\"2023-03-01\"></head>\
///             <body><article><p>The harbour ferry resumed service after the storm.</p></article></body></html>";
/// let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
/// let warc = format!(
///     "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://harbour.example/ferry\r\n\
///      WARC-Date: 2023-03-02T06:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
///     http.len()
/// );
/// let mut docs = Vec::new();
/// read_bytes(warc.as_bytes(), "news.warc", InputFormat::Warc, &ReadOptions::default(),
///     &mut |r| docs.push(r.unwrap()));
/// assert_eq!(docs.len(), 1);
/// assert_eq!(docs[0].meta.id, "https://harbour.example/ferry");
/// assert_eq!(docs[0].meta.date.to_string(), "2023-03-01"); // the page's date, not the crawl's
/// assert_eq!(docs[0].meta.origin.to_string(), "news.warc@0");
/// ```
pub fn read_warc(raw: Box<dyn BufRead + '_>, file: &str, opts: &ReadOptions, sink: Sink) {
    let archive = match Archive::open(raw) {
        Ok(archive) => archive,
        Err(e) => {
            let origin = Origin { file: file.into(), at: None };
            return sink(Err(ReadError::new(origin, format!("cannot read: {e}"))));
        }
    };
    Records { archive, file, opts, records: 0, resyncing: false, pending: None }.run(sink);
}

// ---------------------------------------------------------------------------------------
// Records

/// What to do after one record.
enum Flow {
    Next,
    Stop,
}

/// The WARC record parser over an [`Archive`].
struct Records<'a, 'o> {
    archive: Archive<'a>,
    file: &'o str,
    opts: &'o ReadOptions,
    /// Complete records read so far, of any type.
    records: u64,
    /// True after an error that already said the following bytes are skipped.
    resyncing: bool,
    /// The last record read, held until its gzip member is known to be sound.
    pending: Option<Pending>,
}

/// A record read but not yet sent on: its report (if it makes one) and the number of
/// the gzip member it came from.
struct Pending {
    result: Option<Result<Doc, ReadError>>,
    member: u64,
}

/// One record's WARC header fields, names in lower case.
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

impl Records<'_, '_> {
    fn origin(&self, at: u64) -> Origin {
        Origin { file: self.file.into(), at: Some(Position::Byte(at)) }
    }

    fn run(mut self, sink: Sink) {
        while let Flow::Next = self.record(sink) {}
    }

    /// Send on the pending record.
    fn flush(&mut self, sink: Sink) {
        if let Some(pending) = self.pending.take() {
            self.records += 1;
            if let Some(result) = pending.result {
                sink(result);
            }
        }
    }

    /// Send on the pending record if its gzip member has ended well.
    fn settle(&mut self, sink: Sink) {
        if self.pending.as_ref().is_some_and(|p| self.archive.member_verified(p.member)) {
            self.flush(sink);
        }
    }

    /// Read the next record and send on its report, if it makes one.
    fn record(&mut self, sink: Sink) -> Flow {
        let Some(offset) = self.find_record(sink) else { return Flow::Stop };
        let headers = match self.read_headers(offset, sink) {
            Ok(Some(h)) => h,
            Ok(None) => return Flow::Next,
            Err(flow) => return flow,
        };
        let length = match headers.get("content-length").map(str::trim).and_then(|l| l.parse::<u64>().ok()) {
            Some(length) => length,
            None => {
                let problem = match headers.get("content-length") {
                    Some(bad) => format!("the record's Content-Length `{}` is not a number of bytes", bad.trim()),
                    None => "the record has no Content-Length".to_string(),
                };
                sink(Err(ReadError::new(self.origin(offset), problem).hint("its end cannot be found; skipped to the next record")));
                self.resyncing = true;
                return Flow::Next;
            }
        };
        let is_response = headers.get("warc-type").is_some_and(|t| t.trim().eq_ignore_ascii_case("response"));
        let too_big = length > self.opts.max_report_bytes as u64;
        if is_response && too_big {
            sink(Err(ReadError::new(self.origin(offset), format!("the record holds {length} bytes, more than the {} byte limit for one report", self.opts.max_report_bytes))
                .hint("it was skipped; raise the limit to read it")));
        }
        let block = if is_response && !too_big { self.read_block(offset, length, sink) } else { self.skip_block(offset, length, sink).map(|()| Vec::new()) };
        let block = match block {
            Ok(block) => block,
            Err(flow) => return flow,
        };
        if let Err(e) = self.archive.finish_record() {
            return self.broken(e, Some(offset), sink);
        }
        let result = if is_response && !too_big { self.page(&headers, &block, offset) } else { None };
        self.pending = Some(Pending { result, member: self.archive.member_number() });
        self.settle(sink);
        Flow::Next
    }

    /// Find the next line that starts `WARC/` and return the record's offset. Bytes
    /// before it that are not blank are reported once as junk. `None` at the end.
    fn find_record(&mut self, sink: Sink) -> Option<u64> {
        let mut junk: Option<u64> = None;
        loop {
            match self.archive.skip_blank(true) {
                Ok(_) => {}
                Err(e) => match self.broken(e, None, sink) {
                    Flow::Next => {
                        junk = None;
                        continue;
                    }
                    Flow::Stop => return None,
                },
            }
            self.settle(sink);
            let at = self.archive.record_offset();
            match read_line(&mut self.archive, MAX_HEADER_LINE) {
                Ok(Line::Done(line)) if line.starts_with(b"WARC/") => {
                    // The next record begins: the last one stands.
                    self.flush(sink);
                    if let Some(from) = junk {
                        self.junk(from, Some(at), sink);
                    }
                    self.resyncing = false;
                    return Some(at);
                }
                Ok(Line::Done(_) | Line::Long) => {
                    junk.get_or_insert(at);
                }
                Ok(Line::End(rest)) => {
                    // The input ended without a read error: the last record stands.
                    self.flush(sink);
                    let prefix = rest.len().min(5);
                    if rest[..prefix] == b"WARC/"[..prefix] && !rest.is_empty() {
                        self.truncated(at, sink);
                    } else if let Some(from) = junk.or((!rest.is_empty()).then_some(at)) {
                        self.junk(from, None, sink);
                    }
                    return None;
                }
                Err(e) => match self.broken(e, None, sink) {
                    Flow::Next => junk = None,
                    Flow::Stop => return None,
                },
            }
        }
    }

    fn junk(&mut self, from: u64, to: Option<u64>, sink: Sink) {
        if mem::take(&mut self.resyncing) {
            return;
        }
        let problem = match to {
            Some(to) => format!("bytes that are not a WARC record; skipped to the next record at byte {to}"),
            None => "bytes that are not a WARC record, up to the end of the archive; they were skipped".to_string(),
        };
        sink(Err(ReadError::new(self.origin(from), problem).hint("the archive looks damaged; the records around them were read")));
    }

    /// Read header lines up to the blank line. `Ok(None)` when the record was given up
    /// (and reported); `Err` when reading must stop or start over.
    fn read_headers(&mut self, offset: u64, sink: Sink) -> Result<Option<Headers>, Flow> {
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut total = 0;
        loop {
            let line = match read_line(&mut self.archive, MAX_HEADER_LINE) {
                Ok(Line::Done(line)) => line,
                Ok(Line::Long) => {
                    sink(Err(ReadError::new(self.origin(offset), format!("a header line of the record is longer than {MAX_HEADER_LINE} bytes"))
                        .hint("the record looks damaged; skipped to the next record")));
                    self.resyncing = true;
                    return Ok(None);
                }
                Ok(Line::End(_)) => {
                    self.truncated(offset, sink);
                    return Err(Flow::Stop);
                }
                Err(e) => return Err(self.broken(e, Some(offset), sink)),
            };
            total += line.len();
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                return Ok(Some(Headers(fields)));
            }
            if total > MAX_HEADER_BYTES {
                sink(Err(ReadError::new(self.origin(offset), format!("the record's headers are longer than {MAX_HEADER_BYTES} bytes"))
                    .hint("the record looks damaged; skipped to the next record")));
                self.resyncing = true;
                return Ok(None);
            }
            if text.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(text.trim());
                }
            } else if let Some((name, value)) = text.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
    }

    fn read_block(&mut self, offset: u64, length: u64, sink: Sink) -> Result<Vec<u8>, Flow> {
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        match Read::take(&mut self.archive, length).read_to_end(&mut block) {
            Ok(n) if n as u64 == length => Ok(block),
            Ok(_) => {
                self.truncated(offset, sink);
                Err(Flow::Stop)
            }
            Err(e) => Err(self.broken(e, Some(offset), sink)),
        }
    }

    fn skip_block(&mut self, offset: u64, length: u64, sink: Sink) -> Result<(), Flow> {
        match io::copy(&mut Read::take(&mut self.archive, length), &mut io::sink()) {
            Ok(n) if n == length => Ok(()),
            Ok(_) => {
                self.truncated(offset, sink);
                Err(Flow::Stop)
            }
            Err(e) => Err(self.broken(e, Some(offset), sink)),
        }
    }

    /// Report that the archive ends inside the record at `record`.
    fn truncated(&mut self, record: u64, sink: Sink) {
        let at = self.archive.raw_pos();
        sink(Err(ReadError::new(self.origin(record), format!("the archive breaks off at byte {at}, inside this record"))
            .hint(self.kept_hint())));
    }

    fn kept_hint(&self) -> String {
        format!("the file looks truncated; {}", self.kept())
    }

    /// What was read before the damage, said plainly.
    fn kept(&self) -> String {
        match self.records {
            0 => "no whole record came before it".to_string(),
            1 => "the 1 record before it was kept".to_string(),
            n => format!("the {n} records before it were kept"),
        }
    }

    /// Report a read error and recover from it if the archive allows. A pending record
    /// from the member that failed is dropped.
    fn broken(&mut self, err: io::Error, record: Option<u64>, sink: Sink) -> Flow {
        self.settle(sink);
        self.pending = None;
        let recovery = self.archive.recover(&err);
        let (at, problem, hint, flow) = match recovery {
            Recovery::Truncated { member, at } => {
                let inside = if record.is_some() || member.is_some() { ", inside this record" } else { "" };
                (record.or(member).unwrap_or(at), format!("the archive breaks off at byte {at}{inside} ({err})"), self.kept_hint(), Flow::Stop)
            }
            Recovery::Failed { at } => {
                (record.unwrap_or(at), format!("cannot read the archive past byte {at}: {err}"), self.kept_hint(), Flow::Stop)
            }
            Recovery::Resumed { member, at } => {
                self.resyncing = true;
                let problem = format!("the gzip member at byte {member} is corrupt ({err}); skipped to the next member at byte {at}");
                (member, problem, "the records in the other members were read".to_string(), Flow::Next)
            }
            Recovery::Lost { member, at } => {
                let problem = format!("the gzip member at byte {member} is corrupt ({err}) and no readable data follows it up to the end at byte {at}");
                (member, problem, self.kept(), Flow::Stop)
            }
        };
        sink(Err(ReadError::new(self.origin(at), problem).hint(hint)));
        flow
    }

    /// Turn a `response` record into a report; `None` when it is not an HTML page.
    fn page(&self, headers: &Headers, block: &[u8], offset: u64) -> Option<Result<Doc, ReadError>> {
        let origin = self.origin(offset);
        let response = match HttpResponse::parse(block)? {
            Ok(response) => response,
            Err(problem) => return Some(Err(ReadError::new(origin, problem).hint("the record was skipped"))),
        };
        if !(200..300).contains(&response.status) {
            return None;
        }
        let content_type = response.header("content-type").unwrap_or("");
        let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if !mime.is_empty() && mime != "text/html" && mime != "application/xhtml+xml" {
            return None;
        }
        let mut warnings = Vec::new();
        let body = match response.body(self.opts.max_report_bytes, &mut warnings) {
            Ok(body) => body,
            Err(problem) => return Some(Err(ReadError::new(origin, problem).hint("the record was skipped"))),
        };
        if mime.is_empty() && !sniffs_as_html(&body) {
            return None;
        }
        if let Some(truncated) = headers.get("warc-truncated") {
            warnings.push(format!("the crawler cut this page short (WARC-Truncated: {truncated}); its end may be missing"));
        }
        let target = headers.get("warc-target-uri").map(|u| u.trim().trim_start_matches('<').trim_end_matches('>').to_string()).filter(|u| !u.is_empty());
        let record_id = headers.get("warc-record-id").map(str::to_string).filter(|u| !u.is_empty());
        let warc_date = headers.get("warc-date").and_then(|d| parse_report_date(d, &self.opts.tz));
        let page = PageContext {
            origin,
            id: target.clone().or(record_id),
            url: target,
            charset: charset_param(content_type),
            fallback_date: warc_date.or_else(|| self.opts.fallback_date()),
        };
        Some(read_html(&body, page, self.opts).map(|mut doc| {
            doc.warnings.extend(warnings);
            doc
        }))
    }
}

/// One line, read with a bound on its length.
enum Line {
    /// A whole line, `\n` included.
    Done(Vec<u8>),
    /// A line longer than the bound; it was read past.
    Long,
    /// The input ended; what there was of a last line.
    End(Vec<u8>),
}

fn read_line(archive: &mut Archive, max: usize) -> io::Result<Line> {
    let mut line = Vec::new();
    let mut long = false;
    loop {
        let buf = archive.fill(true)?;
        if buf.is_empty() {
            return Ok(if long { Line::Long } else { Line::End(line) });
        }
        let (n, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if !long && line.len() + n <= max {
            line.extend_from_slice(&buf[..n]);
        } else {
            long = true;
            line = Vec::new();
        }
        archive.consume(n);
        if done {
            return Ok(if long { Line::Long } else { Line::Done(line) });
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTTP payloads

/// An HTTP response as a WARC `response` record stores it.
struct HttpResponse<'b> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'b [u8],
}

impl<'b> HttpResponse<'b> {
    /// `None` when the block is not an HTTP response at all (`dns:` records and the like).
    fn parse(block: &'b [u8]) -> Option<Result<HttpResponse<'b>, String>> {
        if !block.starts_with(b"HTTP/") {
            return None;
        }
        let head_len = block.len().min(MAX_HEADER_BYTES);
        let crlf = find(&block[..head_len], b"\r\n\r\n").map(|i| (i, i + 4));
        let lf = find(&block[..head_len], b"\n\n").map(|i| (i, i + 2));
        let Some((head_end, body_start)) = [crlf, lf].into_iter().flatten().min() else {
            return Some(Err("the HTTP response has no end of headers".to_string()));
        };
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or("");
        let Some(status) = status_line.split_whitespace().nth(1).and_then(|s| s.parse::<u16>().ok()) else {
            return Some(Err(format!("the HTTP status line `{}` has no status code", status_line.chars().take(80).collect::<String>())));
        };
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Some(Ok(HttpResponse { status, headers, body: &block[body_start..] }))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The body with any chunked transfer coding and gzip or deflate content coding
    /// undone. Crawlers often store bodies already decoded while keeping the headers, so
    /// each decoding is applied only when the bytes show it is needed.
    fn body(&self, limit: usize, warnings: &mut Vec<String>) -> Result<Vec<u8>, String> {
        let mut body = self.body.to_vec();
        let chunked = self.header("transfer-encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        if chunked && looks_chunked(&body) {
            body = dechunk(&body, warnings);
        }
        let coding = self.header("content-encoding").map(|c| c.trim().to_ascii_lowercase()).unwrap_or_default();
        match coding.as_str() {
            "" | "identity" => Ok(body),
            "gzip" | "x-gzip" if body.starts_with(&GZIP_MAGIC[..2]) => inflate(MultiGzDecoder::new(&body[..]), limit, &coding),
            "deflate" if !sniffs_as_html(&body) => inflate(ZlibDecoder::new(&body[..]), limit, &coding)
                .or_else(|_| inflate(flate2::bufread::DeflateDecoder::new(&body[..]), limit, &coding)),
            _ if sniffs_as_html(&body) || body.starts_with(b"<") => Ok(body),
            "gzip" | "x-gzip" | "deflate" => Ok(body),
            other => Err(format!("the page is compressed with `{other}`, which sitrep cannot decode")),
        }
    }
}

fn inflate(decoder: impl Read, limit: usize, coding: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match decoder.take(limit as u64 + 1).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(format!("the page is larger than the {limit} byte limit once decompressed")),
        Ok(_) => Ok(out),
        Err(e) => Err(format!("the page's {coding} compression is damaged: {e}")),
    }
}

/// True when the body starts with a chunk-size line (`1a3f\r\n`, `0;ext\r\n`).
fn looks_chunked(body: &[u8]) -> bool {
    let Some(end) = body.iter().take(64).position(|&b| b == b'\n') else { return false };
    let line = String::from_utf8_lossy(&body[..end]);
    let size = line.trim_end_matches('\r').split(';').next().unwrap_or("").trim();
    !size.is_empty() && size.len() <= 16 && size.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Undo chunked transfer coding; a body that breaks off keeps what was there, with a
/// warning.
fn dechunk(mut rest: &[u8], warnings: &mut Vec<String>) -> Vec<u8> {
    let mut out = Vec::with_capacity(rest.len());
    while let Some(end) = rest.iter().take(1024).position(|&b| b == b'\n') {
        let line = String::from_utf8_lossy(&rest[..end]);
        let size = line.trim_end_matches('\r').split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size, 16) else { break };
        rest = &rest[end + 1..];
        if size == 0 {
            return out;
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
        if take < size {
            break;
        }
    }
    warnings.push("the page's chunked body breaks off; what arrived was read".to_string());
    out
}

fn sniffs_as_html(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(body.len());
    let head = body[start..body.len().min(start + 1024)].to_ascii_lowercase();
    head.starts_with(b"<") && [&b"<!doctype html"[..], b"<html", b"<head", b"<body"].iter().any(|tag| find(&head, tag).is_some())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

// ---------------------------------------------------------------------------------------
// The byte stream: plain, or gzip decoded one member at a time

/// How reading goes on after the archive failed to give bytes.
enum Recovery {
    /// The input ends at raw byte `at`, inside a record or inside the gzip member that
    /// starts at `member`.
    Truncated { member: Option<u64>, at: u64 },
    /// The underlying reader failed at raw byte `at`.
    Failed { at: u64 },
    /// The gzip member at `member` is corrupt; the next one starts at `at`.
    Resumed { member: u64, at: u64 },
    /// The gzip member at `member` is corrupt and no other member follows before `at`,
    /// the end of the input.
    Lost { member: u64, at: u64 },
}

/// The archive's bytes, decompressed, with the offsets records are reported at.
struct Archive<'a> {
    kind: Kind<'a>,
}

enum Kind<'a> {
    Plain(Raw<'a>),
    Gzip(Gz<'a>),
}

impl<'a> Archive<'a> {
    fn open(inner: Box<dyn BufRead + 'a>) -> io::Result<Archive<'a>> {
        let mut raw = Raw { inner, pushed: Vec::new(), pushed_at: 0, pos: 0, copy: None };
        let kind = if raw.fill_buf()?.starts_with(&GZIP_MAGIC[..2]) {
            Kind::Gzip(Gz { member: Member::Between(raw), buf: vec![0; 1 << 16], start: 0, end: 0, member_start: 0, broken: None, started: 0, ended_well: 0 })
        } else {
            Kind::Plain(raw)
        };
        Ok(Archive { kind })
    }

    /// The bytes ahead. With `advance` false a gzip archive stops at the end of the
    /// current member (which checks the member's CRC) instead of starting the next.
    fn fill(&mut self, advance: bool) -> io::Result<&[u8]> {
        match &mut self.kind {
            Kind::Plain(raw) => raw.fill_buf(),
            Kind::Gzip(gz) => gz.fill(advance),
        }
    }

    /// Skip white space; false at the end (of the member, without `advance`).
    fn skip_blank(&mut self, advance: bool) -> io::Result<bool> {
        loop {
            let buf = self.fill(advance)?;
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
            let all = n == buf.len();
            self.consume(n);
            if !all {
                return Ok(true);
            }
        }
    }

    /// Read the blank lines that end a record and, at the end of a gzip member, the
    /// member's trailer, so that a corrupt member is caught before its record is used.
    fn finish_record(&mut self) -> io::Result<()> {
        self.skip_blank(false).map(drop)
    }

    /// The number of the gzip member being read (0 for a plain archive).
    fn member_number(&self) -> u64 {
        match &self.kind {
            Kind::Plain(_) => 0,
            Kind::Gzip(gz) => gz.started,
        }
    }

    /// True when gzip member number `member` has ended with a good checksum (always
    /// true for a plain archive).
    fn member_verified(&self, member: u64) -> bool {
        match &self.kind {
            Kind::Plain(_) => true,
            Kind::Gzip(gz) => gz.ended_well >= member,
        }
    }

    /// Where the record about to be read starts: its gzip member's offset in the file,
    /// or its offset in a plain archive.
    fn record_offset(&self) -> u64 {
        match &self.kind {
            Kind::Plain(raw) => raw.pos,
            Kind::Gzip(gz) => match &gz.member {
                Member::Between(raw) if gz.start == gz.end => raw.pos,
                _ => gz.member_start,
            },
        }
    }

    /// Bytes of the input consumed so far.
    fn raw_pos(&self) -> u64 {
        match &self.kind {
            Kind::Plain(raw) => raw.pos,
            Kind::Gzip(gz) => match &gz.member {
                Member::Between(raw) => raw.pos,
                Member::Inside(decoder) => decoder.get_ref().pos,
                Member::Gone => 0,
            },
        }
    }

    fn recover(&mut self, err: &io::Error) -> Recovery {
        match &mut self.kind {
            Kind::Plain(raw) if err.kind() == io::ErrorKind::UnexpectedEof => Recovery::Truncated { member: None, at: raw.pos },
            Kind::Plain(raw) => Recovery::Failed { at: raw.pos },
            Kind::Gzip(gz) => gz.recover(),
        }
    }
}

impl Read for Archive<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill(true)?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Archive<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.fill(true)
    }

    fn consume(&mut self, n: usize) {
        match &mut self.kind {
            Kind::Plain(raw) => raw.consume(n),
            Kind::Gzip(gz) => gz.start = (gz.start + n).min(gz.end),
        }
    }
}

/// The caller's bytes, counted, with bytes that can be given back (to resync after a
/// corrupt gzip member) and an optional copy of what was consumed.
struct Raw<'a> {
    inner: Box<dyn BufRead + 'a>,
    /// Bytes given back, read before `inner`.
    pushed: Vec<u8>,
    pushed_at: usize,
    /// Bytes consumed so far (minus those given back).
    pos: u64,
    /// A copy of the bytes consumed since it was started, while under the limit.
    copy: Option<Vec<u8>>,
}

impl Raw<'_> {
    /// Give `bytes`, the last ones consumed, back to be read again.
    fn push_back(&mut self, bytes: &[u8]) {
        let mut pushed = bytes.to_vec();
        pushed.extend_from_slice(&self.pushed[self.pushed_at..]);
        self.pushed = pushed;
        self.pushed_at = 0;
        self.pos -= bytes.len() as u64;
    }

    /// Skip to the next gzip header; false when the input ends first.
    fn seek_member(&mut self) -> io::Result<bool> {
        loop {
            let buf = self.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            let Some(i) = buf.iter().position(|&b| b == GZIP_MAGIC[0]) else {
                let n = buf.len();
                self.consume(n);
                continue;
            };
            if buf.len() - i >= GZIP_MAGIC.len() {
                let found = buf[i..].starts_with(&GZIP_MAGIC);
                self.consume(if found { i } else { i + 1 });
                if found {
                    return Ok(true);
                }
                continue;
            }
            // The candidate runs past this buffer: gather its bytes, then give them back.
            self.consume(i);
            let mut head = Vec::with_capacity(GZIP_MAGIC.len());
            while head.len() < GZIP_MAGIC.len() {
                let buf = self.fill_buf()?;
                if buf.is_empty() {
                    break;
                }
                let k = (GZIP_MAGIC.len() - head.len()).min(buf.len());
                head.extend_from_slice(&buf[..k]);
                self.consume(k);
            }
            let found = head == GZIP_MAGIC;
            let ended = head.len() < GZIP_MAGIC.len();
            self.push_back(&head);
            if found {
                return Ok(true);
            }
            if ended {
                let n = head.len();
                self.consume(n);
                return Ok(false);
            }
            self.consume(1);
        }
    }
}

impl Read for Raw<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Raw<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pushed_at < self.pushed.len() {
            Ok(&self.pushed[self.pushed_at..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        if self.pushed_at < self.pushed.len() {
            let end = (self.pushed_at + n).min(self.pushed.len());
            if let Some(copy) = &mut self.copy {
                copy.extend_from_slice(&self.pushed[self.pushed_at..end]);
            }
            self.pos += (end - self.pushed_at) as u64;
            self.pushed_at = end;
            if end == self.pushed.len() {
                self.pushed.clear();
                self.pushed_at = 0;
            }
            return;
        }
        if let Some(copy) = &mut self.copy {
            if let Ok(buf) = self.inner.fill_buf() {
                copy.extend_from_slice(&buf[..n.min(buf.len())]);
            }
            if copy.len() > MEMBER_COPY_LIMIT {
                self.copy = None;
            }
        }
        self.pos += n as u64;
        self.inner.consume(n);
    }
}

/// Gzip decoded member by member, so that offsets are known and a corrupt member can
/// be skipped.
struct Gz<'a> {
    member: Member<'a>,
    /// Decoded bytes of the current member not yet consumed: `buf[start..end]`.
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// Offset in the input of the member being (or last) decoded.
    member_start: u64,
    /// The error that stopped the current member, until [`Gz::recover`] is called.
    broken: Option<(io::ErrorKind, String)>,
    /// Members started so far; the current one has this number.
    started: u64,
    /// The number of the last member that ended with a good checksum.
    ended_well: u64,
}

enum Member<'a> {
    /// Between two members (or before the first).
    Between(Raw<'a>),
    /// Decoding a member.
    Inside(Box<GzDecoder<Raw<'a>>>),
    /// Only while changing state.
    Gone,
}

impl Gz<'_> {
    fn fill(&mut self, advance: bool) -> io::Result<&[u8]> {
        while self.start == self.end {
            if let Some((kind, message)) = &self.broken {
                return Err(io::Error::new(*kind, message.clone()));
            }
            match mem::replace(&mut self.member, Member::Gone) {
                Member::Gone => break,
                Member::Between(mut raw) => {
                    let more = if advance { raw.fill_buf().map(|b| !b.is_empty()) } else { Ok(false) };
                    match more {
                        Ok(true) => {
                            self.member_start = raw.pos;
                            self.started += 1;
                            raw.copy = Some(Vec::new());
                            self.member = Member::Inside(Box::new(GzDecoder::new(raw)));
                        }
                        Ok(false) => {
                            self.member = Member::Between(raw);
                            break;
                        }
                        Err(e) => {
                            self.member = Member::Between(raw);
                            return Err(e);
                        }
                    }
                }
                Member::Inside(mut decoder) => match decoder.read(&mut self.buf) {
                    Ok(0) => {
                        let mut raw = decoder.into_inner();
                        raw.copy = None;
                        self.ended_well = self.started;
                        self.member = Member::Between(raw);
                        if !advance {
                            break;
                        }
                    }
                    Ok(n) => {
                        self.start = 0;
                        self.end = n;
                        self.member = Member::Inside(decoder);
                    }
                    Err(e) => {
                        // The decoder would answer the next read with Ok(0), as if the
                        // member had ended well: keep the error until it is dealt with.
                        self.broken = Some((e.kind(), e.to_string()));
                        self.member = Member::Between(decoder.into_inner());
                    }
                },
            }
        }
        Ok(&self.buf[self.start..self.end])
    }

    /// After a failed member: find where the next one starts, in the part of the failed
    /// member that was kept, else further on.
    fn recover(&mut self) -> Recovery {
        let member = self.member_start;
        self.start = self.end;
        let Some((kind, _)) = self.broken.take() else {
            return Recovery::Failed { at: member };
        };
        let Member::Between(mut raw) = mem::replace(&mut self.member, Member::Gone) else {
            return Recovery::Failed { at: member };
        };
        let copy = raw.copy.take().unwrap_or_default();
        let ended = raw.fill_buf().map_or(true, |b| b.is_empty());
        let again = copy.get(1..).and_then(|rest| find(rest, &GZIP_MAGIC)).map(|i| i + 1);
        let recovery = if let Some(i) = again {
            raw.push_back(&copy[i..]);
            Recovery::Resumed { member, at: raw.pos }
        } else if kind == io::ErrorKind::UnexpectedEof {
            Recovery::Truncated { member: Some(member), at: raw.pos }
        } else if ended {
            Recovery::Lost { member, at: raw.pos }
        } else {
            match raw.seek_member() {
                Ok(true) => Recovery::Resumed { member, at: raw.pos },
                Ok(false) => Recovery::Lost { member, at: raw.pos },
                Err(_) => Recovery::Failed { at: raw.pos },
            }
        };
        self.member = Member::Between(raw);
        recovery
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        let mut warnings = Vec::new();
        assert!(looks_chunked(b"1a;ext=1\r\nabc"));
        assert!(!looks_chunked(b"<html>\r\n"));
        assert_eq!(dechunk(b"5\r\nhello\r\n7;x\r\n, world\r\n0\r\n\r\n", &mut warnings), b"hello, world");
        assert!(warnings.is_empty());
        assert_eq!(dechunk(b"5\r\nhel", &mut warnings), b"hel");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn http_head_and_body() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-A: b\r\n\r\n<html>x</html>";
        let r = HttpResponse::parse(block).unwrap().unwrap();
        assert_eq!((r.status, r.header("content-type"), r.body), (200, Some("text/html"), &b"<html>x</html>"[..]));
        assert!(HttpResponse::parse(b"not http").is_none());
        assert!(HttpResponse::parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html").unwrap().is_err());
        assert!(HttpResponse::parse(b"HTTP/1.1 OK\r\n\r\n").unwrap().is_err());
    }

    #[test]
    fn gzip_content_encoding_is_undone_only_when_present() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"<html><body>zipped</body></html>").unwrap();
        let zipped = enc.finish().unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend_from_slice(&zipped);
        let r = HttpResponse::parse(&block).unwrap().unwrap();
        assert_eq!(r.body(1 << 20, &mut Vec::new()).unwrap(), b"<html><body>zipped</body></html>");
        let plain = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n<html>already</html>";
        let r = HttpResponse::parse(plain).unwrap().unwrap();
        assert_eq!(r.body(1 << 20, &mut Vec::new()).unwrap(), b"<html>already</html>");
        let br = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x1b\x02\x00";
        assert!(HttpResponse::parse(br).unwrap().unwrap().body(1 << 20, &mut Vec::new()).unwrap_err().contains("`br`"));
    }
}
