//! Binding an event to a place, a date and counted quantities.

use sitrep_core::{EventDate, PlaceRole, Quantity};

use crate::context::Context;
use crate::lexicon::Lexicon;

/// The place of the event at predicate `v`: a place inside the clause (in/near/outside X,
/// or the target itself), else the nearest place named in the sentence, else the
/// report's first place (its dateline or lead).
pub fn place(cx: &Context, v: usize, verbal: bool) -> Option<usize> {
    // "Russia and Ukraine held talks in Istanbul": a place that is a side of the event
    // says who before where, so another place of the clause comes first ("Israel freed
    // 1,000 prisoners" is still in Israel).
    // An event noun that is a verb's subject happens where that verb's clause says
    // ("Talks between Russia and Ukraine resumed in Istanbul").
    // A place that words are aimed at is no place at all ("Congo accused *Rwanda* of
    // sending troops", "called on *China* to …"); one force is aimed at is where.
    let t = &cx.tree;
    // (So is a capital named for its government, "Moscow accused *Kyiv*", and one whose
    // plan or decision words are aimed at, "rejected *Kyiv*'s peace plan".)
    let party = |k: usize| {
        let aimed_at = |k: usize| t.head(k) == Some(v) && (matches!(t.rel(k), "obj" | "iobj") || (t.rel(k).starts_with("obl") && t.case(k).is_some_and(|c| matches!(&*c, "on" | "against" | "with"))));
        let whose = || t.rel(k) == "nmod:poss" && t.head(k).is_some_and(aimed_at) && cx.participant(k).actor.is_some();
        verbal && (aimed_at(k) || whose())
    };
    // What words are about is not where they are said: "accused Kyiv of attacking *the
    // Zaporizhzhia plant*", "urged Russia to withdraw from *Kherson*".
    let content = |k: usize| verbal && t.children(v).any(|c| matches!(t.rel(c), "xcomp" | "ccomp" | "advcl" | "acl") && t.dominates(c, k));
    let party = |k: usize| party(k) || content(k);
    let not_a_side = |k: usize| !side_of(cx, v, k) && !party(k);
    let carrier = t.head(v).filter(|_| t.upos(v) == "NOUN" && t.rel(v).starts_with("nsubj"));
    let in_clause = location_in_clause(cx, v, not_a_side)
        .or_else(|| carrier.and_then(|g| location_in_clause(cx, g, not_a_side)))
        .or_else(|| location_in_clause(cx, v, |k| !party(k)));
    if in_clause.is_some() {
        return in_clause;
    }
    let is_location = |p: usize| is_location(cx, p);
    let s = &cx.doc.text_layer.sentences[cx.sentence(v)];
    // Under a dateline, the dateline's place (its city first) says where.
    let dateline = dateline_of(cx, v);
    if let Some(d) = dateline {
        if let Some(p) = (s.first_token as usize..d).find_map(|k| cx.place(k)).filter(|&p| is_location(p)) {
            return Some(p);
        }
    }
    // (Only the tokens of places are weighed: the tests cost more than the look-up.)
    let nearest = s.tokens().filter_map(|k| cx.place(k).map(|p| (k, p))).filter(|&(k, _)| !beside(cx, v, k) && !party(k) && !agent(cx, v, k) && dateline.is_none_or(|d| k > d)).map(|(k, p)| (k.abs_diff(v), p)).filter(|&(_, p)| is_location(p)).min().map(|(_, p)| p);
    // (Not a place the reporting clause beside this one names, nor a party, when it
    // comes first: "…, the defence ministry in Moscow claimed".)
    let named_beside = |p: usize| s.tokens().any(|k| cx.place(k) == Some(p) && (beside(cx, v, k) || party(k)));
    nearest.or_else(|| (0..cx.doc.places.places.len()).find(|&p| is_location(p) && !named_beside(p)))
}

