//! The parser net's output layer in 8-bit integers.
//!
//! A move's scores are the output bias plus, for every hidden unit, the unit's value
//! times its weights for the 103 classes. In `f32` that was a quarter of the parse: one
//! multiply-add per unit on and block of sixteen classes. Here each unit's value (its
//! `i16` first-layer sum after the ReLU) becomes an unsigned byte in steps of a power of
//! two chosen for the net at load ([`shift_for`]: 16 for the built-in net, whose sums of
//! 4,088 and more, about 1 in 5,000 on EWT dev, become 255), and each class's
//! weights signed bytes in steps of the class's largest weight / 127; the products are
//! summed in `i32`, exactly, then scaled back to a score with one fused multiply-add.
//! With AVX-512 VNNI one instruction adds four units' products for sixteen classes;
//! AVX2 adds two units' for eight, and plain code one at a time. Integer sums are
//! exact and the last step is fused in every path, so every CPU gives the same scores,
//! to the bit, and so the same trees.
//!
//! What the rounding costs: EWT dev 84.99 / 81.87 with the `f32` layer, 84.96 / 81.85
//! with this one (built-in net, UAS / LAS).

/// The number of classes the quantized layer is laid out for: shift, 51 left arcs, 51
/// right arcs (103), padded to a multiple of eight.
pub(super) const CLASSES: usize = 104;

/// [`CLASSES`] padded to whole lines of sixteen: the length `scores` must have.
pub(super) const PADDED: usize = 112;

/// The largest shift: beyond it the saturating vector sum and the plain one could
/// round the largest values differently.
const MAX_SHIFT: u32 = 7;

/// How far a unit's `i16` value is shifted right to become a byte, for a net whose
/// first-layer sums look like `samples` (sums of random inputs): the smallest shift that
/// keeps all but the largest 1 in 500 of the positive ones within a byte.
///
/// The built-in net's sums lie mostly between 2⁹ and 2¹² (the rows' scale leaves room
/// for the worst case, far above), and a shift of 4 keeps 5 to 8 bits of each; a net
/// whose sums were ten times smaller would lose most of them to the same shift.
pub(super) fn shift_for(samples: impl Iterator<Item = i16>) -> u32 {
    let mut on: Vec<i16> = samples.filter(|&x| x > 0).collect();
    if on.is_empty() {
        return 0;
    }
    on.sort_unstable();
    let high = on[(on.len() - 1) * 499 / 500] as i32;
    (0..MAX_SHIFT).find(|&s| (high + (1 << s >> 1)) >> s <= 255).unwrap_or(MAX_SHIFT)
}

/// The widest hidden layer the byte buffer holds.
const MAX_WIDTH: usize = 256;

/// Sixteen `i32` on a cache line of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(64))]
struct Line16([i32; 16]);

/// Eight `i32` on half a cache line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(32))]
struct Line8([i32; 8]);

/// Which instructions sum the products.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Path {
    Plain,
    Avx2,
    Vnni,
}

impl Path {
    /// The widest path this CPU has: VNNI where the parse itself runs compiled for
    /// AVX-512 ([`super::fast::parse512_detected`], which `SITREP_NO_AVX512` turns off)
    /// and the CPU has VNNI, unless `SITREP_NO_VNNI` is set (to compare the paths).
    pub(super) fn detected() -> Path {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
                let vnni = super::fast::parse512_detected() && std::env::var_os("SITREP_NO_VNNI").is_none() && std::arch::is_x86_feature_detected!("avx512vnni");
                return if vnni { Path::Vnni } else { Path::Avx2 };
            }
        }
        Path::Plain
    }

    /// `self` if this CPU has it, else the widest it has.
    #[cfg(test)]
    pub(super) fn at_most_detected(self) -> Path {
        match (self, Path::detected()) {
            (Path::Plain, _) | (_, Path::Plain) => Path::Plain,
            (Path::Avx2, _) | (_, Path::Avx2) => Path::Avx2,
            (Path::Vnni, Path::Vnni) => Path::Vnni,
        }
    }
}

