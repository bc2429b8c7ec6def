//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) scored by
//! an averaged perceptron over a trimmed form of the rich feature set of Zhang & Nivre
//! (2011), trained with the dynamic oracle of Goldberg & Nivre (2013) so that it learns to
//! recover from its own mistakes.
//!
//! The trimming: their tag triples are taken over UPOS, whose few values let them be
//! looked up ahead instead of hashed; the label-set and bilexical-pair features and the
//! third words' own features are gone. Each costs a lookup at every transition, and they
//! did not pay on EWT dev: 60 lookups a move, 20 of them hashed, instead of 80 and 52,
//! with UAS and LAS no lower.
//!
//! Why this road: it is linear in sentence length, needs no matrix library, runs at
//! hundreds of thousands of words a second on one core, and is within a few points of
//! neural parsers on English web text; the model is a table of sparse weights that loads
//! in milliseconds.
//!
//! The root sits at the end of the buffer (Ballesteros & Nivre 2013), and the root arc is
//! allowed only when the stack holds a single word, so every sentence gets one root.

use crate::hash::feature;
use crate::perceptron::{Row, Trainer, Weights};
use crate::tagger::NONE;
use crate::words::WordInfo;

/// No word: an empty stack place, a missing child.
pub(crate) const NO: u32 = u32::MAX;

/// A trained parser: its relation labels and weights.
///
/// Classes: 0 is SHIFT; `1 + l` attaches `s0` to `b0` with label `l` (LEFT);
/// `1 + L + l` attaches `s0` to `s1` (RIGHT).
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    /// Relation labels; one of them is `root`.
    pub labels: Vec<&'static str>,
    /// The weights.
    pub weights: Weights,
    /// The rows of the small-valued features, looked up from `weights` ahead when the
    /// perceptron first parses (never when a neural scorer does the parsing).
    direct: LazyDirect,
    /// The universal part of each tag (UPOS) as a number, for features over coarse tags.
    upos: Vec<u8>,
    /// A neural scorer used instead of the weights when present (see [`crate::nn`]).
    pub(crate) nn: Option<std::sync::Arc<crate::nn::FastNet>>,
}

impl Parser {
    /// A parser from its labels and weights, for the tagger's (UPOS, XPOS) tags `tags`.
    pub fn new(labels: Vec<&'static str>, weights: Weights, tags: &[(&str, &str)]) -> Parser {
        let upos = upos_numbers(tags);
        Parser { labels, weights, direct: LazyDirect::default(), upos, nn: None }
    }

    /// The rows of the small-valued features, looked up on first use.
    fn direct(&self) -> &Direct {
        self.direct.0.get_or_init(|| {
            let n_upos = self.upos.iter().map(|&u| u as usize + 1).max().unwrap_or(0);
            Direct::new(&self.weights, self.upos.len(), n_upos, self.labels.len())
        })
    }
}

/// [`Direct`] made on first use: a parser scoring with a neural network never needs it,
/// and looking up its rows is a good part of loading the model.
#[derive(Clone, Default)]
struct LazyDirect(std::sync::OnceLock<Direct>);

/// Made or not, the rows are those of the same weights.
impl PartialEq for LazyDirect {
    fn eq(&self, _: &LazyDirect) -> bool {
        true
    }
}

impl std::fmt::Debug for LazyDirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.get() {
            Some(d) => d.fmt(f),
            None => write!(f, "Direct(not yet)"),
        }
    }
}

/// The number of the UPOS of each tag: the UPOS values in order of first appearance.
pub(crate) fn upos_numbers(tags: &[(&str, &str)]) -> Vec<u8> {
    let mut seen: Vec<&str> = Vec::new();
    tags.iter()
        .map(|(u, _)| match seen.iter().position(|s| s == u) {
            Some(i) => i as u8,
            None => {
                seen.push(u);
                (seen.len() - 1) as u8
            }
        })
        .collect()
}

/// The rows of every feature whose values are all of small kinds ([`Sink::small`]), by
/// template and values, so that parsing adds them without hashing or probing.
#[derive(Clone, Default)]
struct Direct {
    n_tags: u64,
    n_upos: u64,
    n_labels: u64,
    /// Start of each template's rows in `rows` (`u32::MAX`: hashed instead).
    start: Vec<u32>,
    rows: Vec<Row>,
}

/// A cache of the weights: parsers with the same weights are the same parser.
impl PartialEq for Direct {
    fn eq(&self, _: &Direct) -> bool {
        true
    }
}

