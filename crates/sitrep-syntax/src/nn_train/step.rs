//! One move's forward and backward pass in `f32`, with gradients summed into [`Grads`].

use super::{params_mut, slot_group};
use crate::nn::inputs::{slot_table, N_SLOTS};
use crate::nn::{Net, N_TABLES};
use sitrep_learn::rng::Rng;

/// Gradients in the shapes of a net's parameters, with the table rows touched since the
/// last update.
pub struct Grads {
    /// One per parameter group (tables, w1, b1, w2, b2).
    pub groups: Vec<Vec<f32>>,
    /// Rows touched, per table.
    pub touched: Vec<Vec<u32>>,
    /// Whether each row of each table is in `touched`.
    pub marked: Vec<Vec<bool>>,
}

impl Grads {
    /// Zero gradients for `net`.
    pub fn new(net: &Net) -> Grads {
        let mut copy = net.clone();
        let groups: Vec<Vec<f32>> = params_mut(&mut copy).into_iter().map(|g| vec![0.0; g.len()]).collect();
        let marked = (0..N_TABLES).map(|t| vec![false; net.tables[t].len() / net.config.dim(Net::table_kinds()[t]).max(1)]).collect();
        Grads { groups, touched: vec![Vec::new(); N_TABLES], marked }
    }
}

/// Buffers of one move's passes; `scores` holds the output after [`Work::forward`].
pub struct Work {
    offsets: [usize; N_SLOTS],
    x: Vec<f32>,
    pre: Vec<f32>,
    h: Vec<f32>,
    mask: Vec<f32>,
    /// Output scores of the last forward pass.
    pub scores: Vec<f32>,
    gs: Vec<f32>,
    gh: Vec<f32>,
    gx: Vec<f32>,
    avx2: bool,
}

impl Work {
    /// Buffers for `net`.
    pub fn new(net: &Net) -> Work {
        let (offsets, n_in) = net.config.input_offsets();
        let (h, c) = (net.config.hidden, net.config.classes());
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma");
        #[cfg(not(target_arch = "x86_64"))]
        let avx2 = false;
        Work { offsets, x: vec![0.0; n_in], pre: vec![0.0; h], h: vec![0.0; h], mask: vec![1.0; h], scores: vec![0.0; c], gs: vec![0.0; c], gh: vec![0.0; h], gx: vec![0.0; n_in], avx2 }
    }

    /// Forward pass with hidden dropout `dropout` (0 for none).
    pub fn forward(&mut self, net: &Net, slots: &[u32; N_SLOTS], dropout: f32, rng: &mut Rng) {
        let keep = 1.0 - dropout;
        for m in self.mask.iter_mut() {
            *m = if dropout > 0.0 && rng.unit() < dropout as f64 { 0.0 } else { 1.0 / keep };
        }
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: AVX2 and FMA were found at construction.
            unsafe { self.forward_avx2(net, slots) };
            return;
        }
        self.forward_with(net, slots);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn forward_avx2(&mut self, net: &Net, slots: &[u32; N_SLOTS]) {
        self.forward_with(net, slots)
    }

    #[inline(always)]
    fn forward_with(&mut self, net: &Net, slots: &[u32; N_SLOTS]) {
        let h = net.config.hidden;
        for (k, &v) in slots.iter().enumerate() {
            let d = net.config.dim(slot_table(k));
            let row = &net.tables[slot_group(k)][v as usize * d..][..d];
            self.x[self.offsets[k]..self.offsets[k] + d].copy_from_slice(row);
        }
        self.pre.copy_from_slice(&net.b1);
        for (i, &x) in self.x.iter().enumerate() {
            axpy(&mut self.pre, x, &net.w1[i * h..(i + 1) * h]);
        }
        for ((a, &p), &m) in self.h.iter_mut().zip(&self.pre).zip(&self.mask) {
            *a = p.max(0.0) * m;
        }
        let c = self.scores.len();
        self.scores.copy_from_slice(&net.b2);
        for (j, &a) in self.h.iter().enumerate() {
            if a != 0.0 {
                axpy(&mut self.scores, a, &net.w2[j * c..(j + 1) * c]);
            }
        }
    }

    /// Backward pass of the cross-entropy between the softmax over the valid classes and
    /// `target`; gradients are added to `g`. Returns the loss.
    pub fn backward(&mut self, net: &Net, slots: &[u32; N_SLOTS], valid: &[bool], target: &[f32], g: &mut Grads) -> f64 {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: AVX2 and FMA were found at construction.
            return unsafe { self.backward_avx2(net, slots, valid, target, g) };
        }
        self.backward_with(net, slots, valid, target, g)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn backward_avx2(&mut self, net: &Net, slots: &[u32; N_SLOTS], valid: &[bool], target: &[f32], g: &mut Grads) -> f64 {
        self.backward_with(net, slots, valid, target, g)
    }

    #[inline(always)]
    fn backward_with(&mut self, net: &Net, slots: &[u32; N_SLOTS], valid: &[bool], target: &[f32], g: &mut Grads) -> f64 {
        let (h, c) = (net.config.hidden, self.scores.len());
        let top = self.scores.iter().zip(valid).filter(|(_, &v)| v).map(|(&s, _)| s).fold(f32::NEG_INFINITY, f32::max);
        let mut z = 0.0f32;
        for ((gs, &s), &v) in self.gs.iter_mut().zip(&self.scores).zip(valid) {
            *gs = if v { (s - top).exp() } else { 0.0 };
            z += *gs;
        }
        let mut loss = 0.0f64;
        for ((gs, &t), &v) in self.gs.iter_mut().zip(target).zip(valid) {
            if v {
                let p = *gs / z;
                if t > 0.0 {
                    loss -= t as f64 * (p.max(1e-12) as f64).ln();
                }
                *gs = p - t;
            }
        }
        let n = N_TABLES;
        // Output layer.
        g.groups[n + 3].iter_mut().zip(&self.gs).for_each(|(a, &b)| *a += b);
        for j in 0..h {
            let a = self.h[j];
            self.gh[j] = 0.0;
            if a != 0.0 {
                axpy(&mut g.groups[n + 2][j * c..(j + 1) * c], a, &self.gs);
                self.gh[j] = dot(&net.w2[j * c..(j + 1) * c], &self.gs) * self.mask[j];
            }
        }
        // First layer.
        g.groups[n + 1].iter_mut().zip(&self.gh).for_each(|(a, &b)| *a += b);
        let gw1 = &mut g.groups[n];
        for (i, &x) in self.x.iter().enumerate() {
            axpy(&mut gw1[i * h..(i + 1) * h], x, &self.gh);
            self.gx[i] = dot(&net.w1[i * h..(i + 1) * h], &self.gh);
        }
        // Embeddings.
        for (k, &v) in slots.iter().enumerate() {
            let t = slot_group(k);
            let d = net.config.dim(slot_table(k));
            axpy(&mut g.groups[t][v as usize * d..][..d], 1.0, &self.gx[self.offsets[k]..self.offsets[k] + d]);
            if !g.marked[t][v as usize] {
                g.marked[t][v as usize] = true;
                g.touched[t].push(v);
            }
        }
        loss
    }
}

/// `y += a × x`.
#[inline(always)]
fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    y.iter_mut().zip(x).for_each(|(y, &x)| *y += a * x);
}

/// The dot product, in eight lanes so that it vectorises.
#[inline(always)]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + tail
}
