//! sitrep-syntax: part-of-speech tags (UPOS and Penn XPOS), lemmas and a labelled
//! dependency parse (Universal Dependencies) for the tokens of the text layer.
//!
//! Three small learned components share one compact model file, trained on UD English
//! EWT by `sitrep train syntax` and built into the binary:
//! - [`tagger`]: greedy averaged-perceptron tagger over (UPOS, XPOS) pairs;
//! - [`parser`]: greedy arc-hybrid transition parser with a dynamic oracle;
//! - [`lemma`]: suffix edit rules per tag plus learned exceptions, with guesses on
//!   unseen inflected verbs and plural nouns checked against [`wordnet`].
//!
//! ```
//! use sitrep_syntax::Syntax;
//! let syntax = Syntax::builtin().expect("the built-in model loads");
//! let analysis = syntax.analyze(&["Russian", "troops", "seized", "the", "airport", "."]);
//! assert_eq!(analysis.upos(syntax, 2), "VERB");
//! assert_eq!(analysis.heads[1], Some(2));        // troops ← seized
//! assert_eq!(analysis.deprel(syntax, 1), "nsubj");
//! assert_eq!(analysis.lemma(2), "seize");
//! ```

pub mod conllu;
pub mod eval;
mod forms;
pub mod lemma;
pub mod model;
pub mod nn;
pub mod nn_train;
pub mod parser;
mod stage;
pub mod tagger;
pub mod train;
pub mod word2vec;
pub mod wordnet;

use std::sync::OnceLock;

pub use sitrep_learn::{hash, perceptron, words};

pub use forms::treebank_form;
pub use model::ModelError;
pub use stage::SyntaxStage;

use lemma::Lemmatizer;
use parser::{Parse, ParseScratch, Parser, State};
use tagger::{TagScratch, Tagger};
use words::{Scratch, WordInfo};

/// The model shipped with sitrep (trained on UD English EWT; see README for the command).
static BUILTIN: &[u8] = include_bytes!("../model/en-ewt.syntax");

/// The neural parser shipped with sitrep, which scores the parser's moves by default
/// (trained on UD English EWT and uptrained; see NN-PARSER.md).
static BUILTIN_NN: &[u8] = include_bytes!("../model/en-ewt.nn");

/// A complete syntax model: tagger, parser and lemmatiser.
#[derive(Debug, Clone, PartialEq)]
pub struct Syntax {
    /// The part-of-speech tagger.
    pub tagger: Tagger,
    /// The dependency parser.
    pub parser: Parser,
    /// The lemmatiser.
    pub lemmatizer: Lemmatizer,
}

/// Tags, lemmas and the tree of one sentence, as [`Syntax::analyze`] returns them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Tag number of each word (see [`Analysis::upos`], [`Analysis::xpos`]).
    pub tags: Vec<u8>,
    /// Head of each word (0-based), `None` for the root.
    pub heads: Vec<Option<u32>>,
    /// Label number of each word (see [`Analysis::deprel`]).
    pub labels: Vec<u8>,
    /// Lemmas back to back; word `i`'s is `lemmas[lemma_ends[i-1]..lemma_ends[i]]`.
    pub lemmas: String,
    /// End of each word's lemma in `lemmas`.
    pub lemma_ends: Vec<u32>,
}

impl Analysis {
    /// UPOS of word `i`.
    pub fn upos(&self, model: &Syntax, i: usize) -> &'static str {
        model.tagger.tags[self.tags[i] as usize].0
    }
    /// XPOS of word `i`.
    pub fn xpos(&self, model: &Syntax, i: usize) -> &'static str {
        model.tagger.tags[self.tags[i] as usize].1
    }
    /// Dependency relation of word `i`.
    pub fn deprel(&self, model: &Syntax, i: usize) -> &'static str {
        model.parser.labels[self.labels[i] as usize]
    }
    /// Lemma of word `i`.
    pub fn lemma(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.lemma_ends[i - 1] as usize };
        &self.lemmas[start..self.lemma_ends[i] as usize]
    }
}

/// Buffers reused from sentence to sentence so analysis does not allocate in steady state.
#[derive(Default)]
pub struct Workspace {
    words: Vec<WordInfo>,
    word_scratch: Scratch,
    tag_scratch: TagScratch,
    state: State,
    parse_scratch: ParseScratch,
    parse: Parse,
    lower: String,
    lemmas: LemmaCache,
}

/// Lemmas already found, by word and tag: news repeats its words, and a lemma looked up
/// here costs one hash instead of a walk through the word's suffixes.
///
/// Each entry holds its tag, its word and its lemma in 32 bytes, two entries (the last
/// met first) to a 64-byte line, [`LemmaCache::LINES`] lines: an entry is found at one
/// place in memory, which is asked for (prefetched) as soon as the sentence's tags are
/// known, so that the parse hides the wait. A word and lemma too long for an entry are
/// worked out every time. The lines are made after [`LemmaCache::AFTER`] words, so that
/// a workspace used for one sentence costs no more than none.
#[derive(Default)]
struct LemmaCache {
    lines: Vec<LemmaLine>,
    /// Words looked up before the lines were made.
    asked: usize,
    /// The line of each word of the sentence ([`LemmaCache::prepare`]).
    at: Vec<u32>,
}

