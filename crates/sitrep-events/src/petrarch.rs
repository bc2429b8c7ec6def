//! PETRARCH/TABARI dictionaries and the PETRARCH validation records: readers
//! ([`dict`], [`records`]) and a harness ([`evaluate`]) that runs the pipeline on each
//! record, re-codes the actors with the record suite's dictionaries (its actors are
//! fictional: Arnor, Gondor…), optionally re-codes the verbs with its verb dictionary, and
//! scores the events against the expected ones.
//!
//! Scoring rules. An expected event (source, target, code) is found *exactly* when one of
//! our events has the same full code and both actor codes; *by root* when the code's
//! first two characters and both actor codes agree. A record passes when every expected
//! event is found (extra events do not fail it); a record that expects no event (or a
//! coding error) passes when we emit nothing. Records marked `evaluate="false"` or
//! `sentence="false"` are skipped.

pub mod dict;
pub mod records;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use sitrep_core::Doc;

pub use dict::{ActorDict, AgentDict, DictKind, Dicts, VerbDict};
pub use records::{parse_records, read_records, Expected, Record};

use crate::context::{head_of, tokens_of, Context};

/// One coded event in the records' terms.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Triple {
    /// Source actor code (`---` when none).
    pub source: String,
    /// Target actor code (`---` when none).
    pub target: String,
    /// Event code.
    pub code: String,
}

fn upper_words(doc: &Doc, r: Range<usize>) -> Vec<String> {
    r.map(|i| doc.text_layer.tokens[i].span.of(doc.text()).to_uppercase()).collect()
}

/// The actor code the dictionaries give to the words of `r` on `day`: the longest actor
/// name inside, with the agents inside as prefix (`NGO~`) and suffix (`~GOV`); `---` plus
/// an agent when only an agent is named; `None` when neither is.
pub fn code_words(words: &[String], dicts: &Dicts, day: u32) -> Option<String> {
    let mut actor: Option<String> = None;
    let (mut prefix, mut suffix) = (String::new(), String::new());
    let mut i = 0;
    while i < words.len() {
        let a = dicts.actors.as_ref().and_then(|d| d.match_at(&words[i..]));
        let g = dicts.agents.as_ref().and_then(|d| d.match_at(&words[i..]));
        match (a, g) {
            (Some((n, k)), g) if g.is_none_or(|(m, _)| n >= m) => {
                if actor.is_none() {
                    actor = dicts.actors.as_ref().and_then(|d| d.actors[k].code_on(day)).map(str::to_string);
                    if actor.is_none() {
                        // Named but without a code on that date: not an actor.
                        actor = Some("---".into());
                    }
                }
                i += n;
            }
            (_, Some((m, ag))) => {
                if prefix.is_empty() {
                    prefix = ag.prefix.clone();
                }
                if suffix.is_empty() {
                    suffix = ag.suffix.clone();
                }
                i += m;
            }
            _ => i += 1,
        }
    }
    if actor.is_none() && prefix.is_empty() && suffix.is_empty() {
        return None;
    }
    let base = actor.unwrap_or_else(|| "---".into());
    let base = if matches!(base.as_str(), "+++" | "###") { "---".to_string() } else { base };
    let suffix = if base.len() > 3 && base[3..].contains(suffix.as_str()) { String::new() } else { suffix };
    let prefix = if base.starts_with(prefix.as_str()) { String::new() } else { prefix };
    Some(format!("{prefix}{base}{suffix}"))
}

