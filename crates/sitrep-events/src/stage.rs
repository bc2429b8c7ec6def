//! The event stage: codes every sentence, binds each event to place, date and
//! quantities, reads attribution and factuality, and finds the quotes.

use sitrep_core::{Doc, Event, Participant, Span, Stage};

use crate::context::Context;
use crate::force::{Force, Reading};
use crate::lexicon::Lexicon;
use crate::{attribution, binding, coder, factuality, quotes, unnamed};

/// Fills [`Doc::events`]; runs after syntax, time, entities and places.
pub struct EventStage {
    lexicon: &'static Lexicon,
    dicts: Option<crate::petrarch::Dicts>,
}

impl EventStage {
    /// The stage with the built-in lexicons.
    pub fn builtin() -> EventStage {
        EventStage { lexicon: Lexicon::builtin(), dicts: None }
    }

    /// The stage with a user's PETRARCH/TABARI actor and agent dictionaries: participants
    /// they name take their codes, as of the report's date, before events are kept or
    /// dropped.
    pub fn with_dictionaries(dicts: crate::petrarch::Dicts) -> EventStage {
        EventStage { lexicon: Lexicon::builtin(), dicts: Some(dicts) }
    }
}

/// Give a participant the code a user's dictionaries assign to its words.
fn recode(doc: &Doc, dicts: &crate::petrarch::Dicts, day: u32, p: &mut Option<sitrep_core::Participant>) {
    let Some(p) = p.as_mut().filter(|p| !p.inferred) else { return };
    let tokens = &doc.text_layer.tokens;
    let first = tokens.partition_point(|t| t.span.start < p.span.start);
    let words: Vec<String> = tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= p.span.end)
        .map(|t| t.span.of(doc.text()).to_uppercase())
        .collect();
    if let Some(code) = crate::petrarch::code_words(&words, dicts, day) {
        p.actor = Some(code);
    }
}

impl Default for EventStage {
    fn default() -> Self {
        EventStage::builtin()
    }
}

