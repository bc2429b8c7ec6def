//! Relative places: "about 60 kilometers (40 miles) northwest of Kyiv", "outside Kyiv",
//! "on the outskirts of Kharkiv", "north of the city", "near the Polish border".

use crate::geo::destination;
use crate::recognize::Scratch;

/// A relation found before an anchor name.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// First token of the phrase.
    pub start: usize,
    /// Compass point and bearing, if given.
    pub direction: Option<(&'static str, f64)>,
    /// Distance in km, if given.
    pub km: Option<f64>,
    /// `of`, `outside`, `outskirts`, `near`.
    pub relation: &'static str,
}

const COMPASS: &[(&str, &str, f64)] = &[
    ("north", "N", 0.0), ("northeast", "NE", 45.0), ("east", "E", 90.0), ("southeast", "SE", 135.0), ("south", "S", 180.0),
    ("southwest", "SW", 225.0), ("west", "W", 270.0), ("northwest", "NW", 315.0), ("north east", "NE", 45.0),
    ("south east", "SE", 135.0), ("south west", "SW", 225.0), ("north west", "NW", 315.0),
];

fn compass(w: &str) -> Option<(&'static str, f64)> {
    COMPASS.iter().find(|c| c.0 == w).map(|c| (c.1, c.2))
}

fn unit_km(w: &str) -> Option<f64> {
    match w {
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" | "kms" => Some(1.0),
        "miles" | "mile" | "mi" => Some(1.609344),
        _ => None,
    }
}

fn number(w: &str) -> Option<f64> {
    let w = w.replace(',', "");
    w.parse::<f64>().ok().or(match w.as_str() {
        "a" | "one" => Some(1.0),
        "two" => Some(2.0),
        "three" => Some(3.0),
        "five" => Some(5.0),
        "ten" => Some(10.0),
        "twenty" => Some(20.0),
        "fifty" => Some(50.0),
        "dozen" => Some(12.0),
        _ => None,
    })
}

/// The relation written just before an anchor starting at token `a` (tokens of the
/// sentence start at `s0`).
pub fn relation_before(scratch: &Scratch, a: usize, s0: usize) -> Option<Relation> {
    let w = |i: usize| if i >= s0 && i < a { scratch.norm(i) } else { "" };
    let p1 = a.checked_sub(1)?;
    let mut i = p1;
    // skip "the city of" / "the" before the anchor
    if w(i) == "the" && i > s0 {
        i -= 1;
    }
    match w(i) {
        "outside" => return Some(Relation { start: i, direction: None, km: None, relation: "outside" }),
        "near" | "nearby" => return Some(Relation { start: i, direction: None, km: None, relation: "near" }),
        "of" => {}
        _ => return None,
    }
    if i < s0 + 1 {
        return None;
    }
    let mut j = i - 1;
    if w(j) == "outskirts" {
        let start = if j >= s0 + 2 && w(j - 1) == "the" && matches!(w(j - 2), "on" | "in") { j - 2 } else { j };
        return Some(Relation { start, direction: None, km: None, relation: "outskirts" });
    }
    // "north-west" arrives as "north west"? tokens split hyphens: north - west
    let mut dir = compass(w(j));
    if dir.is_some() && j >= s0 + 2 && matches!(w(j - 1), "#" | "") && compass(w(j - 2)).is_some() {
        let joined = format!("{} {}", w(j - 2), w(j));
        if let Some(d) = compass(&joined) {
            dir = Some(d);
            j -= 2;
        }
    }
    let dir = dir?;
    let mut start = j;
    // optional "(40 miles)" then unit, number, "about"
    let mut k = j;
    if k > s0 && w(k - 1) == ")" {
        // a closing bracket: walk back to the opening one (at most 6 tokens)
        let mut m = k - 1;
        let mut steps = 0;
        while m > s0 && steps < 6 {
            m -= 1;
            steps += 1;
            if w(m) == "(" {
                break;
            }
        }
        k = m;
    }
    let mut km = None;
    if k >= s0 + 2 {
        if let (Some(u), Some(n)) = (unit_km(w(k - 1)), number(w(k - 2))) {
            km = Some(n * u);
            start = k - 2;
            if start > s0 && matches!(w(start - 1), "about" | "some" | "around" | "nearly" | "roughly" | "approximately" | "almost" | "over" | "just") {
                start -= 1;
            }
        }
    }
    Some(Relation { start, direction: Some(dir), km, relation: "of" })
}

/// The point and uncertainty radius (km) for `rel` from an anchor at (`lat`, `lon`)
/// whose own extent is about `extent_km`.
pub fn locate(rel: &Relation, lat: f64, lon: f64, extent_km: f64) -> (f64, f64, f64) {
    match (rel.direction, rel.km, rel.relation) {
        (Some((_, bearing)), Some(km), _) => {
            let (la, lo) = destination(lat, lon, bearing, km);
            (la, lo, (km * 0.25).max(5.0))
        }
        (Some((_, bearing)), None, _) => {
            let d = (extent_km * 1.5).max(20.0);
            let (la, lo) = destination(lat, lon, bearing, d);
            (la, lo, d)
        }
        (None, _, "outskirts") => (lat, lon, extent_km.max(10.0)),
        (None, _, "outside") => (lat, lon, (extent_km * 2.0).max(20.0)),
        _ => (lat, lon, (extent_km * 2.0).max(25.0)),
    }
}

/// The compass point a single word names ("northwest" → NW, 315°).
pub fn relation_before_words(w: &str) -> Option<(&'static str, f64)> {
    compass(w)
}