impl std::fmt::Debug for Direct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Direct({} rows)", self.rows.len())
    }
}

/// The feature templates as (hashed, small): the weight lookups of every transition,
/// hashed ones costing a hash and table probes, small ones a row looked up ahead.
pub fn template_counts() -> (usize, usize) {
    struct Count(usize, usize);
    impl Sink for Count {
        fn hashed(&mut self, _: u32, _: u64, _: u64, _: u64) {
            self.0 += 1;
        }
        fn small(&mut self, _: u32, _: &'static [Kind], _: [u64; 3]) {
            self.1 += 1;
        }
    }
    let mut st = State::default();
    st.start(0);
    let mut c = Count(0, 0);
    emit(&st, &[], &[], &[], &mut c);
    (c.0, c.1)
}

/// The (template, kinds) of every small-valued feature.
struct Register(Vec<(u32, &'static [Kind])>);

impl Sink for Register {
    fn hashed(&mut self, _: u32, _: u64, _: u64, _: u64) {}
    fn small(&mut self, template: u32, kinds: &'static [Kind], _: [u64; 3]) {
        self.0.push((template, kinds));
    }
}

impl Direct {
    fn new(weights: &Weights, n_tags: usize, n_upos: usize, n_labels: usize) -> Direct {
        let mut d = Direct { n_tags: n_tags as u64, n_upos: n_upos as u64, n_labels: n_labels as u64, start: Vec::new(), rows: Vec::new() };
        let mut st = State::default();
        st.start(0);
        let mut reg = Register(Vec::new());
        emit(&st, &[], &[], &[], &mut reg);
        for (template, kinds) in reg.0 {
            let t = template as usize;
            if d.start.len() <= t {
                d.start.resize(t + 1, u32::MAX);
            }
            let size: u64 = kinds.iter().map(|&k| d.size(k)).product();
            if d.start[t] != u32::MAX || d.rows.len() as u64 + size >= u32::MAX as u64 {
                continue;
            }
            d.start[t] = d.rows.len() as u32;
            for i in 0..size {
                let mut v = [0u64; 3];
                let mut rest = i;
                for (j, &k) in kinds.iter().enumerate().rev() {
                    v[j] = d.value(k, rest % d.size(k));
                    rest /= d.size(k);
                }
                d.rows.push(weights.row(feature(template, v[0], v[1], v[2])));
            }
        }
        d
    }

    /// How many values of kind `k` are looked up ahead.
    #[inline(always)]
    fn size(&self, k: Kind) -> u64 {
        match k {
            Kind::Tag => self.n_tags + 2,
            Kind::Upos => self.n_upos + 2,
            Kind::Label => self.n_labels + 1,
            Kind::Dist => 8,
            Kind::Count => MAX_COUNT + 2,
        }
    }

    /// The place of value `v` of kind `k` among those looked up ahead, and how many
    /// there are; the place is `u64::MAX` when `v` is not looked up ahead.
    #[inline(always)]
    fn place(&self, k: Kind, v: u64) -> (u64, u64) {
        let n = match k {
            Kind::Tag => self.n_tags,
            Kind::Upos => self.n_upos,
            Kind::Label => self.n_labels,
            Kind::Dist => 7,
            Kind::Count => MAX_COUNT + 1,
        };
        let tag = matches!(k, Kind::Tag | Kind::Upos);
        let extra = if tag { 2 } else { 1 };
        let i = if v < n {
            v
        } else if v == NONE {
            n + extra - 1
        } else if tag && v == ROOT_T {
            n
        } else {
            u64::MAX
        };
        (i, n + extra)
    }

    /// The value at place `i` of kind `k` (the inverse of [`Direct::place`]).
    fn value(&self, k: Kind, i: u64) -> u64 {
        match k {
            Kind::Tag if i == self.n_tags => ROOT_T,
            Kind::Tag if i == self.n_tags + 1 => NONE,
            Kind::Upos if i == self.n_upos => ROOT_T,
            Kind::Upos if i == self.n_upos + 1 => NONE,
            Kind::Label if i == self.n_labels => NONE,
            Kind::Dist if i == 7 => NONE,
            Kind::Count if i == MAX_COUNT + 1 => NONE,
            _ => i,
        }
    }
}

/// Rows looked up ahead where the values allow, keys for the rest.
struct Split<'a> {
    direct: &'a Direct,
    rows: &'a mut Vec<Row>,
    keys: &'a mut Vec<u64>,
}

impl Sink for Split<'_> {
    #[inline(always)]
    fn hashed(&mut self, template: u32, a: u64, b: u64, c: u64) {
        self.keys.push(feature(template, a, b, c));
    }
    #[inline(always)]
    fn small(&mut self, template: u32, kinds: &'static [Kind], v: [u64; 3]) {
        let d = self.direct;
        let start = d.start.get(template as usize).copied().unwrap_or(u32::MAX);
        if start != u32::MAX {
            let mut at = 0u64;
            let mut inside = true;
            for (j, &k) in kinds.iter().enumerate() {
                let (i, size) = d.place(k, v[j]);
                inside &= i < size;
                at = at.wrapping_mul(size).wrapping_add(i); // unused unless every part is inside
            }
            if inside {
                if let Some(&row) = d.rows.get(start as usize + at as usize) {
                    if row != Row::default() {
                        self.rows.push(row);
                    }
                    return;
                }
            }
        }
        self.keys.push(feature(template, v[0], v[1], v[2]));
    }
}

