//! A test database coded from the example reports, and a way to ask the router.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// The database (built once per test binary) from `examples/` and, where present, the
/// development example in ../shared.
pub fn db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("test.db");
        let mut inputs = vec![root.join("examples").display().to_string()];
        let shared = root.join("../shared/examples/report-2022-02-25-kyiv.txt");
        if shared.exists() {
            inputs.push(shared.display().to_string());
        }
        let pipeline = sitrep::Pipeline::new().unwrap();
        let stats = sitrep_store::ingest(&db, &inputs, &sitrep_store::IngestOptions::default(), &|d| pipeline.run(d), &mut |_| {}).unwrap();
        assert!(stats.events > 10, "the examples should give events: {stats:?}");
        (dir, db)
    })
    .1
}

/// A router over a copy of the test database (so posting tests do not change the others'),
/// with posting on under `token` when given.
pub fn app(token: Option<&str>) -> (axum::Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    rusqlite_copy(db(), &copy);
    let mut config = sitrep_server::Config::new(copy);
    if let Some(t) = token {
        let pipeline = Arc::new(sitrep::Pipeline::new().unwrap());
        config.token = Some(t.to_string());
        config.annotate = Some(Arc::new(move |d: &mut sitrep_core::Doc| pipeline.run(d)));
    }
    (sitrep_server::router(&config).unwrap(), dir)
}

/// A consistent copy of a WAL database.
fn rusqlite_copy(from: &Path, to: &Path) {
    let store = sitrep_store::Store::open_existing(from).unwrap();
    store.connection().execute("VACUUM INTO ?1", [to.display().to_string()]).unwrap();
}

/// The status and JSON body of a request.
pub async fn send(app: &axum::Router, req: Request<Body>) -> (StatusCode, Value) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, json)
}

/// `GET uri`.
pub async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}
