//! Sides the text leaves uncoded or unsaid, given by where the event happens: crowds
//! protesting, arrested or killed are the people of the place their clause names (else
//! the dateline's, where that is safe), police are that place's police, courts its
//! courts, and an arrest told with no one doing it is the police's.

use sitrep_core::{Participant, Span};

use crate::binding;
use crate::coder;
use crate::context::Context;

/// Give the uncoded crowd of a protest, demand or rejection the country of the place its clause names:
/// opposition (`OPP`) when the words say they protest, else its people (`CVL`). A
/// protest with no subject at all keeps none.
pub(crate) fn protesters_of_place(cx: &Context, c: &mut coder::Coded) {
    crowd_of_place(cx, c.head, &mut c.source, true);
}

/// Give the uncoded crowd on `side` of the event at `head_of_event` the country of the place its
/// clause names (else, when `dateline`, the dateline's): opposition (`OPP`) when the words
/// say they protest, else its people (`CVL`).
pub(crate) fn crowd_of_place(cx: &Context, head_of_event: usize, side: &mut Option<Participant>, dateline: bool) {
    let person = |p: &Participant| p.entity.and_then(|e| cx.doc.entities.entities.get(e)).is_some_and(|e| e.kind == sitrep_core::EntityType::Person);
    let Some(p) = side.as_mut().filter(|p| !person(p) && p.actor.is_none()) else { return };
    // A crowd, not a person or a pronoun ("we can rally the people", "Clinton marched").
    let Some(head) = crate::context::phrase_head(cx, p.span) else { return };
    // "Thousands of protesters", "dozens of members of his party": the counted noun.
    let t = &cx.tree;
    // "Tens of thousands of protesters": through each counting word to what it counts.
    // ("Seven members of one family": members of a crowd are of its place; members of a
    // party or a group are not a crowd.)
    let counting = |k: usize| matches!(&*t.lemma(k), "ten" | "thousand" | "hundred" | "dozen" | "million" | "score" | "scores" | "member");
    let mut counted = None;
    let mut k = head;
    for _ in 0..3 {
        let Some(c) = counting(k).then(|| t.children(k).find(|&c| t.rel(c).starts_with("nmod") && t.case(c).as_deref() == Some("of"))).flatten() else { break };
        counted = Some(c);
        k = c;
    }
    // (People gathered somewhere — "worshippers", "commuters" — are its people too; not
    // passengers, pilgrims or tourists, who come from anywhere.)
    let crowd = matches!(
        &*t.lemma(counted.unwrap_or(head)),
        "protester" | "protestor" | "demonstrator" | "marcher" | "activist" | "people" | "crowd" | "thousand" | "hundred" | "dozen" | "resident" | "student" | "worker" | "supporter" | "villager" | "citizen" | "woman" | "farmer" | "man" | "child" | "civilian" | "person" | "dissident"
            | "worshipper" | "worshiper" | "commuter" | "churchgoer" | "mourner" | "parishioner" | "shopper" | "pedestrian" | "bystander" | "spectator" | "other"
    );
    // ("Seven members of one family": a family's members are its place's people; families
    // alone may be migrants from elsewhere.)
    let family = counted.is_some_and(|c| matches!(&*t.lemma(c), "family" | "household")) && &*t.lemma(head) == "member";
    if !crowd && !family {
        return;
    }
    // "A car bomb exploded in Mogadishu, killing five people": the victims of a
    // participle with no subject of its own are where the clause it hangs from happens
    // (for violence only, whose victims are whoever is there).
    // (So are a second participle's: "…, setting a warehouse on fire and wounding four
    // dock workers".)
    let host = || {
        let t = &cx.tree;
        let adjunct = if t.joined_participle(head_of_event) { t.head(head_of_event)? } else { head_of_event };
        t.head(adjunct).filter(|_| !dateline && t.participle_adjunct(adjunct))
    };
    let Some(country) = binding::country_of_clause(cx, head_of_event)
        .or_else(|| host().and_then(|h| binding::country_of_clause(cx, h)))
        .or_else(|| dateline.then(|| binding::country_of_dateline(cx)).flatten())
    else {
        return;
    };
    let words = p.span.of(cx.doc.text()).to_lowercase();
    let protesting = ["protest", "demonstrat", "marcher", "activist", "opposition", "dissident"].iter().any(|w| words.contains(w));
    p.actor = Some(format!("{country}{}", if protesting { "OPP" } else { "CVL" }));
}

/// An arrest or detention (173) told in the passive with no one doing it ("were
/// detained", "were arrested") is the police's: an inferred `---COP` source with an empty
/// span (no words name it), given its country by [`police_of_place`].
pub(crate) fn arrested_by_police(cx: &Context, c: &mut coder::Coded) {
    let t = &cx.tree;
    let passive = t.children(c.head).any(|k| t.rel(k) == "aux:pass") || t.children(c.head).any(|k| t.rel(k) == "nsubj:pass");
    if c.code != "173" || c.source.is_some() || !passive {
        return;
    }
    // No words name them: an empty span where the verb begins.
    let at = cx.doc.text_layer.tokens[c.head].span.start;
    c.source = Some(Participant { span: Span::new(at, at), actor: Some(format!("{}COP", sitrep_core::UNKNOWN_COUNTRY)), entity: None, inferred: true });
}

