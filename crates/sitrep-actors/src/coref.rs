//! In-report coreference: mentions of one entity joined into a cluster — surnames to full
//! names (with spelling variants), acronyms to organisation names, repeated places — and
//! the subject pronouns "he" and "she" to the person last named before them.

use sitrep_core::{Doc, EntityType, Sex};

use crate::lexicon::{Country, CountryWord, Lexicon, Organisation};
use crate::names::key;
use crate::stage::{inside_title, token_text, Mention};

/// Mentions of one entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cluster {
    /// Indices into the mention list, in text order.
    pub members: Vec<usize>,
    /// The fullest name.
    pub canonical: String,
    /// Token indices of pronouns that refer to it.
    pub pronouns: Vec<usize>,
    /// A person's sex where the report shows it: a given name, or titles that agree.
    pub sex: Option<Sex>,
}

/// How many sentences back a pronoun may look for its person.
const PRONOUN_REACH: usize = 3;

/// Join `mentions` (in text order) into clusters.
pub fn cluster(doc: &Doc, mentions: &[Mention], lex: &Lexicon) -> Vec<Cluster> {
    let mut clusters: Vec<(EntityType, Cluster, Name)> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let text = token_text(doc, m.start, m.end);
        // "Mark Cuban … Cuban said": a lone word that is the surname of a person named in
        // full before is that person, whatever else it could be (a nationality here).
        let surname = m.end == m.start + 1
            && m.kind != EntityType::Person
            && mentions[..mi].iter().any(|p| p.kind == EntityType::Person && p.end > p.start + 1 && last_word_is(doc, p, text));
        let m = &Mention { kind: if surname { EntityType::Person } else { m.kind }, ..*m };
        // "Mr. Clinton" is not Hillary Clinton, nor "Mrs. Clinton" Bill: a title's sex
        // and a given name's must agree.
        let titled = (m.kind == EntityType::Person).then(|| title_sex(doc, m.start)).flatten();
        let agrees = |c: &Cluster| {
            // (Without a title, any given name agrees.)
            if titled.is_none() {
                return true;
            }
            let mut words = c.canonical.split_whitespace();
            let given = match (words.next(), words.next()) {
                (Some(g), Some(_)) => crate::given_names::sex(g),
                _ => None,
            };
            !matches!((titled, given), (Some(a), Some(b)) if a != b)
        };
        let found = |name: &Name| clusters.iter().position(|(kind, c, n)| *kind == m.kind && same(m.kind, n, name) && agrees(c));
        // A surname joins the person already named in full ("Gary Johnson … Johnson")
        // before it is taken for the office holder of that surname (Boris Johnson).
        let joined = (m.kind == EntityType::Person).then(|| Name::new(m.kind, text, lex)).and_then(|own| found(&own).map(|ci| (own, ci)));
        let (canonical, name, found) = match joined {
            Some((own, ci)) => (text.to_string(), own, Some(ci)),
            None => {
                let canonical = match m.kind {
                    // (Not a word after an article or a possessive: "the SVP's Ban on
                    // Face Coverings" is no Ban Ki-moon.)
                    EntityType::Person if !(m.end == m.start + 1 && inside_title(doc, m.start)) => {
                        lex.office(text, doc.meta.date).map_or_else(|| text.to_string(), |o| o.name.clone())
                    }
                    EntityType::Person => text.to_string(),
                    _ => text.strip_prefix("the ").unwrap_or(text).to_string(),
                };
                let name = Name::new(m.kind, &canonical, lex);
                let ci = found(&name);
                (canonical, name, ci)
            }
        };
        match found {
            Some(ci) => {
                let (_, c, n) = &mut clusters[ci];
                c.members.push(mi);
                if m.kind == EntityType::Person && canonical.split(' ').count() > c.canonical.split(' ').count() {
                    c.canonical = canonical;
                    *n = name;
                }
            }
            None => clusters.push((m.kind, Cluster { members: vec![mi], canonical, pronouns: Vec::new(), sex: None }, name)),
        }
    }
    let mut clusters: Vec<(EntityType, Cluster)> = clusters.into_iter().map(|(kind, c, _)| (kind, c)).collect();
    for (kind, c) in clusters.iter_mut() {
        if *kind == EntityType::Person {
            c.sex = known_sex(doc, mentions, c);
        }
    }
    attach_pronouns(doc, mentions, &mut clusters);
    clusters.into_iter().map(|(_, c)| c).collect()
}

