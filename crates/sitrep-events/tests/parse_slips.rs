//! Coding stays right when the parser slips: each test parses an invented sentence, then
//! puts the slip into the syntax layer by hand (so the test does not hang on what a given
//! parser model happens to do), and checks the coder's mended tree and its events.

use sitrep_core::{Doc, Stance};
use sitrep_events::tree::Tree;

mod common;

use common::{code, layers};

/// The index of the `nth` token whose text is `word`.
fn tok(doc: &Doc, word: &str, nth: usize) -> usize {
    let text = doc.text();
    doc.text_layer.tokens.iter().enumerate().filter(|(_, t)| t.span.of(text) == word).map(|(k, _)| k).nth(nth).unwrap_or_else(|| panic!("no {word:?} #{nth}"))
}

/// A token named by its text and which occurrence of it.
type Word<'a> = (&'a str, usize);

/// Put the arcs `(dependent, head, relation)` into the syntax layer (`None` head: root).
fn slip(doc: &mut Doc, arcs: &[(Word, Option<Word>, &'static str)]) {
    for &((w, n), head, rel) in arcs {
        let k = tok(doc, w, n);
        let h = head.map(|(hw, hn)| tok(doc, hw, hn) as u32);
        doc.syntax.tokens[k].head = h;
        doc.syntax.tokens[k].deprel = rel;
    }
}


fn trigger<'a>(doc: &'a Doc, word: &str) -> Option<&'a sitrep_core::Event> {
    doc.events.events.iter().find(|e| e.trigger.of(doc.text()).starts_with(word))
}

fn actor(p: &Option<sitrep_core::Participant>) -> Option<&str> {
    p.as_ref().and_then(|p| p.actor.as_deref())
}

