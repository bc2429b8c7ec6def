//! Mends of clauses: a clause read as a noun phrase, a verb joined by "and" read as a
//! modifier or an object, infinitives and relative clauses hung from the wrong word, a
//! function word or punctuation heading others.

use super::Arcs;
use crate::lexicon::Lexicon;
use crate::tree::{lower, lower_is_one_of};

/// Nouns of saying and thinking, which take a content clause ("reports that …").
const CONTENT_NOUNS: &[&str] = &[
    "report", "claim", "news", "fact", "idea", "belief", "statement", "fear", "hope", "assurance", "promise", "warning", "sign", "evidence", "suggestion", "allegation", "rumor", "rumour", "view", "notion",
    "possibility", "chance", "risk", "concern", "word", "announcement", "confirmation", "indication", "proof", "doubt",
];

impl Arcs<'_, '_> {
    /// "Protesters rallied outside parliament, and riot police used tear gas to disperse
    /// them(, the ministry said)" read with the second clause as a noun phrase ("police
    /// [that] used …"): the clause after ", and" (up to `comma`, the reporting clause's
    /// comma or the sentence's end) gets its verb back, as the first clause has, and is
    /// joined to it.
    pub(super) fn raise_joined_clause(&mut self, a: usize, comma: usize) {
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

    /// "… condemned an attack on Thursday and promised aid to the villages" read with
    /// "promised" as a modifier of "aid" and "aid" as a conjunct of what came before: a
    /// past tense or participle right after "and", modifying the noun phrase that follows
    /// it, is a second verb of the sentence's main verb, and the noun its object.
    pub(super) fn joined_verb_read_as_modifier(&mut self, a: usize, b: usize) {
        let Some(root) = (a..b).find(|&k| self.head(k).is_none()).filter(|&r| self.upos(r) == "VERB" && self.has_child(r, a..b, "nsubj")) else { return };
        for v in root + 2..b {
            let and = v - 1;
            if self.rels[v] != "amod" || self.upos(v) != "VERB" || !matches!(self.xpos(v), "VBD" | "VBN") || !self.word(and).eq_ignore_ascii_case("and") {
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

    /// "Had Russia attacked Poland, NATO would have responded", "Should Iran strike
    /// Israel, …", "Were China to invade Taiwan, …" read with the auxiliary as the root and
    /// the subject as its object: a sentence opened by "had", "should" or "were", a noun
    /// phrase and a verb (after "to" for "were") up to a comma is a condition — the verb
    /// heads it as `advcl` of the first verb after the comma, with the auxiliary and the
    /// subject its own and the nouns after it its object.
    pub(super) fn inverted_condition_read_as_main_clause(&mut self, a: usize, b: usize) {
        if a + 3 >= b || !lower_is_one_of(self.word(a), &["had", "should", "were"]) {
            return;
        }
        let noun_phrase = |x: &Self, k: usize| matches!(x.upos(k), "DET" | "ADJ" | "NOUN" | "PROPN" | "PRON" | "NUM");
        let Some(v) = (a + 2..b).find(|&k| !noun_phrase(self, k)) else { return };
        let (subject_end, verb_ok) = match &*lower(self.word(a)) {
            "had" => (v, matches!(self.xpos(v), "VBN" | "VBD")),
            "should" => (v, self.xpos(v) == "VB"),
            _ => (v, v + 1 < b && lower_is_one_of(self.word(v), &["to"]) && self.xpos(v + 1) == "VB"),
        };
        let (to, v) = if lower_is_one_of(self.word(a), &["were"]) { (Some(v), v + 1) } else { (None, v) };
        if !verb_ok || subject_end == a + 1 {
            return;
        }
        let Some(comma) = (v + 1..b).find(|&k| self.word(k) == ",") else { return };
        let Some(main) = (comma + 1..b).find(|&k| self.upos(k) == "VERB") else { return };
        // The subject: its last word heads it, the words before hang from that word.
        let subject = subject_end - 1;
        for k in a + 1..subject {
            if self.head(k).is_none_or(|h| !(a + 1..subject_end).contains(&h)) {
                let rel = match self.upos(k) {
                    "DET" => "det",
                    "ADJ" => "amod",
                    "NUM" => "nummod",
                    _ => "compound",
                };
                self.set(k, Some(subject), rel);
            }
        }
        let old_root = (a..b).find(|&k| self.head(k).is_none());
        self.set(main, None, "root");
        self.set(v, Some(main), "advcl");
        self.set(a, Some(v), "aux");
        self.set(subject, Some(v), "nsubj");
        if let Some(to) = to {
            self.set(to, Some(v), "mark");
        }
        // What follows the verb up to the comma is its own; a noun hung on it as a
        // complement is its object.
        for k in v + 1..comma {
            match self.head(k) {
                Some(h) if h == v && self.rels[k] == "xcomp" && matches!(self.upos(k), "NOUN" | "PROPN" | "PRON") => self.set(k, Some(v), "obj"),
                Some(h) if (v + 1..comma).contains(&h) || h == v => {}
                _ => self.set(k, Some(v), "obj"),
            }
        }
        self.set(comma, Some(main), "punct");
        // What hung from the auxiliary, read as the root, now hangs from the main verb.
        if let Some(r) = old_root.filter(|&r| r == a) {
            for k in a + 1..b {
                if self.head(k) == Some(r) && k != v && k != subject {
                    self.set(k, Some(main), if self.upos(k) == "PUNCT" { "punct" } else { self.rels[k] });
                }
            }
        }
    }

    /// "Protests grew as police arrested dozens of students", "seeking to quell the
    /// controversy after the FBI last week closed out a probe" read with "as" or "after"
    /// as a preposition and the clause's subject as its object: a finite verb right after
    /// the noun phrase the word opens is the verb of the clause it introduces, and the
    /// noun its subject ("such as", "as well as" stay prepositions). A subject the verb
    /// had from before the word is the main verb's object ("stormed the embassy after a
    /// Koran was burned" read as "the embassy … was burned").
    pub(super) fn clause_read_as_phrase(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            if self.rels[k] != "case" || !lower_is_one_of(self.word(k), &["as", "after", "before", "since", "until"]) || lower_is_one_of(self.word(k - 1), &["such", "well"]) {
                continue;
            }
            let Some(n) = self.head(k).filter(|&n| n > k && matches!(self.upos(n), "NOUN" | "PROPN" | "PRON") && (self.rels[n].starts_with("obl") || self.rels[n].starts_with("nmod"))) else { continue };
            let Some(f) = (n + 1..b).find(|&j| self.upos(j) == "VERB") else { continue };
            // The clause's verb: the nearest verb above the noun, before the word (or the
            // one above the verb, when the noun was read inside the verb's subject).
            let mut main = self.head(n);
            while let Some(h) = main.filter(|&h| h < k && self.upos(h) != "VERB") {
                main = self.head(h);
            }
            if main == Some(f) {
                main = self.head(f);
            }
            let Some(main) = main.filter(|&h| h < k && self.upos(h) == "VERB") else { continue };
            // Only the noun's own phrase between the word and the verb, the verb's
            // auxiliaries, and a bare time ("last week") that is the verb's; no "and"
            // ("starting before dawn and gunfire was reported").
            let bare_time = |x: &Self, j: usize| matches!(x.rels[j], "obl:unmarked" | "obl:tmod" | "nmod:tmod" | "nmod:unmarked");
            let times: Vec<usize> = (n + 1..f).filter(|&j| bare_time(self, j)).collect();
            if times.len() > 2 {
                continue;
            }
            let auxiliary = |x: &Self, j: usize| x.head(j) == Some(f) && x.rels[j].starts_with("aux");
            if !(k + 1..f).all(|j| (j == n || self.under(j, n, k + 1..b) || auxiliary(self, j) || times.contains(&j) || times.iter().any(|&t| self.under(j, t, k + 1..f))) && !matches!(self.upos(j), "PUNCT" | "CCONJ")) {
                continue;
            }
            // A tense or a verb with its auxiliary, or a participle right after the noun
            // read as the modifier of the noun after it ("police arrested dozens" read as
            // "police, arrested dozens"; not "a reason for his alleged bias") or as the
            // noun's own modifier with an object ("troops [who were] shelled Kharkiv").
            let old_head = self.head(f);
            let right_after = (n + 1..f).all(|j| times.contains(&j) || times.iter().any(|&t| self.under(j, t, n + 1..f)));
            let finite = matches!(self.xpos(f), "VBD" | "VBZ" | "VBP")
                || (k + 1..f).any(|j| auxiliary(self, j))
                || (self.xpos(f) == "VBN" && right_after && ((self.rels[f] == "amod" && old_head.is_some_and(|h| h > f)) || (self.rels[f] == "acl" && (self.has_child(f, a..b, "obj") || self.reduced_clause(f, b)))));
            if !finite {
                continue;
            }
            // A subject of its own after the word leaves the reading alone; one before it
            // was the main verb's object.
            let subject = (a..b).find(|&j| self.head(j) == Some(f) && self.rels[j].starts_with("nsubj"));
            let subject_rel = match subject {
                None => "nsubj",
                Some(s) if s < k && matches!(self.upos(s), "NOUN" | "PROPN") && !self.has_child(main, a..b, "obj") => {
                    let rel = self.rels[s];
                    self.set(s, Some(main), "obj");
                    rel
                }
                Some(_) => continue,
            };
            self.set(f, Some(main), "advcl");
            self.set(k, Some(f), "mark");
            self.set(n, Some(f), subject_rel);
            for t in times {
                self.set(t, Some(f), "obl:unmarked");
            }
            if let Some(h) = old_head.filter(|&h| h > f && matches!(self.upos(h), "NOUN" | "PROPN" | "PRON")) {
                if !self.has_child(f, a..b, "obj") {
                    self.set(h, Some(f), "obj");
                }
            }
            // What hung from the noun after the verb is the verb's.
            for j in f + 1..b {
                if self.head(j) == Some(n) {
                    let rel = if matches!(self.rels[j], "conj" | "appos") { "obj" } else { self.rels[j] };
                    if rel != "obj" || !self.has_child(f, a..b, "obj") {
                        self.set(j, Some(f), rel);
                    }
                }
            }
        }
    }

    /// Whether the participle `f` read as a modifier ("as Russian forces [who were]
    /// pushed toward Pokrovsk") has no agent and no tense after it up to the next mark: no
    /// other verb could be the clause's, so it is.
    fn reduced_clause(&self, f: usize, b: usize) -> bool {
        let agent = (f + 1..b).any(|j| self.head(j) == Some(f) && self.rels[j].starts_with("obl") && self.case_word(j, f + 1..b).is_some_and(|w| w.eq_ignore_ascii_case("by")));
        let tense_after = (f + 1..b).take_while(|&j| self.upos(j) != "PUNCT").any(|j| matches!(self.xpos(j), "VBD" | "VBZ" | "VBP" | "MD"));
        !agent && !tense_after
    }

    /// "used tear gas and rubber bullets" read with "bullets" as a second clause of
    /// "used": a noun phrase right after a verb with no object, joined to the verb, is its
    /// object.
    pub(super) fn object_read_as_conjunct(&mut self, a: usize, b: usize) {
        for n in a + 1..b {
            let Some(v) = self.head(n) else { continue };
            if self.rels[n] != "conj" || v >= n || self.upos(v) != "VERB" || !matches!(self.upos(n), "NOUN" | "PROPN") || self.has_child(v, a..b, "obj") {
                continue;
            }
            // Every word between the verb and the noun is inside the noun's phrase.
            if v + 1 < n && (v + 1..n).all(|k| self.under(k, n, v + 1..n)) {
                self.set(n, Some(v), "obj");
            }
        }
    }

    /// "used tear gas and rubber bullets to disperse them" read with "to disperse" as a
    /// modifier of "bullets": an infinitive hung from a weapon the verb uses is the verb's
    /// purpose.
    pub(super) fn purpose_read_as_instrument_clause(&mut self, a: usize, b: usize) {
        for v in a + 1..b {
            let Some(o) = self.head(v) else { continue };
            if self.rels[v] != "acl" || self.upos(v) != "VERB" || !self.infinitive(v) {
                continue;
            }
            let lemma = lower(self.doc.syntax.lemma(o));
            if !matches!(&*lemma, "gas" | "bullet" | "cannon" | "baton" | "force" | "weapon" | "tank" | "drone" | "missile" | "artillery" | "grenade" | "club" | "truncheon") {
                continue;
            }
            let Some(verb) = self.head(o).filter(|&h| self.upos(h) == "VERB" && self.rels[o] == "obj") else { continue };
            self.set(v, Some(verb), "advcl");
        }
    }

    /// A headline "Rebels to attack Aleppo", "Democrats to sue Arizona" read with the
    /// noun as the root and the infinitive as its modifier: the infinitive is the verb
    /// (what the party is to do) and the noun its subject. The root must have no subject
    /// of its own and the infinitive must follow it directly, so "plans to attack" with a
    /// subject stays as read.
    pub(super) fn headline_infinitive(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        if r + 2 >= b || self.has_child(r, a..b, "nsubj") || self.has_child(r, a..b, "cop") || self.has_child(r, a..b, "aux") {
            return;
        }
        // A party is named (or counted in the plural: "Rebels"), not a noun that takes an
        // infinitive of its own ("All the more reason to consider …", "Rabbis vow to …").
        // A plural name at the start read as a verb ("Democrats" as `VBZ`) is a noun too.
        let plural_name = r == a && self.xpos(r) == "VBZ" && self.word(r).starts_with(|c: char| c.is_uppercase()) && self.word(r).ends_with('s');
        if !(matches!(self.xpos(r), "NNS" | "NNP" | "NNPS") || plural_name) {
            return;
        }
        // A headline has no finite verb ("Putin's decision to invade Ukraine was a mistake"
        // is a sentence).
        if (a..b).any(|k| k != r && matches!(self.xpos(k), "VBD" | "VBZ" | "VBP" | "MD")) {
            return;
        }
        let (to, v) = (r + 1, r + 2);
        if !self.word(to).eq_ignore_ascii_case("to") || self.head(to) != Some(v) || self.head(v) != Some(r) || self.upos(v) != "VERB" || self.xpos(v) != "VB" {
            return;
        }
        for k in r + 1..b {
            if k != v && self.head(k) == Some(r) {
                self.set(k, Some(v), self.rels[k]);
            }
        }
        self.set(to, Some(v), "mark");
        self.set(v, None, "root");
        self.set(r, Some(v), "nsubj");
    }

    /// "Gondor welcomed secret memos sent by Arnor" read with "memos" as the root and
    /// "welcomed" as its modifier (tagged as a past tense or a participle): make the verb
    /// the root (see the module's notes).
    pub(super) fn raise_verbless(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        // (The tags first: they rule out nearly every sentence without reading its arcs.)
        if !matches!(self.upos(r), "NOUN" | "PROPN") || self.has_child(r, a..b, "nsubj") || self.has_child(r, a..b, "cop") {
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

    /// "signed a trade protocol …, officials said" read with "signed" and "protocol" both
    /// as clauses of "said": the noun is the object of the verb before it.
    pub(super) fn object_read_as_clause(&mut self, a: usize, b: usize) {
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

    /// "Drones struck the port on Friday, *setting* a warehouse on fire …, the governor
    /// said" read with the participle as a second content of "said": a participle with no
    /// subject after a comma, hung as a clause from the verb a clause before it hangs
    /// from, tells what that clause's deed did (`advcl` of its verb).
    pub(super) fn participle_read_as_second_content(&mut self, a: usize, b: usize) {
        for n in a + 1..b {
            let Some(h) = self.head(n) else { continue };
            if !self.rels[n].starts_with("ccomp") || self.xpos(n) != "VBG" || self.word(n - 1) != "," || self.has_child(n, a..b, "nsubj") {
                continue;
            }
            let Some(v) = (a..n).rev().find(|&k| self.head(k) == Some(h) && self.rels[k].starts_with("ccomp") && self.upos(k) == "VERB") else { continue };
            // Only the first clause's own words between its verb and the participle.
            if !self.has_child(v, a..b, "nsubj") || (v + 1..n).any(|j| self.head(j).is_none_or(|x| !(v..=n).contains(&x))) {
                continue;
            }
            self.set(n, Some(v), "advcl");
        }
    }

    /// "shelling that sliced through a Kyiv apartment building" read with "that" as a
    /// conjunction and its clause as the content of "shelling": after a noun that takes no
    /// content clause, "that" with no subject after it is the relative pronoun, the
    /// clause's subject.
    pub(super) fn relative_read_as_content(&mut self, a: usize, b: usize) {
        for t in a + 1..b {
            let Some(v) = self.head(t) else { continue };
            if self.rels[t] != "mark" || v <= t || self.upos(v) != "VERB" {
                continue;
            }
            let Some(n) = self.head(v).filter(|&n| n == t - 1 && self.rels[v].starts_with("ccomp")) else { continue };
            if !self.word(t).eq_ignore_ascii_case("that") {
                continue;
            }
            let lemma = lower(self.doc.syntax.lemma(n));
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
            if CONTENT_NOUNS.contains(&&*lemma) || self.has_child(v, a..b, "nsubj")
            {
                continue;
            }
            self.set(v, Some(n), "acl:relcl");
            self.set(t, Some(v), "nsubj");
        }
    }

    /// "allegations that Chinese hackers broke into U.S. computers" read as a relative
    /// clause with "that" as the object of "broke": after a noun of saying or thinking,
    /// a "that" whose clause has a subject of its own and goes on with a phrase of
    /// direction or contact ("into", "against" …), or with a complement that has its own
    /// object, opens the noun's content, so the noun is no party of the clause.
    pub(super) fn content_read_as_relative(&mut self, a: usize, b: usize) {
        for t in a + 1..b {
            let Some(v) = self.head(t) else { continue };
            if self.rels[t] != "obj" || v <= t || self.upos(v) != "VERB" || !self.word(t).eq_ignore_ascii_case("that") {
                continue;
            }
            let Some(n) = self.head(v).filter(|&n| n == t - 1 && self.rels[v] == "acl:relcl" && self.upos(n) == "NOUN") else { continue };
            if !CONTENT_NOUNS.contains(&&*lower(self.doc.syntax.lemma(n))) || !self.has_child(v, t + 1..b, "nsubj") {
                continue;
            }
            let onward = (v + 1..b).any(|k| self.head(k) == Some(v) && self.rels[k] == "obl" && matches!(self.case_word(k, v + 1..k), Some("into" | "against" | "on" | "at" | "with" | "across" | "through")));
            // (Or a complement with an object of its own, which leaves no gap for "that":
            // "the claim that Crutcher had refused to keep his hands up".)
            let complete = (v + 1..b).any(|x| self.head(x) == Some(v) && self.rels[x] == "xcomp" && self.has_child(x, x + 1..b, "obj"));
            if onward || complete {
                self.set(t, Some(v), "mark");
                self.set(v, Some(n), "acl");
            }
        }
    }

    /// "Protesters arrested by the police were released." read with "Protesters" at the
    /// root, "were released" as the content of "arrested" and "the police" as its
    /// subject: the noun with no verb above it is the subject of the verb with an
    /// auxiliary, and the "by" phrase is the participle's agent.
    pub(super) fn passive_read_as_content_of_participle(&mut self, a: usize, b: usize) {
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
        self.move_punctuation(r, v, v + 1..b);
    }

    /// "Hackers linked to Russian military intelligence attacked the grid" read with
    /// "linked" as the clause's verb and "attacked" as a modifier of "intelligence": a
    /// participle of affiliation ("linked to", "backed by", "allied with" …) right after
    /// its noun, with no object, whose phrase holds a verb with an object and no subject,
    /// is the noun's modifier, and that verb is the clause's, the noun its subject.
    pub(super) fn affiliation_read_as_verb(&mut self, a: usize, b: usize) {
        for p in a + 1..b {
            if self.upos(p) != "VERB" || !matches!(self.xpos(p), "VBD" | "VBN") || self.has_child(p, a..b, "obj") {
                continue;
            }
            let lemma = lower(self.doc.syntax.lemma(p));
            if !matches!(&*lemma, "link" | "back" | "ally" | "affiliate" | "associate" | "tie" | "align" | "fund" | "sponsor" | "arm" | "train" | "base" | "connect" | "support") {
                continue;
            }
            // "linked to", "backed by", "allied with": the phrase of affiliation follows.
            if p + 1 >= b || !lower_is_one_of(self.word(p + 1), &["to", "by", "with"]) {
                continue;
            }
            let n = p - 1;
            if self.head(n) != Some(p) || !self.rels[n].starts_with("nsubj") || !matches!(self.upos(n), "NOUN" | "PROPN") {
                continue;
            }
            // The verb inside the participle's phrase or hung from the participle: a
            // modifier or an adjunct clause after it, with an object of its own and no
            // subject or conjunction.
            let Some(v) = (p + 2..b).find(|&v| {
                let inside = self.rels[v].starts_with("acl") && self.head(v).is_some_and(|h| h > p && h < v && self.under(h, p, a..b));
                let adjunct = self.rels[v] == "advcl" && self.head(v) == Some(p);
                self.upos(v) == "VERB" && matches!(self.xpos(v), "VBD" | "VBN" | "VBZ" | "VBP") && (inside || adjunct) && self.has_child(v, a..b, "obj") && !self.has_child(v, a..b, "nsubj") && !self.has_child(v, a..b, "mark")
            }) else {
                continue;
            };
            let (ph, prel) = (self.head(p), self.rels[p]);
            self.set(v, ph, prel);
            self.set(n, Some(v), "nsubj");
            self.set(p, Some(n), "acl");
            self.move_punctuation(p, v, v + 1..b);
            return;
        }
    }

    /// "the countries were set to move a resolution" read with "to move" as the subject
    /// of "set": an infinitive after a word that has its own subject is its complement.
    pub(super) fn infinitive_read_as_subject(&mut self, a: usize, b: usize) {
        for v in a + 1..b {
            let Some(h) = self.head(v) else { continue };
            if self.rels[v] == "csubj" && h < v && self.word(v - 1).eq_ignore_ascii_case("to") && self.has_child(h, a..b, "nsubj") {
                self.set(v, Some(h), "xcomp");
            }
        }
    }

    /// "Poland defended the right of states to expel diplomats" read with "to expel" as a
    /// clause of purpose of "defended": an infinitive right after the object of its verb,
    /// when the object is a noun that takes one ("right", "effort", "bid": the `noun`
    /// rows of factuality.tsv), belongs to the noun.
    pub(super) fn infinitive_of_object_noun(&mut self, a: usize, b: usize) {
        for v in a + 1..b {
            let Some(h) = self.head(v) else { continue };
            if self.rels[v] != "advcl" || self.upos(v) != "VERB" || !self.infinitive(v) {
                continue;
            }
            let Some(o) = (a..v).find(|&k| self.head(k) == Some(h) && self.rels[k] == "obj" && self.upos(k) == "NOUN") else { continue };
            let lemma = lower(self.doc.syntax.lemma(o));
            if Lexicon::builtin().noun_factuality(&lemma).is_none() {
                continue;
            }
            // Every word between the noun and "to" belongs to the noun's phrase.
            if (o + 1..v - 1).all(|k| self.under(k, o, 0..usize::MAX)) {
                self.set(v, Some(o), "acl");
            }
        }
    }

    /// "On Day 2 of the invasion, there were reports …" read with the preposition "On" as
    /// the sentence's root: a preposition, article or mark heads no sentence, so the verb
    /// hanging from it is the root and the word hangs from the verb.
    pub(super) fn function_word_at_root(&mut self, a: usize, b: usize) {
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

    /// "said one of the workers, Lucy Vashaka" read with "Lucy" hanging from the comma:
    /// punctuation heads nothing, so a word hung from it hangs from the punctuation's head.
    pub(super) fn child_of_punctuation(&mut self, a: usize, b: usize) {
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

    /// "Smith and Woods, the parents of two Americans killed in the 2012 attacks, have
    /// filed a lawsuit" read with "killed" as the sentence's verb and "have filed" as its
    /// conjunct: a participle right after a noun of its subject's phrase, with no object,
    /// whose conjunct has an auxiliary but no subject and no "and" of its own, describes
    /// that noun; the conjunct is the sentence's verb.
    pub(super) fn participle_read_as_main_verb(&mut self, a: usize, b: usize) {
        let Some(v) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        // (The tags first, the noun's among them: they rule out most sentences without
        // reading the verb's dependents.)
        if v == a || self.upos(v) != "VERB" || !matches!(self.xpos(v), "VBD" | "VBN") || !matches!(self.upos(v - 1), "NOUN" | "PROPN") || self.has_child(v, a..b, "obj") || self.has_child(v, a..b, "aux") {
            return;
        }
        let n = v - 1;
        let Some(s) = (a..v).find(|&k| self.head(k) == Some(v) && self.rels[k] == "nsubj") else { return };
        if n == s || !matches!(self.upos(n), "NOUN" | "PROPN") || !self.under(n, s, a..v) {
            return;
        }
        let Some(w) = (v + 1..b).find(|&k| self.head(k) == Some(v) && self.rels[k] == "conj" && self.upos(k) == "VERB") else { return };
        if !self.has_child(w, a..b, "aux") || self.has_child(w, a..b, "nsubj") || self.has_child(w, a..b, "cc") {
            return;
        }
        self.set(w, None, "root");
        self.set(s, Some(w), "nsubj");
        self.set(v, Some(n), "acl");
        // What hung from the participle before it (the subject's marks) and after the
        // conjunct is the main verb's.
        for k in (a..s).chain(w + 1..b) {
            if self.head(k) == Some(v) {
                let rel = self.rels[k];
                self.set(k, Some(w), rel);
            }
        }
        self.move_punctuation(v, w, a..b);
    }
}
