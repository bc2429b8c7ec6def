//! Exports: GDELT 2.0 event table layout, ACLED-like CSV, GeoJSON, PLOVER JSON Lines.

use std::collections::HashMap;
use std::io::Write;

use serde_json::json;

use crate::query::for_each_event;
use crate::{EventRow, Filter, Sort, Store, StoreError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// GDELT 2.0 event table: tab-separated, no header (as GDELT ships it), the 61 columns
    /// in order, then sitrep's extra columns.
    Gdelt,
    /// ACLED-like CSV with a header.
    Acled,
    /// A GeoJSON FeatureCollection, a Point feature per placed event.
    Geojson,
    /// A GeoJSON FeatureCollection, a Point feature per placed story (the happening with its
    /// mention counts, dates and contested flag).
    GeojsonStories,
    /// PLOVER records, one JSON object a line.
    Plover,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        Ok(match s {
            "gdelt" => ExportFormat::Gdelt,
            "acled" => ExportFormat::Acled,
            "geojson" => ExportFormat::Geojson,
            "geojson-stories" => ExportFormat::GeojsonStories,
            "plover" => ExportFormat::Plover,
            "parquet" => return Err("parquet export is not built into this sitrep yet; use --format gdelt|acled|geojson|plover".into()),
            _ => return Err(format!("unknown export format `{s}`: use gdelt, acled, geojson, geojson-stories or plover")),
        })
    }
}

/// The published GDELT 2.0 event table columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
];

/// sitrep's columns after the GDELT ones.
pub const GDELT_EXTRA_COLUMNS: [&str; 9] =
    ["sitrep_story", "sitrep_report", "sitrep_plover", "sitrep_factuality", "sitrep_stance", "sitrep_attribution", "sitrep_confidence", "sitrep_trigger", "sitrep_evidence"];

fn quad_class(root: &str) -> u8 {
    match root.parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => 0,
    }
}

fn geo_type(precision: Option<&str>) -> u8 {
    match precision {
        None => 0,
        Some("country") => 1,
        Some("admin1") | Some("region") | Some("admin") => 5,
        Some(_) => 4,
    }
}

/// Tabs and newlines would break a TSV row.
fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

/// Story counts for the GDELT NumMentions/NumSources/NumArticles columns.
fn story_counts(store: &Store) -> Result<HashMap<i64, (i64, i64, i64)>, StoreError> {
    let mut stmt = store.conn.prepare("SELECT id, num_mentions, num_sources, num_articles FROM stories").map_err(|e| store.err(e))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))).map_err(|e| store.err(e))?;
    rows.collect::<Result<HashMap<_, _>, _>>().map_err(|e| store.err(e))
}

fn actor_cols(code: &Option<String>, name: &Option<String>, country: &Option<String>) -> Vec<String> {
    let code_s = opt(code).to_string();
    let type1 = if country.is_some() { code_s.get(3..6).unwrap_or("").to_string() } else { code_s.get(..3).unwrap_or("").to_string() };
    vec![code_s, tsv(opt(name)), opt(country).to_string(), String::new(), String::new(), String::new(), String::new(), type1, String::new(), String::new()]
}

/// ISO 3166 alpha-2 → FIPS 10-4, the country codes of GDELT's geography columns.
static FIPS: &str = include_str!("../../../data/geo/fips.tsv");

/// The FIPS 10-4 code of a country given by its ISO code (`UA` → `UP`); the ISO code when
/// the table has none.
///
/// ```
/// assert_eq!(sitrep_store::fips_country("UA"), "UP");
/// assert_eq!(sitrep_store::fips_country("GB"), "UK");
/// ```
pub fn fips_country(iso2: &str) -> &str {
    static TABLE: std::sync::OnceLock<HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        FIPS.lines().filter(|l| !l.starts_with('#') && !l.starts_with("iso2\t")).filter_map(|l| l.split_once('\t')).collect()
    });
    table.get(iso2).copied().unwrap_or(iso2)
}

