//! The named-entity model: a greedy left-to-right averaged perceptron over BILOU labels
//! (Ratinov & Roth 2009's recipe): lexical features of a five-word window, part-of-speech
//! tags from the syntax layer, the labels already chosen, and a document memory of how
//! each word was labelled earlier in the same report ("extended prediction history").

use std::collections::HashMap;

use sitrep_learn::hash::{feature, mix, BuildKeyHasher};
use sitrep_learn::perceptron::{Row, ScoreCache, Trainer, Weights};
use sitrep_learn::words::WordInfo;

/// Entity types the model knows, in class order.
pub const KINDS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Number of classes: O, then B, I, L, U for each kind.
pub const N_CLASSES: usize = 1 + 4 * KINDS.len();

const NONE: u64 = 0xFFFF;

/// Position of a label inside its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Outside any entity.
    Out,
    /// First of several tokens.
    Begin,
    /// Inside, neither first nor last.
    Inside,
    /// Last of several tokens.
    Last,
    /// A one-token entity.
    Unit,
}

/// The (part, kind) of a class number.
pub fn decode(class: usize) -> (Part, usize) {
    if class == 0 {
        return (Part::Out, 0);
    }
    let k = (class - 1) / 4;
    let part = match (class - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    (part, k)
}

/// The class number of (part, kind).
pub fn encode(part: Part, kind: usize) -> usize {
    match part {
        Part::Out => 0,
        Part::Begin => 1 + 4 * kind,
        Part::Inside => 2 + 4 * kind,
        Part::Last => 3 + 4 * kind,
        Part::Unit => 4 + 4 * kind,
    }
}

/// Whether `class` may follow `prev` (None at sentence start) at position `i` of `n`.
pub fn allowed(prev: Option<usize>, class: usize, i: usize, n: usize) -> bool {
    let (pp, pk) = prev.map_or((Part::Out, 0), decode);
    let (p, k) = decode(class);
    let open = matches!(pp, Part::Begin | Part::Inside);
    let last = i + 1 == n;
    match p {
        Part::Out | Part::Begin | Part::Unit if open => false,
        Part::Inside | Part::Last if !open || pk != k => false,
        Part::Begin | Part::Inside if last => false,
        _ => true,
    }
}

/// The classes [`allowed`] after `prev` (None at sentence start), as bits, for a token
/// that is the sentence's last or not; computed once.
fn allowed_after(prev: Option<usize>, last: bool) -> u32 {
    static TABLE: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = Vec::with_capacity(2 * (N_CLASSES + 1));
        for p in std::iter::once(None).chain((0..N_CLASSES).map(Some)) {
            for last in [false, true] {
                // `allowed` reads only whether the position is the last one.
                let (i, n) = if last { (0, 1) } else { (0, 2) };
                t.push((0..N_CLASSES).filter(|&c| allowed(p, c, i, n)).fold(0u32, |m, c| m | 1 << c));
            }
        }
        t
    });
    let p = prev.map_or(0, |p| p.min(N_CLASSES - 1) + 1);
    table[2 * p + last as usize]
}

/// What one report remembers about its words while it is being labelled.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Lower-cased word → kind + 1 of the last entity it was part of.
    kinds: HashMap<u64, u8, BuildKeyHasher>,
    /// Lower-cased words seen capitalised where capitals mean something (not first in
    /// the sentence, sentence not all capitals).
    capitalised: HashMap<u64, (), BuildKeyHasher>,
}

impl Memory {
    /// Forget everything (a new report).
    pub fn clear(&mut self) {
        self.kinds.clear();
        self.capitalised.clear();
    }

    /// Remember the labels given to one sentence.
    pub fn learn(&mut self, words: &[WordInfo], classes: &[u8], shouting: bool) {
        for (i, (w, &c)) in words.iter().zip(classes).enumerate() {
            let (part, kind) = decode(c as usize);
            if part != Part::Out {
                self.kinds.insert(w.lower, kind as u8 + 1);
            }
            if i > 0 && w.title && !shouting {
                self.capitalised.insert(w.lower, ());
            }
        }
    }
}

/// Whether a sentence is written in capitals (a headline, a dateline).
pub fn is_shouting(words: &[WordInfo]) -> bool {
    let (mut letters, mut upper) = (0, 0);
    for w in words {
        if w.title || w.upper {
            letters += 1;
            if w.upper {
                upper += 1;
            }
        } else if w.shape != 0 {
            letters += 1;
        }
    }
    letters >= 3 && upper * 10 >= letters * 7
}

