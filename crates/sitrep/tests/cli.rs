//! `sitrep extract` end to end: each reader through the binary, and every kind of bad
//! input giving a clear error while the rest is still written.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{sitrep, stderr};


fn reports(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn seed_report_with_code_point_spans() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.txt", " date 2022-02-25\nUkraine’s capital held. Kyiv’s mayor spoke.".as_bytes());
    let out = sitrep(&["extract", "r.txt"], dir.path(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let r = &reports(&out)[0];
    assert_eq!(r["doc"]["id"], "r.txt");
    assert_eq!(r["doc"]["date"], "2022-02-25");
    assert_eq!(r["doc"]["tz"], "UTC");
    let text: Vec<char> = r["doc"]["text"].as_str().unwrap().chars().collect();
    let second = &r["sentences"][1];
    let (a, b) = (second[0].as_u64().unwrap() as usize, second[1].as_u64().unwrap() as usize);
    assert_eq!(text[a..b].iter().collect::<String>(), "Kyiv’s mayor spoke.");
    assert_eq!((a, b), (24, 43), "code points, not bytes");
    let kyiv = r["entities"].as_array().unwrap().iter().find(|e| e["text"] == "Kyiv").expect("Kyiv is an entity");
    assert_eq!(kyiv["span"], serde_json::json!([24, 28]), "entity spans are code points too");
    assert!(r["places"].as_array().unwrap().iter().any(|p| p["text"] == "Kyiv" && p["country"] == "UA"));
    for key in ["times", "quotes", "events"] {
        assert_eq!(r[key], serde_json::json!([]), "{key}");
    }
}

#[test]
fn plain_text_needs_date_and_takes_tz() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plain.txt", b"Troops advanced on Friday.");
    let out = sitrep(&["extract", "plain.txt"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("plain.txt: this report has no date"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--date"));

    let out = sitrep(&["extract", "plain.txt", "--date", "2022-02-25", "--tz", "Europe/Kyiv"], dir.path(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let r = &reports(&out)[0];
    assert_eq!((r["doc"]["date"].as_str(), r["doc"]["tz"].as_str()), (Some("2022-02-25"), Some("Europe/Kyiv")));

    let out = sitrep(&["extract", "plain.txt", "--date", "2022-02-30"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a calendar date"), "{}", stderr(&out));
    let out = sitrep(&["extract", "plain.txt", "--date", "2022-02-25", "--tz", "Mars/Olympus"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown time zone"));
}

#[test]
fn jsonl_bad_line_is_reported_with_its_line_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let feed = concat!(
        r#"{"id":"a","date":"2022-02-25","text":"One."}"#, "\n",
        r#"{"id":"b","date":"2022-02-25","text":"Two."#, "\n",
        r#"{"id":"c","date":"2022-02-25T23:30:00-05:00","text":"Three.","source":"AP","url":"https://x.test/c","title":"T"}"#, "\n",
    );
    write(dir.path(), "feed.jsonl", feed.as_bytes());
    let out = sitrep(&["extract", "feed.jsonl"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("feed.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("2 reports written from 1 input; 1 error"), "{err}");
    let rs = reports(&out);
    let ids: Vec<&str> = rs.iter().map(|r| r["doc"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "c"], "input order, bad line left out");
    assert_eq!(rs[1]["doc"]["published"], "2022-02-25T23:30:00-05:00");
    assert_eq!(rs[1]["doc"]["source"], "AP");
}

#[test]
fn folders_stdin_and_output_forms() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("in/sub")).unwrap();
    write(dir.path(), "in/b.txt", b"date 2022-02-26 Second.");
    write(dir.path(), "in/sub/a.jsonl", b"{\"id\":\"j\",\"date\":\"2022-02-25\",\"text\":\"Inner.\"}\n");
    write(dir.path(), "in/notes.gold.json", b"{}");
    write(dir.path(), "in/.hidden.txt", b"date 2022-02-25 Hidden.");
    let out = sitrep(&["extract", "in", "--format", "json"], dir.path(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = all.as_array().unwrap().iter().map(|r| r["doc"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["in/b.txt", "j"]);

    let out = sitrep(&["extract", "-"], dir.path(), b"date 2022-02-25 From a pipe.");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(reports(&out)[0]["doc"]["id"], "stdin");
    let out = sitrep(&["extract"], dir.path(), b"{\"id\":\"p\",\"date\":\"2022-02-25\",\"text\":\"Piped.\"}");
    assert_eq!(reports(&out)[0]["doc"]["id"], "p");

    let out = sitrep(&["extract", "in/b.txt", "--format", "pretty", "--layers", "tokens"], dir.path(), b"");
    let pretty: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(pretty["tokens"][0], serde_json::json!({"text": "Second", "span": [0, 6], "kind": "word"}));
}

#[test]
fn bad_files_each_get_a_clear_error_and_the_others_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "only-date.txt", b"date 2022-02-25\n\n");
    write(dir.path(), "junk.txt", &[0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254]);
    write(dir.path(), "impossible.txt", b"date 2022-02-30 Text.");
    write(dir.path(), "latin1.txt", b"date 2022-02-25 Caf\xe9 owners fled.");
    write(dir.path(), "good.txt", b"date 2022-02-25 Good.");
    let args = ["extract", "empty.txt", "only-date.txt", "junk.txt", "impossible.txt", "latin1.txt", "missing.txt", "good.txt"];
    let out = sitrep(&args, dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "error: empty.txt: the input is empty",
        "error: only-date.txt: the report is empty",
        "error: junk.txt: this looks like binary data",
        "error: impossible.txt: the `date` header holds an impossible date `2022-02-30`",
        "warning: latin1.txt: invalid UTF-8 at byte 19",
        "error: missing.txt: cannot open",
        "2 reports written from 7 inputs; 5 errors",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    let ids: Vec<String> = reports(&out).iter().map(|r| r["doc"]["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["latin1.txt", "good.txt"]);
    assert_eq!(reports(&out)[0]["warnings"][0], "invalid UTF-8 at byte 19 (1 invalid sequence replaced with U+FFFD)");
}

#[test]
fn truncated_gzip_keeps_what_was_read() {
    use flate2::{write::GzEncoder, Compression};
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..2000 {
        lines.push_str(&format!("{{\"id\":\"r{i}\",\"date\":\"2022-02-25\",\"text\":\"Report number {i} says troops advanced {}.\"}}\n", i * 7919 % 10007));
    }
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(lines.as_bytes()).unwrap();
    let full = gz.finish().unwrap();
    write(dir.path(), "feed.jsonl.gz", &full[..full.len() / 2]);
    let out = sitrep(&["extract", "feed.jsonl.gz"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    let n = reports(&out).len();
    assert!(n > 100 && n < 2000, "kept {n} reports read before the break");
    assert!(stderr(&out).contains("the input breaks off"), "{}", stderr(&out));
}

#[test]
fn non_english_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "de.txt", "date 2022-02-25 Russische Truppen rückten am Freitag auf die ukrainische Hauptstadt vor, begleitet von Schüssen und Explosionen, die immer näher kamen.".as_bytes());
    let out = sitrep(&["extract", "de.txt"], dir.path(), b"");
    assert!(stderr(&out).contains("skipped: de.txt: the report looks de rather than English"), "{}", stderr(&out));
    assert!(reports(&out).is_empty());
    let out = sitrep(&["extract", "de.txt", "--any-language"], dir.path(), b"");
    assert_eq!(reports(&out)[0]["doc"]["lang"], "de");
}

#[test]
fn no_input_on_a_terminal_is_a_usage_error_not_a_hang() {
    // With stdin piped but empty there is simply nothing to read.
    let dir = tempfile::tempdir().unwrap();
    let out = sitrep(&["extract"], dir.path(), b"");
    assert!(reports(&out).is_empty());
}

#[test]
fn user_dictionaries_code_event_participants() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.txt", " date 2023-05-02\nZanthian troops shelled the town of Korvale on Monday, officials in Korvale said.".as_bytes());
    write(dir.path(), "actors.txt", b"ZANTHIAN_TROOPS [ZANMIL]\nKORVALE [KOR]\n");
    let plain = sitrep(&["extract", "r.txt"], dir.path(), b"");
    assert!(plain.status.success(), "{}", stderr(&plain));
    let with = sitrep(&["extract", "r.txt", "--dict", "actors.txt"], dir.path(), b"");
    assert!(with.status.success(), "{}", stderr(&with));
    let events = &reports(&with)[0]["events"];
    let shelled = events.as_array().unwrap().iter().find(|e| e["trigger"]["text"] == "shelled").expect("the shelling is coded");
    assert_eq!(shelled["source"]["actor"], "ZANMIL");
    assert_eq!(shelled["target"]["actor"], "KOR");
    let missing = sitrep(&["extract", "r.txt", "--dict", "nope.txt"], dir.path(), b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("dictionary"));
}

#[test]
fn ingest_query_and_export_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let examples = examples.to_str().unwrap();
    let first = sitrep(&["ingest", examples, "--db", "s.db", "-q"], dir.path(), b"");
    assert!(first.status.success(), "{}", stderr(&first));
    let again = sitrep(&["ingest", examples, "--db", "s.db"], dir.path(), b"");
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("0 stored"), "re-ingest stores nothing twice: {}", stderr(&again));
    let events = sitrep(&["events", "--db", "s.db", "--format", "json", "--limit", "50"], dir.path(), b"");
    assert!(events.status.success(), "{}", stderr(&events));
    let list: serde_json::Value = serde_json::from_slice(&events.stdout).expect("a JSON array");
    let list = list.as_array().expect("array");
    assert!(!list.is_empty() && list.len() <= 50);
    assert!(list.iter().all(|e| e["cameo"].is_string() && e["report"].is_string()));
    let geo = sitrep(&["export", "--db", "s.db", "--format", "geojson"], dir.path(), b"");
    assert!(geo.status.success(), "{}", stderr(&geo));
    let fc: serde_json::Value = serde_json::from_slice(&geo.stdout).expect("GeoJSON");
    assert_eq!(fc["type"], "FeatureCollection");
    let missing = sitrep(&["events", "--db", "nope.db"], dir.path(), b"");
    assert_eq!(missing.status.code(), Some(2), "a missing database is an error that says what to do");
}

#[test]
fn parallel_extract_writes_the_same_as_one_thread() {
    let dir = tempfile::tempdir().unwrap();
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let examples = examples.to_str().unwrap();
    let one = sitrep(&["extract", examples, "--threads", "1"], dir.path(), b"");
    let all = sitrep(&["extract", examples], dir.path(), b"");
    assert!(one.status.success() && all.status.success(), "{}", stderr(&all));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, all.stdout, "same reports, same order, same bytes");
}

#[test]
fn timings_say_where_the_time_went() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.txt", b" date 2022-02-25\nRussian troops seized the airport outside Kyiv on Friday.");
    let out = sitrep(&["extract", "--timings", "r.txt"], dir.path(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(reports(&out).len(), 1, "the output is unchanged");
    let err = stderr(&out);
    for stage in ["sentences and tokens", "syntax", "times", "entities and actors", "places", "events", "all stages"] {
        assert!(err.contains(stage), "{stage} missing from:\n{err}");
    }
}
