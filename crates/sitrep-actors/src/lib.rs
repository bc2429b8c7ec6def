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
pub mod given_names;
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
    /// The [`bytes_hash`](sitrep_learn::hash::bytes_hash) of each normalised form of the
    /// sentence.
    hashes: Vec<u64>,
    /// A normalised form that differs from its token ([`normal_form`]).
    form: String,
}

/// The facts ([`WordInfo`]) and cue ([`cues::cue`]) of the forms met lately (forms of
/// up to 24 bytes, 8,192 slots made after 1,000 tokens): a form found here costs a hash and
/// one look at memory instead of working its facts out (or looking them up in the word
/// scratch), lower-casing it and matching it against the cue words.
type FormMemo = sitrep_learn::memo::FormMemo<(WordInfo, u64), 24>;

/// The facts and cue of `form`, whose [`bytes_hash`](sitrep_learn::hash::bytes_hash) is
/// `hash` (worked out with `scratch`, lower-cased into `lower`, when `memo` does not hold
/// them).
fn facts(memo: &mut FormMemo, form: &str, hash: u64, scratch: &mut sitrep_learn::words::Scratch, lower: &mut String) -> (WordInfo, u64) {
    memo.get_or_work_out_hashed(form.as_bytes(), hash, || {
        let info = WordInfo::new(form, scratch);
        lower_into(form, lower);
        (info, cues::cue(lower))
    })
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
    pub fn label<'a>(&mut self, model: &Ner, tokens: impl Iterator<Item = &'a str> + Clone, xpos: impl Iterator<Item = &'a str>, out: &mut Vec<(usize, usize, &'static str)>) {
        self.look_up(tokens);
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

impl Labeller {
    /// The facts and cues of the sentence's `tokens` (normalised) into `words` and `cues`.
    /// The forms are hashed first, and each form's slots in the memory are asked for
    /// (prefetched) a few forms before they are read, so that their loads from memory
    /// overlap with the work on the forms before.
    fn look_up<'a>(&mut self, tokens: impl Iterator<Item = &'a str> + Clone) {
        /// How many forms ahead the slots are asked for.
        const AHEAD: usize = 4;
        let Labeller { words, cues, hashes, form, form_memo, word_scratch, lower, .. } = self;
        words.clear();
        cues.clear();
        hashes.clear();
        hashes.extend(tokens.clone().map(|t| sitrep_learn::hash::bytes_hash(normal_form(t, form).as_bytes())));
        hashes.iter().take(AHEAD).for_each(|&h| form_memo.prefetch_hashed(h));
        for (i, t) in tokens.enumerate() {
            if let Some(&ahead) = hashes.get(i + AHEAD) {
                form_memo.prefetch_hashed(ahead);
            }
            let hash = hashes.get(i).copied().unwrap_or_default();
            let (info, cue) = facts(form_memo, normal_form(t, form), hash, word_scratch, lower);
            words.push(info);
            cues.push(cue);
        }
    }
}

/// [`normalize`] of `token`, written into `buf` only when it differs from `token`.
#[inline(always)]
fn normal_form<'t>(token: &'t str, buf: &'t mut String) -> &'t str {
    if !has_typographic_apostrophe(token) {
        return token;
    }
    buf.clear();
    buf.extend(token.chars().map(|c| if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c }));
    buf
}

/// Whether `token` has an apostrophe or quote that [`normalize`] makes plain.
#[inline]
fn has_typographic_apostrophe(token: &str) -> bool {
    !token.is_ascii() && token.contains(['’', '‘', 'ʼ'])
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
    if !has_typographic_apostrophe(token) {
        return token.into();
    }
    token.replace(['’', '‘', 'ʼ'], "'").into()
}

#[cfg(test)]
mod tests {
    use super::{normal_form, normalize};

    #[test]
    fn normal_form_is_normalize() {
        let mut buf = String::new();
        for token in ["Kyiv", "’s", "don’t", "‘", "ʼAli", "“", "—", "Zelens’kyi", "Côte", "d’Ivoire", "''", ""] {
            assert_eq!(normal_form(token, &mut buf), normalize(token), "{token}");
            assert_eq!(normalize(token), token.replace(['’', '‘', 'ʼ'], "'"), "{token}");
        }
    }
}
