//! Tag a text file and print its times: `tag_text FILE [YYYY-MM-DD]` (a seed file's
//! `date` header is used when present).

use sitrep_core::{Doc, Meta, Stage};
use sitrep_time::TimeTagger;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: tag_text FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(1);
    });
    let trimmed = raw.trim_start();
    let (date, body) = match trimmed.strip_prefix("date").map(str::trim_start) {
        Some(rest) if rest.len() >= 10 && rest.is_char_boundary(10) && rest[..10].parse::<jiff::civil::Date>().is_ok() => {
            (rest[..10].parse().ok(), rest[10..].trim_start().to_string())
        }
        _ => (None, raw.clone()),
    };
    let date = args.next().and_then(|d| d.parse().ok()).or(date).unwrap_or(jiff::civil::date(2022, 2, 25));
    let mut doc = Doc::new(Meta::new(path, date), body);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    TimeTagger::new().annotate(&mut doc);
    for t in &doc.time.times {
        println!("{:<40} {:<9} {:<28} {:?}", format!("{:?}", t.span.of(doc.text())), format!("{:?}", t.kind), t.value, t.detail);
    }
}
