//! Training the neural scorer ([`crate::nn`]) on the same data, transitions and dynamic
//! oracle as the perceptron parser ([`crate::parser::train`]): Adam on minibatches of
//! moves, dropout on the hidden layer and word dropout (rare words become the unknown
//! word now and then, so that its embedding is learned), exploration of the net's own
//! mistakes after the first epochs, optional soft targets from a perceptron parser's
//! scores (distillation), and the average of the last epochs' weights.
//!
//! Reproducible: one seeded generator drives initialisation, shuffling, dropout and
//! exploration, and everything runs on one thread in a fixed order.

use crate::nn::inputs::{self, slot_table, SentenceValues, Sizes, FIRST_WORD, N_SLOTS};
use crate::nn::{best_valid_scores, table_index, Config, Net};
use crate::parser::{move_costs, oracle_allows, valid, Gold, ParseScratch, Parser, State, TrainingSentence};
use sitrep_learn::rng::Rng;
use std::collections::HashMap;

mod adam;
mod eval;
mod step;

use adam::Adam;
pub use eval::{dev_scores, DevScores};
use step::{Grads, Work};

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NnOptions {
    /// Word embedding size.
    pub word_dim: usize,
    /// Tag embedding size.
    pub tag_dim: usize,
    /// Label embedding size.
    pub label_dim: usize,
    /// Suffix embedding size.
    pub suffix_dim: usize,
    /// Combination embedding size.
    pub extra_dim: usize,
    /// Hidden units.
    pub hidden: usize,
    /// Words seen at least this often in training get their own embedding.
    pub min_count: usize,
    /// Most known words (training words first, then pretrained ones).
    pub max_words: usize,
    /// The child slots see only this many commonest words.
    pub child_words: usize,
    /// Passes over the data.
    pub epochs: usize,
    /// The weights returned are the average of those after each of the last this many
    /// epochs.
    pub average: usize,
    /// Adam's learning rate.
    pub rate: f32,
    /// The learning rate is multiplied by this after every epoch.
    pub rate_decay: f32,
    /// Moves per update.
    pub batch: usize,
    /// Dropout on the hidden layer.
    pub dropout: f32,
    /// Word dropout: a word seen `c` times becomes unknown with chance `a / (a + c)`.
    pub word_dropout: f32,
    /// Weight of the teacher's soft targets (0: oracle only).
    pub distill: f32,
    /// The teacher's scores are divided by this before the softmax (the built-in
    /// perceptron's scores are in units of 2^-23 of its largest weight: at 4000 its top
    /// class is worth 0.98 on average on the training states, at 8000 0.93).
    pub temperature: f32,
    /// From this epoch (0-based) on, the net follows its own guess...
    pub explore_from: usize,
    /// ...with this chance, instead of the oracle's best move.
    pub explore: f64,
    /// Seed of the generator.
    pub seed: u64,
    /// Sentences drawn afresh each epoch from [`Corpus::extra`] (all of them if it has
    /// fewer) and trained on with the treebank's.
    pub extra_per_epoch: usize,
}

impl Default for NnOptions {
    fn default() -> Self {
        NnOptions {
            word_dim: 64,
            tag_dim: 24,
            label_dim: 24,
            suffix_dim: 24,
            extra_dim: 24,
            hidden: 96,
            min_count: 2,
            max_words: 30_000,
            child_words: 2000,
            epochs: 10,
            average: 4,
            rate: 0.001,
            rate_decay: 0.7,
            batch: 32,
            dropout: 0.2,
            word_dropout: 0.25,
            distill: 1.0,
            temperature: 4000.0,
            explore_from: 2,
            explore: 0.9,
            seed: 2022,
            extra_per_epoch: 0,
        }
    }
}

/// Pretrained word vectors: (word hash, vector), commonest first.
pub type Pretrained = [(u64, Vec<f32>)];

