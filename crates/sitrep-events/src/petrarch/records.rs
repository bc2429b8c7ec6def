//! Reader for PETRARCH validation records (`PETR.UnitTest.records.xml`,
//! `PETR_Validate_records_2_02.xml`, `PETR2_GSR_validation.xml`): a tolerant scanner, not
//! an XML parser, since the files mix XML with `#` banners, self-closed `<Sentence .../>`
//! openers, spaces around `=` and single-quoted values.

/// One expected event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Source actor code; `---` when the record names no coded source.
    pub source: String,
    /// Target actor code; `---` when none.
    pub target: String,
    /// CAMEO (or dictionary) event code.
    pub code: String,
}

/// One record: a sentence with what it should code to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    /// `id` attribute.
    pub id: String,
    /// `category` attribute (the suite's section: DEMO, ACTOR, AGENT, SYNSET, …).
    pub category: String,
    /// `date` (YYYYMMDD).
    pub date: String,
    /// The sentence, whitespace collapsed.
    pub text: String,
    /// Expected events.
    pub expected: Vec<Expected>,
    /// The record expects no event (`noevents="True"`).
    pub no_events: bool,
    /// The record expects a coding error (`error="…"`); we score it as expecting no event.
    pub error: bool,
    /// Whether the suite evaluates it (`evaluate="false"` or `sentence="false"` say no).
    pub evaluate: bool,
    /// What is wrong with the record, when it is malformed: a record whose `<Parse>`
    /// brackets do not balance is broken input (PETRARCH refuses it with `bad_input_parse`),
    /// so it is reported and not coded, even though sitrep reads only the text.
    pub malformed: Option<String>,
}

impl Record {
    /// The date as a number (YYYYMMDD), 0 when unreadable.
    pub fn day(&self) -> u32 {
        self.date.chars().filter(|c| c.is_ascii_digit()).collect::<String>().parse().unwrap_or(0)
    }

    /// The date as `YYYY-MM-DD`, when readable.
    pub fn iso_date(&self) -> Option<String> {
        let d: String = self.date.chars().filter(|c| c.is_ascii_digit()).collect();
        (d.len() == 8).then(|| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
    }

    /// Whether it expects nothing to be coded.
    pub fn expects_nothing(&self) -> bool {
        self.expected.is_empty()
    }
}

/// Attributes of a tag's inside (`date = "1995" id ='X'`).
pub fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = tag.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // name
        while i < b.len() && !(b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        let s = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-') {
            i += 1;
        }
        let name = &tag[s..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let q = b[i];
        if q == b'"' || q == b'\'' {
            let s = i + 1;
            let e = tag[s..].find(q as char).map_or(b.len(), |k| s + k);
            out.push((name.to_lowercase(), tag[s..e].to_string()));
            i = e + 1;
        } else {
            let s = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
                i += 1;
            }
            out.push((name.to_lowercase(), tag[s..i].to_string()));
        }
    }
    out
}

fn attr<'a>(a: &'a [(String, String)], k: &str) -> Option<&'a str> {
    a.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// An actor code as the records write it: empty, `---`, or a quoted null-coded phrase
/// (`'"INJURY TOLL"'`) all mean no coded actor.
fn actor_code(v: Option<&str>) -> String {
    let v = v.unwrap_or("").trim();
    if v.is_empty() || v.starts_with('"') || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        "---".into()
    } else {
        v.to_uppercase()
    }
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(a) = rest.find("<!--") {
        out.push_str(&rest[..a]);
        match rest[a..].find("-->") {
            Some(b) => rest = &rest[a + b + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Read the records of a file's text.
pub fn parse_records(text: &str) -> Vec<Record> {
    let text = strip_comments(text);
    let mut out = Vec::new();
    let starts: Vec<usize> = text.match_indices("<Sentence ").map(|(i, _)| i).collect();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let body = &text[s..end];
        let Some(tag_end) = body.find('>') else { continue };
        let a = attributes(&body[10..tag_end]);
        let yes = |v: Option<&str>| v.is_none_or(|v| !v.eq_ignore_ascii_case("false"));
        let mut r = Record {
            id: attr(&a, "id").unwrap_or("").to_string(),
            category: attr(&a, "category").unwrap_or("").trim().to_string(),
            date: attr(&a, "date").unwrap_or("").to_string(),
            evaluate: yes(attr(&a, "evaluate")) && yes(attr(&a, "sentence")),
            ..Default::default()
        };
        let body = &body[tag_end + 1..];
        let body = body.split("</Sentence>").next().unwrap_or(body);
        for (i, _) in body.match_indices("<EventCoding") {
            let Some(e) = body[i..].find('>') else { continue };
            let ea = attributes(&body[i + 12..i + e]);
            if attr(&ea, "noevents").is_some() {
                r.no_events = true;
            } else if attr(&ea, "error").is_some() {
                r.error = true;
            } else if let Some(code) = attr(&ea, "eventcode") {
                r.expected.push(Expected { source: actor_code(attr(&ea, "sourcecode")), target: actor_code(attr(&ea, "targetcode")), code: code.trim().to_uppercase() });
            }
        }
        if let Some(t) = body.find("<Text>") {
            let t = &body[t + 6..];
            let t = t.split("</Text>").next().unwrap_or(t);
            r.text = t.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        if let Some(p) = body.find("<Parse>") {
            let p = &body[p + 7..];
            let p = p.split("</Parse>").next().unwrap_or(p).trim_start();
            // A bracketed (Penn) tree; the CoNLL-U parses of UD-PETRARCH's files are lines.
            if p.starts_with('(') {
                r.malformed = unbalanced(p);
            }
        }
        out.push(r);
    }
    out
}

/// Why a Penn-treebank parse's brackets do not balance, or `None` when they do.
///
/// ```
/// use sitrep_events::petrarch::records::unbalanced;
/// assert_eq!(unbalanced("(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))"), None);
/// assert!(unbalanced("(ROOT (S (NP (NNP Arnor)) (VP (VBD left))").unwrap().contains("2 more"));
/// assert!(unbalanced("(NP (NNP Arnor))) (VP").unwrap().contains("closes"));
/// ```
pub fn unbalanced(parse: &str) -> Option<String> {
    let mut depth = 0i64;
    for (i, c) in parse.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(format!("its <Parse> closes a bracket it never opened (at character {i})")),
            ')' => depth -= 1,
            _ => {}
        }
    }
    (depth != 0).then(|| format!("its <Parse> has {depth} more '(' than ')'"))
}

/// Read a records file.
pub fn read_records(path: &std::path::Path) -> std::io::Result<Vec<Record>> {
    let bytes = std::fs::read(path)?;
    Ok(parse_records(&String::from_utf8_lossy(&bytes)))
}