/// The features of token `i`.
#[allow(clippy::too_many_arguments)]
pub fn features(words: &[WordInfo], pos: &[u64], cue: &[u64], i: usize, prev: &[u8], memory: &Memory, shouting: bool, out: &mut Vec<u64>) {
    out.clear();
    let flags = flags_of(&words[i], i, shouting);
    out.extend_from_slice(&static_features(&words[i], flags));
    out.extend_from_slice(&dynamic_features(words, pos, cue, i, prev, memory, flags));
}

/// Number of feature templates that depend on the word alone (and its flags).
const N_STATIC: usize = 12;

/// Number of feature templates.
const N_FEATURES: usize = 40;

/// The flags of word `i`: capitalised, all capitals, digit, hyphen, first in the sentence,
/// in a shouting sentence.
#[inline(always)]
fn flags_of(w: &WordInfo, i: usize, shouting: bool) -> u64 {
    (w.title as u64) | (w.upper as u64) << 1 | (w.digit as u64) << 2 | (w.hyphen as u64) << 3 | ((i == 0) as u64) << 4 | (shouting as u64) << 5
}

/// The features of a word that depend on it and its flags ([`flags_of`]) alone
/// (templates 0–11).
#[inline(always)]
fn static_features(w: &WordInfo, flags: u64) -> [u64; N_STATIC] {
    let t = feature;
    [
        t(0, 0, 0, 0),
        t(1, w.lower, 0, 0),
        t(2, w.lower, flags, 0),
        t(3, w.shape, 0, 0),
        t(4, w.prefix[0], 0, 0),
        t(5, w.prefix[1], 0, 0),
        t(6, w.prefix[2], 0, 0),
        t(7, w.suffix[0], 0, 0),
        t(8, w.suffix[1], 0, 0),
        t(9, w.suffix[2], 0, 0),
        t(10, w.suffix[3], 0, 0),
        t(11, flags, 0, 0),
    ]
}

/// The features of word `i` that depend on its neighbours, tags, cues, the labels before
/// it and the report's memory (templates 12–39).
#[inline(always)]
fn dynamic_features(words: &[WordInfo], pos: &[u64], cue: &[u64], i: usize, prev: &[u8], memory: &Memory, flags: u64) -> [u64; N_FEATURES - N_STATIC] {
    dynamic_features_in(words, pos, cue, i, &Context::of(&words[i], i, prev, memory), flags)
}

/// What the features of a word read of the labels before it and of the report's memory.
#[derive(Clone, Copy)]
struct Context {
    /// The labels of the word before and the one before that ([`NONE`] at the start).
    p1: u64,
    p2: u64,
    /// The kind + 1 of the last entity the word was part of in the report (0: none).
    hist: u64,
    /// Whether the word was seen capitalised in the report (0 or 1).
    seen_cap: u64,
}

impl Context {
    #[inline(always)]
    fn of(w: &WordInfo, i: usize, prev: &[u8], memory: &Memory) -> Context {
        let label = |back: usize| -> u64 { if i >= back { prev[i - back] as u64 } else { NONE } };
        Context {
            p1: label(1),
            p2: label(2),
            hist: memory.kinds.get(&w.lower).map_or(0, |&k| k as u64),
            seen_cap: memory.capitalised.contains_key(&w.lower) as u64,
        }
    }
}

/// [`dynamic_features`] given the word's [`Context`]: those of few values
/// ([`context_features`]) among the others, in template order.
#[inline(always)]
fn dynamic_features_in(words: &[WordInfo], pos: &[u64], cue: &[u64], i: usize, context: &Context, flags: u64) -> [u64; N_FEATURES - N_STATIC] {
    let r = other_dynamic_features(words, pos, cue, i, context);
    let c = context_features(context, flags);
    [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], c[0], c[1], r[9], r[10], r[11], r[12], c[2], r[13], c[3], r[14], r[15], r[16], r[17], r[18], r[19], r[20], r[21], r[22], c[4]]
}

/// The number of [`context_features`].
const N_CONTEXT: usize = 5;

