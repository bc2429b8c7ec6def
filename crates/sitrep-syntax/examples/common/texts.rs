//! The unlabelled development texts that the `word2vec` and `train_nn` examples read from
//! `../shared` (nothing is downloaded, and nothing read here is written into the
//! repository): each source as sentences of word forms.
use sitrep_core::{Doc, Meta, Stage};
use sitrep_syntax::conllu;
use std::path::{Path, PathBuf};

/// The files directly in `dir`, sorted by name; none if it cannot be read.
fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files
}

/// PolNeAR train and dev news texts, split into sentences and tokens as the pipeline
/// splits them.
pub fn polnear(root: &Path) -> Vec<Vec<String>> {
    let segmenter = sitrep_text::Segmenter::new();
    let mut sentences = Vec::new();
    for part in ["train", "dev"] {
        for f in sorted_files(&root.join("eval/polnear").join(part).join("text")) {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let mut doc = Doc::new(Meta::new("texts", jiff::civil::date(2020, 1, 1)), &text);
            segmenter.annotate(&mut doc);
            let t = doc.text();
            for s in &doc.text_layer.sentences {
                sentences.push(doc.text_layer.tokens[s.tokens()].iter().map(|tok| tok.span.of(t).to_string()).collect());
            }
        }
    }
    sentences
}

/// The word forms of the sentences of a CoNLL-U file (none if it cannot be read).
pub fn conllu_forms(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    conllu::parse(&text).map(|ss| ss.into_iter().map(|s| s.words.into_iter().map(|w| w.form).collect()).collect()).unwrap_or_default()
}

/// GUM news (its trees are not used: only the words).
pub fn gum_news(root: &Path) -> Vec<Vec<String>> {
    sorted_files(&root.join("eval/gum-news/dep")).iter().flat_map(|f| conllu_forms(f)).collect()
}

/// CoNLL-2003 train: one token per line, the form first, sentences between blank lines.
/// The last sentence, with no blank line after it, is left out, as it was when the word
/// vectors of the shipped nets were made (so that they can be made again bit for bit).
pub fn conll2003(root: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(root.join("eval/conll2003/train.txt")).unwrap_or_default();
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        match line.split(' ').next() {
            Some(w) if !w.is_empty() && w != "-DOCSTART-" => current.push(w.to_string()),
            _ => {
                if !current.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
            }
        }
    }
    sentences
}
