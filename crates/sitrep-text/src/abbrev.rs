//! Abbreviations that keep their full stop, and the words that can only start a
//! sentence, which is how an abbreviation at a sentence's end is told apart.

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Precedes a name or number and never ends a sentence: `Mr.`, `Gen.`, `No. 1`.
    Title,
    /// May end a sentence: `U.S.`, `Inc.`, `a.m.`, `Feb.`.
    Other,
}

/// Titles and honorifics: always followed by a name.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Capt",
    "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Pres",
    "Rev", "Hon", "Fr", "Sr", "Jr", "St", "Ste", "Mt", "Ft", "Supt", "Insp", "Det", "Amb", "Atty", "Ald",
    "Cllr", "Lieut", "Sec", "Secs", "Spc", "Gov", "Msgr", "Sra", "Srta",
];

/// Other abbreviations with a full stop in news prose.
const OTHERS: &[&str] = &[
    // months and weekdays
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    // companies, addresses, references
    "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Plc", "Esq", "Ave", "Blvd", "Rd", "Hwy", "Sq", "Dept",
    "Univ", "Assn", "Natl", "Intl", "Govt", "Nos", "Vol", "Vols", "Fig", "Figs", "Eq", "Art", "Arts",
    "approx", "est", "etc", "vs", "cf", "al", "ca", "pp", "vol", "fig", "incl", "excl", "min", "max",
    "dept", "govt", "no", "nos", "op", "ed", "eds", "trans", "Ph", "Ed", "Op",
    // US states as AP writes them
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
    "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Look up a word (without its full stop) that is followed by one.
pub(crate) fn lookup(word: &str) -> Option<Abbrev> {
    if word.len() > 6 {
        return None;
    }
    if TITLES.contains(&word) {
        Some(Abbrev::Title)
    } else if OTHERS.contains(&word) {
        Some(Abbrev::Other)
    } else {
        None
    }
}

/// Words that start sentences and almost never continue a name or follow an
/// abbreviation inside one: after `U.S.` or `a.m.`, one of these means a new sentence.
const STARTERS: &[&str] = &[
    "A", "After", "Afterwards", "Again", "All", "Also", "Although", "An", "And", "Another", "Any",
    "As", "At", "Because", "Before", "Both", "But", "By", "Despite", "During", "Each", "Earlier",
    "Either", "Even", "Every", "For", "From", "Further", "He", "Her", "Here", "His", "How", "However",
    "I", "If", "In", "Instead", "It", "Its", "Last", "Later", "Many", "Meanwhile", "More", "Most",
    "Much", "My", "Neither", "Nevertheless", "No", "Nor", "Not", "Now", "Of", "On", "Once", "One",
    "Only", "Or", "Other", "Our", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To", "Two", "Under", "Unlike",
    "Until", "We", "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Yet",
    "You", "Your",
];

/// True when `word` is one of the [`STARTERS`].
pub(crate) fn is_starter(word: &str) -> bool {
    word.len() <= 11 && STARTERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_are_sorted_for_binary_search() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]), "keep STARTERS sorted");
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup("Gen"), Some(Abbrev::Title));
        assert_eq!(lookup("Feb"), Some(Abbrev::Other));
        assert_eq!(lookup("Kyiv"), None);
        assert!(is_starter("The") && !is_starter("Secretary"));
    }
}
