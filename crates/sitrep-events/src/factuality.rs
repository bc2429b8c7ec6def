//! Whether an event is said to have happened: negation, modality, plans and expectations,
//! conditions and questions, read from the predicate and the clauses above it.

use sitrep_core::{Factuality, Span};

use crate::context::Context;
use crate::lexicon::Lexicon;

/// The factuality of the event whose predicate is token `v`.
pub fn factuality(cx: &Context, lex: &Lexicon, v: usize) -> Factuality {
    let t = &cx.tree;
    let sentence = &cx.doc.text_layer.sentences[cx.sentence(v)];
    // Questions are not facts.
    let last = sentence.end_token as usize - 1;
    if t.word(last) == "?" || (last > 0 && t.word(last - 1) == "?") {
        return Factuality::Hypothetical;
    }
    // "warned NATO against sending troops": what one is warned against has not happened.
    if t.head(v).is_some_and(|h| matches!(&*t.lemma(h), "warn" | "caution" | "advise")) && t.children(v).any(|c| t.rel(c) == "mark" && t.lower(c) == "against") {
        return Factuality::Hypothetical;
    }
    // "declined to say whether it is appropriate … to criticize": an open question is
    // no fact, under whatever verb.
    let mut x = v;
    for _ in 0..6 {
        if t.children(x).any(|c| t.rel(c) == "mark" && t.lower(c) == "whether") {
            return Factuality::Hypothetical;
        }
        let r = t.rel(x);
        match t.head(x) {
            Some(h) if r == "xcomp" || r.starts_with("ccomp") || r.starts_with("advcl") || r.starts_with("acl") || r == "csubj" => x = h,
            _ => break,
        }
    }
    // "When asked whom she supported", "asked if he would support Trump": what a
    // question asks about is not said to have happened.
    let mut x = v;
    for _ in 0..6 {
        let Some(h) = t.head(x) else { break };
        if matches!(&*t.lemma(h), "ask" | "wonder" | "inquire" | "enquire") && crate::coder::question(cx, x) {
            return Factuality::Hypothetical;
        }
        x = h;
    }
    // "Had Russia attacked Poland, …", "Should Iran strike Israel, …", "Were China to
    // invade Taiwan, …": a clause opened by its auxiliary sets a condition.
    if inverted_condition(cx, v) {
        return Factuality::Conditional;
    }
    // A headline's "Rebels to attack Aleppo": what a party is to do is still to come.
    if t.rel(v) == "root" && t.child(v, "mark").is_some_and(|m| t.lower(m) == "to" && m + 1 == v) && t.child(v, "nsubj").is_some_and(|s| s < v) && !t.children(v).any(|c| t.rel(c).starts_with("aux") || t.rel(c) == "cop") {
        return Factuality::Expected;
    }
    // "requested that Lazar be released", "demanded that the troops withdraw": what is
    // asked for has not happened.
    if t.rel(v).starts_with("ccomp") && t.head(v).is_some_and(|h| matches!(&*t.lemma(h), "request" | "demand" | "ask" | "urge" | "recommend" | "propose" | "petition")) {
        return Factuality::Hypothetical;
    }
    // "Trump called to ban Muslims", "called for banning them", "called for a ban": what
    // is called for has not happened.
    // (So is what one clamours, presses or pleads for: "clamored for permanent deployment
    // of Allied troops".)
    let called_for = |h: usize| {
        let r = t.rel(v);
        let asks_for = matches!(&*t.lemma(h), "call" | "clamor" | "clamour" | "press" | "push" | "lobby" | "plead" | "beg" | "petition" | "appeal");
        let call = t.lemma(h) == "call";
        (call && r == "xcomp" && t.child(v, "mark").is_some_and(|m| t.lower(m) == "to"))
            || (asks_for && r == "advcl" && t.child(v, "mark").is_some_and(|m| t.lower(m) == "for"))
            || (asks_for && r == "obl" && t.case(v).as_deref() == Some("for"))
    };
    if t.head(v).is_some_and(called_for) {
        return Factuality::Hypothetical;
    }
    // The predicate's own negation comes before the cues it negates ("not ready to
    // support Trump" is no readiness).
    let not_only = |c: usize| c + 1 < t.len() && t.lower(c + 1) == "only";
    // Whether word `k` has a "not" or "never" of its own (not "not only").
    let negated = |k: usize| t.children(k).any(|c| t.rel(c) == "advmod" && matches!(&*t.lower(c), "not" | "n't" | "n’t" | "never") && !not_only(c));
    if negated(v) {
        return Factuality::Negated;
    }
    // "No Russian troops crossed", "Neither Clinton nor her allies have been charged",
    // "nobody was arrested": a subject that names no one.
    let nobody = |s: usize| {
        matches!(&*t.lower(s), "nobody" | "none" | "nothing" | "noone")
            // (A capital "Neither" after an opening quote may be read as an adjective.)
            || t.children(s).any(|c| matches!(t.rel(c), "det" | "cc:preconj" | "cc" | "advmod" | "amod") && c < s && matches!(&*t.lower(c), "no" | "neither"))
    };
    if t.upos(v) != "NOUN" && t.children(v).any(|s| t.rel(s).starts_with("nsubj") && nobody(s)) {
        return Factuality::Negated;
    }
    // (Or the subject of the verb whose open complement it is: "Neither Johnson nor Weld
    // is inclined to attack Clinton".)
    // (The parser may read the complement as a clause of purpose: "to" all the same.)
    let to = || t.rel(v) == "advcl" && t.child(v, "mark").is_some_and(|m| t.lower(m) == "to");
    let controller = (t.upos(v) != "NOUN" && (t.rel(v) == "xcomp" || to()) && t.child(v, "nsubj").is_none()).then(|| t.head(v)).flatten();
    if controller.is_some_and(|h| t.children(h).any(|s| t.rel(s).starts_with("nsubj") && nobody(s))) {
        return Factuality::Negated;
    }
    // "Bush's real objectives are the demise of Saddam Hussein and the destruction of the
    // Iraqi military": a deed named as someone's aim is planned, not done.
    // (Through the nouns it is joined to, however the parser joined them: "the demise of
    // Saddam Hussein and the destruction …" read with "destruction" joined to "Saddam".)
    let aim = |s: usize| matches!(&*t.lemma(s), "goal" | "aim" | "objective" | "purpose" | "intention" | "intent" | "ambition" | "plan" | "mission" | "target");
    let aimed_at = |p: usize| t.upos(p) == "NOUN" && t.child(p, "cop").is_some() && t.children(p).any(|s| t.rel(s) == "nsubj" && aim(s));
    if t.upos(v) == "NOUN" {
        let (mut p, mut joined) = (v, false);
        for _ in 0..4 {
            if aimed_at(p) {
                return Factuality::Planned;
            }
            let r = t.rel(p);
            joined |= r == "conj";
            match t.head(p) {
                Some(h) if r == "conj" || (joined && r.starts_with("nmod")) => p = h,
                _ => break,
            }
        }
    }
    // "to prevent the next terrorist attack", "any future strike": a deed named as one
    // still to come, or as any of its kind, is not said to have happened.
    let unreal = |c: usize| matches!(t.rel(c), "amod" | "det") && matches!(&*t.lower(c), "next" | "future" | "potential" | "possible" | "any" | "eventual" | "hypothetical");
    // ("The next attack came on Tuesday" tells of one that came.)
    let told_as_past = t.head(v).is_some_and(|h| t.xpos(h) == "VBD");
    if t.upos(v) == "NOUN" && !told_as_past && t.children(v).any(unreal) {
        return Factuality::Hypothetical;
    }
    // Multi-word cues in the predicate's clause or the clauses governing it ("is off the
    // table", "were set to move a resolution condemning …", "closing in on freezing"),
    // stopping at a reporting verb (its own cues are not the event's): an event noun's
    // clause is its verb's, unless that verb reports ("after the murder of …, Trump
    // asserted that France is no longer France" does not deny the murder).
    // "will not cause America to back down or retreat", "will be unable to turn the crowds
    // and accuse the audience": a verb joined to another of the same form, with no subject
    // or auxiliary of its own, is governed as that one is — by what governs it, not by that
    // verb's own words ("did not resign and left", "failed to win and left").
    let joined_to = |x: usize| {
        t.head(x).filter(|&h| t.rel(x) == "conj" && t.upos(x) == "VERB" && t.xpos(x) == t.xpos(h) && !t.children(x).any(|c| t.rel(c).starts_with("nsubj") || t.rel(c).starts_with("aux")))
    };
    let tokens = &cx.doc.text_layer.tokens;
    let mut clause = if t.upos(v) == "NOUN" { t.head(v).filter(|&h| lex.reporting(&t.lemma(h)).is_none()).unwrap_or(v) } else { v };
    // Set once the climb leaves a participle adjunct ("didn't limit her attacks …, also
    // calling on …"): a negation above is not the adjunct's.
    let mut above_adjunct = false;
    let mut joined = false;
    for _ in 0..4 {
        let own = !std::mem::take(&mut joined);
        let cue = own.then(|| cx.clause_cue(clause, || {
            let (lo, hi) = own_words(t, clause);
            lex.factuality_phrase_in(&lower_clause(Span::new(tokens[lo].span.start, tokens[hi].span.end).of(cx.doc.text())))
        })).flatten();
        if let Some(f) = cue.filter(|&f| !(above_adjunct && f == Factuality::Negated)) {
            return f;
        }
        // (A verb joined to another: see `joined_to`.)
        if let Some(h) = joined_to(clause).filter(|&h| cx.sentence(h) == cx.sentence(v)) {
            clause = h;
            joined = true;
            continue;
        }
        // Only up through complements ("set to move", "a resolution condemning"), not from
        // a clause of its own ("…, so countries were heaping …") to the sentence's main one.
        let r = t.rel(clause);
        let own_clause = t.child(clause, "mark").is_some_and(|m| {
            matches!(&*t.lower(m), "so" | "because" | "while" | "although" | "though" | "as" | "when" | "if" | "after" | "before" | "since" | "but" | "whereas")
        });
        // (A relative clause tells of what its noun is or does, not under the clause
        // around it: "…, has caused concern in countries which are fighting militants".)
        // (One opened by "that" as a conjunction is a noun's content, however it was read:
        // "no evidence that Iran supplied the missiles".)
        let relative = r == "acl:relcl" && t.child(clause, "mark").is_none();
        let complement = r == "xcomp" || (r.starts_with("acl") && !relative) || r.starts_with("obj") || r.starts_with("obl") || r.starts_with("nmod") || (r.starts_with("advcl") && !own_clause);
        above_adjunct |= r == "advcl" && t.xpos(clause) == "VBG" && t.head(clause).is_some_and(|h| h < clause) && t.child(clause, "mark").is_none();
        match t.head(clause) {
            Some(h) if complement && lex.reporting(&t.lemma(h)).is_none() && cx.sentence(h) == cx.sentence(v) => clause = h,
            _ => break,
        }
    }
    // "…they were willing to come to a table in Belarus, provided the Kyiv end its
    // resistance": a condition set off by the next comma, however the parser attached it.
    let comma = (v + 1..sentence.end_token as usize).find(|&k| matches!(t.word(k), "," | ";" | "." | "—"));
    if let Some(k) = comma.filter(|&k| t.word(k) == "," && k + 1 < sentence.end_token as usize) {
        if matches!(&*t.lower(k + 1), "provided" | "providing" | "unless") {
            return Factuality::Conditional;
        }
    }
    // "When missiles kill our people, they kill all Europeans": a present tense under a
    // present "when" (either clause) says what happens whenever it does, no one event.
    // (A copular main clause is present by its copula: "When I visit other countries,
    // it's not my job to comment".)
    let present = |k: usize| matches!(t.xpos(k), "VBP" | "VBZ") || t.children(k).any(|c| t.rel(c) == "cop" && matches!(t.xpos(c), "VBP" | "VBZ"));
    let when = |c: usize| t.children(c).any(|k| k < c && matches!(t.rel(k), "mark" | "advmod") && matches!(&*t.lower(k), "when" | "whenever"));
    let generic = |main: usize, clause: usize| t.rel(clause).starts_with("advcl") && when(clause) && present(clause) && present(main);
    if t.head(v).is_some_and(|h| generic(h, v)) || t.children(v).any(|c| generic(v, c)) {
        return Factuality::Conditional;
    }
    let mut x = v;
    // Set once the climb leaves a participle adjunct: the negations above are not its.
    let mut negation_of_own = false;
    // Set when the climb has just gone from a verb to the one it is joined to: that one's
    // own words are not the joined verb's.
    let mut joined = false;
    // A governing verb's own negation outranks its modal: "will not cause America to back
    // down" does not expect the backing down.
    let denies = |c: usize| matches!(t.rel(c), "advmod" | "det" | "aux") && matches!(&*t.lower(c), "not" | "n't" | "n’t" | "never" | "no") && !not_only(c);
    for depth in 0..5 {
        let own = !std::mem::take(&mut joined);
        if depth > 0 && own && !negation_of_own && t.children(x).any(denies) {
            return Factuality::Negated;
        }
        for c in t.children(x).filter(|_| own) {
            let r = t.rel(c);
            let w = t.lower(c);
            // "Not only did the State Department turn down requests, …" asserts the deed
            // and adds to it.
            if w == "not" && c + 1 < t.len() && t.lower(c + 1) == "only" {
                continue;
            }
            // "soon after the murder": how long after, not a deed to come.
            if w == "soon" && c + 1 < t.len() && matches!(&*t.lower(c + 1), "after" | "before" | "afterwards" | "thereafter") {
                continue;
            }
            // (News types "n’t" with a curly apostrophe as often as not.)
            if (r == "advmod" || r == "det" || r == "aux") && matches!(&*w, "not" | "n't" | "n’t" | "never" | "no") && !(negation_of_own && depth > 0) {
                return Factuality::Negated;
            }
            // "any attack", "any invasion": no particular one happened.
            if depth == 0 && r == "det" && w == "any" {
                return Factuality::Hypothetical;
            }
            // "Trump once defended Bill Clinton": "once" as an adverb is "formerly"; it
            // sets a condition only as a conjunction ("once talks begin").
            if r == "aux" || (r == "advmod" && w != "once") {
                if let Some(f) = lex.factuality(&w).filter(|&f| !(negation_of_own && depth > 0 && f == Factuality::Negated)) {
                    return f;
                }
            }
            // "…, provided Kyiv lay down arms": a condition attached to the clause.
            if r.starts_with("advcl") {
                let cue = t.child(c, "mark").map(|m| t.lower(m)).unwrap_or_else(|| w.clone());
                if lex.factuality(&cue) == Some(Factuality::Conditional) || t.children(c).any(|k| lex.factuality(&t.lower(k)) == Some(Factuality::Conditional) && k < c) {
                    return Factuality::Conditional;
                }
            }
        }
        // A governing verb or adjective: "set to move", "closing in on freezing",
        // "ready to send", "planned to invade", "expected Russia to exercise".
        let Some(h) = t.head(x) else { break };
        let r = t.rel(x);
        // "she would do an about-face and support the deal": a verb joined to another with
        // no subject or auxiliary of its own shares that one's modal (not its negation:
        // "did not resign and left" says two things); a base form, as a modal's verb is
        // ("predicted that Russia would pull out …, and blamed the tumble" read as one
        // clause is two).
        if r == "conj" && t.xpos(x) == "VB" && !t.children(x).any(|c| t.rel(c).starts_with("nsubj") || t.rel(c).starts_with("aux")) {
            let modal = t.children(h).filter(|&c| t.rel(c) == "aux" && c < x).find_map(|c| lex.factuality(&t.lower(c)).filter(|&f| f != Factuality::Negated));
            if let Some(f) = modal {
                return f;
            }
        }
        // "the right … to refuse services": what a noun of possibility or intent is to do,
        // however the parser hung the clause from it.
        let content = || t.children(x).any(|c| t.rel(c) == "mark" && matches!(&*t.lower(c), "to" | "that"));
        // "threats of airstrikes against Syria", "the risk of a wider war": what is
        // threatened, feared or risked has not happened.
        if t.upos(h) == "NOUN" && r == "nmod" && t.case(x).as_deref() == Some("of") && matches!(&*t.lemma(h), "threat" | "fear" | "risk" | "prospect" | "possibility" | "danger" | "spectre" | "specter" | "likelihood") {
            return Factuality::Hypothetical;
        }
        if t.upos(h) == "NOUN" && content() {
            if let Some(f) = lex.noun_factuality(&t.lemma(h)) {
                return f;
            }
        }
        // "This is not a combat mission": a noun modifying a noun shares its negation.
        // An event noun is governed by the verb that calls it off or plans it ("cancelled
        // a summit", "planned an attack") — that verb alone: what a verb does with an
        // event that exists ("failed to mention the attack", "will tone down his attacks")
        // leaves it as told.
        // A verb that only carries the deed out ("could impose sanctions", "did not hold
        // talks") or counts it among others ("could include sanctions") is told as the
        // deed is: the climb goes on through it.
        if depth == 0 && r == "obj" && t.upos(x) == "NOUN" {
            match lex.factuality(&t.lemma(h)) {
                Some(f @ (Factuality::Negated | Factuality::Planned)) => return f,
                _ if crate::coder::carried_out(cx, x).is_some() || matches!(&*t.lemma(h), "impose" | "slap" | "levy" | "include" | "involve" | "entail" | "mean") => {
                    x = h;
                    continue;
                }
                _ => break,
            }
        }
        // (A verb joined to another: see `joined_to`.)
        if joined_to(x).is_some() {
            x = h;
            joined = true;
            continue;
        }
        if !(r == "xcomp" || r.starts_with("advcl") || r.starts_with("ccomp") || r == "obl" || r == "acl" || r == "compound") {
            break;
        }
        // What is said or shown is told as the saying tells it, whatever governs the
        // saying: "seeking to show that Sanders had opposed a bill", "Moscow wants to
        // claim that Kyiv attacked" (the opposition and the attack are not plans).
        // (Not what is denied, nor what one does not believe: "I don't believe I've ever
        // met him".)
        let says = lex.reporting(&t.lemma(h)).is_some_and(|s| s != sitrep_core::Stance::Denied) || matches!(&*t.lemma(h), "show" | "prove" | "demonstrate");
        if r.starts_with("ccomp") && says && !negated(h) && !matches!(t.upos(x), "NOUN") {
            break;
        }
        // "Russia denied that it had attacked the convoy": what is denied is negated in
        // the denier's voice (the attribution's stance says who denies), as "denied
        // attacking the convoy" is.
        // ("did not deny that it had attacked" leaves it told as done.)
        if r.starts_with("ccomp") && lex.reporting(&t.lemma(h)) == Some(sitrep_core::Stance::Denied) {
            return if negated(h) { Factuality::Asserted } else { Factuality::Negated };
        }
        // A clause of its own in the past ("failed to adopt a resolution after the United
        // States vetoed it") is told as it stands, not under the verb it sets the time of
        // ("will not attack until NATO withdraws" is another matter).
        // (A participle with a subject and no auxiliary is a past tense the tagger missed.)
        let auxiliary = t.children(x).any(|c| t.rel(c).starts_with("aux"));
        // (A perfect is told as done too: "While Clinton has voiced concern …, she has not
        // called for him to resign".)
        let perfect = t.xpos(x) == "VBN" && t.children(x).any(|c| t.rel(c) == "aux" && t.lemma(c) == "have");
        let past = t.xpos(x) == "VBD" || perfect || (t.xpos(x) == "VBN" && !auxiliary && t.child(x, "nsubj").is_some()) || t.children(x).any(|c| t.rel(c).starts_with("aux") && matches!(t.xpos(c), "VBD"));
        if past && r.starts_with("advcl") && t.child(x, "mark").is_some_and(|m| matches!(&*t.lower(m), "after" | "before" | "because" | "since" | "while" | "although" | "though" | "as" | "when" | "whereas")) {
            break;
        }
        // A reason or a concession is told as it stands in any tense: "have never trusted
        // him because he opposes a wage increase" (he does oppose it).
        if r.starts_with("advcl") && t.child(x, "mark").is_some_and(|m| matches!(&*t.lower(m), "because" | "although" | "though" | "whereas")) {
            break;
        }
        // An adverb governs nothing ("right after meeting"); nor does a verb govern the
        // participle that tells what came of it ("it had thwarted an offensive, killing
        // hundreds": the killing is not thwarted).
        // ("denied ever threatening Machado" read with the gerund as an adjunct: what is
        // denied is the denial's complement.)
        // (Not when the denial has its own object: "denied the accusations, dismissing
        // O'Donnell as …" did dismiss him.)
        let denial = || lex.reporting(&t.lemma(h)) == Some(sitrep_core::Stance::Denied) && t.child(h, "obj").is_none();
        let consequence = r == "advcl" && t.xpos(x) == "VBG" && x > h && !t.children(x).any(|c| t.rel(c) == "mark") && !denial();
        // Nor is it told under the verb's negation: "she didn't limit her attacks …, also
        // calling on attendees to oppose bigotry" — the calling happened (its modality it
        // shares: "could force her to spend money defending …").
        if consequence && depth == 0 {
            negation_of_own = true;
        }
        // "weighed in on allegations": a verb with "in" as its particle comments on what it
        // governs; it does not weigh or plan it.
        let chimes_in = || t.children(h).any(|c| c == h + 1 && matches!(t.rel(c), "compound:prt" | "advmod") && t.lower(c) == "in");
        // "Minsk was asked to condemn Kyiv", "urged North Korea to resume talks": what
        // one is asked or bidden to do (an infinitive, however the parser hung it).
        let infinitive = r == "xcomp" || (r.starts_with("advcl") && t.child(x, "mark").is_some_and(|m| t.lower(m) == "to"));
        if let Some(f) = lex.complement_factuality(&t.lemma(h)).filter(|_| infinitive) {
            return f;
        }
        if !matches!(t.upos(h), "ADV" | "ADP") && !consequence && (depth > 0 || r != "ccomp") && !chimes_in() {
            if let Some(f) = lex.factuality(&t.lemma(h)).or_else(|| lex.factuality(&t.lower(h))) {
                // "don't expect him to back Clinton", "isn't planning to endorse anyone":
                // an expectation or a plan denied leaves its event negated.
                let denied = matches!(f, Factuality::Expected | Factuality::Planned) && negated(h);
                return if denied { Factuality::Negated } else { f };
            }
        }
        x = h;
    }
    Factuality::Asserted
}

