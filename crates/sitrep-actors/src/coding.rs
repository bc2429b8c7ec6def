//! Actor codes for entities: from the lexicon (office holders as of the report's date,
//! organisations, countries), from titles and appositions ("foreign minister Sergey
//! Lavrov", "resident Yurii Zhyhanov", "Lucy Vashaka, 20"), and, for people whose country
//! the text does not give, from the report's focus country.

use std::collections::HashMap;

use sitrep_core::{Doc, Entity, EntityType};

use crate::coref::Cluster;
use crate::lexicon::{CountryWord, Lexicon};
use crate::names::with_key;
use crate::stage::{token_text, Mention};

/// Governments and militaries named by their seats, and national agencies by their names.
const SEATS: &[(&str, &str)] = &[
    ("kremlin", "RUSGOV"),
    ("white house", "USAGOV"),
    ("pentagon", "USAMIL"),
    ("downing street", "GBRGOV"),
    ("elysee", "FRAGOV"),
    ("élysée", "FRAGOV"),
    ("quai d'orsay", "FRAGOV"),
    ("zhongnanhai", "CHNGOV"),
    ("bankova", "UKRGOV"),
    ("state department", "USAGOV"),
    // National agencies known by their own names, whatever country the report is about.
    ("fbi", "USACOP"),
    ("federal bureau of investigation", "USACOP"),
    ("cia", "USASPY"),
    ("central intelligence agency", "USASPY"),
    ("nsa", "USASPY"),
    ("justice department", "USAJUD"),
    ("department of justice", "USAJUD"),
    ("fsb", "RUSSPY"),
    ("gru", "RUSSPY"),
    ("svr", "RUSSPY"),
    ("sbu", "UKRSPY"),
    ("mossad", "ISRSPY"),
    ("shin bet", "ISRSPY"),
    ("mi6", "GBRSPY"),
    ("mi5", "GBRSPY"),
];

/// Whether `words` name a seat of government or a national agency ("the Kremlin", "the
/// White House", "the FBI").
///
/// ```
/// use sitrep_actors::coding::is_seat;
/// assert!(is_seat("the Kremlin") && is_seat("THE WHITE HOUSE") && is_seat("Élysée") && is_seat("FBI"));
/// assert!(!is_seat("the") && !is_seat("Kremlin wall") && !is_seat("the the Kremlin") && !is_seat("Elysée Palace"));
/// ```
pub fn is_seat(words: &str) -> bool {
    // (ASCII words compared without a lower-cased copy: their lower case is ASCII's.)
    if words.is_ascii() {
        let bare = match words.get(..4) {
            Some(the) if the.eq_ignore_ascii_case("the ") => &words[4..],
            _ => words,
        };
        return SEATS.iter().any(|(s, _)| s.len() == bare.len() && s.eq_ignore_ascii_case(bare));
    }
    let lower = words.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    SEATS.iter().any(|(s, _)| *s == lower)
}

/// The report's focus country ([`focus_country`]), found once per report when first asked.
pub type Focus = std::cell::OnceCell<Option<String>>;

