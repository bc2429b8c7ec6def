//! The averaged perceptron (Collins 2002) with sparse rows: each feature keeps weights only
//! for the classes it was ever updated for, which keeps models with ~100 classes small.
//!
//! [`Trainer`] learns; [`Weights`] is the frozen, averaged model used for prediction.

use std::collections::HashMap;

use crate::buf::{prefetch, prefetch_all};

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

/// Frozen weights: an open-addressing table from 32-bit feature keys to rows of
/// fixed-point weights.
///
/// Each slot holds the key and the row's place. Most rows are sparse: each entry packs
/// the class (low 8 bits) with the weight (high 24 bits, in units of `scale`). The long
/// rows — few features, but the ones that fire in nearly every prediction (the bias, tag
/// pairs) — are also kept dense, one `i16` per class, so that adding them is a handful of
/// vector additions instead of dozens of scattered ones. The tables sit on huge pages
/// where the system allows it ([`crate::buf`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    n_classes: usize,
    /// Slot → (feature key, row); key 0 = empty. A row is `start << 8 | length` of a
    /// sparse row in `entries`, or `(d + 1) << 8` (length byte 0) for dense row `d`.
    slots: crate::buf::Table<(u32, u32)>,
    /// The same for the dense rows only: a table small enough to stay in the CPU's
    /// caches, asked first, so that the features firing in nearly every prediction do not
    /// wait on the large table.
    hot: crate::buf::Table<(u32, u32)>,
    /// One bit per value of [`filter_bit`], set for the keys of the large table: most
    /// features of a text were never seen in training, and this small bitmap turns most
    /// of them away before they cost a trip to memory.
    filter: crate::buf::Table<u64>,
    /// Rows in key order, back to back, as the file has them (24-bit weights); kept for
    /// writing the model back out.
    entries: Vec<u32>,
    /// The same entries as they are added: the class in the low 8 bits, the weight in 16
    /// bits ([`narrow`]) above; sparse rows are read from here.
    sparse: crate::buf::Table<u32>,
    /// Dense rows, `stride` weights each (classes beyond `n_classes` are 0), in 16 bits
    /// ([`narrow`]): half the cache lines per row.
    dense: crate::buf::Table<i16>,
    /// `n_classes` rounded up to a multiple of [`LANES`].
    stride: usize,
    /// Row lengths in key order (for writing the model back out).
    lens: Vec<u8>,
    /// Sorted keys (for writing the model back out).
    keys: Vec<u32>,
    /// Value of one weight unit.
    scale: f32,
}

/// A slot of a lookup table: (feature key, row); key 0 = empty.
type Slot = (u32, u32);

/// Where one feature's weights are in a [`Weights`] (0: it has none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Row(u32);

/// Dense rows are added this many classes at a time.
const LANES: usize = 16;

