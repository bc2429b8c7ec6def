//! Errors of the store, each saying what to do.

use std::path::PathBuf;

/// What went wrong with the database; the message names the file and the remedy.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a SQLite database.
    #[error("{0}: not a sitrep database (not SQLite at all, or damaged); give another --db path, or move the file away")]
    NotADatabase(PathBuf),
    /// A SQLite database made by something else.
    #[error("{0}: a SQLite database that sitrep did not make (it has tables of its own); give a new --db path so nothing in it is touched")]
    Foreign(PathBuf),
    /// Made by a newer sitrep.
    #[error("{path}: schema version {found} is newer than this sitrep understands ({supported}); upgrade sitrep")]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    /// The database does not exist (for commands that only read).
    #[error("{0}: no such database; create it with `sitrep ingest PATH… --db {0}`")]
    Missing(PathBuf),
    /// The disk (or the quota) is full.
    #[error("{0}: the disk is full; free space and run the same command again (what was committed is kept, the rest resumes)")]
    DiskFull(PathBuf),
    /// The file or its folder cannot be written.
    #[error("{0}: cannot write the database (read-only file or folder); choose a writable --db path")]
    ReadOnly(PathBuf),
    /// Another process holds the write lock too long.
    #[error("{0}: the database is busy (another ingest is writing); wait for it or use another --db")]
    Busy(PathBuf),
    /// A filter or option that makes no sense.
    #[error("{0}")]
    Invalid(String),
    /// Writing an export failed.
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
    /// Any other SQLite error.
    #[error("{path}: {source}")]
    Sqlite { path: PathBuf, source: rusqlite::Error },
    /// The annotator panicked or a worker died.
    #[error("ingest failed: {0}")]
    Worker(String),
}

impl StoreError {
    /// Classify a SQLite error met on `path`.
    pub(crate) fn sql(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode::*;
        let p = path.to_path_buf();
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            return match f.code {
                NotADatabase => StoreError::NotADatabase(p),
                DiskFull => StoreError::DiskFull(p),
                ReadOnly | CannotOpen if !is_readable_dir(path) || f.code == ReadOnly => StoreError::ReadOnly(p),
                DatabaseBusy | DatabaseLocked => StoreError::Busy(p),
                _ => StoreError::Sqlite { path: p, source: e },
            };
        }
        StoreError::Sqlite { path: p, source: e }
    }
}

fn is_readable_dir(path: &std::path::Path) -> bool {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    dir.is_dir() && std::fs::metadata(dir).map(|m| !m.permissions().readonly()).unwrap_or(false)
}
