//! The model file: tagger, parser and lemmatiser in one compact little-endian binary.
//!
//! Layout: the magic `SITREP-SYNTAX`, a format version, then sections in a fixed order
//! (tags, tag dictionary, tagger weights, labels, parser weights, lemma rules, lemma
//! exceptions). Weights are stored as sorted 32-bit feature keys, row lengths, class
//! numbers and `f32` values; maps are written in key order, so the same model always
//! makes the same bytes.

/// Words the treebank tags one way ≥ 99 % of the time, seen ≥ 20 times in EWT train
/// (`model/make_sure_tags.py`): `word upos xpos`.
static SURE_TAGS: &str = include_str!("../model/sure-tags.tsv");

use std::collections::HashMap;

use crate::lemma::{Edit, Lemmatizer};
use crate::parser::Parser;
use crate::perceptron::Weights;
use crate::tagger::Tagger;
use crate::Syntax;

const MAGIC: &[u8] = b"SITREP-SYNTAX";
const VERSION: u32 = 1;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The neural parser named by the environment is another file, with its own remedy.
        if self.0.starts_with("SITREP_NN_MODEL=") {
            return write!(f, "syntax model: {} (unset SITREP_NN_MODEL to parse with the built-in network, or name a network file written by `train_nn`; see crates/sitrep-syntax/NN-PARSER.md)", self.0);
        }
        if self.0.starts_with("SITREP_PARSER") {
            return write!(f, "syntax model: {} (unset SITREP_PARSER for the default)", self.0);
        }
        write!(f, "syntax model: {} (retrain it with `sitrep train syntax`, see README)", self.0)
    }
}

impl std::error::Error for ModelError {}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn weights(&mut self, w: &Weights) {
        w.write_to(&mut self.0);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| ModelError(format!("file ends early at byte {}", self.at)))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn count(&mut self, max: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        if n > max {
            return Err(ModelError(format!("a count of {n} at byte {} is beyond {max}", self.at)));
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.count(1 << 20)?;
        std::str::from_utf8(self.take(n)?).map_err(|_| ModelError(format!("bad UTF-8 at byte {}", self.at)))
    }
    fn leaked(&mut self) -> Result<&'static str, ModelError> {
        Ok(Box::leak(self.str()?.to_string().into_boxed_str()))
    }
    fn weights(&mut self) -> Result<Weights, ModelError> {
        let (w, used) = Weights::read_from(&self.bytes[self.at..]).map_err(ModelError)?;
        self.at += used;
        Ok(w)
    }
}

/// Write a model to bytes.
pub fn to_bytes(model: &Syntax) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.0.extend_from_slice(MAGIC);
    w.u32(VERSION);
    let t = &model.tagger;
    w.u32(t.tags.len() as u32);
    for (u, x) in &t.tags {
        w.str(u);
        w.str(x);
    }
    let mut dict: Vec<(&u64, &u8)> = t.dictionary.iter().collect();
    dict.sort();
    w.u32(dict.len() as u32);
    for (k, v) in dict {
        w.u64(*k);
        w.u8(*v);
    }
    w.weights(&t.weights);
    let p = &model.parser;
    w.u32(p.labels.len() as u32);
    for l in &p.labels {
        w.str(l);
    }
    w.weights(&p.weights);
    let lem = &model.lemmatizer;
    w.u32(lem.keep_case.len() as u32);
    for &k in &lem.keep_case {
        w.u8(k as u8);
    }
    let mut rules: Vec<(&u64, &Edit)> = lem.rules.iter().collect();
    rules.sort();
    w.u32(rules.len() as u32);
    for (k, e) in rules {
        w.u64(*k);
        w.u8(e.strip);
        w.str(&e.append);
    }
    let mut exc: Vec<(&u64, &String)> = lem.exceptions.iter().collect();
    exc.sort();
    w.u32(exc.len() as u32);
    for (k, l) in exc {
        w.u64(*k);
        w.str(l);
    }
    w.0
}

/// Read a model from bytes. Label strings are leaked: a model is meant to be loaded once
/// per process.
pub fn from_bytes(bytes: &[u8]) -> Result<Syntax, ModelError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len()).ok() != Some(MAGIC) {
        return Err(ModelError("not a sitrep syntax model (wrong magic bytes)".into()));
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(ModelError(format!("format version {version}, this sitrep reads version {VERSION}")));
    }
    let n_tags = r.count(256)?;
    let mut tags = Vec::with_capacity(n_tags);
    for _ in 0..n_tags {
        tags.push((r.leaked()?, r.leaked()?));
    }
    let n = r.count(1 << 24)?;
    let mut dictionary = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let k = r.u64()?;
        dictionary.insert(k, r.u8()?);
    }
    let tag_weights = r.weights()?;
    let n_labels = r.count(127)?;
    let mut labels = Vec::with_capacity(n_labels);
    for _ in 0..n_labels {
        labels.push(r.leaked()?);
    }
    let parse_weights = r.weights()?;
    let n_keep = r.count(256)?;
    let mut keep_case = Vec::with_capacity(n_keep);
    for _ in 0..n_keep {
        keep_case.push(r.u8()? != 0);
    }
    let n = r.count(1 << 24)?;
    let mut rules = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let k = r.u64()?;
        let strip = r.u8()?;
        rules.insert(k, Edit { strip, append: r.str()?.to_string() });
    }
    let n = r.count(1 << 24)?;
    let mut exceptions = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let k = r.u64()?;
        exceptions.insert(k, r.str()?.to_string());
    }
    if r.at != bytes.len() {
        return Err(ModelError(format!("{} unexpected bytes after the model", bytes.len() - r.at)));
    }
    let parser = Parser::new(labels, parse_weights, &tags);
    let mut lemmatizer = Lemmatizer { rules, exceptions, keep_case, checked: Vec::new() };
    lemmatizer.mark_checked_tags(&tags);
    // Irregular verb forms the treebank shows too rarely ("tore", "strode") are verbs to
    // the tagger, so that "Russian shelling tore off part of the building" has a verb;
    // the words the treebank knows keep their tag.
    let mut word_list = HashMap::default();
    let mut scratch = sitrep_learn::words::Scratch::default();
    for (form, xpos) in crate::wordnet::irregular_verb_forms() {
        let key = sitrep_learn::words::WordInfo::new(form, &mut scratch).lower;
        if let Some(tag) = tags.iter().position(|&(u, p)| u == "VERB" && p == xpos).filter(|_| !dictionary.contains_key(&key)) {
            word_list.insert(key, tag as u8);
        }
    }
    // Words whose tag never varies are tagged without scoring (`Tagger::sure`).
    let mut sure = HashMap::default();
    for line in SURE_TAGS.lines() {
        let mut f = line.split('\t');
        let (Some(word), Some(upos), Some(xpos)) = (f.next(), f.next(), f.next()) else { continue };
        if let Some(tag) = tags.iter().position(|&(u, p)| u == upos && p == xpos) {
            sure.insert(sitrep_learn::words::WordInfo::new(word, &mut scratch).lower, tag as u8);
        }
    }
    let mut tagger = Tagger::new(tags, dictionary, tag_weights);
    tagger.word_list = word_list;
    tagger.sure = sure;
    Ok(Syntax { tagger, parser, lemmatizer })
}
