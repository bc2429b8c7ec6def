//! sitrep-store: the local event store on SQLite.
//!
//! The database file is the only state. Reports go in through [`ingest`] (the pipeline on
//! every core, one writer in WAL mode, idempotent and resumable); events from different
//! reports describing the same happening are merged into stories ([`rebuild_stories`]);
//! [`events`] and [`stories`] answer filtered queries; [`export`] writes GDELT 2.0-layout
//! TSV, an ACLED-like CSV, GeoJSON and PLOVER JSON Lines.
//!
//! The store knows nothing of how annotations are made: [`ingest`] takes the annotator
//! (`|doc| pipeline.run(doc)`) as a closure, so this crate does not depend on the pipeline.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let db = dir.path().join("s.db");
//! let store = sitrep_store::Store::open(&db).unwrap();
//! assert_eq!(store.schema_version().unwrap(), sitrep_store::SCHEMA_VERSION);
//! ```

mod coded;
mod error;
mod export;
mod index;
mod ingest;
mod lookup;
mod page;
#[cfg(feature = "parquet")]
mod parquet_export;
mod query;
mod record;
mod schema;
mod stories;

pub use error::StoreError;
pub use export::{export, fips_country, ExportFormat, GDELT_COLUMNS, GDELT_EXTRA_COLUMNS};
#[cfg(feature = "parquet")]
pub use parquet_export::export_parquet;
/// The Arrow and Parquet crates the export is written with, to read it back with the same versions.
#[cfg(feature = "parquet")]
pub mod arrow {
    pub use arrow_array;
    pub use parquet;
}
pub use index::{events_by_id, EventIndex};
pub use ingest::{ingest, ingest_coded, IngestOptions, IngestStats, Progress};
pub use lookup::{actors, event, places, report, stored_report, story_events, timeline, ActorCount, Day, PlaceCount, ReportRow};
pub use page::{Cursor, Page};
pub use query::{events, events_page, stories, stories_page, EventRow, Filter, Sort, StoryRow};
pub use record::{content_hash, ReportRecord};
pub use schema::{Store, SCHEMA_VERSION};
pub use stories::{rebuild_stories, MergeOptions, StoryStats};
