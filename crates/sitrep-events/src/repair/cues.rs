//! The words a sentence holds that some mend looks for, read once per sentence, so that a
//! mend whose words are absent is skipped without reading the sentence again (most mends
//! look for a word or two that most sentences lack: "who", a semicolon, "according to").

use super::Arcs;
use crate::tree::lower;

/// A set of cue words (bits), each standing for a few words in lower case. A sentence's
/// cues are those of its words and lemmas: a mend is skipped only when none of the words
/// it looks for occurs, in any case, so a cue present says "maybe", never "surely".
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct Cues(u32);

impl Cues {
    /// "who", "whom".
    pub const WHO: Cues = Cues(1 << 0);
    /// A lone apostrophe, straight or curly (a possessive after "s").
    pub const APOSTROPHE: Cues = Cues(1 << 1);
    /// ";".
    pub const SEMICOLON: Cues = Cues(1 << 2);
    /// "to".
    pub const TO: Cues = Cues(1 << 3);
    /// "by", "with".
    pub const BY_WITH: Cues = Cues(1 << 4);
    /// "that".
    pub const THAT: Cues = Cues(1 << 5);
    /// "and".
    pub const AND: Cues = Cues(1 << 6);
    /// "or".
    pub const OR: Cues = Cues(1 << 7);
    /// "but".
    pub const BUT: Cues = Cues(1 << 8);
    /// "was", "were".
    pub const WAS: Cues = Cues(1 << 9);
    /// A form of "have": "had", "has", "have", "'d", "'s", "'ve" (straight or curly).
    pub const HAVE: Cues = Cues(1 << 10);
    /// A word of time a name may be compounded with: "overnight", "today", a weekday …
    pub const TIME_WORD: Cues = Cues(1 << 11);
    /// A result before an object: "dead", "free", "loose", "open".
    pub const RESULT: Cues = Cues(1 << 12);
    /// A closing quotation mark: "”", "''", "\"".
    pub const CLOSING_QUOTE: Cues = Cues(1 << 13);
    /// A conjunction of time: "after", "before", "since", "until", "when", "while".
    pub const CONJUNCTION_OF_TIME: Cues = Cues(1 << 14);
    /// A word of place: "outside", "near", "inside", "beyond" …
    pub const LOCATIVE: Cues = Cues(1 << 15);
    /// ",".
    pub const COMMA: Cues = Cues(1 << 16);
    /// "(".
    pub const PARENTHESIS: Cues = Cues(1 << 17);
    /// A verb of denying or insisting: "deny", "reject", "dismiss", "insist", "add", "claim".
    pub const DENIAL: Cues = Cues(1 << 18);
    /// A verb of naming: "call", "name", "label", "brand", "dub".
    pub const NAMING: Cues = Cues(1 << 19);
    /// A verb of affiliation: "link", "back", "ally", "affiliate", "fund", "arm" …
    pub const AFFILIATION: Cues = Cues(1 << 20);
    /// "-".
    pub const HYPHEN: Cues = Cues(1 << 21);
    /// A captive: "hostage", "prisoner", "captive" and their plurals.
    pub const CAPTIVE: Cues = Cues(1 << 22);
    /// "her".
    pub const HER: Cues = Cues(1 << 23);
    /// "as".
    pub const AS: Cues = Cues(1 << 24);

    /// The cues of both.
    pub const fn or(self, other: Cues) -> Cues {
        Cues(self.0 | other.0)
    }

    /// Whether any cue of `other` is among these.
    pub fn any(self, other: Cues) -> bool {
        self.0 & other.0 != 0
    }

    /// The cues of one word or lemma, as written (any case).
    fn of_word(word: &str) -> Cues {
        // Every cue word is short and nearly every word ASCII: lower-case it on the stack,
        // telling ASCII apart on the way.
        let bytes = word.as_bytes();
        let mut buf = [0u8; 9];
        if let Some(lower) = buf.get_mut(..bytes.len()) {
            let mut seen = 0;
            for (l, &b) in lower.iter_mut().zip(bytes) {
                seen |= b;
                *l = b.to_ascii_lowercase();
            }
            if seen.is_ascii() {
                return Cues::of_lower(lower);
            }
        } else if word.is_ascii() {
            return Cues::default(); // longer than every cue word
        }
        Cues::of_lower(lower(word).as_bytes())
    }