/// Whether the last token of mention `p` is `text` (its length compared first, its text
/// read only then).
fn last_word_is(doc: &Doc, p: &Mention, text: &str) -> bool {
    let span = doc.text_layer.tokens[p.end - 1].span;
    span.len() == text.len() && span.of(doc.text()) == text
}

/// The sex of the title right before token `start` ("Mrs.", "Mr."), if it is one.
fn title_sex(doc: &Doc, start: usize) -> Option<Sex> {
    let k = start.checked_sub(1)?;
    Sex::of_title(doc.text_layer.tokens.get(k)?.span.of(doc.text()))
}

/// A name with what comparing it needs, worked out once instead of at every comparison:
/// its key ([`key`]) and where the key's last word starts, and for organisations and
/// places their initials and lexicon entry.
struct Name<'l> {
    text: String,
    key: String,
    /// The byte where the key's last word starts (0 for a key of one word).
    last: usize,
    acronym: String,
    organisation: Option<&'l Organisation>,
    country: Option<(&'l Country, CountryWord)>,
}

impl<'l> Name<'l> {
    fn new(kind: EntityType, text: &str, lex: &'l Lexicon) -> Name<'l> {
        let org = kind == EntityType::Org;
        let key = key(text);
        Name {
            text: text.to_string(),
            last: key.rfind(' ').map_or(0, |p| p + 1),
            acronym: if org { acronym(text) } else { String::new() },
            // (Looked up by the key already made.)
            organisation: if org { lex.organisation_by_key(&key) } else { None },
            country: if matches!(kind, EntityType::Gpe | EntityType::Norp) { lex.country_by_key(&key) } else { None },
            key,
        }
    }
}

/// Whether two names of the same type name one entity.
fn same<'a>(kind: EntityType, a: &'a Name, b: &'a Name) -> bool {
    let (ka, kb) = (&a.key, &b.key);
    if ka == kb {
        return true;
    }
    match kind {
        // (A key of one word is its own last word.)
        EntityType::Person => (a.last == 0 || b.last == 0) && ka[a.last..] == kb[b.last..],
        EntityType::Org => {
            a.acronym == b.text || b.acronym == a.text || matches!((a.organisation, b.organisation), (Some(x), Some(y)) if x.cameo == y.cameo && x.name == y.name)
        }
        EntityType::Gpe | EntityType::Norp => {
            matches!((a.country, b.country), (Some((x, wx)), Some((y, wy))) if x.cameo == y.cameo && wx == wy)
        }
        _ => false,
    }
}

/// Initials of the capitalised words: "Associated Press" → "AP".
fn acronym(name: &str) -> String {
    name.split(' ').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect()
}