/// The parse of one sentence: head (word index, or `None` for the root) and label number
/// per word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parse {
    /// Head of each word; `None` for the sentence root.
    pub heads: Vec<Option<u32>>,
    /// Label number of each word, an index into [`Parser::labels`].
    pub labels: Vec<u8>,
}

/// Parser state, reused across sentences.
#[derive(Default)]
pub struct State {
    pub(crate) n: usize,
    pub(crate) stack: Vec<u32>,
    pub(crate) b0: usize,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
    /// Two leftmost and two rightmost children per word (NO when absent).
    pub(crate) left: Vec<[u32; 2]>,
    pub(crate) right: Vec<[u32; 2]>,
    pub(crate) n_left: Vec<u8>,
    pub(crate) n_right: Vec<u8>,
}

impl State {
    /// A state before the first move over `n` words. Places `0..n` are the words, `n`
    /// the root, and `n + 1` stands for no word: never attached, no children (the
    /// neural scorer's [`crate::nn::inputs::fill_placed`] reads it instead of branching).
    pub(crate) fn start(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b0 = 0;
        self.heads.clear();
        self.heads.resize(n + 2, NO);
        self.labels.clear();
        self.labels.resize(n + 2, 0);
        self.left.clear();
        self.left.resize(n + 2, [NO; 2]);
        self.right.clear();
        self.right.resize(n + 2, [NO; 2]);
        self.n_left.clear();
        self.n_left.resize(n + 2, 0);
        self.n_right.clear();
        self.n_right.resize(n + 2, 0);
    }

    pub(crate) fn done(&self) -> bool {
        self.stack.is_empty() && self.b0 >= self.n
    }

    pub(crate) fn s(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NO
        }
    }

    pub(crate) fn can_shift(&self) -> bool {
        self.b0 < self.n
    }
    pub(crate) fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b0 < self.n || self.stack.len() == 1)
    }
    pub(crate) fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    fn attach(&mut self, head: usize, child: u32, label: u8) {
        self.heads[child as usize] = head as u32;
        self.labels[child as usize] = label;
        if (child as usize) < head {
            let l = &mut self.left[head];
            if l[0] == NO || child < l[0] {
                l[1] = l[0];
                l[0] = child;
            } else if l[1] == NO || child < l[1] {
                l[1] = child;
            }
            self.n_left[head] = self.n_left[head].saturating_add(1);
        } else {
            let r = &mut self.right[head];
            if r[0] == NO || child > r[0] {
                r[1] = r[0];
                r[0] = child;
            } else if r[1] == NO || child > r[1] {
                r[1] = child;
            }
            self.n_right[head] = self.n_right[head].saturating_add(1);
        }
    }

    pub(crate) fn apply(&mut self, class: usize, n_labels: usize) {
        if class == 0 {
            self.stack.push(self.b0 as u32);
            self.b0 += 1;
        } else if class <= n_labels {
            let s0 = self.stack.pop().unwrap_or(NO);
            if s0 != NO {
                self.attach(self.b0, s0, (class - 1) as u8);
            }
        } else {
            let s0 = self.stack.pop().unwrap_or(NO);
            let s1 = self.s(0);
            if s0 != NO && s1 != NO {
                self.attach(s1 as usize, s0, (class - 1 - n_labels) as u8);
            }
        }
    }

    /// The finished parse of the sentence's `n` words into `out`: each word's head (none
    /// for the root) and label (`root_label` for the root).
    pub(crate) fn write_parse(&self, n: usize, root_label: usize, out: &mut Parse) {
        out.heads.clear();
        out.labels.clear();
        for i in 0..n {
            let h = self.heads[i];
            out.heads.push(if h == NO || h as usize >= n { None } else { Some(h) });
            out.labels.push(if h == NO { root_label as u8 } else { self.labels[i] });
        }
    }
}

