//! Speed of the time layer alone (segmentation excluded), in MB of text per second on
//! one core. Text: bench/corpus/news.txt when present (`python3 bench/make_corpus.py`),
//! else the TempEval-3 TimeML texts repeated to at least 50 MB.
//!
//! `cargo bench -p sitrep-time --bench time_layer`

use std::path::PathBuf;
use std::time::Instant;

use sitrep_core::{Doc, Meta, Stage};
use sitrep_time::TimeTagger;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = root.join("bench/corpus/news.txt");
    let (text, source) = if corpus.exists() {
        (std::fs::read_to_string(&corpus).expect("read bench/corpus/news.txt"), corpus.display().to_string())
    } else {
        let dir = root.join("../shared/eval/tempeval3/TBAQ-cleaned");
        let mut all = String::new();
        if let Ok(files) = sitrep_time::eval::corpus_files(&dir) {
            for f in files {
                if let Ok(xml) = std::fs::read_to_string(&f.path) {
                    if let Ok(d) = sitrep_time::timeml::parse(&f.name, &xml) {
                        all.push_str(&d.text);
                        all.push_str("\n\n");
                    }
                }
            }
        }
        if all.is_empty() {
            eprintln!("skipped: neither bench/corpus/news.txt nor ../shared/eval/tempeval3 is present");
            return;
        }
        let one = all.clone();
        while all.len() < 50_000_000 {
            all.push_str(&one);
        }
        (all, format!("{} (TimeML texts repeated)", dir.display()))
    };
    // Reports of about 4 KB, as in news, so per-report costs count.
    let segmenter = sitrep_text::Segmenter::new();
    let mut docs = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + 4096).min(text.len());
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(nl) = text[end..].find('\n') {
            end += nl + 1;
        } else {
            end = text.len();
        }
        let mut doc = Doc::new(Meta::new("b", jiff::civil::date(2022, 2, 25)), &text[start..end]);
        segmenter.annotate(&mut doc);
        docs.push(doc);
        start = end;
    }
    let tagger = TimeTagger::new();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let t = Instant::now();
        found = 0;
        for doc in docs.iter_mut() {
            tagger.annotate(doc);
            found += doc.time.times.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "time layer: {:.1} MB/s ({:.1} MB in {} reports, {} expressions, best of 3: {:.2} s) on {}",
        bytes as f64 / 1e6 / best,
        bytes as f64 / 1e6,
        docs.len(),
        found,
        best,
        source
    );
}
