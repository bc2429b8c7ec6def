//! Queries over events and stories.


use std::time::Duration;

use rusqlite::functions::FunctionFlags;
use rusqlite::types::Value;
use rusqlite::Row;
use serde::Serialize;

use crate::page::{continue_after, event_key, fetch_page, limit_sql, story_key, Cursor, Page, Table};
use crate::stories::haversine_km;
use crate::{Store, StoreError};

/// Order of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Latest event date first (default).
    #[default]
    Date,
    /// Earliest event date first.
    DateAsc,
    /// Latest report date first.
    ReportDate,
    /// Most confident first (events); most mentioned first (stories).
    Confidence,
    /// Most conflictual (lowest Goldstein) first.
    Goldstein,
    /// Most mentions first (stories; for events, those of the largest stories).
    Mentions,
    /// Storage order (fastest, for exports).
    Id,
}

impl std::str::FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Sort, String> {
        Ok(match s {
            "date" | "date-desc" => Sort::Date,
            "date-asc" => Sort::DateAsc,
            "report-date" => Sort::ReportDate,
            "confidence" => Sort::Confidence,
            "goldstein" => Sort::Goldstein,
            "mentions" => Sort::Mentions,
            "id" => Sort::Id,
            _ => return Err(format!("unknown sort `{s}`: use date, date-asc, report-date, confidence, goldstein, mentions or id")),
        })
    }
}

/// What to select. Every field narrows; the default selects everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Event date on or after (`YYYY-MM-DD`).
    pub event_from: Option<String>,
    /// Event date on or before.
    pub event_to: Option<String>,
    /// Report date on or after.
    pub report_from: Option<String>,
    /// Report date on or before.
    pub report_to: Option<String>,
    /// CAMEO actor code prefix, of the source or the target (`RUS`, `UKRMIL`).
    pub actor: Option<String>,
    /// Country: two letters (ISO 3166) match the place; three letters (CAMEO) the actors.
    pub country: Option<String>,
    /// CAMEO code prefix (`19`, `190`, `0214`).
    pub cameo: Option<String>,
    /// PLOVER event type (`ASSAULT`).
    pub plover: Option<String>,
    /// Factuality (`asserted`, `negated`, …).
    pub factuality: Option<String>,
    /// Stance (`reported`, `claimed`, `denied`, `witnessed`, or `none` for the reporter's own voice).
    pub stance: Option<String>,
    /// Place name (case-insensitive).
    pub place: Option<String>,
    /// Within `km` of (`lat`, `lon`): `(lat, lon, km)`.
    pub near: Option<(f64, f64, f64)>,
    /// Full-text query over evidence sentences (FTS5 syntax: words, "phrases", OR, NOT, prefix*).
    pub text: Option<String>,
    /// Only this story's events.
    pub story: Option<i64>,
    /// Stories only: contested (true) or not (false).
    pub contested: Option<bool>,
    /// Order.
    pub sort: Sort,
    /// At most this many rows.
    pub limit: Option<usize>,
    /// Continue after the page that handed out this cursor (same filter and sort).
    pub cursor: Option<Cursor>,
}

/// One stored event, as queries and exports return it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    pub id: i64,
    pub story: Option<i64>,
    pub report: String,
    pub report_date: String,
    pub report_source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub event_date: String,
    pub date_value: String,
    pub cameo: String,
    pub root: String,
    pub plover: Option<String>,
    pub goldstein: Option<f64>,
    pub source_text: Option<String>,
    pub source_actor: Option<String>,
    pub source_country: Option<String>,
    pub target_text: Option<String>,
    pub target_actor: Option<String>,
    pub target_country: Option<String>,
    /// The report does not name the source in the event's clause: the coder took it from
    /// the report's conflict (and `source_text` is a mention of it elsewhere).
    pub source_inferred: bool,
    /// The same for the target.
    pub target_inferred: bool,
    pub place_name: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub place_country: Option<String>,
    pub place_admin1: Option<String>,
    pub place_precision: Option<String>,
    pub geonames_id: Option<i64>,
    pub factuality: String,
    pub stance: Option<String>,
    pub attribution_text: Option<String>,
    pub attribution_actor: Option<String>,
    pub attribution_cue: Option<String>,
    pub confidence: f64,
    pub evidence: String,
    pub sentence: [i64; 2],
    pub trigger: String,
    pub trigger_span: [i64; 2],
    pub quantities: Option<serde_json::Value>,
    /// Where the trigger, source, target, place, time and attribution sit in `evidence`:
    /// `[{"kind": "trigger", "start": 30, "end": 36}, …]`, offsets in UTF-16 code units.
    pub highlights: serde_json::Value,
}

