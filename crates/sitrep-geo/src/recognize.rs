//! Toponym recognition: names from the gazetteer's automaton, kept when their context
//! says they are places (capitalisation, titles, longer proper names, common words).

use sitrep_core::{Doc, TokenKind};

use crate::gazetteer::Gazetteer;
use crate::lexicon::{BODY_HEADS, CIVIC_HEADS, MUNICIPAL_WORDS, DIRECTION_PREFIX, DIVISION_WORDS, NAME_INNER, NOT_PLACES, ORG_OF, PLACE_BEFORE, PLURAL_DIVISION_WORDS, SPEECH_AFTER_NAME, TITLES, us_state_code};
use crate::normalize::normalize_into;
use crate::wordset::WordSet;

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
    /// After "the city of", "the town of": prefer towns to divisions ("the city of Sao
    /// Paulo").
    pub town: bool,
    /// Taken only because the same name is a place elsewhere in the report (it stands
    /// inside a longer capitalised name here: "Dublin Arts Council", "Historic Dublin").
    pub deferred: bool,
    /// A record the recogniser fixed: a state abbreviation ("Ga.", "N.Y.").
    pub forced: Option<u32>,
    /// Byte span when the name is only part of its tokens ("Houston" in
    /// "Houston-based", "Clarke" in "Athens-Clarke").
    pub cut: Option<(u32, u32)>,
}

impl Mention {
    /// Byte span of the name in the text.
    pub fn bytes(&self, tokens: &[sitrep_core::Token]) -> (u32, u32) {
        self.cut.unwrap_or_else(|| (tokens.get(self.a).map_or(0, |t| t.span.start), tokens.get(self.b.wrapping_sub(1)).map_or(0, |t| t.span.end)))
    }
}

/// A found name before context checks: tokens `[a, b)`, its byte span, the number of
/// matched units (tokens or hyphen-separated parts of tokens) and the name id.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    a: usize,
    b: usize,
    bs: u32,
    be: u32,
    units: usize,
    id: u32,
    cut: bool,
}

/// A unit of the matching haystack: a token, or one hyphen-separated part of a token.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// Byte position of the space before the unit in the haystack.
    hay: u32,
    token: u32,
    /// Byte span in the text.
    bs: u32,
    be: u32,
}

/// Reusable buffers so that recognising costs no allocation per token.
#[derive(Default)]
pub struct Scratch {
    hay: String,
    starts: Vec<Unit>,
    /// Runs of units (`[from, to)` in `starts`) that may hold a name.
    runs: Vec<(usize, usize)>,
    found: Vec<Found>,
    /// The windows of a sentence searched: the sentence, then one around each
    /// possessive.
    windows: Vec<std::ops::Range<usize>>,
    /// Normalised form of each token of the document.
    pub norm: Vec<(u32, u32)>,
    /// Arena of normalised tokens.
    pub norm_text: String,
    /// Words seen as the later words of a capitalised run that is not a place
    /// ("Sarah Jones" → "jones"): a later lone "Jones" is the person.
    person_words: std::collections::HashSet<String, sitrep_learn::hash::BuildFxHasher>,
    /// The byte spans of the report's person and organisation names (the entity layer's
    /// mentions), `true` for a person's, for [`inside_other_entity`].
    entity_spans: Vec<(u32, u32, bool)>,
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

fn is_hyphen_char(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–')
}

/// Whether `s` holds a hyphen of [`is_hyphen_char`] (those other than "-" open with the
/// byte 0xE2 in UTF-8, which most words lack: they are told apart byte by byte).
fn has_hyphen(s: &str) -> bool {
    s.bytes().any(|b| b == b'-' || b == 0xE2) && s.contains(is_hyphen_char)
}

/// Whether `s` holds an upper-case letter: read byte by byte up to its first non-ASCII
/// character, then character by character.
fn has_upper(s: &str) -> bool {
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b.is_ascii_uppercase() {
            return true;
        }
        if !b.is_ascii() {
            // (Every byte before is ASCII: `i` opens a character.)
            return s.get(i..).is_some_and(|rest| rest.chars().any(char::is_uppercase));
        }
    }
    false
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
    scratch.norm.reserve(doc.text_layer.tokens.len());
    scratch.norm_text.reserve(doc.text().len());
    for t in &doc.text_layer.tokens {
        let s = scratch.norm_text.len() as u32;
        if let Some(w) = doc.text().get(t.span.range()) {
            normalize_into(w, &mut scratch.norm_text);
        }
        scratch.norm.push((s, scratch.norm_text.len() as u32));
    }
}

