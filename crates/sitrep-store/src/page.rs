//! Pages of results and the cursors that continue them.
//!
//! Date- and id-sorted results continue by key (`event_date, id` past the last row), so a
//! page costs the same however deep it is and rows added meanwhile do not shift it; the
//! other orders continue by offset.

use crate::query::{EventRow, Filter, Sort, Sql, StoryRow};
use crate::StoreError;

/// Where the next page starts. Opaque to clients: they hand back what they were given.
///
/// ```
/// use sitrep_store::Cursor;
/// let c = Cursor::After { key: "2022-02-24".into(), id: 17 };
/// assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
/// assert!(Cursor::decode("garbage").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// After the row with this sort key and id.
    After { key: String, id: i64 },
    /// After this many rows.
    Offset(u64),
}

impl Cursor {
    /// The cursor as a URL-safe string.
    pub fn encode(&self) -> String {
        match self {
            Cursor::After { key, id } => format!("k{key}_{id}"),
            Cursor::Offset(n) => format!("o{n}"),
        }
    }

    /// Read a cursor made by [`Cursor::encode`].
    pub fn decode(s: &str) -> Result<Cursor, StoreError> {
        let bad = || StoreError::Invalid(format!("cursor `{s}` is not one this server handed out: start again without a cursor"));
        if let Some(n) = s.strip_prefix('o') {
            return n.parse().map(Cursor::Offset).map_err(|_| bad());
        }
        let rest = s.strip_prefix('k').ok_or_else(bad)?;
        let (key, id) = rest.rsplit_once('_').ok_or_else(bad)?;
        let id = id.parse().map_err(|_| bad())?;
        if key.len() > 64 || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(bad());
        }
        Ok(Cursor::After { key: key.to_string(), id })
    }
}

/// One page of rows and the cursor of the next, if there are more.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub next: Option<Cursor>,
}

/// Which table a keyset clause is for.
#[derive(Clone, Copy)]
pub(crate) enum Table {
    Events,
    Stories,
}

/// The column a sort continues by key (`None`: by id alone), or `None` for orders that
/// continue by offset.
fn key_column(sort: Sort, table: Table) -> Option<(Option<&'static str>, bool)> {
    Some(match (table, sort) {
        (Table::Events, Sort::Date) => (Some("e.event_date"), true),
        (Table::Events, Sort::DateAsc) => (Some("e.event_date"), false),
        (Table::Events, Sort::ReportDate) => (Some("e.report_date"), true),
        (Table::Stories, Sort::Date) => (Some("s.first_date"), true),
        (Table::Stories, Sort::DateAsc) => (Some("s.first_date"), false),
        (Table::Stories, Sort::ReportDate) => (Some("s.last_report_date"), true),
        (_, Sort::Id) => (None, false),
        _ => return None,
    })
}

/// Add the condition that starts after `cursor`; returns the rows to skip (offset cursors).
pub(crate) fn continue_after(q: &mut Sql, cursor: Option<&Cursor>, sort: Sort, table: Table) -> Result<u64, StoreError> {
    let id_col = match table {
        Table::Events => "e.id",
        Table::Stories => "s.id",
    };
    match (cursor, key_column(sort, table)) {
        (None, _) => Ok(0),
        (Some(Cursor::Offset(n)), None) => Ok(*n),
        (Some(Cursor::After { key, id }), Some((column, descending))) => {
            let op = if descending { "<" } else { ">" };
            let id = q.p(*id);
            match column {
                Some(col) => {
                    let k = q.p(key.clone());
                    q.add(format!("({col} {op} {k} OR {col} = {k} AND {id_col} {op} {id})"));
                }
                None => q.add(format!("{id_col} > {id}")),
            }
            Ok(0)
        }
        _ => Err(StoreError::Invalid("the cursor belongs to another sort order: start again without a cursor".into())),
    }
}

/// The `LIMIT … OFFSET …` of a page of `limit` rows (one more, to learn whether there is a next page).
pub(crate) fn limit_sql(limit: Option<usize>, offset: u64) -> String {
    match (limit, offset) {
        (None, 0) => String::new(),
        (None, n) => format!(" LIMIT -1 OFFSET {n}"),
        (Some(l), 0) => format!(" LIMIT {l}"),
        (Some(l), n) => format!(" LIMIT {l} OFFSET {n}"),
    }
}

/// Trim a result fetched with one row too many into a page.
pub(crate) fn paginate<T>(mut rows: Vec<T>, limit: usize, sort: Sort, table: Table, offset: u64, key: impl Fn(&T) -> (String, i64)) -> Page<T> {
    if rows.len() <= limit {
        return Page { rows, next: None };
    }
    rows.truncate(limit);
    let next = match key_column(sort, table) {
        Some((column, _)) => rows.last().map(|r| {
            let (k, id) = key(r);
            Cursor::After { key: if column.is_some() { k } else { String::new() }, id }
        }),
        None => Some(Cursor::Offset(offset + limit as u64)),
    };
    Page { rows, next }
}

/// One page of `limit` rows (default 100) fetched with one row too many, and the cursor of
/// the next.
pub(crate) fn fetch_page<T>(
    filter: &Filter,
    table: Table,
    key: impl Fn(&T) -> (String, i64),
    fetch: impl FnOnce(&Filter) -> Result<Vec<T>, StoreError>,
) -> Result<Page<T>, StoreError> {
    let limit = filter.limit.unwrap_or(100);
    let offset = match &filter.cursor {
        Some(Cursor::Offset(n)) => *n,
        _ => 0,
    };
    let rows = fetch(&Filter { limit: Some(limit + 1), ..filter.clone() })?;
    Ok(paginate(rows, limit, filter.sort, table, offset, key))
}

/// The sort key and id of an event, for its cursor.
pub(crate) fn event_key(sort: Sort) -> impl Fn(&EventRow) -> (String, i64) {
    move |e| {
        let k = if sort == Sort::ReportDate { &e.report_date } else { &e.event_date };
        (k.clone(), e.id)
    }
}

/// The sort key and id of a story, for its cursor.
pub(crate) fn story_key(sort: Sort) -> impl Fn(&StoryRow) -> (String, i64) {
    move |s| {
        let k = if sort == Sort::ReportDate { &s.last_report_date } else { &s.first_date };
        (k.clone(), s.id)
    }
}