/// One story: the same happening told by one or more reports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoryRow {
    pub id: i64,
    pub root: String,
    pub cameo: String,
    pub plover: Option<String>,
    pub goldstein: Option<f64>,
    pub source_actor: Option<String>,
    pub source_country: Option<String>,
    pub target_actor: Option<String>,
    pub target_country: Option<String>,
    pub place_name: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub place_country: Option<String>,
    pub first_date: String,
    pub last_date: String,
    pub first_report: String,
    pub last_report: String,
    pub first_report_date: String,
    pub last_report_date: String,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    pub contested: bool,
    pub contested_reason: Option<String>,
}

pub(crate) const EVENT_COLUMNS: &str = "e.id, e.story, r.id, e.report_date, r.source, r.url, r.title, e.event_date, e.date_value, e.cameo, e.root,
    e.plover, e.goldstein, e.source_text, e.source_actor, e.source_country, e.target_text, e.target_actor, e.target_country,
    e.place_name, e.place_lat, e.place_lon, e.place_country, e.place_admin1, e.place_precision, e.place_geonames,
    e.factuality, e.stance, e.attribution_text, e.attribution_actor, e.attribution_cue, e.confidence, e.evidence,
    e.sentence_start, e.sentence_end, e.trigger_text, e.trigger_start, e.trigger_end, e.quantities, e.highlights,
    e.source_inferred, e.target_inferred";

pub(crate) fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let q: Option<String> = r.get(38)?;
    Ok(EventRow {
        id: r.get(0)?,
        story: r.get(1)?,
        report: r.get(2)?,
        report_date: r.get(3)?,
        report_source: r.get(4)?,
        url: r.get(5)?,
        title: r.get(6)?,
        event_date: r.get(7)?,
        date_value: r.get(8)?,
        cameo: r.get(9)?,
        root: r.get(10)?,
        plover: r.get(11)?,
        goldstein: r.get(12)?,
        source_text: r.get(13)?,
        source_actor: r.get(14)?,
        source_country: r.get(15)?,
        target_text: r.get(16)?,
        target_actor: r.get(17)?,
        target_country: r.get(18)?,
        source_inferred: r.get::<_, i64>(40)? != 0,
        target_inferred: r.get::<_, i64>(41)? != 0,
        place_name: r.get(19)?,
        lat: r.get(20)?,
        lon: r.get(21)?,
        place_country: r.get(22)?,
        place_admin1: r.get(23)?,
        place_precision: r.get(24)?,
        geonames_id: r.get(25)?,
        factuality: r.get(26)?,
        stance: r.get(27)?,
        attribution_text: r.get(28)?,
        attribution_actor: r.get(29)?,
        attribution_cue: r.get(30)?,
        confidence: r.get(31)?,
        evidence: r.get(32)?,
        sentence: [r.get(33)?, r.get(34)?],
        trigger: r.get(35)?,
        trigger_span: [r.get(36)?, r.get(37)?],
        quantities: q.and_then(|s| serde_json::from_str(&s).ok()),
        highlights: r
            .get::<_, Option<String>>(39)?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_else(|| serde_json::Value::Array(Vec::new())),
    })
}

