//! Throughput of reading reports and splitting them into paragraphs, sentences and
//! tokens, on one core.
//!
//! ```text
//! python3 bench/make_corpus.py            # 120 MB of news text, outside the repository
//! cargo bench -p sitrep --bench read_and_split -- bench/corpus/news.jsonl bench/corpus/news.txt
//! ```
//!
//! For each file: wall time of reading (decoding, JSON, date parsing, language
//! detection) plus segmentation, and of segmentation alone, in MB of report text per second.

use std::time::{Duration, Instant};

use sitrep_core::Stage;
use sitrep_ingest::{read_input, Input, ReadOptions};
use sitrep_text::Segmenter;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("usage: cargo bench -p sitrep --bench read_and_split -- FILE...  (make one with python3 bench/make_corpus.py)");
        return;
    }
    let segmenter = Segmenter::new();
    let opts = ReadOptions { date: Some(jiff::civil::date(2016, 10, 1)), ..ReadOptions::default() };
    for file in &files {
        // `cargo bench` runs in the package folder: resolve paths from the workspace root.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let path = if std::path::Path::new(file).exists() { file.into() } else { root.join(file) };
        let input = Input::File(path);
        let (mut bytes, mut reports, mut sentences, mut tokens) = (0usize, 0usize, 0usize, 0usize);
        let mut split_time = Duration::ZERO;
        let started = Instant::now();
        read_input(&input, &opts, &mut |result| {
            let mut doc = match result {
                Ok(doc) => doc,
                Err(e) => return eprintln!("error: {e}"),
            };
            let t = Instant::now();
            segmenter.annotate(&mut doc);
            split_time += t.elapsed();
            bytes += doc.text().len();
            reports += 1;
            sentences += doc.text_layer.sentences.len();
            tokens += doc.text_layer.tokens.len();
        });
        let total = started.elapsed();
        let mb = bytes as f64 / 1e6;
        println!(
            "{file}: {reports} reports, {mb:.1} MB, {sentences} sentences, {tokens} tokens\n  read + split: {:.2} s = {:.1} MB/s ({:.2} M tokens/s)\n  split alone:  {:.2} s = {:.1} MB/s",
            total.as_secs_f64(),
            mb / total.as_secs_f64(),
            tokens as f64 / 1e6 / total.as_secs_f64(),
            split_time.as_secs_f64(),
            mb / split_time.as_secs_f64(),
        );
    }
}