/// Whether events of CAMEO `code` are words and gestures (roots 01–14: statements,
/// appeals, consultations, demands, threats, protests), aimed at parties rather than at
/// places; a visit (042, 043) goes to its place.
///
/// ```
/// assert!(sitrep_events::binding::verbal("112"));
/// assert!(!sitrep_events::binding::verbal("042"));
/// assert!(!sitrep_events::binding::verbal("190"));
/// ```
pub fn verbal(code: &str) -> bool {
    code.get(..2).is_some_and(|r| r < "15") && !code.starts_with("042") && !code.starts_with("043")
}

/// Whether token `k` is inside a clause set beside the clause of predicate `v`: "…, the
/// defence ministry in Moscow claimed" says where the claim was made, not the event (also
/// when the parser joined the reporting clause as a conjunct with no "and").
fn beside(cx: &Context, v: usize, k: usize) -> bool {
    let t = &cx.tree;
    let reporting_conjunct = |c: usize| t.rel(c) == "conj" && c > v && t.child(c, "cc").is_none() && Lexicon::builtin().reporting(&t.lemma(c)).is_some();
    t.children(v).any(|c| (t.rel(c) == "parataxis" || reporting_conjunct(c)) && {
        let (a, b) = t.subtree(c);
        (a..=b).contains(&k)
    })
}

/// Whether token `k` is a side of predicate `v` itself, or one of several joined to it:
/// its subject, or a phrase "between" whom it happens (on the predicate, or on the verb
/// it is the subject of: "Clashes broke out between …").
fn side_of(cx: &Context, v: usize, k: usize) -> bool {
    let t = &cx.tree;
    let mut x = k;
    // (From any word of a place's name to the name's head: "United" in "The United
    // States carried out airstrikes".)
    for _ in 0..4 {
        match t.head(x) {
            Some(h) if cx.place(h).is_some() && cx.place(h) == cx.place(x) => x = h,
            _ => break,
        }
    }
    while t.rel(x) == "conj" {
        match t.head(x) {
            Some(h) => x = h,
            None => return false,
        }
    }
    let Some(h) = t.head(x) else { return false };
    let carrier = t.head(v).filter(|_| t.rel(v).starts_with("nsubj"));
    (h == v && t.rel(x).starts_with("nsubj")) || ((h == v || Some(h) == carrier) && t.case(x).as_deref() == Some("between"))
}

/// The place named inside the clause of predicate `v` ("marched through central
/// *Minsk*"), if any.
pub fn place_in_clause(cx: &Context, v: usize) -> Option<usize> {
    location_in_clause(cx, v, |_| true)
}