/// Give police of unknown country (`---COP`) on either side the country of the place
/// the event's clause names, else that of the report's dateline ("TBILISI — … riot police
/// used tear gas"), else — for police the text names — that of the place the event is
/// bound to when the paragraph names it ("Protesters rallied in Tbilisi on Sunday. Police
/// fired tear gas"): police act at home.
pub(crate) fn police_of_place(cx: &Context, c: &mut coder::Coded) {
    let police = |p: &Participant| p.actor.as_deref().is_some_and(|a| a.starts_with(sitrep_core::UNKNOWN_COUNTRY) && a.ends_with("COP"));
    let unknown = |p: &Option<Participant>| p.as_ref().is_some_and(police);
    if !unknown(&c.source) && !unknown(&c.target) {
        return;
    }
    let named = [&c.source, &c.target].into_iter().flatten().any(|p| !p.inferred && police(p));
    let sentence = cx.doc.text_layer.sentences[cx.sentence(c.head)].span;
    let paragraph = cx.doc.text_layer.paragraphs.iter().find(|p| p.start <= sentence.start && sentence.end <= p.end).copied();
    let bound = || {
        if !named {
            return None;
        }
        let p = &cx.doc.places.places[binding::place(cx, c.head, binding::verbal(&c.code))?];
        let in_paragraph = paragraph.is_some_and(|g| g.start <= p.span.start && p.span.end <= g.end);
        in_paragraph.then(|| p.country.as_deref().and_then(crate::context::country_code)).flatten()
    };
    let Some(country) = binding::country_of_clause(cx, c.head).or_else(|| binding::country_of_dateline(cx)).or_else(bound) else { return };
    for side in [&mut c.source, &mut c.target] {
        if unknown(side) {
            if let Some(p) = side.as_mut() {
                p.actor = Some(format!("{country}COP"));
            }
        }
    }
}

/// Give a court, judge or prosecutor the text names with no country ("A court in Moscow
/// sentenced …", "Prosecutors in Pakistan charged …") the court of the country of the
/// place its own "in" phrase names, else the dateline's (`JUD`); not a place told of it
/// further off ("a judge whose parents were born in Mexico").
pub(crate) fn court_of_place(cx: &Context, c: &mut coder::Coded) {
    let t = &cx.tree;
    let court = |p: &Option<Participant>| {
        let p = p.as_ref().filter(|p| p.actor.is_none() && p.entity.is_none())?;
        crate::context::phrase_head(cx, p.span).filter(|&h| matches!(&*t.lemma(h), "court" | "judge" | "tribunal" | "prosecutor"))
    };
    for side in [&mut c.source, &mut c.target] {
        let Some(h) = court(side) else { continue };
        let seat = t.children(h).find(|&k| t.rel(k).starts_with("nmod") && t.case(k).as_deref() == Some("in")).and_then(|k| binding::country_of_clause(cx, k));
        let Some(country) = seat.or_else(|| binding::country_of_dateline(cx)) else { continue };
        if let Some(p) = side.as_mut() {
            p.actor = Some(format!("{country}JUD"));
        }
    }
}

/// Give a government body, the opposition, the prosecution or lawmakers the text names
/// with no country ("ISLAMABAD — *The government* banned …", "*the opposition* party")
/// the country of the report's dateline: a report filed from Islamabad that says "the
/// government" means Pakistan's. Only "the …" or a bare plural ("a government", "their
/// government" say another), and only under a dateline: a report from nowhere in
/// particular may tell of many governments. One whose seat the text names ("the defence
/// ministry in Moscow") is that place's country's, dateline or not.
pub(crate) fn authorities_of_dateline(cx: &Context, side: &mut Option<Participant>) {
    let t = &cx.tree;
    let Some(p) = side.as_mut().filter(|p| p.actor.is_none()) else { return };
    let Some(top) = crate::context::phrase_head(cx, p.span) else { return };
    // "the interior ministry" read as a name ("interior" its head, "ministry" `flat`):
    // the last word says what it is.
    let last = crate::context::tokens_of(cx.doc, p.span).last().filter(|&k| t.head(k) == Some(top) && t.rel(k) == "flat");
    let h = last.unwrap_or(top);
    let opposition = |k: usize| t.children(k).any(|c| t.rel(c) == "compound" && t.lower(c) == "opposition");
    let role = match &*t.lemma(h) {
        "government" | "authority" | "cabinet" | "regime" | "junta" | "administration" | "ministry" | "minister" => "GOV",
        "opposition" => "OPP",
        // "the opposition party", "opposition leaders".
        "party" | "leader" | "figure" | "politician" | "lawmaker" if opposition(h) => "OPP",
        "prosecution" => "JUD",
        "parliament" | "lawmaker" | "legislature" | "legislator" => "LEG",
        _ => return,
    };
    // "authority" in the singular is a body of its own ("the port authority").
    if t.lemma(h) == "authority" && t.xpos(h) != "NNS" {
        return;
    }
    // "the defence ministry in Moscow": the country of its seat, as for courts.
    let seat = t.children(h).find(|&k| t.rel(k).starts_with("nmod") && t.case(k).as_deref() == Some("in")).and_then(|k| binding::country_of_clause(cx, k));
    // ("the government of Japan", "the government in exile", "their government" say
    // whose.)
    let whose = |c: usize| t.rel(c) == "nmod:poss" || (t.rel(c) == "nmod" && t.case(c).is_some_and(|w| matches!(&*w, "of" | "in")));
    let definite = t.children(top).all(|c| !(t.rel(c) == "det" && t.lower(c) != "the") && !whose(c));
    if let Some(country) = seat.or_else(|| definite.then(|| binding::country_of_dateline(cx)).flatten()) {
        p.actor = Some(format!("{country}{role}"));
    }
}
