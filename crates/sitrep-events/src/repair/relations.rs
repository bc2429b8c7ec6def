//! The relations a sentence's arcs bear that some mend looks for, read once per sentence
//! and added to whenever a mend sets a relation, so that a mend whose relation no token
//! bears is skipped without reading the sentence again. Nothing is taken away when a
//! relation is replaced or a mend undone: a relation present says "maybe", never
//! "surely".

/// A set of relations (bits), each standing for the labels that start with its own
/// ("ccomp" for "ccomp" and "ccomp:…"), so that a mend that tests a label for equality
/// or for its start is skipped only when no token bears it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct Relations(u32);

impl Relations {
    /// "acl", "acl:relcl".
    pub const ACL: Relations = Relations(1 << 0);
    /// "advcl", "advcl:…".
    pub const ADVCL: Relations = Relations(1 << 1);
    /// "appos".
    pub const APPOS: Relations = Relations(1 << 2);
    /// "ccomp", "ccomp:…".
    pub const CCOMP: Relations = Relations(1 << 3);
    /// "csubj", "csubj:pass".
    pub const CSUBJ: Relations = Relations(1 << 4);
    /// "iobj".
    pub const IOBJ: Relations = Relations(1 << 5);
    /// "nsubj:pass".
    pub const NSUBJ_PASS: Relations = Relations(1 << 6);
    /// "obl:agent".
    pub const AGENT: Relations = Relations(1 << 7);
    /// "parataxis".
    pub const PARATAXIS: Relations = Relations(1 << 8);
    /// "amod" borne by a verb or an auxiliary (a verb read as a modifier).
    pub const VERB_AMOD: Relations = Relations(1 << 9);
    /// Two subjects ("nsubj") of one verb before it: not a label but a pair of them,
    /// found once per sentence and assumed again whenever a mend sets "nsubj".
    pub const TWO_SUBJECTS: Relations = Relations(1 << 10);
    /// "compound" (exactly) hung from a verb (a subject read as a compound).
    pub const COMPOUND_OF_VERB: Relations = Relations(1 << 11);
    /// "conj" (exactly) borne by a noun or a name and hung from a verb (an object read as
    /// a conjunct).
    pub const NOMINAL_CONJ_OF_VERB: Relations = Relations(1 << 12);

    /// Every relation (no mend skipped).
    pub const ALL: Relations = Relations(u32::MAX);

    /// The relations of both.
    pub const fn or(self, other: Relations) -> Relations {
        Relations(self.0 | other.0)
    }

    /// Whether any relation of `other` is among these.
    pub fn any(self, other: Relations) -> bool {
        self.0 & other.0 != 0
    }

    /// These relations but those of `other`.
    pub const fn without(self, other: Relations) -> Relations {
        Relations(self.0 & !other.0)
    }

    /// Add the relations of `other`.
    pub fn add(&mut self, other: Relations) {
        self.0 |= other.0;
    }

    /// The relations of a token bearing `rel`, tagged `upos`, whose head is tagged
    /// `head_upos` ("" for none): by the label's first letter first, so that most labels
    /// are told apart by a comparison or two.
    #[inline]
    pub fn of(rel: &str, upos: &str, head_upos: &str) -> Relations {
        let r = rel.as_bytes();
        let none = Relations::default();
        match r.first() {
            Some(b'c') if rel == "compound" && head_upos == "VERB" => Relations::COMPOUND_OF_VERB,
            Some(b'c') if rel == "conj" && head_upos == "VERB" && matches!(upos, "NOUN" | "PROPN") => Relations::NOMINAL_CONJ_OF_VERB,
            Some(b'a') if r.starts_with(b"acl") => Relations::ACL,
            Some(b'a') if r.starts_with(b"advcl") => Relations::ADVCL,
            Some(b'a') if r.starts_with(b"appos") => Relations::APPOS,
            Some(b'a') if r.starts_with(b"amod") && matches!(upos, "VERB" | "AUX") => Relations::VERB_AMOD,
            Some(b'c') if r.starts_with(b"ccomp") => Relations::CCOMP,
            Some(b'c') if r.starts_with(b"csubj") => Relations::CSUBJ,
            Some(b'i') if r.starts_with(b"iobj") => Relations::IOBJ,
            Some(b'n') if r.starts_with(b"nsubj:pass") => Relations::NSUBJ_PASS,
            // (A new subject may make a second one of its verb.)
            Some(b'n') if r.starts_with(b"nsubj") => Relations::TWO_SUBJECTS,
            Some(b'o') if r.starts_with(b"obl:agent") => Relations::AGENT,
            Some(b'p') if r.starts_with(b"parataxis") => Relations::PARATAXIS,
            _ => none,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label a gated mend looks for gives the mend's relation (the mends' tests:
    /// equality, or the label's start), and labels no mend is gated on give none.
    #[test]
    fn every_label_of_the_mends_has_its_relation() {
        let lists: &[(Relations, &[&str])] = &[
            (Relations::ACL, &["acl", "acl:relcl"]),
            (Relations::ADVCL, &["advcl", "advcl:relcl"]),
            (Relations::APPOS, &["appos"]),
            (Relations::CCOMP, &["ccomp", "ccomp:agent"]),
            (Relations::CSUBJ, &["csubj", "csubj:pass"]),
            (Relations::IOBJ, &["iobj"]),
            (Relations::NSUBJ_PASS, &["nsubj:pass"]),
            (Relations::AGENT, &["obl:agent"]),
            (Relations::PARATAXIS, &["parataxis"]),
        ];
        for &(relation, labels) in lists {
            for upos in ["VERB", "NOUN", "ADJ"] {
                for label in labels {
                    assert_eq!(Relations::of(label, upos, "VERB"), relation, "{label} {upos}");
                }
            }
        }
        assert_eq!(Relations::of("amod", "VERB", "NOUN"), Relations::VERB_AMOD);
        assert_eq!(Relations::of("amod", "AUX", "NOUN"), Relations::VERB_AMOD);
        assert_eq!(Relations::of("nsubj", "NOUN", "VERB"), Relations::TWO_SUBJECTS);
        assert_eq!(Relations::of("compound", "NOUN", "VERB"), Relations::COMPOUND_OF_VERB);
        assert_eq!(Relations::of("conj", "PROPN", "VERB"), Relations::NOMINAL_CONJ_OF_VERB);
        assert_eq!(Relations::of("conj", "NOUN", "VERB"), Relations::NOMINAL_CONJ_OF_VERB);
        for (label, upos, head) in [("compound", "NOUN", "NOUN"), ("compound:prt", "ADP", "VERB"), ("conj", "VERB", "VERB"), ("conj", "NOUN", "NOUN")] {
            assert_eq!(Relations::of(label, upos, head), Relations::default(), "{label} {upos} {head}");
        }
        for (label, upos) in [("amod", "ADJ"), ("obl", "NOUN"), ("obl:tmod", "NOUN"), ("advmod", "ADV"), ("conj", "VERB"), ("case", "ADP"), ("", "X")] {
            assert_eq!(Relations::of(label, upos, "VERB"), Relations::default(), "{label} {upos}");
        }
    }
}
