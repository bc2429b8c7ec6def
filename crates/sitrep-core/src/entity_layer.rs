//! The entity layer: people, organisations, places and groups named in the report, each
//! with its mentions and, where known, its CAMEO actor code.

use serde::Serialize;

use crate::Span;

/// What kind of entity (OntoNotes-style names, plus `GROUP` for nominal actors such as
/// "Russian troops").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    /// A person: "Volodymyr Zelenskiy".
    Person,
    /// An organisation: "the European Union", "Associated Press".
    Org,
    /// A country, city or state as a political unit: "Ukraine", "Kyiv".
    Gpe,
    /// A non-political place: "the Black Sea", "Europe".
    Loc,
    /// A nationality, religious or political group: "Ukrainians", "Russian".
    Norp,
    /// A facility: "Hostomel airport".
    Fac,
    /// A nominal actor: "Russian troops", "US officials", "residents".
    Group,
    /// Any other name (events, laws, products).
    Misc,
}

/// One entity: its first mention, canonical name, actor code and every mention.
///
/// ```
/// use sitrep_core::{Entity, EntityType, Span};
/// let e = Entity::new(Span::new(0, 9), EntityType::Person, "Zelenskiy");
/// assert_eq!(e.mentions, [Span::new(0, 9)]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The first (usually fullest) mention.
    pub span: Span,
    /// Its kind.
    pub kind: EntityType,
    /// The name under which the entity is known ("Volodymyr Zelenskiy" for "Zelenskiy").
    pub canonical: String,
    /// CAMEO actor code (`UKRGOV`, `RUSMIL`, `IGOUNO`), when it can be told.
    pub actor: Option<String>,
    /// Every mention in text order, the first included (names, surnames, pronouns).
    pub mentions: Vec<Span>,
    /// Why the actor code was given, and other facts, written flat into the output.
    pub detail: EntityDetail,
}

impl Entity {
    /// An entity with a single mention and no actor code.
    pub fn new(span: Span, kind: EntityType, canonical: impl Into<String>) -> Entity {
        Entity { span, kind, canonical: canonical.into(), actor: None, mentions: vec![span], detail: EntityDetail::default() }
    }
}

/// Further facts about an entity; absent ones are left out of the output.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EntityDetail {
    /// Role or title that coded it ("foreign minister", "resident").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// ISO 3166 alpha-3 code of the country it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The actor code of a second side the phrase names beside the first, with the same
    /// role: "Indian and Chinese troops" is `INDMIL` with `CHNMIL` here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_actor: Option<String>,
    /// Age given in apposition ("Lucy Vashaka, 20").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// How the actor code was found: `lexicon`, `title`, `context`, `focus`, or `role` (a
    /// group named by its armed role alone, coded `---` and the role: "gunmen" → `---UAF`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coded_by: Option<&'static str>,
    /// A person's sex where the report shows it (a given name, agreeing titles): what
    /// "she" or "her" may stand for. Not written out.
    #[serde(skip)]
    pub sex: Option<Sex>,
    /// The offices the lexicon knows the person held, each with its actor code and days:
    /// an event dated away from the report ("Reagan freed a Soviet spy in 1986", told in
    /// 2016) is coded as of its own days. Empty for anyone else. Not written out.
    #[serde(skip)]
    pub terms: Vec<OfficeTerm>,
}

/// One office a person held: its actor code while held, and its first and last days
/// (`None`: not known, or still held).
///
/// ```
/// use sitrep_core::OfficeTerm;
/// let reagan = OfficeTerm { actor: "USAGOV".into(), from: Some(jiff::civil::date(1981, 1, 20)), to: Some(jiff::civil::date(1989, 1, 20)) };
/// assert!(reagan.held_on(jiff::civil::date(1981, 3, 30)));
/// assert!(!reagan.held_on(jiff::civil::date(2016, 3, 30)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeTerm {
    /// Actor code while in office (country + role: `USAGOV`).
    pub actor: String,
    /// First day in office.
    pub from: Option<jiff::civil::Date>,
    /// Last day in office, `None` while still held.
    pub to: Option<jiff::civil::Date>,
}

impl OfficeTerm {
    /// Whether the office was held on `day`.
    pub fn held_on(&self, day: jiff::civil::Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// A person's sex, as far as pronouns go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// "she", "her".
    Woman,
    /// "he", "his".
    Man,
}

impl Sex {
    /// The sex "he", "his", "him" (a man) or "she", "her" (a woman) stands for.
    ///
    /// ```
    /// use sitrep_core::Sex;
    /// assert_eq!(Sex::of_pronoun("Her"), Some(Sex::Woman));
    /// assert_eq!(Sex::of_pronoun("they"), None);
    /// ```
    pub fn of_pronoun(word: &str) -> Option<Sex> {
        match word.to_ascii_lowercase().as_str() {
            "she" | "her" | "hers" | "herself" => Some(Sex::Woman),
            "he" | "his" | "him" | "himself" => Some(Sex::Man),
            _ => None,
        }
    }

    /// A title's sex: "Mrs.", "Ms.", "Miss" a woman's, "Mr." a man's.
    ///
    /// ```
    /// use sitrep_core::Sex;
    /// assert_eq!(Sex::of_title("Mr."), Some(Sex::Man));
    /// assert_eq!(Sex::of_title("Dr."), None);
    /// ```
    pub fn of_title(word: &str) -> Option<Sex> {
        match word {
            "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Sex::Woman),
            "Mr." | "Mr" => Some(Sex::Man),
            _ => None,
        }
    }
}

/// The entities of one report, in order of first mention.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityLayer {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
}

/// The country part of an actor code whose country is not known: CAMEO's `---`
/// ("troops" of no named country are `---MIL`; PETRARCH writes an uncoded party as `---`).
pub const UNKNOWN_COUNTRY: &str = "---";

/// Whether an actor code leaves its country unknown.
///
/// ```
/// assert!(sitrep_core::country_unknown("---MIL") && !sitrep_core::country_unknown("RUSMIL"));
/// ```
pub fn country_unknown(code: &str) -> bool {
    code.starts_with(UNKNOWN_COUNTRY)
}
