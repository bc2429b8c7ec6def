//! Training is reproducible, models round-trip through bytes, damaged model files are
//! refused with a message, and CoNLL-U survives a read-write round trip.

use sitrep_syntax::{conllu, eval, train, Syntax};

/// A tiny hand-written treebank (our own sentences).
const TREEBANK: &str = "\
# text = Troops seized the airport.
1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tseized\tseize\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tairport\tairport\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Officials rejected the offer.
1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\trejected\treject\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\toffer\toffer\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Rebels don't shell towns.
1\tRebels\trebel\tNOUN\tNNS\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tshell\tshell\tVERB\tVB\t_\t0\troot\t_\t_
5\ttowns\ttown\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

fn options() -> train::TrainOptions {
    train::TrainOptions { tagger_epochs: 5, parser_epochs: 8, folds: 2, seed: 7, prune: 0.0 }
}

#[test]
fn same_data_and_seed_give_the_same_model_file() {
    let data = conllu::parse(TREEBANK).unwrap();
    let a = train::train(&data, options(), |_| {}).unwrap().to_bytes();
    let b = train::train(&data, options(), |_| {}).unwrap().to_bytes();
    assert_eq!(a, b);
    let model = Syntax::from_bytes(&a).unwrap();
    assert_eq!(model.to_bytes(), a, "reading and writing a model changes nothing");
}

#[test]
fn a_model_learns_its_training_data() {
    let data = conllu::parse(TREEBANK).unwrap();
    let model = train::train(&data, options(), |_| {}).unwrap();
    let mut predicted = data.clone();
    model.annotate_conllu(&mut predicted);
    let scores = eval::score(&data, &predicted).unwrap();
    assert!(scores.upos > 90.0 && scores.uas > 90.0, "{scores}");
}

#[test]
fn damaged_models_are_refused_not_panicked_on() {
    let bytes = Syntax::builtin().unwrap().to_bytes();
    for cut in [0, 5, 13, 17, 100, bytes.len() / 2, bytes.len() - 1] {
        let err = Syntax::from_bytes(&bytes[..cut]).unwrap_err();
        assert!(err.to_string().contains("sitrep train syntax"), "{err}");
    }
    let mut flipped = bytes.clone();
    flipped[20] ^= 0xFF;
    let _ = Syntax::from_bytes(&flipped); // any answer but a panic
    assert!(Syntax::from_bytes(b"not a model").is_err());
}

#[test]
fn training_without_trees_says_what_to_give() {
    let err = train::train(&[], options(), |_| {}).unwrap_err();
    assert!(err.to_string().contains("CoNLL-U"));
}

#[test]
fn conllu_round_trip_keeps_comments_and_multiword_lines() {
    let data = conllu::parse(TREEBANK).unwrap();
    assert_eq!(data.len(), 3);
    assert_eq!(data[2].words.len(), 6, "the multiword token is not a word");
    let mut out = String::new();
    conllu::write(&data, &mut out);
    assert_eq!(out, TREEBANK);
}

#[test]
fn bad_conllu_lines_are_reported_with_their_number() {
    let err = conllu::parse("1\tTroops\n").unwrap_err();
    assert_eq!(err.line, 1);
    assert!(err.to_string().contains("10 tab-separated columns"));
    let err = conllu::parse("2\tTroops\t_\t_\t_\t_\t0\troot\t_\t_\n").unwrap_err();
    assert!(err.problem.contains("word ID"));
}

#[test]
fn words_of_one_tag_are_tagged_from_the_table() {
    let syntax = Syntax::builtin().unwrap();
    let table = include_str!("../model/sure-tags.tsv");
    // Every row names a tag of the model (a row with a tag the model lacks would be lost).
    assert_eq!(syntax.tagger.sure.len(), table.lines().count());
    let words = ["They", "said", "the", "troops", "and", "the", "tanks", "would", "stay", "."];
    let a = syntax.analyze(&words);
    let xpos: Vec<&str> = (0..words.len()).map(|i| a.xpos(syntax, i)).collect();
    assert_eq!((xpos[0], xpos[2], xpos[4], xpos[7]), ("PRP", "DT", "CC", "MD"), "{xpos:?}");
}