/// Gold heads (`n` for the root) and labels of a training sentence.
pub struct Gold<'a> {
    /// Head of each word; the sentence length `n` for the root.
    pub heads: &'a [u32],
    /// Label number of each word.
    pub labels: &'a [u8],
}

pub(crate) fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

/// The feature vector of a state, as keys (for training).
fn features(st: &State, words: &[WordInfo], tags: &[u8], upos: &[u8], out: &mut Vec<u64>) {
    out.clear();
    emit(st, words, tags, upos, &mut Keys(out));
}

/// What the parser's features are made of, for the templates whose values all come from
/// small sets (tags, labels, distances, counts): their rows can be looked up once, when
/// the model is loaded, instead of hashed and probed at every transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A tag number, [`ROOT_T`] or [`NONE`].
    Tag,
    /// A UPOS number ([`Parser::upos`]), [`ROOT_T`] or [`NONE`].
    Upos,
    /// A label number or [`NONE`].
    Label,
    /// A distance bucket (0..=6) or [`NONE`].
    Dist,
    /// A count of children or [`NONE`].
    Count,
}

/// Tag value of the root.
const ROOT_T: u64 = 0xFFFE;
/// Word value of the root.
const ROOT_W: u64 = 0xFFFF_FFFF_0000_0001;
/// Counts up to this many are looked up ahead; larger ones are hashed.
const MAX_COUNT: u64 = 15;

/// Where the features of [`emit`] go.
trait Sink {
    /// A feature hashed from its values at each use.
    fn hashed(&mut self, template: u32, a: u64, b: u64, c: u64);
    /// A feature whose values are of the small kinds `kinds` (one per value used; the
    /// others are 0).
    fn small(&mut self, template: u32, kinds: &'static [Kind], v: [u64; 3]);
}

/// Every feature as its key.
struct Keys<'a>(&'a mut Vec<u64>);

impl Sink for Keys<'_> {
    #[inline(always)]
    fn hashed(&mut self, template: u32, a: u64, b: u64, c: u64) {
        self.0.push(feature(template, a, b, c));
    }
    #[inline(always)]
    fn small(&mut self, template: u32, _kinds: &'static [Kind], v: [u64; 3]) {
        self.0.push(feature(template, v[0], v[1], v[2]));
    }
}