/// The features of a word's [`Context`] whose values are few: the labels before it, its
/// history, whether it was seen capitalised with its flags (templates 21, 22, 27, 29, 39).
#[inline(always)]
fn context_features(context: &Context, flags: u64) -> [u64; N_CONTEXT] {
    let Context { p1, p2, hist, seen_cap } = *context;
    let t = feature;
    [t(21, p1, 0, 0), t(22, p2, p1, 0), t(27, hist, 0, 0), t(29, seen_cap, flags, 0), t(39, hist, p1, 0)]
}

/// The [`dynamic_features`] but the [`context_features`], in template order.
#[inline(always)]
fn other_dynamic_features(words: &[WordInfo], pos: &[u64], cue: &[u64], i: usize, context: &Context) -> [u64; N_FEATURES - N_STATIC - N_CONTEXT] {
    let w = &words[i];
    let at = |j: isize| -> Option<&WordInfo> {
        let k = i as isize + j;
        if k < 0 {
            None
        } else {
            words.get(k as usize)
        }
    };
    let word = |j: isize| at(j).map_or(NONE, |w| w.lower);
    let shape = |j: isize| at(j).map_or(NONE, |w| w.shape);
    let tag = |j: isize| -> u64 {
        let k = i as isize + j;
        if k < 0 {
            NONE
        } else {
            pos.get(k as usize).copied().unwrap_or(NONE)
        }
    };
    let cue_at = |j: isize| -> u64 {
        let k = i as isize + j;
        if k < 0 {
            NONE
        } else {
            cue.get(k as usize).copied().unwrap_or(NONE)
        }
    };
    let Context { p1, hist, .. } = *context;
    let t = feature;
    [
        t(12, word(-1), 0, 0),
        t(13, word(1), 0, 0),
        t(14, word(-2), 0, 0),
        t(15, word(2), 0, 0),
        t(16, shape(-1), w.shape, 0),
        t(17, w.shape, shape(1), 0),
        t(18, tag(0), 0, 0),
        t(19, tag(-1), tag(0), 0),
        t(20, tag(0), tag(1), 0),
        t(23, p1, w.lower, 0),
        t(24, p1, w.shape, 0),
        t(25, word(-1), w.lower, 0),
        t(26, w.lower, word(1), 0),
        t(28, hist, w.shape, 0),
        t(30, cue_at(0), 0, 0),
        t(31, cue_at(-1), 0, 0),
        t(32, cue_at(1), 0, 0),
        t(33, cue_at(0), w.shape, 0),
        t(34, p1, tag(0), 0),
        t(35, mix(w.shape, tag(0)), shape(1), tag(1)),
        t(36, shape(-1), tag(-1), mix(w.shape, tag(0))),
        t(37, word(-1), tag(0), w.shape),
        t(38, w.suffix[2], tag(0), 0),
    ]
}

/// Whether a token is outside any entity without asking the model: no entity is open, and
/// the word has no capital, no digit, no cue and no entity history in this report ("the",
/// "troops", a comma). Most tokens are such, and the model all but never labels them
/// otherwise (CoNLL-2003 dev F1 0.8981 asking it, 0.8975 not), so skipping them halves its
/// work.
fn plainly_outside(w: &WordInfo, cue: u64, prev: Option<usize>, memory: &Memory) -> bool {
    let open = prev.is_some_and(|p| matches!(decode(p).0, Part::Begin | Part::Inside));
    !open && !w.title && !w.upper && !w.digit && cue == 0 && !memory.kinds.contains_key(&w.lower)
}

/// Whether a name open before word `w` ends before it: `w` is a lower-case word that
/// joins no name ("Rapid Support Forces *of shelling* a hospital" is no organisation's
/// name past "Forces"), as "of", "the", "and", "de", "bin" do ("Bank of England").
fn ends_a_name(w: &WordInfo, prev: Option<usize>) -> bool {
    let open = prev.is_some_and(|p| matches!(decode(p).0, Part::Begin | Part::Inside));
    open && !w.hyphen && {
        let j = joins();
        j.lower_shapes.contains(&w.shape) && !j.joiners.contains(&w.lower)
    }
}

/// End the name open at the end of `out`: its last word that is no joining word becomes
/// its last (or only) word, and the joining words after it are outside it.
fn close_name(words: &[WordInfo], out: &mut [u8]) {
    let Some(start) = out.iter().rposition(|&c| decode(c as usize).0 == Part::Begin) else { return };
    let kind = decode(out[start] as usize).1;
    let j = joins();
    let mut end = out.len() - 1;
    while end > start && j.joiners.contains(&words[end].lower) {
        out[end] = 0;
        end -= 1;
    }
    out[end] = encode(if end == start { Part::Unit } else { Part::Last }, kind) as u8;
}

