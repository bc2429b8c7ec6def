//! The network as it parses: every first-layer contribution looked up ahead.
//!
//! For each slot and each value the slot can hold, the embedding times the slot's slice
//! of the first layer is a vector of hidden size; [`FastNet::new`] computes them all and
//! stores them as `i16`, scaled so that no sum of one row per slot and the bias can
//! overflow. A move's hidden layer is then the bias plus one row per slot (16-bit
//! additions, 16 lanes at a time with AVX2), a ReLU, and an `f32` output layer that skips
//! the units the ReLU zeroed.

use super::inputs::{self, slot_table, SentenceValues, Table, FIRST_CHILD, N_SLOTS};
use super::{table_index, Lookups, Net, NnError};
use crate::parser::{Parse, Parser, State, NO};
use crate::words::WordInfo;

/// A network ready to parse: its weights, lookups and precomputed first-layer rows.
pub struct FastNet {
    net: Net,
    lookups: Lookups,
    /// Hidden size rounded up to a multiple of 16.
    width: usize,
    /// First row of each slot in `rows`, and how many values the slot has.
    slot_start: [usize; N_SLOTS],
    slot_values: [u32; N_SLOTS],
    /// Rows of `width` scaled contributions.
    rows: Vec<i16>,
    /// The scaled first-layer bias.
    bias: Vec<i16>,
    /// What one unit of the `i16` rows is worth.
    unit: f32,
    /// Output layer, `width` rows of `classes` (padding rows are zero).
    w2: Vec<f32>,
}

/// Nets are the same when their weights are.
impl PartialEq for FastNet {
    fn eq(&self, other: &FastNet) -> bool {
        self.net == other.net
    }
}

impl std::fmt::Debug for FastNet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FastNet({:?}, {} rows)", self.net.config, self.rows.len() / self.width.max(1))
    }
}

/// Reused buffers for parsing with a [`FastNet`].
#[derive(Debug, Clone)]
pub struct NnScratch {
    values: SentenceValues,
    slots: [u32; N_SLOTS],
    acc: Vec<i16>,
    hidden: Vec<f32>,
    scores: Vec<f32>,
}

impl Default for NnScratch {
    fn default() -> Self {
        NnScratch {
            values: SentenceValues::default(),
            slots: [0; N_SLOTS],
            acc: Vec::new(),
            hidden: Vec::new(),
            scores: Vec::new(),
        }
    }
}

impl FastNet {
    /// Precompute the rows of `net`.
    pub fn new(net: Net) -> Result<FastNet, NnError> {
        let c = net.config;
        let h = c.hidden;
        let width = h.div_ceil(16) * 16;
        let (offsets, _) = c.input_offsets();
        let mut slot_start = [0; N_SLOTS];
        let mut slot_values = [0; N_SLOTS];
        let mut total = 0usize;
        for k in 0..N_SLOTS {
            let t = slot_table(k);
            let mut n = Net::rows(c.sizes, net.words.len(), net.suffixes.len(), t);
            if t == Table::Word && k >= FIRST_CHILD {
                n = n.min(c.child_words.max(inputs::FIRST_WORD) as usize);
            }
            slot_start[k] = total;
            slot_values[k] = n as u32;
            total += n;
        }
        let mut exact = vec![0f32; total * width];
        let mut bound: Vec<f32> = net.b1.iter().map(|b| b.abs()).chain(std::iter::repeat(0.0)).take(width).collect();
        for k in 0..N_SLOTS {
            let t = slot_table(k);
            let d = c.dim(t);
            let table = &net.tables[table_index(t)];
            let w1 = &net.w1[offsets[k] * h..(offsets[k] + d) * h];
            let mut largest = vec![0f32; width];
            for v in 0..slot_values[k] as usize {
                let row = &mut exact[(slot_start[k] + v) * width..][..h];
                contribution(&table[v * d..(v + 1) * d], w1, row);
                largest.iter_mut().zip(row.iter()).for_each(|(m, x)| *m = m.max(x.abs()));
            }
            bound.iter_mut().zip(&largest).for_each(|(b, m)| *b += m);
        }
        let top = bound.iter().copied().fold(0.0f32, f32::max);
        if !top.is_finite() {
            return Err(NnError("the first layer's sums are not finite".into()));
        }
        let scale = if top > 0.0 { 32000.0 / top } else { 1.0 };
        let quantize = |x: f32| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
        let rows = exact.iter().map(|&x| quantize(x)).collect();
        let bias = net.b1.iter().map(|&x| quantize(x)).chain(std::iter::repeat(0)).take(width).collect();
        let classes = c.classes();
        let mut w2 = net.w2.clone();
        w2.resize(width * classes, 0.0);
        let lookups = net.lookups();
        Ok(FastNet {
            net,
            lookups,
            width,
            slot_start,
            slot_values,
            rows,
            bias,
            unit: 1.0 / scale,
            w2,
        })
    }