fn story_row(r: &Row<'_>) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: r.get(0)?,
        root: r.get(1)?,
        cameo: r.get(2)?,
        plover: r.get(3)?,
        goldstein: r.get(4)?,
        source_actor: r.get(5)?,
        source_country: r.get(6)?,
        target_actor: r.get(7)?,
        target_country: r.get(8)?,
        place_name: r.get(9)?,
        lat: r.get(10)?,
        lon: r.get(11)?,
        place_country: r.get(12)?,
        first_date: r.get(13)?,
        last_date: r.get(14)?,
        first_report: r.get(15)?,
        last_report: r.get(16)?,
        first_report_date: r.get(17)?,
        last_report_date: r.get(18)?,
        num_mentions: r.get(19)?,
        num_sources: r.get(20)?,
        num_articles: r.get(21)?,
        contested: r.get(22)?,
        contested_reason: r.get(23)?,
    })
}

/// The smallest string greater than every string starting with `prefix`.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

fn check_date(what: &str, d: &Option<String>) -> Result<(), StoreError> {
    if let Some(d) = d {
        if d.parse::<jiff::civil::Date>().is_err() {
            return Err(StoreError::Invalid(format!("{what} `{d}` is not a date: give YYYY-MM-DD")));
        }
    }
    Ok(())
}

pub(crate) struct Sql {
    pub(crate) clauses: Vec<String>,
    pub(crate) params: Vec<Value>,
}

impl Sql {
    pub(crate) fn new() -> Sql {
        Sql { clauses: Vec::new(), params: Vec::new() }
    }
    pub(crate) fn p(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }
    /// `column_op value` (`e.event_date >= ?1`) when `value` is given.
    pub(crate) fn bound(&mut self, value: &Option<String>, column_op: &str) {
        if let Some(v) = value {
            let p = self.p(v.clone());
            self.add(format!("{column_op} {p}"));
        }
    }
    pub(crate) fn add(&mut self, clause: String) {
        self.clauses.push(clause);
    }
    pub(crate) fn where_(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn register_km(store: &Store) -> Result<(), StoreError> {
    store
        .conn
        .create_scalar_function("sitrep_km", 4, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
            let lat1: Option<f64> = ctx.get(0)?;
            let lon1: Option<f64> = ctx.get(1)?;
            let (Some(lat1), Some(lon1)) = (lat1, lon1) else { return Ok(None) };
            Ok(Some(haversine_km((lat1, lon1), (ctx.get(2)?, ctx.get(3)?))))
        })
        .map_err(|e| store.err(e))
}

/// The box (min lat, max lat, min lon, max lon) around the circle of `km` about a point, a
/// little wider than the circle so that rounding never drops a point inside it; `None` when
/// the box would cross a pole or the date line (then the distance alone decides).
pub(crate) fn near_box(lat: f64, lon: f64, km: f64) -> Option<(f64, f64, f64, f64)> {
    let dlat = km / 110.0 + 0.01;
    let dlon = km / (111.0 * lat.to_radians().cos().abs().max(0.01)) + 0.01;
    let wraps = lon - dlon < -180.0 || lon + dlon > 180.0 || lat.abs() + dlat >= 90.0;
    (!wraps).then_some((lat - dlat, lat + dlat, lon - dlon, lon + dlon))
}

pub(crate) fn validate(f: &Filter) -> Result<(), StoreError> {
    check_date("--from", &f.event_from)?;
    check_date("--to", &f.event_to)?;
    check_date("--report-from", &f.report_from)?;
    check_date("--report-to", &f.report_to)?;
    if let Some((lat, lon, km)) = f.near {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) || km.is_nan() || km <= 0.0 {
            return Err(StoreError::Invalid(format!(
                "--near {lat},{lon} --km {km}: give a latitude in -90..90, a longitude in -180..180 and a positive distance"
            )));
        }
    }
    if let Some(c) = &f.country {
        if !(c.len() == 2 || c.len() == 3) || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(StoreError::Invalid(format!(
                "--country `{c}`: give two letters (ISO 3166, the place: UA) or three (CAMEO, an actor: UKR)"
            )));
        }
    }
    Ok(())
}

pub(crate) fn fts_error(store: &Store, e: rusqlite::Error, text: &Option<String>) -> StoreError {
    let msg = e.to_string();
    let generic = matches!(&e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::Unknown);
    if text.is_some() && generic {
        return StoreError::Invalid(format!(
            "text {:?} is not a valid full-text query ({msg}): use words, \"phrases in double quotes\", OR, NOT and prefix*",
            text.as_deref().unwrap_or("")
        ));
    }
    store.err(e)
}