impl Stage for EventStage {
    fn annotate(&self, doc: &mut Doc) {
        if doc.syntax.tokens.len() != doc.text_layer.tokens.len() {
            doc.events = Default::default();
            return;
        }
        let cx = Context::new(doc);
        let dyad = crate::dyad::Dyad::of(doc);
        let lex = self.lexicon;
        let mut events = Vec::new();
        let mut heads = Vec::new();
        let sport = Force::builtin().sports_report(&cx);
        let tokens = &doc.text_layer.tokens;
        for v in 0..cx.tree.len() {
            // Only verbs, adjectives and nouns are coded (see the match below).
            if !matches!(cx.tree.upos(v), "VERB" | "ADJ" | "NOUN") {
                continue;
            }
            // "the job-killing TPP": a word inside a hyphenated modifier describes (one
            // glued to the word before it and followed by a noun, however it was parsed).
            let glued = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
            // (or before an adjective of the noun: "the so-called Islamic State")
            let compound = v > 1 && cx.tree.word(v - 1) == "-" && glued(v - 2, v - 1) && glued(v - 1, v) && v + 1 < cx.tree.len() && matches!(cx.tree.upos(v + 1), "NOUN" | "PROPN" | "ADJ");
            if compound || v > 0 && cx.tree.word(v - 1) == "-" && cx.tree.head(v).is_some_and(|h| h > v && matches!(cx.tree.upos(h), "NOUN" | "PROPN")) {
                continue;
            }
            let coded = match cx.tree.upos(v) {
                // Adjectives head clauses with a copula: "was willing to discuss", "ready to send".
                // A participle used as an adjective ("invading forces") describes, not reports.
                // Nor does an adjective before its noun ("an emotionally charged uprising").
                "VERB" | "ADJ" if cx.tree.rel(v) == "amod" => None,
                // Nor one that says what a verb makes or finds its object ("schools that
                // Sanders would make free", "found the plan unworkable").
                "ADJ" if cx.tree.rel(v) == "xcomp" && cx.tree.head(v).is_some_and(|h| matches!(&*cx.tree.lemma(h), "make" | "keep" | "render" | "leave" | "find" | "consider" | "deem" | "call" | "declare" | "hold")) => None,
                "VERB" if matches!(cx.tree.xpos(v), "VBG" | "VBN") && cx.tree.head(v).is_some_and(|h| h == v + 1 && cx.tree.upos(h) == "NOUN" || h > v && cx.tree.upos(h) == "NOUN" && cx.tree.rel(v).starts_with("acl") && (v + 1..h).all(|k| matches!(cx.tree.upos(k), "ADJ" | "PROPN" | "NOUN"))) => None,
                // "against striking miners", however the parser read it: workers on strike.
                _ if striking_workers(&cx, v) => None,
                // "their potential victims are armed", "he was armed with fresh evidence": a
                // participle said of its subject with "be" is a state the subject is in, no
                // deed of its own, and names no one who brought it about — but for force
                // and coercion, done to the subject by someone ("she was gravely wounded",
                // "the account had been hacked").
                "ADJ" if participle_state(&cx, v) => coder::code_verb(&cx, lex, v).filter(|c| matches!(c.code.get(..2), Some("17" | "18" | "19" | "20"))),
                "VERB" | "ADJ" => coder::code_verb(&cx, lex, v),
                "NOUN" => coder::code_noun(&cx, lex, v),
                _ => None,
            };
            let Some(mut c) = coded else { continue };
            // "the coordinated attacks that killed 130": an event does not act (what one
            // condemns, "an attack by Osgiliath soldiers", names its party inside).
            // Nor does one named as the subject whose phrase reached a party ("a strike [on
            // the port of Odesa] had damaged a grain terminal").
            // But whoever the deed is told as done by acts through it: "An Israeli strike
            // killed a Hamas commander", "Russian shelling killed three civilians".
            if c.source.as_ref().is_some_and(|p| names_an_event(&cx, lex, p)) || c.sides_at.0.is_some_and(|s| violence_noun(&cx, lex, s)) {
                c.source = c.sides_at.0.filter(|&s| violence_noun(&cx, lex, s)).and_then(|s| doer_of_deed(&cx, s));
            }
            // "I think this is going to destroy Germany": a "this" or "that" doing violence
            // to an unarmed side is a policy or a deed spoken of, not force.
            if matches!(c.code.get(..2), Some("17" | "18" | "19" | "20")) && c.sides_at.0.is_some_and(|s| demonstrative_subject(&cx, s)) {
                let armed = c.target.as_ref().is_some_and(|p| p.actor.as_deref().is_some_and(crate::force::armed_actor));
                if !armed {
                    continue;
                }
            }
            // "An earthquake struck eastern Turkey", "Floods hit Pakistan", "the crash
            // killed 12": force of nature or mishap, done by nobody.
            if matches!(c.code.get(..2), Some("15" | "17" | "18" | "19" | "20")) && c.sides_at.0.is_some_and(|s| hazard_doer(&cx, s, c.head)) {
                continue;
            }
            // In a report of games, teams beat, crush, attack, threaten and ban one another
            // ("Finland beat the Czech Republic", "three players banned"): no force or
            // coercion unless arms are there ("a terrorist bomb in Colombo").
            if sport && matches!(c.code.get(..2), Some("13" | "15" | "16" | "17" | "18" | "19" | "20")) && !Force::builtin().armed(&cx, c.head, [c.source.as_ref(), c.target.as_ref()]) {
                continue;
            }
            // "attacked Rubio for not answering", "can beat Trump", "mobilize voters": force
            // borrowed by politics.
            if matches!(c.code.get(..2), Some("15" | "18" | "19" | "20")) {
                match Force::builtin().reading(&cx, c.head, c.source.as_ref(), c.target.as_ref()) {
                    Reading::Literal => {}
                    Reading::Recode(code) => c.code = code,
                    Reading::Drop => continue,
                }
            }
            // "Russian troops shelled Kharkiv": a town attacked, taken or fought over,
            // named alone, stands for its country; so does one withdrawn from, or one aid
            // is sent or pledged to ("sent humanitarian aid to Gaza"). Only force and aid:
            // "traveled to New York" is a trip, not an act on the United States.
            if matches!(c.code.get(..2), Some("15" | "17" | "18" | "19" | "20" | "07")) || c.code.starts_with("087") || c.code.starts_with("033") {
                if let Some(t) = c.target.as_mut().filter(|t| t.actor.is_none()) {
                    t.actor = cx.country_of_place(t);
                }
                // "struck a hospital in Kyiv", "attacked a church in Burkina Faso": a thing
                // hit where its phrase or clause says is that country's (people there are
                // its civilians, below).
                let by_someone = c.source.as_ref().is_some_and(|p| p.actor.is_some());
                if let Some((t, k)) = c.target.as_mut().zip(c.sides_at.1).filter(|(t, _)| by_someone && t.actor.is_none() && t.entity.is_none()) {
                    if matches!(c.code.get(..2), Some("18" | "19" | "20")) && coder::structure(&cx.tree.lemma(k)) {
                        let own = c.source.as_ref().map_or(Span::new(0, 0), |p| p.span);
                        // Else the dateline's country ("KYIV — Russian missiles struck a
                        // hospital"), unless it is the doer's own state ("GOMA — The
                        // rebels shelled army positions" is the state's, hit by its rebels).
                        let insurgent = |a: &str| matches!(a.get(3..6), Some("REB" | "OPP" | "UAF" | "CRM" | "INS"));
                        let doer = c.source.as_ref().and_then(|p| p.actor.as_deref()).filter(|a| !insurgent(a)).and_then(|a| a.get(..3));
                        let dateline = binding::country_of_dateline(&cx).filter(|&d| Some(d) != doer);
                        t.actor = binding::country_of_clause(&cx, k).or_else(|| binding::country_of_clause_besides(&cx, c.head, own)).or(dateline).map(str::to_string);
                    }
                }
            }
            // "A car bomb killed five people": killing by a bomb nobody is named for is a
            // bombing, of the kind its words say.
            if let Some(code) = bombing(&cx, &c) {
                c.code = code.to_string();
            }
            // "Iraqi troops stormed the building": armed forces storming is an assault, not
            // a riot.
            // (Police clashing with protesters are in the riot, told from either side.)
            if c.code.starts_with("145") && !c.between(&cx) && c.source.as_ref().and_then(|p| p.actor.as_deref()).is_some_and(crate::force::armed_actor) {
                c.code = "190".to_string();
            }
            // A side named as protesters or demonstrators.
            let named_protesters = |p: &sitrep_core::Participant| {
                let w = p.span.of(doc.text()).to_lowercase();
                w.contains("protest") || w.contains("demonstrat")
            };
            // "Police fired tear gas at protesters marching on parliament": protesters
            // marching on a place protest; troops marching on a city advance.
            let protesting = |p: &sitrep_core::Participant| p.actor.as_deref().is_some_and(|a| a.get(3..6) == Some("OPP")) || named_protesters(p);
            if c.code == "190" && &*cx.tree.lemma(c.head) == "march" && c.source.as_ref().is_some_and(protesting) {
                c.code = "141".to_string();
            }
            // "Thousands of protesters marched through central Minsk", "Protesters in
            // Nairobi demanded …": people protesting, demanding or rejecting where the
            // clause says are that country's protesters (or its people).
            if matches!(c.code.get(..2), Some("10" | "11" | "12" | "14")) && c.source.as_ref().is_none_or(|p| p.actor.is_none()) {
                unnamed::protesters_of_place(&cx, &mut c);
            }
            // So are protesters who turn to force ("Demonstrators set fire to the French
            // embassy in Niamey").
            let protesters = |p: &sitrep_core::Participant| p.actor.is_none() && named_protesters(p);
            if matches!(c.code.get(..2), Some("17" | "18" | "19" | "20")) && c.source.as_ref().is_some_and(protesters) {
                unnamed::protesters_of_place(&cx, &mut c);
            }
            // "At least 60 people were detained": those arrested are the place's people,
            // and whoever arrests them unnamed is its police (marked inferred).
            if c.code.starts_with("17") {
                unnamed::crowd_of_place(&cx, c.head, &mut c.target, true);
                unnamed::arrested_by_police(&cx, &mut c);
            }
            // "At least 50 people were killed in Gaza": the people of the place the clause
            // names (not the dateline's: the report may be filed elsewhere).
            if matches!(c.code.get(..2), Some("18" | "19" | "20")) {
                unnamed::crowd_of_place(&cx, c.head, &mut c.target, false);
            }
            // "Police in Hong Kong fired tear gas": police whose country the text does not
            // say are those of the place where they act.
            unnamed::police_of_place(&cx, &mut c);
            // "A court in Moscow sentenced …": a court is that country's judiciary.
            unnamed::court_of_place(&cx, &mut c);
            // "ISLAMABAD — The government banned …": the dateline's government.
            unnamed::authorities_of_dateline(&cx, &mut c.source);
            unnamed::authorities_of_dateline(&cx, &mut c.target);
            let Some(info) = lex.code(&c.code) else { continue };
            // "On Monday, Graham—who had endorsed …" read with "Monday" at the top of the
            // phrase: a time is when, never who. Nor is a sum of money that names no party
            // ("calls for $1 trillion in new spending").
            // Nor is the event itself: "attacks that Trump lodged against Cruz" read with the
            // relative pronoun, and so "attacks", as what was attacked.
            let own = tokens[c.head].span;
            for side in [&mut c.source, &mut c.target] {
                if side.as_ref().is_some_and(|p| doc.time.times.iter().any(|t| t.span.start <= p.span.start && p.span.end <= t.span.end) || (p.actor.is_none() && crate::context::money(doc.text(), p.span)) || (p.span.start <= own.start && own.end == p.span.end)) {
                    *side = None;
                }
            }
            // "fighting on the American side", "on the side of the rebels": an ally, not
            // whom the force is aimed at.
            if c.target.as_ref().and_then(|p| crate::context::phrase_head(&cx, p.span)).is_some_and(|h| cx.tree.lemma(h) == "side" && cx.tree.case(h).as_deref() == Some("on")) {
                c.target = None;
            }
            let trigger = Span::new(tokens[c.head].span.start, tokens[c.trigger_end].span.end);
            let sentence = doc.text_layer.sentences[cx.sentence(v)].span;
            let mut reported = attribution::attribution(&cx, lex, v);
            // "…, the interior ministry said" under a dateline: the dateline's ministry.
            if let Some(a) = reported.as_mut() {
                unnamed::authorities_of_dateline(&cx, &mut a.by);
            }
            if c.by_reporter {
                // The one who reports the clause makes the accusation: the writer tells
                // of it in their own voice. An accusation nobody reports names no source.
                c.source = reported.take().and_then(|a| a.by);
            }
            let factuality = factuality::factuality(&cx, lex, v);
            // "After denying for weeks he planned to invade": an intention or a
            // possibility denied is no event; the denial is what was said.
            if reported.as_ref().is_some_and(|a| a.stance == sitrep_core::Stance::Denied) && matches!(factuality, sitrep_core::Factuality::Planned | sitrep_core::Factuality::Expected | sitrep_core::Factuality::Hypothetical) {
                continue;
            }
            let (place, date, quantities) = (binding::place(&cx, v, binding::verbal(&c.code)), binding::date(&cx, lex, v), binding::quantities(&cx, v));
            for (mut source, mut target) in coordinated(&cx, &c) {
                if let Some(d) = &self.dicts {
                    let date = doc.meta.date;
                    let day = (date.year() as u32) * 10_000 + (date.month() as u32) * 100 + date.day() as u32;
                    recode(doc, d, day, &mut source);
                    recode(doc, d, day, &mut target);
                }
                // "Reagan freed a Soviet spy in 1986", told in 2016: the president, not an
                // elite.
                crate::as_of::code_as_of(doc, &date, &mut source);
                crate::as_of::code_as_of(doc, &date, &mut target);
                let mut attribution = reported.clone();
                if let Some(a) = attribution.as_mut() {
                    attribution::refine_stance(a, source.as_ref());
                }
                let named = |p: &Option<sitrep_core::Participant>| p.as_ref().is_some_and(|s| s.actor.is_some() && !s.inferred) as u8 as f32;
                let confidence = 0.4 + 0.25 * named(&source) + 0.25 * named(&target);
                heads.push(v);
                events.push(Event {
                    sentence,
                    trigger,
                    cameo: c.code.clone(),
                    plover: info.plover.clone(),
                    goldstein: info.goldstein,
                    source,
                    target,
                    place,
                    date: date.clone(),
                    quantities: quantities.clone(),
                    attribution,
                    factuality,
                    confidence,
                });
            }
        }
        // In a report on a conflict between two countries, an event that names one side
        // and leaves the other unsaid is between them ("Kyiv had rejected the offer").
        if let Some(d) = dyad.filter(|d| d.in_conflict(&events)) {
            for e in &mut events {
                d.complete(&e.cameo, &mut e.source, &mut e.target, e.trigger);
            }
        }
        // "“I'd beat him,” Trump said": the first person of a quote is its speaker.
        let quotes = quotes::quotes(&cx, lex);
        for e in &mut events {
            for side in [&mut e.source, &mut e.target] {
                if let Some(p) = side.as_mut() {
                    speak_for_themselves(doc.text(), &quotes, p);
                }
            }
        }
        // A controlled complement of a coded predicate is part of its event ("urged the
        // military to surrender" is one demand), and an event nobody can be named for is
        // not data.
        let heads: Vec<usize> = heads;
        // "The Pakistani Taliban claimed responsibility for the suicide bombing": the one
        // who claims an attack is its source, by its own claim.
        for i in 0..events.len() {
            if events[i].cameo != "015" || events[i].source.is_none() {
                continue;
            }
            let t = &cx.tree;
            let h = heads[i];
            let claimed = t.child(h, "obj").into_iter().chain([h]).find_map(|x| t.children(x).find(|&c| (t.rel(c).starts_with("obl") || t.rel(c).starts_with("nmod")) && t.case(c).as_deref() == Some("for")));
            let Some(j) = claimed.and_then(|k| heads.iter().position(|&x| x == k)) else { continue };
            if events[j].source.is_none() {
                let by = events[i].source.clone();
                events[j].source = by.clone();
                events[j].attribution = Some(sitrep_core::Attribution { by, cue: "claimed responsibility".into(), stance: sitrep_core::Stance::Claimed });
            }
        }
        let keep: Vec<bool> = heads
            .iter()
            .zip(&events)
            .map(|(&h, e)| {
                let absorbed = cx.tree.rel(h) == "xcomp" && cx.tree.head(h).is_some_and(|g| heads.contains(&g));
                // What an appeal, an offer or a demand asks for is its content, not an event
                // of its own: "pleaded with Western powers to act faster … and provide
                // Ukraine military help", "calling on Europeans to take up arms and defend
                // Ukraine", "offered to negotiate on … demands: that Ukraine declare itself
                // neutral".
                let requested = requested_by(&cx, lex, h, &heads, &events) || conditioned(&cx, h);
                let violent = matches!(e.root(), "18" | "19" | "20");
                let nominal = cx.tree.upos(h) == "NOUN";
                let keep = if subordinator(&cx, h) {
                    // "…, provided Kyiv lay down arms" is a condition, not a giving.
                    false
                } else if violent && !named(&e.source) && !named(&e.target) && e.factuality != sitrep_core::Factuality::Asserted {
                    // "he planned to invade": unnamed and unrealised.
                    false
                } else if violent {
                    // Violence matters even when nobody is named, if someone reports or
                    // witnesses it ("gunfire was reported", "signs of fighting"); a bare
                    // mention ("the war", "the invasion") is background, not an event; one
                    // named after its place ("the Paris attacks") is a known past event.
                    // A war is a state of affairs, not news of the day ("the Iraq war", "a
                    // prisoner of war"): only one between named sides is an event.
                    let war = nominal && matches!(&*cx.tree.lemma(h), "war" | "wars" | "warfare");
                    // A bare noun is a kind of violence, not a happening ("to prevent
                    // terrorist attacks", "charged with murder", "combat deaths") unless
                    // it is what was heard, seen or reported ("gunfire was reported").
                    let generic = nominal && bare_kind(&cx, h) && !perceived(&cx, h);
                    named(&e.source) || named(&e.target) || (!war && !generic && (e.attribution.is_some() || binding::named_after_place(&cx, h) || happened_at_place(&cx, h)))
                } else if nominal && e.root() == "01" {
                    // "a statement" is how something was said, not an event of its own.
                    false
                } else if nominal && e.root() == "04" {
                    // "a visit to Moscow" is news when the text says whose: "he met his
                    // wife on a trip to Mexico" tells of nobody's.
                    named(&e.source) && named(&e.target)
                } else if nominal {
                    // "sanctions on Moscow" is an event; "Putin's key demands" is a topic;
                    // "clashes between police and protesters" is one, told from each side.
                    named(&e.target) || (named(&e.source) && coder::between_sides(&cx, h).is_some())
                } else {
                    named(&e.source) || named(&e.target)
                };
                !absorbed && !requested && keep
            })
            .collect();
        // "imposed sanctions on Russia", "filed a lawsuit against …": the noun names the
        // verb's event (same root), not a second one — when the verb's event is kept; so
        // does the noun a promise is of ("pledged humanitarian aid": an intent, root 03),
        // and the one eased or rejected ("lifted sanctions on …", 08; "vetoed sanctions",
        // 12): no sanctions are imposed there.
        let keep: Vec<bool> = heads
            .iter()
            .zip(&events)
            .zip(&keep)
            .map(|((&h, e), &k)| {
                let verb = taken_by(&cx, h).and_then(|g| heads.iter().position(|&x| x == g));
                k && !verb.is_some_and(|i| keep[i] && (events[i].root() == e.root() || matches!(events[i].root(), "03" | "08" | "12")))
            })
            .collect();
        let mut keep = keep;
        bombs_into_their_killing(&cx, lex, &heads, &mut events, &mut keep);
        let mut k = keep.iter();
        events.retain(|_| *k.next().unwrap_or(&false));
        drop(cx);
        // An event told inside a direct quote is the speaker's word, not the reporter's.
        for e in events.iter_mut().filter(|e| e.attribution.is_none()) {
            let Some(q) = quote_around(&quotes, e.trigger) else { continue };
            let Some(by) = &q.speaker else { continue };
            let mut a = sitrep_core::Attribution { by: Some(by.clone()), cue: q.cue.clone().unwrap_or_else(|| "quoted".into()), stance: sitrep_core::Stance::Reported };
            attribution::refine_stance(&mut a, e.source.as_ref());
            e.attribution = Some(a);
        }
        doc.events.events = events;
        doc.events.quotes = quotes;
    }
}

