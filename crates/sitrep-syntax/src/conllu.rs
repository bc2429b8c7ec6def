//! Reading and writing CoNLL-U (https://universaldependencies.org/format.html).
//!
//! Only the basic tree is used: multiword-token lines (`1-2`) and empty nodes (`8.1`) are
//! kept for writing back out but are not words of the tree.

use std::fmt::Write as _;

/// One syntactic word of a CoNLL-U sentence (ten columns; ID is its position + 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA (`_` when absent).
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS, kept as written.
    pub feats: String,
    /// HEAD: 0 for the root, else the 1-based position of the head word; `None` when `_`.
    pub head: Option<u32>,
    /// DEPREL.
    pub deprel: String,
    /// DEPS, kept as written.
    pub deps: String,
    /// MISC, kept as written.
    pub misc: String,
}

/// A line that is not a word: a comment, a multiword token or an empty node, with the
/// number of words that precede it (so it can be written back in place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherLine {
    /// How many words come before this line.
    pub before_word: usize,
    /// The line as read.
    pub line: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The words of the basic tree, in order.
    pub words: Vec<Word>,
    /// Comments, multiword tokens and empty nodes, to be written back unchanged.
    pub other: Vec<OtherLine>,
}

/// A line of a CoNLL-U file that cannot be read, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

impl std::fmt::Display for ConlluError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {} (CoNLL-U wants 10 tab-separated columns per word line, sentences separated by a blank line)", self.line, self.problem)
    }
}

impl std::error::Error for ConlluError {}

/// Parse a whole CoNLL-U text.
///
/// ```
/// let text = "# text = Troops advanced.\n1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tadvanced\tadvance\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
/// let sentences = sitrep_syntax::conllu::parse(text).unwrap();
/// assert_eq!(sentences[0].words[1].head, Some(0));
/// ```
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !current.words.is_empty() || !current.other.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            current.other.push(OtherLine { before_word: current.words.len(), line: line.to_string() });
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError { line: n + 1, problem: format!("{} columns instead of 10", cols.len()) });
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            current.other.push(OtherLine { before_word: current.words.len(), line: line.to_string() });
            continue;
        }
        let expected = current.words.len() + 1;
        if id.parse::<usize>().ok() != Some(expected) {
            return Err(ConlluError { line: n + 1, problem: format!("word ID `{id}` where {expected} was expected") });
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(h.parse::<u32>().map_err(|_| ConlluError { line: n + 1, problem: format!("HEAD `{h}` is not a number") })?),
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !current.words.is_empty() || !current.other.is_empty() {
        sentences.push(current);
    }
    for (i, s) in sentences.iter().enumerate() {
        let n = s.words.len() as u32;
        if let Some(w) = s.words.iter().find(|w| w.head.is_some_and(|h| h > n)) {
            return Err(ConlluError {
                line: 0,
                problem: format!("sentence {} has HEAD {} beyond its {n} words (word `{}`)", i + 1, w.head.unwrap_or(0), w.form),
            });
        }
    }
    Ok(sentences)
}

/// Write sentences back as CoNLL-U, comments and multiword lines in place.
pub fn write(sentences: &[Sentence], out: &mut String) {
    for s in sentences {
        let mut other = s.other.iter().peekable();
        for (i, w) in s.words.iter().enumerate() {
            while let Some(o) = other.next_if(|o| o.before_word <= i) {
                out.push_str(&o.line);
                out.push('\n');
            }
            let head = w.head.map_or("_".to_string(), |h| h.to_string());
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                w.form,
                or_blank(&w.lemma),
                or_blank(&w.upos),
                or_blank(&w.xpos),
                or_blank(&w.feats),
                head,
                or_blank(&w.deprel),
                or_blank(&w.deps),
                or_blank(&w.misc)
            );
        }
        for o in other {
            out.push_str(&o.line);
            out.push('\n');
        }
        out.push('\n');
    }
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}
