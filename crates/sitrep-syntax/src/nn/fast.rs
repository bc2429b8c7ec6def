//! The network as it parses: every first-layer contribution looked up ahead.
//!
//! For each slot and each value the slot can hold, the embedding times the slot's slice
//! of the first layer is a vector of hidden size; [`FastNet::new`] computes them all and
//! stores them as `i16`, scaled so that no sum of one row per slot and the bias can
//! overflow. A move's hidden layer is then the bias plus one row per slot (16-bit
//! additions, 16 lanes at a time with AVX2), a ReLU, and the output layer in 8-bit
//! integers ([`super::quantized`]; a net of another class count sums in `f32` over the
//! units the ReLU left on, with weights rounded to half precision).

use super::inputs::{self, folds, slot_table, SentenceValues, Table, FIRST_CHILD, N_SLOTS};
use super::quantized::{self, Quantized};
#[cfg(test)]
use super::quantized::Path;
use super::{table_index, Config, Lookups, Net, NnError};
use crate::parser::{Parse, Parser, State};
use crate::words::WordInfo;
use sitrep_learn::buf::Table as PageTable;

/// A network ready to parse: its weights, lookups and precomputed first-layer rows.
pub struct FastNet {
    /// The shape (the weights themselves are not kept: all a parse needs of them is in
    /// the lookups, the rows and the output layer below).
    config: Config,
    lookups: Lookups,
    /// Hidden size rounded up to a multiple of 16.
    width: usize,
    /// First row of each slot in `rows`, and how many values the slot has.
    slot_start: [usize; N_SLOTS],
    slot_values: [u32; N_SLOTS],
    /// The slots whose rows are looked up: all but those folded into a combination's
    /// rows ([`inputs::folds`]).
    looked_up: [usize; LOOKED_UP],
    /// For each slot looked up (in the order of `looked_up`): the slot, its first row
    /// and its last (`u32::MAX` for a slot without rows). Row `first + v`, at most the
    /// last, is the row of value `v`: one addition and one minimum a slot per move.
    gather: [Gather; LOOKED_UP],
    /// `gather`'s first and last rows by slot, `u32::MAX` for the folded slots (which
    /// have no rows of their own), for [`FastNet::hidden_placed`].
    first_row: [u32; N_SLOTS],
    last_row: [u32; N_SLOTS],
    /// Rows of `width` scaled contributions, on 2 MiB pages where the system allows:
    /// a move reads ~55 rows scattered over ~20 MB, and on 4 KiB pages most of them
    /// also missed the TLB (a two-level page walk under a hypervisor).
    rows: PageTable<Block>,
    /// The scaled first-layer bias.
    bias: Vec<i16>,
    /// Output layer times what one unit of the `i16` rows is worth, rounded to half
    /// precision (kept as `f32`): `width` rows of `stride` (padding is zero).
    w2: Vec<f32>,
    /// Output bias, padded to `stride`.
    b2: Vec<f32>,
    /// Classes rounded up to a multiple of 8.
    stride: usize,
    /// The output layer in 8-bit integers, for nets of [`quantized::CLASSES`] classes
    /// (all the parser's labels); other shapes score with `w2` in `f32`.
    quantized: Option<Quantized>,
    /// Whether the CPU has AVX-512, which gathers the units left on sixteen at a time.
    avx512: bool,
    /// Whether the whole parse runs compiled for AVX-512 (F, BW, VL): sixteen classes an
    /// instruction in the output layer, with the same sums in the same order as AVX2's
    /// eight, so the same scores.
    parse512: bool,
}

/// Nets are the same when what they parse with is: the shape, the words and suffixes,
/// the first layer's rows and bias, the output layer.
impl PartialEq for FastNet {
    fn eq(&self, other: &FastNet) -> bool {
        self.config == other.config && self.lookups == other.lookups && self.rows == other.rows && self.bias == other.bias && self.w2.iter().map(|x| x.to_bits()).eq(other.w2.iter().map(|x| x.to_bits())) && self.b2 == other.b2
    }
}

impl std::fmt::Debug for FastNet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FastNet({:?}, {} rows)", self.config, self.rows.len() * 16 / self.width.max(1))
    }
}

/// Reused buffers for parsing with a [`FastNet`].
#[derive(Debug, Clone)]
pub struct NnScratch {
    values: SentenceValues,
    slots: [u32; N_SLOTS],
    acc: Vec<i16>,
    /// The hidden units the ReLU left on: their values and numbers (with room for a
    /// whole vector past the last).
    on_values: Vec<f32>,
    on_units: Vec<u32>,
    scores: Vec<f32>,
    /// The scores as integers, for choosing the move with vector instructions.
    ints: Vec<i32>,
}

impl Default for NnScratch {
    fn default() -> Self {
        NnScratch { values: SentenceValues::default(), slots: [0; N_SLOTS], acc: Vec::new(), on_values: Vec::new(), on_units: Vec::new(), scores: Vec::new(), ints: Vec::new() }
    }
}

impl FastNet {
    /// Precompute the rows of `net`.
    pub fn new(net: Net) -> Result<FastNet, NnError> {
        net.check()?;
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
        let (rows, bias, scale, looked_up) = first_layer_rows(&net, &offsets, &slot_start, &slot_values, total, width)?;
        let classes = c.classes();
        let stride = classes.div_ceil(8) * 8;
        let mut w2 = vec![0f32; width * stride];
        for j in 0..h {
            for k in 0..classes {
                w2[j * stride + k] = net.w2[j * classes + k] / scale;
            }
        }
        let mut b2 = net.b2.clone();
        b2.resize(stride, 0.0);
        let lookups = net.lookups();
        let half: Vec<f32> = w2.iter().map(|&x| f16_value(f16_bits(x))).collect();
        let avx512 = avx512_detected();
        let parse512 = avx512 && parse512_detected();
        let mut gather = [Gather::default(); LOOKED_UP];
        for (g, &k) in gather.iter_mut().zip(&looked_up) {
            let first = u32::try_from(slot_start[k]).map_err(|_| NnError("too many first-layer rows".into()))?;
            let last = if slot_values[k] == 0 { u32::MAX } else { first.checked_add(slot_values[k] - 1).ok_or_else(|| NnError("too many first-layer rows".into()))? };
            *g = Gather { slot: k as u32, first, last };
        }
        let quantized = if stride == quantized::CLASSES { Quantized::new(&w2, &b2, width, quantized::shift_for(sampled_sums(&rows, &gather, &bias))) } else { None };
        let (mut first_row, mut last_row) = ([u32::MAX; N_SLOTS], [u32::MAX; N_SLOTS]);
        for g in &gather {
            first_row[g.slot as usize] = g.first;
            last_row[g.slot as usize] = g.last;
        }
        Ok(FastNet { config: c, lookups, width, slot_start, slot_values, looked_up, gather, first_row, last_row, rows, bias, w2: half, b2, stride, quantized, avx512, parse512 })
    }