/// Whether a side is named: coded, and by words of the text (not inferred).
fn named(p: &Option<Participant>) -> bool {
    p.as_ref().is_some_and(|p| p.actor.is_some() && !p.inferred)
}

/// "A car bomb killed five people", "A car bomb exploded …, killing five": a bomb nobody
/// is named for, the subject of the killing (or of the clause the killing hangs from), is
/// how that violence was done — one event, coded as the bombing. Drops such bomb events
/// (in `keep`) and gives their code to the killing when it is generic force (190–194).
fn bombs_into_their_killing(cx: &Context, lex: &Lexicon, heads: &[usize], events: &mut [Event], keep: &mut [bool]) {
    let t = &cx.tree;
    for j in 0..events.len() {
        let h = heads[j];
        if !keep[j] || t.upos(h) != "NOUN" || !events[j].cameo.starts_with("18") || named(&events[j].source) || named(&events[j].target) || !t.rel(h).starts_with("nsubj") {
            continue;
        }
        let Some(g) = t.head(h) else { continue };
        let participles = t.children(g).filter(|&c| t.participle_adjunct(c));
        let violent = |i: usize| keep[i] && matches!(events[i].root(), "18" | "19" | "20");
        let Some(i) = std::iter::once(g).chain(participles).find_map(|v| heads.iter().position(|&x| x == v).filter(|&i| i != j && violent(i))) else { continue };
        keep[j] = false;
        if matches!(events[i].cameo.as_str(), "190" | "193" | "194") {
            if let Some(info) = lex.code(&events[j].cameo) {
                events[i].cameo = events[j].cameo.clone();
                events[i].plover = info.plover.clone();
                events[i].goldstein = info.goldstein;
            }
        }
    }
}

