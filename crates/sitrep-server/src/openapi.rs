//! The OpenAPI 3.1 description served at `/api/openapi.json`, built from the same
//! parameter table the server reads queries with.

use serde_json::{json, Value};

use crate::params::PARAMETERS;

fn query_parameters(names: &[&str]) -> Vec<Value> {
    PARAMETERS
        .iter()
        .filter(|(name, _)| names.contains(name))
        .map(|(name, description)| json!({"name": name, "in": "query", "required": false, "description": description, "schema": {"type": "string"}}))
        .collect()
}

const EVENT_FILTERS: &[&str] =
    &["from", "to", "report_from", "report_to", "actor", "country", "cameo", "plover", "factuality", "stance", "place", "near", "km", "text", "story"];

fn with(extra: &[&'static str]) -> Vec<&'static str> {
    EVENT_FILTERS.iter().copied().chain(extra.iter().copied()).collect()
}

fn ok(description: &str, schema: Value) -> Value {
    json!({
        "200": {"description": description, "content": {"application/json": {"schema": schema}}},
        "400": {"$ref": "#/components/responses/Error"},
    })
}

fn path_id(name: &str, kind: &str) -> Value {
    json!([{"name": name, "in": "path", "required": true, "schema": {"type": kind}}])
}

/// The document.
pub fn document() -> Value {
    let event = json!({"$ref": "#/components/schemas/Event"});
    let story = json!({"$ref": "#/components/schemas/Story"});
    let counts = json!({"type": "object", "additionalProperties": {"type": "integer"}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "sitrep",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Events coded from news reports: who did what to whom, where, when, and who says so. See docs/api.md."
        },
        "paths": {
            "/api/events": {"get": {
                "summary": "Events matching the filters, a page at a time.",
                "parameters": query_parameters(&with(&["sort", "limit", "cursor"])),
                "responses": ok("A page of events.", json!({"type": "object", "properties": {
                    "events": {"type": "array", "items": event}, "next": {"type": ["string", "null"]}}}))
            }},
            "/api/events/{id}": {"get": {
                "summary": "One event, its story and the story's mentions in every report.",
                "parameters": path_id("id", "integer"),
                "responses": ok("The event.", json!({"type": "object", "properties": {
                    "event": event, "story": {"oneOf": [story, {"type": "null"}]},
                    "mentions": {"type": "array", "items": {"type": "object"}}}}))
            }},
            "/api/stories": {"get": {
                "summary": "Stories (the same happening merged across reports) matching the filters.",
                "parameters": query_parameters(&with(&["contested", "sort", "limit", "cursor"])),
                "responses": ok("A page of stories.", json!({"type": "object", "properties": {
                    "stories": {"type": "array", "items": story}, "next": {"type": ["string", "null"]}}}))
            }},
            "/api/stories/{id}": {"get": {
                "summary": "One story and its events.",
                "parameters": path_id("id", "integer"),
                "responses": ok("The story.", json!({"type": "object", "properties": {"story": story, "events": {"type": "array", "items": event}}}))
            }},
            "/api/reports/{id}": {"get": {
                "summary": "One stored report: metadata, text and events.",
                "parameters": path_id("id", "string"),
                "responses": ok("The report.", json!({"$ref": "#/components/schemas/Report"}))
            }},
            "/api/reports": {"post": {
                "summary": "Code and store one report (needs the server's token).",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
                    "id": {"type": "string"}, "date": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"},
                    "url": {"type": "string"}, "source": {"type": "string"}}}}}},
                "responses": {
                    "200": {"description": "The report's events.", "content": {"application/json": {"schema": {"type": "object", "properties": {
                        "report": {"type": "string"}, "stored": {"type": "boolean"}, "events": {"type": "array", "items": event}}}}}},
                    "400": {"$ref": "#/components/responses/Error"},
                    "401": {"$ref": "#/components/responses/Error"},
                    "403": {"$ref": "#/components/responses/Error"},
                    "404": {"$ref": "#/components/responses/Error"},
                    "413": {"$ref": "#/components/responses/Error"}
                }
            }},
            "/api/actors": {"get": {
                "summary": "Actor codes of the matching events, most frequent first.",
                "parameters": query_parameters(&with(&["limit"])),
                "responses": ok("Actor counts.", json!({"type": "object", "properties": {"actors": {"type": "array", "items": {"type": "object", "properties": {
                    "code": {"type": "string"}, "events": {"type": "integer"}}}}}}))
            }},
            "/api/places": {"get": {
                "summary": "Places of the matching events, most frequent first.",
                "parameters": query_parameters(&with(&["limit"])),
                "responses": ok("Place counts.", json!({"type": "object", "properties": {"places": {"type": "array", "items": {"type": "object", "properties": {
                    "name": {"type": "string"}, "lat": {"type": "number"}, "lon": {"type": "number"}, "country": {"type": ["string", "null"]},
                    "events": {"type": "integer"}, "by_plover": counts}}}}}))
            }},
            "/api/timeline": {"get": {
                "summary": "Counts of the matching events per event date.",
                "parameters": query_parameters(EVENT_FILTERS),
                "responses": ok("Days, oldest first.", json!({"type": "object", "properties": {"days": {"type": "array", "items": {"type": "object", "properties": {
                    "date": {"type": "string"}, "events": {"type": "integer"}, "by_plover": counts}}}}}))
            }},
            "/api/openapi.json": {"get": {"summary": "This document.", "responses": {"200": {"description": "OpenAPI 3.1."}}}}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {"Error": {"description": "What went wrong and what to do.", "content": {"application/json": {"schema": {"type": "object", "properties": {
                "error": {"type": "object", "properties": {"status": {"type": "integer"}, "reason": {"type": "string"}, "parameter": {"type": "string"}}}}}}}}},
            "schemas": {
                "Event": {"type": "object", "description": "One coded event (fields as in docs/api.md).", "properties": {
                    "id": {"type": "integer"}, "story": {"type": ["integer", "null"]}, "report": {"type": "string"}, "report_date": {"type": "string"},
                    "event_date": {"type": "string"}, "date_value": {"type": "string"}, "cameo": {"type": "string"}, "root": {"type": "string"},
                    "plover": {"type": ["string", "null"]}, "goldstein": {"type": ["number", "null"]},
                    "source_text": {"type": ["string", "null"]}, "source_actor": {"type": ["string", "null"]},
                    "target_text": {"type": ["string", "null"]}, "target_actor": {"type": ["string", "null"]},
                    "place_name": {"type": ["string", "null"]}, "lat": {"type": ["number", "null"]}, "lon": {"type": ["number", "null"]},
                    "factuality": {"type": "string"}, "stance": {"type": ["string", "null"]}, "attribution_text": {"type": ["string", "null"]},
                    "confidence": {"type": "number"}, "evidence": {"type": "string"}, "trigger": {"type": "string"},
                    "highlights": {"type": "array", "items": {"type": "object", "properties": {
                        "kind": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}}}}}},
                "Story": {"type": "object", "description": "A happening merged across reports.", "properties": {
                    "id": {"type": "integer"}, "cameo": {"type": "string"}, "plover": {"type": ["string", "null"]},
                    "first_date": {"type": "string"}, "last_date": {"type": "string"}, "num_mentions": {"type": "integer"},
                    "num_sources": {"type": "integer"}, "num_articles": {"type": "integer"}, "contested": {"type": "boolean"}}},
                "Report": {"type": "object", "properties": {
                    "id": {"type": "string"}, "date": {"type": "string"}, "title": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
                    "source": {"type": ["string", "null"]}, "text": {"type": "string"}, "events": {"type": "array", "items": event}}}
            }
        }
    })
}
