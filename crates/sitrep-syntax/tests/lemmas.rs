//! Lemmas of words the treebank never showed, as news writes them: the learned rules'
//! guesses are checked against WordNet.

use sitrep_syntax::Syntax;

fn lemmas(words: &[&str]) -> Vec<String> {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let a = syntax.analyze(words);
    (0..words.len()).map(|i| a.lemma(i).to_string()).collect()
}

#[test]
fn verbs_of_war_have_their_dictionary_forms() {
    let words = ["Russian", "forces", "invaded", "Ukraine", ",", "raided", "villages", ",", "shelled", "Kharkiv", "and", "fled", "as", "civilians", "evacuated", "."];
    let got = lemmas(&words);
    for (word, lemma) in [("invaded", "invade"), ("raided", "raid"), ("shelled", "shell"), ("fled", "flee"), ("evacuated", "evacuate"), ("villages", "village"), ("civilians", "civilian")] {
        let at = words.iter().position(|w| *w == word).unwrap();
        assert_eq!(got[at], lemma, "{word}");
    }
}

#[test]
fn a_name_keeps_its_form() {
    // Rules learned from one word ("Sept." → "September") once turned these into others.
    let got = lemmas(&["Capt.", "Mulholland", "met", "the", "President", "."]);
    assert_eq!(got[0], "Capt.");
    assert_eq!(got[1], "Mulholland");
    assert_eq!(got[4], "President");
}

#[test]
fn irregular_and_learned_forms_stay_right() {
    let got = lemmas(&["They", "were", "singing", "when", "he", "saw", "the", "better", "children", "."]);
    assert_eq!(got[2], "sing", "not WordNet's other verb 'singe'");
    assert_eq!(got[5], "see");
    assert_eq!(got[7], "good");
    assert_eq!(got[8], "child");
}

#[test]
fn irregular_past_forms_the_treebank_rarely_shows_are_verbs() {
    // "tore" is too rare in the treebank to be in the tag dictionary; WordNet's list of
    // irregular forms puts it there as a past-tense verb.
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Russian", "shelling", "tore", "off", "part", "of", "the", "building", "."];
    let a = syntax.analyze(&words);
    assert_eq!((a.upos(syntax, 2), a.lemma(2)), ("VERB", "tear"));
    assert_eq!(a.heads[1], Some(2), "the shelling is what tore");
}

#[test]
fn a_sentence_with_no_verb_gets_its_past_tense() {
    // Tagged as one noun phrase ("gunman shot" as a compound), the sentence had no verb.
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["A", "gunman", "shot", "three", "people", "in", "Orlando", "."];
    let a = syntax.analyze(&words);
    assert_eq!((a.upos(syntax, 2), a.lemma(2)), ("VERB", "shoot"));
    assert_eq!(a.heads[2], None, "the verb is the root");
    // A headline with no full stop is left as it was read.
    let words = ["Gunman", "shot", "dead", "in", "Orlando"];
    let b = syntax.analyze(&words);
    let c = syntax.analyze(&["Gunman", "shot", "dead", "in", "Orlando"]);
    assert_eq!(b.tags, c.tags);
}

#[test]
fn a_clause_with_no_verb_before_a_closing_reporting_clause_gets_its_past_tense() {
    // "shot" read as a noun ("the rebels' shot"), the clause before ", the army said" had
    // no verb: the reporting clause's verb does not make it whole.
    let syntax = Syntax::builtin().expect("the built-in model loads");
    for words in [
        &["The", "rebels", "shot", "a", "soldier", "near", "Kidal", ",", "the", "army", "said", "."][..],
        &["The", "rebels", "shot", "down", "a", "helicopter", "near", "Kidal", ",", "the", "army", "said", "on", "Saturday", "."][..],
        &["Protesters", "set", "fire", "to", "a", "police", "station", ",", "witnesses", "said", "."][..],
    ] {
        let a = syntax.analyze(words);
        assert_eq!(a.xpos(syntax, 1 + (words[0] == "The") as usize), "VBD", "{words:?}");
    }
    // So is one before a clause of time or cause, or "according to"; and a second past
    // joined to it by "and".
    let words = ["RSF", "fighters", "looted", "homes", "and", "shot", "dead", "at", "least", "40", "civilians", "as", "they", "swept", "through", "El", "Fasher", ",", "according", "to", "doctors", "."];
    let a = syntax.analyze(&words);
    assert_eq!((a.xpos(syntax, 2), a.xpos(syntax, 5)), ("VBD", "VBD"));
    // A clause with a verb of its own is left as it was read.
    let words = ["Troops", "fired", "on", "protesters", "near", "the", "shot", "tower", ",", "witnesses", "said", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 6), syntax.xpos_tags(words.iter().copied())[6]);
}

#[test]
fn a_participle_after_an_apposition_to_the_first_name_is_the_past() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["ECOWAS", ",", "the", "West", "African", "bloc", ",", "imposed", "sanctions", "on", "Niger", "and", "has", "threatened", "force", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 7), "VBD");
    let words = ["Zourabichvili", ",", "who", "is", "at", "odds", "with", "the", "government", ",", "called", "on", "the", "protesters", "to", "remain", "calm", "."];
    let c = syntax.analyze(&words);
    assert_eq!(c.xpos(syntax, 10), "VBD");
    // Before an agent it stays a participle.
    let words = ["Putin", ",", "the", "president", ",", "backed", "by", "the", "army", ",", "won", "."];
    let b = syntax.analyze(&words);
    assert_ne!(b.xpos(syntax, 5), "VBD");
}

