//! The coder: verbs and nouns of the lexicon matched over the dependency tree, with source
//! and target from subject and object (or the pattern's preposition), passives, relative
//! clauses, control ("urged X to …") and coordination.

use std::borrow::Cow;

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
    /// The tokens that stand for the source and the target, when a verb's arguments name
    /// them (their conjuncts are parties too: "Russia and Belarus attacked Ukraine").
    pub sides_at: (Option<usize>, Option<usize>),
    /// The source is whoever reports the clause ([`Voice::Reproach`]); it is filled in
    /// once attribution is known.
    pub by_reporter: bool,
}

impl Coded {
    /// Whether the sides were named after "between" ("clashes between police and
    /// protesters"): each acts on the others.
    pub fn between(&self, cx: &Context) -> bool {
        self.sides_at.0.is_some_and(|x| cx.tree.case(x).as_deref() == Some("between"))
    }
}

const RELATIVE: &[&str] = &["that", "which", "who", "whom"];

/// The token that stands for the subject of predicate `v`, following relative pronouns,
/// control and coordination.
pub fn subject(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    let start = v;
    let mut v = v;
    for _ in 0..8 {
        // "His focus would be to broker a peace deal", "Her goal is to negotiate …": the
        // one whose aim it is would do it.
        let infinitive = || t.children(v).any(|c| t.rel(c) == "cop") && t.children(v).any(|c| t.rel(c) == "mark" && t.lower(c) == "to");
        let aim = t.children(v).find(|&c| (t.rel(c) == "nsubj:outer" || (t.rel(c) == "nsubj" && infinitive())) && matches!(&*t.lemma(c), "goal" | "aim" | "focus" | "plan" | "priority" | "job" | "mission" | "intention" | "task" | "objective" | "purpose" | "strategy" | "hope" | "idea"));
        if let Some(owner) = aim.and_then(|a| t.child(a, "nmod:poss")) {
            return Some(owner);
        }
        // The active subject only: a passive subject is acted upon. When the parser gives
        // two ("US Secretary of State | Antony Blinken said"), the person named wins.
        // (A person the subject's own word names before one its phrase mentions: "Gov.
        // Wallace's famous refrain …, Mr. Cruz pledged".)
        let subjects: Vec<usize> = t.children(v).filter(|&c| t.rel(c) == "nsubj").collect();
        let is_person = |e: &sitrep_core::Entity| e.kind == sitrep_core::EntityType::Person;
        let named_person = || subjects.iter().copied().find(|&s| subjects.len() > 1 && cx.entity(s).is_some_and(is_person));
        let person = named_person().or_else(|| subjects.iter().copied().find(|&s| cx.participant(s).entity.is_some_and(|e| is_person(&cx.doc.entities.entities[e]))));
        if let Some(s) = person.or(subjects.first().copied()) {
            // A date is no party ("The attacks Aug. 7 at the embassies killed 257" read
            // with "Aug. 7" as the subject; "Monday saw heavy fighting").
            // (Not a name that takes a month in: "In August Trump met …".)
            let named = |k: usize| cx.entity(k).is_some();
            if cx.time(s).is_some() && t.upos(s) != "PRON" && !named(s) && !t.children(s).any(|c| t.rel(c) == "flat" && named(c)) {
                return None;
            }
            if RELATIVE.contains(&&*t.lower(s)) && t.rel(v).starts_with("acl") {
                return t.head(v).map(|h| cx.antecedent(s, h));
            }
            return Some(s);
        }
        let r = t.rel(v);
        let h = t.head(v)?;
        // "carried out air strikes …, killing dozens" with "strikes" tagged a verb: a verb
        // that is another's object is a noun misread, done by that verb's subject.
        // (Not for that noun itself, which is the object's event, not one of its own.)
        if v != start && r == "obj" && t.upos(v) == "VERB" && t.upos(h) == "VERB" && t.xpos(v) == "VBZ" {
            v = h;
            continue;
        }
        // "Putin's decision to invade", "Trump's calls to ban all Muslims", "attempts by
        // the Justice Department to seize …": the one whose decision, call or attempt it
        // is would do it.
        if r == "acl" && t.upos(h) == "NOUN" && t.children(v).any(|c| t.rel(c) == "mark" && t.lower(c) == "to") {
            let by = || oblique(cx, h, "by").filter(|&c| c < v);
            if let Some(p) = t.child(h, "nmod:poss").or_else(by) {
                return Some(p);
            }
        }
        // "condemning Russia for invading …": the one condemned did the invading.
        // So is the one warned against or barred from it ("warned NATO against sending
        // troops").
        // So is the one railed or lashed out at ("railed against Republicans for refusing
        // to give …"), and the one talked into it or sold on it ("sold him on supporting
        // Sanders").
        let persuaded = || matches!(&*t.lemma(h), "sell" | "talk" | "persuade" | "convince" | "pressure" | "push" | "coax" | "trick" | "force");
        if r.starts_with("advcl") && t.xpos(v) == "VBG" && t.children(v).any(|c| matches!(t.rel(c), "mark" | "case") && (matches!(&*t.lower(c), "for" | "against" | "from") || (matches!(&*t.lower(c), "on" | "into") && persuaded()))) {
            let railed_at = || ["against", "at"].iter().find_map(|prep| oblique(cx, h, prep).filter(|&o| o < v));
            if let Some(o) = t.child(h, "obj").or_else(railed_at) {
                return Some(o);
            }
        }
        // "used water cannon to disperse protesters": a clause of purpose has the
        // subject of the verb it serves — a verb done by a party the text names, not one
        // of having or needing ("may have his own party to blame").
        let named = |s: usize| {
            let p = cx.participant(s);
            p.actor.is_some() || p.entity.is_some_and(|e| cx.doc.entities.entities[e].kind == sitrep_core::EntityType::Person)
        };
        let purpose = r.starts_with("advcl")
            && t.xpos(v) == "VB"
            && t.children(v).any(|c| t.rel(c) == "mark" && t.lower(c) == "to")
            && t.upos(h) == "VERB"
            // Nor a complement the parser took for a clause of purpose ("he planned to
            // invade"), whose subject the coreference of a fronted clause often misses.
            && !matches!(&*t.lemma(h), "have" | "want" | "need" | "wait" | "plan" | "intend" | "hope" | "try" | "seek" | "aim" | "prepare" | "decide" | "threaten" | "promise" | "vow" | "pledge" | "expect" | "deny")
            && t.child(h, "nsubj").is_some_and(named)
            // "an official who spoke anonymously to discuss internal strategy": how a
            // source may talk, not a meeting.
            && !t.children(h).any(|c| matches!(&*t.lower(c), "anonymously" | "anonymity") || t.children(c).any(|k| t.lower(k) == "anonymity"));
        // "disperse thousands of demonstrators protesting the decision", "troops
        // guarding the border": people doing what the participle says are its subject,
        // whatever the verb above does to them.
        // (The parser may hang the participle on the verb instead: "disperse [thousands
        // of demonstrators] [protesting …]".)
        let marked = t.children(v).any(|c| matches!(t.rel(c), "mark" | "case"));
        // (So are a people or party named: "the Syrians arriving in the United States".)
        // (Right before the participle: "over Syria, with Russia backing the government"
        // is Russia's backing.)
        let people_named = || h + 1 == v && t.upos(h) == "PROPN" && cx.participant(h).actor.is_some();
        if r.starts_with("acl") && t.xpos(v) == "VBG" && h < v && (crowd_noun(&t.lemma(h)) || people_named()) && !marked {
            return Some(h);
        }
        if r == "advcl" && t.xpos(v) == "VBG" && v > h + 1 && crowd_noun(&t.lemma(v - 1)) && t.dominates(h, v - 1) && t.rel(v - 1) != "nsubj" && !marked {
            return Some(v - 1);
        }
        // "reports of casualties — including shelling that sliced through …": a gerund
        // given as an example names a deed, not one the clause's subject did.
        if r.starts_with("advcl") && t.xpos(v) == "VBG" && t.children(v).any(|c| matches!(t.rel(c), "mark" | "case") && matches!(&*t.lower(c), "including" | "like")) {
            return None;
        }
        // "lobbying Asian countries to back the statement" read as a clause of purpose:
        // after a verb of persuading, the one persuaded would do it.
        let persuading = matches!(&*t.lemma(h), "lobby" | "press" | "pressure" | "push" | "urge" | "exhort" | "implore" | "beg" | "encourage" | "persuade" | "convince" | "ask" | "invite" | "prod" | "nudge");
        if purpose && persuading {
            if let Some(o) = t.child(h, "obj").filter(|&o| h < o && o < v) {
                return Some(o);
            }
        }
        if r == "xcomp" || r == "conj" || (r.starts_with("advcl") && t.xpos(v) == "VBG") || purpose {
            // "urged the military to surrender": the object controls the complement —
            // an object after the verb, not a relative pronoun before it ("no question
            // *that* you have to deny …", where the verb's subject controls).
            if r == "xcomp" {
                if let Some(o) = t.child(h, "obj").filter(|&o| o > h) {
                    return Some(o);
                }
                // "Israel is expected to launch …", "Kyiv was urged to negotiate": the
                // passive subject of a verb of raising or control does the complement — a
                // party, not a thing ("the decision was made to intervene").
                let party = |s: usize| (matches!(t.upos(s), "PROPN" | "PRON") && !matches!(&*t.lower(s), "that" | "which" | "who" | "whom" | "it")) || cx.participant(s).actor.is_some();
                if let Some(s) = t.child(h, "nsubj:pass").filter(|&s| party(s)) {
                    return Some(s);
                }
            }
            v = h;
            continue;
        }
        // "accused Kyiv of shelling …", "praised the army for holding …": the one
        // accused or praised did it.
        // What is not a party is the gerund's topic ("saw signs of fighting"): nobody is
        // named for it.
        let party = || matches!(t.upos(h), "PROPN" | "PRON") || cx.participant(h).actor.is_some();
        if r.starts_with("acl") && t.xpos(v) == "VBG" && t.rel(h).starts_with("obj") && t.children(v).any(|c| matches!(t.rel(c), "mark" | "case") && matches!(&*t.lower(c), "of" | "for")) {
            return party().then_some(h);
        }
        // "Putin made an address urging …": the one who makes the address urges; not
        // the one who vetoes or rejects it ("vetoed a resolution condemning …").
        if r.starts_with("acl") && t.xpos(v) == "VBG" && t.rel(h).starts_with("obj") {
            if t.head(h).is_some_and(|g| matches!(&*t.lemma(g), "veto" | "reject" | "block" | "oppose" | "defeat" | "kill" | "scrap" | "denounce" | "condemn")) {
                return None;
            }
            // "a video showing officer Van Dyke shooting McDonald", "witnesses saw soldiers
            // beating protesters": what is seen is the one seen doing it.
            if t.head(h).is_some_and(|g| matches!(&*t.lemma(g), "show" | "see" | "watch" | "film" | "record" | "capture" | "depict" | "hear" | "catch" | "witness" | "photograph" | "spot" | "observe" | "notice")) {
                return Some(h);
            }
            // "He signed paperwork ordering him to appear": the paper orders; "him" is the
            // one who signed it, not one he orders.
            let same_person = |s: usize, o: usize| matches!((&*t.lower(s), &*t.lower(o)), ("he", "him") | ("she", "her") | ("they", "them"));
            if let (Some(o), Some(s)) = (t.child(v, "obj"), t.head(h).and_then(|g| subject(cx, g))) {
                if same_person(s, o) {
                    return None;
                }
            }
            v = t.head(h)?;
            continue;
        }
        // "When Russian troops attacked Kharkiv" read as "troops [who were] attacked": a
        // participle with an object of its own is the noun's past tense.
        if r == "acl" && h < v && t.xpos(v) == "VBN" && matches!(t.upos(h), "NOUN" | "PROPN") && reduced_relative(cx, v).is_none() {
            return Some(h);
        }
        return None;
    }
    None
}

