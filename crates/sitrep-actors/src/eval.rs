//! Scoring entity spans as conlleval does: an entity is right only when its first token,
//! last token and type all match a gold entity; precision, recall and F1 per type and
//! overall (micro-averaged over entities).

use std::collections::BTreeMap;

use crate::conll::Span;

/// Counts for one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Predicted entities that match a gold one exactly.
    pub correct: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores per type and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerScores {
    /// Per entity type.
    pub by_type: BTreeMap<String, Counts>,
    /// All types together.
    pub overall: Counts,
    /// Tokens labelled.
    pub tokens: usize,
    /// Seconds spent labelling (for words/s).
    pub seconds: f64,
}

impl NerScores {
    /// Add one sentence's gold and predicted spans.
    pub fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        for g in gold {
            self.by_type.entry(g.kind.clone()).or_default().gold += 1;
            self.overall.gold += 1;
        }
        for p in predicted {
            let right = gold.contains(p);
            let c = self.by_type.entry(p.kind.clone()).or_default();
            c.predicted += 1;
            c.correct += right as usize;
            self.overall.predicted += 1;
            self.overall.correct += right as usize;
        }
    }
}

impl std::fmt::Display for NerScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{:<10} {:>6} {:>6} {:>7} {:>7} {:>7}", "type", "gold", "found", "P", "R", "F1")?;
        for (k, c) in self.by_type.iter().chain(std::iter::once((&"overall".to_string(), &self.overall))) {
            writeln!(f, "{:<10} {:>6} {:>6} {:>7.4} {:>7.4} {:>7.4}", k, c.gold, c.predicted, c.precision(), c.recall(), c.f1())?;
        }
        write!(f, "rule: exact span and type (conlleval); micro-averaged over entities")
    }
}
