//! HTML article pages: main text without boilerplate, plus title, date, URL and site.
//!
//! A page goes through four steps:
//!
//! 1. **Decoding.** A byte-order mark wins, then the charset of the HTTP `Content-Type`
//!    header ([`PageContext::charset`]), then `<meta charset>` or `<meta http-equiv>` in
//!    the first 4 KiB, then UTF-8 if the bytes are valid UTF-8, else a guess by
//!    `chardetng`. Invalid sequences become U+FFFD, with a warning on the report.
//! 2. **Metadata**, read from the untouched page: title, site, canonical URL, language
//!    and publication date (see [`read_html`] for the order of the date sources).
//! 3. **Main text** by `dom_smoothie` (a port of Mozilla's Readability), which drops
//!    navigation, footers and other boilerplate. If it finds nothing, the text of the
//!    page's `<p>` elements is used, else the whole body text, with a warning saying so.
//!    The work is bounded: pages with more than 50,000 elements or nested more than 512
//!    deep skip Readability, and pages whose tags would nest more than 4,096 deep are
//!    refused before parsing (building such a tree takes time growing with the square of
//!    its depth).
//! 4. **Layout**: plain prose, one paragraph (or heading, or list item) per block,
//!    blocks separated by a blank line, runs of white space collapsed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use serde_json::Value;
use sitrep_core::{Doc, Meta, Origin};

use crate::decode::{decode_utf8_lossy, looks_binary};
use crate::error::DATE_HINT;
use crate::{parse_report_date, ReadError, ReadOptions, ReportDate};

/// Pages with more elements than this skip Readability's scoring (which tries up to four
/// passes over the tree) and use the `<p>` fallback, so a huge page costs linear time.
const MAX_ELEMENTS: usize = 50_000;

/// Pages nested deeper than this skip Readability, whose scoring grows with the square of
/// the depth; real pages stay well under a hundred. (Browsers cap the DOM at 512 too.)
const MAX_READABILITY_DEPTH: usize = 512;

/// Pages whose tags, counted before parsing, may nest deeper than this are refused: the
/// HTML tree builder itself takes time growing with the square of the depth.
const MAX_NESTING: usize = 4096;

/// How far into the page a `<meta charset>` is looked for.
const CHARSET_PRESCAN: usize = 4096;

/// How much of an undeclared page the charset detector looks at.
const DETECT_PREFIX: usize = 1 << 20;

/// Longest JSON-LD block that is parsed.
const MAX_JSON_LD: usize = 1 << 20;

/// Metas other than `article:published_time` that name the publication date, in order.
const OTHER_DATE_METAS: &[&str] = &[
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
];

