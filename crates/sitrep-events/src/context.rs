//! What the coder needs from the other layers, indexed by token: which entity, place and
//! time expression each token belongs to.

use std::cell::Cell;

use sitrep_core::{Doc, Factuality, Participant, PlaceRole, Sex, Span};

use crate::tree::Tree;

static COUNTRIES: &str = include_str!("../../../data/actors/countries.tsv");

/// Things news names after a place that are no party of that place: "the Benghazi panel
/// report", "the Illinois primary".
const NAMED_AFTER_PLACES: &[&str] = &[
    "report", "panel", "hearing", "committee", "probe", "inquiry", "investigation", "scandal", "affair", "story", "trial", "case", "law", "primary", "caucus",
    "caucuses", "debate", "rally", "visit", "trip",
];

/// Pacts and meetings named after a place: after a city they say where ("the Paris
/// agreement", "the Minsk talks"), after a country with whom ("the Iran deal").
const PACTS: &[&str] = &["deal", "agreement", "accord", "talks", "summit", "conference", "meeting", "treaty", "pact"];

/// The CAMEO country code of an ISO 3166 alpha-2 code ("UA" → "UKR").
pub fn country_code(iso2: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        COUNTRIES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut c = l.split('\t');
                let (_iso3, iso2, cameo) = (c.next()?, c.next()?, c.next()?);
                Some((iso2, cameo))
            })
            .collect()
    });
    map.get(iso2).copied()
}

/// How much an analyst would rather have each kind of entity stand for a participant.
fn rank(kind: sitrep_core::EntityType) -> u8 {
    use sitrep_core::EntityType::*;
    match kind {
        Person => 0,
        Org | Group => 1,
        Norp => 2,
        Gpe => 3,
        _ => 4,
    }
}

/// Per-token lookups into the entity, place and time layers.
pub struct Context<'a> {
    /// The report.
    pub doc: &'a Doc,
    /// Its dependency trees.
    pub tree: Tree<'a>,
    entity_of: Vec<Option<(u32, Span)>>,
    place_of: Vec<Option<u32>>,
    time_of: Vec<Option<u32>>,
    sentence_of: Vec<u32>,
    /// Per clause head: the multi-word factuality cue in its words, once looked for.
    clause_cues: Vec<Cell<Option<Option<Factuality>>>>,
}

/// Whether the phrase at `span` is a sum of money: it opens with a currency sign, or with
/// a number followed by a currency ("$1 trillion", "275 million euros"), after any words
/// that make it rough ("somewhere between $20,000 and $30,000", "more than $5 million").
pub(crate) fn money(text: &str, span: Span) -> bool {
    let rough = |w: &&str| matches!(w.to_ascii_lowercase().as_str(), "about" | "around" | "some" | "somewhere" | "between" | "nearly" | "almost" | "roughly" | "approximately" | "up" | "to" | "more" | "less" | "than" | "over" | "under" | "as" | "much" | "at" | "least");
    let words: Vec<&str> = span.of(text).split_whitespace().skip_while(rough).take(4).collect();
    let currency = |w: &str| matches!(w.trim_end_matches([',', '.']).to_ascii_lowercase().as_str(), "dollars" | "euros" | "pounds" | "rubles" | "roubles" | "yuan" | "yen" | "rupees" | "hryvnias");
    let number = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit()) || matches!(w, "million" | "billion" | "trillion");
    match words.first() {
        Some(w) if w.starts_with(['$', '€', '£', '¥']) => true,
        Some(w) if number(w) => words[1..].iter().take_while(|w| number(w) || currency(w)).any(|w| currency(w)),
        _ => false,
    }
}

/// The tokens a character span touches.
pub(crate) fn tokens_of(doc: &Doc, span: Span) -> std::ops::Range<usize> {
    let tokens = &doc.text_layer.tokens;
    let a = tokens.partition_point(|t| t.span.end <= span.start);
    let b = tokens.partition_point(|t| t.span.start < span.end);
    a..b.max(a)
}

/// The head token of the phrase at `span` (a participant's words).
pub(crate) fn phrase_head(cx: &Context, span: Span) -> Option<usize> {
    head_of(cx, &tokens_of(cx.doc, span))
}

/// The head of a token range: the token whose head lies outside it (else its first token).
pub(crate) fn head_of(cx: &Context, r: &std::ops::Range<usize>) -> Option<usize> {
    r.clone().find(|&i| cx.tree.head(i).is_none_or(|h| !r.contains(&h))).or(r.clone().next())
}

impl<'a> Context<'a> {
    /// Index `doc`'s layers.
    pub fn new(doc: &'a Doc) -> Context<'a> {
        let n = doc.text_layer.tokens.len();
        let range = |span: Span| tokens_of(doc, span);
        let mut entity_of = vec![None; n];
        for (i, e) in doc.entities.entities.iter().enumerate() {
            for &m in &e.mentions {
                for t in range(m) {
                    entity_of[t] = Some((i as u32, m));
                }
            }
        }
        let mut place_of = vec![None; n];
        for (i, p) in doc.places.places.iter().enumerate() {
            for t in range(p.span) {
                place_of[t] = Some(i as u32);
            }
        }
        let mut time_of = vec![None; n];
        for (i, t) in doc.time.times.iter().enumerate() {
            for k in range(t.span) {
                time_of[k] = Some(i as u32);
            }
        }
        let mut sentence_of = vec![0u32; n];
        for (si, s) in doc.text_layer.sentences.iter().enumerate() {
            for t in s.tokens() {
                sentence_of[t] = si as u32;
            }
        }
        let clause_cues = vec![Cell::new(None); n];
        Context { doc, tree: Tree::new(doc), entity_of, place_of, time_of, sentence_of, clause_cues }
    }

    /// The sentence number of token `t`.
    pub fn sentence(&self, t: usize) -> usize {
        self.sentence_of[t] as usize
    }

    /// The multi-word factuality cue of the clause headed by `clause`: `find` it the first
    /// time, remember it after (events of one sentence share the clauses above them).
    pub fn clause_cue(&self, clause: usize, find: impl FnOnce() -> Option<Factuality>) -> Option<Factuality> {
        if let Some(cue) = self.clause_cues[clause].get() {
            return cue;
        }
        let cue = find();
        self.clause_cues[clause].set(Some(cue));
        cue
    }

    /// The place (index) token `t` is part of.
    pub fn place(&self, t: usize) -> Option<usize> {
        self.place_of[t].map(|p| p as usize)
    }

    /// The entity token `t` is part of a mention of.
    pub fn entity(&self, t: usize) -> Option<&'a sitrep_core::Entity> {
        let (e, _) = self.entity_of.get(t).copied().flatten()?;
        self.doc.entities.entities.get(e as usize)
    }