/// The verb whose object the noun `h` is, or fills: "imposed *sanctions*", "pledged $5
/// billion in *aid*" (the sum the verb takes, however the "in" phrase was hung).
fn taken_by(cx: &Context, h: usize) -> Option<usize> {
    let t = &cx.tree;
    if t.upos(h) != "NOUN" {
        return None;
    }
    match t.rel(h) {
        "obj" => t.head(h),
        r if t.case(h).as_deref() == Some("in") && r.starts_with("nmod") => t.head(h).filter(|&o| t.rel(o) == "obj" && coder::sum(cx, o)).and_then(|o| t.head(o)),
        r if t.case(h).as_deref() == Some("in") && r.starts_with("obl") => t.head(h).filter(|&g| t.child(g, "obj").is_some_and(|o| coder::sum(cx, o))),
        _ => None,
    }
}

/// Whether the doer `s` of the deed at `v` is a force of nature or of circumstance
/// ([`Force::hazard`]), or the noun phrase running from it up to the deed has one
/// however the parser cut it ("A magnitude 7.8 earthquake killed …" headed by
/// "magnitude").
fn hazard_doer(cx: &Context, s: usize, v: usize) -> bool {
    let t = &cx.tree;
    let force = Force::builtin();
    force.hazard(cx, s) || (s < v && (s..v).all(|k| matches!(t.upos(k), "NOUN" | "PROPN" | "NUM" | "ADJ" | "DET")) && (s..v).any(|k| t.upos(k) == "NOUN" && force.hazard(cx, k)))
}