fn gdelt_row(e: &EventRow, counts: Option<&(i64, i64, i64)>) -> String {
    let day = e.event_date.replace('-', "");
    let year: i32 = e.event_date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let doy = crate::stories::day_number(&e.event_date) - crate::stories::day_number(&format!("{year:04}-01-01"));
    let fraction = year as f64 + (doy as f64 + 1.0) / 365.0;
    let (m, s, a) = counts.copied().unwrap_or((1, 1, 1));
    // GDELT's FullName is "Place, ADM1"; its codes are FIPS 10-4, and the ADM1 code falls
    // back to the country's code, as GDELT's does when no ADM1 is known.
    let fips = e.place_country.as_deref().map(fips_country).unwrap_or("");
    let full_name = match (&e.place_name, &e.place_admin1) {
        (Some(n), Some(a)) if a != n => format!("{n}, {a}"),
        (Some(n), _) => n.clone(),
        _ => String::new(),
    };
    let geo = [
        geo_type(e.place_precision.as_deref()).to_string(),
        tsv(&full_name),
        fips.to_string(),
        fips.to_string(),
        String::new(),
        num(e.lat),
        num(e.lon),
        e.geonames_id.map(|g| g.to_string()).unwrap_or_default(),
    ];
    let base = e.cameo.get(..3).unwrap_or(&e.cameo);
    let mut cols: Vec<String> = vec![e.id.to_string(), day.clone(), day.get(..6).unwrap_or("").to_string(), year.to_string(), format!("{fraction:.4}")];
    cols.extend(actor_cols(&e.source_actor, &e.source_text, &e.source_country));
    cols.extend(actor_cols(&e.target_actor, &e.target_text, &e.target_country));
    cols.extend([
        "1".to_string(),
        e.cameo.clone(),
        base.to_string(),
        e.root.clone(),
        quad_class(&e.root).to_string(),
        num(e.goldstein),
        m.to_string(),
        s.to_string(),
        a.to_string(),
        String::new(),
    ]);
    // Actor geography is not resolved separately: only the action's place is known.
    cols.extend(std::iter::repeat_n(String::new(), 16));
    cols.extend(geo);
    cols.push(format!("{}000000", e.report_date.replace('-', "")));
    cols.push(tsv(opt(&e.url)));
    debug_assert_eq!(cols.len(), 61);
    cols.extend([
        e.story.map(|s| s.to_string()).unwrap_or_default(),
        tsv(&e.report),
        opt(&e.plover).to_string(),
        e.factuality.clone(),
        opt(&e.stance).to_string(),
        tsv(opt(&e.attribution_text)),
        format!("{:.3}", e.confidence),
        tsv(&e.trigger),
        tsv(&e.evidence),
    ]);
    cols.join("\t")
}

const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,actor1_code,actor2,actor2_code,interaction,country,admin1,location,latitude,longitude,geo_precision,source,source_url,notes,fatalities,cameo,plover,factuality,stance,confidence,story";

fn plover_to_acled(plover: Option<&str>, root: &str) -> (&'static str, &'static str) {
    match (plover, root) {
        (Some("ASSAULT"), _) | (_, "18") | (_, "19") | (_, "20") => ("Political violence", "Battles / violence against civilians"),
        (Some("PROTEST"), _) | (_, "14") => ("Demonstrations", "Protests"),
        (Some("COERCE"), _) | (_, "17") => ("Strategic developments", "Coercion"),
        (Some("MOBILIZE"), _) | (_, "15") => ("Strategic developments", "Mobilization"),
        _ => ("Strategic developments", "Other"),
    }
}

fn fatalities(e: &EventRow) -> String {
    let Some(serde_json::Value::Array(qs)) = &e.quantities else { return String::new() };
    qs.iter()
        .filter(|q| q["unit"].as_str().is_some_and(|u| matches!(u, "killed" | "dead" | "deaths" | "fatalities")))
        .filter_map(|q| q["value"].as_f64())
        .map(|v| v as i64)
        .max()
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn acled_row(e: &EventRow) -> String {
    let (disorder, event_type) = plover_to_acled(e.plover.as_deref(), &e.root);
    let year = e.event_date.get(..4).unwrap_or("");
    let precision = if e.date_value.len() >= 10 && e.date_value.get(..10) == Some(e.event_date.as_str()) { "1" } else { "3" };
    let geo_precision = match e.place_precision.as_deref() {
        None => "",
        Some("city") | Some("point") | Some("poi") => "1",
        Some("admin1") | Some("region") | Some("admin") => "2",
        Some(_) => "3",
    };
    [
        format!("{}{}", opt(&e.place_country), e.id),
        e.event_date.clone(),
        year.to_string(),
        precision.to_string(),
        disorder.to_string(),
        event_type.to_string(),
        e.cameo.clone(),
        opt(&e.source_text).to_string(),
        opt(&e.source_actor).to_string(),
        opt(&e.target_text).to_string(),
        opt(&e.target_actor).to_string(),
        String::new(),
        opt(&e.place_country).to_string(),
        opt(&e.place_admin1).to_string(),
        opt(&e.place_name).to_string(),
        num(e.lat),
        num(e.lon),
        geo_precision.to_string(),
        e.report_source.clone().unwrap_or_else(|| e.report.clone()),
        opt(&e.url).to_string(),
        e.evidence.clone(),
        fatalities(e),
        e.cameo.clone(),
        opt(&e.plover).to_string(),
        e.factuality.clone(),
        opt(&e.stance).to_string(),
        format!("{:.3}", e.confidence),
        e.story.map(|s| s.to_string()).unwrap_or_default(),
    ]
    .iter()
    .map(|s| csv_field(s))
    .collect::<Vec<_>>()
    .join(",")
}

fn properties(e: &EventRow) -> serde_json::Value {
    let mut v = serde_json::to_value(e).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("lat");
        o.remove("lon");
    }
    v
}