/// The hashes [`ends_a_name`] compares with.
struct Joins {
    /// Shapes of words of lower-case letters only.
    lower_shapes: Vec<u64>,
    /// Lower-case words that join the parts of a name.
    joiners: Vec<u64>,
}

fn joins() -> &'static Joins {
    static JOINS: std::sync::OnceLock<Joins> = std::sync::OnceLock::new();
    JOINS.get_or_init(|| {
        let mut scratch = sitrep_learn::words::Scratch::default();
        let mut hash = |w: &str| WordInfo::new(w, &mut scratch);
        let mut lower_shapes: Vec<u64> = ["a", "ab", "abc", "abcd", "abcdefghij"].iter().map(|w| hash(w).shape).collect();
        lower_shapes.dedup();
        let joiners = [
            "of", "the", "and", "for", "to", "in", "on", "at", "upon", "de", "del", "della", "di", "da", "du", "des", "la", "le", "les", "van", "von", "der", "den", "al", "el", "bin", "ibn", "ben", "y", "e", "et", "und", "dos", "das", "do", "st",
        ]
        .iter()
        .map(|w| hash(w).lower)
        .collect();
        Joins { lower_shapes, joiners }
    })
}

/// A trained entity model.
#[derive(Debug, Clone, PartialEq)]
pub struct Ner {
    /// The weights.
    pub weights: Weights,
}

/// Reused buffers, and the summed scores of the features of the words met lately that
/// depend on the word alone ([`static_features`]), in a [`ScoreCache`] keyed by all the
/// word's hashes and flags (for the model it was last used with, told apart by its
/// address and sizes).
#[derive(Default)]
pub struct NerScratch {
    features: Vec<u64>,
    scores: Vec<i32>,
    /// The scores of the word-only features of the words met lately.
    remembered: ScoreCache,
    /// The rows of the features of few values, for the model last used.
    context_rows: Option<ContextRows>,
}

/// The features of a word's [`Context`] whose values are few — the labels before it, its
/// history in the report, whether it was seen capitalised with its flags (templates 21,
/// 22, 27, 29 and 39) — with their rows ([`Row`]) looked up once for a model, so that
/// scoring a word hashes and looks up only its other features. The scores are sums of
/// the same rows, so they are the same.
struct ContextRows {
    /// The model they are of: its address and sizes.
    owner: [usize; 3],
    /// Template 21 by the label before.
    p1: Vec<Row>,
    /// Template 22 by the two labels before.
    p2_p1: Vec<Row>,
    /// Template 27 by the history.
    hist: Vec<Row>,
    /// Template 39 by the history and the label before.
    hist_p1: Vec<Row>,
    /// Template 29 by whether the word was seen capitalised and its flags.
    seen_flags: Vec<Row>,
}

/// The values a label before a word may have: a class, or [`NONE`] (at the index
/// `N_CLASSES`).
const LABELS: usize = N_CLASSES + 1;

/// The values of the flags ([`flags_of`]: six bits).
const FLAGS: usize = 64;


impl ContextRows {
    /// The rows of `model`, named by `owner`.
    fn of(weights: &Weights, owner: [usize; 3]) -> ContextRows {
        let labels = || (0..LABELS).map(|p| if p < N_CLASSES { p as u64 } else { NONE });
        let hists = || 0..=KINDS.len() as u64;
        // The row of the `n`th context feature of a context.
        let row = |n: usize, p1: u64, p2: u64, hist: u64, seen_cap: u64, flags: u64| weights.row(context_features(&Context { p1, p2, hist, seen_cap }, flags)[n]);
        ContextRows {
            owner,
            p1: labels().map(|p1| row(0, p1, 0, 0, 0, 0)).collect(),
            p2_p1: labels().flat_map(|p2| labels().map(move |p1| (p2, p1))).map(|(p2, p1)| row(1, p1, p2, 0, 0, 0)).collect(),
            hist: hists().map(|h| row(2, 0, 0, h, 0, 0)).collect(),
            seen_flags: (0..2u64).flat_map(|s| (0..FLAGS as u64).map(move |f| (s, f))).map(|(s, f)| row(3, 0, 0, 0, s, f)).collect(),
            hist_p1: hists().flat_map(|h| labels().map(move |p1| (h, p1))).map(|(h, p1)| row(4, p1, 0, h, 0, 0)).collect(),
        }
    }