/// Set `entity.actor` and the facts that led to it; `focus` is shared by the report's
/// entities.
pub fn code(doc: &Doc, mentions: &[Mention], cluster: &Cluster, lex: &Lexicon, focus: &Focus, entity: &mut Entity) {
    // "anti-Russian protesters", "the anti-EU 5-Star Movement": what a group is against
    // is not who it is.
    if entity.kind != EntityType::Person && cluster.members.iter().all(|&m| against(doc, mentions[m].start)) {
        return;
    }
    let focus = || focus.get_or_init(|| focus_country(doc, mentions, lex)).as_deref();
    let texts: Vec<&str> = cluster.members.iter().map(|&m| token_text(doc, mentions[m].start, mentions[m].end)).collect();
    // "Saddam Hussein took Kuwaiti hostages" with "Kuwaiti" read as a person: a lone
    // nationality word is a people, whatever the labeller made of it.
    let nationality = |t: &&str| !t.contains(' ') && lex.country(t).is_some_and(|(_, w)| matches!(w, CountryWord::Adjective | CountryWord::Demonym));
    if entity.kind == EntityType::Person && !texts.is_empty() && texts.iter().all(nationality) {
        entity.kind = EntityType::Norp;
    }
    match entity.kind {
        EntityType::Person => code_person(doc, mentions, cluster, &texts, lex, focus, entity),
        EntityType::Org => {
            let name = std::iter::once(cluster.canonical.as_str()).chain(texts.iter().copied());
            for t in name {
                let lower = t.to_lowercase();
                let lower = lower.strip_prefix("the ").unwrap_or(&lower);
                if let Some(o) = lex.organisation(t) {
                    set(entity, &o.cameo, "lexicon");
                    return;
                }
                if let Some((_, code)) = SEATS.iter().find(|(s, _)| *s == lower) {
                    set(entity, code, "lexicon");
                    return;
                }
            }
            // "Houthi forces", "Al-Shabaab militants", "Fox News Channel": an
            // organisation named before a role it acts in is that organisation.
            let before_role = |t: &str| {
                let (name, last) = t.rsplit_once(' ')?;
                lex.role(last)?;
                lex.organisation(name)
            };
            if let Some(o) = texts.iter().find_map(|t| before_role(t)) {
                set(entity, &o.cameo, "lexicon");
                return;
            }
            if let Some((code, _)) = country_and_role(&cluster.canonical, lex) {
                set(entity, &code, "title");
            }
        }
        EntityType::Gpe | EntityType::Norp => {
            if let Some((t, (c, _))) = texts.iter().find_map(|t| lex.country(t).map(|c| (t, c))) {
                // "Georgia" in a report set in the United States is the state.
                let state = lex.focus_word(t).map(|(s, _)| s).filter(|&s| s != c.cameo && focus() == Some(s));
                let (code, how) = match state {
                    Some(s) => (s.to_string(), "focus"),
                    None => (c.cameo.clone(), "lexicon"),
                };
                entity.detail.country = Some(code.clone());
                set(entity, &code, how);
            }
        }
        EntityType::Group => {
            if let Some((code, second)) = country_and_role(&cluster.canonical, lex) {
                entity.detail.country = Some(code[..3].to_string());
                entity.detail.second_actor = second;
                set(entity, &code, "title");
            } else if let Some(role) = lex.armed_role(&cluster.canonical) {
                // Whose police or troops the text does not say: CAMEO's unknown country.
                set(entity, &format!("{}{role}", sitrep_core::UNKNOWN_COUNTRY), "role");
            }
        }
        _ => {}
    }
    // "Republicans", "Congress", "the Tories": a party or legislature named without its
    // country is that country's in a report set there.
    if entity.actor.is_none() && entity.kind != EntityType::Person {
        if let Some(code) = texts.iter().find_map(|t| lex.focus_actor(t, focus())) {
            entity.detail.country = code.get(..3).map(str::to_string);
            set(entity, &code, "focus");
        }
    }
}

/// Whether the mention starting at token `start` is glued to an "anti-" before it.
fn against(doc: &Doc, start: usize) -> bool {
    let tokens = &doc.text_layer.tokens;
    start >= 2 && tokens[start - 1].span.start == tokens[start - 2].span.end && tokens[start].span.start == tokens[start - 1].span.end && token_text(doc, start - 1, start) == "-" && token_text(doc, start - 2, start - 1).eq_ignore_ascii_case("anti")
}

fn set(entity: &mut Entity, code: &str, how: &'static str) {
    entity.actor = Some(code.to_string());
    entity.detail.coded_by = Some(how);
}

