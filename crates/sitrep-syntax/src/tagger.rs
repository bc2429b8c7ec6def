//! The part-of-speech tagger: a greedy left-to-right averaged perceptron that predicts
//! the pair (UPOS, XPOS) as one tag, with the usual lexical features (Ratnaparkhi 1996;
//! Collins 2002) plus the most frequent tag of the next two words from a tag dictionary,
//! which stands in for the right context a greedy tagger cannot see.

use std::collections::HashMap;

use crate::hash::{feature, mix, BuildKeyHasher};
use crate::perceptron::{Row, ScoreCache, Trainer, Weights};
use crate::words::WordInfo;

/// Tag number meaning "no word here" (before the sentence start or after its end).
pub const NONE: u64 = 0xFFFF;

/// The dictionary's tag of a word it does not hold.
const UNKNOWN: u64 = 0xFFFE;

/// Number of feature templates.
const N_FEATURES: usize = 30;

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    /// Tag number → (UPOS, XPOS).
    pub tags: Vec<(&'static str, &'static str)>,
    /// Lower-cased word → its most frequent tag in training, for frequent words.
    pub dictionary: HashMap<u64, u8, BuildKeyHasher>,
    /// Tags from word lists for words the treebank showed too rarely to be in
    /// `dictionary` (irregular verb forms: "tore", "strode"), asked when it has none; never
    /// written into a model file.
    pub word_list: HashMap<u64, u8, BuildKeyHasher>,
    /// Words whose tag the treebank all but never varies ("the", "and", "they"): tagged
    /// from this table without scoring; never written into a model file.
    pub sure: HashMap<u64, u8, BuildKeyHasher>,
    /// The weights.
    pub weights: Weights,
    /// The tag numbers the tag rules write (see [`RuleTags`]).
    pub rule_tags: RuleTags,    /// The rows of the features over tags alone ([`small_features`]), looked up in
    /// `weights` on first use.
    small_rows: LazySmallRows,
}

/// The rows of the tagger's features over tags alone, by the tags' numbers, so that
/// tagging adds them without hashing or probing; made on first use.
#[derive(Clone, Default)]
struct LazySmallRows(std::sync::OnceLock<SmallRows>);

/// Made or not, the rows are those of the same weights.
impl PartialEq for LazySmallRows {
    fn eq(&self, _: &LazySmallRows) -> bool {
        true
    }
}

impl std::fmt::Debug for LazySmallRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SmallRows({})", if self.0.get().is_some() { "made" } else { "not yet" })
    }
}

/// The rows of [`small_features`] for every value of its tags: a tag's number, then
/// [`UNKNOWN`], then [`NONE`] (`m` values in all).
#[derive(Clone)]
struct SmallRows {
    /// Number of values of one tag.
    m: usize,
    /// Template 11 by `p1`, then 12 by `(p2, p1)`, 20 by `n1`, 21 by `(n1, n2)`, 22 by
    /// `(p1, n1)`.
    rows: Vec<Row>,
}

impl SmallRows {
    /// Look up the rows of `weights` for `n_tags` tags.
    fn new(weights: &Weights, n_tags: usize) -> SmallRows {
        let m = n_tags + 2;
        let value = |a: usize| if a < n_tags { a as u64 } else if a == n_tags { UNKNOWN } else { NONE };
        let row = |k: usize, p1: usize, p2: usize, n1: usize, n2: usize| weights.row(small_features(value(p1), value(p2), value(n1), value(n2))[k]);
        let mut rows = Vec::with_capacity(2 * m + 3 * m * m);
        rows.extend((0..m).map(|p1| row(0, p1, 0, 0, 0)));
        rows.extend((0..m * m).map(|x| row(1, x % m, x / m, 0, 0)));
        rows.extend((0..m).map(|n1| row(2, 0, 0, n1, 0)));
        rows.extend((0..m * m).map(|x| row(3, 0, 0, x / m, x % m)));
        rows.extend((0..m * m).map(|x| row(4, x / m, 0, x % m, 0)));
        SmallRows { m, rows }
    }

    /// The number of value `v` among a tag's values, if it is one.
    #[inline(always)]
    fn at(&self, v: u64) -> Option<usize> {
        let n_tags = self.m - 2;
        match v {
            NONE => Some(n_tags + 1),
            UNKNOWN => Some(n_tags),
            v if (v as usize) < n_tags => Some(v as usize),
            _ => None,
        }
    }

