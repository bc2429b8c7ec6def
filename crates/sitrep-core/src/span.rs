//! Spans: half-open byte ranges into a report's text.

use std::ops::Range;

/// A half-open range `[start, end)` of **byte** offsets into [`crate::Doc::text`].
///
/// Inside the pipeline spans are byte offsets so that `&doc.text()[span.range()]` is a
/// cheap slice. The JSON output converts them to Unicode code points (as Python counts)
/// with [`crate::CharIndex`]; no stage ever needs to do that itself.
///
/// Offsets are `u32`: a single report is limited to 4 GiB of text, which the readers
/// enforce.
///
/// ```
/// use sitrep_core::Span;
/// let text = "Kyiv, Ukraine";
/// let kyiv = Span::new(0, 4);
/// assert_eq!(kyiv.of(text), "Kyiv");
/// assert_eq!(kyiv.len(), 4);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start` must not exceed `end`.
    #[inline]
    pub const fn new(start: u32, end: u32) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// A span from `usize` byte offsets, as produced by `str` methods.
    ///
    /// Offsets are truncated to `u32`; texts are bounded by the readers so this never
    /// happens in practice.
    #[inline]
    pub const fn from_usize(start: usize, end: usize) -> Span {
        Span::new(start as u32, end as u32)
    }

    /// The byte range, for slicing.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no text.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text the span covers.
    ///
    /// # Panics
    /// If the span is out of bounds or not on character boundaries of `text`; spans
    /// made by the pipeline for that text never are.
    #[inline]
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// True when `other` lies entirely within `self`.
    ///
    /// ```
    /// use sitrep_core::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
