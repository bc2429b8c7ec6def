//! How accuracy and speed trade against model size when small weights are dropped after
//! training: `cargo run --release -p sitrep-syntax --example prune [MIN…]`
//! (EWT dev, gold words; the built-in model, or the model file in `MODEL`).
use sitrep_syntax::parser::Parser;
use sitrep_syntax::tagger::Tagger;
use sitrep_syntax::{conllu, eval, Analysis, Syntax, Workspace};

fn main() {
    let file = std::env::var("MODEL").ok().map(|p| Syntax::from_bytes(&std::fs::read(p).expect("model file")).expect("a syntax model"));
    let base = match &file {
        Some(m) => m,
        None => Syntax::builtin_perceptron().expect("built-in model"),
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-en-ewt");
    let dev = conllu::parse(&std::fs::read_to_string(dir.join("en_ewt-ud-dev.conllu")).expect("EWT dev")).expect("CoNLL-U");
    let mins: Vec<f32> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let mins = if mins.is_empty() { vec![0.0, 0.25, 0.5, 1.0, 2.0] } else { mins };
    println!("{:>6} {:>9} {:>9} {:>7} {:>7} {:>7} {:>10}", "min", "tag feats", "par feats", "UPOS", "UAS", "LAS", "words/s");
    for min in mins {
        let model = Syntax {
            tagger: Tagger::new(base.tagger.tags.clone(), base.tagger.dictionary.clone(), base.tagger.weights.pruned(min)),
            parser: Parser::new(base.parser.labels.clone(), base.parser.weights.pruned(min), &base.tagger.tags),
            lemmatizer: base.lemmatizer.clone(),
        };
        if std::env::var("ONCE").is_ok() {
            // One pass, nothing else: for instruction and cache-miss counts under valgrind.
            let (mut ws, mut a) = (Workspace::default(), Analysis::default());
            for s in &dev {
                model.analyze_into(s.words.iter().map(|w| w.form.as_str()), &mut ws, &mut a);
            }
            continue;
        }
        let mut predicted = dev.clone();
        model.annotate_conllu(&mut predicted);
        let s = eval::score(&dev, &predicted).expect("same words");
        // Each block of 200 sentences timed seven times, the fastest kept: the machine may
        // be busy with other work, which only ever makes a pass slower.
        let (mut ws, mut a) = (Workspace::default(), Analysis::default());
        let words: usize = dev.iter().map(|s| s.words.len()).sum();
        let mut best = 0.0;
        for block in dev.chunks(200) {
            let mut fastest = f64::MAX;
            for _ in 0..7 {
                let t = std::time::Instant::now();
                for s in block {
                    model.analyze_into(s.words.iter().map(|w| w.form.as_str()), &mut ws, &mut a);
                }
                fastest = fastest.min(t.elapsed().as_secs_f64());
            }
            best += fastest;
        }
        let wps = words as f64 / best;
        println!(
            "{min:>6} {:>9} {:>9} {:>7.2} {:>7.2} {:>7.2} {:>10.0}",
            model.tagger.weights.n_features(),
            model.parser.weights.n_features(),
            s.upos,
            s.uas,
            s.las,
            wps
        );
    }
}
