//! Who says an event happened: the reporting verb above the event's clause ("Russia's
//! military *said* it had seized"), a reporting clause beside it ("explosions were heard,
//! Associated Press *reported*"), or "according to X"; nested reports keep the nearest.

use sitrep_core::{Attribution, Participant, Stance};

use crate::coder::{subject, weapon};
use crate::context::Context;
use crate::lexicon::Lexicon;

/// The attribution of the event whose predicate is token `v`, if someone other than the
/// reporter says it.
pub fn attribution(cx: &Context, lex: &Lexicon, v: usize) -> Option<Attribution> {
    let t = &cx.tree;
    // A nominal event ("signs of fighting") is reported by the verb it hangs from ("saw").
    let mut x = v;
    // A gerund read as a clause of the noun it names ("signs [of fighting]" as `acl`
    // with "of" as its marker) is a nominal event too.
    let gerund = t.rel(v).starts_with("acl") && t.xpos(v) == "VBG" && t.children(v).any(|k| k < v && t.lower(k) == "of");
    let nominal = gerund || t.upos(v) == "NOUN" || { let r = t.rel(v); r.starts_with("obj") || r.starts_with("nmod") || r.starts_with("nsubj") };
    if nominal {
        for _ in 0..4 {
            let Some(h) = t.head(x) else { break };
            let r = t.rel(x);
            if !(r.starts_with("obj") || r.starts_with("nmod") || r.starts_with("obl") || r.starts_with("nsubj") || (gerund && x == v)) {
                break;
            }
            // "After the murder of …, Trump asserted …": a deed that sets the time of a
            // report is not what it reports, nor what the report's other clauses say: the
            // writer tells of it.
            if r.starts_with("obl") && t.case(x).is_some_and(|c| matches!(&*c, "after" | "before" | "since" | "during" | "following" | "until" | "amid" | "despite")) {
                return None;
            }
            if t.upos(h) == "VERB" {
                if let Some(stance) = lex.reporting(&t.lemma(h)) {
                    // "explosions were heard": a passive report names nobody; look for a
                    // reporting clause beside it ("…, AP reported") before giving up.
                    let passive = t.child(h, "nsubj:pass").is_some() || t.child(h, "aux:pass").is_some();
                    if !passive {
                        return Some(Attribution { by: reporter(cx, h), cue: t.word(h).to_string(), stance });
                    }
                }
                x = h;
                break;
            }
            x = h;
        }
    }
    // "A reporter saw soldiers beating protesters": a participle of the one seen or
    // heard is the seeing verb's to report.
    if t.rel(v).starts_with("acl") && t.xpos(v) == "VBG" {
        if let Some(g) = t.head(v).filter(|&h| t.rel(h) == "obj").and_then(|h| t.head(h)).filter(|&g| t.upos(g) == "VERB") {
            let passive = t.child(g, "nsubj:pass").is_some() || t.child(g, "aux:pass").is_some();
            if let Some(stance) = lex.reporting(&t.lemma(g)).filter(|_| !passive) {
                return Some(Attribution { by: reporter(cx, g), cue: t.word(g).to_string(), stance });
            }
        }
    }
    // Climb through complement clauses to a reporting verb.
    // Set when the climb came up through a noun's content clause ("evidence that …").
    let mut through_content = false;
    for _ in 0..6 {
        let r = t.rel(x);
        let Some(h) = t.head(x) else { break };
        // "There is no evidence that Iran supplied the missiles, a spokesman said": a noun
        // whose content the event is tells no more than its clause does: climb on.
        if std::mem::take(&mut through_content) && (r.starts_with("nsubj") || r.starts_with("obj")) && t.upos(h) == "VERB" {
            x = h;
            continue;
        }
        if matches!(r, "ccomp" | "xcomp" | "parataxis" | "advcl") || r.starts_with("ccomp") || r.starts_with("acl") {
            // "Had Russia attacked Poland, NATO would have responded", "If Iran strikes,
            // Israel will respond": a condition or a time clause is not what the verb it
            // hangs from says (that verb may itself be reported: climb on).
            let subject = t.children(x).find(|&c| t.rel(c).starts_with("nsubj"));
            let condition = r.starts_with("advcl")
                && (t.children(x).any(|c| t.rel(c) == "mark" && matches!(&*t.lower(c), "if" | "unless" | "when" | "whenever" | "once" | "after" | "before" | "because" | "since" | "until" | "while" | "although" | "though"))
                    || t.children(x).any(|c| t.rel(c).starts_with("aux") && subject.is_some_and(|s| c < s)));
            if condition {
                x = h;
                continue;
            }
            if let Some(stance) = lex.reporting(&t.lemma(h)).filter(|_| t.upos(h) == "VERB") {
                let by = cx.speaker_before(h).or_else(|| reporter(cx, h));
                return Some(Attribution { by, cue: t.word(h).to_string(), stance });
            }
            // "allegations that its troops had fired …", "reports that …": the content of a
            // noun of saying is said by whoever the noun's possessor is, if anyone.
            let content = (r.starts_with("acl") || r.starts_with("ccomp")) && t.upos(h) == "NOUN" && t.opened_by_that(x);
            if let Some(stance) = lex.reporting(&t.lemma(h)).filter(|_| content) {
                let by = t.child(h, "nmod:poss").filter(|&p| cx.participant(p).actor.is_some()).map(|p| cx.participant(p));
                return Some(Attribution { by, cue: t.word(h).to_string(), stance });
            }
            // "said they were willing to come": climb past the adjective or auxiliary clause.
            through_content = content;
            x = h;
            continue;
        }
        if matches!(r, "xcomp" | "conj") {
            x = h;
            continue;
        }
        break;
    }
    // A reporting clause hanging off the event's clause or its root ("…, AP reported").
    let root = {
        let mut r = v;
        while let Some(h) = t.head(r) {
            if cx.sentence(h) != cx.sentence(v) {
                break;
            }
            r = h;
        }
        r
    };
    // "There were reports of casualties, including shelling …": whatever the parser made
    // of the rest, the sentence states that reports exist, not the events in them.
    if (nominal || t.xpos(v) == "VBG") && t.children(root).any(|c| t.rel(c) == "expl" && t.lower(c) == "there") {
        // What the reports are of comes after them: "On Day 2 of the invasion, there were
        // reports of …" does not report the invasion.
        if let Some(n) = t.children(root).find(|&c| t.rel(c).starts_with("nsubj") && c < v && matches!(&*t.lemma(c), "report" | "account" | "rumor" | "rumour")) {
            return Some(Attribution { by: None, cue: t.word(n).to_string(), stance: Stance::Reported });
        }
    }
    // "Protesters set fire to a station, and police responded …, witnesses said": a
    // clause joined with "and" is a second deed, not a report of the first; the reporting
    // clause closing the sentence hangs from it and reports both.
    let joined = |c: usize| {
        let (lo, _) = t.subtree(c);
        let first = (lo..c).find(|&k| t.upos(k) != "PUNCT");
        // (Its own "and", or its subject's: not one inside a clause of what was said.)
        let own = |k: usize| t.head(k).is_some_and(|h| h == c || (t.head(h) == Some(c) && t.rel(h).starts_with("nsubj")));
        first.is_some_and(|k| matches!(&*t.lower(k), "and" | "but") && own(k))
    };
    let closing = || t.children(root).filter(|&j| j > v && (t.rel(j) == "conj" || (t.rel(j) == "parataxis" && joined(j)))).flat_map(|j| t.children(j).filter(move |&c| c > j));
    for anchor in [v, root] {
        let more = (anchor == root).then(closing).into_iter().flatten();
        for c in t.children(anchor).chain(more) {
            // "urged the army to surrender, saying …": a participle with no subject of its
            // own hanging from the event tells what the event's agent said while doing
            // it; it does not report the event.
            let manner = anchor == v && t.rel(c) == "advcl" && t.xpos(c) == "VBG" && t.child(c, "nsubj").is_none() && t.child(c, "nsubj:pass").is_none();
            // "Rubio denounced the regime *after* Trump said …": a clause that sets the
            // time or cause of the event tells what else was said, not who says this.
            let setting = t.rel(c) == "advcl" && t.child(c, "mark").is_some_and(|m| matches!(&*t.lower(m), "after" | "before" | "when" | "since" | "because" | "until" | "while" | "once" | "if" | "unless" | "although" | "though" | "whereas"));
            if matches!(t.rel(c), "parataxis" | "advcl") && c != v && !manner && !setting && !joined(c) {
                if let Some(stance) = lex.reporting(&t.lemma(c)) {
                    return Some(Attribution { by: reporter(cx, c), cue: t.word(c).to_string(), stance });
                }
            }
        }
        // "according to X".
        for c in t.children(anchor) {
            if t.rel(c).starts_with("obl") && t.children(c).any(|k| t.word(k).eq_ignore_ascii_case("according")) {
                return Some(Attribution { by: Some(cx.participant(c)), cue: "according to".into(), stance: Stance::Reported });
            }
        }
    }
    // "…, according to the regional governor" attached by the parser elsewhere in the
    // sentence (to an adverb, to the object): it still says who reports the sentence's
    // main clause (not a nominal event or a clause inside it).
    let main = t.upos(v) == "VERB" && (t.head(v).is_none() || (t.rel(v) == "conj" && t.head(v).is_some_and(|h| t.head(h).is_none() && t.upos(h) == "VERB")));
    if !main {
        return None;
    }
    let s = &cx.doc.text_layer.sentences[cx.sentence(v)];
    let according = s.tokens().find(|&k| t.word(k).eq_ignore_ascii_case("according") && k + 1 < s.end_token as usize && t.word(k + 1).eq_ignore_ascii_case("to"))?;
    let by = t.head(according).filter(|&h| t.rel(according) == "case" && matches!(t.upos(h), "NOUN" | "PROPN" | "PRON") && !t.dominates(h, v))?;
    Some(Attribution { by: Some(cx.participant(by)), cue: "according to".into(), stance: Stance::Reported })
}