#[test]
fn a_noun_read_as_compound_of_a_verb_is_its_subject() {
    let mut doc = layers("In Kharkiv, Associated Press reported, explosions were heard overnight.");
    slip(
        &mut doc,
        &[
            (("reported", 0), None, "root"),
            (("Associated", 0), Some(("reported", 0)), "amod"),
            (("Press", 0), Some(("reported", 0)), "compound"),
            (("heard", 0), Some(("reported", 0)), "parataxis"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (press, reported) = (tok(&doc, "Press", 0), tok(&doc, "reported", 0));
        assert_eq!((t.head(press), t.rel(press)), (Some(reported), "nsubj"));
        assert_eq!(t.head(tok(&doc, "Associated", 0)), Some(press));
    }
    let doc = code(doc);
    let e = trigger(&doc, "explosions").expect("explosions coded");
    let by = e.attribution.as_ref().and_then(|a| a.by.as_ref()).map(|b| b.span.of(doc.text()));
    assert!(by.is_some_and(|b| b.contains("Press")), "reported by the agency: {by:?}");
}

#[test]
fn a_preposition_on_a_title_belongs_to_the_name_and_its_noun() {
    let mut doc = layers("The United States was moving toward freezing the assets of Venezuelan president Maduro and his wife.");
    slip(
        &mut doc,
        &[
            (("of", 0), Some(("president", 0)), "case"),
            (("president", 0), Some(("Maduro", 0)), "nmod:desc"),
            (("Maduro", 0), Some(("freezing", 0)), "obl"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let maduro = tok(&doc, "Maduro", 0);
        assert_eq!(t.head(tok(&doc, "of", 0)), Some(maduro));
        assert_eq!((t.head(maduro), t.rel(maduro)), (Some(tok(&doc, "assets", 0)), "nmod"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "freezing").expect("freezing coded");
    assert_eq!(e.root(), "16");
    assert!(actor(&e.target).is_some_and(|a| a.starts_with("VEN")), "the assets' owner is the target: {:?}", actor(&e.target));
}

#[test]
fn an_oblique_before_a_later_clause_subject_belongs_to_the_verb_before_it() {
    let mut doc = layers(
        "Turkish troops bore down on Syria’s border town Kobani on Tuesday, with artillery pounding ever closer to the center although the fighters, that were supported by volunteers, held out.",
    );
    slip(&mut doc, &[(("down", 0), Some(("bore", 0)), "compound:prt"), (("town", 0), Some(("supported", 0)), "obl")]);
    {
        let t = Tree::new(&doc);
        let town = tok(&doc, "town", 0);
        assert_eq!((t.head(town), t.rel(town)), (Some(tok(&doc, "bore", 0)), "obl"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "bore").expect("bore down coded");
    assert_eq!(e.root(), "19");
    assert_eq!(actor(&e.source), Some("TURMIL"));
    assert!(actor(&e.target).is_some_and(|a| a.starts_with("SYR")), "{:?}", actor(&e.target));
}

#[test]
fn a_gerund_read_as_a_clause_of_its_noun_is_reported_by_the_verb_above() {
    let mut doc = layers("AP reporters saw signs of heavy fighting near Kherson.");
    slip(&mut doc, &[(("fighting", 0), Some(("signs", 0)), "acl"), (("of", 0), Some(("fighting", 0)), "mark")]);
    let doc = code(doc);
    let e = trigger(&doc, "fighting").expect("fighting coded");
    let a = e.attribution.as_ref().expect("attributed to those who saw it");
    assert_eq!(a.cue, "saw");
    assert_eq!(a.stance, Stance::Witnessed);
}

#[test]
fn a_participle_of_saying_under_the_event_does_not_report_it() {
    let mut doc = layers("Erdogan gave a statement Tuesday urging the Syrian army to withdraw, saying: “We will not wait.”");
    slip(&mut doc, &[(("saying", 0), Some(("urging", 0)), "advcl")]);
    let doc = code(doc);
    let e = trigger(&doc, "urging").expect("urging coded");
    assert_eq!(e.root(), "10");
    assert!(e.attribution.is_none(), "the one urging is saying it: {:?}", e.attribution);
}

#[test]
fn a_clause_hanging_from_an_adverb_stays_inside_the_request() {
    let mut doc = layers("Zelenskiy pleaded with European leaders to move faster to cut off Russia’s banks.");
    slip(&mut doc, &[(("faster", 0), Some(("move", 0)), "advmod"), (("cut", 0), Some(("faster", 0)), "advcl")]);
    let doc = code(doc);
    assert!(trigger(&doc, "pleaded").is_some(), "the appeal is coded");
    assert!(trigger(&doc, "cut").is_none(), "what is asked for is part of the appeal");
}

#[test]
fn a_noun_read_as_a_second_clause_is_the_object_of_the_verb_before_it() {
    let mut doc = layers("Turkey on Monday signed a gas supply deal with Azerbaijan, its closest ally, ministers said.");
    slip(
        &mut doc,
        &[
            (("said", 0), None, "root"),
            (("signed", 0), Some(("said", 0)), "ccomp"),
            (("deal", 0), Some(("said", 0)), "ccomp"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let deal = tok(&doc, "deal", 0);
        assert_eq!((t.head(deal), t.rel(deal)), (Some(tok(&doc, "signed", 0)), "obj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "signed").expect("the signing is coded");
    assert!(actor(&e.target).is_some_and(|a| a.starts_with("AZE")), "the partner of the deal: {:?}", actor(&e.target));
}

#[test]
fn a_sentence_read_as_one_noun_phrase_gets_its_verb_back() {
    let mut doc = layers("Turkey praised new trade agreements signed by Qatar last week.");
    slip(
        &mut doc,
        &[
            (("agreements", 0), None, "root"),
            (("Turkey", 0), Some(("agreements", 0)), "compound"),
            (("praised", 0), Some(("agreements", 0)), "amod"),
            ((".", 0), Some(("agreements", 0)), "punct"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let praised = tok(&doc, "praised", 0);
        assert_eq!(t.head(praised), None);
        assert_eq!((t.head(tok(&doc, "Turkey", 0)), t.rel(tok(&doc, "Turkey", 0))), (Some(praised), "nsubj"));
        assert_eq!((t.head(tok(&doc, "agreements", 0)), t.rel(tok(&doc, "agreements", 0))), (Some(praised), "obj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "praised").expect("the praise is coded");
    assert_eq!(actor(&e.source), Some("TUR"));
}

#[test]
fn a_sentence_read_as_a_noun_phrase_gets_its_verb_back() {
    // "The Russian army shelled Kharkiv." read as "the army [that was] shelled Kharkiv".
    let mut doc = layers("The Russian army shelled Kharkiv.");
    slip(
        &mut doc,
        &[(("army", 0), None, "root"), (("shelled", 0), Some(("army", 0)), "acl"), (("Kharkiv", 0), Some(("shelled", 0)), "obj"), ((".", 0), Some(("army", 0)), "punct")],
    );
    let k = tok(&doc, "shelled", 0);
    doc.syntax.tokens[k].upos = "VERB";
    doc.syntax.tokens[k].xpos = "VBN";
    {
        let t = Tree::new(&doc);
        let (army, shelled, period) = (tok(&doc, "army", 0), tok(&doc, "shelled", 0), tok(&doc, ".", 0));
        assert_eq!((t.head(shelled), t.rel(shelled)), (None, "root"));
        assert_eq!((t.head(army), t.rel(army)), (Some(shelled), "nsubj"));
        assert_eq!(t.head(period), Some(shelled), "the full stop closes the verb's clause");
        assert_eq!(t.subtree(army), (tok(&doc, "The", 0), army));
    }
    let doc = code(doc);
    let e = trigger(&doc, "shelled").expect("shelling coded");
    let target = e.target.as_ref().map(|p| p.span.of(doc.text()));
    assert_eq!((actor(&e.source), target), (Some("RUSMIL"), Some("Kharkiv")), "{e:?}");
}

#[test]
fn a_headline_participle_without_object_stays_passive() {
    // "Soldiers killed in ambush." — the soldiers were killed: no verb is raised.
    let mut doc = layers("Soldiers killed in ambush.");
    slip(
        &mut doc,
        &[(("Soldiers", 0), None, "root"), (("killed", 0), Some(("Soldiers", 0)), "acl"), (("ambush", 0), Some(("killed", 0)), "obl"), ((".", 0), Some(("Soldiers", 0)), "punct")],
    );
    let k = tok(&doc, "killed", 0);
    doc.syntax.tokens[k].upos = "VERB";
    doc.syntax.tokens[k].xpos = "VBN";
    let t = Tree::new(&doc);
    assert_eq!(t.head(tok(&doc, "Soldiers", 0)), None);
    assert_eq!(t.rel(k), "acl");
}

#[test]
fn a_dateline_with_a_colon_is_no_subject() {
    let mut doc = layers("KHARKIV: -- Russian troops shelled the city on Friday.");
    slip(
        &mut doc,
        &[
            (("KHARKIV", 0), None, "root"),
            ((":", 0), Some(("KHARKIV", 0)), "punct"),
            (("--", 0), Some(("KHARKIV", 0)), "punct"),
            (("troops", 0), Some(("KHARKIV", 0)), "appos"),
            (("shelled", 0), Some(("troops", 0)), "acl"),
            (("city", 0), Some(("shelled", 0)), "obj"),
            (("Friday", 0), Some(("shelled", 0)), "obl"),
            ((".", 0), Some(("KHARKIV", 0)), "punct"),
        ],
    );
    let k = tok(&doc, "shelled", 0);
    doc.syntax.tokens[k].upos = "VERB";
    doc.syntax.tokens[k].xpos = "VBN";
    let doc = code(doc);
    let e = trigger(&doc, "shelled").expect("shelling coded");
    let source = e.source.as_ref().map(|p| p.span.of(doc.text()));
    assert_eq!(source, Some("Russian troops"), "{e:?}");
}

#[test]
fn arcs_that_go_round_in_a_circle_are_cut() {
    // Not a tree: KHARKIV → troops → shelled → KHARKIV, and no root. Coding must end.
    let mut doc = layers("KHARKIV: Russian troops shelled the city on Friday.");
    slip(&mut doc, &[(("KHARKIV", 0), Some(("troops", 0)), "compound"), (("troops", 0), Some(("shelled", 0)), "nsubj"), (("shelled", 0), Some(("KHARKIV", 0)), "parataxis")]);
    {
        let t = Tree::new(&doc);
        for k in 0..t.len() {
            assert!((0..t.len()).any(|r| t.head(r).is_none() && t.dominates(r, k)), "token {k} reaches no root");
        }
    }
    let doc = code(doc);
    assert!(trigger(&doc, "shelled").is_some());
}

#[test]
fn a_verb_under_a_participle_with_an_agent_is_the_main_verb() {
    // "Drones launched by Russia struck Odesa" read with "Drones" as the root, "launched"
    // its modifier and "struck" a modifier of "Odesa".
    let mut doc = layers("Drones launched by Russia struck Odesa.");
    slip(&mut doc, &[(("Drones", 0), None, "root"), (("launched", 0), Some(("Drones", 0)), "acl"), (("Russia", 0), Some(("launched", 0)), "obl:agent"), (("struck", 0), Some(("Odesa", 0)), "amod"), (("Odesa", 0), Some(("launched", 0)), "obj")]);
    let doc = code(doc);
    let e = trigger(&doc, "struck").expect("struck is coded");
    assert_eq!(e.root(), "19");
    assert!(actor(&e.target).is_some_and(|a| a.starts_with("UKR")), "{:?}", actor(&e.target));
}

#[test]
fn a_party_label_after_a_name_is_no_subject() {
    // "(I-Vt.)" read with its "I" as the subject of "visited", which hangs from the name.
    let mut doc = layers("Sen. Bernie Sanders (I-Vt.) criticized Russia on Sunday.");
    slip(&mut doc, &[(("Sen.", 0), None, "root"), (("criticized", 0), Some(("Sen.", 0)), "parataxis"), (("I", 0), Some(("criticized", 0)), "nsubj"), (("Vt.", 0), Some(("I", 0)), "appos")]);
    {
        let t = Tree::new(&doc);
        let (sen, criticized) = (tok(&doc, "Sen.", 0), tok(&doc, "criticized", 0));
        assert_eq!((t.head(sen), t.rel(sen)), (Some(criticized), "nsubj"));
        assert_eq!(t.rel(tok(&doc, "I", 0)), "appos");
    }
    let doc = code(doc);
    let e = trigger(&doc, "criticized").expect("criticized is coded");
    let s = e.source.as_ref().expect("a source");
    assert!(s.span.of(doc.text()).contains("Sanders"), "{:?}", s.span.of(doc.text()));
    assert_eq!(s.actor.as_deref(), Some("USALEG"), "the label makes him a member of Congress");
}

#[test]
fn a_participle_with_an_object_is_a_past_tense() {
    // "attacked" tagged as a participle describing "troops" (as in "troops attacked by
    // drones"), but it has an object of its own: the troops attacked.
    let mut doc = layers("Russian troops attacked Kharkiv on Sunday.");
    slip(&mut doc, &[(("troops", 0), None, "root"), (("attacked", 0), Some(("troops", 0)), "acl"), (("Kharkiv", 0), Some(("attacked", 0)), "obj")]);
    let k = tok(&doc, "attacked", 0);
    doc.syntax.tokens[k].xpos = "VBN";
    let doc = code(doc);
    let e = trigger(&doc, "attacked").expect("attacked is coded");
    assert_eq!((actor(&e.source), actor(&e.target)), (Some("RUSMIL"), Some("UKR")), "{e:?}");
}

#[test]
fn the_name_after_a_verb_that_follows_a_quote_is_its_subject() {
    // "“…,” warned Biden." read with Biden as the object of "warned".
    let mut doc = layers("“Russia will pay a price,” warned Biden.");
    slip(&mut doc, &[(("warned", 0), None, "root"), (("Biden", 0), Some(("warned", 0)), "obj"), (("pay", 0), Some(("warned", 0)), "ccomp")]);
    {
        let t = Tree::new(&doc);
        assert_eq!(t.rel(tok(&doc, "Biden", 0)), "nsubj");
    }
    let doc = code(doc);
    let e = trigger(&doc, "warned").expect("warned is coded");
    assert_eq!(actor(&e.source), Some("USAGOV"), "{e:?}");
    assert!(e.target.is_none(), "{e:?}");
}

#[test]
fn a_phrase_after_shot_dead_is_its_object() {
    let mut doc = layers("Israeli soldiers shot dead a Palestinian man near Nablus, the health ministry said.");
    slip(
        &mut doc,
        &[
            (("shot", 0), Some(("said", 0)), "ccomp"),
            (("dead", 0), Some(("shot", 0)), "xcomp"),
            (("man", 0), Some(("said", 0)), "nsubj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        assert_eq!((t.head(tok(&doc, "man", 0)), t.rel(tok(&doc, "man", 0))), (Some(tok(&doc, "shot", 0)), "obj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "shot").expect("the shooting is coded");
    assert_eq!((actor(&e.source), actor(&e.target)), (Some("ISRMIL"), Some("PSECVL")), "{e:?}");
}

#[test]
fn a_name_compounded_with_a_time_word_heads_its_phrase() {
    let mut doc = layers("Hamas fighters fired dozens of rockets at Tel Aviv overnight.");
    slip(
        &mut doc,
        &[
            (("Aviv", 0), Some(("overnight", 0)), "compound"),
            (("at", 0), Some(("overnight", 0)), "case"),
            (("overnight", 0), Some(("fired", 0)), "obl"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (aviv, fired) = (tok(&doc, "Aviv", 0), tok(&doc, "fired", 0));
        assert_eq!((t.head(aviv), t.rel(aviv)), (Some(fired), "obl"));
        assert_eq!(t.head(tok(&doc, "at", 0)), Some(aviv));
    }
    let doc = code(doc);
    let e = trigger(&doc, "fired").expect("the rocket fire is coded");
    assert_eq!(actor(&e.target), Some("ISR"), "{e:?}");
}

#[test]
fn a_participle_after_an_article_describes() {
    // A headline with no verb: "tortured" modifies "relationship" and is no verb to raise.
    let doc = code(layers("Netanyahu and Obama: A tortured relationship."));
    assert!(doc.events.events.iter().all(|e| e.root() != "18"), "{:?}", doc.events.events);
}

#[test]
fn a_subject_without_a_passive_auxiliary_acts() {
    let mut doc = layers("Ethiopia indicated it should have acted against Libya.");
    slip(&mut doc, &[(("it", 0), Some(("acted", 0)), "nsubj:pass")]);
    {
        let t = Tree::new(&doc);
        let it = tok(&doc, "it", 0);
        assert_eq!((t.head(it), t.rel(it)), (Some(tok(&doc, "acted", 0)), "nsubj"));
    }
    // A real passive keeps its subject.
    let mut doc = layers("Libya was attacked by Ethiopia.");
    slip(&mut doc, &[(("Libya", 0), Some(("attacked", 0)), "nsubj:pass"), (("was", 0), Some(("attacked", 0)), "aux")]);
    let t = Tree::new(&doc);
    assert_eq!(t.rel(tok(&doc, "Libya", 0)), "nsubj:pass");
}

#[test]
fn a_noun_before_was_and_a_participle_is_its_subject() {
    let mut doc = layers("Explosions were heard before dawn and gunfire was reported in several areas.");
    slip(&mut doc, &[(("gunfire", 0), Some(("dawn", 0)), "conj"), (("and", 0), Some(("gunfire", 0)), "cc")]);
    let t = Tree::new(&doc);
    let (gunfire, reported) = (tok(&doc, "gunfire", 0), tok(&doc, "reported", 0));
    assert_eq!((t.head(gunfire), t.rel(gunfire)), (Some(reported), "nsubj:pass"));
    assert_eq!(t.head(tok(&doc, "and", 0)), Some(reported));
}

#[test]
fn an_infinitive_after_a_noun_that_takes_one_is_the_nouns() {
    let mut doc = layers("Poland defended the right of states to expel Russian diplomats.");
    slip(&mut doc, &[(("expel", 0), Some(("defended", 0)), "advcl"), (("right", 0), Some(("defended", 0)), "obj")]);
    let t = Tree::new(&doc);
    let expel = tok(&doc, "expel", 0);
    assert_eq!((t.head(expel), t.rel(expel)), (Some(tok(&doc, "right", 0)), "acl"));
    // A clause of purpose after an ordinary object stays the verb's.
    let mut doc = layers("Poland recalled its ambassador to protest the expulsions.");
    slip(&mut doc, &[(("protest", 0), Some(("recalled", 0)), "advcl")]);
    let t = Tree::new(&doc);
    assert_eq!(t.head(tok(&doc, "protest", 0)), Some(tok(&doc, "recalled", 0)));
}

#[test]
fn a_joined_clause_read_as_a_noun_phrase_gets_its_verb_object_and_purpose_back() {
    let text = "Protesters rallied in Tbilisi, and riot police used tear gas and rubber bullets to disperse them, the interior ministry said.";
    let mut doc = layers(text);
    slip(
        &mut doc,
        &[
            (("said", 0), None, "root"),
            (("rallied", 0), Some(("said", 0)), "ccomp"),
            ((",", 0), Some(("said", 0)), "punct"),
            (("and", 0), Some(("said", 0)), "cc"),
            (("police", 0), Some(("said", 0)), "ccomp"),
            (("used", 0), Some(("police", 0)), "acl"),
            (("gas", 0), Some(("bullets", 0)), "compound"),
            (("and", 1), Some(("bullets", 0)), "cc"),
            (("bullets", 0), Some(("used", 0)), "conj"),
            (("disperse", 0), Some(("bullets", 0)), "acl"),
            ((",", 1), Some(("police", 0)), "punct"),
            (("interior", 0), Some(("said", 0)), "nsubj"),
        ],
    );
    let t = Tree::new(&doc);
    let (used, police, bullets) = (tok(&doc, "used", 0), tok(&doc, "police", 0), tok(&doc, "bullets", 0));
    assert_eq!((t.head(used), t.rel(used)), (Some(tok(&doc, "rallied", 0)), "conj"));
    assert_eq!((t.head(police), t.rel(police)), (Some(used), "nsubj"));
    assert_eq!((t.head(bullets), t.rel(bullets)), (Some(used), "obj"));
    assert_eq!((t.head(tok(&doc, "disperse", 0)), t.rel(tok(&doc, "disperse", 0))), (Some(used), "advcl"));
}

#[test]
fn a_word_hung_from_punctuation_hangs_from_its_head() {
    let mut doc = layers("“We are scared,” said one of the workers, Lucy Vashaka.");
    slip(&mut doc, &[((",", 1), Some(("one", 0)), "punct"), (("Lucy", 0), Some((",", 1)), "appos")]);
    let t = Tree::new(&doc);
    let lucy = tok(&doc, "Lucy", 0);
    assert_eq!((t.head(lucy), t.rel(lucy)), (Some(tok(&doc, "one", 0)), "appos"));
}

#[test]
fn what_another_speaker_says_inside_a_request_is_their_own() {
    let text = "Russian troops attacked Kyiv. Ukrainian president Volodymyr Zelenskiy said he was willing to discuss his country's neutral status, following which Russian leaders said they were willing to come to a table in Belarus.";
    let mut doc = layers(text);
    // The slip: the second speech hung under the first offer's clause.
    slip(&mut doc, &[(("following", 0), Some(("discuss", 0)), "advcl"), (("said", 1), Some(("following", 0)), "ccomp")]);
    let doc = code(doc);
    let offers: Vec<_> = doc.events.events.iter().filter(|e| e.trigger.of(doc.text()) == "willing").collect();
    assert_eq!(offers.len(), 2, "{:?}", doc.events.events);
}

#[test]
fn a_preposition_at_the_root_and_that_read_as_a_conjunction_are_mended() {
    let mut doc = layers("On Monday there were reports of shelling that sliced through a Kyiv apartment building.");
    slip(
        &mut doc,
        &[
            (("On", 0), None, "root"),
            (("were", 0), Some(("On", 0)), "parataxis"),
            (("Monday", 0), Some(("were", 0)), "obl:unmarked"),
            (("that", 0), Some(("sliced", 0)), "mark"),
            (("sliced", 0), Some(("shelling", 0)), "ccomp"),
        ],
    );
    let t = Tree::new(&doc);
    let (on, were, that, sliced) = (tok(&doc, "On", 0), tok(&doc, "were", 0), tok(&doc, "that", 0), tok(&doc, "sliced", 0));
    assert_eq!(t.head(were), None);
    assert_eq!((t.head(on), t.rel(on)), (Some(tok(&doc, "Monday", 0)), "case"));
    assert_eq!((t.head(sliced), t.rel(sliced)), (Some(tok(&doc, "shelling", 0)), "acl:relcl"));
    assert_eq!((t.head(that), t.rel(that)), (Some(sliced), "nsubj"));
}

#[test]
fn an_infinitive_read_as_subject_and_a_second_subject_of_said_are_mended() {
    let mut doc = layers("The countries were set to move a resolution. Blinken said Kyiv could well be under siege.");
    slip(&mut doc, &[(("move", 0), Some(("set", 0)), "csubj"), (("Kyiv", 0), Some(("said", 0)), "nsubj")]);
    let t = Tree::new(&doc);
    let (mv, kyiv, siege) = (tok(&doc, "move", 0), tok(&doc, "Kyiv", 0), tok(&doc, "siege", 0));
    assert_eq!((t.head(mv), t.rel(mv)), (Some(tok(&doc, "set", 0)), "xcomp"));
    assert_eq!((t.head(kyiv), t.rel(kyiv)), (Some(siege), "nsubj"));
}


#[test]
fn content_of_a_fronted_denial_read_as_the_main_clause_is_mended() {
    let mut doc = layers("Zelenskiy spoke. After denying for weeks he planned to invade, Putin argued that the West left him no choice.");
    slip(
        &mut doc,
        &[
            (("planned", 0), None, "root"),
            (("denying", 0), Some(("planned", 0)), "advcl"),
            (("he", 0), Some(("planned", 0)), "nsubj"),
            (("invade", 0), Some(("planned", 0)), "xcomp"),
            (("argued", 0), Some(("planned", 0)), "conj"),
            ((".", 1), Some(("planned", 0)), "punct"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (denying, planned, argued) = (tok(&doc, "denying", 0), tok(&doc, "planned", 0), tok(&doc, "argued", 0));
        assert_eq!(t.head(argued), None);
        assert_eq!((t.head(denying), t.rel(denying)), (Some(argued), "advcl"));
        assert_eq!((t.head(planned), t.rel(planned)), (Some(denying), "ccomp"));
    }
    let doc = code(doc);
    // The plan denied is Putin's, if it is coded at all: never Zelenskiy's.
    if let Some(e) = trigger(&doc, "invade") {
        assert_ne!(actor(&e.source), Some("UKRGOV"), "{e:?}");
    }
}

#[test]
fn a_gerund_given_as_an_example_takes_its_target_from_its_relative_clause() {
    let mut doc = layers("There were reports of casualties — including shelling that sliced through a Kyiv apartment building.");
    slip(
        &mut doc,
        &[
            (("including", 0), Some(("shelling", 0)), "case"),
            (("shelling", 0), Some(("were", 0)), "advcl"),
            (("that", 0), Some(("sliced", 0)), "mark"),
            (("sliced", 0), Some(("shelling", 0)), "ccomp"),
            (("building", 0), Some(("sliced", 0)), "obl"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (that, sliced) = (tok(&doc, "that", 0), tok(&doc, "sliced", 0));
        assert_eq!((t.head(sliced), t.rel(sliced)), (Some(tok(&doc, "shelling", 0)), "acl:relcl"));
        assert_eq!((t.head(that), t.rel(that)), (Some(sliced), "nsubj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "shelling").expect("shelling coded");
    assert_eq!(e.cameo, "194", "{e:?}");
    let side = |p: &Option<sitrep_core::Participant>| p.as_ref().map(|p| p.span.of(doc.text()).to_string());
    assert_eq!(side(&e.source), None, "the reports did not shell: {e:?}");
    assert_eq!(side(&e.target).as_deref(), Some("a Kyiv apartment building"), "{e:?}");
}

#[test]
fn a_plural_noun_tagged_as_a_verb_after_a_possessive_is_no_event() {
    let mut doc = layers("Russian troops attacked Ukraine. Zelenskiy offered to negotiate on one of Putin's key demands: that Ukraine declare itself neutral.");
    let demands = tok(&doc, "demands", 0);
    doc.syntax.tokens[demands].upos = "VERB";
    doc.syntax.tokens[demands].xpos = "VBZ";
    slip(
        &mut doc,
        &[
            (("demands", 0), Some(("offered", 0)), "conj"),
            ((":", 0), Some(("demands", 0)), "punct"),
            (("that", 0), Some(("demands", 0)), "obj"),
            (("declare", 0), Some(("that", 0)), "acl:relcl"),
        ],
    );
    let doc = code(doc);
    assert!(trigger(&doc, "demands").is_none(), "{:?}", doc.events.events);
}

#[test]
fn a_verb_after_and_read_as_a_modifier_of_its_object_is_mended() {
    let mut doc = layers("The Ukrainian government condemned an attack by Russian soldiers on Thursday and promised aid to the affected villages.");
    slip(
        &mut doc,
        &[
            (("promised", 0), Some(("aid", 0)), "amod"),
            (("aid", 0), Some(("Thursday", 0)), "conj"),
            (("and", 0), Some(("aid", 0)), "cc"),
            (("villages", 0), Some(("aid", 0)), "nmod"),
        ],
    );
    let t = Tree::new(&doc);
    let (promised, aid) = (tok(&doc, "promised", 0), tok(&doc, "aid", 0));
    assert_eq!((t.head(promised), t.rel(promised)), (Some(tok(&doc, "condemned", 0)), "conj"));
    assert_eq!((t.head(aid), t.rel(aid)), (Some(promised), "obj"));
}

#[test]
fn an_agent_of_an_active_verb_and_a_list_read_as_apposition_are_mended() {
    let mut doc = layers("The Ukrainian government condemned an attack by Russian soldiers. Poland, Lithuania and Latvia welcomed the talks.");
    slip(&mut doc, &[(("soldiers", 0), Some(("condemned", 0)), "obl:agent"), (("Lithuania", 0), Some(("Poland", 0)), "appos"), (("Latvia", 0), Some(("Lithuania", 0)), "conj")]);
    {
        let t = Tree::new(&doc);
        let soldiers = tok(&doc, "soldiers", 0);
        assert_eq!((t.head(soldiers), t.rel(soldiers)), (Some(tok(&doc, "attack", 0)), "nmod"));
        let (poland, lithuania, latvia) = (tok(&doc, "Poland", 0), tok(&doc, "Lithuania", 0), tok(&doc, "Latvia", 0));
        assert_eq!((t.head(lithuania), t.rel(lithuania)), (Some(poland), "conj"));
        assert_eq!((t.head(latvia), t.rel(latvia)), (Some(poland), "conj"));
    }
    let doc = code(doc);
    let welcomed: Vec<_> = doc.events.events.iter().filter(|e| e.trigger.of(doc.text()) == "welcomed").filter_map(|e| actor(&e.source)).collect();
    assert!(welcomed.contains(&"LTU"), "{welcomed:?}");
}

#[test]
fn a_paper_ordering_the_one_who_signed_it_is_not_his_order() {
    let mut doc = layers("Ukrainian president Volodymyr Zelenskiy spoke. He went to the headquarters in Kyiv and signed paperwork ordering him to appear in court.");
    slip(
        &mut doc,
        &[
            (("signed", 0), Some(("went", 0)), "conj"),
            (("paperwork", 0), Some(("signed", 0)), "obj"),
            (("ordering", 0), Some(("paperwork", 0)), "acl"),
            (("him", 0), Some(("ordering", 0)), "obj"),
        ],
    );
    let doc = code(doc);
    assert!(trigger(&doc, "ordering").is_none_or(|e| e.source.is_none()), "{:?}", doc.events.events);
}

#[test]
fn a_passive_read_as_the_content_of_a_participle_is_mended() {
    let mut doc = layers("Protesters arrested by the police were released.");
    slip(
        &mut doc,
        &[
            (("Protesters", 0), None, "root"),
            (("released", 0), Some(("arrested", 0)), "ccomp"),
            (("police", 0), Some(("released", 0)), "nsubj:pass"),
            ((".", 0), Some(("Protesters", 0)), "punct"),
        ],
    );
    let t = Tree::new(&doc);
    let (protesters, arrested, police, released) = (tok(&doc, "Protesters", 0), tok(&doc, "arrested", 0), tok(&doc, "police", 0), tok(&doc, "released", 0));
    assert_eq!(t.head(released), None);
    assert_eq!((t.head(protesters), t.rel(protesters)), (Some(released), "nsubj:pass"));
    assert_eq!((t.head(police), t.rel(police)), (Some(arrested), "obl:agent"));
}

#[test]
fn opinions_read_with_the_adjective_in_the_name_or_a_participle_are_no_events() {
    let mut doc = layers("Most Polish voters consider Tusk honest. The Polish government considered the emails classified.");
    slip(&mut doc, &[(("honest", 0), Some(("Tusk", 0)), "flat"), (("emails", 0), Some(("considered", 0)), "obj"), (("classified", 0), Some(("considered", 0)), "xcomp")]);
    let doc = code(doc);
    assert!(doc.events.events.iter().all(|e| e.root() != "01"), "{:?}", doc.events.events);
}

#[test]
fn a_noun_before_was_whose_first_conjunct_was_read_as_the_subject_is_mended() {
    let mut doc = layers("Explosions were heard before dawn and gunfire was reported in several areas.");
    slip(
        &mut doc,
        &[
            (("dawn", 0), Some(("reported", 0)), "nsubj:pass"),
            (("gunfire", 0), Some(("dawn", 0)), "conj"),
            (("and", 0), Some(("gunfire", 0)), "cc"),
            (("reported", 0), Some(("heard", 0)), "ccomp"),
        ],
    );
    let t = Tree::new(&doc);
    let (dawn, gunfire, heard, reported) = (tok(&doc, "dawn", 0), tok(&doc, "gunfire", 0), tok(&doc, "heard", 0), tok(&doc, "reported", 0));
    assert_eq!((t.head(gunfire), t.rel(gunfire)), (Some(reported), "nsubj:pass"));
    assert_eq!((t.head(dawn), t.rel(dawn)), (Some(heard), "obl"));
    assert_eq!((t.head(reported), t.rel(reported)), (Some(heard), "conj"));
}

#[test]
fn where_a_weapon_was_aimed_and_whom_a_warrant_is_for_may_hang_from_the_verb() {
    let mut doc = layers("Houthi rebels fired a missile at a commercial ship. The International Criminal Court issued an arrest warrant for a senior Russian commander.");
    slip(&mut doc, &[(("ship", 0), Some(("fired", 0)), "obl"), (("commander", 0), Some(("issued", 0)), "obl")]);
    let doc = code(doc);
    let fired = trigger(&doc, "fired").expect("fired coded");
    assert_eq!(fired.cameo, "195", "{fired:?}");
    let warrant = doc.events.events.iter().find(|e| e.cameo == "115").expect("warrant coded");
    assert_eq!(actor(&warrant.target), Some("RUSMIL"), "{warrant:?}");
}

#[test]
fn attacks_to_be_prevented_somewhere_are_a_kind_and_attacks_in_a_city_are_not() {
    let mut doc = layers("The minister said the plan would prevent terrorist attacks in Poland. Trump said Obama had little to say about the wake of mass attacks in Paris.");
    slip(&mut doc, &[(("Poland", 0), Some(("attacks", 0)), "nmod")]);
    let doc = code(doc);
    let violent: Vec<_> = doc.events.events.iter().filter(|e| e.root() == "19").map(|e| e.trigger.start).collect();
    let poland = doc.text().find("Poland").unwrap() as u32;
    assert!(violent.iter().all(|&s| s > poland), "{:?}", doc.events.events);
}

#[test]
fn a_tense_read_as_a_modifier_of_the_object_of_said_is_mended_and_its_forces_are_the_speakers() {
    let mut doc = layers("Ukraine's military said its forces had advanced near Bakhmut and repelled 25 Russian attacks.");
    slip(&mut doc, &[(("forces", 0), Some(("said", 0)), "obj"), (("had", 0), Some(("forces", 0)), "amod"), (("Bakhmut", 0), Some(("had", 0)), "obj"), (("repelled", 0), Some(("had", 0)), "conj")]);
    {
        let t = Tree::new(&doc);
        let (forces, had) = (tok(&doc, "forces", 0), tok(&doc, "had", 0));
        assert_eq!((t.head(had), t.rel(had)), (Some(tok(&doc, "said", 0)), "ccomp"));
        assert_eq!((t.head(forces), t.rel(forces)), (Some(had), "nsubj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "repelled").expect("repelled coded");
    assert_eq!(actor(&e.source), Some("UKRMIL"), "{e:?}");
}


#[test]
fn a_battery_fired_at_a_country_is_force_wherever_the_at_hangs() {
    let mut doc = layers("The United States fired anti-aircraft batteries at Russia this week.");
    slip(&mut doc, &[(("Russia", 0), Some(("batteries", 0)), "nmod")]);
    let doc = code(doc);
    let e = trigger(&doc, "fired").expect("fired coded");
    assert_eq!((e.cameo.as_str(), actor(&e.source), actor(&e.target)), ("190", Some("USA"), Some("RUS")), "{e:?}");
}

#[test]
fn a_name_after_a_title_read_as_a_second_subject_is_its_apposition() {
    let mut doc = layers("President Ilham Aliyev and President of the European Commission Jose Manuel Barroso held a meeting on June 14.");
    slip(
        &mut doc,
        &[
            (("President", 1), Some(("Ilham", 0)), "conj"),
            (("Commission", 0), Some(("Ilham", 0)), "nmod"),
            (("Jose", 0), Some(("held", 0)), "nsubj"),
            (("Manuel", 0), Some(("Jose", 0)), "flat"),
            (("Barroso", 0), Some(("Jose", 0)), "flat"),
        ],
    );
    let t = Tree::new(&doc);
    let (president, commission, jose) = (tok(&doc, "President", 1), tok(&doc, "Commission", 0), tok(&doc, "Jose", 0));
    assert_eq!((t.head(jose), t.rel(jose)), (Some(president), "appos"));
    assert_eq!(t.head(commission), Some(president));
}

#[test]
fn a_participle_read_as_the_complement_of_told_is_no_demand() {
    // "he told cheering supporters" read with "cheering" as what he told them to do.
    let mut doc = layers("Prime Minister Donald Tusk spoke on Monday. “We have come a long way in the last nine months,” he told cheering supporters in Warsaw on Monday morning.");
    slip(&mut doc, &[(("told", 0), None, "root"), (("cheering", 0), Some(("told", 0)), "xcomp"), (("supporters", 0), Some(("cheering", 0)), "obj")]);
    let doc = code(doc);
    assert!(trigger(&doc, "told").is_none(), "{:?}", doc.events.events);
    // Telling them to do something is a demand.
    let mut doc = layers("Tusk told Orban to leave the summit.");
    slip(&mut doc, &[(("told", 0), None, "root"), (("Orban", 0), Some(("told", 0)), "obj"), (("leave", 0), Some(("told", 0)), "xcomp")]);
    let doc = code(doc);
    assert_eq!(trigger(&doc, "told").map(|e| e.cameo.as_str()), Some("100"), "{:?}", doc.events.events);
}

#[test]
fn a_participle_read_as_an_adjective_after_been_is_still_passive() {
    // "hacked" tagged as an adjective, "been" as its copula, the account its subject.
    let mut doc = layers("Hillary Clinton's email account had been successfully hacked, Comey said.");
    slip(&mut doc, &[(("account", 0), Some(("hacked", 0)), "nsubj"), (("been", 0), Some(("hacked", 0)), "cop"), (("hacked", 0), Some(("said", 0)), "ccomp")]);
    let k = tok(&doc, "hacked", 0);
    doc.syntax.tokens[k].upos = "ADJ";
    doc.syntax.tokens[k].xpos = "JJ";
    let doc = code(doc);
    let e = trigger(&doc, "hacked").expect("hacked coded");
    assert!(e.source.is_none(), "the account hacked is no hacker: {e:?}");
    assert_eq!(e.target.as_ref().map(|p| p.span.of(doc.text())), Some("Hillary Clinton's email account"), "{e:?}");
}

#[test]
fn a_denial_joined_to_what_was_said_is_the_speakers_and_denies_the_deed() {
    let doc = code(layers("Russia's defence ministry said its forces had struck military infrastructure in the city and denied targeting civilians."));
    let e = trigger(&doc, "targeting").expect("what is denied is coded");
    assert_eq!(e.attribution.as_ref().map(|a| a.stance), Some(sitrep_core::Stance::Denied), "{e:?}");
    assert_eq!(actor(&e.source).and_then(|a| a.get(..3)), Some("RUS"), "{e:?}");
    assert!(trigger(&doc, "denied").is_none(), "the denial is the stance, not an event of its own");
}

#[test]
fn a_name_after_a_semicolon_is_no_apposition_but_the_next_verbs_subject() {
    let mut doc = layers("The legislature passed a measure that would ban all abortions; Republican Gov. Mary Fallin, who opposes abortion, vetoed the bill.");
    slip(
        &mut doc,
        &[
            ((";", 0), Some(("Mary", 0)), "punct"),
            (("Republican", 0), Some(("Mary", 0)), "amod"),
            (("Gov.", 0), Some(("Mary", 0)), "nmod:desc"),
            (("Mary", 0), Some(("abortions", 0)), "appos"),
            (("Fallin", 0), Some(("Mary", 0)), "flat"),
            (("opposes", 0), Some(("Mary", 0)), "acl:relcl"),
            (("vetoed", 0), Some(("passed", 0)), "conj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (mary, vetoed) = (tok(&doc, "Mary", 0), tok(&doc, "vetoed", 0));
        assert_eq!((t.head(mary), t.rel(mary)), (Some(vetoed), "nsubj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "vetoed").expect("vetoed coded");
    assert_eq!(actor(&e.source), Some("USAGOV"), "{:?}", e.source.as_ref().map(|s| s.span.of(doc.text())));
}

#[test]
fn two_nouns_joined_before_a_verb_are_its_subject_not_a_root_and_its_clause() {
    let mut doc = layers("Colombia's government and the ELN rebels resumed peace talks in Havana.");
    slip(
        &mut doc,
        &[
            (("government", 0), None, "root"),
            (("and", 0), Some(("resumed", 0)), "cc"),
            (("rebels", 0), Some(("resumed", 0)), "nsubj"),
            (("resumed", 0), Some(("government", 0)), "conj"),
            ((".", 0), Some(("government", 0)), "punct"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (government, resumed) = (tok(&doc, "government", 0), tok(&doc, "resumed", 0));
        assert_eq!((t.head(government), t.rel(government)), (Some(resumed), "nsubj"));
        assert_eq!(t.head(tok(&doc, "rebels", 0)), Some(government));
    }
    let doc = code(doc);
    let sides: Vec<_> = doc.events.events.iter().filter(|e| e.root() == "04").map(|e| (actor(&e.source), actor(&e.target))).collect();
    assert!(sides.contains(&(Some("COLGOV"), Some("COLREBELN"))), "{sides:?}");
}

#[test]
fn a_conjunction_of_time_read_as_a_preposition_opens_its_clause() {
    let mut doc = layers("Hundreds of Haitians fled their homes after gangs attacked the town of Mirebalais.");
    slip(
        &mut doc,
        &[
            (("after", 0), Some(("gangs", 0)), "case"),
            (("gangs", 0), Some(("homes", 0)), "nmod"),
            (("attacked", 0), Some(("fled", 0)), "advcl"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (gangs, attacked) = (tok(&doc, "gangs", 0), tok(&doc, "attacked", 0));
        assert_eq!((t.head(gangs), t.rel(gangs)), (Some(attacked), "nsubj"));
        assert_eq!(t.rel(tok(&doc, "after", 0)), "mark");
    }
    let doc = code(doc);
    let e = trigger(&doc, "attacked").expect("attacked coded");
    assert_eq!(actor(&e.source), Some("---CRM"));
}

#[test]
fn a_noun_compounded_with_a_time_word_heads_its_phrase() {
    let mut doc = layers("Armenian forces exchanged fire overnight.");
    slip(
        &mut doc,
        &[
            (("exchanged", 0), None, "root"),
            (("forces", 0), Some(("exchanged", 0)), "nsubj"),
            (("fire", 0), Some(("overnight", 0)), "compound"),
            (("overnight", 0), Some(("exchanged", 0)), "obj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (fire, exchanged) = (tok(&doc, "fire", 0), tok(&doc, "exchanged", 0));
        assert_eq!((t.head(fire), t.rel(fire)), (Some(exchanged), "obj"));
        assert_eq!(t.rel(tok(&doc, "overnight", 0)), "obl:tmod");
    }
    let doc = code(doc);
    let e = trigger(&doc, "exchanged").expect("exchanging fire is coded");
    assert_eq!((e.cameo.as_str(), actor(&e.source)), ("190", Some("ARMMIL")));
}

#[test]
fn a_participle_after_the_raised_verb_is_its_adjunct() {
    let mut doc = layers("A Russian missile struck an apartment block in Dnipro, killing 12 people, regional officials said.");
    slip(
        &mut doc,
        &[
            (("said", 0), None, "root"),
            (("missile", 0), Some(("said", 0)), "ccomp"),
            (("struck", 0), Some(("missile", 0)), "acl"),
            (("block", 0), Some(("struck", 0)), "obj"),
            (("killing", 0), Some(("missile", 0)), "acl"),
            ((",", 0), Some(("killing", 0)), "punct"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (killing, struck) = (tok(&doc, "killing", 0), tok(&doc, "struck", 0));
        assert_eq!((t.head(killing), t.rel(killing)), (Some(struck), "advcl"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "killing").expect("the killing is coded");
    assert_eq!(actor(&e.source), Some("RUS"));
}

#[test]
fn a_second_subject_beside_the_first_is_its_conjunct() {
    let mut doc = layers("South Korea and the United States held joint military exercises near the border.");
    slip(
        &mut doc,
        &[
            (("held", 0), None, "root"),
            (("Korea", 0), Some(("held", 0)), "nsubj"),
            (("and", 0), Some(("held", 0)), "cc"),
            (("States", 0), Some(("held", 0)), "nsubj"),
            (("exercises", 0), Some(("held", 0)), "obj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (korea, states) = (tok(&doc, "Korea", 0), tok(&doc, "States", 0));
        assert_eq!((t.head(states), t.rel(states)), (Some(korea), "conj"));
    }
    let doc = code(doc);
    let pairs: Vec<_> = doc.events.events.iter().filter(|e| e.cameo == "062").map(|e| (actor(&e.source), actor(&e.target))).collect();
    assert!(pairs.contains(&(Some("KOR"), Some("USA"))) && pairs.contains(&(Some("USA"), Some("KOR"))), "{pairs:?}");
}

#[test]
fn a_verb_with_its_own_subject_read_as_a_modifier_is_a_clause() {
    let mut doc = layers("Hamas denied that its fighters had attacked civilians.");
    slip(
        &mut doc,
        &[
            (("denied", 0), None, "root"),
            (("that", 0), Some(("attacked", 0)), "mark"),
            (("fighters", 0), Some(("attacked", 0)), "nsubj"),
            (("had", 0), Some(("attacked", 0)), "aux"),
            (("attacked", 0), Some(("civilians", 0)), "amod"),
            (("civilians", 0), Some(("denied", 0)), "obj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (attacked, civilians, denied) = (tok(&doc, "attacked", 0), tok(&doc, "civilians", 0), tok(&doc, "denied", 0));
        assert_eq!((t.head(attacked), t.rel(attacked)), (Some(denied), "ccomp"));
        assert_eq!((t.head(civilians), t.rel(civilians)), (Some(attacked), "obj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "attacked").expect("the attack is coded");
    assert_eq!(e.attribution.as_ref().map(|a| a.stance), Some(Stance::Denied));
}

#[test]
fn a_perfect_read_as_have_and_its_object_is_the_perfect() {
    let mut doc = layers("Ukraine's air force said it had shot down 11 of 14 drones.");
    slip(
        &mut doc,
        &[
            (("said", 0), None, "root"),
            (("it", 0), Some(("had", 0)), "nsubj"),
            (("had", 0), Some(("said", 0)), "ccomp"),
            (("shot", 0), Some(("had", 0)), "obj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (had, shot, said) = (tok(&doc, "had", 0), tok(&doc, "shot", 0), tok(&doc, "said", 0));
        assert_eq!((t.head(shot), t.rel(shot)), (Some(said), "ccomp"));
        assert_eq!((t.head(had), t.rel(had)), (Some(shot), "aux"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "shot").expect("the shooting down is coded");
    assert_eq!(actor(&e.source), Some("UKRMIL"));
}

#[test]
fn a_deed_tagged_as_the_object_verb_is_done_by_the_verbs_subject() {
    let mut doc = layers("Myanmar's military carried out air strikes on a village in Sagaing, killing dozens of civilians.");
    let k = tok(&doc, "strikes", 0);
    doc.syntax.tokens[k].upos = "VERB";
    doc.syntax.tokens[k].xpos = "VBZ";
    slip(
        &mut doc,
        &[
            (("carried", 0), None, "root"),
            (("military", 0), Some(("carried", 0)), "nsubj"),
            (("strikes", 0), Some(("carried", 0)), "obj"),
            (("air", 0), Some(("strikes", 0)), "compound"),
            (("village", 0), Some(("strikes", 0)), "obl"),
            (("killing", 0), Some(("strikes", 0)), "advcl"),
        ],
    );
    {
        // "air" stays a modifier of the noun, not the subject of a verb.
        let t = Tree::new(&doc);
        assert_eq!(t.rel(tok(&doc, "air", 0)), "compound");
    }
    let doc = code(doc);
    let e = trigger(&doc, "killing").expect("killing coded");
    assert_eq!(actor(&e.source), Some("MMRMIL"), "{e:?}");
    assert!(trigger(&doc, "strikes").is_none(), "the strikes are the carrying out's: {:?}", doc.events.events);
}

#[test]
fn a_participle_of_affiliation_read_as_the_verb_describes_its_noun() {
    let mut doc = layers("Gunmen linked to al-Qaeda killed 12 soldiers in Mali, officials said.");
    let k = tok(&doc, "linked", 0);
    doc.syntax.tokens[k].upos = "VERB";
    doc.syntax.tokens[k].xpos = "VBD";
    slip(
        &mut doc,
        &[
            (("said", 0), None, "root"),
            (("linked", 0), Some(("said", 0)), "ccomp"),
            (("Gunmen", 0), Some(("linked", 0)), "nsubj"),
            (("al", 0), Some(("linked", 0)), "obl"),
            (("killed", 0), Some(("linked", 0)), "advcl"),
            (("soldiers", 0), Some(("killed", 0)), "obj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (gunmen, killed, linked) = (tok(&doc, "Gunmen", 0), tok(&doc, "killed", 0), tok(&doc, "linked", 0));
        assert_eq!((t.head(gunmen), t.rel(gunmen)), (Some(killed), "nsubj"));
        assert_eq!((t.head(linked), t.rel(linked)), (Some(gunmen), "acl"));
        assert_eq!(t.head(killed), Some(tok(&doc, "said", 0)));
    }
    let doc = code(doc);
    let e = trigger(&doc, "killed").expect("killed coded");
    assert_eq!(actor(&e.source), Some("---UAF"), "{e:?}");
    assert!(e.attribution.is_some(), "{e:?}");
}

#[test]
fn a_place_read_as_the_head_of_the_verb_after_it_is_its_subject() {
    let mut doc = layers("Tehran retaliated by seizing a British tanker in the Gulf.");
    slip(
        &mut doc,
        &[
            (("Tehran", 0), None, "root"),
            (("retaliated", 0), Some(("Tehran", 0)), "acl"),
            (("seizing", 0), Some(("retaliated", 0)), "advcl"),
            ((".", 0), Some(("Tehran", 0)), "punct"),
        ],
    );
    let k = tok(&doc, "retaliated", 0);
    doc.syntax.tokens[k].xpos = "VBN";
    {
        let t = Tree::new(&doc);
        let (tehran, retaliated) = (tok(&doc, "Tehran", 0), tok(&doc, "retaliated", 0));
        assert_eq!((t.head(tehran), t.rel(tehran)), (Some(retaliated), "nsubj"));
        assert_eq!(t.head(retaliated), None);
    }
    let doc = code(doc);
    let e = trigger(&doc, "seizing").expect("seizing coded");
    assert!(actor(&e.source).is_some_and(|a| a.starts_with("IRN")), "{e:?}");
    // A headline's passive keeps its agent: the place is what was done to.
    let doc = code(layers("Kherson shelled by Russian forces, officials said."));
    assert!(doc.events.events.iter().all(|e| actor(&e.source) != Some("UKR")), "{:?}", doc.events.events);
}

#[test]
fn a_place_after_outside_read_as_a_second_subject_is_where_the_deed_happened() {
    let mut doc = layers("Russian troops seized the airport outside Kyiv on Thursday, officials said.");
    slip(
        &mut doc,
        &[
            (("seized", 0), Some(("said", 0)), "ccomp"),
            (("outside", 0), Some(("seized", 0)), "advmod"),
            (("Kyiv", 0), Some(("said", 0)), "nsubj"),
            (("Thursday", 0), Some(("Kyiv", 0)), "nmod"),
            (("officials", 0), Some(("said", 0)), "nsubj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (kyiv, seized) = (tok(&doc, "Kyiv", 0), tok(&doc, "seized", 0));
        assert_eq!((t.head(kyiv), t.rel(kyiv)), (Some(seized), "obl"));
        assert_eq!((t.head(tok(&doc, "outside", 0)), t.rel(tok(&doc, "outside", 0))), (Some(kyiv), "case"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "seized").expect("seized coded");
    assert_eq!(e.date.value, "2022-03-03", "Thursday before the report's Friday: {e:?}");
    let by = e.attribution.as_ref().and_then(|a| a.by.as_ref()).map(|b| b.span.of(doc.text()));
    assert_eq!(by, Some("officials"), "{e:?}");
}

#[test]
fn a_time_hung_on_the_reporting_verb_before_its_comma_dates_the_deed() {
    let mut doc = layers("Russian troops seized the airport on Thursday, officials said.");
    slip(
        &mut doc,
        &[
            (("seized", 0), Some(("said", 0)), "ccomp"),
            (("Thursday", 0), Some(("said", 0)), "obl"),
            (("on", 0), Some(("Thursday", 0)), "case"),
            ((",", 0), Some(("said", 0)), "punct"),
        ],
    );
    let doc = code(doc);
    let e = trigger(&doc, "seized").expect("seized coded");
    assert_eq!(e.date.value, "2022-03-03", "{e:?}");
}

#[test]
fn a_noun_of_the_reported_clause_read_as_a_second_subject_of_said_stays_in_the_clause() {
    let mut doc = layers("Israeli aircraft struck a school sheltering displaced families in Gaza City on Thursday, the civil defence agency said.");
    slip(
        &mut doc,
        &[
            (("struck", 0), Some(("said", 0)), "ccomp"),
            (("sheltering", 0), Some(("struck", 0)), "obj"),
            (("families", 0), Some(("said", 0)), "nsubj"),
            (("City", 0), Some(("families", 0)), "nmod"),
            (("Thursday", 0), Some(("families", 0)), "nmod"),
            ((",", 0), Some(("Thursday", 0)), "punct"),
            (("agency", 0), Some(("said", 0)), "nsubj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let said = tok(&doc, "said", 0);
        assert_eq!(t.head(tok(&doc, "families", 0)), Some(tok(&doc, "sheltering", 0)));
        assert_eq!(t.with_rel(said, "nsubj").collect::<Vec<_>>(), [tok(&doc, "agency", 0)]);
    }
    let doc = code(doc);
    let e = trigger(&doc, "struck").expect("struck coded");
    assert_eq!(e.date.value, "2022-03-03", "{e:?}");
    let by = e.attribution.as_ref().and_then(|a| a.by.as_ref()).map(|b| b.span.of(doc.text()));
    assert!(by.is_some_and(|b| b.contains("agency")), "{e:?}");
}

#[test]
fn a_modifier_before_the_reporting_comma_is_the_reported_clauses() {
    let mut doc = layers("Russian artillery struck the power plant overnight, local officials said.");
    slip(
        &mut doc,
        &[
            (("struck", 0), Some(("said", 0)), "ccomp"),
            (("overnight", 0), Some(("officials", 0)), "amod"),
            ((",", 0), Some(("plant", 0)), "punct"),
            (("officials", 0), Some(("said", 0)), "nsubj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        assert_eq!(t.head(tok(&doc, "overnight", 0)), Some(tok(&doc, "struck", 0)));
    }
    let doc = code(doc);
    let e = trigger(&doc, "struck").expect("struck coded");
    let by = e.attribution.as_ref().and_then(|a| a.by.as_ref()).map(|b| b.span.of(doc.text()));
    assert_eq!(by, Some("local officials"), "{e:?}");
    assert!(e.date.value.starts_with("2022-03-03"), "the night before the report: {e:?}");
}

#[test]
fn a_reporting_clause_read_as_a_conjunct_before_adding_is_still_the_report() {
    let mut doc = layers("Hezbollah fired dozens of rockets at northern Israel on Tuesday, the Israeli army said, adding that most were intercepted.");
    slip(
        &mut doc,
        &[
            (("fired", 0), None, "root"),
            (("said", 0), Some(("fired", 0)), "conj"),
            (("army", 0), Some(("said", 0)), "nsubj"),
            (("adding", 0), Some(("said", 0)), "advcl"),
        ],
    );
    let doc = code(doc);
    let e = trigger(&doc, "fired").expect("fired coded");
    let by = e.attribution.as_ref().and_then(|a| a.by.as_ref()).and_then(|p| p.actor.as_deref());
    assert_eq!(by, Some("ISRMIL"), "{e:?}");
}

#[test]
fn a_name_read_as_apposition_of_a_fronted_phrase_is_the_subject() {
    let mut doc = layers("In the interview, Schumer, who endorsed Biden in February, reiterated those feelings.");
    slip(
        &mut doc,
        &[
            (("reiterated", 0), None, "root"),
            (("interview", 0), Some(("reiterated", 0)), "obl"),
            (("Schumer", 0), Some(("interview", 0)), "appos"),
            (("endorsed", 0), Some(("interview", 0)), "acl:relcl"),
            ((",", 1), Some(("endorsed", 0)), "punct"),
            ((",", 2), Some(("interview", 0)), "punct"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (reid, reiterated) = (tok(&doc, "Schumer", 0), tok(&doc, "reiterated", 0));
        assert_eq!((t.head(reid), t.rel(reid)), (Some(reiterated), "nsubj"));
        assert_eq!(t.head(tok(&doc, "endorsed", 0)), Some(reid), "the relative clause is about Schumer");
    }
    let doc = code(doc);
    let e = trigger(&doc, "endorsed").expect("the endorsement is coded");
    assert_eq!(e.source.as_ref().map(|s| s.span.of(doc.text())), Some("Schumer"), "{e:?}");
}

#[test]
fn a_relative_whom_read_as_a_second_subject_is_the_object() {
    let mut doc = layers("The strike was a blow to Defence Minister Rustem Umerov, who many in parliament had backed.");
    slip(
        &mut doc,
        &[
            (("who", 0), Some(("backed", 0)), "nsubj:pass"),
            (("many", 0), Some(("backed", 0)), "nsubj"),
            (("backed", 0), Some(("blow", 0)), "acl:relcl"),
            (("Umerov", 0), Some(("Defence", 0)), "flat"),
            (("Rustem", 0), Some(("Defence", 0)), "flat"),
            (("Minister", 0), Some(("Defence", 0)), "flat"),
            (("Defence", 0), Some(("blow", 0)), "nmod"),
        ],
    );
    let t = Tree::new(&doc);
    let (who, backed) = (tok(&doc, "who", 0), tok(&doc, "backed", 0));
    assert_eq!((t.head(who), t.rel(who)), (Some(backed), "obj"));
    assert_eq!(t.rel(tok(&doc, "many", 0)), "nsubj");
    assert_eq!(t.head(backed), Some(tok(&doc, "Defence", 0)), "the clause is about the minister");
}

#[test]
fn a_distance_after_a_place_read_as_a_subject_describes_the_place() {
    let mut doc = layers("Rebels seized the town of Sake, 25 km west of Goma, on Tuesday, residents said.");
    slip(
        &mut doc,
        &[
            (("said", 0), None, "root"),
            (("seized", 0), Some(("said", 0)), "ccomp"),
            (("km", 0), Some(("said", 0)), "nsubj"),
            (("Tuesday", 0), Some(("km", 0)), "nmod"),
            (("residents", 0), Some(("km", 0)), "conj"),
        ],
    );
    let t = Tree::new(&doc);
    let km = tok(&doc, "km", 0);
    assert_eq!((t.head(km), t.rel(km)), (Some(tok(&doc, "town", 0)), "appos"));
}

#[test]
fn a_possessive_apostrophe_read_as_punctuation_leaves_no_subject() {
    let mut doc = layers("She said that Zelensky's aides' widely criticized interview was a mistake.");
    slip(
        &mut doc,
        &[
            (("aides", 0), Some(("criticized", 0)), "nsubj"),
            (("'", 0), Some(("aides", 0)), "punct"),
            (("widely", 0), Some(("criticized", 0)), "advmod"),
            (("criticized", 0), Some(("said", 0)), "ccomp"),
            (("that", 0), Some(("criticized", 0)), "mark"),
            (("interview", 0), Some(("mistake", 0)), "nsubj"),
            (("mistake", 0), Some(("criticized", 0)), "ccomp"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (aides, interview, criticized, mistake) = (tok(&doc, "aides", 0), tok(&doc, "interview", 0), tok(&doc, "criticized", 0), tok(&doc, "mistake", 0));
        assert_eq!((t.head(aides), t.rel(aides)), (Some(interview), "nmod:poss"));
        assert_eq!((t.head(criticized), t.rel(criticized)), (Some(interview), "amod"));
        assert_eq!((t.head(mistake), t.rel(mistake)), (Some(tok(&doc, "said", 0)), "ccomp"));
    }
    let doc = code(doc);
    assert!(doc.events.events.iter().all(|e| actor(&e.source) != Some("UKRGOV")), "the aides criticized nothing: {:?}", doc.events.events);
}

#[test]
fn a_possessive_apostrophe_with_the_noun_read_as_object_leaves_no_subject() {
    let mut doc = layers("She said that Zelensky's aides' widely criticized interview raised questions.");
    slip(
        &mut doc,
        &[
            (("aides", 0), Some(("criticized", 0)), "nsubj"),
            (("'", 0), Some(("aides", 0)), "punct"),
            (("criticized", 0), Some(("said", 0)), "ccomp"),
            (("that", 0), Some(("criticized", 0)), "mark"),
            (("interview", 0), Some(("criticized", 0)), "obj"),
        ],
    );
    let t = Tree::new(&doc);
    let (aides, interview) = (tok(&doc, "aides", 0), tok(&doc, "interview", 0));
    assert_eq!((t.head(aides), t.rel(aides)), (Some(interview), "nmod:poss"));
    assert_eq!(t.head(interview), Some(tok(&doc, "said", 0)));
}

#[test]
fn a_name_given_read_as_a_modifier_of_the_apposition_is_the_predicate() {
    let mut doc = layers("Lavrov called Zelensky, the Ukrainian president, a puppet of the West.");
    slip(
        &mut doc,
        &[
            (("called", 0), None, "root"),
            (("Zelensky", 0), Some(("called", 0)), "obj"),
            (("president", 0), Some(("Zelensky", 0)), "appos"),
            (("puppet", 0), Some(("president", 0)), "nmod"),
            (("a", 0), Some(("puppet", 0)), "det"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let puppet = tok(&doc, "puppet", 0);
        assert_eq!((t.head(puppet), t.rel(puppet)), (Some(tok(&doc, "called", 0)), "xcomp"));
    }
    let doc = code(doc);
    assert!(doc.events.events.iter().all(|e| e.cameo != "041"), "a name given is no telephone call: {:?}", doc.events.events);
}

#[test]
fn a_clause_after_as_or_after_read_as_a_phrase_gets_its_subject() {
    // "as" read as a preposition, the clause's subject as its object, the verb as a
    // conjunct of the main verb.
    let mut doc = layers("Protests grew as Russian troops shelled Kharkiv.");
    slip(
        &mut doc,
        &[
            (("grew", 0), None, "root"),
            (("Protests", 0), Some(("grew", 0)), "nsubj"),
            (("as", 0), Some(("troops", 0)), "case"),
            (("Russian", 0), Some(("troops", 0)), "amod"),
            (("troops", 0), Some(("grew", 0)), "obl"),
            (("shelled", 0), Some(("grew", 0)), "conj"),
            (("Kharkiv", 0), Some(("shelled", 0)), "obj"),
        ],
    );
    let shelled = tok(&doc, "shelled", 0);
    doc.syntax.tokens[shelled].xpos = "VBD";
    let doc = code(doc);
    let e = trigger(&doc, "shelled").expect("the shelling is coded");
    assert_eq!((actor(&e.source), actor(&e.target)), (Some("RUSMIL"), Some("UKR")), "{e:?}");
    // … or the verb read as a participle modifying the subject.
    let mut doc = layers("Protests grew as Russian troops shelled Kharkiv.");
    slip(&mut doc, &[(("troops", 0), Some(("grew", 0)), "obl"), (("shelled", 0), Some(("troops", 0)), "acl"), (("Kharkiv", 0), Some(("shelled", 0)), "obj")]);
    let shelled = tok(&doc, "shelled", 0);
    doc.syntax.tokens[shelled].xpos = "VBN";
    let doc = code(doc);
    let e = trigger(&doc, "shelled").expect("the shelling is coded");
    assert_eq!((actor(&e.source), actor(&e.target)), (Some("RUSMIL"), Some("UKR")), "{e:?}");
    // "after" hung inside the object's phrase, a bare time between the subject and the
    // verb, the participle read as the modifier of its object.
    let mut doc = layers("Kyiv sought to end the war after Russian police last week arrested dozens of Ukrainians.");
    slip(
        &mut doc,
        &[
            (("after", 0), Some(("police", 0)), "case"),
            (("police", 0), Some(("war", 0)), "nmod"),
            (("week", 0), Some(("end", 0)), "obl:unmarked"),
            (("arrested", 0), Some(("dozens", 0)), "amod"),
            (("dozens", 0), Some(("police", 0)), "conj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (arrested, police) = (tok(&doc, "arrested", 0), tok(&doc, "police", 0));
        assert_eq!((t.head(police), t.rel(police)), (Some(arrested), "nsubj"));
        assert_eq!((t.head(tok(&doc, "dozens", 0)), t.rel(tok(&doc, "dozens", 0))), (Some(arrested), "obj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "arrested").expect("the arrests are coded");
    assert_eq!((e.cameo.as_str(), actor(&e.source)), ("173", Some("RUSCOP")), "{e:?}");
    // A participle with no object read as the subject's modifier, nothing after it that
    // could be the clause's verb.
    let mut doc = layers("Fighting intensified as Russian forces pushed toward Pokrovsk on Tuesday.");
    slip(&mut doc, &[(("intensified", 0), None, "root"), (("Fighting", 0), Some(("intensified", 0)), "nsubj"), (("forces", 0), Some(("intensified", 0)), "obl"), (("pushed", 0), Some(("forces", 0)), "acl"), (("Pokrovsk", 0), Some(("pushed", 0)), "obl")]);
    let pushed = tok(&doc, "pushed", 0);
    doc.syntax.tokens[pushed].xpos = "VBN";
    {
        let t = Tree::new(&doc);
        assert_eq!((t.head(tok(&doc, "forces", 0)), t.rel(tok(&doc, "forces", 0))), (Some(pushed), "nsubj"));
    }
    // The main verb's object read as the passive subject of the clause after "after".
    let mut doc = layers("Protesters stormed the Swedish embassy in Baghdad after a Koran was burned in Stockholm.");
    slip(
        &mut doc,
        &[
            (("stormed", 0), None, "root"),
            (("embassy", 0), Some(("burned", 0)), "nsubj:pass"),
            (("Baghdad", 0), Some(("embassy", 0)), "nmod"),
            (("after", 0), Some(("Koran", 0)), "case"),
            (("Koran", 0), Some(("Baghdad", 0)), "nmod"),
            (("was", 0), Some(("burned", 0)), "aux:pass"),
            (("burned", 0), Some(("stormed", 0)), "ccomp"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (stormed, burned) = (tok(&doc, "stormed", 0), tok(&doc, "burned", 0));
        assert_eq!((t.head(tok(&doc, "embassy", 0)), t.rel(tok(&doc, "embassy", 0))), (Some(stormed), "obj"));
        assert_eq!((t.head(tok(&doc, "Koran", 0)), t.rel(tok(&doc, "Koran", 0))), (Some(burned), "nsubj:pass"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "stormed").expect("the storming is coded");
    assert_eq!(actor(&e.target), Some("SWEGOV"), "{e:?}");
    // A participle inside the phrase describes: "a reason for his alleged bias".
    let mut doc = layers("Trump named it as a reason for Curiel's alleged bias.");
    slip(&mut doc, &[(("as", 0), Some(("reason", 0)), "case"), (("reason", 0), Some(("named", 0)), "obl"), (("alleged", 0), Some(("bias", 0)), "amod")]);
    let t = Tree::new(&doc);
    assert_eq!(t.rel(tok(&doc, "alleged", 0)), "amod");
}

#[test]
fn a_demonym_read_as_the_head_of_its_name_describes_it() {
    let mut doc = layers("Polish President Andrzej Duda met Ukrainian President Volodymyr Zelensky in Kyiv on Monday.");
    slip(
        &mut doc,
        &[
            (("Polish", 0), None, "root"),
            (("President", 0), Some(("Andrzej", 0)), "nmod:desc"),
            (("Andrzej", 0), Some(("met", 0)), "nsubj"),
            (("Duda", 0), Some(("Andrzej", 0)), "flat"),
            (("met", 0), Some(("Polish", 0)), "advcl"),
            (("Ukrainian", 0), Some(("met", 0)), "xcomp"),
            (("President", 1), Some(("Volodymyr", 0)), "nmod:desc"),
            (("Volodymyr", 0), Some(("Ukrainian", 0)), "obl"),
            (("Zelensky", 0), Some(("Volodymyr", 0)), "flat"),
            ((".", 0), Some(("Polish", 0)), "punct"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let met = tok(&doc, "met", 0);
        assert_eq!(t.head(met), None);
        assert_eq!((t.head(tok(&doc, "Volodymyr", 0)), t.rel(tok(&doc, "Volodymyr", 0))), (Some(met), "obj"));
        assert_eq!((t.head(tok(&doc, "Polish", 0)), t.rel(tok(&doc, "Polish", 0))), (Some(tok(&doc, "Andrzej", 0)), "amod"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "met").expect("the meeting is coded");
    assert_eq!((actor(&e.source), actor(&e.target)), (Some("POLGOV"), Some("UKRGOV")), "{e:?}");
}

#[test]
fn a_hyphenated_participle_read_as_a_verb_describes_the_noun_after_it() {
    // "held" read as the verb's complement, "Idlib" as its object.
    let mut doc = layers("Syrian government forces shelled rebel-held Idlib, killing five civilians.");
    slip(
        &mut doc,
        &[
            (("shelled", 0), None, "root"),
            (("rebel", 0), Some(("held", 0)), "obl:unmarked"),
            (("held", 0), Some(("shelled", 0)), "xcomp"),
            (("Idlib", 0), Some(("held", 0)), "obj"),
            (("killing", 0), Some(("held", 0)), "advcl"),
        ],
    );
    let held = tok(&doc, "held", 0);
    doc.syntax.tokens[held].xpos = "VBN";
    let doc = code(doc);
    let e = trigger(&doc, "shelled").expect("the shelling is coded");
    assert_eq!(actor(&e.target), Some("SYR"), "{e:?}");
    // The word before the hyphen read as the head.
    let mut doc = layers("Ukrainian drones struck Russian-occupied Donetsk.");
    slip(
        &mut doc,
        &[
            (("struck", 0), None, "root"),
            (("Russian", 0), Some(("struck", 0)), "xcomp"),
            (("occupied", 0), Some(("Russian", 0)), "acl"),
            (("Donetsk", 0), Some(("occupied", 0)), "obj"),
        ],
    );
    let occupied = tok(&doc, "occupied", 0);
    doc.syntax.tokens[occupied].xpos = "VBN";
    {
        let t = Tree::new(&doc);
        assert_eq!((t.head(tok(&doc, "Donetsk", 0)), t.rel(tok(&doc, "Donetsk", 0))), (Some(tok(&doc, "struck", 0)), "obj"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "struck").expect("the strike is coded");
    assert_eq!(actor(&e.target), Some("UKR"), "{e:?}");
}

#[test]
fn a_hostage_read_as_a_second_object_says_what_the_object_became() {
    let mut doc = layers("Houthi rebels seized a cargo ship and took its crew hostage.");
    slip(&mut doc, &[(("took", 0), Some(("seized", 0)), "conj"), (("crew", 0), Some(("took", 0)), "obj"), (("hostage", 0), Some(("took", 0)), "obj")]);
    let doc = code(doc);
    let e = doc.events.events.iter().find(|e| e.trigger.of(doc.text()) == "took").expect("the hostage-taking is coded");
    assert_eq!((e.cameo.as_str(), actor(&e.source)), ("181", Some("YEMREBHTH")), "{e:?}");
}

#[test]
fn an_inverted_condition_read_with_the_auxiliary_as_root_gets_its_subject_and_object() {
    let mut doc = layers("Had Russia attacked Poland, NATO would have responded.");
    // As the parser read it: "Had" the root, "Russia" its object, "attacked" its
    // complement with "Poland" another, the main clause beside it.
    slip(&mut doc, &[(("Had", 0), None, "root"), (("Russia", 0), Some(("Had", 0)), "obj"), (("attacked", 0), Some(("Had", 0)), "xcomp"), (("Poland", 0), Some(("attacked", 0)), "xcomp"), (("responded", 0), Some(("Had", 0)), "parataxis")]);
    let doc = code(doc);
    let e = trigger(&doc, "attacked").expect("the attack is coded");
    assert_eq!((actor(&e.source), actor(&e.target), e.factuality), (Some("RUS"), Some("POL"), sitrep_core::Factuality::Conditional), "{e:?}");
    // The main clause's verb does not report the condition.
    assert!(e.attribution.is_none(), "{e:?}");
}

#[test]
fn a_second_subject_holding_the_and_is_a_conjunct_of_the_first() {
    let mut doc = layers("Sudan's army and the Rapid Support Forces agreed to a seven-day ceasefire in talks in Jeddah.");
    slip(&mut doc, &[(("army", 0), Some(("agreed", 0)), "nsubj"), (("and", 0), Some(("Forces", 0)), "cc"), (("Forces", 0), Some(("agreed", 0)), "nsubj")]);
    let doc = code(doc);
    let pairs: Vec<_> = doc.events.events.iter().filter(|e| e.root() == "03").map(|e| (actor(&e.source), actor(&e.target))).collect();
    assert!(pairs.contains(&(Some("SDNMIL"), Some("SDNREBRSF"))) && pairs.contains(&(Some("SDNREBRSF"), Some("SDNMIL"))), "{pairs:?}");
}

#[test]
fn a_name_read_as_a_predicate_is_the_one_charged() {
    let mut doc = layers("Ukrainian prosecutors charged Van Dyke with treason.");
    slip(&mut doc, &[(("Van", 0), Some(("charged", 0)), "xcomp")]);
    let doc = code(doc);
    let e = trigger(&doc, "charged").expect("the charge is coded");
    assert_eq!(e.target.as_ref().map(|p| p.span.of(doc.text())), Some("Van Dyke"), "{e:?}");
}

#[test]
fn her_read_as_an_indirect_object_before_a_clauses_subject_is_its_possessor() {
    let mut doc = layers("Zelensky promised her entire aid program would be funded by Poland.");
    slip(&mut doc, &[(("her", 0), Some(("promised", 0)), "iobj"), (("program", 0), Some(("funded", 0)), "nsubj:pass"), (("funded", 0), Some(("promised", 0)), "ccomp")]);
    {
        let t = Tree::new(&doc);
        let (her, program) = (tok(&doc, "her", 0), tok(&doc, "program", 0));
        assert_eq!((t.head(her), t.rel(her)), (Some(program), "nmod:poss"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "promised").expect("the promise is coded");
    assert_ne!(e.target.as_ref().map(|p| p.span.of(doc.text())), Some("her"), "{e:?}");
}

#[test]
fn a_participle_read_as_the_main_verb_describes_the_noun_before_it() {
    let mut doc = layers("Olena Petrenko, the mother of two Ukrainians killed in the attacks on Kharkiv, has filed a lawsuit against Russia.");
    slip(
        &mut doc,
        &[
            (("killed", 0), None, "root"),
            (("Olena", 0), Some(("killed", 0)), "vocative"),
            (("mother", 0), Some(("killed", 0)), "nsubj"),
            (("filed", 0), Some(("killed", 0)), "conj"),
            (("has", 0), Some(("filed", 0)), "aux"),
            (("lawsuit", 0), Some(("filed", 0)), "obj"),
        ],
    );
    {
        let t = Tree::new(&doc);
        let (killed, filed, mother) = (tok(&doc, "killed", 0), tok(&doc, "filed", 0), tok(&doc, "mother", 0));
        assert_eq!((t.head(filed), t.head(mother), t.rel(killed)), (None, Some(filed), "acl"));
    }
    let doc = code(doc);
    let e = trigger(&doc, "filed").expect("the lawsuit is coded");
    assert!(e.source.as_ref().is_some_and(|p| p.span.of(doc.text()).contains("mother")), "{e:?}");
    assert!(trigger(&doc, "killed").is_none_or(|e| e.source.as_ref().is_none_or(|p| !p.span.of(doc.text()).contains("mother"))));
}

#[test]
fn a_perfect_read_as_have_and_a_modifier_of_its_object_is_the_perfect() {
    let mut doc = layers("Kyiv said Moscow had sent agents who plotted to attack the port.");
    slip(
        &mut doc,
        &[
            (("had", 0), Some(("said", 0)), "ccomp"),
            (("Moscow", 0), Some(("had", 0)), "nsubj"),
            (("sent", 0), Some(("agents", 0)), "amod"),
            (("agents", 0), Some(("had", 0)), "obj"),
        ],
    );
    let t = Tree::new(&doc);
    let (had, sent, agents, said, moscow) = (tok(&doc, "had", 0), tok(&doc, "sent", 0), tok(&doc, "agents", 0), tok(&doc, "said", 0), tok(&doc, "Moscow", 0));
    assert_eq!((t.head(sent), t.rel(sent)), (Some(said), "ccomp"));
    assert_eq!((t.head(had), t.rel(had)), (Some(sent), "aux"));
    assert_eq!((t.head(agents), t.rel(agents)), (Some(sent), "obj"));
    assert_eq!(t.head(moscow), Some(sent));
}

#[test]
fn a_past_tense_read_as_joined_to_a_modal_verb_is_told_as_it_stands() {
    // "blamed" hung from "pull" as its conjunct: a past tense shares no modal.
    let mut doc = layers("Putin backpedaled on his prediction that Russia would pull out of its slump, and blamed Ukraine for the tumble.");
    slip(&mut doc, &[(("blamed", 0), Some(("pull", 0)), "conj")]);
    let doc = code(doc);
    let e = trigger(&doc, "blamed").expect("the blame is coded");
    assert_eq!(e.factuality, sitrep_core::Factuality::Asserted, "{e:?}");
}

#[test]
fn who_after_a_name_and_a_dash_is_that_name_when_the_clause_hangs_from_a_day() {
    let mut doc = layers("On Monday, Senator Lindsey Graham—who had previously endorsed Jeb Bush for president—will headline a fundraiser in Ohio.");
    slip(&mut doc, &[(("endorsed", 0), Some(("Monday", 0)), "acl:relcl")]);
    let doc = code(doc);
    let e = trigger(&doc, "endorsed").expect("the endorsement is coded");
    assert_eq!(actor(&e.source), Some("USALEG"), "{e:?}");
}

#[test]
fn an_object_with_its_own_preposition_after_an_adjective_is_the_adjectives() {
    let mut doc = layers("It is a pace of killing unknown to most Ukrainians.");
    slip(
        &mut doc,
        &[
            (("unknown", 0), Some(("Ukrainians", 0)), "amod"),
            (("to", 0), Some(("Ukrainians", 0)), "case"),
            (("Ukrainians", 0), Some(("killing", 0)), "obj"),
        ],
    );
    let doc = code(doc);
    assert!(doc.events.events.iter().all(|e| actor(&e.target).is_none()), "{:?}", doc.events.events);
}

#[test]
fn a_day_read_as_an_object_says_when() {
    let mut doc = layers("The ministry responded with the sanctions Moscow announced that same day.");
    slip(&mut doc, &[(("day", 0), Some(("announced", 0)), "obj"), (("that", 0), Some(("day", 0)), "det"), (("same", 0), Some(("day", 0)), "amod")]);
    let doc = code(doc);
    assert!(doc.events.events.iter().all(|e| e.target.as_ref().is_none_or(|t| !t.span.of(doc.text()).contains("day") && t.span.of(doc.text()) != "that")), "{:?}", doc.events.events);
}

#[test]
fn a_headline_party_to_do_a_deed_is_its_subject_and_the_deed_is_to_come() {
    let mut doc = layers("Rebels to attack Aleppo.");
    slip(&mut doc, &[(("Rebels", 0), None, "root"), (("attack", 0), Some(("Rebels", 0)), "acl"), (("to", 0), Some(("attack", 0)), "mark")]);
    let doc = code(doc);
    let e = trigger(&doc, "attack").expect("the attack is coded");
    assert_eq!(actor(&e.source), Some("---REB"), "{e:?}");
    assert_eq!(e.factuality, sitrep_core::Factuality::Expected, "{e:?}");
}

#[test]
fn of_two_subjects_the_one_that_names_a_person_does_the_deed() {
    let mut doc = layers("In a turn that recalled Vladimir Putin’s famous refrain, Volodymyr Zelensky pledged to defend Kyiv.");
    slip(&mut doc, &[(("refrain", 0), Some(("pledged", 0)), "nsubj"), (("Zelensky", 0), Some(("pledged", 0)), "nsubj")]);
    let doc = code(doc);
    let e = trigger(&doc, "pledged").expect("the pledge is coded");
    assert_eq!(actor(&e.source), Some("UKRGOV"), "{e:?}");
}

#[test]
fn a_content_clause_whose_complement_has_its_own_object_is_no_relative() {
    let mut doc = layers("Video contradicted Kharkiv police’s earlier claim that Russian troops had refused to free the Ukrainian prisoners.");
    slip(&mut doc, &[(("that", 0), Some(("refused", 0)), "obj"), (("refused", 0), Some(("claim", 0)), "acl:relcl")]);
    {
        let t = Tree::new(&doc);
        let (that, refused, claim) = (tok(&doc, "that", 0), tok(&doc, "refused", 0), tok(&doc, "claim", 0));
        assert_eq!((t.head(that), t.rel(that)), (Some(refused), "mark"));
        assert_eq!((t.head(refused), t.rel(refused)), (Some(claim), "acl"));
    }
    let doc = code(doc);
    assert!(doc.events.events.iter().all(|e| e.target.as_ref().is_none_or(|t| !t.span.of(doc.text()).contains("claim"))), "{:?}", doc.events.events);
}

#[test]
fn an_adjective_after_the_object_of_a_verb_of_judging_says_what_it_is() {
    let mut doc = layers("Partisans consider Zelensky’s achievements substantial.");
    slip(&mut doc, &[(("substantial", 0), Some(("achievements", 0)), "amod"), (("achievements", 0), Some(("consider", 0)), "obj")]);
    let doc = code(doc);
    assert!(doc.events.events.iter().all(|e| e.root() != "01"), "{:?}", doc.events.events);
}
