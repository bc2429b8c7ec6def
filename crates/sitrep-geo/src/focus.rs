//! The report's country focus after resolution: a small town abroad needs company.
//!
//! A place of fewer than [`SMALL`] people is rarely named without its country coming up
//! too (the country, a division, another town, a nationality word). When the report
//! names places in other countries and nothing else in this one, the word was most
//! likely no place at all (a surname, a firm, a common word matched to a village
//! abroad: "Titan", "Rose"), and the mention is dropped.

use crate::gazetteer::{Gazetteer, Kind};
use crate::recognize::Mention;

/// Places below this population need another name of their country in the report.
pub(crate) const SMALL: u64 = 20_000;

/// Set `chosen[k]` to `None` for every mention `k` resolved to a small place that is
/// the only name of its country in the report while the report names places elsewhere.
pub(crate) fn drop_strays(gaz: &Gazetteer, mentions: &[Mention], chosen: &mut [Option<u32>]) {
    // (country, name id) of every resolved name and nationality word, once each
    let mut named: Vec<([u8; 2], u32)> = Vec::new();
    for (m, c) in mentions.iter().zip(chosen.iter()) {
        let cc = match (m.demonym, c) {
            (Some(cc), _) => cc,
            (None, Some(e)) => gaz.entry(*e).cc,
            (None, None) => continue,
        };
        if cc != [0, 0] && !named.contains(&(cc, m.name)) {
            named.push((cc, m.name));
        }
    }
    for (m, c) in mentions.iter().zip(chosen.iter_mut()) {
        let Some(e) = c.map(|e| gaz.entry(e)) else { continue };
        // (One the text calls a town or village is one: "captured the village of
        // Krasnohorivka" in a report that names only Russia otherwise.)
        if e.kind != Kind::Place || e.population >= SMALL || m.forced.is_some() || m.town {
            continue;
        }
        let company = named.iter().any(|&(cc, n)| cc == e.cc && n != m.name);
        let elsewhere = named.iter().any(|&(cc, _)| cc != e.cc);
        if !company && elsewhere {
            *c = None;
        }
    }
}