/// What is known about a page from outside it: the file or WARC record it came in.
///
/// ```
/// use sitrep_ingest::PageContext;
/// let page = PageContext { url: Some("https://example.org/a".into()), ..PageContext::default() };
/// assert!(page.charset.is_none());
/// ```
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
///
/// The report's text is the article's prose, paragraphs separated by `"\n\n"`. Its
/// metadata comes from the page:
///
/// - **id**: the canonical URL (`<link rel=canonical>`, else `og:url`, resolved against
///   [`PageContext::url`]; one naming the site's front page is not believed of an
///   article), else [`PageContext::id`], else the origin's file name (or `page`);
/// - **url**: the canonical URL, else [`PageContext::url`];
/// - **title**: `og:title`, JSON-LD `headline`, Readability's title, `<title>`;
/// - **source**: `og:site_name`, else the JSON-LD publisher's name;
/// - **lang**: `<html lang>` as written;
/// - **date**: the first of `<meta property="article:published_time">`, JSON-LD
///   `datePublished` (also inside `@graph`), the first `<time datetime>` (inside
///   `<article>` when there is one), other date metas (`pubdate`, `date`,
///   `DC.date.issued`, `parsely-pub-date`, …) that parses; then
///   [`PageContext::fallback_date`], then `--date`, each with a warning.
///
/// A page with no date anywhere, no text, or binary content is an error.
///
/// ```
/// use sitrep_ingest::{read_html, PageContext, ReadOptions};
/// let page = br#"<html lang="en"><head><title>Bridge reopens | Riverside Post</title>
///   <meta property="article:published_time" content="2023-05-04T09:15:00+02:00">
///   <link rel="canonical" href="https://riverside.example/bridge"></head>
///   <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
///   <article><h1>Bridge reopens</h1><p>The old bridge over the river reopened on Thursday.</p>
///   <p>Engineers said repairs took nine months.</p></article></body></html>"#;
/// let doc = read_html(page, PageContext::default(), &ReadOptions::default()).unwrap();
/// assert_eq!(doc.meta.id, "https://riverside.example/bridge");
/// assert_eq!(doc.meta.date.to_string(), "2023-05-04");
/// assert!(doc.text().contains("reopened on Thursday.\n\nEngineers said"));
/// assert!(!doc.text().contains("Home"));
/// ```
pub fn read_html(bytes: &[u8], page: PageContext, opts: &ReadOptions) -> Result<Doc, ReadError> {
    let origin = page.origin.clone();
    if bytes.len() > opts.max_report_bytes {
        return Err(ReadError::new(origin, format!("the page is larger than the {} byte limit for one report", opts.max_report_bytes))
            .hint("raise the limit or leave this page out; the other reports were read"));
    }
    let (html, mut warnings) = decode_page(bytes, page.charset.as_deref(), page.url.as_deref());
    if html.trim().is_empty() {
        return Err(ReadError::new(origin, "the page is empty").hint("nothing to extract from it"));
    }
    if looks_binary(html.as_bytes()) {
        return Err(ReadError::new(origin, "this looks like binary data, not an HTML page")
            .hint("pass an HTML page, or name the right format with --input-format"));
    }

    if nesting_exceeds(&html, MAX_NESTING) {
        return Err(ReadError::new(origin, format!("the page's elements nest more than {MAX_NESTING} deep, which no article page does"))
            .hint("it was skipped to bound the work; check that the file is a real page"));
    }

    let dom = Document::from(html.as_ref());
    let found = PageMeta::read(&dom);
    let date = publication_date(&found, &page, opts, &mut warnings)?;
    let (text, readability_title) = main_text(dom, &html, &mut warnings);
    if text.is_empty() {
        return Err(ReadError::new(origin, "the page has no text: no paragraphs and no body text were found")
            .hint("check that this is an article page; nothing was extracted from it"));
    }

    let base = page.url.as_deref().filter(|u| is_http_url(u));
    // A canonical URL naming the site's front page (a common misconfiguration) would give
    // every article of the site the same id: it is believed only of a front page.
    let canonical = found
        .canonical
        .iter()
        .chain(found.metas.get("og:url"))
        .filter_map(|href| resolve_url(href, base))
        .find(|url| !is_site_root(url) || base.is_some_and(is_site_root));
    let url = canonical.clone().or_else(|| base.map(str::to_string));
    let id = canonical
        .or_else(|| page.id.clone().filter(|id| !id.is_empty()))
        .unwrap_or_else(|| if page.origin.file.is_empty() { "page".to_string() } else { page.origin.file.clone() });

    let title = [found.metas.get("og:title"), found.ld.headline.as_ref(), readability_title.as_ref(), found.title_tag.as_ref()]
        .into_iter()
        .flatten()
        .map(|t| collapse_spaces(t))
        .find(|t| !t.is_empty());
    let source = [found.metas.get("og:site_name"), found.ld.publisher.as_ref()]
        .into_iter()
        .flatten()
        .map(|s| collapse_spaces(s))
        .find(|s| !s.is_empty());

    let mut meta = Meta::new(id, date.date);
    meta.published = date.published;
    meta.tz = date.tz;
    meta.url = url;
    meta.title = title;
    meta.source = source;
    meta.lang = found.lang;
    meta.origin = origin;
    let (text, mended) = crate::decode::repair_mojibake_owned(text);
    let mut doc = Doc::new(meta, text);
    doc.warnings = warnings;
    doc.warnings.extend(mended);
    Ok(doc)
}

// ---------------------------------------------------------------------------------------
// Decoding