/// The conditions of `filter` on events `e`, all but the full-text one (whose best plan
/// depends on the query) and the cursor.
pub(crate) fn event_where(store: &Store, filter: &Filter) -> Result<Sql, StoreError> {
    validate(filter)?;
    let mut q = Sql::new();
    q.bound(&filter.event_from, "e.event_date >=");
    q.bound(&filter.event_to, "e.event_date <=");
    q.bound(&filter.report_from, "e.report_date >=");
    q.bound(&filter.report_to, "e.report_date <=");
    actor_and_code_clauses(&mut q, filter, "e");
    if let Some(v) = &filter.factuality {
        let p = q.p(v.to_lowercase());
        q.add(format!("e.factuality = {p}"));
    }
    if let Some(v) = &filter.stance {
        if v.eq_ignore_ascii_case("none") {
            q.add("e.stance IS NULL".into());
        } else {
            let p = q.p(v.to_lowercase());
            q.add(format!("e.stance = {p}"));
        }
    }
    place_name_clause(&mut q, filter, "e");
    if let Some(s) = filter.story {
        let p = q.p(s);
        q.add(format!("e.story = {p}"));
    }
    if let Some((lat, lon, km)) = filter.near {
        register_km(store)?;
        if let Some((a, b, c, d)) = near_box(lat, lon, km) {
            let (a, b, c, d) = (q.p(a), q.p(b), q.p(c), q.p(d));
            q.add(format!("e.id IN (SELECT id FROM events_geo WHERE min_lat >= {a} AND max_lat <= {b} AND min_lon >= {c} AND max_lon <= {d})"));
        }
        let (la, lo, k) = (q.p(lat), q.p(lon), q.p(km));
        q.add(format!("sitrep_km(e.place_lat, e.place_lon, {la}, {lo}) <= {k}"));
    }
    Ok(q)
}

/// One page of the events matching `filter` (`limit` rows, default 100) and the cursor of
/// the next.
pub fn events_page(store: &Store, filter: &Filter) -> Result<Page<EventRow>, StoreError> {
    fetch_page(filter, Table::Events, event_key(filter.sort), |f| events(store, f))
}

/// One page of the stories matching `filter` and the cursor of the next.
pub fn stories_page(store: &Store, filter: &Filter) -> Result<Page<StoryRow>, StoreError> {
    fetch_page(filter, Table::Stories, story_key(filter.sort), |f| stories(store, f))
}

/// Events matching `filter`.
pub fn events(store: &Store, filter: &Filter) -> Result<Vec<EventRow>, StoreError> {
    let mut out = Vec::new();
    for_each_event(store, filter, &mut |row| {
        out.push(row);
        Ok(())
    })?;
    Ok(out)
}

