//! Toponym recognition: names from the gazetteer's automaton, kept when their context
//! says they are places (capitalisation, titles, longer proper names, common words).

use sitrep_core::{Doc, TokenKind};

use crate::gazetteer::Gazetteer;
use crate::lexicon::{US_STATE_ABBREVIATIONS, DIRECTION_PREFIX, DIVISION_WORDS, NAME_INNER, NOT_PLACES, ORG_OF, TITLES};
use crate::normalize::normalize_into;

/// A recognised name: tokens `[a, b)` of sentence `sentence`.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// The gazetteer name id.
    pub name: u32,
    /// The sentence index.
    pub sentence: usize,
    /// Followed by a division word ("Oblast", "County"): prefer divisions.
    pub division: bool,
    /// A demonym or adjective ("Ukrainian") rather than a place name.
    pub demonym: Option<[u8; 2]>,
    /// A record the recogniser fixed: a state abbreviation ("Ga.", "N.Y.").
    pub forced: Option<u32>,
}

/// Reusable buffers so that recognising costs no allocation per token.
#[derive(Default)]
pub struct Scratch {
    hay: String,
    /// (byte position of the space before the token, token index)
    starts: Vec<(u32, u32)>,
    found: Vec<(usize, usize, u32)>,
    /// Normalised form of each token of the document.
    pub norm: Vec<(u32, u32)>,
    /// Arena of normalised tokens.
    pub norm_text: String,
    /// Words seen as the later words of a capitalised run that is not a place
    /// ("Sarah Jones" → "jones"): a later lone "Jones" is the person.
    person_words: std::collections::HashSet<String>,
}

impl Scratch {
    /// The normalised text of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        match self.norm.get(i) {
            Some(&(s, e)) => self.norm_text.get(s as usize..e as usize).unwrap_or(""),
            None => "",
        }
    }
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑" | "–")
}

pub(crate) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn all_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters > 0
}

/// Fill `scratch.norm` with every token's normalised form.
pub fn normalise_tokens(doc: &Doc, scratch: &mut Scratch) {
    scratch.norm.clear();
    scratch.norm_text.clear();
    for t in &doc.text_layer.tokens {
        let s = scratch.norm_text.len() as u32;
        if let Some(w) = doc.text().get(t.span.range()) {
            normalize_into(w, &mut scratch.norm_text);
        }
        scratch.norm.push((s, scratch.norm_text.len() as u32));
    }
}

