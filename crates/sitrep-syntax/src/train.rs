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
/// `cache` (made on the first call, read on the next ones with the same tagger and
/// jackknife settings and as many words) so that runs which change only the parser skip
/// the taggers: the same model as [`train`] gives, sooner.
pub fn train_cached(data: &[Sentence], options: TrainOptions, cache: Option<&std::path::Path>, mut log: impl FnMut(&str)) -> Result<Syntax, TrainError> {
    let Prepared { tags, labels, tagger, lemmatizer, parse_data } = prepare(data, options, cache, &mut log)?;
    let parser = parser::train(&parse_data, labels, &tags, options.parser_epochs, options.seed, options.prune, |e, acc| {
        log(&format!("parser epoch {e}: training transition accuracy {:.2}%", 100.0 * acc))
    });
    log(&format!("tagger features {}, parser features {}", tagger.weights.n_features(), parser.weights.n_features()));
    let mut lemmatizer = lemmatizer;
    lemmatizer.mark_checked_tags(&tags);
    Ok(Syntax { tagger, parser, lemmatizer })
}

/// What a parser learns from, made by [`prepare`].
pub struct Prepared {
    /// The tag set, (UPOS, XPOS) pairs by frequency.
    pub tags: Vec<(&'static str, &'static str)>,
    /// The relation labels by frequency.
    pub labels: Vec<&'static str>,
    /// The tagger trained on all the data.
    pub tagger: tagger::Tagger,
    /// The lemmatiser.
    pub lemmatizer: Lemmatizer,
    /// The parser's training sentences, with jackknifed tags.
    pub parse_data: Vec<parser::TrainingSentence>,
}

/// The tag set, labels, tagger, lemmatiser and the parser's training sentences of
/// [`train_cached`] (with the same cache), for training another parser on them.
pub fn prepare(data: &[Sentence], options: TrainOptions, cache: Option<&std::path::Path>, mut log: impl FnMut(&str)) -> Result<Prepared, TrainError> {
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
    let cached = cache.and_then(|path| std::fs::read(path).ok()).and_then(|bytes| read_cache(&bytes, &options, n_words));
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
            let lemma_data = data.iter().flat_map(|s| s.words.iter()).map(|w| (w.form.as_str(), w.lemma.as_str(), tag_of[&(w.upos.as_str(), w.xpos.as_str())]));
            let (tagger, lemmatizer, parser_tags) = train_taggers(&tagged, &tags, lemma_data, options, &mut log);
            if let Some(path) = cache {
                if std::fs::write(path, cache_bytes(&options, &tagger, &lemmatizer, &tags, &parser_tags)).is_err() {
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
    Ok(Prepared { tags, labels, tagger, lemmatizer, parse_data })
}

/// The tagger (trained on all of `tagged`), the lemmatiser (from `lemma_data`: form,
/// lemma, tag) and the jackknifed tags the parser learns from: each fold's sentences
/// tagged by a tagger trained on the other folds (the gold tags when `options.folds` ≤ 1).
fn train_taggers<'a>(
    tagged: &[TaggedSentence],
    tags: &[(&'static str, &'static str)],
    lemma_data: impl Iterator<Item = (&'a str, &'a str, u8)> + Clone,
    options: TrainOptions,
    log: &mut impl FnMut(&str),
) -> (tagger::Tagger, Lemmatizer, Vec<Vec<u8>>) {
    let dictionary = tag_dictionary(tagged, 3);
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
            let t = tagger::train(&train_part, tags.to_vec(), dict, options.tagger_epochs, options.seed + fold as u64, options.prune, |_, _| {});
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
    let tagger = tagger::train(tagged, tags.to_vec(), dictionary, options.tagger_epochs, options.seed, options.prune, |e, acc| {
        log(&format!("tagger epoch {e}: training accuracy {:.2}%", 100.0 * acc))
    });
    let lemmatizer = Lemmatizer::train(lemma_data, tags.len());
    log(&format!("lemmatiser: {} rules, {} exceptions", lemmatizer.rules.len(), lemmatizer.exceptions.len()));
    (tagger, lemmatizer, parser_tags)
}

/// What a tag cache depends on besides the data: the settings of the taggers and of the
/// jackknife.
fn cache_key(options: &TrainOptions) -> u64 {
    crate::hash::str_hash(&format!("{} {} {} {}", options.folds, options.tagger_epochs, options.seed, options.prune))
}

/// A tag cache for [`train_cached`]: the settings' key, the model's length and bytes
/// (tagger and lemmatiser, with an empty parser), then the jackknifed tags back to back.
fn cache_bytes(options: &TrainOptions, tagger: &tagger::Tagger, lemmatizer: &Lemmatizer, tags: &[(&'static str, &'static str)], parser_tags: &[Vec<u8>]) -> Vec<u8> {
    let empty = parser::Parser::new(vec!["root"], crate::perceptron::Weights::from_rows(3, Vec::new()), tags);
    let model = Syntax { tagger: tagger.clone(), parser: empty, lemmatizer: lemmatizer.clone() }.to_bytes();
    let mut out = cache_key(options).to_le_bytes().to_vec();
    out.extend((model.len() as u64).to_le_bytes());
    out.extend(model);
    out.extend(parser_tags.iter().flatten());
    out
}

/// The model (tagger and lemmatiser) and the jackknifed tags of a cache file written by
/// [`train_cached`], if it was made with the same settings and has `n_words` tags.
fn read_cache(bytes: &[u8], options: &TrainOptions, n_words: usize) -> Option<(Syntax, Vec<u8>)> {
    let key = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?);
    let len = u64::from_le_bytes(bytes.get(8..16)?.try_into().ok()?) as usize;
    let model = Syntax::from_bytes(bytes.get(16..16 + len)?).ok()?;
    let flat = bytes.get(16 + len..)?.to_vec();
    (key == cache_key(options) && flat.len() == n_words).then_some((model, flat))
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

#[cfg(test)]
mod tests {
    use super::*;

    const TREEBANK: &str = "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tentered\tenter\tVERB\tVBD\t_\t0\troot\t_\t_
3\tKharkiv\tKharkiv\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tcity\tcity\tNOUN\tNN\t_\t3\tobj\t_\t_

1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tnothing\tnothing\tPRON\tNN\t_\t2\tobj\t_\t_

";

    #[test]
    fn a_tag_cache_gives_the_same_model_and_is_not_read_with_other_settings() {
        let data = crate::conllu::parse(TREEBANK).unwrap();
        let path = std::env::temp_dir().join(format!("sitrep-tag-cache-test-{}", std::process::id()));
        let options = TrainOptions { tagger_epochs: 2, parser_epochs: 2, folds: 2, seed: 1, prune: 0.0 };
        let run = |options: TrainOptions| {
            let mut lines = Vec::new();
            let model = train_cached(&data, options, Some(&path), |l| lines.push(l.to_string())).unwrap();
            (model.to_bytes(), lines.iter().any(|l| l.contains("from the cache")))
        };
        let plain = train(&data, options, |_| {}).unwrap().to_bytes();
        let (first, read) = run(options);
        assert!(!read && first == plain, "the run that writes the cache trains as `train` does");
        let (second, read) = run(options);
        assert!(read && second == plain, "the next run reads the cache and gives the same model");
        let (_, read) = run(TrainOptions { seed: 2, ..options });
        assert!(!read, "a cache made with another seed is not read");
        std::fs::remove_file(&path).ok();
    }
}
