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
//! - "The mayor praised Korvale." read as a noun phrase ("the mayor [who was] praised
//!   Korvale"), a sentence with no verb at its top: the participle with an object is the
//!   sentence's verb, as in the reporting clauses above;
//! - "Gondor welcomed secret memos sent by Arnor" read as one noun phrase ("Gondor" and
//!   "welcomed" modifying "memos", the root): the past-tense verb right after a noun is
//!   the sentence's verb, the noun before it its subject and the root its object;
//! - "Arnor signed a trade protocol with Dagolath, officials said" read with "protocol"
//!   as a second clause of "said": a noun right after a verb with no object, both hung as
//!   clauses from the same verb, is that verb's object;
//! - "Associated Press reported, …": a noun before a verb read as the verb's `compound`
//!   (a verb has no compounds) is its subject when it has none, with the words of its
//!   name that hung from the verb too;
//! - "freezing the assets of Russian president Putin": a preposition hung from a modifier
//!   inside the phrase it opens ("of → president") belongs to the phrase's head; and an
//!   "of" phrase read as the verb's oblique right after a noun of that verb ("assets [of
//!   Putin]") modifies that noun;
//! - "troops bore down on Ukraine's capital Kyiv, …, that was supplemented by …": an
//!   oblique right after a verb (or its particle) read as a modifier of a verb further on
//!   whose subject comes after the oblique belongs to the verb before it.
//!
//! - "Sen. Bernie Sanders (I-Vt.) visited …" read with the pronoun "I" of the party label
//!   as the verb's subject: a label "(D-Calif.)", "(R-Texas)", "(I-Vt.)" after a name
//!   describes the name (`appos`), and the name's phrase is the subject instead.
//!
//! - "“Russia will pay a price,” warned Biden." read with Biden as the verb's object: a
//!   verb right after a closing quote with a name after it and no subject has that name
//!   as its subject (the quote's speaker, inverted).
//!
//! - "… and gunfire was reported" read with the noun as a conjunct of the noun before it:
//!   a noun right before "was"/"were" and a participle with no subject is its subject.
//! - "defended the right of states to expel diplomats" read with the infinitive hanging
//!   from the verb: it belongs to the object noun that takes one.
//! - "…, and riot police used tear gas to disperse them" read with the second clause as a
//!   noun phrase: it gets its verb back and is joined to the first; an infinitive hung
//!   from the weapon used is the verb's purpose.
//! - a word hung from a punctuation mark hangs from the mark's head; a preposition or
//!   article at the root gives it to the verb under it; "that" after a noun that takes no
//!   content clause, with no subject after it, is a relative pronoun; an infinitive read
//!   as the subject of a word that has one is its complement; a second subject after
//!   "said" belongs to the clause said.
//! - "Trump has not yet responded" read with a passive subject: a subject is passive only
//!   beside a passive auxiliary.
//!
//! Slips of the neural parser (eleventh session), mended the same way: the content of a
//! fronted denial read as the main clause ("After denying he planned to invade, Putin
//! argued"); a passive read as the content of a participle ("Protesters arrested by the
//! police were released"); a lower-case adjective read as part of a name ("consider Tusk
//! honest"); a tense read as a modifier of the object of "said" ("said its forces had
//! advanced"); a verb after "and" read as a modifier of its object ("… and promised aid");
//! a "by" phrase read as the agent of an active verb; a list read as an apposition
//! ("Arnor, Calenardhon and Gondor"); "that" after a gerund of a deed ("shelling that
//! sliced through …"); a noun before "was" whose first conjunct was made the subject;
//! a word of the first clause hung inside a clause joined by ", and".
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
        arcs.guarded(a, b, |x| x.child_of_punctuation(a, b));
        arcs.guarded(a, b, |x| x.function_word_at_root(a, b));
        arcs.guarded(a, b, |x| x.infinitive_read_as_subject(a, b));
        arcs.guarded(a, b, |x| x.subject_of_the_said_clause(a, b));
        arcs.guarded(a, b, |x| x.relative_read_as_content(a, b));
        arcs.guarded(a, b, |x| x.content_read_as_main_clause(a, b));
        arcs.guarded(a, b, |x| x.passive_read_as_content_of_participle(a, b));
        arcs.guarded(a, b, |x| x.adjective_read_as_part_of_name(a, b));
        arcs.guarded(a, b, |x| x.finite_verb_read_as_modifier(a, b));
        let reporting = arcs.reporting_clause(start, b);
        if let Some(clause) = reporting {
            arcs.guarded(a, b, |x| x.raise_before_report(start, b, clause));
        }
        // The end of a second clause joined by ", and": the reporting clause's comma, else
        // the sentence's last word.
        let joined_end = reporting.map_or_else(|| (start..b).rev().find(|&k| arcs.upos(k) != "PUNCT").map_or(b, |k| k + 1), |(comma, _, _)| comma);
        arcs.guarded(a, b, |x| x.raise_joined_clause(start, joined_end));
        arcs.guarded(a, b, |x| x.object_read_as_conjunct(start, b));
        arcs.guarded(a, b, |x| x.joined_verb_read_as_modifier(start, b));
        arcs.guarded(a, b, |x| x.purpose_read_as_instrument_clause(start, b));
        if start + 1 < b && arcs.word(start).eq_ignore_ascii_case("according") && arcs.word(start + 1).eq_ignore_ascii_case("to") {
            arcs.guarded(a, b, |x| x.raise_after_according(start, b));
        }
        arcs.guarded(a, b, |x| x.raise_verbless(start, b));
        // "The mayor praised Korvale." read as "the mayor [who was] praised …".
        arcs.guarded(a, b, |x| {
            x.raise_verb(start..b, true);
        });
        arcs.guarded(a, b, |x| x.object_read_as_clause(start, b));
        arcs.guarded(a, b, |x| x.subject_read_as_compound(start, b));
        arcs.guarded(a, b, |x| x.case_to_phrase_head(start, b));
        arcs.guarded(a, b, |x| x.lower_fronted_obliques(start, b));
        arcs.guarded(a, b, |x| x.party_label_after_name(start, b));
        arcs.guarded(a, b, |x| x.inverted_after_quote(start, b));
        arcs.guarded(a, b, |x| x.object_after_result(start, b));
        arcs.guarded(a, b, |x| x.time_read_as_head(start, b));
        arcs.guarded(a, b, |x| x.passive_subject_without_passive(start, b));
        arcs.guarded(a, b, |x| x.agent_of_an_active_verb(start, b));
        arcs.guarded(a, b, |x| x.list_read_as_apposition(start, b));
        arcs.guarded(a, b, |x| x.subject_before_passive_read_as_conjunct(start, b));
        arcs.guarded(a, b, |x| x.infinitive_of_object_noun(start, b));
    }
}