    /// The time expression (index) token `t` is part of.
    pub fn time(&self, t: usize) -> Option<usize> {
        self.time_of[t].map(|p| p as usize)
    }

    /// The participant a phrase headed by token `t` stands for: its own entity, else the
    /// nearest entity inside the phrase (a possessor, a modifier, an apposition), else a
    /// place used for its government, else the bare phrase.
    pub fn participant(&self, t: usize) -> Participant {
        let word = self.tree.lower(t);
        // "Putin denied he planned to invade": "he" or "she" as the subject of what a
        // person says is that person, whoever was named last.
        if matches!(&*word, "he" | "she") && self.tree.rel(t).starts_with("nsubj") {
            if let Some(p) = self.speaker_of(t) {
                return p;
            }
        }
        // "Ukraine's military said its forces had advanced": a subject whose possessor
        // is "its" or "their" in a reported clause belongs to the reporter, and a role
        // the phrase names with no country ("its troops", `---MIL`) takes the
        // reporter's: "Moscow said its troops had shelled …" is RUSMIL.
        if let Some(p) = self.possessed_by_reporter(t) {
            return p;
        }
        // "The UN mission said it had evacuated 40 civilians. Its spokesman urged …": a
        // speaker "its" possesses, outside any report, speaks for the organisation named
        // last before it (in that sentence or the one before).
        if let Some(p) = self.possessed_by_organisation(t) {
            return p;
        }
        if let Some(p) = self.forces_of_possessor(t) {
            return p;
        }
        if let Some(p) = self.territory_of_governing_subject(t) {
            return p;
        }
        if let Some(p) = self.possessive_antecedent(t) {
            return p;
        }
        if let Some(p) = self.reflected_subject(t) {
            return p;
        }
        // "Democratic U.S. Rep. Gwen Graham" read with "U.S." at the top and the name
        // in apposition (or "South Carolina Sen. Lindsey Graham" with the name flat under
        // the state, read as an organisation): the person, whose title the place only
        // qualifies.
        let person = |k: usize| self.entity_participant(k).filter(|p| p.actor.is_some() && p.entity.is_some_and(|e| self.doc.entities.entities[e].kind == sitrep_core::EntityType::Person));
        let place_word = |p: &Participant| p.entity.is_some_and(|e| matches!(self.doc.entities.entities[e].kind, sitrep_core::EntityType::Gpe | sitrep_core::EntityType::Norp));
        if let Some(mut p) = self.entity_participant(t) {
            let uncoded_non_person = p.actor.is_none() && p.entity.is_some_and(|e| self.doc.entities.entities[e].kind != sitrep_core::EntityType::Person);
            if place_word(&p) || uncoded_non_person {
                if let Some(named) = self.tree.children(t).filter(|&c| matches!(self.tree.rel(c), "appos" | "flat")).find_map(person) {
                    return named;
                }
            }
            // "Rebels of the M23 group", "fighters of the Islamic State": a role whose side
            // the words do not give is of the organisation it is "of".
            if p.actor.as_deref().is_some_and(sitrep_core::country_unknown) {
                let organisation = |q: &Participant| q.actor.as_deref().is_some_and(|a| !sitrep_core::country_unknown(a)) && q.entity.is_some_and(|e| matches!(self.doc.entities.entities[e].kind, sitrep_core::EntityType::Org | sitrep_core::EntityType::Group));
                // (The name or a word before its head: "the M23 group".)
                let named = |c: usize| std::iter::once(c).chain(self.tree.children(c).filter(|&k| matches!(self.tree.rel(k), "compound" | "flat"))).find_map(|k| self.entity_participant(k).filter(organisation));
                let of = self.tree.children(t).filter(|&c| self.tree.rel(c).starts_with("nmod") && self.tree.case(c).as_deref() == Some("of")).find_map(named);
                if let Some(org) = of {
                    p.actor = org.actor;
                }
                // "Russian army troops" read as "Russian army" and "troops": the country
                // of a body named right before the role is the role's.
                let role = p.actor.as_deref().filter(|a| sitrep_core::country_unknown(a)).and_then(|a| a.get(3..)).filter(|r| !r.is_empty()).map(str::to_string);
                if let Some(role) = role {
                    let before = self.tree.children(t).filter(|&c| c < t && self.tree.rel(c) == "compound").find_map(|c| self.entity_participant(c)?.actor.as_deref().and_then(state_of).map(str::to_string));
                    if let Some(country) = before {
                        p.actor = Some(format!("{country}{role}"));
                    }
                }
            }
            return p;
        }
        // A pronoun subject of a reported clause is the reporter ("Russia's military said
        // it had seized …").
        if matches!(&*word, "it" | "they" | "we") && self.tree.rel(t).starts_with("nsubj") {
            if let Some(p) = self.reporter_of_clause(t).or_else(|| self.governing_subject(t)).or_else(|| self.previous_subject(t)) {
                return p;
            }
        }
        // "the alliance", "the bloc": the international organisation last named.
        if self.tree.upos(t) == "NOUN" && self.tree.children(t).any(|c| self.tree.rel(c) == "det" && self.tree.lower(c) == "the") && matches!(&*self.tree.lemma(t), "alliance" | "bloc") {
            if let Some(p) = self.previous_organisation(t) {
                return p;
            }
        }
        // A relative pronoun stands for the noun its clause describes ("the Stonewall
        // Inn, which Obama declared a monument", "Hamas, which seized hostages").
        // The parser may hang such a clause from the main verb; then the noun just
        // before ", which" is the one it describes.
        if self.tree.upos(t) == "PRON" && matches!(&*word, "which" | "who" | "whom" | "that") {
            let relative = self.tree.head(t).filter(|&c| self.tree.rel(c) == "acl:relcl").and_then(|c| self.tree.head(c));
            // (Or a dash: "Graham—who had previously endorsed Jeb Bush".)
            let before_comma = (t >= 2 && word != "that" && matches!(self.tree.word(t - 1), "," | "—" | "–" | "--") && matches!(self.tree.upos(t - 2), "NOUN" | "PROPN")).then(|| t - 2);
            if let Some(a) = relative.map(|r| self.antecedent(t, r)).or(before_comma) {
                return self.participant(a);
            }
        }
        // Breadth-first through the phrase, not into clauses; people and organisations
        // before countries ("US Secretary of State Antony Blinken" is Blinken).
        // `via`: the phrase the search went into when it is what the head noun acts on
        // ("sanctions [on three Russian banks]", "a lawsuit [against … firms]"): the party
        // found there is named by that phrase, not by the head's.
        // `located`: the search went through a phrase of place ("a meeting [in his office
        // at the campaign's Brooklyn headquarters]"): a place found there says where, not
        // who.
        let relational = matches!(&*self.tree.lemma(t), "supporter" | "backer" | "follower" | "fan" | "voter" | "critic" | "opponent" | "rival" | "detractor" | "donor" | "loyalist" | "admirer" | "foe");
        let mut queue = std::collections::VecDeque::from([(t, 0u8, None::<usize>, false)]);
        let mut best: Option<(u8, u8, Participant, Option<usize>)> = None;
        let mut steps = 0;
        while let Some((x, depth, via, located)) = queue.pop_front() {
            steps += 1;
            if steps > 64 || depth > 3 {
                break;
            }
            // "Islamic State-style terrorism", "an Iraq-type war": a likeness names no
            // party.
            if x != t && matches!(&*self.tree.lower(x), "style" | "like" | "type" | "era" | "sized" | "size") {
                continue;
            }
            if x != t {
                // A group named by its role alone stands only for itself: "the soldier's
                // parents" are not soldiers.
                let place_name = |p: &Participant| p.entity.is_some_and(|e| matches!(self.doc.entities.entities[e].kind, sitrep_core::EntityType::Gpe | sitrep_core::EntityType::Loc));
                // "Sanders supporters", "Kremlin critics": people who stand in relation to
                // a person or body are not it.
                let someone = |p: &Participant| p.entity.is_some_and(|e| matches!(self.doc.entities.entities[e].kind, sitrep_core::EntityType::Person | sitrep_core::EntityType::Org));
                // (An apposition names them: "Trump rival Sen. Ted Cruz".)
                let related = relational && !self.through_apposition(t, x);
                let found = self.entity_participant(x).filter(|p| p.actor.as_deref().is_some_and(|a| !sitrep_core::country_unknown(a)) && !(place_name(p) && self.names_a_thing(x)) && !(related && someone(p))).map(|p| (p.entity.map_or(3, |e| rank(self.doc.entities.entities[e].kind)), p)).or_else(|| {
                    // A place named in the phrase stands for its country ("the city of Sumy"),
                    // but a place modifying a thing names no party: "the Benghazi panel
                    // report" is no Libyan's ("Kharkiv residents", "the Kyiv government"
                    // are Ukrainian).
                    let p = self.place(x).filter(|_| !located && !self.names_a_thing(x))?;
                    let place = &self.doc.places.places[p];
                    let code = country_code(place.country.as_deref()?)?;
                    Some((3, Participant { span: place.span, actor: Some(code.to_string()), entity: None, inferred: false }))
                });
                if let Some((r, p)) = found {
                    if best.as_ref().is_none_or(|(br, bd, _, _)| (r, depth) < (*br, *bd)) {
                        best = Some((r, depth, p, via));
                    }
                }
            }
            for c in self.tree.children(x) {
                let r = self.tree.rel(c);
                if self.locative(c) {
                    continue;
                }
                if !(r.starts_with("acl") || r.starts_with("ccomp") || r.starts_with("advcl") || r == "conj" || r == "punct" || r == "parataxis" || r == "cc" || r == "case") {
                    let aimed = x == t && r.starts_with("nmod") && self.tree.case(c).as_deref().is_some_and(|p| matches!(p, "on" | "upon" | "against" | "at" | "into" | "toward" | "towards"));
                    // A thing someone holds is theirs, not what it is about: "his approach
                    // to the Islamic State" is his, named or not.
                    if x == t && r.starts_with("nmod") && r != "nmod:poss" && !aimed && self.tree.child(t, "nmod:poss").is_some() {
                        continue;
                    }
                    queue.push_back((c, depth + 1, if aimed { Some(c) } else { via }, located || self.at(c)));
                }
            }
        }
        if let Some((_, _, p, via)) = best {
            if p.actor.is_some() {
                return Participant { span: self.phrase(via.unwrap_or(t)), ..p };
            }
        }
        // A place in the phrase stands for its country ("the city of Sumy" → UKR), but not
        // a place inside a clause that describes it ("a robocall touting a bid for the U.S.
        // House" names a robocall).
        let (lo, hi) = self.tree.subtree(t);
        let clause = |c: usize| {
            let r = self.tree.rel(c);
            r.starts_with("acl") || r.starts_with("ccomp") || r.starts_with("advcl") || r == "parataxis"
        };
        // (A place phrase deeper in says where too: "a deal with Tigrayan leaders [in
        // Pretoria]" is no South African's.)
        let located: Vec<(usize, usize)> = (lo..=hi).filter(|&c| c != t && (self.at(c) || (self.tree.head(c) == Some(t) && clause(c)))).map(|c| self.tree.subtree(c)).collect();
        let country = (lo..=hi.min(lo + 12))
            .filter(|k| !located.iter().any(|&(a, b)| (a..=b).contains(k)) && !self.names_a_thing(*k))
            .filter_map(|k| self.place(k))
            .find_map(|p| country_code(self.doc.places.places[p].country.as_deref()?));
        Participant { span: self.phrase(t), actor: country.map(str::to_string), entity: None, inferred: false }
    }

