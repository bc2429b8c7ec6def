//! The actor lexicon: countries (names, adjectives, demonyms, capitals), international
//! organisations, news media, role words and office holders with their terms, read from
//! the hand-written tables in `data/actors/` that are built into the binary.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::civil::Date;

use sitrep_core::table::list;

use sitrep_learn::hash::BuildFxHasher;

use crate::names::{key, with_key};

/// The lexicon's maps: keys are short strings looked up many times per report.
type Map<V> = HashMap<String, V, BuildFxHasher>;

static COUNTRIES: &str = include_str!("../../../data/actors/countries.tsv");
static REGIONS: &str = include_str!("../../../data/actors/regions.tsv");
static IGOS: &str = include_str!("../../../data/actors/igos.tsv");
static MEDIA: &str = include_str!("../../../data/actors/media.tsv");
static ROLES: &str = include_str!("../../../data/actors/roles.tsv");
static LEADERS: &str = include_str!("../../../data/actors/leaders.tsv");
static FOCUS: &str = include_str!("../../../data/actors/focus.tsv");

/// A country as an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// CAMEO country code (ISO 3166 alpha-3 in nearly all cases).
    pub cameo: String,
    /// Its usual English name.
    pub name: String,
}

/// An organisation with its own actor code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// CAMEO code (`IGOUNO`, `IGOWSTNAT`, `USAMED`).
    pub cameo: String,
    /// Its usual name.
    pub name: String,
}

/// One term of office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// Canonical name.
    pub name: String,
    /// Actor code while in office (country + role).
    pub actor: String,
    /// Title ("President", "Foreign Minister").
    pub title: String,
    /// First day in office.
    pub from: Option<Date>,
    /// Last day, `None` while still in office.
    pub to: Option<Date>,
}

/// Everything the actor coder looks words up in.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Countries; the maps below index into this.
    pub countries: Vec<Country>,
    by_name: Map<usize>,
    by_adjective: Map<usize>,
    by_demonym: Map<usize>,
    by_capital: Map<usize>,
    /// The four maps above in one, each key with the first kind of word it is (in the
    /// order name, adjective, demonym, capital), for [`Lexicon::country`].
    by_word: Map<(usize, CountryWord)>,
    organisations: Map<Organisation>,
    roles: Map<String>,
    /// Role words that often mean something else ("forces", "officers"): the table's
    /// `ambiguous` column.
    ambiguous_roles: Map<()>,
    /// The first word of every key of `roles`, and the most words of a key it opens: a
    /// phrase whose first word is none of these is no role, whatever follows, nor is one
    /// of more words than its first word opens.
    role_openers: Map<usize>,
    longest_role: usize,
    offices: Map<Vec<Office>>,
    /// Words that place a report in a country without naming it ("Iowa", "GOP") → its
    /// code, the votes the word gives it, and the role it names where the report is set
    /// in that country: a party ("Republicans" → PTY) or a legislature ("Congress" → LEG).
    focus_words: Map<(String, usize, Option<&'static str>)>,
    /// The openings of the keys of the maps above, for telling most words none of their
    /// keys without making the word's key ([`Openings`]).
    openings: KeyOpenings,
    /// Problems met reading the tables (rows skipped), for `sitrep` to show in debugging.
    pub problems: Vec<String>,
}

/// The openings ([`Openings`]) of the keys of each map of the lexicon that words are
/// looked up in.
#[derive(Debug, Default)]
struct KeyOpenings {
    /// Of `by_word`.
    countries: Openings,
    /// Of `organisations`.
    organisations: Openings,
    /// Of `roles`.
    roles: Openings,
    /// Of `role_openers`.
    role_openers: Openings,
    /// Of `offices`.
    offices: Openings,
    /// Of `focus_words`.
    focus_words: Openings,
}

/// The first three bytes of a set of keys, where they are ASCII letters or digits, as bits:
/// a word that opens with three ASCII letters or digits has a key that opens with the same
/// three in lower case (a key lower-cases them, and rewrites no word in its first three
/// bytes), so a word whose three are no key's opening has a key that is none of the keys,
/// told without making it. Empty (as made by `Default`): every word may be one.
#[derive(Debug, Default)]
struct Openings {
    bits: Vec<u64>,
}

/// The number of openings of three ASCII letters or digits, lower case.
const OPENINGS: usize = 36 * 36 * 36;

