//! What the neural scorer looks at in a parser state: a fixed list of input slots, each
//! holding one value (a word, tag, label, suffix or a small combination) that picks a
//! row of the slot's embedding table.
//!
//! The words and children follow Chen & Manning (2014) adapted to arc-hybrid, where
//! `b0` gathers left children while it waits in the buffer: the three top stack words,
//! the three first buffer words, two leftmost and two rightmost children of `s0`, two
//! leftmost children of `b0`, the leftmost and two rightmost children of `s1`, and the
//! outer child of the outer child of `s0` (both sides) and of `b0` (left): 18 words, their
//! 18 tags and the 12 children's labels. Then suffixes of `s0`, `b0`, `b1`, and small
//! combinations the hidden layer would otherwise have to learn: tag pairs, tag ×
//! distance, tag × child label, and child counts.

use crate::parser::{dist_bucket, State, NO};

/// Word slots (the first six are the stack and buffer words; the rest are children).
pub const N_WORDS: usize = 18;
/// Word slots that are children (they see only the commonest words).
pub const FIRST_CHILD: usize = 6;
/// Label slots: one per child slot.
pub const N_LABELS: usize = N_WORDS - FIRST_CHILD;
/// Suffix slots: `s0`, `b0`, `b1`.
pub const N_SUFFIXES: usize = 3;
/// Combination slots, each with its own small table.
pub const N_EXTRAS: usize = 9;
/// Every slot: words, tags (one per word slot), labels, suffixes, combinations.
pub const N_SLOTS: usize = N_WORDS * 2 + N_LABELS + N_SUFFIXES + N_EXTRAS;

/// Word value of an unknown word.
pub const UNKNOWN: u32 = 0;
/// Word value of an empty place.
pub const ABSENT: u32 = 1;
/// Word value of the root.
pub const ROOT: u32 = 2;
/// Word values below this are the three above; known words follow, commonest first.
pub const FIRST_WORD: u32 = 3;

/// Distance buckets: 0..=6 and one for no distance.
const DISTS: u32 = 8;
/// Child counts 0..=5, more, none.
const COUNTS: u32 = 8;

/// The kinds of embedding table; slot `k` reads table [`slot_table`]`(k)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Words, shared by the word slots.
    Word,
    /// Tags, shared by the tag slots.
    Tag,
    /// Labels, shared by the label slots.
    Label,
    /// Three-letter suffixes, shared by the suffix slots.
    Suffix,
    /// Combination slot `i`'s own table.
    Extra(usize),
}

/// The table that slot `k` reads.
pub fn slot_table(k: usize) -> Table {
    if k < N_WORDS {
        Table::Word
    } else if k < 2 * N_WORDS {
        Table::Tag
    } else if k < 2 * N_WORDS + N_LABELS {
        Table::Label
    } else if k < 2 * N_WORDS + N_LABELS + N_SUFFIXES {
        Table::Suffix
    } else {
        Table::Extra(k - (2 * N_WORDS + N_LABELS + N_SUFFIXES))
    }
}

/// The sizes of the small value sets, from the tag and label counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Tags (values `0..tags`, then absent, then root).
    pub tags: u32,
    /// Labels (values `0..labels`, then none).
    pub labels: u32,
}

impl Sizes {
    /// Tag values: the tags, absent, root.
    pub fn tag_values(&self) -> u32 {
        self.tags + 2
    }
    /// Label values: the labels and none.
    pub fn label_values(&self) -> u32 {
        self.labels + 1
    }
    /// Rows of combination table `i`.
    pub fn extra_rows(&self, i: usize) -> u32 {
        let (t, l) = (self.tag_values(), self.label_values());
        match i {
            0 | 1 => t * t,
            2 | 3 => t * DISTS,
            4 | 5 => t * l,
            _ => COUNTS,
        }
    }
}

/// How many slots [`folds`] names.
pub const N_FOLDS: usize = 5;

