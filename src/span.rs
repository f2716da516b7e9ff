//! Byte spans on the original text.

use std::ops::Index;

/// A half-open byte range `start..end` on a text.
///
/// Spans inside canon always point into the ORIGINAL text (never into its
/// normalized form) and always fall on `char` boundaries; code-point offsets
/// are computed once, at output time.
///
/// ```
/// use canon::Span;
/// let text = "à Kaboul";
/// let span = Span::new(3, 9);
/// assert_eq!(&text[span], "Kaboul");
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether two spans share at least one byte.
    ///
    /// ```
    /// use canon::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 8)));
    /// ```
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}
