//! Train on CoNLL-2003 train, score on dev: `cargo run --release -p sitrep-actors --example train_conll [OUT]`
use sitrep_actors::{conll, train};
use sitrep_syntax::Syntax;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/conll2003");
    let read = |n: &str| conll::parse(&std::fs::read_to_string(dir.join(n)).expect("conll present"));
    let (tr, dev) = (read("train.txt"), read("valid.txt"));
    let syntax = Syntax::builtin().unwrap();
    let mut xpos = |words: &[String]| -> Vec<String> {
        syntax.xpos_tags(words.iter().map(String::as_str)).into_iter().map(str::to_string).collect()
    };
    let mut opts = train::TrainOptions::default();
    if let Ok(e) = std::env::var("EPOCHS") {
        opts.epochs = e.parse().unwrap();
    }
    if let Ok(e) = std::env::var("PRUNE") {
        opts.prune = e.parse().unwrap();
    }
    let t = std::time::Instant::now();
    let model = train::train(&tr, &mut xpos, opts, &mut |l| eprintln!("{l}"));
    eprintln!("trained in {:.0}s, {} bytes", t.elapsed().as_secs_f64(), model.to_bytes().len());
    let s = train::evaluate(&model, &dev, &mut xpos, &train::same_type);
    println!("{s}\n{:.0} tokens/s (entity model alone)", s.tokens as f64 / s.seconds);
    if let Some(out) = std::env::args().nth(1) {
        std::fs::write(out, model.to_bytes()).unwrap();
    }
}
