//! Training the whole model from CoNLL-U treebanks, reproducibly: a fixed seed, and every
//! table built in a fixed order, so the same data always gives the same model file.

use std::collections::{BTreeMap, HashMap};

use crate::conllu::Sentence;
use crate::lemma::Lemmatizer;
use crate::tagger::{self, TaggedSentence};
use crate::words::{Scratch, WordInfo};
use crate::{parser, treebank_form, Syntax};

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// Passes over the data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the data for the parser.
    pub parser_epochs: usize,
    /// Folds for jackknifed tags: the parser learns from tags predicted by taggers that
    /// did not see the sentence, as it will meet them at run time (1 = gold tags).
    pub folds: usize,
    /// Seed for shuffling.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped, to keep the model small.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { tagger_epochs: 10, parser_epochs: 15, folds: 5, seed: 2022, prune: 0.05 }
    }
}

/// Why training could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainError(pub String);

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TrainError {}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

/// Train tagger, lemmatiser and parser on `data`; `log` receives progress lines.
pub fn train(data: &[Sentence], options: TrainOptions, log: impl FnMut(&str)) -> Result<Syntax, TrainError> {
    train_cached(data, options, None, log)
}

/// [`train`], keeping the tagger, the lemmatiser and the jackknifed tags in the file
/// `cache` (made on the first call, read on the next ones with the same data and tagger
/// settings) so that runs which change only the parser skip the taggers: the same model
/// as [`train`] gives, sooner.
pub fn train_cached(data: &[Sentence], options: TrainOptions, cache: Option<&std::path::Path>, mut log: impl FnMut(&str)) -> Result<Syntax, TrainError> {
    let data: Vec<&Sentence> = data.iter().filter(|s| !s.words.is_empty() && s.words.iter().all(|w| w.head.is_some())).collect();
    if data.is_empty() {
        return Err(TrainError("no sentences with words and heads to train on: give a CoNLL-U treebank such as UD English EWT".into()));
    }
    // Tag set: (UPOS, XPOS) pairs by frequency, then by name.
    let mut tag_counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut label_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &data {
        for w in &s.words {
            *tag_counts.entry((w.upos.as_str(), w.xpos.as_str())).or_default() += 1;
            *label_counts.entry(w.deprel.as_str()).or_default() += 1;
        }
    }
    let mut tag_list: Vec<((&str, &str), usize)> = tag_counts.into_iter().collect();
    tag_list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if tag_list.len() > 255 {
        return Err(TrainError(format!("{} distinct (UPOS, XPOS) pairs; at most 255 are supported", tag_list.len())));
    }
    let tags: Vec<(&'static str, &'static str)> = tag_list.iter().map(|((u, x), _)| (leak(u), leak(x))).collect();
    let tag_of: HashMap<(&str, &str), u8> = tag_list.iter().enumerate().map(|(i, (k, _))| (*k, i as u8)).collect();
    let mut label_list: Vec<(&str, usize)> = label_counts.into_iter().collect();
    label_list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !label_list.iter().any(|(l, _)| *l == "root") {
        return Err(TrainError("no word has the relation `root`: is this a UD treebank?".into()));
    }
    if label_list.len() > 127 {
        return Err(TrainError(format!("{} distinct relations; at most 127 are supported", label_list.len())));
    }
    let labels: Vec<&'static str> = label_list.iter().map(|(l, _)| leak(l)).collect();
    let label_of: HashMap<&str, u8> = label_list.iter().enumerate().map(|(i, (l, _))| (*l, i as u8)).collect();
    log(&format!("{} sentences, {} tags, {} relations", data.len(), tags.len(), labels.len()));

    let mut scratch = Scratch::default();
    let tagged: Vec<TaggedSentence> = data
        .iter()
        .map(|s| TaggedSentence {
            words: s.words.iter().map(|w| WordInfo::new(&treebank_form(&w.form), &mut scratch)).collect(),
            tags: s.words.iter().map(|w| tag_of[&(w.upos.as_str(), w.xpos.as_str())]).collect(),
        })
        .collect();
    let n_words: usize = tagged.iter().map(|s| s.tags.len()).sum();
    let cached = cache.and_then(|path| std::fs::read(path).ok()).and_then(|bytes| read_cache(&bytes, n_words));
    let (tagger, lemmatizer, parser_tags) = match cached {
        Some((model, flat)) => {
            log("tagger, lemmatiser and jackknifed tags from the cache");
            let mut at = 0;
            let parser_tags: Vec<Vec<u8>> = tagged
                .iter()
                .map(|s| {
                    at += s.tags.len();
                    flat[at - s.tags.len()..at].to_vec()
                })
                .collect();
            (model.tagger, model.lemmatizer, parser_tags)
        }
        None => {
            let dictionary = tag_dictionary(&tagged, 3);
            // Jackknifed tags for the parser.
            let mut parser_tags: Vec<Vec<u8>> = tagged.iter().map(|s| s.tags.clone()).collect();
            if options.folds > 1 {
                for fold in 0..options.folds {
                    let train_part: Vec<TaggedSentence> = tagged
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % options.folds != fold)
                        .map(|(_, s)| TaggedSentence { words: s.words.clone(), tags: s.tags.clone() })
                        .collect();
                    let dict = tag_dictionary(&train_part, 3);
                    let t = tagger::train(&train_part, tags.clone(), dict, options.tagger_epochs, options.seed + fold as u64, options.prune, |_, _| {});
                    let mut ts = tagger::TagScratch::default();
                    let (mut right, mut total) = (0, 0);
                    for (i, s) in tagged.iter().enumerate().filter(|(i, _)| i % options.folds == fold) {
                        t.tag(&s.words, &mut parser_tags[i], &mut ts);
                        right += parser_tags[i].iter().zip(&s.tags).filter(|(a, b)| a == b).count();
                        total += s.tags.len();
                    }
                    log(&format!("jackknife fold {}/{}: held-out tag accuracy {:.2}%", fold + 1, options.folds, 100.0 * right as f64 / total.max(1) as f64));
                }
            }

            let tagger = tagger::train(&tagged, tags.clone(), dictionary, options.tagger_epochs, options.seed, options.prune, |e, acc| {
                log(&format!("tagger epoch {e}: training accuracy {:.2}%", 100.0 * acc))
            });

            let lemma_data = data.iter().flat_map(|s| s.words.iter()).map(|w| (w.form.as_str(), w.lemma.as_str(), tag_of[&(w.upos.as_str(), w.xpos.as_str())]));
            let lemmatizer = Lemmatizer::train(lemma_data, tags.len());
            log(&format!("lemmatiser: {} rules, {} exceptions", lemmatizer.rules.len(), lemmatizer.exceptions.len()));
            if let Some(path) = cache {
                let labels = vec!["root"];
                let empty = parser::Parser::new(labels, crate::perceptron::Weights::from_rows(3, Vec::new()), &tags);
                let mut bytes = Syntax { tagger: tagger.clone(), parser: empty, lemmatizer: lemmatizer.clone() }.to_bytes();
                let mut out = (bytes.len() as u64).to_le_bytes().to_vec();
                out.append(&mut bytes);
                out.extend(parser_tags.iter().flatten());
                if std::fs::write(path, out).is_err() {
                    log("could not write the tag cache");
                }
            }
            (tagger, lemmatizer, parser_tags)
        }
    };

    let parse_data: Vec<parser::TrainingSentence> = data
        .iter()
        .zip(tagged)
        .zip(parser_tags)
        .map(|((s, t), ptags)| {
            let n = s.words.len() as u32;
            let heads = s.words.iter().map(|w| match w.head { Some(0) | None => n, Some(h) => h - 1 }).collect();
            let labels = s.words.iter().map(|w| label_of[w.deprel.as_str()]).collect();
            (t.words, ptags, heads, labels)
        })
        .collect();
    let parser = parser::train(&parse_data, labels, &tags, options.parser_epochs, options.seed, options.prune, |e, acc| {
        log(&format!("parser epoch {e}: training transition accuracy {:.2}%", 100.0 * acc))
    });
    log(&format!("tagger features {}, parser features {}", tagger.weights.n_features(), parser.weights.n_features()));
    Ok(Syntax { tagger, parser, lemmatizer })
}

/// The model (tagger and lemmatiser) and the jackknifed tags of a cache file written by
/// [`train_cached`], if it has `n_words` tags.
fn read_cache(bytes: &[u8], n_words: usize) -> Option<(Syntax, Vec<u8>)> {
    let len = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?) as usize;
    let model = Syntax::from_bytes(bytes.get(8..8 + len)?).ok()?;
    let flat = bytes.get(8 + len..)?.to_vec();
    (flat.len() == n_words).then_some((model, flat))
}

/// The most frequent tag of every word seen at least `min_count` times.
fn tag_dictionary(data: &[TaggedSentence], min_count: usize) -> HashMap<u64, u8, crate::hash::BuildKeyHasher> {
    let mut counts: HashMap<u64, BTreeMap<u8, usize>> = HashMap::new();
    for s in data {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            *counts.entry(w.lower).or_default().entry(t).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, tags)| {
            let total: usize = tags.values().sum();
            if total < min_count {
                return None;
            }
            let (tag, _) = tags.into_iter().fold((0u8, 0usize), |(bt, bn), (t, n)| if n > bn { (t, n) } else { (bt, bn) });
            Some((w, tag))
        })
        .collect()
}
