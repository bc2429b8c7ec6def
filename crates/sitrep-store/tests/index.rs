//! The in-memory event index answers every filter and order it covers exactly as SQLite
//! does, page by page.

use sitrep_core::{Attribution, Doc, Event, EventDate, Factuality, Participant, Place, PlacePrecision, Span, Stance};
use sitrep_store::*;

const ACTORS: &[&str] = &["RUSMIL", "RUSGOV", "UKRMIL", "UKRGOV", "USA", "CVL", "TURGOV"];
const TOWNS: &[(&str, f64, f64, &str)] = &[("Kharkiv", 49.99, 36.23, "UA"), ("Lviv", 49.84, 24.03, "UA"), ("Ankara", 39.93, 32.86, "TR"), ("Belgorod", 50.6, 36.6, "RU")];
const CODES: &[(&str, &str)] = &[("190", "ASSAULT"), ("193", "ASSAULT"), ("040", "CONSULT"), ("112", "ACCUSE"), ("0214", "REQUEST")];

/// Each report's text is `a b c d e f g` numbers choosing its event's fields.
fn fake(doc: &mut Doc) {
    let n: Vec<usize> = doc.text().split(' ').filter_map(|w| w.parse().ok()).collect();
    let whole = Span::from_usize(0, doc.text().len());
    let side = |k: usize| (k < ACTORS.len()).then(|| Participant { span: Span::from_usize(0, 1), actor: Some(ACTORS[k].into()), entity: None, inferred: false });
    let place = (n[2] < TOWNS.len()).then(|| {
        let (name, lat, lon, cc) = TOWNS[n[2]];
        let mut p = Place::new(Span::from_usize(0, 1), name, lat, lon, PlacePrecision::City);
        p.country = Some(cc.into());
        doc.places.places.push(p);
        doc.places.places.len() - 1
    });
    let (cameo, plover) = CODES[n[3] % CODES.len()];
    let stance = [None, Some(Stance::Reported), Some(Stance::Claimed), Some(Stance::Denied)][n[4] % 4];
    let date = doc.meta.date.checked_sub(jiff::Span::new().days((n[5] % 5) as i64)).unwrap();
    doc.events.events.push(Event {
        sentence: whole,
        trigger: Span::from_usize(0, 1),
        cameo: cameo.into(),
        plover: Some(plover.into()),
        goldstein: Some(-(n[6] as f32)),
        source: side(n[0]),
        target: side(n[1]),
        place,
        date: EventDate { value: date.to_string(), from: None },
        quantities: vec![],
        attribution: stance.map(|stance| Attribution { by: side(n[0] / 2), cue: "said".into(), stance }),
        factuality: if n[6].is_multiple_of(3) { Factuality::Negated } else { Factuality::Asserted },
        confidence: 0.5,
    });
}

