//! Tokens in the Penn Treebank / UD English style the syntax layer is trained on:
//! clitics split (`Ukraine` `’s`, `do` `n't`), hyphens split (`non` `-` `aligned`),
//! abbreviations keep their full stop (`U.S.`, `Gen.`, `No.` before a number), numbers
//! stay whole (`150,000`, `1.30`, `2022-02-24`), URLs and handles stay whole.

use sitrep_core::{Span, Token, TokenKind};

use crate::abbrev;
use crate::chars::{class, Class};

/// Tokenize `text[start..end]`, appending to `out`. Offsets are into `text`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut i = start;
    while i < end {
        let c = char_at(text, i);
        let (kind, stop) = match class(c) {
            Class::Space => {
                i += c.len_utf8();
                continue;
            }
            _ if matches!(c, 'h' | 'H' | 'w' | 'W' | '@' | '#') && starts_web(text, i, end) => (TokenKind::Web, web_end(text, i, end)),
            Class::Letter if is_negation_clitic(text, i, end) => (TokenKind::Word, i + 3 + apostrophe_len(text, i + 1) - 1),
            Class::Letter => (TokenKind::Word, word_end(text, i, end)),
            Class::Digit => (TokenKind::Number, number_end(text, i, end)),
            // "''" and "``": the typewriter's quotation marks (''Hello,'' he said), one
            // token each as in the Penn Treebank.
            Class::Apostrophe | Class::Symbol if is_double_mark(text, i, end) => (TokenKind::Punct, i + 2),
            Class::Apostrophe => match clitic_end(text, i, end) {
                Some(stop) if i > start && matches!(class(char_before(text, i)), Class::Letter | Class::Digit) => (TokenKind::Word, stop),
                _ => (TokenKind::Punct, i + c.len_utf8()),
            },
            Class::Punct => (TokenKind::Punct, punct_end(text, i, end, c)),
            Class::Mark | Class::Symbol => (TokenKind::Symbol, i + c.len_utf8()),
        };
        out.push(Token { span: Span::from_usize(i, stop), kind });
        i = stop;
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or('\u{FFFD}')
    }
}

#[inline]
fn char_before(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or(' ')
}

/// `''` or ` `` ` at `i`: two ASCII apostrophes or two backticks, used as a quotation mark.
#[inline]
fn is_double_mark(text: &str, i: usize, end: usize) -> bool {
    let b = text.as_bytes();
    i + 1 < end && matches!(b[i], b'\'' | b'`') && b[i + 1] == b[i]
}

fn apostrophe_len(text: &str, i: usize) -> usize {
    char_at(text, i).len_utf8()
}

/// `n't` at `i`: `n`, an apostrophe, `t`, then not a letter.
fn is_negation_clitic(text: &str, i: usize, end: usize) -> bool {
    let b = text.as_bytes();
    if !matches!(b[i], b'n' | b'N') || i + 1 >= end {
        return false;
    }
    let apo = char_at(text, i + 1);
    if class(apo) != Class::Apostrophe {
        return false;
    }
    let t = i + 1 + apo.len_utf8();
    t < end && matches!(b[t], b't' | b'T') && (t + 1 >= end || !is_word_char(char_at(text, t + 1)))
}

#[inline]
fn is_word_char(c: char) -> bool {
    matches!(class(c), Class::Letter | Class::Digit | Class::Mark)
}

