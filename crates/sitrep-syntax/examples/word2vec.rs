//! Word vectors for the neural parser from the development texts here (nothing is
//! downloaded): PolNeAR news texts, GUM news, CoNLL-2003 train, EWT train.
//! `cargo run --release -p sitrep-syntax --example word2vec OUT` (`EPOCHS`, `DIM`).
//! Writes count and size (u32), then per word its hash (u64) and vector (f32s),
//! commonest word first: the `PRETRAINED` file of the `train_nn` example.
use sitrep_syntax::words::{Scratch, WordInfo};
use sitrep_syntax::{treebank_form, word2vec};

#[path = "common/texts.rs"]
mod texts;

fn main() {
    let out = std::env::args().nth(1).expect("output path");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut scratch = Scratch::default();
    let mut key = |w: &str| WordInfo::new(&treebank_form(w), &mut scratch).lower;
    let ewt = texts::conllu_forms(&root.join("data/ud-en-ewt/en_ewt-ud-train.conllu"));
    let sources = [texts::polnear(&root), texts::gum_news(&root), ewt, texts::conll2003(&root)];
    let sentences: Vec<Vec<u64>> = sources.iter().flatten().map(|s| s.iter().map(|w| key(w)).collect()).collect();
    let words: usize = sentences.iter().map(|s| s.len()).sum();
    eprintln!("{} sentences, {words} words", sentences.len());
    let defaults = word2vec::Word2VecOptions::default();
    let env = |n: &str, d: usize| std::env::var(n).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let o = word2vec::Word2VecOptions { epochs: env("EPOCHS", defaults.epochs), dim: env("DIM", defaults.dim), ..defaults };
    let t = std::time::Instant::now();
    let vectors = word2vec::train(&sentences, &o);
    eprintln!("{} vectors in {:.0}s", vectors.len(), t.elapsed().as_secs_f64());
    let mut bytes = Vec::new();
    bytes.extend((vectors.len() as u32).to_le_bytes());
    bytes.extend((o.dim as u32).to_le_bytes());
    for (k, v) in &vectors {
        bytes.extend(k.to_le_bytes());
        v.iter().for_each(|x| bytes.extend(x.to_le_bytes()));
    }
    std::fs::write(out, bytes).unwrap();
}