    /// Whether token `k` is a place named in the name of a thing ("the Benghazi panel
    /// report", "the Vienna agreement"): it says which thing, not whose.
    fn names_a_thing(&self, k: usize) -> bool {
        let t = &self.tree;
        let country = || self.place(k).is_some_and(|p| self.doc.places.places[p].precision == sitrep_core::PlacePrecision::Country);
        let mut x = k;
        for _ in 0..3 {
            let Some(h) = t.head(x).filter(|_| matches!(t.rel(x), "compound" | "flat")) else { return false };
            let head = t.lemma(h);
            if self.entity(h).is_none() && (NAMED_AFTER_PLACES.contains(&&*head) || (PACTS.contains(&&*head) && !country())) {
                return true;
            }
            x = h;
        }
        false
    }

    /// Whether `c` is a modifier of place ("a meeting in Poland", "fighting near
    /// Ivankiv"): where something is, not who takes part.
    fn locative(&self, c: usize) -> bool {
        self.at(c) && self.place(c).is_some()
    }

    /// Whether `c` is a phrase opened by a preposition of place ("in his office", "at the
    /// campaign's Brooklyn headquarters"), whatever it names.
    fn at(&self, c: usize) -> bool {
        let r = self.tree.rel(c);
        (r.starts_with("nmod") || r.starts_with("obl")) && self.tree.case(c).is_some_and(|p| matches!(&*p, "in" | "at" | "near" | "outside" | "inside" | "across" | "around" | "throughout"))
    }

