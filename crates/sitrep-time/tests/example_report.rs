//! The seed report in ../shared/examples: every time the expert reading marks `must`
//! is found with the right value. The report's text is not copied here; it is read from
//! the development data and skipped with a message when that is absent.

use std::path::PathBuf;

use sitrep_core::{Doc, Meta, Stage};
use sitrep_time::TimeTagger;

fn shared(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples").join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent (it ships with the development data, not the repository)", path.display());
        None
    }
}

/// The seed format: a `date YYYY-MM-DD` header (on the first line, the body may follow
/// on the same line), then the body.
fn read_seed(text: &str) -> (jiff::civil::Date, String) {
    let t = text.trim_start();
    let rest = t.strip_prefix("date").expect("the seed starts with `date`").trim_start();
    let (date, body) = rest.split_at(10);
    (date.parse().expect("a YYYY-MM-DD date"), body.trim_start().to_string())
}

#[test]
fn every_must_time_of_the_kyiv_report_is_found_with_its_value() {
    let (Some(report), Some(gold)) = (shared("report-2022-02-25-kyiv.txt"), shared("report-2022-02-25-kyiv.gold.json")) else { return };
    let (date, body) = read_seed(&std::fs::read_to_string(report).unwrap());
    assert_eq!(date.to_string(), "2022-02-25");
    let mut doc = Doc::new(Meta::new("kyiv", date), body);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    TimeTagger::new().annotate(&mut doc);
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(gold).unwrap()).unwrap();
    let text = doc.text();
    let found: Vec<(usize, usize, &str, Option<&str>)> = doc
        .time
        .times
        .iter()
        .map(|t| (t.span.start as usize, t.span.end as usize, t.value.as_str(), t.detail.utc.as_deref()))
        .collect();
    let mut failures = Vec::new();
    for g in gold["times"].as_array().unwrap() {
        if g["must"] != true {
            continue;
        }
        let words = g["text"].as_str().unwrap();
        let value = g["value"].as_str().unwrap();
        // Where the gold words are: the occurrence given by `context` when there is one.
        let at = match g["context"].as_str() {
            Some(ctx) => text.find(ctx).map(|c| c + ctx.find(words).unwrap()),
            None => text.find(words),
        };
        let Some(at) = at else {
            failures.push(format!("{words:?} is not in the text"));
            continue;
        };
        let (s, e) = (at, at + words.len());
        let hit = found.iter().find(|(fs, fe, v, _)| *fs < e && s < *fe && *v == value);
        match hit {
            None => failures.push(format!(
                "{words:?}: want {value}, found {:?}",
                found.iter().filter(|(fs, fe, _, _)| *fs < e && s < *fe).map(|f| f.2).collect::<Vec<_>>()
            )),
            Some((_, _, _, utc)) => {
                if let Some(want) = g["utc"].as_str() {
                    if *utc != Some(want) {
                        failures.push(format!("{words:?}: want utc {want}, found {utc:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
