//! Office holders coded as of the event's day, not the report's.
//!
//! The entity layer codes a person by the office held on the report's date: Ronald Reagan
//! in a report of 2016 is a former president, `USAELI`. An event the report dates within
//! Reagan's term ("Reagan was shot in March 1981") is the president's, `USAGOV`; one dated
//! after a leader left office is an elite's. Only events dated by a time expression of
//! their own are recoded, and only when the whole period the expression names lies within
//! one office or after the last: a period in which an office began or ended ("in 1981")
//! keeps the report's code rather than guess.

use jiff::civil::Date;
use sitrep_core::{Doc, EventDate, OfficeTerm, Participant};

/// Recode `side` as of the event's day when the side is an office holder the lexicon
/// knows and the event is dated by a time expression. The actor is left as it is when
/// the side did not take its code from its entity, was inferred, or the day comes
/// before any office the person held.
///
/// ```
/// use sitrep_core::{Doc, Entity, EntityType, EventDate, OfficeTerm, Participant, Span};
/// let mut doc = Doc::new(sitrep_core::Meta::new("r", jiff::civil::date(2016, 3, 1)), "Reagan was shot in March 1981.");
/// let mut reagan = Entity::new(Span::new(0, 6), EntityType::Person, "Ronald Reagan");
/// reagan.actor = Some("USAELI".into());
/// reagan.detail.terms = vec![OfficeTerm { actor: "USAGOV".into(), from: Some(jiff::civil::date(1981, 1, 20)), to: Some(jiff::civil::date(1989, 1, 20)) }];
/// doc.entities.entities.push(reagan);
/// let mut side = Some(Participant { span: Span::new(0, 6), actor: Some("USAELI".into()), entity: Some(0), inferred: false });
/// let in_march_1981 = EventDate { value: "1981-03".into(), from: Some(0) };
/// sitrep_events::as_of::code_as_of(&doc, &in_march_1981, &mut side);
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
    let Some(period) = period(&date.value) else { return };
    if let Some(actor) = actor_in(&entity.detail.terms, period) {
        p.actor = Some(actor);
    }
}

/// The actor code of a person with offices `terms` throughout the days `period` (first,
/// last): the office held all that time, else an elite of the country of the last office
/// left before it began; `None` when an office began or ended within it ("stepped down
/// in January" of a term ending on the 10th) or before any office: no guess.
///
/// ```
/// use sitrep_core::OfficeTerm;
/// use sitrep_events::as_of::actor_in;
/// let d = jiff::civil::date;
/// let carter = [OfficeTerm { actor: "USAGOV".into(), from: Some(d(1977, 1, 20)), to: Some(d(1981, 1, 20)) }];
/// assert_eq!(actor_in(&carter, (d(1979, 11, 4), d(1979, 11, 4))).as_deref(), Some("USAGOV"));
/// assert_eq!(actor_in(&carter, (d(1994, 9, 1), d(1994, 9, 30))).as_deref(), Some("USAELI"));
/// assert_eq!(actor_in(&carter, (d(1981, 1, 1), d(1981, 12, 31))), None); // left that year
/// assert_eq!(actor_in(&carter, (d(1970, 1, 1), d(1970, 12, 31))), None);
/// ```
pub fn actor_in(terms: &[OfficeTerm], (first, last): (Date, Date)) -> Option<String> {
    if let Some(t) = terms.iter().find(|t| t.held_on(first) && t.held_on(last)) {
        return Some(t.actor.clone());
    }
    let overlaps = |t: &&OfficeTerm| t.from.is_none_or(|f| f <= last) && t.to.is_none_or(|to| first <= to);
    if terms.iter().any(|t| overlaps(&t)) {
        return None;
    }
    let last_left = terms.iter().filter(|t| t.to.is_some_and(|to| to < first)).max_by_key(|t| t.to)?;
    Some(format!("{}ELI", last_left.actor.get(..3)?))
}

/// The first and last days of the period a TIMEX3 date value names: `1981` → the year,
/// `1981-03` → March, `1981-03-30` and `1981-03-30TNI` → that day, `1981-Q2` → April to
/// June, `198` → the 1980s. Weeks, seasons and halves count as their whole year; vague
/// values (`PAST_REF`), impossible days and years outside 1000–2999 give `None`.
///
/// ```
/// use sitrep_events::as_of::period;
/// let d = jiff::civil::date;
/// assert_eq!(period("1981"), Some((d(1981, 1, 1), d(1981, 12, 31))));
/// assert_eq!(period("1981-02"), Some((d(1981, 2, 1), d(1981, 2, 28))));
/// assert_eq!(period("2022-02-24TNI"), Some((d(2022, 2, 24), d(2022, 2, 24))));
/// assert_eq!(period("1989-Q4"), Some((d(1989, 10, 1), d(1989, 12, 31))));
/// assert_eq!(period("198"), Some((d(1980, 1, 1), d(1989, 12, 31))));
/// assert_eq!(period("PAST_REF"), None);
/// assert_eq!(period("1981-02-30"), None);
/// ```
pub fn period(value: &str) -> Option<(Date, Date)> {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let year: i16 = match digits {
        4 => value.get(..4)?.parse().ok()?,
        // A decade ("198": the 1980s); nothing after it.
        3 if value.len() == 3 => {
            let first: i16 = value.parse::<i16>().ok()? * 10;
            return Some((Date::new(first, 1, 1).ok()?, Date::new(first + 9, 12, 31).ok()?));
        }
        _ => return None,
    };
    if !(1000..3000).contains(&year) {
        return None;
    }
    let rest = &value[4..];
    let number = |s: &str| -> Option<i8> { s.get(..2).filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?.parse().ok() };
    let month = |m: i8| -> Option<(Date, Date)> {
        let first = Date::new(year, m, 1).ok()?;
        Some((first, first.last_of_month()))
    };
    match rest.as_bytes() {
        [b'-', b'Q', q @ b'1'..=b'4', ..] => {
            let q = (q - b'0') as i8;
            Some((month(q * 3 - 2)?.0, month(q * 3)?.1))
        }
        [b'-', b'0'..=b'9', b'0'..=b'9', b'-', b'0'..=b'9', b'0'..=b'9', ..] => {
            let day = Date::new(year, number(&rest[1..])?, number(&rest[4..])?).ok()?;
            Some((day, day))
        }
        [b'-', b'0'..=b'9', b'0'..=b'9', ..] => month(number(&rest[1..])?),
        _ => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
    }
}
