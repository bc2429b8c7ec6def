//! sitrep-server: the event store over HTTP.
//!
//! A JSON API (`/api/…`, described in `docs/api.md` and at `/api/openapi.json`) and the
//! analyst's page (map, timeline, filters, evidence), whose built assets are embedded in the
//! binary. The server reads the store through a bounded pool of connections; with a token
//! it also codes and stores posted reports, through an annotator closure so that this crate
//! does not depend on the pipeline.
//!
//! ```no_run
//! let config = sitrep_server::Config::new("sitrep.db".into());
//! sitrep_server::run(config).unwrap(); // serves http://127.0.0.1:8080/ until Ctrl-C
//! ```

// The OpenAPI document is one large `json!` literal.
#![recursion_limit = "256"]

mod assets;
mod error;
mod openapi;
mod params;
mod pool;
mod post;
mod routes;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use sitrep_core::Doc;
use tokio::sync::Semaphore;

pub use error::ApiError;
pub use params::{MAX_LIMIT, PARAMETERS};
pub use post::MAX_BODY;

/// Codes a report in place (`|doc| pipeline.run(doc)`).
pub type Annotator = Arc<dyn Fn(&mut Doc) + Send + Sync>;

/// How to serve.
pub struct Config {
    /// The database file (must exist: create it with `sitrep ingest`).
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Token that `POST /api/reports` demands; `None` turns posting off.
    pub token: Option<String>,
    /// Codes posted reports.
    pub annotate: Option<Annotator>,
    /// Queries run at once (default: two per core).
    pub connections: usize,
}

impl Config {
    /// Serve `db` on loopback port 8080, read-only.
    pub fn new(db: PathBuf) -> Config {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Config { db, addr: SocketAddr::from(([127, 0, 0, 1], 8080)), token: None, annotate: None, connections: 2 * cores }
    }
}

/// The server could not start or stopped on an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Store(#[from] sitrep_store::StoreError),
    #[error("cannot listen on {addr}: {source} (is another server on that port? try --addr 127.0.0.1:8081)")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What every handler shares.
pub(crate) struct AppState {
    pool: Arc<pool::Pool>,
    db: PathBuf,
    token: Option<String>,
    annotate: Option<Annotator>,
    /// One posted report is coded and stored at a time.
    writing: Semaphore,
    /// The events' filterable fields in memory, for fast pages of events.
    index: std::sync::RwLock<sitrep_store::EventIndex>,
    /// When the index last looked for new events (`None`: look at the next query).
    checked: std::sync::Mutex<Option<std::time::Instant>>,
}

impl AppState {
    /// Run `f` with the event index, first taking in events stored since it last looked
    /// (at most once a second, or at once after a report was posted here).
    pub(crate) fn with_index<T>(&self, store: &sitrep_store::Store, f: impl FnOnce(&sitrep_store::EventIndex) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let due = {
            let mut checked = self.checked.lock().unwrap_or_else(|p| p.into_inner());
            let due = checked.is_none_or(|t| t.elapsed() > std::time::Duration::from_secs(1));
            if due {
                *checked = Some(std::time::Instant::now());
            }
            due
        };
        if due {
            self.index.write().unwrap_or_else(|p| p.into_inner()).refresh(store)?;
        }
        let index = self.index.read().unwrap_or_else(|p| p.into_inner());
        f(&index)
    }

    /// Make the next query look for new events.
    pub(crate) fn stale(&self) {
        *self.checked.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

/// The routes over the store at `config.db` (which must exist).
pub fn router(config: &Config) -> Result<Router, ServeError> {
    // Opened here so that a missing or foreign file is reported before serving.
    let store = sitrep_store::Store::open_existing(&config.db)?;
    let index = sitrep_store::EventIndex::load(&store)?;
    let state = Arc::new(AppState {
        pool: Arc::new(pool::Pool::new(config.db.clone(), config.connections)),
        db: config.db.clone(),
        token: config.token.clone().filter(|t| !t.is_empty()),
        annotate: config.annotate.clone(),
        writing: Semaphore::new(1),
        index: std::sync::RwLock::new(index),
        checked: std::sync::Mutex::new(Some(std::time::Instant::now())),
    });
    let api = Router::new()
        .route("/events", get(routes::events))
        .route("/events/{id}", get(routes::event))
        .route("/stories", get(routes::stories))
        .route("/stories/{id}", get(routes::story))
        .route("/reports", axum::routing::post(post::post_report).layer(DefaultBodyLimit::max(MAX_BODY)))
        .route("/reports/{*id}", get(routes::report))
        .route("/actors", get(routes::actors))
        .route("/places", get(routes::places))
        .route("/timeline", get(routes::timeline))
        .route("/openapi.json", get(routes::openapi))
        .fallback(routes::unknown_api)
        .method_not_allowed_fallback(|| async { ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "this endpoint answers GET only (POST: /api/reports)") })
        .with_state(state);
    Ok(Router::new().nest("/api", api).fallback(assets::page).layer(axum::middleware::map_response(body_too_large)))
}

/// axum answers an over-long body with plain text; say it in JSON like every other error.
async fn body_too_large(response: axum::response::Response) -> axum::response::Response {
    use axum::response::IntoResponse;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the body is over {} bytes: send one report at a time", MAX_BODY)).into_response();
    }
    response
}

/// Serve until interrupted (Ctrl-C).
pub fn run(config: Config) -> Result<(), ServeError> {
    let started = std::time::Instant::now();
    let app = router(&config)?;
    let (reports, events, stories) = sitrep_store::Store::open_existing(&config.db)?.counts()?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await.map_err(|source| ServeError::Bind { addr: config.addr, source })?;
        let addr = listener.local_addr()?;
        eprintln!(
            "sitrep serve: {events} events, {stories} stories from {reports} reports in {} (indexed in {:.1} s); http://{addr}/ (Ctrl-C stops){}",
            config.db.display(),
            started.elapsed().as_secs_f64(),
            if config.token.is_some() { "; POST /api/reports is on" } else { "" }
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
