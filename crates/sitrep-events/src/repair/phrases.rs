//! Mends inside noun and prepositional phrases: party labels, times read as heads,
//! prepositions hung from modifiers, fronted obliques, adjectives in names, lists.

use super::Arcs;
use crate::tree::lower_is_one_of;

impl Arcs<'_, '_> {
    /// "Sen. Bernie Sanders (I-Vt.) visited NBC" read with "I" as the subject of "visited"
    /// (and "visited" hanging from the name): the label describes the name, whose phrase
    /// is the subject (see the module's notes).
    pub(super) fn party_label_after_name(&mut self, a: usize, b: usize) {
        for open in a + 1..b.saturating_sub(4) {
            if self.upos(open - 1) != "PROPN" {
                continue;
            }
            let Some(close) = self.doc.party_label(open, b) else { continue };
            let label = open + 1;
            let inside = |k: usize| (open..=close).contains(&k);
            // The name's head, then the top of the phrase it describes ("candidate Sen.
            // Bernie Sanders").
            let mut name = open - 1;
            while self.rels[name] == "flat" && self.head(name).is_some_and(|h| h < name && h >= a) {
                name = self.head(name).unwrap_or(name);
            }
            let mut top = name;
            while matches!(self.rels[top], "appos" | "flat" | "compound") && self.head(top).is_some_and(|h| h < top && h >= a && matches!(self.upos(h), "NOUN" | "PROPN")) {
                top = self.head(top).unwrap_or(top);
            }
            let verb = self.head(label).filter(|&v| !inside(v) && self.rels[label] == "nsubj");
            if let Some(v) = verb.filter(|&v| self.head(v) == Some(top) && v > close) {
                let (up, rel) = (self.head(top), self.rels[top]);
                self.set(v, up, if rel == "root" || up.is_none() { "root" } else { rel });
                self.set(top, Some(v), "nsubj");
            } else if let Some(v) = verb.filter(|&v| v > close) {
                // The guard undoes this if the name's phrase already governs the verb.
                self.set(top, Some(v), "nsubj");
            } else if verb.is_some() {
                continue;
            }
            self.set(label, Some(name), "appos");
            for k in open..=close {
                if k != label && self.head(k).is_some_and(|h| !inside(h) || h == k) {
                    self.set(k, Some(label), if self.upos(k) == "PUNCT" { "punct" } else { "flat" });
                }
            }
            for k in a..b {
                if !inside(k) && self.head(k).is_some_and(inside) && k != name {
                    let rel = self.rels[k];
                    self.set(k, Some(name), rel);
                }
            }
        }
    }