/// The first place saying where in the clause of predicate `v`, among the tokens `keep`
/// lets through.
///
/// A place that only says whose a party is ("two *U.S.* service members were injured in
/// a drone attack on a base in eastern Syria", "*Russian* troops") comes after one that
/// says where; one naming the event itself says where it was ("the *Orlando* attack").
/// The clauses set beside the event's (`parataxis`: "…, officials in Kyiv said") are
/// left out.
fn location_in_clause(cx: &Context, v: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
    let t = &cx.tree;
    let (lo, hi) = t.subtree(v);
    // The dateline ("KHARTOUM, Sudan —") hangs from the sentence's root but says where
    // the report was filed, not where the clause happens: it is the fallback, below.
    let dateline = dateline_of(cx, v);
    // Under a dateline, only a place said to be where ("in the Darfur region", "near
    // Kidal") beats it; a place the clause is about ("called for the United States to
    // step up") does not.
    let locative = |k: usize| {
        let mut x = k;
        for _ in 0..3 {
            if t.case(x).is_some_and(|c| matches!(&*c, "in" | "at" | "near" | "outside" | "inside" | "across" | "around" | "into" | "over" | "along" | "through" | "throughout")) {
                return true;
            }
            // The town the deed is done to ("seized the town of Sake", "shelled Kharkiv");
            // not a country, which is a party ("condemned Poland").
            let town = || cx.place(k).is_some_and(|p| matches!(cx.doc.places.places[p].precision, sitrep_core::PlacePrecision::City | sitrep_core::PlacePrecision::Admin2));
            if t.rel(x) == "obj" && t.head(x) == Some(v) && town() {
                return true;
            }
            match t.head(x) {
                Some(h) if matches!(t.rel(x), "compound" | "amod" | "flat" | "nmod") => x = h,
                _ => return false,
            }
        }
        false
    };
    let keep = |k: usize| keep(k) && !beside(cx, v, k) && !agent(cx, v, k) && dateline.is_none_or(|d| k > d && locative(k));
    // (Only the tokens of places are kept or not: the tests cost more than the look-up.)
    let places = || (lo..=hi).filter_map(|k| cx.place(k).map(|p| (k, p))).filter(|&(k, _)| keep(k)).filter(|&(_, p)| is_location(cx, p));
    let qualifies = |k: usize, p: usize| {
        // ("military" in "Myanmar's military" may be read as an adjective.)
        let whose = matches!(t.rel(k), "compound" | "amod" | "nmod:poss") && t.head(k).is_some_and(|h| h != v && matches!(t.upos(h), "NOUN" | "ADJ") && cx.place(h) != Some(p));
        // "Negotiators from Israel and Hamas held talks in Cairo": where a party comes
        // from (each of a list: "officials from Japan, South Korea and China").
        let mut first = k;
        for _ in 0..4 {
            match t.head(first) {
                Some(h) if matches!(t.rel(first), "compound" | "flat") || (t.rel(first) == "conj" && h < first) => first = h,
                _ => break,
            }
        }
        whose || (t.case(first).as_deref() == Some("from") && t.head(first).is_some_and(|h| t.upos(h) == "NOUN"))
    };
    places().find(|&(k, p)| !qualifies(k, p)).or_else(|| places().next()).map(|(_, p)| p)
}

/// Whether token `k` names the agent of a passive other than the event's own predicate
/// `v` ("agreed to a ceasefire brokered by *the United States*", "intercepted drones fired
/// by *Iran*-backed militias"): a party to something else, not where the event happens.
/// (The event's own agent is a side: "detained by *Britain*" may well be where.)
fn agent(cx: &Context, v: usize, k: usize) -> bool {
    let t = &cx.tree;
    let mut x = k;
    for _ in 0..4 {
        if t.case(x).as_deref() == Some("by") {
            return t.head(x) != Some(v);
        }
        match t.head(x) {
            Some(h) if matches!(t.rel(x), "compound" | "amod" | "flat" | "conj" | "obl:npmod") => x = h,
            _ => return false,
        }
    }
    false
}

/// The last token (its dash) of the dateline opening the sentence of token `v`, if any.
fn dateline_of(cx: &Context, v: usize) -> Option<usize> {
    let s = &cx.doc.text_layer.sentences[cx.sentence(v)];
    crate::repair::dateline(cx.doc, s.first_token as usize, s.end_token as usize)
}

/// The CAMEO country code of place `p`.
fn country_of(cx: &Context, p: usize) -> Option<&'static str> {
    cx.doc.places.places[p].country.as_deref().and_then(crate::context::country_code)
}

/// The CAMEO country code of the place named inside the clause of predicate `v`.
pub fn country_of_clause(cx: &Context, v: usize) -> Option<&'static str> {
    country_of(cx, place_in_clause(cx, v)?)
}

/// [`country_of_clause`] with the places inside `besides` left out (a side's own words:
/// "Russia launched missiles at targets in Ukraine" is about Ukraine's targets).
pub fn country_of_clause_besides(cx: &Context, v: usize, besides: sitrep_core::Span) -> Option<&'static str> {
    let tokens = &cx.doc.text_layer.tokens;
    country_of(cx, location_in_clause(cx, v, |k| !besides.contains(tokens[k].span))?)
}

