//! Score the pipeline on the PETRARCH validation records (../shared/eval/petrarch2-unittest
//! and ../shared/eval/udpetrarch-validation), with each suite's own dictionaries.
//!
//! `cargo run --release -p sitrep-events --example petrarch_eval [RECORDS.xml …] [-v] [--verbs-only]`

use std::path::{Path, PathBuf};

use sitrep_core::{Doc, Stage};
use sitrep_events::petrarch::{self, Dicts};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let verbs_only = args.iter().any(|a| a == "--verbs-only");
    let mut files: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with('-')).map(PathBuf::from).collect();
    if files.is_empty() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
        files = vec![
            root.join("petrarch2-unittest/PETR.UnitTest.records.xml"),
            root.join("udpetrarch-validation/PETR_Validate_records_2_02.xml"),
            root.join("udpetrarch-validation/PETR2_GSR_validation.xml"),
        ];
    }
    let segmenter = sitrep_text::Segmenter::new();
    let syntax = sitrep_syntax::SyntaxStage::builtin().expect("syntax model");
    let time = sitrep_time::TimeTagger::new();
    let entities = sitrep_actors::EntityStage::builtin().expect("entity model");
    let places = sitrep_geo::PlaceTagger::builtin();
    let events = sitrep_events::EventStage::builtin();
    let run = |doc: &mut Doc| {
        segmenter.annotate(doc);
        syntax.annotate(doc);
        time.annotate(doc);
        entities.annotate(doc);
        places.annotate(doc);
        events.annotate(doc);
    };
    for f in files {
        if !f.exists() {
            println!("skipped: {} is absent\n", f.display());
            continue;
        }
        let dicts = match Dicts::from_environment(&f) {
            Ok(d) => d,
            Err(e) => {
                println!("skipped: {}: {e}\n", f.display());
                continue;
            }
        };
        let t = std::time::Instant::now();
        let r = petrarch::evaluate_with(&f, &dicts, &run, verbs_only).expect("records readable");
        println!("{r}");
        println!("dictionaries: actors {}, agents {}, verbs {}; {:.1} s\n", dicts.actors.as_ref().map_or(0, |d| d.len()), dicts.agents.as_ref().map_or(0, |d| d.len()), dicts.verbs.as_ref().map_or(0, |d| d.len()), t.elapsed().as_secs_f64());
        if verbose {
            for l in &r.failures {
                println!("  {l}");
            }
            println!();
        }
    }
}
