//! Toponym resolution: choose one gazetteer record per recognised name from population
//! and feature priors, the report's country focus, co-occurring places, a town and its
//! named county ([`crate::contain`]) and explicit "City, Region" / "City, Country"
//! patterns (a small town with no reading in the named container takes the container's).

use std::collections::HashMap;

use sitrep_core::Doc;

use crate::contain;
use sitrep_learn::hash::BuildFxHasher as Fx;
use crate::gazetteer::{Gazetteer, Kind};
use crate::recognize::{Mention, Scratch};

/// Evidence for a region: (candidate place, weight) pairs.
type Mass = Vec<(u32, f64)>;

/// Prior score of a record, before context.
fn prior(gaz: &Gazetteer, ei: u32, primary: bool, division: bool, town: bool) -> f64 {
    let e = gaz.entry(ei);
    let pop = (e.population as f64 + 1.0).log10();
    let mut s = match e.kind {
        Kind::Country => 14.0,
        Kind::Continent => 13.0,
        // A division weighs as a town of its people and a bit: a state of millions
        // beats any same-named town, a small province does not beat a city of its size
        // ("Gaza").
        Kind::Admin1 => (3.0 + 1.3 * (gaz.division_population(ei) as f64 + 1.0).log10()).clamp(9.5, 11.5),
        // Regions written by hand are there because the news names them: "Gaza" is the
        // strip before Mozambique's province of the name, "the Red Sea" the sea.
        Kind::Region if e.id == 0 => 12.0,
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
    if town && e.kind != Kind::Place {
        s -= 8.0;
    }
    s
}

/// Candidates kept per name (by prior).
const TOP: usize = 24;
/// Softmax temperature turning scores into the weights other names see.
const TEMP: f64 = 2.5;
/// Rounds of joint resolution.
const ROUNDS: usize = 3;

/// One name (with its division flag) in the report: all its mentions share one record
/// (one sense per discourse).
struct Group {
    name: u32,
    division: bool,
    town: bool,
    /// (entry, prior)
    cands: Vec<(u32, f64)>,
    /// Weights of the candidates in the current round.
    p: Vec<f64>,
    /// Score bonus from "City, Region" patterns, per candidate.
    bonus: Vec<f64>,
    /// A record fixed by the recogniser ("Ga." → Georgia, US).
    forced: Option<u32>,
}

/// Grid cell of about 1° for the proximity evidence.
fn cell(lat: f64, lon: f64) -> (i32, i32) {
    (lat.floor() as i32, (lon * lat.to_radians().cos().max(0.2)).floor() as i32)
}

/// Add `w` to key `k`'s entry for group `g` (the lists are short).
fn add<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Vec<(u32, f64)>, Fx>, k: K, g: u32, w: f64) {
    let list = map.entry(k).or_default();
    match list.iter_mut().find(|x| x.0 == g) {
        Some(x) => x.1 += w,
        None => list.push((g, w)),
    }
}

/// Empty every list of `map`, keeping its keys and the lists' room for the next round:
/// an empty list reads as an absent one ([`support`] and the other readers only sum
/// over a key's list).
fn empty_lists<K>(map: &mut HashMap<K, Vec<(u32, f64)>, Fx>) {
    map.values_mut().for_each(Vec::clear);
}

/// Sum over groups other than `g` of min(1, mass).
fn support(list: Option<&Vec<(u32, f64)>>, g: u32) -> f64 {
    list.map_or(0.0, |l| l.iter().filter(|x| x.0 != g).map(|x| x.1.min(1.0)).sum())
}