    /// The rows of [`small_features`]`(p1, p2, n1, n2)`, if every value is a tag's.
    #[inline(always)]
    fn of(&self, p1: u64, p2: u64, n1: u64, n2: u64) -> Option<[Row; 5]> {
        let (p1, p2, n1, n2) = (self.at(p1)?, self.at(p2)?, self.at(n1)?, self.at(n2)?);
        let m = self.m;
        let at = |i: usize| self.rows.get(i).copied();
        Some([at(p1)?, at(m + p2 * m + p1)?, at(m + m * m + n1)?, at(2 * m + m * m + n1 * m + n2)?, at(2 * m + 2 * m * m + p1 * m + n1)?])
    }
}

/// The tag numbers the rules after tagging write (`Syntax::analyze_into`), found once
/// when the tagger is made; `None` where the model lacks the tag.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RuleTags {
    /// `PROPN`/`NNP`: a name.
    pub nnp: Option<u8>,
    /// `NOUN`/`NN`: a common noun.
    pub nn: Option<u8>,
    /// `VERB`/`VBD`: a past tense.
    pub vbd: Option<u8>,
    /// `VERB`/`VBG`: a form in "-ing", which the tagger gives no other word.
    pub vbg: Option<u8>,
    /// `ADP`/`IN`: a preposition.
    pub prep: Option<u8>,
}

impl RuleTags {
    /// The numbers of the rules' tags among `tags`.
    ///
    /// ```
    /// let tags = vec![("NOUN", "NN"), ("VERB", "VBD")];
    /// let r = sitrep_syntax::tagger::RuleTags::find(&tags);
    /// assert_eq!((r.nn, r.vbd, r.nnp), (Some(0), Some(1), None));
    /// ```
    pub fn find(tags: &[(&str, &str)]) -> RuleTags {
        let number = |upos: &str, xpos: &str| tags.iter().position(|&(u, p)| u == upos && p == xpos).map(|i| i as u8);
        RuleTags { nnp: number("PROPN", "NNP"), nn: number("NOUN", "NN"), vbd: number("VERB", "VBD"), vbg: number("VERB", "VBG"), prep: number("ADP", "IN") }
    }
}

impl Tagger {
    /// A tagger from its tags, dictionary and weights.
    pub fn new(tags: Vec<(&'static str, &'static str)>, dictionary: HashMap<u64, u8, BuildKeyHasher>, weights: Weights) -> Tagger {
        let rule_tags = RuleTags::find(&tags);
        Tagger { tags, dictionary, word_list: HashMap::default(), sure: HashMap::default(), weights, rule_tags, small_rows: LazySmallRows::default() }
    }
}

/// Reused buffers for tagging one sentence after another, and the summed scores of the
/// features of the words met lately that depend on the word alone ([`static_features`]),
/// in a [`ScoreCache`] keyed by all the word's hashes and flags.
///
/// The memory belongs to the tagger a scratch was last used with (told apart by its
/// address and the sizes of its tables): a tagger whose tables are changed after it has
/// tagged with a scratch should be given a fresh one.
#[derive(Default)]
pub struct TagScratch {
    features: Vec<u64>,
    scores: Vec<i32>,
    /// The dictionary's tag of each word of the sentence.
    dict: Vec<u64>,
    /// The tag of each word of the sentence that is tagged without scoring ([`Tagger::sure`]).
    sure: Vec<Option<u8>>,
    /// The scores of the word-only features of the words met lately.
    remembered: ScoreCache,
    /// The rows of the words met lately as neighbours ([`neighbour_features`]).
    neighbours: Neighbours,
    /// The rows of each word of the sentence as a neighbour, and (last) of no word.
    sentence_rows: Vec<[Row; 6]>,
    /// The rows of the [`neighbour_features`] of the words of `unremembered`, six a
    /// word, as they are looked up.
    found_rows: Vec<Row>,
    /// The words of the sentence (by index; its length for no word) that
    /// [`Neighbours`] does not remember, with what the tagger's tables say of them.
    unremembered: Vec<(usize, Known)>,
}