/// The code of the phrase of tokens `r`: the dictionaries over the phrase, else over the
/// head's whole subtree ("activists in Arnor"), else the built-in code `fallback`.
fn code_phrase(cx: &Context, r: Range<usize>, dicts: &Dicts, day: u32, fallback: Option<&str>) -> String {
    let doc = cx.doc;
    if let Some(c) = code_words(&upper_words(doc, r.clone()), dicts, day) {
        if !c.starts_with("---") {
            return c;
        }
        if let Some(h) = head_of(cx, &r) {
            let (lo, hi) = cx.tree.subtree(h);
            if let Some(c2) = code_words(&upper_words(doc, lo..hi + 1), dicts, day) {
                if !c2.starts_with("---") {
                    return c2;
                }
            }
        }
        return c;
    }
    if let Some(h) = head_of(cx, &r) {
        let (lo, hi) = cx.tree.subtree(h);
        if let Some(c) = code_words(&upper_words(doc, lo..hi + 1), dicts, day) {
            return c;
        }
    }
    fallback.map(str::to_string).unwrap_or_else(|| "---".into())
}

/// Phrases coordinated with the one headed by `h` ("Arnor and Gondor", "Mordor, Rohan,
/// Fornost and Bree" however the parser chains them), and the other subjects of its
/// predicate when the parser gives several ("The Philippines | and France | agree").
fn conjuncts(cx: &Context, h: usize) -> Vec<Range<usize>> {
    let t = &cx.tree;
    let mut heads = Vec::new();
    let mut stack: Vec<usize> = t.children(h).filter(|&c| t.rel(c) == "conj").collect();
    if t.rel(h) == "nsubj" {
        if let Some(p) = t.head(h) {
            stack.extend(t.children(p).filter(|&c| c != h && t.rel(c) == "nsubj" && !RELATIVE_WORDS.contains(&t.word(c).to_lowercase().as_str()) && !contiguous(cx, h, c)));
        }
    }
    while let Some(c) = stack.pop() {
        if heads.contains(&c) || c == h || heads.len() > 16 {
            continue;
        }
        heads.push(c);
        stack.extend(t.children(c).filter(|&k| t.rel(k) == "conj"));
    }
    heads.sort();
    heads.into_iter().map(|c| tokens_of(cx.doc, cx.phrase(c))).collect()
}

const RELATIVE_WORDS: &[&str] = &["that", "which", "who", "whom"];

/// Whether nothing but words of one noun phrase lie between tokens `a` and `b` (no
/// conjunction, punctuation or verb): two subjects the parser split out of one phrase
/// ("Bree | President Romendacil").
fn contiguous(cx: &Context, a: usize, b: usize) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    (lo + 1..hi).all(|k| matches!(cx.tree.upos(k), "PROPN" | "NOUN" | "ADJ" | "DET" | "NUM")) && hi - lo <= 4
}

/// Coordinated actors inside a phrase ("Lawmakers in Fornost and Gondor"): the phrase's
/// words once for each conjunct, the conjunct in place of the first one.
fn inner_conjuncts(cx: &Context, h: usize, dicts: &Dicts, day: u32) -> Vec<String> {
    let t = &cx.tree;
    let (lo, hi) = t.subtree(h);
    let mut out = Vec::new();
    for first in lo..=hi {
        if first == h || t.rel(first) == "conj" {
            continue;
        }
        let conj = conjuncts(cx, first);
        if conj.is_empty() || t.rel(first) == "nsubj" {
            continue;
        }
        let own = tokens_of(cx.doc, cx.phrase(first));
        for c in conj {
            // The words before the first conjunct, then the conjunct ("LAWMAKERS IN" +
            // "GONDOR"); what follows the coordination is left out.
            let words: Vec<String> = upper_words(cx.doc, lo..own.start.max(lo)).into_iter().chain(upper_words(cx.doc, c)).collect();
            if let Some(code) = code_words(&words, dicts, day) {
                if !code.starts_with("---") {
                    out.push(code);
                }
            }
        }
    }
    out
}

