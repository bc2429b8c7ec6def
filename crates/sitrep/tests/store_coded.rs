//! Reports coded elsewhere (`sitrep extract` on a cluster, say) and stored with
//! `ingest --coded` give the same events and stories as coding them in `ingest`.

use std::path::Path;
use std::process::Command;

fn sitrep(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).output().unwrap();
    assert!(out.status.success(), "sitrep {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Every stored event and story, as comparable text.
fn dump(db: &Path) -> (Vec<String>, Vec<String>) {
    let db = db.to_str().unwrap();
    let rows = |cmd: &str| -> Vec<String> {
        let out = sitrep(&[cmd, "--db", db, "--format", "jsonl", "--sort", "date-asc"]);
        String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
    };
    (rows("events"), rows("stories"))
}

#[test]
fn coded_output_stores_the_same_events_and_stories() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let examples = root.join("examples");
    let dir = tempfile::tempdir().unwrap();
    let (direct, coded) = (dir.path().join("direct.db"), dir.path().join("coded.db"));
    let examples = examples.to_str().unwrap();
    sitrep(&["ingest", "-q", "--db", direct.to_str().unwrap(), examples]);

    // Code in two parts, as two machines would; one part gzipped, in a partition folder.
    let out = sitrep(&["extract", "--format", "jsonl", examples]);
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert!(lines.len() >= 3);
    let part = dir.path().join("coded/date=x");
    std::fs::create_dir_all(&part).unwrap();
    std::fs::write(part.join("part-0.jsonl"), lines[..2].join("\n")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(part.join("part-1.jsonl.gz")).unwrap(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, lines[2..].join("\n").as_bytes()).unwrap();
    gz.finish().unwrap();
    std::fs::write(dir.path().join("coded/_SUCCESS"), "").unwrap();
    sitrep(&["ingest", "-q", "--coded", "--db", coded.to_str().unwrap(), dir.path().join("coded").to_str().unwrap()]);

    let (a, b) = (dump(&direct), dump(&coded));
    assert!(!a.0.is_empty() && !a.1.is_empty());
    assert_eq!(a.0.len(), b.0.len());
    // Same events in the same order, field for field (the stored report ids come from the
    // same reader, so everything matches).
    assert_eq!(a, b);

    // Again: nothing is stored twice; a damaged line is named and the rest is kept.
    std::fs::write(part.join("part-2.jsonl"), "{\"doc\": 1}\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(["ingest", "-q", "--coded", "--db", coded.to_str().unwrap(), dir.path().join("coded").to_str().unwrap()]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("part-2.jsonl:1") && err.contains("0 stored"), "{err}");
    assert_eq!(dump(&coded), b);
}
