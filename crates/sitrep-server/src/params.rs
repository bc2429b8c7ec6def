//! Query parameters → a store [`Filter`], with errors that name the parameter.

use sitrep_store::{Cursor, Filter, Sort};

use crate::error::ApiError;

/// Every query parameter the read endpoints take, with its description (also the OpenAPI
/// document's).
pub const PARAMETERS: &[(&str, &str)] = &[
    ("from", "Event date on or after (YYYY-MM-DD)."),
    ("to", "Event date on or before (YYYY-MM-DD)."),
    ("report_from", "Report date on or after (YYYY-MM-DD)."),
    ("report_to", "Report date on or before (YYYY-MM-DD)."),
    ("actor", "CAMEO actor code or prefix, source or target (RUS, UKRMIL)."),
    ("country", "Two letters: the place's country (ISO 3166, UA); three: an actor's (CAMEO, UKR)."),
    ("cameo", "CAMEO event code or prefix; two digits match the root (19, 190)."),
    ("plover", "PLOVER event type (ASSAULT)."),
    ("factuality", "asserted, negated, hypothetical, expected, planned or conditional."),
    ("stance", "reported, claimed, denied, witnessed, or none (the reporter's own voice)."),
    ("place", "Place name, case-insensitive."),
    ("near", "LAT,LON: events within `km` of this point."),
    ("km", "Radius for `near`, in km (default 50)."),
    ("text", "Full-text search of evidence sentences (words, \"phrases\", OR, NOT, prefix*)."),
    ("story", "Only this story's events."),
    ("contested", "Stories only: true or false."),
    ("sort", "date (latest first, default), date-asc, report-date, confidence, goldstein, mentions or id."),
    ("limit", "Rows per page, 1 to 1000 (default 100)."),
    ("cursor", "The `next` value of the previous page."),
];

/// The largest page.
pub const MAX_LIMIT: usize = 1000;

const FACTUALITY: &[&str] = &["asserted", "negated", "hypothetical", "expected", "planned", "conditional"];
const STANCE: &[&str] = &["reported", "claimed", "denied", "witnessed", "none"];

/// The filter and page size the query asks for.
///
/// Empty values are ignored (a form sends every field); unknown parameters and repeated
/// ones are errors, so a misspelt filter never silently selects everything.
pub fn filter(query: &[(String, String)], default_limit: usize) -> Result<(Filter, usize), ApiError> {
    let mut f = Filter::default();
    let mut limit = default_limit;
    let mut km = None;
    let mut near = None;
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in query {
        let Some(&(known, _)) = PARAMETERS.iter().find(|(p, _)| p == name) else {
            let names: Vec<&str> = PARAMETERS.iter().map(|(p, _)| *p).collect();
            return Err(ApiError::parameter(name, format!("unknown parameter `{name}`: use {}", names.join(", "))));
        };
        if seen.contains(&known) {
            return Err(ApiError::parameter(known, format!("`{known}` is given twice: give it once")));
        }
        seen.push(known);
        let v = value.trim();
        if v.is_empty() {
            continue;
        }
        if v.len() > 500 {
            return Err(ApiError::parameter(known, format!("`{known}` is {} bytes long: at most 500", v.len())));
        }
        match known {
            "from" => f.event_from = Some(date(known, v)?),
            "to" => f.event_to = Some(date(known, v)?),
            "report_from" => f.report_from = Some(date(known, v)?),
            "report_to" => f.report_to = Some(date(known, v)?),
            "actor" => f.actor = Some(code(known, v, "a CAMEO actor code or prefix such as RUS or UKRMIL")?),
            "country" => {
                if !(v.len() == 2 || v.len() == 3) || !v.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(ApiError::parameter(known, format!("country `{v}`: give two letters for the place's country (UA) or three for an actor's (UKR)")));
                }
                f.country = Some(v.to_ascii_uppercase());
            }
            "cameo" => {
                if !v.bytes().all(|b| b.is_ascii_digit()) || v.len() > 4 {
                    return Err(ApiError::parameter(known, format!("cameo `{v}`: give a CAMEO event code or prefix of digits (19, 190, 0214)")));
                }
                f.cameo = Some(v.to_string());
            }
            "plover" => f.plover = Some(code(known, v, "a PLOVER event type such as ASSAULT")?),
            "factuality" => f.factuality = Some(one_of(known, v, FACTUALITY)?),
            "stance" => f.stance = Some(one_of(known, v, STANCE)?),
            "place" => f.place = Some(v.to_string()),
            "near" => near = Some(point(v)?),
            "km" => {
                let k: f64 = v.parse().map_err(|_| ApiError::parameter(known, format!("km `{v}` is not a number: give a distance in km, e.g. 50")))?;
                if !(k > 0.0 && k <= 20_000.0) {
                    return Err(ApiError::parameter(known, format!("km `{v}`: give a distance between 0 and 20000")));
                }
                km = Some(k);
            }
            "text" => f.text = Some(v.to_string()),
            "story" => f.story = Some(v.parse().map_err(|_| ApiError::parameter(known, format!("story `{v}` is not a story id (a number)")))?),
            "contested" => {
                f.contested = Some(match v {
                    "true" | "1" => true,
                    "false" | "0" => false,
                    _ => return Err(ApiError::parameter(known, format!("contested `{v}`: give true or false"))),
                })
            }
            "sort" => f.sort = v.parse::<Sort>().map_err(|e| ApiError::parameter(known, e))?,
            "limit" => {
                let n: usize = v.parse().map_err(|_| ApiError::parameter(known, format!("limit `{v}` is not a number: give 1 to {MAX_LIMIT}")))?;
                if n == 0 || n > MAX_LIMIT {
                    return Err(ApiError::parameter(known, format!("limit {n}: give 1 to {MAX_LIMIT} (page on with `cursor`)")));
                }
                limit = n;
            }
            "cursor" => f.cursor = Some(Cursor::decode(v).map_err(|e| ApiError::parameter(known, e.to_string()))?),
            _ => unreachable!("every known parameter is handled"),
        }
    }
    match (near, km) {
        (Some((lat, lon)), km) => f.near = Some((lat, lon, km.unwrap_or(50.0))),
        (None, Some(_)) => return Err(ApiError::parameter("km", "`km` needs `near=LAT,LON`")),
        (None, None) => {}
    }
    f.limit = Some(limit);
    Ok((f, limit))
}

