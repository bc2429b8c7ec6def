//! The place layer: place names found in the report, resolved to gazetteer records
//! (GeoNames) with coordinates, and the places described relative to them.

use serde::Serialize;

use crate::Span;

/// How precise a place's point is: what kind of thing the name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacePrecision {
    /// A city, town or village (GeoNames feature class P).
    City,
    /// A second-level division (county, district, raion).
    Admin2,
    /// A first-level division (state, province, oblast).
    Admin1,
    /// A country or territory.
    Country,
    /// A region without borders of its own (the Middle East, Donbas, a sea).
    Region,
    /// A continent.
    Continent,
    /// A point computed from a relative description ("60 km northwest of Kyiv").
    Relative,
}

/// What a place name stands for in its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "role", content = "actor")]
pub enum PlaceRole {
    /// A location: where something is or happens.
    Location,
    /// A metonym: the place names its government ("sanctions on Moscow", "Washington
    /// said"), with the actor code (`RUSGOV`: ISO 3166 alpha-3 + `GOV`).
    Metonym(String),
}

/// A place described relative to another: "about 60 kilometers northwest of Kyiv",
/// "outside Kharkiv", "near the Polish border".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelativePlace {
    /// Compass direction from the anchor (`N`, `NW`, …), if the text gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<&'static str>,
    /// Distance from the anchor in kilometres, if the text gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub km: Option<f64>,
    /// The relation as written: `of`, `outside`, `outskirts`, `near`, `border`.
    pub relation: &'static str,
    /// The id (`p3`) of the anchor place in the same layer, filled by the output view;
    /// inside the pipeline the anchor is [`RelativePlace::anchor`].
    #[serde(skip)]
    pub anchor: usize,
    /// The anchor's name, for readers of the output.
    pub of: String,
}

/// One place mention: where it is, which gazetteer record it resolved to, and its role.
///
/// ```
/// use sitrep_core::{Place, PlacePrecision, Span};
/// let p = Place::new(Span::new(0, 4), "Kyiv", 50.45466, 30.5238, PlacePrecision::City);
/// assert_eq!(p.name, "Kyiv");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The words of the mention ("Kyiv", "the Belarusian capital", "60 kilometers
    /// northwest of Kyiv").
    pub span: Span,
    /// The gazetteer's name of the place.
    pub name: String,
    /// GeoNames id, when the record has one.
    pub geonames_id: Option<u32>,
    /// Latitude in degrees (WGS84).
    pub lat: f64,
    /// Longitude in degrees (WGS84).
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of the country, when the place lies in one.
    pub country: Option<String>,
    /// The first-level division's name, when known.
    pub admin1: Option<String>,
    /// City, admin1, country, region, continent or relative.
    pub precision: PlacePrecision,
    /// Everything else the place layer knows; written into the output beside `precision`.
    pub detail: PlaceDetail,
}

impl Place {
    /// A place with no further detail.
    pub fn new(span: Span, name: impl Into<String>, lat: f64, lon: f64, precision: PlacePrecision) -> Place {
        Place {
            span,
            name: name.into(),
            geonames_id: None,
            lat,
            lon,
            country: None,
            admin1: None,
            precision,
            detail: PlaceDetail::default(),
        }
    }

    /// True unless the mention stands for a government (a metonym).
    pub fn is_location(&self) -> bool {
        !matches!(self.detail.role, Some(PlaceRole::Metonym(_)))
    }
}

/// Further facts about a place mention, written flat into its output object. Absent
/// facts are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlaceDetail {
    /// GeoNames feature code (`PPLC`, `PPLA`, `PPL`, `ADM1`, `PCLI`, `RGN`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature_code: Option<&'static str>,
    /// Population from the gazetteer (0 and unknown are left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// For a relative place: direction, distance and the anchor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<RelativePlace>,
    /// Radius in km within which the place lies, for relative places and areas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncertainty_km: Option<f64>,
    /// `location` or `metonym` with its actor code; written as `"role"` (+ `"actor"`).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub role: Option<PlaceRole>,
    /// How sure the resolver is, 0–1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// The place mentions of one report, in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceLayer {
    /// Mentions in text order; relative places follow their anchor's mention.
    pub places: Vec<Place>,
}
