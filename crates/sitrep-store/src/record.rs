//! A report and its layers as rows, built on a worker thread and written by the writer.

use rusqlite::{params, Transaction};
use serde::Serialize;
use sitrep_core::{CharIndex, Doc, Event, Participant, Span};

/// Content hash of a report body: 128 bits (two independent 64-bit FNV-1a/mix passes),
/// stable across builds and platforms, as 32 hex digits.
///
/// ```
/// assert_eq!(sitrep_store::content_hash("a"), sitrep_store::content_hash("a"));
/// assert_ne!(sitrep_store::content_hash("a"), sitrep_store::content_hash("b"));
/// assert_eq!(sitrep_store::content_hash("a").len(), 32);
/// ```
pub fn content_hash(text: &str) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x9e37_79b9_7f4a_7c15 ^ text.len() as u64;
    for &byte in text.as_bytes() {
        a ^= byte as u64;
        a = a.wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ byte as u64).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    }
    let mix = |mut x: u64| {
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    };
    format!("{:016x}{:016x}", mix(a), mix(b))
}

/// CAMEO role codes that may open an actor code in place of a country.
const ROLES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "BUS", "CVL", "MED", "EDU", "ELI", "HLH", "LAB", "LEG", "REF", "SPY", "IGO",
    "NGO", "IMG", "UAF", "CRM", "AGR", "DEV", "ENV", "HRI", "MNC", "RAD", "SET", "MOD", "INS", "SEP", "UIS", "NGM", "REL", "CHR",
    "MOS", "JEW", "BUD", "HIN", "ATH", "ITH",
];

/// The country part of a CAMEO actor code (`UKRMIL` → `UKR`), if it has one.
pub(crate) fn actor_country(code: &str) -> Option<String> {
    let head = code.get(..3)?;
    if head.bytes().all(|b| b.is_ascii_uppercase()) && !ROLES.contains(&head) {
        Some(head.to_string())
    } else {
        None
    }
}

fn name<T: Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(v) => v.to_string(),
        Err(_) => String::new(),
    }
}

/// The day of a TIMEX3 value (`2022-02-24TNI` → `2022-02-24`), else `None`.
pub(crate) fn day_of(value: &str) -> Option<String> {
    let head = value.get(..10)?;
    head.parse::<jiff::civil::Date>().ok().map(|d| d.to_string())
}

/// One side of an event as stored.
#[derive(Debug, Clone, Default)]
pub(crate) struct Side {
    pub text: Option<String>,
    pub actor: Option<String>,
    pub country: Option<String>,
    pub inferred: bool,
}

