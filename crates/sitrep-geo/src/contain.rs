//! A town and the county it lies in, both named in one report ("Paris and Henry County",
//! "the Huntsville city manager … the Walker County commissioners"): the two readings that
//! fit together support each other, however unlikely each is alone.
//!
//! Joint resolution weighs a name's neighbours by how sure their own reading is, so two
//! ambiguous names ("Paris": France; "Henry County": ten states) cannot find each other
//! there. This evidence asks only whether *some* reading of the other name contains (or
//! lies in) this one. The gazetteer has no second-level codes, so "lies in" is read as:
//! same country, same first-level division, and the town within [`RADIUS_KM`] of the
//! county's point (a county's point is near its middle, where its seat usually is).

use crate::gazetteer::{Gazetteer, Kind};
use crate::geo::distance_km;

/// Greatest distance from a county's point to a town read as lying in it.
pub(crate) const RADIUS_KM: f64 = 30.0;
/// Score added to a town reading that lies in a named county, and to that county.
pub(crate) const BONUS: f64 = 4.0;

/// One name of the report as this evidence sees it.
pub(crate) struct Name<'a> {
    /// Its gazetteer name id (two groups of one name are not each other's evidence).
    pub name: u32,
    /// Its candidates (entry, prior).
    pub cands: &'a [(u32, f64)],
    /// It reads as a county ("Henry County", "Walker" before "County").
    pub county: bool,
}

/// A county reading: where it is, and which name and candidate it is.
struct County<'a> {
    cc: [u8; 2],
    admin1: &'a str,
    lat: f64,
    lon: f64,
    name: usize,
    cand: usize,
}

/// Per name and candidate, the score added by [`BONUS`]: a place reading within
/// [`RADIUS_KM`] of a reading of a county name of the report (same country and first-level
/// division), and that county reading. Each reading gets the bonus once. Empty when the
/// report names no county (the common case: nothing is allocated).
pub(crate) fn bonuses(gaz: &Gazetteer, names: &[Name<'_>]) -> Vec<Vec<f64>> {
    if !names.iter().any(|n| n.county) {
        return Vec::new();
    }
    // the county readings, sorted by (country, division) for lookup
    let mut counties: Vec<County<'_>> = Vec::new();
    for (ci, n) in names.iter().enumerate().filter(|(_, n)| n.county) {
        for (cj, &(ce, _)) in n.cands.iter().enumerate() {
            let c = gaz.entry(ce);
            if c.kind == Kind::Admin2 {
                counties.push(County { cc: c.cc, admin1: &c.admin1, lat: c.lat, lon: c.lon, name: ci, cand: cj });
            }
        }
    }
    let mut out: Vec<Vec<f64>> = names.iter().map(|n| vec![0.0; n.cands.len()]).collect();
    if counties.is_empty() {
        return out;
    }
    counties.sort_unstable_by(|a, b| (a.cc, a.admin1).cmp(&(b.cc, b.admin1)));
    for (ti, town) in names.iter().enumerate() {
        for (tj, &(te, _)) in town.cands.iter().enumerate() {
            let t = gaz.entry(te);
            if t.kind != Kind::Place {
                continue;
            }
            let key = (t.cc, &*t.admin1);
            let from = counties.partition_point(|c| (c.cc, c.admin1) < key);
            for c in counties[from..].iter().take_while(|c| (c.cc, c.admin1) == key) {
                if c.name == ti || names[c.name].name == town.name || distance_km(t.lat, t.lon, c.lat, c.lon) > RADIUS_KM {
                    continue;
                }
                if let Some(b) = out.get_mut(ti).and_then(|v| v.get_mut(tj)) {
                    *b = BONUS;
                }
                if let Some(b) = out.get_mut(c.name).and_then(|v| v.get_mut(c.cand)) {
                    *b = BONUS;
                }
            }
        }
    }
    out
}