/// The features of a state given by [`emit`] to `sink`.
#[inline(always)]
fn emit(st: &State, words: &[WordInfo], tags: &[u8], upos: &[u8], out: &mut impl Sink) {
    let n = st.n;
    let w = |i: u32| -> u64 {
        if i == NO {
            NONE
        } else if i as usize == n {
            ROOT_W
        } else {
            words[i as usize].lower
        }
    };
    let p = |i: u32| -> u64 {
        if i == NO {
            NONE
        } else if i as usize == n {
            ROOT_T
        } else {
            tags[i as usize] as u64
        }
    };
    // The tag's UPOS; the root and absent words keep their values.
    let u = |i: u32| -> u64 {
        let t = p(i);
        upos.get(t as usize).map_or(t, |&u| u as u64)
    };
    let lab = |i: u32| -> u64 { if i == NO || st.heads[i as usize] == NO { NONE } else { st.labels[i as usize] as u64 } };
    let child = |set: &[[u32; 2]], i: u32, k: usize| -> u32 { if i == NO { NO } else { set[i as usize][k] } };
    let count = |v: &[u8], i: u32| -> u64 { if i == NO { NONE } else { v[i as usize] as u64 } };

    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let b = |k: usize| -> u32 { if st.b0 + k <= n { (st.b0 + k) as u32 } else { NO } };
    let (b0, b1, b2) = (b(0), b(1), b(2));
    let (s0w, s0p, s1w, s1p, b0w, b0p, b1w, b1p) = (w(s0), p(s0), w(s1), p(s1), w(b0), p(b0), w(b1), p(b1));
    let (s0u, s1u, s2u, b0u, b1u, b2u) = (u(s0), u(s1), u(s2), u(b0), u(b1), u(b2));
    let (s0l1, s0l2, s0r1, s0r2) = (child(&st.left, s0, 0), child(&st.left, s0, 1), child(&st.right, s0, 0), child(&st.right, s0, 1));
    let (b0l1, b0l2) = (child(&st.left, b0, 0), child(&st.left, b0, 1));
    let (s1r1, s1r2, s1l1) = (child(&st.right, s1, 0), child(&st.right, s1, 1), child(&st.left, s1, 0));
    let d = if s0 != NO && b0 != NO { dist_bucket(b0 as usize - s0 as usize) } else { NONE };
    let d01 = if s0 != NO && s1 != NO { dist_bucket(s0 as usize - s1 as usize) } else { NONE };
    let (s0vl, s0vr, b0vl, s1vr) = (count(&st.n_left, s0), count(&st.n_right, s0), count(&st.n_left, b0), count(&st.n_right, s1));
    let s0wp = crate::hash::mix(s0w, s0p);
    let s1wp = crate::hash::mix(s1w, s1p);
    let b0wp = crate::hash::mix(b0w, b0p);
    let b1wp = crate::hash::mix(b1w, b1p);

        out.small(0, &[], [0, 0, 0]);
        // single words
        out.hashed(1, s0w, 0, 0);
        out.small(2, &[Kind::Tag], [s0p, 0, 0]);
        out.hashed(3, s0wp, 0, 0);
        out.hashed(4, s1w, 0, 0);
        out.small(5, &[Kind::Tag], [s1p, 0, 0]);
        out.hashed(6, s1wp, 0, 0);
        out.hashed(8, b0w, 0, 0);
        out.small(9, &[Kind::Tag], [b0p, 0, 0]);
        out.hashed(10, b0wp, 0, 0);
        out.hashed(11, b1w, 0, 0);
        out.small(12, &[Kind::Tag], [b1p, 0, 0]);
        out.hashed(13, b1wp, 0, 0);
        // children
        out.hashed(16, w(s0l1), 0, 0);
        out.small(17, &[Kind::Tag], [p(s0l1), 0, 0]);
        out.small(18, &[Kind::Label], [lab(s0l1), 0, 0]);
        out.small(19, &[Kind::Tag, Kind::Label], [p(s0l2), lab(s0l2), 0]);
        out.hashed(20, w(s0r1), 0, 0);
        out.small(21, &[Kind::Tag], [p(s0r1), 0, 0]);
        out.small(22, &[Kind::Label], [lab(s0r1), 0, 0]);
        out.small(23, &[Kind::Tag, Kind::Label], [p(s0r2), lab(s0r2), 0]);
        out.hashed(24, w(b0l1), 0, 0);
        out.small(25, &[Kind::Tag], [p(b0l1), 0, 0]);
        out.small(26, &[Kind::Label], [lab(b0l1), 0, 0]);
        out.small(27, &[Kind::Tag, Kind::Label], [p(b0l2), lab(b0l2), 0]);
        out.small(28, &[Kind::Tag, Kind::Label], [p(s1r1), lab(s1r1), 0]);
        out.small(29, &[Kind::Tag, Kind::Label], [p(s1l1), lab(s1l1), 0]);
        // pairs
        out.small(36, &[Kind::Tag, Kind::Tag], [s0p, b0p, 0]);
        out.small(37, &[Kind::Tag, Kind::Tag], [b0p, b1p, 0]);
        out.small(38, &[Kind::Tag, Kind::Tag], [s1p, s0p, 0]);
        out.small(41, &[Kind::Tag, Kind::Tag], [s1p, b0p, 0]);
        // distance
        out.hashed(57, s0w, d, 0);
        out.small(58, &[Kind::Tag, Kind::Dist], [s0p, d, 0]);
        out.hashed(59, b0w, d, 0);
        out.small(60, &[Kind::Tag, Kind::Dist], [b0p, d, 0]);
        out.hashed(61, s0w, b0w, d);
        out.small(62, &[Kind::Tag, Kind::Tag, Kind::Dist], [s0p, b0p, d]);
        out.small(63, &[Kind::Tag, Kind::Tag, Kind::Dist], [s1p, s0p, d01]);
        out.hashed(64, s1w, s0w, d01);
        // valency
        out.hashed(65, s0w, s0vr, 0);
        out.small(66, &[Kind::Tag, Kind::Count], [s0p, s0vr, 0]);
        out.hashed(67, s0w, s0vl, 0);
        out.small(68, &[Kind::Tag, Kind::Count], [s0p, s0vl, 0]);
        out.hashed(69, b0w, b0vl, 0);
        out.small(70, &[Kind::Tag, Kind::Count], [b0p, b0vl, 0]);
        out.small(71, &[Kind::Tag, Kind::Count], [s1p, s1vr, 0]);
        // lexical back-off for rare words
        out.hashed(78, if s0 != NO && (s0 as usize) < n { words[s0 as usize].suffix[2] } else { NONE }, s0p, b0p);
        out.hashed(79, if b0 != NO && (b0 as usize) < n { words[b0 as usize].suffix[2] } else { NONE }, b0p, s0p);
        // triples, over UPOS: few enough values to be looked up ahead
        const U3: &[Kind] = &[Kind::Upos, Kind::Upos, Kind::Upos];
        out.small(80, U3, [b0u, b1u, b2u]);
        out.small(81, U3, [s0u, b0u, b1u]);
        out.small(82, U3, [s1u, s0u, b0u]);
        out.small(83, U3, [s0u, u(s0l1), b0u]);
        out.small(84, U3, [s0u, u(s0r1), b0u]);
        out.small(85, U3, [s0u, b0u, u(b0l1)]);
        out.small(86, U3, [s1u, u(s1r1), s0u]);
        out.small(87, U3, [s0u, u(s0l1), u(s0l2)]);
        out.small(88, U3, [s0u, u(s0r1), u(s0r2)]);
        out.small(89, U3, [b0u, u(b0l1), u(b0l2)]);
        out.small(90, U3, [s2u, s1u, s0u]);
        out.small(91, U3, [s1u, u(s1r1), u(s1r2)]);
}