/// "Russian troops" → RUSMIL, "Russia's military" → RUSMIL, "US officials" → USAGOV,
/// "Russian Defence Ministry" → RUSGOV; with the second side a phrase names beside the
/// first ("Indian and Chinese troops" → INDMIL and CHNMIL).
fn country_and_role(words: &str, lex: &Lexicon) -> Option<(String, Option<String>)> {
    let parts: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    let mut country = None;
    let mut second = None;
    let mut role = None;
    // A phrase found is read whole: "opposition leader" is one role, not "leader" again.
    let mut i = 0;
    while i < parts.len() {
        let mut next = i + 1;
        for j in (i + 1..=parts.len()).rev() {
            let phrase = parts[i..j].join(" ");
            let phrase = phrase.trim_end_matches("'s").trim_end_matches("’s");
            // The phrase's key, worked out once for both lookups.
            let found = with_key(phrase, |k| {
                // A second country right after "and", before the role, is a side of its
                // own ("Indian and Chinese troops"), not a word of the first's name.
                let after_and = i > 0 && matches!(parts[i - 1], "and" | "&") && role.is_none();
                if country.is_none() || (second.is_none() && after_and) {
                    if let Some((c, w)) = lex.country_by_key(k) {
                        if matches!(w, CountryWord::Name | CountryWord::Adjective) {
                            let slot = if country.is_none() { &mut country } else { &mut second };
                            *slot = Some(c.cameo.clone());
                            return true;
                        }
                    }
                }
                if let Some(r) = lex.role_by_key(k) {
                    role = Some(r.to_string());
                    return true;
                }
                false
            });
            if found {
                next = j;
                break;
            }
        }
        i = next;
    }
    let (country, role) = (country?, role?);
    let second = second.filter(|s| *s != country).map(|s| format!("{s}{role}"));
    Some((format!("{country}{role}"), second))
}

/// The fifty commonest surnames of the United States (2010 census), keyed as
/// [`crate::names::key`] keys them: one of them alone may be anybody's.
const COMMON_SURNAMES: &[&str] = &[
    "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson", "white", "harris",
    "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts",
];

