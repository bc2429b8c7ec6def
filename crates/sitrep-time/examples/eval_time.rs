//! Score the time layer on a folder of TimeML files (default: ../shared/eval/tempeval3/
//! TBAQ-cleaned beside the workspace).
//!
//! ```text
//! cargo run --release -p sitrep-time --example eval_time [DIR] [--predictions FILE]
//!     [--dump-texts OUT.jsonl] [--errors [--values] [--context]] [--syntax]
//! ```
//! `--errors` lists the disagreements on the tuning documents only (never the held-out);
//! `--values` keeps only those whose value differs, `--context` adds the report date and
//! the words around each.
//! `--halves` adds the tuning split cut in two (even and odd positions among the tuning
//! files), to check that a change helps on both halves and not only on one.
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
    let mut context = false;
    let mut values_only = false;
    let mut halves = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--predictions" => predictions = args.next().map(PathBuf::from),
            "--dump-texts" => dump = args.next().map(PathBuf::from),
            "--errors" => errors = true,
            "--syntax" => with_syntax = true,
            "--context" => context = true,
            "--values" => values_only = true,
            "--halves" => halves = true,
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
            // With --context, the words around each disagreement and the report's date.
            let source = if context { std::fs::read_to_string(&d.file.path).ok().and_then(|x| sitrep_time::timeml::parse(&d.file.name, &x).ok()) } else { None };
            let around = |start: usize, end: usize| -> String {
                let Some(t) = &source else { return String::new() };
                let chars: Vec<char> = t.text.chars().collect();
                let a = start.saturating_sub(90);
                let b = (end + 60).min(chars.len());
                let s = |x: usize, y: usize| chars[x.min(chars.len())..y.min(chars.len())].iter().collect::<String>().replace('\n', " ");
                format!("\n      dct {} | {}[[{}]]{}", t.dct.map(|d| d.to_string()).unwrap_or_default(), s(a, start), s(start, end), s(end, b))
            };
            for m in &d.score.mismatches {
                match m {
                    Mismatch::Missed(g) if !values_only => println!("MISS  {:?} {:?} {}   [{}]{}", g.text, g.kind, g.value, d.file.name, around(g.start, g.end)),
                    Mismatch::Spurious(s) if !values_only => println!("SPUR  {:?} {:?} {}   [{}]{}", s.text, s.kind, s.value, d.file.name, around(s.start, s.end)),
                    Mismatch::Differs { gold, system } if !values_only || gold.value != system.value => println!(
                        "DIFF  gold {:?} {:?} {} | ours {:?} {:?} {}   [{}]{}",
                        gold.text, gold.kind, gold.value, system.text, system.kind, system.value, d.file.name, around(gold.start.min(system.start), gold.end.max(system.end))
                    ),
                    _ => {}
                }
            }
        }
    }
    println!("{report}");
    if halves {
        print_halves(&report);
    }
}

/// Figures of the tuning split cut in two by position (even, odd) among tuning files.
fn print_halves(report: &eval::TimeEval) {
    let tuning: Vec<&str> = report.docs.iter().filter(|d| d.file.split == Split::Tune).map(|d| d.file.name.as_str()).collect();
    for (label, parity) in [("tune-even", 0), ("tune-odd", 1)] {
        let c = report.total(|d| d.file.split == Split::Tune && tuning.iter().position(|n| *n == d.file.name).is_some_and(|i| i % 2 == parity));
        println!(
            "{label:<10} docs {:>3} gold {:>4} | rel P {:.3} R {:.3} F1 {:.3} | value acc {:.3} valF1 {:.4} typeF1 {:.4}",
            c.docs, c.gold, c.relaxed_p(), c.relaxed_r(), c.relaxed_f1(), c.value_accuracy(), c.value_f1(), c.type_f1()
        );
    }
}
