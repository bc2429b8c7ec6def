//! Conversion of byte offsets to Unicode code point offsets for output.

use crate::Span;

/// Maps byte offsets of one text to code point offsets (what Python's `len` counts).
///
/// Built once per report at output time. Memory is proportional to the number of
/// non-ASCII characters, not to the length of the text, so a 50 MB ASCII report costs
/// nothing and a lookup is a binary search.
///
/// ```
/// use sitrep_core::{CharIndex, Span};
/// let text = "Ukraine’s capital Kyiv";
/// let index = CharIndex::new(text);
/// let kyiv = text.find("Kyiv").unwrap();
/// assert_eq!(kyiv, 20); // bytes: the curly apostrophe takes three
/// assert_eq!(index.char_offset(kyiv), 18); // code points
/// assert_eq!(index.span(Span::from_usize(kyiv, kyiv + 4)), [18, 22]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// For each non-ASCII character: (byte offset just past it, extra bytes so far).
    /// "Extra bytes" is the number of bytes beyond one per character seen up to there.
    marks: Vec<(u32, u32)>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex::default();
        }
        let mut marks = Vec::new();
        let mut extra = 0u32;
        for (at, ch) in text.char_indices() {
            let width = ch.len_utf8() as u32;
            if width > 1 {
                extra += width - 1;
                marks.push((at as u32 + width, extra));
            }
        }
        CharIndex { marks }
    }

    /// The code point offset of byte offset `byte` (which must be a character boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte as u32;
        // Last mark whose end is at or before `byte`.
        let n = self.marks.partition_point(|&(end, _)| end <= byte);
        let extra = if n == 0 { 0 } else { self.marks[n - 1].1 };
        (byte - extra) as usize
    }

    /// A span as `[start, end)` in code points.
    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.char_offset(span.start as usize), self.char_offset(span.end as usize)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_count_everywhere() {
        let text = "a’b Київ 𝔸x\u{a0}y";
        let index = CharIndex::new(text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count(), "at byte {byte}");
        }
    }
}