    /// The noun the relative pronoun `t` stands for, given the noun `head` its clause
    /// hangs from: "who" after a name and a comma is that name when the parser hung the
    /// clause from a noun that names no one ("a partial reversal for the Wisconsin
    /// Republican, who had pledged …").
    pub fn antecedent(&self, t: usize, head: usize) -> usize {
        // (A day names no one: "On Monday, Graham—who had endorsed Bush—" read with the
        // clause on "Monday".)
        let named = |k: usize| (self.tree.upos(k) == "PROPN" && self.time(k).is_none()) || self.entity_participant(k).is_some();
        let before_comma = (t >= 2 && matches!(self.tree.word(t - 1), "," | "—" | "–" | "--") && matches!(&*self.tree.lower(t), "who" | "whom")).then(|| t - 2);
        match before_comma {
            Some(b) if b != head && named(b) && !named(head) => b,
            _ => self.plural_antecedent(t, head).unwrap_or(head),
        }
    }

    /// For a relative pronoun `t` whose verb is plural while the noun its clause hangs
    /// from is singular, the nearest plural noun, or names joined by "and", between them:
    /// "caused concern in countries such as Algeria and Egypt, which are fighting
    /// militants" (read with the clause on "concern") is Algeria and Egypt.
    fn plural_antecedent(&self, t: usize, head: usize) -> Option<usize> {
        let tr = &self.tree;
        let v = tr.head(t)?;
        let plural_verb = tr.xpos(v) == "VBP" || tr.children(v).any(|c| matches!(tr.rel(c), "aux" | "aux:pass" | "cop") && c < v && matches!(&*tr.lower(c), "are" | "were" | "have"));
        let joined = |k: usize| tr.children(k).any(|c| tr.rel(c) == "conj");
        if !plural_verb || !matches!(tr.xpos(head), "NN" | "NNP") || joined(head) || head >= t {
            return None;
        }
        (head + 1..t).rev().find(|&k| matches!(tr.xpos(k), "NNS" | "NNPS") || (tr.upos(k) == "PROPN" && joined(k)))
    }

