//! Merging events from different reports into stories.

use std::collections::{HashMap, HashSet};

use rusqlite::params;

use crate::{Store, StoreError};

/// When two events are the same happening. All tunable.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeOptions {
    /// Largest distance between two events' places, in km.
    pub km: f64,
    /// Largest gap between two events' dates, in days.
    pub days: i64,
    /// Require the same CAMEO root (always on: an attack and a meeting never merge); when
    /// true, also the same full CAMEO code.
    pub same_code: bool,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions { km: 50.0, days: 2, same_code: false }
    }
}

/// What a rebuild made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryStats {
    /// Events considered.
    pub events: u64,
    /// Stories made.
    pub stories: u64,
    /// Stories told by more than one report.
    pub multi_report: u64,
    /// Stories marked contested.
    pub contested: u64,
}

struct Ev {
    id: i64,
    report: i64,
    report_id: String,
    report_source: Option<String>,
    report_date: String,
    root: String,
    cameo: String,
    plover: Option<String>,
    goldstein: Option<f64>,
    source_actor: Option<String>,
    source_country: Option<String>,
    target_actor: Option<String>,
    target_country: Option<String>,
    place_name: Option<String>,
    point: Option<(f64, f64)>,
    place_country: Option<String>,
    event_date: String,
    day: i64,
    denied: bool,
    attribution_country: Option<String>,
    attributed: bool,
}

struct Cluster {
    members: Vec<usize>,
    last_day: i64,
    point: Option<(f64, f64)>,
    country: Option<String>,
}

/// Great-circle distance in km.
pub(crate) fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (0 when it does not parse).
pub(crate) fn day_number(s: &str) -> i64 {
    let p = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<i64>().ok());
    let (Some(y), Some(m), Some(d)) = (p(0..4), p(5..7), p(8..10)) else { return 0 };
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn places_compatible(c: &Cluster, e: &Ev, km: f64) -> bool {
    match (c.point, e.point) {
        (Some(a), Some(b)) => haversine_km(a, b) <= km,
        _ => match (&c.country, &e.place_country) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        },
    }
}

fn most_common<'a>(it: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut order = Vec::new();
    for s in it {
        let c = counts.entry(s).or_insert(0);
        if *c == 0 {
            order.push(s);
        }
        *c += 1;
    }
    let mut best: Option<&str> = None;
    for s in order {
        if best.is_none() || best.is_some_and(|b| counts[s] > counts[b]) {
            best = Some(s);
        }
    }
    best
}

