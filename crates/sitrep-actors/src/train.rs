//! Training the entity model from CoNLL documents, and scoring it, with part-of-speech
//! tags supplied by the caller (the syntax layer's tagger), as at run time.

use std::time::Instant;

use sitrep_learn::words::{Scratch, WordInfo};

use crate::conll::{self, Document, Span};
use crate::eval::NerScores;
use crate::ner::{self, Ner, Part, TrainingDoc, KINDS};
use crate::{cues, normalize, pos_hash, Labeller};

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed for shuffling documents.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, seed: 2003, prune: 0.5 }
    }
}

/// Gold class numbers of a sentence's tags (any of IOB1, IOB2, BILOU; unknown types
/// are left out).
pub fn gold_classes(tags: &[String]) -> Vec<u8> {
    let mut classes = vec![0u8; tags.len()];
    for s in conll::spans(tags) {
        let Some(k) = KINDS.iter().position(|k| *k == s.kind) else { continue };
        if s.end - s.start == 1 {
            classes[s.start] = ner::encode(Part::Unit, k) as u8;
        } else {
            classes[s.start] = ner::encode(Part::Begin, k) as u8;
            for c in &mut classes[s.start + 1..s.end - 1] {
                *c = ner::encode(Part::Inside, k) as u8;
            }
            classes[s.end - 1] = ner::encode(Part::Last, k) as u8;
        }
    }
    classes
}

/// Train on `docs`; `xpos` tags a sentence's words with Penn tags.
pub fn train(docs: &[Document], xpos: &mut dyn FnMut(&[String]) -> Vec<String>, options: TrainOptions, log: &mut dyn FnMut(&str)) -> Ner {
    let mut scratch = Scratch::default();
    let data: Vec<TrainingDoc> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    let words: Vec<WordInfo> = s.words.iter().map(|w| WordInfo::new(&normalize(w), &mut scratch)).collect();
                    let pos = xpos(&s.words).iter().map(|t| pos_hash(t)).collect();
                    let cue = s.words.iter().map(|w| cues::cue(&normalize(w).to_lowercase())).collect();
                    (words, pos, cue, gold_classes(&s.tags))
                })
                .collect()
        })
        .collect();
    log(&format!("{} documents, {} sentences", docs.len(), data.iter().map(Vec::len).sum::<usize>()));
    ner::train(&data, options.epochs, options.seed, options.prune, |e, acc| log(&format!("epoch {e}: training accuracy {:.2}%", 100.0 * acc)))
}

/// Gold types of WNUT-17 as this model's types: person → PER, location → LOC,
/// corporation and group → ORG, creative-work and product → MISC.
pub fn wnut_type(kind: &str) -> Option<&'static str> {
    match kind {
        "person" => Some("PER"),
        "location" => Some("LOC"),
        "corporation" | "group" => Some("ORG"),
        "creative-work" | "product" => Some("MISC"),
        _ => None,
    }
}

/// Gold types as written (CoNLL-2003 uses this model's own types).
pub fn same_type(kind: &str) -> Option<&'static str> {
    KINDS.iter().find(|k| **k == kind).copied()
}

/// Label `docs` with `model` and score against their gold tags, whose types `map` turns
/// into this model's (`None`: leave the gold entity out).
pub fn evaluate(model: &Ner, docs: &[Document], xpos: &mut dyn FnMut(&[String]) -> Vec<String>, map: &dyn Fn(&str) -> Option<&'static str>) -> NerScores {
    let mut scores = NerScores::default();
    let mut labeller = Labeller::default();
    let mut found = Vec::new();
    for d in docs {
        labeller.new_report();
        for s in &d.sentences {
            let tags = xpos(&s.words);
            let started = Instant::now();
            labeller.label(model, s.words.iter().map(String::as_str), tags.iter().map(String::as_str), &mut found);
            scores.seconds += started.elapsed().as_secs_f64();
            scores.tokens += s.words.len();
            let predicted: Vec<Span> = found.iter().map(|&(start, end, kind)| Span { start, end, kind: kind.to_string() }).collect();
            let gold: Vec<Span> = conll::spans(&s.tags)
                .into_iter()
                .filter_map(|g| map(&g.kind).map(|k| Span { kind: k.to_string(), ..g }))
                .collect();
            scores.add(&gold, &predicted);
        }
    }
    scores
}

/// Score another system's output: `predicted` holds the same documents, sentences and
/// tokens as `gold`, with that system's tags (CoNLL types) in the last column.
pub fn score_predictions(gold: &[Document], predicted: &[Document], map: &dyn Fn(&str) -> Option<&'static str>) -> Result<NerScores, String> {
    let g: Vec<&conll::Sentence> = gold.iter().flat_map(|d| &d.sentences).collect();
    let p: Vec<&conll::Sentence> = predicted.iter().flat_map(|d| &d.sentences).collect();
    if g.len() != p.len() {
        return Err(format!("{} gold sentences but {} predicted: predictions must keep the gold file's sentences", g.len(), p.len()));
    }
    let mut scores = NerScores::default();
    for (n, (gs, ps)) in g.iter().zip(&p).enumerate() {
        if gs.words.len() != ps.words.len() {
            return Err(format!("sentence {}: {} gold tokens but {} predicted", n + 1, gs.words.len(), ps.words.len()));
        }
        let gold_spans: Vec<Span> = conll::spans(&gs.tags).into_iter().filter_map(|s| map(&s.kind).map(|k| Span { kind: k.to_string(), ..s })).collect();
        let predicted_spans: Vec<Span> = conll::spans(&ps.tags).into_iter().filter(|s| KINDS.contains(&s.kind.as_str())).collect();
        scores.tokens += gs.words.len();
        scores.add(&gold_spans, &predicted_spans);
    }
    Ok(scores)
}