/// Whether `v` is a passive verb.
fn passive(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    // "Three soldiers killed in the ambush.": a participle heading a sentence with no
    // auxiliary and no object is the passive of a headline or a caption.
    // Not a verb with a particle ("troops pulled back from Kyiv"), which the tagger may
    // read as a participle.
    let next_is_where = v + 1 < t.len() && (matches!(&*t.lower(v + 1), "in" | "on" | "at" | "near" | "during" | "by" | "after" | "outside" | "for") || t.upos(v + 1) == "PUNCT");
    // Only verbs that captions put in the passive: "Poland's ruling party conceded on
    // Sunday" is active whatever the tag.
    let done_to = matches!(
        &*t.lemma(v),
        "kill" | "wound" | "injure" | "arrest" | "detain" | "shoot" | "attack" | "capture" | "release" | "abduct" | "kidnap" | "seize" | "hit" | "destroy" | "bomb" | "target" | "sentence" | "charge" | "convict" | "free" | "rescue" | "evacuate" | "expel" | "deport" | "jail" | "execute" | "ban" | "bar" | "hold"
    );
    let caption = t.rel(v) == "root" && t.xpos(v) == "VBN" && done_to && next_is_where && t.child(v, "obj").is_none() && !t.children(v).any(|c| t.rel(c).starts_with("aux") || t.rel(c) == "compound:prt");
    // "Two soldiers charged with desertion" (whatever the tag), "…, a pilot now charged
    // with espionage": one is charged with a crime; one who charges someone names them
    // ("police charged two men with murder").
    let charged_with = t.lemma(v) == "charge"
        && (t.rel(v) == "root" || t.xpos(v) == "VBN")
        && !t.children(v).any(|c| matches!(t.rel(c), "obj" | "iobj" | "xcomp") || t.rel(c).starts_with("aux"))
        && t.children(v).any(|c| t.rel(c) == "obl" && t.case(c).as_deref() == Some("with"));
    t.child(v, "nsubj:pass").is_some() || t.child(v, "aux:pass").is_some() || reduced_relative(cx, v).is_some() || caption || charged_with
}

/// The noun a past participle describes after it ("protesters [who were] arrested by the
/// police"): the one acted on. A participle with an object of its own is a past tense
/// the tagger took for one ("When Russian troops attacked Kharkiv, …").
fn reduced_relative(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    let object = t.children(v).any(|c| c > v && (t.rel(c) == "obj" || (t.rel(c) == "xcomp" && matches!(t.upos(c), "NOUN" | "PROPN"))));
    // Nothing is "hacked into" or "broken into" by being the noun: "Russian intelligence
    // services hacked into the committee's computers" is their past tense.
    let into = matches!(&*t.lemma(v), "hack" | "break" | "crash" | "slam" | "plow" | "plough" | "smash" | "burst" | "barge" | "ram")
        && t.children(v).any(|c| t.rel(c).starts_with("obl") && t.case(c).as_deref() == Some("into"));
    // A clause with a subject, an auxiliary or a "that" of its own is a whole clause
    // ("allegations that its troops had fired on civilians").
    let whole = t.children(v).any(|c| matches!(t.rel(c), "nsubj" | "aux" | "mark"));
    t.head(v).filter(|&h| h < v && t.rel(v) == "acl" && t.xpos(v) == "VBN" && matches!(t.upos(h), "NOUN" | "PROPN" | "PRON") && !object && !into && !whole)
}

/// "an offer the leadership rebuffed at a meeting": a relative clause with no relative
/// word, a subject and no object of its own acts on the noun it describes.
fn gap_of_bare_relative(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    let h = t.head(v).filter(|&h| h < v && matches!(t.rel(v), "acl:relcl" | "acl") && matches!(t.upos(h), "NOUN" | "PROPN"))?;
    let relative_word = t.children(v).any(|c| matches!(t.xpos(c), "WDT" | "WP" | "WP$" | "WRB") || RELATIVE.contains(&&*t.lower(c)));
    let complete = t.children(v).any(|c| matches!(t.rel(c), "obj" | "iobj" | "xcomp" | "nsubj:pass" | "mark") || t.rel(c).starts_with("ccomp"));
    (t.child(v, "nsubj").is_some() && !relative_word && !complete).then_some(h)
}

/// The first oblique (or nominal modifier, for nouns) of `v` introduced by `prep`.
fn oblique(cx: &Context, v: usize, prep: &str) -> Option<usize> {
    let t = &cx.tree;
    // "called Erdogan on Tuesday": a time is when, not whom.
    let of = |h: usize| {
        t.children(h).find(|&c| {
            let r = t.rel(c);
            // (Nor is an adverb the parser hung there a party: "spoke [with so] much gusto".)
            (r.starts_with("obl") || r.starts_with("nmod") || r == "obj") && t.case(c).as_deref() == Some(prep) && cx.time(c).is_none() && t.upos(c) != "ADV"
        })
    };
    // "bore down on Kyiv" read as "bore [down [on Kyiv]]": the phrase may hang from the
    // verb's particle.
    // So may one after the means of a call ("spoke [by phone [with Putin]]").
    let by_phone = |c: usize| t.rel(c).starts_with("obl") && matches!(&*t.lemma(c), "phone" | "telephone" | "video" | "videolink" | "videoconference" | "link") && t.case(c).is_some_and(|p| matches!(&*p, "by" | "over" | "via"));
    of(v).or_else(|| t.children(v).filter(|&c| t.rel(c) == "compound:prt" || (t.rel(c) == "advmod" && matches!(t.upos(c), "ADP" | "ADV") && c == v + 1) || by_phone(c)).find_map(of))
}

/// Whether token `k` is the lexicon's word `w`, which is written as news writes it
/// ("took to the streets", "with sanctions", "air strike"): its lemma or its form.
fn written(cx: &Context, k: usize, w: &str) -> bool {
    cx.tree.lemma(k) == w || cx.tree.word(k).eq_ignore_ascii_case(w)
}

/// Whether "call" at `v` names rather than telephones: the name of its object is followed
/// by a quote, by "a"/"an" ("called both Trump and Clinton “crazy”", "calling Obama an
/// “ignorant baboon”") or by "by" and a name ("calling the Islamic State by that name"),
/// however the parser hung what follows.
fn naming(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    let Some(o) = t.child(v, "obj") else { return false };
    let (_, clause_end) = t.subtree(v);
    // Past the object's name: its other words and the names joined to it.
    let mut k = o + 1;
    while k <= clause_end && k < t.len() && (matches!(t.rel(k), "flat" | "compound" | "cc" | "cc:preconj" | "conj") || t.upos(k) == "PROPN") {
        k += 1;
    }
    if k > clause_end || k >= t.len() {
        return false;
    }
    let w = t.word(k);
    let by_name = || w.eq_ignore_ascii_case("by") && (k + 1..(k + 4).min(t.len())).any(|j| matches!(&*t.lemma(j), "name" | "nickname" | "title" | "acronym"));
    matches!(w, "\"" | "“" | "”" | "''" | "``" | "‘" | "'") || w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") || by_name()
}

/// Weapons: a means of attack, never its target, and an event of their own only as the
/// subject of a verb the lexicon does not know ("missiles kill", "bombs fall").
/// ("tank" and "jet" are left out: "think tank", "jet fuel".)
pub(crate) const WEAPONS: &[&str] = &["artillery", "drone", "missile", "rocket", "bomb", "shell", "mortar", "warplane", "helicopter", "warship", "battery"];

/// Whether a noun names a building, a site or a vehicle that force is aimed at (a
/// hospital, a power plant, a convoy): hit where the text says, it is that country's.
pub(crate) fn structure(lemma: &str) -> bool {
    matches!(
        lemma,
        "hospital" | "clinic" | "school" | "university" | "building" | "block" | "tower" | "shelter" | "kindergarten" | "factory" | "church" | "mosque" | "synagogue" | "temple" | "market" | "facility" | "plant" | "station" | "substation" | "checkpoint" | "base" | "camp" | "bridge" | "port" | "airport" | "airfield" | "infrastructure" | "house" | "home" | "apartment" | "convoy" | "ship" | "vessel" | "tanker" | "target" | "position" | "depot" | "warehouse" | "dam" | "refinery" | "embassy" | "hotel" | "office" | "headquarters" | "compound" | "village" | "town" | "city" | "neighborhood" | "neighbourhood" | "district" | "grid" | "pipeline" | "railway" | "train" | "prison" | "jail" | "hideout" | "stronghold" | "outpost" | "barracks" | "bunker" | "palace" | "parliament"
    )
}

/// Whether token `k` is a weapon (a common noun: "Shell" the company is not).
pub fn weapon(cx: &Context, k: usize) -> bool {
    let t = &cx.tree;
    if t.upos(k) != "NOUN" {
        return false;
    }
    let lemma = t.lemma(k);
    WEAPONS.iter().any(|w| *lemma == **w || lemma.strip_suffix('s') == Some(*w))
}

/// The party a source token `s` stands for: itself, or for a weapon nobody is named for
/// in its own words ("drones", not "Russian drones"), the agent of its participle
/// ("missiles fired by Russian forces"); a weapon alone is no actor.
fn wielder(cx: &Context, s: usize) -> Option<usize> {
    if !weapon(cx, s) || cx.participant(s).actor.is_some() {
        return Some(s);
    }
    let t = &cx.tree;
    t.children(s).filter(|&c| t.rel(c).starts_with("acl")).find_map(|c| t.children(c).find(|&k| t.rel(k).starts_with("obl") && t.case(k).as_deref() == Some("by")))
}

/// Whether an event of `code` moves what its object names (aid, forces, a show of force,
/// a withdrawal: roots 07 and 15, 074, 087x), or its object `o` is a weapon: then the
/// object is the thing moved, not the party acted upon. Aid or protection given to a
/// party names it as the object ("armed the rebels", "protecting Europe").
fn moved(cx: &Context, code: &str, o: usize) -> bool {
    let recipient = || code.starts_with("07") && cx.participant(o).actor.is_some();
    weapon(cx, o) || oblique(cx, o, "of").is_some_and(|k| weapon(cx, k)) || (moves(code) && !recipient())
}

/// Whether `code` is force, from a show of it to mass violence (roots 15 to 20).
fn force(code: &str) -> bool {
    matches!(code.get(..2), Some("15" | "16" | "17" | "18" | "19" | "20"))
}

/// Whether `code` is hostile: a complaint, a threat or worse (roots 11 to 20).
fn hostile(code: &str) -> bool {
    code.get(..2).and_then(|r| r.parse::<u8>().ok()).is_some_and(|r| r >= 11)
}

/// Whether token `k` is a sum of money or a number ("$", "2 billion", "euros"): what aid
/// is given in.
pub(crate) fn sum(cx: &Context, k: usize) -> bool {
    let t = &cx.tree;
    matches!(t.upos(k), "SYM" | "NUM") || matches!(&*t.lemma(k), "euro" | "euros" | "dollar" | "dollars" | "pound" | "pounds" | "yen" | "ruble" | "rouble" | "franc" | "yuan" | "rupee")
}

/// Whether an event of `code` moves something: aid (07), forces (15, 074), a withdrawal (087x).
fn moves(code: &str) -> bool {
    matches!(code.get(..2), Some("07" | "15")) || code == "074" || code.starts_with("087")
}