/// All codes of a participant phrase (itself and its conjuncts).
fn participant_codes(cx: &Context, span: Option<sitrep_core::Span>, dicts: &Dicts, day: u32, fallback: Option<&str>) -> Vec<String> {
    let Some(span) = span else { return vec!["---".into()] };
    let mut r = tokens_of(cx.doc, span);
    let mut merged = Vec::new();
    if let Some(h) = head_of(cx, &r).filter(|&h| cx.tree.rel(h) == "nsubj") {
        if let Some(p) = cx.tree.head(h) {
            for c in cx.tree.children(p).filter(|&c| c != h && cx.tree.rel(c) == "nsubj" && contiguous(cx, h, c)) {
                let q = tokens_of(cx.doc, cx.phrase(c));
                r = r.start.min(q.start)..r.end.max(q.end);
                merged.push(c);
            }
        }
    }
    let mut first = code_phrase(cx, r.clone(), dicts, day, fallback);
    // "Bree Prime Minister | Romendacil" when the parser cut the name's title off: the
    // capitalised words just before the phrase may hold its agent.
    if first.len() == 3 && !first.starts_with("---") {
        let mut lo = r.start;
        let s = cx.doc.text_layer.sentences[cx.sentence(r.start)].tokens();
        while lo > s.start && r.start - lo < 4 && cx.tree.word(lo - 1).chars().next().is_some_and(|c| c.is_uppercase()) && cx.tree.word(lo - 1).chars().all(char::is_alphabetic) {
            lo -= 1;
        }
        if lo < r.start {
            if let Some(c) = code_words(&upper_words(cx.doc, lo..r.end), dicts, day) {
                if c.len() > 3 && c.contains(first.as_str()) {
                    first = c;
                }
            }
        }
    }
    let mut out = vec![first];
    if let Some(h) = head_of(cx, &r) {
        out.extend(inner_conjuncts(cx, h, dicts, day));
        for m in std::iter::once(h).chain(merged) {
            for c in conjuncts(cx, m) {
                out.push(code_phrase(cx, c, dicts, day, None));
            }
        }
    }
    // "Lions, tigers, and Gondor": conjuncts that name no actor add nothing.
    if out.iter().any(|c| !c.starts_with("---")) {
        out.retain(|c| !c.starts_with("---") || c.len() > 3);
    }
    let mut seen = Vec::new();
    out.retain(|c| if seen.contains(c) { false } else { seen.push(c.clone()); true });
    out
}

/// PETRARCH's rule when the clause names no coded target: the first actor the dictionaries
/// find after the verb in its phrase (its dependency subtree), with that phrase's conjuncts.
fn later_target(cx: &Context, v: usize, avoid: &[String], dicts: &Dicts, day: u32) -> Option<Vec<String>> {
    let actors = dicts.actors.as_ref()?;
    let (_, hi) = cx.tree.subtree(v);
    let words = upper_words(cx.doc, v + 1..hi + 1);
    for (k, _) in words.iter().enumerate() {
        let Some((n, _)) = actors.match_at(&words[k..]) else { continue };
        let t = v + 1 + k;
        let r = tokens_of(cx.doc, cx.phrase(t));
        let r = r.start.min(t)..r.end.max(t + n);
        let codes = participant_codes(cx, Some(sitrep_core::Span::new(cx.doc.text_layer.tokens[r.start].span.start, cx.doc.text_layer.tokens[r.end - 1].span.end)), dicts, day, None);
        if codes.iter().all(|c| c.starts_with("---") || avoid.contains(c)) {
            continue;
        }
        return Some(codes.into_iter().filter(|c| !avoid.contains(c)).collect());
    }
    None
}

/// Source and target tokens of a verb by the tree, for verbs only the dictionary knows.
fn roles(cx: &Context, v: usize) -> (Option<usize>, Option<usize>) {
    let t = &cx.tree;
    let passive = t.child(v, "nsubj:pass").is_some() || t.child(v, "aux:pass").is_some();
    if passive {
        let agent = t.children(v).find(|&c| t.rel(c).starts_with("obl") && t.case(c).as_deref() == Some("by"));
        return (agent, t.child(v, "nsubj:pass"));
    }
    let target = t
        .child(v, "obj")
        .or_else(|| t.child(v, "iobj"))
        .or_else(|| t.children(v).find(|&c| t.rel(c).starts_with("obl") && t.case(c).is_some_and(|p| !matches!(&*p, "on" | "in" | "at" | "after" | "before" | "during"))))
        .or_else(|| t.children(v).find(|&c| t.rel(c).starts_with("obl")));
    // "restore full diplomatic ties with Gondor": the object's "with" modifier.
    let target = match target {
        Some(o) if cx.participant(o).actor.is_none() => t.children(o).find(|&c| t.rel(c).starts_with("nmod") && t.case(c).is_some()).or(Some(o)),
        x => x,
    };
    (crate::coder::subject(cx, v), target)
}

