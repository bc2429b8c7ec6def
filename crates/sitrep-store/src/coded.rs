//! Reports already coded by `sitrep extract` (its JSON Lines, on one machine or many), read
//! back into store rows without running the pipeline again.
//!
//! This is how a cluster's output joins the store: every machine codes its share, the
//! store takes in all of it, and stories are merged over the whole, so they are the same
//! whichever machines coded the reports.

use serde::Deserialize;

use crate::record::{actor_country, day_of, highlights_json, EntityRec, EventRec, PlaceRec, QuoteRec, Side};
use crate::{content_hash, ReportRecord};

#[derive(Deserialize)]
struct Coded {
    doc: CodedDoc,
    #[serde(default)]
    entities: Vec<CodedEntity>,
    #[serde(default)]
    places: Vec<CodedPlace>,
    #[serde(default)]
    times: Vec<CodedTime>,
    #[serde(default)]
    quotes: Vec<CodedQuote>,
    #[serde(default)]
    events: Vec<CodedEvent>,
}

#[derive(Deserialize)]
struct CodedDoc {
    id: String,
    date: String,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    lang: Option<String>,
    text: String,
}

#[derive(Deserialize)]
struct CodedEntity {
    text: String,
    span: [usize; 2],
    #[serde(rename = "type")]
    kind: String,
    canonical: String,
    actor: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
struct CodedPlace {
    id: String,
    text: String,
    span: [usize; 2],
    name: String,
    geonames_id: Option<u32>,
    lat: f64,
    lon: f64,
    country: Option<String>,
    admin1: Option<String>,
    precision: String,
}

#[derive(Deserialize)]
struct CodedTime {
    id: String,
    span: [usize; 2],
}

#[derive(Deserialize)]
struct CodedParticipant {
    text: String,
    span: [usize; 2],
    actor: Option<String>,
    #[serde(default)]
    inferred: bool,
}

impl CodedParticipant {
    fn side(p: &Option<CodedParticipant>) -> Side {
        match p {
            None => Side::default(),
            Some(p) => Side { text: Some(p.text.clone()), actor: p.actor.clone(), country: p.actor.as_deref().and_then(actor_country), inferred: p.inferred },
        }
    }
}

#[derive(Deserialize)]
struct CodedTrigger {
    text: String,
    span: [usize; 2],
}

#[derive(Deserialize)]
struct CodedDate {
    value: String,
    from: Option<String>,
}

#[derive(Deserialize)]
struct CodedAttribution {
    by: Option<CodedParticipant>,
    cue: String,
    stance: String,
}

#[derive(Deserialize)]
struct CodedEvent {
    sentence: [usize; 2],
    trigger: CodedTrigger,
    cameo: String,
    plover: Option<String>,
    goldstein: Option<f32>,
    source: Option<CodedParticipant>,
    target: Option<CodedParticipant>,
    place: Option<String>,
    date: CodedDate,
    #[serde(default)]
    quantities: Vec<serde_json::Value>,
    attribution: Option<CodedAttribution>,
    factuality: String,
    confidence: f32,
}

#[derive(Deserialize)]
struct CodedQuote {
    text: String,
    span: [usize; 2],
    speaker: Option<CodedParticipant>,
    cue: Option<String>,
}

impl ReportRecord {
    /// The rows of one report as `sitrep extract --format jsonl` wrote it; `origin` names
    /// where it was read (`file:line`).
    ///
    /// ```
    /// let line = r#"{"doc": {"id": "r1", "date": "2022-02-25", "published": null, "source": null, "url": null,
    ///   "title": null, "lang": "en", "text": "Troops shelled Kharkiv."}, "events": []}"#;
    /// let record = sitrep_store::ReportRecord::from_coded_json(line, "out.jsonl:1").unwrap();
    /// assert_eq!(record.id, "r1");
    /// assert!(sitrep_store::ReportRecord::from_coded_json("{}", "x").is_err());
    /// ```
    pub fn from_coded_json(line: &str, origin: &str) -> Result<ReportRecord, String> {
        let c: Coded = serde_json::from_str(line).map_err(|e| format!("{origin}: not a report as `sitrep extract` writes it ({e})"))?;
        let text = &c.doc.text;
        // Offsets in the output count code points; highlights count UTF-16 units.
        let mut utf16_at = Vec::with_capacity(text.len() + 1);
        utf16_at.push(0usize);
        for ch in text.chars() {
            utf16_at.push(utf16_at.last().copied().unwrap_or(0) + ch.len_utf16());
        }
        let chars = utf16_at.len() - 1;
        let bad_span = |s: [usize; 2]| s[0] > s[1] || s[1] > chars;
        let utf16 = |a: usize, b: usize| utf16_at.get(b).zip(utf16_at.get(a)).map_or(0, |(b, a)| b.saturating_sub(*a));
        let slice = |s: [usize; 2]| -> String { text.chars().skip(s[0]).take(s[1].saturating_sub(s[0])).collect() };
        let place_index = |id: &Option<String>| id.as_ref().and_then(|id| c.places.iter().position(|p| &p.id == id));
        let time_span = |id: &Option<String>| id.as_ref().and_then(|id| c.times.iter().find(|t| &t.id == id)).map(|t| t.span);
        let mut events = Vec::with_capacity(c.events.len());
        for e in &c.events {
            if bad_span(e.sentence) || bad_span(e.trigger.span) {
                return Err(format!("{origin}: event offsets lie outside the report's text (the line is damaged)"));
            }
            let place = place_index(&e.place);
            let parts = [
                ("trigger", Some(e.trigger.span)),
                ("source", e.source.as_ref().map(|p| p.span)),
                ("target", e.target.as_ref().map(|p| p.span)),
                ("place", place.map(|i| c.places[i].span)),
                ("time", time_span(&e.date.from)),
                ("attribution", e.attribution.as_ref().and_then(|a| a.by.as_ref()).map(|p| p.span)),
            ];
            let (stance, attribution, cue) = match &e.attribution {
                None => (None, Side::default(), None),
                Some(a) => (Some(a.stance.clone()), CodedParticipant::side(&a.by), Some(a.cue.clone())),
            };
            events.push(EventRec {
                cameo: e.cameo.clone(),
                root: e.cameo.get(..2).unwrap_or(&e.cameo).to_string(),
                plover: e.plover.clone(),
                goldstein: e.goldstein,
                source: CodedParticipant::side(&e.source),
                target: CodedParticipant::side(&e.target),
                place,
                event_date: day_of(&e.date.value).unwrap_or_else(|| c.doc.date.clone()),
                date_value: e.date.value.clone(),
                factuality: e.factuality.clone(),
                stance,
                attribution,
                attribution_cue: cue,
                confidence: e.confidence,
                evidence: slice(e.sentence),
                sentence: e.sentence,
                trigger_text: e.trigger.text.clone(),
                trigger: e.trigger.span,
                quantities: (!e.quantities.is_empty()).then(|| serde_json::to_string(&e.quantities).unwrap_or_default()),
                highlights: highlights_json(e.sentence, &parts, utf16),
            });
        }
        Ok(ReportRecord {
            id: c.doc.id.clone(),
            hash: content_hash(text),
            date: c.doc.date.clone(),
            published: c.doc.published.clone(),
            source: c.doc.source.clone(),
            url: c.doc.url.clone(),
            title: c.doc.title.clone(),
            lang: c.doc.lang.clone(),
            origin: origin.to_string(),
            events,
            entities: c
                .entities
                .iter()
                .map(|e| EntityRec { text: e.text.clone(), kind: e.kind.clone(), canonical: e.canonical.clone(), actor: e.actor.clone(), country: e.country.clone(), span: e.span })
                .collect(),
            places: c
                .places
                .iter()
                .map(|p| PlaceRec {
                    text: p.text.clone(),
                    name: p.name.clone(),
                    geonames_id: p.geonames_id,
                    lat: p.lat,
                    lon: p.lon,
                    country: p.country.clone(),
                    admin1: p.admin1.clone(),
                    precision: p.precision.clone(),
                    span: p.span,
                })
                .collect(),
            quotes: c
                .quotes
                .iter()
                .map(|q| QuoteRec { text: q.text.clone(), speaker: CodedParticipant::side(&q.speaker), cue: q.cue.clone(), span: q.span })
                .collect(),
            text: c.doc.text,
        })
    }
}
