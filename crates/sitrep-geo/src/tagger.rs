//! The place stage: recognition, resolution, relative places and metonymy, laid into
//! [`Doc::places`].

use std::cell::RefCell;

use sitrep_core::{Doc, Place, PlaceDetail, PlacePrecision, PlaceRole, RelativePlace, Span, Stage};

use crate::gazetteer::{Entry, Gazetteer, Kind};
use crate::metonymy::is_metonym;
use crate::recognize::{normalise_tokens, recognise, Mention, Scratch};
use crate::relative::{locate, relation_before};
use crate::resolve::resolve;

/// Fills [`Doc::places`]: every place name with its GeoNames record, relative places
/// after their anchors, capitals and countries standing for governments marked as
/// metonyms with an actor code.
///
/// Runs after the segmenter; uses the syntax layer when it is filled.
///
/// ```
/// use sitrep_core::{Doc, Meta, Stage};
/// let mut doc = Doc::new(Meta::new("r", jiff::civil::date(2022, 2, 25)), "Fighting was reported in Kharkiv.");
/// sitrep_text::Segmenter::new().annotate(&mut doc);
/// sitrep_geo::PlaceTagger::builtin().annotate(&mut doc);
/// assert_eq!(doc.places.places[0].geonames_id, Some(706483));
/// ```
pub struct PlaceTagger {
    gaz: &'static Gazetteer,
}

impl PlaceTagger {
    /// The tagger with the built-in gazetteer (loaded on first use).
    pub fn builtin() -> PlaceTagger {
        PlaceTagger { gaz: Gazetteer::builtin() }
    }

    /// The tagger with another gazetteer (leaked to live as long as the process).
    pub fn with_gazetteer(gaz: Gazetteer) -> PlaceTagger {
        PlaceTagger { gaz: Box::leak(Box::new(gaz)) }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gaz
    }

    /// The nationality words of `doc` ("Russian", "Americans") with their country's
    /// record: not places in sitrep's output (they are actor adjectives), but counted as
    /// the country by gold sets whose convention does (LGL; see [`crate::eval`]).
    /// Words inside a place found by [`Stage::annotate`] ("the Belarusian capital") are
    /// left out.
    pub fn demonyms(&self, doc: &Doc) -> Vec<(Span, u32)> {
        let mut scratch = Scratch::default();
        let mut mentions: Vec<Mention> = Vec::new();
        normalise_tokens(doc, &mut scratch);
        recognise(doc, self.gaz, &mut scratch, &mut mentions);
        let tokens = &doc.text_layer.tokens;
        mentions
            .iter()
            .filter_map(|m| {
                let cc = m.demonym?;
                let (s, e) = m.bytes(tokens);
                let span = Span::new(s, e);
                let inside = doc.places.places.iter().any(|p| p.precision != PlacePrecision::Relative && p.span.start < span.end && span.start < p.span.end);
                (!inside).then_some((span, self.gaz.country(cc)?))
            })
            .collect()
    }
}

fn precision(e: &Entry) -> PlacePrecision {
    match e.kind {
        Kind::Country => PlacePrecision::Country,
        Kind::Admin1 => PlacePrecision::Admin1,
        Kind::Admin2 => PlacePrecision::Admin2,
        Kind::Place => PlacePrecision::City,
        Kind::Region => PlacePrecision::Region,
        Kind::Continent => PlacePrecision::Continent,
    }
}

/// Rough radius of a record in km, for uncertainty.
fn extent_km(e: &Entry) -> f64 {
    match e.kind {
        Kind::Place => 3.0 + (e.population as f64).sqrt() / 100.0,
        Kind::Admin2 => 40.0,
        Kind::Admin1 => 200.0,
        Kind::Country => 500.0,
        Kind::Region => 400.0,
        Kind::Continent => 3000.0,
    }
}