/// The CAMEO country code of the place in the report's dateline ("TBILISI, Georgia —"),
/// if the report opens with one.
pub fn country_of_dateline(cx: &Context) -> Option<&'static str> {
    let s = cx.doc.text_layer.sentences.first()?;
    let dash = crate::repair::dateline(cx.doc, s.first_token as usize, s.end_token as usize)?;
    let p = (s.first_token as usize..dash).find_map(|k| cx.place(k))?;
    country_of(cx, p)
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
pub fn date(cx: &Context, lex: &Lexicon, v: usize) -> EventDate {
    let t = &cx.tree;
    let (lo, hi) = t.subtree(v);
    // Prefer expressions attached to the predicate itself, then any in the clause — but
    // not inside a clause of content, which tells of another event ("agreed on Tuesday to
    // resume talks next month": the agreement is Tuesday's).
    let content = |c: usize| matches!(t.rel(c), "xcomp" | "csubj") || t.rel(c).starts_with("ccomp");
    // Nor inside a relative clause, which tells of a party ("Pence, who is running for
    // reelection this year, praised …"), or a participle describing a noun ("urged both
    // sides to respect a ceasefire agreed in Luanda last month").
    let in_relative = |k: usize| {
        // Nor a year that describes a thing named ("Wallace's famous 1963 refrain …, Cruz
        // pledged"), unless it is the event's own ("the 2014 annexation").
        // (A year only: "in overnight raids", "during Friday prayers" say when; and not
        // one of a setting: "in the 2010 Senate election, Pate supported Crist".)
        let year = || cx.time(k).is_some_and(|i| !cx.doc.time.times[i].value.contains('-'));
        // (Read at the expression's head word: "the 1990s" is hung by "1990s".)
        let k = {
            let mut x = k;
            for _ in 0..8 {
                match t.head(x).filter(|&h| h != x && cx.time(h).is_some() && cx.time(h) == cx.time(k)) {
                    Some(h) => x = h,
                    None => break,
                }
            }
            x
        };
        // (The setting is the predicate's own: "killed in the 2012 attacks" inside its
        // subject is the victims' setting, not this event's.)
        let setting = |n: usize| t.head(n) == Some(v) && t.case(n).is_some_and(|c| matches!(&*c, "in" | "during" | "at"));
        // ("scandals from the 1990s", "the crisis of 2008": a period a thing is of.)
        let of_thing = || t.rel(k).starts_with("nmod") && t.case(k).is_some_and(|c| matches!(&*c, "from" | "of"));
        if (matches!(t.rel(k), "nummod" | "amod" | "compound") || of_thing()) && t.head(k).is_some_and(|n| n != v && t.upos(n) == "NOUN" && !setting(n)) && year() {
            return true;
        }
        let mut x = k;
        for _ in 0..32 {
            if x == v {
                return false;
            }
            // (Only a period, not a day: "a rally held at a stadium on Wednesday" is the
            // trip's day too. The event noun's own participle dates it: "the agreement,
            // signed last month".)
            let period = || cx.time(k).is_some_and(|i| day_of(&cx.doc.time.times[i].value).is_none());
            // An infinitive on a noun is what is to be done ("urged both sides to respect
            // …", "a decision to strike on Monday"), not when this was.
            let infinitive = || t.children(x).any(|c| t.rel(c) == "mark" && t.lower(c) == "to");
            if t.rel(x) == "acl:relcl" || (t.rel(x) == "acl" && t.xpos(x) == "VBN" && t.head(x).is_some_and(|n| n != v && t.upos(n) == "NOUN") && period()) || (t.rel(x) == "acl" && t.xpos(x) == "VB" && infinitive()) {
                return true;
            }
            match t.head(x) {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    };
    let attached = t.children(v).filter(|&c| !content(c)).filter_map(|c| {
        let (a, b) = t.subtree(c);
        (a..=b).find_map(|k| cx.time(k).filter(|_| !in_relative(k)))
    });
    // The content clauses' spans, worked out once rather than for every token.
    let skipped: Vec<(usize, usize)> = t.children(v).filter(|&c| content(c)).map(|c| t.subtree(c)).collect();
    let inside_content = |k: usize| skipped.iter().any(|&(a, b)| (a..=b).contains(&k)) || in_relative(k);
    // A deadline ("ordered the troops to leave by the end of the year", "until Friday")
    // is not when the deed was done.
    let deadline = |i: usize| {
        let span = cx.doc.time.times[i].span;
        let first = crate::context::tokens_of(cx.doc, span).start;
        // ("not until the week after" is when it happened.)
        first > 0 && matches!(&*t.lower(first - 1), "by" | "until" | "till" | "through") && !(first > 1 && t.lower(first - 2) == "not")
    };
    let dated = |i: usize| {
        let x = &cx.doc.time.times[i];
        matches!(x.kind, sitrep_core::TimexType::Date | sitrep_core::TimexType::Time) && x.value.starts_with(|c: char| c.is_ascii_digit()) && !deadline(i)
    };
    // (The cheap test first: most words are no time.)
    let found = attached.chain((lo..=hi).filter_map(|k| cx.time(k).filter(|_| !inside_content(k)))).find(|&i| dated(i));
    // "Two days earlier, a strike on the port had damaged a terminal": an event noun that
    // is its verb's subject or object happens when that verb does; so does a participle
    // adjunct ("…, killing seven people") when its clause's verb does, and a second one
    // when the first does ("… and wounding dozens more").
    let host = || {
        let h = t.head(v)?;
        let taken = t.upos(v) == "NOUN" && matches!(t.rel(v), "nsubj" | "nsubj:pass" | "obj");
        let adjunct = t.upos(v) == "VERB" && (t.participle_adjunct(v) || t.joined_participle(v));
        (taken || adjunct).then_some(h)
    };
    // "Russian troops seized the airport on Thursday, officials said": a time the parser
    // hung on the reporting verb after the reported clause, but before the comma that
    // opens the reporting clause, is the deed's, not the saying's.
    let reported_before = || {
        let r = t.head(v).filter(|&r| r > hi && t.rel(v).starts_with("ccomp") && t.upos(r) == "VERB" && lex.reporting(&t.lemma(r)).is_some())?;
        let comma = (hi + 1..r).find(|&k| t.word(k) == ",")?;
        // Only a time phrase between them ("on Thursday", "last week"): nothing else.
        let time_phrase = (hi + 1..comma).all(|k| cx.time(k).is_some() || t.rel(k) == "case" || t.upos(k) == "PUNCT");
        time_phrase.then(|| (hi + 1..comma).filter(|&k| t.dominates(r, k)).filter_map(|k| cx.time(k)).find(|&i| dated(i))).flatten()
    };
    // "On Sunday, the commander vowed to retake the city and accused the UAE …": a time
    // fronted before the first of two joined verbs dates both.
    let fronted = || {
        let h = t.head(v).filter(|&h| t.rel(v) == "conj" && h < v && t.upos(h) == "VERB")?;
        // (A time phrase of the verb's own, not one inside its subject: "Pence, who is
        // running for reelection this year, praised …".)
        let adjunct = |c: usize| t.rel(c).starts_with("obl") || t.rel(c) == "advmod" || t.rel(c).starts_with("nmod:tmod") || t.rel(c) == "nmod:unmarked";
        t.children(h).filter(|&c| c < h && adjunct(c)).find_map(|c| {
            let (a, b) = t.subtree(c);
            (a..=b).filter_map(|k| cx.time(k)).find(|&i| dated(i))
        })
    };
    let found = found.or_else(reported_before).or_else(fronted).or_else(|| {
        let h = host()?;
        let d = date(cx, lex, h);
        d.from
    });
    let found = found.or_else(|| narrative_day(cx, v));
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

/// The day the story has reached when the deed at `v` is told with no time of its own:
/// "Protesters rallied in Tbilisi on Sunday. Police fired tear gas at the crowd." — a
/// deed told in the simple past ("fired", "were arrested") right after a sentence of the
/// same paragraph that names one past day (and no other) happened that day. A deed in
/// another tense ("Police have since arrested 20", "will meet") or after a sentence naming
/// no day keeps the report's date.
fn narrative_day(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    let verb = if t.upos(v) == "VERB" { v } else { t.head(v).filter(|&h| t.upos(h) == "VERB")? };
    // (A verb joined to a perfect shares its auxiliary: "has praised … and opposed"; a
    // relative clause describes a party: "Podesta, who supported …".)
    let auxiliary = |x: usize| t.children(x).any(|c| t.rel(c) == "aux");
    let joined_to_perfect = t.rel(verb) == "conj" && t.head(verb).is_some_and(auxiliary);
    // ("were arrested": a passive in the simple past.)
    let past_passive = t.xpos(verb) == "VBN" && t.children(verb).any(|c| t.rel(c) == "aux:pass" && matches!(&*t.lower(c), "was" | "were"));
    if !(t.xpos(verb) == "VBD" || past_passive) || auxiliary(verb) || joined_to_perfect || t.rel(verb) == "acl:relcl" {
        return None;
    }
    let doc = cx.doc;
    let here = cx.sentence(v);
    let (this, before) = (doc.text_layer.sentences.get(here)?, doc.text_layer.sentences.get(here.checked_sub(1)?)?);
    let same_paragraph = doc.text_layer.paragraphs.iter().any(|p| p.start <= before.span.start && this.span.end <= p.end);
    if !same_paragraph {
        return None;
    }
    // Only a day of the report's week or so: a sentence that names an older one is
    // background ("… in the Sept. 11, 2001, attacks"), and the next one rarely goes on
    // from it.
    let report_day = doc.meta.date.to_string();
    let week_before = doc.meta.date.checked_sub(jiff::Span::new().days(8)).ok()?.to_string();
    let mut day = None;
    for (i, x) in doc.time.times.iter().enumerate().filter(|(_, x)| before.span.start <= x.span.start && x.span.end <= before.span.end) {
        if !matches!(x.kind, sitrep_core::TimexType::Date | sitrep_core::TimexType::Time) {
            continue;
        }
        // A day no later than the report's.
        let d = day_of(&x.value)?;
        match day {
            Some((_, seen)) if seen != d => return None,
            _ if *d > *report_day.as_str() || *d < *week_before.as_str() => return None,
            _ => day = Some((i, d)),
        }
    }
    day.map(|(i, _)| i)
}

/// The day of a TIMEX3 value ("2024-03-10", "2024-03-10TNI" → "2024-03-10"), if it
/// names one ("2024-W10", "2024-03", "PAST_REF" do not).
fn day_of(value: &str) -> Option<&str> {
    value.get(..10).filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' && d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
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

/// The counts in the clause of predicate `v`: "150,000 troops", "killing at least seven
/// people and wounding 30" (7 killed, 30 wounded), "hundreds of casualties" (lower bound
/// 200). What is counted is the people a verb of harm names ("killed", "wounded",
/// "displaced", "arrested"), else the counted noun ("troops", "refugees", "missiles").
pub fn quantities(cx: &Context, v: usize) -> Vec<Quantity> {
    let t = &cx.tree;
    let (lo, hi) = t.subtree(v);
    let mut out = Vec::new();
    for k in lo..=hi {
        let Some(value) = number_value(cx, k) else { continue };
        // The noun a number counts, or the verb it is the object of ("wounding 30").
        // "shot down 14 of 17 drones": the number before "of" counts the event's share of
        // the noun; the noun's own number is the whole.
        let share_of = |n: usize| t.children(n).find(|&c| t.rel(c).starts_with("nmod") && t.case(c).as_deref() == Some("of"));
        let (noun, verb) = match t.rel(k) {
            "nummod" => {
                let n = t.head(k);
                if n.is_some_and(|n| t.head(n).is_some_and(|h| number_value(cx, h).is_some() && share_of(h) == Some(n))) {
                    continue;
                }
                (n, n.filter(|&n| matches!(t.rel(n), "obj" | "nsubj:pass")).and_then(|n| t.head(n)))
            }
            "obj" | "nsubj:pass" => (share_of(k), t.head(k)),
            // (a bare number read as an oblique: "wounding 30")
            "obl" if t.case(k).is_none() => (None, t.head(k)),
            _ => continue,
        };
        // "at least nine people were killed": the counted noun's own verb.
        let harm = verb.filter(|&h| t.upos(h) == "VERB").and_then(|h| match &*t.lemma(h) {
            "kill" | "slay" | "murder" | "execute" => Some("killed"),
            "wound" | "injure" | "hurt" => Some("wounded"),
            "displace" | "evacuate" => Some("displaced"),
            "arrest" | "detain" => Some("arrested"),
            _ => None,
        });
        let people = noun.is_none_or(|n| matches!(&*t.lemma(n), "people" | "person" | "civilian" | "child" | "soldier" | "troop" | "troops" | "fighter" | "protester" | "resident" | "man" | "woman" | "worker" | "student" | "policeman" | "officer" | "militant" | "suspect" | "detainee" | "journalist" | "migrant" | "refugee" | "passenger" | "rebel" | "insurgent"));
        let unit = match (harm, noun) {
            (Some(h), _) if people => h.to_string(),
            (_, Some(n)) if matches!(&*t.lemma(n), "troop" | "troops" | "soldier" | "people" | "person" | "civilian" | "casualty" | "refugee" | "tank" | "missile" | "drone" | "child" | "fighter" | "protester" | "prisoner" | "hostage" | "death" | "body") => {
                if matches!(&*t.lemma(n), "troop" | "troops") { "troops".to_string() } else { t.word(n).to_lowercase() }
            }
            _ => continue,
        };
        out.push(Quantity { value, unit });
    }
    out
}

/// The number token `k` writes, in figures or words ("30", "1,500", "seven",
/// "1.5 million", "hundreds" as 200, its lower bound); `None` for other words.
fn number_value(cx: &Context, k: usize) -> Option<f64> {
    let t = &cx.tree;
    if t.upos(k) != "NUM" && !matches!(t.word(k), "dozens" | "hundreds" | "thousands" | "Dozens" | "Hundreds" | "Thousands") {
        return None;
    }
    let word = t.word(k).to_lowercase();
    let scale = |w: &str| match w {
        "hundred" => Some(100.0),
        "thousand" => Some(1_000.0),
        "million" => Some(1_000_000.0),
        "billion" => Some(1_000_000_000.0),
        _ => None,
    };
    let simple = |w: &str| -> Option<f64> {
        if let Ok(v) = w.replace(',', "").parse::<f64>() {
            return Some(v);
        }
        const SMALL: [&str; 20] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        if let Some(i) = SMALL.iter().position(|s| *s == w) {
            return Some(i as f64);
        }
        if let Some(i) = TENS.iter().position(|s| *s == w) {
            return Some(20.0 + 10.0 * i as f64);
        }
        match w {
            "dozen" => Some(12.0),
            "dozens" => Some(24.0),
            "hundreds" => Some(200.0),
            "thousands" => Some(2_000.0),
            _ => None,
        }
    };
    // "1.5 million", "two hundred": a scale word takes the number before it; a number
    // that a scale word takes is counted there.
    if let Some(s) = scale(&word) {
        let before = t.children(k).find(|&c| matches!(t.rel(c), "compound" | "nummod") && t.upos(c) == "NUM").and_then(|c| simple(&t.word(c).to_lowercase()));
        return Some(before.unwrap_or(1.0) * s);
    }
    if t.head(k).is_some_and(|h| scale(&t.word(h).to_lowercase()).is_some() && matches!(t.rel(k), "compound" | "nummod")) {
        return None;
    }
    simple(&word)
}

/// Whether the event noun at `v` is named after its place ("the Paris attacks", "the
/// Iraq war"): a past event the reader knows by name.
pub fn named_after_place(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    t.upos(v) == "NOUN" && t.children(v).any(|c| t.rel(c) == "compound" && t.upos(c) == "PROPN" && cx.place(c).is_some())
}
