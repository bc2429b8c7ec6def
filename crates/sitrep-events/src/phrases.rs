//! Finding which of a list of phrases occurs in a text as whole words, in one pass over
//! the text instead of one substring search per phrase.
//!
//! A phrase that starts with a letter or digit can only occur, as whole words, where a
//! run of letters and digits starts in the text, and that run must then be exactly the
//! phrase's first run ("on" for "on the verge of"). So the text's runs are looked up
//! among the phrases' first runs, and only the phrases sharing one are compared.

/// A list of phrases, indexed by their first run of letters and digits.
#[derive(Debug, Default, Clone)]
pub struct PhraseIndex {
    /// The phrases, in list order.
    phrases: Vec<String>,
    /// First runs of letters and digits, sorted, with the phrases (indices) starting so.
    by_first: Vec<(String, Vec<usize>)>,
    /// Phrases that do not start with a letter or digit: searched for as substrings.
    other: Vec<usize>,
    /// A quick test before looking a run up in `by_first`: the byte lengths of the first
    /// runs (bit 63 for 63 and longer) and their first bytes (bit 127 for any not ASCII).
    lengths: u64,
    first_bytes: u128,
}

impl PhraseIndex {
    /// Index `phrases` (matched as written: case and all).
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseIndex {
        let mut index = PhraseIndex::default();
        for (i, phrase) in phrases.into_iter().enumerate() {
            index.phrases.push(phrase.to_string());
            let first = first_run(phrase);
            if first.is_empty() {
                index.other.push(i);
                continue;
            }
            index.lengths |= length_bit(first);
            index.first_bytes |= first_byte_bit(first);
            match index.by_first.binary_search_by(|(k, _)| k.as_str().cmp(first)) {
                Ok(k) => index.by_first[k].1.push(i),
                Err(k) => index.by_first.insert(k, (first.to_string(), vec![i])),
            }
        }
        index
    }

    /// The first phrase in list order (its index) that occurs in `text` as whole words:
    /// not preceded nor followed by a letter or digit.
    ///
    /// ```
    /// use sitrep_events::phrases::PhraseIndex;
    /// let index = PhraseIndex::new(["set to", "off the table", "due to"]);
    /// assert_eq!(index.first_in("talks are off the table, due to the war"), Some(1));
    /// assert_eq!(index.first_in("the reset to zero"), None);
    /// assert_eq!(index.first_in("set to move; due to vote"), Some(0));
    /// ```
    pub fn first_in(&self, text: &str) -> Option<usize> {
        let mut best = self.other.iter().copied().find(|&i| phrase_in(text, &self.phrases[i]));
        for (start, run) in runs(text) {
            if self.lengths & length_bit(run) == 0 || self.first_bytes & first_byte_bit(run) == 0 {
                continue;
            }
            let Ok(k) = self.by_first.binary_search_by(|(key, _)| key.as_str().cmp(run)) else { continue };
            let rest = &text[start..];
            for &i in &self.by_first[k].1 {
                if best.is_some_and(|b| b <= i) {
                    break;
                }
                let phrase = &self.phrases[i];
                if rest.starts_with(phrase.as_str()) && boundary_after(text, start + phrase.len()) {
                    best = Some(i);
                }
            }
        }
        best
    }
}

/// The bit of [`PhraseIndex::lengths`] for a run.
fn length_bit(run: &str) -> u64 {
    1 << run.len().min(63)
}

/// The bit of [`PhraseIndex::first_bytes`] for a (non-empty) run.
fn first_byte_bit(run: &str) -> u128 {
    1 << run.as_bytes()[0].min(127)
}

/// The leading run of letters and digits of `s` (empty if it starts with neither).
fn first_run(s: &str) -> &str {
    let end = s.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The maximal runs of letters and digits of `text`, with their byte offsets.
fn runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            let (alnum, width) = alphanumeric_at(text, i);
            if alnum {
                break;
            }
            i += width;
        }
        if i >= text.len() {
            return None;
        }
        let start = i;
        while i < text.len() {
            let (alnum, width) = alphanumeric_at(text, i);
            if !alnum {
                break;
            }
            i += width;
        }
        Some((start, &text[start..i]))
    })
}

/// Whether the character at byte `i` of `text` (a character boundary) is a letter or
/// digit, and its length in bytes; ASCII without decoding.
fn alphanumeric_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), c.len_utf8())
}

/// Whether no letter or digit follows byte `end` of `text`.
fn boundary_after(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `phrase` occurs in `text` as whole words.
pub fn phrase_in(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        before && boundary_after(text, i + phrase.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index agrees with searching for each phrase in turn.
    #[test]
    fn agrees_with_searching_each_phrase() {
        let phrases = ["off the table", "on the verge of", "on course to", "set to", "no longer", "in case", "in the event", "’s due", "x-ray to"];
        let index = PhraseIndex::new(phrases);
        let texts = [
            "",
            "on",
            "set to",
            "sunset to",
            "set tot",
            "reset to; set to",
            "it is on the verge of collapse, on course to fail",
            "no longer in the events, in case",
            "in case—in the event",
            "it’s due now",
            "an x-ray to check, 3x-ray to",
            "écoles on the verge of",
            "off the tableau, then off the table",
        ];
        for text in texts {
            let slow = phrases.iter().position(|p| phrase_in(text, p));
            assert_eq!(index.first_in(text), slow, "{text:?}");
        }
    }
}
