//! A feed-forward neural scorer for the parser's transitions (Chen & Manning 2014): the
//! embeddings of a state's [`inputs`] slots, one hidden layer with ReLU, and a score for
//! every class of [`crate::parser::Parser`] (shift, left and right with each label).
//!
//! Same transitions, oracle, labels and tags as the perceptron: only the scorer differs.
//! [`Net`] holds the raw weights, as the model file stores them; [`FastNet`] is what
//! parses: at load it multiplies every (slot, value) embedding by its slice of the first
//! layer, so that scoring a move is a sum of ~60 rows of 16-bit integers, a ReLU and a
//! small output layer.

pub mod fast;
mod file;
pub mod inputs;
mod quantized;

use std::collections::HashMap;

pub(crate) use fast::best_valid as best_valid_scores;
pub use fast::{FastNet, NnScratch};
use inputs::{slot_table, Sizes, Table, FIRST_WORD, N_SLOTS};

use crate::hash::BuildKeyHasher;
use crate::words::WordInfo;

/// The shape of a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Word embedding size.
    pub word_dim: usize,
    /// Tag embedding size.
    pub tag_dim: usize,
    /// Label embedding size.
    pub label_dim: usize,
    /// Suffix embedding size.
    pub suffix_dim: usize,
    /// Size of each combination slot's embedding.
    pub extra_dim: usize,
    /// Hidden units.
    pub hidden: usize,
    /// Tags and labels of the parser the net scores for.
    pub sizes: Sizes,
    /// Word values below this are seen by the child slots (the commonest words).
    pub child_words: u32,
}

impl Config {
    /// Output classes: shift, then left and right with each label.
    pub fn classes(&self) -> usize {
        1 + 2 * self.sizes.labels as usize
    }

    /// Embedding size of table `t`.
    pub fn dim(&self, t: Table) -> usize {
        match t {
            Table::Word => self.word_dim,
            Table::Tag => self.tag_dim,
            Table::Label => self.label_dim,
            Table::Suffix => self.suffix_dim,
            Table::Extra(_) => self.extra_dim,
        }
    }

    /// Where each slot's embedding starts in the input vector, and the vector's size.
    pub fn input_offsets(&self) -> ([usize; N_SLOTS], usize) {
        let mut at = [0; N_SLOTS];
        let mut n = 0;
        for (k, a) in at.iter_mut().enumerate() {
            *a = n;
            n += self.dim(slot_table(k));
        }
        (at, n)
    }
}

/// The weights of a network, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Net {
    /// The shape.
    pub config: Config,
    /// Hash ([`WordInfo::lower`]) of each known word; word `i` has value `FIRST_WORD + i`.
    pub words: Vec<u64>,
    /// Hash of each known three-letter suffix ([`WordInfo::suffix`]`[2]`), likewise.
    pub suffixes: Vec<u64>,
    /// Embedding tables in the order word, tag, label, suffix, combinations: rows × dim.
    pub tables: Vec<Vec<f32>>,
    /// First layer: input size × hidden, one row per input.
    pub w1: Vec<f32>,
    /// First layer bias.
    pub b1: Vec<f32>,
    /// Output layer: hidden × classes, one row per hidden unit.
    pub w2: Vec<f32>,
    /// Output bias.
    pub b2: Vec<f32>,
}

/// Why a network could not be read or attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NnError(pub String);

impl std::fmt::Display for NnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "neural parser model: {}", self.0)
    }
}

impl std::error::Error for NnError {}

/// The index of table `t` in [`Net::tables`].
pub fn table_index(t: Table) -> usize {
    match t {
        Table::Word => 0,
        Table::Tag => 1,
        Table::Label => 2,
        Table::Suffix => 3,
        Table::Extra(i) => 4 + i,
    }
}

/// Number of embedding tables.
pub const N_TABLES: usize = 4 + inputs::N_EXTRAS;