/// Whether `norm` (a normalised word) names a country, a first-level division or a
/// place of 100,000+ people: after another capitalised word it is still more likely
/// the place ("Metropolitan Atlanta") than a surname.
/// `padded` is a buffer for the name's padded form.
fn big_place(gaz: &Gazetteer, norm: &str, padded: &mut String) -> bool {
    padded.clear();
    padded.push(' ');
    padded.push_str(norm);
    padded.push(' ');
    gaz.name_id(padded).is_some_and(|id| big_name(gaz, id))
}

/// Whether the name `id` is a country's, a first-level division's or, as its primary
/// name, a place of 100,000+ people ([`big_place`] by name id).
fn big_name(gaz: &Gazetteer, id: u32) -> bool {
    gaz.candidates(id).iter().any(|c| {
        let e = gaz.entry(c.entry);
        c.primary && (matches!(e.kind, crate::Kind::Country | crate::Kind::Admin1) || (e.kind == crate::Kind::Place && e.population >= 100_000))
    })
}


/// Whether two words joined by a hyphen name a company rather than two places
/// ("Coca-Cola": Coca is a town in Ecuador, Cola one in Italy).
fn brand(first: &str, second: &str) -> bool {
    matches!((first, second), ("coca", "cola") | ("pepsi", "cola") | ("rolls", "royce") | ("mercedes", "benz") | ("harley", "davidson") | ("hewlett", "packard") | ("bristol", "myers") | ("alfa", "romeo") | ("marks", "spencer"))
}