/// The vocabulary: known words (commonest first, training words before pretrained ones)
/// with their training counts, and known suffixes.
fn vocabulary<'a>(data: impl Iterator<Item = &'a TrainingSentence>, pretrained: &Pretrained, o: &NnOptions) -> (Vec<u64>, Vec<u32>, Vec<u64>) {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut suffix_counts: HashMap<u64, u32> = HashMap::new();
    for (words, ..) in data {
        for w in words {
            *counts.entry(w.lower).or_default() += 1;
            *suffix_counts.entry(w.suffix[2]).or_default() += 1;
        }
    }
    let mut list: Vec<(u64, u32)> = counts.iter().filter(|(_, &c)| c as usize >= o.min_count).map(|(&k, &c)| (k, c)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(o.max_words);
    let mut seen: std::collections::HashSet<u64> = list.iter().map(|x| x.0).collect();
    for (k, _) in pretrained {
        if list.len() >= o.max_words {
            break;
        }
        if seen.insert(*k) {
            list.push((*k, counts.get(k).copied().unwrap_or(0)));
        }
    }
    let mut suffixes: Vec<(u64, u32)> = suffix_counts.into_iter().filter(|&(_, c)| c >= 2).collect();
    suffixes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    (list.iter().map(|x| x.0).collect(), list.iter().map(|x| x.1).collect(), suffixes.iter().map(|x| x.0).collect())
}

/// A network with random weights (uniform, Glorot-scaled for the layers), the
/// pretrained vectors copied in where given, rescaled to the random ones' spread.
fn initial(config: Config, words: Vec<u64>, suffixes: Vec<u64>, pretrained: &Pretrained, rng: &mut Rng) -> Net {
    let mut uniform = |n: usize, r: f32| -> Vec<f32> { (0..n).map(|_| (rng.unit() as f32 * 2.0 - 1.0) * r).collect() };
    let mut tables: Vec<Vec<f32>> = Net::table_kinds().iter().map(|&t| uniform(Net::rows(config.sizes, words.len(), suffixes.len(), t) * config.dim(t), 0.1)).collect();
    let (_, n_in) = config.input_offsets();
    let (h, c) = (config.hidden, config.classes());
    let w1 = uniform(n_in * h, (6.0 / (n_in + h) as f32).sqrt());
    let w2 = uniform(h * c, (6.0 / (h + c) as f32).sqrt());
    let d = config.word_dim;
    let with_dim: Vec<&(u64, Vec<f32>)> = pretrained.iter().filter(|(_, v)| v.len() == d).collect();
    if !with_dim.is_empty() {
        let n = with_dim.len() as f64 * d as f64;
        let mean_sq = with_dim.iter().flat_map(|(_, v)| v.iter()).map(|&x| (x as f64) * (x as f64)).sum::<f64>() / n;
        let factor = (0.1 / 3f64.sqrt() / mean_sq.sqrt().max(1e-9)) as f32;
        let at: HashMap<u64, usize> = words.iter().enumerate().map(|(i, &k)| (k, i)).collect();
        for (k, v) in with_dim {
            if let Some(&i) = at.get(k) {
                let row = &mut tables[0][(FIRST_WORD as usize + i) * d..][..d];
                row.iter_mut().zip(v).for_each(|(r, &x)| *r = x * factor);
            }
        }
    }
    Net { config, words, suffixes, tables, w1, b1: vec![0.01; h], w2, b2: vec![0.0; c] }
}

/// What a network learns from.
pub struct Corpus<'a> {
    /// Training sentences, with the tags the parser will see (jackknifed).
    pub data: &'a [TrainingSentence],
    /// Relation labels, numbered as in `data`.
    pub labels: &'a [&'a str],
    /// How many tags there are.
    pub n_tags: usize,
    /// Word vectors to start from (may be empty).
    pub pretrained: &'a Pretrained,
    /// A parser whose scores give soft targets when [`NnOptions::distill`] > 0.
    pub teacher: Option<&'a Parser>,
    /// Held-out sentences (tagged as at run time), scored after every epoch (may be
    /// empty).
    pub dev: &'a [TrainingSentence],
    /// Unlabelled sentences (tagged as at run time) with the teacher's own parses as
    /// their trees (uptraining); [`NnOptions::extra_per_epoch`] of them are drawn each
    /// epoch (may be empty).
    pub extra: &'a [TrainingSentence],
}