/// Decode the page's bytes; see the module documentation for the order of the clues.
fn decode_page<'a>(bytes: &'a [u8], http_charset: Option<&str>, url: Option<&str>) -> (Cow<'a, str>, Vec<String>) {
    let mut warnings = Vec::new();
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return (decode_as(encoding, &bytes[bom..], &mut warnings), warnings);
    }
    if let Some(label) = http_charset.map(|l| l.trim().trim_matches(['"', '\'']).trim()).filter(|l| !l.is_empty()) {
        match Encoding::for_label(label.as_bytes()) {
            Some(encoding) => return (decode_as(encoding.output_encoding(), bytes, &mut warnings), warnings),
            None => warnings.push(format!("the HTTP header names an unknown charset `{label}`; it was ignored")),
        }
    }
    if let Some(label) = prescan_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN)]) {
        match Encoding::for_label(label.as_bytes()) {
            // A page that says it is UTF-16 in ASCII is not UTF-16 (HTML standard).
            Some(encoding) if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE => {
                return (decode_as(UTF_8, bytes, &mut warnings), warnings);
            }
            Some(encoding) if encoding == encoding_rs::X_USER_DEFINED => {
                return (decode_as(WINDOWS_1252, bytes, &mut warnings), warnings);
            }
            Some(encoding) => return (decode_as(encoding.output_encoding(), bytes, &mut warnings), warnings),
            None => warnings.push(format!("the page declares an unknown charset `{label}`; it was ignored")),
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (decode_as(UTF_8, bytes, &mut warnings), warnings);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    let tld = url.and_then(top_level_domain);
    let encoding = detector.guess(tld.as_deref().map(str::as_bytes), chardetng::Utf8Detection::Allow);
    warnings.push(format!("the page declares no charset; decoded as {} (a guess)", encoding.name()));
    (decode_as(encoding, bytes, &mut warnings), warnings)
}

fn decode_as<'a>(encoding: &'static Encoding, bytes: &'a [u8], warnings: &mut Vec<String>) -> Cow<'a, str> {
    if encoding == UTF_8 {
        let (text, warning) = decode_utf8_lossy(bytes);
        warnings.extend(warning);
        return text;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!("invalid {} byte sequences were replaced with U+FFFD", encoding.name()));
    }
    text
}

/// The charset a `<meta>` element (or an XML declaration) names in `head`.
fn prescan_charset(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml") {
        let end = lower.iter().position(|&b| b == b'>').unwrap_or(lower.len());
        if let Some(value) = attributes(&head[5..end]).into_iter().find(|(n, _)| n == "encoding").map(|(_, v)| v) {
            return Some(value);
        }
    }
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = lower[at..].iter().position(|&b| b == b'>').map_or(lower.len(), |i| at + i);
        let attrs = attributes(&head[at + 5..end]);
        let get = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        if let Some(charset) = get("charset").filter(|c| !c.trim().is_empty()) {
            return Some(charset.trim().to_string());
        }
        if get("http-equiv").is_some_and(|h| h.trim().eq_ignore_ascii_case("content-type")) {
            if let Some(charset) = get("content").and_then(charset_param) {
                return Some(charset);
            }
        }
        from = end.max(at + 5);
    }
    None
}

/// The `charset=` parameter of a content type such as `text/html; charset=utf-8`.
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content_type[at + 7..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let value: String = rest.chars().take_while(|c| !matches!(c, ';' | '"' | '\'' | ',') && !c.is_whitespace()).collect();
    (!value.is_empty()).then_some(value)
}

/// Attributes of a tag as `(lower-case name, value)`, from the bytes after its name.
fn attributes(tag: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let skip = |i: &mut usize, pred: &dyn Fn(u8) -> bool| {
        while *i < tag.len() && pred(tag[*i]) {
            *i += 1;
        }
    };
    while i < tag.len() {
        skip(&mut i, &|b| b.is_ascii_whitespace() || b == b'/');
        let start = i;
        skip(&mut i, &|b| !b.is_ascii_whitespace() && b != b'=' && b != b'/');
        if i == start {
            break;
        }
        let name = String::from_utf8_lossy(&tag[start..i]).to_ascii_lowercase();
        skip(&mut i, &|b| b.is_ascii_whitespace());
        let mut value = String::new();
        if tag.get(i) == Some(&b'=') {
            i += 1;
            skip(&mut i, &|b| b.is_ascii_whitespace());
            let (start, end) = match tag.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let start = i + 1;
                    let end = tag[start..].iter().position(|&b| b == q).map_or(tag.len(), |e| start + e);
                    i = (end + 1).min(tag.len());
                    (start, end)
                }
                _ => {
                    let start = i;
                    skip(&mut i, &|b| !b.is_ascii_whitespace());
                    (start, i)
                }
            };
            value = String::from_utf8_lossy(&tag[start..end]).into_owned();
        }
        out.push((name, value));
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The last label of a URL's host, lower-case, as chardetng wants it (`ua`, `com`).
fn top_level_domain(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let tld = host.trim_end_matches('.').rsplit('.').next()?.to_ascii_lowercase();
    let ok = !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(tld)
}