/// Two entries of a [`LemmaCache`], on one cache line.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct LemmaLine([LemmaEntry; 2]);

/// A tag, a word and its lemma: the word's bytes then the lemma's in `text`; `len` 0 for
/// no entry.
#[derive(Clone, Copy)]
#[repr(C)]
struct LemmaEntry {
    tag: u8,
    len: u8,
    lemma_len: u8,
    text: [u8; LemmaEntry::TEXT],
}

impl LemmaEntry {
    /// Bytes of word and lemma an entry holds.
    const TEXT: usize = 29;
    const EMPTY: LemmaEntry = LemmaEntry { tag: 0, len: 0, lemma_len: 0, text: [0; LemmaEntry::TEXT] };

    /// The lemma when this is the entry of `form` with `tag`.
    #[inline]
    fn lemma(&self, form: &str, tag: u8) -> Option<&str> {
        let (n, m) = (self.len as usize, self.lemma_len as usize);
        if n == 0 || n != form.len() || self.tag != tag || self.text.get(..n)? != form.as_bytes() {
            return None;
        }
        std::str::from_utf8(self.text.get(n..n + m)?).ok()
    }
}

impl LemmaCache {
    /// Number of lines (two entries each: 2 MB in all).
    const LINES: usize = 1 << 15;
    /// Words lemmatised before the lines are made.
    const AFTER: usize = 1000;

    /// The line of `form` with `tag`.
    #[inline]
    fn line(form: &str, tag: u8) -> u32 {
        let key = hash::mix(hash::str_hash(form), tag as u64);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as u32 & (Self::LINES as u32 - 1)
    }

    /// Find the line of each of `words` with its tag in `tags`, and ask for it.
    fn prepare<'a>(&mut self, words: impl Iterator<Item = &'a str>, tags: &[u8]) {
        self.at.clear();
        if self.lines.is_empty() {
            self.asked = self.asked.saturating_add(tags.len());
            if self.asked <= Self::AFTER {
                return;
            }
            self.lines = vec![LemmaLine([LemmaEntry::EMPTY; 2]); Self::LINES];
        }
        for (w, &tag) in words.zip(tags) {
            let at = Self::line(w, tag);
            if let Some(line) = self.lines.get(at as usize) {
                sitrep_learn::buf::prefetch(line);
            }
            self.at.push(at);
        }
    }

    /// Append the lemma of word `i` of the sentence ([`LemmaCache::prepare`]), `form`,
    /// with `tag` to `out`, from the cache or `find`.
    #[inline]
    fn lemma(&mut self, i: usize, form: &str, tag: u8, out: &mut String, find: impl FnOnce(&mut String)) {
        let Some(line) = self.at.get(i).and_then(|&at| self.lines.get_mut(at as usize)) else {
            find(out);
            return;
        };
        let [first, second] = &mut line.0;
        if let Some(lemma) = first.lemma(form, tag) {
            out.push_str(lemma);
            return;
        }
        if let Some(lemma) = second.lemma(form, tag) {
            out.push_str(lemma);
            std::mem::swap(first, second);
            return;
        }
        let start = out.len();
        find(out);
        let lemma = &out.as_bytes()[start..];
        let (n, m) = (form.len(), lemma.len());
        if n > 0 && n + m <= LemmaEntry::TEXT {
            let mut entry = LemmaEntry { tag, len: n as u8, lemma_len: m as u8, text: [0; LemmaEntry::TEXT] };
            entry.text[..n].copy_from_slice(form.as_bytes());
            entry.text[n..n + m].copy_from_slice(lemma);
            *second = std::mem::replace(first, entry);
        }
    }
}

