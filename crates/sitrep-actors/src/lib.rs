//! sitrep-actors: who the report is about — people, organisations, places and groups
//! found by a statistical model, then coded as CAMEO actors.
//!
//! - [`ner`]: the entity model (averaged perceptron, BILOU labels, trained on CoNLL-2003);
//! - [`cues`]: word lists the model uses as features;
//! - [`conll`]: CoNLL-format reading and span extraction; [`eval`]: conlleval scoring;
//! - [`train`]: training from CoNLL data, reproducibly.

pub mod coding;
pub mod conll;
pub mod coref;
pub mod cues;
pub mod eval;
pub mod lexicon;
pub mod names;
pub mod ner;
pub mod stage;
pub mod train;

pub use stage::EntityStage;

use std::sync::OnceLock;

use sitrep_learn::perceptron::Weights;
use sitrep_learn::words::{Scratch, WordInfo};

use ner::{Memory, Ner, NerScratch};

const MAGIC: &[u8] = b"SITREP-NER1";

/// The entity model shipped with sitrep (trained on CoNLL-2003 train; see README).
static BUILTIN: &[u8] = include_bytes!("../model/conll2003.ner");

/// Why an entity model could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "entity model: {} (retrain it with `sitrep train ner`, see README)", self.0)
    }
}

impl std::error::Error for ModelError {}

impl Ner {
    /// The built-in model, loaded on first use.
    pub fn builtin() -> Result<&'static Ner, ModelError> {
        static MODEL: OnceLock<Result<Ner, ModelError>> = OnceLock::new();
        MODEL.get_or_init(|| Ner::from_bytes(BUILTIN)).as_ref().map_err(Clone::clone)
    }

    /// Read a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Ner, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or_else(|| ModelError("not a sitrep entity model (wrong magic bytes)".into()))?;
        let (weights, used) = Weights::read_from(rest).map_err(ModelError)?;
        if used != rest.len() {
            return Err(ModelError(format!("{} unexpected bytes after the model", rest.len() - used)));
        }
        if weights.n_classes() != ner::N_CLASSES {
            return Err(ModelError(format!("{} classes where {} were expected", weights.n_classes(), ner::N_CLASSES)));
        }
        Ok(Ner { weights })
    }

    /// The model as the bytes of a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.weights.write_to(&mut out);
        out
    }
}

/// Per-report state and buffers for labelling sentence after sentence.
#[derive(Default)]
pub struct Labeller {
    memory: Memory,
    scratch: NerScratch,
    word_scratch: Scratch,
    lower: String,
    words: Vec<WordInfo>,
    pos: Vec<u64>,
    cues: Vec<u64>,
    classes: Vec<u8>,
    form_memo: FormMemo,
}

/// The facts ([`WordInfo`]) and cue ([`cues::cue`]) of the forms met lately, kept with
/// the forms' bytes inline (forms of up to [`FormSlot::FORM`] bytes), two slots to a hash,
/// made after [`FormMemo::AFTER`] tokens: news repeats its words, and a form found here
/// costs a hash and one look at memory instead of working its facts out (or looking
/// them up in the word scratch), lower-casing it and matching it against the cue words.
#[derive(Default)]
struct FormMemo {
    slots: Vec<FormSlot>,
    /// Tokens asked for before the slots were made.
    asked: usize,
}

/// One remembered form, its facts and its cue.
#[derive(Clone, Copy)]
struct FormSlot {
    /// The form's bytes, zeros after them.
    form: [u8; FormSlot::FORM],
    /// The form's length (0: an empty slot).
    len: u8,
    info: WordInfo,
    cue: u64,
}

impl FormSlot {
    /// Longest form remembered, in bytes.
    const FORM: usize = 24;

    /// Whether this slot holds `form`.
    #[inline(always)]
    fn holds(&self, form: &[u8]) -> bool {
        self.len as usize == form.len() && self.form.get(..form.len()) == Some(form)
    }
}