#[test]
fn a_sentence_whose_only_verb_is_a_participle_before_an_object_gets_its_past_tense() {
    // Read as "students [who were] protested", the sentence had no finite verb.
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Belarusian", "students", "protested", "against", "the", "government", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 2), "VBD");
    assert_eq!(a.heads[2], None, "the verb is the root");
    // A caption's passive ("killed in the ambush") has no object and stays a participle.
    let words = ["Three", "soldiers", "killed", "in", "the", "ambush", "."];
    let b = syntax.analyze(&words);
    assert_eq!(b.xpos(syntax, 2), "VBN");
}

#[test]
fn a_crowd_that_marched_through_a_city_marched() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Thousands", "of", "protesters", "marched", "through", "central", "Minsk", "on", "Sunday", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 3), "VBD");
}

#[test]
fn a_capitalised_word_that_is_no_verb_is_a_name() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Kenya", "deployed", "1,000", "police", "officers", "to", "Haiti", "under", "a", "UN", "mission", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 6), "NNP");
    // A verb keeps its tag, capitals or not ("to Send").
    let words = ["They", "asked", "him", "to", "Send", "help", "."];
    let b = syntax.analyze(&words);
    assert_ne!(b.xpos(syntax, 4), "NNP");
}

#[test]
fn an_irregular_past_read_as_a_present_is_the_past() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Israeli", "soldiers", "shot", "dead", "a", "Palestinian", "man", "near", "Nablus", ",", "the", "ministry", "said", "."];
    let a = syntax.analyze(&words);
    assert_eq!((a.xpos(syntax, 2), a.lemma(2)), ("VBD", "shoot"));
}

#[test]
fn a_participle_after_and_in_a_past_clause_is_the_past() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Russia", "denied", "responsibility", "and", "blamed", "Ukrainian", "shelling", "for", "the", "collapse", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 4), "VBD");
    assert_eq!((a.heads[4], a.deprel(syntax, 4)), (Some(1), "conj"));
    // After an auxiliary the participle stays one.
    let words = ["The", "man", "was", "arrested", "and", "charged", "with", "murder", "."];
    let b = syntax.analyze(&words);
    assert_eq!(b.xpos(syntax, 5), "VBN");
}

#[test]
fn an_independents_party_letter_is_a_name_not_the_pronoun() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Sen.", "Bernie", "Sanders", "(", "I", "-", "Vt.", ")", "accused", "him", "of", "lying", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 4), "NNP");
    assert_eq!(a.deprel(syntax, 8), "root", "the verb is the sentence's head, not a clause beside it");
    // The pronoun itself is left alone.
    let words = ["I", "-", "and", "only", "I", "-", "know", "it", "."];
    let b = syntax.analyze(&words);
    assert_eq!(b.xpos(syntax, 0), "PRP");
}

#[test]
fn a_participle_between_the_subject_and_object_of_a_said_clause_is_the_past() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Israel", "said", "its", "jets", "struck", "Hezbollah", "targets", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 4), "VBD");
    assert_eq!((a.heads[4], a.deprel(syntax, 4)), (Some(1), "ccomp"));
    // A participle that describes the subject, before a day, stays one.
    let words = ["Police", "said", "the", "man", "arrested", "yesterday", "was", "a", "student", "."];
    let b = syntax.analyze(&words);
    assert_eq!(b.xpos(syntax, 4), "VBN");
}

#[test]
fn a_word_in_ing_right_after_have_is_a_noun() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Mr.", "Sanders", "has", "backing", "from", "33", "percent", "."];
    let a = syntax.analyze(&words);
    assert_eq!(a.xpos(syntax, 3), "NN");
}

#[test]
fn a_dateline_is_read_apart_from_its_sentence() {
    use sitrep_core::{Doc, Meta, Stage};
    // Read whole, "BEIRUT — Israeli warplanes struck" had "warplanes" as a verb.
    let mut doc = Doc::new(Meta::new("r", jiff::civil::date(2024, 7, 31)), "BEIRUT — Israeli warplanes struck a building in the city on Monday.");
    sitrep_text::Segmenter::new().annotate(&mut doc);
    sitrep_syntax::SyntaxStage::builtin().unwrap().annotate(&mut doc);
    let t = &doc.syntax.tokens;
    assert_eq!((t[3].xpos, t[4].xpos), ("NNS", "VBD"), "{t:?}");
    assert_eq!(t[4].head, None, "the verb is the root");
    assert_eq!((t[0].head, t[0].deprel), (Some(4), "dep"), "the dateline hangs from it");
}

#[test]
fn only_a_word_in_ing_is_a_gerund_and_before_a_noun_is_its_preposition() {
    let syntax = Syntax::builtin().expect("the built-in model loads");
    let words = ["Drones", "struck", "the", "port", "of", "Odesa", "before", "dawn", "on", "Friday", ",", "setting", "a", "warehouse", "on", "fire", ",", "the", "governor", "said", "."];
    let a = syntax.analyze(&words);
    assert_eq!((a.xpos(syntax, 6), a.xpos(syntax, 7)), ("IN", "NN"));
    assert_eq!((a.heads[7], a.deprel(syntax, 7)), (Some(1), "obl"), "dawn says when the drones struck");
    assert_eq!(a.xpos(syntax, 11), "VBG");
    // The adverb stays one where no noun follows.
    let words = ["He", "had", "seen", "it", "before", "."];
    let b = syntax.analyze(&words);
    assert_eq!(b.xpos(syntax, 4), "RB");
}
