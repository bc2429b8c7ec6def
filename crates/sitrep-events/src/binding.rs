//! Binding an event to a place, a date and counted quantities.

use sitrep_core::{EventDate, PlaceRole, Quantity};

use crate::context::Context;

/// The place of the event at predicate `v`: a place inside the clause (in/near/outside X,
/// or the target itself), else the nearest place named in the sentence, else the
/// report's first place (its dateline or lead).
pub fn place(cx: &Context, v: usize) -> Option<usize> {
    let in_clause = place_in_clause(cx, v);
    if in_clause.is_some() {
        return in_clause;
    }
    let is_location = |p: usize| is_location(cx, p);
    let s = &cx.doc.text_layer.sentences[cx.sentence(v)];
    let nearest = s.tokens().filter_map(|k| cx.place(k).map(|p| (k.abs_diff(v), p))).filter(|&(_, p)| is_location(p)).min().map(|(_, p)| p);
    nearest.or_else(|| (0..cx.doc.places.places.len()).find(|&p| is_location(p)))
}

/// The place named inside the clause of predicate `v` ("marched through central
/// *Minsk*"), if any.
pub fn place_in_clause(cx: &Context, v: usize) -> Option<usize> {
    let (lo, hi) = cx.tree.subtree(v);
    (lo..=hi).filter_map(|k| cx.place(k)).find(|&p| is_location(cx, p))
}

/// The CAMEO country code of the place named inside the clause of predicate `v`.
pub fn country_of_clause(cx: &Context, v: usize) -> Option<&'static str> {
    cx.doc.places.places[place_in_clause(cx, v)?].country.as_deref().and_then(crate::context::country_code)
}

/// [`country_of_clause`] with the places inside `besides` left out (a side's own words:
/// "Russia launched missiles at targets in Ukraine" is about Ukraine's targets).
pub fn country_of_clause_besides(cx: &Context, v: usize, besides: sitrep_core::Span) -> Option<&'static str> {
    let (lo, hi) = cx.tree.subtree(v);
    let tokens = &cx.doc.text_layer.tokens;
    let p = (lo..=hi).filter(|&k| !besides.contains(tokens[k].span)).filter_map(|k| cx.place(k)).find(|&p| is_location(cx, p))?;
    cx.doc.places.places[p].country.as_deref().and_then(crate::context::country_code)
}

/// The CAMEO country code of the place in the report's dateline ("TBILISI, Georgia —"),
/// if the report opens with one.
pub fn country_of_dateline(cx: &Context) -> Option<&'static str> {
    let s = cx.doc.text_layer.sentences.first()?;
    let dash = crate::repair::dateline(cx.doc, s.first_token as usize, s.end_token as usize)?;
    let p = (s.first_token as usize..dash).find_map(|k| cx.place(k))?;
    cx.doc.places.places[p].country.as_deref().and_then(crate::context::country_code)
}

/// Whether place `p` says where something happens (not whom a legislator represents,
/// nor a place in another role).
fn is_location(cx: &Context, p: usize) -> bool {
    matches!(cx.doc.places.places[p].detail.role, None | Some(PlaceRole::Location)) && !party_label(cx.doc, p)
}

/// Whether place `p` is the state of a US legislator's party label ("Ted Cruz
/// (R-Texas)"): whom the person represents, not where anything happens.
fn party_label(doc: &sitrep_core::Doc, p: usize) -> bool {
    let span = doc.places.places[p].span;
    let tokens = &doc.text_layer.tokens;
    let first = tokens.partition_point(|t| t.span.start < span.start);
    // Not bounded by the sentence: the segmenter may split "(D-W.Va.)" after "W.".
    first.checked_sub(3).and_then(|open| doc.party_label(open, tokens.len())).is_some_and(|close| span.end <= tokens[close].span.start)
}

/// The date of the event at predicate `v`: a time expression in its clause, else the
/// report's date.
pub fn date(cx: &Context, v: usize) -> EventDate {
    let t = &cx.tree;
    let (lo, hi) = t.subtree(v);
    // Prefer expressions attached to the predicate itself, then any in the clause — but
    // not inside a clause of content, which tells of another event ("agreed on Tuesday to
    // resume talks next month": the agreement is Tuesday's).
    let content = |c: usize| matches!(t.rel(c), "xcomp" | "csubj") || t.rel(c).starts_with("ccomp");
    let attached = t.children(v).filter(|&c| !content(c)).filter_map(|c| {
        let (a, b) = t.subtree(c);
        (a..=b).find_map(|k| cx.time(k))
    });
    // The content clauses' spans, worked out once rather than for every token.
    let skipped: Vec<(usize, usize)> = t.children(v).filter(|&c| content(c)).map(|c| t.subtree(c)).collect();
    let inside_content = |k: usize| skipped.iter().any(|&(a, b)| (a..=b).contains(&k));
    let found = attached.chain((lo..=hi).filter(|&k| !inside_content(k)).filter_map(|k| cx.time(k))).find(|&i| {
        let x = &cx.doc.time.times[i];
        matches!(x.kind, sitrep_core::TimexType::Date | sitrep_core::TimexType::Time) && x.value.starts_with(|c: char| c.is_ascii_digit())
    });
    match found {
        Some(i) => EventDate { value: cx.doc.time.times[i].value.clone(), from: Some(i) },
        // An event named after its place ("the Paris attacks", "the Benghazi attack", "the
        // Iraq war") is one the reader already knows: it happened before the report, on a
        // day the report does not give, not on the report's date.
        // So is one the text counts from ("after the shooting", "since the Sandy Hook
        // shootings", "in the wake of the attack").
        None if named_after_place(cx, v) || counted_from(cx, v) => EventDate { value: "PAST_REF".to_string(), from: None },
        None => EventDate { value: cx.doc.meta.date.to_string(), from: None },
    }
}

/// Whether the event noun at `v` is what a clause is dated after: "after the shooting",
/// "since the attacks", "following the bombing", "in the wake of the attack".
fn counted_from(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    if t.upos(v) != "NOUN" {
        return false;
    }
    let case = t.case(v);
    match case.as_deref() {
        Some("after" | "since" | "following") => true,
        // "in the wake of" / "in the aftermath of": the noun hangs from "wake" by "of".
        Some("of") => t.head(v).is_some_and(|h| matches!(&*t.lemma(h), "wake" | "aftermath")),
        _ => false,
    }
}

/// Numbers counting people or forces in the clause ("150,000 troops", "12 killed").
pub fn quantities(cx: &Context, v: usize) -> Vec<Quantity> {
    let t = &cx.tree;
    let (lo, hi) = t.subtree(v);
    let mut out = Vec::new();
    for k in lo..=hi {
        if t.rel(k) != "nummod" {
            continue;
        }
        let Some(noun) = t.head(k) else { continue };
        let Ok(value) = t.word(k).replace(',', "").parse::<f64>() else { continue };
        let unit = t.lemma(noun);
        if matches!(&*unit, "troop" | "soldier" | "people" | "person" | "civilian" | "casualty" | "refugee" | "tank" | "missile" | "child" | "fighter" | "protester" | "prisoner" | "hostage" | "death" | "body") {
            let unit = if unit == "troop" { "troops".to_string() } else { t.word(noun).to_lowercase() };
            out.push(Quantity { value, unit });
        }
    }
    out
}

/// Whether the event noun at `v` is named after its place ("the Paris attacks", "the
/// Iraq war"): a past event the reader knows by name.
pub fn named_after_place(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    t.upos(v) == "NOUN" && t.children(v).any(|c| t.rel(c) == "compound" && t.upos(c) == "PROPN" && cx.place(c).is_some())
}