    /// The scores of every class for slot values `slots` into `scratch.scores` (padded
    /// to a multiple of 8 with zeros).
    #[inline]
    pub fn score(&self, slots: &[u32; N_SLOTS], scratch: &mut NnScratch) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") && std::arch::is_x86_feature_detected!("f16c") {
            // SAFETY: the CPU has just been found to support AVX2, FMA and F16C.
            unsafe { self.score_avx2(slots, scratch) };
            return;
        }
        self.score_with::<false>(Input::Slots(slots), scratch);
    }

    /// The scores of the classes in `scratch` after [`FastNet::score`].
    pub fn scores<'a>(&self, scratch: &'a NnScratch) -> &'a [f32] {
        &scratch.scores[..self.config.classes().min(scratch.scores.len())]
    }

    /// [`FastNet::score`] compiled for AVX2, FMA and F16C.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma,f16c")]
    unsafe fn score_avx2(&self, slots: &[u32; N_SLOTS], scratch: &mut NnScratch) {
        self.score_with::<true>(Input::Slots(slots), scratch)
    }

    /// The scores, the `f32` output layer (a net of another class count) with fused
    /// multiply-adds when `FMA`.
    #[inline(always)]
    fn score_with<const FMA: bool>(&self, input: Input, scratch: &mut NnScratch) {
        scratch.acc.resize(self.width, 0);
        // Room for the 8-bit output layer's seven lines of sixteen.
        scratch.scores.resize(self.stride.max(quantized::PADDED), 0.0);
        match input {
            Input::Slots(slots) => match self.width / 16 {
                4 => self.hidden::<4>(slots, &mut scratch.acc),
                5 => self.hidden::<5>(slots, &mut scratch.acc),
                6 => self.hidden::<6>(slots, &mut scratch.acc),
                8 => self.hidden::<8>(slots, &mut scratch.acc),
                _ => self.hidden_any(slots, &mut scratch.acc),
            },
            Input::State(st, tags) => match self.width / 16 {
                4 => self.hidden_placed::<4>(st, &scratch.values, tags, &mut scratch.acc),
                5 => self.hidden_placed::<5>(st, &scratch.values, tags, &mut scratch.acc),
                6 => self.hidden_placed::<6>(st, &scratch.values, tags, &mut scratch.acc),
                8 => self.hidden_placed::<8>(st, &scratch.values, tags, &mut scratch.acc),
                _ => {
                    let mut slots = scratch.slots;
                    inputs::fill_placed(st, &scratch.values, tags, self.config.sizes, self.config.child_words, &mut slots);
                    self.hidden_any(&slots, &mut scratch.acc)
                }
            },
        }
        if let Some(q) = &self.quantized {
            q.scores(&scratch.acc, &mut scratch.scores[..quantized::PADDED]);
            return;
        }
        scratch.on_values.resize(self.width + 16, 0.0);
        scratch.on_units.resize(self.width + 16, 0);
        let n = units_on(&scratch.acc, &mut scratch.on_values, &mut scratch.on_units, self.avx512);
        let on = (&scratch.on_values[..n], &scratch.on_units[..n]);
        let scores = &mut scratch.scores[..];
        match self.stride {
            104 => return self.output::<104, FMA>(on, 0, scores),
            96 => return self.output::<96, FMA>(on, 0, scores),
            _ => {}
        }
        let mut at = 0;
        while at + 32 <= self.stride {
            self.output::<32, FMA>(on, at, scores);
            at += 32;
        }
        while at < self.stride {
            self.output::<8, FMA>(on, at, scores);
            at += 8;
        }
    }

    /// The first layer's sums for a hidden size of `V` × 16, kept in registers.
    #[inline(always)]
    fn hidden<const V: usize>(&self, slots: &[u32; N_SLOTS], out: &mut [i16]) {
        let mut acc = [[0i16; 16]; V];
        for (g, a) in acc.iter_mut().enumerate() {
            a.copy_from_slice(&self.bias[g * 16..(g + 1) * 16]);
        }
        // Every row's place first, with a prefetch, so that the memory system fetches
        // the rows side by side while the sums wait for the first.
        // Rows are counted in blocks of 16 units, `V` to a row.
        let rows = self.rows[..].as_chunks::<V>().0;
        let zero = [[0i16; 16]; V];
        let mut picked = [&zero; LOOKED_UP];
        for (row, g) in picked.iter_mut().zip(&self.gather) {
            let v = slots.get(g.slot as usize).copied().unwrap_or(0);
            *row = rows.get(g.first.saturating_add(v).min(g.last) as usize).unwrap_or(&zero);
            prefetch(&row[..]);
        }
        for row in picked {
            for (a, r) in acc.iter_mut().zip(row) {
                for i in 0..16 {
                    a[i] = a[i].wrapping_add(r[i]);
                }
            }
        }
        for (g, a) in acc.iter().enumerate() {
            out[g * 16..(g + 1) * 16].copy_from_slice(a);
        }
    }

    /// [`FastNet::hidden`] for the slots of state `st`, each slot's row chosen and
    /// fetched as soon as [`inputs::fill_placed_into`] finds its value, so that the
    /// memory system fetches the first rows while the later slots are being filled.
    #[inline(always)]
    fn hidden_placed<const V: usize>(&self, st: &State, values: &SentenceValues, tags: &[u8], out: &mut [i16]) {
        let zero = [[0i16; 16]; V];
        let mut sink = Gathering { rows: self.rows[..].as_chunks::<V>().0, first: &self.first_row, last: &self.last_row, picked: [&zero; N_SLOTS] };
        inputs::fill_placed_into(st, values, tags, self.config.sizes, self.config.child_words, &mut sink);
        let mut acc = [[0i16; 16]; V];
        for (g, a) in acc.iter_mut().enumerate() {
            a.copy_from_slice(&self.bias[g * 16..(g + 1) * 16]);
        }
        for &k in &self.looked_up {
            let row = sink.picked.get(k).copied().unwrap_or(&zero);
            for (a, r) in acc.iter_mut().zip(row) {
                for i in 0..16 {
                    a[i] = a[i].wrapping_add(r[i]);
                }
            }
        }
        for (g, a) in acc.iter().enumerate() {
            out[g * 16..(g + 1) * 16].copy_from_slice(a);
        }
    }

    /// The first layer's sums for any hidden size.
    fn hidden_any(&self, slots: &[u32; N_SLOTS], out: &mut [i16]) {
        let w = self.width;
        out.copy_from_slice(&self.bias);
        let rows = self.rows.as_flattened();
        for &k in &self.looked_up {
            let at = (self.slot_start[k] + slots[k].min(self.slot_values[k] - 1) as usize) * w;
            out.iter_mut().zip(&rows[at..at + w]).for_each(|(a, &r)| *a = a.wrapping_add(r));
        }
    }

    /// Scores of classes `at..at + L` from the hidden units that are on, summed in
    /// registers.
    #[inline(always)]
    fn output<const L: usize, const FMA: bool>(&self, on: (&[f32], &[u32]), at: usize, scores: &mut [f32]) {
        let mut acc = [0f32; L];
        acc.copy_from_slice(&self.b2[at..at + L]);
        for (&x, &j) in on.0.iter().zip(on.1) {
            let row = &self.w2[j as usize * self.stride + at..][..L];
            for i in 0..L {
                acc[i] = if FMA { x.mul_add(row[i], acc[i]) } else { acc[i] + x * row[i] };
            }
        }
        scores[at..at + L].copy_from_slice(&acc);
    }

    /// Parse one tagged sentence into `out`, with `parser`'s labels.
    pub fn parse(&self, parser: &Parser, words: &[WordInfo], tags: &[u8], st: &mut State, scratch: &mut NnScratch, out: &mut Parse) {
        #[cfg(target_arch = "x86_64")]
        if self.parse512 {
            // SAFETY: `parse512` is set only when the CPU has AVX2, FMA, F16C and
            // AVX-512 F, BW and VL.
            unsafe { self.parse_avx512(parser, words, tags, st, scratch, out) };
            return;
        }
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") && std::arch::is_x86_feature_detected!("f16c") {
            // SAFETY: the CPU has just been found to support AVX2, FMA and F16C.
            unsafe { self.parse_avx2(parser, words, tags, st, scratch, out) };
            return;
        }
        self.parse_with::<false>(parser, words, tags, st, scratch, out);
    }

    /// [`FastNet::parse_avx2`] compiled for AVX-512 too: the same parses as the AVX2
    /// path (the first layer's sums in 512-bit registers were slower on an AVX-512 Xeon,
    /// and are left to the compiler, which keeps them in 256 bits).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma,f16c,avx512f,avx512bw,avx512vl")]
    unsafe fn parse_avx512(&self, parser: &Parser, words: &[WordInfo], tags: &[u8], st: &mut State, scratch: &mut NnScratch, out: &mut Parse) {
        self.parse_with::<true>(parser, words, tags, st, scratch, out);
    }

    /// [`FastNet::parse`] compiled for AVX2 and FMA as a whole: the scores of every move
    /// become integers eight at a time (Rust's saturating conversion, one by one
    /// without AVX2, was most of the parse loop's own time), and the slots are filled
    /// and the best move chosen with vector instructions too.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma,f16c")]
    unsafe fn parse_avx2(&self, parser: &Parser, words: &[WordInfo], tags: &[u8], st: &mut State, scratch: &mut NnScratch, out: &mut Parse) {
        self.parse_with::<true>(parser, words, tags, st, scratch, out);
    }

    /// [`FastNet::parse`], its scores made by `score_with::<FMA>`.
    #[inline(always)]
    fn parse_with<const FMA: bool>(&self, parser: &Parser, words: &[WordInfo], tags: &[u8], st: &mut State, scratch: &mut NnScratch, out: &mut Parse) {
        let n = words.len();
        let n_labels = parser.labels.len();
        let root_label = parser.labels.iter().position(|l| *l == "root").unwrap_or(0);
        self.lookups.sentence(words, &mut scratch.values);
        let sizes = self.config.sizes;
        scratch.values.place(tags, sizes);
        st.start(n);
        while !st.done() {
            // A move that is the only one allowed needs no scores: the first shift, a
            // shift onto an empty stack, the root arc at the end.
            if st.stack.is_empty() {
                st.apply(0, n_labels);
                continue;
            }
            if st.b0 >= st.n && st.stack.len() == 1 {
                st.apply(1 + root_label, n_labels);
                continue;
            }
            self.score_with::<FMA>(Input::State(st, tags), scratch);
            // Scores become integers with 20 fractional bits, so that the perceptron's
            // vectorised choice of the best valid move serves.
            // The padding's scores past the classes are converted too (and not read), so
            // that all go eight at a time.
            let classes = (1 + 2 * n_labels).min(scratch.scores.len());
            let padded = classes.div_ceil(8) * 8;
            let scores = &scratch.scores[..padded.min(scratch.scores.len())];
            scratch.ints.resize(scores.len(), 0);
            #[cfg(target_arch = "x86_64")]
            if FMA {
                // SAFETY: FMA is only set on the AVX2 + FMA path.
                unsafe { fixed_point_avx2(scores, &mut scratch.ints) };
            } else {
                fixed_point(scores, &mut scratch.ints);
            }
            #[cfg(not(target_arch = "x86_64"))]
            fixed_point(scores, &mut scratch.ints);
            let best = crate::parser::best_valid(st, &scratch.ints[..classes], n_labels, root_label);
            if best == usize::MAX {
                break; // cannot happen: some move is always valid until done
            }
            st.apply(best, n_labels);
        }
        st.write_parse(n, root_label, out);
    }
}

