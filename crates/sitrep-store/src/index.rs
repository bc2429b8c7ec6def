//! An in-memory index of the fields events are filtered by, for a server's many small
//! queries.
//!
//! A date-sorted page of events under filters costs SQLite either a sort of every match (a
//! broad filter) or a long walk of the date index (a narrow one). This index keeps each
//! event's filterable fields in columns (about 50 bytes an event) with the events' order by
//! event date and by report date, so a page is one walk in sort order that stops at the
//! page's end: broad filters stop early, narrow ones scan tight columns. Full rows then come
//! from SQLite by primary key; a full-text filter becomes a set of rows (from FTS5, kept for
//! the next queries with the same text). Story filters, and orders other than by date or
//! id, are left to SQLite.
//!
//! ```
//! # let dir = tempfile::tempdir().unwrap();
//! # let db = dir.path().join("s.db");
//! let store = sitrep_store::Store::open(&db).unwrap();
//! let index = sitrep_store::EventIndex::load(&store).unwrap();
//! assert_eq!(index.len(), 0);
//! let page = index.events_page(&store, &sitrep_store::Filter::default()).unwrap();
//! assert!(page.rows.is_empty());
//! ```

use std::collections::HashMap;

use crate::page::{event_key, paginate, Cursor, Page, Table};
use crate::query::{event_row, fts_error, near_box, validate, EventRow, Filter, Sort, EVENT_COLUMNS};
use crate::stories::haversine_km;
use crate::{Store, StoreError};

/// Strings of one column, each stored once; rows hold their number (0: none).
#[derive(Default)]
struct Dictionary {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Dictionary {
    fn id(&mut self, s: Option<String>) -> u32 {
        let Some(s) = s else { return 0 };
        if let Some(&id) = self.ids.get(&s) {
            return id;
        }
        self.names.push(s.clone());
        let id = self.names.len() as u32;
        self.ids.insert(s, id);
        id
    }