fn attach_pronouns(doc: &Doc, mentions: &[Mention], clusters: &mut [(EntityType, Cluster)]) {
    let tokens = &doc.text_layer.tokens;
    let tagged = doc.syntax.tokens.len() == tokens.len();
    let mut sentence_of = vec![0usize; tokens.len()];
    for (si, s) in doc.text_layer.sentences.iter().enumerate() {
        for t in s.tokens() {
            sentence_of[t] = si;
        }
    }
    let text = doc.text();
    for (t, tok) in tokens.iter().enumerate() {
        // (Only a word of two or three bytes may be "he" or "she".)
        if !matches!(tok.span.end.wrapping_sub(tok.span.start), 2 | 3) {
            continue;
        }
        let w = tok.span.of(text);
        if !(w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")) {
            continue;
        }
        // (A person of the pronoun's sex or of none known.)
        let sex = Sex::of_pronoun(w);
        let fits = |c: &Cluster| c.sex.is_none() || c.sex == sex;
        if tagged && !doc.syntax.tokens[t].deprel.starts_with("nsubj") {
            continue;
        }
        // The person whose latest mention before the pronoun is nearest, of the
        // pronoun's sex or of none known ("Paradis, who volunteered for Bill Clinton when
        // he ran, says she …" is not Bill Clinton).
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, (kind, c))| *kind == EntityType::Person && fits(c))
            .filter_map(|(ci, (_, c))| {
                let last = c.members.iter().map(|&m| mentions[m]).filter(|m| m.end <= t).map(|m| m.end).chain(c.pronouns.iter().copied().filter(|&p| p < t)).max()?;
                (sentence_of[t] - sentence_of[last.saturating_sub(1).min(t)] <= PRONOUN_REACH).then_some((last, ci))
            })
            .max();
        // "He avoided criticism of Trump until recent days, when he expressed concern",
        // "Jeb Bush avoided … when he …": the subject of the clause above, the same
        // pronoun or a person of the pronoun's sex or none known, is the pronoun's person,
        // whoever was named between them.
        let parallel = tagged.then(|| governing_subject(doc, t)).flatten().and_then(|s| {
            clusters.iter().position(|(kind, c)| {
                let same_pronoun = c.pronouns.contains(&s) && tokens[s].span.of(text).eq_ignore_ascii_case(w);
                let named = *kind == EntityType::Person
                    && fits(c)
                    && c.members.iter().any(|&m| (mentions[m].start..mentions[m].end).contains(&s));
                same_pronoun || named
            })
        });
        if let Some(ci) = parallel.or(best.map(|(_, ci)| ci)) {
            clusters[ci].1.pronouns.push(t);
        }
    }
}

/// A person's sex where the report shows it: a given name that is a woman's or a man's
/// ("Bill Clinton"), else the titles before the mentions ("Mrs.", "Mr.") when they agree
/// (a "Mr. Clinton" may have joined Hillary Clinton's mentions).
fn known_sex(doc: &Doc, mentions: &[Mention], c: &Cluster) -> Option<Sex> {
    let tokens = &doc.text_layer.tokens;
    let given = c.members.iter().find_map(|&m| {
        let m = mentions[m];
        (m.end > m.start + 1).then(|| crate::given_names::sex(tokens[m.start].span.of(doc.text()))).flatten()
    });
    let mut titles = c.members.iter().filter_map(|&m| title_sex(doc, mentions[m].start));
    let title = titles.next().filter(|&first| titles.all(|t| t == first));
    given.or(title)
}

/// The subject of the clause above the one whose subject is token `t` (through up to
/// three heads), if it comes before `t` — none when a name or a pronoun is an object
/// between them ("Hannity asked Trump if he would …": either may be "he").
fn governing_subject(doc: &Doc, t: usize) -> Option<usize> {
    let syntax = &doc.syntax.tokens;
    let mut x = syntax.get(t)?.head? as usize;
    let near = t.saturating_sub(40)..t;
    for _ in 0..3 {
        let h = syntax.get(x)?.head? as usize;
        if let Some(s) = near.clone().rev().find(|&k| syntax[k].head == Some(h as u32) && syntax[k].deprel.starts_with("nsubj")) {
            // (However the parser hung the clauses: "by asking Rubio why he decided".)
            let person_object = (s + 1..t).any(|k| matches!(syntax[k].deprel, "obj" | "iobj") && matches!(syntax[k].upos, "PROPN" | "PRON"));
            return (!person_object).then_some(s);
        }
        x = h;
    }
    None
}