/// The party saying so with the reporting verb `h`: its subject, unless that is a weapon
/// (a misread "artillery … said" names no reporter).
fn reporter(cx: &Context, h: usize) -> Option<sitrep_core::Participant> {
    // "What the mayor identified as Russian shelling …" read with the verb as a clause of
    // "mayor": a clause opened by "what" has that noun as its subject.
    let t = &cx.tree;
    if let Some(n) = t.head(h).filter(|&n| t.rel(h).starts_with("acl") && n < h && matches!(t.upos(n), "NOUN" | "PROPN")) {
        if t.children(n).any(|c| c < n && t.lower(c) == "what") {
            return Some(cx.participant(n));
        }
    }
    // A weapon or a date ("a statement Friday urging …" read with "Friday" as subject)
    // says nothing.
    subject(cx, h).filter(|&s| !weapon(cx, s) && cx.time(s).is_none()).map(|s| cx.participant(s))
}

/// A party reporting about itself is making a claim. Only a source the text names counts:
/// one inferred from the conflict's sides is a guess, not the reporter's own party.
pub fn refine_stance(a: &mut Attribution, source: Option<&Participant>) {
    if a.stance == Stance::Reported {
        let by = a.by.as_ref().and_then(|p| p.actor.as_deref()).and_then(|c| c.get(..3));
        let source_actor = source.filter(|s| !s.inferred).and_then(|s| s.actor.as_deref());
        if by.is_some() && by == source_actor.and_then(|c| c.get(..3)) {
            a.stance = Stance::Claimed;
        }
    }
}