/// Which classes are allowed in a state; `root` is the label for arcs to the root only.
pub(crate) fn valid(st: &State, class: usize, n_labels: usize, root_label: usize) -> bool {
    if class == 0 {
        return st.can_shift();
    }
    let (left, label) = if class <= n_labels { (true, class - 1) } else { (false, class - 1 - n_labels) };
    if left {
        if !st.can_left() {
            return false;
        }
        let to_root = st.b0 >= st.n;
        (label == root_label) == to_root
    } else {
        st.can_right() && label != root_label
    }
}

/// The highest-scoring class that [`valid`] allows (the first on ties), or `usize::MAX`;
/// the valid classes are enumerated as ranges instead of testing each one.
/// Inlined, so that in the net's parse loop (compiled for AVX2) the maxima are taken
/// with AVX2's instructions, not SSE2's emulation of a signed maximum.
#[inline(always)]
pub(crate) fn best_valid(st: &State, scores: &[i32], n_labels: usize, root_label: usize) -> usize {
    let mut best = (usize::MAX, i32::MIN);
    if st.can_shift() {
        consider(scores, 0..1, usize::MAX, &mut best);
    }
    if st.can_left() {
        if st.b0 >= st.n {
            consider(scores, 1 + root_label..2 + root_label, usize::MAX, &mut best);
        } else {
            consider(scores, 1..1 + n_labels, 1 + root_label, &mut best);
        }
    }
    if st.can_right() {
        consider(scores, 1 + n_labels..1 + 2 * n_labels, 1 + n_labels + root_label, &mut best);
    }
    best.0
}

/// Fold the classes `range` but `skip` into `best` (class, score), which keeps the first
/// of equal scores. The classes either side of `skip` are two runs whose maximum the
/// compiler finds with vector instructions.
#[inline(always)]
fn consider(scores: &[i32], range: std::ops::Range<usize>, skip: usize, best: &mut (usize, i32)) {
    let from = range.start;
    let row = scores.get(range).unwrap_or(&[]);
    let cut = skip.wrapping_sub(from).min(row.len());
    let (before, after) = (&row[..cut], row.get(cut + 1..).unwrap_or(&[]));
    for (run, at) in [(before, from), (after, from + cut + 1)] {
        if let Some(top) = run.iter().copied().max() {
            if top > best.1 || best.0 == usize::MAX {
                *best = (at + run.iter().position(|&s| s == top).unwrap_or(0), top);
            }
        }
    }
}

