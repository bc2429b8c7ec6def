//! The schema, its version and migrations, and opening a database safely.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::StoreError;

/// The schema version this build writes; older databases are migrated on open.
pub const SCHEMA_VERSION: i64 = 2;

/// `PRAGMA application_id` of a sitrep database ("SITR"), so a foreign SQLite file is
/// recognised and never touched.
pub(crate) const APPLICATION_ID: i64 = 0x5349_5452;

/// Migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 → 1: the first schema.
    r#"
CREATE TABLE schema_version (
    version    INTEGER NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE TABLE reports (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL UNIQUE,
    date        TEXT NOT NULL,
    published   TEXT,
    source      TEXT,
    url         TEXT,
    title       TEXT,
    lang        TEXT,
    origin      TEXT,
    text        TEXT NOT NULL,
    n_events    INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX reports_date ON reports(date);
CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    report            INTEGER NOT NULL REFERENCES reports(rowid),
    ord               INTEGER NOT NULL,
    cameo             TEXT NOT NULL,
    root              TEXT NOT NULL,
    plover            TEXT,
    goldstein         REAL,
    source_text       TEXT,
    source_actor      TEXT,
    source_country    TEXT,
    source_inferred   INTEGER NOT NULL DEFAULT 0,
    target_text       TEXT,
    target_actor      TEXT,
    target_country    TEXT,
    target_inferred   INTEGER NOT NULL DEFAULT 0,
    place_name        TEXT,
    place_lat         REAL,
    place_lon         REAL,
    place_country     TEXT,
    place_admin1      TEXT,
    place_precision   TEXT,
    place_geonames    INTEGER,
    event_date        TEXT NOT NULL,
    date_value        TEXT NOT NULL,
    report_date       TEXT NOT NULL,
    factuality        TEXT NOT NULL,
    stance            TEXT,
    attribution_text  TEXT,
    attribution_actor TEXT,
    attribution_cue   TEXT,
    confidence        REAL NOT NULL,
    evidence          TEXT NOT NULL,
    sentence_start    INTEGER NOT NULL,
    sentence_end      INTEGER NOT NULL,
    trigger_text      TEXT NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    quantities        TEXT,
    story             INTEGER
);
CREATE INDEX events_report ON events(report);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_report_date ON events(report_date);
CREATE INDEX events_source_actor ON events(source_actor, event_date);
CREATE INDEX events_target_actor ON events(target_actor, event_date);
CREATE INDEX events_root ON events(root, event_date);
CREATE INDEX events_cameo ON events(cameo, event_date);
CREATE INDEX events_plover ON events(plover, event_date);
CREATE INDEX events_place_country ON events(place_country, event_date);
CREATE INDEX events_source_country ON events(source_country, event_date);
CREATE INDEX events_target_country ON events(target_country, event_date);
CREATE INDEX events_story ON events(story);
CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', content_rowid='id');
CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE TABLE entities (
    report    INTEGER NOT NULL REFERENCES reports(rowid),
    ord       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    type      TEXT NOT NULL,
    canonical TEXT NOT NULL,
    actor     TEXT,
    country   TEXT,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    PRIMARY KEY (report, ord)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor);
CREATE TABLE places (
    report      INTEGER NOT NULL REFERENCES reports(rowid),
    ord         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT NOT NULL,
    geonames_id INTEGER,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    country     TEXT,
    admin1      TEXT,
    precision   TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    PRIMARY KEY (report, ord)
) WITHOUT ROWID;
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE TABLE quotes (
    report        INTEGER NOT NULL REFERENCES reports(rowid),
    ord           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    speaker_text  TEXT,
    speaker_actor TEXT,
    cue           TEXT,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    PRIMARY KEY (report, ord)
) WITHOUT ROWID;
CREATE TABLE stories (
    id                INTEGER PRIMARY KEY,
    root              TEXT NOT NULL,
    cameo             TEXT NOT NULL,
    plover            TEXT,
    goldstein         REAL,
    source_actor      TEXT,
    source_country    TEXT,
    target_actor      TEXT,
    target_country    TEXT,
    place_name        TEXT,
    place_lat         REAL,
    place_lon         REAL,
    place_country     TEXT,
    first_date        TEXT NOT NULL,
    last_date         TEXT NOT NULL,
    first_report      TEXT NOT NULL,
    last_report       TEXT NOT NULL,
    first_report_date TEXT NOT NULL,
    last_report_date  TEXT NOT NULL,
    num_mentions      INTEGER NOT NULL,
    num_sources       INTEGER NOT NULL,
    num_articles      INTEGER NOT NULL,
    contested         INTEGER NOT NULL,
    contested_reason  TEXT
);
CREATE INDEX stories_first_date ON stories(first_date);
CREATE INDEX stories_root ON stories(root, first_date);
CREATE INDEX stories_place_country ON stories(place_country, first_date);
CREATE INDEX stories_mentions ON stories(num_mentions);
CREATE TABLE store_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#,
    // 2: where the trigger, participants, place and time sit in the evidence sentence (for
    // the page's highlights; NULL for events stored before); timeline counts from an index.
    r#"
ALTER TABLE events ADD COLUMN highlights TEXT;
CREATE INDEX events_date_plover ON events(event_date, plover);
"#,
];