    /// "fired rockets at Tel Aviv overnight", "exchanged fire overnight" read as one
    /// phrase headed by "overnight": the name or noun before a time word it was
    /// compounded with heads the phrase, and the time word says when.
    pub(super) fn time_read_as_head(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let name = k - 1;
            // The arcs first: they rule out nearly every word without reading it.
            if self.head(name) != Some(k) || self.rels[name] != "compound" || !matches!(self.upos(name), "PROPN" | "NOUN") {
                continue;
            }
            let time = ["overnight", "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            if !lower_is_one_of(self.word(k), &time) {
                continue;
            }
            let (head, rel) = (self.head(k), self.rels[k]);
            if !(rel.starts_with("obl") || rel.starts_with("nmod") || rel == "obj") {
                continue;
            }
            for c in a..k {
                if self.head(c) == Some(k) && c != name {
                    let r = self.rels[c];
                    self.set(c, Some(name), r);
                }
            }
            self.set(name, head, rel);
            match head {
                Some(h) => self.set(k, Some(h), "obl:tmod"),
                None => self.set(k, Some(name), "nmod:tmod"),
            }
        }
    }

    /// "the lawsuit Lynch announced that same day" read with "day" as the object of
    /// "announced": a word of time heading a date or time expression the time layer found
    /// says when, not whom (`obl:tmod`).
    pub(super) fn time_read_as_object(&mut self, a: usize, b: usize) {
        const TIME_WORDS: [&str; 16] = ["day", "days", "week", "weeks", "month", "months", "year", "years", "night", "nights", "morning", "evening", "afternoon", "weekend", "time", "hour"];
        for n in a..b {
            if self.rels[n] != "obj" || self.upos(n) != "NOUN" || !lower_is_one_of(self.word(n), &TIME_WORDS) {
                continue;
            }
            let tokens = &self.doc.text_layer.tokens;
            let Some(time) = self.doc.time.times.iter().find(|t| t.span.start <= tokens[n].span.start && tokens[n].span.end <= t.span.end && matches!(t.kind, sitrep_core::TimexType::Date | sitrep_core::TimexType::Time)) else { continue };
            // The whole phrase before the word is the time, its determiner aside ("a
            // statement Thursday night condemning …" is a statement).
            let inside = |k: usize| (time.span.start <= tokens[k].span.start && tokens[k].span.end <= time.span.end) || self.rels[k] == "det";
            if (a..n).all(|k| self.head(k) != Some(n) || inside(k)) {
                let h = self.head(n);
                self.set(n, h, "obl:tmod");
            }
        }
    }

    /// "Soldiers shot dead a man near Nablus, the ministry said." read with "man" as the
    /// subject of "said": a noun phrase right after "shot dead" (a result before the
    /// object), when the verb has no object, is its object.
    pub(super) fn object_after_result(&mut self, a: usize, b: usize) {
        for v in a..b.saturating_sub(2) {
            let r = v + 1;
            if self.upos(v) != "VERB" || self.head(r) != Some(v) || !lower_is_one_of(self.word(r), &["dead", "free", "loose", "open"]) || self.has_child(v, a..b, "obj") {
                continue;
            }
            // The phrase's head: the first noun after the result whose head lies beyond it.
            let Some(o) = (r + 1..b).take_while(|&k| matches!(self.upos(k), "DET" | "ADJ" | "NUM" | "NOUN" | "PROPN")).filter(|&k| matches!(self.upos(k), "NOUN" | "PROPN")).find(|&k| self.head(k).is_none_or(|h| h < r + 1 || h > k + 1 || !matches!(self.upos(h), "NOUN" | "PROPN"))) else {
                continue;
            };
            if self.head(o) == Some(v) {
                continue;
            }
            // The verb the phrase was taken as subject of loses it.
            self.set(o, Some(v), "obj");
        }
    }

    /// "of Russian president Putin" read with "of" hanging from "president": hang it from
    /// the phrase's head; then an "of" phrase read as an oblique of the verb right after a
    /// noun of the same verb modifies that noun (see the module's notes).
    pub(super) fn case_to_phrase_head(&mut self, a: usize, b: usize) {
        for c in a..b {
            if self.rels[c] != "case" {
                continue;
            }
            let Some(m) = self.head(c) else { continue };
            let Some(p) = self.head(m) else { continue };
            if !(c < m && m < p && p < b) || !matches!(self.upos(p), "NOUN" | "PROPN") {
                continue;
            }
            if !matches!(self.rels[m], "compound" | "nmod:desc" | "amod" | "flat") || self.has_child(p, a..b, "case") {
                continue;
            }
            // Every word between the preposition and the head belongs to the phrase.
            if (c + 1..p).any(|j| self.head(j) != Some(p) && self.head(j).is_none_or(|h| !(c + 1..p).contains(&h))) {
                continue;
            }
            self.set(c, Some(p), "case");
            let Some(v) = self.head(p) else { continue };
            if !self.word(c).eq_ignore_ascii_case("of") || !(self.rels[p].starts_with("obl") || self.rels[p] == "obj") || c == a {
                continue;
            }
            let n = c - 1;
            if matches!(self.upos(n), "NOUN" | "PROPN") && self.head(n) == Some(v) && n < p {
                self.set(p, Some(n), "nmod");
            }
        }
    }

    /// "a pace of killing unknown to most Americans" read with "Americans" as the object
    /// of "killing" and "unknown" as its modifier: an object with a preposition of its own
    /// after an adjective is that adjective's complement ("unknown *to* them"), and the
    /// verb has no object.
    pub(super) fn adjective_complement_read_as_object(&mut self, a: usize, b: usize) {
        for n in a..b {
            let Some(v) = self.head(n) else { continue };
            if self.rels[n] != "obj" || v >= n || !matches!(self.upos(n), "NOUN" | "PROPN" | "PRON") {
                continue;
            }
            let Some(case) = (v + 1..n).find(|&k| self.head(k) == Some(n) && self.rels[k] == "case") else { continue };
            let Some(adj) = (v + 1..case).find(|&k| self.head(k) == Some(n) && self.rels[k] == "amod" && self.upos(k) == "ADJ") else { continue };
            // The adjective is the first word after the verb that is not an adverb of it.
            if (v + 1..adj).any(|k| self.upos(k) != "ADV") {
                continue;
            }
            self.set(adj, Some(v), "dep");
            self.set(n, Some(adj), "obl");
        }
    }

    /// "bore down on Ukraine's capital Kyiv, …, that was supplemented by …" read with
    /// "capital" as an oblique of "supplemented": an oblique that comes before its verb's
    /// subject, right after another verb (or that verb's particle), is that verb's.
    pub(super) fn lower_fronted_obliques(&mut self, a: usize, b: usize) {
        for n in a..b {
            let Some(h) = self.head(n) else { continue };
            if h <= n || !self.rels[n].starts_with("obl") || self.upos(h) != "VERB" {
                continue;
            }
            let Some(subject) = (a..b).find(|&k| self.head(k) == Some(h) && self.rels[k].starts_with("nsubj")) else { continue };
            if subject < n {
                continue;
            }
            // The phrase opens with its preposition: the word before is the verb's.
            let Some(case) = (a..n).find(|&k| self.head(k) == Some(n) && self.rels[k] == "case") else { continue };
            if (case + 1..n).any(|j| self.head(j).is_none_or(|x| !(case..=n).contains(&x))) || case == a {
                continue;
            }
            let before = case - 1;
            let verb = if self.rels[before] == "compound:prt" { self.head(before) } else { Some(before) };
            let Some(verb) = verb.filter(|&v| v != h && v < n && self.upos(v) == "VERB") else { continue };
            self.set(n, Some(verb), "obl");
        }
    }

    /// "voters consider Tusk honest" read with "honest" as part of the name (or "consider
    /// Obama's achievements substantial" with the adjective modifying the noun before
    /// it): a word in lower case is no part of a name; an adjective after a verb's object
    /// says what the object is (`xcomp`).
    pub(super) fn adjective_read_as_part_of_name(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let Some(n) = self.head(k) else { continue };
            // (Or as a modifier after the noun, after a verb of judging: "consider Obama's
            // achievements substantial".)
            let judged = || self.rels[k] == "amod" && n < k && self.head(n).is_some_and(|v| lower_is_one_of(self.doc.syntax.lemma(v), &["consider", "deem", "find", "call", "judge", "declare", "think", "believe", "rate"]));
            // (The tag first: it rules out nearly every word without reading its arcs.)
            if self.upos(k) != "ADJ" || !(self.rels[k] == "flat" || judged()) || !self.word(k).starts_with(|c: char| c.is_lowercase()) || self.rels[n] != "obj" {
                continue;
            }
            if let Some(v) = self.head(n).filter(|&v| self.upos(v) == "VERB") {
                self.set(k, Some(v), "xcomp");
            }
        }
    }

    /// "Polish President Andrzej Duda met Ukrainian President Volodymyr Zelensky" read
    /// with the capitalised adjectives as heads ("Polish" as the root with "met" under
    /// it; "Ukrainian" as the verb's complement with the name under it): an adjective
    /// right before a title or a name describes that name, and the name takes the
    /// adjective's place.
    pub(super) fn demonym_read_as_head(&mut self, a: usize, b: usize) {
        for k in a..b.saturating_sub(1) {
            if self.upos(k) != "ADJ" || !self.word(k).starts_with(|c: char| c.is_uppercase()) || !matches!(self.upos(k + 1), "PROPN" | "NOUN") {
                continue;
            }
            // The head of the phrase after the adjective: up through the modifiers that
            // come before their heads ("President" → "Andrzej").
            let mut p = k + 1;
            while let Some(h) = self.head(p).filter(|&h| h > p && h < b && matches!(self.rels[p], "nmod:desc" | "compound" | "amod" | "flat")) {
                p = h;
            }
            if self.upos(p) != "PROPN" {
                continue;
            }
            let Some(v) = (match self.head(k) {
                // The adjective at the top, the name's verb under it.
                None => self.head(p).filter(|&v| self.upos(v) == "VERB" && self.head(v) == Some(k) && self.rels[p].starts_with("nsubj")),
                // The adjective as the verb's complement, the name under it.
                Some(v) => Some(v).filter(|&v| self.head(p) == Some(k) && self.upos(v) == "VERB" && matches!(self.rels[k], "xcomp" | "obj" | "obl")),
            }) else {
                continue;
            };
            if self.head(k).is_none() {
                self.set(v, None, "root");
                for c in a..b {
                    if c != v && self.head(c) == Some(k) {
                        let rel = self.rels[c];
                        self.set(c, Some(v), rel);
                    }
                }
            } else {
                let rel = if self.rels[k] == "obl" { "obl" } else { "obj" };
                self.set(p, Some(v), rel);
                for c in a..b {
                    if c != p && self.head(c) == Some(k) {
                        let rel = self.rels[c];
                        self.set(c, Some(p), rel);
                    }
                }
            }
            self.set(k, Some(p), "amod");
        }
    }

    /// "Syrian forces shelled rebel-held Idlib, killing five civilians" read with "held"
    /// as a verb whose object is "Idlib": a participle of holding or leading joined by a
    /// hyphen to the word before it ("rebel-held", "Russian-occupied", "Iranian-backed")
    /// describes the noun after it, and that noun takes the participle's place.
    pub(super) fn hyphenated_modifier_read_as_verb(&mut self, a: usize, b: usize) {
        for v in a + 2..b {
            if self.word(v - 1) != "-" || self.upos(v) != "VERB" || !matches!(self.xpos(v), "VBN" | "VBD") {
                continue;
            }
            if !lower_is_one_of(self.doc.syntax.lemma(v), &["hold", "control", "occupy", "lead", "back", "run", "ally", "affiliate", "dominate", "own", "base", "fund", "sponsor", "support", "align"]) {
                continue;
            }
            // The clause's verb above the participle, or above the word before the hyphen
            // when that was read as the head ("struck Russian-occupied Donetsk" read with
            // "Russian" as the verb's complement).
            let top = if self.head(v) == Some(v - 2) { v - 2 } else { v };
            let Some(h) = self.head(top).filter(|&h| self.upos(h) == "VERB" && matches!(self.rels[top], "xcomp" | "ccomp" | "obj" | "advcl" | "conj")) else { continue };
            let Some(o) = (v + 1..b).find(|&o| self.head(o) == Some(v) && self.rels[o] == "obj" && matches!(self.upos(o), "NOUN" | "PROPN")) else { continue };
            if !(top == v - 2 || self.head(v - 2) == Some(v)) || !(v + 1..o).all(|j| self.under(j, o, v + 1..o + 1)) || (a..b).any(|j| j != top && self.head(j) == Some(h) && self.rels[j] == "obj") {
                continue;
            }
            let rel = if self.rels[top] == "conj" { "conj" } else { "obj" };
            self.set(o, Some(h), rel);
            if top != v {
                self.set(v - 2, Some(v), "obl:npmod");
                self.set(v - 1, Some(v), "punct");
            }
            // What hung from the participle after its noun ("…, killing five civilians")
            // is the verb's.
            for j in o + 1..b {
                if self.head(j) == Some(v) {
                    let r = self.rels[j];
                    self.set(j, Some(h), r);
                }
            }
            self.set(v, Some(o), "amod");
        }
    }

    /// "took its crew hostage" read with two objects: the second, a word of what the
    /// first is made ("hostage", "prisoner", "captive"), says what the object became.
    pub(super) fn second_object_read_as_predicate(&mut self, a: usize, b: usize) {
        for o in a + 1..b {
            let Some(v) = self.head(o).filter(|&v| self.upos(v) == "VERB") else { continue };
            if self.rels[o] != "obj" || !lower_is_one_of(self.word(o), &["hostage", "hostages", "prisoner", "prisoners", "captive", "captives"]) {
                continue;
            }
            if (a..o).any(|k| self.head(k) == Some(v) && self.rels[k] == "obj") {
                self.set(o, Some(v), "xcomp");
            }
        }
    }

    /// "Arnor, Calenardhon and the evil awful Gondor welcomed …" read with "Calenardhon"
    /// as an apposition of "Arnor" and the rest joined to it: a name in apposition to a
    /// name, itself joined by "and" to more, is one of a list.
    pub(super) fn list_read_as_apposition(&mut self, a: usize, b: usize) {
        for k in a + 2..b {
            let Some(h) = self.head(k) else { continue };
            if self.rels[k] != "appos" || h + 2 != k || self.word(h + 1) != "," || self.upos(h) != "PROPN" || self.upos(k) != "PROPN" {
                continue;
            }
            let joined: Vec<usize> = (k + 1..b).filter(|&c| self.head(c) == Some(k) && self.rels[c] == "conj").collect();
            if joined.is_empty() || !(k + 1..b).any(|c| self.head(c).is_some_and(|x| joined.contains(&x)) && self.rels[c] == "cc") {
                continue;
            }
            self.set(k, Some(h), "conj");
            for c in joined {
                self.set(c, Some(h), "conj");
            }
        }
    }

    /// "Clinton promised her entire infrastructure program would be paid for" read with
    /// "her" as the indirect object of "promised": a "her" right before the subject of a
    /// clause the verb governs, with no object of the verb between, is that subject's
    /// possessor.
    pub(super) fn possessive_read_as_indirect_object(&mut self, a: usize, b: usize) {
        for w in a..b.saturating_sub(1) {
            if self.rels[w] != "iobj" || !self.word(w).eq_ignore_ascii_case("her") {
                continue;
            }
            let Some(v) = self.head(w) else { continue };
            // The subject of a clause on the verb, whose words start right after "her".
            let Some(n) = (w + 1..b).find(|&n| {
                self.rels[n].starts_with("nsubj") && matches!(self.upos(n), "NOUN" | "PROPN") && self.head(n).is_some_and(|c| self.head(c) == Some(v) && matches!(self.rels[c], "ccomp" | "xcomp"))
            }) else {
                continue;
            };
            if (w + 1..n).any(|k| !self.under(k, n, w + 1..n)) || self.has_child(v, a..b, "obj") {
                continue;
            }
            self.set(w, Some(n), "nmod:poss");
        }
    }
}
