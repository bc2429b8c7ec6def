//! Keys that make differently written names meet: case, diacritics, typographic
//! apostrophes and the usual transliteration variants of Slavic surnames
//! (Zelenskiy, Zelensky, Zelenskyy → `zelensky`).

/// The comparison key of a name or word.
///
/// ```
/// use sitrep_actors::names::key;
/// assert_eq!(key("Zelenskiy"), key("Zelenskyy"));
/// assert_eq!(key("Zelensky"), "zelensky");
/// assert_eq!(key("Sergei Lavrov"), key("Sergey Lavrov"));
/// assert_eq!(key("Côte d’Ivoire"), "cote d'ivoire");
/// ```
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut out);
    out
}

/// [`key`], written into `out` (cleared first), in one pass: apostrophes made plain,
/// letters folded, runs of white space made one space (none at either end), and each word
/// rewritten as it ends.
pub fn key_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        return ascii_key_into(name, out);
    }
    // Where the current word starts in `out`.
    let mut start = 0;
    for c in name.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '`' => out.push('\''),
            c if c.is_whitespace() => {
                if out.len() > start {
                    word_key(out, start);
                    out.push(' ');
                    start = out.len();
                }
            }
            c => out.push(fold(c)),
        }
    }
    if out.len() > start {
        word_key(out, start);
    } else if start > 0 {
        // Trailing white space.
        out.pop();
    }
}

/// [`key_into`] for an ASCII `name`: its lower case when that is its key
/// ([`plain_ascii`], nearly every name), else byte by byte.
fn ascii_key_into(name: &str, out: &mut String) {
    if plain_ascii(name) {
        out.push_str(name);
        out.make_ascii_lowercase();
        return;
    }
    let mut start = 0;
    for b in name.bytes() {
        match b {
            b'`' => out.push('\''),
            // The ASCII white space of `char::is_whitespace` (which has U+000B, unlike
            // `u8::is_ascii_whitespace`).
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => {
                if out.len() > start {
                    word_key(out, start);
                    out.push(' ');
                    start = out.len();
                }
            }
            b => out.push(b.to_ascii_lowercase() as char),
        }
    }
    if out.len() > start {
        word_key(out, start);
    } else if start > 0 {
        out.pop();
    }
}

/// Whether the key of the ASCII `name` is its lower case: words parted by single spaces,
/// none at either end, no other white space, no backquote, and no word that
/// [`word_key`] rewrites (longer than four letters and ending in one of its endings).
fn plain_ascii(name: &str) -> bool {
    let rewritten = |word: &[u8]| match word {
        [.., a, b] if word.len() > 4 => matches!([a.to_ascii_lowercase(), b.to_ascii_lowercase()], [b'y' | b'i', b'y'] | [b'i', b'j'] | [b'y' | b'i' | b'e' | b'a', b'i']),
        _ => false,
    };
    let bytes = name.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // (Letters, digits and punctuation first, in one test.)
        if b > b' ' && b != b'`' {
            continue;
        }
        match b {
            b' ' => {
                if i == start || rewritten(&bytes[start..i]) {
                    return false;
                }
                start = i + 1;
            }
            b'`' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => return false,
            _ => {}
        }
    }
    start < bytes.len() && !rewritten(&bytes[start..])
}

/// Call `f` with the [`key`] of `name`, built in a buffer kept for the purpose instead of
/// a new string (for lookups).
pub fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            key_into(name, &mut buffer);
            f(&buffer)
        }
        // Called again from inside `f`: a string of its own.
        Err(_) => f(&key(name)),
    })
}

/// Rewrite the word that ends `s` at byte `start` into its key.
fn word_key(s: &mut String, start: usize) {
    if s.len() - start <= 4 {
        return;
    }
    for (from, to) in [("yy", "y"), ("iy", "y"), ("ij", "y"), ("yi", "y"), ("ii", "i")] {
        if s.len() - start > 4 && s.ends_with(from) {
            s.truncate(s.len() - from.len());
            s.push_str(to);
        }
    }
    // Sergei/Sergey, Nikolai/Nikolay: a final "ei"/"ai" written "ey"/"ay".
    if s.len() - start > 4 && (s.ends_with("ei") || s.ends_with("ai")) {
        s.pop();
        s.push('y');
    }
}

/// Lower case without diacritics, for the letters of European and transliterated names.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`key`] as first written: two passes and a string for each.
    fn key_as_written(name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        for c in name.chars() {
            match c {
                '’' | '‘' | 'ʼ' | '`' => out.push('\''),
                c if c.is_whitespace() => {
                    if !out.ends_with(' ') && !out.is_empty() {
                        out.push(' ');
                    }
                }
                c => out.push(fold(c)),
            }
        }
        let trimmed = out.trim_end();
        let mut key = String::with_capacity(trimmed.len());
        for (i, w) in trimmed.split(' ').enumerate() {
            if i > 0 {
                key.push(' ');
            }
            let start = key.len();
            key.push_str(w);
            word_key(&mut key, start);
        }
        key
    }

    #[test]
    fn one_pass_key_is_the_key_as_written() {
        let names = [
            "", " ", "  \t\n", "Zelenskiy", "Zelenskyy", " Sergei   Lavrov ", "Côte d’Ivoire", "the  Kremlin\u{0B}", "ZELENSKIYI", "Nikolai\r\nPatrushev",
            "Mariupol\u{A0}Oblast", "İstanbul", "O`Brien\x1c", "Ab yy", "Abcdyy", "Abcdiyy", "Petrii ", "x\u{2003}Aleksandr Lukashenkoi",
            "Sergei Lavrov", "Nikolai  Patrushev", "Zelenskiy said", "VOLODYMYR ZELENSKIY", "Dubai police", "the Kremlin", "Ab cdei x", "Mumbai", "Hawaii",
            "Sergey lAvroV", "Petro PoroshenkO",
        ];
        for name in names {
            assert_eq!(key(name), key_as_written(name), "{name:?}");
        }
        for b in 0u8..128 {
            for name in [format!("Abc{}Defyi", b as char), format!("{}", b as char), format!("Abcde{}", b as char)] {
                assert_eq!(key(&name), key_as_written(&name), "{name:?}");
            }
        }
    }
}
