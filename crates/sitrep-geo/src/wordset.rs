//! Word lists looked up by hashing: the recogniser asks about nearly every token whether
//! it is in one list or another, and walking a list of hundreds of words each time
//! showed in profiles.

use std::collections::HashSet;
use std::sync::OnceLock;

use sitrep_learn::hash::BuildFxHasher;

/// A fixed list of words, written as a slice and looked up in a hash set built from it
/// on first use (shared by every thread), with the Fx hash (the words are ours, not an
/// adversary's).
///
/// ```ignore
/// static INNER: WordSet = WordSet::new(&["of", "and", "the"]);
/// assert!(INNER.contains("of") && !INNER.contains("Of"));
/// ```
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, BuildFxHasher>>,
}

impl WordSet {
    /// The set of `words` (compared exactly, case included).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, set: OnceLock::new() }
    }

    /// Whether `word` is one of the list's words.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn holds_exactly_its_words() {
        static WORDS: WordSet = WordSet::new(&["of", "and", "the", ""]);
        for w in ["of", "and", "the", ""] {
            assert!(WORDS.contains(w), "{w:?}");
        }
        for w in ["Of", "an", "then", " of", "o"] {
            assert!(!WORDS.contains(w), "{w:?}");
        }
    }
}