    /// For "it"/"they" opening a sentence, the subject of the previous sentence's main
    /// clause when that is an organisation, group or country (the usual centre of a
    /// news paragraph): "Russia's military said … It claimed …".
    fn previous_subject(&self, t: usize) -> Option<Participant> {
        let si = self.sentence(t);
        let prev = self.doc.text_layer.sentences.get(si.checked_sub(1)?)?;
        let root = prev.tokens().find(|&k| self.tree.head(k).is_none())?;
        let s = self.tree.children(root).find(|&c| self.tree.rel(c) == "nsubj")?;
        // Of the pronoun's number: "An AP survey of superdelegates found …. If they
        // continue to back Clinton" is not the survey. A body of people may be "they"
        // ("The government said …. They …"), a thing may not.
        let p = self.participant(s);
        let plural = matches!(self.tree.xpos(s), "NNS" | "NNPS");
        let body = (p.entity.is_some_and(|e| self.doc.entities.entities[e].kind != sitrep_core::EntityType::Person) && self.tree.upos(s) == "PROPN")
            || matches!(
                &*self.tree.lemma(s),
                "army" | "military" | "government" | "administration" | "ministry" | "police" | "party" | "team" | "committee" | "council" | "family" | "crowd" | "group" | "force" | "navy" | "regime" | "leadership" | "cabinet" | "campaign" | "opposition" | "public" | "staff"
            );
        match &*self.tree.lower(t) {
            "they" if !plural && !body => return None,
            "it" if plural => return None,
            _ => {}
        }
        let person = p.entity.is_some_and(|e| self.doc.entities.entities[e].kind == sitrep_core::EntityType::Person);
        (p.actor.is_some() && !person).then_some(p)
    }

    /// For "the alliance" or "the bloc" at token `t`, the international organisation
    /// (an organisation coded `IGO…`, not its officials) named last before it in the same or the two sentences before.
    fn previous_organisation(&self, t: usize) -> Option<Participant> {
        let first = self.sentence(t).saturating_sub(2);
        let igo = |e: &sitrep_core::Entity| e.kind == sitrep_core::EntityType::Org && e.actor.as_deref().is_some_and(|a| a.starts_with("IGO"));
        // (The first of the latest-starting, as the mentions come.)
        let (span, e) = self.mentions_before(t, first, igo).min_by_key(|(m, _)| std::cmp::Reverse(m.start))?;
        Some(Participant { span, actor: self.doc.entities.entities[e].actor.clone(), entity: Some(e), inferred: false })
    }

    /// The mentions of entities that `keep` accepts lying between the start of sentence
    /// `first` and token `t` (ending before it), each with its entity's index, in the
    /// entities' order: where "its", "the alliance" or "its spokesman" look back for the
    /// organisation or country they stand for.
    fn mentions_before<'s>(&'s self, t: usize, first: usize, keep: impl Fn(&sitrep_core::Entity) -> bool + 's) -> impl Iterator<Item = (Span, usize)> + 's {
        let at = self.doc.text_layer.tokens[t].span.start;
        let from = self.doc.text_layer.sentences.get(first).map_or(u32::MAX, |s| s.span.start);
        self.doc.entities.entities.iter().enumerate().filter(move |(_, e)| keep(e)).flat_map(move |(i, e)| e.mentions.iter().filter(move |m| from <= m.start && m.end <= at).map(move |&m| (m, i)))
    }

    /// For "they"/"it" subject of an adverbial clause, the subject of the clause it modifies
    /// when that is an actor of the same number: "Russian forces started moving …, as they
    /// massed an estimated 150,000 troops".
    fn governing_subject(&self, t: usize) -> Option<Participant> {
        let clause = self.tree.head(t)?;
        if !self.tree.rel(clause).starts_with("advcl") {
            return None;
        }
        let h = self.tree.head(clause)?;
        let s = self.tree.child(h, "nsubj")?;
        let plural = matches!(self.tree.xpos(s), "NNS" | "NNPS");
        let they = self.tree.word(t).eq_ignore_ascii_case("they");
        if they != plural || matches!(self.tree.upos(s), "PRON") {
            return None;
        }
        Some(self.participant(s)).filter(|p| p.actor.is_some())
    }

    /// A "say" verb the parser left without a subject ("following which Russian leaders |
    /// said they were willing …"): the actor noun just before it.
    pub fn speaker_before(&self, h: usize) -> Option<Participant> {
        if h == 0 || self.tree.lemma(h) != "say" || self.tree.child(h, "nsubj").is_some() {
            return None;
        }
        let n = h - 1;
        if !matches!(self.tree.upos(n), "NOUN" | "PROPN") || self.sentence(n) != self.sentence(h) {
            return None;
        }
        let p = self.entity_participant(n).unwrap_or_else(|| self.participant(n));
        p.actor.is_some().then_some(p)
    }

    /// The person named as the subject of the verb of saying that governs token `t` and
    /// comes before it ("Mark Cuban said [that …] he would", "After denying he planned …,
    /// Putin argued"); none inside a quote ("“He hates them,” Hewitt said": the speaker
    /// talks of somebody else).
    fn speaker_of(&self, t: usize) -> Option<Participant> {
        let tr = &self.tree;
        let first = self.doc.text_layer.sentences[self.sentence(t)].first_token as usize;
        if (first..t).any(|k| tr.quote_mark(k)) {
            return None;
        }
        let lex = crate::lexicon::Lexicon::builtin();
        let mut x = t;
        for _ in 0..5 {
            let h = tr.head(x)?;
            if h < t && lex.reporting(&tr.lemma(h)).is_some() {
                // A fronted gerund's speaker is the subject of the clause it is fronted to.
                let clause = if tr.xpos(h) == "VBG" && tr.rel(h).starts_with("advcl") && tr.child(h, "nsubj").is_none() { tr.head(h)? } else { h };
                let person = |p: &Participant| {
                    p.entity.is_some_and(|e| self.doc.entities.entities[e].kind == sitrep_core::EntityType::Person)
                        && !matches!(p.span.of(self.doc.text()).to_lowercase().as_str(), "he" | "she" | "him" | "her")
                };
                return tr.children(clause).filter(|&c| tr.rel(c) == "nsubj").filter_map(|s| self.entity_participant(s)).find(person);
            }
            x = h;
        }
        None
    }