#[test]
fn index_pages_equal_sqlite_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut lines = String::new();
    let mut x: u64 = 7;
    for i in 0..400 {
        let mut r = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 1000) as usize
        };
        let fields: Vec<String> = (0..7).map(|k| (r() % [9, 9, 5, 5, 4, 5, 11][k]).to_string()).collect();
        let date = jiff::civil::date(2022, 3, 1).checked_add(jiff::Span::new().days((i % 40) as i64)).unwrap();
        lines.push_str(&serde_json::json!({"id": format!("r{i}"), "date": date.to_string(), "text": format!("r{i} {}", fields.join(" ")), "lang": "en"}).to_string());
        lines.push('\n');
    }
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, lines).unwrap();
    ingest(&db, &[input.display().to_string()], &IngestOptions::default(), &fake, &mut |_| {}).unwrap();
    let store = Store::open_existing(&db).unwrap();
    let scanning = EventIndex::load(&store).unwrap();
    assert_eq!(scanning.len(), 400);
    let listing = EventIndex::load(&store).unwrap().always_use_lists();

    let s = |v: &str| Some(v.to_string());
    let filters = vec![
        Filter::default(),
        Filter { actor: s("RUS"), ..Filter::default() },
        Filter { actor: s("UKRMIL"), event_from: s("2022-03-10"), ..Filter::default() },
        Filter { event_from: s("2022-03-05"), event_to: s("2022-03-20"), ..Filter::default() },
        Filter { report_from: s("2022-03-15"), report_to: s("2022-03-16"), ..Filter::default() },
        Filter { country: s("UA"), cameo: s("19"), ..Filter::default() },
        Filter { country: s("RUS"), ..Filter::default() },
        Filter { cameo: s("0214"), ..Filter::default() },
        Filter { plover: s("ASSAULT"), factuality: s("negated"), ..Filter::default() },
        Filter { stance: s("none"), ..Filter::default() },
        Filter { stance: s("claimed"), actor: s("USA"), ..Filter::default() },
        Filter { place: s("kharkiv"), ..Filter::default() },
        Filter { near: Some((50.0, 36.3, 80.0)), ..Filter::default() },
        Filter { plover: s("NOSUCHTYPE"), ..Filter::default() },
        Filter { text: s("r1*"), ..Filter::default() },
        Filter { text: s("4 OR 7"), actor: s("UKR"), ..Filter::default() },
        Filter { text: s("nosuchword"), ..Filter::default() },
    ];
    for sort in [Sort::Date, Sort::DateAsc, Sort::ReportDate, Sort::Id] {
        for f in &filters {
            for limit in [7, 1000] {
                let mut f = Filter { sort, limit: Some(limit), ..f.clone() };
                for _page in 0..100 {
                    let want = events_page(&store, &f).unwrap();
                    let ids = |p: &Page<EventRow>| p.rows.iter().map(|e| e.id).collect::<Vec<_>>();
                    for index in [&scanning, &listing] {
                        let got = index.events_page(&store, &f).unwrap();
                        assert_eq!(ids(&got), ids(&want), "{f:?}");
                        assert_eq!(got.next, want.next, "{f:?}");
                    }
                    if limit == 1000 && f.cursor.is_none() {
                        // The counts agree with SQLite's too.
                        let counting = Filter { limit: None, ..f.clone() };
                        for index in [&scanning, &listing] {
                            assert_eq!(index.timeline(&store, &counting).unwrap(), timeline(&store, &counting).unwrap(), "{f:?}");
                            assert_eq!(index.actors(&store, &counting, 50).unwrap(), actors(&store, &counting, 50).unwrap(), "{f:?}");
                            let places = |v: Vec<PlaceCount>| v.into_iter().map(|p| (p.name, p.events, p.by_plover)).collect::<Vec<_>>();
                            assert_eq!(places(index.places(&store, &counting, 50).unwrap()), places(sitrep_store::places(&store, &counting, 50).unwrap()), "{f:?}");
                        }
                    }
                    match want.next {
                        Some(c) => f.cursor = Some(c),
                        None => break,
                    }
                }
            }
        }
    }
}

#[test]
fn the_index_takes_in_new_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, "{\"id\": \"a\", \"date\": \"2022-03-01\", \"text\": \"0 2 1 0 0 0 0\", \"lang\": \"en\"}\n").unwrap();
    ingest(&db, &[input.display().to_string()], &IngestOptions::default(), &fake, &mut |_| {}).unwrap();
    let store = Store::open_existing(&db).unwrap();
    let mut index = EventIndex::load(&store).unwrap();
    assert_eq!(index.len(), 1);
    std::fs::write(&input, "{\"id\": \"b\", \"date\": \"2022-02-01\", \"text\": \"1 3 0 2 1 1 4\", \"lang\": \"en\"}\n").unwrap();
    ingest(&db, &[input.display().to_string()], &IngestOptions::default(), &fake, &mut |_| {}).unwrap();
    assert_eq!(index.refresh(&store).unwrap(), 1);
    assert_eq!(index.refresh(&store).unwrap(), 0);
    let page = index.events_page(&store, &Filter::default()).unwrap();
    assert_eq!(page.rows.iter().map(|e| e.report.as_str()).collect::<Vec<_>>(), ["a", "b"], "latest event first");
    // A malformed full-text query is the caller's error, named as such.
    let err = index.events_page(&store, &Filter { text: Some("\"unclosed".into()), ..Filter::default() }).unwrap_err();
    assert!(err.to_string().contains("full-text"), "{err}");
}
