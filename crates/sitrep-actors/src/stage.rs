//! The entity stage: finds names with the model, types them, adds nominal actors
//! ("Russian troops"), links mentions of the same entity, and codes each as a CAMEO actor.

use sitrep_core::{Doc, Entity, EntityType, Span, Stage};

use crate::coding;
use crate::lexicon::{CountryWord, Lexicon};
use crate::names::with_key;
use crate::ner::Ner;
use crate::{coref, Labeller};

/// A mention found in one sentence, over the report's token indices `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
    /// Sentence number.
    pub sentence: usize,
}

/// Fills [`Doc::entities`]; runs after the text and syntax stages.
///
/// ```
/// use sitrep_core::{Doc, Meta, Stage};
/// let mut doc = Doc::new(Meta::new("r", jiff::civil::date(2022, 2, 25)),
///     "Russian troops advanced on Kyiv. Foreign minister Sergey Lavrov said talks were over.");
/// sitrep_text::Segmenter::new().annotate(&mut doc);
/// sitrep_syntax::SyntaxStage::builtin().unwrap().annotate(&mut doc);
/// sitrep_actors::EntityStage::builtin().unwrap().annotate(&mut doc);
/// let actors: Vec<_> = doc.entities.entities.iter().map(|e| (e.canonical.as_str(), e.actor.as_deref())).collect();
/// assert!(actors.contains(&("Russian troops", Some("RUSMIL"))));
/// assert!(actors.contains(&("Sergey Lavrov", Some("RUSGOV"))));
/// ```
pub struct EntityStage {
    model: &'static Ner,
    lexicon: &'static Lexicon,
}

impl EntityStage {
    /// The stage with the built-in model and lexicon.
    pub fn builtin() -> Result<EntityStage, crate::ModelError> {
        Ok(EntityStage { model: Ner::builtin()?, lexicon: Lexicon::builtin() })
    }
}

impl Stage for EntityStage {
    fn annotate(&self, doc: &mut Doc) {
        let mentions = self.find(doc);
        let clusters = coref::cluster(doc, &mentions, self.lexicon);
        let focus = coding::Focus::new();
        let mut entities: Vec<Entity> = clusters
            .into_iter()
            .map(|c| {
                let first = mentions[c.members[0]];
                let span = token_span(doc, first.start, first.end);
                let mut e = Entity::new(span, first.kind, c.canonical.clone());
                e.mentions = c.members.iter().map(|&m| token_span(doc, mentions[m].start, mentions[m].end)).chain(c.pronouns.iter().map(|&t| token_span(doc, t, t + 1))).collect();
                e.mentions.sort_by_key(|s| s.start);
                e.detail.sex = c.sex;
                coding::code(doc, &mentions, &c, self.lexicon, &focus, &mut e);
                e
            })
            .collect();
        entities.sort_by_key(|e| e.span.start);
        rebels_of_the_report(doc.text(), &mut entities);
        doc.entities.entities = entities;
    }
}

/// "M23 rebels seized Sake … The rebels shelled army positions": rebels whose group the
/// text does not name (`---REB`) are the one rebel group the report named before them
/// with the same word, when it names only one ("Nusra fighters are commingled with rebels
/// supplied by the C.I.A." names other rebels).
fn rebels_of_the_report(text: &str, entities: &mut [Entity]) {
    let unknown = format!("{}REB", sitrep_core::UNKNOWN_COUNTRY);
    let named = |e: &Entity| e.kind == EntityType::Org && e.actor.as_deref().is_some_and(|a| a.get(3..6) == Some("REB") && !sitrep_core::country_unknown(a));
    let mut groups = entities.iter().filter(|e| named(e));
    let Some(group) = groups.next() else { return };
    let code = group.actor.clone().unwrap_or_default();
    if groups.any(|e| e.actor.as_deref() != Some(code.as_str())) {
        return;
    }
    let (first, called) = (group.span.start, group.mentions.iter().map(|m| m.of(text).to_lowercase()).collect::<Vec<_>>());
    for e in entities.iter_mut().filter(|e| e.kind == EntityType::Group && e.actor.as_deref() == Some(unknown.as_str()) && e.span.start > first) {
        let word = e.canonical.rsplit(' ').next().unwrap_or("").to_lowercase();
        if called.iter().any(|c| c.split(' ').any(|w| w == word)) {
            e.actor = Some(code.clone());
            e.detail.coded_by = Some("report");
        }
    }
}