/// The first and last tokens of the words of the clause headed by `clause` that are its
/// own: its subtree without the clauses joined to it or said in it, before or after, at
/// any depth ("spoke with Garland and did not rule out a meeting": "not rule out" is not
/// the speaking's; "refused to entertain it, responding that he's not going to go into
/// it"). A cut clause keeps its opening words ("closing in [on] freezing").
fn own_words(t: &crate::tree::Tree, clause: usize) -> (usize, usize) {
    let (first_word, last_word) = t.subtree(clause);
    let (mut lo, mut hi) = (first_word, last_word);
    // (Every word of the whole subtree is asked, whatever the cuts before it left.)
    for k in first_word..=last_word {
        if k == clause || !matches!(t.rel(k), "conj" | "parataxis" | "ccomp" | "advcl" | "csubj") {
            continue;
        }
        let (a, b) = t.subtree(k);
        if a > clause && a <= hi {
            // (Its punctuation, marks and conjunctions are where it is joined, with the
            // adverb that sharpens them: "only if", "even though".)
            let first = (a..=k).find(|&w| !(t.head(w) == Some(k) && matches!(t.rel(w), "mark" | "punct" | "cc" | "case" | "advmod"))).unwrap_or(k);
            // (`first` ≥ `a` > `clause`: never before the clause's own head.)
            hi = hi.min(first - 1);
        } else if b < clause && b >= lo {
            lo = b + 1;
        }
    }
    (lo, hi.max(lo))
}