// ---------------------------------------------------------------------------------------
// Metadata

/// What the page says about itself, read before Readability rewrites the tree.
#[derive(Default)]
struct PageMeta {
    /// `<meta>` contents by lower-case `property`, `name` or `itemprop` (the first wins).
    metas: HashMap<String, String>,
    title_tag: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
    /// `datetime` of the first `<time>` inside `<article>`, else of the first anywhere.
    time: Option<String>,
    ld: LinkedData,
}

impl PageMeta {
    fn read(dom: &Document) -> PageMeta {
        let mut found = PageMeta::default();
        for node in dom.select("meta").nodes() {
            let Some(content) = node.attr("content").map(|c| c.trim().to_string()).filter(|c| !c.is_empty()) else {
                continue;
            };
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = node.attr(key) {
                    found.metas.entry(k.trim().to_ascii_lowercase()).or_insert_with(|| content.clone());
                }
            }
        }
        found.title_tag = dom.select_single("title").nodes().first().map(|t| t.text().to_string());
        found.canonical = dom
            .select("link[href]")
            .nodes()
            .iter()
            .find(|l| l.attr("rel").is_some_and(|r| r.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("canonical"))))
            .and_then(|l| l.attr("href"))
            .map(|h| h.trim().to_string());
        found.lang = dom
            .select_single("html[lang]")
            .attr("lang")
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty() && l.len() <= 35 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let first_time = |sel: &str| dom.select(sel).nodes().iter().find_map(|t| t.attr("datetime").map(|d| d.trim().to_string()).filter(|d| !d.is_empty()));
        found.time = first_time("article time[datetime]").or_else(|| first_time("time[datetime]"));
        for script in dom.select("script").nodes() {
            let is_ld = script.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_ld {
                found.ld.add(&script.text());
            }
        }
        found
    }
}

/// The article facts found in a page's JSON-LD blocks.
#[derive(Default)]
struct LinkedData {
    date_published: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
}