/// The sentences of one epoch, shuffled: every index of the treebank (`0..n_data`) and
/// `n_extra_drawn` distinct indices drawn from the extra sentences (numbered from
/// `n_data`, `n_extra` of them). With no extra sentences the previous epoch's order is
/// shuffled again, as before there were any (so that earlier runs can be made again).
fn epoch_order(n_data: usize, n_extra: usize, n_extra_drawn: usize, rng: &mut Rng, order: &mut Vec<usize>) {
    if n_extra_drawn == 0 || n_extra == 0 {
        if order.len() != n_data {
            order.clear();
            order.extend(0..n_data);
        }
        rng.shuffle(order);
        return;
    }
    order.clear();
    order.extend(0..n_data + n_extra);
    // A partial Fisher-Yates shuffle of the extra part draws the first `k` of it.
    let k = n_extra_drawn.min(n_extra);
    for i in 0..k {
        let j = i + rng.below(n_extra - i);
        order.swap(n_data + i, n_data + j);
    }
    order.truncate(n_data + k);
    rng.shuffle(order);
}

/// Train a network on `corpus`, reporting progress and dev scores to `log`.
pub fn train(corpus: &Corpus, o: &NnOptions, mut log: impl FnMut(&str)) -> Net {
    let Corpus { data, labels, n_tags, pretrained, teacher, dev, extra } = *corpus;
    let mut rng = Rng::new(o.seed);
    let sizes = Sizes { tags: n_tags as u32, labels: labels.len() as u32 };
    let n_extra = if o.extra_per_epoch > 0 { extra.len() } else { 0 };
    let (words, counts, suffixes) = vocabulary(data.iter().chain(&extra[..n_extra]), pretrained, o);
    let config = Config {
        word_dim: o.word_dim,
        tag_dim: o.tag_dim,
        label_dim: o.label_dim,
        suffix_dim: o.suffix_dim,
        extra_dim: o.extra_dim,
        hidden: o.hidden,
        sizes,
        child_words: FIRST_WORD + o.child_words as u32,
    };
    log(&format!("{} words ({} from training), {} suffixes, {} inputs", words.len(), counts.iter().filter(|&&c| c > 0).count(), suffixes.len(), config.input_offsets().1));
    let mut net = initial(config, words, suffixes, pretrained, &mut rng);
    let lookups = net.lookups();
    let n_labels = labels.len();
    let root_label = labels.iter().position(|l| *l == "root").unwrap_or(0);
    let mut adam = Adam::new(&net, o.rate);
    let mut grads = Grads::new(&net);
    let mut work = Work::new(&net);
    let mut sum: Option<Net> = None;
    let mut order: Vec<usize> = Vec::new();
    let (mut st, mut values, mut slots) = (State::default(), SentenceValues::default(), [0u32; N_SLOTS]);
    let mut teacher_scratch = ParseScratch::default();
    let classes = config.classes();
    let (mut teacher_raw, mut target) = (vec![0i32; classes], vec![0f32; classes]);
    let mut valid_mask = vec![false; classes];
    let mut in_batch = 0;
    let mut averaged = 0usize;
    for epoch in 0..o.epochs {
        epoch_order(data.len(), n_extra, o.extra_per_epoch, &mut rng, &mut order);
        adam.set_rate(o.rate * o.rate_decay.powi(epoch as i32));
        let (mut right, mut total, mut loss, mut teacher_top) = (0usize, 0usize, 0f64, 0f64);
        for &s in &order {
            let (ws, tags, heads, glabels) = if s < data.len() { &data[s] } else { &extra[s - data.len()] };
            let gold = Gold { heads, labels: glabels };
            lookups.sentence(ws, &mut values);
            for v in values.words.iter_mut() {
                let c = counts.get((*v as usize).wrapping_sub(FIRST_WORD as usize)).copied().unwrap_or(0) as f32;
                if *v >= FIRST_WORD && rng.unit() < (o.word_dropout / (o.word_dropout + c)) as f64 {
                    *v = inputs::UNKNOWN;
                }
            }
            st.start(ws.len());
            while !st.done() {
                inputs::fill(&st, &values, tags, sizes, config.child_words, &mut slots);
                for (c, m) in valid_mask.iter_mut().enumerate() {
                    *m = valid(&st, c, n_labels, root_label);
                }
                work.forward(&net, &slots, o.dropout, &mut rng);
                let guess = best_valid_scores(&st, &work.scores, n_labels, root_label);
                if guess == usize::MAX {
                    break;
                }
                let best = oracle_target(&st, &gold, &valid_mask, &work.scores, n_labels, &mut target);
                if o.distill > 0.0 {
                    if let Some(t) = teacher {
                        t.perceptron_scores(&st, ws, tags, &mut teacher_scratch, &mut teacher_raw);
                        teacher_top += mix_teacher(&teacher_raw, &valid_mask, o.distill, o.temperature, &mut target);
                    }
                }
                loss += work.backward(&net, &slots, &valid_mask, &target, &mut grads);
                in_batch += 1;
                if in_batch == o.batch {
                    adam.step(&mut net, &mut grads);
                    in_batch = 0;
                }
                right += (guess == best) as usize;
                total += 1;
                let follow = if epoch >= o.explore_from && rng.unit() < o.explore { guess } else { best };
                st.apply(follow, n_labels);
            }
        }
        let t = total.max(1) as f64;
        let d = dev_scores(&net, dev, labels);
        log(&format!("epoch {}: loss {:.4}, training moves right {:.2}%, teacher top {:.3}, dev UAS {:.2} LAS {:.2}", epoch + 1, loss / t, 100.0 * right as f64 / t, teacher_top / t, d.uas, d.las));
        if epoch + o.average.max(1) >= o.epochs {
            match &mut sum {
                None => sum = Some(net.clone()),
                Some(s) => add_into(s, &net),
            }
            averaged += 1;
            if averaged > 1 && !dev.is_empty() {
                let mut avg = sum.clone().unwrap_or_else(|| net.clone());
                scale(&mut avg, 1.0 / averaged as f32);
                let d = dev_scores(&avg, dev, labels);
                log(&format!("average of epochs {}..={}: dev UAS {:.2} LAS {:.2}", epoch + 2 - averaged, epoch + 1, d.uas, d.las));
            }
        }
    }
    let mut avg = sum.unwrap_or(net);
    scale(&mut avg, 1.0 / averaged.max(1) as f32);
    avg
}

