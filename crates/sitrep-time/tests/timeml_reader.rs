//! The TimeML reader and the scorer on a small hand-written document.

use sitrep_core::{Doc, Stage, TimexType};
use sitrep_time::eval;
use sitrep_time::score::score_doc;
use sitrep_time::timeml;
use sitrep_time::TimeTagger;

const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-02-25" temporalFunction="false" functionInDocument="CREATION_TIME">20220225</TIMEX3></DCT>
<TEXT>
Ferries <EVENT eid="e1" class="OCCURRENCE">stopped</EVENT> <TIMEX3 tid="t1" type="DATE" value="2022-02-23">two days ago</TIMEX3> &amp; the port “closed” <TIMEX3 tid="t2" type="DURATION" value="PXW">for weeks</TIMEX3>.
Repairs <EVENT eid="e2" class="OCCURRENCE">begin</EVENT> <TIMEX3 tid="t3" type="DATE" value="2022-03">in March</TIMEX3>.
</TEXT>
</TimeML>"#;

#[test]
fn reads_dct_text_and_gold_spans() {
    let doc = timeml::parse("demo.tml", DOC).unwrap();
    assert_eq!(doc.dct, Some(jiff::civil::date(2022, 2, 25)));
    assert!(doc.text.starts_with("\nFerries stopped two days ago & the port “closed” for weeks."));
    let chars: Vec<char> = doc.text.chars().collect();
    let words: Vec<String> = doc.gold.iter().map(|g| chars[g.start..g.end].iter().collect()).collect();
    assert_eq!(words, ["two days ago", "for weeks", "in March"]);
    assert_eq!(doc.gold[1].kind, TimexType::Duration);
    assert_eq!(doc.gold[2].value, "2022-03");
}

#[test]
fn our_output_scored_against_the_demo() {
    let doc = timeml::parse("demo.tml", DOC).unwrap();
    let segmenter = sitrep_text::Segmenter::new();
    let prepare = |d: &mut Doc| segmenter.annotate(d);
    let system = eval::run_pipeline(&doc, &prepare, &TimeTagger::new()).unwrap();
    let s = score_doc(&doc.gold, &system).counts;
    // "two days ago" exact; "weeks" and "March" overlap the gold extents that include
    // their prepositions.
    assert_eq!((s.gold, s.system), (3, 3));
    assert_eq!(s.relaxed_in_gold, 3);
    assert_eq!(s.strict_in_gold, 1);
    assert_eq!(s.value_correct, 3);
    assert!((s.value_f1() - 1.0).abs() < 1e-9);
}

/// A deadline in Eastern time, written as TimeBank writes clock times.
const ZONED: &str = r#"<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-02-25" functionInDocument="CREATION_TIME">20220225</TIMEX3></DCT>
<TEXT>
Bids are due by <TIMEX3 tid="t1" type="TIME" value="2022-03-04T17:00">5 p.m. EST March 4</TIMEX3>.
</TEXT>
</TimeML>"#;

#[test]
fn clock_times_are_scored_without_their_zone_offset() {
    let doc = timeml::parse("zoned.tml", ZONED).unwrap();
    let segmenter = sitrep_text::Segmenter::new();
    let prepare = |d: &mut Doc| segmenter.annotate(d);
    let system = eval::run_pipeline(&doc, &prepare, &TimeTagger::new()).unwrap();
    assert_eq!(system.len(), 1);
    assert_eq!(system[0].value, "2022-03-04T17:00");
    assert_eq!(score_doc(&doc.gold, &system).counts.value_correct, 1);
    // The layer itself keeps the zone.
    let mut d = Doc::new(sitrep_core::Meta::new("z", jiff::civil::date(2022, 2, 25)), doc.text.clone());
    prepare(&mut d);
    TimeTagger::new().annotate(&mut d);
    assert_eq!(d.time.times[0].value, "2022-03-04T17:00-05:00");
}

#[test]
fn predictions_and_corpus_folders_are_read_with_clear_errors() {
    let dir = std::env::temp_dir().join(format!("sitrep-time-eval-{}", std::process::id()));
    let corpus = dir.join("Demo");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("demo.tml"), DOC).unwrap();
    let preds = dir.join("preds.jsonl");
    std::fs::write(&preds, "{\"file\": \"demo.tml\", \"times\": [{\"span\": [17, 29], \"type\": \"DATE\", \"value\": \"2022-02-23\"}]}\n").unwrap();
    let report = eval::score_predictions(&dir, &preds).unwrap();
    let c = report.overall();
    assert_eq!((c.gold, c.system, c.strict_in_gold, c.value_correct), (3, 1, 1, 1));
    let table = report.to_string();
    assert!(table.contains("Demo") && table.contains("Rules"));

    std::fs::write(&preds, "not json\n").unwrap();
    let err = eval::score_predictions(&dir, &preds).unwrap_err().to_string();
    assert!(err.contains("preds.jsonl:1") && err.contains("each line must be"), "{err}");
    let err = eval::evaluate_dir(&dir.join("absent"), &|_| {}, &TimeTagger::new()).unwrap_err().to_string();
    assert!(err.contains("cannot read the TimeML folder"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