impl PlaceTagger {
    fn place(&self, span: Span, e: &Entry) -> Place {
        let gaz = self.gaz;
        let mut p = Place::new(span, &*e.name, e.lat, e.lon, precision(e));
        p.geonames_id = (e.id != 0).then_some(e.id);
        p.country = e.country().map(str::to_string);
        if matches!(e.kind, Kind::Place | Kind::Admin2) {
            p.admin1 = gaz.admin1(e.cc, &e.admin1).map(|i| gaz.entry(i).name.to_string());
        } else if e.kind == Kind::Admin1 {
            p.admin1 = Some(e.name.to_string());
        }
        p.detail = PlaceDetail {
            feature_code: Some(e.fcode),
            population: (e.population > 0).then_some(e.population),
            role: Some(PlaceRole::Location),
            ..PlaceDetail::default()
        };
        if !matches!(e.kind, Kind::Place) {
            p.detail.uncertainty_km = Some(extent_km(e));
        }
        p
    }

    fn actor(&self, e: &Entry) -> Option<String> {
        let country = self.gaz.country(e.cc).map(|i| self.gaz.entry(i))?;
        (country.admin1.len() == 3).then(|| format!("{}GOV", cameo_country(&country.admin1)))
    }
}

impl Stage for PlaceTagger {
    fn annotate(&self, doc: &mut Doc) {
        let gaz = self.gaz;
        let mut scratch = SCRATCH.with(RefCell::take);
        let mut mentions: Vec<Mention> = Vec::new();
        normalise_tokens(doc, &mut scratch);
        recognise(doc, gaz, &mut scratch, &mut mentions);
        let mut chosen = resolve(doc, gaz, &scratch, &mentions);
        crate::focus::drop_strays(gaz, &mentions, &mut chosen);
        let tokens = &doc.text_layer.tokens;
        let sentences = &doc.text_layer.sentences;
        let mut places: Vec<Place> = Vec::new();
        let mut last_city: Option<usize> = None;
        for (k, m) in mentions.iter().enumerate() {
            let s0 = sentences.get(m.sentence).map_or(0, |s| s.first_token as usize);
            let (Some(ta), Some(tb)) = (tokens.get(m.a), tokens.get(m.b - 1)) else { continue };
            if let Some(cc) = m.demonym {
                // "the Belarusian capital" → Minsk
                if m.a > s0 && scratch.norm(m.a - 1) == "the" && scratch.norm(m.b) == "capital" {
                    if let (Some(c), Some(end)) = (gaz.capital(cc), tokens.get(m.b)) {
                        let span = Span::new(tokens[m.a - 1].span.start, end.span.end);
                        places.push(self.place(span, gaz.entry(c)));
                    }
                }
                continue;
            }
            let Some(mut ei) = chosen[k] else { continue };
            // "Washington said": a name that is also a capital, used as a subject of
            // speech or a target of pressure, is the capital's government.
            if gaz.entry(ei).fcode != "PPLC" && gaz.entry(ei).kind != Kind::Country && is_metonym(doc, &scratch, m.a, m.b, s0) {
                if let Some(c) = gaz.candidates(m.name).iter().find(|c| c.primary && gaz.entry(c.entry).fcode == "PPLC") {
                    ei = c.entry;
                }
            }
            let e = gaz.entry(ei);
            let mut end = tb.span.end;
            if m.division && crate::lexicon::DIVISION_WORDS.contains(scratch.norm(m.b)) {
                if let Some(t) = tokens.get(m.b) {
                    end = t.span.end;
                }
            }
            let span = match m.cut {
                Some((s, e)) => Span::new(s, e),
                None => Span::new(ta.span.start, end),
            };
            let mut p = self.place(span, e);
            if (e.kind == Kind::Country || e.fcode == "PPLC") && is_metonym(doc, &scratch, m.a, m.b, s0) {
                if let Some(actor) = self.actor(e) {
                    p.detail.role = Some(PlaceRole::Metonym(actor));
                }
            }
            let anchor = places.len();
            places.push(p);
            if e.kind == Kind::Place {
                last_city = Some(anchor);
            }
            if let Some(rel) = relation_before(&scratch, m.a, s0) {
                let (lat, lon, unc) = locate(&rel, e.lat, e.lon, extent_km(e));
                let start = tokens.get(rel.start).map_or(ta.span.start, |t| t.span.start);
                let mut r = Place::new(Span::new(start, end), &*e.name, lat, lon, PlacePrecision::Relative);
                r.country = e.country().map(str::to_string);
                r.admin1 = places[anchor].admin1.clone();
                r.detail.uncertainty_km = Some((unc * 10.0).round() / 10.0);
                r.detail.role = Some(PlaceRole::Location);
                r.detail.relative = Some(RelativePlace { direction: rel.direction.map(|d| d.0), km: rel.km.map(|k| (k * 10.0).round() / 10.0), relation: rel.relation, anchor, of: e.name.to_string() });
                places.push(r);
            }
        }
        // "north of the city": anchor on the last city named before.
        for i in 0..tokens.len().saturating_sub(3) {
            if scratch.norm(i + 1) == "of" && scratch.norm(i + 2) == "the" && matches!(scratch.norm(i + 3), "city" | "town" | "capital") {
                let Some(dir) = crate::relative::relation_before_words(scratch.norm(i)) else { continue };
                let Some(anchor) = last_city.filter(|&a| places[a].span.end <= tokens[i].span.start) else { continue };
                let a = &places[anchor];
                let rel = crate::relative::Relation { start: i, direction: Some(dir), km: None, relation: "of" };
                let (lat, lon, unc) = locate(&rel, a.lat, a.lon, 5.0);
                let mut r = Place::new(Span::new(tokens[i].span.start, tokens[i + 3].span.end), a.name.clone(), lat, lon, PlacePrecision::Relative);
                r.country = a.country.clone();
                r.admin1 = a.admin1.clone();
                r.detail.uncertainty_km = Some(unc);
                r.detail.role = Some(PlaceRole::Location);
                r.detail.relative = Some(RelativePlace { direction: Some(dir.0), km: None, relation: "of", anchor, of: a.name.clone() });
                places.push(r);
            }
        }
        // "near the Polish border", "near the border with Russia"
        border_places(self, doc, &scratch, &mentions, &chosen, &mut places);
        places.sort_by_key(|p| (p.span.start, p.precision == PlacePrecision::Relative));
        // re-point anchors after sorting
        doc.places.places = reanchor(places);
        // (A report's buffers serve the next; those a very long report grew are dropped.)
        if scratch.norm.capacity() <= MAX_KEPT_TOKENS {
            SCRATCH.with(|kept| *kept.borrow_mut() = scratch);
        }
    }
}