impl Openings {
    /// The openings of `keys`.
    fn of<'k>(keys: impl Iterator<Item = &'k String>) -> Openings {
        let mut bits = vec![0u64; OPENINGS.div_ceil(64)];
        for at in keys.filter_map(|k| opening_index(k.as_bytes())) {
            bits[at / 64] |= 1 << (at % 64);
        }
        Openings { bits }
    }

    /// Whether the key of `words` may be one of the keys (false: it is none of them).
    #[inline]
    fn may_hold(&self, words: &str) -> bool {
        match opening_index(words.as_bytes()) {
            Some(at) => self.bits.get(at / 64).is_none_or(|b| b & (1 << (at % 64)) != 0),
            None => true,
        }
    }

    /// [`Openings::may_hold`] for a map whose keys are looked up without a leading "the "
    /// (words opening with "the" may be looked up without it: they may be any key).
    #[inline]
    fn may_hold_after_the(&self, words: &str) -> bool {
        words.as_bytes().get(..3).is_some_and(|b| b.eq_ignore_ascii_case(b"the")) || self.may_hold(words)
    }
}

/// The index of the first three bytes of `b` among the [`OPENINGS`], when they are ASCII
/// letters (either case) or digits.
#[inline]
fn opening_index(b: &[u8]) -> Option<usize> {
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some((c - b'0') as usize),
        b'a'..=b'z' => Some((c - b'a') as usize + 10),
        b'A'..=b'Z' => Some((c - b'A') as usize + 10),
        _ => None,
    };
    let [a, b, c, ..] = b else { return None };
    Some((digit(*a)? * 36 + digit(*b)?) * 36 + digit(*c)?)
}

/// The rows of a table, its problems added to `problems`.
fn rows<'a>(table: &'a str, name: &str, problems: &mut Vec<String>) -> Vec<sitrep_core::table::Row<'a>> {
    let (rows, found) = sitrep_core::table::rows(table, name);
    problems.extend(found);
    rows
}