    /// For a pronoun subject of a clause reported by a speech verb, the speech verb's subject.
    fn reporter_of_clause(&self, t: usize) -> Option<Participant> {
        let mut clause = self.tree.head(t)?;
        for _ in 0..4 {
            let r = self.tree.rel(clause);
            let h = self.tree.head(clause)?;
            if r.starts_with("ccomp") || r == "xcomp" {
                // "The EU condemned … and said it would …": a speech verb joined to another
                // shares its subject.
                let shared = || self.tree.head(h).filter(|_| self.tree.rel(h) == "conj").and_then(|g| self.tree.child(g, "nsubj"));
                // The reporter stands for the pronoun even uncoded: "it" is then nobody
                // named, never a party guessed from earlier sentences.
                if let Some(s) = self.tree.child(h, "nsubj").or_else(shared) {
                    if s != t {
                        return self.entity_participant(s).or_else(|| Some(self.participant(s)));
                    }
                }
                if let Some(p) = self.speaker_before(h) {
                    return Some(p);
                }
            }
            // "Kyiv rejected allegations that its troops had fired", "Moscow dismissed
            // reports that it had …": in the content of a noun of saying, the noun's
            // possessor, else the subject of the verb that takes the noun.
            // (The tagger reads "reports" as a verb as often; as an object it is the noun.)
            let noun = self.tree.upos(h) == "NOUN" || self.tree.rel(h).starts_with("obj");
            let content = (r.starts_with("acl") || r.starts_with("ccomp")) && noun && self.tree.opened_by_that(clause);
            if content {
                let taker = self.tree.head(h).filter(|_| self.tree.rel(h).starts_with("obj")).and_then(|g| self.tree.child(g, "nsubj"));
                if let Some(s) = self.tree.child(h, "nmod:poss").or(taker).filter(|&s| s != t) {
                    return self.entity_participant(s).or_else(|| Some(self.participant(s)));
                }
            }
            clause = h;
        }
        None
    }

    fn entity_participant(&self, t: usize) -> Option<Participant> {
        if let Some(p) = self.place(t) {
            if let Some(PlaceRole::Metonym(actor)) = &self.doc.places.places[p].detail.role {
                return Some(Participant { span: self.doc.places.places[p].span, actor: Some(actor.clone()), entity: None, inferred: false });
            }
        }
        let (e, span) = self.entity_of[t]?;
        let entity = &self.doc.entities.entities[e as usize];
        let mut actor = entity.actor.clone();
        // "Voters in Georgia": a name the actor lexicon reads as a country (GEO) that the
        // place layer resolved, in context, to a place of another country (the US state)
        // acts for that country.
        if let (Some(a), Some(p)) = (&actor, self.place(t)) {
            let place = &self.doc.places.places[p];
            if a.len() == 3 && place.span == span {
                if let Some(c) = place.country.as_deref().and_then(country_code).filter(|c| c != a) {
                    actor = Some(c.to_string());
                }
            }
        }
        Some(Participant { span, actor, entity: Some(e as usize), inferred: false })
    }

