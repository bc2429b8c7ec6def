//! Scoring predicted against gold CoNLL-U with gold tokens, as the CoNLL 2018 shared
//! task's evaluation script does when the words align one to one:
//! UPOS, XPOS and LEMMA accuracy; UAS (right head); LAS (right head and right universal
//! relation, the part of DEPREL before any `:` subtype); and, stricter, LAS with full
//! relation labels. Every word counts, punctuation included.

use crate::conllu::Sentence;

/// Accuracy figures over a gold treebank.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SyntaxScores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Universal POS accuracy.
    pub upos: f64,
    /// Penn tag accuracy.
    pub xpos: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score on universal relations (CoNLL 2018).
    pub las: f64,
    /// Labelled attachment score on full relations with subtypes.
    pub las_full: f64,
}

/// Compare `predicted` with `gold`, sentence by sentence, word by word.
///
/// Sentences whose word counts differ are an error: this scorer is for gold tokens.
pub fn score(gold: &[Sentence], predicted: &[Sentence]) -> Result<SyntaxScores, String> {
    if gold.len() != predicted.len() {
        return Err(format!("{} gold sentences but {} predicted: score files made from the same tokens", gold.len(), predicted.len()));
    }
    let mut n = [0usize; 6];
    let mut words = 0;
    for (k, (g, p)) in gold.iter().zip(predicted).enumerate() {
        if g.words.len() != p.words.len() {
            return Err(format!("sentence {}: {} gold words but {} predicted", k + 1, g.words.len(), p.words.len()));
        }
        for (gw, pw) in g.words.iter().zip(&p.words) {
            words += 1;
            let universal = |d: &str| d.split(':').next().unwrap_or("").to_string();
            let head = gw.head == pw.head;
            n[0] += (gw.upos == pw.upos) as usize;
            n[1] += (gw.xpos == pw.xpos) as usize;
            n[2] += (gw.lemma == pw.lemma) as usize;
            n[3] += head as usize;
            n[4] += (head && universal(&gw.deprel) == universal(&pw.deprel)) as usize;
            n[5] += (head && gw.deprel == pw.deprel) as usize;
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / words.max(1) as f64;
    Ok(SyntaxScores {
        sentences: gold.len(),
        words,
        upos: pct(n[0]),
        xpos: pct(n[1]),
        lemma: pct(n[2]),
        uas: pct(n[3]),
        las: pct(n[4]),
        las_full: pct(n[5]),
    })
}

impl std::fmt::Display for SyntaxScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "sentences {:>6}   words {:>7}", self.sentences, self.words)?;
        writeln!(f, "UPOS  {:6.2} %", self.upos)?;
        writeln!(f, "XPOS  {:6.2} %", self.xpos)?;
        writeln!(f, "LEMMA {:6.2} %", self.lemma)?;
        writeln!(f, "UAS   {:6.2} %", self.uas)?;
        writeln!(f, "LAS   {:6.2} %   (universal relations, as CoNLL 2018 scores)", self.las)?;
        write!(f, "LAS   {:6.2} %   (full relations with subtypes)", self.las_full)
    }
}
