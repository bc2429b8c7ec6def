//! Word vectors for the neural parser from the development texts here (nothing is
//! downloaded): PolNeAR news texts, GUM news, CoNLL-2003 train, EWT train.
//! `cargo run --release -p sitrep-syntax --example word2vec OUT` (`EPOCHS`, `DIM`).
//! Writes count and size (u32), then per word its hash (u64) and vector (f32s),
//! commonest word first: the `PRETRAINED` file of the `train_nn` example.
use sitrep_core::{Doc, Meta, Stage};
use sitrep_syntax::words::{Scratch, WordInfo};
use sitrep_syntax::{conllu, treebank_form, word2vec};

fn main() {
    let out = std::env::args().nth(1).expect("output path");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut scratch = Scratch::default();
    let mut key = |w: &str| WordInfo::new(&treebank_form(w), &mut scratch).lower;
    let mut sentences: Vec<Vec<u64>> = Vec::new();
    // Plain news texts, split as the pipeline splits them.
    let segmenter = sitrep_text::Segmenter::new();
    for part in ["train", "dev"] {
        let dir = root.join("eval/polnear").join(part).join("text");
        let mut files: Vec<_> = std::fs::read_dir(&dir).expect("polnear texts").filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let mut doc = Doc::new(Meta::new("w2v", jiff::civil::date(2020, 1, 1)), &text);
            segmenter.annotate(&mut doc);
            let t = doc.text();
            for s in &doc.text_layer.sentences {
                sentences.push(doc.text_layer.tokens[s.tokens()].iter().map(|tok| key(tok.span.of(t))).collect());
            }
        }
    }
    // Treebanks: GUM news, EWT train.
    let mut banks: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("eval/gum-news/dep")).expect("gum").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    banks.sort();
    banks.push(root.join("data/ud-en-ewt/en_ewt-ud-train.conllu"));
    for b in banks {
        for s in conllu::parse(&std::fs::read_to_string(&b).unwrap()).unwrap() {
            sentences.push(s.words.iter().map(|w| key(&w.form)).collect());
        }
    }
    // CoNLL-2003 train: one token per line, the form first.
    let mut current = Vec::new();
    for line in std::fs::read_to_string(root.join("eval/conll2003/train.txt")).unwrap().lines() {
        match line.split(' ').next() {
            Some(w) if !w.is_empty() && w != "-DOCSTART-" => current.push(key(w)),
            _ => {
                if !current.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
            }
        }
    }
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
