//! sitrep-geo: the place layer.
//!
//! A GeoNames gazetteer is compiled into the binary ([`Gazetteer::builtin`]: countries,
//! first- and second-level divisions, places of 1,000+ people with alternate names,
//! continents, regions, demonyms). [`PlaceTagger`] finds place names in a report with
//! one Aho-Corasick pass per sentence over normalised tokens, keeps those the context
//! says are places, resolves each to one record (population and feature priors, the
//! report's country focus, co-occurring places, a town and the county it lies in,
//! "City, Region" patterns, datelines), drops small towns abroad that nothing else in
//! the report places in their country,
//! adds relative places ("60 km northwest of Kyiv") and marks capitals standing for
//! governments as metonyms with an actor code (`RUSGOV`). [`eval`] scores it on LGL and
//! GeoVirus.
//!
//! ```
//! use sitrep_core::{Doc, Meta, Stage};
//! let mut doc = Doc::new(Meta::new("r", jiff::civil::date(2022, 2, 25)), "KYIV, Ukraine — Shelling hit Sumy.");
//! sitrep_text::Segmenter::new().annotate(&mut doc);
//! sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
//! let names: Vec<&str> = doc.places.places.iter().map(|p| p.name.as_str()).collect();
//! assert_eq!(names, ["Kyiv", "Ukraine", "Sumy"]);
//! ```

pub mod eval;
mod contain;
mod focus;
pub mod gazetteer;
pub mod geo;
mod lexicon;
mod metonymy;
pub mod normalize;
mod points;
mod recognize;
mod relative;
mod resolve;
mod tagger;
mod wordset;

pub use gazetteer::{Candidate, Entry, Gazetteer, GazetteerError, Kind};
pub use tagger::PlaceTagger;