fn code_person<'f>(doc: &Doc, mentions: &[Mention], cluster: &Cluster, texts: &[&str], lex: &Lexicon, focus: impl FnOnce() -> Option<&'f str>, entity: &mut Entity) {
    let date = doc.meta.date;
    // "Gary Johnson" is not Boris Johnson: a surname alone names an office holder only
    // when the fullest name of the person does not give another first name.
    let given = |name: &str| name.split_whitespace().next().map(crate::names::key).unwrap_or_default();
    let other_person = |o: &crate::lexicon::Office| cluster.canonical.split_whitespace().nth(1).is_some() && given(&o.name) != given(&cluster.canonical);
    // (A one-word name only ever after an article or a possessive is a word of a title:
    // "the SVP's Ban on Face Coverings".)
    let titled = cluster.members.iter().all(|&mi| mentions[mi].end == mentions[mi].start + 1 && crate::stage::inside_title(doc, mentions[mi].start));
    // (A name written in capitals in a sentence that is not is an acronym — "FICO has
    // encouraged other companies", not Robert Fico.)
    let capitals = |t: &str| !t.chars().any(char::is_lowercase) && t.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let acronym = texts.iter().all(|t| capitals(t)) && cluster.members.first().is_some_and(|&mi| {
        let s = &doc.text_layer.sentences[mentions[mi].sentence];
        token_text(doc, s.first_token as usize, s.end_token as usize).chars().any(char::is_lowercase)
    });
    // The report's focus, found at most once (it reads the whole report).
    let mut focus = Some(focus);
    let mut focus_found: Option<Option<&str>> = None;
    let mut focus = move || *focus_found.get_or_insert_with(|| focus.take().and_then(|f| f()));
    // "the Libertarian Party's Johnson" in a report on American politics is not Britain's
    // foreign secretary: a surname alone names an office holder of another country than
    // the report's only when the report names that country ("Putin" beside "Russia") or
    // a title comes with the name ("Foreign Secretary Johnson").
    // (Only for a common surname: "Zelensky urged …" alone is Zelensky.)
    let lone = || texts.iter().all(|t| t.split_whitespace().nth(1).is_none() && COMMON_SURNAMES.contains(&crate::names::key(t).as_str()));
    let mut abroad_named = |o: &crate::lexicon::Office| {
        let country = o.actor.get(..3).unwrap_or("");
        !lone()
            || focus() == Some(country)
            || mentions.iter().any(|m| lex.country(token_text(doc, m.start, m.end)).is_some_and(|(c, _)| c.cameo == country))
            || cluster.members.iter().any(|&mi| left_title(doc, mentions, mentions[mi], lex).1.is_some())
    };
    let office = lex.office(&cluster.canonical, date).or_else(|| texts.iter().find_map(|t| lex.office(t, date)).filter(|o| !other_person(o))).filter(|_| !titled && !acronym);
    let (office, unnamed_abroad) = match office {
        Some(o) if !abroad_named(o) => (None, Some(o)),
        o => (o, None),
    };
    // (Nor is the name then the office holder's in full.)
    if let (Some(o), Some(t)) = (unnamed_abroad, texts.first()) {
        if entity.canonical == o.name {
            entity.canonical = t.to_string();
        }
    }
    if let Some(office) = office {
        entity.detail.role = Some(office.title.clone()).filter(|t| !t.is_empty());
        entity.detail.country = Some(office.actor.chars().take(3).collect());
        set(entity, &office.actor, "lexicon");
        entity.detail.terms = lex.terms_of(office);
        return;
    }
    // "Bill Clinton" in 2016: a former office holder is an elite of the country.
    if let Some(former) = lex.former_office(&cluster.canonical, date) {
        let country: String = former.actor.chars().take(3).collect();
        entity.detail.role = Some(format!("former {}", former.title)).filter(|_| !former.title.is_empty());
        entity.detail.country = Some(country.clone());
        set(entity, &format!("{country}ELI"), "lexicon");
        entity.detail.terms = lex.terms_of(former);
        return;
    }
    let (mut country, mut role, mut role_word) = (None, None, None);
    for &m in &cluster.members {
        let m = mentions[m];
        let (c, r, w, state_of) = left_title(doc, mentions, m, lex);
        // "Georgia businessman Bruce LeVell" in a report set in the United States.
        let c = match state_of {
            Some(s) if country.is_none() && focus() == Some(s.as_str()) => Some(s),
            _ => c,
        };
        country = country.or(c);
        if role.is_none() {
            role = r;
            role_word = w;
        }
        let (age, r, c) = apposition(doc, m, lex);
        country = country.or(c);
        if age.is_some() {
            // A person given with an age is a private individual ("Dock worker Taras
            // Bondar, 41"), unless a title of state before the name says otherwise
            // ("Labor Secretary Thomas Perez … Perez, 54,").
            entity.detail.age = age;
            if !matches!(role.as_deref(), Some("GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY")) {
                role = Some("CVL".to_string());
            }
        }
        if role.is_none() {
            role = r;
        }
        // "Bernie Sanders (I-Vt.)": a member of the US Congress.
        if doc.party_label(m.end, doc.text_layer.sentences[m.sentence].end_token as usize).is_some() {
            country = country.or(Some("USA".to_string()));
            role = role.filter(|r| r != "CVL").or(Some("LEG".to_string()));
        }
    }
    // "Sen.", "Rep.": the US Congress's titles, whatever country the report is about.
    if country.is_none() && matches!(role_word.as_deref(), Some("sen." | "rep.")) {
        country = Some("USA".to_string());
    }
    // "Obama" alone in a report about the United States in 2022, with no title of his
    // own: the former office holder of the report's country (a surname of one office
    // holder only).
    if role.is_none() && !titled && !acronym {
        // ("Mr. Clinton" in 2016: of the two Clintons who held office, the man.)
        if let Some(former) = lex.former_office_of_surname_for(&cluster.canonical, date, cluster.sex).filter(|o| focus() == o.actor.get(..3)) {
            let country: String = former.actor.chars().take(3).collect();
            entity.detail.role = Some(format!("former {}", former.title)).filter(|_| !former.title.is_empty());
            entity.detail.country = Some(country.clone());
            set(entity, &format!("{country}ELI"), "lexicon");
            entity.detail.terms = lex.terms_of(former);
            return;
        }
    }
    entity.detail.role = role_word;
    let Some(role) = role else { return };
    let (country, how) = match country {
        Some(c) => (c, "title"),
        None => match focus() {
            Some(c) => (c.to_string(), "focus"),
            None => return,
        },
    };
    entity.detail.country = Some(country.clone());
    set(entity, &format!("{country}{role}"), how);
}