    /// The cues of a word in lower case (UTF-8: "’" is `\xe2\x80\x99`, "”" `\xe2\x80\x9d`),
    /// by its length first, so that most words are told apart by a comparison or two.
    fn of_lower(word: &[u8]) -> Cues {
        match word.len() {
            1 => match word[0] {
                b'\'' => Cues::APOSTROPHE,
                b';' => Cues::SEMICOLON,
                b'"' => Cues::CLOSING_QUOTE,
                b',' => Cues::COMMA,
                b'(' => Cues::PARENTHESIS,
                b'-' => Cues::HYPHEN,
                _ => Cues::default(),
            },
            2 => match word {
                b"to" => Cues::TO,
                b"by" => Cues::BY_WITH,
                b"or" => Cues::OR,
                b"as" => Cues::AS,
                b"'d" | b"'s" => Cues::HAVE,
                b"''" => Cues::CLOSING_QUOTE,
                _ => Cues::default(),
            },
            3 => match word {
                b"who" => Cues::WHO,
                b"and" => Cues::AND,
                b"but" => Cues::BUT,
                b"was" => Cues::WAS,
                b"her" => Cues::HER,
                b"had" | b"has" | b"'ve" => Cues::HAVE,
                b"off" => Cues::LOCATIVE,
                b"add" => Cues::DENIAL,
                b"dub" => Cues::NAMING,
                b"tie" | b"arm" => Cues::AFFILIATION,
                b"\xe2\x80\x99" => Cues::APOSTROPHE,
                b"\xe2\x80\x9d" => Cues::CLOSING_QUOTE,
                _ => Cues::default(),
            },
            4 => match word {
                b"whom" => Cues::WHO,
                b"with" => Cues::BY_WITH,
                b"that" => Cues::THAT,
                b"were" => Cues::WAS,
                b"have" => Cues::HAVE,
                b"dead" | b"free" | b"open" => Cues::RESULT,
                b"when" => Cues::CONJUNCTION_OF_TIME,
                b"near" | b"past" => Cues::LOCATIVE,
                b"deny" => Cues::DENIAL,
                b"call" | b"name" => Cues::NAMING,
                b"link" | b"back" | b"ally" | b"fund" | b"base" => Cues::AFFILIATION,
                b"\xe2\x80\x99d" | b"\xe2\x80\x99s" => Cues::HAVE,
                _ => Cues::default(),
            },
            5 => match word {
                b"today" => Cues::TIME_WORD,
                b"loose" => Cues::RESULT,
                b"after" | b"since" | b"until" | b"while" => Cues::CONJUNCTION_OF_TIME,
                b"along" => Cues::LOCATIVE,
                b"claim" => Cues::DENIAL,
                b"label" | b"brand" => Cues::NAMING,
                b"align" | b"train" => Cues::AFFILIATION,
                b"\xe2\x80\x99ve" => Cues::HAVE,
                _ => Cues::default(),
            },
            6 => match word {
                b"monday" | b"friday" | b"sunday" => Cues::TIME_WORD,
                b"before" => Cues::CONJUNCTION_OF_TIME,
                b"inside" | b"beyond" | b"around" | b"across" | b"behind" | b"toward" | b"within" => Cues::LOCATIVE,
                b"reject" | b"insist" => Cues::DENIAL,
                _ => Cues::default(),
            },
            7 => match word {
                b"tonight" | b"tuesday" => Cues::TIME_WORD,
                b"outside" | b"towards" => Cues::LOCATIVE,
                b"dismiss" => Cues::DENIAL,
                b"sponsor" | b"connect" | b"support" => Cues::AFFILIATION,
                b"hostage" | b"captive" => Cues::CAPTIVE,
                _ => Cues::default(),
            },
            8 => match word {
                b"thursday" | b"saturday" => Cues::TIME_WORD,
                b"hostages" | b"prisoner" | b"captives" => Cues::CAPTIVE,
                _ => Cues::default(),
            },
            9 => match word {
                b"overnight" | b"yesterday" | b"wednesday" => Cues::TIME_WORD,
                b"affiliate" | b"associate" => Cues::AFFILIATION,
                b"prisoners" => Cues::CAPTIVE,
                _ => Cues::default(),
            },
            _ => Cues::default(),
        }
    }
}