/// Code one processed record: our events with their actors re-coded by `dicts` (and their
/// codes by its verb dictionary, when loaded), plus events for verbs only that dictionary
/// knows. With `verbs_only`, events whose trigger the verb dictionary does not know are
/// dropped.
pub fn code_doc(doc: &Doc, dicts: &Dicts, day: u32, verbs_only: bool) -> Vec<Triple> {
    let mut out = Vec::new();
    if doc.syntax.tokens.len() != doc.text_layer.tokens.len() || doc.text_layer.tokens.is_empty() {
        return out;
    }
    if dicts.discarded(&upper_words(doc, 0..doc.text_layer.tokens.len())) {
        return out;
    }
    let cx = Context::new(doc);
    let toks = &doc.text_layer.tokens;
    // Per-sentence words and lemmas (upper case) for the verb dictionary.
    let sent_words = |s: usize| -> (usize, Vec<String>, Vec<String>) {
        let r = doc.text_layer.sentences[s].tokens();
        let words = upper_words(doc, r.clone());
        let lemmas = r.clone().map(|i| doc.syntax.lemma(i).to_uppercase()).collect();
        (r.start, words, lemmas)
    };
    // The code, and the actors the pattern's slots (`$`, `+`) point at.
    let dict_code = |v: usize| -> Option<(String, Option<String>, Option<String>)> {
        let vd = dicts.verbs.as_ref()?;
        let (start, words, lemmas) = sent_words(cx.sentence(v));
        let c = vd.coding(&words, &lemmas, v - start)?;
        let slot = |s: Option<dict::Slot>| s.and_then(|s| slot_code(&cx, start, s, dicts, day));
        Some((c.code, slot(c.source), slot(c.target)))
    };
    // `named`: the event names a source, coded or not. PETRARCH codes events of a named
    // source (an unknown one as its words, read here as `---`), never of nobody: in
    // "Korvale was praised" nobody praised.
    let mut push = |code: &str, srcs: &[String], tgts: &[String], named: bool| {
        if !named && srcs.iter().all(|c| c == "---") {
            return;
        }
        let mut parts = code.split(':');
        let forward = parts.next().unwrap_or("").trim();
        let back = parts.next().map(str::trim).filter(|b| !b.is_empty() && *b != "---");
        if forward.is_empty() || forward == "---" {
            return;
        }
        for s in srcs {
            for t in tgts {
                // An actor acting on itself, or an event with no actor at all, is not coded.
                if (s == t && !s.starts_with("---")) || (s == "---" && t == "---") {
                    continue;
                }
                out.push(Triple { source: s.clone(), target: t.clone(), code: forward.to_string() });
                if let Some(b) = back {
                    out.push(Triple { source: t.clone(), target: s.clone(), code: b.to_string() });
                }
            }
        }
    };
    let mut coded_heads = Vec::new();
    // Events of a reporting verb with nobody spoken to ("a senior official said"): when
    // they are all the sentence holds, nothing happened in it.
    let mut bare_reports = 0usize;
    let mut events = 0usize;
    for e in &doc.events.events {
        events += 1;
        let v = toks.partition_point(|t| t.span.start < e.trigger.start).min(toks.len() - 1);
        coded_heads.push(v);
        let (code, slot_src, slot_tgt) = match (&dicts.verbs, dict_code(v)) {
            (Some(_), Some(c)) => c,
            (Some(_), None) if verbs_only => continue,
            _ => (e.cameo.clone(), None, None),
        };
        // sitrep's own code when the dictionaries have none, but not a role of unknown
        // country (`---MIL` for "troops"): PETRARCH knows agents only from its dictionary.
        let fallback = |p: &Option<sitrep_core::Participant>| p.as_ref().and_then(|p| p.actor.clone()).filter(|a| !sitrep_core::country_unknown(a));
        let named = e.source.as_ref().is_some_and(|p| !p.inferred && names(&cx, tokens_of(cx.doc, p.span)))
            || roles(&cx, v).0.is_some_and(|s| names(&cx, tokens_of(cx.doc, cx.phrase(s))))
            || slot_src.is_some();
        let mut src = participant_codes(&cx, e.source.as_ref().filter(|p| !p.inferred).map(|p| p.span), dicts, day, fallback(&e.source).as_deref());
        let mut tgt = participant_codes(&cx, e.target.as_ref().filter(|p| !p.inferred).map(|p| p.span), dicts, day, fallback(&e.target).as_deref());
        complete(&cx, v, &mut src, &mut tgt, dicts, day);
        fill_slots(&mut src, &mut tgt, slot_src, slot_tgt);
        if tgt.iter().all(|c| c == "---") && reporting(&cx, v) {
            bare_reports += 1;
        }
        push(&code, &src, &tgt, named);
    }
    if dicts.verbs.is_some() {
        for v in 0..toks.len() {
            if coded_heads.contains(&v) || !matches!(cx.tree.upos(v), "VERB" | "AUX" | "NOUN" | "ADJ") || crate::coder::ruled_out(&cx, crate::lexicon::Lexicon::builtin(), v) {
                continue;
            }
            let Some((code, slot_src, slot_tgt)) = dict_code(v) else { continue };
            events += 1;
            let (s, t) = roles(&cx, v);
            let span = |x: Option<usize>| x.map(|x| cx.phrase(x));
            let fb = |x: Option<usize>| x.and_then(|x| cx.participant(x).actor).filter(|a| !sitrep_core::country_unknown(a));
            if let Some(n) = misread_participle(&cx, v) {
                // "Calenardhon welcomed memos from Bree" read as "welcomed memos": the
                // words before are the source, the noun and what follows the target.
                let src = earlier_source(&cx, v, dicts, day).map_or_else(|| vec!["---".to_string()], |c| vec![c]);
                let mut tgt = participant_codes(&cx, span(Some(n)), dicts, day, fb(Some(n)).as_deref());
                if tgt.iter().all(|c| c == "---") {
                    tgt = later_target(&cx, n, &src, dicts, day).unwrap_or(tgt);
                }
                if src.iter().all(|c| c == "---") || tgt.iter().all(|c| c == "---") {
                    continue;
                }
                push(&code, &src, &tgt, true);
                continue;
            }
            let named = s.is_some_and(|s| names(&cx, tokens_of(cx.doc, cx.phrase(s)))) || slot_src.is_some();
            let mut src = participant_codes(&cx, span(s), dicts, day, fb(s).as_deref());
            let mut tgt = participant_codes(&cx, span(t), dicts, day, fb(t).as_deref());
            if src.iter().all(|c| c == "---") && reporting(&cx, v) {
                // "…, the primary official news agency WFNA said": the phrase before the
                // reporting verb, even when it names only an agent (---GOV).
                if let Some(c) = clause_code(&cx, v, dicts, day) {
                    src = vec![c];
                }
            }
            if src.iter().all(|c| c == "---") && tgt.iter().all(|c| c == "---") && later_target(&cx, v, &src, dicts, day).is_none() {
                continue;
            }
            complete(&cx, v, &mut src, &mut tgt, dicts, day);
            fill_slots(&mut src, &mut tgt, slot_src, slot_tgt);
            if src.iter().all(|c| c == "---") && tgt.iter().all(|c| c == "---") {
                continue;
            }
            if tgt.iter().all(|c| c == "---") && reporting(&cx, v) {
                bare_reports += 1;
            }
            push(&code, &src, &tgt, named);
        }
    }
    if events > 0 && bare_reports == events {
        out.clear();
    }
    out.sort();
    out.dedup();
    out
}

