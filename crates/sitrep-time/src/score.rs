//! The TempEval-3 scorer for temporal expressions.
//!
//! The rules, as the TempEval-3 evaluation script (`evaluate_entities.py`, UzZaman et al.
//! 2013) computes them, with counts summed over all documents before dividing (micro
//! average):
//!
//! - **strict match**: a system and a gold expression with exactly the same extent
//!   (same first and last character).
//! - **relaxed match**: a system and a gold expression that share at least one
//!   character.
//! - strict / relaxed **precision** = system expressions with a strict / relaxed match in
//!   the gold ÷ system expressions; **recall** = gold expressions with a match in the
//!   system output ÷ gold expressions; **F1** their harmonic mean.
//! - **type accuracy** and **value accuracy**: over the gold expressions that have a
//!   relaxed match, the share whose matched system expression has the same TIMEX3 type /
//!   the identical value string. Each gold expression is paired with the overlapping
//!   system expression sharing the most characters (the first such on ties).
//! - **type F1** and **value F1** ("attribute F1" in the TempEval-3 tables) = attribute
//!   accuracy × relaxed F1. This equals the F1 of attribute precision (correct ÷ system
//!   expressions) and attribute recall (correct ÷ gold expressions).
//!
//! ```
//! use sitrep_time::score::{score_doc, Counts};
//! use sitrep_time::timeml::GoldTimex;
//! use sitrep_core::TimexType;
//! let t = |s, e, v: &str| GoldTimex { start: s, end: e, kind: TimexType::Date, value: v.into(), text: String::new() };
//! let gold = [t(0, 14, "2022-02-24TNI"), t(20, 26, "2022")];
//! let system = [t(0, 8, "2022-02-24"), t(20, 26, "2022"), t(30, 33, "PXW")];
//! let c: Counts = score_doc(&gold, &system).counts;
//! assert_eq!((c.strict_in_gold, c.relaxed_in_gold, c.value_correct), (1, 2, 1));
//! assert!((c.relaxed_f1() - 0.8).abs() < 1e-9); // P 2/3, R 2/2
//! assert!((c.value_f1() - 0.4).abs() < 1e-9);   // value accuracy 1/2 × 0.8
//! ```

use crate::timeml::GoldTimex;

/// The counts every figure is computed from; they add up across documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents scored.
    pub docs: usize,
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// System expressions with a gold expression of identical extent.
    pub strict_in_system: usize,
    /// Gold expressions with a system expression of identical extent.
    pub strict_in_gold: usize,
    /// System expressions overlapping a gold expression.
    pub relaxed_in_system: usize,
    /// Gold expressions overlapping a system expression.
    pub relaxed_in_gold: usize,
    /// Relaxed-matched gold expressions whose system match has the same type.
    pub type_correct: usize,
    /// Relaxed-matched gold expressions whose system match has the same value.
    pub value_correct: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    /// Strict precision.
    pub fn strict_p(&self) -> f64 {
        ratio(self.strict_in_system, self.system)
    }
    /// Strict recall.
    pub fn strict_r(&self) -> f64 {
        ratio(self.strict_in_gold, self.gold)
    }
    /// Strict F1.
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict_p(), self.strict_r())
    }
    /// Relaxed precision.
    pub fn relaxed_p(&self) -> f64 {
        ratio(self.relaxed_in_system, self.system)
    }
    /// Relaxed recall.
    pub fn relaxed_r(&self) -> f64 {
        ratio(self.relaxed_in_gold, self.gold)
    }
    /// Relaxed F1.
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed_p(), self.relaxed_r())
    }
    /// Type accuracy over relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_correct, self.relaxed_in_gold)
    }
    /// Value accuracy over relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed_in_gold)
    }
    /// Type F1 = type accuracy × relaxed F1.
    pub fn type_f1(&self) -> f64 {
        self.type_accuracy() * self.relaxed_f1()
    }
    /// Value F1 = value accuracy × relaxed F1.
    pub fn value_f1(&self) -> f64 {
        self.value_accuracy() * self.relaxed_f1()
    }

    /// Add another document's (or corpus's) counts.
    pub fn add(&mut self, o: &Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.system += o.system;
        self.strict_in_system += o.strict_in_system;
        self.strict_in_gold += o.strict_in_gold;
        self.relaxed_in_system += o.relaxed_in_system;
        self.relaxed_in_gold += o.relaxed_in_gold;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }
}

/// One disagreement between gold and system, for reading errors.
#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    /// A gold expression no system expression overlaps.
    Missed(GoldTimex),
    /// A system expression that overlaps no gold expression.
    Spurious(GoldTimex),
    /// Overlapping, but extent, type or value differ.
    Differs { gold: GoldTimex, system: GoldTimex },
}

/// A document's counts and its disagreements.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocScore {
    /// The counts (with `docs` = 1).
    pub counts: Counts,
    /// Every disagreement, in gold order then system order.
    pub mismatches: Vec<Mismatch>,
}

fn overlap(a: &GoldTimex, b: &GoldTimex) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Score one document's system expressions against its gold ones.
pub fn score_doc(gold: &[GoldTimex], system: &[GoldTimex]) -> DocScore {
    let mut c = Counts { docs: 1, gold: gold.len(), system: system.len(), ..Counts::default() };
    let mut mismatches = Vec::new();
    for g in gold {
        let mut best: Option<(&GoldTimex, usize)> = None;
        for s in system {
            let o = overlap(g, s);
            if o > 0 && !matches!(best, Some((_, b)) if b >= o) {
                best = Some((s, o));
            }
        }
        if system.iter().any(|s| s.start == g.start && s.end == g.end) {
            c.strict_in_gold += 1;
        }
        match best {
            Some((s, _)) => {
                c.relaxed_in_gold += 1;
                let same_type = s.kind == g.kind;
                let same_value = s.value == g.value;
                c.type_correct += usize::from(same_type);
                c.value_correct += usize::from(same_value);
                if !same_type || !same_value || s.start != g.start || s.end != g.end {
                    mismatches.push(Mismatch::Differs { gold: g.clone(), system: s.clone() });
                }
            }
            None => mismatches.push(Mismatch::Missed(g.clone())),
        }
    }
    for s in system {
        if gold.iter().any(|g| g.start == s.start && g.end == s.end) {
            c.strict_in_system += 1;
        }
        if gold.iter().any(|g| overlap(g, s) > 0) {
            c.relaxed_in_system += 1;
        } else {
            mismatches.push(Mismatch::Spurious(s.clone()));
        }
    }
    DocScore { counts: c, mismatches }
}

/// The matching rules in one paragraph, printed under every table.
pub const RULES: &str = "Rules (TempEval-3, micro-averaged over documents): strict = identical character extent; \
relaxed = at least one character in common. P = matched system expressions / system expressions, \
R = matched gold expressions / gold expressions. Type and value accuracy are over relaxed-matched gold \
expressions, each paired with the overlapping system expression sharing most characters; values must be \
identical strings. Type F1 = type accuracy x relaxed F1; value F1 = value accuracy x relaxed F1 \
(the TempEval-3 'attribute F1').";
