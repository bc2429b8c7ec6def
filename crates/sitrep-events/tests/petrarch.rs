//! The PETRARCH readers and actor re-coding on small invented dictionaries and records.

use sitrep_core::{Doc, Meta, Stage};
use sitrep_events::petrarch::{self, dict, ActorDict, AgentDict, DictKind, Dicts, VerbDict};

const ACTORS: &str = "<!-- test actors -->
ZANTHIA [ZAN]
+ZANTHIAN
KORVALE_ [KRV] # a comment
QUILL_MOUNTAINS [QML]
TESSARIN
+TESS
\t[TSS < 20000101]
\t[TSSGOV 20000101-20101231]
\t[TSSREB >20110101]
NOBODY_IN_PARTICULAR [---]
";

const AGENTS: &str = "!FOLK! = MAN, MEN
ARMY {} [~MIL]
GOVERNMENT [~GOV]
RELIEF_AGENCY [NGO~]
POST!FOLK! [~COM]
ALLY {ALLIES} [~ALY]
";

const VERBS: &str = "&GIFTS
+FLOWERS
+SWEET CAKES

--- PRAISE [051] ---
PRAISE {PRAISES PRAISED}
LAUD [052]
- * EFFORTS [053]
- NOT * [111]
- * &GIFTS [054]

--- EXCHANGE [---] ---
EXCHANG
- * FIRE [190]

--- DEPART [032:033] ---
DEPART
+HEAD_OUT {+HEADED_OUT}
";

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_uppercase).collect()
}

#[test]
fn actors_with_synonyms_stems_and_dates() {
    let d = ActorDict::parse(ACTORS);
    assert_eq!(d.len(), 5);
    let code = |s: &str, day: u32| d.match_at(&words(s)).and_then(|(_, i)| d.actors[i].code_on(day)).map(str::to_string);
    assert_eq!(code("Zanthian troops", 20200101).as_deref(), Some("ZAN"), "synonym");
    assert_eq!(code("Zanthias", 20200101).as_deref(), Some("ZAN"), "stem");
    assert_eq!(code("Korvalese", 20200101), None, "trailing _ means exact");
    assert_eq!(code("Korvale", 20200101).as_deref(), Some("KRV"));
    assert_eq!(d.match_at(&words("Quill Mountains rise")).map(|m| m.0), Some(2));
    assert_eq!(code("Tess", 19990101).as_deref(), Some("TSS"));
    assert_eq!(code("Tessarin", 20050601).as_deref(), Some("TSSGOV"));
    assert_eq!(code("Tessarin", 20120101).as_deref(), Some("TSSREB"));
    assert_eq!(code("Nobody in particular", 20120101).as_deref(), Some("---"));
}

#[test]
fn agents_with_plurals_macros_and_affixes() {
    let d = AgentDict::parse(AGENTS);
    let m = |s: &str| d.match_at(&words(s)).map(|(n, a)| (n, a.prefix.clone(), a.suffix.clone()));
    assert_eq!(m("army"), Some((1, String::new(), "MIL".into())));
    assert_eq!(m("armies"), None, "{{}} means no plural");
    assert_eq!(m("governments"), Some((1, String::new(), "GOV".into())));
    assert_eq!(m("relief agencies"), Some((2, "NGO".into(), String::new())));
    assert_eq!(m("postmen"), Some((1, String::new(), "COM".into())));
    assert_eq!(m("allies"), Some((1, String::new(), "ALY".into())));
}

#[test]
fn combined_codes() {
    let dicts = Dicts { actors: Some(ActorDict::parse(ACTORS)), agents: Some(AgentDict::parse(AGENTS)), ..Default::default() };
    let c = |s: &str| petrarch::code_words(&words(s), &dicts, 20200101);
    assert_eq!(c("the Zanthian army").as_deref(), Some("ZANMIL"));
    assert_eq!(c("a relief agency of Korvale").as_deref(), Some("NGOKRV"));
    assert_eq!(c("the relief agency Korvale government").as_deref(), Some("NGOKRVGOV"));
    assert_eq!(c("the government").as_deref(), Some("---GOV"));
    assert_eq!(c("some crowds"), None);
}

