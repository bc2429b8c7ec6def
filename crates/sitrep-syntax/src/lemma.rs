//! The lemmatiser: suffix edit rules learned per tag from the treebank (strip *k*
//! characters, append a string: `killed/VBD` → strip 2 → `kill`), the most frequent rule
//! for the longest matching suffix, plus the exceptions the rules get wrong (`went/VBD` →
//! `go`, `children/NNS` → `child`).
//!
//! An inflected verb or plural noun the treebank never showed is checked against WordNet
//! ([`crate::wordnet`]): `invaded` → `invade`, not the rules' `invad`.

use std::collections::{BTreeMap, HashMap};

use crate::hash::{mix, str_hash, BuildKeyHasher};
use crate::wordnet::{self, Class};

/// Longest suffix a rule looks at, in characters.
const MAX_SUFFIX: usize = 5;

/// An edit from a word to its lemma.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edit {
    /// Bytes to strip from the end of the word.
    pub strip: u8,
    /// Text to append after stripping.
    pub append: String,
}

/// A trained lemmatiser.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lemmatizer {
    /// (tag, hash of a lower-cased suffix) → edit.
    pub rules: HashMap<u64, Edit, BuildKeyHasher>,
    /// (tag, hash of the lower-cased word) → lemma, where the rules are wrong.
    pub exceptions: HashMap<u64, String, BuildKeyHasher>,
    /// Tags whose lemmas keep the word's capitals (proper nouns).
    pub keep_case: Vec<bool>,
    /// The WordNet class each tag's guesses are checked against (inflected verbs, plural
    /// nouns); set by [`Lemmatizer::mark_checked_tags`], not stored in the model.
    pub checked: Vec<Option<Class>>,
}


fn rule_key(tag: u8, suffix: &str) -> u64 {
    mix(str_hash(suffix), 0x1000 + tag as u64)
}

fn word_key(tag: u8, lower: &str) -> u64 {
    mix(str_hash(lower), 0x2000 + tag as u64)
}

/// The suffixes of `s` from the longest (up to [`MAX_SUFFIX`] chars) down to the empty one.
fn suffixes(s: &str) -> impl Iterator<Item = &str> {
    let mut starts = [s.len(); MAX_SUFFIX];
    let mut n = 0;
    for (i, _) in s.char_indices().rev().take(MAX_SUFFIX) {
        starts[n] = i;
        n += 1;
    }
    (0..n).rev().map(move |k| &s[starts[k]..]).chain(std::iter::once(""))
}

fn edit_between(word: &str, lemma: &str) -> Option<Edit> {
    let common = word.char_indices().zip(lemma.chars()).take_while(|((_, a), b)| a == b).last().map_or(0, |((i, a), _)| i + a.len_utf8());
    let strip = word.len() - common;
    if strip > u8::MAX as usize {
        return None;
    }
    Some(Edit { strip: strip as u8, append: lemma[common..].to_string() })
}

fn apply(word: &str, edit: &Edit, out: &mut String) -> bool {
    let keep = word.len().saturating_sub(edit.strip as usize);
    if edit.strip as usize > word.len() || !word.is_char_boundary(keep) || (keep == 0 && edit.append.is_empty()) {
        return false;
    }
    out.push_str(&word[..keep]);
    out.push_str(&edit.append);
    true
}

