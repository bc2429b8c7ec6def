//! Every endpoint, filter and error of the HTTP API, on a database coded from the example
//! reports.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{app, get, send};
use serde_json::Value;

/// A filter's query string and what every event it returns must satisfy.
type Check = Box<dyn Fn(&Value) -> bool>;

fn events(v: &Value) -> &Vec<Value> {
    v["events"].as_array().expect("an events array")
}

#[tokio::test]
async fn events_come_with_evidence_and_highlights() {
    let (app, _dir) = app(None);
    let (status, body) = get(&app, "/api/events?limit=1000").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let all = events(&body);
    assert!(all.len() > 10);
    assert!(body["next"].is_null());
    let mut triggers = 0;
    for e in all {
        let evidence: Vec<u16> = e["evidence"].as_str().unwrap().encode_utf16().collect();
        for h in e["highlights"].as_array().unwrap() {
            let (start, end) = (h["start"].as_u64().unwrap() as usize, h["end"].as_u64().unwrap() as usize);
            assert!(start < end && end <= evidence.len(), "{h} outside {:?}", e["evidence"]);
            if h["kind"] == "trigger" {
                triggers += 1;
                assert_eq!(String::from_utf16_lossy(&evidence[start..end]), e["trigger"].as_str().unwrap());
            }
        }
    }
    assert!(triggers * 10 >= all.len() * 9, "most events highlight their trigger: {triggers} of {}", all.len());
}