impl Arcs<'_, '_> {
    /// The cues of the words and lemmas of the sentence `[a, b)`.
    pub(super) fn cues(&self, a: usize, b: usize) -> Cues {
        let mut cues = 0;
        for k in a..b {
            let (word, lemma) = (self.word(k), self.doc.syntax.lemma(k));
            cues |= Cues::of_word(word).0;
            // (A lemma written as its word, as most are, has the word's cues.)
            if lemma != word {
                cues |= Cues::of_word(lemma).0;
            }
        }
        Cues(cues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_any_case_give_their_cues() {
        assert_eq!(Cues::of_word("Who"), Cues::WHO);
        assert_eq!(Cues::of_word("WHOM"), Cues::WHO);
        assert_eq!(Cues::of_word("’S"), Cues::HAVE);
        assert_eq!(Cues::of_word("’"), Cues::APOSTROPHE);
        assert_eq!(Cues::of_word("”"), Cues::CLOSING_QUOTE);
        assert_eq!(Cues::of_word("Overnight"), Cues::TIME_WORD);
        assert_eq!(Cues::of_word("troops"), Cues::default());
        assert_eq!(Cues::of_word("extraordinarily"), Cues::default());
        assert_eq!(Cues::of_word("Zürich"), Cues::default());
    }

    /// Every word a gated mend looks for gives the mend's cue (the lists of the mends).
    #[test]
    fn every_word_of_the_mends_has_its_cue() {
        let lists: &[(Cues, &[&str])] = &[
            (Cues::WHO, &["who", "whom"]),
            (Cues::APOSTROPHE, &["'", "’"]),
            (Cues::SEMICOLON, &[";"]),
            (Cues::TO, &["to"]),
            (Cues::BY_WITH, &["by", "with"]),
            (Cues::THAT, &["that"]),
            (Cues::AND, &["and"]),
            (Cues::OR, &["or"]),
            (Cues::BUT, &["but"]),
            (Cues::WAS, &["was", "were"]),
            (Cues::HAVE, &["had", "has", "have", "'d", "'s", "'ve", "’d", "’s", "’ve"]),
            (Cues::TIME_WORD, &["overnight", "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
            (Cues::RESULT, &["dead", "free", "loose", "open"]),
            (Cues::CLOSING_QUOTE, &["”", "''", "\""]),
            (Cues::CONJUNCTION_OF_TIME, &["after", "before", "since", "until", "when", "while"]),
            (Cues::LOCATIVE, &["outside", "near", "inside", "beyond", "around", "across", "behind", "along", "toward", "towards", "off", "past", "within"]),
            (Cues::COMMA, &[","]),
            (Cues::PARENTHESIS, &["("]),
            (Cues::DENIAL, &["deny", "reject", "dismiss", "insist", "add", "claim"]),
            (Cues::NAMING, &["call", "name", "label", "brand", "dub"]),
            (Cues::AFFILIATION, &["link", "back", "ally", "affiliate", "associate", "tie", "align", "fund", "sponsor", "arm", "train", "base", "connect", "support"]),
            (Cues::HYPHEN, &["-"]),
            (Cues::HER, &["her"]),
            (Cues::AS, &["as"]),
            (Cues::CAPTIVE, &["hostage", "hostages", "prisoner", "prisoners", "captive", "captives"]),
        ];
        for &(cue, words) in lists {
            for w in words {
                assert!(Cues::of_word(w).any(cue), "{w}");
                assert!(Cues::of_word(&w.to_uppercase()).any(cue), "{w}");
            }
        }
    }
}