/// A slot whose value can be read off a combination slot's value: the slot's value is
/// the combination's `/ divisor % modulus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    /// The slot.
    pub slot: usize,
    /// The combination slot that holds its value.
    pub into: usize,
    /// What the combination's value is divided by, then taken the remainder of.
    pub divisor: u32,
    /// See `divisor`.
    pub modulus: u32,
}

/// The slots whose values the combinations already hold (as [`fill`] writes them): the
/// tags of `s0`, `s1`, `b0` (in tag × distance and tag × child label) and the labels of
/// `s0r1` and `b0l1` (in tag × child label). A scorer that precomputes rows can add
/// each such slot's rows into its combination's and skip the slot: the same sums with
/// five lookups fewer.
///
/// ```
/// use sitrep_syntax::nn::inputs::{folds, Sizes};
/// let f = folds(Sizes { tags: 50, labels: 40 });
/// let (tag_b0, label_b0l1) = (f[2], f[3]);
/// assert_eq!(tag_b0.into, label_b0l1.into);
/// let value = 7 * 41 + 12; // tag 7, label 12
/// assert_eq!((value / tag_b0.divisor % tag_b0.modulus, value / label_b0l1.divisor % label_b0l1.modulus), (7, 12));
/// ```
pub fn folds(sizes: Sizes) -> [Fold; N_FOLDS] {
    let e = 2 * N_WORDS + N_LABELS + N_SUFFIXES;
    let (t, l) = (sizes.tag_values(), sizes.label_values());
    let tag = |k: usize| N_WORDS + k;
    let label = |k: usize| 2 * N_WORDS + k - FIRST_CHILD;
    // Word places: s0 0, s1 1, b0 3, s0r1 8, b0l1 10 (see `fill`).
    [
        Fold { slot: tag(0), into: e + 2, divisor: DISTS, modulus: t },
        Fold { slot: tag(1), into: e + 3, divisor: DISTS, modulus: t },
        Fold { slot: tag(3), into: e + 5, divisor: l, modulus: t },
        Fold { slot: label(10), into: e + 5, divisor: 1, modulus: l },
        Fold { slot: label(8), into: e + 4, divisor: 1, modulus: l },
    ]
}

/// The per-word values of one sentence: word and suffix numbers (see [`crate::nn::Net`]).
#[derive(Debug, Default, Clone)]
pub struct SentenceValues {
    /// Word value of each word.
    pub words: Vec<u32>,
    /// Suffix value of each word.
    pub suffixes: Vec<u32>,
    /// Word, tag and suffix values of every place a slot can point at, for
    /// [`fill_placed`]: the words, then the root, then one for no word (made by
    /// [`SentenceValues::place`]).
    pub places: Vec<[u32; 3]>,
}

impl SentenceValues {
    /// Make [`SentenceValues::places`] from the words' and suffixes' values and `tags`:
    /// what [`fill`] reads for a word, the root (place `n`) and no word (place `n + 1`).
    pub fn place(&mut self, tags: &[u8], sizes: Sizes) {
        let n = self.words.len();
        self.places.clear();
        for i in 0..n {
            let tag = tags.get(i).map_or(sizes.tags, |&t| t as u32);
            self.places.push([self.words[i], tag, self.suffixes.get(i).copied().unwrap_or(UNKNOWN)]);
        }
        self.places.push([ROOT, sizes.tags + 1, ROOT]);
        self.places.push([ABSENT, sizes.tags, ABSENT]);
    }
}

/// [`fill`] with every place looked up in [`SentenceValues::places`] (made for this
/// sentence and these tags) and in the state's arrays, whose last entry, one past the
/// root, stands for no word (no head, no children): a word that is not there becomes
/// that place by taking the smaller of the two numbers, not by a branch (whether a
/// child is there is as good as random). The same values as [`fill`], which it falls
/// back on if the places or the state are not that long.
#[inline]
pub fn fill_placed(st: &State, sent: &SentenceValues, tags: &[u8], sizes: Sizes, child_words: u32, out: &mut [u32; N_SLOTS]) {
    fill_placed_into(st, sent, tags, sizes, child_words, out);
}