/// Multiply every parameter by `factor`.
fn scale(net: &mut Net, factor: f32) {
    for g in params_mut(net) {
        g.iter_mut().for_each(|x| *x *= factor);
    }
}

/// The parameter groups of a net: tables, then w1, b1, w2, b2.
pub(crate) fn params_mut(net: &mut Net) -> Vec<&mut Vec<f32>> {
    let mut v: Vec<&mut Vec<f32>> = net.tables.iter_mut().collect();
    v.extend([&mut net.w1, &mut net.b1, &mut net.w2, &mut net.b2]);
    v
}

fn add_into(sum: &mut Net, net: &Net) {
    let mut other = net.clone();
    for (a, b) in params_mut(sum).into_iter().zip(params_mut(&mut other)) {
        a.iter_mut().zip(b.iter()).for_each(|(x, y)| *x += y);
    }
}

/// Fill `target` with the oracle's distribution: the net's own probabilities over the
/// classes the dynamic oracle allows (least cost, the gold label on a gold arc),
/// renormalised, so that the loss is `-log P(any right class)`; returns the best of
/// those classes by the net's scores.
fn oracle_target(st: &State, gold: &Gold, valid_mask: &[bool], scores: &[f32], n_labels: usize, target: &mut [f32]) -> usize {
    let costs = move_costs(st, n_labels, gold);
    let min_cost = costs.iter().copied().min().unwrap_or(0);
    let mut best = usize::MAX;
    target.iter_mut().for_each(|t| *t = 0.0);
    for c in 0..target.len() {
        if !valid_mask[c] {
            continue;
        }
        if !oracle_allows(st, gold, &costs, min_cost, c, n_labels) {
            continue;
        }
        target[c] = 1.0;
        if best == usize::MAX || scores[c] > scores[best] {
            best = c;
        }
    }
    if best == usize::MAX {
        // No allowed class: follow the net.
        best = (0..target.len()).filter(|&c| valid_mask[c]).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a))).unwrap_or(0);
        target[best] = 1.0;
    }
    // The net's probabilities over the allowed classes.
    let top = (0..target.len()).filter(|&c| target[c] > 0.0).map(|c| scores[c]).fold(f32::NEG_INFINITY, f32::max);
    let mut z = 0.0;
    for (t, &s) in target.iter_mut().zip(scores) {
        if *t > 0.0 {
            *t = (s - top).exp();
            z += *t;
        }
    }
    target.iter_mut().for_each(|t| *t /= z);
    best
}