thread_local! {
    /// The recogniser's buffers, kept between the reports a thread tags.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Reports of more tokens than this leave no buffers behind.
const MAX_KEPT_TOKENS: usize = 1 << 16;

fn reanchor(mut places: Vec<Place>) -> Vec<Place> {
    // anchors were indices before sorting; find them again by the anchor's name and
    // position (the anchor is the nearest earlier non-relative place of that name).
    for i in 0..places.len() {
        if let Some(rel) = places[i].detail.relative.as_ref() {
            let of = rel.of.clone();
            let end = places[i].span.end;
            let found = (0..places.len()).filter(|&j| places[j].precision != PlacePrecision::Relative && places[j].name == of && places[j].span.end <= end).max_by_key(|&j| places[j].span.end);
            if let (Some(j), Some(rel)) = (found, places[i].detail.relative.as_mut()) {
                rel.anchor = j;
            }
        }
    }
    places
}

fn border_places(tagger: &PlaceTagger, doc: &Doc, scratch: &Scratch, mentions: &[Mention], chosen: &[Option<u32>], places: &mut Vec<Place>) {
    let gaz = tagger.gaz;
    let tokens = &doc.text_layer.tokens;
    // the report's home country: the most often named country
    let mut counts: std::collections::HashMap<[u8; 2], usize> = std::collections::HashMap::new();
    for c in chosen.iter().flatten() {
        let e = gaz.entry(*c);
        if e.cc != [0, 0] {
            *counts.entry(e.cc).or_default() += 1;
        }
    }
    for (k, m) in mentions.iter().enumerate() {
        // "the Polish border": demonym + border; "the border with Russia": border with + country
        let (other, start, end) = if let Some(cc) = m.demonym.filter(|_| scratch.norm(m.b) == "border") {
            (cc, m.a.saturating_sub(1), m.b)
        } else if m.a >= 3 && scratch.norm(m.a - 1) == "with" && scratch.norm(m.a - 2) == "border" {
            match chosen[k].map(|c| gaz.entry(c)).filter(|e| e.kind == Kind::Country) {
                Some(e) => (e.cc, m.a - 3, m.b - 1),
                None => continue,
            }
        } else {
            continue;
        };
        let Some(home) = counts.iter().filter(|(cc, _)| **cc != other).max_by_key(|(cc, n)| (**n, **cc)).map(|(cc, _)| *cc) else { continue };
        let Some(oi) = gaz.country(other) else { continue };
        let o = gaz.entry(oi);
        // from the last place named in the home country (else its point), the nearest
        // place across the border, then the nearest home place to that one
        let from = chosen[..k].iter().rev().flatten().map(|&c| gaz.entry(c)).find(|e| e.cc == home && e.kind == Kind::Place).or_else(|| gaz.country(home).map(|i| gaz.entry(i)));
        let Some(from) = from else { continue };
        let nearest = |cc: [u8; 2], lat: f64, lon: f64| gaz.nearest_place(cc, lat, lon).map(|i| gaz.entry(i));
        let Some(across) = nearest(other, from.lat, from.lon) else { continue };
        let Some(b) = nearest(home, across.lat, across.lon) else { continue };
        let (Some(ts), Some(te)) = (tokens.get(start), tokens.get(end)) else { continue };
        let mut r = Place::new(Span::new(ts.span.start.min(te.span.start), te.span.end), format!("{}–{} border", gaz.entry(gaz.country(home).unwrap_or(oi)).name, o.name), b.lat, b.lon, PlacePrecision::Relative);
        r.country = b.country().map(str::to_string);
        r.detail.uncertainty_km = Some(100.0);
        r.detail.role = Some(PlaceRole::Location);
        r.detail.relative = Some(RelativePlace { direction: None, km: None, relation: "border", anchor: 0, of: o.name.to_string() });
        let start = if start > 0 && scratch.norm(start - 1) == "near" { start - 1 } else { start };
        if let Some(t) = tokens.get(start) {
            r.span.start = t.span.start;
        }
        places.push(r);
    }
}

/// The CAMEO country code of an ISO 3166 alpha-3 code: the same but for the two the code
/// book spells its own way (data/actors/countries.tsv, columns `iso3` and `cameo`), so that
/// "Pristina said" is KSVGOV as the actors layer codes "Kosovo's government".
fn cameo_country(iso3: &str) -> &str {
    match iso3 {
        "XKX" => "KSV",
        "TLS" => "TMP",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use sitrep_core::{Doc, Meta, Stage};

    /// `texts` segmented and tagged one after the other on a thread of their own, each
    /// report's places as text.
    fn tag_in_turn(texts: &[&'static str]) -> Vec<String> {
        let texts = texts.to_vec();
        std::thread::spawn(move || {
            let tagger = super::PlaceTagger::builtin();
            texts
                .iter()
                .map(|t| {
                    let mut doc = Doc::new(Meta::new("t", jiff::civil::date(2022, 2, 25)), *t);
                    sitrep_text::Segmenter::new().annotate(&mut doc);
                    tagger.annotate(&mut doc);
                    format!("{:?}", doc.places)
                })
                .collect()
        })
        .join()
        .expect("tagging does not panic")
    }

    /// The buffers a thread keeps from one report to the next carry nothing over: each
    /// report gets the places it gets alone.
    #[test]
    fn kept_buffers_carry_nothing_over() {
        let texts = [
            "Sarah Jones met officials in Kyiv and Kharkiv, then flew to Sao Paulo. Jones said the Donetsk and Luhansk regions were shelled near the Polish border.",
            "Jones visited Springfield, Ill., and the city of Paris.",
            "",
            "Fighting was reported in Kharkiv.",
            "ATHENS, Ga. -- Officials in Clarke County said Athens-Clarke police were called.",
        ];
        let together = tag_in_turn(&texts);
        for (k, t) in texts.iter().enumerate() {
            assert_eq!(tag_in_turn(&[t]), [together[k].clone()], "{t:?}");
        }
    }
}