/// What the tagger knows of a word by its hashes alone ([`Known`]): the rows of the
/// features it gives the words around it ([`neighbour_features`]) and its tags in the
/// tagger's tables, remembered by the word's hashes in [`Neighbours::SLOTS`] slots (made
/// after [`Neighbours::AFTER`] words), for the tagger named by `owner`: one look at
/// memory for a word met lately instead of one per table.
#[derive(Default)]
struct Neighbours {
    owner: [usize; 4],
    /// Words asked for before the slots were made.
    asked: usize,
    slots: Vec<NeighbourSlot>,
}

/// One word's [`Known`], by its lower-cased form's hash and third suffix's: a cache line
/// of its own (48 bytes would leave every other slot across two lines, two misses).
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
struct NeighbourSlot {
    lower: u64,
    suffix3: u64,
    /// Whether the slot holds a word.
    full: bool,
    known: Known,
}

/// What the tagger knows of a word by its lower-cased form's hash and third suffix's.
#[derive(Clone, Copy, Default)]
struct Known {
    /// The rows of [`neighbour_features`] of the word.
    rows: [Row; 6],
    /// Its tag in the dictionary, else in the word lists, else [`UNKNOWN`].
    dict: u16,
    /// Its tag when it is one of the words tagged without scoring.
    sure: Option<u8>,
}

impl Neighbours {
    /// Number of slots.
    const SLOTS: usize = 1 << 13;
    /// Words looked up before the slots are made.
    const AFTER: usize = 1000;

    /// Whether the slots are made, after counting `words` more words.
    fn ready(&mut self, owner: [usize; 4], words: usize) -> bool {
        if self.owner != owner {
            self.owner = owner;
            self.slots.clear();
        }
        if self.slots.is_empty() {
            self.asked = self.asked.saturating_add(words);
            if self.asked > Self::AFTER {
                self.slots = vec![NeighbourSlot::default(); Self::SLOTS];
            }
        }
        !self.slots.is_empty()
    }