/// The output layer's weights as bytes, in the layouts the paths read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantized {
    /// For each group of four units, seven lines of sixteen classes, each lane the four
    /// units' weights for its class (VNNI).
    quads: Vec<Line16>,
    /// For each pair of units, thirteen lines of eight classes, each lane the two
    /// units' weights as `i16` (AVX2 and plain).
    pairs: Vec<Line8>,
    /// What one unit of a class's integer sum is worth in score, and the class's bias
    /// (both zero in the padding).
    step: [f32; PADDED],
    bias: [f32; PADDED],
    /// Hidden units, a multiple of 16.
    width: usize,
    /// See [`shift_for`].
    shift: u32,
    path: Path,
}

impl Quantized {
    /// The layer of `w2` (`width` rows of [`CLASSES`] weights, each worth that much
    /// score per unit of an `i16` hidden value) and bias `b2`, with hidden values
    /// shifted right by `shift` ([`shift_for`]; at most 7), summed on the widest path
    /// this CPU has; `None` for a width that is no multiple of 16 or too wide.
    pub(super) fn new(w2: &[f32], b2: &[f32], width: usize, shift: u32) -> Option<Quantized> {
        let shift = shift.min(MAX_SHIFT);
        if width % 16 != 0 || width > MAX_WIDTH || w2.len() < width * CLASSES {
            return None;
        }
        let mut step = [0f32; PADDED];
        let mut bias = [0f32; PADDED];
        let mut quads = vec![Line16([0; 16]); width / 4 * 7];
        let mut pairs = vec![Line8([0; 8]); width / 2 * 13];
        for c in 0..CLASSES {
            bias[c] = b2.get(c).copied().unwrap_or(0.0);
            let top = (0..width).map(|j| w2[j * CLASSES + c].abs()).fold(0f32, f32::max);
            if !(top > 0.0 && top.is_finite()) {
                continue;
            }
            let per = top / 127.0;
            step[c] = per * (1u32 << shift) as f32;
            for j in 0..width {
                let q = (w2[j * CLASSES + c] / per).round().clamp(-127.0, 127.0) as i8;
                let quad = &mut quads[j / 4 * 7 + c / 16].0[c % 16];
                *quad = (*quad as u32 | (q as u8 as u32) << (8 * (j % 4))) as i32;
                let pair = &mut pairs[j / 2 * 13 + c / 8].0[c % 8];
                *pair = (*pair as u32 | (q as i16 as u16 as u32) << (16 * (j % 2))) as i32;
            }
        }
        Some(Quantized { quads, pairs, step, bias, width, shift, path: Path::detected() })
    }

    /// The same layer summed on `path` (or the widest this CPU has, if less).
    #[cfg(test)]
    pub(super) fn on_path(mut self, path: Path) -> Quantized {
        self.path = path.at_most_detected();
        self
    }

