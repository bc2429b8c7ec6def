//! Input formats and how one is chosen for a file.

use std::path::Path;
use std::str::FromStr;

/// The kinds of input sitrep reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Text that starts with `date YYYY-MM-DD` (after optional white space).
    Seed,
    /// Plain text; its date comes from `--date`.
    Text,
    /// JSON Lines, one report object per line.
    Jsonl,
    /// An HTML article page.
    Html,
    /// A WARC archive, gzip-compressed or not.
    Warc,
}

impl InputFormat {
    /// Every format, by the name `--input-format` takes.
    pub const NAMES: [(&'static str, InputFormat); 5] = [
        ("seed", InputFormat::Seed),
        ("text", InputFormat::Text),
        ("jsonl", InputFormat::Jsonl),
        ("html", InputFormat::Html),
        ("warc", InputFormat::Warc),
    ];

    /// The format a file name implies, if its extension is one sitrep knows.
    /// `.txt` gives [`InputFormat::Text`]; a `date` header then makes it a seed report.
    ///
    /// ```
    /// use sitrep_ingest::InputFormat;
    /// use std::path::Path;
    /// assert_eq!(InputFormat::by_extension(Path::new("CC-NEWS-2022.warc.gz")), Some(InputFormat::Warc));
    /// assert_eq!(InputFormat::by_extension(Path::new("feed.ndjson.gz")), Some(InputFormat::Jsonl));
    /// assert_eq!(InputFormat::by_extension(Path::new("report.gold.json")), None);
    /// ```
    pub fn by_extension(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = Path::new(name).extension()?.to_str()?;
        Some(match ext {
            "txt" | "text" => InputFormat::Text,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "warc" => InputFormat::Warc,
            _ => return None,
        })
    }

    /// Guess the format from the first bytes of (decompressed) content.
    ///
    /// ```
    /// use sitrep_ingest::InputFormat;
    /// assert_eq!(InputFormat::sniff(b"  date 2022-02-25\nRussian troops"), InputFormat::Seed);
    /// assert_eq!(InputFormat::sniff(b"{\"id\": \"a\"}\n"), InputFormat::Jsonl);
    /// assert_eq!(InputFormat::sniff(b"WARC/1.0\r\n"), InputFormat::Warc);
    /// assert_eq!(InputFormat::sniff(b"<!DOCTYPE html><html>"), InputFormat::Html);
    /// assert_eq!(InputFormat::sniff(b"Russian troops advanced."), InputFormat::Text);
    /// ```
    pub fn sniff(head: &[u8]) -> InputFormat {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        let head = &head[start..];
        if head.starts_with(b"WARC/") {
            InputFormat::Warc
        } else if head.starts_with(b"{") {
            InputFormat::Jsonl
        } else if head.starts_with(b"<") {
            InputFormat::Html
        } else if crate::dated_text::split_header(head).is_some() {
            InputFormat::Seed
        } else {
            InputFormat::Text
        }
    }
}

impl FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.to_ascii_lowercase();
        InputFormat::NAMES.iter().find(|(name, _)| *name == wanted).map(|&(_, f)| f).ok_or_else(|| {
            let names: Vec<&str> = InputFormat::NAMES.iter().map(|(n, _)| *n).collect();
            format!("unknown input format `{s}`: use one of {}", names.join(", "))
        })
    }
}