impl Side {
    fn of(p: Option<&Participant>, text: &str) -> Side {
        match p {
            None => Side::default(),
            Some(p) => Side {
                text: Some(p.span.of(text).to_string()),
                actor: p.actor.clone(),
                country: p.actor.as_deref().and_then(actor_country),
                inferred: p.inferred,
            },
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct EventRec {
    pub cameo: String,
    pub root: String,
    pub plover: Option<String>,
    pub goldstein: Option<f32>,
    pub source: Side,
    pub target: Side,
    pub place: Option<usize>,
    pub event_date: String,
    pub date_value: String,
    pub factuality: String,
    pub stance: Option<String>,
    pub attribution: Side,
    pub attribution_cue: Option<String>,
    pub confidence: f32,
    pub evidence: String,
    pub sentence: [usize; 2],
    pub trigger_text: String,
    pub trigger: [usize; 2],
    pub quantities: Option<String>,
    /// Highlights as JSON.
    pub highlights: String,
}

/// A marked part of an event's evidence sentence: offsets in UTF-16 code units from the
/// start of the sentence, as JavaScript strings count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
struct Highlight {
    /// `trigger`, `source`, `target`, `place`, `time` or `attribution`.
    kind: &'static str,
    start: usize,
    end: usize,
}

/// The trigger, participants, place, time and attribution of `e` that lie inside its
/// sentence, as highlights of the sentence (JSON).
fn highlights(doc: &Doc, e: &Event) -> String {
    let text = doc.text();
    let span = |s: Span| Some([s.start as usize, s.end as usize]);
    let parts = [
        ("trigger", span(e.trigger)),
        ("source", e.source.as_ref().and_then(|p| span(p.span))),
        ("target", e.target.as_ref().and_then(|p| span(p.span))),
        ("place", e.place.and_then(|i| doc.places.places.get(i)).and_then(|p| span(p.span))),
        ("time", e.date.from.and_then(|i| doc.time.times.get(i)).and_then(|t| span(t.span))),
        ("attribution", e.attribution.as_ref().and_then(|a| a.by.as_ref()).and_then(|p| span(p.span))),
    ];
    let utf16 = |from: usize, to: usize| text.get(from..to).map_or(0, |s| s.encode_utf16().count());
    highlights_json([e.sentence.start as usize, e.sentence.end as usize], &parts, utf16)
}

/// Highlights of the `parts` that lie inside `sentence` (spans in any one unit), with
/// offsets in UTF-16 code units from the sentence's start; `utf16(a, b)` counts the code
/// units between two offsets.
///
/// A part outside the sentence (a source found by coreference in an earlier sentence, say)
/// is left out rather than pointing at the wrong words.
pub(crate) fn highlights_json(sentence: [usize; 2], parts: &[(&'static str, Option<[usize; 2]>)], utf16: impl Fn(usize, usize) -> usize) -> String {
    let mut out: Vec<Highlight> = parts
        .iter()
        .filter_map(|&(kind, span)| {
            let [a, b] = span?;
            (a >= sentence[0] && b <= sentence[1] && a < b).then(|| {
                let start = utf16(sentence[0], a);
                Highlight { kind, start, end: start + utf16(a, b) }
            })
        })
        .collect();
    out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".into())
}

#[derive(Debug, Clone)]
pub(crate) struct EntityRec {
    pub text: String,
    pub kind: String,
    pub canonical: String,
    pub actor: Option<String>,
    pub country: Option<String>,
    pub span: [usize; 2],
}

#[derive(Debug, Clone)]
pub(crate) struct PlaceRec {
    pub text: String,
    pub name: String,
    pub geonames_id: Option<u32>,
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub precision: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone)]
pub(crate) struct QuoteRec {
    pub text: String,
    pub speaker: Side,
    pub cue: Option<String>,
    pub span: [usize; 2],
}

/// A report with every row it adds to the store, independent of the `Doc` it came from.
#[derive(Debug, Clone)]
pub struct ReportRecord {
    /// The report id.
    pub id: String,
    /// [`content_hash`] of its text.
    pub hash: String,
    pub(crate) date: String,
    pub(crate) published: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) origin: String,
    pub(crate) text: String,
    pub(crate) events: Vec<EventRec>,
    pub(crate) entities: Vec<EntityRec>,
    pub(crate) places: Vec<PlaceRec>,
    pub(crate) quotes: Vec<QuoteRec>,
}

impl ReportRecord {
    /// The rows of an annotated report. Offsets are code points, as in `sitrep extract`.
    pub fn from_doc(doc: &Doc) -> ReportRecord {
        let text = doc.text();
        let index = CharIndex::new(text);
        let report_date = doc.meta.date.to_string();
        let events = doc
            .events
            .events
            .iter()
            .map(|e| {
                let (stance, attribution, cue) = match &e.attribution {
                    None => (None, Side::default(), None),
                    Some(a) => (Some(name(&a.stance)), Side::of(a.by.as_ref(), text), Some(a.cue.clone())),
                };
                EventRec {
                    cameo: e.cameo.clone(),
                    root: e.root().to_string(),
                    plover: e.plover.clone(),
                    goldstein: e.goldstein,
                    source: Side::of(e.source.as_ref(), text),
                    target: Side::of(e.target.as_ref(), text),
                    place: e.place.filter(|&p| p < doc.places.places.len()),
                    event_date: day_of(&e.date.value).unwrap_or_else(|| report_date.clone()),
                    date_value: e.date.value.clone(),
                    factuality: name(&e.factuality),
                    stance,
                    attribution,
                    attribution_cue: cue,
                    confidence: e.confidence,
                    evidence: e.sentence.of(text).to_string(),
                    sentence: index.span(e.sentence),
                    trigger_text: e.trigger.of(text).to_string(),
                    trigger: index.span(e.trigger),
                    quantities: (!e.quantities.is_empty()).then(|| serde_json::to_string(&e.quantities).unwrap_or_default()),
                    highlights: highlights(doc, e),
                }
            })
            .collect();
        let entities = doc
            .entities
            .entities
            .iter()
            .map(|e| EntityRec {
                text: e.span.of(text).to_string(),
                kind: name(&e.kind),
                canonical: e.canonical.clone(),
                actor: e.actor.clone(),
                country: e.detail.country.clone(),
                span: index.span(e.span),
            })
            .collect();
        let places = doc
            .places
            .places
            .iter()
            .map(|p| PlaceRec {
                text: p.span.of(text).to_string(),
                name: p.name.clone(),
                geonames_id: p.geonames_id,
                lat: p.lat,
                lon: p.lon,
                country: p.country.clone(),
                admin1: p.admin1.clone(),
                precision: name(&p.precision),
                span: index.span(p.span),
            })
            .collect();
        let quotes = doc
            .events
            .quotes
            .iter()
            .map(|q| QuoteRec { text: q.span.of(text).to_string(), speaker: Side::of(q.speaker.as_ref(), text), cue: q.cue.clone(), span: index.span(q.span) })
            .collect();
        ReportRecord {
            id: doc.meta.id.clone(),
            hash: content_hash(text),
            date: report_date,
            published: doc.meta.published_rfc3339(),
            source: doc.meta.source.clone(),
            url: doc.meta.url.clone(),
            title: doc.meta.title.clone(),
            lang: doc.meta.lang.clone(),
            origin: doc.meta.origin.to_string(),
            text: text.to_string(),
            events,
            entities,
            places,
            quotes,
        }
    }

    /// Number of events it holds.
    pub fn n_events(&self) -> usize {
        self.events.len()
    }

    /// Write the report and its rows in `tx`. Returns false (and writes nothing) when a
    /// report with the same id or the same content hash is already stored.
    pub(crate) fn insert(&self, tx: &Transaction<'_>, now: &str) -> rusqlite::Result<bool> {
        let n = tx.prepare_cached(
            "INSERT OR IGNORE INTO reports(id, hash, date, published, source, url, title, lang, origin, text, n_events, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            self.id,
            self.hash,
            self.date,
            self.published,
            self.source,
            self.url,
            self.title,
            self.lang,
            self.origin,
            self.text,
            self.events.len() as i64,
            now
        ])?;
        if n == 0 {
            return Ok(false);
        }
        let report = tx.last_insert_rowid();
        let mut ev = tx.prepare_cached(
            "INSERT INTO events(report, ord, cameo, root, plover, goldstein,
                source_text, source_actor, source_country, source_inferred,
                target_text, target_actor, target_country, target_inferred,
                place_name, place_lat, place_lon, place_country, place_admin1, place_precision, place_geonames,
                event_date, date_value, report_date, factuality, stance,
                attribution_text, attribution_actor, attribution_cue, confidence,
                evidence, sentence_start, sentence_end, trigger_text, trigger_start, trigger_end, quantities, highlights)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
                     ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38)",
        )?;
        let mut fts = tx.prepare_cached("INSERT INTO events_fts(rowid, evidence) VALUES (?1, ?2)")?;
        let mut geo = tx.prepare_cached("INSERT INTO events_geo(id, min_lat, max_lat, min_lon, max_lon) VALUES (?1, ?2, ?2, ?3, ?3)")?;
        for (i, e) in self.events.iter().enumerate() {
            let place = e.place.map(|p| &self.places[p]);
            ev.execute(params![
                report,
                i as i64 + 1,
                e.cameo,
                e.root,
                e.plover,
                e.goldstein,
                e.source.text,
                e.source.actor,
                e.source.country,
                e.source.inferred,
                e.target.text,
                e.target.actor,
                e.target.country,
                e.target.inferred,
                place.map(|p| &p.name),
                place.map(|p| p.lat),
                place.map(|p| p.lon),
                place.and_then(|p| p.country.as_ref()),
                place.and_then(|p| p.admin1.as_ref()),
                place.map(|p| &p.precision),
                place.and_then(|p| p.geonames_id),
                e.event_date,
                e.date_value,
                self.date,
                e.factuality,
                e.stance,
                e.attribution.text,
                e.attribution.actor,
                e.attribution_cue,
                e.confidence,
                e.evidence,
                e.sentence[0] as i64,
                e.sentence[1] as i64,
                e.trigger_text,
                e.trigger[0] as i64,
                e.trigger[1] as i64,
                e.quantities,
                e.highlights,
            ])?;
            let id = tx.last_insert_rowid();
            fts.execute(params![id, e.evidence])?;
            if let Some(p) = place {
                geo.execute(params![id, p.lat, p.lon])?;
            }
        }
        let mut en = tx.prepare_cached(
            "INSERT INTO entities(report, ord, text, type, canonical, actor, country, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, e) in self.entities.iter().enumerate() {
            en.execute(params![report, i as i64 + 1, e.text, e.kind, e.canonical, e.actor, e.country, e.span[0] as i64, e.span[1] as i64])?;
        }
        let mut pl = tx.prepare_cached(
            "INSERT INTO places(report, ord, text, name, geonames_id, lat, lon, country, admin1, precision, start, end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (i, p) in self.places.iter().enumerate() {
            pl.execute(params![
                report,
                i as i64 + 1,
                p.text,
                p.name,
                p.geonames_id,
                p.lat,
                p.lon,
                p.country,
                p.admin1,
                p.precision,
                p.span[0] as i64,
                p.span[1] as i64
            ])?;
        }
        let mut qu = tx.prepare_cached(
            "INSERT INTO quotes(report, ord, text, speaker_text, speaker_actor, cue, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, q) in self.quotes.iter().enumerate() {
            qu.execute(params![report, i as i64 + 1, q.text, q.speaker.text, q.speaker.actor, q.cue, q.span[0] as i64, q.span[1] as i64])?;
        }
        Ok(true)
    }
}