#[test]
fn verbs_with_patterns_synsets_and_pairs() {
    let d = VerbDict::parse(VERBS);
    let code = |s: &str, v: usize| {
        let w = words(s);
        d.code(&w, &w, v).map(|(c, _)| c)
    };
    assert_eq!(code("ZANTHIA PRAISED KORVALE", 1).as_deref(), Some("051"));
    assert_eq!(code("ZANTHIA LAUD KORVALE", 1).as_deref(), Some("052"), "a member's own code");
    assert_eq!(code("ZANTHIA PRAISED KORVALE EFFORTS", 1).as_deref(), Some("053"));
    assert_eq!(code("ZANTHIA DID NOT PRAISE KORVALE", 3).as_deref(), Some("111"));
    assert_eq!(code("ZANTHIA PRAISED THE SWEET CAKES OF KORVALE", 1).as_deref(), Some("054"), "multi-word synset member");
    assert_eq!(code("THEY EXCHANGED FIRE", 1).as_deref(), Some("190"), "stem entry");
    assert_eq!(code("THEY EXCHANGED LETTERS", 1).as_deref(), Some("---"));
    assert_eq!(code("ZANTHIA DEPARTED", 1).as_deref(), Some("032:033"));
    assert_eq!(code("THEY HEADED OUT", 1).as_deref(), Some("032:033"), "phrasal");
    assert_eq!(code("THEY HEADED HOME", 1), None);
}

#[test]
fn sniffing_kinds() {
    assert_eq!(dict::sniff(ACTORS), DictKind::Actors);
    assert_eq!(dict::sniff(AGENTS), DictKind::Agents);
    assert_eq!(dict::sniff(VERBS), DictKind::Verbs);
}

