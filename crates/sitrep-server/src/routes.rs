//! The read endpoints.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};
use sitrep_store::{EventRow, Store};

use crate::error::ApiError;
use crate::params::filter;
use crate::AppState;

type Answer = Result<Json<Value>, ApiError>;

/// The query string as name–value pairs (percent-decoded).
fn pairs(query: &Option<String>) -> Vec<(String, String)> {
    query.as_deref().map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect()).unwrap_or_default()
}

fn id_of(what: &str, raw: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, format!("{what} id `{raw}` is not a number")))
}

fn json_of<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_value(value)
        .map(Json)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the answer: {e}")))
}

/// A page of events, written straight from the rows.
#[derive(serde::Serialize)]
pub struct EventsPage {
    events: Vec<EventRow>,
    next: Option<String>,
}

/// `GET /api/events`
pub async fn events(State(app): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Result<Json<EventsPage>, ApiError> {
    let (f, _) = filter(&pairs(&q), 100)?;
    if f.contested.is_some() {
        return Err(ApiError::parameter("contested", "`contested` filters stories: use /api/stories"));
    }
    let page = indexed(&app, move |s, ix| ix.events_page(s, &f)).await?;
    Ok(Json(EventsPage { events: page.rows, next: page.next.map(|c| c.encode()) }))
}

/// Run `f` with a connection and the event index (brought up to date), on a blocking thread.
async fn indexed<T: Send + 'static>(
    app: &Arc<AppState>,
    f: impl FnOnce(&Store, &sitrep_store::EventIndex) -> Result<T, sitrep_store::StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let shared = Arc::clone(app);
    app.pool.with(move |s| shared.with_index(s, |ix| f(s, ix).map_err(text_error))).await
}

/// A malformed full-text query is the `text` parameter's fault: say so.
fn text_error(e: sitrep_store::StoreError) -> ApiError {
    match e {
        sitrep_store::StoreError::Invalid(reason) if reason.starts_with("text ") => ApiError::parameter("text", reason),
        other => other.into(),
    }
}

/// A story's events as mentions: one link per report.
fn mentions(events: &[EventRow]) -> Vec<Value> {
    events
        .iter()
        .map(|e| {
            json!({
                "event": e.id, "report": e.report, "title": e.title, "url": e.url, "report_source": e.report_source,
                "report_date": e.report_date, "stance": e.stance, "attribution_text": e.attribution_text, "factuality": e.factuality,
            })
        })
        .collect()
}

fn event_detail(s: &Store, id: i64) -> Result<Value, ApiError> {
    let event = sitrep_store::event(s, id)?.ok_or_else(|| ApiError::not_found("event", &id.to_string()))?;
    let (story, mentions) = match event.story.map(|story| sitrep_store::story_events(s, story)).transpose()?.flatten() {
        Some((story, events)) => (Some(story), mentions(&events)),
        None => (None, mentions(std::slice::from_ref(&event))),
    };
    Ok(json!({"event": event, "story": story, "mentions": mentions}))
}

/// `GET /api/events/{id}`
pub async fn event(State(app): State<Arc<AppState>>, Path(raw): Path<String>) -> Answer {
    let id = id_of("event", &raw)?;
    Ok(Json(app.pool.with(move |s| event_detail(s, id)).await?))
}

/// `GET /api/stories`
pub async fn stories(State(app): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Answer {
    let (f, _) = filter(&pairs(&q), 100)?;
    let page = app.pool.with(move |s| sitrep_store::stories_page(s, &f).map_err(text_error)).await?;
    Ok(Json(json!({"stories": page.rows, "next": page.next.map(|c| c.encode())})))
}

/// `GET /api/stories/{id}`
pub async fn story(State(app): State<Arc<AppState>>, Path(raw): Path<String>) -> Answer {
    let id = id_of("story", &raw)?;
    let (story, events) = app.pool.with(move |s| sitrep_store::story_events(s, id)?.ok_or_else(|| ApiError::not_found("story", &raw))).await?;
    Ok(Json(json!({"story": story, "events": events})))
}

/// `GET /api/reports/{id}`
pub async fn report(State(app): State<Arc<AppState>>, Path(id): Path<String>) -> Answer {
    let found = app.pool.with(move |s| sitrep_store::report(s, &id)?.ok_or_else(|| ApiError::not_found("report", &id))).await?;
    json_of(found)
}

/// `GET /api/actors`
pub async fn actors(State(app): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Answer {
    let (f, limit) = filter(&pairs(&q), 100)?;
    no_paging(&f)?;
    let rows = indexed(&app, move |s, ix| ix.actors(s, &f, limit)).await?;
    Ok(Json(json!({ "actors": rows })))
}

/// `GET /api/places`
pub async fn places(State(app): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Answer {
    let (f, limit) = filter(&pairs(&q), 100)?;
    no_paging(&f)?;
    let rows = indexed(&app, move |s, ix| ix.places(s, &f, limit)).await?;
    Ok(Json(json!({ "places": rows })))
}

/// `GET /api/timeline`
pub async fn timeline(State(app): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Answer {
    let (f, _) = filter(&pairs(&q), 100)?;
    no_paging(&f)?;
    let days = indexed(&app, move |s, ix| ix.timeline(s, &f)).await?;
    Ok(Json(json!({ "days": days })))
}

/// Counts are not paged: a cursor there is a client's mistake worth telling.
fn no_paging(f: &sitrep_store::Filter) -> Result<(), ApiError> {
    if f.cursor.is_some() {
        return Err(ApiError::parameter("cursor", "counts come in one answer: drop `cursor`"));
    }
    if f.contested.is_some() {
        return Err(ApiError::parameter("contested", "`contested` filters stories: use /api/stories"));
    }
    Ok(())
}

/// `GET /api/openapi.json`
pub async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}

/// Any other `/api/…` path.
pub async fn unknown_api() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such endpoint: see /api/openapi.json (events, events/{id}, stories, stories/{id}, reports/{id}, actors, places, timeline)",
    )
}
