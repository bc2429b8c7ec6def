//! The store end to end on small invented reports, with a stand-in annotator (the real
//! pipeline is exercised by the `sitrep` crate's tests).

use std::path::{Path, PathBuf};

use sitrep_core::{Attribution, Doc, Event, EventDate, Factuality, Participant, Place, PlacePrecision, Span, Stance};
use sitrep_store::*;

/// Codes invented reports by keywords: "attacked"/"met", "Russian"/"Ukrainian" sides, a
/// few towns, "denied", "yesterday".
fn fake(doc: &mut Doc) {
    let text = doc.text().to_string();
    let whole = Span::from_usize(0, text.len());
    let (cameo, root_plover, gold) = if text.contains("attacked") {
        ("190", "ASSAULT", -10.0)
    } else if text.contains("met") {
        ("040", "CONSULT", 1.0)
    } else {
        return;
    };
    let towns = [("Kharkiv", 49.99, 36.23), ("Izium", 49.21, 37.26), ("Lviv", 49.84, 24.03)];
    let mut place = None;
    for (name, lat, lon) in towns {
        if let Some(at) = text.find(name) {
            let mut p = Place::new(Span::from_usize(at, at + name.len()), name, lat, lon, PlacePrecision::City);
            p.country = Some("UA".into());
            doc.places.places.push(p);
            place = Some(doc.places.places.len() - 1);
        }
    }
    let side = |word: &str, code: &str| {
        text.find(word).map(|at| Participant { span: Span::from_usize(at, at + word.len()), actor: Some(code.into()), entity: None, inferred: false })
    };
    let date = if text.contains("yesterday") { doc.meta.date.yesterday().unwrap() } else { doc.meta.date };
    let attribution = if text.contains("denied") {
        Some(Attribution { by: side("Moscow", "RUSGOV"), cue: "denied".into(), stance: Stance::Denied })
    } else {
        text.contains("said").then(|| Attribution { by: side("Kyiv", "UKRGOV"), cue: "said".into(), stance: Stance::Reported })
    };
    let trigger = text.find(if cameo == "190" { "attacked" } else { "met" }).unwrap();
    doc.events.events.push(Event {
        sentence: whole,
        trigger: Span::from_usize(trigger, trigger + 3),
        cameo: cameo.into(),
        plover: Some(root_plover.into()),
        goldstein: Some(gold),
        source: side("Russian", "RUSMIL"),
        // "defenders" stands for a side the coder inferred from the report's conflict.
        target: side("Ukrainian", "UKRMIL").map(|p| sitrep_core::Participant { inferred: text.contains("defenders"), ..p }),
        place,
        date: EventDate { value: date.to_string(), from: None },
        quantities: vec![],
        attribution,
        factuality: if text.contains("denied") { Factuality::Negated } else { Factuality::Asserted },
        confidence: 0.8,
    });
}

fn write_jsonl(dir: &Path, name: &str, reports: &[(&str, &str, &str, &str)]) -> String {
    let path = dir.join(name);
    let mut s = String::new();
    for (id, date, source, text) in reports {
        s.push_str(&serde_json::json!({"id": id, "date": date, "source": source, "text": text, "lang": "en"}).to_string());
        s.push('\n');
    }
    std::fs::write(&path, s).unwrap();
    path.to_string_lossy().into_owned()
}

fn corpus(dir: &Path) -> (PathBuf, String) {
    let file = write_jsonl(
        dir,
        "a.jsonl",
        &[
            ("r1", "2022-03-01", "Kyiv Independent", "Russian forces attacked Ukrainian positions in Kharkiv."),
            ("r2", "2022-03-02", "Reuters", "Russian troops attacked Ukrainian units near Kharkiv yesterday, officials in Kyiv said."),
            ("r3", "2022-03-02", "AP", "Russian artillery attacked Ukrainian defenders in Lviv."),
            ("r4", "2022-03-05", "TASS", "Moscow denied that Russian jets attacked Ukrainian troops in Izium."),
            ("r5", "2022-03-05", "AP", "Russian and Ukrainian negotiators met in Lviv."),
            ("r6", "2022-03-06", "BBC", "Nothing happened today."),
        ],
    );
    (dir.join("s.db"), file)
}

fn run(db: &Path, inputs: &[String]) -> IngestStats {
    ingest(db, inputs, &IngestOptions::default(), &fake, &mut |_| {}).unwrap()
}

#[test]
fn schema_is_versioned_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    {
        let s = Store::open(&db).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    }
    let s = Store::open(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(s.integrity_ok().unwrap());
    for t in ["reports", "events", "entities", "places", "quotes", "stories", "events_fts", "events_geo", "schema_version"] {
        let n: i64 = s.connection().query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = ?1", [t], |r| r.get(0)).unwrap();
        assert_eq!(n, 1, "{t}");
    }
}