/// Every recognised name in `doc`, in text order, not overlapping.
pub fn recognise(doc: &Doc, gaz: &Gazetteer, scratch: &mut Scratch, out: &mut Vec<Mention>) {
    out.clear();
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    // (Each word is read several times over: it is sliced from the text once.)
    let words: Vec<&str> = tokens.iter().map(|t| text.get(t.span.range()).unwrap_or("")).collect();
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    // Person names: a capitalised word (not sentence-initial) or a title followed by a
    // capitalised word; the later word is remembered as a name (a word remembered already
    // is not looked up in the gazetteer again).
    scratch.person_words.clear();
    entity_spans(doc, &mut scratch.entity_spans);
    let mut padded = String::new();
    for sentence in &doc.text_layer.sentences {
        let range = sentence.tokens();
        for i in range.start + 1..range.end.min(tokens.len()) {
            let w = word(i);
            let cap = |s: &str| starts_upper(s) && !all_upper(s) && s.chars().count() > 1;
            // (The word before is read only for a capitalised word after a word: few are.)
            if tokens[i].kind != TokenKind::Word || !cap(w) || tokens[i - 1].kind != TokenKind::Word {
                continue;
            }
            let (p, pn) = (word(i - 1), scratch.norm(i - 1));
            // "Tyrise M. Bell": a middle initial
            let initial = |k: usize| {
                let w = word(k);
                let w = w.strip_suffix('.').unwrap_or(w);
                w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
            };
            let after_initial = || i >= range.start + 2 && initial(i - 1) && cap(word(i - 2)) && FIRST_NAMES_HINT(scratch.norm(i - 2));
            if TITLES.contains(pn) || after_initial() || (cap(p) && i - 1 > range.start && FIRST_NAMES_HINT(pn) && !scratch.person_words.contains(scratch.norm(i)) && !big_place(gaz, scratch.norm(i), &mut padded)) {
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
        let mut windows = std::mem::take(&mut scratch.windows);
        windows.clear();
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
        for (wi, window) in windows.iter().cloned().enumerate() {
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
                if t.kind == TokenKind::Word && has_hyphen(w) && !n.is_empty() {
                    // "Houston-based", "Athens-Clarke": each part is a unit of its own
                    let mut at = t.span.start as usize;
                    for part in w.split(is_hyphen_char) {
                        let (ps, pe) = (at, at + part.len());
                        at = pe + w[pe - t.span.start as usize..].chars().next().map_or(0, char::len_utf8);
                        let before = scratch.hay.len();
                        normalize_into(part, &mut scratch.hay);
                        if scratch.hay.len() == before {
                            continue;
                        }
                        let hay_part = scratch.hay.split_off(before);
                        scratch.starts.push(Unit { hay: scratch.hay.len() as u32 - 1, token: i as u32, bs: ps as u32, be: pe as u32 });
                        scratch.hay.push_str(&hay_part);
                        scratch.hay.push(' ');
                    }
                    continue;
                }
                scratch.starts.push(Unit { hay: scratch.hay.len() as u32 - 1, token: i as u32, bs: t.span.start, be: t.span.end });
                if matches!(t.kind, TokenKind::Word | TokenKind::Number) && !n.is_empty() {
                    scratch.hay.push_str(n);
                } else {
                    scratch.hay.push('#');
                }
                scratch.hay.push(' ');
            }
            // Only runs of units that could lie inside an accepted name are searched: a
            // name opens with a capitalised word and holds only capitalised words, inner
            // words ("of", "de") and punctuation, so the lower-case prose between names
            // (most of the text) never reaches the automaton.
            scratch.runs.clear();
            let mut open: Option<usize> = None;
            for (k, u) in scratch.starts.iter().enumerate() {
                let i = u.token as usize;
                let capital = has_upper(word(i));
                // (Whether a word may stand inside a name matters only inside a run.)
                let inner = || tokens[i].kind != TokenKind::Word || NAME_INNER.contains(scratch.norm(i)) || scratch.norm(i) == "'s";
                match (capital, open) {
                    (true, None) => open = Some(k),
                    (false, Some(from)) if !inner() => {
                        scratch.runs.push((from, k));
                        open = None;
                    }
                    _ => {}
                }
            }
            if let Some(from) = open {
                scratch.runs.push((from, scratch.starts.len()));
            }
            for &(from, to) in &scratch.runs {
                let hs = scratch.starts[from].hay as usize;
                let he = scratch.starts.get(to).map_or(scratch.hay.len(), |u| u.hay as usize + 1);
                let Some(run) = scratch.hay.get(hs..he) else { continue };
                for (s, e, id) in gaz.find_names(run) {
                    let (s, e) = (s + hs, e + hs);
                    let Ok(ai) = scratch.starts.binary_search_by_key(&(s as u32), |x| x.hay) else { continue };
                    let last = match scratch.starts.binary_search_by_key(&(e as u32 - 1), |x| x.hay) {
                        Ok(j) if j > ai => j - 1,
                        Ok(_) => continue,
                        Err(_) => scratch.starts.len() - 1,
                    };
                    let (ua, ub) = (scratch.starts[ai], scratch.starts[last]);
                    let (a, b) = (ua.token as usize, ub.token as usize + 1);
                    let cut = ua.bs != tokens[a].span.start || ub.be != tokens[b - 1].span.end;
                    if b > a && (!glue || (a + 1..b).any(possessive)) {
                        scratch.found.push(Found { a, b, bs: ua.bs, be: ub.be, units: last + 1 - ai, id, cut });
                    }
                }
            }
        }
        scratch.windows = windows;
        // Longest first, then leftmost; keep the ones context accepts, without overlap.
        scratch.found.sort_by_key(|f| (std::cmp::Reverse(f.units), f.bs));
        let first_new = out.len();
        state_abbreviations(doc, gaz, si, range.clone(), out);
        let found = std::mem::take(&mut scratch.found);
        for f in &found {
            if out[first_new..].iter().any(|m| {
                let (ms, me) = m.bytes(tokens);
                ms < f.be && f.bs < me
            }) {
                continue;
            }
            if crate::resolve::debug() {
                eprintln!("FOUND {:?} {:?}", &text[f.bs as usize..f.be as usize], f);
            }
            if let Some(m) = accept(doc, gaz, scratch, &found, si, range.clone(), f) {
                out.push(m);
            }
        }
        scratch.found = found;
        out[first_new..].sort_by_key(|m| m.bytes(tokens).0);
        division_lists(gaz, scratch, &word, &mut out[first_new..]);
    }
    // One sense per report: a name inside a longer capitalised name is a place when the
    // report names that place on its own elsewhere.
    if out.iter().any(|m| m.deferred) {
        let sure: std::collections::HashSet<u32> = out.iter().filter(|m| !m.deferred && m.demonym.is_none()).map(|m| m.name).collect();
        out.retain(|m| !m.deferred || sure.contains(&m.name));
    }
}

/// "Dakota, Otoe and Washington counties", "the Donetsk and Luhansk regions": every name
/// of a list closed by a plural division word is a division (the recogniser only sees the
/// word after the last one). Before "counties" and "parishes" a name becomes the
/// gazetteer's "X County" / "X Parish" when it has one (the county, never the state or
/// a town). `ms` are one sentence's mentions in text order.
fn division_lists<'t>(gaz: &Gazetteer, scratch: &Scratch, word: &impl Fn(usize) -> &'t str, ms: &mut [Mention]) {
    let mut k = ms.len();
    while k > 0 {
        k -= 1;
        let m = ms[k];
        let after = scratch.norm(m.b);
        if m.demonym.is_some() || m.forced.is_some() || m.cut.is_some() || !PLURAL_DIVISION_WORDS.contains(&after) {
            continue;
        }
        let head = match after {
            "counties" => Some("county"),
            "parishes" => Some("parish"),
            _ => None,
        };
        // the names of the list: back over ",", "and", "or", ", and"
        let mut j = k;
        while let Some(prev) = j.checked_sub(1) {
            let (pb, a) = (ms[prev].b, ms[j].a);
            let joined = match a.checked_sub(pb) {
                Some(1) => matches!(word(pb), "," | "and" | "or" | "&"),
                Some(2) => word(pb) == "," && matches!(word(pb + 1), "and" | "or"),
                _ => false,
            };
            if !joined || ms[prev].demonym.is_some() || ms[prev].forced.is_some() || ms[prev].cut.is_some() {
                break;
            }
            j = prev;
        }
        // one name alone is no list ("Indiana counties"), unless the list goes on over
        // words the gazetteer lacks ("Sarpy and Lancaster counties")
        let a = ms[j].a;
        if j == k && !(a > 0 && matches!(word(a - 1), "," | "and" | "or" | "&")) {
            continue;
        }
        for n in &mut ms[j..=k] {
            let county = head.and_then(|h| {
                let mut padded = String::from(" ");
                for i in n.a..n.b {
                    padded.push_str(scratch.norm(i));
                    padded.push(' ');
                }
                padded.push_str(h);
                padded.push(' ');
                gaz.name_id(&padded)
            });
            match county {
                Some(id) => n.name = id,
                None => n.division = true,
            }
        }
        k = j;
    }
}

