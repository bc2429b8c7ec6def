//! The JSON object `sitrep extract` writes for each report (see DESIGN.md).
//!
//! Spans leave the pipeline as byte offsets and are written as `[start, end)` in Unicode
//! code points of `doc.text`, as Python counts them.

use serde::Serialize;

use crate::{CharIndex, Doc, EntityDetail, PlaceDetail, PlacePrecision, TimexDetail, TokenKind};

/// Which optional layers to write besides the always-present ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutputOptions {
    /// Write every token with its span and kind (`--layers tokens`).
    pub tokens: bool,
    /// Write tags, lemma, head and relation with every token (`--layers syntax`); implies
    /// `tokens`.
    pub syntax: bool,
}

/// A serialisable view of one report, borrowing the `Doc`.
///
/// ```
/// use sitrep_core::{Doc, Meta, OutputOptions, Report};
/// let doc = Doc::new(Meta::new("r1", jiff::civil::date(2022, 2, 25)), "Kyiv.");
/// let json = serde_json::to_value(Report::new(&doc, OutputOptions::default())).unwrap();
/// assert_eq!(json["doc"]["date"], "2022-02-25");
/// assert_eq!(json["events"], serde_json::json!([]));
/// ```
#[derive(Serialize)]
pub struct Report<'a> {
    doc: DocView<'a>,
    paragraphs: Vec<[usize; 2]>,
    sentences: Vec<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenView<'a>>>,
    entities: Vec<EntityView<'a>>,
    places: Vec<PlaceView<'a>>,
    times: Vec<TimexView<'a>>,
    quotes: Vec<QuoteView<'a>>,
    events: Vec<EventView<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
}

#[derive(Serialize)]
struct DocView<'a> {
    id: &'a str,
    date: String,
    published: Option<String>,
    tz: String,
    source: Option<&'a str>,
    url: Option<&'a str>,
    title: Option<&'a str>,
    lang: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct TokenView<'a> {
    text: &'a str,
    span: [usize; 2],
    kind: &'static str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    syntax: Option<SyntaxView<'a>>,
}

/// A token's syntax; `head` is the index of the head token in the `tokens` array.
#[derive(Serialize)]
struct SyntaxView<'a> {
    upos: &'static str,
    xpos: &'static str,
    lemma: &'a str,
    head: Option<u32>,
    deprel: &'static str,
}

#[derive(Serialize)]
struct EntityView<'a> {
    id: String,
    text: &'a str,
    span: [usize; 2],
    #[serde(rename = "type")]
    kind: crate::EntityType,
    canonical: &'a str,
    actor: Option<&'a str>,
    mentions: Vec<[usize; 2]>,
    #[serde(flatten)]
    detail: &'a EntityDetail,
}

#[derive(Serialize)]
struct ParticipantView<'a> {
    text: &'a str,
    span: [usize; 2],
    actor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    inferred: bool,
}

#[derive(Serialize)]
struct TriggerView<'a> {
    text: &'a str,
    span: [usize; 2],
}

#[derive(Serialize)]
struct DateView<'a> {
    value: &'a str,
    from: Option<String>,
}

#[derive(Serialize)]
struct AttributionView<'a> {
    by: Option<ParticipantView<'a>>,
    cue: &'a str,
    stance: crate::Stance,
}

#[derive(Serialize)]
struct EventView<'a> {
    id: String,
    sentence: [usize; 2],
    trigger: TriggerView<'a>,
    cameo: &'a str,
    root: &'a str,
    plover: Option<&'a str>,
    goldstein: Option<f32>,
    source: Option<ParticipantView<'a>>,
    target: Option<ParticipantView<'a>>,
    place: Option<String>,
    date: DateView<'a>,
    quantities: &'a [crate::Quantity],
    attribution: Option<AttributionView<'a>>,
    factuality: crate::Factuality,
    confidence: f32,
}

#[derive(Serialize)]
struct QuoteView<'a> {
    id: String,
    text: &'a str,
    span: [usize; 2],
    speaker: Option<ParticipantView<'a>>,
    cue: Option<&'a str>,
}

#[derive(Serialize)]
struct TimexView<'a> {
    id: String,
    text: &'a str,
    span: [usize; 2],
    #[serde(rename = "type")]
    kind: crate::TimexType,
    value: &'a str,
    #[serde(flatten)]
    detail: &'a TimexDetail,
}

#[derive(Serialize)]
struct PlaceView<'a> {
    id: String,
    text: &'a str,
    span: [usize; 2],
    name: &'a str,
    geonames_id: Option<u32>,
    lat: f64,
    lon: f64,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    precision: PlacePrecision,
    /// The id of the anchor place of a relative place (`p2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<String>,
    #[serde(flatten)]
    detail: &'a PlaceDetail,
}

