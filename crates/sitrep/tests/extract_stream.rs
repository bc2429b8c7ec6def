//! `sitrep extract` at scale: a corrupt WARC record in the middle of an archive loses only
//! itself; reports stream through every thread in input order; `--output-dir` writes
//! whole JSON Lines files partitioned by report date; a closed output stops the run.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;
use common::{sitrep, stderr};
use std::time::{Duration, Instant};


fn ids(jsonl: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]["id"].as_str().unwrap().to_string())
        .collect()
}

fn jsonl_report(id: &str, date: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "date": date, "text": text}))
}

/// A CC-NEWS-style archive: one gzip member per record; the member of response `corrupt`
/// has bytes of its deflate data overwritten.
fn warc_gz(pages: usize, corrupt: usize) -> Vec<u8> {
    use flate2::{write::GzEncoder, Compression};
    let member = |record: &[u8]| {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(record).unwrap();
        gz.finish().unwrap()
    };
    let record = |kind: &str, uri: &str, block: &[u8]| {
        let mut r = format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-0{}T12:00:00Z\r\nContent-Length: {}\r\n\r\n", 6, block.len())
            .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    };
    let mut out = member(&record("warcinfo", "", b"software: test\r\n"));
    for i in 0..pages {
        let uri = format!("https://news.example.org/r{i}");
        out.extend(member(&record("request", &uri, b"GET / HTTP/1.1\r\n\r\n")));
        let html = format!(
            "<html><head><meta property=\"article:published_time\" content=\"2024-05-0{}\"></head><body><article>\
             <p>Police in Nairobi arrested {} protesters on Monday, a police spokesman said.</p></article></body></html>",
            6 + i % 3,
            i + 2
        );
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let mut gz = member(&record("response", &uri, http.as_bytes()));
        if i == corrupt {
            let mid = gz.len() / 2;
            for b in &mut gz[mid..mid + 12] {
                *b ^= 0x55;
            }
        }
        out.extend(gz);
    }
    out
}

#[test]
fn a_corrupt_warc_record_in_the_middle_loses_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.warc.gz"), warc_gz(9, 4)).unwrap();
    for threads in ["1", "3"] {
        let out = sitrep(&["extract", "news.warc.gz", "--threads", threads], dir.path(), b"");
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let want: Vec<String> = (0..9).filter(|&i| i != 4).map(|i| format!("https://news.example.org/r{i}")).collect();
        assert_eq!(ids(&out.stdout), want, "every record but the corrupt one, in order");
        let err = stderr(&out);
        assert!(err.contains("news.warc.gz@") && err.contains("is corrupt") && err.contains("skipped to the next member"), "{err}");
        assert!(err.contains("8 reports written from 1 input; 1 error"), "{err}");
    }
    // The same archive through standard input, as the Spark job feeds it.
    let bytes = std::fs::read(dir.path().join("news.warc.gz")).unwrap();
    let out = sitrep(&["extract", "-", "--input-format", "warc"], dir.path(), &bytes);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&out.stdout).len(), 8);
    assert!(stderr(&out).contains("-@"), "{}", stderr(&out));
}

#[test]
fn the_spark_test_archive_keeps_every_report_but_the_corrupt_one() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../deploy/spark/testdata");
    let dir = tempfile::tempdir().unwrap();
    let warc = data.join("reports.warc.gz");
    let out = sitrep(&["extract", warc.to_str().unwrap()], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let got: Vec<String> = ids(&out.stdout).iter().map(|id| id.rsplit('/').next().unwrap().to_string()).collect();
    let want: Vec<String> = (1..=30).filter(|&n| n != 16).map(|n| format!("demo-{n:04}")).collect();
    assert_eq!(got, want);
    assert!(stderr(&out).contains("is corrupt"), "{}", stderr(&out));
}