/// The byte spans of the mentions of `doc`'s people and organisations into `spans`
/// (`true` for a person's), read once per report rather than for every name.
fn entity_spans(doc: &Doc, spans: &mut Vec<(u32, u32, bool)>) {
    spans.clear();
    for e in &doc.entities.entities {
        let person = match e.kind {
            sitrep_core::EntityType::Person => true,
            sitrep_core::EntityType::Org => false,
            _ => continue,
        };
        spans.extend(e.mentions.iter().map(|m| (m.start, m.end, person)));
    }
}

/// Whether tokens `[a, b)` lie in a person's name ("Jordan Henderson") or inside a longer
/// organisation name after its first word ("Bank of America"), as the entity layer found
/// them (`spans`: [`entity_spans`]).
fn inside_other_entity(doc: &Doc, spans: &[(u32, u32, bool)], a: usize, b: usize) -> bool {
    let tokens = &doc.text_layer.tokens;
    let (start, end) = (tokens[a].span.start, tokens[b - 1].span.end);
    spans.iter().any(|&(ms, me, person)| {
        if person {
            ms <= start && end <= me && (ms, me) != (start, end)
        } else {
            // A place that opens an organisation's name still locates it ("Gainesville
            // Police Department"); one inside it does not ("Bank of America").
            ms < start && end <= me
        }
    })
}

