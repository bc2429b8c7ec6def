//! sitrep-learn: what sitrep's trained models share.
//!
//! - [`hash`]: fixed (seedless) feature hashing, so model files mean the same everywhere;
//! - [`words`]: hashed facts about a word (lower-cased form, shape, affixes);
//! - [`memo`]: a memory of values worked out for the forms met lately;
//! - [`perceptron`]: the sparse averaged perceptron ([`perceptron::Trainer`]) and its
//!   frozen, quantised form ([`perceptron::Weights`]) with a compact byte format;
//! - [`rng`]: a seeded generator for reproducible shuffling.
//!
//! ```
//! use sitrep_learn::perceptron::Trainer;
//! use sitrep_learn::hash::feature;
//! let mut t = Trainer::new(2);
//! let (a, b) = (feature(0, 1, 0, 0), feature(0, 2, 0, 0));
//! for _ in 0..3 { t.tick(); t.update(&[a], 0, 1); t.tick(); t.update(&[b], 1, 0); }
//! let w = t.average(0.0);
//! let mut scores = [0i32; 2];
//! w.score(&[b], &mut scores);
//! assert!(scores[1] > scores[0]);
//! ```

pub mod buf;
pub mod hash;
pub mod memo;
pub mod perceptron;
pub mod rng;
pub mod words;