/// An open sitrep database.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

impl Store {
    /// Open `path`, creating and initialising it if it does not exist, migrating an older
    /// schema. A file that is not SQLite, or a SQLite database sitrep did not make, is an
    /// error and is left untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::sql(path, e))?;
        let store = Store { conn, path: path.to_path_buf() };
        store.setup(true)?;
        Ok(store)
    }

    /// Open an existing database for reading (queries, exports). A missing file is
    /// [`StoreError::Missing`]; the file is never created.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .or_else(|_| Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX))
            .map_err(|e| StoreError::sql(path, e))?;
        let store = Store { conn, path: path.to_path_buf() };
        store.setup(false)?;
        Ok(store)
    }

    /// The path it was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The raw connection, for callers that need SQL of their own.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sql(&self.path, e)
    }

    /// The schema version stored in the database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT COALESCE(MAX(version), 0) FROM schema_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    fn setup(&self, create: bool) -> Result<(), StoreError> {
        let c = &self.conn;
        c.busy_timeout(Duration::from_secs(30)).map_err(|e| self.err(e))?;
        // Reading the header is what detects a file that is not a database.
        let app_id: i64 = c.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| self.err(e))?;
        let tables: i64 = c
            .query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if app_id != APPLICATION_ID {
            if tables > 0 || app_id != 0 {
                return Err(StoreError::Foreign(self.path.clone()));
            }
            if !create {
                return Err(StoreError::Missing(self.path.clone()));
            }
        }
        let _ = c.pragma_update(None, "journal_mode", "WAL");
        let _ = c.pragma_update(None, "synchronous", "NORMAL");
        let _ = c.pragma_update(None, "foreign_keys", "OFF");
        let _ = c.pragma_update(None, "cache_size", -65536);
        let _ = c.pragma_update(None, "temp_store", "MEMORY");
        let _ = c.pragma_update(None, "mmap_size", 268_435_456i64);
        let version = if app_id == APPLICATION_ID { self.schema_version()? } else { 0 };
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: self.path.clone(), found: version, supported: SCHEMA_VERSION });
        }
        if version < SCHEMA_VERSION {
            self.migrate(version)?;
        }
        Ok(())
    }

    fn migrate(&self, from: i64) -> Result<(), StoreError> {
        let c = &self.conn;
        c.execute_batch("BEGIN IMMEDIATE").map_err(|e| self.err(e))?;
        let result = (|| {
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
                c.execute_batch(sql)?;
                c.execute(
                    "INSERT INTO schema_version(version, applied_at) VALUES (?1, ?2)",
                    rusqlite::params![i as i64 + 1, jiff::Timestamp::now().to_string()],
                )?;
            }
            c.pragma_update(None, "application_id", APPLICATION_ID)?;
            Ok::<(), rusqlite::Error>(())
        })();
        match result {
            Ok(()) => c.execute_batch("COMMIT").map_err(|e| self.err(e)),
            Err(e) => {
                let _ = c.execute_batch("ROLLBACK");
                Err(self.err(e))
            }
        }
    }

    /// Counts of reports, events and stories.
    pub fn counts(&self) -> Result<(u64, u64, u64), StoreError> {
        self.conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM stories)",
                [],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64, r.get::<_, i64>(2)? as u64)),
            )
            .map_err(|e| self.err(e))
    }

    /// `PRAGMA integrity_check` is `ok`.
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        let s: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| self.err(e))?;
        Ok(s == "ok")
    }

    pub(crate) fn set_state(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute("INSERT INTO store_state(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}