impl LinkedData {
    /// Take what is still missing from one `<script type="application/ld+json">` block.
    fn add(&mut self, block: &str) {
        if block.len() > MAX_JSON_LD {
            return;
        }
        let json = block.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
        let json = json.strip_prefix("<![CDATA[").and_then(|j| j.strip_suffix("]]>")).unwrap_or(json);
        let Ok(value) = serde_json::from_str::<Value>(json) else { return };
        let mut objects = Vec::new();
        collect_objects(&value, &mut objects);
        // Articles first, then anything else that carries a publication date.
        let is_article = |o: &serde_json::Map<String, Value>| types(o).any(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report");
        let ranked = objects.iter().filter(|o| is_article(o)).chain(objects.iter().filter(|o| !is_article(o)));
        for obj in ranked {
            let text = |key: &str| obj.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
            if self.date_published.is_none() {
                self.date_published = text("datePublished");
            }
            if is_article(obj) {
                if self.headline.is_none() {
                    self.headline = text("headline").or_else(|| text("name"));
                }
                if self.publisher.is_none() {
                    self.publisher = obj.get("publisher").and_then(|p| name_of(p, &objects));
                }
            }
        }
    }
}

/// Every JSON object in `value`, in document order (arrays and `@graph` included).
fn collect_objects<'v>(value: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>) {
    match value {
        Value::Object(map) => {
            out.push(map);
            for v in map.values() {
                collect_objects(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_objects(v, out)),
        _ => {}
    }
}

fn types(obj: &serde_json::Map<String, Value>) -> impl Iterator<Item = &str> {
    let t = obj.get("@type");
    let one = t.and_then(Value::as_str);
    let many = t.and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str);
    one.into_iter().chain(many)
}

/// The `name` of a publisher given inline, as a list, or as an `@id` reference.
fn name_of(publisher: &Value, objects: &[&serde_json::Map<String, Value>]) -> Option<String> {
    let publisher = match publisher {
        Value::Array(items) => items.first()?,
        p => p,
    };
    match publisher {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(p) => {
            if let Some(name) = p.get("name").and_then(Value::as_str).filter(|n| !n.trim().is_empty()) {
                return Some(name.trim().to_string());
            }
            let id = p.get("@id")?.as_str()?;
            let target = objects.iter().find(|o| o.get("@id").and_then(Value::as_str) == Some(id) && o.contains_key("name"))?;
            target.get("name")?.as_str().map(|n| n.trim().to_string()).filter(|n| !n.is_empty())
        }
        _ => None,
    }
}

/// The report's date: the page's own, else the context's fallback, else `--date`.
fn publication_date(found: &PageMeta, page: &PageContext, opts: &ReadOptions, warnings: &mut Vec<String>) -> Result<ReportDate, ReadError> {
    let candidates = std::iter::once(("article:published_time", found.metas.get("article:published_time")))
        .chain([("JSON-LD datePublished", found.ld.date_published.as_ref()), ("<time datetime>", found.time.as_ref())])
        .chain(OTHER_DATE_METAS.iter().map(|&key| (key, found.metas.get(key))));
    for (source, raw) in candidates {
        let Some(raw) = raw else { continue };
        match parse_report_date(raw, &opts.tz) {
            Some(date) => return Ok(date),
            None => warnings.push(format!("the page's {source} `{}` is not a date sitrep reads; it was ignored", truncate(raw, 80))),
        }
    }
    if let Some(date) = page.fallback_date.clone() {
        warnings.push(format!("the page gives no publication date; used {} from outside it (archive date or --date)", date.date));
        return Ok(date);
    }
    if let Some(date) = opts.fallback_date() {
        warnings.push(format!("the page gives no publication date; used {} from --date", date.date));
        return Ok(date);
    }
    Err(ReadError::new(page.origin.clone(), "the page gives no publication date (no article:published_time, JSON-LD datePublished, <time datetime> or date meta)")
        .hint(DATE_HINT))
}

/// Resolve `href` against `base` into an absolute http(s) URL, or `None`.
fn resolve_url(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.len() > 2048 || href.chars().any(char::is_whitespace) {
        return None;
    }
    if is_http_url(href) {
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let root = &base[..scheme.len() + 3 + host_end];
    let resolved = if let Some(net) = href.strip_prefix("//") {
        format!("{scheme}://{net}")
    } else if href.starts_with('/') {
        format!("{root}{href}")
    } else if href.contains(':') {
        return None; // another scheme: javascript:, mailto:, …
    } else {
        let path = &base[..base.find(['?', '#']).unwrap_or(base.len())];
        let dir = if path.len() > root.len() { &path[..path.rfind('/').unwrap_or(path.len()) + 1] } else { "" };
        if dir.is_empty() { format!("{root}/{href}") } else { format!("{dir}{href}") }
    };
    is_http_url(&resolved).then_some(resolved)
}

/// True for `https://host` and `https://host/`, with no path or query.
fn is_site_root(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else { return false };
    let rest = rest.split('#').next().unwrap_or(rest);
    let path = rest.find('/').map(|slash| &rest[slash..]);
    !rest.contains('?') && matches!(path, None | Some("/"))
}

fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("http://") && s.len() > 7) || (lower.starts_with("https://") && s.len() > 8)
}

// ---------------------------------------------------------------------------------------
// Main text

