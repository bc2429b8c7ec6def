//! Mends around reporting: a clause before "…, officials said", "according to", a quote
//! before its speaker, the subject and content of a verb of saying or denying.

use super::Arcs;
use crate::lexicon::Lexicon;
use crate::tree::{lower, lower_is_one_of};

impl Arcs<'_, '_> {
    /// "X verbed Y, Z said" read with no verb at the top of the first clause: give the
    /// clause its verb back and hang the reporting clause from it (see the module's notes).
    pub(super) fn raise_before_report(&mut self, a: usize, b: usize, (comma, reporter, said): (usize, usize, usize)) {
        let Some(verb) = self.raise_verb(a..comma, false) else {
            // The clause was read right, but the reporting clause as a conjunct of its
            // verb ("…, the army said" with no "and" of its own).
            let coordinated = (comma + 1..b).any(|k| self.head(k) == Some(said) && self.rels[k] == "cc");
            // (Or as its content: "shot down 18 drones overnight, the air force said" with
            // "said" a ccomp of "shot".)
            let content = self.rels[said].starts_with("ccomp") && !(said + 1..b).any(|k| self.head(k) == Some(said) && self.rels[k].starts_with("ccomp"));
            if (matches!(self.rels[said], "conj" | "parataxis") || content) && !coordinated && self.head(said).is_some_and(|h| (a..comma).contains(&h)) {
                // It reports the whole clause: it hangs from the clause's top verb, not
                // from the last verb before the comma ("forces shot down 14 drones
                // launched overnight, the air force said").
                let top = (a..comma).find(|&k| self.head(k).is_none() && matches!(self.upos(k), "VERB" | "AUX" | "ADJ" | "NOUN"));
                self.set(said, top.or(self.head(said)), "parataxis");
            }
            // "… to Ukraine, Chancellor Olaf Scholz said" read with the reporter in
            // apposition to the clause's last noun: the reporter is the subject of the verb
            // of saying, which has no other.
            let phrase = comma + 1..said;
            let reporter_outside = self.head(reporter).is_some_and(|h| h < comma) || (phrase.clone().any(|k| self.head(k).is_some_and(|h| h < comma)) && self.head(reporter).is_some_and(|h| phrase.contains(&h)));
            let said_has_subject = (a..b).any(|k| self.head(k) == Some(said) && self.rels[k].starts_with("nsubj"));
            if reporter_outside && !said_has_subject {
                // The phrase's words that hung outside it ("Chancellor", the apposition's
                // head) now hang from the reporter.
                for k in phrase.clone() {
                    if k != reporter && self.head(k).is_none_or(|h| !phrase.contains(&h)) {
                        let rel = if matches!(self.rels[k], "root" | "nsubj" | "appos") { "compound" } else { self.rels[k] };
                        self.set(k, Some(reporter), rel);
                    }
                }
                self.set(reporter, Some(said), "nsubj");
                self.set(comma, Some(said), "punct");
            }
            return;
        };
        for k in comma + 1..said {
            if k != reporter && self.head(k).is_none_or(|h| !(comma + 1..said).contains(&h)) {
                let rel = if matches!(self.rels[k], "root" | "nsubj") { "dep" } else { self.rels[k] };
                self.set(k, Some(reporter), rel);
            }
        }
        // What the clause says beside its verb ("…, killing seven people") the parser may
        // have hung from the verb of saying: it belongs to the clause's verb.
        for k in a..comma {
            if k != verb && self.head(k) == Some(said) && !matches!(self.rels[k], "punct" | "nsubj") {
                self.set(k, Some(verb), self.rels[k]);
            }
        }
        self.set(reporter, Some(said), "nsubj");
        self.set(said, Some(verb), "parataxis");
        self.set(comma, Some(said), "punct");
        self.root_at(a, b, verb);
    }