    /// The scores of the classes for hidden sums `acc` (the first layer's, before the
    /// ReLU) into `scores[..PADDED]` (the padding's are zero).
    ///
    /// `acc` must hold the layer's width and `scores` [`PADDED`] values; otherwise the
    /// scores are left as they are.
    #[inline]
    pub(super) fn scores(&self, acc: &[i16], scores: &mut [f32]) {
        if acc.len() != self.width || scores.len() < PADDED {
            return;
        }
        let mut bytes = [0u8; MAX_WIDTH];
        match self.path {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `path` is Vnni only where `Path::detected` found AVX2, FMA and
            // AVX-512 F, BW, VL (`parse512_detected`) and VNNI; the lengths were checked
            // above.
            Path::Vnni => unsafe { self.scores_vnni(acc, &mut bytes, scores) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `path` is Avx2 only where `Path::detected` found AVX2 and FMA; the
            // lengths were checked above.
            Path::Avx2 => unsafe { self.scores_avx2(acc, &mut bytes, scores) },
            _ => self.scores_plain(acc, &mut bytes, scores),
        }
    }

    /// [`Quantized::scores`] one unit and class at a time.
    fn scores_plain(&self, acc: &[i16], bytes: &mut [u8; MAX_WIDTH], scores: &mut [f32]) {
        for (b, &a) in bytes.iter_mut().zip(acc) {
            *b = unit_byte(a, self.shift);
        }
        let mut sums = [0i32; PADDED];
        for (p, two) in bytes[..self.width].chunks_exact(2).enumerate() {
            if two == [0, 0] {
                continue;
            }
            for (g, line) in self.pairs[p * 13..(p + 1) * 13].iter().enumerate() {
                for (i, &w) in line.0.iter().enumerate() {
                    let (w0, w1) = (w as i16 as i32, (w >> 16) as i16 as i32);
                    sums[g * 8 + i] += two[0] as i32 * w0 + two[1] as i32 * w1;
                }
            }
        }
        for c in 0..PADDED {
            scores[c] = (sums[c] as f32).mul_add(self.step[c], self.bias[c]);
        }
    }

    /// [`Quantized::scores`] with AVX2: two units' products for eight classes an
    /// instruction (`vpmaddwd` on the bytes widened to `i16`, exact).
    ///
    /// # Safety
    /// The CPU must have AVX2 and FMA; `acc` must hold `width` values and `scores`
    /// [`PADDED`].
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn scores_avx2(&self, acc: &[i16], bytes: &mut [u8; MAX_WIDTH], scores: &mut [f32]) {
        use std::arch::x86_64::*;
        unit_bytes_avx2(acc, self.shift, bytes);
        let mut sums = [_mm256_setzero_si256(); 13];
        let lines = self.pairs.as_ptr() as *const __m256i;
        for p in 0..self.width / 2 {
            let two = _mm256_set1_epi32(bytes[2 * p] as i32 | (bytes[2 * p + 1] as i32) << 16);
            for (g, sum) in sums.iter_mut().enumerate() {
                *sum = _mm256_add_epi32(*sum, _mm256_madd_epi16(two, _mm256_load_si256(lines.add(p * 13 + g))));
            }
        }
        for (g, sum) in sums.iter().enumerate() {
            let f = _mm256_fmadd_ps(_mm256_cvtepi32_ps(*sum), _mm256_loadu_ps(self.step.as_ptr().add(g * 8)), _mm256_loadu_ps(self.bias.as_ptr().add(g * 8)));
            _mm256_storeu_ps(scores.as_mut_ptr().add(g * 8), f);
        }
        // The last line of sixteen's padding.
        scores[CLASSES..PADDED].fill(0.0);
    }

    /// [`Quantized::scores`] with AVX-512 VNNI: four units' products for sixteen classes
    /// an instruction (`vpdpbusd`, exact).
    ///
    /// # Safety
    /// The CPU must have AVX2, FMA and AVX-512 F, BW, VL and VNNI; `acc` must hold
    /// `width` values and `scores` [`PADDED`].
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma,avx512f,avx512bw,avx512vl,avx512vnni")]
    unsafe fn scores_vnni(&self, acc: &[i16], bytes: &mut [u8; MAX_WIDTH], scores: &mut [f32]) {
        use std::arch::x86_64::*;
        unit_bytes_avx2(acc, self.shift, bytes);
        let mut sums = [_mm512_setzero_si512(); 7];
        let lines = self.quads.as_ptr() as *const __m512i;
        for q in 0..self.width / 4 {
            let four = _mm512_set1_epi32(i32::from_le_bytes([bytes[4 * q], bytes[4 * q + 1], bytes[4 * q + 2], bytes[4 * q + 3]]));
            for (g, sum) in sums.iter_mut().enumerate() {
                *sum = _mm512_dpbusd_epi32(*sum, four, _mm512_load_si512(lines.add(q * 7 + g)));
            }
        }
        for (g, sum) in sums.iter().enumerate() {
            let f = _mm512_fmadd_ps(_mm512_cvtepi32_ps(*sum), _mm512_loadu_ps(self.step.as_ptr().add(g * 16)), _mm512_loadu_ps(self.bias.as_ptr().add(g * 16)));
            _mm512_storeu_ps(scores.as_mut_ptr().add(g * 16), f);
        }
    }
}

/// A hidden unit's byte: its value after the ReLU in steps of 2^`shift`, rounded, at
/// most 255.
///
/// ```text
/// unit_byte(-5, 4) == 0, unit_byte(7, 4) == 0, unit_byte(8, 4) == 1, unit_byte(5000, 4) == 255
/// ```
#[inline(always)]
fn unit_byte(a: i16, shift: u32) -> u8 {
    ((a.max(0) as i32 + (1 << shift >> 1)) >> shift).min(255) as u8
}

/// [`unit_byte`] of every value of `acc` (a multiple of 16 long) into `bytes`, 32 at a
/// time: the same bytes (`vpaddsw` saturates where the plain sum would pass 32767, and
/// with a shift of at most [`MAX_SHIFT`] both then give 255).
///
/// # Safety
/// The CPU must have AVX2; `acc.len()` must be a multiple of 16 and at most
/// [`MAX_WIDTH`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn unit_bytes_avx2(acc: &[i16], shift: u32, bytes: &mut [u8; MAX_WIDTH]) {
    use std::arch::x86_64::*;
    let (zero, half, by) = (_mm256_setzero_si256(), _mm256_set1_epi16((1 << shift >> 1) as i16), _mm_cvtsi32_si128(shift as i32));
    let byte_steps = |at: usize| -> __m256i {
        match acc.get(at..at + 16) {
            Some(block) => {
                let h = _mm256_loadu_si256(block.as_ptr() as *const __m256i);
                _mm256_srl_epi16(_mm256_adds_epi16(_mm256_max_epi16(h, zero), half), by)
            }
            None => zero,
        }
    };
    for at in (0..acc.len()).step_by(32) {
        // `packus` interleaves the two inputs by 128-bit lane; the permutation puts the
        // 32 bytes back in order.
        let packed = _mm256_packus_epi16(byte_steps(at), byte_steps(at + 16));
        _mm256_storeu_si256(bytes.as_mut_ptr().add(at) as *mut __m256i, _mm256_permute4x64_epi64::<0b11_01_10_00>(packed));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layer of random weights and bias, and random sums.
    fn random(width: usize, seed: u64) -> (Vec<f32>, Vec<f32>, Vec<Vec<i16>>) {
        let mut s = seed;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let w2 = (0..width * CLASSES).map(|_| (next() >> 40) as f32 / (1u64 << 24) as f32 - 0.5).collect();
        let b2 = (0..CLASSES).map(|_| (next() >> 40) as f32 / (1u64 << 20) as f32 - 8.0).collect();
        let mut accs = Vec::new();
        for _ in 0..200 {
            accs.push((0..width).map(|_| (next() >> 48) as u16 as i16).collect());
        }
        // Edges: all off, all at the largest, at the rounding points.
        accs.push(vec![0; width]);
        accs.push(vec![i16::MAX; width]);
        accs.push((0..width).map(|j| [7, 8, 4087, 4088, 32760, -32768][j % 6]).collect());
        (w2, b2, accs)
    }

    /// Every path gives the plain path's scores, to the bit.
    #[test]
    fn paths_score_alike() {
        for (width, seed, shift) in [(96, 3u64, 4), (64, 5, 0), (80, 7, 7), (16, 9, 3)] {
            let (w2, b2, accs) = random(width, seed);
            let plain = Quantized::new(&w2, &b2, width, shift).expect("a layer").on_path(Path::Plain);
            for path in [Path::Avx2, Path::Vnni] {
                let other = plain.clone().on_path(path);
                for acc in &accs {
                    let (mut a, mut b) = ([1f32; PADDED], [2f32; PADDED]);
                    plain.scores(acc, &mut a);
                    other.scores(acc, &mut b);
                    assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()), "{width} {path:?}");
                    assert!(a[CLASSES..].iter().all(|&x| x == 0.0));
                }
            }
        }
    }

    /// The integer scores are the exact ones within the rounding of the bytes: half a
    /// step of the unit, half a step of the weight.
    #[test]
    fn scores_are_near_the_exact_ones() {
        let width = 96;
        let (w2, b2, accs) = random(width, 11);
        let layer = Quantized::new(&w2, &b2, width, 4).expect("a layer");
        for acc in &accs {
            let mut got = [0f32; PADDED];
            layer.scores(acc, &mut got);
            for c in 0..CLASSES {
                let top = (0..width).map(|j| w2[j * CLASSES + c].abs()).fold(0f32, f32::max);
                let value = |j: usize| (acc[j].max(0) as f32).min(4080.0);
                let exact: f64 = b2[c] as f64 + (0..width).map(|j| value(j) as f64 * w2[j * CLASSES + c] as f64).sum::<f64>();
                let bound: f64 = (0..width).map(|j| 8.0 * w2[j * CLASSES + c].abs() as f64 + (value(j) as f64 + 8.0) * top as f64 / 254.0).sum::<f64>();
                assert!((got[c] as f64 - exact).abs() <= bound * 1.001 + 1e-3, "class {c}: {} against {exact}", got[c]);
            }
        }
    }

    /// The byte of a unit: off below a half step, saturated at 255, alike in plain and
    /// vector code for every shift.
    #[test]
    fn unit_bytes_round_and_saturate() {
        assert_eq!([-5, 0, 7, 8, 24, 4079, 4087, 4088, i16::MAX].map(|a| unit_byte(a, 4)), [0, 0, 0, 1, 2, 255, 255, 255, 255]);
        assert_eq!([-1, 0, 1, 255, 256, i16::MAX].map(|a| unit_byte(a, 0)), [0, 0, 1, 255, 255, 255]);
        assert_eq!([63, 64, 32639, 32640, i16::MAX].map(|a| unit_byte(a, 7)), [0, 1, 255, 255, 255]);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            let acc: Vec<i16> = (0..96).map(|j| (j as i16 - 20) * 331).chain([i16::MAX, i16::MIN, 32760, 255, 256, 8, 7, 0].into_iter().cycle().take(32)).collect();
            for shift in 0..=MAX_SHIFT {
                let mut bytes = [0u8; MAX_WIDTH];
                // SAFETY: the CPU has just been found to support AVX2; 128 is a multiple of 16.
                unsafe { unit_bytes_avx2(&acc, shift, &mut bytes) };
                assert!(acc.iter().zip(&bytes).all(|(&a, &b)| unit_byte(a, shift) == b), "shift {shift}");
            }
        }
    }

    /// The shift keeps all but the largest 1 in 500 values within a byte.
    #[test]
    fn shift_fits_the_sums() {
        assert_eq!(shift_for([-3, 0].into_iter()), 0);
        assert_eq!(shift_for((1..=255).into_iter()), 0);
        assert_eq!(shift_for((1..=4000).into_iter()), 4);
        assert_eq!(shift_for((1..=1000).chain([30000]).into_iter()), 2);
        assert_eq!(shift_for([i16::MAX; 10].into_iter()), MAX_SHIFT);
    }

    /// Widths the layouts cannot hold are refused.
    #[test]
    fn odd_widths_are_refused() {
        assert!(Quantized::new(&vec![0.0; 90 * CLASSES], &[0.0; CLASSES], 90, 4).is_none());
        assert!(Quantized::new(&vec![0.0; 272 * CLASSES], &[0.0; CLASSES], 272, 4).is_none());
        assert!(Quantized::new(&[0.0; 10], &[0.0; CLASSES], 96, 4).is_none());
    }
}
