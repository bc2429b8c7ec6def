//! Which language a report is written in, so non-English ones are flagged, not coded.

/// Detect the language of `text` from its first kilobyte.
///
/// Returns an ISO 639-1 code where one exists (`en`, `de`, `uk`), else ISO 639-3, or
/// `None` when the text is too short or mixed to tell reliably.
///
/// ```
/// use sitrep_ingest::detect_language;
/// assert_eq!(detect_language("Russian troops bore down on the capital on Friday, with gunfire and explosions resonating ever closer."), Some("en"));
/// assert_eq!(detect_language("Die russischen Truppen rückten am Freitag auf die Hauptstadt vor, begleitet von Schüssen und Explosionen."), Some("de"));
/// assert_eq!(detect_language("ok"), None);
/// // English words in a Spanish sentence do not make it English.
/// assert_eq!(detect_language("Las tropas rusas avanzaron el viernes hacia la capital de Ucrania, con disparos y explosiones."), Some("es"));
/// ```
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.split_whitespace().count() < 5 {
        return None;
    }
    // Fast path: English prose is a third function words; other languages (even those
    // in Latin script) hardly use these. Most reports stop here, without trigram scoring.
    if english_function_word_share(sample) >= 0.2 {
        return Some("en");
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    let lang = info.lang();
    Some(iso639_1(lang).unwrap_or_else(|| lang.code()))
}

/// Share of the words of `sample` that are common English function words.
fn english_function_word_share(sample: &str) -> f64 {
    let (mut words, mut hits) = (0u32, 0u32);
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        let lower = word.to_ascii_lowercase();
        let hit = matches!(
            lower.as_str(),
            "the" | "of" | "and" | "to" | "in" | "a" | "is" | "that" | "for" | "on" | "with" | "was" | "as" | "by"
                | "he" | "it" | "at" | "said" | "from" | "his" | "an" | "were" | "are" | "have" | "has" | "had"
                | "be" | "this" | "they" | "not" | "but" | "who" | "their" | "which" | "been" | "would" | "after"
        );
        hits += hit as u32;
    }
    if words == 0 { 0.0 } else { f64::from(hits) / f64::from(words) }
}

/// True when a language code (given or detected) means English.
///
/// ```
/// assert!(sitrep_ingest::is_english("en-GB"));
/// assert!(!sitrep_ingest::is_english("uk"));
/// ```
pub fn is_english(code: &str) -> bool {
    let code = code.to_ascii_lowercase();
    code == "en" || code == "eng" || code.starts_with("en-") || code.starts_with("en_")
}

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en", Rus => "ru", Ukr => "uk", Deu => "de", Fra => "fr", Spa => "es", Por => "pt",
        Ita => "it", Nld => "nl", Pol => "pl", Tur => "tr", Ara => "ar", Heb => "he", Pes => "fa",
        Hin => "hi", Urd => "ur", Ben => "bn", Cmn => "zh", Jpn => "ja", Kor => "ko", Vie => "vi",
        Ind => "id", Swe => "sv", Dan => "da", Nob => "nb", Fin => "fi", Ces => "cs", Slk => "sk",
        Ron => "ro", Hun => "hu", Ell => "el", Bul => "bg", Srp => "sr", Hrv => "hr", Bel => "be",
        Tha => "th", Kat => "ka", Hye => "hy", Aze => "az",
        _ => return None,
    })
}