/// Whether a row of `len` entries is kept dense when a dense row has `stride` classes:
/// when adding the dense row costs less than adding the entries one by one, and at least
/// a few entries (so that rare short rows do not fill the cache).
fn keep_dense(len: usize, stride: usize) -> bool {
    len >= (stride / 8).max(6)
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
        let stride = n_classes.div_ceil(LANES) * LANES;
        // Every table is written straight into its place (no vector made to be copied):
        // the dense rows are counted first.
        let n_dense = lens.iter().filter(|&&len| len != 0 && keep_dense(len as usize, stride)).count();
        let mut cold: Vec<Slot> = Vec::new();
        let mut hot: Vec<Slot> = Vec::with_capacity(n_dense);
        let dense = crate::buf::Table::build(n_dense * stride, 0i16, |dense| {
            let mut start = 0usize;
            for (&k, &len) in keys.iter().zip(&lens) {
                let len = len as usize;
                let row = &entries[start..start + len];
                if len == 0 {
                    // nothing to add
                } else if keep_dense(len, stride) {
                    let d = hot.len();
                    let out = &mut dense[d * stride..(d + 1) * stride];
                    for &e in row {
                        let c = (e & 0xFF) as usize;
                        out[c] = out[c].saturating_add(narrow(e));
                    }
                    hot.push((k, ((d + 1) as u32) << 8));
                } else {
                    cold.push((k, (start as u32) << 8 | len as u32));
                }
                start += len;
            }
        });
        Weights {
            n_classes,
            slots: open_table(&cold),
            hot: open_table(&hot),
            filter: key_filter(&cold),
            sparse: crate::buf::Table::from_fn(entries.len(), |i| ((narrow(entries[i]) as i32) << 8) as u32 | (entries[i] & 0xFF)),
            entries,
            dense,
            stride,
            lens,
            keys,
            scale,
        }
    }

    /// The same weights without the entries smaller than `min` (in the model's units) and
    /// without the features left with none: a smaller table that stays in the CPU's
    /// caches, at some cost in accuracy.
    ///
    /// ```
    /// use sitrep_learn::perceptron::Trainer;
    /// let mut t = Trainer::new(2);
    /// t.tick(); t.update(&[2], 1, 0);                       // averages about ±0.9
    /// for _ in 0..9 { t.tick(); t.update(&[1], 0, 1); }     // averages about ±4.5
    /// let w = t.average(0.0);
    /// assert_eq!((w.n_features(), w.pruned(2.0).n_features()), (2, 1));
    /// ```
    pub fn pruned(&self, min: f32) -> Weights {
        let (mut keys, mut lens, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        let mut start = 0usize;
        for (&k, &len) in self.keys.iter().zip(&self.lens) {
            let row = &self.entries[start..start + len as usize];
            start += len as usize;
            let kept = entries.len();
            entries.extend(row.iter().filter(|&&e| (((e as i32) >> 8) as f32 * self.scale).abs() >= min));
            if entries.len() > kept {
                keys.push(k);
                lens.push((entries.len() - kept) as u8);
            }
        }
        Weights::assemble(self.n_classes, keys, lens, entries, self.scale)
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Add the weights of `features` into `scores`, in 16-bit weight units (classes beyond
    /// `scores.len()` are dropped).
    ///
    /// The table is far larger than the CPU caches, so the lookups are done in passes —
    /// find the dense rows in the small table while prefetching the other keys' slots in
    /// the large one, add the dense rows, find the sparse rows (prefetching each), add
    /// them — to let the memory system fetch them side by side instead of one miss after
    /// another.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        self.score_rows(&[], features, scores);
    }

    /// The row of `feature`, to be added later by [`Weights::score_rows`] without hashing
    /// or probing: for features whose possible keys are few enough to look up ahead.
    ///
    /// ```
    /// use sitrep_learn::perceptron::Trainer;
    /// let mut t = Trainer::new(2);
    /// t.tick(); t.update(&[7, 9], 1, 0);
    /// let w = t.average(0.0);
    /// let (mut a, mut b) = ([0i32; 2], [0i32; 2]);
    /// w.score(&[7, 9, 11], &mut a);
    /// w.score_rows(&[w.row(7), w.row(11)], &[9], &mut b);
    /// assert_eq!(a, b);
    /// ```
    pub fn row(&self, feature: u64) -> Row {
        Row(self.find(short_key(feature)))
    }

    /// Append the [`Weights::row`] of each of `features` to `out`, in their order, looked
    /// up in batches so that their misses overlap: every key's slot in the small table and
    /// word of the filter are asked for first, then the large table's slots of the keys
    /// the filter lets through, then the rows found (their first cache line), so that a
    /// [`Weights::score_rows`] of them soon after finds them in the caches.
    ///
    /// ```
    /// use sitrep_learn::perceptron::Trainer;
    /// let mut t = Trainer::new(2);
    /// t.tick(); t.update(&[7, 9], 1, 0);
    /// let w = t.average(0.0);
    /// let mut rows = Vec::new();
    /// w.rows_into(&[7, 11, 9], &mut rows);
    /// assert_eq!(rows, [w.row(7), w.row(11), w.row(9)]);
    /// ```
    pub fn rows_into(&self, features: &[u64], out: &mut Vec<Row>) {
        let (hot, cold): (&[Slot], &[Slot]) = (&self.hot, &self.slots);
        let (hot_mask, cold_mask) = (hot.len() - 1, cold.len() - 1);
        let filter: &[u64] = &self.filter;
        let filter_mask = filter.len() * 64 - 1;
        const BATCH: usize = 32;
        out.reserve(features.len());
        for batch in features.chunks(BATCH) {
            let mut keys = [0u32; BATCH];
            for (k, &f) in keys.iter_mut().zip(batch) {
                *k = short_key(f);
                if let Some(h) = hot.get(*k as usize & hot_mask) {
                    prefetch(h);
                }
                if let Some(w) = filter.get(filter_bit(*k, filter_mask) >> 6) {
                    prefetch(w);
                }
            }
            // Per key: its row in the small table, else whether the large one may hold it.
            let mut found = [0u32; BATCH];
            let mut maybe_cold = [false; BATCH];
            for ((&k, r), cold_too) in keys.iter().zip(found.iter_mut()).zip(maybe_cold.iter_mut()).take(batch.len()) {
                *r = find(hot, k, hot_mask);
                // (A key absent from the filter is absent from the large table, which is
                // all `find` would tell: the rows are those of `row`.)
                if *r == 0 && filter_holds(filter, k, filter_mask) {
                    *cold_too = true;
                    prefetch(&cold[k as usize & cold_mask]);
                }
            }
            for ((&k, r), &cold_too) in keys.iter().zip(found.iter_mut()).zip(&maybe_cold).take(batch.len()) {
                if cold_too {
                    *r = find(cold, k, cold_mask);
                }
                self.prefetch_row(Row(*r));
                out.push(Row(*r));
            }
        }
    }

    /// Ask the CPU to start loading the first cache line of the weights of `row`.
    #[inline(always)]
    fn prefetch_row(&self, Row(r): Row) {
        if r & 0xFF != 0 {
            if let Some(e) = self.sparse.get((r >> 8) as usize) {
                prefetch(e);
            }
        } else if r != 0 {
            if let Some(e) = self.dense.get(((r >> 8) as usize - 1) * self.stride) {
                prefetch(e);
            }
        }
    }

    /// [`Weights::score`] of `features` plus the rows `rows` (from [`Weights::row`]).
    #[inline]
    pub fn score_rows(&self, rows: &[Row], features: &[u64], scores: &mut [i32]) {
        self.score_dispatch(rows, features, None, scores);
    }

    /// [`Weights::score_rows`] added onto `base` instead of onto what `scores` holds: each
    /// score becomes `base`'s plus the weights (scores beyond `base`'s end are left as
    /// they are), without first copying `base` into `scores`.
    ///
    /// ```
    /// use sitrep_learn::perceptron::Trainer;
    /// let mut t = Trainer::new(2);
    /// t.tick(); t.update(&[7, 9], 1, 0);
    /// let w = t.average(0.0);
    /// let (mut a, mut b) = ([5i32, -3], [0i32; 2]);
    /// w.score_rows(&[w.row(7)], &[9], &mut a);
    /// w.score_rows_onto(&[5, -3], &[w.row(7)], &[9], &mut b);
    /// assert_eq!(a, b);
    /// ```
    #[inline]
    pub fn score_rows_onto(&self, base: &[i32], rows: &[Row], features: &[u64], scores: &mut [i32]) {
        self.score_dispatch(rows, features, Some(base), scores);
    }

    /// [`Weights::score_rows`] onto `base` (`None`: onto `scores`), compiled for AVX2 where
    /// the CPU has it.
    #[inline(always)]
    fn score_dispatch(&self, rows: &[Row], features: &[u64], base: Option<&[i32]>, scores: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has just been found to support AVX2.
            unsafe { self.score_avx2(rows, features, base, scores) };
            return;
        }
        self.score_plain(rows, features, base, scores);
    }

    /// [`Weights::score_rows`] for CPUs without AVX2, kept out of line so that the callers
    /// of the inlined dispatch stay small.
    #[inline(never)]
    fn score_plain(&self, rows: &[Row], features: &[u64], base: Option<&[i32]>, scores: &mut [i32]) {
        self.score_with(rows, features, base, scores);
    }

    /// [`Weights::score_rows`] compiled for AVX2, whose 8-lane additions halve the work on
    /// dense rows.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, rows: &[Row], features: &[u64], base: Option<&[i32]>, scores: &mut [i32]) {
        self.score_with(rows, features, base, scores);
    }

    /// [`Weights::score_rows`], summing in as few registers' worth of classes as the
    /// model has (the sums are made afresh for every call).
    #[inline(always)]
    fn score_with(&self, rows: &[Row], features: &[u64], base: Option<&[i32]>, scores: &mut [i32]) {
        match self.stride {
            0..=32 => self.score_in::<32>(rows, features, base, scores),
            33..=64 => self.score_in::<64>(rows, features, base, scores),
            65..=128 => self.score_in::<128>(rows, features, base, scores),
            _ => self.score_in::<256>(rows, features, base, scores),
        }
    }

    /// [`Weights::score_with`] summing classes `0..A` (`A` a power of two, at least the
    /// stride or 256).
    #[inline(always)]
    fn score_in<const A: usize>(&self, rows: &[Row], features: &[u64], base: Option<&[i32]>, scores: &mut [i32]) {
        let (hot, cold): (&[Slot], &[Slot]) = (&self.hot, &self.slots);
        let (hot_mask, cold_mask) = (hot.len() - 1, cold.len() - 1);
        let filter: &[u64] = &self.filter;
        let filter_mask = filter.len() * 64 - 1;
        let stride = self.stride.min(256) as u32;
        let mut acc = [0i32; A];
        const BATCH: usize = 64;
        let mut keys = [0u32; BATCH];
        let mut sparse = [0u32; BATCH];
        let mut dense = [0u32; BATCH];
        let (mut rows, mut features) = (rows, features);
        while !rows.is_empty() || !features.is_empty() {
            let (mut n_sparse, mut n_dense, mut n_cold) = (0, 0, 0);
            // Rows looked up ahead.
            let (now, later) = rows.split_at(rows.len().min(BATCH / 2));
            rows = later;
            for &Row(r) in now {
                if r & 0xFF != 0 {
                    if let Some(e) = self.sparse.get((r >> 8) as usize) {
                        prefetch(e);
                    }
                    sparse[n_sparse] = r;
                    n_sparse += 1;
                } else if r != 0 {
                    dense[n_dense] = ((r >> 8) - 1) * stride;
                    n_dense += 1;
                }
            }
            // Keys: dense rows from the small table; the other keys' slots in the large
            // table are fetched meanwhile.
            let (now, later) = features.split_at(features.len().min(BATCH / 2));
            features = later;
            // First ask for every key's slot in the small table and word of the filter,
            // so that their misses overlap instead of stalling one feature at a time.
            let mut now_keys = [0u32; BATCH / 2];
            for (slot, &f) in now_keys.iter_mut().zip(now) {
                let k = short_key(f);
                *slot = k;
                if let Some(h) = hot.get(k as usize & hot_mask) {
                    prefetch(h);
                }
                if let Some(w) = filter.get(filter_bit(k, filter_mask) >> 6) {
                    prefetch(w);
                }
            }
            for &k in &now_keys[..now.len()] {
                let r = find(hot, k, hot_mask);
                if r != 0 {
                    let from = ((r >> 8) - 1) * stride;
                    if let Some(e) = self.dense.get(from as usize) {
                        prefetch(e);
                    }
                    dense[n_dense] = from;
                    n_dense += 1;
                } else if filter_holds(filter, k, filter_mask) {
                    prefetch(&cold[k as usize & cold_mask]);
                    keys[n_cold] = k;
                    n_cold += 1;
                }
            }
            self.add_dense(&dense[..n_dense], &mut acc);
            // Sparse rows: find them all (prefetching each), then add them.
            for &k in &keys[..n_cold] {
                let r = find(cold, k, cold_mask);
                if r != 0 {
                    if let Some(e) = self.sparse.get((r >> 8) as usize) {
                        prefetch(e);
                    }
                    sparse[n_sparse] = r;
                    n_sparse += 1;
                }
            }
            self.add_sparse(&sparse[..n_sparse], &mut acc);
        }
        let sums = acc.iter().take(self.n_classes);
        match base {
            Some(base) => scores.iter_mut().zip(sums).zip(base).for_each(|((s, a), b)| *s = b.wrapping_add(*a)),
            None => scores.iter_mut().zip(sums).for_each(|(s, a)| *s = s.wrapping_add(*a)),
        }
    }

    /// Add the dense rows starting at `rows` into `acc`, all classes at once where they fit
    /// in the vector registers, else in blocks, so that the sums stay in registers while
    /// every row is added.
    #[inline(always)]
    fn add_dense<const A: usize>(&self, rows: &[u32], acc: &mut [i32; A]) {
        if rows.is_empty() {
            return;
        }
        let t = &self.dense;
        match self.stride {
            16 => add_block::<16, A>(t, rows, 0, acc),
            32 => add_block::<32, A>(t, rows, 0, acc),
            48 => add_block::<48, A>(t, rows, 0, acc),
            64 => add_block::<64, A>(t, rows, 0, acc),
            80 => add_block::<80, A>(t, rows, 0, acc),
            96 => add_block::<96, A>(t, rows, 0, acc),
            112 => add_block::<112, A>(t, rows, 0, acc),
            stride => {
                let mut at = 0;
                while at + 64 <= stride.min(256) {
                    add_block::<64, A>(t, rows, at, acc);
                    at += 64;
                }
                while at + LANES <= stride.min(256) {
                    add_block::<LANES, A>(t, rows, at, acc);
                    at += LANES;
                }
            }
        }
    }

    /// Add the sparse rows `rows` (`start << 8 | length` in `entries`) into `acc`.
    #[inline(always)]
    fn add_sparse<const A: usize>(&self, rows: &[u32], acc: &mut [i32; A]) {
        for &row in rows {
            let (s, len) = ((row >> 8) as usize, (row & 0xFF) as usize);
            for &e in self.sparse.get(s..s + len).unwrap_or(&[]) {
                // (Every class is below the stride, so below `A`: the mask only spares a
                // bounds check.)
                let c = (e & 0xFF) as usize & (A - 1);
                acc[c] = acc[c].wrapping_add((e as i32) >> 8);
            }
        }
    }

    /// The row of key `k`, or 0 when it has no weights.
    fn find(&self, k: u32) -> u32 {
        match find(&self.hot, k, self.hot.len() - 1) {
            0 => find(&self.slots, k, self.slots.len() - 1),
            r => r,
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
        for e in self.entries.iter() {
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
        // (Each check looks at every value rather than stopping at the first bad one: a
        // loop without a branch per value, which the compiler vectorises.)
        if !keys.windows(2).fold(true, |sorted, w| sorted & (w[0] < w[1])) || keys.first() == Some(&0) {
            return Err("feature keys are not sorted".into());
        }
        let lens = take(n)?.to_vec();
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        let entries: Vec<u32> = take(total * 4)?.chunks_exact(4).map(u32_at).collect();
        if !entries.iter().fold(true, |fit, &e| fit & (((e & 0xFF) as usize) < n_classes)) {
            return Err("a class number is out of range".into());
        }
        Ok((Weights::assemble(n_classes, keys, lens, entries, scale), at))
    }
}

/// The bit of key `k` in a filter of `mask + 1` bits (a power of two).
#[inline(always)]
fn filter_bit(k: u32, mask: usize) -> usize {
    (k.wrapping_mul(0x9E37_79B1) >> 3) as usize & mask
}

/// Whether `filter` (of `mask + 1` bits) has the bit of key `k` set: the large table may
/// hold the key (a clear bit: it does not).
#[inline(always)]
fn filter_holds(filter: &[u64], k: u32, mask: usize) -> bool {
    let bit = filter_bit(k, mask);
    filter.get(bit >> 6).is_some_and(|w| w >> (bit & 63) & 1 != 0)
}

/// The filter of the keys of `items`: about eight bits per key, so that about one
/// absent key in nine passes it.
fn key_filter(items: &[(u32, u32)]) -> crate::buf::Table<u64> {
    let bits = (items.len() * 8).next_power_of_two().max(64);
    crate::buf::Table::build(bits / 64, 0u64, |words| {
        for &(k, _) in items {
            let b = filter_bit(k, bits - 1);
            words[b >> 6] |= 1 << (b & 63);
        }
    })
}

/// An open-addressing table (linear probing, at most half full, a power of two long) of
/// `(key, row)` pairs; key 0 marks an empty slot.
fn open_table(items: &[(u32, u32)]) -> crate::buf::Table<(u32, u32)> {
    let size = (items.len() * 2).next_power_of_two().max(16);
    let mask = size - 1;
    crate::buf::Table::build(size, (0u32, 0u32), |slots| {
        for &(k, row) in items {
            let mut i = k as usize & mask;
            while slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (k, row);
        }
    })
}

/// The row of key `k` in `slots` (a power of two long, `mask` = length − 1, with at least
/// one empty slot), or 0 when it has no weights.
#[inline(always)]
fn find(slots: &[(u32, u32)], k: u32, mask: usize) -> u32 {
    let mut i = k as usize & mask;
    loop {
        let Some(&(sk, row)) = slots.get(i) else { return 0 };
        if sk == k {
            return row;
        }
        if sk == 0 {
            return 0;
        }
        i = (i + 1) & mask;
    }
}

/// Add classes `at..at + B` of the dense rows starting at `rows` into `acc`.
#[inline(always)]
fn add_block<const B: usize, const A: usize>(table: &[i16], rows: &[u32], at: usize, acc: &mut [i32; A]) {
    let mut sum = [0i32; B];
    for &r in rows {
        let from = r as usize + at;
        if let Some(d) = table.get(from..from + B) {
            for k in 0..B {
                sum[k] = sum[k].wrapping_add(d[k] as i32);
            }
        }
    }
    if let Some(a) = acc.get_mut(at..at + B) {
        for k in 0..B {
            a[k] = a[k].wrapping_add(sum[k]);
        }
    }
}

/// The weight of entry `e` in the units scores are summed in: 256 of the stored 24-bit
/// units, rounded (16 bits carry the largest weight of a model and its smallest kept ones
/// to within 1/65,536 of the largest, and halve the dense rows).
#[inline(always)]
fn narrow(e: u32) -> i16 {
    ((((e as i32) >> 8) + 128) >> 8).clamp(-32767, 32767) as i16
}

#[inline]
fn pack(class: u8, weight: i32) -> u32 {
    ((weight.clamp(-(1 << 23) + 1, (1 << 23) - 1) << 8) as u32) | class as u32
}


/// What a [`ScoreCache`] entry is remembered by: every value its features are made of
/// (the word's hashes and flags, say); the last is never 0 (an entry of a key whose last
/// value is 0 is summed again every time).
pub type CacheKey = [u64; 10];

/// A memory of the summed scores of the feature sets met lately, by what the features are
/// made of: news repeats its words, and adding a word's remembered scores costs a
/// fraction of hashing its features and looking each up. Scores are integers, so a sum
/// taken from the memory is exactly the sum it stands for.
///
/// Direct-mapped ([`ScoreCache::SLOTS`] slots; a key whose slot is taken replaces its
/// occupant), and made only once the cache has been asked [`ScoreCache::AFTER`] times, so
/// that a cache used for one sentence costs no more than none. The scores belong to the
/// `owner` named to [`ScoreCache::prepare`]; naming another empties the memory.
///
/// ```
/// use sitrep_learn::perceptron::{ScoreCache, Trainer};
/// let mut t = Trainer::new(2);
/// t.tick(); t.update(&[7, 9], 1, 0);
/// let w = t.average(0.0);
/// let mut cache = ScoreCache::default();
/// cache.prepare([1, 0, 0, 0], 2, ScoreCache::AFTER + 1);
/// let key = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/// let first = cache.get(&key, |s| w.score(&[7, 9], s)).unwrap().to_vec();
/// let again = cache.get(&key, |_| unreachable!("remembered")).unwrap().to_vec();
/// let mut direct = [0i32; 2];
/// w.score(&[7, 9], &mut direct);
/// assert_eq!((first.as_slice(), again.as_slice()), (&direct[..], &direct[..]));
/// ```
#[derive(Default)]
pub struct ScoreCache {
    /// Whose scores these are, as the caller names it (an address and table sizes).
    owner: [usize; 4],
    /// Number of scores per entry.
    width: usize,
    /// Times the cache was prepared for, so far.
    uses: usize,
    /// The key of each slot's entry (all 0: empty).
    keys: Vec<CacheKey>,
    /// The scores of each slot's entry, `width` per slot.
    scores: Vec<i32>,
}

impl ScoreCache {
    /// Number of entries kept.
    pub const SLOTS: usize = 1 << 12;

    /// Uses counted before the memory is made.
    pub const AFTER: usize = 1000;

    /// Ready the cache for `uses` more lookups of scores of `width` classes made by
    /// `owner` (anything that tells the weights and tables the scores come from apart,
    /// such as their address and sizes): a new owner or width empties it.
    pub fn prepare(&mut self, owner: [usize; 4], width: usize, uses: usize) {
        self.uses = self.uses.saturating_add(uses);
        if self.owner != owner || self.width != width {
            self.owner = owner;
            self.width = width;
            self.keys.clear();
            self.scores.clear();
        }
        if self.keys.is_empty() && self.uses > Self::AFTER && width > 0 {
            self.keys.resize(Self::SLOTS, [0; 10]);
            self.scores.resize(Self::SLOTS * width, 0);
        }
    }

    /// The scores remembered for `key` (whose last value should not be 0), first summed by `fill`
    /// into zeros when they are not; `None` while the memory is not made yet.
    #[inline]
    pub fn get(&mut self, key: &CacheKey, fill: impl FnOnce(&mut [i32])) -> Option<&[i32]> {
        let slot = Self::slot(key);
        let width = self.width;
        let k = self.keys.get_mut(slot)?;
        let scores = self.scores.get_mut(slot * width..(slot + 1) * width)?;
        // Compared word by word in registers (an array's `==` calls `memcmp`).
        if k.iter().zip(key).fold(0, |d, (a, b)| d | (a ^ b)) != 0 || key[9] == 0 {
            scores.iter_mut().for_each(|s| *s = 0);
            fill(scores);
            *k = *key;
        }
        Some(scores)
    }

    /// Ask the CPU to start loading the entry of `key`, so that a [`ScoreCache::get`] of
    /// it a little later finds it in the caches instead of waiting on memory (nothing
    /// while the memory is not made yet).
    #[inline]
    pub fn prefetch(&self, key: &CacheKey) {
        let slot = Self::slot(key);
        if let Some(k) = self.keys.get(slot) {
            prefetch_all(k);
        }
        if let Some(scores) = self.scores.get(slot * self.width..(slot + 1) * self.width) {
            prefetch_all(scores);
        }
    }

    /// The slot of `key`.
    #[inline(always)]
    fn slot(key: &CacheKey) -> usize {
        let h = (key[0] ^ key[1].rotate_left(21) ^ key[9]).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 40) as usize & (Self::SLOTS - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Weights of `n_classes` classes over features 1..=200, some updated often enough to
    /// be kept as dense rows.
    fn weights(n_classes: usize) -> Weights {
        let mut t = Trainer::new(n_classes);
        let mut x = 11u64;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            x >> 33
        };
        for _ in 0..20_000 {
            let features: Vec<u64> = (0..6).map(|k| if k == 0 { next() % 4 + 1 } else { next() % 200 + 1 }).collect();
            t.tick();
            t.update(&features, (next() % n_classes as u64) as usize, (next() % n_classes as u64) as usize);
        }
        t.average(0.0)
    }

    /// Scores summed onto a base are the base plus the scores summed onto zeros, on the
    /// plain path and on the AVX2 one, which agree.
    #[test]
    fn scores_onto_a_base_are_the_base_plus_the_scores() {
        for n_classes in [3, 17, 50, 130] {
            let w = weights(n_classes);
            let base: Vec<i32> = (0..n_classes as i32).map(|c| c * 7919 - 100_000).collect();
            for first in 0..40u64 {
                let features: Vec<u64> = (first..first + 30).map(|f| f * 7 % 211).collect();
                let rows = [w.row(first + 1), w.row(first * 3 + 2), w.row(999)];
                let mut want = base.clone();
                w.score_rows(&rows, &features, &mut want);
                let mut onto = vec![0; n_classes];
                w.score_rows_onto(&base, &rows, &features, &mut onto);
                assert_eq!(onto, want, "{n_classes} classes");
                let mut plain = vec![0; n_classes];
                w.score_plain(&rows, &features, Some(&base), &mut plain);
                assert_eq!(plain, want, "{n_classes} classes, plain");
                let mut plain_add = base.clone();
                w.score_plain(&rows, &features, None, &mut plain_add);
                assert_eq!(plain_add, want, "{n_classes} classes, plain, added");
            }
        }
    }
}