fn date(name: &str, v: &str) -> Result<String, ApiError> {
    v.parse::<jiff::civil::Date>()
        .map(|d| d.to_string())
        .map_err(|_| ApiError::parameter(name, format!("{name} `{v}` is not a date: give YYYY-MM-DD, e.g. 2022-02-24")))
}

fn code(name: &str, v: &str, what: &str) -> Result<String, ApiError> {
    if v.len() > 30 || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::parameter(name, format!("{name} `{v}`: give {what}")));
    }
    Ok(v.to_ascii_uppercase())
}

fn one_of(name: &str, v: &str, allowed: &[&str]) -> Result<String, ApiError> {
    let lower = v.to_ascii_lowercase();
    if allowed.contains(&lower.as_str()) {
        Ok(lower)
    } else {
        Err(ApiError::parameter(name, format!("{name} `{v}`: give one of {}", allowed.join(", "))))
    }
}

fn point(v: &str) -> Result<(f64, f64), ApiError> {
    let bad = || ApiError::parameter("near", format!("near `{v}`: give LAT,LON in degrees, e.g. 50.45,30.52"));
    let (lat, lon) = v.split_once(',').ok_or_else(bad)?;
    let (lat, lon): (f64, f64) = (lat.trim().parse().map_err(|_| bad())?, lon.trim().parse().map_err(|_| bad())?);
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(bad());
    }
    Ok((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn filters_are_read_and_normalised() {
        let (f, limit) = filter(&q(&[("actor", "rusmil"), ("from", "2022-02-24"), ("near", "50.45,30.52"), ("limit", "10"), ("text", "")]), 100).unwrap();
        assert_eq!(f.actor.as_deref(), Some("RUSMIL"));
        assert_eq!(f.event_from.as_deref(), Some("2022-02-24"));
        assert_eq!(f.near, Some((50.45, 30.52, 50.0)));
        assert_eq!(limit, 10);
        assert_eq!(f.text, None);
    }

    #[test]
    fn bad_parameters_are_named() {
        for (pairs, name) in [
            (vec![("limit", "abc")], "limit"),
            (vec![("limit", "100000")], "limit"),
            (vec![("from", "2022-02-30")], "from"),
            (vec![("frm", "2022-02-01")], "frm"),
            (vec![("near", "200,1")], "near"),
            (vec![("km", "5")], "km"),
            (vec![("stance", "rumoured")], "stance"),
            (vec![("cursor", "zzz")], "cursor"),
            (vec![("actor", "RUS"), ("actor", "UKR")], "actor"),
        ] {
            let err = filter(&q(&pairs), 100).unwrap_err();
            assert_eq!(err.parameter.as_deref(), Some(name), "{pairs:?}: {}", err.reason);
        }
    }
}
