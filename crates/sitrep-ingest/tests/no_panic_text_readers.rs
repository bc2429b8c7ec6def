//! Any bytes given to the dated-text and JSON Lines readers come back as reports or
//! errors, never as a panic. Bounded by `SITREP_FUZZ_SECS` (default 2 s per test).

use std::time::Instant;

use sitrep_core::fuzz::{budget, Mutator};
use sitrep_ingest::{read_bytes, InputFormat, ReadOptions};

const SEED_REPORT: &[u8] = "  date 2022-02-25 Russian troops entered Sumy on Friday. “We don’t know,” said one resident, 20.\n\nU.S. officials met at 1.30am IST.".as_bytes();
const JSONL: &[u8] = br#"{"id":"a","date":"2022-02-25T10:00:00+02:00","text":"Troops advanced. \u201cNo,\u201d he said.","title":"T"}
{"id":2,"date":"2022-02-25","text":"Second.\n\nPara."}
not json
{"date":"Fri, 25 Feb 2022 08:30:00 GMT","text":"Third."}
"#;

fn run(format: InputFormat, seeds: &[&[u8]], seed: u64) {
    let mut mutator = Mutator::new(seed);
    let opts = ReadOptions { max_report_bytes: 1 << 16, ..ReadOptions::default() };
    let with_date = ReadOptions { date: Some(jiff::civil::date(2022, 2, 25)), ..opts.clone() };
    let deadline = Instant::now() + budget();
    let mut rounds = 0u64;
    while Instant::now() < deadline || rounds < 200 {
        let input = mutator.mutate(seeds);
        let o = if rounds.is_multiple_of(2) { &opts } else { &with_date };
        read_bytes(&input, "fuzz", format, o, &mut |result| {
            if let Ok(doc) = result {
                assert!(!doc.text().trim().is_empty(), "a report with no text must be an error");
                assert!(doc.text().len() <= input.len() * 3 + 16);
            }
        });
        rounds += 1;
    }
}

#[test]
fn seed_format_never_panics() {
    run(InputFormat::Seed, &[SEED_REPORT, b"date 2022-02-25\n", b""], 1);
}

#[test]
fn plain_text_never_panics() {
    run(InputFormat::Text, &[SEED_REPORT, &SEED_REPORT[17..]], 2);
}

#[test]
fn jsonl_never_panics() {
    run(InputFormat::Jsonl, &[JSONL], 3);
}

#[test]
fn huge_single_line_is_read_or_refused_without_panic() {
    // A 50 MB line: accepted under the default limit, refused clearly under a small one.
    let mut line = Vec::with_capacity(50 << 20);
    line.extend_from_slice(br#"{"id":"big","date":"2022-02-25","text":""#);
    while line.len() < 50 << 20 {
        line.extend_from_slice(b"Troops advanced on the city. ");
    }
    line.extend_from_slice(b"\"}\n{\"id\":\"next\",\"date\":\"2022-02-25\",\"text\":\"Small.\"}\n");
    let mut ids = Vec::new();
    read_bytes(&line, "big.jsonl", InputFormat::Jsonl, &ReadOptions::default(), &mut |r| ids.push(r.map(|d| d.meta.id)));
    assert_eq!(ids, [Ok("big".to_string()), Ok("next".to_string())]);

    let small = ReadOptions { max_report_bytes: 1 << 20, ..ReadOptions::default() };
    let mut results = Vec::new();
    read_bytes(&line, "big.jsonl", InputFormat::Jsonl, &small, &mut |r| results.push(r.map(|d| d.meta.id)));
    assert!(results[0].as_ref().unwrap_err().problem.contains("byte limit"));
    assert_eq!(results[1], Ok("next".to_string()));
}