    /// The slot of the word of hashes `lower` and `suffix3`.
    #[inline(always)]
    fn slot(lower: u64, suffix3: u64) -> usize {
        ((lower ^ suffix3.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (Self::SLOTS - 1)
    }

    /// What is remembered of the word of hashes `lower` and `suffix3` (both [`NONE`] for
    /// no word), if it is.
    #[inline]
    fn get(&self, lower: u64, suffix3: u64) -> Option<Known> {
        self.slots.get(Self::slot(lower, suffix3)).filter(|slot| slot.full && slot.lower == lower && slot.suffix3 == suffix3).map(|slot| slot.known)
    }

    /// Ask the CPU to start loading the slot of the word of hashes `lower` and `suffix3`.
    #[inline]
    fn prefetch(&self, lower: u64, suffix3: u64) {
        if let Some(slot) = self.slots.get(Self::slot(lower, suffix3)) {
            sitrep_learn::buf::prefetch(slot);
        }
    }

    /// Remember `known` of the word of hashes `lower` and `suffix3`, in place of the
    /// word its slot held.
    #[inline]
    fn put(&mut self, lower: u64, suffix3: u64, known: Known) {
        if let Some(slot) = self.slots.get_mut(Self::slot(lower, suffix3)) {
            *slot = NeighbourSlot { lower, suffix3, full: true, known };
        }
    }
}

impl Tagger {
    /// The tags of the word whose lower-cased form's hash is `lower` in the dictionary
    /// (else the word lists) and among the words tagged without scoring (no rows).
    fn tags_of(&self, lower: u64) -> Known {
        let dict = self.dictionary.get(&lower).or_else(|| self.word_list.get(&lower)).map_or(UNKNOWN, |&t| t as u64);
        Known { rows: [Row::default(); 6], dict: dict as u16, sure: self.sure.get(&lower).copied() }
    }

    /// The [`neighbour_features`] that the word of hashes `lower` and `suffix3` gives
    /// the words around it, whose rows are the word's [`Known::rows`].
    fn neighbour_keys(lower: u64, suffix3: u64) -> [u64; 6] {
        neighbour_features(lower, suffix3, lower, lower, suffix3, lower)
    }

    /// Fill the scratch's per-word vectors for `words`: the dictionary's tag and the sure
    /// tag of each word, and (once the scratch remembers words, else none) each word's
    /// rows as a neighbour, then those of no word.
    fn look_up(&self, words: &[WordInfo], owner: [usize; 4], scratch: &mut TagScratch) {
        let TagScratch { neighbours, sentence_rows, dict, sure, features, found_rows, unremembered, .. } = scratch;
        sentence_rows.clear();
        dict.clear();
        sure.clear();
        if neighbours.ready(owner, words.len()) {
            // The rows of the words not remembered (and of no word, last) are looked up
            // together, so that their misses overlap instead of coming one after another.
            features.clear();
            unremembered.clear();
            let hashes = |j: usize| words.get(j).map_or((NONE, NONE), |w| (w.lower, w.suffix[2]));
            // (The slots too are asked for first: the table outgrows the nearest caches.)
            for j in 0..=words.len() {
                let (lower, suffix3) = hashes(j);
                neighbours.prefetch(lower, suffix3);
            }
            for j in 0..=words.len() {
                let (lower, suffix3) = hashes(j);
                let known = neighbours.get(lower, suffix3).unwrap_or_else(|| {
                    features.extend_from_slice(&Self::neighbour_keys(lower, suffix3));
                    let known = self.tags_of(lower);
                    unremembered.push((j, known));
                    known
                });
                sentence_rows.push(known.rows);
                if j < words.len() {
                    dict.push(known.dict as u64);
                    sure.push(known.sure);
                }
            }
            self.weights.rows_into(features, found_rows);
            for (&(j, known), rows) in unremembered.iter().zip(found_rows.chunks_exact(6)) {
                let known = Known { rows: [rows[0], rows[1], rows[2], rows[3], rows[4], rows[5]], ..known };
                if let Some(at) = sentence_rows.get_mut(j) {
                    *at = known.rows;
                }
                let (lower, suffix3) = hashes(j);
                neighbours.put(lower, suffix3, known);
            }
            found_rows.clear();
        } else {
            for w in words {
                let known = self.tags_of(w.lower);
                dict.push(known.dict as u64);
                sure.push(known.sure);
            }
        }
    }

    /// Tag the words of one sentence, writing tag numbers into `out`.
    pub fn tag(&self, words: &[WordInfo], out: &mut Vec<u8>, scratch: &mut TagScratch) {
        out.clear();
        scratch.scores.resize(self.tags.len(), 0);
        // (The sizes of the word lists' tables share the last place.)
        let lists = self.word_list.len() ^ self.sure.len().rotate_left(usize::BITS / 2);
        let owner = [self as *const Tagger as usize, self.weights.n_features(), self.dictionary.len(), lists];
        scratch.remembered.prepare(owner, self.tags.len(), words.len());
        let small_rows = self.small_rows.0.get_or_init(|| SmallRows::new(&self.weights, self.tags.len()));
        self.look_up(words, owner, scratch);
        // The remembered scores of each word are asked for a few words ahead, so that
        // their misses overlap with the work on the words before.
        const AHEAD: usize = 2;
        let prefetch = |scratch: &TagScratch, j: usize| {
            if let (Some(w), Some(None)) = (words.get(j), scratch.sure.get(j)) {
                scratch.remembered.prefetch(&w.cache_key(flags_of(w, j)));
            }
        };
        (0..AHEAD).for_each(|j| prefetch(scratch, j));
        for i in 0..words.len() {
            prefetch(scratch, i + AHEAD);
            if let Some(&Some(tag)) = scratch.sure.get(i) {
                out.push(tag);
                continue;
            }
            let known = &scratch.dict;
            let dict = |j: usize| known.get(j).copied().unwrap_or(NONE);
            let w = &words[i];
            let flags = flags_of(w, i);
            match scratch.remembered.get(&w.cache_key(flags), |s| self.weights.score(&static_features(w, flags, dict(i)), s)) {
                Some(remembered) => {
                    let tag = |back: usize| -> u64 { if i >= back { out[i - back] as u64 } else { NONE } };
                    let near = |j: isize| -> Option<&[Row; 6]> {
                        let k = i as isize + j;
                        let none = scratch.sentence_rows.last();
                        if k < 0 {
                            none
                        } else {
                            scratch.sentence_rows.get(k as usize).filter(|_| (k as usize) < words.len()).or(none)
                        }
                    };
                    match (small_rows.of(tag(1), tag(2), dict(i + 1), dict(i + 2)), near(-2), near(-1), near(1), near(2)) {
                        (Some(s), Some(m2), Some(m1), Some(p1), Some(p2)) => {
                            let rows = [s[0], s[1], s[2], s[3], s[4], m1[0], m1[1], m2[2], p1[3], p1[4], p2[5]];
                            self.weights.score_rows_onto(remembered, &rows, &hashed_features(words, i, out, dict, flags), &mut scratch.scores)
                        }
                        _ => self.weights.score_rows_onto(remembered, &[], &dynamic_features(words, i, out, dict, flags), &mut scratch.scores),
                    }
                }
                None => {
                    features_with(words, i, out, dict, &mut scratch.features);
                    scratch.scores.iter_mut().for_each(|s| *s = 0);
                    self.weights.score(&scratch.features, &mut scratch.scores);
                }
            }
            let mut best = argmax_int(&scratch.scores);
            // Only a word in "-ing" is a gerund or participle ("before *dawn* on Friday"
            // is no "before leaving"); "gon" is EWT's half of "gonna".
            if Some(best as u8) == self.rule_tags.vbg && !(words[i].ends_with("ing") || words[i].ends_with("in'") || words[i].ends_with("gon")) {
                scratch.scores[best] = i32::MIN;
                best = argmax_int(&scratch.scores);
            }
            out.push(best as u8);
        }
    }
}

/// The index of the highest integer score (the first on ties; 0 when there is none):
/// the maximum first, found with vector instructions, then where it is.
///
/// ```
/// assert_eq!(sitrep_syntax::tagger::argmax_int(&[3, 9, 1, 9]), 1);
/// ```
pub fn argmax_int(scores: &[i32]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been found to support AVX2.
        return unsafe { argmax_int_avx2(scores) };
    }
    argmax_int_with(scores)
}

/// [`argmax_int`] compiled for AVX2: eight scores to an instruction.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn argmax_int_avx2(scores: &[i32]) -> usize {
    argmax_int_with(scores)
}

