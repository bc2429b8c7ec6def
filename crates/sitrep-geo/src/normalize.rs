//! The normalised form names are matched in: lower case, diacritics folded, apostrophes
//! unified, hyphens and runs of spaces made one space, full stops dropped.
//!
//! ```
//! use sitrep_geo::normalize::normalize;
//! assert_eq!(normalize("Ivano-Frankivsk"), "ivano frankivsk");
//! assert_eq!(normalize("Dnipró"), "dnipro");
//! assert_eq!(normalize("St. Louis"), "st louis");
//! assert_eq!(normalize("Kam’yanets"), "kam'yanets");
//! ```

/// Append the normalised form of `s` to `out` (no leading or trailing space, single
/// spaces inside).
pub fn normalize_into(s: &str, out: &mut String) {
    let start = out.len();
    // Nearly every word is ASCII letters and digits, which are only lower-cased: each
    // byte is looked up, and copied lower-cased, in one pass; at the first other byte
    // what was copied is taken back and the word goes the general way below.
    out.reserve(s.len());
    if s.bytes().all(|b| {
        let lower = ASCII_ALNUM_LOWER[usize::from(b)];
        lower != 0 && {
            out.push(char::from(lower));
            true
        }
    }) {
        return;
    }
    out.truncate(start);
    let mut space = true; // suppress leading space
    for c in s.chars() {
        match c {
            '-' | '‐' | '‑' | '‒' | '–' | '—' | ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '_' | '/' => {
                if !space {
                    out.push(' ');
                    space = true;
                }
            }
            '.' | '\u{301}' | '\u{300}' | '\u{308}' | '\u{306}' | '\u{30c}' | '\u{327}' | '\u{328}' | '\u{304}' => {}
            '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | '′' => {
                out.push('\'');
                space = false;
            }
            c if c.is_ascii() => {
                out.push(c.to_ascii_lowercase());
                space = false;
            }
            c => {
                fold_char(c, out);
                space = false;
            }
        }
    }
    while out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// Each byte's lower case if it is an ASCII letter or digit, else 0.
static ASCII_ALNUM_LOWER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The normalised form of `s` (allocates; use [`normalize_into`] in loops).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Latin letters with diacritics → their base letters; other characters lower-cased.
fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ǎ' | 'ǎ' | 'Ạ' | 'ạ' | 'Ả' | 'ả' | 'Ấ' | 'ấ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' | 'Ẹ' | 'ẹ' | 'Ế' | 'ế' | 'Ề' | 'ề' => "e",
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' | 'Ḥ' | 'ḥ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' | 'Ǐ' | 'ǐ' | 'Ị' | 'ị' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' | 'Ơ' | 'ơ' | 'Ǒ' | 'ǒ' | 'Ọ' | 'ọ' | 'Ố' | 'ố' | 'Ồ' | 'ồ' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' | 'Ṣ' | 'ṣ' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' | 'Ṭ' | 'ṭ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ' | 'ũ' | 'Ū' | 'ū' | 'Ŭ' | 'ŭ' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' | 'Ư' | 'ư' | 'Ǔ' | 'ǔ' | 'Ụ' | 'ụ' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(base);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of the fast path holds each ASCII letter and digit lower-cased, and
    /// nothing else; and words of them normalise as they did when lower-cased whole.
    #[test]
    fn the_ascii_table_lowers_letters_and_digits_only() {
        for b in 0..=255u8 {
            let expected = if b.is_ascii_alphanumeric() { b.to_ascii_lowercase() } else { 0 };
            assert_eq!(ASCII_ALNUM_LOWER[usize::from(b)], expected, "{b}");
        }
        for w in ["Kyiv", "KHARKIV", "b52", "", "x", "Zaporizhzhia2022", "Kyiv's", "São", "U.S."] {
            let mut out = String::from("kept ");
            normalize_into(w, &mut out);
            let simple = if w.bytes().all(|b| b.is_ascii_alphanumeric()) { w.to_ascii_lowercase() } else { normalize(w) };
            assert_eq!(out, format!("kept {simple}"), "{w:?}");
        }
    }

    #[test]
    fn folds_and_unifies() {
        assert_eq!(normalize("  São   Paulo "), "sao paulo");
        assert_eq!(normalize("Київ"), "київ");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("Zaporizhzhia—"), "zaporizhzhia");
        assert_eq!(normalize(""), "");
    }
}