/// Country and role from the words just before a name: "Ukrainian president",
/// "Putin's spokesman", "US Secretary of State", "resident", "one of the workers,".
/// Whether the name `m` is the subject of a relative clause that describes the words
/// before it ("the federal judge Trump was referring to"): those words are not its title.
fn subject_of_relative_before(doc: &Doc, m: Mention) -> bool {
    let syntax = &doc.syntax.tokens;
    if syntax.len() != doc.text_layer.tokens.len() || m.end == 0 || m.end > syntax.len() {
        return false;
    }
    // The name's head word: the one whose head lies outside the name.
    let Some(k) = (m.start..m.end).find(|&k| syntax[k].head.is_none_or(|h| !(m.start..m.end).contains(&(h as usize)))) else { return false };
    let Some(v) = syntax[k].head.map(|h| h as usize) else { return false };
    // The clause hangs from the word right before the name (the title it would have
    // been), in a phrase opened by an article or demonstrative: "Egyptian leader Al Sisi is
    // offering …" is a title however the parser read it.
    let determined = (m.start.saturating_sub(4)..m.start).any(|j| matches!(doc.syntax.tokens[j].xpos, "DT") && matches!(token_text(doc, j, j + 1).to_lowercase().as_str(), "the" | "a" | "an" | "this" | "that"));
    if !(determined && syntax[k].deprel.starts_with("nsubj") && v > k && m.start > 0) {
        return false;
    }
    if syntax[v].deprel.starts_with("acl") && syntax[v].head == Some(m.start as u32 - 1) {
        return true;
    }
    // However the clause was hung, a preposition left stranded before the next verb
    // ("… Trump was referring to is …") shows a relative clause with its gap.
    let end = (doc.text_layer.sentences[m.sentence].end_token as usize).min(m.end + 5);
    (m.end..end.min(syntax.len()).saturating_sub(1)).any(|j| syntax[j].xpos == "IN" && matches!(syntax[j + 1].xpos, "VBZ" | "VBD" | "VBP" | "MD"))
}

