//! `POST /api/reports`: code one report, store it and answer its events.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};
use sitrep_ingest::{read_bytes, InputFormat, ReadOptions};
use sitrep_store::ReportRecord;

use crate::error::ApiError;
use crate::AppState;

/// The largest report body taken.
pub const MAX_BODY: usize = 1 << 20;

/// Compare without leaking, through timing, how much of the token was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn authorise(app: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &app.token else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "posting reports is off on this server: start it with --token (or SITREP_TOKEN) to turn it on",
        ));
    };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    match given {
        None => Err(ApiError::new(StatusCode::UNAUTHORIZED, "send the server's token as `Authorization: Bearer <token>`")),
        Some(g) if same(g.trim().as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(StatusCode::FORBIDDEN, "the token is wrong")),
    }
}

/// `POST /api/reports`
pub async fn post_report(State(app): State<Arc<AppState>>, headers: HeaderMap, body: Bytes) -> Result<Json<Value>, ApiError> {
    authorise(&app, &headers)?;
    let Some(annotate) = app.annotate.clone() else {
        return Err(ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "this server has no pipeline to code reports with"));
    };
    let value: Value = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(StatusCode::BAD_REQUEST, format!("the body is not JSON ({e}): send one report as {{\"id\", \"date\", \"title\", \"text\"}}"))
    })?;
    if !value.is_object() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "the body must be one JSON object: {\"id\", \"date\", \"title\", \"text\"}"));
    }
    let line = value.to_string();
    let mut doc = None;
    let mut problem = None;
    read_bytes(line.as_bytes(), "POST /api/reports", InputFormat::Jsonl, &ReadOptions::default(), &mut |r| match r {
        Ok(d) => doc = Some(d),
        Err(e) => problem = Some(e.to_string()),
    });
    let mut doc = doc.ok_or_else(|| ApiError::new(StatusCode::BAD_REQUEST, problem.unwrap_or_else(|| "the body holds no report".into())))?;
    let _writer = app.writing.acquire().await.map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping"))?;
    let db = app.db.clone();
    let (id, stored, events) = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        annotate(&mut doc);
        let record = ReportRecord::from_doc(&doc);
        let mut store = sitrep_store::Store::open_existing(&db)?;
        let stored = store.store_report(&record)?;
        let found = sitrep_store::stored_report(&store, &record)?;
        Ok(found.map(|r| (r.id, stored, r.events)).unwrap_or((record.id, stored, Vec::new())))
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("coding the report stopped unexpectedly: {e}")))??;
    if stored {
        app.stale();
    }
    Ok(Json(json!({"report": id, "stored": stored, "events": events})))
}
