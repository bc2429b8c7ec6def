//! The coder: verbs and nouns of the lexicon matched over the dependency tree, with source
//! and target from subject and object (or the pattern's preposition), passives, relative
//! clauses, control ("urged X to …") and coordination.

use sitrep_core::Participant;

use crate::context::Context;
use crate::lexicon::{Lexicon, Need, Pattern, Voice};

/// A coded predicate before binding: the trigger token(s), the code, and the participants.
#[derive(Debug, Clone)]
pub struct Coded {
    /// The predicate token (verb or noun).
    pub head: usize,
    /// Last token of the trigger (a particle, or the head itself).
    pub trigger_end: usize,
    /// CAMEO code.
    pub code: String,
    /// Who acts.
    pub source: Option<Participant>,
    /// Who is acted upon.
    pub target: Option<Participant>,
}

const RELATIVE: &[&str] = &["that", "which", "who", "whom"];

/// The token that stands for the subject of predicate `v`, following relative pronouns,
/// control and coordination.
pub fn subject(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    let mut v = v;
    for _ in 0..8 {
        // The active subject only: a passive subject is acted upon. When the parser gives
        // two ("US Secretary of State | Antony Blinken said"), the person named wins.
        let subjects: Vec<usize> = t.children(v).filter(|&c| t.rel(c) == "nsubj").collect();
        let person = subjects.iter().copied().find(|&s| {
            cx.participant(s).entity.is_some_and(|e| cx.doc.entities.entities[e].kind == sitrep_core::EntityType::Person)
        });
        if let Some(s) = person.or(subjects.first().copied()) {
            if RELATIVE.contains(&t.word(s).to_lowercase().as_str()) && t.rel(v).starts_with("acl") {
                return t.head(v);
            }
            return Some(s);
        }
        let r = t.rel(v);
        let h = t.head(v)?;
        // "condemning Russia for invading …": the one condemned did the invading.
        if r.starts_with("advcl") && t.xpos(v) == "VBG" && t.children(v).any(|c| matches!(t.rel(c), "mark" | "case") && t.word(c).eq_ignore_ascii_case("for")) {
            if let Some(o) = t.child(h, "obj") {
                return Some(o);
            }
        }
        if r == "xcomp" || r == "conj" || (r.starts_with("advcl") && t.xpos(v) == "VBG") {
            // "urged the military to surrender": the object controls the complement.
            if r == "xcomp" {
                if let Some(o) = t.child(h, "obj") {
                    return Some(o);
                }
            }
            v = h;
            continue;
        }
        // "Putin made an address urging …": the one who makes the address urges.
        if r.starts_with("acl") && t.xpos(v) == "VBG" && t.rel(h).starts_with("obj") {
            v = t.head(h)?;
            continue;
        }
        return None;
    }
    None
}

/// Whether `v` is a passive verb.
fn passive(cx: &Context, v: usize) -> bool {
    cx.tree.child(v, "nsubj:pass").is_some() || cx.tree.child(v, "aux:pass").is_some()
}

/// The first oblique (or nominal modifier, for nouns) of `v` introduced by `prep`.
fn oblique(cx: &Context, v: usize, prep: &str) -> Option<usize> {
    let t = &cx.tree;
    t.children(v).find(|&c| {
        let r = t.rel(c);
        (r.starts_with("obl") || r.starts_with("nmod") || r == "obj") && t.case(c).as_deref() == Some(prep)
    })
}

/// Check a pattern against predicate `v`; returns the target token it names, if any, and
/// the last trigger token.
fn matches(cx: &Context, v: usize, p: &Pattern) -> Option<(Option<usize>, usize)> {
    let t = &cx.tree;
    let mut target = None;
    let mut end = v;
    for need in &p.needs {
        match need {
            Need::Particle(w) => {
                let prt = t.children(v).find(|&c| t.rel(c) == "compound:prt" && t.word(c).eq_ignore_ascii_case(w))
                    // The parser sometimes reads a particle as an adverb or a bare preposition.
                    .or_else(|| t.children(v).find(|&c| matches!(t.rel(c), "advmod" | "obl") && t.word(c).eq_ignore_ascii_case(w)))?;
                end = end.max(prt);
            }
            Need::Oblique(prep) => target = Some(oblique(cx, v, prep)?),
            Need::Object(w) => {
                let o = t.child(v, "obj")?;
                if t.lemma(o) != *w && !t.word(o).eq_ignore_ascii_case(w) {
                    return None;
                }
                target = Some(oblique(cx, o, "of").unwrap_or(o));
            }
            Need::Complement(w) => {
                t.children(v).find(|&c| matches!(t.rel(c), "xcomp" | "ccomp" | "advcl") && t.lemma(c) == *w)?;
            }
            Need::ComplementObject(w) => {
                t.children(v).filter(|&c| matches!(t.rel(c), "xcomp" | "ccomp" | "advcl")).find(|&c| t.child(c, "obj").is_some_and(|o| t.lemma(o) == *w))?;
            }
            Need::ObliqueWord(prep, w) => {
                t.children(v).find(|&c| {
                    let r = t.rel(c);
                    (r.starts_with("obl") || r.starts_with("nmod")) && t.case(c).as_deref() == Some(prep.as_str()) && t.lemma(c) == *w
                })?;
            }
            Need::Modifier(w) => {
                t.children(v).find(|&c| matches!(t.rel(c), "amod" | "compound") && (t.lemma(c) == *w || t.word(c).eq_ignore_ascii_case(w)))?;
            }
            Need::Clause(w) => {
                t.children(v).find(|&c| t.rel(c).starts_with("acl") && t.lemma(c) == *w)?;
            }
            Need::Number => {
                t.child(v, "nummod")?;
            }
        }
    }
    Some((target, end))
}