/// [`argmax_int`]: the maximum, then the first block of eight that holds it (each block
/// compared whole, which vector instructions do at once), then its place in the block.
#[inline(always)]
fn argmax_int_with(scores: &[i32]) -> usize {
    let top = scores.iter().copied().max().unwrap_or(0);
    let mut at = 0;
    for block in scores.chunks(8) {
        if block.iter().fold(false, |found, &s| found | (s == top)) {
            return at + block.iter().position(|&s| s == top).unwrap_or(0);
        }
        at += block.len();
    }
    0
}

/// The index of the highest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

fn dict(words: &[WordInfo], i: usize, dictionary: &HashMap<u64, u8, BuildKeyHasher>) -> u64 {
    match words.get(i) {
        Some(w) => dictionary.get(&w.lower).map_or(UNKNOWN, |&t| t as u64),
        None => NONE,
    }
}

/// The features of word `i` given the tags already chosen for the words before it.
pub fn features(words: &[WordInfo], i: usize, tags: &[u8], dictionary: &HashMap<u64, u8, BuildKeyHasher>, out: &mut Vec<u64>) {
    features_with(words, i, tags, |j| dict(words, j, dictionary), out);
}

/// [`features`] with the dictionary's tag of word `j` given by `dict(j)`.
#[inline(always)]
fn features_with(words: &[WordInfo], i: usize, tags: &[u8], dict: impl Fn(usize) -> u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let flags = flags_of(w, i);
    let s = static_features(w, flags, dict(i));
    let d = dynamic_features(words, i, tags, dict, flags);
    // Template order: 0–10 of the word, 11–24 of its context, 25 of the word, 26–29 of
    // its context.
    out.extend_from_slice(&s[..N_STATIC - 1]);
    out.extend_from_slice(&d[..14]);
    out.push(s[N_STATIC - 1]);
    out.extend_from_slice(&d[14..]);
    debug_assert_eq!(out.len(), N_FEATURES);
}

/// Number of feature templates that depend on the word alone.
const N_STATIC: usize = 12;

/// The flags of word `i`: capitalised, digit, hyphen, all capitals, first in the sentence.
#[inline(always)]
fn flags_of(w: &WordInfo, i: usize) -> u64 {
    (w.title as u64) | (w.digit as u64) << 1 | (w.hyphen as u64) << 2 | (w.upper as u64) << 3 | ((i == 0) as u64) << 4
}