/// The text span of tokens `[start, end)`.
pub fn token_span(doc: &Doc, start: usize, end: usize) -> Span {
    let t = &doc.text_layer.tokens;
    Span::new(t[start].span.start, t[end.max(start + 1) - 1].span.end)
}

/// Which role phrases of the lexicon may open at a token: a phrase's key opens with the
/// key of its first word (its text up to the first white space), and a phrase whose first
/// word opens no role phrase is none, so that phrases of every length need not be keyed
/// and looked up one by one. Phrases of every length share their first word when white
/// space follows the token (nearly always); one glued to what follows ("troops," "U.S"
/// ".") has a first word of its own for each length up to the white space.
struct RoleOpening<'d> {
    doc: &'d Doc,
    lex: &'d Lexicon,
    /// The token the phrases open with, and where its text starts.
    i: usize,
    start: usize,
    /// Where the first word of every phrase reaching the white space ends.
    word_end: usize,
    /// The end of the first word last asked about, and the most words of a role phrase
    /// that opens with it (0: none).
    last: Option<(usize, usize)>,
}

impl<'d> RoleOpening<'d> {
    fn new(doc: &'d Doc, lex: &'d Lexicon, i: usize) -> Self {
        let start = doc.text_layer.tokens.get(i).map_or(0, |t| t.span.start as usize);
        let word_end = doc.text().get(start..).and_then(|rest| rest.find(char::is_whitespace)).map_or(doc.text().len(), |p| start + p);
        RoleOpening { doc, lex, i, start, word_end, last: None }
    }

    /// Whether no role phrase opens at the token, whatever its length: the token holds its
    /// first word whole (white space or the end of the text follows it, as nearly always),
    /// so that every phrase opening with it shares that first word, and the word opens no
    /// role phrase — [`RoleOpening::may_open`] is then false for every length, and the
    /// lengths need not be asked one by one.
    fn opens_none(&mut self) -> bool {
        let Some(t) = self.doc.text_layer.tokens.get(self.i) else { return false };
        // (The first word of every phrase then ends at `word_end`, as for one token.)
        self.word_end <= t.span.end as usize && !self.may_open(1)
    }

    /// Whether a role phrase of `len` tokens may open at the token: its first word opens
    /// role phrases, and none of them has fewer words than the `len` tokens (a key has as
    /// many words as its text).
    fn may_open(&mut self, len: usize) -> bool {
        let Some(t) = self.doc.text_layer.tokens.get(self.i + len - 1) else { return true };
        let end = self.word_end.min(t.span.end as usize);
        let most = match self.last {
            Some((e, most)) if e == end => most,
            _ => {
                // (A phrase opening with white space, or none, is keyed as it is.)
                let Some(word) = self.doc.text().get(self.start..end).filter(|w| !w.is_empty() && !w.starts_with(char::is_whitespace)) else { return true };
                // (Most words are told to open none by their first letters alone.)
                let most = if self.lex.may_open_role(word) { with_key(word, |k| self.lex.longest_role_opening_with(k)) } else { 0 };
                self.last = Some((end, most));
                most
            }
        };
        most > 0 && (most >= len || self.doc.text().get(self.start..t.span.end as usize).is_none_or(|text| text.split_whitespace().nth(most).is_none()))
    }
}

/// The text of tokens `[start, end)`.
pub fn token_text(doc: &Doc, start: usize, end: usize) -> &str {
    token_span(doc, start, end).of(doc.text())
}

/// Whether the one-word name at token `k` stands between an article or a possessive and
/// a preposition ("the SVP's *Ban* on Face Coverings"): a word of a title, not a person
/// the lexicon knows by that one word (but "the *Castro* regime" is Castro's).
pub fn inside_title(doc: &Doc, k: usize) -> bool {
    let n = doc.text_layer.tokens.len();
    k > 0 && k + 1 < n && matches!(token_text(doc, k - 1, k), "the" | "The" | "a" | "A" | "an" | "An" | "'s" | "’s" | "this" | "This") && matches!(token_text(doc, k + 1, k + 2), "on" | "of" | "for" | "against" | "to")
}

impl EntityStage {
    /// Names from the model, typed, plus nominal actors.
    fn find(&self, doc: &Doc) -> Vec<Mention> {
        thread_local! {
            /// This thread's labeller, kept from report to report for its buffers and the
            /// facts of the words it has met.
            static LABELLER: std::cell::RefCell<Labeller> = std::cell::RefCell::default();
        }
        LABELLER.with(|labeller| match labeller.try_borrow_mut() {
            Ok(mut labeller) => {
                labeller.new_report();
                self.find_with(doc, &mut labeller)
            }
            Err(_) => self.find_with(doc, &mut Labeller::default()),
        })
    }