/// Every recognised name in `doc`, in text order, not overlapping.
pub fn recognise(doc: &Doc, gaz: &Gazetteer, scratch: &mut Scratch, out: &mut Vec<Mention>) {
    out.clear();
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range())).unwrap_or("");
    // Person names: a capitalised word (not sentence-initial) or a title followed by a
    // capitalised word; the later word is remembered as a name.
    scratch.person_words.clear();
    for sentence in &doc.text_layer.sentences {
        let range = sentence.tokens();
        for i in range.start + 1..range.end.min(tokens.len()) {
            let (p, w) = (word(i - 1), word(i));
            let pn = scratch.norm(i - 1);
            let cap = |s: &str| starts_upper(s) && !all_upper(s) && s.chars().count() > 1;
            if tokens[i].kind == TokenKind::Word && cap(w) && tokens[i - 1].kind == TokenKind::Word && (TITLES.contains(&pn) || (cap(p) && i - 1 > range.start && FIRST_NAMES_HINT(pn))) {
                scratch.person_words.insert(scratch.norm(i).to_string());
            }
        }
    }
    for (si, sentence) in doc.text_layer.sentences.iter().enumerate() {
        let range = sentence.tokens();
        if range.end > tokens.len() || range.is_empty() {
            continue;
        }
        scratch.found.clear();
        // A second pass glues possessives to their word ("People" "'s" → "people's") to
        // find names that hold one ("People's Republic of China"); it keeps only those.
        let possessive = |i: usize| i > range.start && tokens[i - 1].span.end == tokens[i].span.start && matches!(word(i), "'s" | "’s" | "'S" | "’S");
        // Each possessive gets a short window of its own (such names are short).
        let mut windows: Vec<std::ops::Range<usize>> = Vec::new();
        windows.push(range.clone());
        for i in range.clone() {
            if possessive(i) && starts_upper(word(i - 1)) {
                let w = (i - 1).saturating_sub(3).max(range.start)..(i + 6).min(range.end);
                let n = windows.len();
                match windows.last_mut() {
                    Some(last) if n > 1 && last.end >= w.start => last.end = w.end,
                    _ => windows.push(w),
                }
            }
        }
        for (wi, window) in windows.into_iter().enumerate() {
            let glue = wi > 0;
            scratch.hay.clear();
            scratch.hay.push(' ');
            scratch.starts.clear();
            for i in window.clone() {
                let t = tokens[i];
                let w = word(i);
                if t.kind == TokenKind::Punct && is_hyphen(w) && i > window.start && i + 1 < window.end && tokens[i - 1].span.end == t.span.start && tokens[i + 1].span.start == t.span.end {
                    continue;
                }
                let (ns, ne) = scratch.norm.get(i).copied().unwrap_or((0, 0));
                let n = scratch.norm_text.get(ns as usize..ne as usize).unwrap_or("");
                if glue && i > window.start && possessive(i) {
                    scratch.hay.pop();
                    scratch.hay.push_str(n);
                    scratch.hay.push(' ');
                    continue;
                }
                scratch.starts.push((scratch.hay.len() as u32 - 1, i as u32));
                if matches!(t.kind, TokenKind::Word | TokenKind::Number) && !n.is_empty() {
                    scratch.hay.push_str(n);
                } else {
                    scratch.hay.push('#');
                }
                scratch.hay.push(' ');
            }
            for (s, e, id) in gaz.find_names(&scratch.hay) {
                let Ok(ai) = scratch.starts.binary_search_by_key(&(s as u32), |x| x.0) else { continue };
                let a = scratch.starts[ai].1 as usize;
                let b = match scratch.starts.binary_search_by_key(&(e as u32 - 1), |x| x.0) {
                    Ok(j) => scratch.starts[j].1 as usize,
                    Err(_) => window.end,
                };
                if b > a && (!glue || (a + 1..b).any(possessive)) {
                    scratch.found.push((a, b, id));
                }
            }
        }
        // Longest first, then leftmost; keep the ones context accepts, without overlap.
        scratch.found.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
        let first_new = out.len();
        state_abbreviations(doc, gaz, si, range.clone(), out);
        let found = std::mem::take(&mut scratch.found);
        for &(a, b, id) in &found {
            if out[first_new..].iter().any(|m| m.a < b && a < m.b) {
                continue;
            }
            if let Some(m) = accept(doc, gaz, scratch, &found, si, range.clone(), a, b, id) {
                out.push(m);
            }
        }
        scratch.found = found;
        out[first_new..].sort_by_key(|m| m.a);
    }
}

/// Whether tokens `[a, b)` lie in a person's name ("Jordan Henderson") or inside a longer
/// organisation name after its first word ("Bank of America"), as the entity layer found
/// them.
fn inside_other_entity(doc: &Doc, a: usize, b: usize) -> bool {
    let tokens = &doc.text_layer.tokens;
    let (start, end) = (tokens[a].span.start, tokens[b - 1].span.end);
    doc.entities.entities.iter().any(|e| match e.kind {
        sitrep_core::EntityType::Person => e.mentions.iter().any(|m| m.start <= start && end <= m.end && (m.start, m.end) != (start, end)),
        // A place that opens an organisation's name still locates it ("Gainesville Police
        // Department"); one inside it does not ("Bank of America").
        sitrep_core::EntityType::Org => e.mentions.iter().any(|m| m.start < start && end <= m.end),
        _ => false,
    })
}