const RECORDS: &str = r#"<Validation>
# a banner
<Environment><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<Sentence date="20200304" id="T-01" category="BASIC" sentence="true">
<!-- <EventCoding sourcecode="XXX" targetcode="YYY" eventcode="999"></EventCoding> -->
<EventCoding sourcecode="ZAN" targetcode="KRV" eventcode="051"></EventCoding>
<EventCoding sourcecode='""' targetcode="KRV" eventcode="032"></EventCoding>
<Text>
Zanthia praised
Korvale.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence category="NONE" date = "20200305" id ="T-02" evaluate="true"/>
<EventCoding noevents = "True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="BROKEN" date="20200307" id="T-04" sentence="true">
<EventCoding error="bad_input_parse" />
<Text>Zanthia praised Korvale.</Text>
<Parse>(ROOT (S (NP (NNP Zanthia)) (VP (VBD praised) (NP (NNP Korvale))) (. .))</Parse>
</Sentence>
<Sentence category="BASIC" date="20200306" id="T-03" evaluate="false">
<EventCoding error="too long" />
<Text>Skipped.</Text>
</Sentence>
</Sentences></Validation>"#;

#[test]
fn records_are_read() {
    let r = petrarch::parse_records(RECORDS);
    assert_eq!(r.len(), 4);
    assert_eq!(r[0].id, "T-01");
    assert_eq!(r[0].text, "Zanthia praised Korvale.");
    assert_eq!(r[0].expected.len(), 2, "commented-out codings are ignored");
    assert_eq!(r[0].expected[1].source, "---");
    assert_eq!(r[0].day(), 20200304);
    assert!(r[1].no_events && r[1].expects_nothing() && r[1].evaluate);
    assert_eq!(r[1].date, "20200305");
    assert_eq!(r[0].malformed, None, "(ROOT) balances");
    assert!(r[2].error && r[2].malformed.as_deref().is_some_and(|m| m.contains("1 more '('")), "{:?}", r[2].malformed);
    assert!(r[3].error && !r[3].evaluate);
}

#[test]
fn harness_recodes_actors_and_verbs() {
    let dir = std::env::temp_dir().join(format!("sitrep-petrarch-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let records = dir.join("records.xml");
    std::fs::write(&records, RECORDS).unwrap();
    std::fs::write(dir.join("a.txt"), ACTORS).unwrap();
    let mut dicts = Dicts::from_environment(&records).unwrap();
    assert!(dicts.actors.is_some() && dicts.missing.is_empty());
    let vf = dir.join("v.txt");
    std::fs::write(&vf, VERBS).unwrap();
    assert_eq!(dicts.add_file(&vf).unwrap(), DictKind::Verbs);
    let run = |doc: &mut Doc| {
        sitrep_text::Segmenter::new().annotate(doc);
        sitrep_syntax::SyntaxStage::builtin().unwrap().annotate(doc);
        sitrep_time::TimeTagger::new().annotate(doc);
        sitrep_actors::EntityStage::builtin().unwrap().annotate(doc);
        sitrep_geo::PlaceTagger::builtin().annotate(doc);
        sitrep_events::EventStage::builtin().annotate(doc);
    };
    // One record directly: the invented names get the dictionary's codes.
    let mut doc = Doc::new(Meta::new("x", jiff::civil::date(2020, 3, 4)), "Zanthia praised Korvale.");
    run(&mut doc);
    let ours = petrarch::code_doc(&doc, &dicts, 20200304, false);
    assert!(ours.iter().any(|t| t.source == "ZAN" && t.target == "KRV" && t.code == "051"), "{ours:?}");
    // PETRARCH codes an event only with a source: nobody praised Korvale here.
    let mut doc = Doc::new(Meta::new("y", jiff::civil::date(2020, 3, 4)), "Korvale was praised.");
    run(&mut doc);
    assert_eq!(petrarch::code_doc(&doc, &dicts, 20200304, false), vec![]);
    // Nor of a pronoun with nothing to resolve it to; an uncoded name is still a source.
    let mut doc = Doc::new(Meta::new("z", jiff::civil::date(2020, 3, 4)), "They praised Korvale.");
    run(&mut doc);
    assert_eq!(petrarch::code_doc(&doc, &dicts, 20200304, false), vec![]);
    let mut doc = Doc::new(Meta::new("w", jiff::civil::date(2020, 3, 4)), "Farmers in the valley praised Korvale.");
    run(&mut doc);
    let ours = petrarch::code_doc(&doc, &dicts, 20200304, false);
    assert!(ours.iter().any(|t| t.source == "---" && t.target == "KRV" && t.code == "051"), "{ours:?}");
    let r = petrarch::evaluate(&records, &dicts, &run).unwrap();
    assert_eq!(r.skipped, 1);
    assert_eq!(r.all.records, 3);
    assert_eq!(r.events.0, 2);
    assert!(r.events.1 >= 1, "{r}");
    assert_eq!(r.all.no_event, 2);
    assert_eq!(r.all.no_event_ok, 2, "the malformed record is refused, not coded: {r}");
    assert!(r.malformed.len() == 1 && r.to_string().contains("T-04: its <Parse> has 1 more '('"), "{r}");
    assert!(r.to_string().contains("ALL"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pattern_slots_name_the_actors() {
    let d = VerbDict::parse(
        "--- CELEBRATE [042] ---
CELEBRATE
- + HOSTING * MAY_DAY $ [046]
- * IFTAR AT ^ ^ + [044]
",
    );
    let w = words("MORDOR WILL BE HOSTING OSGILIATH TO CELEBRATE MAY DAY WITH ERIADOR");
    let c = d.coding(&w, &w, 6).expect("coded");
    assert_eq!(c.code, "046");
    assert_eq!(c.target, Some(dict::Slot::Before(3)), "the target ends before HOSTING");
    assert_eq!(c.source, Some(dict::Slot::From(9)), "the source starts after MAY DAY");
    let w = words("ARNOR CELEBRATED IFTAR AT OSGILIATH WITH THE PARLIAMENT OF GONDOR");
    let c = d.coding(&w, &w, 1).expect("coded");
    assert_eq!(c.code, "044");
    assert_eq!(c.target, Some(dict::Slot::From(8)), "two phrases skipped: OSGILIATH, WITH THE PARLIAMENT");
}

#[test]
fn discards_match_whole_words() {
    let d = Dicts { discards: dict::parse_discards("# comment\n+TYPHOON  # story\nAFRICAN NATIONS CUP\n"), ..Default::default() };
    assert_eq!(d.discards.len(), 2);
    assert!(d.discarded(&words("AFTER A TYPHOON TRASHED ITS EMBASSY")));
    assert!(d.discarded(&words("THE AFRICAN NATIONS CUP")));
    assert!(!d.discarded(&words("THE AFRICAN NATIONS MET")));
}
