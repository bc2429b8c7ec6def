//! The averaged perceptron (Collins 2002) with sparse rows: each feature keeps weights only
//! for the classes it was ever updated for, which keeps models with ~100 classes small.
//!
//! [`Trainer`] learns; [`Weights`] is the frozen, averaged model used for prediction.

use std::collections::HashMap;

/// One class weight of one feature during training.
#[derive(Debug, Clone, Copy)]
struct Param {
    class: u16,
    weight: f32,
    /// Sum of the weight over all instances seen up to `stamp`.
    total: f64,
    stamp: u32,
}

/// A hasher for keys that are already well mixed.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

type BuildIdentity = std::hash::BuildHasherDefault<IdentityHasher>;

/// Learns weights by the perceptron rule and averages them.
///
/// ```
/// use sitrep_learn::perceptron::Trainer;
/// let mut t = Trainer::new(2);
/// for _ in 0..5 {
///     t.tick(); t.update(&[1, 10], 0, 1);   // feature 10 means class 0
///     t.tick(); t.update(&[1, 20], 1, 0);   // feature 20 means class 1
/// }
/// let w = t.average(0.0);
/// let mut scores = [0; 2];
/// w.score(&[1, 20], &mut scores);
/// assert!(scores[1] > scores[0]);
/// ```
pub struct Trainer {
    n_classes: usize,
    rows: HashMap<u64, Vec<Param>, BuildIdentity>,
    time: u32,
}

impl Trainer {
    /// A trainer for `n_classes` classes.
    pub fn new(n_classes: usize) -> Trainer {
        Trainer { n_classes, rows: HashMap::default(), time: 0 }
    }

    /// Count one training instance (call once per prediction, updated or not).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Add the current weights of `features` into `scores` (one slot per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for p in row {
                    scores[p.class as usize] += p.weight;
                }
            }
        }
    }

    /// Reward `truth` and penalise `guess` on `features` (nothing when they agree).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let time = self.time;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            bump(row, truth as u16, 1.0, time);
            bump(row, guess as u16, -1.0, time);
        }
    }

    /// The averaged weights, without those whose magnitude is below `prune`.
    pub fn average(&self, prune: f32) -> Weights {
        let time = self.time.max(1) as f64;
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut entries: Vec<(u64, Vec<(u8, f32)>)> = Vec::with_capacity(keys.len());
        for k in keys {
            let mut row: Vec<(u8, f32)> = self.rows[&k]
                .iter()
                .map(|p| {
                    let total = p.total + (self.time - p.stamp) as f64 * p.weight as f64;
                    (p.class as u8, (total / time) as f32)
                })
                .filter(|&(_, w)| w.abs() >= prune.max(1e-6))
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable_by_key(|&(c, _)| c);
            entries.push((k, row));
        }
        Weights::from_rows(self.n_classes, entries)
    }
}

fn bump(row: &mut Vec<Param>, class: u16, delta: f32, time: u32) {
    let p = match row.iter_mut().position(|p| p.class == class) {
        Some(i) => &mut row[i],
        None => {
            row.push(Param { class, weight: 0.0, total: 0.0, stamp: time });
            row.last_mut().expect("just pushed")
        }
    };
    p.total += (time - p.stamp) as f64 * p.weight as f64;
    p.stamp = time;
    p.weight += delta;
}

/// Frozen weights: an open-addressing table from 32-bit feature keys to sparse rows of
/// fixed-point weights.
///
/// Each slot holds the key and the row's place, each row entry packs the class (low 8
/// bits) with the weight (high 24 bits, in units of `scale`), so scoring a feature touches
/// two cache lines and adds integers.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    n_classes: usize,
    /// Slot → (feature key, row start << 8 | row length); key 0 = empty.
    slots: Vec<(u32, u32)>,
    /// Rows in key order, back to back.
    entries: Vec<u32>,
    /// Row lengths in key order (for writing the model back out).
    lens: Vec<u8>,
    /// Sorted keys (for writing the model back out).
    keys: Vec<u32>,
    /// Value of one weight unit.
    scale: f32,
}

/// Fold a 64-bit feature key to the 32-bit key stored in a model (never 0).
#[inline]
pub fn short_key(k: u64) -> u32 {
    let s = (k ^ (k >> 32)) as u32;
    if s == 0 {
        1
    } else {
        s
    }
}

const WEIGHT_MAX: f32 = ((1 << 23) - 1) as f32;