/// The chosen record (index into the gazetteer) for each mention (`None` for demonyms).
///
/// Names are resolved jointly: each candidate's prior is raised by the other names of
/// the report that can lie in the same country, the same first-level division, or
/// near it, each name weighted by how sure its own reading is; a few rounds let
/// unambiguous names ("Rapides Parish", "Ga.") pull ambiguous ones ("Alexandria") to
/// them. All mentions of one name share a record.
pub fn resolve(doc: &Doc, gaz: &Gazetteer, scratch: &Scratch, mentions: &[Mention]) -> Vec<Option<u32>> {
    let text = doc.text();
    let tokens = &doc.text_layer.tokens;
    let _ = scratch;
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: Vec<Option<usize>> = Vec::with_capacity(mentions.len());
    let mut demonyms: HashMap<[u8; 2], f64> = HashMap::new();
    for m in mentions {
        if let Some(cc) = m.demonym {
            demonyms.insert(cc, 0.5);
            group_of.push(None);
            continue;
        }
        if let Some(e) = m.forced {
            // forced records form their own group per record
            let gi = groups.iter().position(|g| g.forced == Some(e)).unwrap_or_else(|| {
                groups.push(Group { name: u32::MAX, division: false, town: false, cands: vec![(e, 20.0)], p: vec![1.0], bonus: vec![0.0], forced: Some(e) });
                groups.len() - 1
            });
            group_of.push(Some(gi));
            continue;
        }
        let gi = groups.iter().position(|g| g.forced.is_none() && g.name == m.name && g.division == m.division && g.town == m.town).unwrap_or_else(|| {
            let mut cands: Vec<(u32, f64)> = gaz.candidates(m.name).iter().map(|c| (c.entry, prior(gaz, c.entry, c.primary, m.division, m.town))).collect();
            cands.sort_by(|a, b| b.1.total_cmp(&a.1));
            cands.truncate(TOP);
            let n = cands.len();
            groups.push(Group { name: m.name, division: m.division, town: m.town, cands, p: vec![0.0; n], bonus: vec![0.0; n], forced: None });
            groups.len() - 1
        });
        group_of.push(Some(gi));
    }
    // A name whose best reading is a country or a division ("California", "Oregon")
    // lends its town readings little weight as a neighbour: a list of states must not
    // pull each other to the same-named towns of one state.
    let local_weight: Vec<f64> = groups
        .iter()
        .map(|g| match g.cands.first().map(|c| gaz.entry(c.0).kind) {
            Some(Kind::Country | Kind::Admin1 | Kind::Continent | Kind::Region) if g.forced.is_none() => 0.25,
            _ => 1.0,
        })
        .collect();
    // a town and the county it lies in, both named, support each other: a fixed raise
    // of both readings, kept with the priors
    let names: Vec<contain::Name<'_>> = groups
        .iter()
        .map(|g| contain::Name { name: g.name, cands: &g.cands, county: g.forced.is_none() && (g.division || g.cands.first().is_some_and(|c| gaz.entry(c.0).kind == Kind::Admin2)) })
        .collect();
    let contained = contain::bonuses(gaz, &names);
    drop(names);
    for (g, raise) in groups.iter_mut().zip(&contained) {
        for (c, r) in g.cands.iter_mut().zip(raise) {
            c.1 += r;
        }
    }
    // Names of two groups with only a comma between them ("Alexandria, Louisiana",
    // "Lebanon, Pa.,"), as (first mention, its group, the next one's group): found once,
    // read by every round.
    let comma_pairs: Vec<(usize, usize, usize)> = (0..mentions.len().saturating_sub(1))
        .filter_map(|k| {
            let (m, n) = (&mentions[k], &mentions[k + 1]);
            let (gi, ci) = (group_of[k]?, group_of[k + 1]?);
            (n.a == m.b + 1 && n.sentence == m.sentence && tokens.get(m.b).and_then(|t| text.get(t.span.range())) == Some(",") && gi != ci).then_some((k, gi, ci))
        })
        .collect();
    // The groups named right after each group that way, list or not: what may make a town
    // outrank the country of its name.
    let mut after_comma: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for &(_, gi, ci) in &comma_pairs {
        after_comma[gi].push(ci);
    }
    // The groups named in a sentence with each group: sibling divisions count only there
    // ("Alaska, Hawaii and Washington hold caucuses"; a report that names Iowa and Texas
    // elsewhere still goes "back to Washington", the capital).
    let mut same_sentence: Vec<Vec<u32>> = vec![Vec::new(); groups.len()];
    let mut start = 0;
    while start < mentions.len() {
        // Mentions come in text order: one sentence's are a run.
        let end = start + mentions[start..].iter().take_while(|n| n.sentence == mentions[start].sentence).count();
        for k in start..end {
            let Some(Some(gi)) = group_of.get(k) else { continue };
            for gj in (start..end).filter_map(|j| group_of.get(j).copied().flatten()) {
                if gj != *gi && !same_sentence[*gi].contains(&(gj as u32)) {
                    same_sentence[*gi].push(gj as u32);
                }
            }
        }
        start = end;
    }
    // Whether the report writes "Town, State" anywhere.
    let qualifies = after_comma.iter().any(|c| !c.is_empty());
    // scores start at the priors
    let mut scores: Vec<Vec<f64>> = groups.iter().map(|g| g.cands.iter().map(|c| c.1).collect()).collect();
    // "Kalam, Pakistan" with no Kalam in Pakistan: the container's record, per group
    let mut fallback: Vec<Option<u32>> = vec![None; groups.len()];
    let mut cc_mass: HashMap<[u8; 2], Mass, Fx> = HashMap::default();
    let mut a1_mass: HashMap<([u8; 2], &str), Mass, Fx> = HashMap::default();
    let mut near_mass: HashMap<(i32, i32), Vec<(u32, f64)>, Fx> = HashMap::default();
    let mut near_acc: Vec<(u32, f64)> = Vec::new();
    // first-level divisions named, per country ("California, Oregon and Washington")
    let mut sib_mass: HashMap<[u8; 2], Vec<(u32, f64)>, Fx> = HashMap::default();
    // countries named (records and demonyms): their boxes hold the report's region
    let mut named: Vec<([u8; 2], u32, f64, [f64; 4])> = Vec::new();
    let n_ctx = (groups.len() + demonyms.len()).saturating_sub(1).max(1) as f64;
    for _ in 0..ROUNDS {
        // weights from the scores
        for (g, sc) in groups.iter_mut().zip(&scores) {
            let top = sc.iter().copied().fold(f64::MIN, f64::max);
            let mut sum = 0.0;
            for (p, s) in g.p.iter_mut().zip(sc) {
                *p = ((s - top) / TEMP).exp();
                sum += *p;
            }
            for p in &mut g.p {
                *p /= sum;
            }
        }
        empty_lists(&mut cc_mass);
        empty_lists(&mut a1_mass);
        empty_lists(&mut near_mass);
        empty_lists(&mut sib_mass);
        named.clear();
        for (&cc, &w) in &demonyms {
            add(&mut cc_mass, cc, u32::MAX - 1, w);
            if let Some(bx) = gaz.country_box(cc) {
                named.push((cc, u32::MAX - 1, w, bx));
            }
        }
        for (gi, g) in groups.iter().enumerate() {
            for (&(ei, _), &p) in g.cands.iter().zip(&g.p) {
                if p < 0.02 {
                    continue;
                }
                let e = gaz.entry(ei);
                if e.cc == [0, 0] {
                    continue;
                }
                add(&mut cc_mass, e.cc, gi as u32, p);
                let lp = if matches!(e.kind, Kind::Admin2 | Kind::Place) { p * local_weight[gi] } else { p };
                if matches!(e.kind, Kind::Admin1 | Kind::Admin2 | Kind::Place) {
                    add(&mut a1_mass, (e.cc, &*e.admin1), gi as u32, lp);
                }
                if matches!(e.kind, Kind::Admin2 | Kind::Place) {
                    add(&mut near_mass, cell(e.lat, e.lon), gi as u32, lp);
                }
                if e.kind == Kind::Admin1 {
                    add(&mut sib_mass, e.cc, gi as u32, p);
                }
                if e.kind == Kind::Country && p > 0.2 {
                    if let Some(bx) = gaz.country_box(e.cc) {
                        named.push((e.cc, gi as u32, p, bx));
                    }
                }
            }
        }
        // "Alexandria, Louisiana": the mention after a comma is a container.
        for g in &mut groups {
            g.bonus.iter_mut().for_each(|b| *b = 0.0);
        }
        fallback.iter_mut().for_each(|f| *f = None);
        for &(k, gi, ci) in &comma_pairs {
            let (m, n) = (&mentions[k], &mentions[k + 1]);
            // "Arizona, California, Missouri": a list of divisions, not a town and its state
            let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range())).unwrap_or("");
            // "In Baghdad, Iran's foreign minister …": a possessive opens a new phrase; the
            // name after the comma contains nothing.
            if matches!(word(n.b), "'s" | "\u{2019}s") {
                continue;
            }
            let in_list = m.a > 0 && word(m.a - 1) == "," || matches!(word(n.b), "," | "and" | "or");
            if in_list && (local_weight[gi] < 1.0 || groups[gi].cands.iter().any(|c| gaz.entry(c.0).kind == Kind::Admin1)) {
                continue;
            }
            let cg = &groups[ci];
            let Some(best) = scores[ci].iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map(|(i, _)| cg.cands[i].0) else { continue };
            let ct = gaz.entry(best);
            let g = &mut groups[gi];
            let mut fits = false;
            for (b, &(ei, _)) in g.bonus.iter_mut().zip(&g.cands) {
                let e = gaz.entry(ei);
                let add = match ct.kind {
                    Kind::Admin1 if ct.cc == e.cc && *ct.admin1 == *e.admin1 && e.kind != Kind::Admin1 => 20.0,
                    Kind::Country if ct.cc == e.cc && e.kind != Kind::Country => 12.0,
                    _ => 0.0,
                };
                fits |= add > 0.0;
                *b = b.max(add);
            }
            if !fits && g.forced.is_none() && matches!(ct.kind, Kind::Admin1 | Kind::Country) && g.cands.iter().all(|c| minor(gaz, c.0)) {
                fallback[gi] = Some(best);
            }
        }
        for (gi, g) in groups.iter().enumerate() {
            if g.forced.is_some() {
                continue;
            }
            let gid = gi as u32;
            // "China" is the country even in a report full of Texas towns (China, Texas
            // lies near Beaumont): a town never outranks a country of its name unless the
            // text says "China, Texas".
            let country = g.cands.iter().find(|c| gaz.entry(c.0).kind == Kind::Country).map(|c| c.1);
            // A report that qualifies its towns ("a rally in Beaumont, Tex.") and never
            // this name means the capital of a million or more that bears it, as news
            // style names world cities bare ("the attacks in Paris"); its primary name
            // only ("Garden City" is not Singapore's).
            let capital = gaz
                .candidates(g.name)
                .iter()
                .filter(|c| c.primary && gaz.entry(c.entry).fcode == "PPLC" && gaz.entry(c.entry).population >= 1_000_000)
                .filter_map(|c| g.cands.iter().find(|x| x.0 == c.entry).map(|x| x.1))
                .reduce(f64::max)
                .filter(|_| qualifies && after_comma[gi].is_empty());
            // The likeliest town of the name's main spelling: a minor town known by the name
            // only as an alternate ("Orlando" for Orland, California) stays below it when
            // it has ten times the people, wherever the report's other places lie —
            // unless the text says "Town, State".
            let main_town = gaz
                .candidates(g.name)
                .iter()
                .filter(|c| c.primary && gaz.entry(c.entry).kind == Kind::Place)
                .filter_map(|c| g.cands.iter().find(|x| x.0 == c.entry).map(|x| (gaz.entry(c.entry).population, x.1)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            for (ci, &(ei, pr)) in g.cands.iter().enumerate() {
                let e = gaz.entry(ei);
                let mut s = pr + g.bonus[ci];
                // (Whether the name is the candidate's main one is asked last: a scan.)
                let primary = || gaz.candidates(g.name).iter().any(|c| c.entry == ei && c.primary);
                let overshadowed = minor(gaz, ei) && g.bonus[ci] == 0.0 && after_comma[gi].is_empty() && main_town.is_some_and(|(pop, _)| pop >= 10 * e.population.max(1)) && !primary();
                let contained = || {
                    after_comma[gi].iter().any(|&c| {
                        groups[c].cands.iter().any(|x| {
                            let ce = gaz.entry(x.0);
                            ce.cc == e.cc && (ce.kind == Kind::Country || (ce.kind == Kind::Admin1 && *ce.admin1 == *e.admin1))
                        })
                    })
                };
                let ceiling = match country.or(capital.filter(|_| e.fcode != "PPLC")) {
                    Some(cp) if matches!(e.kind, Kind::Place | Kind::Admin2) && g.bonus[ci] == 0.0 && !contained() => Some(cp - 0.5),
                    _ => None,
                };
                if e.cc != [0, 0] {
                    let in_country = support(cc_mass.get(&e.cc), gid);
                    s += 6.0 * in_country / n_ctx;
                    if e.kind == Kind::Country {
                        // a country contains the other places named in it
                        s += 3.0 * in_country.min(3.0);
                    }
                    if matches!(e.kind, Kind::Place | Kind::Admin2 | Kind::Admin1) {
                        s += 3.0 * support(a1_mass.get(&(e.cc, &*e.admin1)), gid).min(3.0);
                        // a place in or next to another country the report names ("Gaza"
                        // with Israel and Egypt)
                        let inside = |b: &[f64; 4]| e.lat >= b[0] - 0.5 && e.lat <= b[2] + 0.5 && e.lon >= b[1] - 0.5 && e.lon <= b[3] + 0.5;
                        let region: f64 = named.iter().filter(|n| n.1 != gid && n.0 != e.cc && inside(&n.3)).map(|n| n.2.min(1.0)).sum();
                        s += 1.5 * region.min(2.0);
                    }
                    if e.kind == Kind::Admin1 {
                        // sibling divisions: "California, Oregon, Washington" (one other
                        // state named is no list)
                        let siblings: f64 = sib_mass.get(&e.cc).map_or(0.0, |l| l.iter().filter(|x| x.0 != gid && same_sentence[gi].contains(&x.0)).map(|x| x.1.min(1.0)).sum());
                        s += 2.0 * (siblings - 1.0).clamp(0.0, 3.0);
                    }
                    if matches!(e.kind, Kind::Place | Kind::Admin2) {
                        near_acc.clear();
                        let (y, x) = cell(e.lat, e.lon);
                        for dy in -1..=1 {
                            for dx in -1..=1 {
                                if let Some(l) = near_mass.get(&(y + dy, x + dx)) {
                                    for &(h, w) in l {
                                        if h != gid {
                                            match near_acc.iter_mut().find(|a| a.0 == h) {
                                                Some(a) => a.1 += w,
                                                None => near_acc.push((h, w)),
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        s += 2.0 * near_acc.iter().map(|a| a.1.min(1.0)).sum::<f64>().min(3.0);
                    }
                }
                if let Some(top) = ceiling {
                    s = s.min(top);
                }
                if let Some((_, top)) = main_town.filter(|_| overshadowed) {
                    s = s.min(top - 0.5);
                }
                scores[gi][ci] = s;
            }
        }
    }
    if debug() {
        for (g, sc) in groups.iter().zip(&scores) {
            let mut order: Vec<usize> = (0..sc.len()).collect();
            order.sort_by(|&a, &b| sc[b].total_cmp(&sc[a]));
            let shown: Vec<String> = order.iter().take(4).map(|&i| {
                let e = gaz.entry(g.cands[i].0);
                format!("{}[{}{} {} {}] {:.1}/{:.1}", e.name, e.cc[0] as char, e.cc[1] as char, e.admin1, e.fcode, g.cands[i].1, sc[i])
            }).collect();
            eprintln!("GROUP {:?}: {}", g.cands.first().map(|c| &*gaz.entry(c.0).name), shown.join(" | "));
        }
    }
    let best: Vec<Option<u32>> = groups
        .iter()
        .zip(&scores)
        .zip(&fallback)
        .map(|((g, sc), f)| g.forced.or(*f).or_else(|| sc.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0))).map(|(i, _)| g.cands[i].0)))
        .collect();
    group_of.iter().map(|g| g.and_then(|g| best[g])).collect()
}

/// A reading too small to stand against its container: not a country, division or
/// capital, and under [`MINOR`] people ("Kalam, Pakistan" read as Kallam, India).
pub(crate) fn minor(gaz: &Gazetteer, ei: u32) -> bool {
    let e = gaz.entry(ei);
    e.kind == Kind::Place && e.population < MINOR && !matches!(e.fcode, "PPLC" | "PPLA")
}

/// Population below which a town that does not fit its "Town, Country" container gives
/// way to the container.
const MINOR: u64 = 50_000;

/// `SITREP_GEO_DEBUG=1`: print every name's best readings and scores on stderr.
pub(crate) fn debug() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("SITREP_GEO_DEBUG").is_some())
}
