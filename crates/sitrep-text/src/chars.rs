//! Character classes the tokenizer needs, and the normalised view used for matching.

/// How the tokenizer sees one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Space,
    Letter,
    Digit,
    /// Apostrophes: `'` and `’`.
    Apostrophe,
    /// A combining mark or soft hyphen: part of the word it follows.
    Mark,
    Punct,
    Symbol,
}

/// Class of `c`. ASCII goes through a table; the rest through `char` methods and a
/// short list of punctuation that news text uses.
#[inline(always)]
pub(crate) fn class(c: char) -> Class {
    if c.is_ascii() {
        return ASCII[c as usize];
    }
    class_non_ascii(c)
}

#[inline(never)]
fn class_non_ascii(c: char) -> Class {
    match c {
        '’' | '‘' | 'ʼ' => Class::Apostrophe,
        '\u{AD}' | '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' => Class::Mark,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Class::Space,
        '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '‚' | '–' | '—' | '―' | '‒' | '‐' | '‑' | '…' | '·' | '•' | '¿' | '¡' | '§' | '¶' | '†' | '‡' | '′' | '″' | '〈' | '〉' | '「' | '」' | '『' | '』' | '【' | '】' | '、' | '。' | '，' | '：' | '；' | '？' | '！' | '（' | '）' => Class::Punct,
        _ if c.is_whitespace() => Class::Space,
        _ if c.is_alphabetic() => Class::Letter,
        _ if c.is_numeric() => Class::Digit,
        _ => Class::Symbol,
    }
}

const ASCII: [Class; 128] = {
    let mut table = [Class::Symbol; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = if b.is_ascii_whitespace() || b == 0x0b {
            Class::Space
        } else if b.is_ascii_alphabetic() {
            Class::Letter
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if b == b'\'' {
            Class::Apostrophe
        } else if matches!(b, b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~' | b'@' | b'#' | b'%' | b'&' | b'*') || b < 0x20 || b == 0x7f {
            Class::Symbol
        } else {
            Class::Punct
        };
        i += 1;
    }
    table
};

/// The character as matching should see it: curly quotes and apostrophes become
/// straight, every dash and hyphen becomes `-`, every space becomes ` `, `…` stays.
///
/// ```
/// use sitrep_text::fold_char;
/// assert_eq!(fold_char('’'), '\'');
/// assert_eq!(fold_char('“'), '"');
/// assert_eq!(fold_char('—'), '-');
/// assert_eq!(fold_char('\u{a0}'), ' ');
/// assert_eq!(fold_char('K'), 'K'); // case is folded separately
/// ```
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '–' | '—' | '―' | '‒' | '‐' | '‑' | '−' => '-',
        _ if c.is_whitespace() => ' ',
        _ => c,
    }
}

/// `text` in the normalised view of [`fold_char`], lower-cased. Borrowed when nothing
/// changes. Offsets into the result do **not** point into the original text: use it to
/// compare, never to locate.
///
/// ```
/// use sitrep_text::normalize;
/// assert_eq!(normalize("Ukraine’s"), "ukraine's");
/// assert_eq!(normalize("kyiv"), "kyiv");
/// ```
pub fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let clean = text.chars().all(|c| fold_char(c) == c && !c.is_uppercase());
    if clean {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.extend(fold_char(c).to_lowercase());
    }
    std::borrow::Cow::Owned(out)
}

/// True for characters that separate words and lines but are invisible: white space,
/// zero-width spaces and the byte-order mark.
#[inline]
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// True for marks that open a quotation or bracket.
#[inline]
pub(crate) fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{')
}

/// True for marks that can close a sentence's quotation or bracket after its full stop.
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '»' | '›' | ')' | ']' | '}')
}