/// The first layer's sums (bias plus one row of every slot looked up, as a move adds
/// them) for 512 draws of a random value per slot, from a fixed seed: what
/// [`quantized::shift_for`] fits the output layer's bytes to.
fn sampled_sums<'a>(rows: &'a PageTable<Block>, gather: &'a [Gather; LOOKED_UP], bias: &'a [i16]) -> impl Iterator<Item = i16> + 'a {
    let width = bias.len();
    let flat = rows.as_flattened();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    (0..512).flat_map(move |_| {
        let mut acc = bias.to_vec();
        for g in gather {
            if g.last == u32::MAX {
                continue;
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let row = g.first as u64 + seed % (g.last - g.first + 1) as u64;
            if let Some(r) = flat.get(row as usize * width..(row as usize + 1) * width) {
                acc.iter_mut().zip(r).for_each(|(a, &x)| *a = a.wrapping_add(x));
            }
        }
        acc
    })
}

/// The slots whose rows a move looks up: all but those `folded` into a combination's
/// rows. [`first_layer_rows`] adds the rows of each folded slot into the rows of the
/// combination slot that holds its value (row `v` of the combination gets the folded
/// slot's row for `v / divisor % modulus`), so that a move need not look them up. The
/// sums are those of looking every slot up: `i16` addition wraps, so it is associative,
/// and the bound that sized the scale holds for any part of a sum.
fn fold_slots(folded: &[inputs::Fold]) -> [usize; LOOKED_UP] {
    let mut looked_up = [0; LOOKED_UP];
    for (place, k) in looked_up.iter_mut().zip((0..N_SLOTS).filter(|k| folded.iter().all(|f| f.slot != *k))) {
        *place = k;
    }
    looked_up
}

