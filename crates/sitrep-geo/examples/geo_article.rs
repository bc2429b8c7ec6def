//! Look at one article of a gold file of the TUNING split (index % 4 != 3; held-out
//! articles are refused): its entities, places and gold toponyms.
//! `cargo run --release -p sitrep-geo --example geo_article -- ../shared/eval/lgl/lgl.xml 241 [--tokens]`
//! (`SITREP_GEO_DEBUG=1` adds the resolver's candidate scores.)
use sitrep_core::{Doc, Meta, Stage};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(i)) = (args.next(), args.next().and_then(|s| s.parse::<usize>().ok())) else {
        eprintln!("usage: geo_article GOLD.xml INDEX [--tokens]");
        std::process::exit(2);
    };
    let tokens = args.any(|a| a == "--tokens");
    if i % 4 == 3 {
        eprintln!("article {i} is held out (index % 4 == 3)");
        std::process::exit(2);
    }
    let gold = sitrep_geo::eval::read_gold(std::path::Path::new(&path)).expect("gold file");
    let art = &gold[i];
    let mut doc = Doc::new(Meta::new("x", jiff::civil::date(2020, 1, 1)), art.text.clone());
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().expect("syntax model").annotate(&mut doc);
    sitrep_actors::EntityStage::builtin().expect("entity model").annotate(&mut doc);
    sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
    println!("{}\n", art.text);
    if tokens {
        let starts: Vec<usize> = doc.text_layer.sentences.iter().map(|s| s.first_token as usize).collect();
        for (k, t) in doc.text_layer.tokens.iter().enumerate() {
            if starts.contains(&k) {
                print!("|| ");
            }
            let s = doc.syntax.tokens.get(k).map(|s| s.upos).unwrap_or("");
            print!("{}/{:?}/{s} ", t.span.of(doc.text()), t.kind);
        }
        println!("\n");
    }
    for e in &doc.entities.entities {
        let m: Vec<&str> = e.mentions.iter().map(|m| m.of(doc.text())).collect();
        println!("ENTITY {:?} {:?}", e.kind, m);
    }
    for p in &doc.places.places {
        println!("PLACE {:30} {:24} {:?} {:.2},{:.2} {:?} {:?} {:?}", p.span.of(doc.text()), p.name, p.geonames_id, p.lat, p.lon, p.country, p.precision, p.detail.role);
    }
    for t in &art.toponyms {
        println!("GOLD {:30} {:.2},{:.2}", t.phrase, t.lat, t.lon);
    }
}
