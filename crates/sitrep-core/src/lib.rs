//! sitrep-core: the report ([`Doc`]) every stage reads and writes, its stand-off
//! layers, and the JSON output schema.
//!
//! The data flows one way (see DESIGN.md): readers make a `Doc` with its text and
//! [`Meta`]; each [`Stage`] adds a layer; [`Report`] writes it out.

mod char_index;
mod doc;
mod entity_layer;
mod event_layer;
pub mod fuzz;
mod meta;
mod output;
mod place_layer;
mod span;
mod syntax_layer;
pub mod table;
mod text_layer;
mod time_layer;

pub use char_index::CharIndex;
pub use doc::{Doc, Stage};
pub use entity_layer::{country_unknown, Entity, EntityDetail, EntityLayer, EntityType, OfficeTerm, Sex, UNKNOWN_COUNTRY};
pub use event_layer::{Attribution, Event, EventDate, EventLayer, Factuality, Participant, Quantity, Quote, Stance};
pub use meta::{Meta, Origin, Position};
pub use output::{OutputOptions, Report};
pub use place_layer::{Place, PlaceDetail, PlaceLayer, PlacePrecision, PlaceRole, RelativePlace};
pub use span::Span;
pub use syntax_layer::{SyntaxLayer, TokenSyntax};
pub use text_layer::{dateline_end, Sentence, TextLayer, Token, TokenKind};
pub use time_layer::{TimeLayer, Timex, TimexDetail, TimexType};