/// Call `f` on each event matching `filter`, streaming (for exports of any size).
pub(crate) fn for_each_event(
    store: &Store,
    filter: &Filter,
    f: &mut dyn FnMut(EventRow) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut q = event_where(store, filter)?;
    let offset = continue_after(&mut q, filter.cursor.as_ref(), filter.sort, Table::Events)?;
    let text = filter.text.as_ref().map(|t| q.p(t.clone()));
    let order = match filter.sort {
        Sort::Date => " ORDER BY e.event_date DESC, e.id DESC",
        Sort::DateAsc => " ORDER BY e.event_date ASC, e.id ASC",
        Sort::ReportDate => " ORDER BY e.report_date DESC, e.id DESC",
        Sort::Confidence => " ORDER BY e.confidence DESC, e.id",
        Sort::Goldstein => " ORDER BY e.goldstein ASC NULLS LAST, e.id",
        Sort::Mentions => " ORDER BY (SELECT num_mentions FROM stories s WHERE s.id = e.story) DESC NULLS LAST, e.id",
        Sort::Id => " ORDER BY e.id",
    };
    let limit = limit_sql(filter.limit, offset);
    // The plan SQLite picks: the most selective filter's index, every match sorted.
    let mut natural = Sql { clauses: q.clauses.clone(), params: q.params.clone() };
    if let Some(p) = &text {
        natural.add(format!("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH {p})"));
    }
    let natural_sql = format!("SELECT {EVENT_COLUMNS} FROM events e JOIN reports r ON r.rowid = e.report{}{order}{limit}", natural.where_());
    let run = |sql: &str, params: &[Value], f: &mut dyn FnMut(EventRow) -> Result<(), StoreError>| -> Result<(), StoreError> {
        let mut stmt = store.conn.prepare(sql).map_err(|e| fts_error(store, e, &filter.text))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter())).map_err(|e| fts_error(store, e, &filter.text))?;
        while let Some(r) = rows.next().map_err(|e| fts_error(store, e, &filter.text))? {
            f(event_row(r).map_err(|e| store.err(e))?)?;
        }
        Ok(())
    };
    let index = match filter.sort {
        Sort::Date | Sort::DateAsc => Some("events_date"),
        Sort::ReportDate => Some("events_report_date"),
        _ => None,
    };
    let adaptive = filter.limit.is_some() && filter.story.is_none() && !natural.clauses.is_empty();
    let Some(index) = index.filter(|_| adaptive) else {
        return run(&natural_sql, &natural.params, f);
    };
    // A limited query sorted by date: when the filters match few events the natural plan
    // is best; when they match many, walking the date index and stopping at the limit is.
    // Try the first on a small time budget, then the second.
    // The budget is this thread's CPU time, not wall time: on a busy server wall time runs
    // out early and sends every query down the slow path at once.
    let started = thread_cpu_time();
    store.conn.progress_handler(2000, Some(move || thread_cpu_time().saturating_sub(started) > NATURAL_BUDGET));
    let mut rows = Vec::new();
    let first = run(&natural_sql, &natural.params, &mut |r| {
        rows.push(r);
        Ok(())
    });
    store.conn.progress_handler(0, None::<fn() -> bool>);
    match first {
        Ok(()) => {
            for r in rows {
                f(r)?;
            }
            return Ok(());
        }
        Err(StoreError::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. }) if e.code == rusqlite::ErrorCode::OperationInterrupted => {}
        Err(e) => return Err(e),
    }
    let mut ordered = q;
    if let Some(p) = &text {
        // Materialised once; a correlated full-text probe per row is far slower.
        ordered.add(format!("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH {p})"));
    }
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e INDEXED BY {index} JOIN reports r ON r.rowid = e.report{}{order}{limit}", ordered.where_());
    run(&sql, &ordered.params, f)
}

/// The actor, country, CAMEO and PLOVER filters, which events (`t` = `e`) and stories
/// (`t` = `s`) share column for column.
fn actor_and_code_clauses(q: &mut Sql, filter: &Filter, t: &str) {
    if let Some(a) = &filter.actor {
        let a = a.to_uppercase();
        let (lo, hi) = (q.p(a.clone()), q.p(prefix_end(&a)));
        q.add(format!(
            "({t}.source_actor >= {lo} AND {t}.source_actor < {hi} OR {t}.target_actor >= {lo} AND {t}.target_actor < {hi})"
        ));
    }
    if let Some(c) = &filter.country {
        let c = c.to_uppercase();
        let p = q.p(c.clone());
        if c.len() == 2 {
            q.add(format!("{t}.place_country = {p}"));
        } else {
            q.add(format!("({t}.source_country = {p} OR {t}.target_country = {p})"));
        }
    }
    if let Some(c) = &filter.cameo {
        if c.len() == 2 {
            let p = q.p(c.clone());
            q.add(format!("{t}.root = {p}"));
        } else {
            let (lo, hi) = (q.p(c.clone()), q.p(prefix_end(c)));
            q.add(format!("{t}.cameo >= {lo} AND {t}.cameo < {hi}"));
        }
    }
    if let Some(v) = &filter.plover {
        let p = q.p(v.to_uppercase());
        q.add(format!("{t}.plover = {p}"));
    }
}

