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