impl Lexicon {
    /// The built-in lexicon, read on first use.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let mut lex = Lexicon::from_tables(COUNTRIES, IGOS, MEDIA, ROLES, LEADERS);
            lex.add_regions(REGIONS);
            lex.add_focus_words(FOCUS);
            lex
        })
    }

    /// Read the five tables.
    pub fn from_tables(countries: &str, igos: &str, media: &str, roles: &str, leaders: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut problems = Vec::new();
        for row in rows(countries, "countries.tsv", &mut problems) {
            let cameo = row.get("cameo").or(row.get("iso3")).copied().unwrap_or("");
            let name = row.get("name").copied().unwrap_or("");
            if cameo.len() != 3 || name.is_empty() {
                continue;
            }
            let i = lex.countries.len();
            lex.countries.push(Country { cameo: cameo.to_string(), name: name.to_string() });
            for n in std::iter::once(name).chain(list(row.get("aliases"))) {
                lex.by_name.entry(key(n)).or_insert(i);
            }
            for a in list(row.get("adjectives")) {
                lex.by_adjective.entry(key(a)).or_insert(i);
            }
            for d in list(row.get("demonyms")) {
                lex.by_demonym.entry(key(d)).or_insert(i);
            }
            for c in list(row.get("capital")).chain(list(row.get("capital_aliases"))) {
                lex.by_capital.entry(key(c)).or_insert(i);
            }
        }
        for (table, name) in [(igos, "igos.tsv"), (media, "media.tsv")] {
            for row in rows(table, name, &mut problems) {
                let (Some(&cameo), Some(&org)) = (row.get("cameo"), row.get("name")) else { continue };
                if cameo.is_empty() {
                    continue;
                }
                let o = Organisation { cameo: cameo.to_string(), name: org.to_string() };
                for n in std::iter::once(org).chain(list(row.get("aliases"))) {
                    lex.organisations.entry(key(n)).or_insert_with(|| o.clone());
                }
            }
        }
        for row in rows(roles, "roles.tsv", &mut problems) {
            let Some(&role) = row.get("role") else { continue };
            for w in list(row.get("words")) {
                let k = key(w);
                let words = k.split(' ').count();
                lex.longest_role = lex.longest_role.max(words);
                let most = lex.role_openers.entry(k.split(' ').next().unwrap_or("").to_string()).or_insert(0);
                *most = (*most).max(words);
                lex.roles.entry(k).or_insert_with(|| role.to_string());
            }
            for w in list(row.get("ambiguous")) {
                lex.ambiguous_roles.insert(key(w), ());
            }
        }
        for row in rows(leaders, "leaders.tsv", &mut problems) {
            let (Some(&name), Some(&country)) = (row.get("name"), row.get("country_cameo")) else { continue };
            let role = row.get("role").copied().filter(|r| !r.is_empty()).unwrap_or("GOV");
            let actor = if country.len() == 3 { format!("{country}{role}") } else { country.to_string() };
            let date = |c: &str| row.get(c).and_then(|d| d.parse::<Date>().ok());
            let office = Office { name: name.to_string(), actor, title: row.get("title").copied().unwrap_or("").to_string(), from: date("from"), to: date("to") };
            for n in std::iter::once(name).chain(list(row.get("aliases"))) {
                lex.offices.entry(key(n)).or_default().push(office.clone());
            }
        }
        lex.problems = problems;
        lex.index_country_words();
        lex.openings.organisations = Openings::of(lex.organisations.keys());
        lex.openings.roles = Openings::of(lex.roles.keys());
        lex.openings.role_openers = Openings::of(lex.role_openers.keys());
        lex.openings.offices = Openings::of(lex.offices.keys());
        lex
    }

    /// Add CAMEO regions ("the West" → WST, "European" → EUR) as country-like actors; a
    /// name already taken by a country keeps its country.
    pub fn add_regions(&mut self, table: &str) {
        let mut problems = Vec::new();
        for row in rows(table, "regions.tsv", &mut problems) {
            let (Some(&cameo), Some(&name)) = (row.get("cameo"), row.get("name")) else { continue };
            if cameo.len() != 3 {
                continue;
            }
            let i = self.countries.len();
            self.countries.push(Country { cameo: cameo.to_string(), name: name.to_string() });
            for n in std::iter::once(name).chain(list(row.get("aliases"))) {
                self.by_name.entry(key(n)).or_insert(i);
            }
            for a in list(row.get("adjectives")) {
                self.by_adjective.entry(key(a)).or_insert(i);
            }
            for d in list(row.get("demonyms")) {
                self.by_demonym.entry(key(d)).or_insert(i);
            }
        }
        self.problems.extend(problems);
        self.index_country_words();
    }

    /// Add the words of a table in `focus.tsv`'s form (`country kind names note`): states,
    /// provinces and cities, which place a report in a country as a capital does (two
    /// votes), and parties (one vote, as the country's name).
    ///
    /// ```
    /// let mut lex = sitrep_actors::lexicon::Lexicon::default();
    /// lex.add_focus_words("#country\tkind\tnames\tnote\nUSA\tsubdivision\tIowa|New Hampshire\t\nUSA\tparty\tGOP\t\n");
    /// assert_eq!(lex.focus_word("New Hampshire"), Some(("USA", 2)));
    /// assert_eq!(lex.focus_word("the GOP"), Some(("USA", 1)));
    /// assert_eq!(lex.focus_word("Ohio"), None);
    /// ```
    pub fn add_focus_words(&mut self, table: &str) {
        let mut problems = Vec::new();
        for row in rows(table, "focus.tsv", &mut problems) {
            let Some(&country) = row.get("country").filter(|c| c.len() == 3) else { continue };
            let kind = row.get("kind").copied();
            let votes = if matches!(kind, Some("party" | "party adjective" | "institution" | "legislature")) { 1 } else { 2 };
            let role = match kind {
                Some("party") => Some("PTY"),
                Some("legislature") => Some("LEG"),
                _ => None,
            };
            for n in list(row.get("names")) {
                self.focus_words.entry(key(n)).or_insert_with(|| (country.to_string(), votes, role));
            }
        }
        self.openings.focus_words = Openings::of(self.focus_words.keys());
        self.problems.extend(problems);
    }

    /// The actor a party or legislature named without its country stands for in a report
    /// set in that country (`focus`): "Republicans" in American news is USAPTY, "Congress"
    /// USALEG, "the Tories" in British news GBRPTY; elsewhere, nothing.
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// assert_eq!(lex.focus_actor("Republicans", Some("USA")).as_deref(), Some("USAPTY"));
    /// assert_eq!(lex.focus_actor("the Tories", Some("GBR")).as_deref(), Some("GBRPTY"));
    /// assert_eq!(lex.focus_actor("Republicans", Some("IRL")), None);
    /// ```
    pub fn focus_actor(&self, words: &str, focus: Option<&str>) -> Option<String> {
        if !self.openings.focus_words.may_hold_after_the(words) {
            return None;
        }
        with_key(words, |k| {
            let (country, _, role) = self.focus_words.get(k.strip_prefix("the ").unwrap_or(k))?;
            let role = role.filter(|_| focus == Some(country.as_str()))?;
            Some(format!("{country}{role}"))
        })
    }

    /// The country a focus word ("Iowa", "Republicans", "Downing Street") places a report
    /// in, and its votes.
    pub fn focus_word(&self, words: &str) -> Option<(&str, usize)> {
        if !self.openings.focus_words.may_hold_after_the(words) {
            return None;
        }
        with_key(words, |k| self.focus_words.get(k.strip_prefix("the ").unwrap_or(k)).map(|(c, v, _)| (c.as_str(), *v)))
    }

    /// Fill `by_word` from the four maps of country words.
    fn index_country_words(&mut self) {
        self.by_word.clear();
        let maps = [(&self.by_name, CountryWord::Name), (&self.by_adjective, CountryWord::Adjective), (&self.by_demonym, CountryWord::Demonym), (&self.by_capital, CountryWord::Capital)];
        for (map, what) in maps {
            for (k, &i) in map {
                self.by_word.entry(k.clone()).or_insert((i, what));
            }
        }
        self.openings.countries = Openings::of(self.by_word.keys());
    }

    /// The country a name, adjective, demonym or capital belongs to, and which it was.
    pub fn country(&self, words: &str) -> Option<(&Country, CountryWord)> {
        if !self.openings.countries.may_hold_after_the(words) {
            return None;
        }
        with_key(words, |k| self.country_by_key(k))
    }

    /// [`Lexicon::country`] of words whose [`key`] is `k`.
    pub fn country_by_key(&self, k: &str) -> Option<(&Country, CountryWord)> {
        let &(i, what) = self.by_word.get(k.strip_prefix("the ").unwrap_or(k))?;
        Some((&self.countries[i], what))
    }

    /// An organisation with its own code ("the European Union", "NATO", "AP").
    pub fn organisation(&self, words: &str) -> Option<&Organisation> {
        if !self.openings.organisations.may_hold_after_the(words) {
            return None;
        }
        with_key(words, |k| self.organisation_by_key(k))
    }

    /// [`Lexicon::organisation`] of words whose [`key`] is `k`.
    pub fn organisation_by_key(&self, k: &str) -> Option<&Organisation> {
        self.organisations.get(k.strip_prefix("the ").unwrap_or(k))
    }

    /// The CAMEO role code of a role word or phrase ("foreign minister" → GOV).
    pub fn role(&self, words: &str) -> Option<&str> {
        if !self.openings.roles.may_hold(words) {
            return None;
        }
        with_key(words, |k| self.role_by_key(k))
    }

    /// The armed role (military, rebels, police, intelligence, unidentified armed men,
    /// criminal gangs) of words that name an armed group by their role alone, when they do
    /// so unambiguously: "troops", "police", "gunmen", "gangs" — not "forces" or
    /// "officers".
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// assert_eq!(lex.armed_role("gunmen"), Some("UAF"));
    /// assert_eq!(lex.armed_role("gangs"), Some("CRM"));
    /// assert_eq!(lex.armed_role("forces"), None);
    /// assert_eq!(lex.armed_role("ministers"), None);
    /// ```
    pub fn armed_role(&self, words: &str) -> Option<&str> {
        if !self.openings.roles.may_hold(words) {
            return None;
        }
        with_key(words, |k| {
            let role = self.role_by_key(k).filter(|r| matches!(*r, "MIL" | "REB" | "COP" | "SPY" | "UAF" | "CRM"))?;
            (!self.ambiguous_roles.contains_key(k)).then_some(role)
        })
    }

    /// Whether a role word also names people who hold no office ("speaker", "leader",
    /// "official": the `ambiguous` column of roles.tsv).
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// assert!(lex.role_is_ambiguous("speaker"));
    /// assert!(!lex.role_is_ambiguous("foreign minister"));
    /// ```
    pub fn role_is_ambiguous(&self, words: &str) -> bool {
        with_key(words, |k| self.ambiguous_roles.contains_key(k))
    }

    /// [`Lexicon::role`] of words whose [`key`] is `k`.
    pub fn role_by_key(&self, k: &str) -> Option<&str> {
        self.roles.get(k).map(String::as_str)
    }

    /// The most words of a role phrase ([`Lexicon::role`]) that opens with the word whose
    /// [`key`] is `k` (0: none opens with it, and no phrase opening with that word is a
    /// role).
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// assert!(lex.longest_role_opening_with("riot") >= 2);
    /// assert!(lex.longest_role_opening_with("gunmen") >= 1);
    /// assert_eq!(lex.longest_role_opening_with("airport"), 0);
    /// ```
    pub fn longest_role_opening_with(&self, k: &str) -> usize {
        self.role_openers.get(k).copied().unwrap_or(0)
    }

    /// Whether a role phrase may open with the word `word`: false when
    /// [`Lexicon::longest_role_opening_with`] its key is 0, told for most words from their
    /// first letters, without making the key.
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// assert!(lex.may_open_role("Riot") && lex.may_open_role("gunmen"));
    /// assert!(!lex.may_open_role("xylophone"));
    /// ```
    pub fn may_open_role(&self, word: &str) -> bool {
        self.openings.role_openers.may_hold(word)
    }

    /// The longest role phrase, in words.
    pub fn longest_role(&self) -> usize {
        self.longest_role.max(1)
    }

    /// The office a person held on `date`, if the lexicon knows the name.
    pub fn office(&self, name: &str, date: Date) -> Option<&Office> {
        if !self.openings.offices.may_hold(name) {
            return None;
        }
        with_key(name, |k| self.office_by_key(k, date))
    }

    /// The last office a person named in full had left before `date` ("Bill Clinton" in
    /// 2016): CAMEO codes former office holders as elites of their country. A surname
    /// alone ("Clinton") never matches, since it may be another person of that name.
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// let d = jiff::civil::date(2016, 3, 1);
    /// assert_eq!(lex.former_office("Bill Clinton", d).map(|o| o.actor.as_str()), Some("USAGOV"));
    /// assert!(lex.former_office("Clinton", d).is_none());
    /// assert!(lex.former_office("Barack Obama", d).is_none()); // in office then
    /// ```
    pub fn former_office(&self, name: &str, date: Date) -> Option<&Office> {
        if name.split_whitespace().nth(1).is_none() || self.office(name, date).is_some() {
            return None;
        }
        with_key(name, |k| self.offices.get(k)?.iter().filter(|o| o.to.is_some_and(|t| t < date)).max_by_key(|o| o.to))
    }

    /// The last office a surname alone names, when it is no longer held on `date` and
    /// the surname is of one person only among all office holders ("Obama" in 2022; not
    /// "Clinton", a president and a secretary of state).
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// let day = jiff::civil::date(2022, 3, 4);
    /// assert_eq!(lex.former_office_of_surname("Obama", day).map(|o| o.name.as_str()), Some("Barack Obama"));
    /// assert!(lex.former_office_of_surname("Clinton", day).is_none());
    /// ```
    pub fn former_office_of_surname(&self, name: &str, date: Date) -> Option<&Office> {
        self.former_office_of_surname_for(name, date, None)
    }

    /// [`Lexicon::former_office_of_surname`] among the office holders of one sex, as a
    /// title says it ("Mrs.", "Mr."), judged by their given names: "Mr. Clinton" in 2016
    /// is Bill Clinton.
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// let day = jiff::civil::date(2016, 3, 4);
    /// let mr = Some(sitrep_core::Sex::Man);
    /// assert_eq!(lex.former_office_of_surname_for("Clinton", day, mr).map(|o| o.name.as_str()), Some("Bill Clinton"));
    /// ```
    pub fn former_office_of_surname_for(&self, name: &str, date: Date, sex: Option<sitrep_core::Sex>) -> Option<&Office> {
        if name.split_whitespace().nth(1).is_some() || self.office(name, date).is_some() {
            return None;
        }
        let sex_of = |o: &&Office| o.name.split_whitespace().next().and_then(crate::given_names::sex);
        with_key(name, |k| {
            let all: Vec<&Office> = self.offices.get(k)?.iter().filter(|o| sex.is_none() || sex_of(o) == sex).collect();
            let first = all.first()?;
            if all.iter().any(|o| o.name != first.name) {
                return None;
            }
            all.into_iter().filter(|o| o.to.is_some_and(|t| t < date)).max_by_key(|o| o.to)
        })
    }

    /// Every office the holder of `office` held, as terms: what an event dated away from
    /// the report is coded by ([`sitrep_core::EntityDetail::terms`]).
    ///
    /// ```
    /// let lex = sitrep_actors::lexicon::Lexicon::builtin();
    /// let biden = lex.office("Joe Biden", jiff::civil::date(2022, 3, 1)).unwrap();
    /// let terms = lex.terms_of(biden);
    /// assert!(terms.iter().any(|t| t.actor == "USAGOV" && t.held_on(jiff::civil::date(2010, 5, 1)))); // vice president
    /// ```
    pub fn terms_of(&self, office: &Office) -> Vec<sitrep_core::OfficeTerm> {
        with_key(&office.name, |k| {
            let held = self.offices.get(k).map_or(&[][..], Vec::as_slice).iter().filter(|o| o.name == office.name);
            held.map(|o| sitrep_core::OfficeTerm { actor: o.actor.clone(), from: o.from, to: o.to }).collect()
        })
    }

    /// [`Lexicon::office`] of a name whose [`key`] is `k`.
    pub fn office_by_key(&self, k: &str, date: Date) -> Option<&Office> {
        self.offices.get(k)?.iter().find(|o| o.from.is_none_or(|f| f <= date) && o.to.is_none_or(|t| date <= t))
    }
}

