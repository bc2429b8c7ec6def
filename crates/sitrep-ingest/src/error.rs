//! Errors a reader reports for one report or one file, with what to do about them.

use std::fmt;

use sitrep_core::Origin;

/// A report (or a whole file) that could not be read.
///
/// Reading goes on after a `ReadError`: the other reports of the file and the other
/// files are still read. The message names the place (`file:line`, `file@byte`) and,
/// where there is one, the remedy.
///
/// ```
/// use sitrep_core::{Origin, Position};
/// use sitrep_ingest::ReadError;
/// let origin = Origin { file: "feed.jsonl".into(), at: Some(Position::Line(7)) };
/// let err = ReadError::new(origin, "malformed JSON: expected `,` at column 12")
///     .hint("fix or drop that line; the other lines were read");
/// assert_eq!(err.to_string(),
///     "feed.jsonl:7: malformed JSON: expected `,` at column 12 (fix or drop that line; the other lines were read)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong.
    pub problem: String,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl ReadError {
    /// An error at `origin`.
    pub fn new(origin: Origin, problem: impl Into<String>) -> ReadError {
        ReadError { origin, problem: problem.into(), hint: None }
    }

    /// Add what the user can do about it.
    pub fn hint(mut self, hint: impl Into<String>) -> ReadError {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.problem)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ReadError {}

/// The hint given whenever a report has no usable date.
pub(crate) const DATE_HINT: &str =
    "give the report's date with --date YYYY-MM-DD, or start the text with a line `date YYYY-MM-DD`";