fn plover_record(e: &EventRow) -> serde_json::Value {
    let party = |text: &Option<String>, code: &Option<String>, country: &Option<String>| {
        if text.is_none() && code.is_none() {
            json!([])
        } else {
            json!([{"name": text, "code": code, "country": country}])
        }
    };
    json!({
        "id": format!("sitrep-{}", e.id),
        "event_date": e.event_date,
        "event_type": e.plover,
        "mode": null,
        "context": [],
        "actor": party(&e.source_text, &e.source_actor, &e.source_country),
        "recipient": party(&e.target_text, &e.target_actor, &e.target_country),
        "event_loc": e.place_name.as_ref().map(|name| json!({
            "name": name, "lat": e.lat, "lon": e.lon, "country": e.place_country, "admin1": e.place_admin1,
            "geonames_id": e.geonames_id, "resolution": e.place_precision,
        })),
        "cite_info": {
            "report_id": e.report, "source": e.report_source, "url": e.url, "title": e.title,
            "pub_date": e.report_date, "sentence": e.evidence, "trigger": e.trigger, "trigger_span": e.trigger_span,
        },
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "factuality": e.factuality,
        "stance": e.stance,
        "attribution": e.attribution_text,
        "confidence": e.confidence,
        "story": e.story,
    })
}

/// Write the events matching `filter` (all by default) to `out` in `format`. Returns the
/// number of events written.
pub fn export(store: &Store, filter: &Filter, format: ExportFormat, out: &mut dyn Write) -> Result<u64, StoreError> {
    let mut filter = filter.clone();
    if filter == Filter::default() {
        filter.sort = Sort::Id;
    }
    if format == ExportFormat::GeojsonStories {
        return story_features(store, &filter, out);
    }
    let counts = if format == ExportFormat::Gdelt { story_counts(store)? } else { HashMap::new() };
    let mut n = 0u64;
    match format {
        ExportFormat::Acled => writeln!(out, "{ACLED_HEADER}")?,
        ExportFormat::Geojson => write!(out, "{{\"type\":\"FeatureCollection\",\"features\":[")?,
        _ => {}
    }
    let mut features = 0u64;
    for_each_event(store, &filter, &mut |e| {
        match format {
            ExportFormat::Gdelt => writeln!(out, "{}", gdelt_row(&e, e.story.and_then(|s| counts.get(&s))))?,
            ExportFormat::Acled => writeln!(out, "{}", acled_row(&e))?,
            ExportFormat::Plover => writeln!(out, "{}", plover_record(&e))?,
            ExportFormat::GeojsonStories => unreachable!("stories are written by story_features"),
            ExportFormat::Geojson => {
                let (Some(lat), Some(lon)) = (e.lat, e.lon) else { return Ok(()) };
                let f = json!({"type": "Feature", "id": e.id, "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties(&e)});
                if features > 0 {
                    out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut *out, &f).map_err(std::io::Error::from)?;
                features += 1;
            }
        }
        n += 1;
        Ok(())
    })?;
    if format == ExportFormat::Geojson {
        writeln!(out, "]}}")?;
        n = features;
    }
    out.flush()?;
    Ok(n)
}

/// The placed stories matching `filter` as a GeoJSON FeatureCollection.
fn story_features(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<u64, StoreError> {
    write!(out, "{{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut n = 0u64;
    for s in crate::stories(store, filter)? {
        let (Some(lat), Some(lon)) = (s.lat, s.lon) else { continue };
        let mut properties = serde_json::to_value(&s).unwrap_or_default();
        if let Some(o) = properties.as_object_mut() {
            o.remove("lat");
            o.remove("lon");
        }
        if n > 0 {
            out.write_all(b",\n")?;
        }
        let f = json!({"type": "Feature", "id": s.id, "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties});
        serde_json::to_writer(&mut *out, &f).map_err(std::io::Error::from)?;
        n += 1;
    }
    writeln!(out, "]}}")?;
    out.flush()?;
    Ok(n)
}
