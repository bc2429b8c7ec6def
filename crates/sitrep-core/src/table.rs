//! The tab-separated tables sitrep's lexicons are written in: a header line starting with
//! `#` names the columns, each further line is a row; blank lines are skipped.

use std::collections::HashMap;

/// One row: column name → trimmed value (columns the row lacks are absent).
pub type Row<'a> = HashMap<&'a str, &'a str>;

/// The rows of `table`; `name` labels problems ("countries.tsv:3: row before the header").
///
/// ```
/// let (rows, problems) = sitrep_core::table::rows("#code\tname\n190\tFight\n", "cameo.tsv");
/// assert_eq!(rows[0]["name"], "Fight");
/// assert!(problems.is_empty());
/// ```
pub fn rows<'a>(table: &'a str, name: &str) -> (Vec<Row<'a>>, Vec<String>) {
    let mut header: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in table.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(h) = line.strip_prefix('#') {
            if header.is_empty() {
                header = h.trim().split('\t').map(str::trim).collect();
            }
            continue;
        }
        if header.is_empty() {
            problems.push(format!("{name}:{}: row before the header", n + 1));
            continue;
        }
        out.push(header.iter().copied().zip(line.split('\t').map(str::trim)).collect());
    }
    (out, problems)
}

/// The `|`-separated values of a cell, trimmed, empty ones left out.
///
/// ```
/// assert_eq!(sitrep_core::table::list(Some(&"US| U.S. ||USA")).collect::<Vec<_>>(), ["US", "U.S.", "USA"]);
/// ```
pub fn list<'a>(cell: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    cell.copied().unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty())
}
