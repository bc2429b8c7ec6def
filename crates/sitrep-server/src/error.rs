//! Errors as JSON: `{"error": {"status": 400, "reason": "…", "parameter": "limit"}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use sitrep_store::StoreError;

/// An answer other than success, with the reason and, when one query parameter is to
/// blame, its name.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub reason: String,
    pub parameter: Option<String>,
}

impl ApiError {
    /// 400 for a bad query parameter.
    pub fn parameter(name: &str, reason: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, reason: reason.into(), parameter: Some(name.to_string()) }
    }

    /// Any status with a reason.
    pub fn new(status: StatusCode, reason: impl Into<String>) -> ApiError {
        ApiError { status, reason: reason.into(), parameter: None }
    }

    /// 404 for an id that names nothing.
    pub fn not_found(what: &str, id: &str) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, format!("no {what} with id `{id}`"))
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::Invalid(reason) => ApiError::new(StatusCode::BAD_REQUEST, reason),
            other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = json!({"status": self.status.as_u16(), "reason": self.reason});
        if let Some(p) = self.parameter {
            error["parameter"] = p.into();
        }
        (self.status, Json(json!({ "error": error }))).into_response()
    }
}