    /// The weights.
    pub fn net(&self) -> &Net {
        &self.net
    }

    /// The scores of every class for slot values `slots` into `scratch.scores`.
    #[inline]
    pub fn score(&self, slots: &[u32; N_SLOTS], scratch: &mut NnScratch) {
        let classes = self.net.config.classes();
        scratch.acc.resize(self.width, 0);
        scratch.hidden.resize(self.width, 0.0);
        scratch.scores.resize(classes, 0.0);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
            // SAFETY: the CPU has just been found to support AVX2 and FMA.
            unsafe { self.score_avx2(slots, &mut scratch.acc, &mut scratch.hidden, &mut scratch.scores) };
            return;
        }
        self.score_with(slots, &mut scratch.acc, &mut scratch.hidden, &mut scratch.scores);
    }

    /// [`FastNet::score`] compiled for AVX2 and FMA.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn score_avx2(&self, slots: &[u32; N_SLOTS], acc: &mut [i16], hidden: &mut [f32], scores: &mut [f32]) {
        self.score_with(slots, acc, hidden, scores)
    }

    #[inline(always)]
    fn score_with(&self, slots: &[u32; N_SLOTS], acc: &mut [i16], hidden: &mut [f32], scores: &mut [f32]) {
        let w = self.width;
        acc.copy_from_slice(&self.bias);
        for k in 0..N_SLOTS {
            let v = slots[k].min(self.slot_values[k] - 1) as usize;
            let at = (self.slot_start[k] + v) * w;
            let row = &self.rows[at..at + w];
            for (a, r) in acc.chunks_exact_mut(16).zip(row.chunks_exact(16)) {
                for i in 0..16 {
                    a[i] = a[i].wrapping_add(r[i]);
                }
            }
        }
        for (x, &a) in hidden.iter_mut().zip(acc.iter()) {
            *x = a.max(0) as f32 * self.unit;
        }
        scores.copy_from_slice(&self.net.b2);
        let classes = scores.len();
        for (j, &x) in hidden.iter().enumerate() {
            if x > 0.0 {
                let row = &self.w2[j * classes..(j + 1) * classes];
                scores.iter_mut().zip(row).for_each(|(s, &r)| *s += x * r);
            }
        }
    }

    /// Parse one tagged sentence into `out`, with `parser`'s labels.
    pub fn parse(&self, parser: &Parser, words: &[WordInfo], tags: &[u8], st: &mut State, scratch: &mut NnScratch, out: &mut Parse) {
        let n = words.len();
        let n_labels = parser.labels.len();
        let root_label = parser.labels.iter().position(|l| *l == "root").unwrap_or(0);
        self.lookups.sentence(words, &mut scratch.values);
        st.start(n);
        let (sizes, child_words) = (self.net.config.sizes, self.net.config.child_words);
        while !st.done() {
            let mut slots = scratch.slots;
            inputs::fill(st, &scratch.values, tags, sizes, child_words, &mut slots);
            self.score(&slots, scratch);
            let best = best_valid(st, &scratch.scores, n_labels, root_label);
            if best == usize::MAX {
                break; // cannot happen: some move is always valid until done
            }
            st.apply(best, n_labels);
        }
        out.heads.clear();
        out.labels.clear();
        for i in 0..n {
            let h = st.heads[i];
            out.heads.push(if h == NO || h as usize >= n { None } else { Some(h) });
            out.labels.push(if h == NO { root_label as u8 } else { st.labels[i] });
        }
    }
}

/// `out` = `embedding` times the first-layer rows `w1` (one per embedding entry).
fn contribution(embedding: &[f32], w1: &[f32], out: &mut [f32]) {
    let h = out.len();
    out.iter_mut().for_each(|x| *x = 0.0);
    for (i, &e) in embedding.iter().enumerate() {
        out.iter_mut().zip(&w1[i * h..(i + 1) * h]).for_each(|(o, &w)| *o += e * w);
    }
}

/// The highest-scoring class the transition system allows in `st` (the first on ties),
/// or `usize::MAX` when none is: the same classes as the perceptron parser allows.
pub(crate) fn best_valid(st: &State, scores: &[f32], n_labels: usize, root_label: usize) -> usize {
    let mut best = (usize::MAX, f32::NEG_INFINITY);
    let mut take = |c: usize| {
        if best.0 == usize::MAX || scores[c] > best.1 {
            best = (c, scores[c]);
        }
    };
    if st.can_shift() {
        take(0);
    }
    if st.can_left() {
        if st.b0 >= st.n {
            take(1 + root_label);
        } else {
            (1..1 + n_labels).filter(|&c| c != 1 + root_label).for_each(&mut take);
        }
    }
    if st.can_right() {
        (1 + n_labels..1 + 2 * n_labels).filter(|&c| c != 1 + n_labels + root_label).for_each(&mut take);
    }
    best.0
}