#[test]
fn reports_stream_through_every_thread_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for i in 0..240 {
        let text = if i % 7 == 0 {
            "The foreign minister of France met his German counterpart in Berlin on Monday. ".repeat(1 + i % 5)
        } else {
            format!("Report {i}: police in Nairobi arrested {i} protesters, a spokesman said.")
        };
        input.push_str(&jsonl_report(&format!("r{i:03}"), "2024-05-06", &text));
    }
    let one = sitrep(&["extract", "-", "--threads", "1"], dir.path(), input.as_bytes());
    let four = sitrep(&["extract", "-", "--threads", "4"], dir.path(), input.as_bytes());
    assert!(one.status.success() && four.status.success(), "{}", stderr(&four));
    let want: Vec<String> = (0..240).map(|i| format!("r{i:03}")).collect();
    assert_eq!(ids(&one.stdout), want);
    assert_eq!(one.stdout, four.stdout, "the same bytes on any number of threads");
    let json = sitrep(&["extract", "-", "--threads", "3", "--format", "json"], dir.path(), input.as_bytes());
    let array: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(array.len(), 240);
}

/// Every file below `dir` (relative paths), hidden ones included.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn output_dir_writes_whole_files_partitioned_by_report_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    let dates = ["2024-05-06", "2024-05-07", "2024-05-06T23:30:00-05:00", "2024-05-08"];
    for i in 0..12 {
        input.push_str(&jsonl_report(&format!("r{i:02}"), dates[i % 4], &format!("Report {i}: troops entered Sumy on Monday.")));
    }
    let stdout = sitrep(&["extract", "-"], dir.path(), input.as_bytes());
    assert!(stdout.status.success());
    let out = sitrep(&["extract", "-", "--output-dir", "out", "--run-id", "t1", "--threads", "2"], dir.path(), input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("12 reports written to out in 3 files"), "{}", stderr(&out));
    let written = files(&dir.path().join("out"));
    let names: Vec<String> = written.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["date=2024-05-06/part-t1-00000.jsonl", "date=2024-05-07/part-t1-00000.jsonl", "date=2024-05-08/part-t1-00000.jsonl"]);
    // Each file holds its date's reports in input order; together, every report once.
    let mut by_date: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8(stdout.stdout.clone()).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        by_date.entry(v["doc"]["date"].as_str().unwrap().to_string()).or_default().push(format!("{line}\n"));
    }
    for (date, lines) in &by_date {
        let file = std::fs::read_to_string(dir.path().join(format!("out/date={date}/part-t1-00000.jsonl"))).unwrap();
        assert_eq!(file, lines.concat(), "{date}");
    }
    assert_eq!(by_date["2024-05-06"].len(), 6, "a date-time's report date is its local day");

    // The same run id replaces its files; another run adds its own beside them.
    let again = sitrep(&["extract", "-", "--output-dir", "out", "--run-id", "t1"], dir.path(), input.as_bytes());
    assert!(again.status.success());
    assert_eq!(files(&dir.path().join("out")), written);
    let other = sitrep(&["extract", "-", "--output-dir", "out"], dir.path(), input.as_bytes());
    assert!(other.status.success());
    assert_eq!(files(&dir.path().join("out")).len(), 6);
}

#[test]
fn output_dir_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = jsonl_report("a", "2024-05-06", "Troops entered Sumy.");
    let out = sitrep(&["extract", "-", "--output-dir", "out", "--format", "json"], dir.path(), input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--output-dir writes JSON Lines"), "{}", stderr(&out));
    let out = sitrep(&["extract", "-", "--output-dir", "out", "--run-id", "../x"], dir.path(), input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot be part of a file name"), "{}", stderr(&out));
    let out = sitrep(&["extract", "-", "--run-id", "x"], dir.path(), input.as_bytes());
    assert_eq!(out.status.code(), Some(2), "--run-id needs --output-dir");
}

#[test]
fn a_closed_output_stops_the_run_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(&jsonl_report(&format!("r{i}"), "2024-05-06", &format!("Report {i}: troops entered Sumy on Monday.")));
    }
    std::fs::write(dir.path().join("many.jsonl"), input).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "many.jsonl", "--threads", "2"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.contains("\"r0\""));
    // The reader is dropped here: sitrep's next write fails with a broken pipe.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "a closed pipe ends the run quietly: {status:?}");
            break;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("sitrep kept running after its output was closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