/// The article's text in paragraphs, and Readability's title when it ran.
fn main_text(dom: Document, html: &str, warnings: &mut Vec<String>) -> (String, Option<String>) {
    let depth = max_depth(&dom.root());
    let why = if depth > MAX_READABILITY_DEPTH {
        format!("the page nests elements {depth} deep, too deep for boilerplate removal")
    } else {
        let config = Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
        // Readability is a heuristic third-party walk over any tree a page can make; a
        // panic inside it must cost this page its boilerplate removal, not the whole run.
        let outcome = catch_unwind(AssertUnwindSafe(move || {
            let mut readability = Readability::with_document(dom, None, Some(config)).map_err(|e| e.to_string())?;
            readability.parse().map_err(|e| e.to_string())
        }));
        match outcome {
            Ok(Ok(article)) => {
                let text = paragraphs(&article.text_content);
                let title = Some(article.title).filter(|t| !t.trim().is_empty());
                if !text.is_empty() {
                    return (text, title);
                }
                "boilerplate removal found no article text".to_string()
            }
            Ok(Err(e)) => format!("boilerplate removal failed ({e})"),
            Err(_) => "boilerplate removal failed on this page".to_string(),
        }
    };
    // Readability rewrites the tree it works on: start again from the page.
    let dom = Document::from(html);
    dom.select("script, style, noscript, template").remove();
    let text = paragraph_elements(&dom);
    if !text.is_empty() {
        warnings.push(format!("{why}; used the text of the page's <p> elements"));
        return (text, None);
    }
    dom.select("nav, footer, aside").remove();
    let text = match dom.body() {
        Some(body) => paragraphs(&body.formatted_text()),
        None => paragraphs(&dom.formatted_text()),
    };
    if !text.is_empty() {
        warnings.push(format!("{why}; used the whole body text, which may include navigation and other boilerplate"));
    }
    (text, None)
}

/// Elements whose paragraphs are page furniture, not the article.
const CHROME: [&str; 5] = ["nav", "footer", "header", "aside", "form"];

/// The text of the page's `<p>` elements outside navigation, headers, footers and
/// asides, one paragraph each.
fn paragraph_elements(dom: &Document) -> String {
    let mut parts = Vec::new();
    walk(&dom.root(), |node, _| {
        if CHROME.iter().any(|name| node.has_name(name)) {
            return false;
        }
        if node.has_name("p") {
            let text = paragraphs(&node.formatted_text());
            if !text.is_empty() {
                parts.push(text);
            }
            return false;
        }
        true
    });
    parts.join("\n\n")
}

/// How deep the tree under `root` goes.
fn max_depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    walk(root, |_, depth| {
        deepest = deepest.max(depth);
        true
    });
    deepest
}

/// Visit the nodes under `root` in document order, without recursion (pages can nest
/// deeply), passing each node's depth; `visit` returns whether to go into its children.
fn walk<'a>(root: &NodeRef<'a>, mut visit: impl FnMut(&NodeRef<'a>, usize) -> bool) {
    let Some(mut node) = root.first_child() else { return };
    let mut depth = 1;
    'nodes: loop {
        if visit(&node, depth) {
            if let Some(child) = node.first_child() {
                node = child;
                depth += 1;
                continue;
            }
        }
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                continue 'nodes;
            }
            match node.parent() {
                Some(parent) if depth > 1 => {
                    node = parent;
                    depth -= 1;
                }
                _ => return,
            }
        }
    }
}

/// Elements that never have an end tag, that end when a sibling starts, or whose
/// content is not markup: none of them makes the tree deeper.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source", b"track", b"wbr",
    b"keygen", b"basefont", b"bgsound", b"frame", b"image",
];
const SELF_CLOSING: &[&[u8]] = &[
    b"p", b"li", b"dt", b"dd", b"option", b"optgroup", b"tr", b"td", b"th", b"thead", b"tbody", b"tfoot", b"rb", b"rt",
    b"rp", b"rtc", b"html", b"head", b"body", b"colgroup", b"caption",
];
const RAW_TEXT: &[&[u8]] = &[b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes", b"plaintext"];

/// True when the page's tags may nest deeper than `limit`: an estimate from counting
/// start and end tags per element name, before any parsing. It errs on the high side
/// (unclosed inline tags count), so only pages with thousands of open tags trip it.
fn nesting_exceeds(html: &str, limit: usize) -> bool {
    let b = html.as_bytes();
    let mut open: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut depth = 0usize;
    let mut foreign = 0usize; // open <svg> and <math>, where `/>` closes a tag
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| p + i) {
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let end_tag = b.get(i) == Some(&b'/');
        let start = if end_tag { i + 1 } else { i };
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') && j - start < 32 {
            j += 1;
        }
        if j == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = b[start..j].to_ascii_lowercase();
        let close = b[j..].iter().position(|&c| c == b'>').map_or(b.len(), |e| j + e);
        let self_closed = close > j && b[close - 1] == b'/';
        i = close.min(b.len());
        let is_foreign = name == b"svg" || name == b"math";
        if end_tag {
            if let Some(count) = open.get_mut(&name).filter(|c| **c > 0) {
                *count -= 1;
                depth -= 1;
                if is_foreign {
                    foreign = foreign.saturating_sub(1);
                }
            }
            continue;
        }
        let name_is = |set: &[&[u8]]| set.contains(&name.as_slice());
        if name_is(RAW_TEXT) {
            i = find_end_tag(b, i, &name);
            continue;
        }
        if name_is(VOID) || name_is(SELF_CLOSING) || (self_closed && foreign > 0) {
            continue;
        }
        if is_foreign {
            foreign += 1;
        }
        *open.entry(name).or_default() += 1;
        depth += 1;
        if depth > limit {
            return true;
        }
    }
    false
}