/// The last token (a dash) of the dateline that opens the sentence `[a, b)`, if any: one
/// to four words in capitals, optionally ", Region" or ", Aug. 24" and "(Agency)", then a
/// dash (after a colon, too: "CEBU CITY: --").
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
    // "CEBU CITY: -- …": a colon before the dash.
    if k + 1 < b && word(k) == ":" && dash(k + 1) {
        k += 1;
    }
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
    /// What the mend being tried changed (token, old head, old relation), to undo it
    /// (reused).
    saved: Vec<(usize, Option<u32>, &'static str)>,
}

impl Arcs<'_, '_> {
    fn head(&self, k: usize) -> Option<usize> {
        self.heads[k].map(|h| h as usize)
    }

    /// Give token `k` a new head and relation, noting the old ones so a mend can be undone.
    fn set(&mut self, k: usize, head: Option<usize>, rel: &'static str) {
        self.saved.push((k, self.heads[k], self.rels[k]));
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

    /// Whether verb `v` is an infinitive marked by the "to" right before it.
    fn infinitive(&self, v: usize) -> bool {
        v > 0 && self.word(v - 1).eq_ignore_ascii_case("to") && self.head(v - 1) == Some(v)
    }

    /// The word of the `case` child of `k` within `range`, if any ("by" of "by Russia").
    fn case_word(&self, k: usize, range: std::ops::Range<usize>) -> Option<&str> {
        range.into_iter().find(|&c| self.head(c) == Some(k) && self.rels[c] == "case").map(|c| self.word(c))
    }

    fn has_child(&self, k: usize, range: std::ops::Range<usize>, rel: &str) -> bool {
        range.into_iter().any(|c| self.head(c) == Some(k) && (self.rels[c] == rel || self.rels[c].strip_prefix(rel).is_some_and(|r| r.starts_with(':'))))
    }

    /// Run `f` on the sentence `[a, b)`; undo it unless every token still reaches the root.
    fn guarded(&mut self, a: usize, b: usize, f: impl FnOnce(&mut Self)) {
        self.saved.clear();
        f(self);
        // Most mends change nothing: then there is nothing to check.
        if self.saved.is_empty() {
            return;
        }
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
            // Undo in reverse order, so each token gets back what it had first.
            while let Some((k, h, r)) = self.saved.pop() {
                self.heads[k] = h;
                self.rels[k] = r;
            }
        }
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
        let Some(verb) = self.raise_verb(a..comma, false) else {
            // The clause was read right, but the reporting clause as a conjunct of its
            // verb ("…, the army said" with no "and" of its own).
            let coordinated = (comma + 1..b).any(|k| self.head(k) == Some(said) && self.rels[k] == "cc");
            if self.rels[said] == "conj" && !coordinated && self.head(said).is_some_and(|h| (a..comma).contains(&h)) {
                self.set(said, self.head(said), "parataxis");
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

    /// "Protesters rallied outside parliament, and riot police used tear gas to disperse
    /// them(, the ministry said)" read with the second clause as a noun phrase ("police
    /// [that] used …"): the clause after ", and" (up to `comma`, the reporting clause's
    /// comma or the sentence's end) gets its verb back, as the first clause has, and is
    /// joined to it.
    fn raise_joined_clause(&mut self, a: usize, comma: usize) {
        let Some(and) = (a + 2..comma).rev().find(|&k| self.word(k - 1) == "," && matches!(self.word(k), "and" | "but") && self.upos(k) == "CCONJ") else { return };
        let first = (a..and - 1).find(|&k| self.upos(k) == "VERB" && self.head(k).is_none_or(|h| !(a..and).contains(&h)));
        let Some(first) = first else { return };
        let Some(top) = (and + 1..comma).find(|&k| self.head(k).is_none_or(|h| !(and + 1..comma).contains(&h))) else { return };
        if !matches!(self.upos(top), "NOUN" | "PROPN") {
            return;
        }
        let Some(verb) = self.raise_verb(and + 1..comma, false) else { return };
        self.set(verb, Some(first), "conj");
        self.set(and, Some(verb), "cc");
        if self.head(and - 1) != Some(verb) {
            self.set(and - 1, Some(verb), "punct");
        }
        // A word of the first clause the parser hung inside the second ("a proposed
        // law" read as a modifier of "gas") stays in the first.
        for k in a..and - 1 {
            if self.head(k).is_some_and(|h| (and + 1..comma).contains(&h)) {
                let before = (a..k).rev().find(|&j| matches!(self.upos(j), "NOUN" | "PROPN") && self.head(j).is_some_and(|h| !(and + 1..comma).contains(&h)));
                self.set(k, before.or(Some(first)), "dep");
            }
        }
    }

    /// "said one of the workers, Lucy Vashaka" read with "Lucy" hanging from the comma:
    /// punctuation heads nothing, so a word hung from it hangs from the punctuation's head.
    fn child_of_punctuation(&mut self, a: usize, b: usize) {
        for k in a..b {
            let Some(h) = self.head(k) else { continue };
            if self.upos(h) != "PUNCT" || self.upos(k) == "PUNCT" || !(a..b).contains(&h) {
                continue;
            }
            if let Some(g) = self.head(h) {
                let rel = self.rels[k];
                self.set(k, Some(g), rel);
            }
        }
    }

    /// "On Day 2 of the invasion, there were reports …" read with the preposition "On" as
    /// the sentence's root: a preposition, article or mark heads no sentence, so the verb
    /// hanging from it is the root and the word hangs from the verb.
    fn function_word_at_root(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        if !matches!(self.upos(r), "ADP" | "DET" | "SCONJ" | "CCONJ" | "PUNCT") {
            return;
        }
        let Some(v) = (a..b).find(|&k| self.head(k) == Some(r) && matches!(self.upos(k), "VERB" | "AUX") && matches!(self.rels[k], "parataxis" | "conj" | "ccomp" | "advcl" | "dep")) else { return };
        self.set(v, None, "root");
        for k in a..b {
            if self.head(k) == Some(r) && k != v {
                let rel = self.rels[k];
                self.set(k, Some(v), rel);
            }
        }
        let rel = match self.upos(r) {
            "ADP" => "case",
            "DET" => "det",
            "PUNCT" => "punct",
            "CCONJ" => "cc",
            _ => "mark",
        };
        // The preposition belongs to the noun right after it when that noun hangs from
        // the verb ("On [Day 2]"), else to the verb.
        let noun = (r + 1 < b && self.head(r + 1) == Some(v) && matches!(self.upos(r + 1), "NOUN" | "PROPN")).then_some(r + 1);
        self.set(r, Some(noun.unwrap_or(v)), rel);
        if let Some(n) = noun {
            if self.rels[n] == "obl:unmarked" {
                self.set(n, self.head(n), "obl");
            }
        }
    }

    /// "the countries were set to move a resolution" read with "to move" as the subject
    /// of "set": an infinitive after a word that has its own subject is its complement.
    fn infinitive_read_as_subject(&mut self, a: usize, b: usize) {
        for v in a + 1..b {
            let Some(h) = self.head(v) else { continue };
            if self.rels[v] == "csubj" && h < v && self.word(v - 1).eq_ignore_ascii_case("to") && self.has_child(h, a..b, "nsubj") {
                self.set(v, Some(h), "xcomp");
            }
        }
    }

    /// "Blinken said Kyiv “could well be under siege”" read with Kyiv as a second subject
    /// of "said": a subject after the verb, when the verb has one before it and a clause
    /// after it with none, is that clause's.
    fn subject_of_the_said_clause(&mut self, a: usize, b: usize) {
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

    /// "After denying for weeks he planned to invade, Putin argued …" read with "he
    /// planned" as the main clause and "Putin argued" as its conjunct: the clause right
    /// after a fronted clause of saying or denying that has no content of its own is that
    /// content, and the clause after the comma (with its own subject and no "and") is the
    /// main one.
    fn content_read_as_main_clause(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        let Some(c) = (a..r).find(|&c| self.head(c) == Some(r) && self.rels[c].starts_with("advcl") && self.upos(c) == "VERB") else { return };
        let lemma = self.doc.syntax.lemma(c).to_lowercase();
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
        for j in r + 1..b {
            if self.head(j) == Some(r) && self.upos(j) == "PUNCT" {
                self.set(j, Some(k), "punct");
            }
        }
    }

    /// "Protesters arrested by the police were released." read with "Protesters" at the
    /// root, "were released" as the content of "arrested" and "the police" as its
    /// subject: the noun with no verb above it is the subject of the verb with an
    /// auxiliary, and the "by" phrase is the participle's agent.
    fn passive_read_as_content_of_participle(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()).filter(|&r| matches!(self.upos(r), "NOUN" | "PROPN")) else { return };
        let Some(p) = (r + 1..b).find(|&p| self.head(p) == Some(r) && self.rels[p].starts_with("acl") && self.xpos(p) == "VBN") else { return };
        let Some(v) = (p + 1..b).find(|&v| self.head(v) == Some(p) && self.rels[v].starts_with("ccomp") && self.upos(v) == "VERB") else { return };
        if !self.has_child(v, p + 1..v, "aux") {
            return;
        }
        let agent = (p + 1..v).find(|&s| self.head(s) == Some(v) && self.rels[s].starts_with("nsubj") && self.case_word(s, p + 1..s).is_some_and(|w| w.eq_ignore_ascii_case("by")));
        let Some(s) = agent else { return };
        let passive = self.has_child(v, p + 1..v, "aux:pass");
        self.set(v, None, "root");
        self.set(r, Some(v), if passive { "nsubj:pass" } else { "nsubj" });
        self.set(s, Some(p), "obl:agent");
        for k in v + 1..b {
            if self.head(k) == Some(r) && self.upos(k) == "PUNCT" {
                self.set(k, Some(v), "punct");
            }
        }
    }

    /// "… said its forces had advanced near Bakhmut" read with "had" as a modifier of
    /// "forces", the object of "said": a past or present tense is never a noun's
    /// modifier, so the noun before it is its subject and the verb takes the noun's place
    /// (the content of a verb of saying).
    fn finite_verb_read_as_modifier(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let Some(n) = self.head(k) else { continue };
            if self.rels[k] != "amod" || !matches!(self.upos(k), "VERB" | "AUX") || !matches!(self.xpos(k), "VBD" | "VBZ" | "VBP") || n >= k || !matches!(self.upos(n), "NOUN" | "PROPN" | "PRON") {
                continue;
            }
            let Some(v) = self.head(n).filter(|_| self.rels[n] == "obj") else { continue };
            if self.has_child(n, a..b, "case") || Lexicon::builtin().reporting(&self.doc.syntax.lemma(v).to_lowercase()).is_none() {
                continue;
            }
            self.set(k, Some(v), "ccomp");
            self.set(n, Some(k), "nsubj");
        }
    }

    /// "voters consider Tusk honest" read with "honest" as part of the name: a word in
    /// lower case is no part of a name; an adjective after a verb's object says what the
    /// object is (`xcomp`).
    fn adjective_read_as_part_of_name(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let Some(n) = self.head(k) else { continue };
            if self.rels[k] != "flat" || self.upos(k) != "ADJ" || !self.word(k).starts_with(|c: char| c.is_lowercase()) || self.rels[n] != "obj" {
                continue;
            }
            if let Some(v) = self.head(n).filter(|&v| self.upos(v) == "VERB") {
                self.set(k, Some(v), "xcomp");
            }
        }
    }

    /// "shelling that sliced through a Kyiv apartment building" read with "that" as a
    /// conjunction and its clause as the content of "shelling": after a noun that takes no
    /// content clause, "that" with no subject after it is the relative pronoun, the
    /// clause's subject.
    fn relative_read_as_content(&mut self, a: usize, b: usize) {
        for t in a + 1..b {
            let Some(v) = self.head(t) else { continue };
            if !self.word(t).eq_ignore_ascii_case("that") || self.rels[t] != "mark" || v <= t || self.upos(v) != "VERB" {
                continue;
            }
            let Some(n) = self.head(v).filter(|&n| n == t - 1 && self.rels[v].starts_with("ccomp")) else { continue };
            let lemma = self.doc.syntax.lemma(n).to_lowercase();
            // A gerund of a deed ("shelling that sliced through …") takes no content
            // clause either; one of saying or thinking does ("warning that …").
            let deed = self.xpos(n) == "VBG" && {
                let lex = Lexicon::builtin();
                !lex.verb(&lemma).is_empty() && lex.reporting(&lemma).is_none() && lex.factuality(&lemma).is_none()
            };
            if !matches!(self.upos(n), "NOUN" | "PROPN") && !deed {
                continue;
            }
            // Nouns of saying and thinking take content clauses ("reports that …").
            if matches!(lemma.as_str(), "report" | "claim" | "news" | "fact" | "idea" | "belief" | "statement" | "fear" | "hope" | "assurance" | "promise" | "warning" | "sign" | "evidence" | "suggestion" | "allegation" | "rumor" | "rumour" | "view" | "notion" | "possibility" | "chance" | "risk" | "concern" | "word" | "announcement" | "confirmation" | "indication" | "proof" | "doubt")
                || self.has_child(v, a..b, "nsubj")
            {
                continue;
            }
            self.set(v, Some(n), "acl:relcl");
            self.set(t, Some(v), "nsubj");
        }
    }

    /// "… condemned an attack on Thursday and promised aid to the villages" read with
    /// "promised" as a modifier of "aid" and "aid" as a conjunct of what came before: a
    /// past tense or participle right after "and", modifying the noun phrase that follows
    /// it, is a second verb of the sentence's main verb, and the noun its object.
    fn joined_verb_read_as_modifier(&mut self, a: usize, b: usize) {
        let Some(root) = (a..b).find(|&k| self.head(k).is_none()).filter(|&r| self.upos(r) == "VERB" && self.has_child(r, a..b, "nsubj")) else { return };
        for v in root + 2..b {
            let and = v - 1;
            if !self.word(and).eq_ignore_ascii_case("and") || self.upos(v) != "VERB" || !matches!(self.xpos(v), "VBD" | "VBN") || self.rels[v] != "amod" {
                continue;
            }
            let Some(n) = self.head(v).filter(|&n| n > v && matches!(self.upos(n), "NOUN" | "PROPN") && self.rels[n] == "conj" && self.head(and) == Some(n)) else { continue };
            // Every word between the verb and the noun is inside the noun's phrase.
            if !(v + 1..n).all(|k| self.head(k) == Some(n)) {
                continue;
            }
            self.set(v, Some(root), "conj");
            self.set(and, Some(v), "cc");
            self.set(n, Some(v), "obj");
            // What hung from the noun after it ("aid to the villages") stays with it.
            return;
        }
    }

    /// "used tear gas and rubber bullets" read with "bullets" as a second clause of
    /// "used": a noun phrase right after a verb with no object, joined to the verb, is its
    /// object.
    fn object_read_as_conjunct(&mut self, a: usize, b: usize) {
        for n in a + 1..b {
            let Some(v) = self.head(n) else { continue };
            if self.rels[n] != "conj" || v >= n || self.upos(v) != "VERB" || !matches!(self.upos(n), "NOUN" | "PROPN") || self.has_child(v, a..b, "obj") {
                continue;
            }
            // Every word between the verb and the noun is inside the noun's phrase.
            let inside = |x: &Self, mut k: usize| {
                for _ in 0..=b - a {
                    match x.head(k) {
                        Some(h) if h == n => return true,
                        Some(h) if (v + 1..n).contains(&h) => k = h,
                        _ => return false,
                    }
                }
                false
            };
            if v + 1 < n && (v + 1..n).all(|k| inside(self, k)) {
                self.set(n, Some(v), "obj");
            }
        }
    }

    /// "used tear gas and rubber bullets to disperse them" read with "to disperse" as a
    /// modifier of "bullets": an infinitive hung from a weapon the verb uses is the verb's
    /// purpose.
    fn purpose_read_as_instrument_clause(&mut self, a: usize, b: usize) {
        for v in a + 1..b {
            let Some(o) = self.head(v) else { continue };
            if self.rels[v] != "acl" || self.upos(v) != "VERB" || !self.infinitive(v) {
                continue;
            }
            let lemma = self.doc.syntax.lemma(o).to_lowercase();
            if !matches!(lemma.as_str(), "gas" | "bullet" | "cannon" | "baton" | "force" | "weapon" | "tank" | "drone" | "missile" | "artillery" | "grenade" | "club" | "truncheon") {
                continue;
            }
            let Some(verb) = self.head(o).filter(|&h| self.upos(h) == "VERB" && self.rels[o] == "obj") else { continue };
            self.set(v, Some(verb), "advcl");
        }
    }

    /// "According to X, Y verbed Z" (the sentence `[a, b)` opening with "according to")
    /// read with X at the top: give the clause its verb back and hang "according to X"
    /// from it as an oblique.
    fn raise_after_according(&mut self, a: usize, b: usize) {
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
    /// object, and return it. With `with_object`, only a verb with an object is raised
    /// (a lone "Troops killed in ambush" stays a passive headline).
    fn raise_verb(&mut self, clause: std::ops::Range<usize>, with_object: bool) -> Option<usize> {
        let top = |x: &Self, k: usize| x.head(k).is_none_or(|h| !clause.contains(&h));
        let tops: Vec<usize> = clause.clone().filter(|&k| top(self, k) && self.upos(k) != "PUNCT").collect();
        // A verb, auxiliary or predicate (with its own subject or copula) at the top: the
        // clause was read as a clause; nothing to mend.
        if tops.iter().any(|&k| matches!(self.upos(k), "VERB" | "AUX") || self.has_child(k, clause.clone(), "nsubj") || self.has_child(k, clause.clone(), "cop")) {
            return None;
        }
        // A participle with its own agent ("drones launched by Russia") is a passive
        // modifier, not the main verb; a verb hanging from one is ("… struck Odesa",
        // "… hit Kyiv", whatever tense the tagger gave it).
        let agentive = |x: &Self, k: usize| clause.clone().any(|c| x.head(c) == Some(k) && x.rels[c].starts_with("obl") && x.case_word(c, clause.clone()).is_some_and(|w| w.eq_ignore_ascii_case("by")));
        let under_agentive = |x: &Self, k: usize| x.head(k).is_some_and(|h| h < k && clause.contains(&h) && x.upos(h) == "VERB" && x.xpos(h) == "VBN" && agentive(x, h));
        let candidates: Vec<usize> = clause
            .clone()
            .filter(|&k| self.upos(k) == "VERB" && !agentive(self, k))
            .filter(|&k| (matches!(self.xpos(k), "VBD" | "VBN") && (self.rels[k].starts_with("acl") || self.rels[k] == "amod")) || (matches!(self.xpos(k), "VBD" | "VBN" | "VBP" | "VBZ") && under_agentive(self, k)))
            .filter(|&k| !self.has_child(k, clause.clone(), "nsubj") && !self.has_child(k, clause.clone(), "mark") && !self.has_child(k, clause.clone(), "aux"))
            // "Iranian-backed militias": a compound participle describes; so does one
            // after an article ("A tortured relationship").
            .filter(|&k| k == clause.start || (self.word(k - 1) != "-" && !(self.rels[k] == "amod" && self.upos(k - 1) == "DET")))
            .collect();
        let transitive = |x: &Self, k: usize| x.has_child(k, clause.clone(), "obj") || (x.rels[k] == "amod" && x.head(k).is_some_and(|h| h > k && clause.contains(&h)));
        let verb = candidates.iter().copied().find(|&k| transitive(self, k)).or(match candidates.as_slice() {
            [only] if !with_object => Some(*only),
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
        // Punctuation after the verb that hung from the subject closes the verb's clause.
        for k in verb + 1..clause.end {
            if self.head(k) == Some(subject) && self.upos(k) == "PUNCT" {
                self.set(k, Some(verb), "punct");
            }
        }
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

    /// "Associated Press reported, …" read with "Press" as a `compound` of "reported": a
    /// noun before a verb that has no subject is its subject (see the module's notes).
    fn subject_read_as_compound(&mut self, a: usize, b: usize) {
        for k in a..b {
            let Some(h) = self.head(k) else { continue };
            if self.rels[k] != "compound" || h <= k || self.upos(h) != "VERB" || !matches!(self.upos(k), "NOUN" | "PROPN") {
                continue;
            }
            if self.has_child(h, a..b, "nsubj") || self.has_child(h, a..b, "expl") {
                continue;
            }
            // Only words between the noun and the verb that hang from the noun.
            if (k + 1..h).any(|j| self.head(j) != Some(k) && self.upos(j) != "PUNCT" && self.upos(j) != "ADV") {
                continue;
            }
            self.set(k, Some(h), "nsubj");
            let mut j = k;
            while j > a && self.head(j - 1) == Some(h) && matches!(self.rels[j - 1], "amod" | "compound" | "det" | "nmod:poss" | "flat") {
                j -= 1;
                let rel = if self.rels[j] == "compound" || self.upos(j) == "PROPN" { "compound" } else { self.rels[j] };
                self.set(j, Some(k), rel);
            }
        }
    }

    /// "Sen. Bernie Sanders (I-Vt.) visited NBC" read with "I" as the subject of "visited"
    /// (and "visited" hanging from the name): the label describes the name, whose phrase
    /// is the subject (see the module's notes).
    fn party_label_after_name(&mut self, a: usize, b: usize) {
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

    /// "“Russia will pay a price,” warned Biden." read with "Biden" as the object of
    /// "warned": the name after a verb that follows a closing quote is its subject.
    fn inverted_after_quote(&mut self, a: usize, b: usize) {
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

    /// "fired rockets at Tel Aviv overnight" read as one phrase headed by "overnight":
    /// the name before a time word it was compounded with heads the phrase, and the time
    /// word says when.
    fn time_read_as_head(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let time = matches!(
                self.word(k).to_lowercase().as_str(),
                "overnight" | "today" | "yesterday" | "tonight" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            );
            let name = k - 1;
            if !time || self.upos(name) != "PROPN" || self.head(name) != Some(k) || self.rels[name] != "compound" {
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

    /// "Soldiers shot dead a man near Nablus, the ministry said." read with "man" as the
    /// subject of "said": a noun phrase right after "shot dead" (a result before the
    /// object), when the verb has no object, is its object.
    fn object_after_result(&mut self, a: usize, b: usize) {
        for v in a..b.saturating_sub(2) {
            let r = v + 1;
            if self.upos(v) != "VERB" || self.head(r) != Some(v) || !matches!(self.word(r).to_lowercase().as_str(), "dead" | "free" | "loose" | "open") || self.has_child(v, a..b, "obj") {
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

    /// "Trump has not yet responded to Calderon" read with "Trump" as a passive subject: a
    /// clause has a passive subject only with a passive auxiliary ("was", "got"); a verb
    /// with neither one nor a form of "be" or "get" among its auxiliaries has an active
    /// subject, which acts rather than being acted upon.
    fn passive_subject_without_passive(&mut self, a: usize, b: usize) {
        for k in a..b {
            let Some(v) = self.head(k) else { continue };
            if self.rels[k] != "nsubj:pass" || k > v || v >= b || self.upos(v) != "VERB" {
                continue;
            }
            let passive = (a..b).any(|c| {
                self.head(c) == Some(v)
                    && (self.rels[c] == "aux:pass"
                        || (matches!(self.rels[c], "aux" | "cop") && matches!(self.word(c).to_lowercase().as_str(), "be" | "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'s" | "’s" | "'re" | "’re" | "get" | "gets" | "got" | "gotten" | "getting")))
            });
            if !passive {
                self.set(k, Some(v), "nsubj");
            }
        }
    }

    /// "condemned an attack by Osgiliath soldiers" read with the soldiers as the agent of
    /// "condemned": a verb with a subject of its own and no passive auxiliary has no
    /// agent, so a "by" phrase right after its object is the object's.
    fn agent_of_an_active_verb(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let Some(v) = self.head(k) else { continue };
            if self.rels[k] != "obl:agent" || v >= k || self.upos(v) != "VERB" || !self.has_child(v, a..b, "nsubj") || self.has_child(v, a..b, "aux:pass") {
                continue;
            }
            let object = (v + 1..k).find(|&o| self.head(o) == Some(v) && self.rels[o] == "obj" && matches!(self.upos(o), "NOUN" | "PROPN"));
            // Only the object's own words between it and the "by".
            let Some(o) = object.filter(|&o| (o + 1..k).all(|j| self.head(j) == Some(k) || self.head(j) == Some(o))) else { continue };
            self.set(k, Some(o), "nmod");
        }
    }

    /// "Arnor, Calenardhon and the evil awful Gondor welcomed …" read with "Calenardhon"
    /// as an apposition of "Arnor" and the rest joined to it: a name in apposition to a
    /// name, itself joined by "and" to more, is one of a list.
    fn list_read_as_apposition(&mut self, a: usize, b: usize) {
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

    /// "explosions were heard before dawn and gunfire was reported in several areas" read
    /// with "gunfire" as a conjunct of "dawn": a noun right before "was"/"were" and a
    /// passive participle that has no subject is that participle's subject, and the "and"
    /// before the noun joins the participle's clause.
    fn subject_before_passive_read_as_conjunct(&mut self, a: usize, b: usize) {
        for v in a + 2..b {
            let (aux, n) = (v - 1, v - 2);
            if self.upos(v) != "VERB" || self.xpos(v) != "VBN" || self.head(aux) != Some(v) || self.rels[aux] != "aux:pass" || !matches!(self.word(aux).to_lowercase().as_str(), "was" | "were") {
                continue;
            }
            if !matches!(self.upos(n), "NOUN" | "PROPN") || self.head(n) == Some(v) || !matches!(self.rels[n], "conj" | "obj" | "nmod") {
                continue;
            }
            // The participle may have been given the noun's first conjunct as its subject
            // ("before dawn and gunfire" as one subject): a phrase with a preposition of its
            // own is no subject, and goes back to the verb before.
            let subject = (a..b).find(|&c| self.head(c) == Some(v) && self.rels[c].starts_with("nsubj"));
            let when_or_where = |w: &str| matches!(w.to_lowercase().as_str(), "before" | "after" | "during" | "since" | "until" | "in" | "on" | "at" | "near" | "from" | "overnight");
            let first = self.head(n).filter(|&f| self.rels[n] == "conj" && Some(f) == subject && self.case_word(f, a..f).is_some_and(when_or_where));
            if subject.is_some() && first.is_none() {
                continue;
            }
            let cc = (a..n).rev().find(|&c| self.head(c) == Some(n) && self.rels[c] == "cc");
            if let (Some(f), Some(h)) = (first, self.head(v)) {
                self.set(f, Some(h), "obl");
                if self.rels[v].starts_with("ccomp") && h < f {
                    self.set(v, Some(h), "conj");
                }
            }
            self.set(n, Some(v), "nsubj:pass");
            if let Some(c) = cc {
                self.set(c, Some(v), "cc");
            }
        }
    }

    /// "Poland defended the right of states to expel diplomats" read with "to expel" as a
    /// clause of purpose of "defended": an infinitive right after the object of its verb,
    /// when the object is a noun that takes one ("right", "effort", "bid": the `noun`
    /// rows of factuality.tsv), belongs to the noun.
    fn infinitive_of_object_noun(&mut self, a: usize, b: usize) {
        for v in a + 1..b {
            let Some(h) = self.head(v) else { continue };
            if self.rels[v] != "advcl" || self.upos(v) != "VERB" || !self.infinitive(v) {
                continue;
            }
            let Some(o) = (a..v).find(|&k| self.head(k) == Some(h) && self.rels[k] == "obj" && self.upos(k) == "NOUN") else { continue };
            let lemma = self.doc.syntax.lemma(o).to_lowercase();
            if Lexicon::builtin().noun_factuality(&lemma).is_none() {
                continue;
            }
            // Every word between the noun and "to" belongs to the noun's phrase.
            let inside = |mut k: usize| {
                for _ in 0..=b - a {
                    match self.head(k) {
                        Some(x) if x == o => return true,
                        Some(x) => k = x,
                        None => return false,
                    }
                }
                false
            };
            if (o + 1..v - 1).all(inside) {
                self.set(v, Some(o), "acl");
            }
        }
    }

    /// "of Russian president Putin" read with "of" hanging from "president": hang it from
    /// the phrase's head; then an "of" phrase read as an oblique of the verb right after a
    /// noun of the same verb modifies that noun (see the module's notes).
    fn case_to_phrase_head(&mut self, a: usize, b: usize) {
        for c in a..b {
            let Some(m) = self.head(c) else { continue };
            let Some(p) = self.head(m) else { continue };
            if self.rels[c] != "case" || !(c < m && m < p && p < b) || !matches!(self.upos(p), "NOUN" | "PROPN") {
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

    /// "bore down on Ukraine's capital Kyiv, …, that was supplemented by …" read with
    /// "capital" as an oblique of "supplemented": an oblique that comes before its verb's
    /// subject, right after another verb (or that verb's particle), is that verb's.
    fn lower_fronted_obliques(&mut self, a: usize, b: usize) {
        for n in a..b {
            let Some(h) = self.head(n) else { continue };
            if !self.rels[n].starts_with("obl") || h <= n || self.upos(h) != "VERB" {
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

    /// "signed a trade protocol …, officials said" read with "signed" and "protocol" both
    /// as clauses of "said": the noun is the object of the verb before it.
    fn object_read_as_clause(&mut self, a: usize, b: usize) {
        for n in a..b {
            let Some(h) = self.head(n) else { continue };
            if !self.rels[n].starts_with("ccomp") || !matches!(self.upos(n), "NOUN" | "PROPN") {
                continue;
            }
            let Some(v) = (a..n).rev().find(|&k| self.head(k) == Some(h) && self.rels[k].starts_with("ccomp") && self.upos(k) == "VERB") else { continue };
            if self.has_child(v, a..b, "obj") || self.has_child(v, a..b, "ccomp") || self.has_child(v, a..b, "xcomp") {
                continue;
            }
            // Only the noun's own words between the verb and the noun.
            if (v + 1..n).any(|j| self.head(j).is_none_or(|x| !(v + 1..=n).contains(&x))) {
                continue;
            }
            self.set(n, Some(v), "obj");
        }
    }

    /// "Gondor welcomed secret memos sent by Arnor" read with "memos" as the root and
    /// "welcomed" as its modifier (tagged as a past tense or a participle): make the verb
    /// the root (see the module's notes).
    fn raise_verbless(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        if matches!(self.upos(r), "VERB" | "AUX") || self.has_child(r, a..b, "nsubj") || self.has_child(r, a..b, "cop") || !matches!(self.upos(r), "NOUN" | "PROPN") {
            return;
        }
        let Some(v) = (a + 1..r).find(|&k| {
            self.head(k) == Some(r) && matches!(self.rels[k], "amod" | "acl") && self.upos(k) == "VERB" && matches!(self.xpos(k), "VBD" | "VBN")
        }) else {
            return;
        };
        if self.has_child(v, a..b, "nsubj") || self.has_child(v, a..b, "aux") || self.has_child(v, a..b, "mark") {
            return;
        }
        let subject = v - 1;
        if self.head(subject) != Some(r) || !matches!(self.upos(subject), "NOUN" | "PROPN" | "PRON") {
            return;
        }
        for k in a..subject {
            if self.head(k) == Some(r) {
                self.set(k, Some(subject), self.rels[k]);
            }
        }
        // The sentence's closing punctuation goes with the verb.
        if let Some(k) = b.checked_sub(1).filter(|&k| k > r && self.head(k) == Some(r) && self.upos(k) == "PUNCT") {
            self.set(k, Some(v), "punct");
        }
        self.set(subject, Some(v), "nsubj");
        self.set(v, None, "root");
        self.set(r, Some(v), "obj");
    }
}