/// End of the clitic (`’s`, `'re`, `’ve`, `'ll`, `’d`, `'m`) starting with the apostrophe
/// at `i`, if that is what it is.
fn clitic_end(text: &str, i: usize, end: usize) -> Option<usize> {
    let after = i + char_at(text, i).len_utf8();
    let mut j = after;
    while j < end && text.as_bytes()[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j < end && is_word_char(char_at(text, j)) {
        return None;
    }
    let suffix = &text[after..j];
    let known = ["s", "re", "ve", "ll", "d", "m"].iter().any(|k| suffix.eq_ignore_ascii_case(k));
    known.then_some(j)
}

/// End of a word starting at `i`: letters, digits and marks, apostrophes inside names
/// (`O'Brien`) but not before clitics, acronyms with inner stops (`U.S.`, `a.m.`), and a
/// full stop when the word is a known abbreviation or an initial.
fn word_end(text: &str, i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    // Acronyms: a single letter, then (`.` letter)+, then an optional final `.`.
    if i + 2 < end && b[i + 1] == b'.' && b[i].is_ascii_alphabetic() && b[i + 2].is_ascii_alphabetic() && (i + 3 >= end || !b[i + 3].is_ascii_alphabetic()) {
        let mut j = i + 1;
        while j + 1 < end && b[j] == b'.' && b[j + 1].is_ascii_alphabetic() && (j + 2 >= end || !b[j + 2].is_ascii_alphabetic()) {
            j += 2;
        }
        if j < end && b[j] == b'.' {
            j += 1;
        }
        return j;
    }
    let mut j = i;
    while j < end {
        // Fast path: a run of ASCII letters and digits.
        while j < end && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j >= end {
            break;
        }
        let c = char_at(text, j);
        match class(c) {
            Class::Letter | Class::Digit | Class::Mark => j += c.len_utf8(),
            Class::Apostrophe => {
                let next = j + c.len_utf8();
                let continues = next < end && class(char_at(text, next)) == Class::Letter;
                if !continues || clitic_end(text, j, end).is_some() || is_negation_clitic(text, j - 1, end) && j - 1 > i {
                    break;
                }
                j = next;
            }
            _ => break,
        }
    }
    // `don't`: the word stops before the `n` of `n't`.
    if j < end && j > i + 1 && class(char_at(text, j)) == Class::Apostrophe && is_negation_clitic(text, j - 1, end) {
        return j - 1;
    }
    if j < end && b[j] == b'.' && keeps_full_stop(text, i, j, end) {
        return j + 1;
    }
    j
}

/// Does the word `text[i..j]`, followed by `.`, keep the full stop?
fn keeps_full_stop(text: &str, i: usize, j: usize, end: usize) -> bool {
    let word = &text[i..j];
    let b = text.as_bytes();
    // A following letter or digit (`e.g`, `3.5`) is not a full stop after a word.
    if j + 1 < end && b[j + 1].is_ascii_alphanumeric() {
        return false;
    }
    if word.len() == 1 && b[i].is_ascii_uppercase() {
        return true; // an initial
    }
    if word == "No" || word == "no" || word == "Nos" || word == "Art" {
        // Only before a number: `No. 1 target`, not `the answer was no.`
        let mut k = j + 1;
        while k < end && b[k] == b' ' {
            k += 1;
        }
        return k > j + 1 && k < end && b[k].is_ascii_digit();
    }
    abbrev::lookup(word).is_some()
}

/// End of a number: digits with inner `,` `.` `:` `/` before digits, an ISO date's
/// hyphens, an ordinal suffix (`24th`) and a decade's `s` (`1990s`).
fn number_end(text: &str, i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let digits = |mut j: usize| {
        while j < end && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut j = digits(i);
    if j == i {
        // A non-ASCII digit: take the run of numeric characters.
        while j < end && class(char_at(text, j)) == Class::Digit {
            j += char_at(text, j).len_utf8();
        }
        return j;
    }
    // 2022-02-24
    if j - i == 4 && j + 6 <= end && b[j] == b'-' && digits(j + 1) == j + 3 && b.get(j + 3) == Some(&b'-') && digits(j + 4) == j + 6 && (j + 6 >= end || !b[j + 6].is_ascii_alphanumeric()) {
        return j + 6;
    }
    while j + 1 < end && matches!(b[j], b',' | b'.' | b':' | b'/') && b[j + 1].is_ascii_digit() {
        j = digits(j + 1);
    }
    // A decade ("1990s", "90s") is one word, as treebanks write it.
    if (j - i == 4 || j - i == 2) && b[j - 1] == b'0' && j < end && b[j] == b's' && (j + 1 >= end || !is_word_char(char_at(text, j + 1))) {
        return j + 1;
    }
    if j + 1 < end {
        let suffix = &b[j..j + 2];
        let ordinal = [b"st", b"nd", b"rd", b"th"].iter().any(|s| suffix.eq_ignore_ascii_case(*s));
        if ordinal && (j + 2 >= end || !is_word_char(char_at(text, j + 2))) {
            return j + 2;
        }
    }
    j
}

/// End of punctuation at `i`: runs of `.`, `-`, `!`/`?` stay together (`...`, `--`, `?!`).
fn punct_end(text: &str, i: usize, end: usize, c: char) -> usize {
    let b = text.as_bytes();
    let same_run = |j: usize| match c {
        '.' => b[j] == b'.',
        '-' => b[j] == b'-',
        '!' | '?' => matches!(b[j], b'!' | b'?'),
        _ => false,
    };
    let mut j = i + c.len_utf8();
    while j < end && same_run(j) {
        j += 1;
    }
    j
}

/// A URL (`http://`, `https://`, `www.`), an e-mail address, `@handle` or `#hashtag`.
fn starts_web(text: &str, i: usize, end: usize) -> bool {
    let b = &text.as_bytes()[i..end];
    let lower_starts = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    if lower_starts(b"http://") || lower_starts(b"https://") || (lower_starts(b"www.") && b.len() > 5 && b[4].is_ascii_alphanumeric()) {
        return true;
    }
    if matches!(b[0], b'@' | b'#') {
        let before_ok = i == 0 || !is_word_char(char_before(text, i));
        return before_ok && b.len() > 1 && (b[1].is_ascii_alphabetic() || b[1] == b'_');
    }
    false
}

fn web_end(text: &str, i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    if matches!(b[i], b'@' | b'#') {
        let mut j = i + 1;
        while j < end && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
            j += 1;
        }
        return j;
    }
    let mut j = i;
    while j < end {
        let c = char_at(text, j);
        if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”') {
            break;
        }
        j += c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence, not the URL.
    while j > i + 1 {
        let last = char_before(text, j);
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’') {
            j -= last.len_utf8();
        } else {
            break;
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn clitics_and_negation() {
        assert_eq!(toks("Ukraine’s capital"), ["Ukraine", "’s", "capital"]);
        assert_eq!(toks("We don't know"), ["We", "do", "n't", "know"]);
        assert_eq!(toks("We’re all scared"), ["We", "’re", "all", "scared"]);
        assert_eq!(toks("can't won’t"), ["ca", "n't", "wo", "n’t"]);
        assert_eq!(toks("O'Brien's"), ["O'Brien", "'s"]);
        assert_eq!(toks("countries’ leaders"), ["countries", "’", "leaders"]);
        assert_eq!(toks("‘rock’"), ["‘", "rock", "’"]);
    }

    #[test]
    fn abbreviations_keep_their_stop() {
        assert_eq!(toks("U.S. officials"), ["U.S.", "officials"]);
        assert_eq!(toks("the U.S.-led bloc"), ["the", "U.S.", "-", "led", "bloc"]);
        assert_eq!(toks("Gen. Smith"), ["Gen.", "Smith"]);
        assert_eq!(toks("at 9 a.m. today"), ["at", "9", "a.m.", "today"]);
        assert_eq!(toks("J. K. Rowling"), ["J.", "K.", "Rowling"]);
        assert_eq!(toks("No. 1 target"), ["No.", "1", "target"]);
        assert_eq!(toks("said no. Then"), ["said", "no", ".", "Then"]);
        assert_eq!(toks("Kyiv. Then"), ["Kyiv", ".", "Then"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("150,000 troops"), ["150,000", "troops"]);
        assert_eq!(toks("1.30am IST"), ["1.30", "am", "IST"]);
        assert_eq!(toks("on 2022-02-24, 2/24/22"), ["on", "2022-02-24", ",", "2/24/22"]);
        assert_eq!(toks("February 24th"), ["February", "24th"]);
        assert_eq!(toks("60km"), ["60", "km"]);
        assert_eq!(toks("$5.5bn"), ["$", "5.5", "bn"]);
        assert_eq!(toks("1990-1995"), ["1990", "-", "1995"]);
        // Decades stay whole, as treebanks write them; other numbers with an "s" do not.
        assert_eq!(toks("the 1990s, the '80s"), ["the", "1990s", ",", "the", "'", "80s"]);
        assert_eq!(toks("1930s-era 1995s 5s"), ["1930s", "-", "era", "1995", "s", "5", "s"]);
    }

    #[test]
    fn punctuation_hyphens_and_web() {
        assert_eq!(toks("non-aligned"), ["non", "-", "aligned"]);
        assert_eq!(toks("warfare — including"), ["warfare", "—", "including"]);
        assert_eq!(toks("Wait... What?!"), ["Wait", "...", "What", "?!"]);
        assert_eq!(toks("see https://example.org/a?b=1."), ["see", "https://example.org/a?b=1", "."]);
        assert_eq!(toks("@AP_Europe #Kyiv"), ["@AP_Europe", "#Kyiv"]);
        assert_eq!(toks("“When bombs fall,”"), ["“", "When", "bombs", "fall", ",", "”"]);
        assert_eq!(toks("Київ і Харків"), ["Київ", "і", "Харків"]);
        assert_eq!(toks("cafe\u{301} 🚀"), ["cafe\u{301}", "🚀"]);
    }
}