/// The place-name filter, shared by events and stories.
fn place_name_clause(q: &mut Sql, filter: &Filter, t: &str) {
    if let Some(v) = &filter.place {
        let p = q.p(v.clone());
        q.add(format!("{t}.place_name = {p} COLLATE NOCASE"));
    }
}

/// How long the natural plan of a limited, date-sorted query may run before the date
/// index is walked instead.
const NATURAL_BUDGET: Duration = Duration::from_millis(8);

/// CPU time used by this thread (wall time where the platform cannot tell).
fn thread_cpu_time() -> Duration {
    #[cfg(unix)]
    {
        let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `t` is a valid timespec to write to; the clock id is a constant.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            return Duration::new(t.tv_sec as u64, t.tv_nsec as u32);
        }
    }
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Stories matching `filter` (dates match a story whose span of event dates overlaps the range).
pub fn stories(store: &Store, filter: &Filter) -> Result<Vec<StoryRow>, StoreError> {
    validate(filter)?;
    let mut q = Sql::new();
    q.bound(&filter.event_from, "s.last_date >=");
    q.bound(&filter.event_to, "s.first_date <=");
    q.bound(&filter.report_from, "s.last_report_date >=");
    q.bound(&filter.report_to, "s.first_report_date <=");
    actor_and_code_clauses(&mut q, filter, "s");
    if let Some(v) = &filter.factuality {
        let p = q.p(v.to_lowercase());
        q.add(format!("EXISTS (SELECT 1 FROM events e WHERE e.story = s.id AND e.factuality = {p})"));
    }
    if let Some(v) = &filter.stance {
        let p = q.p(v.to_lowercase());
        q.add(format!("EXISTS (SELECT 1 FROM events e WHERE e.story = s.id AND e.stance = {p})"));
    }
    place_name_clause(&mut q, filter, "s");
    if let Some(s) = filter.story {
        let p = q.p(s);
        q.add(format!("s.id = {p}"));
    }
    if let Some(c) = filter.contested {
        let p = q.p(c as i64);
        q.add(format!("s.contested = {p}"));
    }
    if let Some((lat, lon, km)) = filter.near {
        register_km(store)?;
        let (la, lo, k) = (q.p(lat), q.p(lon), q.p(km));
        q.add(format!("sitrep_km(s.place_lat, s.place_lon, {la}, {lo}) <= {k}"));
    }
    if let Some(t) = &filter.text {
        let p = q.p(t.clone());
        q.add(format!("s.id IN (SELECT story FROM events WHERE id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH {p}))"));
    }
    let offset = continue_after(&mut q, filter.cursor.as_ref(), filter.sort, Table::Stories)?;
    let order = match filter.sort {
        Sort::Date => " ORDER BY s.first_date DESC, s.id DESC",
        Sort::DateAsc => " ORDER BY s.first_date ASC, s.id ASC",
        Sort::ReportDate => " ORDER BY s.last_report_date DESC, s.id DESC",
        Sort::Confidence | Sort::Mentions => " ORDER BY s.num_mentions DESC, s.id DESC",
        Sort::Goldstein => " ORDER BY s.goldstein ASC NULLS LAST, s.id",
        Sort::Id => " ORDER BY s.id",
    };
    let limit = limit_sql(filter.limit, offset);
    let sql = format!(
        "SELECT s.id, s.root, s.cameo, s.plover, s.goldstein, s.source_actor, s.source_country, s.target_actor, s.target_country,
                s.place_name, s.place_lat, s.place_lon, s.place_country, s.first_date, s.last_date, s.first_report, s.last_report,
                s.first_report_date, s.last_report_date, s.num_mentions, s.num_sources, s.num_articles, s.contested, s.contested_reason
         FROM stories s{}{order}{limit}",
        q.where_()
    );
    let mut stmt = store.conn.prepare(&sql).map_err(|e| fts_error(store, e, &filter.text))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(q.params.iter()), story_row).map_err(|e| fts_error(store, e, &filter.text))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(|e| fts_error(store, e, &filter.text))
}
