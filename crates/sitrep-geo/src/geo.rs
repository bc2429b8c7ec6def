//! Great-circle distance and destination points on a spherical Earth.

/// Mean Earth radius, km.
pub const EARTH_KM: f64 = 6371.0088;

/// Great-circle distance in km between two points (degrees), by the haversine formula.
///
/// ```
/// let d = sitrep_geo::geo::distance_km(50.45, 30.52, 52.23, 21.01); // Kyiv–Warsaw
/// assert!((d - 690.0).abs() < 10.0);
/// ```
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_KM * a.sqrt().min(1.0).asin()
}

/// The point `km` away from (`lat`, `lon`) on initial bearing `bearing_deg` (0 = north,
/// 90 = east).
///
/// ```
/// let (lat, lon) = sitrep_geo::geo::destination(50.0, 30.0, 0.0, 111.2);
/// assert!((lat - 51.0).abs() < 0.01 && (lon - 30.0).abs() < 1e-9);
/// ```
pub fn destination(lat: f64, lon: f64, bearing_deg: f64, km: f64) -> (f64, f64) {
    let d = km / EARTH_KM;
    let (p1, l1, b) = (lat.to_radians(), lon.to_radians(), bearing_deg.to_radians());
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).clamp(-1.0, 1.0).asin();
    let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    let lon2 = (l2.to_degrees() + 540.0) % 360.0 - 180.0;
    (p2.to_degrees(), lon2)
}