/// What [`fill_placed_into`] hands each slot's value to, as soon as it is known.
pub trait SlotSink {
    /// Slot `k` holds value `v`.
    fn put(&mut self, k: usize, v: u32);
}

/// The plain sink: the values in slot order.
impl SlotSink for [u32; N_SLOTS] {
    #[inline(always)]
    fn put(&mut self, k: usize, v: u32) {
        if let Some(o) = self.get_mut(k) {
            *o = v;
        }
    }
}

/// [`fill_placed`] handing each value to `out` as it is found (a scorer can start
/// fetching the slot's row while the other slots are still being filled).
#[inline(always)]
pub fn fill_placed_into<S: SlotSink + ?Sized>(st: &State, sent: &SentenceValues, tags: &[u8], sizes: Sizes, child_words: u32, out: &mut S) {
    let n = st.n;
    let none = n + 1;
    let places = &sent.places[..];
    if places.len() != n + 2 || [st.heads.len(), st.labels.len(), st.left.len(), st.right.len(), st.n_left.len(), st.n_right.len()].iter().any(|&l| l < n + 2) {
        let mut plain = [0; N_SLOTS];
        fill(st, sent, tags, sizes, child_words, &mut plain);
        for (k, &v) in plain.iter().enumerate() {
            out.put(k, v);
        }
        return;
    }
    let place = |i: u32| -> usize { (i as usize).min(none) };
    let (s0, s1, s2) = (place(st.s(0)), place(st.s(1)), place(st.s(2)));
    let (b0, b1, b2) = (st.b0.min(none), (st.b0 + 1).min(none), (st.b0 + 2).min(none));
    let (s0l1, s0r1, b0l1) = (place(st.left[s0][0]), place(st.right[s0][0]), place(st.left[b0][0]));
    let at: [usize; N_WORDS] = [
        s0,
        s1,
        s2,
        b0,
        b1,
        b2,
        s0l1,
        place(st.left[s0][1]),
        s0r1,
        place(st.right[s0][1]),
        b0l1,
        place(st.left[b0][1]),
        place(st.left[s1][0]),
        place(st.right[s1][0]),
        place(st.right[s1][1]),
        place(st.left[s0l1][0]),
        place(st.right[s0r1][0]),
        place(st.left[b0l1][0]),
    ];
    let label = |p: usize| -> u32 {
        if st.heads[p] == NO {
            sizes.labels
        } else {
            st.labels[p] as u32
        }
    };
    let count = |v: &[u8], p: usize| -> u32 {
        let c = (v[p] as u32).min(COUNTS - 2);
        if p == none {
            COUNTS - 1
        } else {
            c
        }
    };
    for (k, &p) in at.iter().enumerate() {
        let [w, t, _] = places[p];
        out.put(k, if k >= FIRST_CHILD && w >= child_words { UNKNOWN } else { w });
        out.put(N_WORDS + k, t);
    }
    for k in 0..N_LABELS {
        out.put(2 * N_WORDS + k, label(at[FIRST_CHILD + k]));
    }
    let x = 2 * N_WORDS + N_LABELS;
    out.put(x, places[s0][2]);
    out.put(x + 1, places[b0][2]);
    out.put(x + 2, places[b1][2]);
    let d = if s0 != none && b0 != none { dist_bucket(b0 - s0) as u32 } else { DISTS - 1 };
    let d01 = if s0 != none && s1 != none { dist_bucket(s0 - s1) as u32 } else { DISTS - 1 };
    let (t, l) = (sizes.tag_values(), sizes.label_values());
    let e = x + N_SUFFIXES;
    let (ts0, ts1, tb0) = (places[s0][1], places[s1][1], places[b0][1]);
    out.put(e, ts0 * t + tb0);
    out.put(e + 1, ts1 * t + ts0);
    out.put(e + 2, ts0 * DISTS + d);
    out.put(e + 3, ts1 * DISTS + d01);
    out.put(e + 4, ts0 * l + label(s0r1));
    out.put(e + 5, tb0 * l + label(b0l1));
    out.put(e + 6, count(&st.n_left, s0));
    out.put(e + 7, count(&st.n_right, s0));
    out.put(e + 8, count(&st.n_left, b0));
}