impl Weights {
    /// Build from rows sorted by key; rows whose short keys collide are summed. Weights
    /// are quantised to 24 bits.
    pub fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u8, f32)>)>) -> Weights {
        let mut merged: Vec<(u32, Vec<(u8, f32)>)> = rows.into_iter().map(|(k, r)| (short_key(k), r)).collect();
        merged.sort_by_key(|(k, _)| *k);
        let mut dedup: Vec<(u32, Vec<(u8, f32)>)> = Vec::with_capacity(merged.len());
        for (k, row) in merged {
            match dedup.last_mut() {
                Some((last, lrow)) if *last == k => {
                    for (c, w) in row {
                        match lrow.iter_mut().find(|(lc, _)| *lc == c) {
                            Some((_, lw)) => *lw += w,
                            None => lrow.push((c, w)),
                        }
                    }
                }
                _ => dedup.push((k, row)),
            }
        }
        let max = dedup.iter().flat_map(|(_, r)| r.iter().map(|(_, w)| w.abs())).fold(0.0f32, f32::max);
        let scale = if max > 0.0 { max / WEIGHT_MAX } else { 1.0 };
        let keys: Vec<u32> = dedup.iter().map(|(k, _)| *k).collect();
        let mut lens = Vec::with_capacity(dedup.len());
        let mut entries = Vec::new();
        for (_, row) in &dedup {
            lens.push(row.len().min(255) as u8);
            for &(c, w) in row.iter().take(255) {
                entries.push(pack(c, (w / scale).round() as i32));
            }
        }
        Weights::assemble(n_classes, keys, lens, entries, scale)
    }

    /// Build the lookup table over `keys` (sorted, distinct, non-zero) and their rows.
    fn assemble(n_classes: usize, keys: Vec<u32>, lens: Vec<u8>, entries: Vec<u32>, scale: f32) -> Weights {
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0u32); size];
        let mask = size - 1;
        let mut start = 0u32;
        for (&k, &len) in keys.iter().zip(&lens) {
            let mut i = k as usize & mask;
            while slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (k, start << 8 | len as u32);
            start += len as u32;
        }
        Weights { n_classes, slots, entries, lens, keys, scale }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Add the weights of `features` into `scores`, in weight units.
    ///
    /// The table is far larger than the CPU caches, so the lookups are done in three
    /// passes — prefetch every slot, find every row and prefetch it, add the rows — to let
    /// the memory system fetch them side by side instead of one miss after another.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        let mask = self.slots.len() - 1;
        let mut rows = [0u32; 128];
        for chunk in features.chunks(rows.len()) {
            for &f in chunk {
                prefetch(&self.slots[short_key(f) as usize & mask]);
            }
            for (r, &f) in rows.iter_mut().zip(chunk) {
                *r = self.find(short_key(f), mask);
                if *r != 0 {
                    if let Some(e) = self.entries.get((*r >> 8) as usize) {
                        prefetch(e);
                    }
                }
            }
            for &row in &rows[..chunk.len()] {
                let (s, len) = ((row >> 8) as usize, (row & 0xFF) as usize);
                for &e in self.entries.get(s..s + len).unwrap_or(&[]) {
                    if let Some(slot) = scores.get_mut((e & 0xFF) as usize) {
                        *slot += (e as i32) >> 8;
                    }
                }
            }
        }
    }

    /// The packed row (start << 8 | length) of key `k`, or 0 when it has no weights.
    #[inline]
    fn find(&self, k: u32, mask: usize) -> u32 {
        let mut i = k as usize & mask;
        loop {
            let (sk, row) = self.slots[i];
            if sk == k {
                return row;
            }
            if sk == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    /// Append the weights in their file form: class count (u32), scale (f32), feature
    /// count (u32), sorted keys (u32 each), row lengths (u8 each), entries (u32 each), all
    /// little-endian.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend_from_slice(&self.lens);
        for e in &self.entries {
            out.extend_from_slice(&e.to_le_bytes());
        }
    }

    /// Read weights written by [`Weights::write_to`] from the start of `bytes`; returns
    /// them and the number of bytes used, or what is wrong.
    ///
    /// ```
    /// use sitrep_learn::perceptron::{Trainer, Weights};
    /// let mut t = Trainer::new(3);
    /// t.tick();
    /// t.update(&[42], 2, 0);
    /// let w = t.average(0.0);
    /// let mut bytes = Vec::new();
    /// w.write_to(&mut bytes);
    /// let (back, used) = Weights::read_from(&bytes).unwrap();
    /// assert_eq!((back, used), (w, bytes.len()));
    /// assert!(Weights::read_from(&bytes[..7]).is_err());
    /// ```
    pub fn read_from(bytes: &[u8]) -> Result<(Weights, usize), String> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let end = at.checked_add(n).filter(|&e| e <= bytes.len()).ok_or_else(|| format!("weights end early at byte {at}"))?;
            let s = &bytes[at..end];
            at = end;
            Ok(s)
        };
        let u32_at = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let n_classes = u32_at(take(4)?) as usize;
        if n_classes == 0 || n_classes > 256 {
            return Err(format!("{n_classes} classes; 1 to 256 are possible"));
        }
        let scale = f32::from_bits(u32_at(take(4)?));
        if !scale.is_finite() || scale <= 0.0 {
            return Err("bad weight scale".into());
        }
        let n = u32_at(take(4)?) as usize;
        if n > 1 << 26 {
            return Err(format!("{n} features is beyond any model sitrep makes"));
        }
        let keys: Vec<u32> = take(n * 4)?.chunks_exact(4).map(u32_at).collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) || keys.first() == Some(&0) {
            return Err("feature keys are not sorted".into());
        }
        let lens = take(n)?.to_vec();
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        let entries: Vec<u32> = take(total * 4)?.chunks_exact(4).map(u32_at).collect();
        if entries.iter().any(|&e| (e & 0xFF) as usize >= n_classes) {
            return Err("a class number is out of range".into());
        }
        Ok((Weights::assemble(n_classes, keys, lens, entries, scale), at))
    }
}

/// Ask the CPU to start loading the cache line holding `value`.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint with no architectural effect; the pointer comes from a
    // reference, so it is valid, and SSE is part of the x86-64 baseline.
    unsafe {
        std::arch::x86_64::_mm_prefetch(value as *const T as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

#[inline]
fn pack(class: u8, weight: i32) -> u32 {
    ((weight.clamp(-(1 << 23) + 1, (1 << 23) - 1) << 8) as u32) | class as u32
}