    /// Which entries match: `wanted[id]`; entry 0 (none) never matches.
    fn matching(&self, test: impl Fn(&str) -> bool) -> Vec<bool> {
        std::iter::once(false).chain(self.names.iter().map(|n| test(n))).collect()
    }
}

/// Full-text queries whose matching rows are kept.
const TEXT_SETS: usize = 32;

/// A `YYYY-MM-DD` date as a number that sorts as the date does.
fn day(s: &str) -> u32 {
    let b = s.as_bytes();
    let n = |r: std::ops::Range<usize>| b.get(r).and_then(|d| std::str::from_utf8(d).ok()).and_then(|d| d.parse::<u32>().ok()).unwrap_or(0);
    n(0..4) * 512 + n(5..7) * 32 + n(8..10)
}

/// The filterable fields of every stored event, in columns.
#[derive(Default)]
pub struct EventIndex {
    id: Vec<i64>,
    event_date: Vec<u32>,
    report_date: Vec<u32>,
    source_actor: Vec<u32>,
    target_actor: Vec<u32>,
    source_country: Vec<u32>,
    target_country: Vec<u32>,
    place_country: Vec<u32>,
    place: Vec<u32>,
    cameo: Vec<u32>,
    plover: Vec<u32>,
    factuality: Vec<u32>,
    stance: Vec<u32>,
    lat: Vec<f32>,
    lon: Vec<f32>,
    actors: Dictionary,
    countries: Dictionary,
    places: Dictionary,
    codes: Dictionary,
    labels: Dictionary,
    /// Each place's name as first stored (`places` holds them lowercased, to match).
    place_names: Vec<String>,
    /// Rows (which are kept in event date, id order) in id order.
    by_id: Vec<u32>,
    /// Rows by actor, country and map cell, for filters that match few events.
    postings: Postings,
    /// Row of each event id (`u32::MAX`: none).
    row_of_id: Vec<u32>,
    /// The rows whose evidence matches recent full-text queries, as bit sets (most recent
    /// last): the page asks the same text again as the analyst brushes and filters.
    text_sets: std::sync::Mutex<Vec<(String, std::sync::Arc<Vec<u64>>)>>,
    /// Walk a filter's list of rows however long it is (tests of that path); otherwise
    /// only lists of at most an eighth of the rows are walked.
    always_lists: bool,
    /// Rows in (report date, id) order.
    by_report_date: Vec<u32>,
}

/// For each value of a selective field, its rows in order (row numbers are positions in
/// event-date order).
#[derive(Default)]
struct Postings {
    /// By actor code number: rows where it is the source or the target.
    actor: Vec<Vec<u32>>,
    /// By country number: rows where it is the source's or the target's country.
    actor_country: Vec<Vec<u32>>,
    /// By country number: rows placed in it.
    place_country: Vec<Vec<u32>>,
    /// By one-degree cell of latitude and longitude: rows placed in it.
    cells: HashMap<(i32, i32), Vec<u32>>,
}

impl Postings {
    fn build(ix: &EventIndex) -> Postings {
        let mut p = Postings {
            actor: vec![Vec::new(); ix.actors.names.len() + 1],
            actor_country: vec![Vec::new(); ix.countries.names.len() + 1],
            place_country: vec![Vec::new(); ix.countries.names.len() + 1],
            cells: HashMap::new(),
        };
        for r in 0..ix.len() {
            let row = r as u32;
            let (a, b) = (ix.source_actor[r] as usize, ix.target_actor[r] as usize);
            p.actor[a].push(row);
            if b != a {
                p.actor[b].push(row);
            }
            let (a, b) = (ix.source_country[r] as usize, ix.target_country[r] as usize);
            p.actor_country[a].push(row);
            if b != a {
                p.actor_country[b].push(row);
            }
            p.place_country[ix.place_country[r] as usize].push(row);
            if !ix.lat[r].is_nan() {
                p.cells.entry(cell(ix.lat[r], ix.lon[r])).or_default().push(row);
            }
        }
        p
    }
}

/// The one-degree cell of a point.
fn cell(lat: f32, lon: f32) -> (i32, i32) {
    (lat.floor() as i32, lon.floor() as i32)
}

/// One filter as tests on row fields.
struct Test<'a> {
    ix: &'a EventIndex,
    from: u32,
    to: u32,
    report_from: u32,
    report_to: u32,
    actor: Option<Vec<bool>>,
    actor_country: Option<u32>,
    place_country: Option<u32>,
    cameo: Option<Vec<bool>>,
    plover: Option<u32>,
    factuality: Option<u32>,
    stance: Option<u32>,
    place: Option<Vec<bool>>,
    near: Option<(f64, f64, f64)>,
    /// The box around `near` (min lat, max lat, min lon, max lon), tested first; `None`
    /// when it would cross a pole or the date line.
    near_box: Option<(f32, f32, f32, f32)>,
    /// Rows whose evidence matches the full-text query, as bits.
    text: Option<std::sync::Arc<Vec<u64>>>,
}

impl Test<'_> {
    #[inline]
    fn accepts(&self, r: usize) -> bool {
        let ix = self.ix;
        let d = ix.event_date[r];
        if d < self.from || d > self.to {
            return false;
        }
        if let Some(bits) = &self.text {
            if bits[r / 64] & (1 << (r % 64)) == 0 {
                return false;
            }
        }
        let rd = ix.report_date[r];
        if rd < self.report_from || rd > self.report_to {
            return false;
        }
        let is = |want: Option<u32>, got: u32| want.is_none_or(|w| w == got);
        if !is(self.plover, ix.plover[r]) || !is(self.factuality, ix.factuality[r]) || !is(self.stance, ix.stance[r]) || !is(self.place_country, ix.place_country[r]) {
            return false;
        }
        if let Some(c) = self.actor_country {
            if ix.source_country[r] != c && ix.target_country[r] != c {
                return false;
            }
        }
        if let Some(a) = &self.actor {
            if !a[ix.source_actor[r] as usize] && !a[ix.target_actor[r] as usize] {
                return false;
            }
        }
        if let Some(c) = &self.cameo {
            if !c[ix.cameo[r] as usize] {
                return false;
            }
        }
        if let Some(p) = &self.place {
            if !p[ix.place[r] as usize] {
                return false;
            }
        }
        if let Some((lat, lon, km)) = self.near {
            let (a, b) = (ix.lat[r], ix.lon[r]);
            if a.is_nan() {
                return false;
            }
            if let Some((lo_lat, hi_lat, lo_lon, hi_lon)) = self.near_box {
                if !(a >= lo_lat && a <= hi_lat && b >= lo_lon && b <= hi_lon) {
                    return false;
                }
            }
            if haversine_km((a as f64, b as f64), (lat, lon)) > km {
                return false;
            }
        }
        true
    }
}

