//! Single rows by id, and the counts the analyst's page draws: actors, places, days.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use serde::Serialize;

use crate::query::{event_row, event_where, fts_error, EventRow, Filter, Sql, StoryRow, EVENT_COLUMNS};
use crate::{stories, Store, StoreError};

/// A stored report: its metadata and text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReportRow {
    pub id: String,
    pub date: String,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub lang: Option<String>,
    pub text: String,
    /// Its events, in text order.
    pub events: Vec<EventRow>,
}

/// How many matching events name an actor code (as source or target).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActorCount {
    pub code: String,
    pub events: u64,
}

/// How many matching events happened at a place, by PLOVER type.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
    pub events: u64,
    pub by_plover: BTreeMap<String, u64>,
}

/// How many matching events happened on a day, by PLOVER type.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Day {
    pub date: String,
    pub events: u64,
    pub by_plover: BTreeMap<String, u64>,
}

fn select_events(store: &Store, condition: &str, params: &[Value], order: &str) -> Result<Vec<EventRow>, StoreError> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e JOIN reports r ON r.rowid = e.report WHERE {condition} ORDER BY {order}");
    let mut stmt = store.conn.prepare_cached(&sql).map_err(|e| store.err(e))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), event_row).map_err(|e| store.err(e))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(|e| store.err(e))
}

/// The event with this id.
pub fn event(store: &Store, id: i64) -> Result<Option<EventRow>, StoreError> {
    Ok(select_events(store, "e.id = ?1", &[Value::Integer(id)], "e.id")?.pop())
}

/// The story with this id and its events, earliest report first.
pub fn story_events(store: &Store, id: i64) -> Result<Option<(StoryRow, Vec<EventRow>)>, StoreError> {
    let Some(story) = stories(store, &Filter { story: Some(id), ..Filter::default() })?.pop() else {
        return Ok(None);
    };
    let events = select_events(store, "e.story = ?1", &[Value::Integer(id)], "e.report_date, e.id")?;
    Ok(Some((story, events)))
}

/// The report with this id, with its text and events.
pub fn report(store: &Store, id: &str) -> Result<Option<ReportRow>, StoreError> {
    report_where(store, "id = ?1", [id])
}

/// The stored report `record` duplicates: the one with its id, else the one with its text.
pub fn stored_report(store: &Store, record: &crate::ReportRecord) -> Result<Option<ReportRow>, StoreError> {
    report_where(store, "id = ?1 OR hash = ?2 ORDER BY id = ?1 DESC LIMIT 1", [record.id.as_str(), record.hash.as_str()])
}

fn report_where<P: rusqlite::Params>(store: &Store, condition: &str, params: P) -> Result<Option<ReportRow>, StoreError> {
    let found = store.conn.query_row(
        &format!("SELECT rowid, id, date, published, source, url, title, lang, text FROM reports WHERE {condition}"),
        params,
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                ReportRow {
                    id: r.get(1)?,
                    date: r.get(2)?,
                    published: r.get(3)?,
                    source: r.get(4)?,
                    url: r.get(5)?,
                    title: r.get(6)?,
                    lang: r.get(7)?,
                    text: r.get(8)?,
                    events: Vec::new(),
                },
            ))
        },
    );
    let (rowid, mut report) = match found {
        Ok(found) => found,
        Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
        Err(e) => return Err(store.err(e)),
    };
    report.events = select_events(store, "e.report = ?1", &[Value::Integer(rowid)], "e.ord")?;
    Ok(Some(report))
}

/// `filter`'s conditions with the full-text one, for counting.
fn counting_where(store: &Store, filter: &Filter) -> Result<Sql, StoreError> {
    let mut q = event_where(store, filter)?;
    if let Some(t) = &filter.text {
        let p = q.p(t.clone());
        q.add(format!("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH {p})"));
    }
    Ok(q)
}

fn count_rows<T>(store: &Store, filter: &Filter, sql: &str, params: &[Value], row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>, StoreError> {
    let mut stmt = store.conn.prepare(sql).map_err(|e| fts_error(store, e, &filter.text))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), row).map_err(|e| fts_error(store, e, &filter.text))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(|e| fts_error(store, e, &filter.text))
}

fn and(q: &Sql, more: &str) -> String {
    if q.clauses.is_empty() {
        format!(" WHERE {more}")
    } else {
        format!("{} AND {more}", q.where_())
    }
}

/// Actor codes of the events matching `filter` (source or target), most frequent first.
pub fn actors(store: &Store, filter: &Filter, limit: usize) -> Result<Vec<ActorCount>, StoreError> {
    let q = counting_where(store, filter)?;
    let sql = format!(
        "SELECT code, COUNT(*) AS n FROM (SELECT e.source_actor AS code FROM events e{} UNION ALL SELECT e.target_actor FROM events e{})
         GROUP BY code ORDER BY n DESC, code LIMIT {limit}",
        and(&q, "e.source_actor IS NOT NULL"),
        and(&q, "e.target_actor IS NOT NULL"),
    );
    count_rows(store, filter, &sql, &q.params, |r| Ok(ActorCount { code: r.get(0)?, events: r.get::<_, i64>(1)? as u64 }))
}

/// Places of the events matching `filter`, most frequent first.
pub fn places(store: &Store, filter: &Filter, limit: usize) -> Result<Vec<PlaceCount>, StoreError> {
    let q = counting_where(store, filter)?;
    let sql = format!(
        "SELECT e.place_name, e.place_lat, e.place_lon, e.place_country, e.plover, COUNT(*) FROM events e{}
         GROUP BY e.place_name, e.place_lat, e.place_lon, e.place_country, e.plover",
        and(&q, "e.place_lat IS NOT NULL")
    );
    let rows = count_rows(store, filter, &sql, &q.params, |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?, r.get::<_, f64>(2)?, r.get::<_, Option<String>>(3)?, r.get::<_, Option<String>>(4)?, r.get::<_, i64>(5)? as u64))
    })?;
    let mut out: Vec<PlaceCount> = Vec::new();
    let mut at: std::collections::HashMap<(String, u64, u64), usize> = std::collections::HashMap::new();
    for (name, lat, lon, country, plover, n) in rows {
        let i = *at.entry((name.clone(), lat.to_bits(), lon.to_bits())).or_insert_with(|| {
            out.push(PlaceCount { name, lat, lon, country, events: 0, by_plover: BTreeMap::new() });
            out.len() - 1
        });
        out[i].events += n;
        *out[i].by_plover.entry(plover.unwrap_or_else(|| "OTHER".into())).or_default() += n;
    }
    out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
    out.truncate(limit);
    Ok(out)
}

/// Counts of the events matching `filter` per event date, oldest first.
pub fn timeline(store: &Store, filter: &Filter) -> Result<Vec<Day>, StoreError> {
    let q = counting_where(store, filter)?;
    let sql = format!("SELECT e.event_date, e.plover, COUNT(*) FROM events e{} GROUP BY e.event_date, e.plover ORDER BY e.event_date", q.where_());
    let rows = count_rows(store, filter, &sql, &q.params, |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, i64>(2)? as u64)))?;
    let mut days: Vec<Day> = Vec::new();
    for (date, plover, n) in rows {
        if days.last().map(|d| &d.date) != Some(&date) {
            days.push(Day { date, events: 0, by_plover: BTreeMap::new() });
        }
        if let Some(day) = days.last_mut() {
            day.events += n;
            *day.by_plover.entry(plover.unwrap_or_else(|| "OTHER".into())).or_default() += n;
        }
    }
    Ok(days)
}