/// Whether the CPU has the AVX-512 instructions [`units_on`] uses.
fn avx512_detected() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::arch::is_x86_feature_detected!("avx512f");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Whether the CPU has what [`FastNet::parse_avx512`] is compiled for (besides
/// AVX-512F): AVX2, FMA, F16C, AVX-512 BW and VL. `SITREP_NO_AVX512` set to anything
/// turns the path off (to compare the two).
pub(super) fn parse512_detected() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::env::var_os("SITREP_NO_AVX512").is_none()
        && std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("fma")
        && std::arch::is_x86_feature_detected!("f16c")
        && std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512bw")
        && std::arch::is_x86_feature_detected!("avx512vl");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// The hidden units the ReLU leaves on (`acc` above zero): their values into `values`
/// and their numbers into `units`, in order; how many. Both buffers have room for 16
/// more than `acc`.
///
/// Half the units are on, at random, so a branch per unit would be mispredicted every
/// other unit: without AVX-512 each unit is written and the count moves only past those
/// on; with it, sixteen units are compared and the ones on packed together at once.
#[inline(always)]
fn units_on(acc: &[i16], values: &mut [f32], units: &mut [u32], avx512: bool) -> usize {
    assert!(values.len() >= acc.len() + 16 && units.len() >= acc.len() + 16 && acc.len() % 16 == 0);
    #[cfg(target_arch = "x86_64")]
    if avx512 {
        // SAFETY: `avx512` is only set when the CPU has AVX-512F; the buffers' sizes are
        // checked above.
        return unsafe { units_on_avx512(acc, values, units) };
    }
    let _ = avx512;
    let mut n = 0;
    for (j, &a) in acc.iter().enumerate() {
        values[n] = a as f32;
        units[n] = j as u32;
        n += (a > 0) as usize;
    }
    n
}

/// [`units_on`] with AVX-512: each block of sixteen units widened to `i32`, compared
/// with zero, and the values and numbers of those on compressed into the front of a
/// vector stored whole (the slack after the last is overwritten by the next block).
///
/// # Safety
/// The CPU must have AVX-512F; `values` and `units` must hold `acc.len() + 16` and
/// `acc.len()` must be a multiple of 16.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn units_on_avx512(acc: &[i16], values: &mut [f32], units: &mut [u32]) -> usize {
    use std::arch::x86_64::*;
    let mut n = 0;
    let mut numbers = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    for block in acc.chunks_exact(16) {
        let wide = _mm512_cvtepi16_epi32(_mm256_loadu_si256(block.as_ptr() as *const __m256i));
        let on = _mm512_cmpgt_epi32_mask(wide, _mm512_setzero_si512());
        _mm512_storeu_ps(values.as_mut_ptr().add(n), _mm512_maskz_compress_ps(on, _mm512_cvtepi32_ps(wide)));
        _mm512_storeu_si512(units.as_mut_ptr().add(n) as *mut __m512i, _mm512_maskz_compress_epi32(on, numbers));
        n += on.count_ones() as usize;
        numbers = _mm512_add_epi32(numbers, _mm512_set1_epi32(16));
    }
    n
}

/// What a score is multiplied by to become an integer: 20 fractional bits.
const FIXED: f32 = (1 << 20) as f32;

/// `scores` as integers into `out`: times [`FIXED`], toward zero, saturating, NaN 0 (as
/// Rust's `as i32` converts).
#[inline(always)]
fn fixed_point(scores: &[f32], out: &mut [i32]) {
    for (o, &s) in out.iter_mut().zip(scores) {
        *o = (s * FIXED) as i32;
    }
}

/// [`fixed_point`] eight scores an instruction: the compiler converts one at a time,
/// with two comparisons each for the saturation (≈ 8 % of the parse's time). The
/// hardware's conversion gives `i32::MIN` for anything out of range or NaN: right for
/// values below the range; flipped to `i32::MAX` above it; made 0 for NaN.
///
/// # Safety
/// The CPU must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn fixed_point_avx2(scores: &[f32], out: &mut [i32]) {
    use std::arch::x86_64::*;
    let n = scores.len().min(out.len());
    let whole = n / 8 * 8;
    let (scale, top) = (_mm256_set1_ps(FIXED), _mm256_set1_ps(2_147_483_648.0));
    for i in (0..whole).step_by(8) {
        // SAFETY: `i + 8 <= whole <= n`, within both slices.
        let x = _mm256_mul_ps(_mm256_loadu_ps(scores.as_ptr().add(i)), scale);
        let t = _mm256_cvttps_epi32(x);
        let high = _mm256_castps_si256(_mm256_cmp_ps::<_CMP_GE_OQ>(x, top));
        let nan = _mm256_castps_si256(_mm256_cmp_ps::<_CMP_UNORD_Q>(x, x));
        _mm256_storeu_si256(out.as_mut_ptr().add(i) as *mut __m256i, _mm256_andnot_si256(nan, _mm256_xor_si256(t, high)));
    }
    fixed_point(&scores[whole..n], &mut out[whole..n]);
}

/// How many slots' rows a move looks up: the folded ones are inside others' rows.
const LOOKED_UP: usize = N_SLOTS - inputs::N_FOLDS;

/// The first layer's rows of every (slot, value) as `i16`, the scaled bias, the scale,
/// and the slots still looked up once the folded ones are added into their
/// combinations' rows ([`fold_slots`]): every row is the exact contribution times the
/// scale, rounded.
///
/// Each row is made once (making every row a second time instead cost ≈ 520 M
/// instructions), kept exact in its slot's buffer until the scale is known, then
/// rounded into the table row by row, each slot's buffer given back once its rows are
/// in: the table grows as the buffers, twice its size, are freed, so that the two are
/// never whole at once.
fn first_layer_rows(net: &Net, offsets: &[usize; N_SLOTS], slot_start: &[usize; N_SLOTS], slot_values: &[u32; N_SLOTS], total: usize, width: usize) -> Rows {
    let h = net.config.hidden;
    let len = total.checked_mul(width).filter(|n| n.checked_mul(4).is_some()).ok_or_else(|| NnError("the first layer's rows overflow".into()))?;
    // The table holds the slots' rows one slot after another, in slot order.
    debug_assert!((0..N_SLOTS).all(|k| slot_start[k] == slot_values[..k].iter().map(|&n| n as usize).sum::<usize>()));
    let mut exact: Vec<Vec<f32>> = Vec::with_capacity(N_SLOTS);
    let mut bound: Vec<f32> = net.b1.iter().map(|b| b.abs()).chain(std::iter::repeat(0.0)).take(width).collect();
    for k in 0..N_SLOTS {
        let mut rows = vec![0f32; slot_values[k] as usize * h];
        let mut largest = vec![0f32; width];
        for (v, row) in rows.chunks_exact_mut(h.max(1)).enumerate() {
            slot_row(net, offsets, k, v, row);
            largest.iter_mut().zip(row.iter()).for_each(|(m, x)| *m = m.max(x.abs()));
        }
        bound.iter_mut().zip(&largest).for_each(|(b, m)| *b += m);
        exact.push(rows);
    }
    let top = bound.iter().copied().fold(0.0f32, f32::max);
    if !top.is_finite() {
        return Err(NnError("the first layer's sums are not finite".into()));
    }
    let scale = if top > 0.0 { 32000.0 / top } else { 1.0 };
    let folded = folds(net.config.sizes);
    let looked_up = fold_slots(&folded);
    // The table's values in order: slot `k`'s row `v` is rounded into `row` when its
    // first value is asked for, with the rows of the slots folded into it added.
    let (mut row, mut part) = (vec![0i16; width], vec![0i16; width]);
    let (mut k, mut v, mut u) = (0, 0, width);
    let rows = PageTable::from_fn(len / 16, |_| {
        if u == width {
            while k < N_SLOTS && v >= slot_values[k] as usize {
                if folded.iter().all(|f| f.slot != k) {
                    exact[k] = Vec::new();
                }
                (k, v) = (k + 1, 0);
            }
            round_row(exact.get(k).and_then(|e| e.get(v * h..(v + 1) * h)), scale, &mut row);
            for f in folded.iter().filter(|f| f.into == k) {
                let w = (v as u32 / f.divisor % f.modulus).min(slot_values[f.slot].saturating_sub(1)) as usize;
                round_row(exact.get(f.slot).and_then(|e| e.get(w * h..(w + 1) * h)), scale, &mut part);
                row.iter_mut().zip(&part).for_each(|(a, &b)| *a = a.wrapping_add(b));
            }
            (v, u) = (v + 1, 0);
        }
        let mut block = [0; 16];
        block.copy_from_slice(&row[u..u + 16]);
        u += 16;
        block
    });
    let bias = net.b1.iter().map(|&x| quantize(x, scale)).chain(std::iter::repeat(0)).take(width).collect();
    Ok((rows, bias, scale, looked_up))
}