#[test]
fn foreign_corrupt_and_missing_databases_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![b'x'; 8192]).unwrap();
    assert!(matches!(Store::open(&junk), Err(StoreError::NotADatabase(_))));
    assert_eq!(std::fs::read(&junk).unwrap(), vec![b'x'; 8192]);

    let other = dir.path().join("other.db");
    {
        let c = rusqlite_conn(&other);
        c.execute_batch("CREATE TABLE mine(x); INSERT INTO mine VALUES (1);").unwrap();
    }
    let e = Store::open(&other).err().unwrap();
    assert!(matches!(e, StoreError::Foreign(_)), "{e}");
    assert!(e.to_string().contains("new --db"));

    let missing = dir.path().join("none.db");
    assert!(matches!(Store::open_existing(&missing), Err(StoreError::Missing(_))));
    assert!(!missing.exists());
}

fn rusqlite_conn(p: &Path) -> rusqlite_shim::Connection {
    rusqlite_shim::Connection::open(p).unwrap()
}
mod rusqlite_shim {
    pub use sitrep_store_test_sqlite::*;
}
extern crate rusqlite as sitrep_store_test_sqlite;

#[test]
fn ingest_is_idempotent_and_resumable() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = corpus(dir.path());
    let dup = write_jsonl(
        dir.path(),
        "b.jsonl",
        &[
            ("r1", "2022-03-01", "X", "A different text under an id already stored."),
            ("copy-of-r3", "2022-03-02", "AP", "Russian artillery attacked Ukrainian defenders in Lviv."),
            ("r7", "2022-03-07", "AP", "Russian forces attacked Ukrainian lines in Izium."),
        ],
    );
    let mut calls = 0;
    let st = ingest(&db, std::slice::from_ref(&file), &IngestOptions::default(), &fake, &mut |p| {
        calls += 1;
        assert!(p.reports_per_s() >= 0.0 && p.events_per_s() >= 0.0);
    })
    .unwrap();
    assert!(calls >= 1);
    assert_eq!((st.read, st.stored, st.events, st.skipped_existing), (6, 6, 5, 0));
    // Again: nothing new.
    let st = run(&db, std::slice::from_ref(&file));
    assert_eq!((st.stored, st.skipped_existing), (0, 6));
    // Resume with more inputs: only r7 is new (r1 by id, copy-of-r3 by content).
    let st = run(&db, &[file, dup]);
    assert_eq!((st.stored, st.skipped_existing), (1, 8));
    let s = Store::open_existing(&db).unwrap();
    assert_eq!(s.counts().unwrap().0, 7);
    assert_eq!(s.counts().unwrap().1, 6);
    assert!(s.integrity_ok().unwrap());
}

#[test]
fn events_merge_into_stories() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = corpus(dir.path());
    let st = run(&db, &[file]);
    let stories_made = st.stories.unwrap();
    // r1+r2 (Kharkiv, a day apart) merge; r3 (Lviv), r4 (Izium, 110 km), r5 (a meeting) stand alone.
    assert_eq!(stories_made.stories, 4);
    assert_eq!(stories_made.multi_report, 1);
    let s = Store::open_existing(&db).unwrap();
    let all = stories(&s, &Filter { sort: Sort::Mentions, ..Filter::default() }).unwrap();
    let top = &all[0];
    assert_eq!((top.num_mentions, top.num_articles, top.num_sources), (2, 2, 2));
    assert_eq!((top.first_report.as_str(), top.last_report.as_str()), ("r1", "r2"));
    assert_eq!(top.place_country.as_deref(), Some("UA"));
    let contested = stories(&s, &Filter { contested: Some(true), ..Filter::default() }).unwrap();
    assert_eq!(contested.len(), 1);
    assert_eq!(contested[0].first_report, "r4");
    assert_eq!(contested[0].contested_reason.as_deref(), Some("denied"));
    // A wider radius merges Izium with Kharkiv? No: the dates are 3+ days apart. A wider window does.
    let mut s = Store::open(&db).unwrap();
    let wide = rebuild_stories(&mut s, &MergeOptions { km: 200.0, days: 5, ..MergeOptions::default() }).unwrap();
    assert_eq!(wide.stories, 3);
    // Every event keeps its evidence and points to its story.
    let ev = events(&s, &Filter { story: Some(1), ..Filter::default() }).unwrap();
    assert!(!ev.is_empty() && ev.iter().all(|e| !e.evidence.is_empty()));
}

