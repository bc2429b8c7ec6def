//! Points that replace the built-in gazetteer's for a few countries and first-level
//! divisions (facts written for this project).
//!
//! A whole country has no one true point: GeoNames gives one (mostly the CIA World
//! Factbook's whole-degree point), Wikipedia another, and the gazetteer file carries
//! countryinfo's. Where those lie more than 161 km apart (the usual "right place"
//! radius), sitrep takes a point within 161 km of the references where one exists,
//! else a point near the land's middle; a point outside the country (countryinfo's
//! Kuwait lies in Iraq) or in a division's wrong end (Jawa Barat at Central Java, New
//! South Wales on the coast) is replaced by the middle of the territory.

/// (GeoNames id, latitude, longitude): the replacement points.
pub(crate) const POINTS: &[(u32, f64, f64)] = &[
    // Kuwait: countryinfo's (29.5, 45.75) lies in Iraq; GeoNames' point
    (285570, 29.5, 47.75),
    // Democratic Republic of the Congo: (0, 25) lies in the north; GeoNames' (-2.5, 23.5)
    (203312, -2.5, 23.5),
    // Libya: (25, 17) lies 230 km from any town; between GeoNames' and Wikipedia's
    (2215636, 27.0, 17.0),
    // Nigeria: GeoNames' (10, 8) and Wikipedia's (8, 10) are 310 km apart; between them
    (2328926, 9.0, 9.0),
    // Sudan: between GeoNames' (15, 30) and Wikipedia's (15, 32)
    (366755, 15.0, 31.0),
    // China: between GeoNames' (35, 105) and Wikipedia's (35, 103)
    (1814991, 35.0, 104.0),
    // Japan: (36, 138) and Wikipedia's (35, 136); Honshu's middle, near the centre of
    // population
    (1861060, 35.5, 137.0),
    // Myanmar: (19.75, 96.1) lies in the south; the middle of the land
    (1327865, 21.0, 96.0),
    // Brazil: the geographic centre (Mato Grosso), between GeoNames' and Wikipedia's
    (3469034, -10.0, -53.0),
    // Jawa Barat (West Java): the file's point lies in Central Java
    (1642672, -6.9, 107.6),
    // New South Wales: the file's point lies on the coast near Newcastle
    (2155400, -32.8, 147.3),
    // Queensland: the file's point lies far north; the middle of the state's land
    (2152274, -22.5, 144.0),
];
