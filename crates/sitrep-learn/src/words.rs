//! Per-word facts the tagger and parser read, computed once per word: hashes of the
//! lower-cased form, its shape, prefixes and suffixes.

use crate::hash::{bytes_hash, mix, str_hash};
use crate::memo::FormMemo;

/// Longest affix used as a feature, in characters.
pub const AFFIX: usize = 4;

/// The hashed view of one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// The lower-cased form (numbers folded to their shape).
    pub lower: u64,
    /// The shape: `Xxxx`, `dd`, `X.X.`, with runs longer than two shortened.
    pub shape: u64,
    /// Prefixes of 1..=3 characters.
    pub prefix: [u64; 3],
    /// Suffixes of 1..=AFFIX characters.
    pub suffix: [u64; AFFIX],
    /// First letter upper case.
    pub title: bool,
    /// Contains a digit.
    pub digit: bool,
    /// Contains a hyphen.
    pub hyphen: bool,
    /// All letters upper case (and at least one letter).
    pub upper: bool,
}

/// Scratch buffers reused across words, so computing [`WordInfo`] does not allocate, and
/// the facts of the words met lately: news repeats its words, and looking a word up
/// costs a fraction of working its facts out.
pub struct Scratch {
    buffers: Buffers,
    /// Forms met and their [`WordInfo`], in [`Scratch::SEEN`] slots (forms of up to 32
    /// bytes), made after [`Scratch::REMEMBER_AFTER`] words, so that a scratch used for
    /// one sentence costs no more than before.
    seen: FormMemo<WordInfo, 32>,
}

/// The buffers a word's facts are worked out in.
#[derive(Default)]
struct Buffers {
    lower: String,
    shape: String,
}

impl Scratch {
    /// How many forms' facts a scratch keeps (a couple of megabytes).
    pub const SEEN: usize = 1 << 14;

    /// Words a scratch works out before it starts remembering them.
    pub const REMEMBER_AFTER: usize = 1000;
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch { buffers: Buffers::default(), seen: FormMemo::new(Scratch::SEEN, Scratch::REMEMBER_AFTER, WordInfo::default()) }
    }
}

impl WordInfo {
    /// The facts about `form` (already passed through `sitrep_syntax::treebank_form`).
    ///
    /// ```
    /// use sitrep_learn::words::{Scratch, WordInfo};
    /// let mut s = Scratch::default();
    /// let a = WordInfo::new("Troops", &mut s);
    /// let b = WordInfo::new("troops", &mut s);
    /// assert_eq!(a.lower, b.lower);
    /// assert!(a.title && !b.title);
    /// ```
    pub fn new(form: &str, scratch: &mut Scratch) -> WordInfo {
        let Scratch { buffers, seen } = scratch;
        seen.get_or_work_out(form.as_bytes(), || WordInfo::work_out(form, buffers))
    }

    /// [`WordInfo::new`] of each of `forms`, in order, appended to `out`: what `scratch`
    /// remembers of each form is asked for (prefetched) a couple of forms
    /// before it is read, and each form is hashed once for both.
    ///
    /// ```
    /// use sitrep_learn::words::{Scratch, WordInfo};
    /// let (mut s, mut out) = (Scratch::default(), Vec::new());
    /// WordInfo::extend_from(&mut out, ["Troops", "seized", "Kyiv"], &mut s);
    /// assert_eq!(out.len(), 3);
    /// assert_eq!(out[2].lower, WordInfo::new("kyiv", &mut s).lower);
    /// ```
    pub fn extend_from<S: AsRef<str>>(out: &mut Vec<WordInfo>, forms: impl IntoIterator<Item = S>, scratch: &mut Scratch) {
        const AHEAD: usize = 2;
        // The forms asked for and not yet read, with their hashes, oldest at `at`.
        let mut waiting: [Option<(S, u64)>; AHEAD] = std::array::from_fn(|_| None);
        let mut at = 0;
        let read = |out: &mut Vec<WordInfo>, (form, hash): (S, u64), scratch: &mut Scratch| {
            let Scratch { buffers, seen } = scratch;
            let form = form.as_ref();
            out.push(seen.get_or_work_out_hashed(form.as_bytes(), hash, || WordInfo::work_out(form, buffers)));
        };
        for form in forms {
            let hash = bytes_hash(form.as_ref().as_bytes());
            scratch.seen.prefetch_hashed(hash);
            if let Some(oldest) = waiting[at].replace((form, hash)) {
                read(out, oldest, scratch);
            }
            at = (at + 1) % AHEAD;
        }
        for _ in 0..AHEAD {
            if let Some(oldest) = waiting[at].take() {
                read(out, oldest, scratch);
            }
            at = (at + 1) % AHEAD;
        }
    }