#[test]
fn queries_filter_sort_and_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = corpus(dir.path());
    run(&db, &[file]);
    let s = Store::open_existing(&db).unwrap();
    let q = |f: Filter| events(&s, &f).unwrap();
    assert_eq!(q(Filter::default()).len(), 5);
    assert_eq!(q(Filter { cameo: Some("19".into()), ..Filter::default() }).len(), 4);
    assert_eq!(q(Filter { cameo: Some("040".into()), ..Filter::default() }).len(), 1);
    assert_eq!(q(Filter { plover: Some("consult".into()), ..Filter::default() }).len(), 1);
    assert_eq!(q(Filter { actor: Some("RUS".into()), ..Filter::default() }).len(), 5);
    assert_eq!(q(Filter { actor: Some("UKRMIL".into()), ..Filter::default() }).len(), 5);
    assert_eq!(q(Filter { actor: Some("USA".into()), ..Filter::default() }).len(), 0);
    assert_eq!(q(Filter { country: Some("UA".into()), ..Filter::default() }).len(), 5);
    assert_eq!(q(Filter { country: Some("RUS".into()), ..Filter::default() }).len(), 5);
    assert_eq!(q(Filter { place: Some("kharkiv".into()), ..Filter::default() }).len(), 2);
    assert_eq!(q(Filter { near: Some((50.0, 36.2, 50.0)), ..Filter::default() }).len(), 2);
    assert_eq!(q(Filter { near: Some((50.0, 36.2, 150.0)), ..Filter::default() }).len(), 3);
    assert_eq!(q(Filter { text: Some("artillery OR jets".into()), ..Filter::default() }).len(), 2);
    assert_eq!(q(Filter { factuality: Some("negated".into()), ..Filter::default() }).len(), 1);
    assert_eq!(q(Filter { stance: Some("denied".into()), ..Filter::default() }).len(), 1);
    assert_eq!(q(Filter { stance: Some("none".into()), ..Filter::default() }).len(), 3);
    // r2's event happened the day before its report.
    let d = q(Filter { event_from: Some("2022-03-01".into()), event_to: Some("2022-03-01".into()), ..Filter::default() });
    assert_eq!(d.iter().map(|e| e.report.as_str()).collect::<Vec<_>>(), ["r2", "r1"]);
    assert_eq!(q(Filter { report_from: Some("2022-03-05".into()), ..Filter::default() }).len(), 2);
    let asc = q(Filter { sort: Sort::DateAsc, limit: Some(2), ..Filter::default() });
    assert_eq!(asc.len(), 2);
    assert!(asc[0].event_date <= asc[1].event_date);
    let e = &q(Filter { place: Some("Lviv".into()), cameo: Some("19".into()), ..Filter::default() })[0];
    assert_eq!(e.evidence, "Russian artillery attacked Ukrainian defenders in Lviv.");
    assert_eq!(e.trigger_span, [18, 21]);
    assert_eq!(e.source_country.as_deref(), Some("RUS"));
    assert_eq!((e.source_inferred, e.target_inferred), (false, true), "an inferred side is stored as such");
    // Clear errors.
    let err = events(&s, &Filter { event_from: Some("March".into()), ..Filter::default() }).unwrap_err().to_string();
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    let err = events(&s, &Filter { text: Some("\"unclosed".into()), ..Filter::default() }).unwrap_err().to_string();
    assert!(err.contains("double quotes"), "{err}");
}

#[test]
fn a_reader_queries_while_a_writer_holds_a_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = corpus(dir.path());
    run(&db, &[file]);
    let mut writer = Store::open(&db).unwrap();
    let reader = Store::open_existing(&db).unwrap();
    let _ = &mut writer;
    writer.connection().execute_batch("BEGIN IMMEDIATE; DELETE FROM events_fts; DELETE FROM events;").unwrap();
    assert_eq!(events(&reader, &Filter::default()).unwrap().len(), 5);
    writer.connection().execute_batch("ROLLBACK").unwrap();
}