/// Whether `v` is "striking" before workers, read as their verb or as their adjective
/// ("the army against striking miners"): a labour strike, not an attack.
fn striking_workers(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    &*t.lower(v) == "striking"
        && v + 1 < t.len()
        && matches!(
            &*t.lemma(v + 1),
            "worker" | "miner" | "teacher" | "doctor" | "nurse" | "employee" | "driver" | "docker" | "dockworker" | "farmer" | "staff" | "writer" | "actor" | "pilot" | "student" | "workers" | "miners" | "teachers" | "doctors" | "nurses" | "employees" | "drivers"
        )
}

/// Whether the adjective `v` is a participle said of its subject with "be" and no "by"
/// ("their victims are armed"): a state, not a deed.
fn participle_state(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    t.lower(v).ends_with("ed") && t.children(v).any(|c| t.rel(c) == "cop") && !t.children(v).any(|c| t.rel(c).starts_with("obl") && t.case(c).as_deref() == Some("by"))
}

/// Whether token `s` is "this", or "that" opening its sentence or a quote, as a pronoun
/// of its own ("That will destroy the economy"), not a relative pronoun ("attacks … that
/// killed four Americans").
fn demonstrative_subject(cx: &Context, s: usize) -> bool {
    let t = &cx.tree;
    let first = cx.doc.text_layer.sentences[cx.sentence(s)].first_token as usize;
    let opening = s == first || matches!(t.word(s - 1), "“" | "\"" | "``" | "‘" | "'");
    t.xpos(s) == "DT" && (&*t.lower(s) == "this" || (&*t.lower(s) == "that" && opening))
}

/// Whether the noun `n` names a kind rather than one happening: no article,
/// demonstrative, possessive, number or name of its own ("terrorist attacks", "murder",
/// but not "the attack", "Saturday's shelling", "two bombings", "the Benghazi attack").
fn bare_kind(cx: &Context, n: usize) -> bool {
    let t = &cx.tree;
    let prevented = t.rel(n) == "obj" && t.head(n).is_some_and(|h| matches!(&*t.lemma(h), "prevent" | "stop" | "deter" | "combat" | "fight" | "counter" | "thwart" | "curb" | "avert" | "tackle" | "reduce"));
    !t.children(n).any(|c| match t.rel(c) {
        "det" => !matches!(&*t.lower(c), "no" | "any" | "every" | "each"),
        "nmod:poss" | "nummod" => true,
        "compound" | "amod" => t.upos(c) == "PROPN" || t.upos(c) == "NUM" || cx.place(c).is_some(),
        // "mass attacks in Paris" names them; what a policy is to prevent is still a kind
        // wherever it is ("to prevent terrorist attacks in Poland").
        "nmod" => (t.upos(c) == "PROPN" || t.upos(c) == "NUM" || cx.place(c).is_some()) && !(prevented && t.case(c).is_some_and(|p| matches!(&*p, "in" | "across" | "throughout" | "around"))),
        _ => false,
    })
}

