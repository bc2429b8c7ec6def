//! sitrep-server: the event store over HTTP.
//!
//! A JSON API (`/api/…`, described in `docs/api.md` and at `/api/openapi.json`) and the
//! analyst's page (map, timeline, filters, evidence), whose built assets are embedded in the
//! binary. The server reads the store; with a token it also codes and stores posted reports,
//! through an annotator closure so that this crate does not depend on the pipeline.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use sitrep_core::Doc;

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

/// Serve until interrupted (Ctrl-C).
pub fn run(_config: Config) -> Result<(), ServeError> {
    todo!("server")
}
