//! Office holders coded as of the event's day, not the report's.
//!
//! The entity layer codes a person by the office held on the report's date: Ronald Reagan
//! in a report of 2016 is a former president, `USAELI`. An event the report dates in
//! Reagan's term ("Reagan was shot in 1981") is the president's, `USAGOV`; one dated after
//! a leader left office is an elite's. Only events dated by a time expression of their
//! own are recoded: an undated event is as of the report.

use jiff::civil::Date;
use sitrep_core::{Doc, EventDate, OfficeTerm, Participant};

/// Recode `side` as of the event's day when the side is an office holder the lexicon
/// knows and the event is dated by a time expression. The actor is left as it is when
/// the side did not take its code from its entity, was inferred, or the day comes
/// before any office the person held.
///
/// ```
/// use sitrep_core::{Doc, Entity, EntityType, EventDate, OfficeTerm, Participant, Span};
/// let mut doc = Doc::new(sitrep_core::Meta::new("r", jiff::civil::date(2016, 3, 1)), "Reagan was shot in 1981.");
/// let mut reagan = Entity::new(Span::new(0, 6), EntityType::Person, "Ronald Reagan");
/// reagan.actor = Some("USAELI".into());
/// reagan.detail.terms = vec![OfficeTerm { actor: "USAGOV".into(), from: Some(jiff::civil::date(1981, 1, 20)), to: Some(jiff::civil::date(1989, 1, 20)) }];
/// doc.entities.entities.push(reagan);
/// let mut side = Some(Participant { span: Span::new(0, 6), actor: Some("USAELI".into()), entity: Some(0), inferred: false });
/// let in_1981 = EventDate { value: "1981".into(), from: Some(0) };
/// sitrep_events::as_of::code_as_of(&doc, &in_1981, &mut side);
/// assert_eq!(side.unwrap().actor.as_deref(), Some("USAGOV"));
/// ```
pub fn code_as_of(doc: &Doc, date: &EventDate, side: &mut Option<Participant>) {
    if date.from.is_none() {
        return;
    }
    let Some(p) = side.as_mut().filter(|p| !p.inferred) else { return };
    let Some(entity) = p.entity.and_then(|e| doc.entities.entities.get(e)) else { return };
    if entity.detail.terms.is_empty() || p.actor != entity.actor {
        return;
    }
    let Some(day) = middle_day(&date.value) else { return };
    if let Some(actor) = actor_on(&entity.detail.terms, day) {
        p.actor = Some(actor);
    }
}

/// The actor code of a person with offices `terms` on `day`: the office held then, else
/// an elite of the country of the last office left before it; `None` before any office.
///
/// ```
/// use sitrep_core::OfficeTerm;
/// use sitrep_events::as_of::actor_on;
/// let d = jiff::civil::date;
/// let carter = [OfficeTerm { actor: "USAGOV".into(), from: Some(d(1977, 1, 20)), to: Some(d(1981, 1, 20)) }];
/// assert_eq!(actor_on(&carter, d(1979, 11, 4)).as_deref(), Some("USAGOV"));
/// assert_eq!(actor_on(&carter, d(1994, 9, 18)).as_deref(), Some("USAELI"));
/// assert_eq!(actor_on(&carter, d(1970, 1, 1)), None);
/// ```
pub fn actor_on(terms: &[OfficeTerm], day: Date) -> Option<String> {
    if let Some(t) = terms.iter().find(|t| t.held_on(day)) {
        return Some(t.actor.clone());
    }
    let last = terms.iter().filter(|t| t.to.is_some_and(|to| to < day)).max_by_key(|t| t.to)?;
    Some(format!("{}ELI", last.actor.get(..3)?))
}

/// The middle day of the period a TIMEX3 date value names: `1981` → 1981-07-01,
/// `1981-03` → 1981-03-15 (the 15th), `1981-03-30` and `1981-03-30TNI` → that day,
/// `1981-Q2` → 1981-05-15, `198` (the 1980s) → 1985-01-01. Weeks, seasons and halves
/// count as their year's middle; vague values (`PAST_REF`) and years outside
/// 1000–2999 give `None`.
///
/// ```
/// use sitrep_events::as_of::middle_day;
/// let d = jiff::civil::date;
/// assert_eq!(middle_day("1981"), Some(d(1981, 7, 1)));
/// assert_eq!(middle_day("2022-02-24TNI"), Some(d(2022, 2, 24)));
/// assert_eq!(middle_day("1989-Q4"), Some(d(1989, 11, 15)));
/// assert_eq!(middle_day("198"), Some(d(1985, 1, 1)));
/// assert_eq!(middle_day("PAST_REF"), None);
/// assert_eq!(middle_day("1981-02-30"), None);
/// ```
pub fn middle_day(value: &str) -> Option<Date> {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let year: i16 = match digits {
        4 => value.get(..4)?.parse().ok()?,
        // A decade ("198": the 1980s), its middle; nothing after it.
        3 if value.len() == 3 => return Date::new(value.parse::<i16>().ok()? * 10 + 5, 1, 1).ok(),
        _ => return None,
    };
    if !(1000..3000).contains(&year) {
        return None;
    }
    let rest = &value[4..];
    let number = |s: &str| -> Option<i8> { s.get(..2).filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?.parse().ok() };
    match rest.as_bytes() {
        [b'-', b'Q', q @ b'1'..=b'4', ..] => Date::new(year, (q - b'0') as i8 * 3 - 1, 15).ok(),
        [b'-', b'0'..=b'9', b'0'..=b'9', b'-', b'0'..=b'9', b'0'..=b'9', ..] => Date::new(year, number(&rest[1..])?, number(&rest[4..])?).ok(),
        [b'-', b'0'..=b'9', b'0'..=b'9', ..] => Date::new(year, number(&rest[1..])?, 15).ok(),
        _ => Date::new(year, 7, 1).ok(),
    }
}