#[tokio::test]
async fn every_filter_narrows_to_matching_events() {
    let (app, _dir) = app(None);
    let (_, all) = get(&app, "/api/events?limit=1000").await;
    let total = events(&all).len();
    let first = &events(&all)[0];
    let date = first["event_date"].as_str().unwrap().to_string();
    let checks: Vec<(String, Check)> = vec![
        (format!("from={date}&to={date}"), Box::new(move |e: &Value| e["event_date"] == date.as_str())),
        ("actor=RUS".into(), Box::new(|e: &Value| [&e["source_actor"], &e["target_actor"]].iter().any(|a| a.as_str().is_some_and(|a| a.starts_with("RUS"))))),
        ("country=UA".into(), Box::new(|e: &Value| e["place_country"] == "UA")),
        ("cameo=19".into(), Box::new(|e: &Value| e["root"] == "19")),
        ("plover=assault".into(), Box::new(|e: &Value| e["plover"] == "ASSAULT")),
        ("factuality=asserted".into(), Box::new(|e: &Value| e["factuality"] == "asserted")),
        ("stance=none".into(), Box::new(|e: &Value| e["stance"].is_null())),
        ("stance=claimed".into(), Box::new(|e: &Value| e["stance"] == "claimed")),
        ("place=odesa".into(), Box::new(|e: &Value| e["place_name"] == "Odesa")),
        ("near=46.48,30.73&km=20".into(), Box::new(|e: &Value| e["place_name"] == "Odesa")),
        ("text=drones".into(), Box::new(|e: &Value| e["evidence"].as_str().unwrap().to_lowercase().contains("drone"))),
    ];
    for (query, ok) in checks {
        let (status, body) = get(&app, &format!("/api/events?limit=1000&{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}: {body}");
        let rows = events(&body);
        assert!(!rows.is_empty(), "{query} should match some example events");
        assert!(rows.len() < total || query.starts_with("factuality"), "{query} should narrow");
        for e in rows {
            assert!(ok(e), "{query} let through {e}");
        }
    }
}

#[tokio::test]
async fn pages_follow_each_other_without_gaps_or_repeats() {
    let (app, _dir) = app(None);
    for sort in ["date", "date-asc", "report-date", "id", "confidence", "goldstein"] {
        let (_, all) = get(&app, &format!("/api/events?limit=1000&sort={sort}")).await;
        let want: Vec<i64> = events(&all).iter().map(|e| e["id"].as_i64().unwrap()).collect();
        let mut got = Vec::new();
        let mut cursor = String::new();
        for _ in 0..1000 {
            let (status, page) = get(&app, &format!("/api/events?limit=4&sort={sort}{cursor}")).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            got.extend(events(&page).iter().map(|e| e["id"].as_i64().unwrap()));
            match page["next"].as_str() {
                Some(next) => cursor = format!("&cursor={next}"),
                None => break,
            }
        }
        assert_eq!(got, want, "sort {sort}");
    }
    // Stories page the same way.
    let (_, all) = get(&app, "/api/stories?limit=1000").await;
    let n = all["stories"].as_array().unwrap().len();
    let (_, first) = get(&app, "/api/stories?limit=3").await;
    assert_eq!(first["stories"].as_array().unwrap().len(), 3.min(n));
    if n > 3 {
        let next = first["next"].as_str().unwrap();
        let (_, second) = get(&app, &format!("/api/stories?limit=1000&cursor={next}")).await;
        assert_eq!(second["stories"].as_array().unwrap().len(), n - 3);
    }
}

#[tokio::test]
async fn one_event_with_its_story_and_reports() {
    let (app, _dir) = app(None);
    let (_, stories) = get(&app, "/api/stories?sort=mentions&limit=1").await;
    let story = &stories["stories"][0];
    assert!(story["num_mentions"].as_i64().unwrap() >= 2, "the examples tell some story twice: {story}");
    let (status, detail) = get(&app, &format!("/api/stories/{}", story["id"])).await;
    assert_eq!(status, StatusCode::OK);
    let id = detail["events"][0]["id"].as_i64().unwrap();
    let (status, event) = get(&app, &format!("/api/events/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{event}");
    assert_eq!(event["event"]["id"], id);
    assert_eq!(event["story"]["id"], story["id"]);
    let mentions = event["mentions"].as_array().unwrap();
    assert_eq!(mentions.len() as i64, story["num_mentions"].as_i64().unwrap());
    let report = mentions[0]["report"].as_str().unwrap();
    let (status, r) = get(&app, &format!("/api/reports/{report}")).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert!(r["text"].as_str().unwrap().len() > 50);
    assert!(events(&r).iter().any(|e| e["story"] == story["id"]));
}

#[tokio::test]
async fn counts_for_the_page() {
    let (app, _dir) = app(None);
    let (_, all) = get(&app, "/api/events?limit=1000").await;
    let total = events(&all).len() as u64;
    let (status, t) = get(&app, "/api/timeline").await;
    assert_eq!(status, StatusCode::OK);
    let days = t["days"].as_array().unwrap();
    assert_eq!(days.iter().map(|d| d["events"].as_u64().unwrap()).sum::<u64>(), total);
    assert!(days.windows(2).all(|w| w[0]["date"].as_str() < w[1]["date"].as_str()));
    let (_, t) = get(&app, "/api/timeline?plover=ASSAULT").await;
    assert!(t["days"].as_array().unwrap().iter().all(|d| d["by_plover"].as_object().unwrap().keys().all(|k| k == "ASSAULT")));

    let (status, a) = get(&app, "/api/actors?limit=3").await;
    assert_eq!(status, StatusCode::OK);
    let actors = a["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 3);
    assert!(actors.windows(2).all(|w| w[0]["events"].as_u64() >= w[1]["events"].as_u64()));

    let (status, p) = get(&app, "/api/places").await;
    assert_eq!(status, StatusCode::OK);
    let places = p["places"].as_array().unwrap();
    let placed = events(&all).iter().filter(|e| e["lat"].is_number()).count() as u64;
    assert_eq!(places.iter().map(|p| p["events"].as_u64().unwrap()).sum::<u64>(), placed);
    assert!(places.iter().any(|p| p["name"] == "Odesa"));
}

#[tokio::test]
async fn bad_requests_get_a_reason_and_the_parameter() {
    let (app, _dir) = app(None);
    for (uri, status, parameter) in [
        ("/api/events?limit=abc", 400, Some("limit")),
        ("/api/events?limit=99999999999999999999", 400, Some("limit")),
        ("/api/events?limit=0", 400, Some("limit")),
        ("/api/events?from=2022-02-30", 400, Some("from")),
        ("/api/events?near=95,10", 400, Some("near")),
        ("/api/events?km=10", 400, Some("km")),
        ("/api/events?sort=random", 400, Some("sort")),
        ("/api/events?cursor=%00%ff", 400, Some("cursor")),
        ("/api/events?cursor=o5&sort=date", 400, None),
        ("/api/events?colour=red", 400, Some("colour")),
        ("/api/events?actor=RUS&actor=UKR", 400, Some("actor")),
        ("/api/events?text=%22unclosed", 400, Some("text")),
        ("/api/timeline?text=%22unclosed", 400, Some("text")),
        ("/api/events?contested=true", 400, Some("contested")),
        ("/api/timeline?cursor=o1", 400, Some("cursor")),
        ("/api/events/abc", 400, None),
        ("/api/events/999999", 404, None),
        ("/api/stories/999999", 404, None),
        ("/api/reports/no-such-report", 404, None),
        ("/api/no-such-endpoint", 404, None),
    ] {
        let (got, body) = get(&app, uri).await;
        assert_eq!(got.as_u16(), status, "{uri}: {body}");
        let error = &body["error"];
        assert_eq!(error["status"], status, "{uri}: {body}");
        assert!(error["reason"].as_str().is_some_and(|r| r.len() > 10), "{uri}: {body}");
        if let Some(p) = parameter {
            assert_eq!(error["parameter"], p, "{uri}: {body}");
        }
    }
    let (status, body) = send(&app, Request::delete("/api/events").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{body}");
    assert!(body["error"]["reason"].is_string());
    // Still answering.
    assert_eq!(get(&app, "/api/events?limit=1").await.0, StatusCode::OK);
}

fn post(body: impl Into<Body>, token: Option<&str>) -> Request<Body> {
    let mut r = Request::post("/api/reports").header("content-type", "application/json");
    if let Some(t) = token {
        r = r.header("authorization", format!("Bearer {t}"));
    }
    r.body(body.into()).unwrap()
}

const REPORT: &str = r#"{"id": "post-1", "date": "2024-05-07", "title": "Raid", "text": "Israeli troops raided the city of Jenin on Tuesday, the army said."}"#;

#[tokio::test]
async fn posting_needs_the_token_and_codes_the_report() {
    let (off, _d1) = app(None);
    let (status, body) = send(&off, post(REPORT, Some("anything"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "posting is off without a token: {body}");
    assert!(body["error"]["reason"].as_str().unwrap().contains("--token"));

    let (app, _d2) = app(Some("s3cret"));
    assert_eq!(send(&app, post(REPORT, None)).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(send(&app, post(REPORT, Some("wrong"))).await.0, StatusCode::FORBIDDEN);
    let (status, body) = send(&app, post("{not json", Some("s3cret"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = send(&app, post("[1, 2]", Some("s3cret"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = send(&app, post(r#"{"id": "x", "date": "2024-05-07"}"#, Some("s3cret"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a report without text: {body}");
    let (status, body) = send(&app, post(vec![b' '; sitrep_server::MAX_BODY + 1], Some("s3cret"))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body["error"]["reason"].is_string());

    let (status, body) = send(&app, post(REPORT, Some("s3cret"))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["stored"], true);
    let coded = events(&body);
    assert!(coded.iter().any(|e| e["source_actor"] == "ISRMIL" && e["root"] == "19" && e["place_country"] == "PS"), "{body}");
    // Stored: the API finds it; posting again stores nothing twice.
    assert_eq!(get(&app, "/api/reports/post-1").await.0, StatusCode::OK);
    let (_, again) = send(&app, post(REPORT, Some("s3cret"))).await;
    assert_eq!(again["stored"], false);
    assert_eq!(events(&again).len(), coded.len());
}

#[tokio::test]
async fn the_openapi_document_names_every_endpoint_and_parameter() {
    let (app, _dir) = app(None);
    let (status, doc) = get(&app, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for path in ["/api/events", "/api/events/{id}", "/api/stories", "/api/stories/{id}", "/api/reports/{id}", "/api/reports", "/api/actors", "/api/places", "/api/timeline"] {
        assert!(paths.contains_key(path), "{path} undocumented");
    }
    let events_params: Vec<&str> = doc["paths"]["/api/events"]["get"]["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    for (name, _) in sitrep_server::PARAMETERS {
        if *name != "contested" {
            assert!(events_params.contains(name), "{name} missing from /api/events");
        }
    }
}

#[tokio::test]
async fn the_page_is_served_with_a_strict_content_policy() {
    let (app, _dir) = app(None);
    let resp = tower::ServiceExt::oneshot(app.clone(), Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    if resp.status() == StatusCode::OK {
        assert!(resp.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        assert!(resp.headers()["content-security-policy"].to_str().unwrap().contains("default-src 'self'"));
        // A shared view's URL gets the page too.
        let (status, _) = get(&app, "/?actor=RUS&event=3").await;
        assert_eq!(status, StatusCode::OK);
    } else {
        assert_eq!(resp.status(), StatusCode::NOT_FOUND, "without built assets the page says how to build them");
    }
}