impl Parser {
    /// Parse one tagged sentence into `out`.
    pub fn parse(&self, words: &[WordInfo], tags: &[u8], st: &mut State, scratch: &mut ParseScratch, out: &mut Parse) {
        if let Some(net) = &self.nn {
            net.parse(self, words, tags, st, &mut scratch.nn, out);
            return;
        }
        let n = words.len();
        let n_labels = self.labels.len();
        let root_label = self.labels.iter().position(|l| *l == "root").unwrap_or(0);
        st.start(n);
        scratch.scores.resize(1 + 2 * n_labels, 0);
        let direct = self.direct();
        while !st.done() {
            scratch.features.clear();
            scratch.rows.clear();
            emit(st, words, tags, &self.upos, &mut Split { direct, rows: &mut scratch.rows, keys: &mut scratch.features });
            scratch.scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score_rows(&scratch.rows, &scratch.features, &mut scratch.scores);
            let best = best_valid(st, &scratch.scores, n_labels, root_label);
            if best == usize::MAX {
                break; // cannot happen: some move is always valid until done
            }
            st.apply(best, n_labels);
        }
        st.write_parse(n, root_label, out);
    }
}

/// Reused buffers for parsing.
#[derive(Default)]
pub struct ParseScratch {
    features: Vec<u64>,
    rows: Vec<Row>,
    scores: Vec<i32>,
    nn: crate::nn::NnScratch,
}

impl Parser {
    /// The perceptron's score of every class in state `st` (for distilling it into a
    /// neural scorer); `scores` has `1 + 2 × labels` places.
    pub(crate) fn perceptron_scores(&self, st: &State, words: &[WordInfo], tags: &[u8], scratch: &mut ParseScratch, scores: &mut [i32]) {
        scratch.features.clear();
        scratch.rows.clear();
        emit(st, words, tags, &self.upos, &mut Split { direct: self.direct(), rows: &mut scratch.rows, keys: &mut scratch.features });
        scores.iter_mut().for_each(|s| *s = 0);
        self.weights.score_rows(&scratch.rows, &scratch.features, scores);
    }
}

/// The least cost of each kind of move (shift, left arc, right arc) under the dynamic
/// oracle, `usize::MAX` for a kind with no valid move.
pub(crate) fn move_costs(st: &State, n_labels: usize, gold: &Gold) -> [usize; 3] {
    let mut costs = [usize::MAX; 3];
    for (m, c) in costs.iter_mut().enumerate() {
        let any_valid = match m {
            0 => st.can_shift(),
            1 => st.can_left(),
            _ => st.can_right(),
        };
        if any_valid {
            *c = cost(st, [0, 1, 1 + n_labels][m], n_labels, gold);
        }
    }
    costs
}

/// Whether the dynamic oracle allows class `c` (shift, left × label, right × label): its
/// kind of move has the least cost `min_cost` among `costs` (from [`move_costs`]), and an
/// arc that is gold carries the gold label.
pub(crate) fn oracle_allows(st: &State, gold: &Gold, costs: &[usize; 3], min_cost: usize, c: usize, n_labels: usize) -> bool {
    let (m, label) = if c == 0 { (0, usize::MAX) } else if c <= n_labels { (1, c - 1) } else { (2, c - 1 - n_labels) };
    if costs[m] != min_cost {
        return false;
    }
    if m > 0 {
        let s0 = st.s(0) as usize;
        let head = if m == 1 { st.b0 as u32 } else { st.s(1) };
        if gold.heads[s0] == head && gold.labels[s0] as usize != label {
            return false;
        }
    }
    true
}

/// The number of gold arcs a move makes unreachable (Goldberg & Nivre 2013, arc-hybrid).
pub(crate) fn cost(st: &State, class: usize, n_labels: usize, gold: &Gold) -> usize {
    let n = st.n;
    let in_buffer = |k: u32| (k as usize) >= st.b0 && (k as usize) <= n;
    let deps_in_buffer = |x: u32| (st.b0..n).filter(|&k| gold.heads[k] == x).count();
    if class == 0 {
        let b0 = st.b0 as u32;
        let s0 = st.s(0);
        let mut c = 0;
        for &k in &st.stack {
            if gold.heads[b0 as usize] == k && k != s0 {
                c += 1;
            }
            if gold.heads[k as usize] == b0 {
                c += 1;
            }
        }
        c
    } else if class <= n_labels {
        let s0 = st.s(0);
        let s1 = st.s(1);
        let h = gold.heads[s0 as usize];
        let head_lost = h != st.b0 as u32 && ((s1 != NO && h == s1) || (in_buffer(h) && h != st.b0 as u32));
        head_lost as usize + deps_in_buffer(s0)
    } else {
        let s0 = st.s(0);
        let h = gold.heads[s0 as usize];
        in_buffer(h) as usize + deps_in_buffer(s0)
    }
}