/// Whether the violence the noun `n` names is told as happening at a named place, in the
/// writer's own voice: "A car bomb exploded near a police station in Mogadishu".
fn happened_at_place(cx: &Context, n: usize) -> bool {
    let t = &cx.tree;
    let Some(v) = t.head(n).filter(|&v| t.upos(v) == "VERB" && t.rel(n).starts_with("nsubj")) else { return false };
    let happening = match &*t.lemma(v) {
        "go" => t.children(v).any(|c| t.rel(c) == "compound:prt" && t.lower(c) == "off"),
        lemma => matches!(lemma, "explode" | "detonate" | "rip" | "tear" | "strike" | "hit" | "rock" | "kill" | "wound" | "injure" | "destroy" | "damage"),
    };
    happening && binding::place_in_clause(cx, v).is_some()
}

/// The bombing code (183, or 1831–1833 as the words say) of violence coded 190–194 whose
/// subject is a bomb or a bomber no party is named for: "A car bomb killed five people"
/// (1832), "a suicide bomber killed 12" (1831), "a roadside bomb hit a convoy" (1833).
fn bombing(cx: &Context, c: &coder::Coded) -> Option<&'static str> {
    let t = &cx.tree;
    let known = c.source.as_ref().and_then(|p| p.actor.as_deref()).is_some_and(|a| !sitrep_core::country_unknown(a));
    if !matches!(c.code.as_str(), "190" | "193" | "194") || known || t.upos(c.head) != "VERB" {
        return None;
    }
    let s = t.child(c.head, "nsubj")?;
    if !matches!(&*t.lemma(s), "bomb" | "bomber" | "explosive" | "ied" | "IED" | "blast" | "explosion") {
        return None;
    }
    let said = |w: &str| t.children(s).any(|m| matches!(t.rel(m), "amod" | "compound") && &*t.lower(m) == w);
    Some(if said("suicide") {
        "1831"
    } else if said("car") || said("truck") || said("vehicle") {
        "1832"
    } else if said("roadside") {
        "1833"
    } else {
        "183"
    })
}

/// Whether the noun `n` is what someone heard, saw or reported, or what broke out or
/// went on ("explosions were heard", "gunfire was reported", "signs of fighting",
/// "fighting erupted").
fn perceived(cx: &Context, n: usize) -> bool {
    let t = &cx.tree;
    let telling = |v: usize| {
        matches!(
            &*t.lemma(v),
            "hear" | "see" | "report" | "witness" | "record" | "film" | "erupt" | "break" | "continue" | "rage" | "resume" | "intensify" | "rock" | "shake" | "echo" | "hit" | "occur" | "kill" | "wound" | "injure" | "leave" | "spread" | "sound" | "ring" | "ravage" | "destroy" | "damage"
        )
    };
    // "heavy fighting continued near Kharkiv" read as a noun and its modifier.
    if t.children(n).any(|c| t.rel(c) == "acl" && t.upos(c) == "VERB" && telling(c)) {
        return true;
    }
    let Some(h) = t.head(n) else { return false };
    let rel = t.rel(n);
    match t.upos(h) {
        "VERB" => matches!(rel, "nsubj" | "nsubj:pass" | "obj") && telling(h),
        "NOUN" => rel.starts_with("nmod") && matches!(&*t.lemma(h), "sign" | "report" | "sound" | "crack" | "burst" | "exchange" | "noise" | "account" | "footage" | "video" | "image" | "evidence" | "wave" | "round" | "night" | "day" | "hour"),
        _ => false,
    }
}

/// The quote whose words hold `span`, if any.
fn quote_around(quotes: &[sitrep_core::Quote], span: Span) -> Option<&sitrep_core::Quote> {
    quotes.iter().find(|q| q.span.start <= span.start && span.end <= q.span.end)
}

/// Give a first-person singular pronoun ("I", "me") inside a quote the speaker's actor and
/// entity: in "“I'd beat him,” Trump said" the one who would beat is Trump. The span stays
/// on the pronoun, so the text shows what was written. "We" is left alone: a speaker's
/// "we" may be a campaign, a party or a country.
fn speak_for_themselves(text: &str, quotes: &[sitrep_core::Quote], p: &mut Participant) {
    if p.actor.is_some() || !matches!(p.span.of(text), "I" | "me" | "Me" | "myself") {
        return;
    }
    let Some(speaker) = quote_around(quotes, p.span).and_then(|q| q.speaker.as_ref()) else {
        return;
    };
    if speaker.actor.is_some() || speaker.entity.is_some() {
        p.actor = speaker.actor.clone();
        p.entity = speaker.entity;
    }
}

