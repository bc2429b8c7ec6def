//! Mends of subjects: a subject read as a compound, a passive subject with no passive,
//! a subject read as a conjunct, an agent of an active verb.

use super::Arcs;
use crate::tree::lower_is_one_of;

impl Arcs<'_, '_> {
    /// "Associated Press reported, …" read with "Press" as a `compound` of "reported": a
    /// noun before a verb that has no subject is its subject (see the module's notes).
    pub(super) fn subject_read_as_compound(&mut self, a: usize, b: usize) {
        for k in a..b {
            let Some(h) = self.head(k) else { continue };
            if self.rels[k] != "compound" || h <= k || self.upos(h) != "VERB" || !matches!(self.upos(k), "NOUN" | "PROPN") {
                continue;
            }
            if self.has_child(h, a..b, "nsubj") || self.has_child(h, a..b, "expl") {
                continue;
            }
            // A "verb" that is another verb's object is a noun the tagger misread, and the
            // noun before it its modifier ("carried out *air strikes*").
            if self.rels[h] == "obj" {
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

    /// "fled their homes after gangs attacked the town" read with "after gangs" as a phrase
    /// and "attacked" without a subject: a conjunction of time before a noun and a verb
    /// that has no subject opens that verb's clause, whose subject the noun is.
    pub(super) fn subject_read_as_object_of_conjunction(&mut self, a: usize, b: usize) {
        for p in a..b {
            if self.rels[p] != "case" || !lower_is_one_of(self.word(p), &["after", "before", "since", "until", "when", "while"]) {
                continue;
            }
            let Some(n) = self.head(p).filter(|&n| n > p && matches!(self.upos(n), "NOUN" | "PROPN" | "PRON") && (self.rels[n].starts_with("nmod") || self.rels[n].starts_with("obl"))) else { continue };
            // The verb right after the noun's words.
            let Some(v) = (n + 1..b).find(|&k| !self.under(k, n, n..b)) else { continue };
            if self.upos(v) != "VERB" || !matches!(self.xpos(v), "VBD" | "VBZ" | "VBP") || self.has_child(v, a..b, "nsubj") || self.under(n, v, a..b) || (p + 1..n).any(|k| !self.under(k, n, p..n + 1)) {
                continue;
            }
            self.set(n, Some(v), "nsubj");
            self.set(p, Some(v), "mark");
        }
    }

    /// "Colombia's government and the ELN rebels resumed peace talks" read with the first
    /// noun as the root and the verb as its conjunct with the second noun as subject: two
    /// nouns joined by "and" before a verb are its subject together.
    pub(super) fn subjects_read_as_noun_and_clause(&mut self, a: usize, b: usize) {
        let Some(r) = (a..b).find(|&k| self.head(k).is_none()) else { return };
        if !matches!(self.upos(r), "NOUN" | "PROPN") {
            return;
        }
        let Some(v) = (r + 1..b).find(|&k| self.head(k) == Some(r) && self.rels[k] == "conj" && self.upos(k) == "VERB" && matches!(self.xpos(k), "VBD" | "VBZ" | "VBP")) else { return };
        let Some(s) = (r + 1..v).find(|&k| self.head(k) == Some(v) && self.rels[k] == "nsubj" && matches!(self.upos(k), "NOUN" | "PROPN")) else { return };
        let Some(c) = (r + 1..s).find(|&k| matches!(self.head(k), Some(h) if h == v || h == s) && self.rels[k] == "cc" && lower_is_one_of(self.word(k), &["and"])) else { return };
        // Only the first noun's own words before the "and".
        if (r + 1..c).any(|k| !self.under(k, r, a..c)) {
            return;
        }
        self.set(v, None, "root");
        self.set(r, Some(v), "nsubj");
        self.set(s, Some(r), "conj");
        self.set(c, Some(s), "cc");
        self.move_punctuation(r, v, v..b);
    }

    /// "Ukraine's air force said it had shot down 11 of 14 drones …" read with "had" as the
    /// verb and "shot" as its object: a participle right after a form of "have" that is
    /// its object is the perfect, with "have" its auxiliary and the subject its own. So is
    /// one read as a modifier of the object after it ("countries he said had *sent*
    /// immigrants": "sent immigrants" as a kind of immigrants).
    pub(super) fn perfect_read_as_object(&mut self, a: usize, b: usize) {
        for k in a + 1..b {
            let h = k - 1;
            if self.upos(k) != "VERB" || self.xpos(k) != "VBN" {
                continue;
            }
            let object = self.rels[k] == "obj" && self.head(k) == Some(h);
            let modifier = self.rels[k] == "amod" && self.rels[h] != "aux" && self.upos(h) == "AUX" && self.head(k).is_some_and(|n| n > k && self.head(n) == Some(h) && self.rels[n] == "obj");
            if !object && !modifier {
                continue;
            }
            if !lower_is_one_of(self.word(h), &["had", "has", "have", "'d", "'s", "'ve", "’d", "’s", "’ve"]) {
                continue;
            }
            let (head, rel) = (self.head(h), self.rels[h]);
            for c in a..b {
                if c != k && self.head(c) == Some(h) {
                    let r = self.rels[c];
                    self.set(c, Some(k), r);
                }
            }
            self.set(k, head, rel);
            self.set(h, Some(k), "aux");
        }
    }

    /// "South Korea and the United States held joint exercises" read with two subjects of
    /// the verb and the "and" hung from the verb (or from the second subject): the second
    /// subject is a conjunct of the first.
    pub(super) fn second_subject_read_beside_the_first(&mut self, a: usize, b: usize) {
        for c in a..b {
            let Some(h) = self.head(c) else { continue };
            if self.rels[c] != "cc" || h <= c || !lower_is_one_of(self.word(c), &["and", "or"]) {
                continue;
            }
            // The "and" hangs from the verb, or from the second subject itself ("Sudan's
            // army and the Rapid Support Forces agreed …" with both read as subjects).
            let v = if self.rels[h] == "nsubj" { match self.head(h) { Some(v) if v > h => v, _ => continue } } else { h };
            let first = (a..c).rev().find(|&k| self.head(k) == Some(v) && self.rels[k] == "nsubj");
            let second = (c + 1..v).find(|&k| self.head(k) == Some(v) && self.rels[k] == "nsubj");
            let (Some(first), Some(second)) = (first, second) else { continue };
            // Only the second subject's own words between the "and" and it.
            if (c + 1..second).any(|k| !self.under(k, second, c + 1..second + 1)) || (first + 1..c).any(|k| !self.under(k, first, a..c)) {
                continue;
            }
            self.set(second, Some(first), "conj");
            self.set(c, Some(second), "cc");
        }
    }

    /// "…; Gov. Mary Fallin, who opposes abortion, vetoed the bill" read with the name as
    /// an apposition of a word before the semicolon and "vetoed" joined to the first
    /// clause without a subject: nothing stands in apposition across a semicolon, so the
    /// name is the subject of the first verb after it that has none.
    pub(super) fn subject_after_semicolon(&mut self, a: usize, b: usize) {
        for s in a..b {
            if self.word(s) != ";" {
                continue;
            }
            // The apposition's head after the semicolon, with its words before it its own.
            let Some(p) = (s + 1..b).find(|&p| self.rels[p] == "appos" && self.head(p).is_some_and(|d| d < s)) else { continue };
            if !matches!(self.upos(p), "PROPN" | "NOUN") || (s + 1..p).any(|k| !self.under(k, p, s + 1..p)) {
                continue;
            }
            // The verb: the first after the name's words that has no subject.
            let Some(v) = (p + 1..b).find(|&k| self.upos(k) != "PUNCT" && !self.under(k, p, p..b)) else { continue };
            if self.upos(v) != "VERB" || self.has_child(v, a..b, "nsubj") || self.has_child(v, a..b, "expl") || !matches!(self.xpos(v), "VBD" | "VBZ" | "VBP") {
                continue;
            }
            self.set(p, Some(v), "nsubj");
        }
    }

    /// "In the debate Saturday, Sen. Bernie Sanders apologized" read with the day as the
    /// subject (or an oblique) and the senator as its apposition: a name in apposition to a
    /// time before a verb with no other subject is that verb's subject, and the time says
    /// when.
    pub(super) fn subject_read_as_apposition_of_time(&mut self, a: usize, b: usize) {
        for p in a + 1..b {
            let Some(d) = self.head(p).filter(|&d| d < p && self.rels[p] == "appos" && matches!(self.upos(p), "PROPN" | "NOUN")) else { continue };
            let Some(v) = self.head(d).filter(|&v| v > p && self.upos(v) == "VERB") else { continue };
            if !matches!(self.rels[d], "nsubj" | "obl" | "obl:tmod" | "obl:unmarked") || !self.within_time(d) || self.within_time(p) {
                continue;
            }
            if (a..b).any(|k| k != d && self.head(k) == Some(v) && self.rels[k].starts_with("nsubj")) {
                continue;
            }
            self.set(p, Some(v), "nsubj");
            self.set(d, Some(v), "obl:tmod");
        }
    }

    /// "In the interview, Reid, who endorsed Clinton in February, reiterated …" read with
    /// the name as an apposition of the fronted phrase ("interview, Reid") and the relative
    /// clause on the phrase: a name after the comma that closes a fronted phrase with a
    /// preposition, before a verb with no subject, is the verb's subject, and the clauses
    /// after it are about it.
    pub(super) fn subject_read_as_apposition_of_setting(&mut self, a: usize, b: usize) {
        for p in a + 2..b {
            let Some(d) = self.head(p).filter(|&d| d < p && self.rels[p] == "appos" && self.upos(p) == "PROPN" && self.word(p - 1) == ",") else { continue };
            let Some(v) = self.head(d).filter(|&v| v > p && self.upos(v) == "VERB" && self.rels[d] == "obl") else { continue };
            if self.case_word(d, a..d).is_none() || (a..b).any(|k| self.head(k) == Some(v) && self.rels[k].starts_with("nsubj")) {
                continue;
            }
            self.set(p, Some(v), "nsubj");
            for c in p + 1..v {
                if self.head(c) == Some(d) && (self.rels[c].starts_with("acl") || self.rels[c] == "punct") {
                    let rel = self.rels[c];
                    self.set(c, Some(p), rel);
                }
            }
        }
    }

    /// "… Marco Rubio, who many in the Republican establishment had backed" read with
    /// "who" as a second subject of "backed" and the clause on a noun before the name: a
    /// relative "who"/"whom" followed by the clause's own subject is its object, and a
    /// clause about a person opened right after a name hangs from that name.
    pub(super) fn relative_object_read_as_subject(&mut self, a: usize, b: usize) {
        for w in a + 1..b.saturating_sub(1) {
            // The arcs first: they rule out nearly every word without reading it.
            let Some(v) = self.head(w).filter(|&v| v > w && v < b && self.rels[w].starts_with("nsubj") && self.rels[v].starts_with("acl")) else { continue };
            if !lower_is_one_of(self.word(w), &["who", "whom"]) {
                continue;
            }
            // The clause's own subject after the pronoun.
            // (Not a time read as one: "Cruz, who last year threatened …".)
            let other = (w + 1..v).any(|k| self.head(k) == Some(v) && self.rels[k].starts_with("nsubj") && matches!(self.upos(k), "NOUN" | "PROPN" | "PRON" | "ADJ" | "NUM") && !self.within_time(k));
            if !other {
                continue;
            }
            self.set(w, Some(v), "obj");
            for k in w + 1..v {
                if self.head(k) == Some(v) && self.rels[k] == "nsubj:pass" {
                    self.set(k, Some(v), "nsubj");
                }
            }
            // The name right before the comma, if the clause hangs elsewhere.
            let Some(name) = w.checked_sub(2).filter(|&n| self.word(w - 1) == "," && self.upos(n) == "PROPN") else { continue };
            let mut top = name;
            while self.rels[top] == "flat" || self.rels[top] == "compound" {
                match self.head(top) {
                    Some(h) if h < w => top = h,
                    _ => break,
                }
            }
            if self.head(v) != Some(top) && self.head(v).is_some_and(|h| h < top) {
                let rel = self.rels[v];
                self.set(v, Some(top), rel);
            }
        }
    }

    /// "M23 rebels seized the town of Sake, 25 km west of Goma, on Tuesday …, residents
    /// said" read with "km" as a subject of "said" (and "Tuesday" hung from it): a
    /// distance and bearing after a comma ("25 km west of Goma", "40 miles north of …")
    /// says where the place before it is; it hangs from that place's phrase.
    pub(super) fn distance_read_as_subject(&mut self, a: usize, b: usize) {
        for k in a + 2..b.saturating_sub(3) {
            let unit = k + 1;
            // The number first: it rules out nearly every word without reading it.
            if self.upos(k) != "NUM" {
                continue;
            }
            let bearing = lower_is_one_of(self.word(k + 2), &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"]);
            let distance = lower_is_one_of(self.word(unit), &["km", "kilometres", "kilometers", "kms", "miles", "mi"]) && bearing && lower_is_one_of(self.word(k + 3), &["of"]);
            if !distance || self.word(k - 1) != "," {
                continue;
            }
            if !self.head(unit).is_some_and(|v| v > unit && self.rels[unit].starts_with("nsubj")) {
                continue;
            }
            // The place phrase before the comma: its head.
            let mut place = k - 2;
            for _ in 0..4 {
                match self.head(place) {
                    Some(h) if h < k - 1 && matches!(self.rels[place], "flat" | "compound" | "nmod") && matches!(self.upos(h), "NOUN" | "PROPN") => place = h,
                    _ => break,
                }
            }
            if !matches!(self.upos(place), "NOUN" | "PROPN") || self.head(place).is_none() {
                continue;
            }
            self.set(unit, Some(place), "appos");
        }
    }

    /// "Sanders' widely criticized interview … was a mistake" read with the possessive
    /// apostrophe as punctuation and "Sanders" as the subject of "criticized": a name
    /// ending in "s" before a lone apostrophe, then a participle and a noun, is the noun's
    /// possessor, and the participle describes the noun; the clause is the noun's verb's
    /// (or the noun's, when the parser made it the participle's object).
    pub(super) fn possessive_apostrophe_read_as_subject(&mut self, a: usize, b: usize) {
        for k in a..b.saturating_sub(3) {
            let apostrophe = matches!(self.word(k + 1), "'" | "’") && self.word(k).ends_with(['s', 'S']) && matches!(self.upos(k), "PROPN" | "NOUN");
            let Some(v) = self.head(k).filter(|&v| apostrophe && v > k + 1 && v < b && self.rels[k].starts_with("nsubj") && self.upos(v) == "VERB" && matches!(self.xpos(v), "VBN" | "VBD")) else { continue };
            // Only adverbs between the apostrophe and the participle ("widely").
            if (k + 2..v).any(|x| self.upos(x) != "ADV") {
                continue;
            }
            // The noun described: the first common noun after the participle that is some
            // other word's subject.
            // (Read as the participle's object instead, it takes the participle's place.)
            let Some(n) = (v + 1..b).take(6).find(|&x| self.upos(x) == "NOUN") else { continue };
            let (up, rel) = (self.head(v), self.rels[v]);
            let h = match self.head(n) {
                Some(h) if h != v && self.rels[n].starts_with("nsubj") => h,
                Some(h) if h == v && self.rels[n] == "obj" => {
                    self.set(n, up, rel);
                    n
                }
                _ => continue,
            };
            if self.head(h) == Some(v) {
                self.set(h, up, rel);
            }
            for c in a..b {
                if self.head(c) == Some(v) && c != k && c != k + 1 && !(k + 2..v).contains(&c) && !(v..=n).contains(&c) {
                    let r = self.rels[c];
                    self.set(c, Some(h), r);
                }
            }
            self.set(v, Some(n), "amod");
            self.set(k, Some(n), "nmod:poss");
            self.set(k + 1, Some(k), "case");
        }
    }

    /// "Trump called Clinton, his Democratic challenger, an ISIS co-founder" read with the
    /// name given hung from the apposition (`nmod` with no preposition): after a verb of
    /// naming, a noun phrase opened by "a"/"an" inside the object's phrase with no
    /// preposition of its own is what the object is called (`xcomp`).
    pub(super) fn name_given_read_as_modifier_of_object(&mut self, a: usize, b: usize) {
        for v in a..b {
            if self.upos(v) != "VERB" || !lower_is_one_of(self.doc.syntax.lemma(v), &["call", "name", "label", "brand", "dub"]) {
                continue;
            }
            let Some(o) = (v + 1..b).find(|&k| self.head(k) == Some(v) && self.rels[k] == "obj") else { continue };
            if (v + 1..b).any(|k| self.head(k) == Some(v) && self.rels[k] == "xcomp") {
                continue;
            }
            // (Or read as a second apposition of the object: "Zelensky, the Ukrainian
            // president, a puppet of the West".)
            // (The first phrase after the object may also be read as the verb's oblique.)
            let first = (o + 1..b).find(|&c| (self.head(c) == Some(o) && self.rels[c] == "appos") || (self.head(c) == Some(v) && self.rels[c] == "obl" && self.word(c.saturating_sub(1)) != "," && (o + 1..c).any(|k| self.word(k) == ",")));
            let second_apposition = |n: usize| self.rels[n] == "appos" && first.is_some_and(|f| f < n && (self.head(n) == Some(o) || self.head(n) == Some(f)));
            let given = (o + 1..b).find(|&n| {
                ((self.rels[n] == "nmod" && self.under(n, o, o..b)) || second_apposition(n))
                    && !(a..b).any(|c| self.head(c) == Some(n) && self.rels[c] == "case")
                    && (a..n).any(|c| self.head(c) == Some(n) && self.rels[c] == "det" && lower_is_one_of(self.word(c), &["a", "an"]))
            });
            if let Some(n) = given {
                self.set(n, Some(v), "xcomp");
            }
        }
    }

    /// Whether token `k` lies inside a time expression.
    fn within_time(&self, k: usize) -> bool {
        let s = self.doc.text_layer.tokens[k].span;
        self.doc.time.times.iter().any(|t| t.span.start <= s.start && s.end <= t.span.end)
    }

    /// "Trump has not yet responded to Calderon" read with "Trump" as a passive subject: a
    /// clause has a passive subject only with a passive auxiliary ("was", "got"); a verb
    /// with neither one nor a form of "be" or "get" among its auxiliaries has an active
    /// subject, which acts rather than being acted upon. (A participle with no
    /// auxiliary at all keeps its passive subject.)
    pub(super) fn passive_subject_without_passive(&mut self, a: usize, b: usize) {
        for k in a..b {
            let Some(v) = self.head(k) else { continue };
            if self.rels[k] != "nsubj:pass" || k > v || v >= b || self.upos(v) != "VERB" {
                continue;
            }
            let passive = (a..b).any(|c| {
                self.head(c) == Some(v)
                    && (self.rels[c] == "aux:pass"
                        || (matches!(self.rels[c], "aux" | "cop") && lower_is_one_of(self.word(c), &["be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "get", "gets", "got", "gotten", "getting"])))
            });
            // A participle with no auxiliary at all is a reduced passive ("Bergdahl, a
            // prisoner of war now charged with desertion", a headline's "Five killed in
            // blast"): its subject is acted upon.
            let bare_participle = self.xpos(v) == "VBN" && !(a..b).any(|c| self.head(c) == Some(v) && self.rels[c].starts_with("aux"));
            if !passive && !bare_participle {
                self.set(k, Some(v), "nsubj");
            }
        }
    }

    /// "Tehran retaliated by seizing a tanker" read as a noun phrase ("Tehran [that was]
    /// retaliated"), "Beijing responded by imposing sanctions" with "Beijing" as the
    /// verb's passive auxiliary: a place named right before a participle or past tense
    /// with no subject of its own, and no form of "be" or "get" beside it, is the verb's
    /// subject (capitals stand for their governments).
    pub(super) fn place_read_as_modifier_of_verb(&mut self, a: usize, b: usize) {
        for n in a..b.saturating_sub(1) {
            let v = n + 1;
            if self.upos(v) != "VERB" || !matches!(self.xpos(v), "VBN" | "VBD") || self.has_child(v, a..b, "nsubj") {
                continue;
            }
            let span = self.doc.text_layer.tokens[n].span;
            if !self.doc.places.places.iter().any(|p| p.span.start <= span.start && span.end <= p.span.end) {
                continue;
            }
            // Only the place's own words before it (a sentence's first words).
            if (a..n).any(|k| self.head(k) != Some(n)) {
                continue;
            }
            // Nor a headline's passive with its agent ("Gaza bombed by Israeli jets").
            let be = (a..b).any(|c| self.head(c) == Some(v) && c != n && matches!(self.rels[c], "aux" | "aux:pass" | "cop"));
            let agent = (v + 1..b).any(|c| self.head(c) == Some(v) && self.rels[c].starts_with("obl") && self.case_word(c, v + 1..c).is_some_and(|w| w.eq_ignore_ascii_case("by")));
            if be || agent {
                continue;
            }
            match (self.head(n), self.head(v)) {
                // The place at the top, the verb its modifier.
                (None, Some(h)) if h == n && self.rels[v].starts_with("acl") => {
                    for c in v + 1..b {
                        if self.head(c) == Some(n) {
                            let r = self.rels[c];
                            self.set(c, Some(v), r);
                        }
                    }
                    self.set(v, None, "root");
                    self.set(n, Some(v), "nsubj");
                }
                // The place read as the verb's auxiliary or passive subject.
                (Some(h), _) if h == v && matches!(self.rels[n], "aux" | "aux:pass" | "nsubj:pass") => {
                    self.set(n, Some(v), "nsubj");
                }
                _ => {}
            }
        }
    }

    /// The two subjects (`nsubj`) of verb `v` in `[a, v)`, when it has exactly two.
    fn two_subjects(&self, a: usize, v: usize) -> Option<(usize, usize)> {
        let mut subjects = (a..v).filter(|&k| self.head(k) == Some(v) && self.rels[k] == "nsubj");
        match (subjects.next(), subjects.next(), subjects.next()) {
            (Some(s1), Some(s2), None) => Some((s1, s2)),
            _ => None,
        }
    }

    /// Whether some verb in `[a, b)` has two subjects (`nsubj`) before it, as
    /// [`Arcs::two_subjects`] needs: a mend that looks for two and makes none is done
    /// without them. (Nearly every sentence with two subjects has them on two verbs; the
    /// verbs of the first few subjects are kept on the stack, and past them the answer
    /// is "maybe".)
    pub(super) fn two_subjects_in(&self, a: usize, b: usize) -> bool {
        let mut verbs = [0u32; 8];
        let mut seen = 0;
        for k in a..b {
            let Some(v) = self.heads[k] else { continue };
            if self.rels[k] != "nsubj" || v as usize <= k || self.upos(v as usize) != "VERB" {
                continue;
            }
            if verbs[..seen].contains(&v) || seen == verbs.len() {
                return true;
            }
            verbs[seen] = v;
            seen += 1;
        }
        false
    }

    /// The comma right before the phrase of the second of two subjects `(s1, s2)` of verb
    /// `r` (or hung on that phrase), if there is one after the first subject.
    fn comma_before_second_subject(&self, a: usize, r: usize, (s1, s2): (usize, usize)) -> Option<usize> {
        let f2 = self.phrase_start(s2, a, r);
        let comma = if self.word(f2) == "," { Some(f2) } else { f2.checked_sub(1) };
        comma.filter(|&k| k > s1 && self.word(k) == ",")
    }

    /// The first word of the phrase of `s`, a dependent of verb `v`, in `[a, v)`.
    fn phrase_start(&self, s: usize, a: usize, v: usize) -> usize {
        (a..s).find(|&k| self.under(k, s, a..v)).unwrap_or(s)
    }

    /// "Russian troops seized the airport outside Kyiv on Thursday, officials said" read
    /// with "Kyiv" as a second subject of "said" and "outside" as a modifier of "seized":
    /// of two subjects of one verb, the first, right after a word of place ("outside",
    /// "near", "inside", "beyond" …) hung from a verb before it, is where that verb's
    /// deed happened (its oblique, the word of place its preposition), with what hangs
    /// from it ("on Thursday").
    pub(super) fn place_read_as_second_subject(&mut self, a: usize, b: usize) {
        if !self.two_subjects_in(a, b) {
            return;
        }
        for v in a + 3..b {
            if self.upos(v) != "VERB" {
                continue;
            }
            let Some((s1, _)) = self.two_subjects(a, v) else { continue };
            // The first word of the first subject's phrase, and the word before it.
            let Some(l) = self.phrase_start(s1, a, v).checked_sub(1).filter(|&l| l > a) else { continue };
            let locative = lower_is_one_of(self.word(l), &["outside", "near", "inside", "beyond", "around", "across", "behind", "along", "toward", "towards", "off", "past", "within"]);
            let Some(w) = self.head(l).filter(|&w| w < l && self.upos(w) == "VERB") else { continue };
            if !locative || !matches!(self.upos(s1), "PROPN" | "NOUN") {
                continue;
            }
            self.set(l, Some(s1), "case");
            self.set(s1, Some(w), "obl");
        }
    }

    /// "Israeli aircraft struck a school sheltering displaced families in Gaza on Saturday,
    /// the agency said" read with "families" as a second subject of "said": of two
    /// subjects of a verb whose reported clause comes first, the one before the comma
    /// that opens the reporting clause is inside the reported clause — it hangs from the
    /// word before it ("sheltering"), as its object when that word is a verb with none,
    /// else as its modifier.
    pub(super) fn subject_of_saying_inside_what_was_said(&mut self, a: usize, b: usize) {
        if !self.two_subjects_in(a, b) {
            return;
        }
        for r in a + 4..b {
            if self.upos(r) != "VERB" {
                continue;
            }
            let Some((s1, s2)) = self.two_subjects(a, r) else { continue };
            // The reported clause before the first subject.
            let Some(c) = (a..s1).find(|&k| self.head(k) == Some(r) && (self.rels[k].starts_with("ccomp") || self.rels[k] == "parataxis")) else { continue };
            let Some(comma) = self.comma_before_second_subject(a, r, (s1, s2)) else { continue };
            if (s1 + 1..comma).any(|k| self.head(k) == Some(r) && self.upos(k) != "PUNCT") {
                continue;
            }
            // "hit two houses in Khan Younis *overnight*, killing at least nine people, …
            // officials said": a word of time is when the reported deed was done, and a
            // participle it was given is what that deed did.
            if lower_is_one_of(self.word(s1), &["overnight", "yesterday", "today", "tonight", "earlier", "later"]) && (s1 + 1..comma).all(|k| self.under(k, s1, a..b)) {
                for k in s1 + 1..comma {
                    if self.head(k) == Some(s1) && self.rels[k] == "acl" && self.xpos(k) == "VBG" {
                        self.set(k, Some(c), "advcl");
                    } else if self.head(k) == Some(s1) && self.upos(k) == "PUNCT" {
                        self.set(k, Some(r), "punct");
                    }
                }
                self.set(s1, Some(c), "advmod");
                continue;
            }
            let f1 = self.phrase_start(s1, a, r);
            let Some(w) = f1.checked_sub(1).filter(|&w| w > c && self.under(w, c, a..b) && self.upos(w) != "PUNCT") else { continue };
            let verbal = self.upos(w) == "VERB";
            let rel = if verbal && !self.has_child(w, a..b, "obj") { "obj" } else { "nmod" };
            self.set(s1, Some(w), rel);
            // The comma and what hung on it go with the reporting clause.
            for k in s1 + 1..comma {
                if self.head(k) == Some(s1) && self.upos(k) == "PUNCT" {
                    self.set(k, Some(r), "punct");
                }
            }
        }
    }

    /// "Ukrainian forces shot down 18 of 22 drones launched by Russia overnight, the air
    /// force said" read with "18" as a second subject of "said", the reporting clause
    /// hung from "shot": of two subjects of a closing reporting verb, the first, right
    /// after the verb it hangs from (or its particle), is that verb's object when it has
    /// none, and what hung from the reporting verb before the comma is that verb's.
    pub(super) fn object_read_as_subject_of_closing_report(&mut self, a: usize, b: usize) {
        if !self.two_subjects_in(a, b) {
            return;
        }
        for r in a + 4..b {
            let Some(v) = self.head(r).filter(|&v| v < r && self.rels[r] == "parataxis" && self.upos(r) == "VERB" && self.upos(v) == "VERB") else { continue };
            let Some((s1, s2)) = self.two_subjects(a, r) else { continue };
            let Some(comma) = self.comma_before_second_subject(a, r, (s1, s2)) else { continue };
            let f1 = self.phrase_start(s1, a, r);
            let right_after = f1 > v && (v + 1..f1).all(|k| self.head(k) == Some(v) && self.rels[k] == "compound:prt");
            if !right_after || self.has_child(v, a..b, "obj") || !matches!(self.upos(s1), "NUM" | "NOUN" | "PROPN") {
                continue;
            }
            self.set(s1, Some(v), "obj");
            for k in s1 + 1..comma {
                if self.head(k) == Some(r) && matches!(self.rels[k], "advmod" | "obl" | "obl:tmod" | "nmod:tmod" | "obl:npmod") {
                    self.set(k, Some(v), self.rels[k]);
                }
            }
        }
    }

    /// "Russian artillery struck the plant overnight, local officials said" read with
    /// "overnight" as a modifier of "officials": a word before the comma that opens a
    /// closing reporting clause is no part of its subject's phrase; it belongs to the
    /// reported clause before the comma (as its verb's modifier), the comma to the
    /// reporting verb.
    pub(super) fn modifier_across_the_reporting_comma(&mut self, a: usize, b: usize) {
        // A reported clause is needed (this mend makes none).
        if !self.rels[a..b].iter().any(|r| r.starts_with("ccomp") || *r == "parataxis") {
            return;
        }
        for r in a + 4..b {
            if self.upos(r) != "VERB" {
                continue;
            }
            let Some(s) = (a..r).rev().find(|&k| self.head(k) == Some(r) && self.rels[k] == "nsubj") else { continue };
            let Some(c) = (a..s).find(|&k| self.head(k) == Some(r) && (self.rels[k].starts_with("ccomp") || self.rels[k] == "parataxis")) else { continue };
            // The comma nearest before the subject, with only the subject's words between.
            let Some(comma) = (c + 1..s).rev().find(|&k| self.word(k) == ",") else { continue };
            if !(comma + 1..s).all(|k| self.under(k, s, a..r)) {
                continue;
            }
            for d in c + 1..comma {
                if self.head(d) == Some(s) && matches!(self.rels[d], "amod" | "advmod" | "nmod" | "nmod:tmod" | "nmod:unmarked" | "obl" | "obl:tmod") {
                    let rel = if matches!(self.upos(d), "NOUN" | "PROPN" | "NUM") { "obl" } else { "advmod" };
                    self.set(d, Some(c), rel);
                }
            }
            if self.head(comma).is_some_and(|h| h != r && h < comma) {
                self.set(comma, Some(r), "punct");
            }
        }
    }

    /// "explosions were heard before dawn and gunfire was reported in several areas" read
    /// with "gunfire" as a conjunct of "dawn": a noun right before "was"/"were" and a
    /// passive participle that has no subject is that participle's subject, and the "and"
    /// before the noun joins the participle's clause.
    pub(super) fn subject_before_passive_read_as_conjunct(&mut self, a: usize, b: usize) {
        for v in a + 2..b {
            let (aux, n) = (v - 1, v - 2);
            if self.upos(v) != "VERB" || self.xpos(v) != "VBN" || self.head(aux) != Some(v) || self.rels[aux] != "aux:pass" || !lower_is_one_of(self.word(aux), &["was", "were"]) {
                continue;
            }
            if !matches!(self.upos(n), "NOUN" | "PROPN") || self.head(n) == Some(v) || !matches!(self.rels[n], "conj" | "obj" | "nmod") {
                continue;
            }
            // The participle may have been given the noun's first conjunct as its subject
            // ("before dawn and gunfire" as one subject): a phrase with a preposition of its
            // own is no subject, and goes back to the verb before.
            let subject = (a..b).find(|&c| self.head(c) == Some(v) && self.rels[c].starts_with("nsubj"));
            let when_or_where = |w: &str| lower_is_one_of(w, &["before", "after", "during", "since", "until", "in", "on", "at", "near", "from", "overnight"]);
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

    /// "condemned an attack by Osgiliath soldiers" read with the soldiers as the agent of
    /// "condemned": a verb with a subject of its own and no passive auxiliary has no
    /// agent, so a "by" phrase right after its object is the object's.
    pub(super) fn agent_of_an_active_verb(&mut self, a: usize, b: usize) {
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

    /// "President Ilham Aliyev and President of the European Commission Jose Manuel
    /// Barroso held a meeting" read with "Jose Manuel Barroso" as a second subject: a name
    /// right after the first subject's phrase, with no comma or "and" between, is in
    /// apposition to that phrase's last title ("President [of the European Commission]"),
    /// and the words between belong to the title.
    pub(super) fn name_read_as_second_subject(&mut self, a: usize, b: usize) {
        // Two subjects of one verb need two in the sentence (this mend makes none).
        if !self.two_subjects_in(a, b) {
            return;
        }
        for v in a + 2..b {
            if self.upos(v) != "VERB" {
                continue;
            }
            let mut subjects = (a..v).filter(|&k| self.head(k) == Some(v) && self.rels[k] == "nsubj");
            let (Some(s1), Some(s2), None) = (subjects.next(), subjects.next(), subjects.next()) else { continue };
            if self.upos(s2) != "PROPN" || !matches!(self.upos(s2 - 1), "NOUN" | "PROPN") {
                continue;
            }
            // The word before the name is inside the first subject's phrase.
            if !self.under(s2 - 1, s1, a..v) || (s1 + 1..s2).any(|k| self.word(k) == ",") {
                continue;
            }
            // The title: the first subject's last conjunct before the name, else itself.
            let title = (s1 + 1..s2).rev().find(|&k| self.head(k) == Some(s1) && self.rels[k] == "conj").unwrap_or(s1);
            for k in title + 1..s2 {
                if self.head(k) == Some(s1) && self.rels[k].starts_with("nmod") {
                    self.set(k, Some(title), self.rels[k]);
                }
            }
            self.set(s2, Some(title), "appos");
        }
    }
}
