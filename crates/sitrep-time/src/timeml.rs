//! Reading TimeML files (the TempEval-3 format): the creation date, the text, and the
//! gold temporal expressions with their spans.
//!
//! The text is the inner text of the `<TEXT>` element with every tag removed and the
//! XML entities decoded; spans count Unicode code points of that text (as Python
//! counts), starting at the character right after `<TEXT>`.
//!
//! ```
//! let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
//! <TEXT>Sales fell <TIMEX3 tid="t1" type="DATE" value="1998-02-26">yesterday</TIMEX3> &amp; today.</TEXT></TimeML>"#;
//! let doc = sitrep_time::timeml::parse("x.tml", xml).unwrap();
//! assert_eq!(doc.dct.unwrap().to_string(), "1998-02-27");
//! assert_eq!(doc.text, "Sales fell yesterday & today.");
//! let t = &doc.gold[0];
//! assert_eq!((t.start, t.end, t.value.as_str()), (11, 20, "1998-02-26"));
//! ```

use jiff::civil::Date;
use sitrep_core::TimexType;

/// One TimeML document.
#[derive(Debug, Clone, PartialEq)]
pub struct TimemlDoc {
    /// The file name (`ABC19980108.1830.0711.tml`).
    pub name: String,
    /// The document creation time, the anchor of relative expressions.
    pub dct: Option<Date>,
    /// The text of the `<TEXT>` element, tags removed, entities decoded.
    pub text: String,
    /// Gold expressions in text order (the DCT itself excluded).
    pub gold: Vec<GoldTimex>,
}

/// A gold (or predicted) temporal expression with its span in characters of
/// [`TimemlDoc::text`].
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value as written.
    pub value: String,
    /// The words, for messages.
    pub text: String,
}

/// Why a TimeML file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlError(pub String);

impl std::fmt::Display for TimemlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TimemlError {}

/// The TIMEX3 type named `s` (`DATE`, `TIME`, `DURATION`, `SET`).
pub fn timex_type(s: &str) -> Option<TimexType> {
    match s {
        "DATE" => Some(TimexType::Date),
        "TIME" => Some(TimexType::Time),
        "DURATION" => Some(TimexType::Duration),
        "SET" => Some(TimexType::Set),
        _ => None,
    }
}

/// Parse one TimeML document held in `xml`; `name` is used in messages.
pub fn parse(name: &str, xml: &str) -> Result<TimemlDoc, TimemlError> {
    let dct = xml.find("<DCT>").and_then(|at| {
        let rest = &xml[at..];
        let close = rest.find("</DCT>").unwrap_or(rest.len());
        let tag_start = rest[..close].find("<TIMEX3")?;
        let tag_end = rest[tag_start..].find('>')? + tag_start;
        let value = attribute(&rest[tag_start..tag_end], "value")?;
        value.get(..10).and_then(|v| v.parse::<Date>().ok())
    });
    let open = xml.find("<TEXT>").ok_or_else(|| TimemlError(format!("{name}: no <TEXT> element; is this a TimeML file?")))?;
    let inner_start = open + "<TEXT>".len();
    let inner_len = xml[inner_start..]
        .find("</TEXT>")
        .ok_or_else(|| TimemlError(format!("{name}: <TEXT> is not closed")))?;
    let inner = &xml[inner_start..inner_start + inner_len];

    let mut text = String::with_capacity(inner.len());
    let mut chars = 0usize;
    let mut gold = Vec::new();
    let mut open_timex: Option<(usize, usize, TimexType, String)> = None;
    let mut rest = inner;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or_else(|| TimemlError(format!("{name}: a tag in <TEXT> is not closed")))?;
            let tag = &rest[1..close];
            if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
                let kind = attribute(tag, "type").and_then(|t| timex_type(&t)).unwrap_or(TimexType::Date);
                let value = attribute(tag, "value").unwrap_or_default();
                open_timex = Some((chars, text.len(), kind, value));
            } else if tag.starts_with("/TIMEX3") {
                if let Some((start, byte_start, kind, value)) = open_timex.take() {
                    let words = text[byte_start..].to_string();
                    if chars > start && !words.trim().is_empty() {
                        gold.push(GoldTimex { start, end: chars, kind, value, text: words });
                    }
                }
            }
            rest = &rest[close + 1..];
        } else if rest.starts_with('&') {
            let (c, used) = entity(rest);
            text.push(c);
            chars += 1;
            rest = &rest[used..];
        } else {
            let stop = rest.find(['<', '&']).unwrap_or(rest.len());
            let piece = &rest[..stop];
            text.push_str(piece);
            chars += piece.chars().count();
            rest = &rest[stop..];
        }
    }
    Ok(TimemlDoc { name: name.to_string(), dct, text, gold })
}

/// The value of attribute `name` in the inside of a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name) {
        let at = from + at;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &tag[at + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && after_trim.starts_with('=') {
            let v = after_trim[1..].trim_start();
            let quote = v.chars().next()?;
            if quote == '"' || quote == '\'' {
                let end = v[1..].find(quote)?;
                return Some(decode(&v[1..1 + end]));
            }
        }
        from = at + name.len();
    }
    None
}

/// Decode entities in an attribute value.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let (c, used) = entity(&rest[at..]);
        out.push(c);
        rest = &rest[at + used..];
    }
    out.push_str(rest);
    out
}

/// The character an entity at the start of `s` stands for, and its length in bytes. An
/// `&` that starts no known entity stands for itself.
fn entity(s: &str) -> (char, usize) {
    let Some(semi) = s.as_bytes().iter().take(12).position(|&b| b == b';') else { return ('&', 1) };
    let name = &s[1..semi];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ if name.starts_with("#x") || name.starts_with("#X") => u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32),
        _ if name.starts_with('#') => name[1..].parse::<u32>().ok().and_then(char::from_u32),
        _ => None,
    };
    match c {
        Some(c) => (c, semi + 1),
        None => ('&', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_after_entities_and_tags() {
        let xml = "<TEXT>\nCafé <EVENT eid=\"e1\">opened</EVENT> &lt;<TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P2D\">two days</TIMEX3>&gt;</TEXT>";
        let doc = parse("a.tml", xml).unwrap();
        assert_eq!(doc.text, "\nCafé opened <two days>");
        let t = &doc.gold[0];
        let chars: Vec<char> = doc.text.chars().collect();
        assert_eq!(chars[t.start..t.end].iter().collect::<String>(), "two days");
        assert_eq!(t.kind, TimexType::Duration);
        assert!(doc.dct.is_none());
    }

    #[test]
    fn no_text_is_an_error_that_says_so() {
        let err = parse("b.tml", "<TimeML></TimeML>").unwrap_err();
        assert!(err.to_string().contains("no <TEXT>"));
    }
}
