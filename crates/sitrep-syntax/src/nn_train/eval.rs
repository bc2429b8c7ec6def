//! Attachment scores of a net on held-out sentences, parsed with the plain forward pass.

use crate::nn::inputs::{self, SentenceValues, N_SLOTS};
use crate::nn::{best_valid_scores, Net};
use crate::parser::{State, TrainingSentence, NO};

/// Unlabelled and labelled attachment scores (labels compared on their universal part,
/// as [`crate::eval::score`] does), in percent.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DevScores {
    /// Right heads.
    pub uas: f64,
    /// Right heads with the right universal relation.
    pub las: f64,
}

/// Parse `data` with `net` (labels numbered as in `labels`) and score it.
pub fn dev_scores(net: &Net, data: &[TrainingSentence], labels: &[&str]) -> DevScores {
    let lookups = net.lookups();
    let universal: Vec<&str> = labels.iter().map(|l| l.split(':').next().unwrap_or(l)).collect();
    let n_labels = labels.len();
    let root_label = labels.iter().position(|l| *l == "root").unwrap_or(0);
    let (mut st, mut values, mut slots) = (State::default(), SentenceValues::default(), [0u32; N_SLOTS]);
    let (mut hidden, mut scores) = (vec![0f32; net.config.hidden], vec![0f32; net.config.classes()]);
    let (mut words, mut heads, mut both) = (0usize, 0usize, 0usize);
    for (ws, tags, gold_heads, gold_labels) in data {
        lookups.sentence(ws, &mut values);
        st.start(ws.len());
        while !st.done() {
            inputs::fill(&st, &values, tags, net.config.sizes, net.config.child_words, &mut slots);
            net.forward(&slots, &mut hidden, &mut scores);
            let best = best_valid_scores(&st, &scores, n_labels, root_label);
            if best == usize::MAX {
                break;
            }
            st.apply(best, n_labels);
        }
        let n = ws.len();
        for i in 0..n {
            let h = if st.heads[i] == NO { n as u32 } else { st.heads[i] };
            let label = if st.heads[i] == NO { root_label } else { st.labels[i] as usize };
            words += 1;
            if h == gold_heads[i] {
                heads += 1;
                both += (universal[label] == universal[gold_labels[i] as usize]) as usize;
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / words.max(1) as f64;
    DevScores { uas: pct(heads), las: pct(both) }
}
