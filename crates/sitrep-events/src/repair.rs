//! Mending the parser's known slips on news sentences before coding, on the coder's own
//! copy of the arcs (the syntax layer is left as the parser gave it):
//!
//! - a dateline ("ODESA —", "KHARKIV, Ukraine (Reuters) —") is the place of the report,
//!   never a subject: it hangs from the sentence's root as `dep`;
//! - "Russian artillery struck the plant overnight, local officials said": when the clause
//!   before the reporting clause has no verb at its top (the parser made the main verb a
//!   modifier of its subject, "artillery ← struck"), the verb is made the root, its
//!   subject and object are given back to it, and the reporting clause hangs from it as
//!   `parataxis`, as in the parses the coder reads right ("…, AP reported"); a reporting
//!   clause read as a conjunct of the verb ("…, the army said" with no "and") is made
//!   `parataxis` too;
//! - "According to the ministry, militias fired rockets at a base", read the same way, is
//!   mended the same way, with "according to" hanging from the verb.
//!
//! Each mend is checked: if the arcs of a sentence would not form a tree, it is undone.

use sitrep_core::{Doc, TokenKind};

use crate::lexicon::Lexicon;

/// Mend the arcs (`heads`, `rels`, one per token) of every sentence of `doc`.
pub fn mend(doc: &Doc, heads: &mut [Option<u32>], rels: &mut [&'static str]) {
    if heads.len() != doc.text_layer.tokens.len() {
        return;
    }
    let mut arcs = Arcs { doc, heads, rels, saved: Vec::new() };
    for s in &doc.text_layer.sentences {
        let (a, b) = (s.first_token as usize, s.end_token as usize);
        if b <= a || b > arcs.heads.len() {
            continue;
        }
        let start = match dateline(doc, a, b) {
            Some(dash) => {
                arcs.guarded(a, b, |x| x.detach_dateline(a, dash, b));
                dash + 1
            }
            None => a,
        };
        if let Some(clause) = arcs.reporting_clause(start, b) {
            arcs.guarded(a, b, |x| x.raise_before_report(start, b, clause));
        }
        if start + 1 < b && arcs.word(start).eq_ignore_ascii_case("according") && arcs.word(start + 1).eq_ignore_ascii_case("to") {
            arcs.guarded(a, b, |x| x.raise_after_according(start, b));
        }
    }
}

/// The last token (a dash) of the dateline that opens the sentence `[a, b)`, if any: one
/// to four words in capitals, optionally ", Region" or ", Aug. 24" and "(Agency)", then a
/// dash.
pub fn dateline(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let tokens = &doc.text_layer.tokens;
    let word = |k: usize| tokens[k].span.of(doc.text());
    let capitals = |k: usize| {
        let w = word(k);
        tokens[k].kind == TokenKind::Word && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let mut k = a;
    while k < b && k - a < 4 && capitals(k) {
        k += 1;
    }
    if k == a {
        return None;
    }
    if k < b && word(k) == "," {
        k += 1;
        let from = k;
        while k < b && k - from < 5 && (word(k).starts_with(char::is_uppercase) || word(k) == "." || tokens[k].kind == TokenKind::Number) {
            k += 1;
        }
        if k == from {
            return None;
        }
    }
    if k < b && word(k) == "(" {
        let close = (k + 1..b.min(k + 6)).find(|&j| word(j) == ")")?;
        k = close + 1;
    }
    let dash = |k: usize| matches!(word(k), "—" | "–" | "-" | "--" | "―");
    if k >= b || !dash(k) {
        return None;
    }
    while k + 1 < b && dash(k + 1) {
        k += 1;
    }
    (k + 1 < b).then_some(k)
}

/// The arcs being mended.
struct Arcs<'d, 'a> {
    doc: &'d Doc,
    heads: &'a mut [Option<u32>],
    rels: &'a mut [&'static str],
    /// The arcs of the sentence being mended, to undo a mend (reused).
    saved: Vec<(Option<u32>, &'static str)>,
}

impl Arcs<'_, '_> {
    fn head(&self, k: usize) -> Option<usize> {
        self.heads[k].map(|h| h as usize)
    }

    fn set(&mut self, k: usize, head: Option<usize>, rel: &'static str) {
        self.heads[k] = head.map(|h| h as u32);
        self.rels[k] = rel;
    }

    fn upos(&self, k: usize) -> &'static str {
        self.doc.syntax.tokens[k].upos
    }

    fn xpos(&self, k: usize) -> &'static str {
        self.doc.syntax.tokens[k].xpos
    }

    fn word(&self, k: usize) -> &str {
        self.doc.text_layer.tokens[k].span.of(self.doc.text())
    }

    fn has_child(&self, k: usize, range: std::ops::Range<usize>, rel: &str) -> bool {
        range.into_iter().any(|c| self.head(c) == Some(k) && (self.rels[c] == rel || self.rels[c].strip_prefix(rel).is_some_and(|r| r.starts_with(':'))))
    }

    /// Run `f` on the sentence `[a, b)`; undo it unless every token still reaches the root.
    fn guarded(&mut self, a: usize, b: usize, f: impl FnOnce(&mut Self)) {
        let mut saved = std::mem::take(&mut self.saved);
        saved.clear();
        saved.extend((a..b).map(|k| (self.heads[k], self.rels[k])));
        f(self);
        let rooted = (a..b).all(|k| {
            let mut x = k;
            for _ in 0..=b - a {
                match self.head(x) {
                    None => return true,
                    Some(h) => x = h,
                }
            }
            false
        });
        if !rooted {
            for (k, &(h, r)) in (a..b).zip(&saved) {
                self.heads[k] = h;
                self.rels[k] = r;
            }
        }
        self.saved = saved;
    }

    /// Hang the dateline `[a, dash]` from the root of the rest of the sentence.
    fn detach_dateline(&mut self, a: usize, dash: usize, b: usize) {
        let inside = |k: usize| (a..=dash).contains(&k);
        let top = |x: &Self, k: usize| x.head(k).is_none_or(|h| inside(h) || !(a..b).contains(&h));
        let rest = dash + 1..b;
        let Some(main) = rest.clone().find(|&k| self.head(k).is_none()).or_else(|| rest.clone().find(|&k| top(self, k) && self.upos(k) == "VERB")).or_else(|| rest.clone().find(|&k| top(self, k))) else {
            return;
        };
        for k in rest {
            if k != main && top(self, k) {
                let rel = if self.rels[k] == "root" { "dep" } else { self.rels[k] };
                self.set(k, Some(main), rel);
            }
        }
        self.set(main, None, "root");
        self.set(a, Some(main), "dep");
        for k in a + 1..=dash {
            if self.head(k).is_none_or(|h| !inside(h)) {
                let rel = if self.doc.text_layer.tokens[k].kind == TokenKind::Punct { "punct" } else { "flat" };
                self.set(k, Some(a), rel);
            }
        }
    }

    /// "X verbed Y, Z said" read with no verb at the top of the first clause: give the
    /// clause its verb back and hang the reporting clause from it (see the module's notes).
    fn raise_before_report(&mut self, a: usize, b: usize, (comma, reporter, said): (usize, usize, usize)) {
        let Some(verb) = self.raise_verb(a..comma) else {
            // The clause was read right, but the reporting clause as a conjunct of its
            // verb ("…, the army said" with no "and" of its own).
            let coordinated = (comma + 1..b).any(|k| self.head(k) == Some(said) && self.rels[k] == "cc");
            if self.rels[said] == "conj" && !coordinated && self.head(said).is_some_and(|h| (a..comma).contains(&h)) {
                self.rels[said] = "parataxis";
            }
            return;
        };
        for k in comma + 1..said {
            if k != reporter && self.head(k).is_none_or(|h| !(comma + 1..said).contains(&h)) {
                let rel = if matches!(self.rels[k], "root" | "nsubj") { "dep" } else { self.rels[k] };
                self.set(k, Some(reporter), rel);
            }
        }
        self.set(reporter, Some(said), "nsubj");
        self.set(said, Some(verb), "parataxis");
        self.set(comma, Some(said), "punct");
        self.root_at(a, b, verb);
    }

    /// "According to X, Y verbed Z" (the sentence `[a, b)` opening with "according to")
    /// read with X at the top: give the clause its verb back and hang "according to X"
    /// from it as an oblique.
    fn raise_after_according(&mut self, a: usize, b: usize) {
        let Some(comma) = (a + 2..b.min(a + 12)).find(|&k| self.word(k) == ",") else { return };
        let Some(source) = (a + 2..comma).rev().find(|&k| matches!(self.upos(k), "NOUN" | "PROPN" | "PRON")) else { return };
        let Some(verb) = self.raise_verb(comma + 1..b) else { return };
        for k in a..comma + 1 {
            if k != source && self.head(k).is_none_or(|h| !(a..comma + 1).contains(&h)) {
                let rel = match k {
                    _ if k == a => "case",
                    _ if k == a + 1 => "fixed",
                    _ if k == comma => "punct",
                    _ => self.rels[k],
                };
                self.set(k, Some(if k == a + 1 { a } else { source }), rel);
            }
        }
        self.set(source, Some(verb), "obl");
        self.root_at(a, b, verb);
    }

    /// Make `verb` the sentence's only root: any other token without a head hangs from it.
    fn root_at(&mut self, a: usize, b: usize, verb: usize) {
        for k in a..b {
            if k != verb && self.head(k).is_none() {
                self.set(k, Some(verb), "dep");
            }
        }
    }

    /// When the clause `clause` was read with no verb at its top (its main verb made a
    /// modifier of its subject or object), make the verb its root, with its subject and
    /// object, and return it.
    fn raise_verb(&mut self, clause: std::ops::Range<usize>) -> Option<usize> {
        let top = |x: &Self, k: usize| x.head(k).is_none_or(|h| !clause.contains(&h));
        let tops: Vec<usize> = clause.clone().filter(|&k| top(self, k) && self.upos(k) != "PUNCT").collect();
        // A verb, auxiliary or predicate (with its own subject or copula) at the top: the
        // clause was read as a clause; nothing to mend.
        if tops.iter().any(|&k| matches!(self.upos(k), "VERB" | "AUX") || self.has_child(k, clause.clone(), "nsubj") || self.has_child(k, clause.clone(), "cop")) {
            return None;
        }
        let candidates: Vec<usize> = clause
            .clone()
            .filter(|&k| self.upos(k) == "VERB" && matches!(self.xpos(k), "VBD" | "VBN") && (self.rels[k].starts_with("acl") || self.rels[k] == "amod"))
            .filter(|&k| !self.has_child(k, clause.clone(), "nsubj") && !self.has_child(k, clause.clone(), "mark") && !self.has_child(k, clause.clone(), "aux"))
            // "Iranian-backed militias": a compound participle describes.
            .filter(|&k| k == clause.start || self.word(k - 1) != "-")
            .collect();
        let transitive = |x: &Self, k: usize| x.has_child(k, clause.clone(), "obj") || (x.rels[k] == "amod" && x.head(k).is_some_and(|h| h > k && clause.contains(&h)));
        let verb = candidates.iter().copied().find(|&k| transitive(self, k)).or(match candidates.as_slice() {
            [only] => Some(*only),
            _ => None,
        })?;
        let subject = tops.iter().copied().find(|&k| k < verb && matches!(self.upos(k), "NOUN" | "PROPN" | "PRON" | "NUM"))?;
        // "struck energy facilities" read as a modifier of "facilities": its object.
        if self.rels[verb] == "amod" {
            if let Some(o) = self.head(verb).filter(|&h| h > verb) {
                self.set(o, Some(verb), "obj");
            }
        }
        self.set(verb, None, "root");
        self.set(subject, Some(verb), "nsubj");
        for k in tops {
            if k != subject && k != verb && self.head(k) != Some(verb) {
                let rel = if matches!(self.rels[k], "root" | "nsubj" | "conj") { "dep" } else { self.rels[k] };
                self.set(k, Some(verb), rel);
            }
        }
        Some(verb)
    }

    /// A reporting clause closing the sentence `[a, b)`: ", the regional governor said
    /// (on Friday)." Returns the comma, the head of the reporter's phrase and the verb.
    fn reporting_clause(&self, a: usize, b: usize) -> Option<(usize, usize, usize)> {
        let lex = Lexicon::builtin();
        let mut end = b;
        while end > a && self.upos(end - 1) == "PUNCT" {
            end -= 1;
        }
        // The reporting verb, followed by at most a few words of time or manner.
        let said = (end.saturating_sub(6).max(a)..end).rev().find(|&k| {
            self.upos(k) == "VERB" && matches!(self.xpos(k), "VBD" | "VBZ" | "VBP" | "VBN") && {
                let lemma = self.doc.syntax.lemma(k);
                lex.reporting(lemma).or_else(|| lemma.chars().any(char::is_uppercase).then(|| lex.reporting(&lemma.to_lowercase())).flatten()).is_some()
            }
        })?;
        if (said + 1..end).any(|k| matches!(self.upos(k), "VERB" | "AUX")) {
            return None;
        }
        // The reporter: a short noun phrase between the last comma and the verb.
        let comma = (a..said).rev().take(8).find(|&k| self.word(k) == ",")?;
        let phrase = comma + 1..said;
        if comma == a || phrase.is_empty() || phrase.clone().any(|k| matches!(self.upos(k), "VERB" | "AUX" | "PUNCT" | "SCONJ" | "CCONJ")) {
            return None;
        }
        let before_of = phrase.clone().find(|&k| self.upos(k) == "ADP").unwrap_or(said);
        let reporter = (comma + 1..before_of).rev().find(|&k| matches!(self.upos(k), "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM"))?;
        Some((comma, reporter, said))
    }
}