/// Where the `</name` that ends a raw-text element starts, at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(at) = find(&b[i.min(b.len())..], b"</").map(|p| p + i) {
        let tail = &b[at + 2..];
        if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(name) {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

/// Lay out formatted text as prose: every non-blank line becomes one paragraph with its
/// white space collapsed; paragraphs are separated by a blank line.
fn paragraphs(formatted: &str) -> String {
    let mut out = String::with_capacity(formatted.len());
    for line in formatted.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prescan_finds_meta_charset_forms() {
        assert_eq!(prescan_charset(b"<html><head><META CHARSET='windows-1251'>").as_deref(), Some("windows-1251"));
        assert_eq!(
            prescan_charset(br#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">"#).as_deref(),
            Some("ISO-8859-2")
        );
        assert_eq!(prescan_charset(br#"<?xml version="1.0" encoding="koi8-r"?><html>"#).as_deref(), Some("koi8-r"));
        assert_eq!(prescan_charset(b"<meta name=viewport content=width=device-width><p>charset=utf-8"), None);
        assert_eq!(prescan_charset(b"<meta charset=\"utf"), Some("utf".into()));
    }

    #[test]
    fn charset_param_forms() {
        assert_eq!(charset_param("text/html; charset=\"UTF-8\"").as_deref(), Some("UTF-8"));
        assert_eq!(charset_param("text/html;charset=windows-1252;foo=bar").as_deref(), Some("windows-1252"));
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(charset_param("text/html; charset="), None);
    }

    #[test]
    fn urls_resolve_against_the_page() {
        let base = Some("https://news.example/world/2023/story.html?x=1");
        assert_eq!(resolve_url("/a/b", base).as_deref(), Some("https://news.example/a/b"));
        assert_eq!(resolve_url("//cdn.example/c", base).as_deref(), Some("https://cdn.example/c"));
        assert_eq!(resolve_url("other.html", base).as_deref(), Some("https://news.example/world/2023/other.html"));
        assert_eq!(resolve_url("other.html", Some("https://news.example")).as_deref(), Some("https://news.example/other.html"));
        assert_eq!(resolve_url("javascript:void(0)", base), None);
        assert_eq!(resolve_url("/a", None), None);
        assert_eq!(resolve_url("HTTPS://X.example/", None).as_deref(), Some("HTTPS://X.example/"));
        assert!(is_site_root("https://x.example") && is_site_root("https://x.example/"));
        assert!(!is_site_root("https://x.example/a") && !is_site_root("https://x.example/?p=1"));
    }

    #[test]
    fn tld_for_the_detector() {
        assert_eq!(top_level_domain("https://www.pravda.com.UA/news/1").as_deref(), Some("ua"));
        assert_eq!(top_level_domain("http://user@host.example:8080/").as_deref(), Some("example"));
        assert_eq!(top_level_domain("https://[::1]/"), None);
        assert_eq!(top_level_domain("no scheme"), None);
    }

    #[test]
    fn paragraphs_collapse_space_and_drop_blank_lines() {
        assert_eq!(paragraphs("  Head  line \n\n\n a\u{a0} b \n- item\n"), "Head line\n\na b\n\n- item");
        assert_eq!(paragraphs(" \n \t\n"), "");
    }
}
