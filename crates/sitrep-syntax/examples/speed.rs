//! Time tagging + parsing of EWT dev with a saved model: `cargo run --release -p sitrep-syntax --example speed MODEL`
use sitrep_syntax::{conllu, Analysis, Syntax, Workspace};

fn main() {
    let path = std::env::args().nth(1).expect("model path");
    let model = Syntax::from_bytes(&std::fs::read(path).unwrap()).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-en-ewt");
    let dev = conllu::parse(&std::fs::read_to_string(dir.join("en_ewt-ud-dev.conllu")).unwrap()).unwrap();
    let mut ws = Workspace::default();
    let mut a = Analysis::default();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        for s in &dev {
            model.analyze_into(s.words.iter().map(|w| w.form.as_str()), &mut ws, &mut a);
            n += s.words.len();
        }
    }
    println!("{:.0} words/s", n as f64 / t.elapsed().as_secs_f64());
}
