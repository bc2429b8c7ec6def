//! A bounded pool of database connections used on blocking threads.
//!
//! SQLite connections are not shared between threads; each request borrows one for the
//! duration of its query on tokio's blocking pool. The permits bound how many queries run at
//! once (and so how many connections exist), whatever the number of clients.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use sitrep_store::Store;
use tokio::sync::Semaphore;

use crate::error::ApiError;

pub struct Pool {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
}

impl Pool {
    /// A pool for `db` running at most `size` queries at once.
    pub fn new(db: PathBuf, size: usize) -> Pool {
        Pool { db, idle: Mutex::new(Vec::new()), permits: Semaphore::new(size.max(1)) }
    }

    /// Run `f` with a connection on a blocking thread.
    pub async fn with<T: Send + 'static>(self: &Arc<Self>, f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static) -> Result<T, ApiError> {
        let _permit = self.permits.acquire().await.map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping"))?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = match pool.idle.lock().ok().and_then(|mut idle| idle.pop()) {
                Some(store) => store,
                None => Store::open_existing(&pool.db)?,
            };
            let result = f(&store);
            if let Ok(mut idle) = pool.idle.lock() {
                idle.push(store);
            }
            result
        })
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the query stopped unexpectedly: {e}")))?
    }
}