    /// Whether token `x`, inside the phrase headed by `t`, hangs from `t` through an
    /// apposition or the parts of a name ("Trump rival [Sen. Ted Cruz]").
    fn through_apposition(&self, t: usize, x: usize) -> bool {
        let mut k = x;
        for _ in 0..8 {
            match self.tree.head(k) {
                // (a name hung as a bare modifier, with no preposition, is one too)
                Some(h) if h == t => return matches!(self.tree.rel(k), "appos" | "flat" | "flat:name") || (self.tree.rel(k) == "nmod" && self.tree.case(k).is_none() && self.tree.upos(k) == "PROPN"),
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    }

    /// [`Context::participant`] for a subject possessed by "its" or "their" inside a
    /// clause someone reports: the reporter, with the role the noun names when it names
    /// one and no country of its own.
    fn possessed_by_reporter(&self, t: usize) -> Option<Participant> {
        let possessed = self.tree.upos(t) == "NOUN" && self.tree.children(t).any(|c| self.tree.rel(c) == "nmod:poss" && matches!(&*self.tree.lower(c), "its" | "their"));
        if !possessed || !self.tree.rel(t).starts_with("nsubj") {
            return None;
        }
        let own = self.entity_participant(t);
        let own_actor = own.as_ref().and_then(|p| p.actor.as_deref());
        if own.is_some() && !own_actor.is_some_and(sitrep_core::country_unknown) {
            return None;
        }
        let role = own_actor.map(|a| &a[3..]).filter(|r| !r.is_empty()).or_else(|| armed_role(&self.tree.lemma(t)));
        let mut p = self.reporter_of_clause(t).filter(|p| p.actor.is_some())?;
        if let (Some(role), Some(country)) = (role, p.actor.as_deref().and_then(state_of)) {
            p.actor = Some(format!("{country}{role}"));
        }
        let (lo, hi) = self.tree.subtree(t);
        let tokens = &self.doc.text_layer.tokens;
        Some(Participant { span: Span::new(tokens[lo].span.start, tokens[hi].span.end), ..p })
    }

    /// [`Context::participant`] for armed forces possessed by "its" with no country of
    /// their own ("Russia ordered its troops to withdraw", `---MIL`): the country of the
    /// party "its" stands for, with the forces' role.
    fn forces_of_possessor(&self, t: usize) -> Option<Participant> {
        let tr = &self.tree;
        if tr.upos(t) != "NOUN" {
            return None;
        }
        let its = tr.children(t).find(|&c| tr.rel(c) == "nmod:poss" && tr.lower(c) == "its")?;
        let own = self.entity_participant(t);
        let own_actor = own.as_ref().and_then(|p| p.actor.as_deref());
        if own.is_some() && !own_actor.is_some_and(sitrep_core::country_unknown) {
            return None;
        }
        let role = own_actor.map(|a| &a[3..]).filter(|r| !r.is_empty()).or_else(|| armed_role(&tr.lemma(t)))?;
        let country = self.possessive_antecedent(its)?.actor.as_deref().and_then(state_of)?.to_string();
        let (lo, hi) = tr.subtree(t);
        let tokens = &self.doc.text_layer.tokens;
        Some(Participant { span: Span::new(tokens[lo].span.start, tokens[hi].span.end), actor: Some(format!("{country}{role}")), entity: None, inferred: false })
    }

    /// [`Context::participant`] for a country's ground possessed by "its" in a clause that
    /// modifies another ("Japan protested after Chinese ships entered *its waters*"): the
    /// governing clause's subject owns it, when the clause's own subject is plural or
    /// names no one.
    fn territory_of_governing_subject(&self, t: usize) -> Option<Participant> {
        let tr = &self.tree;
        let its = tr.children(t).any(|c| tr.rel(c) == "nmod:poss" && tr.lower(c) == "its");
        if !its || tr.upos(t) != "NOUN" || !matches!(&*tr.lemma(t), "water" | "waters" | "territory" | "airspace" | "border" | "soil" | "coast" | "territorial") {
            return None;
        }
        let v = tr.head(t).filter(|_| tr.rel(t) == "obj" || tr.rel(t).starts_with("obl"))?;
        let own = tr.child(v, "nsubj");
        if own.is_some_and(|s| !matches!(tr.xpos(s), "NNS" | "NNPS") && self.entity_participant(s).is_some_and(|p| p.actor.is_some())) {
            return None;
        }
        // (The clause may be read as the governing verb's content: "Japan said Chinese
        // ships entered its waters" is Japan's too.)
        let h = tr.head(v).filter(|_| tr.rel(v).starts_with("advcl") || tr.rel(v).starts_with("ccomp") || tr.rel(v) == "conj")?;
        let s = tr.child(h, "nsubj").filter(|&s| !matches!(tr.xpos(s), "NNS" | "NNPS"))?;
        let p = self.participant(s);
        p.actor.as_ref()?;
        let (lo, hi) = tr.subtree(t);
        let tokens = &self.doc.text_layer.tokens;
        Some(Participant { span: Span::new(tokens[lo].span.start, tokens[hi].span.end), inferred: false, ..p })
    }

    /// [`Context::participant`] for a spokesman, official or envoy possessed by "its":
    /// the organisation the text named last, at most a sentence before.
    fn possessed_by_organisation(&self, t: usize) -> Option<Participant> {
        let its = self.tree.children(t).any(|c| self.tree.rel(c) == "nmod:poss" && self.tree.lower(c) == "its");
        if !its || self.tree.upos(t) != "NOUN" || !matches!(&*self.tree.lemma(t), "spokesman" | "spokeswoman" | "spokesperson" | "official" | "envoy" | "chief" | "head" | "leader" | "representative") {
            return None;
        }
        if self.entity_participant(t).is_some_and(|p| p.actor.as_deref().is_some_and(|a| !sitrep_core::country_unknown(a))) {
            return None;
        }
        let organisation = |e: &sitrep_core::Entity| e.kind == sitrep_core::EntityType::Org && e.actor.is_some();
        let (_, org) = self.mentions_before(t, self.sentence(t).saturating_sub(1), organisation).max_by_key(|(m, _)| m.end)?;
        let org = &self.doc.entities.entities[org];
        let (lo, hi) = self.tree.subtree(t);
        let tokens = &self.doc.text_layer.tokens;
        Some(Participant { span: Span::new(tokens[lo].span.start, tokens[hi].span.end), actor: org.actor.clone(), entity: None, inferred: false })
    }

    /// For a possessive pronoun standing alone as a side ("*his* focus would be to broker
    /// a deal", "during *its* investigation"), whom it stands for when the sentence says:
    /// "his"/"her" is the person who is the subject of a clause above it ("Mr. Trump
    /// insisted that his focus …"), "its" the organisation or country named last before
    /// it in the sentence ("the evidence collected by the FBI during its investigation").
    /// A pronoun of the other sex than the person's, where known, is no one.
    fn possessive_antecedent(&self, t: usize) -> Option<Participant> {
        let tr = &self.tree;
        if tr.rel(t) != "nmod:poss" || self.entity_participant(t).is_some() {
            return None;
        }
        let word = tr.lower(t);
        let kind = |p: &Participant| p.entity.map(|e| self.doc.entities.entities[e].kind);
        match &*word {
            "his" | "her" => {
                let (lo, hi) = tr.subtree(tr.head(t)?);
                let mut x = tr.head(t)?;
                for _ in 0..6 {
                    let h = tr.head(x)?;
                    if let Some(s) = tr.child(h, "nsubj").filter(|&s| !(lo..=hi).contains(&s) && s < t) {
                        let p = self.entity_participant(s).filter(|p| p.actor.is_some() && kind(p) == Some(sitrep_core::EntityType::Person))?;
                        // "Cameron criticised Trump over his call for a ban": with another
                        // person named between them, the pronoun may be either.
                        let person = |k: usize| self.entity_participant(k).is_some_and(|q| q.entity != p.entity && kind(&q) == Some(sitrep_core::EntityType::Person));
                        if (s + 1..t).any(person) {
                            return None;
                        }
                        return self.sex(&p).is_none_or(|sex| Some(sex) == Sex::of_pronoun(&word)).then_some(p);
                    }
                    x = h;
                }
                None
            }
            "its" => {
                let body = |e: &sitrep_core::Entity| matches!(e.kind, sitrep_core::EntityType::Org | sitrep_core::EntityType::Gpe) && e.actor.is_some();
                let (span, e) = self
                    .mentions_before(t, self.sentence(t), body)
                    // "Russia's invasion of Ukraine, including its annexation of Crimea": a
                    // subject or a possessor before a party named otherwise.
                    .max_by_key(|&(m, _)| {
                        let head = tokens_of(self.doc, m).find(|&k| tr.head(k).is_none_or(|h| !tokens_of(self.doc, m).contains(&h)));
                        (head.is_some_and(|k| matches!(tr.rel(k), "nsubj" | "nsubj:pass" | "nmod:poss")), m.end)
                    })?;
                Some(Participant { span, actor: self.doc.entities.entities[e].actor.clone(), entity: Some(e), inferred: false })
            }
            _ => None,
        }
    }

    /// For a reflexive that does the deed of an open complement, or is a subject ("she
    /// couldn't see *herself* supporting Clinton"), the subject of the verb it hangs from
    /// or of the one above. As what a deed is done to ("shot himself", "defend itself")
    /// it is no other party: `None`.
    fn reflected_subject(&self, t: usize) -> Option<Participant> {
        let tr = &self.tree;
        if !matches!(&*tr.lower(t), "himself" | "herself" | "themselves" | "itself") || self.entity_participant(t).is_some() {
            return None;
        }
        let r = tr.rel(t);
        let doer = r.starts_with("nsubj") || (r == "obj" && tr.head(t).is_some_and(|h| tr.children(h).any(|c| c > t && tr.rel(c) == "xcomp")));
        if !doer {
            return None;
        }
        let mut x = t;
        for _ in 0..2 {
            let h = tr.head(x)?;
            if let Some(s) = tr.child(h, "nsubj").filter(|&s| s != t) {
                return Some(self.participant(s));
            }
            x = h;
        }
        None
    }

    /// The sex of the person `p` stands for, where known: as the actors layer found it (a
    /// given name, agreeing titles), else from a title before a mention ("Mrs.", "Mr.")
    /// or a pronoun the report resolved to them.
    fn sex(&self, p: &Participant) -> Option<Sex> {
        let e = &self.doc.entities.entities[p.entity?];
        if e.detail.sex.is_some() {
            return e.detail.sex;
        }
        let text = self.doc.text();
        e.mentions.iter().find_map(|m| {
            let before = text.get(..m.start as usize).unwrap_or("").trim_end();
            let title = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            Sex::of_pronoun(m.of(text)).or_else(|| Sex::of_title(title))
        })
    }

    /// The country of a place named alone as a side ("shelled Kharkiv"): the one the place
    /// layer put it in, as "the city of Kharkiv" already names it.
    pub fn country_of_place(&self, p: &Participant) -> Option<String> {
        let place = self.doc.places.places.iter().find(|pl| pl.span == p.span)?;
        place.country.as_deref().and_then(country_code).map(str::to_string)
    }

    /// The words of a short noun phrase headed by `t`: the head with its determiners,
    /// modifiers, compounds, possessors and "of" complements ("the town of Korvale").
    pub fn phrase(&self, t: usize) -> Span {
        let mut lo = t;
        let mut hi = t;
        for c in self.tree.children(t) {
            let r = self.tree.rel(c);
            let of_phrase = r == "nmod" && self.tree.case(c).as_deref() == Some("of");
            if matches!(r, "det" | "amod" | "compound" | "nmod:poss" | "nummod" | "flat" | "case" | "compound:prt") || r.starts_with("flat") || of_phrase {
                let (a, b) = self.tree.subtree(c);
                if r != "case" {
                    lo = lo.min(a);
                    hi = hi.max(b);
                }
            }
        }
        let tokens = &self.doc.text_layer.tokens;
        Span::new(tokens[lo].span.start, tokens[hi].span.end)
    }
}

/// The country part of an actor code that names a state ("RUSGOV" → "RUS", "UKR" →
/// "UKR"); `None` for unknown countries and for international, non-governmental and
/// other non-state codes ("IGOUNO", "NGOHLHIRC", "---MIL").
///
/// ```
/// # use sitrep_events::context::state_of;
/// assert_eq!(state_of("RUSGOV"), Some("RUS"));
/// assert_eq!(state_of("IGOUNO"), None);
/// ```
pub fn state_of(code: &str) -> Option<&str> {
    let country = code.get(..3)?;
    let state = country.bytes().all(|b| b.is_ascii_uppercase()) && !matches!(country, "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "BUS" | "CVL" | "---");
    state.then_some(country)
}

/// The CAMEO role of a state's armed or police body, or of its weapons, named by a
/// common noun ("its forces", "their troops", "its missiles"); `None` for other nouns.
fn armed_role(lemma: &str) -> Option<&'static str> {
    match lemma {
        "force" | "troop" | "troops" | "army" | "military" | "soldier" | "jet" | "warplane" | "aircraft" | "navy" | "warship" | "artillery" | "unit" | "paratrooper" | "marine" => Some("MIL"),
        // A state's weapons are its military's ("its missiles had struck …").
        _ if crate::coder::WEAPONS.contains(&lemma) => Some("MIL"),
        "police" | "policeman" | "officer" => Some("COP"),
        _ => None,
    }
}
