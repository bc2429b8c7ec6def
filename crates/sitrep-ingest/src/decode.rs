//! Bytes to text: UTF-8 when it is, lossily when it is not, with a warning that says where.

use std::borrow::Cow;

/// Decode `bytes` as UTF-8 (dropping a byte-order mark). Invalid sequences become
/// U+FFFD; the returned warning gives the byte offset of the first one and how many
/// there were.
///
/// ```
/// let (text, warning) = sitrep_ingest::decode_utf8_lossy(b"Kyiv \xff\xfe!");
/// assert_eq!(text, "Kyiv \u{FFFD}\u{FFFD}!");
/// assert_eq!(warning.unwrap(), "invalid UTF-8 at byte 5 (2 invalid sequences replaced with U+FFFD)");
/// ```
pub fn decode_utf8_lossy(bytes: &[u8]) -> (Cow<'_, str>, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(first) => {
            let at = first.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = bytes.utf8_chunks().filter(|chunk| !chunk.invalid().is_empty()).count();
            let plural = if replaced == 1 { "sequence" } else { "sequences" };
            let warning = format!("invalid UTF-8 at byte {at} ({replaced} invalid {plural} replaced with U+FFFD)");
            (Cow::Owned(text), Some(warning))
        }
    }
}

/// True when `bytes` look like binary data rather than text: NUL bytes or a high share
/// of control characters in the first 8 KiB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 10 > head.len().max(1)
}

/// Mend text whose UTF-8 was once read as Windows-1252 (or Latin-1) and written out again
/// — "JuliÃ¡n Castro", "Russiaâ€™s" — back to what was meant ("Julián Castro",
/// "Russia’s"), twice over for text mis-read twice. Only a run of characters that re-reads
/// as one valid UTF-8 character is changed, so text in Latin scripts ("Ærø", "São
/// Paulo") stays as it is. Returns the text (borrowed when nothing changed) and a
/// warning that says how many characters were mended.
///
/// ```
/// let (text, warning) = sitrep_ingest::repair_mojibake("JuliÃ¡n Castro said Russiaâ€™s army …");
/// assert_eq!(text, "Julián Castro said Russia’s army …");
/// assert_eq!(warning.unwrap(), "2 characters mis-decoded as Windows-1252 were mended (\"Ã¡\" → \"á\")");
/// assert!(sitrep_ingest::repair_mojibake("São Paulo, Ærø, Zürich").1.is_none());
/// ```
pub fn repair_mojibake(text: &str) -> (Cow<'_, str>, Option<String>) {
    // Fast path: no character that could lead a mis-read multi-byte sequence.
    // (Every character from U+00C0 to U+00FF is written with the byte 0xC3 first.)
    if !text.as_bytes().contains(&0xC3) {
        return (Cow::Borrowed(text), None);
    }
    let mut out = Cow::Borrowed(text);
    let mut mended = 0;
    let mut first: Option<(String, char)> = None;
    for _ in 0..2 {
        let (pass, n, example) = mend_once(&out);
        if n == 0 {
            break;
        }
        mended += n;
        first = first.or(example);
        out = Cow::Owned(pass);
    }
    let warning = first.map(|(from, to)| {
        let (noun, verb) = if mended == 1 { ("character", "was") } else { ("characters", "were") };
        format!("{mended} {noun} mis-decoded as Windows-1252 {verb} mended (\"{from}\" → \"{to}\")")
    });
    (out, warning)
}

/// [`repair_mojibake`] of an owned text, kept without a copy when nothing is mended.
pub(crate) fn repair_mojibake_owned(text: String) -> (String, Option<String>) {
    let mended = match repair_mojibake(&text) {
        (Cow::Owned(t), warning) => Some((t, warning)),
        (Cow::Borrowed(_), _) => None,
    };
    mended.unwrap_or((text, None))
}

/// One pass of [`repair_mojibake`]: the text, how many characters were mended and the
/// first mend.
fn mend_once(text: &str) -> (String, usize, Option<(String, char)>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut n, mut example) = (0, None);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let len = match c as u32 {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if len > 0 && i + len <= chars.len() {
            let mut bytes = [c as u8, 0, 0, 0];
            let continuation = (1..len).all(|k| match windows_1252_byte(chars[i + k]) {
                Some(b @ 0x80..=0xBF) => {
                    bytes[k] = b;
                    true
                }
                _ => false,
            });
            if let Some(m) = continuation.then(|| std::str::from_utf8(&bytes[..len]).ok()).flatten().and_then(|s| s.chars().next()) {
                out.push(m);
                n += 1;
                example = example.or_else(|| Some((chars[i..i + len].iter().collect(), m)));
                i += len;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, n, example)
}

/// The Windows-1252 byte that decodes to `c`, for the upper half of the table (bytes
/// 0x80–0xFF; C1 controls stand for themselves, as Latin-1 reads them).
fn windows_1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        '\u{80}'..='\u{FF}' => c as u32 as u8,
        _ => return None,
    };
    Some(b)
}