/// Check a pattern against predicate `v`; returns the target token it names, if any, and
/// the last trigger token.
fn matches(cx: &Context, v: usize, p: &Pattern) -> Option<(Option<usize>, usize)> {
    let t = &cx.tree;
    let mut target = None;
    let mut end = v;
    // The phrase a particle read as a preposition opens ("shut [down the newspaper]").
    let mut after_particle = None;
    for need in &p.needs {
        match need {
            Need::Particle(w) => {
                let prt = t.children(v).find(|&c| t.rel(c) == "compound:prt" && t.word(c).eq_ignore_ascii_case(w))
                    // The parser sometimes reads a particle as an adverb or a bare preposition.
                    .or_else(|| t.children(v).find(|&c| matches!(t.rel(c), "advmod" | "obl") && t.word(c).eq_ignore_ascii_case(w)))
                    // … or as the first preposition of the phrase after it ("pulled [out of
                    // Afghanistan]") — but "in", "on" or "at" before a place or a time says
                    // where or when ("an address Clinton gave [in Chicago]" gives nothing in).
                    .or_else(|| (v + 1 < t.len() && t.rel(v + 1) == "case" && t.word(v + 1).eq_ignore_ascii_case(w) && t.head(v + 1).is_some_and(|h| t.head(h) == Some(v) && !(matches!(w.as_str(), "in" | "on" | "at") && (cx.place(h).is_some() || cx.time(h).is_some())))).then_some(v + 1))
                    // … or as a modifier of the object ("shot [down 14] of 17 drones").
                    .or_else(|| (v + 1 < t.len() && t.rel(v + 1) == "advmod" && t.word(v + 1).eq_ignore_ascii_case(w) && t.head(v + 1).is_some_and(|h| t.head(h) == Some(v) && t.rel(h) == "obj")).then_some(v + 1))?;
                end = end.max(prt);
                // Read as a preposition, the particle leaves the verb's object as the
                // phrase it opens ("cut [off Mariupol]").
                if t.rel(prt) == "case" && t.child(v, "obj").is_none() {
                    target = target.or(t.head(prt));
                    after_particle = t.head(prt);
                }
            }
            Need::Oblique(prep) => {
                // "sent warships [near Taiwan]": where forces are sent may hang from them.
                let sending = matches!(&*t.lemma(v), "send" | "deploy" | "move" | "dispatch");
                // So may what one is charged with ("charged the former prime minister [with
                // corruption]") and whom a deed is blamed on ("blamed the law [on Democrats]").
                let charged = matches!((&*t.lemma(v), prep.as_str()), ("charge", "with") | ("blame", "on"));
                let o = oblique(cx, v, prep)
                    .or_else(|| t.child(v, "obj").filter(|&k| (sending && (weapon(cx, k) || t.lemma(k).ends_with("ship"))) || charged).and_then(|k| oblique(cx, k, prep)))
                    .or_else(|| (t.lemma(v) == "blame" && prep == "on").then(|| blamed_party(cx, v)).flatten())?;
                // "spoke with so much gusto", "talked with passion": a bare singular noun is
                // how one speaks, not with whom.
                if matches!(&*t.lemma(v), "speak" | "talk") && prep == "with" && t.xpos(o) == "NN" && !t.children(o).any(|c| matches!(t.rel(c), "det" | "nmod:poss" | "compound") && c < o) && cx.participant(o).actor.is_none() {
                    return None;
                }
                // "asked Poland for help", "lobbied Germany for tanks": what is asked for
                // is the content; the one asked, the object, is the target. So is what one
                // is threatened or supplied with ("threatened Kosovo with sanctions").
                // So is the one warned against a deed ("warned Israel against any attack").
                let party = |k: usize| cx.participant(k).actor.is_some();
                let content = matches!(prep.as_str(), "for" | "of" | "about" | "over" | "with");
                let warned = prep == "against" && cx.participant(o).actor.is_none();
                // (A name the parser read as a predicate is the object: "charged [Van Dyke]
                // with first-degree murder".)
                let object = t.child(v, "obj").or_else(|| t.child(v, "iobj")).or_else(|| t.children(v).find(|&c| c < o && t.rel(c) == "xcomp" && t.upos(c) == "PROPN"));
                target = Some(object.filter(|&k| content || (warned && party(k))).unwrap_or(o));
            }
            Need::Object(w) => {
                // … which is the object the particle's verb takes.
                let o = t.child(v, "obj").or(after_particle)?;
                // A plural of the lexicon ("diplomats") names the singular too, but for
                // weapons: one rocket launched is as often a test as an attack.
                let is = |k: usize| written(cx, k, w) || (w.strip_suffix('s') == Some(&*t.lemma(k)) && !weapon(cx, k));
                // "launched dozens of missiles": the counted word is the object; so is what
                // a sum is given in ("sent $2 billion in aid").
                let sum = sum(cx, o);
                let o = if is(o) { o } else { oblique(cx, o, "of").or_else(|| sum.then(|| oblique(cx, o, "in").or_else(|| oblique(cx, v, "in"))).flatten()).filter(|&k| is(k))? };
                // What is sent, deployed or fired is not who it is aimed at.
                let own = oblique(cx, o, "of").or((!moved(cx, &p.code, o)).then_some(o));
                // "heaped more punishment on Moscow", "imposed sanctions on Russia": when
                // the object names no party, the party it falls on does.
                // So does the one it is agreed with or taken from ("signed a peace deal with
                // Tigrayan leaders", "recalled its ambassador from Niger"), on the verb or on
                // the object.
                let party = |k: usize| cx.participant(k).actor.is_some();
                // A legal action is for whom it names ("issued an arrest warrant [for a
                // commander]").
                // Force is aimed "at" too ("opened fire at a bus stop").
                let hostile = hostile(&p.code);
                let preps: &[&str] = if p.code.starts_with("11") {
                    &["on", "upon", "against", "with", "from", "for"]
                } else if p.code.starts_with("04") || p.code.starts_with("05") {
                    // What one consults "on" is the topic ("consulted with the firms on
                    // Ukrainian politics"), not the party; so is what one praises, backs
                    // or apologises "on" ("apologized numerous times on this show").
                    &["with", "from"]
                } else if hostile {
                    &["on", "upon", "against", "at", "with", "from"]
                } else {
                    &["on", "upon", "against", "with", "from"]
                };
                let aimed_at = |preps: &[&str], coded: bool| preps.iter().find_map(|prep| [v, o].iter().find_map(|&h| oblique(cx, h, prep)).filter(|&k| !coded || party(k)));
                // The thing done is not its own target: "filed a lawsuit against a German
                // anti-refugee group" is aimed at the group, named or not; "on" aims only
                // what is hostile ("sanctions on a trading firm", not "views on education"),
                // and "a complaint for declaratory relief" is no more aimed at relief than
                // at itself.
                let aimed_preps: &[&str] = if hostile { &["against", "on", "upon", "at"] } else { &["against"] };
                // What is given goes to a party named after it ("sent 100 tanks [to
                // Ukraine]"): that party, not the things, is the target.
                // So is the one a deal is reached or talks are held with ("reached a deal
                // with Azerbaijan").
                let named_after = |preps: &[&str]| preps.iter().find_map(|prep| [o, v].iter().find_map(|&h| oblique(cx, h, prep))).filter(|&k| party(k) || cx.place(k).is_some());
                // ("promised Zelensky more weapons", "gave Ukraine an ultimatum": the one
                // given or promised something, before the thing.)
                let given_to = (p.code.starts_with("07") || p.code.starts_with("03")).then(|| named_after(&["to", "for"])).flatten().or_else(|| t.child(v, "iobj").filter(|&k| party(k)));
                let partner = matches!(p.code.get(..2), Some("04" | "05" | "06")).then(|| named_after(&["with"])).flatten();
                // A place or a site taken or struck by force is a target too ("seized the
                // city of Goma", "seized the airport in Goma": its country is the side that
                // loses it).
                let place_by_force = |k: usize| force(&p.code) && (cx.place(k).is_some() || structure(&t.lemma(k)));
                // ("lodged a formal protest with China": the party the object only holds
                // inside a phrase of the verb's is that phrase's, not the object's.)
                let named = |k: usize| cx.entity(k).is_some_and(|e| e.actor.is_some()) || cx.place(k).is_some();
                target = given_to
                    .or(partner)
                    .or_else(|| own.filter(|&k| named(k) || place_by_force(k)))
                    .or_else(|| aimed_at(preps, true))
                    .or_else(|| own.filter(|&k| party(k)))
                    .or_else(|| own.and_then(|_| aimed_at(aimed_preps, false)))
                    .or(own.filter(|_| !force(&p.code)));
            }
            Need::PlaceObject => {
                // The place taken is the target; its country is the side that loses it. A
                // phrasal verb is another verb ("take on Israel" is to confront it), but
                // for taking back or over.
                let o = t.child(v, "obj")?;
                cx.place(o)?;
                if t.children(v).any(|c| t.rel(c) == "compound:prt" && !matches!(&*t.lower(c), "back" | "over")) {
                    return None;
                }
                target = Some(o);
            }
            Need::ActorObject => {
                // The object itself names the party (its own entity or place), not a word
                // inside it: "damaged the image of Mexico" names an image. In the passive
                // the party is the subject ("Suu Kyi was released").
                let o = t.child(v, "obj").or_else(|| t.child(v, "nsubj:pass")).or_else(|| reduced_relative(cx, v))?;
                if !(cx.entity(o).is_some_and(|e| e.actor.is_some()) || cx.place(o).is_some()) {
                    return None;
                }
                // "provided Hillary Clinton enough time to hide …": the party is who gets
                // something the second noun names, and time, a chance or a platform is no
                // aid (what is aid has rows of its own).
                let given = t.children(v).find(|&c| c > o && matches!(t.rel(c), "obj" | "iobj" | "obl:unmarked" | "obl:npmod") && t.upos(c) == "NOUN");
                if given.is_some_and(|g| matches!(&*t.lemma(g), "time" | "chance" | "opportunity" | "excuse" | "reason" | "platform" | "boost" | "glimpse" | "insight" | "window" | "answer" | "detail" | "update" | "explanation" | "fodder" | "cover" | "opening" | "edge" | "advantage" | "break")) {
                    return None;
                }
                if t.rel(o) == "obj" {
                    target = Some(o);
                }
            }
            Need::MoneyObject => {
                // "who charges somewhere between $20,000 and $30,000 for speaking fees".
                // ("charged a $100,000 initiation fee": a price asked, article and all.)
                let o = t.child(v, "obj")?;
                let span = cx.participant(o).span;
                let article = t.children(o).find(|&d| d < o && t.rel(d) == "det" && crate::tree::lower_is_one_of(t.word(d), &["a", "an"]));
                let span = article.map_or(span, |d| sitrep_core::Span::new(cx.doc.text_layer.tokens[d].span.end, span.end));
                if !crate::context::money(cx.doc.text(), span) {
                    return None;
                }
            }
            Need::Complement(w) => {
                // `@predicate`: a noun or adjective ("called him a loser", "called it
                // shameful"); `@verb`: a verb ("told them to leave").
                // A participle says what the object is too ("considered the emails
                // classified").
                let participle = |c: usize| t.upos(c) == "VERB" && matches!(t.xpos(c), "VBN" | "VBD") && t.child(c, "mark").is_none() && t.child(c, "obj").is_none();
                let predicate = |c: usize| t.rel(c) == "xcomp" && (matches!(t.upos(c), "NOUN" | "PROPN" | "ADJ") || participle(c));
                // An infinitive ("told them to leave"), not a participle the parser hung
                // there ("he told cheering supporters").
                let verb = |c: usize| t.rel(c) == "xcomp" && t.upos(c) == "VERB" && (t.xpos(c) == "VB" || t.child(c, "mark").is_some_and(|m| t.lower(m) == "to"));
                let fits = |c: usize| match w.as_str() {
                    "@predicate" => predicate(c),
                    "@verb" => verb(c),
                    "@question" => question(cx, c),
                    _ => t.lemma(c) == *w,
                };
                if w == "@predicate" && predicate_misread(t, v) {
                    continue;
                }
                // (A participle adjunct is no complement: "refuse to go home, saying they
                // fear reprisals" does not decline to say.)
                let adjunct = |c: usize| t.rel(c) == "advcl" && !w.starts_with('@') && t.xpos(c) == "VBG" && t.child(c, "mark").is_none();
                let c = t.children(v).find(|&c| matches!(t.rel(c), "xcomp" | "ccomp" | "advcl") && fits(c) && !adjunct(c))?;
                // "Germany agreed to send helmets to Ukraine": with no one of its own to act
                // on, the verb's party is its complement's ("asked Poland to send tanks to
                // Ukraine" keeps Poland; so does "Poland was asked to send tanks").
                let asked = || passive(cx, v) && t.child(v, "nsubj:pass").is_some();
                if target.is_none() && t.child(v, "obj").is_none() && t.child(v, "iobj").is_none() && !asked() {
                    target = complement_party(cx, c, &p.code);
                }
            }
            Need::ComplementObject(w) => {
                t.children(v).filter(|&c| matches!(t.rel(c), "xcomp" | "ccomp" | "advcl")).find(|&c| t.child(c, "obj").is_some_and(|o| t.lemma(o) == *w))?;
            }
            Need::ObliqueWord(prep, w) => {
                // Any of its prepositions: "pulled [out of] the deal" may be read with both.
                let fits = |c: usize| {
                    let r = t.rel(c);
                    (r.starts_with("obl") || r.starts_with("nmod")) && t.children(c).any(|k| t.rel(k) == "case" && t.lower(k) == prep.as_str()) && written(cx, c, w)
                };
                // "accused Moscow [of war crimes]" is as often read with the phrase
                // hanging from the object — an "of" phrase, a "with" of the means the row
                // names ("blasted a supply boat [with water cannon]"), or one after a
                // party ("took Russia [to court]"; not "take our obligations [to the
                // court]").
                let on_object = |o: usize| matches!(prep.as_str(), "of" | "with") || cx.entity(o).is_some_and(|e| e.actor.is_some()) || cx.place(o).is_some();
                let c = t.children(v).find(|&c| fits(c)).or_else(|| t.child(v, "obj").filter(|&o| on_object(o)).and_then(|o| t.children(o).find(|&c| fits(c))))?;
                // "clashed with police": with no object, the one acted with or against.
                if target.is_none() && matches!(prep.as_str(), "with" | "against") && t.child(v, "obj").is_none() {
                    target = Some(c);
                }
            }
            Need::Modifier(w) => {
                // A word joined to the verb by a hyphen modifies it however it was hung
                // ("test-fired": "test" is often read as an oblique).
                let joined = |c: usize| c + 2 == v && t.word(c + 1) == "-";
                t.children(v).find(|&c| (matches!(t.rel(c), "amod" | "compound") || joined(c)) && written(cx, c, w))?;
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

/// A predicate the parser did not hang as `xcomp` ("was considered one of the hopes",
/// "considered drug companies her enemies", "considered the emails as classified",
/// "considered a deal likely"): an object of the verb in the passive, a second object,
/// an "as" phrase beside the object, a word of likelihood after it, or an object in a
/// free relative whose "what" is the verb's true object ("what the Times called a rough
/// week").
fn predicate_misread(t: &crate::tree::Tree, v: usize) -> bool {
    // In a free relative the parser reads the predicate noun as a time as often ("called
    // a rough week").
    let what = |k: usize| k < v && matches!(&*t.lower(k), "what" | "whatever");
    let free_relative = (t.rel(v) == "acl:relcl" && t.head(v).is_some_and(what)) || t.children(v).any(what);
    if free_relative && t.children(v).any(|c| c > v && matches!(t.rel(c), "obj" | "obl:unmarked")) {
        return true;
    }
    let Some(o) = t.child(v, "obj") else { return false };
    let passive = t.children(v).any(|c| matches!(t.rel(c), "nsubj:pass" | "aux:pass"));
    let second = t.children(v).any(|c| c != o && matches!(t.rel(c), "obj" | "iobj")) || t.children(o).any(|c| t.rel(c) == "obj");
    let as_phrase = t.children(v).any(|c| c > o && matches!(t.rel(c), "advcl" | "obl") && t.children(c).any(|m| matches!(t.rel(m), "mark" | "case") && t.lower(m) == "as"));
    let likely = t.children(v).any(|c| c > o && t.rel(c) == "advmod" && matches!(&*t.lower(c), "likely" | "unlikely" | "possible" | "impossible" | "inevitable"));
    passive || second || as_phrase || likely
}

/// The party a complement verb acts on: its object or indirect object, or a phrase with
/// "to", "with", "on" or "against", when that names a party or a place. For a meeting
/// or talks (`036`, `04`) a place reached with "to" is where, not whom ("ready to send a
/// delegation to Belarus").
fn complement_party(cx: &Context, c: usize, code: &str) -> Option<usize> {
    let t = &cx.tree;
    let party = |k: usize| cx.participant(k).actor.is_some() || cx.place(k).is_some();
    let preps: &[&str] = if code.starts_with("036") || code.starts_with("04") { &["with"] } else { &["to", "with", "on", "against"] };
    // "demanded that Ukraine withdraw its troops": what is demanded or asked of a party
    // that has a clause of its own is asked of that clause's subject.
    let asked_of = (code.starts_with("10") || code.starts_with("02")).then(|| t.child(c, "nsubj")).flatten().filter(|&k| party(k));
    asked_of.or_else(|| t.child(c, "obj"))
        .or_else(|| t.child(c, "iobj"))
        .filter(|&k| party(k))
        .or_else(|| preps.iter().find_map(|prep| oblique(cx, c, prep)).filter(|&k| party(k)))
}

/// Whether clause `c` asks a question: "asked workers *if they planned* to attend",
/// "asked *whether* …", "“*Why are you still endorsing him?*” Obama asked" — what is asked
/// for there is an answer, not an act.
pub(crate) fn question(cx: &Context, c: usize) -> bool {
    let t = &cx.tree;
    t.children(c).any(|k| match t.rel(k) {
        "mark" => matches!(&*t.lower(k), "if" | "whether"),
        "punct" => t.word(k) == "?",
        _ => k < c && matches!(t.xpos(k), "WP" | "WRB") && !t.lower(k).eq_ignore_ascii_case("when"),
    })
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
    // The forms in the order they are tried: the word, the lemma with its last letter
    // doubled, then each suffix's stem and the stem with "e". Built one at a time in one
    // buffer, and only until one is found.
    let word = t.lower(v);
    let found = table(&word);
    if !found.is_empty() {
        return found;
    }
    let mut form = String::with_capacity(word.len().max(lemma.len()) + 4);
    form.push_str(&lemma);
    form.push(lemma.chars().last().unwrap_or(' '));
    let found = table(&form);
    if !found.is_empty() {
        return found;
    }
    for suffix in ["ing", "ed", "es", "s", "d"] {
        let Some(stem) = word.strip_suffix(suffix) else { continue };
        let found = table(stem);
        if !found.is_empty() {
            return found;
        }
        form.clear();
        form.push_str(stem);
        form.push('e');
        let found = table(&form);
        if !found.is_empty() {
            return found;
        }
    }
    &[]
}

/// Whether the lexicon names this use of verb `v` as no event (a pattern with code `-`,
/// "met the deadline"), so that no other dictionary codes it either.
pub fn ruled_out(cx: &Context, lex: &Lexicon, v: usize) -> bool {
    let patterns = entries(cx, v, |w| lex.verb(w));
    patterns.iter().find(|p| matches(cx, v, p).is_some()).is_some_and(|p| p.code == NO_EVENT)
}

/// The code of a lexicon pattern that names a use of a word that is no event.
pub const NO_EVENT: &str = "-";

/// Code a verb token.
pub fn code_verb(cx: &Context, lex: &Lexicon, v: usize) -> Option<Coded> {
    if let Some(c) = sighting(cx, v) {
        return Some(c);
    }
    let t = &cx.tree;
    if noun_read_as_verb(cx, v) {
        return None;
    }
    // "asking Rubio why he decided to attack Trump", however the parser hung the
    // question: asking someone a question is no appeal.
    if t.lemma(v) == "ask" && t.child(v, "obj").is_some_and(|o| o + 1 < t.len() && matches!(&*t.lower(o + 1), "why" | "whether" | "how" | "what" | "when" | "where" | "if" | "who" | "which")) {
        return None;
    }
    // "41 percent of the workforce, excluding the military", "barring a miracle": a
    // participle with no subject of its own used as a preposition.
    if matches!(&*t.lower(v), "excluding" | "including" | "barring") && !t.children(v).any(|c| t.rel(c).starts_with("nsubj") || t.rel(c) == "aux") {
        return None;
    }
    // "exports declined 5% in March", "declined 3.3 percent": an amount that fell, however
    // the parser hung the figure — no refusal.
    let figure = |c: usize| t.word(c) == "%" || matches!(&*t.lemma(c), "percent" | "percentage" | "point");
    if t.lemma(v) == "decline" && t.children(v).any(|c| matches!(t.rel(c), "obj" | "obl" | "obl:npmod" | "obl:unmarked") && figure(c)) {
        return None;
    }
    // "Trump is free to disclose his returns", "the border is open": an adjective
    // spelled as the verb's base form, after a copula, is a state, not the deed.
    if t.upos(v) == "ADJ" && t.child(v, "cop").is_some() && matches!(&*t.lower(v), "free" | "open" | "clear" | "secure" | "close" | "calm" | "empty") {
        return None;
    }
    // "today's most pressing challenges": a present participle graded by "most" or
    // "very" right before it is a quality, however the parser hung it.
    if t.lower(v).ends_with("ing") && v > 0 && t.head(v - 1) == Some(v) && t.rel(v - 1) == "advmod" && matches!(&*t.lower(v - 1), "most" | "more" | "less" | "least" | "very" | "so" | "too") {
        return None;
    }
    // An adjective in "-ing" is a quality, not the verb it comes from ("most striking",
    // "a threatening tone"): only an adjective of the lexicon itself ("willing") codes.
    let patterns = if t.upos(v) == "ADJ" && t.lower(v).ends_with("ing") { lex.verb(&t.lower(v)) } else { entries(cx, v, |w| lex.verb(w)) };
    if patterns.is_empty() {
        return None;
    }
    let found = patterns.iter().find_map(|p| matches(cx, v, p).map(|(tg, e)| (Cow::Borrowed(p), tg, e)));
    // A weapon fired says more than where it was aimed ("fired a missile at a ship" is
    // 195, not the 190 of "fired at").
    let (p, target, end) = match found {
        Some((p, tg, e)) if p.needs.iter().all(|n| matches!(n, Need::Oblique(_))) => fired_weapon(cx, lex, v, patterns).map_or((p, tg, e), |(w, _, _)| (w, tg, e)),
        Some(f) => f,
        None => fired_weapon(cx, lex, v, patterns)?,
    };
    if p.code == NO_EVENT {
        return None;
    }
    // A bare pattern of a speech-like code ("declare", "deny", "ask", "tell") is an event
    // only with a nominal object and no clause of content: "denied the report", not
    // "denied that …" (attribution) nor "told leaders that …" (reporting).
    let speechlike = p.needs.is_empty() && (matches!(p.code.get(..2), Some("01" | "02" | "10")) || p.code == "016");
    // So is a quotation hanging from the verb itself ("“But why?” the reporter asked
    // him"), not from a clause of its own ("urging them to surrender, saying: “…”").
    let quoted = |c: usize| {
        let (a, b) = t.subtree(c);
        t.rel(c) != "obj" && t.upos(c) != "VERB" && (a..=b).any(|k| t.upos(k) == "PUNCT" && t.quote_mark(k))
    };
    let said = || t.children(v).any(|c| matches!(t.rel(c), "ccomp" | "parataxis") || t.rel(c).starts_with("ccomp") || quoted(c));
    // (The one urged may be read as the indirect object: "urged [Venezuela and Guyana] to
    // resolve the dispute".)
    let urged = || t.child(v, "iobj").filter(|_| t.child(v, "xcomp").is_some());
    if speechlike && (t.child(v, "obj").or_else(urged).is_none() || said()) {
        return None;
    }
    // "vowed to stay in the race", "promised to ban Muslims", "vows to be tougher on
    // trade": a vow or promise is intent to cooperate (03) only when what is vowed is a
    // deed of cooperation ("pledged to help", "promised to negotiate");
    // a vow of force is a threat by its own rows; a vow of anything else is no event.
    if p.needs.is_empty() && p.code == "030" && matches!(&*t.lemma(v), "vow" | "promise" | "pledge" | "swear") {
        let helping = |c: usize| {
            matches!(
                &*t.lemma(c),
                "help" | "aid" | "assist" | "support" | "provide" | "send" | "give" | "supply" | "deliver" | "contribute" | "donate" | "cooperate" | "work" | "negotiate" | "talk" | "meet"
                    | "discuss" | "release" | "free" | "withdraw" | "lift" | "ease" | "end" | "stop" | "halt" | "protect" | "defend" | "rebuild" | "invest" | "fund" | "finance" | "back"
                    | "join" | "sign" | "ratify" | "honor" | "honour" | "respect" | "implement" | "accept" | "return" | "reopen" | "restore" | "resume" | "compensate" | "mediate"
                    | "broker" | "host" | "welcome" | "recognize" | "recognise" | "visit" | "guarantee" | "ensure" | "share" | "train" | "arm" | "equip" | "forgive" | "pardon" | "stand"
            )
        };
        // (A release is of people: "promised to release a report" vows no cooperation.)
        let released = |c: usize| !matches!(&*t.lemma(c), "release" | "free") || code_verb(cx, lex, c).is_some();
        let cooperative = |c: usize| (helping(c) || lex.verb(&t.lemma(c)).iter().any(|q| matches!(q.code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08")))) && released(c);
        let vowed = t.children(v).find(|&c| t.rel(c) == "xcomp" || t.rel(c).starts_with("ccomp"));
        if vowed.is_some_and(|c| !cooperative(c)) {
            return None;
        }
    }
    // "“We know how Wyoming is going to go,” Manafort conceded": what was said; "Sanders
    // conceded" is a concession.
    if p.needs.is_empty() && &*t.lemma(v) == "concede" && said() {
        return None;
    }
    // "Netanyahu rallied supporters by warning that the rule of the right is in
    // danger": a warning to nobody in particular is what was said, not a threat — unless
    // it says what the speaker would do ("the Saudis warned they could sell off …").
    let threat = |c: usize| t.children(c).any(|k| (t.rel(k) == "aux" && matches!(&*t.lower(k), "could" | "would" | "will" | "might" | "'ll" | "’ll")) || (t.rel(k).starts_with("advcl") && t.child(k, "mark").is_some_and(|m| t.lower(m) == "if")));
    let said = |c: usize| (t.rel(c).starts_with("ccomp") || t.rel(c) == "parataxis") && !threat(c);
    if p.needs.is_empty() && p.code.starts_with("13") && t.child(v, "obj").is_none() && t.children(v).any(said) {
        return None;
    }
    // "…, considering the ruling party's record": a participle after a comma with no
    // subject of its own is a preposition.
    if t.xpos(v) == "VBG" && matches!(&*t.lemma(v), "consider" | "regard" | "concern") && v > 0 && t.word(v - 1) == "," && t.child(v, "nsubj").is_none() {
        return None;
    }
    // "demonstrated his knack for …", "demonstrate how Clinton was influenced": showing
    // something is no demonstration in the street.
    if p.code == "141" && &*t.lemma(v) == "demonstrate" && t.children(v).any(|c| t.rel(c) == "obj" || t.rel(c).starts_with("ccomp") || (t.rel(c) == "advcl" && c > v) || t.xpos(c) == "WRB" || (t.rel(c) == "mark" && t.lower(c) == "as")) {
        return None;
    }
    // "he is recognized far and wide as the leader": acknowledged as something, however
    // the parser hung the "as" phrase, is no diplomatic recognition; recognised as a state
    // or a government it is ("Abkhazia was recognized by Russia as an independent state").
    if p.code.starts_with("054") && t.child(v, "obj").is_none() {
        let (_, end) = t.subtree(v);
        let polity = |h: usize| matches!(&*t.lemma(h), "state" | "country" | "nation" | "government" | "republic" | "representative" | "authority");
        if (v + 1..=end).any(|k| t.lower(k) == "as" && t.rel(k) == "case" && t.head(k).is_some_and(|h| t.upos(h) == "NOUN" && !polity(h))) {
            return None;
        }
    }
    // "Russia would pull out of its current slump", "pulled out of an advertising
    // agreement": a withdrawal from what is neither a party nor a place is no retreat,
    // unless armed forces withdraw.
    if p.code.starts_with("087") {
        // Nor is pulling out one's credentials: what is withdrawn must be forces.
        let forces = |o: usize| matches!(&*t.lemma(o), "troop" | "troops" | "force" | "forces" | "soldier" | "army" | "personnel" | "contingent" | "peacekeeper" | "unit" | "ambassador" | "diplomat");
        if t.child(v, "obj").is_some_and(|o| !forces(o)) && p.needs.iter().all(|n| !matches!(n, Need::Object(_))) {
            return None;
        }
        let left = ["from", "of", "out"].iter().find_map(|prep| oblique(cx, v, prep));
        let armed = subject(cx, v).and_then(|s| cx.participant(s).actor).is_some_and(|a| crate::force::armed_actor(&a));
        // ("withdrew its troops from the north": forces withdrawn make it a retreat.)
        let troops = t.child(v, "obj").is_some_and(forces);
        if left.is_some_and(|k| cx.participant(k).actor.is_none() && cx.place(k).is_none()) && !armed && !troops {
            return None;
        }
    }
    // "their boat sank off Florida", "the house burned": a verb that tells what befell
    // its subject when it has no object is no one's deed.
    // (Nor when "off the coast" was read as a particle and its object.)
    let off = || t.children(v).any(|c| t.rel(c) == "compound:prt" && t.lower(c) == "off");
    if matches!(&*t.lemma(v), "sink" | "burn") && !passive(cx, v) && (t.child(v, "obj").is_none() || off()) && t.upos(v) == "VERB" {
        return None;
    }
    // "Speaking to MSNBC's 'Andrea Mitchell Reports'": talking to the press is how
    // something is said, not a consultation.
    if p.code == "040" && matches!(&*t.lemma(v), "speak" | "talk") && target.is_some_and(|k| cx.participant(k).actor.as_deref().is_some_and(|a| a.ends_with("MED"))) {
        return None;
    }
    // "migrants traveling to Europe", "fans flew to Paris": people on the move make no
    // visit.
    if p.code.starts_with("042") {
        // The one moving: the subject, or the noun a participle describes ("migrants
        // traveling"), or what it counts ("thousands of migrants")
        let mover = subject(cx, v).or_else(|| t.head(v).filter(|_| t.rel(v).starts_with("acl")));
        // (or "reports of migrants traveling", read with "reports" as the noun described).
        let on_the_move = |s: usize| matches!(&*t.lemma(s), "migrant" | "refugee" | "asylum-seeker" | "tourist" | "fan" | "passenger" | "traveler" | "traveller" | "people" | "student" | "worker" | "family" | "pilgrim");
        if mover.is_some_and(|s| on_the_move(s) || oblique(cx, s, "of").is_some_and(on_the_move)) {
            return None;
        }
    }
    // "Cruz appeals to Reagan Democrats", "able to appeal to a certain group of folks":
    // appealing to people no code names, for nothing, is attracting them.
    let for_something = || t.children(v).any(|c| t.rel(c) == "xcomp" || t.case(c).as_deref() == Some("for"));
    if &*t.lemma(v) == "appeal" && p.code.starts_with("02") && !for_something() && oblique(cx, v, "to").is_some_and(|k| cx.participant(k).actor.is_none()) {
        return None;
    }
    if p.code == "041" && naming(cx, v) {
        return None;
    }
    // "the account had been successfully hacked" read with "hacked" as an adjective after
    // "been": for verbs that are often passive, still the passive.
    let adjectival = || p.voice == Voice::PassiveOk && t.upos(v) == "ADJ" && t.lower(v).ends_with("ed") && t.child(v, "cop").is_some_and(|c| t.lemma(c) == "be");
    let is_passive = passive(cx, v) || adjectival();
    let (source, target) = if is_passive && p.voice != Voice::Intransitive {
        let by = |k: usize| t.children(k).find(|&c| t.rel(c).starts_with("obl") && t.case(c).as_deref() == Some("by"));
        // ("are being rounded up and held by Iraqi troops": the agent of the last of
        // joined passives is the first's too.)
        let shared = || t.children(v).filter(|&c| t.rel(c) == "conj" && t.xpos(c) == "VBN" && !t.children(c).any(|k| t.rel(k).starts_with("nsubj"))).find_map(by);
        let agent = by(v).or_else(shared);
        let acted_on = t.child(v, "nsubj:pass").or_else(|| reduced_relative(cx, v)).or_else(|| t.child(v, "nsubj"));
        // "Bergdahl was charged with desertion": what a pattern of coercion names after its
        // preposition is the charge; the one coerced is the subject.
        if p.code.starts_with("17") && acted_on.is_some() {
            (agent, acted_on)
        } else {
            (agent, target.or(acted_on))
        }
    } else {
        let object = t.child(v, "obj").or_else(|| gap_of_bare_relative(cx, v));
        let target = match p.voice {
            // An intransitive acts on no object, but with or against whom its pattern
            // names ("clashed with police"; not "warned of the dangers").
            Voice::Intransitive => target.filter(|&k| matches!(t.case(k).as_deref(), Some("with" | "against"))),
            // "deployed troops to the border", "fired rockets at a base": the target, if
            // any, is where the force goes, when that names a party; the preposition may
            // hang from the object ("support to Israel").
            _ if object.is_some_and(|o| moved(cx, &p.code, o)) || (object.is_none() && moves(&p.code)) => target.or_else(|| {
                let heads = [Some(v), object, object.and_then(|o| oblique(cx, o, "of"))];
                // A withdrawal is from the side whose ground is left ("withdraw its troops
                // from Mali").
                let from: &[&str] = if p.code.starts_with("087") { &["from", "of", "out"] } else { &[] };
                from.iter()
                    // ("sent warships around Taiwan": a show of force near a party is aimed
                    // at it)
                    .chain(["at", "against", "on", "into", "to", "toward", "towards", "around", "near", "off"].iter())
                    .flat_map(|prep| heads.iter().flatten().filter_map(move |&h| oblique(cx, h, prep)))
                    // A party, or a place ("fired rockets at Kharkiv"): a town fired on
                    // stands for its country (see the stage).
                    // … or what is named inside a place, or a site ("at targets in Ukraine").
                    .find(|&k| cx.participant(k).actor.is_some() || cx.place(k).is_some() || crate::binding::place_in_clause(cx, k).is_some() || structure(&t.lemma(k)))
            }),
            // "asked Poland for help" is often read with Poland as the indirect object.
            // What force does or moves, named by the pattern ("launch a ground offensive",
            // "held drills", "cut ties"), is no one it is done to.
            // "promised you a picture", "offered Kyiv a deal": the one given, promised or
            // offered something, before the thing.
            _ => target
                // ("blasted her rival", "praised her donors": a "her" the parser read as
                // one is the object's possessor.)
                .or_else(|| object.and(t.child(v, "iobj")).filter(|&k| cx.participant(k).actor.is_some() || (matches!(t.upos(k), "PRON" | "PROPN") && !t.lower(k).eq("her"))))
                // "donated $5 million to a super PAC": what is given goes to the one
                // named after "to", not to the sum.
                .or_else(|| {
                    let gift = p.code.starts_with("07") && object.is_some();
                    // (The phrase may hang from the sum: "$5 million [to a super PAC]".)
                    let heads = [Some(v), object.filter(|&o| sum(cx, o))];
                    gift.then(|| ["to", "for"].iter().find_map(|prep| heads.iter().flatten().find_map(|&h| oblique(cx, h, prep))).filter(|&k| matches!(t.upos(k), "NOUN" | "PROPN" | "PRON"))).flatten()
                })
                .or(object.filter(|_| !(force(&p.code) && p.needs.iter().any(|n| matches!(n, Need::Object(_))))))
                .or_else(|| t.child(v, "iobj"))
                // (A statement, pledge, praise, backing or apology "on", "at" or "with"
                // something is about it, made there or said with it: "apologized numerous
                // times on this show", "On the campaign trail, Clinton pledges …", "whom
                // they will support on April 26, with similar levels of certainty".)
                .or_else(|| {
                    let preps: &[&str] = if matches!(p.code.get(..2), Some("01" | "03" | "05")) { &[] } else { &["against", "on", "at", "with"] };
                    preps.iter().find_map(|prep| oblique(cx, v, prep))
                })
                // A gerund used as a noun ("shelling that sliced through …").
                .or_else(|| (t.xpos(v) == "VBG").then(|| relative_target(cx, lex, v)).flatten()),
        };
        (subject(cx, v), target)
    };
    // "At least 12 people were killed when a Russian missile hit a shopping centre": a
    // killing told in the passive without its agent is the doing of what struck "when"
    // it happened.
    let source = source.or_else(|| {
        let harm = is_passive && (matches!(&*t.lemma(v), "kill" | "wound" | "injure" | "hurt") || matches!(&*t.lower(v), "killed" | "wounded" | "injured"));
        let when = |c: usize| t.rel(c).starts_with("advcl") && t.children(c).any(|m| matches!(t.rel(m), "mark" | "advmod") && matches!(&*t.lower(m), "when" | "as" | "after"));
        // (Not what ran onto a mine: "killed when their vehicle hit a landmine".)
        let onto_mine = |c: usize| t.child(c, "obj").is_some_and(|o| matches!(&*t.lemma(o), "mine" | "landmine" | "ied" | "IED" | "device"));
        let when = |c: usize| when(c) && !onto_mine(c);
        harm.then(|| t.children(v).find(|&c| when(c) && t.upos(c) == "VERB")).flatten().and_then(|c| subject(cx, c)).filter(|&s| wielder(cx, s).is_some_and(|w| cx.participant(w).actor.is_some()))
    });
    let source = source.and_then(|s| wielder(cx, s));
    let code = means(cx, lex, v, &p.code).unwrap_or_else(|| p.code.clone());
    // "denied Carter a final-night photograph": denying someone something is refusing it
    // to them (120), not denying an accusation (016).
    let denied_to = ((code.starts_with("016") || code == "120") && &*t.lemma(v) == "deny").then(|| t.child(v, "iobj")).flatten();
    let (code, target) = match denied_to {
        Some(i) => ("120".to_string(), Some(i)),
        None => (code, target),
    };
    // A weapon is what hits, not whom ("shot down 20 drones"); what stops it acts on
    // whoever sent it ("shot down 14 of 17 drones launched by Russia", "intercepted
    // Russian missiles").
    // Destroying an army's weapons is fighting it, not destroying property ("destroyed 12
    // Russian tanks", "destroyed three Houthi drones").
    let hardware = |k: usize| weapon(cx, k) || (t.upos(k) == "NOUN" && matches!(&*t.lemma(k), "tank" | "jet" | "aircraft" | "howitzer" | "launcher" | "fighter"));
    let armed_object = || t.child(v, "obj").is_some_and(|o| hardware(o) || oblique(cx, o, "of").is_some_and(hardware));
    let code = if code.starts_with("171") && &*t.lemma(v) == "destroy" && armed_object() { "190".to_string() } else { code };
    // "demanded the withdrawal of a bill": only forces withdrawn de-escalate (1056); else
    // the target is to yield (105).
    let forces = |k: usize| weapon(cx, k) || matches!(t.lemma(k).trim_end_matches('s'), "troop" | "force" | "soldier" | "army" | "military" | "unit" | "personnel" | "contingent" | "peacekeeper" | "militia" | "fighter");
    let code = if code == "1056" && t.child(v, "obj").and_then(|o| oblique(cx, o, "of")).is_some_and(|k| !forces(k)) { "105".to_string() } else { code };
    let stops = code.starts_with("19") && matches!(&*t.lemma(v), "shoot" | "intercept" | "down" | "repel" | "repulse" | "destroy");
    let sent = |o: usize| {
        let w = if weapon(cx, o) { o } else { oblique(cx, o, "of").filter(|&k| weapon(cx, k))? };
        wielder(cx, w).filter(|&k| cx.participant(k).actor.is_some())
    };
    let target = target.filter(|&k| !weapon(cx, k)).or_else(|| stops.then(|| target.or_else(|| t.child(v, "obj")).and_then(sent)).flatten());
    // "recaptured the town of Lalibela from Tigrayan rebels": ground taken from a party
    // is taken from it — that party, not the ground's country, loses it.
    let taken_from = code.starts_with("192").then(|| oblique(cx, v, "from")).flatten().filter(|&k| cx.participant(k).actor.is_some() && cx.place(k).is_none());
    let target = taken_from.or(target);
    // "deployed 10,000 soldiers to its border with Belarus": forces sent to a border are
    // sent towards the one on its other side.
    let across = target.filter(|&k| matches!(&*t.lemma(k), "border" | "frontier")).and_then(|k| oblique(cx, k, "with").or_else(|| oblique(cx, v, "with"))).filter(|&k| cx.participant(k).actor.is_some() || cx.place(k).is_some());
    let target = across.or(target);
    // "Fighting between the army and the rebels continued": a gerund with no side of its
    // own is done by the sides named after "between", each to the others.
    if source.is_none() && target.is_none() && t.xpos(v) == "VBG" {
        if let Some(b) = oblique(cx, v, "between").filter(|&b| matches!(t.upos(b), "NOUN" | "PROPN" | "ADJ")) {
            return Some(Coded { head: v, trigger_end: end, code, source: Some(cx.participant(b)), target: None, sides_at: (Some(b), None), by_reporter: false });
        }
    }
    // "the West left him no other choice": the one blamed is the subject.
    let by_reporter = p.voice == Voice::Reproach;
    let (source, target) = if by_reporter { (None, source) } else { (source, target) };
    Some(Coded { head: v, trigger_end: end, code, source: source.map(|s| cx.participant(s)), target: target.map(|s| cx.participant(s)), sides_at: (source, target), by_reporter })
}

/// "one of Putin's key demands" with "demands" tagged as a verb: a present-tense verb
/// with no subject after a determiner or a possessive and the modifiers that follow it is
/// a plural noun.
fn noun_read_as_verb(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    if !matches!(t.xpos(v), "VBZ" | "VBP") || t.children(v).any(|c| t.rel(c).starts_with("nsubj") || t.rel(c) == "expl") {
        return false;
    }
    let first = cx.doc.text_layer.sentences[cx.sentence(v)].first_token as usize;
    let mut k = v;
    while k > first && matches!(t.upos(k - 1), "ADJ" | "NOUN") && v - k < 3 {
        k -= 1;
    }
    k > first && matches!(t.xpos(k - 1), "POS" | "PRP$" | "DT") && t.upos(k - 1) != "PRON"
}

/// Whom a deed is blamed on when the parser hung "on" inside a phrase after the verb
/// ("blamed the explosion at the dam [on Russian forces]"): the last nominal opened by
/// "on" in the verb's clause after it, joined to the verb by nouns alone within three
/// steps — not inside what the blame is for ("blamed Kyiv for the attack [on the
/// Kremlin]").
fn blamed_party(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    let (_, hi) = t.subtree(v);
    let reaches = |k: usize| {
        let mut x = k;
        for _ in 0..3 {
            if t.case(x).as_deref() == Some("for") {
                return false;
            }
            match t.head(x) {
                Some(h) if h == v => return true,
                Some(h) if matches!(t.upos(h), "NOUN" | "PROPN" | "PRON") => x = h,
                _ => return false,
            }
        }
        false
    };
    (v + 1..=hi).rev().find(|&k| t.case(k).as_deref() == Some("on") && matches!(t.upos(k), "NOUN" | "PROPN" | "PRON") && reaches(k))
}

/// "shelling that sliced through a building": whom a deed named by a noun (or a gerund)
/// hit, as its relative clause says — the clause's object, or what it went through, into,
/// on, at or against. A clause that reports ("after the Orlando attacks, citing his
/// tough-on-terror approach", however the parser hung it) names what is said, not whom.
fn relative_target(cx: &Context, lex: &Lexicon, n: usize) -> Option<usize> {
    let t = &cx.tree;
    // A content clause ("allegations that hackers broke into …") is no relative one.
    let telling = |c: usize| lex.reporting(&t.lemma(c)).is_some();
    t.children(n).filter(|&c| t.rel(c).starts_with("acl") && !t.opened_by_that(c) && !telling(c)).find_map(|c| {
        t.child(c, "obj").or_else(|| t.children(c).find(|&k| t.rel(k).starts_with("obl") && t.case(k).is_some_and(|p| matches!(&*p, "through" | "into" | "on" | "at" | "against"))))
    })
}

/// The subject of the content clause of an accusation noun ("allegations *that Chinese
/// interests* hacked …"), when it names a party.
fn accused_in_content(cx: &Context, n: usize) -> Option<usize> {
    let t = &cx.tree;
    let c = t.children(n).find(|&c| t.rel(c).starts_with("acl") && t.opened_by_that(c))?;
    t.child(c, "nsubj").filter(|&s| cx.participant(s).actor.is_some())
}

/// "A Russian missile launcher was seen on the outskirts of Kharkiv": armed force seen,
/// spotted or filmed somewhere is a show of force (150), by whoever the force belongs to;
/// who saw it is the attribution (witnessed).
fn sighting(cx: &Context, v: usize) -> Option<Coded> {
    let t = &cx.tree;
    if !matches!(&*t.lemma(v), "see" | "spot" | "sight" | "observe" | "film" | "photograph") || !passive(cx, v) {
        return None;
    }
    let s = t.child(v, "nsubj:pass")?;
    let force = crate::force::Force::builtin();
    let armed = force.armed_word(cx, s) || t.children(s).any(|c| t.rel(c) == "compound" && force.armed_word(cx, c));
    if !armed || !matches!(t.upos(s), "NOUN" | "PROPN") {
        return None;
    }
    // A country's tanks or launchers are its military's.
    let mut source = cx.participant(s);
    if let Some(a) = source.actor.as_mut().filter(|a| a.len() == 3 && !sitrep_core::country_unknown(a)) {
        a.push_str("MIL");
    }
    Some(Coded { head: v, trigger_end: v, code: "150".into(), source: Some(source), target: None, sides_at: (Some(s), None), by_reporter: false })
}

/// A verb the lexicon knows for firing some weapons ("fire obj:missiles", "launch
/// obj:rockets") with another weapon as its object, aimed at something ("launched dozens
/// of drones at cities"): coded as that weapon's attack (the noun lexicon's code for it).
fn fired_weapon<'l>(cx: &Context, lex: &Lexicon, v: usize, patterns: &'l [Pattern]) -> Option<(Cow<'l, Pattern>, Option<usize>, usize)> {
    let t = &cx.tree;
    let fires = patterns.iter().any(|p| p.needs.iter().any(|n| matches!(n, Need::Object(w) if WEAPONS.contains(&w.trim_end_matches('s')))));
    if !fires {
        return None;
    }
    // Aimed at a party or a place: a rocket launched into space or in a test is no attack.
    // The aim may hang from the weapon ("fired a missile [at a commercial ship]").
    let o = t.child(v, "obj")?;
    let aimed_at = |k: usize| cx.participant(k).actor.is_some() || (cx.tree.subtree(k).0..=k).any(|j| cx.place(j).is_some()) || cx.tree.lemma(k).ends_with("ship");
    ["at", "against", "on", "into", "toward", "towards"].iter().flat_map(|prep| [oblique(cx, v, prep), oblique(cx, o, prep)]).flatten().find(|&k| aimed_at(k))?;
    let w = if weapon(cx, o) { o } else { oblique(cx, o, "of").filter(|&k| weapon(cx, k))? };
    let word = t.lower(w);
    let lemma = t.lemma(w);
    // The weapon's own row, or its plural's ("a missile" fired is what "missiles" are).
    let plural = format!("{lemma}s");
    // A weapon with no row of its own ("anti-aircraft batteries") fires as force does (190).
    let code = [lex.noun(&lemma), lex.noun(&word), lex.noun(&plural)].into_iter().flatten().find(|p| p.needs.is_empty()).map_or_else(|| "190".to_string(), |p| p.code.clone());
    if !matches!(code.get(..2), Some("18" | "19" | "20")) {
        return None;
    }
    Some((Cow::Owned(Pattern { needs: vec![Need::Object(lemma.into_owned())], code, voice: Voice::Active }), None, v))
}

/// The nominal event or weapon that is the subject of the verb `v` coded `code` ("Russian
/// artillery struck", "the shelling hit"), or for violence the deed it is done in, with or
/// by ("killed in a drone strike"): the verb is the event, and the noun's code is taken
/// when it says more within the same root (194 artillery, 1952 drones for 190).
fn means(cx: &Context, lex: &Lexicon, v: usize, code: &str) -> Option<String> {
    if !(code.len() == 3 && code.ends_with('0')) {
        return None;
    }
    let t = &cx.tree;
    let subject = t.children(v).find(|&c| t.rel(c) == "nsubj");
    // (a deed only for violence: "opposed a request in a civil lawsuit" is no lawsuit)
    let deed = deed_of(cx, v).filter(|_| matches!(code.get(..2), Some("18" | "19" | "20")));
    [subject, deed].into_iter().flatten().filter(|&s| t.upos(s) == "NOUN").find_map(|s| {
        // The lemma's patterns, then the word's ("missiles" has a row of its own).
        let fits = |p: &&Pattern| matches(cx, s, p).is_some();
        let p = match entries(cx, s, |w| lex.noun(w)).iter().find(fits) {
            Some(p) => p,
            None => lex.noun(&t.lower(s)).iter().find(fits)?,
        };
        (p.code.get(..2) == code.get(..2) && p.code != code).then(|| p.code.clone())
    })
}

/// The noun the verb `v` is done in, with or by: "killed a Hamas commander [in an
/// airstrike]", "destroyed the bridge [with a drone strike]", "were killed [by Russian
/// shelling]".
fn deed_of(cx: &Context, v: usize) -> Option<usize> {
    let t = &cx.tree;
    let done_in = |c: usize| (t.rel(c).starts_with("obl") || t.rel(c).starts_with("nmod")) && t.upos(c) == "NOUN" && matches!(t.case(c).as_deref(), Some("in" | "with" | "by"));
    // (the phrase may hang from the object: "killed [a commander in an airstrike]")
    t.children(v).find(|&c| done_in(c)).or_else(|| t.child(v, "obj").and_then(|o| t.children(o).find(|&c| done_in(c))))
}

/// Whether the noun `n` is part of a verb event rather than an event of its own: the
/// subject (or a conjunct of it) of a verb coded in the same root ("Russian artillery
/// struck", "the shelling hit"; unless it is `aimed` at a target of its own), the object
/// of one when it counts weapons ("fired a barrage of rockets"), or a weapon anywhere but
/// the subject of a verb, unless its pattern names a kind of attack ("a car bomb").
fn is_means(cx: &Context, lex: &Lexicon, n: usize, p: &Pattern, aimed: bool) -> bool {
    let code = p.code.as_str();
    let t = &cx.tree;
    // "killed a Hamas commander in an airstrike": the deed a violent verb is done in.
    // (Not when the verb describes a noun, "the four Americans killed in the attack": the
    // stage codes no such participle; nor when the verb's event names no side, nor when
    // the deed is aimed at a target of its own: then the attack is the event.)
    let verb = t.head(n).filter(|_| !aimed).map(|h| if t.rel(h) == "obj" { t.head(h).unwrap_or(h) } else { h });
    let named = |c: &Coded| [&c.source, &c.target].iter().any(|p| p.as_ref().is_some_and(|p| p.actor.is_some()));
    if verb.is_some_and(|v| t.upos(v) == "VERB" && !t.rel(v).starts_with("acl") && t.rel(v) != "amod" && deed_of(cx, v) == Some(n) && matches!(code.get(..2), Some("18" | "19" | "20")) && code_verb(cx, lex, v).is_some_and(|c| matches!(c.code.get(..2), Some("18" | "19" | "20")) && named(&c))) {
        return true;
    }
    let mut s = n;
    if t.rel(s) == "conj" {
        s = t.head(s).unwrap_or(s);
    }
    let armed = weapon(cx, n) || oblique(cx, n, "of").is_some_and(|k| weapon(cx, k));
    let verb = t.head(s).filter(|&h| ((t.rel(s) == "nsubj" && (armed || !aimed)) || (armed && t.rel(s) == "obj")) && t.upos(h) == "VERB");
    let same_root = verb.is_some_and(|h| code_verb(cx, lex, h).is_some_and(|c| c.code.get(..2) == code.get(..2)));
    same_root || (weapon(cx, n) && t.rel(s) != "nsubj" && p.needs.is_empty())
}

/// The first side named after "between" for the event noun `n`: on the noun ("talks
/// between Russia and Ukraine", "there were clashes between police and protesters") or,
/// when the noun is the subject, on its verb ("Clashes broke out between …", "Fighting
/// erupted between the army and the RSF").
pub(crate) fn between_sides(cx: &Context, n: usize) -> Option<usize> {
    let t = &cx.tree;
    let on_verb = || t.head(n).filter(|_| t.rel(n).starts_with("nsubj")).and_then(|v| oblique(cx, v, "between"));
    oblique(cx, n, "between").or_else(on_verb).filter(|&b| matches!(t.upos(b), "NOUN" | "PROPN" | "ADJ"))
}

/// The party named after "of" of a threat noun `n` ("the threat of ISIS"), when `code`
/// is a threat (root 13) and the name has an actor code.
fn threatener(cx: &Context, n: usize, code: &str) -> Option<Participant> {
    if !code.starts_with("13") {
        return None;
    }
    oblique(cx, n, "of").filter(|&c| cx.tree.upos(c) == "PROPN").map(|c| cx.participant(c)).filter(|p| p.actor.is_some())
}

/// The package or shipment the aid noun `n` fills ("a package of [military aid]"), else
/// the noun itself.
fn aid_phrase(cx: &Context, n: usize) -> usize {
    let t = &cx.tree;
    // … or the sum it is given in ("$2 billion in military aid").
    let Some(h) = t.head(n) else { return n };
    let nominal = t.rel(n).starts_with("nmod");
    match t.case(n).as_deref() {
        Some("of") if nominal && matches!(&*t.lemma(h), "package" | "shipment" | "tranche" | "delivery" | "round" | "batch" | "consignment") => h,
        Some("in") if nominal && sum(cx, h) => h,
        // (the sum's phrase hung from the verb: "approved [$2 billion] [in aid]")
        Some("in") if t.rel(n).starts_with("obl") => t.child(h, "obj").filter(|&o| sum(cx, o)).unwrap_or(n),
        _ => n,
    }
}

/// Whom the aid the noun `n` names is for: its "to" or "for" phrase, that of the package
/// it fills ("a package of military aid for Kyiv"), or that of the verb giving it
/// ("approved new military aid to Ukraine").
fn recipient(cx: &Context, n: usize) -> Option<usize> {
    let t = &cx.tree;
    let of_own = |k: usize| oblique(cx, k, "to").or_else(|| oblique(cx, k, "for"));
    let phrase = aid_phrase(cx, n);
    // Things given ("weapons", "arms") are aid only when a verb gives them: "from North
    // Korea's nuclear weapons to China's ambitions" is no delivery.
    let aid = matches!(&*t.lemma(n), "aid" | "assistance" | "help" | "relief" | "funding" | "loan" | "loans" | "grant" | "grants");
    let given = giver(cx, n).is_some();
    if !aid && !given {
        return None;
    }
    of_own(n).or_else(|| of_own(phrase)).or_else(|| t.head(phrase).filter(|_| t.rel(phrase) == "obj").and_then(of_own))
}

/// Whether the noun `n` names a deed done to a person ("assassination", "arrest",
/// "kidnapping") whose possessor or name before it is that person: true when no "of"
/// phrase names the one it was done to ("Russia's arrest of the journalist").
///
/// "Kennedy's assassination", "her arrest", "the Kennedy assassination".
fn patient_named_before(cx: &Context, n: usize) -> bool {
    const DONE_TO: &[&str] = &[
        "assassination", "murder", "killing", "kidnapping", "abduction", "arrest", "detention", "execution", "capture", "imprisonment", "deportation", "expulsion", "extradition", "ouster", "overthrow", "impeachment", "torture", "beating", "lynching", "beheading", "poisoning",
    ];
    // (An "of" the parser gave the possessor is not one: "the time of [John F. Kennedy's]
    // assassination".)
    DONE_TO.contains(&&*cx.tree.lemma(n)) && oblique(cx, n, "of").is_none_or(|c| cx.tree.rel(c) == "nmod:poss")
}

/// Who gives the aid the noun `n` names, when it has no possessor: the subject of the
/// verb that gives, sends, approves or announces it ("Washington announced a package of
/// military aid", "the EU approved new aid").
fn giver(cx: &Context, n: usize) -> Option<usize> {
    let t = &cx.tree;
    let phrase = aid_phrase(cx, n);
    let v = t.head(phrase).filter(|&v| t.rel(phrase) == "obj" && t.upos(v) == "VERB")?;
    matches!(
        &*t.lemma(v),
        "announce" | "approve" | "send" | "deliver" | "provide" | "give" | "offer" | "ship" | "grant" | "unveil" | "authorize" | "authorise" | "supply" | "extend" | "release" | "allocate" | "disburse" | "increase" | "expand" | "boost" | "double" | "resume"
    )
    .then(|| subject(cx, v))
    .flatten()
}

/// Who is party to the agreement the noun `n` names, when it has no possessor: the
/// subject of the verb that approves, signs, reaches or ratifies it ("Israel's security
/// cabinet approved a ceasefire deal with Hezbollah").
fn party_to_agreement(cx: &Context, n: usize) -> Option<usize> {
    let t = &cx.tree;
    let v = t.head(n).filter(|&v| t.rel(n) == "obj" && t.upos(v) == "VERB")?;
    matches!(&*t.lemma(v), "approve" | "sign" | "reach" | "strike" | "conclude" | "seal" | "finalize" | "finalise" | "ratify" | "accept" | "endorse" | "clinch" | "broker")
        .then(|| subject(cx, v))
        .flatten()
}

/// Who makes the visit, the trip or the talks the noun `n` names, when the noun has no
/// possessor: the subject of the verb that makes, ends or plans it ("Sanders made a
/// trip to Puerto Rico", "Obama was ending a three-day trip to Vietnam") or of the clause
/// it is the setting of ("said on a trip to Kosovo", "had been in secret talks with Iran").
fn traveller(cx: &Context, n: usize) -> Option<usize> {
    let t = &cx.tree;
    // "during his recent trips": the possessor is the traveller, named or not.
    if t.child(n, "nmod:poss").is_some() {
        return None;
    }
    let v = t.head(n).filter(|&h| t.upos(h) == "VERB" || t.child(h, "cop").is_some())?;
    let made = t.rel(n) == "obj"
        && matches!(
            &*t.lemma(v),
            "make" | "take" | "end" | "begin" | "start" | "conclude" | "wrap" | "cut" | "cancel" | "postpone" | "plan" | "schedule" | "hold" | "have" | "pay" | "undertake" | "lead" | "open" | "resume"
        );
    let setting = (t.rel(n).starts_with("obl") || t.child(n, "cop").is_some()) && t.case(n).is_some_and(|c| matches!(&*c, "on" | "during" | "in" | "from" | "after" | "before" | "ahead"));
    if !(made || setting) {
        return None;
    }
    // A noun with a copula heads its own clause ("had been in talks"): its subject.
    if t.child(n, "cop").is_some() {
        return t.child(n, "nsubj");
    }
    subject(cx, v)
}

/// The verb that does no more than carry out what the noun `n` names, `n` being its
/// object: its subject is who does it, and what it is aimed at may hang from the verb
/// ("Russian forces *unleashed* a barrage of rockets [on Kharkiv]", "protesters *staged*
/// a sit-in").
pub(crate) fn carried_out(cx: &Context, n: usize) -> Option<usize> {
    let t = &cx.tree;
    // (or, in the passive, its subject: "the attack was carried out by a militia")
    let v = t.head(n).filter(|&v| matches!(t.rel(n), "obj" | "nsubj:pass") && t.upos(v) == "VERB")?;
    let carried_out = match &*t.lemma(v) {
        "carry" => t.children(v).any(|c| t.rel(c) == "compound:prt" && t.lower(c) == "out"),
        "step" => t.children(v).any(|c| t.rel(c) == "compound:prt" && t.lower(c) == "up"),
        lemma => matches!(lemma, "unleash" | "launch" | "conduct" | "mount" | "stage" | "wage" | "intensify" | "resume" | "escalate" | "perpetrate" | "commit" | "undertake" | "execute" | "hold"),
    };
    carried_out.then_some(v)
}

/// Code a noun token ("shelling", "sanctions on Moscow", "Russian shelling").
pub fn code_noun(cx: &Context, lex: &Lexicon, n: usize) -> Option<Coded> {
    // "most striking", "so threatening": a word graded by an adverb of degree is an
    // adjective the tagger read as a noun.
    let t = &cx.tree;
    let degree = |c: usize| t.upos(c) == "ADV" && matches!(&*t.lower(c), "most" | "more" | "very" | "so" | "too" | "less" | "least" | "quite" | "rather");
    if n > 0 && degree(n - 1) || t.children(n).any(|c| t.rel(c) == "advmod" && degree(c)) {
        return None;
    }
    let patterns = entries(cx, n, |w| lex.noun(w));
    if patterns.is_empty() {
        return None;
    }
    // "warned that he was a threat", "a British exit is a threat": a noun said of its
    // subject with no preposition characterises it; "Kyiv could be under siege", "at
    // war", "in talks" tell of an event.
    if t.child(n, "cop").is_some() && t.child(n, "case").is_none() && t.child(n, "nsubj").is_some() {
        return None;
    }
    let (p, target, _) = patterns.iter().find_map(|p| matches(cx, n, p).map(|(tg, e)| (p, tg, e)))?;
    // A row with no code names a word that only looks like an event noun ("aides").
    if p.code == NO_EVENT {
        return None;
    }
    // "a missile strike on Odesa killed …" says whom it hit: an event of its own.
    // "clashes between Indian and Chinese troops", "Clashes broke out between …": the
    // sides named after "between" are the parties, each acting on the other.
    let between = between_sides(cx, n);
    let aimed = target.or_else(|| ["against", "on"].iter().find_map(|prep| oblique(cx, n, prep))).or(between).is_some();
    if is_means(cx, lex, n, p, aimed) {
        return None;
    }
    // The verb that carries the noun out, if any ("unleashed a barrage"): its subject and
    // what it is aimed at are the noun's.
    let carrier = carried_out(cx, n);
    // Source: a possessor or modifier that is an actor ("Russian shelling", "Russia's
    // invasion"), or an agent ("by Russian forces").
    let t_ = &cx.tree;
    // "the Armenian genocide": a people named before a genocide is its victim; its
    // perpetrator is a possessor or an agent ("Russia's genocide", "by the regime").
    let victims = matches!(&*t_.lemma(n), "genocide" | "holocaust");
    // "Kennedy's assassination", "his arrest", "the Kennedy assassination": the one named
    // before a deed done to a person is whom it was done to — unless "of" names that one
    // ("Russia's killing of civilians").
    let suffered = patient_named_before(cx, n);
    // (A name before the noun only after an article: "the Kennedy assassination", not
    // "ISIS murders gays" read as a noun.)
    let sufferer = |c: usize| t_.rel(c) == "nmod:poss" || (t_.rel(c) == "compound" && t_.upos(c) == "PROPN" && t_.child(n, "det").is_some());
    let victim = || {
        let before = |c: usize| if suffered { sufferer(c) } else { matches!(t_.rel(c), "amod" | "compound") };
        (victims || suffered).then(|| t_.children(n).find(|&c| before(c) && cx.participant(c).actor.is_some())).flatten()
    };
    // "China was behind the hack": whoever is behind an event did it.
    let behind = t_.child(n, "cop").and_then(|_| t_.child(n, "nsubj")).filter(|_| t_.children(n).any(|c| t_.rel(c) == "case" && t_.lower(c) == "behind"));
    // "Kyiv blamed the attack on Russia": whom a deed is blamed on did it, as the one
    // blaming says; it is not whom the deed was aimed at.
    // However the parser hung "on" ("blamed the explosion [at the dam] [on Russian
    // forces]": the last "on" phrase of the object's). And "Moscow blamed Kyiv for the
    // drone attack", "accused Azerbaijan of the attack": the one blamed did it.
    let blamed_on = t_.head(n).and_then(|h| match (&*t_.lemma(h), t_.rel(n), t_.case(n).as_deref()) {
        ("blame" | "pin", "obj", _) => oblique(cx, n, "on").or_else(|| oblique(cx, h, "on")).or_else(|| blamed_party(cx, h)),
        ("blame", r, Some("for")) | ("accuse", r, Some("of")) if r.starts_with("obl") => t_.child(h, "obj"),
        _ => None,
    });
    // "with the support of groups like …", "support for Trump": a party after "of" gives
    // the support, one after "for" gets it.
    // ("in support of Rubio" is support for him.)
    let support = matches!(&*t_.lemma(n), "support" | "backing" | "endorsement" | "blessing" | "approval") && t_.case(n).as_deref() != Some("in");
    // A place named before the event says where, not who ("the Benghazi attack").
    let source = t_
        .children(n)
        // (A pronoun is a possessor or nothing: "a proxy war that, since Afghanistan …"
        // read with "that" as a modifier names no side.)
        .filter(|&c| matches!(t_.rel(c), "nmod:poss" | "amod" | "compound") && !(t_.rel(c) == "compound" && cx.place(c).is_some()) && !(t_.rel(c) != "nmod:poss" && t_.upos(c) == "PRON"))
        .filter(|&c| !(victims && t_.rel(c) != "nmod:poss") && !(suffered && sufferer(c)))
        // "an Iraq-style invasion": a likeness, not a party.
        .filter(|&c| !matches!(&*t_.lower(c), "style" | "like" | "type" | "era" | "sized" | "size"))
        .map(|c| cx.participant(c))
        .find(|p| p.actor.is_some())
        .or_else(|| oblique(cx, n, "by").map(|c| cx.participant(c)))
        // ("his support of the loophole": with a possessor, "of" says what is supported.)
        .or_else(|| (support && t_.child(n, "nmod:poss").is_none()).then(|| oblique(cx, n, "of")).flatten().map(|c| cx.participant(c)))
        // "Trump's personal attacks on Curiel": a named possessor does the deed, coded
        // or not.
        .or_else(|| t_.child(n, "nmod:poss").filter(|&c| !victims && !suffered && t_.upos(c) == "PROPN").map(|c| cx.participant(c)))
        .or_else(|| behind.map(|c| cx.participant(c)))
        .or_else(|| blamed_on.map(|c| cx.participant(c)))
        .or_else(|| p.code.starts_with("04").then(|| traveller(cx, n)).flatten().map(|c| cx.participant(c)))
        .or_else(|| p.code.starts_with("07").then(|| giver(cx, n)).flatten().map(|c| cx.participant(c)))
        .or_else(|| p.code.starts_with("05").then(|| party_to_agreement(cx, n)).flatten().map(|c| cx.participant(c)))
        .or_else(|| carrier.and_then(|v| subject(cx, v).or_else(|| oblique(cx, v, "by").filter(|_| t_.rel(n) == "nsubj:pass"))).map(|c| cx.participant(c)))
        // "the threat of ISIS": a party after "of" makes the threat ("the threat of
        // force" names its means).
        .or_else(|| threatener(cx, n, &p.code))
        // "his call for a ban": a pronoun possessor, when nothing names the doer better
        // ("she escalated her attacks" has her in the subject).
        .or_else(|| t_.child(n, "nmod:poss").filter(|&c| !victims && !suffered && t_.upos(c) == "PRON").map(|c| cx.participant(c)));
    // Between whom, when nothing else names a side: each side acts on the others
    // (`stage::coordinated` pairs them), so no other phrase is the target.
    let between = between.filter(|_| source.is_none());
    if let Some(b) = between {
        // Clashes between police and protesters are a riot (145), as the verb's are.
        let protest = |k: usize| matches!(&*t_.lemma(k), "protester" | "protestor" | "demonstrator" | "rioter");
        let riot = p.code.starts_with("19") && (protest(b) || t_.children(b).any(|c| t_.rel(c) == "conj" && protest(c)));
        let code = if riot { "145".to_string() } else { p.code.clone() };
        return Some(Coded { head: n, trigger_end: n, code, source: Some(cx.participant(b)), target: None, sides_at: (Some(b), None), by_reporter: false });
    }
    // "Kyiv could be under siege": the subject of a copular nominal event is its target
    // (but "the United States had been in talks with Iran" is the talks' source).
    // (Not one who is for or against it: "I was against the war in Iraq".)
    let stance = t_.case(n).is_some_and(|c| matches!(&*c, "against" | "for" | "about" | "over" | "after" | "before" | "since" | "during" | "without" | "despite"));
    let copular_subject = t_.child(n, "cop").and_then(|_| t_.child(n, "nsubj")).filter(|&s| !stance && behind.is_none() && source.as_ref().is_none_or(|p| !p.span.contains(cx.doc.text_layer.tokens[s].span)));
    let relative_target = relative_target(cx, lex, n);
    let of_is_source = source.is_some() && oblique(cx, n, "of").is_some_and(|c| source.as_ref().is_some_and(|s| s.span.contains(cx.doc.text_layer.tokens[c].span)));
    let target = target
        .or_else(victim)
        .or_else(|| ["against", "on"].iter().find_map(|prep| oblique(cx, n, prep)))
        .or_else(|| support.then(|| oblique(cx, n, "for")).flatten())
        .or_else(|| oblique(cx, n, "of").filter(|&c| !of_is_source && !weapon(cx, c)))
        // "talks with Iran", "a meeting with the king": whom one consults; "approved a
        // ceasefire deal with Hezbollah": whom one agrees with (but "the nuclear deal with
        // Iran" named as a topic is no agreement made in the report).
        .or_else(|| (p.code.starts_with("04") || (p.code.starts_with("05") && party_to_agreement(cx, n).is_some())).then(|| oblique(cx, n, "with")).flatten())
        // "aid to Ukraine", "a package of military aid for Kyiv": whom aid is for.
        .or_else(|| p.code.starts_with("07").then(|| recipient(cx, n)).flatten())
        .or_else(|| carrier.and_then(|v| ["against", "on", "upon", "at"].iter().find_map(|prep| oblique(cx, v, prep))))
        // "a barrage of rockets on Kharkiv": what the weapons are aimed at.
        .or_else(|| oblique(cx, n, "of").filter(|&w| weapon(cx, w)).and_then(|w| ["on", "at", "against", "upon", "into"].iter().find_map(|prep| oblique(cx, w, prep))))
        .or(copular_subject)
        .or(relative_target)
        // "allegations that Chinese hackers broke in": the one accused is the subject of
        // what is alleged.
        .or_else(|| p.code.starts_with("11").then(|| accused_in_content(cx, n)).flatten())
        .filter(|&c| !weapon(cx, c) && Some(c) != blamed_on)
        .map(|c| cx.participant(c));
    Some(Coded { head: n, trigger_end: n, code: p.code.clone(), source, target, sides_at: (None, None), by_reporter: false })
}

/// Whether a noun names people who act of themselves ("demonstrators", "troops",
/// "residents"): a participle on it tells what they do.
fn crowd_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "protester" | "protestor" | "demonstrator" | "marcher" | "activist" | "people" | "crowd" | "resident" | "student" | "worker" | "supporter" | "villager" | "civilian" | "refugee" | "migrant" | "farmer" | "soldier" | "troop" | "troops" | "fighter" | "militant" | "rebel" | "gunman" | "insurgent" | "policeman" | "officer" | "guard" | "settler" | "mob" | "rioter" | "striker"
    )
}
