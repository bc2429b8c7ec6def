//! sitrep-events: who did what to whom, where and when — coded in CAMEO and PLOVER from the
//! syntax, time, place and actor layers, with who says so ([`attribution`]), whether it is
//! said to have happened ([`factuality`]) and the report's direct quotes ([`quotes`]).

pub mod as_of;
pub mod attribution;
pub mod binding;
pub mod coder;
pub mod context;
pub mod dyad;
pub mod eval;
pub mod factuality;
pub mod force;
pub mod lexicon;
pub mod petrarch;
pub mod phrases;
pub mod quotes;
pub mod repair;
mod stage;
pub mod tree;
mod unnamed;

pub use stage::EventStage;