    /// A reporting clause closing the sentence `[a, b)`: ", the regional governor said
    /// (on Friday)." Returns the comma, the head of the reporter's phrase and the verb.
    pub(super) fn reporting_clause(&self, a: usize, b: usize) -> Option<(usize, usize, usize)> {
        let lex = Lexicon::builtin();
        let mut end = b;
        while end > a && self.upos(end - 1) == "PUNCT" {
            end -= 1;
        }
        // "…, the army said, adding that most were intercepted": the reporting clause
        // ends before a participle of saying that adds to it.
        let adding = |k: usize| self.xpos(k) == "VBG" && lower_is_one_of(self.word(k), &["adding", "saying", "noting", "citing", "stressing", "warning", "insisting", "claiming", "calling", "describing"]);
        if let Some(c) = (a + 1..end.saturating_sub(1)).rev().find(|&k| self.word(k) == "," && adding(k + 1)) {
            end = c;
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

    /// "According to X, Y verbed Z" (the sentence `[a, b)` opening with "according to")
    /// read with X at the top: give the clause its verb back and hang "according to X"
    /// from it as an oblique.
    pub(super) fn raise_after_according(&mut self, a: usize, b: usize) {
        let Some(comma) = (a + 2..b.min(a + 12)).find(|&k| self.word(k) == ",") else { return };
        let Some(source) = (a + 2..comma).rev().find(|&k| matches!(self.upos(k), "NOUN" | "PROPN" | "PRON")) else { return };
        let Some(verb) = self.raise_verb(comma + 1..b, false) else { return };
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

    /// "“Russia will pay a price,” warned Biden." read with "Biden" as the object of
    /// "warned": the name after a verb that follows a closing quote is its subject.
    pub(super) fn inverted_after_quote(&mut self, a: usize, b: usize) {
        for v in a + 1..b {
            if self.upos(v) != "VERB" || !matches!(self.word(v - 1), "”" | "''" | "\"") || self.has_child(v, a..b, "nsubj") {
                continue;
            }
            // The quote ends here: a comma or a mark of its own end before the quote mark.
            if v < 2 || !matches!(self.word(v - 2), "," | "?" | "!" | ".") {
                continue;
            }
            if let Some(o) = (v + 1..b).find(|&c| self.head(c) == Some(v) && self.rels[c] == "obj" && matches!(self.upos(c), "PROPN" | "NOUN")) {
                self.set(o, self.head(o), "nsubj");
            }
        }
    }

    /// "Blinken said Kyiv “could well be under siege”" read with Kyiv as a second subject
    /// of "said": a subject after the verb, when the verb has one before it and a clause
    /// after it with none, is that clause's.
    pub(super) fn subject_of_the_said_clause(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let Some(v) = self.head(k) else { continue };
            if self.rels[k] != "nsubj" || v >= k || self.upos(v) != "VERB" || !(a..v).any(|j| self.head(j) == Some(v) && self.rels[j] == "nsubj") {
                continue;
            }
            let Some(c) = (k + 1..b).find(|&c| self.head(c) == Some(v) && self.rels[c].starts_with("ccomp")) else { continue };
            if !self.has_child(c, a..b, "nsubj") {
                self.set(k, Some(c), "nsubj");
            }
        }
    }

    /// "Russia's defence ministry said its forces had struck … and denied targeting
    /// civilians" read with "denied" joined to "struck": a verb of denying or insisting
    /// with no subject of its own, joined to a verb inside what another verb of saying
    /// reports, is that verb's second act, by the same speaker. And "denied targeting
    /// civilians" read with "targeting" describing the civilians: the gerund is what is
    /// denied, and they are its object.
    pub(super) fn denial_joined_to_what_was_said(&mut self, a: usize, b: usize) {
        for v in a..b {
            let Some(x) = self.head(v) else { continue };
            if self.rels[v] != "conj" || self.upos(v) != "VERB" || !matches!(self.doc.syntax.lemma(v), "deny" | "reject" | "dismiss" | "insist" | "add" | "claim") || self.has_child(v, a..b, "nsubj") {
                continue;
            }
            let Some(r) = self.head(x).filter(|&r| self.rels[x].starts_with("ccomp") && self.upos(r) == "VERB" && self.doc.syntax.lemma(r) == "say" && self.has_child(r, a..b, "nsubj")) else { continue };
            self.set(v, Some(r), "conj");
            if let Some(cc) = (x + 1..v).find(|&k| self.head(k) == Some(v) && self.rels[k] == "cc") {
                self.set(cc, Some(v), "cc");
            }
        }
        for n in a + 1..b {
            let Some(v) = self.head(n) else { continue };
            if self.rels[n] != "obj" || self.doc.syntax.lemma(v) != "deny" {
                continue;
            }
            let g = n - 1;
            if self.head(g) == Some(n) && self.rels[g] == "amod" && self.xpos(g) == "VBG" && g > v {
                self.set(g, Some(v), "xcomp");
                self.set(n, Some(g), "obj");
            }
        }
    }

    /// "After denying for weeks he planned to invade, Putin argued …" read with "he
    /// planned" as the main clause and "Putin argued" as its conjunct: the clause right
    /// after a fronted clause of saying or denying that has no content of its own is that
    /// content, and the clause after the comma (with its own subject and no "and") is the
    /// main one.
    pub(super) fn content_read_as_main_clause(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        let Some(c) = (a..r).find(|&c| self.head(c) == Some(r) && self.rels[c].starts_with("advcl") && self.upos(c) == "VERB") else { return };
        let lemma = lower(self.doc.syntax.lemma(c));
        if Lexicon::builtin().reporting(&lemma).is_none() || self.has_child(c, a..b, "ccomp") || !(c + 1..r).any(|s| self.head(s) == Some(r) && self.rels[s] == "nsubj") {
            return;
        }
        let main = (r + 1..b).find(|&k| {
            self.head(k) == Some(r) && self.rels[k] == "conj" && self.upos(k) == "VERB" && self.has_child(k, a..b, "nsubj") && (r + 1..k).any(|j| self.word(j) == ",") && !self.has_child(k, r + 1..k, "cc")
        });
        let Some(k) = main else { return };
        self.set(k, None, "root");
        self.set(r, Some(c), "ccomp");
        self.set(c, Some(k), "advcl");
        self.move_punctuation(r, k, r + 1..b);
    }

    /// "Hamas denied that it had targeted civilians" read with "targeted" as a modifier of
    /// "civilians" that has its own subject and auxiliary: a verb with a subject is a
    /// clause's verb, and the noun after it its object.
    pub(super) fn clause_verb_read_as_modifier(&mut self, a: usize, b: usize) {
        for k in a..b {
            let Some(n) = self.head(k) else { continue };
            if self.rels[k] != "amod" || self.upos(k) != "VERB" || n <= k || !matches!(self.upos(n), "NOUN" | "PROPN") || !self.has_child(k, a..b, "nsubj") {
                continue;
            }
            let rel = if self.has_child(k, a..b, "mark") { "ccomp" } else { self.rels[n] };
            let head = self.head(n);
            self.set(k, head, rel);
            self.set(n, Some(k), "obj");
        }
    }

    /// "… said its forces had advanced near Bakhmut" read with "had" as a modifier of
    /// "forces", the object of "said": a past or present tense is never a noun's
    /// modifier, so the noun before it is its subject and the verb takes the noun's place
    /// (the content of a verb of saying).
    pub(super) fn finite_verb_read_as_modifier(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let Some(n) = self.head(k) else { continue };
            if self.rels[k] != "amod" || !matches!(self.upos(k), "VERB" | "AUX") || !matches!(self.xpos(k), "VBD" | "VBZ" | "VBP") || n >= k || !matches!(self.upos(n), "NOUN" | "PROPN" | "PRON") {
                continue;
            }
            let Some(v) = self.head(n).filter(|_| self.rels[n] == "obj") else { continue };
            if self.has_child(n, a..b, "case") || Lexicon::builtin().reporting(&lower(self.doc.syntax.lemma(v))).is_none() {
                continue;
            }
            self.set(k, Some(v), "ccomp");
            self.set(n, Some(k), "nsubj");
        }
    }
}