impl Syntax {
    /// The built-in model, loaded on first use and shared after that: the tagger, the
    /// lemmatiser and the parser, whose moves the built-in neural network scores.
    ///
    /// Two environment variables change the parser: `SITREP_PARSER=perceptron` scores
    /// moves with the averaged perceptron instead (slower, the parser of sessions before
    /// the network), and `SITREP_NN_MODEL=FILE` with another network file (see [`nn`]).
    pub fn builtin() -> Result<&'static Syntax, ModelError> {
        static MODEL: OnceLock<Result<Syntax, ModelError>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                let model = model::from_bytes(BUILTIN)?;
                if let Some(path) = std::env::var_os("SITREP_NN_MODEL").filter(|p| !p.is_empty()) {
                    let bytes = std::fs::read(&path).map_err(|e| ModelError(format!("SITREP_NN_MODEL={}: {e}", path.to_string_lossy())))?;
                    return model.with_nn(&bytes).map_err(|e| ModelError(format!("SITREP_NN_MODEL={}: {e}", path.to_string_lossy())));
                }
                match std::env::var("SITREP_PARSER").as_deref() {
                    Ok("perceptron") => Ok(model),
                    Ok("neural") | Ok("") | Err(std::env::VarError::NotPresent) => model.with_nn(BUILTIN_NN).map_err(|e| ModelError(format!("the built-in neural parser: {e}"))),
                    Ok(other) => Err(ModelError(format!("SITREP_PARSER={other}: the parser is `neural` (the default) or `perceptron`"))),
                    Err(e) => Err(ModelError(format!("SITREP_PARSER: {e}; the parser is `neural` (the default) or `perceptron`"))),
                }
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The built-in model with the averaged perceptron scoring the parser's moves,
    /// whatever the environment says: the teacher and the baseline of the neural parser's
    /// training and evaluation.
    pub fn builtin_perceptron() -> Result<&'static Syntax, ModelError> {
        static MODEL: OnceLock<Result<Syntax, ModelError>> = OnceLock::new();
        MODEL.get_or_init(|| model::from_bytes(BUILTIN)).as_ref().map_err(Clone::clone)
    }

    /// This model with its parser scoring moves by the neural network in `bytes` (a file
    /// written by [`nn::Net::to_bytes`]) instead of the perceptron; the network must have
    /// been trained for this model's tags and labels.
    pub fn with_nn(mut self, bytes: &[u8]) -> Result<Syntax, nn::NnError> {
        let net = nn::Net::from_bytes(bytes)?;
        let sizes = net.config.sizes;
        if sizes.tags as usize != self.tagger.tags.len() || sizes.labels as usize != self.parser.labels.len() {
            return Err(nn::NnError(format!(
                "made for {} tags and {} labels, the model has {} and {}",
                sizes.tags,
                sizes.labels,
                self.tagger.tags.len(),
                self.parser.labels.len()
            )));
        }
        self.parser.nn = Some(std::sync::Arc::new(nn::FastNet::new(net)?));
        Ok(self)
    }

    /// Read a model from the bytes of a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Syntax, ModelError> {
        model::from_bytes(bytes)
    }

    /// The model as the bytes of a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        model::to_bytes(self)
    }

    /// Analyse one sentence given as its words.
    pub fn analyze(&self, words: &[&str]) -> Analysis {
        let mut out = Analysis::default();
        self.analyze_into(words.iter().copied(), &mut Workspace::default(), &mut out);
        out
    }

    /// Analyse one sentence into `out`, reusing `ws`.
    pub fn analyze_into<'a>(&self, words: impl Iterator<Item = &'a str> + Clone, ws: &mut Workspace, out: &mut Analysis) {
        // The rules below walk the words a dozen times (and look words up by index): the
        // words are taken from `words` once.
        let sentence: Vec<&str> = words.collect();
        let mut infos = std::mem::take(&mut ws.words);
        infos.clear();
        self.tag_sentence(&sentence, ws, &mut infos, &mut out.tags);
        self.parse_tagged(&sentence, &infos, ws, out);
        ws.words = infos;
    }

    /// The first half of [`Syntax::analyze_into`]: the hashed views of the words of
    /// `sentence`, appended to `infos`, and their tags (the tagger's, mended by the
    /// rules below) into `tags`. A caller with many sentences can tag them all before
    /// parsing any, so that the tagger's tables and then the parser's stay in the CPU's
    /// caches ([`Syntax::parse_tagged`]; the same analyses).
    ///
    /// ```
    /// let model = sitrep_syntax::Syntax::builtin().unwrap();
    /// let words = ["Troops", "seized", "the", "airport", "."];
    /// let (mut ws, mut infos, mut a) = (Default::default(), Vec::new(), sitrep_syntax::Analysis::default());
    /// model.tag_sentence(&words, &mut ws, &mut infos, &mut a.tags);
    /// model.parse_tagged(&words, &infos, &mut ws, &mut a);
    /// assert_eq!(a.heads, model.analyze(&words).heads);
    /// assert_eq!(a.xpos(model, 1), "VBD");
    /// ```
    pub fn tag_sentence(&self, sentence: &[&str], ws: &mut Workspace, infos: &mut Vec<WordInfo>, tags: &mut Vec<u8>) {
        let words = sentence.iter().copied();
        let from = infos.len();
        WordInfo::extend_from(infos, words.clone().map(treebank_form), &mut ws.word_scratch);
        self.tagger.tag(&infos[from..], tags, &mut ws.tag_scratch);
        self.name_read_as_verb(words.clone(), tags, &mut ws.lower);
        self.past_read_as_present(words.clone(), tags, &mut ws.lower);
        self.past_read_as_participle_after_and(words.clone(), tags, &mut ws.lower);
        self.past_read_as_participle_after_saying(words.clone(), tags, &mut ws.lower);
        self.past_read_as_participle_after_apposition(words.clone(), tags, &mut ws.lower);
        self.noun_after(words.clone(), tags, "VBG", &["has", "have", "had", "Has", "Have", "Had"]);
        self.noun_after(words.clone(), tags, "MD", &["the", "The", "a", "A", "an", "An"]);
        self.party_read_as_pronoun(words.clone(), tags);
        self.preposition_read_as_adverb(words.clone(), tags);
        self.verb_for_verbless(sentence, tags, &mut ws.lower);
    }

    /// The second half of [`Syntax::analyze_into`]: the tree and lemmas of `sentence`,
    /// whose hashed views are `infos` and whose tags are in `out.tags` (both from
    /// [`Syntax::tag_sentence`]).
    pub fn parse_tagged(&self, sentence: &[&str], infos: &[WordInfo], ws: &mut Workspace, out: &mut Analysis) {
        let words = sentence.iter().copied();
        // The lemmas' entries are asked for now, to arrive while the sentence is parsed.
        ws.lemmas.prepare(words.clone(), &out.tags);
        self.parser.parse(infos, &out.tags, &mut ws.state, &mut ws.parse_scratch, &mut ws.parse);
        std::mem::swap(&mut out.heads, &mut ws.parse.heads);
        std::mem::swap(&mut out.labels, &mut ws.parse.labels);
        out.lemmas.clear();
        out.lemma_ends.clear();
        let (lemmatizer, lower) = (&self.lemmatizer, &mut ws.lower);
        for (i, (w, &tag)) in words.zip(&out.tags).enumerate() {
            ws.lemmas.lemma(i, w, tag, &mut out.lemmas, |out| lemmatizer.lemma(&treebank_form(w), tag, lower, out));
            out.lemma_ends.push(out.lemmas.len() as u32);
        }
    }

    /// A capitalised word inside the sentence tagged as a verb that WordNet does not know
    /// as a verb is a name: "deployed 1,000 police officers to *Haiti*", "a village in
    /// *Sagaing* region" (read as a word in "-ing").
    fn name_read_as_verb<'a>(&self, words: impl Iterator<Item = &'a str>, tags: &mut [u8], lower: &mut String) {
        let Some(nnp) = self.tagger.rule_tags.nnp else { return };
        let mut previous = "";
        for (i, w) in words.enumerate() {
            let xpos = self.tagger.tags.get(tags[i] as usize).map_or("", |p| p.1);
            let verb = matches!(xpos, "VB" | "VBP" | "VBG");
            // (The word's letters are looked at only for a verb: most words are none.)
            let capitalised = || w.starts_with(|c: char| c.is_uppercase()) && w.chars().skip(1).any(|c| c.is_lowercase());
            let opening = i == 0 || matches!(previous, "“" | "\"" | "``" | "''" | ":" | "(" | "-" | "—" | "‘" | "'");
            if verb && !opening && capitalised() {
                lower.clear();
                lower.push_str(&w.to_lowercase());
                // A form in "-ing" of a WordNet verb ("Rising prices") is one.
                let ing = xpos == "VBG" && wordnet::lemma(wordnet::Class::Verb, lower, lower).is_some();
                if !wordnet::verb_form(lower) && !ing {
                    tags[i] = nnp;
                }
            }
            previous = w;
        }
    }

    /// A word tagged `xpos` right after one of the words `before` is a common noun
    /// (`NN`): a modal after an article ("kicking *the can* down the road"), a word in
    /// "-ing" after a form of "have" ("Sanders *has backing* from 33 percent", read as a
    /// progressive: no verb form follows "have" that way).
    fn noun_after<'a>(&self, words: impl Iterator<Item = &'a str>, tags: &mut [u8], xpos: &str, before: &[&str]) {
        let Some(nn) = self.tagger.rule_tags.nn else { return };
        let mut previous = "";
        for (i, w) in words.enumerate() {
            if self.tagger.tags.get(tags[i] as usize).map_or("", |p| p.1) == xpos && before.contains(&previous) {
                tags[i] = nn;
            }
            previous = w;
        }
    }

    /// The "I" of an independent's party and state after a name ("Sen. Bernie Sanders
    /// *(I-Vt.)*", read as the pronoun) is a name, as the "R" and "D" beside it are.
    fn party_read_as_pronoun<'a>(&self, words: impl Iterator<Item = &'a str> + Clone, tags: &mut [u8]) {
        let Some(nnp) = self.tagger.rule_tags.nnp else { return };
        let mut previous = "";
        for (i, w) in words.clone().enumerate() {
            if w == "I" && matches!(previous, "(" | ",") {
                let mut next = words.clone().skip(i + 1);
                let (dash, state) = (next.next().unwrap_or(""), next.next().unwrap_or(""));
                if matches!(dash, "-" | "–") && state.starts_with(|c: char| c.is_uppercase()) {
                    tags[i] = nnp;
                }
            }
            previous = w;
        }
    }

    /// "Before" or "after" tagged as an adverb right before a noun, a number, an article
    /// or a possessive ("struck the port *before* dawn on Friday") is the preposition
    /// (EWT's training text never has the adverb there).
    fn preposition_read_as_adverb<'a>(&self, words: impl Iterator<Item = &'a str>, tags: &mut [u8]) {
        let Some(prep) = self.tagger.rule_tags.prep else { return };
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        let mut previous = "";
        for (i, w) in words.enumerate() {
            let adverb = i > 0 && (previous.eq_ignore_ascii_case("before") || previous.eq_ignore_ascii_case("after")) && xpos(tags[i - 1]) == "RB";
            if adverb && matches!(xpos(tags[i]), "NN" | "NNS" | "NNP" | "NNPS" | "DT" | "CD" | "PRP$") {
                tags[i - 1] = prep;
            }
            previous = w;
        }
    }

    /// An irregular past form tagged as a present or a base form ("soldiers *shot* dead
    /// a man" read as `VBP`) is the past tense: WordNet lists it as another verb's form
    /// and it is no base form itself ("hit", "put" are both).
    fn past_read_as_present<'a>(&self, words: impl Iterator<Item = &'a str>, tags: &mut [u8], lower: &mut String) {
        let Some(vbd) = self.tagger.rule_tags.vbd else { return };
        for (i, w) in words.enumerate() {
            if !matches!(self.tagger.tags.get(tags[i] as usize).map_or("", |p| p.1), "VB" | "VBP") {
                continue;
            }
            lower.clear();
            lower.push_str(&w.to_lowercase());
            let present = lower.ends_with('s') || matches!(lower.as_str(), "are" | "am" | "be" | "'re" | "'m");
            if !present && wordnet::past_tense(lower) && !wordnet::base_verb(lower) && !lower.ends_with("ed") {
                tags[i] = vbd;
            }
        }
    }

    /// A participle right after "and" or "but" whose clause began with a verb in the past
    /// tense, with no auxiliary since ("Russia denied responsibility and *blamed*
    /// Ukraine", read as `VBN`), is that past tense too: the second verb of the same
    /// subject.
    fn past_read_as_participle_after_and<'a>(&self, words: impl Iterator<Item = &'a str>, tags: &mut [u8], lower: &mut String) {
        let Some(vbd) = self.tagger.rule_tags.vbd else { return };
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        let upos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.0);
        let mut previous = "";
        for (i, w) in words.enumerate() {
            let after_and = matches!(previous, "and" | "but");
            previous = w;
            if !after_and || xpos(tags[i]) != "VBN" || i < 3 {
                continue;
            }
            // The verb before "and", with nothing verbal between.
            let Some(v) = (0..i - 1).rev().find(|&k| xpos(tags[k]).starts_with("VB") || matches!(upos(tags[k]), "AUX") || xpos(tags[k]) == "MD") else { continue };
            if xpos(tags[v]) != "VBD" || upos(tags[v]) != "VERB" {
                continue;
            }
            lower.clear();
            lower.push_str(&w.to_lowercase());
            if wordnet::past_tense(lower) {
                tags[i] = vbd;
            }
        }
    }

    /// A participle right after the subject of a clause that a verb of saying
    /// introduces, with no auxiliary, and before its object ("Israel said its jets
    /// *struck* Hezbollah targets", read as "jets [that were] struck"), is the past
    /// tense: the clause's verb.
    fn past_read_as_participle_after_saying<'a>(&self, words: impl Iterator<Item = &'a str> + Clone, tags: &mut [u8], lower: &mut String) {
        let Some(vbd) = self.tagger.rule_tags.vbd else { return };
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        if !tags.iter().any(|&t| xpos(t) == "VBN") {
            return;
        }
        let saying = |w: &str| matches!(w, "said" | "says" | "say" | "claimed" | "claims" | "announced" | "reported" | "confirmed" | "denied" | "alleged" | "insisted" | "stated" | "added");
        // Nouns of time that follow a participle describing the subject ("the suspects
        // arrested Monday were …").
        let time = |w: &str| matches!(w.to_lowercase().as_str(), "yesterday" | "today" | "tonight" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november" | "december" | "last" | "earlier" | "this" | "next");
        let mut said_at: Option<usize> = None;
        let mut next_words = words.clone().skip(1);
        for (i, w) in words.enumerate() {
            let next = next_words.next().unwrap_or("");
            if saying(w) {
                said_at = Some(i);
                continue;
            }
            let Some(s) = said_at else { continue };
            if xpos(tags[i]) != "VBN" {
                let phrase = matches!(xpos(tags[i]), "DT" | "PRP$" | "PRP" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS") || (i == s + 1 && w == "that");
                if !phrase || i > s + 6 {
                    said_at = None;
                }
                continue;
            }
            said_at = None;
            let subject = i > s + 1 && matches!(xpos(tags[i - 1]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP");
            let object = i + 1 < tags.len() && matches!(xpos(tags[i + 1]), "DT" | "PRP$" | "PRP" | "NNP" | "NNPS" | "CD" | "NNS" | "NN") && !time(next);
            if subject && object {
                lower.clear();
                lower.push_str(&w.to_lowercase());
                if wordnet::past_tense(lower) {
                    tags[i] = vbd;
                }
            }
        }
    }

    /// A participle right after an apposition or a relative clause that follows the
    /// sentence's first name, before its object ("ECOWAS, the West African bloc, *imposed*
    /// sanctions on Niger", read as "sanctions [that were] imposed"; "Zourabichvili, who is
    /// at odds with the government, *called* on the protesters …") is the past tense: the
    /// sentence's verb. Not before "by" ("Putin, the leader, backed by the
    /// army, …").
    fn past_read_as_participle_after_apposition<'a>(&self, words: impl Iterator<Item = &'a str> + Clone, tags: &mut [u8], lower: &mut String) {
        let Some(vbd) = self.tagger.rule_tags.vbd else { return };
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        // The first words: a name, a comma, an apposition of nouns, a comma, a participle.
        let name = tags.iter().take_while(|&&t| matches!(xpos(t), "NNP" | "NNPS")).count();
        if name == 0 || name + 4 >= tags.len() || words.clone().nth(name) != Some(",") {
            return;
        }
        let phrase = |t: u8| matches!(xpos(t), "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "POS" | "CD" | "IN" | "HYPH");
        // Or a relative clause: "President Salome Zourabichvili, who is at odds with the
        // government, *called* on the protesters …".
        let relative = matches!(xpos(tags[name + 1]), "WP" | "WDT");
        let close = if relative {
            let mut rest = words.clone().enumerate().skip(name + 2).take(14);
            rest.find(|(_, w)| *w == ",").map(|(k, _)| k)
        } else {
            (name + 2..tags.len().min(name + 10)).find(|&k| !phrase(tags[k]))
        };
        let Some(close) = close else { return };
        let v = close + 1;
        let object = |t: u8, w: Option<&str>| matches!(xpos(t), "DT" | "NNS" | "NN" | "NNP" | "NNPS" | "CD" | "PRP$" | "JJ") || (relative && matches!(w, Some("on" | "for" | "with" | "to" | "against")));
        if words.clone().nth(close) != Some(",") || v + 1 >= tags.len() || xpos(tags[v]) != "VBN" || !object(tags[v + 1], words.clone().nth(v + 1)) {
            return;
        }
        let Some(w) = words.clone().nth(v) else { return };
        lower.clear();
        lower.push_str(&w.to_lowercase());
        if wordnet::past_tense(lower) {
            tags[v] = vbd;
        }
    }

    /// A sentence ending in a full stop with no verb at all ("A gunman shot three people."
    /// tagged as one noun phrase, "Police fought protesters." with "fought" as an
    /// adjective): the first noun or adjective that can be a past tense, after a noun or
    /// pronoun and before what could be its object, is made that past tense.
    ///
    /// So is a past participle in such a sentence that has no finite verb, right after a
    /// noun and before its object ("Belarusian students protested against the
    /// government.", read as "students [who were] protested").
    ///
    /// A clause before a closing reporting clause ("The rebels shot down a helicopter,
    /// *the army said*.") is read the same way, as if it were the sentence.
    fn verb_for_verbless(&self, sentence: &[&str], tags: &mut [u8], lower: &mut String) {
        let words = sentence.iter().copied();
        let upos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.0);
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        if tags.len() < 4 || words.clone().last() != Some(".") {
            return;
        }
        // The clause: the words before the full stop, or before ", the army said.", ",
        // according to …" or a clause of time or cause ("as they swept through the city").
        let end = self.reported_clause_end(words.clone(), tags).unwrap_or(tags.len() - 1);
        let end = self.subordinate_start(words.clone(), tags, end).unwrap_or(end);
        let finite = |e: usize| tags[..e].iter().any(|&t| upos(t) == "AUX" || matches!(xpos(t), "VBD" | "VBZ" | "VBP" | "MD"));
        // The first of two clauses joined by ", and" and a new subject is read the same
        // way ("Protesters *set* fire to a police station, and police responded …").
        let pairs = words.clone().zip(words.clone().skip(1)).take(end.saturating_sub(2));
        let joined = pairs.enumerate().position(|(k, (w, next))| k > 1 && w == "," && matches!(next, "and" | "but") && matches!(upos(tags[k + 2]), "NOUN" | "PROPN" | "PRON" | "DET"));
        let joined = joined.filter(|&k| !finite(k));
        let whole = !finite(end);
        if joined.is_none() && !whole {
            return;
        }
        if let Some(k) = joined {
            self.verb_for_clause(sentence, tags, k, lower);
        }
        if whole {
            self.verb_for_clause(sentence, tags, end, lower);
        }
    }

    /// [`Syntax::verb_for_verbless`] of the clause `words[..end]`.
    fn verb_for_clause(&self, words: &[&str], tags: &mut [u8], end: usize, lower: &mut String) {
        let upos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.0);
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        let Some(vbd) = self.tagger.rule_tags.vbd else { return };
        let tags = &mut tags[..=end];
        if tags[..end].iter().any(|&t| upos(t) == "VERB") {
            let object = |i: usize| matches!(upos(tags[i]), "DET" | "NUM" | "NOUN" | "PROPN" | "PRON") || (upos(tags[i]) == "ADP" && matches!(&*words[i].to_lowercase(), "against" | "with" | "toward" | "towards" | "through" | "into" | "across" | "along" | "down" | "outside" | "past" | "around")) || matches!(&*words[i].to_lowercase(), "back" | "out" | "away" | "off");
            // What captions say was done to people ("Three soldiers killed in the
            // ambush.") stays a participle unless an object follows; any other verb right
            // after its subject is its past tense ("The party conceded on Sunday."), unless
            // an agent follows ("by").
            let done_to = |w: &str| {
                matches!(
                    w,
                    "killed" | "wounded" | "injured" | "arrested" | "detained" | "shot" | "attacked" | "captured" | "released" | "abducted" | "kidnapped" | "seized" | "hit" | "destroyed" | "bombed" | "targeted" | "sentenced" | "charged" | "convicted" | "freed" | "rescued" | "evacuated" | "expelled" | "deported" | "jailed" | "executed" | "banned" | "barred" | "held" | "found" | "seen" | "buried" | "trapped" | "displaced" | "hurt" | "named" | "elected" | "appointed" | "photographed" | "pictured" | "shown"
                )
            };
            let past = |i: usize| object(i + 1) || (!done_to(&words[i].to_lowercase()) && !words[i + 1].eq_ignore_ascii_case("by"));
            let participle = (1..end).find(|&i| xpos(tags[i]) == "VBN");
            if let Some(i) = participle.filter(|&i| matches!(xpos(tags[i - 1]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP") && past(i)) {
                lower.clear();
                lower.push_str(&words[i].to_lowercase());
                if wordnet::past_tense(lower) {
                    tags[i] = vbd;
                }
            }
            return;
        }
        for i in 1..end {
            let (before, this, after) = (upos(tags[i - 1]), upos(tags[i]), upos(tags[i + 1]));
            if !matches!(this, "NOUN" | "ADJ") || !matches!(before, "NOUN" | "PROPN" | "PRON") || !matches!(after, "DET" | "NUM" | "NOUN" | "PROPN" | "PRON" | "ADP" | "ADJ") {
                continue;
            }
            lower.clear();
            lower.push_str(&words[i].to_lowercase());
            if wordnet::past_tense(lower) {
                tags[i] = vbd;
                // "… looted homes and *shot* dead at least 40 civilians": a second past
                // tense joined by "and", before what could be its object.
                let second = (i + 2..end).find(|&j| {
                    words[j - 1] == "and" && matches!(upos(tags[j]), "NOUN" | "ADJ") && j < end && (matches!(upos(tags[j + 1]), "DET" | "NUM" | "PRON" | "NOUN" | "PROPN") || matches!(words[j + 1], "dead" | "down" | "up" | "off"))
                });
                if let Some(j) = second {
                    lower.clear();
                    lower.push_str(&words[j].to_lowercase());
                    if wordnet::past_tense(lower) {
                        tags[j] = vbd;
                    }
                }
                return;
            }
        }
    }

    /// Where a clause of time or cause ("as they swept …", "after the army withdrew")
    /// or ", according to" begins before `end`, if one does after the first two words.
    fn subordinate_start<'a>(&self, words: impl Iterator<Item = &'a str>, tags: &[u8], end: usize) -> Option<usize> {
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        let mut previous = "";
        let mut words = words.take(end + 1).enumerate().peekable();
        // A clause: a finite verb within a few words ("as they swept", not "identified as
        // a strike").
        let finite = |k: usize| (k + 1..tags.len().min(k + 6)).any(|j| matches!(xpos(tags[j]), "VBD" | "VBZ" | "VBP" | "MD"));
        while let Some((k, w)) = words.next() {
            let next = words.peek().map_or("", |&(_, n)| n);
            if k >= 2 && k < end {
                let opens = matches!(w, "as" | "when" | "after" | "while" | "because" | "before" | "since")
                    && xpos(tags[k]) == "IN"
                    && !matches!(previous, "such" | "well" | "soon" | "long" | "just")
                    && !xpos(tags[k - 1]).starts_with("VB")
                    && matches!(xpos(tags[k + 1]), "PRP" | "DT" | "NNP" | "NNPS" | "NNS" | "PRP$")
                    && finite(k);
                if opens || (w == "," && next == "according") {
                    return Some(k);
                }
            }
            previous = w;
        }
        None
    }

    /// The comma that opens a closing reporting clause (", the army said.", ", the
    /// governor said on Saturday."; a subject of at most seven words, a verb of saying and
    /// at most a short phrase after it), if the sentence ends with one.
    fn reported_clause_end<'a>(&self, words: impl Iterator<Item = &'a str> + Clone, tags: &[u8]) -> Option<usize> {
        let xpos = |t: u8| self.tagger.tags.get(t as usize).map_or("", |p| p.1);
        let n = tags.len();
        let saying = |w: &str| matches!(w, "said" | "says" | "reported" | "reports" | "claimed" | "claims" | "announced" | "confirmed" | "added" | "alleged" | "stated");
        // The verb of saying, with at most a short phrase after it ("on Saturday", "in a
        // statement").
        let tail = |t: u8| matches!(xpos(t), "IN" | "DT" | "JJ" | "NN" | "NNP" | "CD" | "RB");
        let s = (n.saturating_sub(6)..n - 1).rev().find(|&j| !tail(tags[j]))?;
        if !saying(words.clone().nth(s)?) {
            return None;
        }
        let mut k = s.checked_sub(1)?;
        while k > 0 && s - k <= 7 && matches!(xpos(tags[k]), "DT" | "PRP$" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "POS" | "CD" | "PRP") {
            k -= 1;
        }
        let noun = (k + 1..s).any(|j| matches!(xpos(tags[j]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP"));
        (k > 2 && k + 1 < s && noun && words.clone().nth(k) == Some(",")).then_some(k)
    }

    /// Only the part-of-speech tagger: the Penn tag of each word (for models that need
    /// tags but not trees, such as the entity model's training).
    ///
    /// ```
    /// let syntax = sitrep_syntax::Syntax::builtin().unwrap();
    /// assert_eq!(syntax.xpos_tags(["Troops", "seized", "the", "airport", "."].into_iter()), ["NNS", "VBD", "DT", "NN", "."]);
    /// ```
    pub fn xpos_tags<'a>(&self, words: impl Iterator<Item = &'a str>) -> Vec<&'static str> {
        let mut scratch = Scratch::default();
        let infos: Vec<WordInfo> = words.map(|w| WordInfo::new(&treebank_form(w), &mut scratch)).collect();
        let mut tags = Vec::new();
        self.tagger.tag(&infos, &mut tags, &mut TagScratch::default());
        tags.iter().map(|&t| self.tagger.tags[t as usize].1).collect()
    }

    /// Fill UPOS, XPOS, LEMMA, HEAD and DEPREL of CoNLL-U sentences from their forms;
    /// FEATS and DEPS, which this model does not predict, become `_`.
    pub fn annotate_conllu(&self, sentences: &mut [conllu::Sentence]) {
        let mut ws = Workspace::default();
        let mut a = Analysis::default();
        for s in sentences {
            self.analyze_into(s.words.iter().map(|w| w.form.as_str()), &mut ws, &mut a);
            for (i, w) in s.words.iter_mut().enumerate() {
                w.upos = a.upos(self, i).to_string();
                w.xpos = a.xpos(self, i).to_string();
                w.lemma = a.lemma(i).to_string();
                w.head = Some(a.heads[i].map_or(0, |h| h + 1));
                w.deprel = a.deprel(self, i).to_string();
                w.feats = "_".into();
                w.deps = "_".into();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lemma cache gives back exactly what it was given, for words met again and again
    /// among many more than its entries (so that entries are replaced), of every length
    /// (those too long to keep included), with tags that share words.
    #[test]
    fn lemma_cache_gives_what_it_was_given() {
        let lemma_of = |form: &str, tag: u8, out: &mut String| {
            out.push_str(&form[..form.len() / 2 + (tag as usize % 2)]);
            out.push_str(["", "e", "ing", "ies"][tag as usize % 4]);
        };
        let mut cache = LemmaCache::default();
        let mut x = 5u64;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            x >> 33
        };
        let (mut got, mut want) = (String::new(), String::new());
        let mut words: Vec<String> = Vec::new();
        let mut tags = Vec::new();
        for round in 0..3000 {
            words.clear();
            tags.clear();
            for _ in 0..40 {
                // Most words from a small set, met often; the rest from a large one.
                let n = if next() % 3 == 0 { next() % 200_000 } else { next() % 500 };
                let len = (n % 31) as usize + 1;
                words.push(format!("w{n}{}", "x".repeat(len)));
                tags.push((next() % 5) as u8);
            }
            cache.prepare(words.iter().map(String::as_str), &tags);
            got.clear();
            want.clear();
            for (i, (w, &t)) in words.iter().zip(&tags).enumerate() {
                cache.lemma(i, w, t, &mut got, |out| lemma_of(w, t, out));
                lemma_of(w, t, &mut want);
                assert_eq!(got, want, "round {round}, {w} {t}");
            }
        }
        assert!(!cache.lines.is_empty(), "the lines were made");
    }
}