    /// The rows of the [`context_features`] of `context` and `flags`, in their order (none
    /// if a value is not in the tables).
    #[inline(always)]
    fn rows(&self, context: &Context, flags: u64) -> Option<[Row; N_CONTEXT]> {
        let label = |p: u64| if p < N_CLASSES as u64 { Some(p as usize) } else { (p == NONE).then_some(N_CLASSES) };
        let (p1, p2) = (label(context.p1)?, label(context.p2)?);
        let h = usize::try_from(context.hist).ok().filter(|&h| h <= KINDS.len())?;
        let seen = usize::try_from(context.seen_cap * FLAGS as u64 + flags).ok().filter(|_| context.seen_cap < 2 && flags < FLAGS as u64)?;
        Some([*self.p1.get(p1)?, *self.p2_p1.get(p2 * LABELS + p1)?, *self.hist.get(h)?, *self.seen_flags.get(seen)?, *self.hist_p1.get(h * LABELS + p1)?])
    }
}


impl Ner {
    /// Label one sentence, given its words, hashed POS tags and lexicon cues, and the
    /// report's memory; writes class numbers into `out` and updates `memory`.
    pub fn label(&self, words: &[WordInfo], pos: &[u64], cue: &[u64], memory: &mut Memory, scratch: &mut NerScratch, out: &mut Vec<u8>) {
        out.clear();
        let shouting = is_shouting(words);
        scratch.scores.resize(N_CLASSES, 0);
        scratch.remembered.prepare([self as *const Ner as usize, self.weights.n_features(), self.weights.n_classes(), 0], N_CLASSES, words.len());
        let owner = [self as *const Ner as usize, self.weights.n_features(), self.weights.n_classes()];
        if scratch.context_rows.as_ref().is_none_or(|r| r.owner != owner) {
            scratch.context_rows = Some(ContextRows::of(&self.weights, owner));
        }
        // The remembered scores of the words that may be scored (see [`plainly_outside`])
        // are asked for a few words ahead, so that their misses overlap with the work on
        // the words before.
        const AHEAD: usize = 2;
        let prefetch = |remembered: &ScoreCache, j: usize| {
            if let Some(w) = words.get(j) {
                if w.title || w.upper || w.digit || cue.get(j).is_some_and(|&c| c != 0) {
                    remembered.prefetch(&w.cache_key(flags_of(w, j, shouting)));
                }
            }
        };
        (0..AHEAD).for_each(|j| prefetch(&scratch.remembered, j));
        for i in 0..words.len() {
            prefetch(&scratch.remembered, i + AHEAD);
            let prev = out.last().map(|&c| c as usize);
            if plainly_outside(&words[i], cue.get(i).copied().unwrap_or(0), prev, memory) {
                out.push(0);
                continue;
            }
            if ends_a_name(&words[i], prev) {
                close_name(words, out);
                out.push(0);
                continue;
            }
            let w = &words[i];
            let flags = flags_of(w, i, shouting);
            match scratch.remembered.get(&w.cache_key(flags), |s| self.weights.score(&static_features(w, flags), s)) {
                Some(remembered) => {
                    // The context's features by their rows, looked up once; the others hashed.
                    let context = Context::of(w, i, out, memory);
                    match scratch.context_rows.as_ref().and_then(|r| r.rows(&context, flags)) {
                        Some(rows) => self.weights.score_rows_onto(remembered, &rows, &other_dynamic_features(words, pos, cue, i, &context), &mut scratch.scores),
                        None => self.weights.score_rows_onto(remembered, &[], &dynamic_features_in(words, pos, cue, i, &context, flags), &mut scratch.scores),
                    }
                }
                None => {
                    features(words, pos, cue, i, out, memory, shouting, &mut scratch.features);
                    scratch.scores.iter_mut().for_each(|s| *s = 0);
                    self.weights.score(&scratch.features, &mut scratch.scores);
                }
            }
            let allowed = allowed_after(prev, i + 1 == words.len());
            // The best allowed class, the lowest on ties.
            let mut best: Option<(usize, i32)> = None;
            for (c, &s) in scratch.scores.iter().enumerate().take(N_CLASSES) {
                if allowed & (1 << c) != 0 && best.is_none_or(|(_, b)| s > b) {
                    best = Some((c, s));
                }
            }
            out.push(best.map_or(0, |(c, _)| c) as u8);
        }
        memory.learn(words, out, shouting);
    }
}