impl Lemmatizer {
    /// Learn rules and exceptions from (form, lemma, tag) triples.
    pub fn train<'a>(data: impl Iterator<Item = (&'a str, &'a str, u8)> + Clone, n_tags: usize) -> Lemmatizer {
        // Which tags keep capitals: those whose lemmas are mostly not lower-cased.
        let mut cased = vec![(0usize, 0usize); n_tags];
        for (form, lemma, tag) in data.clone() {
            if form.chars().next().is_some_and(char::is_uppercase) {
                let c = &mut cased[tag as usize];
                c.1 += 1;
                if lemma.chars().next().is_some_and(char::is_uppercase) {
                    c.0 += 1;
                }
            }
        }
        let keep_case: Vec<bool> = cased.iter().map(|&(k, n)| n > 0 && k * 2 > n).collect();
        let mut counts: BTreeMap<(u8, String), BTreeMap<Edit, usize>> = BTreeMap::new();
        for (form, lemma, tag) in data.clone() {
            let (word, target) = Self::views(form, lemma, keep_case[tag as usize]);
            let Some(edit) = edit_between(&word, &target) else { continue };
            for suffix in suffixes(&word) {
                *counts.entry((tag, suffix.to_string())).or_default().entry(edit.clone()).or_default() += 1;
            }
        }
        let mut rules = HashMap::default();
        for ((tag, suffix), edits) in counts {
            let total: usize = edits.values().sum();
            // Most frequent edit; BTreeMap order breaks ties the same way every time.
            let (edit, n) = edits.into_iter().fold((None, 0), |(be, bn), (e, n)| if n > bn { (Some(e), n) } else { (be, bn) });
            if let Some(edit) = edit {
                if n >= 2 || suffix.is_empty() || total == n {
                    rules.insert(rule_key(tag, &suffix), edit);
                }
            }
        }
        let mut lem = Lemmatizer { rules, exceptions: HashMap::default(), keep_case, checked: Vec::new() };
        let mut out = String::new();
        let mut seen: BTreeMap<(u8, String), BTreeMap<String, usize>> = BTreeMap::new();
        for (form, lemma, tag) in data {
            let (word, target) = Self::views(form, lemma, lem.keep_case[tag as usize]);
            *seen.entry((tag, word.into_owned())).or_default().entry(target.into_owned()).or_default() += 1;
        }
        for ((tag, word), lemmas) in seen {
            let (best, _) = lemmas.into_iter().fold((String::new(), 0), |(b, bn), (l, n)| if n > bn { (l, n) } else { (b, bn) });
            out.clear();
            lem.by_rules(&word, tag, &mut out);
            if out != best {
                lem.exceptions.insert(word_key(tag, &word), best);
            }
        }
        lem
    }

    fn views<'a>(form: &'a str, lemma: &'a str, keep_case: bool) -> (std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>) {
        if keep_case {
            (form.into(), lemma.into())
        } else {
            (form.to_lowercase().into(), lemma.to_lowercase().into())
        }
    }

    fn by_rules(&self, word: &str, tag: u8, out: &mut String) {
        for suffix in suffixes(word) {
            // An ending takes off at most four letters and adds at most three ("-tting" →
            // "-t", "-ies" → "-y"); a longer edit on part of a word was learned from one
            // word ("Sept." → "September") and turns others into nonsense ("Capt." →
            // "Captember"). A rule that replaces a whole short word ("better" → "good")
            // stands; a long one replaced whole ("Mulholland" → "McClelland") is a name.
            let whole = |e: &&Edit| suffix.len() == word.len() || (e.strip as usize >= word.len() && word.len() <= 6);
            if let Some(edit) = self.rules.get(&rule_key(tag, suffix)).filter(|e| whole(e) || (e.strip <= 4 && e.append.len() <= 3)) {
                if apply(word, edit, out) {
                    return;
                }
            }
        }
        out.push_str(word);
    }

    /// Append the lemma of `form` with tag number `tag` to `out`; `lower` is scratch space.
    ///
    /// ```
    /// use sitrep_syntax::lemma::Lemmatizer;
    /// let data = [("killed", "kill", 0u8), ("shelled", "shell", 0), ("went", "go", 0)];
    /// let lem = Lemmatizer::train(data.iter().copied(), 1);
    /// let (mut out, mut lower) = (String::new(), String::new());
    /// lem.lemma("seized", 0, &mut lower, &mut out);
    /// assert_eq!(out, "seiz"); // strip "ed": rules generalise from two examples
    /// out.clear();
    /// lem.lemma("Went", 0, &mut lower, &mut out);
    /// assert_eq!(out, "go");
    /// ```
    pub fn lemma(&self, form: &str, tag: u8, lower: &mut String, out: &mut String) {
        let keep = self.keep_case.get(tag as usize).copied().unwrap_or(false);
        let word: &str = if keep {
            form
        } else {
            lower.clear();
            lower.extend(form.chars().flat_map(char::to_lowercase));
            lower
        };
        if word.len() > 64 {
            out.push_str(word);
            return;
        }
        if let Some(l) = self.exceptions.get(&word_key(tag, word)) {
            out.push_str(l);
            return;
        }
        let start = out.len();
        self.by_rules(word, tag, out);
        if let Some(class) = self.checked.get(tag as usize).copied().flatten() {
            if let Some(lemma) = wordnet::lemma(class, word, &out[start..]) {
                out.truncate(start);
                out.push_str(lemma);
            }
        }
    }

    /// Mark which of the model's tags (Universal, Penn) have their guesses checked against
    /// WordNet.
    pub fn mark_checked_tags(&mut self, tags: &[(&str, &str)]) {
        self.checked = tags.iter().map(|&(_, xpos)| Class::of_penn(xpos)).collect();
    }
}