/// One training sentence: its words, the tags the parser will see, gold heads (the
/// sentence length for the root) and gold label numbers.
pub type TrainingSentence = (Vec<WordInfo>, Vec<u8>, Vec<u32>, Vec<u8>);

/// Train a parser for `epochs` passes over `data`, whose tags are numbers into the
/// tagger's `tags`.
pub fn train(
    data: &[TrainingSentence],
    labels: Vec<&'static str>,
    tags: &[(&str, &str)],
    epochs: usize,
    seed: u64,
    prune: f32,
    mut progress: impl FnMut(usize, f64),
) -> Parser {
    let n_labels = labels.len();
    let root_label = labels.iter().position(|l| *l == "root").unwrap_or(0);
    let n_classes = 1 + 2 * n_labels;
    let upos = upos_numbers(tags);
    let mut trainer = Trainer::new(n_classes);
    let mut rng = sitrep_learn::rng::Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut scores = vec![0.0f32; n_classes];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &s in &order {
            let (words, tags, heads, glabels) = &data[s];
            let gold = Gold { heads, labels: glabels };
            st.start(words.len());
            while !st.done() {
                features(&st, words, tags, &upos, &mut feats);
                scores.iter_mut().for_each(|x| *x = 0.0);
                trainer.score(&feats, &mut scores);
                // Best valid guess, and the best zero-cost (or least-cost) class.
                let mut guess = usize::MAX;
                let costs = move_costs(&st, n_labels, &gold);
                let min_cost = *costs.iter().min().unwrap_or(&0);
                let mut best = usize::MAX;
                for c in 0..n_classes {
                    if !valid(&st, c, n_labels, root_label) {
                        continue;
                    }
                    if guess == usize::MAX || scores[c] > scores[guess] {
                        guess = c;
                    }
                    if !oracle_allows(&st, &gold, &costs, min_cost, c, n_labels) {
                        continue;
                    }
                    if best == usize::MAX || scores[c] > scores[best] {
                        best = c;
                    }
                }
                if guess == usize::MAX {
                    break;
                }
                if best == usize::MAX {
                    best = guess;
                }
                trainer.tick();
                trainer.update(&feats, best, guess);
                right += (best == guess) as usize;
                total += 1;
                let follow = if epoch >= 1 && rng.unit() < 0.9 { guess } else { best };
                st.apply(follow, n_labels);
            }
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    Parser::new(labels, trainer.average(prune), tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows looked up ahead plus the hashed keys score every state exactly as all
    /// the keys hashed do.
    #[test]
    fn rows_looked_up_ahead_score_as_keys() {
        let model = crate::Syntax::builtin().expect("built-in model");
        let p = &model.parser;
        let sentences = [
            "Russian troops seized the airport outside Kyiv on Friday , officials said .",
            "\" We will not surrender , \" he told reporters late on Thursday night in a video address .",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
        ];
        let mut scratch = crate::words::Scratch::default();
        let (mut st, mut keys, mut all, mut rows) = (State::default(), Vec::new(), Vec::new(), Vec::new());
        let n_labels = p.labels.len();
        let root = p.labels.iter().position(|l| *l == "root").unwrap_or(0);
        let mut transitions = 0;
        for s in sentences {
            let words: Vec<WordInfo> = s.split(' ').map(|w| WordInfo::new(w, &mut scratch)).collect();
            let mut tags = Vec::new();
            model.tagger.tag(&words, &mut tags, &mut Default::default());
            st.start(words.len());
            while !st.done() {
                features(&st, &words, &tags, &p.upos, &mut all);
                keys.clear();
                rows.clear();
                emit(&st, &words, &tags, &p.upos, &mut Split { direct: p.direct(), rows: &mut rows, keys: &mut keys });
                assert!(rows.len() > 10, "most small-valued features are looked up ahead");
                let (mut a, mut b) = (vec![0i32; 1 + 2 * n_labels], vec![0i32; 1 + 2 * n_labels]);
                p.weights.score(&all, &mut a);
                p.weights.score_rows(&rows, &keys, &mut b);
                assert_eq!(a, b);
                let best = best_valid(&st, &a, n_labels, root);
                st.apply(best, n_labels);
                transitions += 1;
            }
        }
        assert!(transitions > 100);
    }
}