/// Whether the predicate `h` lies in the complement of another coded predicate whose code
/// is an appeal (02), an intent or offer (03) or a demand (10), or is the charge of a
/// condemnation or accusation (11): then it is what is asked, offered or alleged, part of
/// that event.
fn requested_by(cx: &Context, lex: &Lexicon, h: usize, heads: &[usize], events: &[Event]) -> bool {
    let t = &cx.tree;
    let mut x = h;
    let mut through_complement = false;
    for _ in 0..6 {
        let r = t.rel(x);
        // "to act faster [to cut off …]" read with the clause hanging from "faster": the
        // adverb or adjective modifying a verb passes its clause on to that verb.
        let modifier = matches!(r, "advmod" | "amod") && matches!(t.upos(x), "ADV" | "ADJ") && t.head(x).is_some_and(|g| t.upos(g) == "VERB");
        if !(modifier || r == "xcomp" || r == "conj" || r.starts_with("ccomp") || r == "parataxis" || r == "appos" || r.starts_with("acl") || r.starts_with("advcl") || r.starts_with("obj") || r.starts_with("obl") || r.starts_with("nmod")) {
            return false;
        }
        // An infinitive of purpose reads as a complement ("calling on Europeans to take up
        // arms", "pleaded with Western powers to act").
        let infinitive = r.starts_with("advcl") && t.children(x).any(|c| t.rel(c) == "mark" && t.word(c).eq_ignore_ascii_case("to"));
        through_complement |= r == "xcomp" || r.starts_with("ccomp") || r.starts_with("acl") || r == "parataxis" || infinitive;
        let Some(g) = t.head(x) else { return false };
        // What someone else is said to say is their own statement, not part of the
        // request around it ("willing to discuss …, following which Russian leaders said
        // they were willing to come to a table").
        if r.starts_with("ccomp") && lex.reporting(&t.lemma(g)).is_some() && t.child(g, "nsubj").is_some() {
            return false;
        }
        // What one is condemned or accused for is the charge, part of that event:
        // "a resolution condemning Russia … for invading a United Nations member state",
        // "accused Kyiv of shelling the plant", "the West left him no choice by refusing
        // to negotiate".
        let charge = charge_clause(cx, x);
        // With "of"/"for" on a clause of the object, the accusing verb is the object's head.
        let accuser = if r.starts_with("acl") { t.head(g).filter(|_| t.rel(g).starts_with("obj")) } else { Some(g) };
        // (A charge brought in court is legal action, 17: "charged … with plotting".)
        if charge && accuser.and_then(|a| heads.iter().position(|&k| k == a)).is_some_and(|i| events[i].root() == "11" || events[i].cameo == "173") {
            return true;
        }
        // So is what the charge did: "accused the RSF of shelling a market, killing 15
        // civilians" with the killing hung from "accused" tells the shelling's toll, not
        // a killing by the accuser (the accusation keeps the count).
        let charged = |v: usize| std::iter::once(v).chain(t.children(v).filter(|&o| t.rel(o).starts_with("obj"))).flat_map(|k| t.children(k)).any(|c| charge_clause(cx, c));
        if t.participle_adjunct(x) && charged(g) && heads.iter().position(|&k| k == g).is_some_and(|i| events[i].root() == "11") {
            return true;
        }
        // "demanded the release of Bazoum", "called for the withdrawal of troops": the deed
        // a demand, appeal or offer names is what is asked, not done.
        let asked = x == h && t.upos(h) == "NOUN" && (r.starts_with("obj") || (r.starts_with("obl") && t.case(h).as_deref() == Some("for")));
        if asked && heads.iter().position(|&k| k == g).is_some_and(|i| matches!(events[i].root(), "02" | "03" | "10")) {
            return true;
        }
        if through_complement {
            // Other coded predicates on the way ("to act faster to cut off …") are part
            // of the same request.
            if heads.iter().position(|&k| k == g).is_some_and(|i| matches!(events[i].root(), "02" | "03" | "10")) {
                return true;
            }
        }
        x = g;
    }
    false
}

/// Whether a side's phrase is headed by a word of violence the noun lexicon codes ("the
/// violent assaults", "a series of similarly coordinated attacks"): an event, not a party.
fn names_an_event(cx: &Context, lex: &Lexicon, p: &sitrep_core::Participant) -> bool {
    if p.entity.is_some() || p.inferred {
        return false;
    }
    let Some(head) = crate::context::head_of(cx, &crate::context::tokens_of(cx.doc, p.span)) else { return false };
    violence_noun(cx, lex, head)
}

/// Whether token `c` is the charge of a condemnation, an accusation or a reproach: a
/// gerund clause opened by "for", "of", "by" or "with" ("condemning Russia *for
/// invading*", "accused Kyiv *of shelling* the plant", "*by refusing* to negotiate",
/// "charged three men *with plotting* to attack a synagogue").
fn charge_clause(cx: &Context, c: usize) -> bool {
    let t = &cx.tree;
    (t.rel(c).starts_with("advcl") || t.rel(c).starts_with("acl")) && t.xpos(c) == "VBG" && t.children(c).any(|m| matches!(t.rel(m), "mark" | "case") && matches!(&*t.lower(m), "for" | "of" | "by" | "with"))
}

/// The party a deed of violence named by the noun `k` is told as done by: an actor named
/// before it ("an Israeli strike", "Russia's shelling", "a Houthi drone attack") or after
/// "by" ("an attack by Russian forces"); not a place named before it, which says where
/// ("the Benghazi attack").
fn doer_of_deed(cx: &Context, k: usize) -> Option<sitrep_core::Participant> {
    let t = &cx.tree;
    t.children(k)
        .filter(|&c| matches!(t.rel(c), "amod" | "compound" | "nmod:poss") && c < k)
        .filter(|&c| !(t.rel(c) == "compound" && cx.place(c).is_some()))
        .map(|c| cx.participant(c))
        .find(|p| p.actor.is_some())
        .or_else(|| t.children(k).find(|&c| t.rel(c).starts_with("nmod") && t.case(c).as_deref() == Some("by")).map(|c| cx.participant(c)).filter(|p| p.actor.is_some()))
}

/// Whether token `k` is a noun of violence ("attack", "strike", "shelling"); a weapon is
/// not one: with a party it is that party's means ("its missiles had struck …").
fn violence_noun(cx: &Context, lex: &Lexicon, k: usize) -> bool {
    let t = &cx.tree;
    t.upos(k) == "NOUN" && !coder::weapon(cx, k) && lex.noun(&t.lemma(k)).iter().any(|pat| matches!(pat.code.get(..2), Some("18" | "19" | "20")))
}

/// Whether `v` is "provided"/"providing" used as a conjunction ("…, provided Kyiv end its
/// resistance"): after a comma, with no subject or auxiliary of its own.
fn subordinator(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    matches!(&*t.lower(v), "provided" | "providing")
        && v > 0
        && matches!(t.word(v - 1), "," | ";" | "—" | "–")
        && !t.children(v).any(|c| t.rel(c).starts_with("nsubj") || t.rel(c).starts_with("aux"))
}

/// Whether `v` lies in the clause of a "provided" condition: what is asked for.
fn conditioned(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    let mut x = v;
    for _ in 0..6 {
        let Some(h) = t.head(x) else { return false };
        if subordinator(cx, h) {
            return true;
        }
        if !matches!(t.rel(x), "conj" | "obj" | "xcomp") && !t.rel(x).starts_with("ccomp") {
            return false;
        }
        x = h;
    }
    false
}

