//! Adam (Kingma & Ba 2015): dense steps for the layers, lazy sparse steps for the
//! embedding tables (only the rows a batch touched move, with their own moments).

use super::params_mut;
use super::step::Grads;
use crate::nn::{Net, N_TABLES};

const BETA1: f32 = 0.9;
const BETA2: f32 = 0.999;
const EPSILON: f32 = 1e-8;

/// The moments of every parameter.
pub struct Adam {
    rate: f32,
    t: i32,
    m: Vec<Vec<f32>>,
    v: Vec<Vec<f32>>,
}

impl Adam {
    /// Zero moments for `net`, learning rate `rate`.
    pub fn new(net: &Net, rate: f32) -> Adam {
        let mut copy = net.clone();
        let m: Vec<Vec<f32>> = params_mut(&mut copy).into_iter().map(|g| vec![0.0; g.len()]).collect();
        Adam { rate, t: 0, v: m.clone(), m }
    }

    /// Change the learning rate.
    pub fn set_rate(&mut self, rate: f32) {
        self.rate = rate;
    }

    /// Apply and clear the gradients `g`.
    pub fn step(&mut self, net: &mut Net, g: &mut Grads) {
        self.t += 1;
        let rate = self.rate * (1.0 - BETA2.powi(self.t)).sqrt() / (1.0 - BETA1.powi(self.t));
        let dims: Vec<usize> = Net::table_kinds().iter().map(|&t| net.config.dim(t)).collect();
        for (i, p) in params_mut(net).into_iter().enumerate() {
            let (m, v, grad) = (&mut self.m[i], &mut self.v[i], &mut g.groups[i]);
            if i < N_TABLES {
                let d = dims[i];
                for &row in &g.touched[i] {
                    let r = row as usize * d..(row as usize + 1) * d;
                    update(&mut p[r.clone()], &mut m[r.clone()], &mut v[r.clone()], &mut grad[r], rate);
                    g.marked[i][row as usize] = false;
                }
                g.touched[i].clear();
            } else {
                update(p, m, v, grad, rate);
            }
        }
    }
}

/// One Adam update of `p` from gradient `g`, which is then zeroed.
#[inline]
fn update(p: &mut [f32], m: &mut [f32], v: &mut [f32], g: &mut [f32], rate: f32) {
    for (((p, m), v), g) in p.iter_mut().zip(m).zip(v).zip(g) {
        *m = BETA1 * *m + (1.0 - BETA1) * *g;
        *v = BETA2 * *v + (1.0 - BETA2) * *g * *g;
        *p -= rate * *m / (v.sqrt() + EPSILON);
        *g = 0.0;
    }
}