#[allow(clippy::too_many_arguments)]
fn accept(doc: &Doc, gaz: &Gazetteer, scratch: &Scratch, found: &[(usize, usize, u32)], si: usize, range: std::ops::Range<usize>, a: usize, b: usize, id: u32) -> Option<Mention> {
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range())).unwrap_or("");
    let first = word(a);
    let last = word(b - 1);
    let dateline = a < 4 && si == 0 && all_upper(first);
    if !starts_upper(first) || !(starts_upper(last) || all_upper(last)) {
        return None;
    }
    for i in a + 1..b.saturating_sub(1) {
        let w = word(i);
        if !(starts_upper(w) || NAME_INNER.contains(&scratch.norm(i)) || scratch.norm(i) == "'s" || tokens[i].kind != TokenKind::Word) {
            return None;
        }
    }
    let key = &text[tokens[a].span.start as usize..tokens[b - 1].span.end as usize];
    let mut nbuf = String::new();
    normalize_into(key, &mut nbuf);
    if NOT_PLACES.contains(&nbuf.as_str()) {
        return None;
    }
    let info = gaz.name(id);
    let cands = gaz.candidates(id);
    let mut m = Mention { a, b, name: id, sentence: si, division: false, demonym: None, forced: None };
    if cands.is_empty() {
        if info.demonym.is_some() {
            m.demonym = info.demonym;
            return Some(m);
        }
        return None;
    }
    if inside_other_entity(doc, a, b) && !cands.iter().any(|c| matches!(gaz.entry(c.entry).kind, crate::Kind::Country)) {
        return None;
    }
    if b - a == 1 && !cands.iter().any(|c| matches!(gaz.entry(c.entry).kind, crate::Kind::Country | crate::Kind::Admin1)) && named_otherwise(doc, a, cands.iter().all(|c| !c.primary)) {
        return None;
    }
    if b - a == 1 && scratch.person_words.contains(nbuf.as_str()) && !cands.iter().any(|c| matches!(gaz.entry(c.entry).kind, crate::Kind::Country | crate::Kind::Admin1)) {
        return None;
    }
    if scratch.norm(a) == "the" && !cands.iter().any(|c| c.primary) {
        return None;
    }
    // Only alternate names of small places ("Lewis" for a village called otherwise).
    if cands.iter().all(|c| !c.primary && gaz.entry(c.entry).kind == crate::Kind::Place && gaz.entry(c.entry).population < 20_000) {
        return None;
    }
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 3 {
        // "US", "UK": upper-case abbreviations of countries only.
        if !all_upper(key) || !cands.iter().any(|c| gaz.entry(c.entry).kind == crate::Kind::Country) {
            return None;
        }
    } else if all_upper(first) && !dateline && b - a == 1 {
        // acronyms and shouting: "NATO", "WHO", "AP"
        let sentence_caps = range.clone().filter(|&i| tokens[i].kind == TokenKind::Word).all(|i| all_upper(word(i)));
        if !sentence_caps {
            return None;
        }
    }
    let prev = a.checked_sub(1).filter(|&p| p >= range.start);
    if let Some(p) = prev {
        let pn = scratch.norm(p);
        if TITLES.contains(&pn) {
            return None;
        }
        // "Michael Jordan": a capitalised word before, not a place, not sentence-initial.
        let pw = word(p);
        if p > range.start && tokens[p].kind == TokenKind::Word && starts_upper(pw) && !DIRECTION_PREFIX.contains(&pn) && !found.iter().any(|f| f.1 == a) && !all_upper(pw) {
            return None;
        }
        // "Bank of America"
        if pn == "of" && p > range.start && ORG_OF.contains(&scratch.norm(p - 1)) {
            return None;
        }
    }
    // "Marburg virus", "Lassa fever": a disease named after a place
    if b < range.end && matches!(scratch.norm(b), "virus" | "viruses" | "fever" | "disease" | "hemorrhagic" | "haemorrhagic") {
        return None;
    }
    if b < range.end {
        let nw = word(b);
        let nn = scratch.norm(b);
        if DIVISION_WORDS.contains(&nn) {
            m.division = true;
        } else if tokens[b].kind == TokenKind::Word && starts_upper(nw) && !all_upper(nw) && !TITLES.contains(&nn) && !ORG_HEADS.contains(&nn) && !found.iter().any(|f| f.0 == b) && !DIVISION_WORDS.contains(&scratch.norm(b - 1)) && !opens_organisation(doc, a, b) {
            // "Jordan Peterson", "Washington Post": part of a longer name.
            return None;
        }
    }
    if a == range.start && b - a == 1 && !doc.syntax.tokens.is_empty() {
        if let Some(s) = doc.syntax.tokens.get(a) {
            if matches!(s.upos, "VERB" | "AUX" | "ADV" | "PRON" | "DET" | "ADP" | "CCONJ" | "SCONJ" | "INTJ") {
                return None;
            }
        }
    }
    Some(m)
}