/// `exact` rounded into `out` as [`quantize_row`] does; zeros when there is no row.
fn round_row(exact: Option<&[f32]>, scale: f32, out: &mut [i16]) {
    match exact {
        Some(x) => quantize_row(x, scale, out),
        None => out.fill(0),
    }
}

/// Sixteen units of a row: the table holds whole blocks (the width is a multiple of 16)
/// so that it is written a block, not a value, at a time.
type Block = [i16; 16];

/// What a move is scored from: its slots' values, or the state they are filled from.
#[derive(Clone, Copy)]
enum Input<'a> {
    Slots(&'a [u32; N_SLOTS]),
    /// The state and the sentence's tags (its values are in the scratch).
    State(&'a State, &'a [u8]),
}

/// Slot values from [`inputs::fill_placed_into`] made rows: each looked-up slot's row
/// found (as [`FastNet::hidden`] finds it) and fetched at once.
struct Gathering<'a, const V: usize> {
    rows: &'a [[Block; V]],
    first: &'a [u32; N_SLOTS],
    last: &'a [u32; N_SLOTS],
    /// The row of each slot (the zero row for the folded slots).
    picked: [&'a [Block; V]; N_SLOTS],
}

impl<const V: usize> inputs::SlotSink for Gathering<'_, V> {
    #[inline(always)]
    fn put(&mut self, k: usize, v: u32) {
        if let (Some(&first), Some(&last), Some(p)) = (self.first.get(k), self.last.get(k), self.picked.get_mut(k)) {
            if let Some(row) = self.rows.get(first.saturating_add(v).min(last) as usize) {
                *p = row;
                prefetch(&row[..]);
            }
        }
    }
}

/// Where a looked-up slot's rows are: see [`FastNet::gather`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Gather {
    slot: u32,
    first: u32,
    last: u32,
}


/// The rows, their bias, their scale and the slots looked up, or why they cannot be made.
type Rows = Result<(PageTable<Block>, Vec<i16>, f32, [usize; LOOKED_UP]), NnError>;

/// `x` times `scale`, rounded to an `i16` row value.
#[inline(always)]
fn quantize(x: f32, scale: f32) -> i16 {
    round(x * scale).clamp(-32767.0, 32767.0) as i16
}

/// `x` rounded half away from zero, as [`f32::round`], but without a call into the C
/// library for each of the millions of weights rounded at load.
#[inline(always)]
fn round(x: f32) -> f32 {
    let t = x.trunc();
    if (x - t).abs() >= 0.5 {
        t + 1f32.copysign(x)
    } else {
        t
    }
}

/// The exact first-layer contribution of value `v` in slot `k` into `exact` (hidden
/// size).
fn slot_row(net: &Net, offsets: &[usize; N_SLOTS], k: usize, v: usize, exact: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has just been found to support AVX-512F.
        unsafe { slot_row_avx512(net, offsets, k, v, exact) };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been found to support AVX2.
        unsafe { slot_row_avx2(net, offsets, k, v, exact) };
        return;
    }
    slot_row_with(net, offsets, k, v, exact);
}

/// [`slot_row`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn slot_row_avx2(net: &Net, offsets: &[usize; N_SLOTS], k: usize, v: usize, exact: &mut [f32]) {
    slot_row_with(net, offsets, k, v, exact);
}

/// [`slot_row`] with AVX-512: see [`contribution_avx512`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn slot_row_avx512(net: &Net, offsets: &[usize; N_SLOTS], k: usize, v: usize, exact: &mut [f32]) {
    let (embedding, w1) = slot_inputs(net, offsets, k, v);
    contribution_avx512(embedding, w1, exact);
}

#[inline(always)]
fn slot_row_with(net: &Net, offsets: &[usize; N_SLOTS], k: usize, v: usize, exact: &mut [f32]) {
    let (embedding, w1) = slot_inputs(net, offsets, k, v);
    contribution(embedding, w1, exact);
}

/// The embedding of value `v` in slot `k`, and the slot's rows of the first layer.
#[inline(always)]
fn slot_inputs<'a>(net: &'a Net, offsets: &[usize; N_SLOTS], k: usize, v: usize) -> (&'a [f32], &'a [f32]) {
    let (c, h) = (net.config, net.config.hidden);
    let t = slot_table(k);
    let d = c.dim(t);
    let table = &net.tables[table_index(t)];
    (&table[v * d..(v + 1) * d], &net.w1[offsets[k] * h..(offsets[k] + d) * h])
}

/// `exact` times `scale`, rounded into `out` (zeros past the hidden size).
fn quantize_row(exact: &[f32], scale: f32, out: &mut [i16]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been found to support AVX2.
        unsafe { quantize_row_avx2(exact, scale, out) };
        return;
    }
    quantize_row_with(exact, scale, out);
}

