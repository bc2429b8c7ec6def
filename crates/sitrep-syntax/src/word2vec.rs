//! Word vectors by skip-gram with negative sampling (Mikolov et al. 2013), to start the
//! neural parser's word embeddings from what a few million words of plain text say
//! about each word. Single-threaded and seeded: the same text gives the same vectors.

use std::collections::HashMap;

use sitrep_learn::rng::Rng;

/// Settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Word2VecOptions {
    /// Vector size.
    pub dim: usize,
    /// Largest distance to a context word (each position draws its own, 1..=window).
    pub window: usize,
    /// Negative samples per context word.
    pub negatives: usize,
    /// Passes over the text.
    pub epochs: usize,
    /// Words seen fewer times get no vector.
    pub min_count: usize,
    /// Most words kept (the commonest).
    pub max_words: usize,
    /// Frequent words are skipped with chance `1 - sqrt(sample / frequency)`.
    pub sample: f64,
    /// Starting learning rate, lowered linearly to nearly zero.
    pub rate: f32,
    /// Seed.
    pub seed: u64,
}

impl Default for Word2VecOptions {
    fn default() -> Self {
        Word2VecOptions { dim: 64, window: 5, negatives: 5, epochs: 5, min_count: 3, max_words: 60_000, sample: 1e-4, rate: 0.025, seed: 2022 }
    }
}

/// Vectors for the words of `sentences` (word keys, such as hashes of lower-cased
/// forms), commonest word first.
pub fn train(sentences: &[Vec<u64>], o: &Word2VecOptions) -> Vec<(u64, Vec<f32>)> {
    let mut counts: HashMap<u64, u64> = HashMap::new();
    for s in sentences {
        for &w in s {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut vocab: Vec<(u64, u64)> = counts.into_iter().filter(|&(_, c)| c as usize >= o.min_count).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    vocab.truncate(o.max_words);
    if vocab.is_empty() || o.dim == 0 {
        return Vec::new();
    }
    let index: HashMap<u64, u32> = vocab.iter().enumerate().map(|(i, &(w, _))| (w, i as u32)).collect();
    let total: u64 = vocab.iter().map(|v| v.1).sum();
    let keep: Vec<f64> = vocab.iter().map(|&(_, c)| ((o.sample * total as f64) / c as f64).sqrt().min(1.0)).collect();
    let table = unigram_table(&vocab, 1 << 22);
    let d = o.dim;
    let mut rng = Rng::new(o.seed);
    let mut input: Vec<f32> = (0..vocab.len() * d).map(|_| (rng.unit() as f32 - 0.5) / d as f32).collect();
    let mut output = vec![0f32; vocab.len() * d];
    let mut grad = vec![0f32; d];
    let steps = (o.epochs * sentences.iter().map(|s| s.len()).sum::<usize>()).max(1) as f32;
    let mut done = 0usize;
    let mut ids: Vec<u32> = Vec::new();
    for _ in 0..o.epochs {
        for s in sentences {
            done += s.len();
            let rate = (o.rate * (1.0 - done as f32 / steps)).max(o.rate * 1e-4);
            ids.clear();
            ids.extend(s.iter().filter_map(|w| index.get(w)).copied().filter(|&i| rng.unit() < keep[i as usize]));
            for (p, &center) in ids.iter().enumerate() {
                let reach = 1 + rng.below(o.window.max(1));
                let from = p.saturating_sub(reach);
                let to = (p + reach + 1).min(ids.len());
                for (q, &context) in ids.iter().enumerate().take(to).skip(from) {
                    if q == p {
                        continue;
                    }
                    let context = context as usize;
                    let v = &mut input[context * d..(context + 1) * d];
                    grad.iter_mut().for_each(|g| *g = 0.0);
                    for n in 0..=o.negatives {
                        let (target, label) = if n == 0 { (center as usize, 1.0) } else { (table[rng.below(table.len())] as usize, 0.0) };
                        if n > 0 && target == center as usize {
                            continue;
                        }
                        let u = &mut output[target * d..(target + 1) * d];
                        let dot: f32 = v.iter().zip(u.iter()).map(|(a, b)| a * b).sum();
                        let g = (label - sigmoid(dot)) * rate;
                        grad.iter_mut().zip(u.iter()).for_each(|(gr, &x)| *gr += g * x);
                        u.iter_mut().zip(v.iter()).for_each(|(x, &a)| *x += g * a);
                    }
                    v.iter_mut().zip(&grad).for_each(|(a, &g)| *a += g);
                }
            }
        }
    }
    vocab.iter().enumerate().map(|(i, &(w, _))| (w, input[i * d..(i + 1) * d].to_vec())).collect()
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x.clamp(-30.0, 30.0)).exp())
}

/// Word numbers repeated in proportion to count^0.75, for drawing negative samples.
fn unigram_table(vocab: &[(u64, u64)], size: usize) -> Vec<u32> {
    let weights: Vec<f64> = vocab.iter().map(|&(_, c)| (c as f64).powf(0.75)).collect();
    let total: f64 = weights.iter().sum();
    let mut table = Vec::with_capacity(size);
    let mut cumulative = 0.0;
    for (i, w) in weights.iter().enumerate() {
        cumulative += w / total;
        while (table.len() as f64) < cumulative * size as f64 && table.len() < size {
            table.push(i as u32);
        }
    }
    while table.len() < size {
        table.push((vocab.len() - 1) as u32);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words used in the same contexts end up closer than words that never share one.
    #[test]
    fn shared_contexts_make_close_vectors() {
        let mut rng = Rng::new(7);
        let mut sentences = Vec::new();
        for _ in 0..400 {
            // 1 and 2 appear between 10..20 words; 3 between 30..40 words.
            let a = 10 + rng.below(10) as u64;
            let b = 10 + rng.below(10) as u64;
            let c = 30 + rng.below(10) as u64;
            let d = 30 + rng.below(10) as u64;
            sentences.push(vec![a, 1 + rng.below(2) as u64, b]);
            sentences.push(vec![c, 3, d]);
        }
        let o = Word2VecOptions { dim: 16, epochs: 20, sample: 1.0, min_count: 1, ..Default::default() };
        let vectors: HashMap<u64, Vec<f32>> = train(&sentences, &o).into_iter().collect();
        let cos = |a: u64, b: u64| {
            let (x, y) = (&vectors[&a], &vectors[&b]);
            let dot: f32 = x.iter().zip(y).map(|(p, q)| p * q).sum();
            dot / (x.iter().map(|p| p * p).sum::<f32>().sqrt() * y.iter().map(|q| q * q).sum::<f32>().sqrt())
        };
        assert!(cos(1, 2) > cos(1, 3) + 0.2, "cos(1,2) = {}, cos(1,3) = {}", cos(1, 2), cos(1, 3));
    }
}