fn left_title(doc: &Doc, mentions: &[Mention], m: Mention, lex: &Lexicon) -> (Option<String>, Option<String>, Option<String>, Option<String>) {
    if subject_of_relative_before(doc, m) {
        return (None, None, None, None);
    }
    let sentence = &doc.text_layer.sentences[m.sentence];
    let lo = (sentence.first_token as usize).max(m.start.saturating_sub(8));
    let mut end = m.start;
    if end > lo && token_text(doc, end - 1, end) == "," {
        end -= 1;
    }
    let (mut country, mut role, mut word) = (None, None, None);
    let mut state_of: Option<String> = None;
    let mut former = false;
    // Where the role phrase starts.
    let mut role_at = usize::MAX;
    let mut i = end;
    while i > lo {
        // The longest role phrase ending at i.
        let mut matched = None;
        for len in (1..=lex.longest_role().min(i - lo)).rev() {
            let phrase = token_text(doc, i - len, i);
            if let Some(r) = lex.role(phrase) {
                matched = Some((len, r.to_string(), phrase.to_lowercase()));
                break;
            }
        }
        if let Some((len, r, w)) = matched {
            if role.is_none() {
                role = Some(r);
                word = Some(w);
                role_at = i - len;
                // "Former New York Gov.", "former California Gov.": a place may stand
                // between "former" and the title.
                let from = (i - len).saturating_sub(4).max(lo);
                let capital = |k: usize| token_text(doc, k, k + 1).starts_with(|c: char| c.is_uppercase());
                former = (from..i - len).any(|k| token_text(doc, k, k + 1).eq_ignore_ascii_case("former") && (k + 1..i - len).all(capital));
            }
            i -= len;
            continue;
        }
        let w = token_text(doc, i - 1, i);
        if matches!(w, "'s" | "’s") && i - 1 > lo {
            // A possessive owner: a country ("Russia's") or a person with an office.
            let owner = mentions.iter().find(|o| o.end == i - 1);
            let owner_text = owner.map_or_else(|| token_text(doc, i - 2, i - 1), |o| token_text(doc, o.start, o.end));
            if let Some(office) = lex.office(owner_text, doc.meta.date) {
                country = country.or(Some(office.actor.chars().take(3).collect()));
            } else if let Some((c, _)) = lex.country(owner_text) {
                country = country.or(Some(c.cameo.clone()));
            } else if owner.is_none() && i == role_at && owner_text.starts_with(|c: char| c.is_lowercase()) && word.as_deref().is_some_and(|r| lex.role_is_ambiguous(r)) {
                // "a teacher's aide", "the company's spokesman": whose aide or spokesman
                // it is says the kind — a teacher's is in education, a company's in no
                // office of state.
                role = lex.role(owner_text).map(str::to_string);
            }
            break;
        }
        // The longest country word ending at i: "North Korean", "South Sudanese" before
        // "Korean" and "Sudanese".
        // "New Jersey Gov.", "New Mexico Gov.": a US state, not Jersey or Mexico.
        let found = (1..=3.min(i - lo)).rev().find_map(|len| {
            lex.country(token_text(doc, i - len, i)).filter(|(_, kind)| matches!(kind, CountryWord::Adjective | CountryWord::Name)).map(|(c, _)| (len, c.cameo.clone()))
        });
        let found = found.filter(|&(len, _)| i - len == lo || token_text(doc, i - len - 1, i - len) != "New");
        // "Georgia Gov. Brian Kemp": a state's governor is American.
        let governor = matches!(word.as_deref(), Some("gov." | "lt. gov." | "governor" | "lt. governor"));
        let found = found.map(|(len, c)| if governor && c == "GEO" { (len, "USA".to_string()) } else { (len, c) });
        if let Some((len, c)) = found {
            // "Georgia businessman Bruce LeVell": the name of a state of another country
            // too, which the report's focus decides.
            if country.is_none() {
                state_of = lex.focus_word(token_text(doc, i - len, i)).map(|(s, _)| s.to_string()).filter(|s| *s != c);
            }
            country = country.or(Some(c));
            i -= len;
            continue;
        }
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "of" | "the" | "a" | "an" | "one" | "state" | "former" | "then" | "deputy" | "acting" | "top" | "senior" | "chief") {
            i -= 1;
            continue;
        }
        // "campaign spokesman Hope Hicks", "corporate speaker Lance Wallnau": a word of
        // office that also names anyone who speaks, leads or advises, written in lower
        // case after a common noun that says whose or of what, is no office of state.
        if i == role_at && country.is_none() && matches!(role.as_deref(), Some("GOV" | "LEG" | "JUD" | "MIL" | "COP" | "SPY")) {
            let of_what = doc.syntax.tokens.get(i - 1).is_some_and(|t| matches!(t.xpos, "NN" | "NNS")) || matches!(lower.as_str(), "corporate" | "motivational" | "inspirational");
            let written_low = token_text(doc, role_at, role_at + 1).starts_with(|c: char| c.is_lowercase());
            if of_what && written_low && w.starts_with(|c: char| c.is_lowercase()) && word.as_deref().is_some_and(|r| lex.role_is_ambiguous(r)) {
                (role, word) = (None, None);
            }
        }
        break;
    }
    // "Former New York Gov. George Pataki": no longer in office, an elite of his country
    // (as CAMEO codes former office holders).
    if former && role.is_some() {
        role = Some("ELI".to_string());
    }
    (country, role, word, state_of)
}