/// [`quantize_row`] eight values an instruction with AVX2: the steps of [`quantize`]
/// (product, truncation, a step away from zero when the rest is a half or more, the
/// clamp, NaN to 0), each exact or rounded as the scalar one is, so the same values.
/// The compiler, left to itself, converts to `i16` one value at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn quantize_row_avx2(exact: &[f32], scale: f32, out: &mut [i16]) {
    use std::arch::x86_64::*;
    let h = exact.len().min(out.len());
    let n = h / 8 * 8;
    let s = _mm256_set1_ps(scale);
    let sign = _mm256_set1_ps(-0.0);
    let (half, one) = (_mm256_set1_ps(0.5), _mm256_set1_ps(1.0));
    let (low, high) = (_mm256_set1_ps(-32767.0), _mm256_set1_ps(32767.0));
    for i in (0..n).step_by(8) {
        // SAFETY: `i + 8 <= n <= h`, within both `exact` and `out`.
        let x = _mm256_mul_ps(_mm256_loadu_ps(exact.as_ptr().add(i)), s);
        let t = _mm256_round_ps::<{ _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC }>(x);
        let rest = _mm256_andnot_ps(sign, _mm256_sub_ps(x, t));
        // Ordered: a NaN rest (x infinite or NaN) is not a half or more, as in `round`.
        let up = _mm256_cmp_ps::<_CMP_GE_OQ>(rest, half);
        let away = _mm256_add_ps(t, _mm256_or_ps(_mm256_and_ps(x, sign), one));
        let r = _mm256_blendv_ps(t, away, up);
        // Clamped (whole numbers within `i16`, so converted exactly), NaN made 0 as the
        // cast makes it.
        let c = _mm256_min_ps(_mm256_max_ps(r, low), high);
        let nan = _mm256_castps_si256(_mm256_cmp_ps::<_CMP_UNORD_Q>(r, r));
        let v = _mm256_andnot_si256(nan, _mm256_cvttps_epi32(c));
        let packed = _mm_packs_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256::<1>(v));
        _mm_storeu_si128(out.as_mut_ptr().add(i) as *mut __m128i, packed);
    }
    quantize_row_with(&exact[n..h], scale, &mut out[n..]);
}

#[inline(always)]
fn quantize_row_with(exact: &[f32], scale: f32, out: &mut [i16]) {
    // The rounding in a plain loop of its own, which the compiler turns into vector
    // instructions.
    for (o, &x) in out.iter_mut().zip(exact) {
        *o = quantize(x, scale);
    }
    let h = exact.len().min(out.len());
    out[h..].fill(0);
}

/// Ask for the cache lines of `row` ahead of use.
#[inline(always)]
fn prefetch<T>(row: &[T]) {
    #[cfg(target_arch = "x86_64")]
    for at in (0..std::mem::size_of_val(row)).step_by(64) {
        // SAFETY: prefetching has no effect on memory or program state; the address is
        // inside a live slice.
        unsafe { std::arch::x86_64::_mm_prefetch((row.as_ptr() as *const i8).wrapping_add(at), std::arch::x86_64::_MM_HINT_T0) };
    }
}

/// `out` = `embedding` times the first-layer rows `w1` (one per embedding entry): each
/// unit summed in entry order, a product then a sum (no fused multiply-add), in blocks
/// of units whose sums stay in registers (96: twelve independent sums, enough to hide
/// the latency of the additions).
#[inline(always)]
fn contribution(embedding: &[f32], w1: &[f32], out: &mut [f32]) {
    let h = out.len();
    let mut at = 0;
    while at + 96 <= h {
        contribution_block::<96>(embedding, w1, at, out);
        at += 96;
    }
    while at + 32 <= h {
        contribution_block::<32>(embedding, w1, at, out);
        at += 32;
    }
    while at + 8 <= h {
        contribution_block::<8>(embedding, w1, at, out);
        at += 8;
    }
    while at < h {
        contribution_block::<1>(embedding, w1, at, out);
        at += 1;
    }
}

/// [`contribution`] sixteen units an instruction (96 at a time in six registers, then
/// sixteen, then one by one): for each unit the same products and sums in the same
/// order, each rounded alike (no fused multiply-add), so the same values.
///
/// # Safety
/// The CPU must have AVX-512F.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn contribution_avx512(embedding: &[f32], w1: &[f32], out: &mut [f32]) {
    let h = out.len();
    assert!(w1.len() >= embedding.len() * h);
    let mut at = 0;
    while at + 96 <= h {
        contribution_block512::<6>(embedding, w1, at, out);
        at += 96;
    }
    while at + 16 <= h {
        contribution_block512::<1>(embedding, w1, at, out);
        at += 16;
    }
    while at < h {
        contribution_block::<1>(embedding, w1, at, out);
        at += 1;
    }
}

/// Units `at..at + 16 * V` of [`contribution_avx512`].
///
/// # Safety
/// The CPU must have AVX-512F; `at + 16 * V <= out.len()` and `w1` holds
/// `embedding.len()` rows of `out.len()`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn contribution_block512<const V: usize>(embedding: &[f32], w1: &[f32], at: usize, out: &mut [f32]) {
    use std::arch::x86_64::*;
    let h = out.len();
    let mut acc = [_mm512_setzero_ps(); V];
    for (i, &e) in embedding.iter().enumerate() {
        let x = _mm512_set1_ps(e);
        let w = w1.as_ptr().add(i * h + at);
        for (g, a) in acc.iter_mut().enumerate() {
            *a = _mm512_add_ps(*a, _mm512_mul_ps(x, _mm512_loadu_ps(w.add(g * 16))));
        }
    }
    for (g, a) in acc.iter().enumerate() {
        _mm512_storeu_ps(out.as_mut_ptr().add(at + g * 16), *a);
    }
}

