//! HTML pages and WARC archives: boilerplate removal, metadata and date precedence,
//! charsets, record filtering, gzip members, damaged archives, and no panics on any
//! bytes (bounded mutation runs, `SITREP_FUZZ_SECS` seconds each, default 3).
//!
//! The pages under `tests/fixtures/` are invented; the WARC archives are assembled here.

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use sitrep_core::fuzz::{budget, Mutator};
use std::time::{Duration, Instant};

use flate2::write::GzEncoder;
use flate2::Compression;
use jiff::civil::date;
use jiff::tz::TimeZone;
use sitrep_core::{Doc, Origin, Position};
use sitrep_ingest::{parse_report_date, read_bytes, read_html, InputFormat, PageContext, ReadError, ReadOptions};

// ---------------------------------------------------------------------------------------
// Helpers

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn context(file: &str, url: Option<&str>) -> PageContext {
    PageContext { origin: Origin { file: file.into(), at: None }, url: url.map(str::to_string), ..PageContext::default() }
}

fn html(name: &str, url: Option<&str>) -> Doc {
    read_html(&fixture(name), context(name, url), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn with_date(d: jiff::civil::Date) -> ReadOptions {
    ReadOptions { date: Some(d), ..ReadOptions::default() }
}

/// Layout rules every report text keeps: paragraphs split by exactly one blank line, no
/// white space at either end, no runs of spaces, no blank paragraphs.
fn assert_prose(text: &str) {
    assert!(!text.is_empty());
    assert_eq!(text, text.trim(), "white space at an end: {text:?}");
    assert!(!text.contains("\n\n\n"), "more than one blank line: {text:?}");
    assert!(!text.contains("  "), "run of spaces: {text:?}");
    for para in text.split("\n\n") {
        assert!(!para.is_empty() && !para.contains('\n'), "paragraph {para:?} in {text:?}");
        assert_eq!(para, para.trim(), "paragraph {para:?}");
    }
}

// ---------------------------------------------------------------------------------------
// HTML: text

#[test]
fn boilerplate_is_removed_and_paragraphs_are_separated_by_blank_lines() {
    let doc = html("article_og.html", Some("https://courier.example/news/x"));
    let text = doc.text();
    assert_prose(text);
    for kept in [
        "The new flood barrier at Millbrook held overnight as the Alder river rose to its highest level in eleven years, the county council said on Tuesday morning.",
        "\"This time the water stayed on the other side.\"",
        "Forecasters expect the river to fall slowly",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in {text:?}");
    }
    for dropped in ["Subscribe today", "Local news", "Cookie settings", "All rights reserved", "Most read", "Bakery wins", "trackPageView", ".promo", "Monday 20 November"] {
        assert!(!text.contains(dropped), "boilerplate {dropped:?} kept in {text:?}");
    }
    // Paragraph breaks, collapsed spaces, and a heading and list items as paragraphs.
    assert!(text.contains("installed last spring. Engineers had stayed"), "{text:?}");
    assert!(text.contains("the upper valley."));
    assert!(text.contains("last spring. Engineers had stayed on site through the night to watch the seals.\n\nResidents return home\n\nAbout two hundred"), "{text:?}");
    assert!(text.contains("\n\nTannery Row, between the bridge and the school\n\nWeir Street, for its whole length\n\nThe towpath south of Millbrook lock\n\n"), "{text:?}");
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_page_without_article_markup_still_gives_its_paragraphs() {
    let page = "<html><head><title>Notice</title><meta name=\"date\" content=\"2021-04-01\"></head><body>\
                <p>The swimming pool on Quarry Road is closed for cleaning until further notice.</p>\
                <p>Season tickets will be extended by the number of days lost.</p></body></html>";
    let doc = read_html(page.as_bytes(), context("notice.html", None), &ReadOptions::default()).unwrap();
    assert_eq!(
        doc.text(),
        "The swimming pool on Quarry Road is closed for cleaning until further notice.\n\nSeason tickets will be extended by the number of days lost."
    );
    assert_eq!(doc.meta.date.to_string(), "2021-04-01");
}

#[test]
fn a_page_too_large_to_score_falls_back_to_its_paragraphs_with_a_warning() {
    let mut page = String::from("<html><head><meta property=\"article:published_time\" content=\"2022-07-07\"></head><body><nav>");
    for i in 0..60_000 {
        page.push_str(&format!("<span>menu {i}</span>"));
    }
    page.push_str("</nav><article><p>The night market on Dock Street will move indoors for the winter.</p>\
                   <p>Stallholders voted for the change at a meeting on Wednesday.</p></article><footer><p>Footer text.</p></footer></body></html>");
    let started = Instant::now();
    let doc = read_html(page.as_bytes(), context("big.html", None), &ReadOptions::default()).unwrap();
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    assert_eq!(doc.text(), "The night market on Dock Street will move indoors for the winter.\n\nStallholders voted for the change at a meeting on Wednesday.");
    assert!(doc.warnings.iter().any(|w| w.contains("too many elements") && w.contains("<p> elements")), "{:?}", doc.warnings);
}

#[test]
fn text_outside_paragraphs_is_the_last_resort_with_a_warning() {
    // Too many elements for Readability, and no <p> to fall back on.
    let mut page = String::from("<html><head><meta name=\"pubdate\" content=\"2019-12-24\"></head><body><nav>Home | About</nav><div>");
    page.push_str(&"<span></span>".repeat(60_000));
    page.push_str("</div><div>Carol singers will gather at the   market cross at six.</div><footer>Parish news</footer></body></html>");
    let doc = read_html(page.as_bytes(), context("bare.html", None), &ReadOptions::default()).unwrap();
    assert_eq!(doc.text(), "Carol singers will gather at the market cross at six.");
    assert!(doc.warnings.iter().any(|w| w.contains("whole body text")), "{:?}", doc.warnings);
}

#[test]
fn empty_binary_and_textless_pages_are_clear_errors() {
    let opts = with_date(date(2022, 1, 1));
    let cases: [(&[u8], &str); 4] = [
        (b"", "empty"),
        (b"  \r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (b"<html><head><title>Nothing here</title></head><body><script>var x = 1;</script></body></html>", "no text"),
    ];
    for (bytes, expected) in cases {
        let err = read_html(bytes, context("bad.html", None), &opts).unwrap_err();
        assert!(err.problem.contains(expected), "{bytes:?}: {err}");
        assert_eq!(err.origin.file, "bad.html");
    }
    let small = ReadOptions { max_report_bytes: 100, ..opts };
    let err = read_html(&fixture("article_og.html"), context("og.html", None), &small).unwrap_err();
    assert!(err.problem.contains("100 byte limit"), "{err}");
}

fn nested(depth: usize, open: &str, close: &str) -> String {
    format!(
        "<html><head><meta name=\"date\" content=\"2020-05-05\"></head><body><nav><p>Menu</p></nav>{}\
         <p>A lone paragraph at the bottom of a deep tree.</p>{}</body></html>",
        open.repeat(depth),
        close.repeat(depth)
    )
}

#[test]
fn deep_pages_skip_boilerplate_removal_and_pathological_ones_are_refused() {
    let started = Instant::now();
    let doc = read_html(nested(2000, "<div>", "</div>").as_bytes(), context("deep.html", None), &ReadOptions::default()).unwrap();
    assert_eq!(doc.text(), "A lone paragraph at the bottom of a deep tree.");
    assert!(doc.warnings.iter().any(|w| w.contains("too deep for boilerplate removal")), "{:?}", doc.warnings);

    for (open, close) in [("<div>", "</div>"), ("<span>", ""), ("<div></span>", ""), ("<div/>", ""), ("<table><div>", "</div>")] {
        let err = read_html(nested(100_000, open, close).as_bytes(), context("deeper.html", None), &ReadOptions::default()).unwrap_err();
        assert!(err.problem.contains("nest more than"), "{open}: {err}");
    }
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());

    // Many tags that close themselves or are closed by their siblings are not deep.
    let flat = nested(20_000, "<p>Line<br><img src=x><svg><path d='M0'/></svg>", "");
    assert!(read_html(flat.as_bytes(), context("flat.html", None), &ReadOptions::default()).is_ok());
    let unclosed = "<p>Unclosed <b>tags <i>everywhere <a href='x".repeat(1000);
    let result = read_html(unclosed.as_bytes(), context("unclosed.html", None), &with_date(date(2020, 5, 5)));
    assert!(result.is_ok_and(|doc| doc.text().contains("everywhere")));
}

// ---------------------------------------------------------------------------------------
// HTML: metadata

#[test]
fn open_graph_canonical_link_and_html_lang() {
    let doc = html("article_og.html", Some("https://courier.example/news/x?utm=1"));
    // The relative canonical link is resolved against the page's URL and beats og:url.
    assert_eq!(doc.meta.id, "https://courier.example/news/2023/11/14/flood-barrier-holds");
    assert_eq!(doc.meta.url.as_deref(), Some("https://courier.example/news/2023/11/14/flood-barrier-holds"));
    assert_eq!(doc.meta.title.as_deref(), Some("Flood barrier holds as Alder river peaks"));
    // og:site_name beats the JSON-LD publisher.
    assert_eq!(doc.meta.source.as_deref(), Some("The Valley Courier"));
    assert_eq!(doc.meta.lang.as_deref(), Some("en-GB"));
    assert_eq!(doc.meta.origin.file, "article_og.html");

    // Without the page's URL the relative link cannot be resolved; og:url is absolute.
    let doc = html("article_og.html", None);
    assert_eq!(doc.meta.id, "https://courier.example/news/flood-barrier-holds");

    // A canonical link to the front page is not believed of an article.
    let page = dated_page(r#"<link rel="canonical" href="https://courier.example/">"#, "");
    let ctx = PageContext { id: Some("rec-1".into()), ..context("front.html", Some("https://courier.example/news/dam")) };
    let doc = read_html(page.as_bytes(), ctx, &with_date(date(2020, 1, 1))).unwrap();
    assert_eq!(doc.meta.id, "rec-1");
    assert_eq!(doc.meta.url.as_deref(), Some("https://courier.example/news/dam"));
}

#[test]
fn json_ld_graph_gives_date_headline_and_referenced_publisher() {
    let mut page = context("ferries.html", Some("https://northport.example/ferries"));
    page.id = Some("record-7".into());
    let doc = read_html(&fixture("article_jsonld.html"), page, &ReadOptions::default()).unwrap();
    // JSON-LD datePublished beats the <time datetime> in the article.
    assert_eq!(doc.meta.date.to_string(), "2024-02-03");
    assert_eq!(doc.meta.published_rfc3339().as_deref(), Some("2024-02-03T16:20:00-05:00"));
    assert_eq!(doc.meta.source.as_deref(), Some("Northport Daily"));
    assert_eq!(doc.meta.title.as_deref(), Some("Harbour ferries halted as crews walk out"));
    // No canonical link: the context's id, and the fetched URL.
    assert_eq!(doc.meta.id, "record-7");
    assert_eq!(doc.meta.url.as_deref(), Some("https://northport.example/ferries"));
    assert!(doc.text().contains("stranding commuters on both sides of the water."));
    assert!(!doc.text().contains("Sign in"));
    assert!(!doc.text().contains("Advertise with us"));
}

#[test]
fn a_time_inside_the_article_beats_an_earlier_one_outside_it() {
    let doc = html("article_time.html", None);
    assert_eq!(doc.meta.date.to_string(), "2022-09-24");
    assert_eq!(doc.meta.published_rfc3339().as_deref(), Some("2022-09-24T10:05:00+01:00"));
    assert_eq!(doc.meta.title.as_deref(), Some("Orchard festival returns"));
    // No canonical URL and no context id: the file name.
    assert_eq!(doc.meta.id, "article_time.html");
    assert_eq!(doc.meta.url, None);
    assert_eq!(doc.meta.lang, None);
}

fn dated_page(head: &str, in_article: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Dam inspection</title>{head}</head><body>\
         <nav><a href=\"/\">Home</a></nav><article>{in_article}<h1>Dam inspection finds cracks</h1>\
         <p>Inspectors found hairline cracks in the spillway of the Kettle Moor dam during a routine survey, the water board said.</p>\
         <p>The reservoir will be lowered by two metres as a precaution while repairs are planned.</p></article>\
         <footer>Moorland Echo</footer></body></html>"
    )
}

#[test]
fn date_sources_in_order_of_precedence() {
    let meta = r#"<meta property="article:published_time" content="2020-01-01T08:00:00Z">"#;
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2020-01-02"}</script>"#;
    let ld_list = r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","datePublished":"2020-01-02T12:00:00+01:00"}]</script>"#;
    let time = r#"<p><time datetime="2020-01-03">3 January</time></p>"#;
    let other = r#"<meta name="parsely-pub-date" content="2020-01-04">"#;
    let cases: Vec<(String, &str, &str)> = vec![
        (format!("{other}{ld}{meta}"), time, "2020-01-01"),
        (format!("{other}{ld}"), time, "2020-01-02"),
        (format!("{other}{ld_list}"), time, "2020-01-02"),
        (other.to_string(), time, "2020-01-03"),
        (other.to_string(), "", "2020-01-04"),
        (r#"<meta name="pubdate" content="2020-01-04T10:00:00+0200">"#.to_string(), "", "2020-01-04"),
        (r#"<meta name="date" content="2020-01-04">"#.to_string(), "", "2020-01-04"),
        (r#"<meta name="DC.date.issued" content="2020-01-04">"#.to_string(), "", "2020-01-04"),
        (r#"<meta name="article:published_time" content="2020-01-01">"#.to_string(), time, "2020-01-01"),
    ];
    for (head, in_article, expected) in cases {
        let page = dated_page(&head, in_article);
        let doc = read_html(page.as_bytes(), context("dam.html", None), &ReadOptions::default()).unwrap();
        assert_eq!(doc.meta.date.to_string(), expected, "{head} {in_article}");
        assert!(doc.warnings.is_empty(), "{head}: {:?}", doc.warnings);
    }
}

#[test]
fn without_a_page_date_the_context_then_the_options_give_it_with_a_warning() {
    let bytes = fixture("article_nodate.html");
    let crawl = parse_report_date("2023-08-09T22:10:00Z", &TimeZone::UTC);

    let page = PageContext { fallback_date: crawl.clone(), ..context("library.html", None) };
    let doc = read_html(&bytes, page, &with_date(date(2000, 1, 1))).unwrap();
    assert_eq!(doc.meta.date.to_string(), "2023-08-09");
    assert!(doc.warnings.iter().any(|w| w.contains("no publication date") && w.contains("2023-08-09")), "{:?}", doc.warnings);

    let doc = read_html(&bytes, context("library.html", None), &with_date(date(2023, 8, 1))).unwrap();
    assert_eq!(doc.meta.date.to_string(), "2023-08-01");
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);

    let err = read_html(&bytes, context("library.html", None), &ReadOptions::default()).unwrap_err();
    assert_eq!(err.origin.file, "library.html");
    assert!(err.problem.contains("no publication date"), "{err}");
    assert!(err.to_string().contains("--date YYYY-MM-DD"), "{err}");
}

#[test]
fn an_unreadable_page_date_is_passed_over_with_a_warning() {
    let page = dated_page(r#"<meta property="article:published_time" content="last Tuesday">"#, r#"<time datetime="2020-02-02">2 Feb</time>"#);
    let doc = read_html(page.as_bytes(), context("dam.html", None), &ReadOptions::default()).unwrap();
    assert_eq!(doc.meta.date.to_string(), "2020-02-02");
    assert!(doc.warnings.iter().any(|w| w.contains("last Tuesday")), "{:?}", doc.warnings);
}

#[test]
fn bare_page_dates_take_the_zone_given_by_tz() {
    let kyiv = TimeZone::get("Europe/Kyiv").unwrap();
    let opts = ReadOptions { tz: kyiv, ..ReadOptions::default() };
    let page = dated_page(r#"<meta name="date" content="2022-02-25">"#, "");
    let doc = read_html(page.as_bytes(), context("dam.html", None), &opts).unwrap();
    assert_eq!(doc.meta.tz_label(), "Europe/Kyiv");
}

// ---------------------------------------------------------------------------------------
// HTML: charsets

const CP1252_WORDS: [&str; 5] = ["café de la Jetée", "l’hiver", "« On a tout repeint nous-mêmes »", "la gérante — une", "1,20 €"];

#[test]
fn a_windows_1252_page_is_decoded_by_its_meta_charset() {
    let doc = html("article_cp1252.html", None);
    for word in CP1252_WORDS {
        assert!(doc.text().contains(word), "missing {word:?} in {:?}", doc.text());
    }
    assert!(!doc.text().contains('\u{FFFD}'));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.meta.title.as_deref(), Some("Le café du port rouvre"));
}

/// The windows-1252 fixture without its `<meta http-equiv>` line.
fn undeclared_cp1252() -> Vec<u8> {
    let bytes = fixture("article_cp1252.html");
    let start = bytes.windows(10).position(|w| w == b"<meta http").unwrap();
    let end = start + bytes[start..].iter().position(|&b| b == b'\n').unwrap() + 1;
    [&bytes[..start], &bytes[end..]].concat()
}

#[test]
fn an_undeclared_page_is_guessed_and_the_http_charset_wins_over_guessing() {
    let bytes = undeclared_cp1252();
    let guessed = read_html(&bytes, context("guess.html", Some("https://phare.example.fr/cafe")), &ReadOptions::default()).unwrap();
    assert!(guessed.text().contains("café de la Jetée"), "{:?}", guessed.text());
    assert!(guessed.warnings.iter().any(|w| w.contains("guess") && w.contains("windows-1252")), "{:?}", guessed.warnings);

    let page = PageContext { charset: Some("\"Windows-1252\"".into()), ..context("declared.html", None) };
    let declared = read_html(&bytes, page, &ReadOptions::default()).unwrap();
    for word in CP1252_WORDS {
        assert!(declared.text().contains(word), "missing {word:?}");
    }
    assert!(declared.warnings.is_empty(), "{:?}", declared.warnings);

    // The HTTP header beats the page's own declaration.
    let utf8 = dated_page(r#"<meta charset="windows-1252">"#, "<p>Jetée.</p>");
    let page = PageContext { charset: Some("utf-8".into()), ..context("h.html", None) };
    let doc = read_html(utf8.as_bytes(), page, &with_date(date(2021, 1, 1))).unwrap();
    assert!(doc.text().contains("Jetée."), "{:?}", doc.text());
}

#[test]
fn a_byte_order_mark_beats_every_declaration() {
    let page = dated_page(r#"<meta charset="windows-1252">"#, "<p>Crème brûlée stall.</p>");
    let bytes = [&b"\xEF\xBB\xBF"[..], page.as_bytes()].concat();
    let ctx = PageContext { charset: Some("iso-8859-5".into()), ..context("bom.html", None) };
    let doc = read_html(&bytes, ctx, &with_date(date(2021, 1, 1))).unwrap();
    assert!(doc.text().contains("Crème brûlée stall."), "{:?}", doc.text());

    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(page.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let doc = read_html(&utf16, context("utf16.html", None), &with_date(date(2021, 1, 1))).unwrap();
    assert!(doc.text().contains("Crème brûlée stall."), "{:?}", doc.text());
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let page = dated_page(r#"<meta charset="utf-8">"#, "<p>Broken \u{00e9} byte: \u{FFFF}</p>").replace('\u{FFFF}', "@@");
    let bytes = page.as_bytes().iter().flat_map(|&b| if b == b'@' { vec![0xFF] } else { vec![b] }).collect::<Vec<u8>>();
    let doc = read_html(&bytes, context("bad-utf8.html", None), &with_date(date(2021, 1, 1))).unwrap();
    assert!(doc.text().contains("Broken é byte: \u{FFFD}\u{FFFD}"), "{:?}", doc.text());
    assert!(doc.warnings.iter().any(|w| w.contains("invalid UTF-8")), "{:?}", doc.warnings);
}

// ---------------------------------------------------------------------------------------
// WARC: assembling archives

static RECORD_IDS: AtomicU64 = AtomicU64::new(1);

/// One WARC record with `fields` after its type and id, and `block`.
fn record(kind: &str, fields: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let id = RECORD_IDS.fetch_add(1, Ordering::Relaxed);
    let mut out = format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\n").into_bytes();
    for (name, value) in fields {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(uri: &str, warc_date: &str, http: &[u8]) -> Vec<u8> {
    record("response", &[("WARC-Target-URI", uri), ("WARC-Date", warc_date), ("Content-Type", "application/http; msgtype=response")], http)
}

fn http(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

fn html_200(body: &[u8]) -> Vec<u8> {
    http("200 OK", &[("Content-Type", "text/html; charset=UTF-8"), ("Server", "test")], body)
}

/// A small page; `day` (`YYYY-MM-DD`) becomes its article:published_time when given.
fn article(title: &str, day: Option<&str>, sentence: &str) -> Vec<u8> {
    let date = day.map(|d| format!("<meta property=\"article:published_time\" content=\"{d}T09:00:00Z\">")).unwrap_or_default();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title>{date}</head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/contact\">Contact the newsroom</a></nav>\
         <article><h1>{title}</h1><p>{sentence}</p><p>Officials said a fuller statement would follow later in the week.</p></article>\
         <footer>All content copyright the Example Herald</footer></body></html>"
    )
    .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Records one after another, and the offset of each.
fn plain(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(out.len() as u64);
        out.extend_from_slice(r);
    }
    (out, offsets)
}

/// Records gzipped one member each, as CC-NEWS does, and the offset of each member.
fn gzipped(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    plain(&records.iter().map(|r| gzip(r)).collect::<Vec<_>>())
}

fn read_warc(bytes: &[u8], opts: &ReadOptions) -> Vec<Result<Doc, ReadError>> {
    let mut out = Vec::new();
    read_bytes(bytes, "news.warc", InputFormat::Warc, opts, &mut |r| out.push(r));
    out
}

/// The report ids in order, and the errors.
fn split(results: Vec<Result<Doc, ReadError>>) -> (Vec<Doc>, Vec<ReadError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

fn ids(docs: &[Doc]) -> Vec<&str> {
    docs.iter().map(|d| d.meta.id.as_str()).collect()
}

fn at(offset: u64) -> Option<Position> {
    Some(Position::Byte(offset))
}

/// Three HTML responses: `a`, `b`, `c`.
fn three_pages() -> Vec<Vec<u8>> {
    ["a", "b", "c"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let page = article(&format!("Story {name}"), Some(&format!("2023-04-0{}", i + 1)), &format!("The council approved plan {name} by a wide margin on Monday evening."));
            response(&format!("https://herald.example/{name}"), "2023-04-10T12:00:00Z", &html_200(&page))
        })
        .collect()
}

/// An archive of every kind of record, with HTML pages at 2, 7 and 11.
fn mixed_records() -> Vec<Vec<u8>> {
    let page_a = article("Pier repairs begin", Some("2023-01-10"), "Work to repair the storm-damaged pier at Saltby began on Tuesday.");
    let page_b = article("Tram timetable changes", None, "The tram company will run fewer evening services from the first of the month.");
    let page_c = article("Lighthouse open day", Some("2023-01-12"), "The lighthouse at Gull Point will open to visitors for one day in March.");
    let chunks: Vec<u8> = gzip(&page_c).chunks(100).flat_map(|c| [format!("{:x}\r\n", c.len()).into_bytes(), c.to_vec(), b"\r\n".to_vec()].concat()).chain(b"0\r\n\r\n".iter().copied()).collect();
    vec![
        record("warcinfo", &[("Content-Type", "application/warc-fields")], b"software: sitrep-test\r\nformat: WARC File Format 1.1\r\n"),
        record("request", &[("WARC-Target-URI", "https://saltby.example/pier")], b"GET /pier HTTP/1.1\r\nHost: saltby.example\r\n\r\n"),
        response("https://saltby.example/pier", "2023-01-11T05:00:00Z", &html_200(&page_a)),
        record("metadata", &[("WARC-Target-URI", "https://saltby.example/pier")], b"fetchTimeMs: 120\r\n"),
        response("https://saltby.example/logo.jpg", "2023-01-11T05:00:01Z", &http("200 OK", &[("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")),
        response("https://saltby.example/gone", "2023-01-11T05:00:02Z", &http("404 Not Found", &[("Content-Type", "text/html")], &article("Not found", Some("2023-01-01"), "This page does not exist any more, sorry."))),
        record("revisit", &[("WARC-Target-URI", "https://saltby.example/pier"), ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")], b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"),
        response("https://trams.example/timetable", "2023-01-11T06:30:00Z", &http("200 OK", &[("Server", "no-type")], &page_b)),
        response("https://saltby.example/robots.txt", "2023-01-11T05:00:03Z", &http("200 OK", &[("Content-Type", "text/plain")], b"User-agent: *\r\nDisallow:\r\n")),
        response("https://saltby.example/old", "2023-01-11T05:00:04Z", &http("301 Moved Permanently", &[("Location", "https://saltby.example/pier")], b"")),
        response("dns:saltby.example", "2023-01-11T05:00:05Z", b"20230111050005\nsaltby.example.\t300\tIN\tA\t192.0.2.1\n"),
        response(
            "https://gullpoint.example/open-day",
            "2023-01-12T08:00:00Z",
            &http("200 OK", &[("Content-Type", "application/xhtml+xml"), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")], &chunks),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// WARC: reading

#[test]
fn only_html_responses_with_a_2xx_status_become_reports() {
    let (bytes, offsets) = plain(&mixed_records());
    let (docs, errors) = split(read_warc(&bytes, &ReadOptions::default()));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&docs), ["https://saltby.example/pier", "https://trams.example/timetable", "https://gullpoint.example/open-day"]);
    let origins: Vec<_> = docs.iter().map(|d| d.meta.origin.clone()).collect();
    assert_eq!(origins.iter().map(|o| o.at).collect::<Vec<_>>(), [at(offsets[2]), at(offsets[7]), at(offsets[11])]);
    assert!(origins.iter().all(|o| o.file == "news.warc"));
    // (Readability drops the <h1> that repeats the <title>.)
    assert_eq!(docs[0].text(), "Work to repair the storm-damaged pier at Saltby began on Tuesday.\n\nOfficials said a fuller statement would follow later in the week.");
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://saltby.example/pier"));
    assert_eq!(docs[0].meta.title.as_deref(), Some("Pier repairs begin"));
    assert_eq!(docs[0].meta.lang.as_deref(), Some("en"));
    // Chunked transfer coding and gzip content coding are undone.
    assert!(docs[2].text().contains("The lighthouse at Gull Point will open to visitors"), "{:?}", docs[2].text());
}

#[test]
fn gzip_members_are_read_one_by_one_at_their_compressed_offsets() {
    let records = mixed_records();
    let (bytes, offsets) = gzipped(&records);
    let (docs, errors) = split(read_warc(&bytes, &ReadOptions::default()));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 3);
    assert_eq!(docs.iter().map(|d| d.meta.origin.at).collect::<Vec<_>>(), [at(offsets[2]), at(offsets[7]), at(offsets[11])]);
    // The same reports as from the plain archive.
    let (plain_docs, _) = split(read_warc(&plain(&records).0, &ReadOptions::default()));
    assert_eq!(docs.iter().map(Doc::text).collect::<Vec<_>>(), plain_docs.iter().map(Doc::text).collect::<Vec<_>>());
    // A whole archive gzipped as one member reads the same, every record at offset 0.
    let (docs, errors) = split(read_warc(&gzip(&plain(&records).0), &ReadOptions::default()));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 3);
    assert!(docs.iter().all(|d| d.meta.origin.at == at(0)));
}

#[test]
fn the_page_date_wins_and_the_warc_date_is_the_fallback() {
    let (docs, _) = split(read_warc(&plain(&mixed_records()).0, &with_date(date(1999, 1, 1))));
    // The page's own article:published_time, not the crawl date or --date.
    assert_eq!(docs[0].meta.date.to_string(), "2023-01-10");
    assert!(docs[0].warnings.is_empty(), "{:?}", docs[0].warnings);
    // No date in the page: the WARC-Date, before --date, with a warning.
    assert_eq!(docs[1].meta.date.to_string(), "2023-01-11");
    assert_eq!(docs[1].meta.published_rfc3339().as_deref(), Some("2023-01-11T06:30:00+00:00"));
    assert!(docs[1].warnings.iter().any(|w| w.contains("no publication date")), "{:?}", docs[1].warnings);
}

#[test]
fn without_any_date_a_record_is_an_error_and_the_next_is_read() {
    let page = article("Undated", None, "Nothing in this page or its record says when it was written.");
    let records = vec![
        record("response", &[("WARC-Target-URI", "https://x.example/undated")], &html_200(&page)),
        three_pages()[0].clone(),
    ];
    let (bytes, offsets) = plain(&records);
    let results = read_warc(&bytes, &ReadOptions::default());
    let err = results[0].as_ref().unwrap_err();
    assert_eq!(err.origin.at, at(offsets[0]));
    assert!(err.to_string().contains("--date"), "{err}");
    assert_eq!(results[1].as_ref().unwrap().meta.id, "https://herald.example/a");
}

#[test]
fn the_http_charset_decodes_the_page_and_the_record_id_stands_in_for_a_missing_uri() {
    let body = undeclared_cp1252();
    let block = http("200 OK", &[("Content-Type", "text/html; charset=windows-1252")], &body);
    let rec = record("response", &[("WARC-Date", "2021-06-09T10:00:00Z")], &block);
    let record_id = String::from_utf8_lossy(&rec).lines().find_map(|l| l.strip_prefix("WARC-Record-ID: ").map(str::to_string)).unwrap();
    let (docs, errors) = split(read_warc(&rec, &ReadOptions::default()));
    assert!(errors.is_empty(), "{errors:?}");
    for word in CP1252_WORDS {
        assert!(docs[0].text().contains(word), "missing {word:?} in {:?}", docs[0].text());
    }
    assert!(docs[0].warnings.is_empty(), "{:?}", docs[0].warnings);
    assert_eq!(docs[0].meta.id, record_id);
    assert_eq!(docs[0].meta.url, None);
    assert_eq!(docs[0].meta.date.to_string(), "2021-06-08");
}

#[test]
fn a_truncated_warc_gz_keeps_the_records_before_and_reports_where_it_breaks() {
    let (bytes, offsets) = gzipped(&three_pages());
    let member_c = bytes.len() as u64 - offsets[2];
    for cut in [offsets[2] + 5, offsets[2] + member_c / 2, bytes.len() as u64 - 3] {
        let cut_bytes = &bytes[..cut as usize];
        let (docs, errors) = split(read_warc(cut_bytes, &ReadOptions::default()));
        assert_eq!(ids(&docs), ["https://herald.example/a", "https://herald.example/b"], "cut at {cut}");
        assert_eq!(errors.len(), 1, "cut at {cut}: {errors:?}");
        let err = &errors[0];
        assert_eq!(err.origin.at, at(offsets[2]), "{err}");
        assert!(err.problem.contains(&format!("breaks off at byte {cut}")), "{err}");
        assert!(err.hint.as_deref().unwrap().contains("2 records before it were kept"), "{err}");
    }
}

#[test]
fn a_truncated_plain_warc_keeps_the_records_before_and_reports_where_it_breaks() {
    let (bytes, offsets) = plain(&three_pages());
    // Inside the version line, inside the headers, inside the block.
    for cut in [offsets[2] + 4, offsets[2] + 40, offsets[2] + 400] {
        let (docs, errors) = split(read_warc(&bytes[..cut as usize], &ReadOptions::default()));
        assert_eq!(ids(&docs), ["https://herald.example/a", "https://herald.example/b"], "cut at {cut}");
        assert_eq!(errors.len(), 1, "cut at {cut}: {errors:?}");
        assert_eq!(errors[0].origin.at, at(offsets[2]));
        assert!(errors[0].problem.contains(&format!("breaks off at byte {cut}")), "{}", errors[0]);
    }
    // Cut right after the last complete record: nothing is missing.
    let (docs, errors) = split(read_warc(&bytes[..offsets[2] as usize], &ReadOptions::default()));
    assert_eq!((docs.len(), errors.len()), (2, 0));
}

#[test]
fn a_corrupt_member_in_the_middle_is_skipped_and_the_later_ones_are_read() {
    let (mut bytes, offsets) = gzipped(&three_pages());
    let middle = (offsets[1] + (offsets[2] - offsets[1]) / 2) as usize;
    for b in &mut bytes[middle..middle + 8] {
        *b ^= 0x5a;
    }
    let (docs, errors) = split(read_warc(&bytes, &ReadOptions::default()));
    assert_eq!(ids(&docs), ["https://herald.example/a", "https://herald.example/c"]);
    assert_eq!(docs[1].meta.origin.at, at(offsets[2]));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].origin.at, at(offsets[1]));
    assert!(errors[0].problem.contains("corrupt") && errors[0].problem.contains(&format!("next member at byte {}", offsets[2])), "{}", errors[0]);
}

#[test]
fn junk_between_records_is_reported_once_and_skipped() {
    let pages = three_pages();
    // Plain: lines of junk between two records.
    let records = vec![pages[0].clone(), b"this is not a record\r\nnor is this line\r\n\x00\x01\x02\r\n".to_vec(), pages[2].clone()];
    let (bytes, offsets) = plain(&records);
    let (docs, errors) = split(read_warc(&bytes, &ReadOptions::default()));
    assert_eq!(ids(&docs), ["https://herald.example/a", "https://herald.example/c"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].origin.at, at(offsets[1]));
    assert!(errors[0].problem.contains(&format!("next record at byte {}", offsets[2])), "{}", errors[0]);

    // Gzip: bytes that are not a gzip member between two members, short and long.
    for junk in [&b"junk!"[..], &[0x42; 3000][..]] {
        let mut bytes = gzip(&pages[0]);
        let junk_at = bytes.len() as u64;
        bytes.extend_from_slice(junk);
        let c_at = bytes.len() as u64;
        bytes.extend_from_slice(&gzip(&pages[2]));
        let (docs, errors) = split(read_warc(&bytes, &ReadOptions::default()));
        assert_eq!(ids(&docs), ["https://herald.example/a", "https://herald.example/c"]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].origin.at, at(junk_at));
        assert!(errors[0].problem.contains(&format!("next member at byte {c_at}")), "{}", errors[0]);
    }

    // A gzip member that holds junk instead of a record.
    let (bytes, offsets) = gzipped(&[pages[0].clone(), b"<html>stray page, no WARC header</html>\r\n".to_vec(), pages[2].clone()]);
    let (docs, errors) = split(read_warc(&bytes, &ReadOptions::default()));
    assert_eq!(docs.len(), 2);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].origin.at, at(offsets[1]));
}

#[test]
fn a_record_without_a_valid_content_length_is_an_error_and_reading_resumes() {
    let pages = three_pages();
    for length in [None, Some("12x"), Some("-5")] {
        let mut broken = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n".to_vec();
        if let Some(l) = length {
            broken.extend_from_slice(format!("Content-Length: {l}\r\n").as_bytes());
        }
        broken.extend_from_slice(b"\r\n");
        broken.extend_from_slice(&html_200(&article("Lost", Some("2023-01-01"), "Its length is unknown.")));
        broken.extend_from_slice(b"\r\n\r\n");
        let (bytes, offsets) = plain(&[pages[0].clone(), broken, pages[2].clone()]);
        let (docs, errors) = split(read_warc(&bytes, &ReadOptions::default()));
        assert_eq!(ids(&docs), ["https://herald.example/a", "https://herald.example/c"], "{length:?}");
        assert_eq!(errors.len(), 1, "{length:?}: {errors:?}");
        assert_eq!(errors[0].origin.at, at(offsets[1]));
        assert!(errors[0].problem.contains("Content-Length"), "{}", errors[0]);
    }
}

#[test]
fn an_oversized_response_is_skipped_with_an_error_and_other_records_are_read() {
    let pages = three_pages();
    let mut big = article("Big", Some("2023-01-01"), "A page padded far past the limit.");
    big.extend_from_slice(&[b' '; 20_000]);
    let (bytes, offsets) = gzipped(&[pages[0].clone(), response("https://x.example/big", "2023-01-01T00:00:00Z", &html_200(&big)), pages[2].clone()]);
    let opts = ReadOptions { max_report_bytes: 8_000, ..ReadOptions::default() };
    let (docs, errors) = split(read_warc(&bytes, &opts));
    assert_eq!(ids(&docs), ["https://herald.example/a", "https://herald.example/c"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].origin.at, at(offsets[1]));
    assert!(errors[0].problem.contains("8000 byte limit"), "{}", errors[0]);
}

#[test]
fn empty_and_blank_archives_give_nothing() {
    for bytes in [&b""[..], b"\r\n\r\n", &gzip(b"")] {
        assert!(read_warc(bytes, &ReadOptions::default()).is_empty(), "{bytes:?}");
    }
}

#[test]
fn junk_input_gives_errors_not_panics() {
    let mut rng = Mutator::new(0x9e37_79b9_7f4a_7c15);
    let inputs: Vec<Vec<u8>> = vec![
        b"not a warc at all".to_vec(),
        vec![0x1f, 0x8b],
        vec![0x1f, 0x8b, 0x08, 0x00],
        [&[0x1f, 0x8b][..], &rng.bytes(5000)].concat(),
        rng.bytes(10_000),
        b"WARC/1.0\r\nContent-Length: 99999999999\r\n\r\nshort".to_vec(),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nHTTP/1.1 2".to_vec(),
    ];
    for input in inputs {
        let results = read_warc(&input, &ReadOptions::default());
        assert!(results.iter().all(Result::is_err), "{results:?}");
        assert!(!results.is_empty(), "junk must be reported: {:?}", &input[..input.len().min(40)]);
    }
}

// ---------------------------------------------------------------------------------------
// No panics on any bytes

/// Run `check` on mutated inputs for the time budget (and at least 200 rounds), turning
/// a panic into a failure that names the round and saves its input.
fn fuzz(name: &str, seed: u64, seeds: &[Vec<u8>], mut check: impl FnMut(&[u8], u64)) {
    let mut rng = Mutator::new(seed);
    let seeds: Vec<&[u8]> = seeds.iter().map(Vec::as_slice).collect();
    // These readers default to 3 s rather than the shared 2 s: HTML parsing is slower per round.
    let run_for = std::env::var_os("SITREP_FUZZ_SECS").map_or(Duration::from_secs(3), |_| budget());
    let deadline = Instant::now() + run_for;
    let mut round = 0u64;
    while round < 200 || Instant::now() < deadline {
        let input = rng.mutate(&seeds);
        if catch_unwind(AssertUnwindSafe(|| check(&input, round))).is_err() {
            let path = std::env::temp_dir().join(format!("sitrep-{name}-{seed}-{round}.bin"));
            let _ = std::fs::write(&path, &input);
            panic!("{name}: round {round} (seed {seed}) panicked; input saved to {}", path.display());
        }
        round += 1;
    }
}

fn check_doc(doc: &Doc) {
    assert!(!doc.text().is_empty());
    assert_eq!(doc.text(), doc.text().trim());
    assert!(!doc.text().contains("\n\n\n"));
    assert!(!doc.meta.id.is_empty());
}

#[test]
fn the_html_reader_survives_mutated_pages() {
    let seeds: Vec<Vec<u8>> = ["article_og.html", "article_jsonld.html", "article_time.html", "article_nodate.html", "article_cp1252.html"]
        .iter()
        .map(|f| fixture(f))
        .chain([undeclared_cp1252()])
        .collect();
    let opts = [ReadOptions { max_report_bytes: 1 << 16, ..ReadOptions::default() }, with_date(date(2022, 2, 25))];
    let charsets = [None, Some("utf-8"), Some("windows-1252"), Some("bogus-charset"), Some("utf-16")];
    fuzz("html", 0x5eed_0001, &seeds, |input, round| {
        let page = PageContext {
            charset: charsets[round as usize % charsets.len()].map(str::to_string),
            url: (round % 3 == 0).then(|| "https://fuzz.example/a/b".to_string()),
            ..context("fuzz.html", None)
        };
        match read_html(input, page, &opts[round as usize % 2]) {
            Ok(doc) => check_doc(&doc),
            Err(e) => assert_eq!(e.origin.file, "fuzz.html"),
        }
    });
}

#[test]
fn the_warc_reader_survives_mutated_archives() {
    let records = mixed_records();
    let (plain_bytes, _) = plain(&records);
    let (gz_bytes, _) = gzipped(&records);
    let pages = three_pages();
    let seeds = vec![plain_bytes, gz_bytes, plain(&pages).0, gzipped(&pages).0];
    let opts = ReadOptions { max_report_bytes: 1 << 16, ..ReadOptions::default() };
    let mut rng = Mutator::new(7);
    fuzz("warc", 0x5eed_0002, &seeds, |input, round| {
        // Every fourth round, mutate one record and gzip each record again, so damage
        // also lands inside well-formed members.
        let input = if round % 4 == 3 {
            let mut recs = pages.clone();
            let i = rng.below(recs.len());
            recs[i] = rng.mutate(&[&recs[i]]);
            gzipped(&recs).0
        } else {
            input.to_vec()
        };
        let results = read_warc(&input, &opts);
        assert!(results.len() <= input.len() / 8 + 2, "{} results from {} bytes", results.len(), input.len());
        for result in results {
            match result {
                Ok(doc) => check_doc(&doc),
                Err(e) => assert_eq!(e.origin.file, "news.warc"),
            }
        }
    });
}