impl FormMemo {
    /// Number of slots.
    const SLOTS: usize = 1 << 13;
    /// Tokens worked out before the slots are made.
    const AFTER: usize = 1000;

    /// The facts and cue of `form` (worked out with `scratch`, lower-cased into `lower`,
    /// when not remembered).
    fn facts(&mut self, form: &str, scratch: &mut sitrep_learn::words::Scratch, lower: &mut String) -> (WordInfo, u64) {
        let work = |scratch: &mut sitrep_learn::words::Scratch, lower: &mut String| {
            let info = WordInfo::new(form, scratch);
            lower_into(form, lower);
            (info, cues::cue(lower))
        };
        let b = form.as_bytes();
        if b.is_empty() || b.len() > FormSlot::FORM {
            return work(scratch, lower);
        }
        if self.slots.is_empty() {
            if self.asked < Self::AFTER {
                self.asked += 1;
                return work(scratch, lower);
            }
            self.slots = vec![FormSlot { form: [0; FormSlot::FORM], len: 0, info: WordInfo::default(), cue: 0 }; Self::SLOTS];
        }
        // The pair of slots of the form's hash: the one used last first.
        let at = (sitrep_learn::hash::bytes_hash(b).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (Self::SLOTS - 2);
        let Some(pair) = self.slots.get(at..at + 2) else { return work(scratch, lower) };
        if pair[0].holds(b) {
            return (pair[0].info, pair[0].cue);
        }
        if pair[1].holds(b) {
            let found = (pair[1].info, pair[1].cue);
            self.slots.swap(at, at + 1);
            return found;
        }
        let (info, cue) = work(scratch, lower);
        let mut new = FormSlot { form: [0; FormSlot::FORM], len: b.len() as u8, info, cue };
        new.form[..b.len()].copy_from_slice(b);
        // The one used last moves to the second slot; the other is forgotten.
        self.slots[at + 1] = self.slots[at];
        self.slots[at] = new;
        (info, cue)
    }
}

/// Hash of a part-of-speech tag as the entity model sees it.
pub fn pos_hash(xpos: &str) -> u64 {
    sitrep_learn::hash::str_hash(xpos)
}

impl Labeller {
    /// Start a new report (forget the previous one's words).
    pub fn new_report(&mut self) {
        self.memory.clear();
    }

    /// Label one sentence of `tokens` with Penn tags `xpos` (same length; empty strings if
    /// unknown). Returns entity spans over the sentence's tokens as (start, end, kind).
    pub fn label<'a>(&mut self, model: &Ner, tokens: impl Iterator<Item = &'a str>, xpos: impl Iterator<Item = &'a str>, out: &mut Vec<(usize, usize, &'static str)>) {
        self.words.clear();
        self.cues.clear();
        for t in tokens {
            let form = normalize(t);
            let (info, cue) = self.form_memo.facts(&form, &mut self.word_scratch, &mut self.lower);
            self.words.push(info);
            self.cues.push(cue);
        }
        self.pos.clear();
        self.pos.extend(xpos.map(pos_hash));
        self.pos.resize(self.words.len(), 0);
        model.label(&self.words, &self.pos, &self.cues, &mut self.memory, &mut self.scratch, &mut self.classes);
        out.clear();
        let mut start = 0;
        for (i, &c) in self.classes.iter().enumerate() {
            let (part, kind) = ner::decode(c as usize);
            match part {
                ner::Part::Begin => start = i,
                ner::Part::Unit => out.push((i, i + 1, ner::KINDS[kind])),
                ner::Part::Last => out.push((start, i + 1, ner::KINDS[kind])),
                _ => {}
            }
        }
    }
}

/// `word` lower-cased character by character into `out` (cleared first); ASCII without
/// decoding.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Typographic apostrophes and quotes as the training data writes them.
pub fn normalize(token: &str) -> std::borrow::Cow<'_, str> {
    if token.is_ascii() {
        return token.into();
    }
    token.replace(['’', '‘', 'ʼ'], "'").into()
}