/// Whether the tokens `r` name someone: words other than pronouns ("they" alone, with
/// nothing to resolve it to, names nobody).
fn names(cx: &Context, r: std::ops::Range<usize>) -> bool {
    r.into_iter().any(|k| !matches!(cx.tree.upos(k), "PRON" | "DET" | "PUNCT"))
}

/// A finite verb the parser read as a participle modifying the next noun: "Russian
/// police arrested Russian students" parsed as "…arrested students", in a sentence with
/// no other finite verb; the noun it modifies.
fn misread_participle(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    if t.rel(v) != "amod" || !matches!(t.xpos(v), "VBD" | "VBN") {
        return None;
    }
    let n = t.head(v).filter(|&n| n > v)?;
    let s = cx.doc.text_layer.sentences[cx.sentence(v)].tokens();
    if v == s.start || !matches!(t.upos(v - 1), "NOUN" | "PROPN") {
        return None;
    }
    let finite = s.clone().any(|k| k != v && matches!(t.upos(k), "VERB" | "AUX") && matches!(t.xpos(k), "VBD" | "VBZ" | "VBP" | "MD"));
    (!finite).then_some(n)
}

/// Put the actors a pattern's slots name in place of those the tree gave.
fn fill_slots(src: &mut Vec<String>, tgt: &mut Vec<String>, slot_src: Option<String>, slot_tgt: Option<String>) {
    if let Some(c) = slot_src {
        *src = vec![c];
    }
    if let Some(c) = slot_tgt {
        *tgt = vec![c];
    }
}

