//! `cargo run --release -p sitrep-geo --example eval_geo [PATH…]`: score the place layer
//! on LGL and GeoVirus (default: both files in ../shared/eval).
use std::path::PathBuf;

use sitrep_core::{Doc, Stage};

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        paths = vec!["../shared/eval/lgl/lgl.xml".into(), "../shared/eval/geovirus/GeoVirus.xml".into()];
    }
    let seg = sitrep_text::Segmenter::new();
    let syn = sitrep_syntax::SyntaxStage::builtin().expect("syntax model");
    // The same preparation as `sitrep eval geo`: recognition reads the entity layer.
    let ent = sitrep_actors::EntityStage::builtin().expect("entity model");
    let prepare = |doc: &mut Doc| {
        seg.annotate(doc);
        syn.annotate(doc);
        ent.annotate(doc);
    };
    let tagger = sitrep_geo::PlaceTagger::builtin();
    for p in paths {
        match sitrep_geo::eval::evaluate(&p, &prepare, &tagger) {
            Ok(r) => println!("{r}"),
            Err(e) => eprintln!("{e}"),
        }
    }
}