/// After a name: ", 20" (an age: a private person), ", a resident of …" (a role), and a
/// nationality among the first words of the apposition (", 67, an American political
/// consultant", ", a Ukrainian soldier").
fn apposition(doc: &Doc, m: Mention, lex: &Lexicon) -> (Option<u32>, Option<String>, Option<String>) {
    let sentence = &doc.text_layer.sentences[m.sentence];
    let end = sentence.end_token as usize;
    if m.end + 1 >= end || token_text(doc, m.end, m.end + 1) != "," {
        return (None, None, None);
    }
    let mut k = m.end + 1;
    let mut age = None;
    if let Ok(a) = token_text(doc, k, k + 1).parse::<u32>() {
        if (1..=120).contains(&a) {
            age = Some(a);
            // ", 67, an American …": the apposition goes on after the age.
            k += 1;
            if k + 1 < end && token_text(doc, k, k + 1) == "," {
                k += 1;
            } else {
                return (age, None, None);
            }
        }
    }
    if k < end && matches!(token_text(doc, k, k + 1).to_lowercase().as_str(), "a" | "an" | "the") {
        k += 1;
    }
    let word = |i: usize| if i < end { token_text(doc, i, i + 1) } else { "" };
    let country = (k..(k + 3).min(end)).find_map(|j| match lex.country(word(j)) {
        // "an African American", "a Mexican-American": an American.
        Some(_) if word(j + 1) == "American" || (word(j + 1) == "-" && word(j + 2) == "American") => Some("USA".to_string()),
        // "the Spanish-speaking son of …": a language, not a country.
        Some(_) if word(j + 1) == "-" && matches!(word(j + 2), "speaking" | "language" | "born") => None,
        Some((c, CountryWord::Adjective)) => Some(c.cameo.clone()),
        _ => None,
    });
    if age.is_some() {
        return (age, None, country);
    }
    for len in (1..=lex.longest_role().min(end.saturating_sub(k))).rev() {
        if let Some(r) = lex.role(token_text(doc, k, k + len)) {
            return (None, Some(r.to_string()), country);
        }
    }
    (None, None, country)
}

/// The country the report is mostly about: capitals and country names named as places
/// (capitals count double: a report from Kyiv names Kyiv), and the words that place a
/// report in a country without naming it — its states and cities (double, as capitals) and
/// parties ("Iowa", "the GOP"), so that a report on a US primary that names Mexico four
/// times is still American. The dateline ("ODESA, Ukraine —", "KYIV —", "DES MOINES,
/// Iowa —") says where the report was filed, and the people it names without a country
/// are most often of that place: a country or capital named there counts three times more.
pub fn focus_country(doc: &Doc, mentions: &[Mention], lex: &Lexicon) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let dateline = doc.text_layer.sentences.first().and_then(|s| {
        let (a, b) = (s.first_token as usize, s.end_token as usize);
        let words = doc.text_layer.tokens.get(a..b)?.iter().map(|t| t.span.of(doc.text()));
        sitrep_core::dateline_end(words).map(|k| a + k)
    });
    for m in mentions {
        let text = token_text(doc, m.start, m.end);
        let weight = if dateline.is_some_and(|dash| m.end <= dash) { 3 } else { 1 };
        // (A dateline's city is often read as a place rather than a country's capital.)
        if m.kind == EntityType::Gpe || weight > 1 {
            if let Some((c, w)) = lex.country(text) {
                *counts.entry(c.cameo.as_str()).or_default() += weight * if w == CountryWord::Capital { 2 } else { 1 };
            }
        }
        if let Some((c, votes)) = lex.focus_word(text) {
            *counts.entry(c).or_default() += weight * votes;
        }
    }
    counts.into_iter().max_by_key(|&(c, n)| (n, std::cmp::Reverse(c))).map(|(c, _)| c.to_string())
}