    /// The facts about `form`, worked out.
    fn work_out(form: &str, buffers: &mut Buffers) -> WordInfo {
        if form.is_ascii() {
            WordInfo::new_ascii(form, buffers)
        } else {
            WordInfo::new_chars(form, buffers)
        }
    }

    /// The word's hashes and `flags` (below bit 63) as the key of a
    /// [`crate::perceptron::ScoreCache`] entry of scores that depend on nothing else.
    #[inline(always)]
    pub fn cache_key(&self, flags: u64) -> crate::perceptron::CacheKey {
        let (p, s) = (&self.prefix, &self.suffix);
        [self.lower, self.shape, p[0], p[1], p[2], s[0], s[1], s[2], s[3], flags | 1 << 63]
    }

    /// Whether the lower-cased word ends in `tail` (ASCII, 1 to [`AFFIX`] characters),
    /// read from its suffix hashes.
    ///
    /// ```
    /// use sitrep_learn::words::{Scratch, WordInfo};
    /// let w = WordInfo::new("SHELLING", &mut Scratch::default());
    /// assert!(w.ends_with("ing") && !w.ends_with("ed"));
    /// assert!(!WordInfo::new("in", &mut Scratch::default()).ends_with("ing"));
    /// ```
    pub fn ends_with(&self, tail: &str) -> bool {
        let n = tail.len();
        (1..=AFFIX).contains(&n) && self.suffix[n - 1] == mix(bytes_hash(tail.as_bytes()), 200 + (n - 1) as u64)
    }

    /// [`WordInfo::new`] of an ASCII form (nearly every token of English news), byte by
    /// byte: the same facts without decoding characters, asking Unicode's case tables or
    /// building the shape in a `String`.
    fn new_ascii(form: &str, buffers: &mut Buffers) -> WordInfo {
        let bytes = form.as_bytes();
        let (mut title, mut digit, mut hyphen, mut letters, mut uppers) = (false, false, false, 0usize, 0usize);
        let mut shape = [0u8; 64];
        let mut n = 0;
        let (mut last, mut run) = (0u8, 0);
        // The shape of a very long token says nothing more after 64 characters.
        for (i, &b) in bytes.iter().take(64).enumerate() {
            let class = if b.is_ascii_uppercase() {
                letters += 1;
                uppers += 1;
                title |= i == 0;
                b'X'
            } else if b.is_ascii_lowercase() {
                letters += 1;
                b'x'
            } else if b.is_ascii_digit() {
                digit = true;
                b'd'
            } else {
                hyphen |= b == b'-';
                b
            };
            if class == last {
                run += 1;
            } else {
                (run, last) = (1, class);
            }
            if run <= 2 {
                shape[n] = class;
                n += 1;
            }
        }
        let shape = &shape[..n];
        let lower = &mut buffers.lower;
        lower.clear();
        let numeric = digit && bytes.iter().all(|b| b.is_ascii_digit() || b",.:/-".contains(b));
        if numeric {
            lower.push_str(if bytes.len() == 4 && bytes.iter().all(u8::is_ascii_digit) { "!YEAR" } else { "!NUM" });
            lower.push_str(std::str::from_utf8(shape).unwrap_or_default());
        } else {
            lower.push_str(form);
            lower.make_ascii_lowercase();
        }
        let l = lower.as_bytes();
        let prefix: [u64; 3] = std::array::from_fn(|k| mix(bytes_hash(&l[..(k + 1).min(l.len())]), 100 + k as u64));
        let suffix: [u64; AFFIX] = std::array::from_fn(|k| mix(bytes_hash(&l[l.len().saturating_sub(k + 1)..]), 200 + k as u64));
        WordInfo { lower: bytes_hash(l), shape: bytes_hash(shape), prefix, suffix, title, digit, hyphen, upper: letters > 0 && uppers == letters }
    }