/// The actor code of the noun phrase at a pattern slot: the words from (or up to) the
/// slot's position, within one phrase (no verb, punctuation or conjunction; "of" joins).
fn slot_code(cx: &Context, start: usize, slot: dict::Slot, dicts: &Dicts, day: u32) -> Option<String> {
    let s = cx.doc.text_layer.sentences[cx.sentence(start)].tokens();
    let inside = |k: usize| !matches!(cx.tree.upos(k), "VERB" | "AUX" | "PUNCT" | "CCONJ" | "SCONJ") && (cx.tree.upos(k) != "ADP" || cx.tree.word(k).eq_ignore_ascii_case("of"));
    let r = match slot {
        dict::Slot::From(i) => {
            let mut a = start + i;
            // "with the leaders of Gondor": the phrase after its preposition.
            while a < s.end && matches!(cx.tree.upos(a), "ADP" | "DET") {
                a += 1;
            }
            let mut b = a;
            while b < s.end && b - a < 8 && inside(b) {
                b += 1;
            }
            a..b
        }
        dict::Slot::Before(j) => {
            let mut b = start + j;
            // "Mordor will be | hosting": past the auxiliaries.
            while b > s.start && matches!(cx.tree.upos(b - 1), "AUX" | "PART" | "ADV") {
                b -= 1;
            }
            let mut a = b;
            while a > s.start && b - a < 8 && inside(a - 1) {
                a -= 1;
            }
            a..b
        }
    };
    if r.is_empty() {
        return None;
    }
    let c = code_words(&upper_words(cx.doc, r), dicts, day)?;
    (!c.starts_with("---")).then_some(c)
}

/// Whether `v` is a reporting verb ("said", "told", "reported").
fn reporting(cx: &Context, v: usize) -> bool {
    cx.tree.upos(v) == "VERB" && matches!(&*cx.tree.lemma(v), "say" | "tell" | "report" | "state" | "add" | "announce" | "claim")
}

