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
    let trimmed = out.trim_end().to_string();
    trimmed.split(' ').map(word_key).collect::<Vec<_>>().join(" ")
}

fn word_key(w: &str) -> String {
    let mut w = w.to_string();
    for (from, to) in [("yy", "y"), ("iy", "y"), ("ij", "y"), ("yi", "y"), ("ii", "i")] {
        if w.len() > 4 && w.ends_with(from) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
        }
    }
    // Sergei/Sergey, Nikolai/Nikolay: a final "ei"/"ai" written "ey"/"ay".
    if w.len() > 4 && (w.ends_with("ei") || w.ends_with("ai")) {
        w.pop();
        w.push('y');
    }
    w
}

/// Lower case without diacritics, for the letters of European and transliterated names.
pub fn fold(c: char) -> char {
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