/// Units `at..at + B` of [`contribution`].
#[inline(always)]
fn contribution_block<const B: usize>(embedding: &[f32], w1: &[f32], at: usize, out: &mut [f32]) {
    let h = out.len();
    let mut acc = [0f32; B];
    for (i, &e) in embedding.iter().enumerate() {
        let w = &w1[i * h + at..][..B];
        for j in 0..B {
            acc[j] += e * w[j];
        }
    }
    out[at..at + B].copy_from_slice(&acc);
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

#[cfg(test)]
mod round_tests {
    use super::*;

    /// The rows made in two passes, straight into their lines, are those of the plain
    /// reading: every contribution exact in one buffer, then scaled and rounded, then
    /// the folded slots' rows added into their combinations' rows.
    #[test]
    fn rows_are_the_exact_contributions_rounded() {
        let net = crate::nn::tests::random_net(&crate::nn::tests::SENTENCES, 7);
        let fast = FastNet::new(net.clone()).expect("tables");
        let (c, h, width) = (net.config, net.config.hidden, fast.width);
        let (offsets, _) = c.input_offsets();
        let total = fast.rows.len() * 16 / width;
        let mut exact = vec![0f32; total * width];
        let mut bound: Vec<f32> = net.b1.iter().map(|b| b.abs()).chain(std::iter::repeat(0.0)).take(width).collect();
        for k in 0..N_SLOTS {
            let t = slot_table(k);
            let d = c.dim(t);
            let table = &net.tables[table_index(t)];
            let mut largest = vec![0f32; width];
            for v in 0..fast.slot_values[k] as usize {
                let row = &mut exact[(fast.slot_start[k] + v) * width..][..h];
                for (i, &e) in table[v * d..(v + 1) * d].iter().enumerate() {
                    for (u, o) in row.iter_mut().enumerate() {
                        *o += e * net.w1[(offsets[k] + i) * h + u];
                    }
                }
                largest.iter_mut().zip(row.iter()).for_each(|(m, x)| *m = m.max(x.abs()));
            }
            bound.iter_mut().zip(&largest).for_each(|(b, m)| *b += m);
        }
        let top = bound.iter().copied().fold(0.0f32, f32::max);
        let scale = 32000.0 / top;
        let quantize = |x: f32| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
        let mut expected: Vec<i16> = exact.iter().map(|&x| quantize(x)).collect();
        // The folded slots' rows are inside their combinations' rows.
        for f in folds(c.sizes) {
            for v in 0..fast.slot_values[f.into] as usize {
                let from = fast.slot_start[f.slot] + (v as u32 / f.divisor % f.modulus) as usize;
                let to = fast.slot_start[f.into] + v;
                for i in 0..width {
                    expected[to * width + i] = expected[to * width + i].wrapping_add(expected[from * width + i]);
                }
            }
        }
        assert!(expected.iter().copied().eq(fast.rows.as_flattened().iter().copied()));
        assert_eq!(fast.looked_up.len() + inputs::N_FOLDS, N_SLOTS);
        assert!(net.b1.iter().map(|&x| quantize(x)).chain(std::iter::repeat(0)).take(width).eq(fast.bias.iter().copied()));
    }

    /// The first layer's contributions are the same with AVX-512 as without, to the
    /// bit, for hidden sizes that are and are not multiples of 96 and of 16.
    #[test]
    fn contributions_alike_with_any_instructions() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            f32::from_bits(seed as u32 & 0x83ff_ffff | 0x3c00_0000)
        };
        for (d, h) in [(64usize, 96usize), (24, 96), (7, 200), (5, 16), (3, 37), (1, 5)] {
            let embedding: Vec<f32> = (0..d).map(|_| next()).collect();
            let w1: Vec<f32> = (0..d * h).map(|_| next()).collect();
            let mut plain = vec![0f32; h];
            super::contribution(&embedding, &w1, &mut plain);
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx512f") {
                let mut fast = vec![0f32; h];
                // SAFETY: the CPU has just been found to support AVX-512F.
                unsafe { super::contribution_avx512(&embedding, &w1, &mut fast) };
                assert!(plain.iter().zip(&fast).all(|(a, b)| a.to_bits() == b.to_bits()), "{d} x {h}");
            }
        }
    }

    /// Rows are rounded alike with and without AVX2: halves, the clamp, signed zeros,
    /// infinities and NaN, and lengths that are not a multiple of eight.
    #[test]
    fn rows_round_alike_with_any_instructions() {
        let mut xs = vec![0.0f32, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 0.49999997, -0.49999997, 32766.5, -32766.5, 32767.4, 40000.0, -40000.0, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, -f32::NAN, 1e30, -1e30, 8388607.5, 16777216.0];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..5000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            xs.push(f32::from_bits(seed as u32 & 0x87ff_ffff | 0x3000_0000) * if seed >> 40 & 1 == 1 { 300.0 } else { 1.0 });
        }
        for scale in [1.0f32, 0.37, 3.0, 1e-3] {
            for len in [xs.len(), 13, 8, 5, 0] {
                let x = &xs[..len];
                let mut plain = vec![7i16; len + 3];
                super::quantize_row_with(x, scale, &mut plain);
                assert!(x.iter().zip(&plain).all(|(&x, &q)| q == super::quantize(x, scale)) && plain[len..].iter().all(|&q| q == 0));
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    let mut fast = vec![7i16; len + 3];
                    // SAFETY: the CPU has just been found to support AVX2.
                    unsafe { super::quantize_row_avx2(x, scale, &mut fast) };
                    assert_eq!(plain, fast, "scale {scale}");
                }
            }
        }
    }

    /// The half-precision conversion rounds as the hardware does (to nearest, ties to
    /// even; subnormals; signs), and its values read back exactly.
    #[test]
    fn half_precision_matches_f16c() {
        let mut xs = vec![0.0f32, -0.0, 1.0, -1.0, 0.1, 65504.0, 1e-5, -3e-6, 6.1e-5, 5.96e-8, 2.9e-8, 1.0009766, 1.0004883, 1.0014648, -2.0004883];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x = f32::from_bits((seed as u32 & 0x807f_ffff) | ((((seed >> 32) as u32 % 40) + 100) << 23));
            xs.push(x);
        }
        for &x in &xs {
            let h = super::f16_bits(x);
            assert!((super::f16_value(h) - x).abs() <= x.abs() / 1024.0 + 6e-8, "{x} -> {}", super::f16_value(h));
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("f16c") {
                // SAFETY: the CPU has just been found to support F16C.
                let (hw, back) = unsafe {
                    use std::arch::x86_64::*;
                    let v = _mm_cvtps_ph::<_MM_FROUND_TO_NEAREST_INT>(_mm_set1_ps(x));
                    let bits = _mm_extract_epi16::<0>(v) as u16;
                    (bits, _mm_cvtss_f32(_mm_cvtph_ps(_mm_set1_epi16(bits as i16))))
                };
                assert_eq!(h, hw, "{x}");
                assert_eq!(super::f16_value(h).to_bits(), back.to_bits(), "{x}");
            }
        }
    }

    /// Scores become the same integers with AVX2 as with `as i32`: halves, signs, the
    /// ends of the range and past them, infinities and NaN, lengths not a multiple of 8.
    #[test]
    fn fixed_point_alike_with_any_instructions() {
        let mut xs = vec![0.0f32, -0.0, 0.5, -0.5, 1.0 / FIXED, -1.5 / FIXED, 2047.999, -2047.999, 2048.0, -2048.0, 2048.5, -2049.0, 1e30, -1e30, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, -f32::NAN, f32::MIN_POSITIVE];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..5000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            xs.push(f32::from_bits(seed as u32 & 0x87ff_ffff | 0x3000_0000) * if seed >> 40 & 1 == 1 { 3000.0 } else { 1.0 });
        }
        for len in [xs.len(), 103, 13, 8, 5, 0] {
            let x = &xs[..len];
            let mut plain = vec![7i32; len];
            super::fixed_point(x, &mut plain);
            assert!(x.iter().zip(&plain).all(|(&x, &q)| q == (x * (1 << 20) as f32) as i32));
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                let mut fast = vec![7i32; len];
                // SAFETY: the CPU has just been found to support AVX2.
                unsafe { super::fixed_point_avx2(x, &mut fast) };
                assert_eq!(plain, fast);
            }
        }
    }

    /// The units left on are the same, in the same order, with or without AVX-512.
    #[test]
    fn units_on_are_gathered_alike_with_any_instructions() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in [16usize, 48, 96, 128] {
            for _ in 0..200 {
                let acc: Vec<i16> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        (seed >> 40) as i16
                    })
                    .collect();
                let (mut v1, mut u1, mut v2, mut u2) = (vec![0f32; len + 16], vec![0u32; len + 16], vec![0f32; len + 16], vec![0u32; len + 16]);
                let n1 = units_on(&acc, &mut v1, &mut u1, false);
                let n2 = units_on(&acc, &mut v2, &mut u2, avx512_detected());
                assert_eq!(n1, acc.iter().filter(|&&a| a > 0).count());
                assert_eq!((&v1[..n1], &u1[..n1]), (&v2[..n2], &u2[..n2]));
            }
        }
    }

    /// The first layer's sums kept in registers, each row found from its slot's first
    /// and last row, are those of the plain loop over every slot, values past a slot's
    /// last (as large as `u32::MAX`) taking its last row in both.
    #[test]
    fn hidden_sums_alike_in_registers_and_plain() {
        let fast = FastNet::new(crate::nn::tests::random_net(&crate::nn::tests::SENTENCES, 13)).expect("tables");
        assert_eq!(fast.width, 48);
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for round in 0..500 {
            let mut slots = [0u32; N_SLOTS];
            for (k, v) in slots.iter_mut().enumerate() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *v = match round % 4 {
                    0 => u32::MAX - (seed % 3) as u32,
                    1 => (seed % (fast.slot_values[k] as u64 + 3)) as u32,
                    _ => (seed % fast.slot_values[k] as u64) as u32,
                };
            }
            let (mut quick, mut plain) = (vec![0i16; 48], vec![0i16; 48]);
            fast.hidden::<3>(&slots, &mut quick);
            fast.hidden_any(&slots, &mut plain);
            assert_eq!(quick, plain, "round {round}");
        }
    }

    /// The first layer's sums with each row fetched as the state's slots are filled are
    /// those of the slots filled first, in every state of parses by random valid moves.
    #[test]
    fn hidden_sums_alike_filled_as_fetched() {
        let net = crate::nn::tests::random_net(&crate::nn::tests::SENTENCES[..1], 17);
        let fast = FastNet::new(net.clone()).expect("tables");
        assert_eq!(fast.width, 48);
        let (sizes, child_words) = (net.config.sizes, net.config.child_words);
        let mut slots = [0u32; N_SLOTS];
        let moves = crate::nn::tests::walk_states(&net, 10, |st, values, tags| {
            inputs::fill(st, values, tags, sizes, child_words, &mut slots);
            let (mut placed, mut plain) = (vec![0i16; 48], vec![0i16; 48]);
            fast.hidden_placed::<3>(st, values, tags, &mut placed);
            fast.hidden_any(&slots, &mut plain);
            assert_eq!(placed, plain);
        });
        assert!(moves > 500);
    }

    /// The built-in net gives the same trees whichever instructions parse: compiled for
    /// AVX-512 or AVX2, the output layer summed with VNNI, AVX2 or plain code (where the
    /// CPU has them; elsewhere the paths are one).
    #[test]
    fn every_path_parses_alike() {
        let model = crate::Syntax::builtin().expect("built-in model");
        if model.parser.nn.is_none() {
            return;
        }
        let mut fast = FastNet::new(Net::from_bytes(crate::BUILTIN_NN).expect("built-in net")).expect("tables");
        let sentences = [
            "Russian troops bore down on Ukraine 's capital Kyiv on Friday , officials said .",
            "The ministry said it had shot down 11 of 14 drones launched overnight from Crimea .",
            "Clashes broke out between Indian and Chinese troops in the Galwan valley late on Monday .",
            "“ We will not surrender , ” the mayor told reporters in a video address .",
        ];
        let mut word_scratch = crate::words::Scratch::default();
        let (mut st, mut scratch) = (State::default(), NnScratch::default());
        let mut trees = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
        let paths = [(true, Path::Vnni), (true, Path::Avx2), (false, Path::Avx2), (false, Path::Plain)];
        for ((wide, path), trees) in paths.into_iter().zip(trees.iter_mut()) {
            fast.parse512 = wide && parse512_detected();
            fast.quantized = fast.quantized.take().map(|q| q.on_path(path));
            for s in sentences {
                let words: Vec<WordInfo> = s.split(' ').map(|w| WordInfo::new(w, &mut word_scratch)).collect();
                let mut tags = Vec::new();
                model.tagger.tag(&words, &mut tags, &mut Default::default());
                let mut out = Parse::default();
                fast.parse(&model.parser, &words, &tags, &mut st, &mut scratch, &mut out);
                trees.push((out.heads, out.labels));
            }
        }
        assert!(fast.quantized.is_some());
        assert!(trees.iter().all(|t| *t == trees[0]));
        assert!(trees[0].iter().all(|(heads, _)| heads.iter().filter(|h| h.is_none()).count() >= 1));
    }

    /// The load's rounding agrees with `f32::round` on halves, near-halves, signs and
    /// values too large to have a fraction.
    #[test]
    fn round_is_f32_round() {
        let mut xs = vec![0.0f32, -0.0, 0.5, -0.5, 1.5, -2.5, 0.49999997, -0.49999997, 8388607.5, 16777216.0, -1e9, 32767.4];
        xs.extend((-2000..2000).map(|i| i as f32 * 0.25 + 0.001 * (i % 7) as f32));
        for x in xs {
            assert_eq!(super::round(x).to_bits(), x.round().to_bits(), "{x}");
        }
    }
}