/// The second side a phrase names beside the first ("Indian and Chinese troops": the
/// Chinese troops), as the actors layer coded it: the words from the second country on.
fn second_side(cx: &Context, p: &Participant) -> Option<Participant> {
    let entity = &cx.doc.entities.entities[p.entity?];
    let actor = entity.detail.second_actor.clone()?;
    let text = cx.doc.text();
    let words = &text[p.span.start as usize..p.span.end as usize];
    let start = words.find(" and ").map(|i| i + 5).or_else(|| words.find(" & ").map(|i| i + 3))?;
    Some(Participant { span: Span::new(p.span.start + start as u32, p.span.end), actor: Some(actor), entity: p.entity, inferred: false })
}

/// The source and target of each event an event coded as `c` stands for: its own, and one
/// for each named party joined to either side by "and" ("Russia and Belarus attacked
/// Ukraine" is two attacks). Parties that meet, talk, agree or work together with nobody
/// else named do so with each other ("Israel and Jordan met": Israel met Jordan and Jordan
/// met Israel).
fn coordinated(cx: &Context, c: &coder::Coded) -> Vec<(Option<Participant>, Option<Participant>)> {
    let t = &cx.tree;
    // A conjunct is a party of its own when it is named (an entity) and not the first
    // side again: "Cruz, the senator from Texas and winner of …" names Cruz once.
    // Whatever is "between" sides has them all, named or not ("clashes between police
    // and protesters").
    let between = c.between(cx);
    let conjuncts = |k: Option<usize>| -> Vec<Participant> {
        let Some(k) = k else { return Vec::new() };
        let first = cx.participant(k).entity;
        // "Israeli and Palestinian negotiators": a nationality joined to the one before the
        // noun names a side of its own.
        let nationalities = t.children(k).filter(|&a| t.rel(a) == "amod").flat_map(|a| t.children(a).filter(|&j| t.rel(j) == "conj" && t.upos(j) == "ADJ"));
        // So does a name joined to the one a group of people is of or from ("the foreign
        // ministers of India and China", "negotiators from Israel and Hamas").
        let of_whom = t.children(k)
            .filter(|&n| t.xpos(k) == "NNS" && t.rel(n).starts_with("nmod") && t.upos(n) == "PROPN" && t.case(n).is_some_and(|c| matches!(&*c, "of" | "from")))
            .flat_map(|n| t.children(n).filter(|&j| t.rel(j) == "conj" && t.upos(j) == "PROPN"));
        t.children(k)
            .filter(|&j| t.rel(j) == "conj" && matches!(t.upos(j), "NOUN" | "PROPN" | "PRON"))
            .chain(nationalities)
            .chain(of_whom)
            .map(|j| cx.participant(j))
            .filter(|p| (between || p.actor.is_some() && p.entity.is_some()) && (p.entity.is_none() || p.entity != first))
            .take(4)
            .collect()
    };
    let (mut sources, mut targets) = (conjuncts(c.sides_at.0), conjuncts(c.sides_at.1));
    // "Indian and Chinese troops": one phrase naming two sides has the second as a conjunct.
    for (side, more) in [(&c.source, &mut sources), (&c.target, &mut targets)] {
        if more.is_empty() {
            more.extend(side.as_ref().and_then(|p| second_side(cx, p)));
        }
    }
    // Cooperation between parties named together is mutual, and so is fighting that is
    // exchanged ("India and Pakistan exchanged fire", "the army and the RSF clashed"), and
    // whatever is "between" them.
    // (Parties named together who exchange or swap do it with each other, whatever the
    // object names: "Russia and Ukraine exchanged 95 prisoners of war".)
    let swapped = matches!(&*t.lemma(c.head), "exchange" | "swap" | "trade") && !sources.is_empty();
    let reciprocal = between || swapped || matches!(&*t.lemma(c.head), "clash" | "fight" | "battle");
    // But people named as the object are the other party, coded or not ("the United
    // States, Britain and France support some opposition groups").
    let people = |p: &Participant| {
        crate::context::phrase_head(cx, p.span).is_some_and(|h| {
            matches!(
                &*t.lemma(h),
                "group" | "faction" | "militia" | "rebel" | "fighter" | "opposition" | "leader" | "official" | "people" | "party" | "movement" | "organization" | "organisation" | "candidate" | "ally" | "government" | "regime" | "force" | "troop" | "troops"
                    | "militant" | "insurgent" | "guerrilla" | "terrorist" | "extremist" | "jihadist" | "gunman" | "separatist" | "soldier" | "army" | "police"
            )
        })
    };
    // (A visit is paid to a host, not to whoever travels along: "Obama and Vice President
    // Joe Biden arrived in Orlando".)
    let visit = matches!(&*c.code, "042" | "043");
    let mutual = (matches!(c.code.get(..2), Some("03" | "04" | "05" | "06")) && !visit || reciprocal) && (swapped || c.target.as_ref().is_none_or(|p| p.actor.is_none() && !people(p)));
    if mutual && !sources.is_empty() {
        let parties: Vec<Participant> = c.source.iter().cloned().chain(sources).collect();
        return parties.iter().enumerate().flat_map(|(i, a)| parties.iter().enumerate().filter(move |&(j, _)| j != i).map(move |(_, b)| (Some(a.clone()), Some(b.clone())))).collect();
    }
    // Each side named on one hand acts on each named on the other ("Egypt and Qatar urged
    // Israel and Hamas": four pairs).
    let mut out = vec![(c.source.clone(), c.target.clone())];
    out.extend(sources.iter().map(|s| (Some(s.clone()), c.target.clone())));
    out.extend(targets.iter().map(|p| (c.source.clone(), Some(p.clone()))));
    out.extend(sources.iter().flat_map(|s| targets.iter().map(move |p| (Some(s.clone()), Some(p.clone())))));
    out
}