/// Which kind of country word matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryWord {
    /// "Ukraine".
    Name,
    /// "Ukrainian".
    Adjective,
    /// "Ukrainians".
    Demonym,
    /// "Kyiv".
    Capital,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words to look up: every key of the lexicon's maps, written as a report might write
    /// it (capitals, "the", an ending added or cut), and words of no map.
    fn words(lex: &Lexicon) -> Vec<String> {
        let keys = lex.by_word.keys().chain(lex.organisations.keys()).chain(lex.roles.keys()).chain(lex.role_openers.keys()).chain(lex.offices.keys()).chain(lex.focus_words.keys());
        let mut words = Vec::new();
        for k in keys {
            let capital: String = k.split(' ').map(|w| w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect::<String>()).collect::<Vec<_>>().join(" ");
            for w in [k.clone(), k.to_uppercase(), capital.clone(), format!("the {k}"), format!("The {capital}"), format!("{k}s"), k.chars().skip(1).collect(), k.chars().rev().skip(1).collect::<Vec<_>>().into_iter().rev().collect()] {
                words.push(w);
            }
        }
        for w in ["", "a", "ab", "abc", "the", "The", "THE", "theatre", "xylophone", "Zelenskiy", "Côte d’Ivoire", "’s", "U.S.", "9/11", "3rd", "Kyiv", "Them", "Thai", "Al-Shabaab", "al Qaeda", "Z", "  troops"] {
            words.push(w.to_string());
        }
        words
    }

    #[test]
    fn openings_change_no_answer() {
        // Each lookup told "none" by the openings of its map's keys is none when its key
        // is made and looked up.
        let lex = Lexicon::builtin();
        let days = [jiff::civil::date(2016, 3, 1), jiff::civil::date(2022, 2, 25)];
        for w in words(lex) {
            let w = w.as_str();
            assert_eq!(lex.country(w), with_key(w, |k| lex.country_by_key(k)), "{w:?}");
            assert_eq!(lex.organisation(w), with_key(w, |k| lex.organisation_by_key(k)), "{w:?}");
            assert_eq!(lex.role(w), with_key(w, |k| lex.role_by_key(k)), "{w:?}");
            let armed = with_key(w, |k| lex.role_by_key(k).filter(|r| matches!(*r, "MIL" | "REB" | "COP" | "SPY" | "UAF" | "CRM")).filter(|_| !lex.ambiguous_roles.contains_key(k)));
            assert_eq!(lex.armed_role(w), armed, "{w:?}");
            assert_eq!(lex.focus_word(w), with_key(w, |k| lex.focus_words.get(k.strip_prefix("the ").unwrap_or(k)).map(|(c, v, _)| (c.as_str(), *v))), "{w:?}");
            for focus in [Some("USA"), Some("GBR"), None] {
                let by_key = with_key(w, |k| lex.focus_words.get(k.strip_prefix("the ").unwrap_or(k)).and_then(|(c, _, r)| r.filter(|_| focus == Some(c.as_str())).map(|r| format!("{c}{r}"))));
                assert_eq!(lex.focus_actor(w, focus), by_key, "{w:?}");
            }
            if !lex.may_open_role(w) {
                assert_eq!(with_key(w, |k| lex.longest_role_opening_with(k)), 0, "{w:?}");
            }
            for day in days {
                assert_eq!(lex.office(w, day), with_key(w, |k| lex.office_by_key(k, day)), "{w:?}");
            }
        }
        // The openings tell most words that are no key apart.
        for (words, openings) in [(["airport", "Tuesday", "xylophone"], &lex.openings.role_openers), (["Tuesday", "Xylophone", "Qqq"], &lex.openings.countries)] {
            assert!(words.iter().any(|w| !openings.may_hold(w)));
        }
    }
}