/// The half-precision bits nearest `x`, rounded to nearest even as the F16C conversion
/// does; values beyond the range become the largest half (a trained net's weights are
/// far inside it, and its loader has refused non-finite ones).
fn f16_bits(x: f32) -> u16 {
    let b = x.to_bits();
    let sign = ((b >> 16) & 0x8000) as u16;
    let exp = ((b >> 23) & 0xff) as i32 - 127 + 15;
    let man = b & 0x7f_ffff;
    if exp >= 31 {
        return sign | 0x7bff;
    }
    if exp <= 0 {
        // Subnormal: shift the significand with its hidden bit.
        if exp < -10 {
            return sign;
        }
        let m = man | 0x80_0000;
        let shift = (14 - exp) as u32;
        let half = 1u32 << (shift - 1);
        let rest = m & ((1 << shift) - 1);
        let mut h = m >> shift;
        if rest > half || (rest == half && h & 1 == 1) {
            h += 1;
        }
        return sign | h as u16;
    }
    let rest = man & 0x1fff;
    let mut h = ((exp as u32) << 10) | (man >> 13);
    if rest > 0x1000 || (rest == 0x1000 && h & 1 == 1) {
        h += 1;
    }
    sign | h.min(0x7bff) as u16
}

/// The value of half-precision bits `h`.
fn f16_value(h: u16) -> f32 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let man = (h & 0x3ff) as f32;
    sign * if exp == 0 { man * (2f32).powi(-24) } else { (1.0 + man / 1024.0) * (2f32).powi(exp - 15) }
}
