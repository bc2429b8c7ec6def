//! Score the time layer on a folder of TimeML files (default: ../shared/eval/tempeval3/
//! TBAQ-cleaned beside the workspace).
//!
//! ```text
//! cargo run --release -p sitrep-time --example eval_time [DIR] [--predictions FILE]
//!     [--dump-texts OUT.jsonl] [--errors] [--syntax]
//! ```
//! `--errors` lists the disagreements on the tuning documents only (never the held-out).
//! `--syntax` runs the built-in syntax stage before the tagger, as `sitrep eval time`
//! does, so that tense comes from tags and the dependency tree.

use std::path::PathBuf;

use sitrep_core::{Doc, Stage};
use sitrep_time::eval::{self, Split};
use sitrep_time::score::Mismatch;
use sitrep_time::TimeTagger;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut predictions = None;
    let mut dump = None;
    let mut errors = false;
    let mut with_syntax = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--predictions" => predictions = args.next().map(PathBuf::from),
            "--dump-texts" => dump = args.next().map(PathBuf::from),
            "--errors" => errors = true,
            "--syntax" => with_syntax = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/tempeval3/TBAQ-cleaned"));
    if !dir.exists() {
        eprintln!("skipped: {} is absent (TempEval-3 TBAQ-cleaned ships with the development data)", dir.display());
        return;
    }
    if let Some(out) = dump {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&out).expect("create the texts file"));
        match eval::dump_texts(&dir, &mut f) {
            Ok(n) => eprintln!("wrote {n} documents to {}", out.display()),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    let result = match predictions {
        Some(p) => eval::score_predictions(&dir, &p),
        None => {
            let segmenter = sitrep_text::Segmenter::new();
            let syntax = if with_syntax {
                match sitrep_syntax::SyntaxStage::builtin() {
                    Ok(s) => Some(s),
                    Err(e) => {
                        eprintln!("error: the built-in syntax model: {e}");
                        std::process::exit(1);
                    }
                }
            } else {
                None
            };
            let prepare = |doc: &mut Doc| {
                segmenter.annotate(doc);
                if let Some(s) = &syntax {
                    s.annotate(doc);
                }
            };
            eval::evaluate_dir(&dir, &prepare, &TimeTagger::new())
        }
    };
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    if errors {
        for d in report.docs.iter().filter(|d| d.file.split == Split::Tune) {
            for m in &d.score.mismatches {
                match m {
                    Mismatch::Missed(g) => println!("MISS  {:?} {:?} {}   [{}]", g.text, g.kind, g.value, d.file.name),
                    Mismatch::Spurious(s) => println!("SPUR  {:?} {:?} {}   [{}]", s.text, s.kind, s.value, d.file.name),
                    Mismatch::Differs { gold, system } => println!(
                        "DIFF  gold {:?} {:?} {} | ours {:?} {:?} {}   [{}]",
                        gold.text, gold.kind, gold.value, system.text, system.kind, system.value, d.file.name
                    ),
                }
            }
        }
    }
    println!("{report}");
}
