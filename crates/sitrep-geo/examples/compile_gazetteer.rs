//! Compile data/geo/names.idx.gz (the name index and automaton) from
//! data/geo/gazetteer.tsv.gz. Run after data/geo/build_gazetteer.py:
//!
//! ```sh
//! cargo run --release -p sitrep-geo --example compile_gazetteer
//! ```

use std::io::Write;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/geo");
    let tsv = std::fs::read(dir.join("gazetteer.tsv.gz")).expect("data/geo/gazetteer.tsv.gz: run data/geo/build_gazetteer.py first");
    let t = std::time::Instant::now();
    let gaz = sitrep_geo::Gazetteer::compile_gzip(&tsv).unwrap_or_else(|e| panic!("{e}"));
    let bytes = gaz.index_bytes();
    let mut gz = flate2::GzBuilder::new().mtime(0).write(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).expect("compress");
    let out = gz.finish().expect("compress");
    std::fs::write(dir.join("names.idx.gz"), &out).expect("write data/geo/names.idx.gz");
    eprintln!("{} records, {} names, index {} bytes ({} compressed) in {:?}", gaz.len(), gaz.name_count(), bytes.len(), out.len(), t.elapsed());
}