#[test]
fn exports_have_the_published_layouts() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = corpus(dir.path());
    run(&db, &[file]);
    let s = Store::open_existing(&db).unwrap();
    let mut out = Vec::new();
    assert_eq!(export(&s, &Filter::default(), ExportFormat::Gdelt, &mut out).unwrap(), 5);
    let text = String::from_utf8(out).unwrap();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), GDELT_COLUMNS.len() + GDELT_EXTRA_COLUMNS.len());
        let row: std::collections::HashMap<&str, &str> = GDELT_COLUMNS.iter().copied().zip(cols.iter().copied()).collect();
        assert_eq!(row["Actor1Code"], "RUSMIL");
        assert_eq!(row["Actor1CountryCode"], "RUS");
        assert_eq!(row["Actor2Type1Code"], "MIL");
        assert!(row["SQLDATE"].starts_with("202203"));
        assert!(["1", "4"].contains(&row["QuadClass"]));
        assert_eq!(row["ActionGeo_CountryCode"], "UP", "FIPS 10-4, as GDELT");
    }
    assert!(text.lines().any(|l| {
        let c: Vec<&str> = l.split('\t').collect();
        c[26] == "190" && c[28] == "19" && c[31] == "2" && c[33] == "2"
    }));

    let mut out = Vec::new();
    export(&s, &Filter::default(), ExportFormat::Geojson, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let f = &v["features"][0];
    assert_eq!(f["type"], "Feature");
    assert_eq!(f["geometry"]["type"], "Point");
    assert!(f["geometry"]["coordinates"][0].as_f64().unwrap() > 20.0); // lon first
    assert_eq!(v["features"].as_array().unwrap().len(), 5);

    // A feature per story, with its counts.
    let mut out = Vec::new();
    let n = export(&s, &Filter::default(), ExportFormat::GeojsonStories, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len() as u64, n);
    assert!((1..5).contains(&n), "the Kharkiv attacks merge: {n} stories");
    assert!(features.iter().any(|f| f["properties"]["num_mentions"].as_i64() >= Some(2)));
    assert!(features.iter().all(|f| f["geometry"]["coordinates"][1].as_f64().unwrap() > 40.0)); // lat second

    let mut out = Vec::new();
    export(&s, &Filter::default(), ExportFormat::Plover, &mut out).unwrap();
    for line in String::from_utf8(out).unwrap().lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(r["actor"].is_array() && r["recipient"].is_array());
        assert!(r["event_loc"]["resolution"].is_string());
        assert!(r["cite_info"]["sentence"].is_string());
    }

    let mut out = Vec::new();
    export(&s, &Filter::default(), ExportFormat::Acled, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    assert_eq!(&header[..3], ["event_id_cnty", "event_date", "year"]);
    assert_eq!(text.lines().count(), 6);
    assert!(text.contains("\"Russian troops attacked Ukrainian units near Kharkiv yesterday, officials in Kyiv said.\""));
}

#[test]
fn a_full_disk_stops_cleanly_and_keeps_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = corpus(dir.path());
    run(&db, &[file]);
    let size = std::fs::metadata(&db).unwrap().len() + std::fs::metadata(dir.path().join("s.db-wal")).map(|m| m.len()).unwrap_or(0);
    let big: Vec<(String, String)> =
        (0..400).map(|i| (format!("big{i}"), format!("Russian forces attacked Ukrainian positions in Kharkiv, report {i}. {}", "More words here. ".repeat(200)))).collect();
    let rows: Vec<(&str, &str, &str, &str)> = big.iter().map(|(id, t)| (id.as_str(), "2022-03-03", "X", t.as_str())).collect();
    let more = write_jsonl(dir.path(), "big.jsonl", &rows);
    let opts = IngestOptions { max_bytes: Some(size.max(200_000) + 300_000), batch: 20, ..IngestOptions::default() };
    let err = ingest(&db, std::slice::from_ref(&more), &opts, &fake, &mut |_| {}).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull(_)), "{err}");
    assert!(err.to_string().contains("free space"));
    let s = Store::open_existing(&db).unwrap();
    assert!(s.integrity_ok().unwrap());
    let (n, _, _) = s.counts().unwrap();
    assert!((6..406).contains(&n), "{n}");
    drop(s);
    // Space again: the rest goes in, nothing doubled.
    let st = run(&db, &[more]);
    assert_eq!(st.stored + (n - 6), 400);
    assert_eq!(Store::open_existing(&db).unwrap().counts().unwrap().0, 406);
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_reads_back_with_arrow() {
    use sitrep_store::arrow::arrow_array;
    use sitrep_store::arrow::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = corpus(dir.path());
    run(&db, &[file]);
    let s = Store::open_existing(&db).unwrap();
    let out = dir.path().join("events.parquet");
    assert_eq!(export_parquet(&s, &Filter::default(), &out).unwrap(), 5);
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&out).unwrap()).unwrap().build().unwrap();
    let batches: Vec<_> = reader.map(|b| b.unwrap()).collect();
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 5);
    let b = &batches[0];
    let cameo = b.column_by_name("cameo").unwrap().as_any().downcast_ref::<arrow_array::StringArray>().unwrap();
    assert_eq!(cameo.value(0), "190");
    assert!(b.column_by_name("lat").is_some() && b.column_by_name("evidence").is_some());
}
