//! Place layer benchmark: gazetteer load time, resident memory, throughput (MB/s, one
//! core) on bench/corpus/news.txt if present, else the LGL texts repeated.
//!
//! `cargo bench -p sitrep-geo --bench places`

use std::time::Instant;

use sitrep_core::{Doc, Meta, Stage};

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn main() {
    let before = rss_kb();
    let t = Instant::now();
    let gaz = sitrep_geo::Gazetteer::builtin();
    let load = t.elapsed();
    let after = rss_kb();
    println!("gazetteer: {} records, {} names; load {:.0} ms; resident +{} MB (VmRSS {} MB)", gaz.len(), gaz.name_count(), load.as_secs_f64() * 1e3, (after.saturating_sub(before)) / 1024, after / 1024);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let texts: Vec<String> = match std::fs::read_to_string(root.join("bench/corpus/news.txt")) {
        Ok(s) => s.split("\n\n").filter(|p| !p.trim().is_empty()).map(str::to_string).collect(),
        Err(_) => match sitrep_geo::eval::read_gold(&root.join("../shared/eval/lgl/lgl.xml")) {
            Ok(g) => g.into_iter().map(|a| a.text).collect(),
            Err(e) => {
                println!("no corpus: {e}");
                return;
            }
        },
    };
    let seg = sitrep_text::Segmenter::new();
    let tagger = sitrep_geo::PlaceTagger::builtin();
    let mut docs: Vec<Doc> = Vec::new();
    let mut bytes = 0usize;
    while bytes < 20_000_000 {
        for t in &texts {
            let mut d = Doc::new(Meta::new("b", jiff::civil::date(2022, 2, 25)), t.clone());
            seg.annotate(&mut d);
            bytes += t.len();
            docs.push(d);
        }
    }
    let t = Instant::now();
    let mut n = 0;
    for d in &mut docs {
        tagger.annotate(d);
        n += d.places.places.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!("place layer (after segmentation, without syntax): {:.1} MB in {:.2} s = {:.1} MB/s one core; {} places", bytes as f64 / 1e6, secs, bytes as f64 / 1e6 / secs, n);
}