/// Fill what the clause leaves unsaid, as PETRARCH does: a compound source with no
/// target acts on itself ("Gondor and Osgiliath delayed their meeting": each with the
/// other); a target still missing is the first actor after the verb; a source missing
/// (often a misparse) is the actor phrase before the verb in its clause.
fn complete(cx: &Context, v: usize, src: &mut Vec<String>, tgt: &mut Vec<String>, dicts: &Dicts, day: u32) {
    let real = |c: &String| !c.starts_with("---");
    if tgt.iter().all(|c| c == "---") {
        let mut named: Vec<String> = src.iter().filter(|c| real(c)).cloned().collect();
        named.dedup();
        let later = later_target(cx, v, src, dicts, day);
        if named.len() >= 2 {
            *src = named.clone();
            *tgt = named;
            tgt.extend(later.unwrap_or_default());
            return;
        }
        if let Some(t) = later {
            *tgt = t;
        }
    }
    if src.iter().all(|c| c == "---") && tgt.iter().any(real) {
        if let Some(c) = earlier_source(cx, v, dicts, day) {
            if !tgt.contains(&c) {
                *src = vec![c];
            }
        }
    }
}

/// The code of the words before `v` in its clause (from the sentence start or the last
/// comma, semicolon or relative word before it), when they name an actor.
fn earlier_source(cx: &Context, v: usize, dicts: &Dicts, day: u32) -> Option<String> {
    clause_code(cx, v, dicts, day).filter(|c| !c.starts_with("---"))
}

/// The code of the words before `v` in its clause, an actor's or an agent's alone.
fn clause_code(cx: &Context, v: usize, dicts: &Dicts, day: u32) -> Option<String> {
    let s = cx.doc.text_layer.sentences[cx.sentence(v)].tokens();
    let mut start = s.start;
    for k in (s.start..v).rev() {
        if matches!(cx.tree.word(k), "," | ";" | ":" | "(" | ")") || matches!(cx.tree.word(k).to_lowercase().as_str(), "that" | "which" | "who" | "whom") {
            start = k + 1;
            break;
        }
    }
    code_words(&upper_words(cx.doc, start..v), dicts, day)
}

/// Figures for one suite category (or the whole file).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Records evaluated.
    pub records: usize,
    /// Records passed exactly (every expected event, full code and both actors).
    pub exact: usize,
    /// Records passed by root (CAMEO root and both actors).
    pub root: usize,
    /// Records that expect no event.
    pub no_event: usize,
    /// …of which we emitted nothing.
    pub no_event_ok: usize,
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PetrarchEval {
    /// The records file.
    pub file: String,
    /// All evaluated records.
    pub all: Tally,
    /// Per suite category.
    pub categories: BTreeMap<String, Tally>,
    /// Records skipped (`evaluate="false"`, `sentence="false"`).
    pub skipped: usize,
    /// Expected events, found exactly, found by root.
    pub events: (usize, usize, usize),
    /// Events we emitted.
    pub emitted: usize,
    /// Dictionaries the records named that were not there.
    pub missing_dicts: Vec<String>,
    /// Failed records, for reading: id, expected, ours.
    pub failures: Vec<String>,
    /// Records refused as malformed, not coded: id and what is wrong.
    pub malformed: Vec<String>,
}

fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// Run the pipeline (`run`, given a `Doc` holding the record's sentence and date) on every
/// record of `records` and score it; actors are re-coded with `dicts`, and verbs too when
/// it holds a verb dictionary (events of verbs it does not know are kept).
pub fn evaluate(records: &Path, dicts: &Dicts, run: &dyn Fn(&mut Doc)) -> std::io::Result<PetrarchEval> {
    evaluate_with(records, dicts, run, false)
}

