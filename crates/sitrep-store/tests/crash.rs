//! Crash safety: an ingest killed with SIGKILL mid-run loses no committed report, doubles
//! none, leaves the database intact, and a re-run completes it.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use sitrep_core::{Doc, Event, EventDate, Factuality, Span};
use sitrep_store::*;

const REPORTS: usize = 3000;

/// A slow stand-in annotator: two events per report.
fn slow(doc: &mut Doc) {
    std::thread::sleep(Duration::from_millis(2));
    let n = doc.text().len();
    for cameo in ["190", "040"] {
        doc.events.events.push(Event {
            sentence: Span::from_usize(0, n),
            trigger: Span::from_usize(0, 1),
            cameo: cameo.into(),
            plover: None,
            goldstein: None,
            source: None,
            target: None,
            place: None,
            date: EventDate { value: doc.meta.date.to_string(), from: None },
            quantities: vec![],
            attribution: None,
            factuality: Factuality::Asserted,
            confidence: 0.5,
        });
    }
}

fn corpus(dir: &Path) -> String {
    let path = dir.join("many.jsonl");
    let mut s = String::new();
    for i in 0..REPORTS {
        s.push_str(&serde_json::json!({"id": format!("r{i}"), "date": "2022-03-01", "text": format!("Report number {i} says troops moved."), "lang": "en"}).to_string());
        s.push('\n');
    }
    std::fs::write(&path, s).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs only as the child process of `sigkill_mid_ingest_then_resume`.
#[test]
fn child_ingest() {
    let (Ok(db), Ok(input)) = (std::env::var("SITREP_STORE_CHILD_DB"), std::env::var("SITREP_STORE_CHILD_INPUT")) else { return };
    let opts = IngestOptions { batch: 50, threads: Some(2), ..IngestOptions::default() };
    ingest(Path::new(&db), &[input], &opts, &slow, &mut |_| {}).unwrap();
}

#[test]
fn sigkill_mid_ingest_then_resume() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let input = corpus(dir.path());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_ingest", "--nocapture", "--test-threads", "1"])
        .env("SITREP_STORE_CHILD_DB", &db)
        .env("SITREP_STORE_CHILD_INPUT", &input)
        .spawn()
        .unwrap();
    // Wait until some, not all, reports are committed, then kill -9.
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(s) = Store::open_existing(&db) {
            if let Ok((n, _, _)) = s.counts() {
                seen = n;
                if n >= 200 {
                    break;
                }
            }
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(seen >= 200 && (seen as usize) < REPORTS, "killed after {seen} reports");

    let store = Store::open_existing(&db).unwrap();
    assert!(store.integrity_ok().unwrap());
    let (before, events_before, _) = store.counts().unwrap();
    assert!(before >= seen);
    assert_eq!(events_before, before * 2, "a report is stored whole or not at all");
    drop(store);

    let st = ingest(&db, &[input], &IngestOptions::default(), &slow, &mut |_| {}).unwrap();
    assert_eq!(st.skipped_existing, before);
    assert_eq!(st.stored + before, REPORTS as u64);
    let store = Store::open_existing(&db).unwrap();
    assert!(store.integrity_ok().unwrap());
    let (after, events_after, _) = store.counts().unwrap();
    assert_eq!(after, REPORTS as u64);
    assert_eq!(events_after, after * 2);
    let distinct: i64 = store.connection().query_row("SELECT COUNT(DISTINCT id) FROM reports", [], |r| r.get(0)).unwrap();
    assert_eq!(distinct as usize, REPORTS);
}
