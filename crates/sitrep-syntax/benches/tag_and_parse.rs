//! Tagging + lemmatising + parsing speed on one core, over at least a million tokens.
//!
//! Input: one pre-tokenised sentence per line, tokens separated by spaces — by default
//! bench/corpus/ewt-sentences.txt (made by `python3 bench/peers/make_sentences.py`, the
//! same file the spaCy peer reads), else the words of UD EWT train read directly.
//! `cargo bench -p sitrep-syntax --bench tag_and_parse [-- FILE]`

use std::path::PathBuf;
use std::time::Instant;

use sitrep_syntax::{conllu, Analysis, Syntax, Workspace};

const MIN_TOKENS: usize = 1_000_000;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let arg = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let file = arg.map(PathBuf::from).unwrap_or_else(|| root.join("bench/corpus/ewt-sentences.txt"));
    let sentences: Vec<Vec<String>> = match std::fs::read_to_string(&file) {
        Ok(text) => text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.split(' ').map(str::to_string).collect()).collect(),
        Err(_) => {
            let ewt = root.join("../shared/data/ud-en-ewt/en_ewt-ud-train.conllu");
            let Ok(text) = std::fs::read_to_string(&ewt) else {
                eprintln!("skipped: neither {} nor {} is present", file.display(), ewt.display());
                return;
            };
            let parsed = conllu::parse(&text).expect("EWT is valid CoNLL-U");
            parsed.into_iter().map(|s| s.words.into_iter().map(|w| w.form).collect()).collect()
        }
    };
    let per_pass: usize = sentences.iter().map(Vec::len).sum();
    if per_pass == 0 {
        eprintln!("skipped: no tokens in {}", file.display());
        return;
    }
    let load = Instant::now();
    let model = Syntax::builtin().expect("built-in model");
    let load_ms = load.elapsed().as_secs_f64() * 1e3;
    let mut ws = Workspace::default();
    let mut a = Analysis::default();
    // Warm up.
    for s in sentences.iter().take(1000) {
        model.analyze_into(s.iter().map(String::as_str), &mut ws, &mut a);
    }
    let started = Instant::now();
    let mut tokens = 0;
    let mut checksum = 0u64;
    while tokens < MIN_TOKENS {
        for s in &sentences {
            model.analyze_into(s.iter().map(String::as_str), &mut ws, &mut a);
            tokens += s.len();
            checksum = checksum.wrapping_add(a.heads.iter().map(|h| h.unwrap_or(0) as u64).sum::<u64>());
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{{\"system\":\"sitrep-syntax\",\"model_load_ms\":{load_ms:.0},\"tokens\":{tokens},\"seconds\":{secs:.2},\"tokens_per_s\":{:.0},\"checksum\":{checksum}}}",
        tokens as f64 / secs
    );
}