/// [`evaluate`], with `verbs_only`: when a verb dictionary is loaded, drop the events of
/// verbs it does not know (PETRARCH's own behaviour).
pub fn evaluate_with(records: &Path, dicts: &Dicts, run: &dyn Fn(&mut Doc), verbs_only: bool) -> std::io::Result<PetrarchEval> {
    let recs = read_records(records)?;
    let mut r = PetrarchEval { file: records.display().to_string(), missing_dicts: dicts.missing.clone(), ..Default::default() };
    for rec in &recs {
        if !rec.evaluate {
            r.skipped += 1;
            continue;
        }
        let iso = rec.iso_date().unwrap_or_else(|| "2000-01-01".into());
        let date = match iso.parse() {
            Ok(d) => d,
            Err(_) => "2000-01-01".parse().expect("a date"),
        };
        let mut doc = Doc::new(sitrep_core::Meta::new(rec.id.clone(), date), rec.text.clone());
        let ours = match &rec.malformed {
            Some(why) => {
                r.malformed.push(format!("{}: {why}", rec.id));
                Vec::new()
            }
            None => {
                run(&mut doc);
                code_doc(&doc, dicts, rec.day(), verbs_only)
            }
        };
        r.emitted += ours.len();
        let cat = r.categories.entry(if rec.category.is_empty() { "(none)".into() } else { rec.category.clone() }).or_default();
        cat.records += 1;
        r.all.records += 1;
        let (exact, by_root) = if rec.expects_nothing() {
            cat.no_event += 1;
            r.all.no_event += 1;
            let ok = ours.is_empty();
            if ok {
                cat.no_event_ok += 1;
                r.all.no_event_ok += 1;
            }
            (ok, ok)
        } else {
            let mut all_exact = true;
            let mut all_root = true;
            for x in &rec.expected {
                r.events.0 += 1;
                let same_actors = |o: &&Triple| o.source == x.source && o.target == x.target;
                let e = ours.iter().filter(same_actors).any(|o| o.code == x.code);
                let ro = ours.iter().filter(same_actors).any(|o| root(&o.code) == root(&x.code));
                r.events.1 += e as usize;
                r.events.2 += ro as usize;
                all_exact &= e;
                all_root &= ro;
            }
            (all_exact, all_root)
        };
        cat.exact += exact as usize;
        cat.root += by_root as usize;
        r.all.exact += exact as usize;
        r.all.root += by_root as usize;
        if !exact {
            let exp: Vec<String> = rec.expected.iter().map(|x| format!("{}>{} {}", x.source, x.target, x.code)).collect();
            let got: Vec<String> = ours.iter().map(|x| format!("{}>{} {}", x.source, x.target, x.code)).collect();
            r.failures.push(format!("{} [{}] expected {:?} got {:?} | {}", rec.id, rec.category, exp, got, rec.text));
        }
    }
    Ok(r)
}

impl std::fmt::Display for PetrarchEval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
        writeln!(f, "{}", self.file)?;
        writeln!(f, "{:<12} {:>7} {:>14} {:>14} {:>12}", "category", "records", "exact", "root", "no-event ok")?;
        let row = |f: &mut std::fmt::Formatter<'_>, name: &str, t: &Tally| {
            writeln!(
                f,
                "{:<12} {:>7} {:>5} {:>6.1} % {:>5} {:>6.1} % {:>5}/{:<5}",
                name,
                t.records,
                t.exact,
                pct(t.exact, t.records),
                t.root,
                pct(t.root, t.records),
                t.no_event_ok,
                t.no_event
            )
        };
        for (name, t) in &self.categories {
            row(f, name, t)?;
        }
        row(f, "ALL", &self.all)?;
        writeln!(f, "skipped (evaluate/sentence=false): {}", self.skipped)?;
        writeln!(f, "expected events: {}, found exactly {} ({:.1} %), by root {} ({:.1} %); emitted {}", self.events.0, self.events.1, pct(self.events.1, self.events.0), self.events.2, pct(self.events.2, self.events.0), self.emitted)?;
        if !self.malformed.is_empty() {
            writeln!(f, "records refused as malformed, not coded ({}): {}", self.malformed.len(), self.malformed.join("; "))?;
        }
        if !self.missing_dicts.is_empty() {
            writeln!(f, "dictionaries named by the records but absent (built-in lexicons used instead): {}", self.missing_dicts.join(", "))?;
        }
        write!(f, "rule: a record passes when each expected (source, target, code) is among ours (exact: full code; root: first two digits); no-event records pass when we emit nothing")
    }
}
