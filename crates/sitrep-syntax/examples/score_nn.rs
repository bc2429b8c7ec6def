//! Score a saved neural parser file against the perceptron on EWT dev (or, once, test):
//! `cargo run --release -p sitrep-syntax --example score_nn NN_FILE [dev|test]`
use sitrep_syntax::{conllu, eval, Syntax};

fn main() {
    let path = std::env::args().nth(1).expect("net file");
    let part = std::env::args().nth(2).unwrap_or_else(|| "dev".into());
    let builtin = Syntax::builtin_perceptron().unwrap();
    let net = builtin.clone().with_nn(&std::fs::read(path).unwrap()).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-en-ewt");
    let gold = conllu::parse(&std::fs::read_to_string(dir.join(format!("en_ewt-ud-{part}.conllu"))).unwrap()).unwrap();
    for (name, model) in [("perceptron", builtin), ("net", &net)] {
        let mut pred = gold.clone();
        model.annotate_conllu(&mut pred);
        let s = eval::score(&gold, &pred).unwrap();
        println!("{part} {name}: UAS {:.2} LAS {:.2} (full labels {:.2}), {} words", s.uas, s.las, s.las_full, s.words);
    }
}