/// The features of a word that depend on it alone (templates 0–10 and 25), given its
/// flags ([`flags_of`]) and its tag in the dictionary `d0`.
#[inline(always)]
fn static_features(w: &WordInfo, flags: u64, d0: u64) -> [u64; N_STATIC] {
    let t = |n: u32, a: u64| feature(n, a, 0, 0);
    [
        t(0, 0),
        t(1, w.lower),
        t(2, w.suffix[0]),
        t(3, w.suffix[1]),
        t(4, w.suffix[2]),
        t(5, w.suffix[3]),
        t(6, w.prefix[0]),
        t(7, w.prefix[1]),
        t(8, w.prefix[2]),
        t(9, w.shape),
        t(10, flags),
        t(25, d0),
    ]
}

/// The features of word `i` that depend on its neighbours and the tags before it
/// (templates 11–24 and 26–29).
#[inline(always)]
fn dynamic_features(words: &[WordInfo], i: usize, tags: &[u8], dict: impl Fn(usize) -> u64, flags: u64) -> [u64; N_FEATURES - N_STATIC] {
    let tag = |back: usize| -> u64 { if i >= back { tags[i - back] as u64 } else { NONE } };
    let near = |j: isize| -> Option<&WordInfo> {
        let k = i as isize + j;
        if k < 0 {
            None
        } else {
            words.get(k as usize)
        }
    };
    let lower = |j: isize| near(j).map_or(NONE, |w| w.lower);
    let suffix3 = |j: isize| near(j).map_or(NONE, |w| w.suffix[2]);
    let s = small_features(tag(1), tag(2), dict(i + 1), dict(i + 2));
    let n = neighbour_features(lower(-1), suffix3(-1), lower(-2), lower(1), suffix3(1), lower(2));
    let h = hashed_features(words, i, tags, dict, flags);
    [s[0], s[1], h[0], n[0], n[1], n[2], n[3], n[4], n[5], s[2], s[3], s[4], h[1], h[2], h[3], h[4], h[5], h[6]]
}

/// The features over the tags around word `i` alone (templates 11, 12, 20, 21, 22), from
/// the tags of the two words before it and the dictionary's of the two after it: few
/// enough values to have their rows looked up ahead ([`SmallRows`]).
#[inline(always)]
fn small_features(p1: u64, p2: u64, n1: u64, n2: u64) -> [u64; 5] {
    [feature(11, p1, 0, 0), feature(12, p2, p1, 0), feature(20, n1, 0, 0), feature(21, n1, n2, 0), feature(22, p1, n1, 0)]
}

/// The features of one neighbour each (templates 14–19), from the lower-cased forms'
/// hashes of the words one and two before and after and the third suffixes of the words
/// next to it ([`NONE`] for no word): the rows a word gives its neighbours are
/// remembered with the word ([`Neighbours`]).
#[inline(always)]
fn neighbour_features(lower_1: u64, suffix3_1: u64, lower_2: u64, lower1: u64, suffix3p1: u64, lower2: u64) -> [u64; 6] {
    let t = |n: u32, a: u64| feature(n, a, 0, 0);
    [t(14, lower_1), t(15, suffix3_1), t(16, lower_2), t(17, lower1), t(18, suffix3p1), t(19, lower2)]
}

/// The features of word `i` over its neighbours that are neither its own, nor
/// [`small_features`], nor [`neighbour_features`] (templates 13, 23, 24, 26–29).
#[inline(always)]
fn hashed_features(words: &[WordInfo], i: usize, tags: &[u8], dict: impl Fn(usize) -> u64, flags: u64) -> [u64; 7] {
    let w = &words[i];
    let word = |j: isize| -> u64 {
        let k = i as isize + j;
        if k < 0 {
            NONE
        } else {
            words.get(k as usize).map_or(NONE, |w| w.lower)
        }
    };
    let tag = |back: usize| -> u64 { if i >= back { tags[i - back] as u64 } else { NONE } };
    let p1 = tag(1);
    let n1 = dict(i + 1);
    let d0 = dict(i);
    let t = |n: u32, a: u64, b: u64, c: u64| feature(n, a, b, c);
    [
        t(13, p1, w.lower, 0),
        t(23, w.lower, word(1), 0),
        t(24, word(-1), w.lower, 0),
        t(26, d0, n1, p1),
        t(27, w.suffix[2], p1, 0),
        t(28, mix(w.shape, flags), n1, 0),
        t(29, w.lower, n1, 0),
    ]
}