/// Blend the teacher's softmax (over valid classes, scores divided by `temperature`)
/// into `target` with weight `weight`; returns the teacher's top probability.
fn mix_teacher(raw: &[i32], valid_mask: &[bool], weight: f32, temperature: f32, target: &mut [f32]) -> f64 {
    let top = raw.iter().zip(valid_mask).filter(|(_, &v)| v).map(|(&r, _)| r).max().unwrap_or(0) as f32;
    let mut z = 0.0f32;
    let mut p = [0f32; 256];
    for (c, (&r, &v)) in raw.iter().zip(valid_mask).enumerate().take(256) {
        if v {
            p[c] = ((r as f32 - top) / temperature).exp();
            z += p[c];
        }
    }
    let mut best = 0f32;
    for (c, t) in target.iter_mut().enumerate().take(256) {
        let q = p[c] / z;
        best = best.max(q);
        *t = (1.0 - weight) * *t + weight * q;
    }
    best as f64
}

/// The group in [`params_mut`] of the table slot `k` reads.
fn slot_group(k: usize) -> usize {
    table_index(slot_table(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{conllu, train as full};

    const TREEBANK: &str = "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tentered\tenter\tVERB\tVBD\t_\t0\troot\t_\t_
3\tKharkiv\tKharkiv\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_
5\tFriday\tFriday\tPROPN\tNNP\t_\t2\tobl\t_\t_
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
5\teastern\teastern\tADJ\tJJ\t_\t6\tamod\t_\t_
6\tcity\tcity\tNOUN\tNN\t_\t3\tobj\t_\t_

1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tcity\tcity\tNOUN\tNN\t_\t6\tnsubj\t_\t_
5\twas\tbe\tAUX\tVBD\t_\t6\taux\t_\t_
6\tburning\tburn\tVERB\tVBG\t_\t2\tccomp\t_\t_

";

    /// An epoch holds every treebank sentence once and the asked number of distinct
    /// extra sentences; with none asked, it is the old order shuffled again.
    #[test]
    fn an_epoch_draws_distinct_extra_sentences() {
        let mut rng = Rng::new(3);
        let mut order = Vec::new();
        epoch_order(10, 50, 7, &mut rng, &mut order);
        let mut sorted = order.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 17);
        assert!((0..10).all(|i| sorted.contains(&i)));
        assert!(sorted.iter().all(|&i| i < 60));
        epoch_order(10, 50, 500, &mut rng, &mut order);
        assert_eq!(order.len(), 60, "no more than there are");
        let (mut a, mut b) = (Rng::new(5), Rng::new(5));
        let mut old: Vec<usize> = (0..10).collect();
        a.shuffle(&mut old);
        let mut new = Vec::new();
        epoch_order(10, 0, 0, &mut b, &mut new);
        assert_eq!(old, new);
    }

    /// A small net trained on three sentences parses them as annotated, through the
    /// model file and the precomputed rows, while the untrained net does not.
    #[test]
    fn a_tiny_net_learns_three_sentences() {
        let data = conllu::parse(TREEBANK).unwrap();
        let options = full::TrainOptions { tagger_epochs: 5, parser_epochs: 2, folds: 1, seed: 1, prune: 0.0 };
        let model = full::train(&data, options, |_| {}).unwrap();
        let prepared = full::prepare(&data, options, None, |_| {}).unwrap();
        let o = NnOptions {
            word_dim: 8,
            tag_dim: 6,
            label_dim: 6,
            suffix_dim: 4,
            extra_dim: 4,
            hidden: 32,
            min_count: 1,
            epochs: 40,
            average: 1,
            dropout: 0.0,
            word_dropout: 0.0,
            rate: 0.01,
            rate_decay: 1.0,
            batch: 4,
            ..NnOptions::default()
        };
        let parses = |epochs: usize| {
            let corpus = Corpus { data: &prepared.parse_data, labels: &prepared.labels, n_tags: prepared.tags.len(), pretrained: &[], teacher: None, dev: &[], extra: &[] };
            let net = train(&corpus, &NnOptions { epochs, ..o }, |_| {});
            let with_net = model.clone().with_nn(&net.to_bytes()).expect("attaches");
            data.iter()
                .filter(|s| {
                    let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                    let a = with_net.analyze(&words);
                    s.words.iter().enumerate().all(|(i, w)| a.heads[i].map_or(0, |h| h + 1) == w.head.unwrap() && a.deprel(&with_net, i) == w.deprel)
                })
                .count()
        };
        assert_eq!(parses(40), 3, "every sentence parsed right after training");
        assert!(parses(0) < 3, "not before");
    }
}
