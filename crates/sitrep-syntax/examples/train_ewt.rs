//! Train on EWT train, score on EWT dev, for iterating on features:
//! `cargo run --release -p sitrep-syntax --example train_ewt [OUT]`
//! (`EPOCHS=8,15 PRUNE=0.9` as `sitrep train syntax`; `TEST=1` scores test instead;
//! `SEED=n`; `TAG_CACHE=FILE` keeps the taggers and jackknifed tags between runs that
//! change only the parser, with the same model as a run without it).
use sitrep_syntax::{conllu, eval, train, Syntax};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-en-ewt");
    let read = |name: &str| conllu::parse(&std::fs::read_to_string(dir.join(name)).expect("EWT present")).expect("valid");
    let train_data = read("en_ewt-ud-train.conllu");
    let dev = read(if std::env::var("TEST").is_ok() { "en_ewt-ud-test.conllu" } else { "en_ewt-ud-dev.conllu" });
    let mut opts = train::TrainOptions::default();
    if let Ok(e) = std::env::var("EPOCHS") {
        let v: Vec<usize> = e.split(',').map(|x| x.parse().unwrap()).collect();
        opts.tagger_epochs = v[0];
        opts.parser_epochs = v[1];
    }
    if let Ok(f) = std::env::var("PRUNE") {
        opts.prune = f.parse().unwrap();
    }
    if let Ok(f) = std::env::var("FOLDS") {
        opts.folds = f.parse().unwrap();
    }
    if let Ok(f) = std::env::var("SEED") {
        opts.seed = f.parse().unwrap();
    }
    let (hashed, small) = sitrep_syntax::parser::template_counts();
    eprintln!("templates: {hashed} hashed + {small} small = {} lookups per move", hashed + small);
    let cache = std::env::var("TAG_CACHE").ok().map(std::path::PathBuf::from);
    let t = std::time::Instant::now();
    let model = train::train_cached(&train_data, opts, cache.as_deref(), |l| eprintln!("{l}")).unwrap();
    eprintln!("trained in {:.1}s", t.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    eprintln!("model {} bytes", bytes.len());
    let model = Syntax::from_bytes(&bytes).unwrap();
    let mut pred = dev.clone();
    let t = std::time::Instant::now();
    model.annotate_conllu(&mut pred);
    let secs = t.elapsed().as_secs_f64();
    let s = eval::score(&dev, &pred).unwrap();
    println!("{s}\n{:.0} words/s\ntemplates: {hashed} hashed + {small} small", s.words as f64 / secs);
    if let Some(out) = std::env::args().nth(1) {
        std::fs::write(out, bytes).unwrap();
    }
}