impl<'a> Report<'a> {
    /// The output view of `doc`.
    pub fn new(doc: &'a Doc, options: OutputOptions) -> Report<'a> {
        let index = CharIndex::new(doc.text());
        let layer = &doc.text_layer;
        let meta = &doc.meta;
        let with_syntax = options.syntax && doc.syntax.tokens.len() == layer.tokens.len();
        let tokens = (options.tokens || options.syntax).then(|| {
            layer
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| TokenView {
                    text: t.span.of(doc.text()),
                    span: index.span(t.span),
                    kind: kind_name(t.kind),
                    syntax: with_syntax.then(|| {
                        let s = &doc.syntax.tokens[i];
                        SyntaxView {
                            upos: s.upos,
                            xpos: s.xpos,
                            lemma: doc.syntax.lemma(i),
                            head: s.head,
                            deprel: s.deprel,
                        }
                    }),
                })
                .collect()
        });
        let entities = doc
            .entities
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityView {
                id: format!("n{}", i + 1),
                text: e.span.of(doc.text()),
                span: index.span(e.span),
                kind: e.kind,
                canonical: &e.canonical,
                actor: e.actor.as_deref(),
                mentions: e.mentions.iter().map(|&m| index.span(m)).collect(),
                detail: &e.detail,
            })
            .collect();
        let participant = |p: &'a crate::Participant| ParticipantView {
            text: p.span.of(doc.text()),
            span: index.span(p.span),
            actor: p.actor.as_deref(),
            entity: p.entity.map(|i| format!("n{}", i + 1)),
            inferred: p.inferred,
        };
        let events = doc
            .events
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| EventView {
                id: format!("v{}", i + 1),
                sentence: index.span(e.sentence),
                trigger: TriggerView { text: e.trigger.of(doc.text()), span: index.span(e.trigger) },
                cameo: &e.cameo,
                root: e.root(),
                plover: e.plover.as_deref(),
                goldstein: e.goldstein,
                source: e.source.as_ref().map(participant),
                target: e.target.as_ref().map(participant),
                place: e.place.map(|p| format!("p{}", p + 1)),
                date: DateView { value: &e.date.value, from: e.date.from.map(|t| format!("t{}", t + 1)) },
                quantities: &e.quantities,
                attribution: e.attribution.as_ref().map(|a| AttributionView { by: a.by.as_ref().map(participant), cue: &a.cue, stance: a.stance }),
                factuality: e.factuality,
                confidence: e.confidence,
            })
            .collect();
        let quotes = doc
            .events
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| QuoteView {
                id: format!("q{}", i + 1),
                text: q.span.of(doc.text()),
                span: index.span(q.span),
                speaker: q.speaker.as_ref().map(participant),
                cue: q.cue.as_deref(),
            })
            .collect();
        let times = doc
            .time
            .times
            .iter()
            .enumerate()
            .map(|(i, t)| TimexView {
                id: format!("t{}", i + 1),
                text: t.span.of(doc.text()),
                span: index.span(t.span),
                kind: t.kind,
                value: &t.value,
                detail: &t.detail,
            })
            .collect();
        let places = doc
            .places
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| PlaceView {
                id: format!("p{}", i + 1),
                text: p.span.of(doc.text()),
                span: index.span(p.span),
                name: &p.name,
                geonames_id: p.geonames_id,
                lat: p.lat,
                lon: p.lon,
                country: p.country.as_deref(),
                admin1: p.admin1.as_deref(),
                precision: p.precision,
                anchor: p.detail.relative.as_ref().map(|r| format!("p{}", r.anchor + 1)),
                detail: &p.detail,
            })
            .collect();
        Report {
            doc: DocView {
                id: &meta.id,
                date: meta.date.to_string(),
                published: meta.published_rfc3339(),
                tz: meta.tz_label(),
                source: meta.source.as_deref(),
                url: meta.url.as_deref(),
                title: meta.title.as_deref(),
                lang: meta.lang.as_deref(),
                text: doc.text(),
            },
            paragraphs: layer.paragraphs.iter().map(|&s| index.span(s)).collect(),
            sentences: layer.sentences.iter().map(|s| index.span(s.span)).collect(),
            tokens,
            entities,
            places,
            times,
            quotes,
            events,
            warnings: &doc.warnings,
        }
    }
}

fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Punct => "punct",
        TokenKind::Symbol => "symbol",
        TokenKind::Web => "web",
    }
}