impl EventIndex {
    /// Read every stored event's fields.
    pub fn load(store: &Store) -> Result<EventIndex, StoreError> {
        let mut ix = EventIndex::default();
        ix.append(store, 0)?;
        Ok(ix)
    }

    /// Walk lists of rows whenever a filter has one, however long (for tests of that path).
    #[doc(hidden)]
    pub fn always_use_lists(mut self) -> EventIndex {
        self.always_lists = true;
        self
    }

    /// Events indexed.
    pub fn len(&self) -> usize {
        self.id.len()
    }

    /// No events indexed.
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }

    /// Take in events stored since the index was made. Returns how many were added; a
    /// database whose events were removed or replaced is read again from the start.
    pub fn refresh(&mut self, store: &Store) -> Result<usize, StoreError> {
        let (max, count): (Option<i64>, i64) =
            store.conn.query_row("SELECT MAX(id), COUNT(*) FROM events", [], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| store.err(e))?;
        let last = self.by_id.last().map_or(0, |&r| self.id[r as usize]);
        if max.unwrap_or(0) == last && count as usize == self.len() {
            return Ok(0);
        }
        if max.unwrap_or(0) < last || (count as usize) < self.len() {
            *self = EventIndex::load(store)?;
            return Ok(self.len());
        }
        self.append(store, last)
    }

    fn append(&mut self, store: &Store, after: i64) -> Result<usize, StoreError> {
        let before = self.len();
        let mut stmt = store
            .conn
            .prepare(
                "SELECT id, event_date, report_date, source_actor, target_actor, source_country, target_country, place_country,
                        place_name, cameo, plover, factuality, stance, place_lat, place_lon
                 FROM events WHERE id > ?1 ORDER BY id",
            )
            .map_err(|e| store.err(e))?;
        let mut rows = stmt.query([after]).map_err(|e| store.err(e))?;
        while let Some(r) = rows.next().map_err(|e| store.err(e))? {
            let text = |i: usize| r.get::<_, Option<String>>(i);
            let (sa, ta) = (text(3).map_err(|e| store.err(e))?, text(4).map_err(|e| store.err(e))?);
            self.id.push(r.get(0).map_err(|e| store.err(e))?);
            self.event_date.push(day(&r.get::<_, String>(1).map_err(|e| store.err(e))?));
            self.report_date.push(day(&r.get::<_, String>(2).map_err(|e| store.err(e))?));
            self.source_actor.push(self.actors.id(sa));
            self.target_actor.push(self.actors.id(ta));
            self.source_country.push(self.countries.id(text(5).map_err(|e| store.err(e))?));
            self.target_country.push(self.countries.id(text(6).map_err(|e| store.err(e))?));
            self.place_country.push(self.countries.id(text(7).map_err(|e| store.err(e))?));
            let place = text(8).map_err(|e| store.err(e))?;
            let id = self.places.id(place.as_ref().map(|p| p.to_lowercase()));
            if id as usize > self.place_names.len() {
                self.place_names.push(place.unwrap_or_default());
            }
            self.place.push(id);
            self.cameo.push(self.codes.id(text(9).map_err(|e| store.err(e))?));
            self.plover.push(self.labels.id(text(10).map_err(|e| store.err(e))?));
            self.factuality.push(self.labels.id(text(11).map_err(|e| store.err(e))?));
            self.stance.push(self.labels.id(text(12).map_err(|e| store.err(e))?));
            let (lat, lon): (Option<f64>, Option<f64>) = (r.get(13).map_err(|e| store.err(e))?, r.get(14).map_err(|e| store.err(e))?);
            self.lat.push(lat.map_or(f32::NAN, |v| v as f32));
            self.lon.push(lon.map_or(f32::NAN, |v| v as f32));
        }
        let added = self.len() - before;
        if added > 0 {
            self.sort_by_date();
            self.by_id = self.order(|r| (0, self.id[r]));
            self.by_report_date = self.order(|r| (self.report_date[r], self.id[r]));
            self.postings = Postings::build(self);
            let max = self.id.iter().copied().max().unwrap_or(0).max(0) as usize;
            self.row_of_id = vec![u32::MAX; max + 1];
            for (r, &id) in self.id.iter().enumerate() {
                self.row_of_id[id as usize] = r as u32;
            }
            self.text_sets.lock().unwrap_or_else(|p| p.into_inner()).clear();
        }
        Ok(added)
    }

    /// Rows in the order of `key`.
    fn order(&self, key: impl Fn(usize) -> (u32, i64)) -> Vec<u32> {
        let mut rows: Vec<u32> = (0..self.len() as u32).collect();
        rows.sort_unstable_by_key(|&r| key(r as usize));
        rows
    }

    /// Put the rows in (event date, id) order, so that date-sorted pages read the columns
    /// front to back.
    fn sort_by_date(&mut self) {
        let order = self.order(|r| (self.event_date[r], self.id[r]));
        fn permute<T: Copy>(v: &mut Vec<T>, order: &[u32]) {
            *v = order.iter().map(|&r| v[r as usize]).collect();
        }
        permute(&mut self.id, &order);
        permute(&mut self.event_date, &order);
        permute(&mut self.report_date, &order);
        permute(&mut self.source_actor, &order);
        permute(&mut self.target_actor, &order);
        permute(&mut self.source_country, &order);
        permute(&mut self.target_country, &order);
        permute(&mut self.place_country, &order);
        permute(&mut self.place, &order);
        permute(&mut self.cameo, &order);
        permute(&mut self.plover, &order);
        permute(&mut self.factuality, &order);
        permute(&mut self.stance, &order);
        permute(&mut self.lat, &order);
        permute(&mut self.lon, &order);
    }

    /// The tests for `filter`, or `None` when one of its conditions is not indexed.
    fn test<'a>(&'a self, store: &Store, f: &Filter) -> Result<Option<Test<'a>>, StoreError> {
        if f.story.is_some() {
            return Ok(None);
        }
        let text = match &f.text {
            None => None,
            Some(t) => Some(self.text_set(store, t)?),
        };
        Ok(Some(self.test_fields(f, text)))
    }

    /// The rows whose evidence matches `text` (FTS5 syntax), from the cache when it was
    /// asked lately.
    fn text_set(&self, store: &Store, text: &str) -> Result<std::sync::Arc<Vec<u64>>, StoreError> {
        {
            let mut sets = self.text_sets.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(i) = sets.iter().position(|(t, _)| t == text) {
                let hit = sets.remove(i);
                let bits = std::sync::Arc::clone(&hit.1);
                sets.push(hit);
                return Ok(bits);
            }
        }
        let mut bits = vec![0u64; self.len().div_ceil(64)];
        let wrap = |e| fts_error(store, e, &Some(text.to_string()));
        let mut stmt = store.conn.prepare_cached("SELECT rowid FROM events_fts WHERE events_fts MATCH ?1").map_err(wrap)?;
        let mut rows = stmt.query([text]).map_err(wrap)?;
        while let Some(row) = rows.next().map_err(wrap)? {
            let id: i64 = row.get(0).map_err(wrap)?;
            if let Some(&r) = self.row_of_id.get(id.max(0) as usize) {
                if r != u32::MAX {
                    bits[r as usize / 64] |= 1 << (r % 64);
                }
            }
        }
        let bits = std::sync::Arc::new(bits);
        let mut sets = self.text_sets.lock().unwrap_or_else(|p| p.into_inner());
        if sets.len() >= TEXT_SETS {
            sets.remove(0);
        }
        sets.push((text.to_string(), std::sync::Arc::clone(&bits)));
        Ok(bits)
    }

    fn test_fields<'a>(&'a self, f: &Filter, text: Option<std::sync::Arc<Vec<u64>>>) -> Test<'a> {
        // A label's number; `none` is no label (0); a label never stored matches nothing.
        let label = |v: &Option<String>| -> Option<u32> {
            let v = v.as_deref()?;
            if v.eq_ignore_ascii_case("none") {
                return Some(0);
            }
            Some(self.labels.ids.get(v.to_lowercase().as_str()).or_else(|| self.labels.ids.get(v.to_uppercase().as_str())).copied().unwrap_or(u32::MAX))
        };
        let (mut actor_country, mut place_country) = (None, None);
        if let Some(c) = &f.country {
            let id = self.countries.ids.get(c.to_uppercase().as_str()).copied().unwrap_or(u32::MAX);
            if c.len() == 2 {
                place_country = Some(id);
            } else {
                actor_country = Some(id);
            }
        }
        let plover = f.plover.as_ref().map(|p| self.labels.ids.get(p.to_uppercase().as_str()).copied().unwrap_or(u32::MAX));
        Test {
            ix: self,
            from: f.event_from.as_deref().map_or(0, day),
            to: f.event_to.as_deref().map_or(u32::MAX, day),
            report_from: f.report_from.as_deref().map_or(0, day),
            report_to: f.report_to.as_deref().map_or(u32::MAX, day),
            actor: f.actor.as_ref().map(|a| {
                let a = a.to_uppercase();
                self.actors.matching(|n| n.starts_with(&a))
            }),
            actor_country,
            place_country,
            cameo: f.cameo.as_ref().map(|c| self.codes.matching(|n| n.starts_with(c.as_str()))),
            plover,
            factuality: label(&f.factuality),
            stance: label(&f.stance),
            place: f.place.as_ref().map(|p| {
                let p = p.to_lowercase();
                self.places.matching(|n| n == p)
            }),
            near: f.near,
            near_box: f.near.and_then(|(lat, lon, km)| near_box(lat, lon, km)).map(|(a, b, c, d)| (a as f32, b as f32, c as f32, d as f32)),
            text,
        }
    }

    /// The rows that can match `test`, when a selective field narrows them to a small
    /// sorted list (`None`: scan them all).
    fn candidates(&self, test: &Test) -> Option<Vec<u32>> {
        let impossible = [test.plover, test.factuality, test.stance, test.actor_country, test.place_country];
        if impossible.contains(&Some(u32::MAX)) {
            return Some(Vec::new());
        }
        let mut options: Vec<Vec<&[u32]>> = Vec::new();
        if let Some(wanted) = &test.actor {
            options.push(wanted.iter().enumerate().filter(|(_, &w)| w).map(|(id, _)| self.postings.actor[id].as_slice()).collect());
        }
        if let Some(c) = test.actor_country {
            options.push(vec![self.postings.actor_country[c as usize].as_slice()]);
        }
        if let Some(c) = test.place_country {
            options.push(vec![self.postings.place_country[c as usize].as_slice()]);
        }
        if let Some((lo_lat, hi_lat, lo_lon, hi_lon)) = test.near_box {
            let (a, b) = (cell(lo_lat, lo_lon), cell(hi_lat, hi_lon));
            if ((b.0 - a.0 + 1) as i64) * ((b.1 - a.1 + 1) as i64) <= 4096 {
                let mut lists = Vec::new();
                for la in a.0..=b.0 {
                    for lo in a.1..=b.1 {
                        if let Some(l) = self.postings.cells.get(&(la, lo)) {
                            lists.push(l.as_slice());
                        }
                    }
                }
                options.push(lists);
            }
        }
        let size = |lists: &Vec<&[u32]>| lists.iter().map(|l| l.len()).sum::<usize>();
        let best = options.into_iter().min_by_key(size)?;
        // A broad filter is better served by a scan that stops at the page's end.
        if !self.always_lists && size(&best) > self.len() / 8 {
            return None;
        }
        let mut rows: Vec<u32> = best.concat();
        if best.len() > 1 {
            rows.sort_unstable();
            rows.dedup();
        }
        Some(rows)
    }

    /// A page of the events matching `filter`, as [`crate::events_page`] gives it: from
    /// this index when it covers the filter and order, else from SQLite.
    pub fn events_page(&self, store: &Store, filter: &Filter) -> Result<Page<EventRow>, StoreError> {
        let order = match filter.sort {
            Sort::Date | Sort::DateAsc => None,
            Sort::ReportDate => Some(&self.by_report_date),
            Sort::Id => Some(&self.by_id),
            _ => return crate::events_page(store, filter),
        };
        validate(filter)?;
        let Some(test) = self.test(store, filter)? else {
            return crate::events_page(store, filter);
        };
        let limit = filter.limit.unwrap_or(100);
        let descending = matches!(filter.sort, Sort::Date | Sort::ReportDate);
        let key = |r: usize| -> (u32, i64) {
            let k = match filter.sort {
                Sort::ReportDate => self.report_date[r],
                Sort::Id => 0,
                _ => self.event_date[r],
            };
            (k, self.id[r])
        };
        // Where to start: just past the cursor's row in sort order.
        let after = match &filter.cursor {
            None => None,
            Some(Cursor::After { key: k, id }) => Some((if filter.sort == Sort::Id { 0 } else { day(k) }, *id)),
            Some(Cursor::Offset(_)) => return Err(StoreError::Invalid("the cursor belongs to another sort order: start again without a cursor".into())),
        };
        // In event-date order the date filter is a slice of the rows, and a selective
        // filter a short list of them.
        let (first, end) = match order {
            None => (self.event_date.partition_point(|&d| d < test.from), self.event_date.partition_point(|&d| d <= test.to)),
            Some(_) => (0, self.len()),
        };
        let listed = if order.is_none() { self.candidates(&test) } else { None };
        let list: Option<&[u32]> = listed.as_deref().map(|c| {
            let (a, b) = (c.partition_point(|&r| (r as usize) < first), c.partition_point(|&r| (r as usize) < end));
            &c[a..b]
        });
        let n = list.map_or(end - first, |l| l.len());
        let position = |i: usize| -> usize {
            let i = if descending { n - 1 - i } else { i };
            match (order, list) {
                (Some(o), _) => o[i] as usize,
                (None, Some(l)) => l[i] as usize,
                (None, None) => first + i,
            }
        };
        let start = match after {
            None => 0,
            Some(k) => {
                // The first position whose key comes after `k` in this direction.
                let (mut lo, mut hi) = (0, n);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    let past = if descending { key(position(mid)) < k } else { key(position(mid)) > k };
                    if past {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                lo
            }
        };
        let mut ids = Vec::with_capacity(limit + 1);
        for i in start..n {
            let r = position(i);
            if test.accepts(r) {
                ids.push(self.id[r]);
                if ids.len() > limit {
                    break;
                }
            }
        }
        let rows = events_by_id(store, &ids)?;
        Ok(paginate(rows, limit, filter.sort, Table::Events, 0, event_key(filter.sort)))
    }
}

