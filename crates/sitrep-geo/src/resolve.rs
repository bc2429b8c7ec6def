//! Toponym resolution: choose one gazetteer record per recognised name from population
//! and feature priors, the report's country focus, co-occurring places and explicit
//! "City, Region" / "City, Country" patterns.

use std::collections::HashMap;

use sitrep_core::Doc;

use crate::gazetteer::{Entry, Gazetteer, Kind};
use crate::geo::distance_km;
use crate::recognize::{Mention, Scratch};

/// Prior score of a record, before context.
fn prior(e: &Entry, primary: bool, division: bool) -> f64 {
    let pop = (e.population as f64 + 1.0).log10();
    let mut s = match e.kind {
        Kind::Country => 14.0,
        Kind::Continent => 13.0,
        Kind::Admin1 => 11.5,
        Kind::Region => 11.0,
        Kind::Admin2 => 5.0 + 0.3 * pop,
        Kind::Place => {
            1.3 * pop
                + match e.fcode {
                    "PPLC" => 4.5,
                    "PPLA" => 1.5,
                    "PPLA2" => 0.6,
                    _ => 0.0,
                }
        }
    };
    if !primary {
        s -= match e.kind {
            Kind::Place => 2.5,
            Kind::Admin1 | Kind::Admin2 => 4.0,
            _ => 1.0,
        };
    }
    if division {
        s += if matches!(e.kind, Kind::Admin1 | Kind::Admin2) { 8.0 } else { -3.0 };
    }
    s
}

/// The chosen record (index into the gazetteer) for each mention (`None` for demonyms).
pub fn resolve(doc: &Doc, gaz: &Gazetteer, scratch: &Scratch, mentions: &[Mention]) -> Vec<Option<u32>> {
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    // 1. Country and division focus from priors alone.
    let mut focus: HashMap<[u8; 2], f64> = HashMap::new();
    let mut admin_focus: HashMap<([u8; 2], &str), f64> = HashMap::new();
    let mut first_pick: Vec<Option<u32>> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(cc) = m.demonym {
            *focus.entry(cc).or_default() += 0.5;
            first_pick.push(None);
            continue;
        }
        let best = gaz
            .candidates(m.name)
            .iter()
            .max_by(|x, y| prior(gaz.entry(x.entry), x.primary, m.division).total_cmp(&prior(gaz.entry(y.entry), y.primary, m.division)))
            .map(|c| c.entry);
        if let Some(e) = best.map(|i| gaz.entry(i)) {
            if e.cc != [0, 0] {
                let w = match e.kind {
                    Kind::Country => 1.0,
                    Kind::Admin1 => 1.0,
                    _ => 0.6,
                };
                *focus.entry(e.cc).or_default() += w;
                if matches!(e.kind, Kind::Admin1 | Kind::Admin2 | Kind::Place) {
                    *admin_focus.entry((e.cc, &e.admin1)).or_default() += w;
                }
            }
        }
        first_pick.push(best);
    }
    let total: f64 = focus.values().sum::<f64>().max(1.0);
    let admin_total: f64 = admin_focus.values().sum::<f64>().max(1.0);
    // 2. Context: "X, Y" containers, focus, proximity; same name → same record.
    let mut chosen: Vec<Option<u32>> = vec![None; mentions.len()];
    let mut same: HashMap<u32, u32> = HashMap::new();
    for (k, m) in mentions.iter().enumerate() {
        if m.demonym.is_some() {
            continue;
        }
        if let Some(&e) = same.get(&m.name) {
            chosen[k] = Some(e);
            continue;
        }
        // "Alexandria, Louisiana": the next mention after a comma is a container.
        let container = mentions.get(k + 1).filter(|n| n.a == m.b + 1 && n.sentence == m.sentence && tokens.get(m.b).and_then(|t| text.get(t.span.range())) == Some(",")).and_then(|_| first_pick[k + 1]).map(|i| gaz.entry(i));
        // "Kharkiv region": previous container mention pattern "in Y's X" is rare; skip.
        let mut best: Option<(f64, u32)> = None;
        for c in gaz.candidates(m.name) {
            let e = gaz.entry(c.entry);
            let mut s = prior(e, c.primary, m.division);
            if e.cc != [0, 0] {
                s += 6.0 * focus.get(&e.cc).copied().unwrap_or(0.0) / total;
                if matches!(e.kind, Kind::Place | Kind::Admin2 | Kind::Admin1) {
                    s += 4.0 * admin_focus.get(&(e.cc, &*e.admin1)).copied().unwrap_or(0.0) / admin_total;
                }
            }
            if let Some(ct) = container {
                match ct.kind {
                    Kind::Admin1 if ct.cc == e.cc && *ct.admin1 == *e.admin1 && e.kind != Kind::Admin1 => s += 20.0,
                    Kind::Country if ct.cc == e.cc && e.kind != Kind::Country => s += 12.0,
                    _ => {}
                }
            }
            if e.kind == Kind::Place {
                // near other places already resolved
                let mut near = 0.0f64;
                for (j, p) in chosen.iter().enumerate().take(k) {
                    if let Some(p) = p.map(|i| gaz.entry(i)) {
                        if p.kind == Kind::Place && mentions[j].name != m.name {
                            let d = distance_km(e.lat, e.lon, p.lat, p.lon);
                            near = near.max(if d < 50.0 { 2.5 } else if d < 200.0 { 1.5 } else { 0.0 });
                        }
                    }
                }
                s += near;
            }
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, c.entry));
            }
        }
        if let Some((_, e)) = best {
            chosen[k] = Some(e);
            same.insert(m.name, e);
        }
    }
    let _ = scratch;
    chosen
}