/// Rebuild the `stories` table from every stored event and set `events.story`.
///
/// Events merge when they have the same CAMEO root, the same source and target country
/// codes, places within `km` (or the same country when either has no point), and dates
/// within `days` of the story's latest event. A story is contested when a report denies
/// it (stance `denied` or factuality `negated`), or when every mention is attributed and
/// all attributions come from one party to it.
pub fn rebuild_stories(store: &mut Store, opts: &MergeOptions) -> Result<StoryStats, StoreError> {
    let path = store.path.clone();
    let err = |e| StoreError::sql(&path, e);
    let mut evs: Vec<Ev> = Vec::new();
    {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT e.id, e.report, r.id, r.source, e.report_date, e.root, e.cameo, e.plover, e.goldstein,
                        e.source_actor, e.source_country, e.target_actor, e.target_country,
                        e.place_name, e.place_lat, e.place_lon, e.place_country, e.event_date,
                        e.stance, e.factuality, e.attribution_actor, e.attribution_cue
                 FROM events e JOIN reports r ON r.rowid = e.report",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| {
                let lat: Option<f64> = r.get(14)?;
                let lon: Option<f64> = r.get(15)?;
                let event_date: String = r.get(17)?;
                let stance: Option<String> = r.get(18)?;
                let factuality: String = r.get(19)?;
                let attribution_actor: Option<String> = r.get(20)?;
                let cue: Option<String> = r.get(21)?;
                Ok(Ev {
                    id: r.get(0)?,
                    report: r.get(1)?,
                    report_id: r.get(2)?,
                    report_source: r.get(3)?,
                    report_date: r.get(4)?,
                    root: r.get(5)?,
                    cameo: r.get(6)?,
                    plover: r.get(7)?,
                    goldstein: r.get(8)?,
                    source_actor: r.get(9)?,
                    source_country: r.get(10)?,
                    target_actor: r.get(11)?,
                    target_country: r.get(12)?,
                    place_name: r.get(13)?,
                    point: lat.zip(lon),
                    place_country: r.get(16)?,
                    day: day_number(&event_date),
                    event_date,
                    denied: stance.as_deref() == Some("denied") || factuality == "negated",
                    attribution_country: attribution_actor.as_deref().and_then(crate::record::actor_country),
                    attributed: cue.is_some(),
                })
            })
            .map_err(err)?;
        for row in rows {
            evs.push(row.map_err(err)?);
        }
    }
    let mut order: Vec<usize> = (0..evs.len()).collect();
    let key = |e: &Ev| {
        (
            if opts.same_code { e.cameo.clone() } else { e.root.clone() },
            e.source_country.clone().unwrap_or_default(),
            e.target_country.clone().unwrap_or_default(),
        )
    };
    order.sort_by(|&a, &b| key(&evs[a]).cmp(&key(&evs[b])).then(evs[a].day.cmp(&evs[b].day)).then(evs[a].id.cmp(&evs[b].id)));

    let mut clusters: Vec<Cluster> = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let k = key(&evs[order[i]]);
        let mut j = i;
        let mut active: Vec<usize> = Vec::new();
        while j < order.len() && key(&evs[order[j]]) == k {
            let e = &evs[order[j]];
            active.retain(|&c| clusters[c].last_day >= e.day - opts.days);
            match active.iter().copied().find(|&c| places_compatible(&clusters[c], e, opts.km)) {
                Some(c) => {
                    let cl = &mut clusters[c];
                    cl.members.push(order[j]);
                    cl.last_day = cl.last_day.max(e.day);
                    if cl.point.is_none() {
                        cl.point = e.point;
                    }
                    if cl.country.is_none() {
                        cl.country = e.place_country.clone();
                    }
                }
                None => {
                    clusters.push(Cluster { members: vec![order[j]], last_day: e.day, point: e.point, country: e.place_country.clone() });
                    active.push(clusters.len() - 1);
                }
            }
            j += 1;
        }
        i = j;
    }

    let tx = store.conn.transaction().map_err(err)?;
    tx.execute_batch("DELETE FROM stories; UPDATE events SET story = NULL WHERE story IS NOT NULL;").map_err(err)?;
    let mut stats = StoryStats { events: evs.len() as u64, ..StoryStats::default() };
    {
        let mut ins = tx
            .prepare(
                "INSERT INTO stories(id, root, cameo, plover, goldstein, source_actor, source_country, target_actor, target_country,
                    place_name, place_lat, place_lon, place_country, first_date, last_date, first_report, last_report,
                    first_report_date, last_report_date, num_mentions, num_sources, num_articles, contested, contested_reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
            )
            .map_err(err)?;
        let mut upd = tx.prepare("UPDATE events SET story = ?1 WHERE id = ?2").map_err(err)?;
        // Number stories in order of their first event date, so ids are stable for a given database.
        clusters.sort_by_key(|c| c.members.iter().map(|&m| (evs[m].day, evs[m].id)).min());
        for (n, c) in clusters.iter().enumerate() {
            let id = n as i64 + 1;
            let m: Vec<&Ev> = c.members.iter().map(|&i| &evs[i]).collect();
            let first = m.iter().min_by(|a, b| a.report_date.cmp(&b.report_date).then(a.id.cmp(&b.id))).unwrap();
            let last = m.iter().max_by(|a, b| a.report_date.cmp(&b.report_date).then(a.id.cmp(&b.id))).unwrap();
            let reports: HashSet<i64> = m.iter().map(|e| e.report).collect();
            let sources: HashSet<&str> = m.iter().map(|e| e.report_source.as_deref().unwrap_or(e.report_id.as_str())).collect();
            let cameo = most_common(m.iter().map(|e| e.cameo.as_str())).unwrap_or("");
            let rep = m.iter().find(|e| e.cameo == cameo).unwrap();
            let placed = m.iter().find(|e| e.point.is_some()).unwrap_or(rep);
            let gold: Vec<f64> = m.iter().filter_map(|e| e.goldstein).collect();
            let goldstein = (!gold.is_empty()).then(|| gold.iter().sum::<f64>() / gold.len() as f64);
            let first_date = m.iter().map(|e| e.event_date.as_str()).min().unwrap();
            let last_date = m.iter().map(|e| e.event_date.as_str()).max().unwrap();
            let denied = m.iter().any(|e| e.denied);
            let parties: Vec<&str> = [rep.source_country.as_deref(), rep.target_country.as_deref()].into_iter().flatten().collect();
            let one_party = parties.len() == 2
                && parties[0] != parties[1]
                && m.iter().all(|e| e.attributed)
                && parties.iter().any(|p| m.iter().all(|e| e.attribution_country.as_deref() == Some(*p)));
            let reason = if denied {
                Some("denied")
            } else if one_party {
                Some("reported only by one party")
            } else {
                None
            };
            ins.execute(params![
                id,
                rep.root,
                cameo,
                rep.plover,
                goldstein,
                most_common(m.iter().filter_map(|e| e.source_actor.as_deref())),
                rep.source_country,
                most_common(m.iter().filter_map(|e| e.target_actor.as_deref())),
                rep.target_country,
                placed.place_name,
                placed.point.map(|p| p.0),
                placed.point.map(|p| p.1),
                placed.place_country.clone().or_else(|| c.country.clone()),
                first_date,
                last_date,
                first.report_id,
                last.report_id,
                first.report_date,
                last.report_date,
                m.len() as i64,
                sources.len() as i64,
                reports.len() as i64,
                reason.is_some(),
                reason,
            ])
            .map_err(err)?;
            for e in &m {
                upd.execute(params![id, e.id]).map_err(err)?;
            }
            stats.stories += 1;
            stats.multi_report += (reports.len() > 1) as u64;
            stats.contested += reason.is_some() as u64;
        }
    }
    tx.commit().map_err(err)?;
    store.set_state("stories_built_at", &jiff::Timestamp::now().to_string())?;
    Ok(stats)
}