#[allow(clippy::too_many_arguments)]
fn accept(doc: &Doc, gaz: &Gazetteer, scratch: &Scratch, found: &[Found], si: usize, range: std::ops::Range<usize>, f: &Found) -> Option<Mention> {
    let (a, b, id) = (f.a, f.b, f.id);
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range())).unwrap_or("");
    let key = &text[f.bs as usize..f.be as usize];
    let (first, last) = if f.cut { (key.split(is_hyphen_char).next().unwrap_or(""), key.rsplit(is_hyphen_char).next().unwrap_or("")) } else { (word(a), word(b - 1)) };
    if !starts_upper(first) || !(starts_upper(last) || all_upper(last)) {
        return None;
    }
    if f.cut {
        // Part of a hyphenated word: "Houston-based", "Atlanta-area", "Athens-Clarke",
        // "Egypt-US". The part before must be a capitalised name too (not "pro-Russia"),
        // the part after a lower-case word or a name ("Webb-Lawton" is a person).
        let joined = |x: u32, y: u32| text.get(x as usize..y as usize).is_some_and(|h| h.chars().count() == 1 && h.chars().all(is_hyphen_char));
        let (ts, te) = (tokens[a].span.start, tokens[b - 1].span.end);
        // "Nina Webb-Lawton": a capitalised word before the hyphenated one
        if a > range.start && tokens[a - 1].kind == TokenKind::Word && starts_upper(word(a - 1)) && !all_upper(word(a - 1)) && !DIRECTION_PREFIX.contains(scratch.norm(a - 1)) {
            return None;
        }
        if f.bs > ts {
            let before = text[ts as usize..f.bs as usize].trim_end_matches(is_hyphen_char);
            let part = before.rsplit(is_hyphen_char).next().unwrap_or("");
            if !(all_upper(part) || found.iter().any(|g| g.be < f.bs && joined(g.be, f.bs) && starts_upper(&text[g.bs as usize..g.be as usize]))) {
                return None;
            }
        }
        if f.be < te {
            let after = text[f.be as usize..te as usize].trim_start_matches(is_hyphen_char);
            let part = after.split(is_hyphen_char).next().unwrap_or("");
            if starts_upper(part) && !(all_upper(part) || found.iter().any(|g| g.bs > f.be && joined(f.be, g.bs))) {
                return None;
            }
        }
    }
    // The same when the hyphen is a token of its own: a name joined to a capitalised
    // word is a place only beside another place ("Kharkiv-Belgorod", "Champaign-Urbana"),
    // not in a double name ("Webb-Lawton") — nor in a brand named after two places.
    let glued = |x: usize, y: usize| tokens[x].span.end == tokens[y].span.start;
    let hyphen_at = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Punct && is_hyphen(word(k)));
    let name_word = |k: usize| starts_upper(word(k)) && !all_upper(word(k));
    if !f.cut && b + 1 < range.end && hyphen_at(b) && glued(b - 1, b) && glued(b, b + 1) && name_word(b + 1) && (!found.iter().any(|g| g.a == b + 1) || brand(scratch.norm(b - 1), scratch.norm(b + 1))) {
        return None;
    }
    if !f.cut && a >= range.start + 2 && hyphen_at(a - 1) && glued(a - 2, a - 1) && glued(a - 1, a) && name_word(a - 2) && (!found.iter().any(|g| g.b == a - 1) || brand(scratch.norm(a - 2), scratch.norm(a))) {
        return None;
    }
    // A dateline: "MANSFIELD --", "BEIRUT:", "COLUMBUS, Ohio (AP) —", at the start of a
    // sentence (or after the date that opens it).
    let dateline = all_upper(first) && {
        let opens = a == range.start || (a > range.start && tokens[a - 1].kind == TokenKind::Number) || (a < 4 && si == 0);
        let nw = if f.be < tokens[b - 1].span.end { "" } else { word(b) };
        let after_comma = b + 1 < tokens.len() && (starts_upper(word(b + 1)) || word(b + 1) == "(");
        opens && (matches!(nw, "—" | "--" | "–" | "-" | ":" | "---") || (nw == "," && after_comma) || (nw == "(" && word(b + 1) == "AP"))
    };
    for (i, t) in tokens.iter().enumerate().take(b.saturating_sub(1)).skip(a + 1) {
        let w = word(i);
        if !(starts_upper(w) || NAME_INNER.contains(scratch.norm(i)) || scratch.norm(i) == "'s" || t.kind != TokenKind::Word) {
            return None;
        }
    }
    let mut nbuf = String::new();
    normalize_into(key, &mut nbuf);
    if NOT_PLACES.contains(nbuf.as_str()) {
        return None;
    }
    let info = gaz.name(id);
    let cands = gaz.candidates(id);
    let mut m = Mention { a, b, name: id, sentence: si, division: false, demonym: None, town: false, deferred: false, forced: None, cut: f.cut.then_some((f.bs, f.be)) };
    if cands.is_empty() {
        if info.demonym.is_some() {
            m.demonym = info.demonym;
            return Some(m);
        }
        return None;
    }
    if !cands.iter().any(|c| matches!(gaz.entry(c.entry).kind, crate::Kind::Country)) && inside_other_entity(doc, &scratch.entity_spans, a, b) {
        return None;
    }
    if b - a == 1 && !cands.iter().any(|c| matches!(gaz.entry(c.entry).kind, crate::Kind::Country | crate::Kind::Admin1)) && named_otherwise(doc, a, cands.iter().all(|c| !c.primary), cands.iter().all(|c| crate::resolve::minor(gaz, c.entry))) {
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
        // "US", "UK": upper-case abbreviations of countries; a name of three letters
        // only for a city, said to be where ("in Ufa", "near Gao", "the town of Aba"):
        // too many such words are names of people ("Lee", "Ban") or words.
        let abbreviation = all_upper(key) && cands.iter().any(|c| gaz.entry(c.entry).kind == crate::Kind::Country);
        let city = !all_upper(key) && cands.iter().any(|c| c.primary && gaz.entry(c.entry).kind == crate::Kind::Place && gaz.entry(c.entry).population >= 50_000);
        let locative = a > range.start && matches!(scratch.norm(a - 1), "in" | "near" | "outside" | "at" | "from" | "into" | "of");
        if !abbreviation && !(city && locative) {
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
        if TITLES.contains(pn) {
            return None;
        }
        // "Michael Jordan": a capitalised word before, not a place, not sentence-initial.
        let pw = word(p);
        if p > range.start && tokens[p].kind == TokenKind::Word && starts_upper(pw) && !DIRECTION_PREFIX.contains(pn) && !found.iter().any(|g| g.b == a) && !all_upper(pw) {
            return None;
        }
        // "Bank of America"
        if pn == "of" && p > range.start && ORG_OF.contains(&scratch.norm(p - 1)) {
            return None;
        }
    }
    // "Wichita Street", "Grand Avenue": a street named after a place
    if b < range.end && starts_upper(word(b)) && STREET_WORDS.contains(scratch.norm(b)) {
        return None;
    }
    // "Marburg virus", "Lassa fever": a disease named after a place
    if b < range.end && matches!(scratch.norm(b), "virus" | "viruses" | "fever" | "disease" | "hemorrhagic" | "haemorrhagic") {
        return None;
    }
    if b < range.end {
        let nw = word(b);
        let nn = scratch.norm(b);
        if DIVISION_WORDS.contains(nn) {
            m.division = true;
        } else if tokens[b].kind == TokenKind::Word && starts_upper(nw) && !all_upper(nw) && !TITLES.contains(nn) && !ORG_HEADS.contains(nn) && !found.iter().any(|g| g.a == b) && !DIVISION_WORDS.contains(scratch.norm(b - 1)) && !opens_organisation(doc, a, b) {
            // "Jordan Peterson", "Washington Post": part of a longer name (unless the
            // report names the place on its own elsewhere).
            m.deferred = true;
        }
    }
    let country_or_division = cands.iter().any(|c| matches!(gaz.entry(c.entry).kind, crate::Kind::Country | crate::Kind::Admin1));
    // "Rapid Support Forces", "Dublin Teachers Union": a town's name opening the name of
    // an armed or political body counts only when the report names the place on its own
    // (countries and states are places even there: "Sudan Liberation Army").
    if !country_or_division && opens_body(scratch, &word, b, range.end) {
        m.deferred = true;
    }
    // "Douglas said", "…,” Hartl says": a name right before a verb of speech is the
    // speaker, unless a preposition makes it a place ("of Tyler said") or it is a
    // country, a division of 1,000,000+ people or a capital of 100,000+ (a government
    // speaking: "Tbilisi says"; "Douglas said" is still a person).
    if b < range.end && f.be == tokens[b - 1].span.end && SPEECH_AFTER_NAME.contains(scratch.norm(b)) {
        let placed = prev_in(a, &range).is_some_and(|p| PLACE_BEFORE.contains(&scratch.norm(p)));
        let government = cands.iter().any(|c| {
            let e = gaz.entry(c.entry);
            match e.kind {
                crate::Kind::Country => true,
                crate::Kind::Admin1 => gaz.division_population(c.entry) >= 1_000_000,
                _ => e.fcode == "PPLC" && e.population >= 100_000,
            }
        });
        if !placed && !government {
            return None;
        }
    }
    // "the town of Sake", "the village of Kuriga": a town, whatever the word.
    let named_town = a >= range.start + 2 && scratch.norm(a - 1) == "of" && matches!(scratch.norm(a - 2), "city" | "town" | "village" | "suburb" | "township");
    // A single capitalised word the syntax reads as a common word ("Grand jury",
    // "Superior Court", "English", "Pack 122"), unless a country, a division or a city.
    if b - a == 1 && !f.cut && !dateline && !named_town && !cands.iter().any(|c| matches!(gaz.entry(c.entry).kind, crate::Kind::Country | crate::Kind::Admin1)) {
        if let Some(s) = doc.syntax.tokens.get(a) {
            if matches!(s.upos, "NOUN" | "ADJ" | "VERB" | "ADV" | "ADP" | "AUX" | "PRON" | "DET" | "NUM" | "INTJ" | "X" | "SCONJ" | "CCONJ") && !big_place(gaz, &nbuf, &mut String::new()) {
                return None;
            }
        }
    }
    // "the province of Ontario", "the state of Washington": a division
    if a >= range.start + 2 && scratch.norm(a - 1) == "of" && matches!(scratch.norm(a - 2), "province" | "state" | "oblast" | "region" | "prefecture" | "governorate" | "county" | "department" | "canton") {
        m.division = true;
    }
    if named_town {
        m.town = true;
    }
    // a dateline names a city: "WASHINGTON —" is the capital, not the state
    if dateline {
        m.town = true;
    }
    if a == range.start && b - a == 1 && !dateline && !doc.syntax.tokens.is_empty() {
        if let Some(s) = doc.syntax.tokens.get(a) {
            if matches!(s.upos, "VERB" | "AUX" | "ADV" | "PRON" | "DET" | "ADP" | "CCONJ" | "SCONJ" | "INTJ") {
                return None;
            }
        }
    }
    Some(m)
}

