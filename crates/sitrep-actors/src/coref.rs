//! In-report coreference: mentions of one entity joined into a cluster — surnames to full
//! names (with spelling variants), acronyms to organisation names, repeated places — and
//! the subject pronouns "he" and "she" to the person last named before them.

use sitrep_core::{Doc, EntityType};

use crate::lexicon::Lexicon;
use crate::names::key;
use crate::stage::{token_text, Mention};

/// Mentions of one entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cluster {
    /// Indices into the mention list, in text order.
    pub members: Vec<usize>,
    /// The fullest name.
    pub canonical: String,
    /// Token indices of pronouns that refer to it.
    pub pronouns: Vec<usize>,
}

/// How many sentences back a pronoun may look for its person.
const PRONOUN_REACH: usize = 3;

/// Join `mentions` (in text order) into clusters.
pub fn cluster(doc: &Doc, mentions: &[Mention], lex: &Lexicon) -> Vec<Cluster> {
    let mut clusters: Vec<(EntityType, Cluster)> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let text = token_text(doc, m.start, m.end);
        let canonical = match m.kind {
            EntityType::Person => lex.office(text, doc.meta.date).map_or_else(|| text.to_string(), |o| o.name.clone()),
            _ => text.strip_prefix("the ").unwrap_or(text).to_string(),
        };
        let found = clusters.iter().position(|(kind, c)| *kind == m.kind && same(m.kind, &c.canonical, &canonical, lex));
        match found {
            Some(ci) => {
                let c = &mut clusters[ci].1;
                c.members.push(mi);
                if m.kind == EntityType::Person && canonical.split(' ').count() > c.canonical.split(' ').count() {
                    c.canonical = canonical;
                }
            }
            None => clusters.push((m.kind, Cluster { members: vec![mi], canonical, pronouns: Vec::new() })),
        }
    }
    attach_pronouns(doc, mentions, &mut clusters);
    clusters.into_iter().map(|(_, c)| c).collect()
}

/// Whether two names of the same type name one entity.
fn same(kind: EntityType, a: &str, b: &str, lex: &Lexicon) -> bool {
    let (ka, kb) = (key(a), key(b));
    if ka == kb {
        return true;
    }
    match kind {
        EntityType::Person => {
            let last = |k: &str| k.rsplit(' ').next().unwrap_or("").to_string();
            let (wa, wb) = (ka.split(' ').count(), kb.split(' ').count());
            (wa == 1 || wb == 1) && last(&ka) == last(&kb)
        }
        EntityType::Org => {
            acronym(a) == b || acronym(b) == a || matches!((lex.organisation(a), lex.organisation(b)), (Some(x), Some(y)) if x.cameo == y.cameo && x.name == y.name)
        }
        EntityType::Gpe | EntityType::Norp => {
            matches!((lex.country(a), lex.country(b)), (Some((x, wx)), Some((y, wy))) if x.cameo == y.cameo && wx == wy)
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
    for (t, tok) in tokens.iter().enumerate() {
        let w = tok.span.of(doc.text());
        if !(w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she")) {
            continue;
        }
        if tagged && !doc.syntax.tokens[t].deprel.starts_with("nsubj") {
            continue;
        }
        // The person whose latest mention before the pronoun is nearest.
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, (kind, _))| *kind == EntityType::Person)
            .filter_map(|(ci, (_, c))| {
                let last = c.members.iter().map(|&m| mentions[m]).filter(|m| m.end <= t).map(|m| m.end).chain(c.pronouns.iter().copied().filter(|&p| p < t)).max()?;
                (sentence_of[t] - sentence_of[last.saturating_sub(1).min(t)] <= PRONOUN_REACH).then_some((last, ci))
            })
            .max();
        if let Some((_, ci)) = best {
            clusters[ci].1.pronouns.push(t);
        }
    }
}