/// A day number back to `YYYY-MM-DD`.
fn date_of(day: u32) -> String {
    format!("{:04}-{:02}-{:02}", day / 512, day / 32 % 16, day % 32)
}

impl EventIndex {
    /// The rows matching `filter` in event-date order (ascending), or `None` when the
    /// filter has a condition the index does not hold.
    fn matching<'a>(&'a self, store: &Store, filter: &Filter) -> Result<Option<impl Iterator<Item = usize> + 'a>, StoreError> {
        validate(filter)?;
        let Some(test) = self.test(store, filter)? else { return Ok(None) };
        let first = self.event_date.partition_point(|&d| d < test.from);
        let end = self.event_date.partition_point(|&d| d <= test.to);
        let rows: Box<dyn Iterator<Item = usize> + 'a> = match self.candidates(&test) {
            Some(list) => Box::new(list.into_iter().map(|r| r as usize).filter(move |&r| r >= first && r < end)),
            None => Box::new(first..end),
        };
        Ok(Some(rows.filter(move |&r| test.accepts(r))))
    }

    /// Counts per event date, as [`crate::timeline`] gives them, from the index when it
    /// covers the filter.
    pub fn timeline(&self, store: &Store, filter: &Filter) -> Result<Vec<crate::Day>, StoreError> {
        let Some(rows) = self.matching(store, filter)? else { return crate::timeline(store, filter) };
        let mut days: Vec<crate::Day> = Vec::new();
        let mut current = u32::MAX;
        for r in rows {
            if self.event_date[r] != current {
                current = self.event_date[r];
                days.push(crate::Day { date: date_of(current), events: 0, by_plover: Default::default() });
            }
            if let Some(day) = days.last_mut() {
                day.events += 1;
                *day.by_plover.entry(self.label(self.plover[r])).or_default() += 1;
            }
        }
        Ok(days)
    }

    /// Actor codes of the matching events, as [`crate::actors`] gives them.
    pub fn actors(&self, store: &Store, filter: &Filter, limit: usize) -> Result<Vec<crate::ActorCount>, StoreError> {
        let Some(rows) = self.matching(store, filter)? else { return crate::actors(store, filter, limit) };
        let mut counts = vec![0u64; self.actors.names.len() + 1];
        for r in rows {
            counts[self.source_actor[r] as usize] += 1;
            counts[self.target_actor[r] as usize] += 1;
        }
        let mut out: Vec<crate::ActorCount> = counts
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, &n)| n > 0)
            .map(|(id, &n)| crate::ActorCount { code: self.actors.names[id - 1].clone(), events: n })
            .collect();
        out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));
        out.truncate(limit);
        Ok(out)
    }

    /// Places of the matching events, as [`crate::places`] gives them.
    pub fn places(&self, store: &Store, filter: &Filter, limit: usize) -> Result<Vec<crate::PlaceCount>, StoreError> {
        let Some(rows) = self.matching(store, filter)? else { return crate::places(store, filter, limit) };
        let mut at: HashMap<(u32, u32, u32), usize> = HashMap::new();
        let mut out: Vec<crate::PlaceCount> = Vec::new();
        for r in rows {
            if self.lat[r].is_nan() {
                continue;
            }
            let key = (self.place[r], self.lat[r].to_bits(), self.lon[r].to_bits());
            let i = *at.entry(key).or_insert_with(|| {
                out.push(crate::PlaceCount {
                    name: self.place_names.get((self.place[r] as usize).wrapping_sub(1)).cloned().unwrap_or_default(),
                    lat: self.lat[r] as f64,
                    lon: self.lon[r] as f64,
                    country: self.countries.names.get((self.place_country[r] as usize).wrapping_sub(1)).cloned(),
                    events: 0,
                    by_plover: Default::default(),
                });
                out.len() - 1
            });
            out[i].events += 1;
            *out[i].by_plover.entry(self.label(self.plover[r])).or_default() += 1;
        }
        out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        out.truncate(limit);
        Ok(out)
    }

    /// A PLOVER label by number (`OTHER` for none, as SQLite's counts say).
    fn label(&self, id: u32) -> String {
        self.labels.names.get((id as usize).wrapping_sub(1)).cloned().unwrap_or_else(|| "OTHER".into())
    }
}

/// The events with these ids, in the order given (ids not stored are left out).
pub fn events_by_id(store: &Store, ids: &[i64]) -> Result<Vec<EventRow>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e JOIN reports r ON r.rowid = e.report WHERE e.id IN ({list})");
    let mut stmt = store.conn.prepare(&sql).map_err(|e| store.err(e))?;
    let found = stmt.query_map(rusqlite::params![], event_row).map_err(|e| store.err(e))?;
    let mut by_id: HashMap<i64, EventRow> = HashMap::with_capacity(ids.len());
    for row in found {
        let row = row.map_err(|e| store.err(e))?;
        by_id.insert(row.id, row);
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}