/// Whether the entity layer names the single token `a` as something else: a person known
/// by a longer name ("Bell" after "Kristen Bell"), or — when the gazetteer knows the word
/// only as an alternate name (`alternate_only`) — any organisation or group ("Hamas", an
/// old name of Hamm).
fn named_otherwise(doc: &Doc, a: usize, alternate_only: bool) -> bool {
    let t = doc.text_layer.tokens[a].span;
    doc.entities.entities.iter().any(|e| {
        let here = e.mentions.iter().any(|m| (m.start, m.end) == (t.start, t.end));
        here && match e.kind {
            sitrep_core::EntityType::Person => e.mentions.iter().any(|m| m.end - m.start > t.end - t.start && m.of(doc.text()).contains(' ')),
            sitrep_core::EntityType::Org | sitrep_core::EntityType::Norp => alternate_only,
            _ => false,
        }
    })
}

/// Whether the entity layer found an organisation, facility or event name that opens
/// with tokens `[a, b)` and goes on ("Dublin Arts Council", "Athens Police Department"):
/// the place still locates it.
fn opens_organisation(doc: &Doc, a: usize, b: usize) -> bool {
    let tokens = &doc.text_layer.tokens;
    let (start, end) = (tokens[a].span.start, tokens[b - 1].span.end);
    doc.entities.entities.iter().any(|e| matches!(e.kind, sitrep_core::EntityType::Org | sitrep_core::EntityType::Fac | sitrep_core::EntityType::Loc | sitrep_core::EntityType::Misc) && e.mentions.iter().any(|m| m.start == start && end < m.end))
}

/// Capitalised words after a place name that keep it a place: "Kyiv Mayor", "Sumy
/// Airport".
const ORG_HEADS: &[&str] = &[
    "police", "officials", "official", "army", "forces", "government", "city", "council", "airport", "university",
    "college", "hospital", "school", "schools", "department", "office", "court", "station", "bridge", "street",
    "road", "avenue", "metro", "area", "region", "residents", "authorities", "health", "public", "high", "state",
    "mayor", "governor", "sheriff", "fire", "county", "township", "village", "town", "board", "commission",
    "district", "senate", "house", "assembly", "legislature", "national", "international", "museum", "library",
    "park", "center", "centre", "hall", "church", "cathedral", "harbor", "harbour", "port", "valley", "river",
];

/// Whether a capitalised word before another looks like a given name rather than a
/// place modifier: anything not a known direction word or division word.
#[allow(non_snake_case)]
fn FIRST_NAMES_HINT(w: &str) -> bool {
    !DIRECTION_PREFIX.contains(&w) && !DIVISION_WORDS.contains(&w) && !NAME_INNER.contains(&w) && !matches!(w, "new" | "fort" | "port" | "saint" | "san" | "santa" | "los" | "las" | "el" | "la" | "lake" | "mount" | "st")
}

/// "Athens, Ga.", "Buffalo, N.Y.": a US state abbreviated AP style after a comma and a
/// capitalised word (or opening a dateline), taken as the state.
fn state_abbreviations(doc: &Doc, gaz: &Gazetteer, si: usize, range: std::ops::Range<usize>, out: &mut Vec<Mention>) {
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range())).unwrap_or("");
    for a in range.clone() {
        let w = word(a);
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() > 6 || !(a >= range.start + 2 && word(a - 1) == "," && starts_upper(word(a - 2))) {
            continue;
        }
        // the abbreviation may be one token ("Ga.", "W.Va.") or two ("W." "Va."), the full
        // stop kept or not by the segmenter
        for b in (a + 1..=(a + 3).min(range.end)).rev() {
            let (s, e) = (tokens[a].span.start as usize, tokens[b - 1].span.end as usize);
            let mut end = e;
            if !text[s..e].ends_with('.') && text[e..].starts_with('.') {
                end = e + 1;
            }
            let Some(written) = text.get(s..end) else { continue };
            let Some(&(_, code)) = US_STATE_ABBREVIATIONS.iter().find(|(abbr, _)| *abbr == written) else { continue };
            let Some(entry) = gaz.admin1(*b"US", code) else { break };
            let name = gaz.name_id(&format!(" {} ", crate::normalize::normalize(&gaz.entry(entry).name))).unwrap_or(u32::MAX);
            if name == u32::MAX {
                break;
            }
            out.push(Mention { a, b, name, sentence: si, division: false, demonym: None, forced: Some(entry) });
            break;
        }
    }
}