/// The lexicon entries for token `v`: its lemma's, else those of forms the lemmatiser may
/// have missed ("shelled" → `shel` is really `shell`).
fn entries<'l>(cx: &Context, v: usize, table: impl Fn(&str) -> &'l [Pattern]) -> &'l [Pattern] {
    let t = &cx.tree;
    let lemma = t.lemma(v);
    let found = table(&lemma);
    if !found.is_empty() {
        return found;
    }
    let word = t.word(v).to_lowercase();
    let mut forms = vec![word.clone(), format!("{lemma}{}", lemma.chars().last().unwrap_or(' '))];
    for suffix in ["ing", "ed", "es", "s", "d"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            forms.push(stem.to_string());
            forms.push(format!("{stem}e"));
        }
    }
    forms.iter().map(|f| table(f)).find(|p| !p.is_empty()).unwrap_or(&[])
}

/// Code a verb token.
pub fn code_verb(cx: &Context, lex: &Lexicon, v: usize) -> Option<Coded> {
    let t = &cx.tree;
    let patterns = entries(cx, v, |w| lex.verb(w));
    if patterns.is_empty() {
        return None;
    }
    let (p, target, end) = patterns.iter().find_map(|p| matches(cx, v, p).map(|(tg, e)| (p, tg, e)))?;
    // A bare pattern of a speech-like code ("declare", "deny", "ask", "tell") is an event
    // only with a nominal object and no clause of content: "denied the report", not
    // "denied that …" (attribution) nor "told leaders that …" (reporting).
    let speechlike = p.needs.is_empty() && (matches!(p.code.get(..2), Some("01" | "02" | "10")) || p.code == "016");
    if speechlike && (t.child(v, "obj").is_none() || t.children(v).any(|c| matches!(t.rel(c), "ccomp" | "parataxis") || t.rel(c).starts_with("ccomp"))) {
        return None;
    }
    let is_passive = passive(cx, v);
    let (source, target) = if is_passive && p.voice != Voice::Intransitive {
        let agent = t.children(v).find(|&c| t.rel(c).starts_with("obl") && t.case(c).as_deref() == Some("by"));
        (agent, target.or_else(|| t.child(v, "nsubj:pass")))
    } else {
        let target = match p.voice {
            Voice::Intransitive => None,
            _ => target.or_else(|| t.child(v, "obj")).or_else(|| ["against", "on", "at", "with"].iter().find_map(|prep| oblique(cx, v, prep))),
        };
        (subject(cx, v), target)
    };
    Some(Coded {
        head: v,
        trigger_end: end,
        code: p.code.clone(),
        source: source.map(|s| cx.participant(s)),
        target: target.map(|s| cx.participant(s)),
    })
}

/// Code a noun token ("shelling", "sanctions on Moscow", "Russian shelling").
pub fn code_noun(cx: &Context, lex: &Lexicon, n: usize) -> Option<Coded> {
    let patterns = entries(cx, n, |w| lex.noun(w));
    if patterns.is_empty() {
        return None;
    }
    let (p, target, _) = patterns.iter().find_map(|p| matches(cx, n, p).map(|(tg, e)| (p, tg, e)))?;
    // Source: a possessor or modifier that is an actor ("Russian shelling", "Russia's
    // invasion"), or an agent ("by Russian forces").
    let t_ = &cx.tree;
    let source = t_
        .children(n)
        .filter(|&c| matches!(t_.rel(c), "nmod:poss" | "amod" | "compound"))
        .map(|c| cx.participant(c))
        .find(|p| p.actor.is_some())
        .or_else(|| oblique(cx, n, "by").map(|c| cx.participant(c)));
    // "Kyiv could be under siege": the subject of a copular nominal event is its target.
    let copular_subject = t_.child(n, "cop").and_then(|_| t_.child(n, "nsubj"));
    // "shelling that sliced through a building": the relative clause says whom it hit.
    let relative_target = t_.children(n).filter(|&c| t_.rel(c).starts_with("acl")).find_map(|c| {
        t_.child(c, "obj").or_else(|| t_.children(c).find(|&k| t_.rel(k).starts_with("obl") && t_.case(k).is_some_and(|p| matches!(p.as_str(), "through" | "into" | "on" | "at" | "against"))))
    });
    let target = target
        .or_else(|| ["against", "on", "of"].iter().find_map(|prep| oblique(cx, n, prep)))
        .or(copular_subject)
        .or(relative_target)
        .map(|c| cx.participant(c));
    Some(Coded { head: n, trigger_end: n, code: p.code.clone(), source, target })
}