impl Net {
    /// Rows of table `t` for a net with `words` known words and `suffixes` suffixes.
    pub fn rows(sizes: Sizes, words: usize, suffixes: usize, t: Table) -> usize {
        match t {
            Table::Word => FIRST_WORD as usize + words,
            Table::Tag => sizes.tag_values() as usize,
            Table::Label => sizes.label_values() as usize,
            Table::Suffix => FIRST_WORD as usize + suffixes,
            Table::Extra(i) => sizes.extra_rows(i) as usize,
        }
    }

    /// The table kinds in [`Net::tables`] order.
    pub fn table_kinds() -> [Table; N_TABLES] {
        let mut t = [Table::Word; N_TABLES];
        t[1] = Table::Tag;
        t[2] = Table::Label;
        t[3] = Table::Suffix;
        for (i, x) in t[4..].iter_mut().enumerate() {
            *x = Table::Extra(i);
        }
        t
    }

    /// Whether every weight vector has the size the shape asks for.
    pub fn check(&self) -> Result<(), NnError> {
        let c = &self.config;
        let (_, n_in) = c.input_offsets();
        let mut sizes: Vec<usize> = Net::table_kinds().iter().map(|&t| Net::rows(c.sizes, self.words.len(), self.suffixes.len(), t) * c.dim(t)).collect();
        sizes.extend([n_in * c.hidden, c.hidden, c.hidden * c.classes(), c.classes()]);
        let have: Vec<usize> = self.tables.iter().chain([&self.w1, &self.b1, &self.w2, &self.b2]).map(|v| v.len()).collect();
        if sizes != have || c.hidden == 0 {
            return Err(NnError(format!("weights of sizes {have:?} for a shape that needs {sizes:?}")));
        }
        Ok(())
    }

    /// Read a network from the bytes of its file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Net, NnError> {
        file::read(bytes)
    }

    /// The network as the bytes of its file.
    pub fn to_bytes(&self) -> Vec<u8> {
        file::write(self)
    }

    /// The scores of every class for the slot values `slots`, in plain `f32` arithmetic
    /// (training and checks; [`FastNet`] parses). `hidden` receives the hidden layer
    /// after ReLU.
    pub fn forward(&self, slots: &[u32; N_SLOTS], hidden: &mut [f32], scores: &mut [f32]) {
        let h = self.config.hidden;
        let (offsets, _) = self.config.input_offsets();
        hidden.copy_from_slice(&self.b1);
        for (k, &v) in slots.iter().enumerate() {
            let t = slot_table(k);
            let d = self.config.dim(t);
            let e = &self.tables[table_index(t)][v as usize * d..(v as usize + 1) * d];
            for (i, &x) in e.iter().enumerate() {
                let row = &self.w1[(offsets[k] + i) * h..(offsets[k] + i + 1) * h];
                hidden.iter_mut().zip(row).for_each(|(a, &w)| *a += x * w);
            }
        }
        hidden.iter_mut().for_each(|a| *a = a.max(0.0));
        let c = self.config.classes();
        scores.copy_from_slice(&self.b2);
        for (j, &a) in hidden.iter().enumerate() {
            if a != 0.0 {
                scores.iter_mut().zip(&self.w2[j * c..(j + 1) * c]).for_each(|(s, &w)| *s += a * w);
            }
        }
    }

    /// Maps from word and suffix hashes to their values.
    pub fn lookups(&self) -> Lookups {
        let index = |keys: &[u64]| keys.iter().enumerate().map(|(i, &k)| (k, FIRST_WORD + i as u32)).collect();
        Lookups { words: index(&self.words), suffixes: index(&self.suffixes) }
    }
}

/// Word and suffix values by hash.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lookups {
    words: HashMap<u64, u32, BuildKeyHasher>,
    suffixes: HashMap<u64, u32, BuildKeyHasher>,
}

impl Lookups {
    /// Fill `out` with the values of the words of a sentence.
    pub fn sentence(&self, words: &[WordInfo], out: &mut inputs::SentenceValues) {
        out.words.clear();
        out.suffixes.clear();
        for w in words {
            out.words.push(self.words.get(&w.lower).copied().unwrap_or(inputs::UNKNOWN));
            out.suffixes.push(self.suffixes.get(&w.suffix[2]).copied().unwrap_or(inputs::UNKNOWN));
        }
    }
}

#[cfg(test)]
mod tests;
