//! Sentence splitting on the hard cases of news prose. The sentences here are written
//! for these tests.

use sitrep_text::Segmenter;

fn sentences(text: &str) -> Vec<&str> {
    let layer = Segmenter::new().segment(text);
    layer.sentences.iter().map(|s| s.span.of(text)).collect()
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(sentences(text), expected, "in {text:?}");
}

#[test]
fn abbreviations_titles_and_initials() {
    check("Gen. Ivan Petrov met Mr. Hale at 9 a.m. Friday.", &["Gen. Ivan Petrov met Mr. Hale at 9 a.m. Friday."]);
    check("Talks began at 9 a.m. The mood was tense.", &["Talks began at 9 a.m.", "The mood was tense."]);
    check("The U.S. and the U.K. agreed. The E.U. did not.", &["The U.S. and the U.K. agreed.", "The E.U. did not."]);
    check("He spoke in the U.S. He left on Monday.", &["He spoke in the U.S.", "He left on Monday."]);
    check("US Secretary of State Jane Doe said U.S. officials agreed.", &["US Secretary of State Jane Doe said U.S. officials agreed."]);
    check("He was the army's No. 1 target. No one knew.", &["He was the army's No. 1 target.", "No one knew."]);
    check("J. R. Hartley wrote it. He died in 1999.", &["J. R. Hartley wrote it.", "He died in 1999."]);
    check("Acme Corp. said on Feb. 24 that it would leave. Its shares fell.", &["Acme Corp. said on Feb. 24 that it would leave.", "Its shares fell."]);
    check("Lt. Col. Ana Ruiz (ret.) spoke.", &["Lt. Col. Ana Ruiz (ret.) spoke."]);
}

#[test]
fn numbers_do_not_end_sentences() {
    check("Prices rose 1.5 percent. About 150,000 people fled.", &["Prices rose 1.5 percent.", "About 150,000 people fled."]);
    check("The vote is at 1.30am IST on Saturday. It may slip.", &["The vote is at 1.30am IST on Saturday.", "It may slip."]);
    check("It happened in 2014. 2022 was worse.", &["It happened in 2014.", "2022 was worse."]);
}

#[test]
fn quotations() {
    check("“We will hold,” the mayor said. “We will not leave.”", &["“We will hold,” the mayor said.", "“We will not leave.”"]);
    check("He said: “It is over.” Then he left.", &["He said: “It is over.”", "Then he left."]);
    check("“Where is my son? Who did this?” a woman asked, weeping.", &["“Where is my son? Who did this?” a woman asked, weeping."]);
    check("“Is this a war?” Petrov asked. Nobody answered.", &["“Is this a war?” Petrov asked.", "Nobody answered."]);
    check("“We are afraid. We have no water,” said Maria Lenko, 34.", &["“We are afraid. We have no water,” said Maria Lenko, 34."]);
    check("\"We are ready.\" The minister smiled.", &["\"We are ready.\"", "The minister smiled."]);
    check("(The talks resumed.) Officials were upbeat.", &["(The talks resumed.)", "Officials were upbeat."]);
}

#[test]
fn typewriter_quotation_marks() {
    // ''…'' and ``…'' as some papers print them: one token each, quotes as any other.
    check("''We will hold. We will not leave,'' the mayor said. Then he left.", &["''We will hold. We will not leave,'' the mayor said.", "Then he left."]);
    check("``We are ready.'' The minister smiled.", &["``We are ready.''", "The minister smiled."]);
    let text = "''No,'' said the players' coach.";
    let layer = Segmenter::new().segment(text);
    let tokens: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(text)).collect();
    assert_eq!(tokens, ["''", "No", ",", "''", "said", "the", "players", "'", "coach", "."]);
}

#[test]
fn dashes_ellipses_and_questions() {
    check("Shelling hit the bridge — and the school — at dawn.", &["Shelling hit the bridge — and the school — at dawn."]);
    check("KYIV, Ukraine (AP) — Troops advanced on Friday.", &["KYIV, Ukraine (AP) — Troops advanced on Friday."]);
    check("They waited... Nothing came. Why? Nobody knows!", &["They waited...", "Nothing came.", "Why?", "Nobody knows!"]);
    check("Was it a coup? the envoy wondered.", &["Was it a coup? the envoy wondered."]);
}

#[test]
fn lines_and_paragraphs() {
    check("Troops enter Sumy\nRussian troops entered the city on Friday.", &["Troops enter Sumy", "Russian troops entered the city on Friday."]);
    check(
        "The column moved slowly along the highway toward the capital and\nResidents of nearby villages watched it pass.",
        &["The column moved slowly along the highway toward the capital and\nResidents of nearby villages watched it pass."],
    );
    check("First paragraph ends\n\nSecond one starts", &["First paragraph ends", "Second one starts"]);
    check("See https://example.org/report. Then read on.", &["See https://example.org/report.", "Then read on."]);
}

#[test]
fn offsets_point_into_the_original_text() {
    let text = "\u{a0}Київ’s mayor spoke.\u{a0} Sirens sounded.";
    let layer = Segmenter::new().segment(text);
    for s in &layer.sentences {
        let slice = s.span.of(text);
        assert_eq!(slice, slice.trim(), "sentences are trimmed");
        let toks = &layer.tokens[s.tokens()];
        assert_eq!(toks.first().unwrap().span.start, s.span.start);
        assert_eq!(toks.last().unwrap().span.end, s.span.end);
    }
    assert_eq!(sentences(text), ["Київ’s mayor spoke.", "Sirens sounded."]);
}

#[test]
fn empty_and_odd_input() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\n\t ").is_empty());
    check("...", &["..."]);
    check("“", &["“"]);
    check("a.b.c. d", &["a.b.c. d"]);
}