    /// [`EntityStage::find`] with `labeller`, started on this report.
    fn find_with(&self, doc: &Doc, labeller: &mut Labeller) -> Vec<Mention> {
        let mut found = Vec::new();
        let mut mentions = Vec::new();
        let text = doc.text();
        let tokens = &doc.text_layer.tokens;
        let tagged = doc.syntax.tokens.len() == tokens.len();
        for (si, s) in doc.text_layer.sentences.iter().enumerate() {
            let range = s.tokens();
            let first = range.start;
            let words = tokens[range.clone()].iter().map(|t| t.span.of(text));
            let xpos = range.clone().map(|i| if tagged { doc.syntax.tokens[i].xpos } else { "" });
            labeller.label(self.model, words, xpos, &mut found);
            for &(a, b, kind) in &found {
                let (start, end) = (first + a, first + b);
                // A known office holder at the end of a longer name is a person with a
                // title ("US Secretary of State Antony Blinken").
                if kind != "PER" {
                    if let Some(s) = (start + 1..end.saturating_sub(1)).find(|&s| self.lexicon.office(token_text(doc, s, end), doc.meta.date).is_some()) {
                        mentions.push(Mention { start: s, end, kind: EntityType::Person, sentence: si });
                        continue;
                    }
                }
                // A known office holder's name the model cut short ("Kim Jong [Un]",
                // "Kim Jong[-un]"): the name as the lexicon writes it.
                // So is an organisation's ("International Committee [of the Red Cross]").
                let end = if kind == "PER" && self.lexicon.office(token_text(doc, start, end), doc.meta.date).is_none() {
                    (end + 1..=(end + 3).min(range.end)).rev().find(|&e| self.lexicon.office(token_text(doc, start, e), doc.meta.date).is_some()).unwrap_or(end)
                } else if kind == "ORG" && self.lexicon.organisation(token_text(doc, start, end)).is_none() {
                    (end + 1..=(end + 5).min(range.end)).rev().find(|&e| self.lexicon.organisation(token_text(doc, start, e)).is_some()).unwrap_or(end)
                } else {
                    end
                };
                let words = token_text(doc, start, end);
                let kind = self.entity_type(kind, words, doc);
                mentions.push(Mention { start, end, kind, sentence: si });
            }
            if tagged {
                self.missed_office_holders(doc, si, range.clone(), &mut mentions);
            }
            self.nominal_actors(doc, si, range, &mut mentions);
        }
        // A title phrase right before a person's name is the person's title, not an actor
        // of its own ("Ukrainian president Volodymyr Zelenskiy").
        let person_starts: std::collections::HashSet<usize> = mentions.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.start).collect();
        mentions.retain(|m| !(m.kind == EntityType::Group && person_starts.contains(&m.end)));
        mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        // Keep the longest of overlapping mentions ("Russian troops" over "Russian").
        let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if kept.last().is_some_and(|k: &Mention| m.start < k.end) {
                continue;
            }
            kept.push(m);
        }
        kept
    }

    fn entity_type(&self, kind: &str, words: &str, doc: &Doc) -> EntityType {
        // The words' key, worked out once for the three lexicon lookups.
        with_key(words, |k| {
            if self.lexicon.office_by_key(k, doc.meta.date).is_some() {
                return EntityType::Person;
            }
            if self.lexicon.organisation_by_key(k).is_some() || coding::is_seat(words) {
                return EntityType::Org;
            }
            // Not an organisation of the lexicon from here on.
            let country = self.lexicon.country_by_key(k).map(|(_, w)| w);
            type_of(kind, words, country)
        })
    }

    /// "Blinken met Wang Yi": a proper name the entity model missed that the lexicon
    /// knows as an office holder on the report's date is that person; one it knows as an
    /// organisation is that organisation ("would not negotiate with the M23").
    fn missed_office_holders(&self, doc: &Doc, si: usize, range: std::ops::Range<usize>, out: &mut Vec<Mention>) {
        // (A name inside a time is none: "in May" is no Theresa May.)
        let (tokens, times) = (&doc.text_layer.tokens, &doc.time.times);
        let timed = |k: usize| {
            let span = tokens[k].span;
            let before = times.partition_point(|t| t.span.start <= span.start);
            times[..before].iter().rev().take(2).any(|t| span.end <= t.span.end)
        };
        // (Nor is a lower-case word, nor a month the time layer left: "FDR park", "That
        // was May.")
        const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        let capital = |k: usize| token_text(doc, k, k + 1).chars().next().is_some_and(char::is_uppercase) && !MONTHS.contains(&token_text(doc, k, k + 1));
        let proper = |k: usize| matches!(doc.syntax.tokens[k].xpos, "NNP" | "NNPS") && capital(k) && !timed(k);
        // The sentence's mentions so far: the last ones pushed.
        let own = out.iter().rposition(|m| m.sentence != si).map_or(0, |p| p + 1)..out.len();
        let mut i = range.start;
        // A code with a digit the tagger took for a common noun ("the M23", "the G7").
        let code = |k: usize| capital(k) && !timed(k) && token_text(doc, k, k + 1).bytes().any(|b| b.is_ascii_digit());
        while i < range.end {
            let free = |k: usize| !out[own.clone()].iter().any(|m| m.start <= k && k < m.end);
            if free(i) && code(i) && !proper(i) {
                // ("M23 rebels" is read whole below, as a name before a role.)
                let before_role = i + 1 < range.end && self.lexicon.role(token_text(doc, i + 1, i + 2)).is_some();
                if !before_role && self.lexicon.organisation(token_text(doc, i, i + 1)).is_some() {
                    out.push(Mention { start: i, end: i + 1, kind: EntityType::Org, sentence: si });
                }
                i += 1;
                continue;
            }
            // "20 al-Shabab fighters", "struck al-Qaeda": a name opening with the Arabic
            // article in lower case, which the capitals test passes by and the entity model
            // reads without its article ("Qaeda").
            if free(i) && token_text(doc, i, i + 1) == "al" && i + 1 < range.end && capital(i + 1 + usize::from(token_text(doc, i + 1, i + 2) == "-")) {
                let last = (i + 3).min(range.end);
                let astride = |e: usize| out[own.clone()].iter().any(|m| m.start < e && i < m.end && !(i <= m.start && m.end <= e));
                if let Some(e) = (i + 2..=last).rev().find(|&e| !astride(e) && self.lexicon.organisation(token_text(doc, i, e)).is_some()) {
                    match out[own.clone()].iter().position(|m| i <= m.start && m.end <= e) {
                        Some(p) => out[own.start + p] = Mention { start: i, end: e, kind: EntityType::Org, sentence: si },
                        None => out.push(Mention { start: i, end: e, kind: EntityType::Org, sentence: si }),
                    }
                    i = e;
                    continue;
                }
            }
            if !matches!(doc.syntax.tokens[i].xpos, "NNP" | "NNPS") || !free(i) || !proper(i) {
                i += 1;
                continue;
            }
            let longest = (i + 1..=(i + 3).min(range.end)).take_while(|&e| proper(e - 1) && free(e - 1)).last().unwrap_or(i + 1);
            if let Some(e) = (i + 1..=longest).rev().find(|&e| !(e == i + 1 && inside_title(doc, i)) && self.lexicon.office(token_text(doc, i, e), doc.meta.date).is_some()) {
                out.push(Mention { start: i, end: e, kind: EntityType::Person, sentence: si });
                i = e;
                continue;
            }
            // So is an organisation the lexicon knows ("negotiate with the M23", "Hamas"),
            // but not a word of a headline in capitals ("TRUMP IS WINNING", "WHO SAID").
            let word = |e: usize| !(e == i + 1 && matches!(token_text(doc, i, e), "IS" | "WHO" | "IRA" | "AQ" | "JI" | "CIS" | "AU" | "IEA"));
            match (i + 1..=longest).rev().find(|&e| word(e) && self.lexicon.organisation(token_text(doc, i, e)).is_some()) {
                Some(e) => {
                    out.push(Mention { start: i, end: e, kind: EntityType::Org, sentence: si });
                    i = e;
                }
                None => i += 1,
            }
        }
    }

    /// "Russian troops", "US officials", "Russia's military", "the Ukrainian military":
    /// a country word followed (within three words) by a role noun.
    fn nominal_actors(&self, doc: &Doc, si: usize, range: std::ops::Range<usize>, out: &mut Vec<Mention>) {
        let lex = self.lexicon;
        // The sentence's mentions are the last ones pushed (those found here join them).
        let own = out.iter().rposition(|m| m.sentence != si).map_or(0, |p| p + 1);
        let mut i = range.start;
        while i < range.end {
            let word = token_text(doc, i, i + 1);
            let kind = if word.chars().next().is_some_and(char::is_uppercase) { lex.country(word).map(|(_, w)| w) } else { None };
            // Read only after a country word (the only place it is used).
            let possessive = kind.is_some() && i + 1 < range.end && matches!(token_text(doc, i + 1, i + 2), "'s" | "’s");
            // "Russian troops", "Russia's military"; not "provide Ukraine military help".
            let abbreviation = || word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase() || c == '.');
            // "the Myanmar army", "Israel police": a country's name right before a role that
            // ends the phrase (not "provide Ukraine military help").
            // (Not a name inside another: "pro-Israel activists", "the Alternative for
            // Germany party".)
            let inside = || i >= 1 && matches!(token_text(doc, i - 1, i), "-" | "for" | "of" | "pro" | "anti");
            let xpos = |k: usize| doc.syntax.tokens.get(k).map_or("", |t| t.xpos);
            let role_after = || {
                (1..=2).filter(|&len| i + 1 + len <= range.end).any(|len| {
                    let end = i + 1 + len;
                    lex.role(token_text(doc, i + 1, end)).is_some() && matches!(xpos(end - 1), "NN" | "NNS") && (end == range.end || !matches!(xpos(end), "NN" | "NNS" | "NNP" | "NNPS" | "POS"))
                })
            };
            let is_country = matches!(kind, Some(CountryWord::Adjective)) || (matches!(kind, Some(CountryWord::Name)) && (possessive || abbreviation() || (!inside() && role_after())));
            if !is_country {
                // "Police fought protesters", "gunmen attacked": an armed group named by its
                // role alone, outside any name.
                // A noun ("the military said"), not the adjective of "a military intervention".
                let noun = |k: usize| matches!(xpos(k), "NN" | "NNS" | "NNP" | "NNPS");
                // A role phrase opens with a noun or an adjective ("troops", "riot police",
                // "armed men"): other words are not looked up.
                let opens = noun(i) || matches!(xpos(i), "JJ" | "VBN");
                let len = opens.then(|| {
                    let mut opening = RoleOpening::new(doc, lex, i);
                    if opening.opens_none() {
                        return None;
                    }
                    (1..=lex.longest_role().min(range.end - i)).rev().find(|&len| opening.may_open(len) && lex.armed_role(token_text(doc, i, i + len)).is_some())
                });
                let len = len.flatten();
                // "Zanthian troops", "Houthi rebels": a name before the role may be a
                // nationality the lexicon does not know; the phrase is left whole.
                let named = || i > range.start && token_text(doc, i - 1, i).chars().next().is_some_and(char::is_uppercase) && matches!(xpos(i - 1), "NNP" | "NNPS" | "JJ" | "NN");
                let free = |k: usize| !out[own..].iter().any(|m| m.start <= k && k < m.end);
                // "an army of HP workers", "an army of lawyers": a crowd likened to an army.
                let likened = |len: usize| i + len + 1 < range.end && token_text(doc, i + len, i + len + 1) == "of" && (i + len + 1..range.end.min(i + len + 5)).map(xpos).take_while(|x| matches!(*x, "NNP" | "NNPS" | "JJ" | "NN" | "NNS")).last() == Some("NNS");
                let len = len.filter(|&len| noun(i + len - 1) && !(i + len < range.end && noun(i + len)) && free(i) && !likened(len));
                // …unless the name and the role are an organisation of the lexicon the
                // entity model missed ("Houthi rebels" opening a sentence).
                if let Some(len) = len.filter(|&len| named() && free(i - 1) && lex.organisation(token_text(doc, i - 1, i + len)).is_some()) {
                    out.push(Mention { start: i - 1, end: i + len, kind: EntityType::Org, sentence: si });
                    i += len;
                    continue;
                }
                // "Houthi forces", "Al-Shabaab militants": an organisation of the lexicon
                // named before a role it acts in (and missed by the entity model) is that
                // organisation.
                if let Some(end) = organisation_before_role(doc, lex, i, range.end).filter(|_| free(i)) {
                    out.push(Mention { start: i, end, kind: EntityType::Org, sentence: si });
                    i = end;
                    continue;
                }
                match len.filter(|_| !named()) {
                    Some(len) => {
                        out.push(Mention { start: i, end: i + len, kind: EntityType::Group, sentence: si });
                        i += len;
                    }
                    None => i += 1,
                }
                continue;
            }
            let j = if possessive { i + 2 } else { i + 1 };
            let mut found = None;
            'search: for k in j..(j + 3).min(range.end) {
                let mut opening = RoleOpening::new(doc, lex, k);
                let none = opening.opens_none();
                for len in (1..=lex.longest_role().min(range.end - k)).rev().filter(|_| !none) {
                    if opening.may_open(len) && lex.role(token_text(doc, k, k + len)).is_some() {
                        found = Some(k + len);
                        break 'search;
                    }
                }
                let w = token_text(doc, k, k + 1);
                if !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                    break;
                }
                // "the US trained Ukrainian soldiers": a verb ends the phrase, and another
                // country's word takes the role for itself.
                let verb = doc.syntax.tokens.get(k).is_some_and(|t| matches!(t.xpos, "VBD" | "VBZ" | "VBP" | "VB" | "MD"));
                // "Russia's shelling of civilians": a preposition ends it too (the people
                // after it are the deed's, not the country's by that phrase).
                let preposition = doc.syntax.tokens.get(k).is_some_and(|t| matches!(t.xpos, "IN" | "TO"));
                // (Joined by "and" or a hyphen, both countries' people are meant: "US and
                // Ukrainian officials", "Iranian-American men" stay one phrase.)
                let joined = matches!(token_text(doc, k - 1, k), "and" | "or" | "-");
                let other_country = k > i && !joined && w.chars().next().is_some_and(char::is_uppercase) && lex.country(w).is_some();
                if verb || preposition || other_country {
                    break;
                }
            }
            match found {
                // "Yemen's Houthi rebels": an organisation of the lexicon after the country
                // word is the actor, with its own code.
                Some(end) if j < end && lex.organisation(token_text(doc, j, end)).is_some() => {
                    out.push(Mention { start: j, end, kind: EntityType::Org, sentence: si });
                    i = end;
                }
                Some(end) => {
                    out.push(Mention { start: i, end, kind: EntityType::Group, sentence: si });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

/// The end of "Houthi forces", "Al-Shabaab militants" opening at token `i`: a
/// capitalised name of up to four tokens (hyphens inside) that is an organisation of the
/// lexicon, then a role of one or two nouns that ends the phrase.
fn organisation_before_role(doc: &Doc, lex: &Lexicon, i: usize, end: usize) -> Option<usize> {
    if !token_text(doc, i, i + 1).chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let xpos = |k: usize| doc.syntax.tokens.get(k).map_or("", |t| t.xpos);
    let noun = |k: usize| matches!(xpos(k), "NN" | "NNS");
    // The name's words are capitalised (or hyphens); the role opens with the first common
    // noun after them, and only then is the lexicon asked.
    let named = |k: usize| token_text(doc, k, k + 1).chars().next().is_some_and(|c| c.is_uppercase() || c == '-');
    let j = (i + 1..end.min(i + 5)).find(|&j| !named(j))?;
    if !noun(j) {
        return None;
    }
    let len = (1..=2).filter(|&len| j + len <= end).find(|&len| noun(j + len - 1) && (j + len == end || !matches!(xpos(j + len), "NN" | "NNS" | "NNP" | "NNPS" | "POS")) && lex.role(token_text(doc, j, j + len)).is_some())?;
    lex.organisation(token_text(doc, i, j))?;
    Some(j + len)
}

fn looks_like_facility(words: &str) -> bool {
    let last = words.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(last.as_str(), "airport" | "bridge" | "station" | "stadium" | "port" | "plant" | "base" | "square" | "hospital" | "prison")
}

/// The type of a name the model labelled `kind` that is no office holder nor organisation
/// of the lexicon, given which country word it is, if any.
fn type_of(kind: &str, words: &str, country: Option<CountryWord>) -> EntityType {
    match kind {
        // "N. Korea" looks like an initial and a surname; a country's name of more than
        // one word is no one's (one-word names are: Chad, Jordan, Georgia).
        "PER" if words.contains(' ') && matches!(country, Some(CountryWord::Name)) => EntityType::Gpe,
        "PER" => EntityType::Person,
        "ORG" if matches!(country, Some(CountryWord::Name | CountryWord::Capital)) => EntityType::Gpe,
        "ORG" => EntityType::Org,
        "LOC" => match country {
            Some(CountryWord::Adjective | CountryWord::Demonym) => EntityType::Norp,
            Some(_) => EntityType::Gpe,
            None if looks_like_facility(words) => EntityType::Fac,
            None => EntityType::Loc,
        },
        _ => match country {
            Some(CountryWord::Adjective | CountryWord::Demonym) => EntityType::Norp,
            Some(_) => EntityType::Gpe,
            None => EntityType::Misc,
        },
    }
}