/// Fill `out` with the slot values of state `st`; `child_words` bounds the word values
/// of the child slots (larger ones become [`UNKNOWN`]).
#[inline]
pub fn fill(st: &State, sent: &SentenceValues, tags: &[u8], sizes: Sizes, child_words: u32, out: &mut [u32; N_SLOTS]) {
    let n = st.n;
    let child = |set: &[[u32; 2]], i: u32, k: usize| -> u32 {
        if i == NO {
            NO
        } else {
            set[i as usize][k]
        }
    };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let b = |k: usize| -> u32 {
        if st.b0 + k <= n {
            (st.b0 + k) as u32
        } else {
            NO
        }
    };
    let (b0, b1, b2) = (b(0), b(1), b(2));
    let (s0l1, s0r1, b0l1) = (child(&st.left, s0, 0), child(&st.right, s0, 0), child(&st.left, b0, 0));
    let at: [u32; N_WORDS] = [
        s0,
        s1,
        s2,
        b0,
        b1,
        b2,
        s0l1,
        child(&st.left, s0, 1),
        s0r1,
        child(&st.right, s0, 1),
        b0l1,
        child(&st.left, b0, 1),
        child(&st.left, s1, 0),
        child(&st.right, s1, 0),
        child(&st.right, s1, 1),
        child(&st.left, s0l1, 0),
        child(&st.right, s0r1, 0),
        child(&st.left, b0l1, 0),
    ];
    let word = |i: u32| -> u32 {
        if i == NO {
            ABSENT
        } else if i as usize >= n {
            ROOT
        } else {
            sent.words[i as usize]
        }
    };
    let tag = |i: u32| -> u32 {
        if i == NO {
            sizes.tags
        } else if i as usize >= n {
            sizes.tags + 1
        } else {
            tags[i as usize] as u32
        }
    };
    let label = |i: u32| -> u32 {
        if i == NO || st.heads[i as usize] == NO {
            sizes.labels
        } else {
            st.labels[i as usize] as u32
        }
    };
    let suffix = |i: u32| -> u32 {
        if i == NO {
            ABSENT
        } else if i as usize >= n {
            ROOT
        } else {
            sent.suffixes[i as usize]
        }
    };
    let count = |v: &[u8], i: u32| -> u32 {
        if i == NO {
            COUNTS - 1
        } else {
            (v[i as usize] as u32).min(COUNTS - 2)
        }
    };
    for (k, &i) in at.iter().enumerate() {
        let w = word(i);
        out[k] = if k >= FIRST_CHILD && w >= child_words { UNKNOWN } else { w };
        out[N_WORDS + k] = tag(i);
    }
    for k in 0..N_LABELS {
        out[2 * N_WORDS + k] = label(at[FIRST_CHILD + k]);
    }
    let x = 2 * N_WORDS + N_LABELS;
    out[x] = suffix(s0);
    out[x + 1] = suffix(b0);
    out[x + 2] = suffix(b1);
    let d = if s0 != NO && b0 != NO { dist_bucket(b0 as usize - s0 as usize) as u32 } else { DISTS - 1 };
    let d01 = if s0 != NO && s1 != NO { dist_bucket(s0 as usize - s1 as usize) as u32 } else { DISTS - 1 };
    let (t, l) = (sizes.tag_values(), sizes.label_values());
    let e = x + N_SUFFIXES;
    out[e] = tag(s0) * t + tag(b0);
    out[e + 1] = tag(s1) * t + tag(s0);
    out[e + 2] = tag(s0) * DISTS + d;
    out[e + 3] = tag(s1) * DISTS + d01;
    out[e + 4] = tag(s0) * l + label(s0r1);
    out[e + 5] = tag(b0) * l + label(b0l1);
    out[e + 6] = count(&st.n_left, s0);
    out[e + 7] = count(&st.n_right, s0);
    out[e + 8] = count(&st.n_left, b0);
}