/// Token `a - 1` when it lies in the sentence `range`.
fn prev_in(a: usize, range: &std::ops::Range<usize>) -> Option<usize> {
    a.checked_sub(1).filter(|&p| p >= range.start)
}

/// Whether the capitalised words from token `b` on (at most five, before `end`) end a
/// body's name: with an armed or political head ("Support Forces", "Party"), or a civic
/// head after a word of its own that is no municipal word ("Teachers Union", not "City
/// Council").
fn opens_body<'t>(scratch: &Scratch, word: &dyn Fn(usize) -> &'t str, b: usize, end: usize) -> bool {
    let mut municipal = false;
    let mut k = b;
    while k < end.min(b + 5) && (starts_upper(word(k)) || scratch.norm(k) == "'s") {
        municipal |= MUNICIPAL_WORDS.contains(&scratch.norm(k));
        k += 1;
    }
    // the run's last word is its head ("Blue Grass Army Depot" is a depot's name)
    let Some(last) = k.checked_sub(1).filter(|&l| l >= b) else { return false };
    let head = scratch.norm(last);
    BODY_HEADS.contains(&head) || (CIVIC_HEADS.contains(&head) && last > b && !municipal)
}

/// Whether the entity layer names the single token `a` as something else: a person known
/// by a longer name ("Bell" after "Kristen Bell", "Merkel" as Angela Merkel), or — when
/// the gazetteer knows the word only as an alternate name (`alternate_only`) — any
/// organisation or group ("Hamas", an old name of Hamm); and when the gazetteer knows
/// the word only as small towns (`minor_only`), any person ("Bernie's campaign" is no
/// visit to Bernie, Missouri).
fn named_otherwise(doc: &Doc, a: usize, alternate_only: bool, minor_only: bool) -> bool {
    let t = doc.text_layer.tokens[a].span;
    doc.entities.entities.iter().any(|e| {
        let here = e.mentions.iter().any(|m| (m.start, m.end) == (t.start, t.end));
        here && match e.kind {
            // … or by the longer name the actor tables know it by ("Merkel", Angela
            // Merkel, not the town in Texas).
            sitrep_core::EntityType::Person => minor_only || e.mentions.iter().any(|m| m.end - m.start > t.end - t.start && m.of(doc.text()).contains(' ')) || (e.actor.is_some() && e.canonical.contains(' ') && e.canonical.len() > (t.end - t.start) as usize),
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

/// Words after a name that make it a street's: "Wichita Street", "Grand Ave.".
static STREET_WORDS: WordSet = WordSet::new(&["street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "boulevard", "blvd", "lane", "ln", "way", "parkway", "pkwy", "pike", "court", "ct", "place", "pl", "terrace", "trail", "circle", "turnpike", "expressway", "freeway"]);

/// Capitalised words after a place name that keep it a place: "Kyiv Mayor", "Sumy
/// Airport".
static ORG_HEADS: WordSet = WordSet::new(&[
    "police", "officials", "official", "army", "forces", "government", "city", "council", "airport", "university",
    "college", "hospital", "school", "schools", "department", "office", "court", "station", "bridge", "street",
    "road", "avenue", "metro", "area", "region", "residents", "authorities", "health", "public", "high", "state",
    "mayor", "governor", "sheriff", "fire", "county", "township", "village", "town", "board", "commission",
    "district", "senate", "house", "assembly", "legislature", "national", "international", "museum", "library",
    "park", "center", "centre", "hall", "church", "cathedral", "harbor", "harbour", "port", "valley", "river",
]);

/// Whether a capitalised word before another looks like a given name rather than a
/// place modifier: anything not a known direction word or division word.
#[allow(non_snake_case)]
fn FIRST_NAMES_HINT(w: &str) -> bool {
    !DIRECTION_PREFIX.contains(w) && !DIVISION_WORDS.contains(w) && !NAME_INNER.contains(w) && !matches!(w, "new" | "fort" | "port" | "saint" | "san" | "santa" | "los" | "las" | "el" | "la" | "lake" | "mount" | "st")
}

/// "Athens, Ga.", "Buffalo, N.Y.": a US state abbreviated AP style after a comma and a
/// capitalised word (or opening a dateline), taken as the state.
fn state_abbreviations(doc: &Doc, gaz: &Gazetteer, si: usize, range: std::ops::Range<usize>, out: &mut Vec<Mention>) {
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range())).unwrap_or("");
    let bytes = text.as_bytes();
    for a in range.clone() {
        // (A word of more than six bytes is none, nor one whose first byte is no capital
        // letter: neither need be sliced.)
        let span = tokens[a].span;
        if span.end.wrapping_sub(span.start) > 6 || !bytes.get(span.start as usize).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let w = word(a);
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() > 6 {
            continue;
        }
        // "Athens, Ga.": after a comma and a capitalised word; "D-N.Y.": after a party
        // (asked only of an abbreviation)
        let after_place = || a >= range.start + 2 && word(a - 1) == "," && starts_upper(word(a - 2));
        let after_party = || a >= range.start + 2 && word(a - 1) == "-" && matches!(word(a - 2), "D" | "R" | "I");
        // the abbreviation may be one token ("Ga.", "W.Va.") or two ("W." "Va."), the full
        // stop kept or not by the segmenter, the sentence split after "W." or not
        for b in (a + 1..=(a + 3).min(tokens.len())).rev() {
            let (s, e) = (tokens[a].span.start as usize, tokens[b - 1].span.end as usize);
            // (Every abbreviation ends in a full stop, its own or the one right after it:
            // without either, nothing is sliced.)
            if !(e > s && bytes.get(e - 1) == Some(&b'.')) && bytes.get(e) != Some(&b'.') {
                continue;
            }
            let mut end = e;
            if !text[s..e].ends_with('.') && text[e..].starts_with('.') {
                end = e + 1;
            }
            let Some(written) = text.get(s..end) else { continue };
            // (Every abbreviation ends in a full stop: no other form is looked up.)
            if !written.ends_with('.') {
                continue;
            }
            let Some(code) = us_state_code(written) else { continue };
            // Elsewhere ("Ga. pastor", "the S.C. Highway Patrol") only forms no word or
            // title shares: two full stops, or a list of safe ones.
            let safe = written.matches('.').count() >= 2 || SAFE_STATE_ABBREVIATIONS.contains(&written);
            if !(after_place() || after_party() || safe) {
                break;
            }
            let Some(entry) = gaz.admin1(*b"US", code) else { break };
            let name = gaz.name_id(&format!(" {} ", crate::normalize::normalize(&gaz.entry(entry).name))).unwrap_or(u32::MAX);
            if name == u32::MAX {
                break;
            }
            out.push(Mention { a, b, name, sentence: si, division: false, demonym: None, town: false, deferred: false, forced: Some(entry), cut: None });
            break;
        }
    }
}

/// State abbreviations that are no English word, title or name, taken as the state
/// wherever they stand ("Fla. economist", "Ill. man").
const SAFE_STATE_ABBREVIATIONS: &[&str] = &[
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Fla.", "Ga.", "Ill.", "Kan.", "Kans.", "Ky.", "Md.", "Mich.", "Minn.", "Mont.", "Neb.",
    "Nebr.", "Nev.", "Okla.", "Tenn.", "Tex.", "Vt.", "Wis.", "Wisc.", "Wyo.",
];

