#[test]
fn toks() {
    let text = std::fs::read_to_string("/tmp/tok.txt").unwrap();
    let layer = sitrep_text::Segmenter::new().segment(&text);
    let v: Vec<String> = layer.tokens.iter().map(|t| format!("{}|{:?}", t.span.of(&text), t.kind)).collect();
    println!("{}", v.join("  "));
}