/// One sentence of training data: words and their gold tag numbers.
pub struct TaggedSentence {
    /// The words.
    pub words: Vec<WordInfo>,
    /// Gold tags.
    pub tags: Vec<u8>,
}

/// Train a tagger for `epochs` passes over `data`, shuffled by `seed` each pass.
pub fn train(
    data: &[TaggedSentence],
    tags: Vec<(&'static str, &'static str)>,
    dictionary: HashMap<u64, u8, BuildKeyHasher>,
    epochs: usize,
    seed: u64,
    prune: f32,
    mut progress: impl FnMut(usize, f64),
) -> Tagger {
    let mut trainer = Trainer::new(tags.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = sitrep_learn::rng::Rng::new(seed);
    let mut features_buf = Vec::new();
    let mut scores = vec![0.0f32; tags.len()];
    let mut guesses = Vec::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &s in &order {
            let sent = &data[s];
            guesses.clear();
            for i in 0..sent.words.len() {
                features(&sent.words, i, &guesses, &dictionary, &mut features_buf);
                scores.iter_mut().for_each(|x| *x = 0.0);
                trainer.score(&features_buf, &mut scores);
                let guess = argmax(&scores);
                trainer.tick();
                trainer.update(&features_buf, sent.tags[i] as usize, guess);
                right += (guess == sent.tags[i] as usize) as usize;
                total += 1;
                guesses.push(guess as u8);
            }
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    Tagger::new(tags, dictionary, trainer.average(prune))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Scratch;

    /// The rows looked up ahead are those of the features' keys, for every value.
    #[test]
    fn small_rows_are_the_features_rows() {
        let tagger = &crate::Syntax::builtin_perceptron().expect("the built-in model loads").tagger;
        let rows = SmallRows::new(&tagger.weights, tagger.tags.len());
        let n = tagger.tags.len() as u64;
        let values: Vec<u64> = (0..n).chain([UNKNOWN, NONE]).collect();
        for (k, &a) in values.iter().enumerate() {
            for &b in values.iter().skip(k % 3).step_by(3) {
                for (p1, p2, n1, n2) in [(a, b, a, b), (b, a, a, b), (a, b, b, a), (b, a, b, a)] {
                    let want = small_features(p1, p2, n1, n2).map(|f| tagger.weights.row(f));
                    assert_eq!(rows.of(p1, p2, n1, n2), Some(want));
                }
            }
        }
        assert_eq!(rows.of(n, NONE, NONE, NONE), None, "no tag's number");
    }

    /// The highest score's first place, found block by block, is the one a plain scan finds.
    #[test]
    fn argmax_int_finds_the_first_highest() {
        let plain = |s: &[i32]| s.iter().enumerate().fold(0, |b, (i, &x)| if x > s[b] { i } else { b });
        let mut x = 7u64;
        for n in [0, 1, 7, 8, 9, 16, 17, 102, 112] {
            for _ in 0..200 {
                let scores: Vec<i32> = (0..n)
                    .map(|_| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        ((x >> 40) % 9) as i32 - 4 + if x >> 63 == 1 { i32::MIN / 2 } else { 0 }
                    })
                    .collect();
                assert_eq!(argmax_int(&scores), if n == 0 { 0 } else { plain(&scores) }, "{scores:?}");
            }
        }
    }

    /// Words scored from a scratch's memory get the tags they get from a fresh scratch.
    #[test]
    fn remembered_scores_tag_as_fresh_ones() {
        let syntax = crate::Syntax::builtin_perceptron().expect("the built-in model loads");
        let tagger = &syntax.tagger;
        let sentences = [
            "Russian troops seized the airport near Kyiv on Friday , officials said .",
            "The ministry said 12 people were killed when SHELLING hit a market in Kharkiv .",
            "Protesters marched through Nairobi demanding the president 's resignation .",
            "Israel 's prime minister met U.S. envoys in Jerusalem to discuss a ceasefire .",
        ];
        let mut word_scratch = Scratch::default();
        let infos: Vec<Vec<WordInfo>> = sentences.iter().map(|s| s.split(' ').map(|w| WordInfo::new(w, &mut word_scratch)).collect()).collect();
        let mut warm = TagScratch::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for round in 0..100 {
            for words in &infos {
                tagger.tag(words, &mut a, &mut warm);
                tagger.tag(words, &mut b, &mut TagScratch::default());
                assert_eq!(a, b, "round {round}");
            }
        }
    }
}