/// Whether predicate `v` is the verb of a clause opened by its auxiliary before the
/// subject — "Had Russia attacked Poland", "Should Iran strike Israel", "Were China to
/// invade Taiwan", "… would have been cool had Clinton congratulated him" — a condition
/// the parser seldom reads as one, so the words decide: the auxiliary, a noun phrase,
/// then the verb, with the auxiliary opening the clause or following a predicate ("cool",
/// "responded") rather than a subject of its own ("Russia had attacked").
fn inverted_condition(cx: &Context, v: usize) -> bool {
    let t = &cx.tree;
    let sentence = &cx.doc.text_layer.sentences[cx.sentence(v)];
    let first = sentence.first_token as usize;
    if t.upos(v) != "VERB" {
        return false;
    }
    let noun_phrase = |k: usize| matches!(t.upos(k), "DET" | "ADJ" | "NOUN" | "PROPN" | "PRON" | "NUM") || matches!(t.word(k), "'s" | "’s" | "-") || matches!(&*t.lower(k), "not" | "n't");
    // The auxiliary and the word the verb must be.
    let opener = |k: usize| match &*t.lower(k) {
        // (a participle the tagger read as a past tense: "had Clinton congratulated him")
        "had" => matches!(t.xpos(v), "VBN" | "VBD") && (k + 1..v).all(noun_phrase),
        "should" => t.xpos(v) == "VB" && (k + 1..v).all(noun_phrase),
        "were" => t.xpos(v) == "VB" && v > k + 2 && t.lower(v - 1) == "to" && (k + 1..v - 1).all(noun_phrase),
        _ => false,
    };
    // The nearest such auxiliary before the verb with at least one word of subject between.
    let Some(k) = (first..v.saturating_sub(1)).rev().take(8).find(|&k| opener(k)) else { return false };
    if k + 1 == v || !matches!(t.upos(k + 1), "DET" | "PROPN" | "PRON" | "NOUN" | "ADJ" | "NUM") {
        return false;
    }
    // What comes before: the sentence's start, a comma or dash, or a predicate ("cool",
    // "responded") — not a subject ("Russia had attacked"), nor an inverting adverb or
    // conjunction ("Never had Russia …", "nor should Kyiv …", "as were the troops").
    k == first || matches!(t.upos(k - 1), "PUNCT" | "ADJ") || (t.upos(k - 1) == "VERB" && matches!(t.xpos(k - 1), "VBN" | "VB"))
}

/// A clause's words as the multi-word cues are written: lower case, with typographic
/// apostrophes made plain and "n't" a word of its own, as the tokens have it ("isn't
/// going to" holds the cue "n't going to").
fn lower_clause(words: &str) -> String {
    let mut lower = words.to_lowercase();
    if lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    if lower.contains("n't") {
        lower = lower.replace("n't", " n't");
    }
    lower
}