    /// [`WordInfo::new`] of any form, character by character.
    fn new_chars(form: &str, buffers: &mut Buffers) -> WordInfo {
        let Buffers { lower, shape } = buffers;
        lower.clear();
        shape.clear();
        let (mut title, mut digit, mut hyphen, mut letters, mut uppers) = (false, false, false, 0usize, 0usize);
        let mut last = '\0';
        let mut run = 0;
        for (i, c) in form.chars().enumerate() {
            if i >= 64 {
                break; // the shape of a very long token says nothing more
            }
            let class = if c.is_uppercase() {
                letters += 1;
                uppers += 1;
                if i == 0 {
                    title = true;
                }
                'X'
            } else if c.is_alphabetic() {
                letters += 1;
                'x'
            } else if c.is_ascii_digit() {
                digit = true;
                'd'
            } else {
                if c == '-' {
                    hyphen = true;
                }
                c
            };
            if class == last {
                run += 1;
            } else {
                run = 1;
                last = class;
            }
            if run <= 2 {
                shape.push(class);
            }
        }
        let numeric = digit && form.chars().all(|c| c.is_ascii_digit() || ",.:/-".contains(c));
        if numeric {
            lower.push_str(if form.len() == 4 && form.bytes().all(|b| b.is_ascii_digit()) { "!YEAR" } else { "!NUM" });
            lower.push_str(shape);
        } else if form.is_ascii() {
            lower.push_str(form);
            lower.make_ascii_lowercase();
        } else {
            for c in form.chars() {
                lower.extend(c.to_lowercase());
            }
        }
        let lower_hash = str_hash(lower);
        let mut prefix = [0u64; 3];
        let mut suffix = [0u64; AFFIX];
        let l = lower.as_str();
        let mut ends = l.char_indices().map(|(i, _)| i).skip(1).chain(std::iter::once(l.len()));
        for (n, p) in prefix.iter_mut().enumerate() {
            let end = ends.next().unwrap_or(l.len());
            *p = mix(bytes_hash(&l.as_bytes()[..end]), 100 + n as u64);
        }
        let mut starts = l.char_indices().rev().map(|(i, _)| i);
        for (n, s) in suffix.iter_mut().enumerate() {
            let start = starts.next().unwrap_or(0);
            *s = mix(bytes_hash(&l.as_bytes()[start..]), 200 + n as u64);
        }
        WordInfo {
            lower: lower_hash,
            shape: str_hash(shape),
            prefix,
            suffix,
            title,
            digit,
            hyphen,
            upper: letters > 0 && uppers == letters,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte reading of ASCII forms gives every fact the character-by-character
    /// one does.
    #[test]
    fn ascii_forms_read_alike() {
        let forms = [
            "", "a", "I", "Troops", "troops", "USA", "U.S.", "Kyiv-based", "--", "1999", "3.5", "1,000", "12:30", "5/6", "-", "co-op", "AAAbbbCCC", "x1", "A1-B2", "'s", "n't", "!!!",
            "\0", "iPhone", "McDONALD", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaBBBBBBBBBBBB", "1234567", "12-34", "ab.cd",
        ];
        let mut s = Buffers::default();
        for f in forms.iter().copied().chain(["\u{0}x", "x\u{0}\u{0}\u{0}y"]) {
            let (a, b) = (WordInfo::new_ascii(f, &mut s), WordInfo::new_chars(f, &mut s));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{f:?}");
        }
    }

    /// The facts of forms read a few at a time, asked for ahead, are those read one by
    /// one, in order, before and after the scratch starts remembering, for any number of
    /// forms (empty, long and non-ASCII ones among them).
    #[test]
    fn forms_read_ahead_read_alike() {
        let (mut ahead, mut plain) = (Scratch::default(), Scratch::default());
        let mut forms: Vec<String> = (0..3000).map(|n| format!("w{}", n % 1300)).collect();
        forms.extend(["", "Kyiv", "Kyïv", "a-very-long-token-of-more-than-thirty-two-bytes", "1999"].map(String::from));
        for n in [1, 2, 3, 5, 17] {
            for chunk in forms.chunks(n).chain([&forms[..0]]) {
                let mut got = Vec::new();
                WordInfo::extend_from(&mut got, chunk, &mut ahead);
                let want: Vec<WordInfo> = chunk.iter().map(|f| WordInfo::new(f, &mut plain)).collect();
                assert_eq!(format!("{got:?}"), format!("{want:?}"), "{n}");
            }
        }
    }
}