/// One training document: per sentence, words, POS hashes, cues and gold classes.
pub type TrainingDoc = Vec<(Vec<WordInfo>, Vec<u64>, Vec<u64>, Vec<u8>)>;

/// Train for `epochs` passes over documents shuffled by `seed`.
pub fn train(docs: &[TrainingDoc], epochs: usize, seed: u64, prune: f32, mut progress: impl FnMut(usize, f64)) -> Ner {
    let mut trainer = Trainer::new(N_CLASSES);
    let mut rng = sitrep_learn::rng::Rng::new(seed);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; N_CLASSES];
    let mut guesses = Vec::new();
    let mut predicted = Vec::new();
    let mut memory = Memory::default();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0, 0);
        for &d in &order {
            memory.clear();
            for (words, pos, cue, gold) in &docs[d] {
                guesses.clear();
                predicted.clear();
                let shouting = is_shouting(words);
                for (i, &g) in gold.iter().enumerate().take(words.len()) {
                    features(words, pos, cue, i, &guesses, &memory, shouting, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    trainer.score(&feats, &mut scores);
                    let prev = guesses.last().map(|&c| c as usize);
                    let guess = (0..N_CLASSES)
                        .filter(|&c| allowed(prev, c, i, words.len()))
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                        .unwrap_or(0);
                    trainer.tick();
                    trainer.update(&feats, g as usize, guess);
                    right += (guess == g as usize) as usize;
                    total += 1;
                    // Follow the gold labels within the sentence; remember the predicted
                    // ones across sentences, as the model will at run time.
                    guesses.push(g);
                    predicted.push(guess as u8);
                }
                memory.learn(words, &predicted, shouting);
            }
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    Ner { weights: trainer.average(prune) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_rows_score_as_their_features() {
        // Every context scores the same from the rows as from the hashed features.
        let model = Ner::builtin().expect("the built-in model");
        let rows = ContextRows::of(&model.weights, [0; 3]);
        let mut scratch = sitrep_learn::words::Scratch::default();
        let words: Vec<WordInfo> = ["Sergey", "Lavrov", "said", "in", "Kyiv", "."].iter().map(|w| WordInfo::new(w, &mut scratch)).collect();
        let pos: Vec<u64> = ["NNP", "NNP", "VBD", "IN", "NNP", "."].iter().map(|t| crate::pos_hash(t)).collect();
        let cue = vec![0u64; words.len()];
        let labels = (0..LABELS as u64).map(|p| if p < N_CLASSES as u64 { p } else { NONE });
        for p1 in labels.clone() {
            for p2 in labels.clone() {
                for hist in 0..=KINDS.len() as u64 {
                    for (seen_cap, flags) in [(0, 0), (1, 1), (0, 17), (1, 63)] {
                        let context = Context { p1, p2, hist, seen_cap };
                        let all = dynamic_features_in(&words, &pos, &cue, 2, &context, flags);
                        // (The context's features and the others make up the whole.)
                        let (mut parts, mut whole) = (context_features(&context, flags).to_vec(), all.to_vec());
                        parts.extend(other_dynamic_features(&words, &pos, &cue, 2, &context));
                        parts.sort_unstable();
                        whole.sort_unstable();
                        assert_eq!(parts, whole);
                        let (mut by_features, mut by_rows) = (vec![0i32; N_CLASSES], vec![0i32; N_CLASSES]);
                        model.weights.score(&all, &mut by_features);
                        let five = rows.rows(&context, flags).expect("values in the tables");
                        model.weights.score_rows(&five, &other_dynamic_features(&words, &pos, &cue, 2, &context), &mut by_rows);
                        assert_eq!(by_features, by_rows, "{p1} {p2} {hist} {seen_cap} {flags}");
                    }
                }
            }
        }
        // Values outside the tables are scored from their features.
        assert!(rows.rows(&Context { p1: 99, p2: 0, hist: 0, seen_cap: 0 }, 0).is_none());
        assert!(rows.rows(&Context { p1: 0, p2: 0, hist: 9, seen_cap: 0 }, 0).is_none());
        assert!(rows.rows(&Context { p1: 0, p2: 0, hist: 0, seen_cap: 0 }, 64).is_none());
    }
}
