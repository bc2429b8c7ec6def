//! Print the sentences of a text file, one per line: `cargo run -p sitrep-text --example sentences FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: sentences FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let layer = sitrep_text::Segmenter::new().segment(&text);
    for s in &layer.sentences {
        println!("{}", s.span.of(&text).replace('\n', "⏎"));
    }
}
