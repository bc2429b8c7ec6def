//! Print the places found in a text file (or the seed example): `cargo run -p sitrep-geo --example tag -- FILE`.
use sitrep_core::{Doc, Meta, Stage};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/examples/report-2022-02-25-kyiv.txt".into());
    let text = std::fs::read_to_string(&path).expect("readable file");
    let mut doc = Doc::new(Meta::new("x", jiff::civil::date(2022, 2, 25)), text);
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().expect("syntax model").annotate(&mut doc);
    if std::env::var_os("TAG_ENTITIES").is_some() {
        sitrep_actors::EntityStage::builtin().expect("entity model").annotate(&mut doc);
    }
    if std::env::var_os("TAG_TOKENS").is_some() {
        for (k, t) in doc.text_layer.tokens.iter().enumerate() {
            print!("{}/{:?}/{} ", t.span.of(doc.text()), t.kind, doc.syntax.tokens.get(k).map(|s| s.upos).unwrap_or(""));
        }
        println!();
    }
    sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
    for p in &doc.places.places {
        println!("{:32} {:20} {:?} {:.3},{:.3} {:?} {:?} {:?} {:?}", p.span.of(doc.text()), p.name, p.geonames_id, p.lat, p.lon, p.country, p.precision, p.detail.role, p.detail.relative.as_ref().map(|r| (r.direction, r.km, r.relation)));
    }
}
