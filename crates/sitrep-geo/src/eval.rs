//! Toponym recognition and resolution scored on gold news articles: LGL (Lieberman et
//! al. 2010, `lgl.xml`) and GeoVirus (Gritta et al. 2018, `GeoVirus.xml`).
//!
//! Rules (printed with every table):
//! - Gold toponyms are those with coordinates; offsets are Unicode code points.
//! - Predicted toponyms are the place layer's name mentions (locations and metonyms;
//!   the extra relative places are not counted, their anchors are).
//! - Recognition: a prediction is correct when its span overlaps a gold span not yet
//!   matched (each gold toponym matches at most one prediction).
//! - Resolution over recognised toponyms: the great-circle error between the predicted
//!   and gold points; accuracy@161 km, median and mean error, and AUC as defined by
//!   Gritta et al. 2018 ("What's missing in geographical parsing?"): the area under
//!   the curve of sorted errors ln(1 + km), normalised by ln(20039) and the count
//!   (0 is perfect, 1 is worst). "acc@161 (all gold)" also counts every unrecognised gold
//!   toponym as wrong.
//! - Split: article i (0-based, file order) is held out when i % 4 == 3; the rest is the
//!   tuning split, the only one whose errors were looked at.

use std::fmt;
use std::path::Path;

use sitrep_core::{Doc, Meta, PlacePrecision, Stage};

use crate::geo::distance_km;
use crate::PlaceTagger;

/// One gold article.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// Body text.
    pub text: String,
    /// Gold toponyms: (start, end) in code points, latitude, longitude, phrase.
    pub toponyms: Vec<GoldToponym>,
    /// The gold set annotates nationality words ("Russian", "Israeli") as places: LGL
    /// does (its `<toponym>` format), GeoVirus does not.
    pub counts_demonyms: bool,
}

/// One gold toponym.
#[derive(Debug, Clone)]
pub struct GoldToponym {
    /// Start, code points.
    pub start: usize,
    /// End, code points.
    pub end: usize,
    /// Gold latitude.
    pub lat: f64,
    /// Gold longitude.
    pub lon: f64,
    /// The words.
    pub phrase: String,
}

/// Why an evaluation could not run.
#[derive(Debug)]
pub struct EvalError(pub String);

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EvalError {}

/// Scores of one split.
#[derive(Debug, Clone, Default)]
pub struct SplitScore {
    /// Articles.
    pub articles: usize,
    /// Gold toponyms.
    pub gold: usize,
    /// Predicted toponyms.
    pub predicted: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Errors in km of the matched pairs.
    pub errors: Vec<f64>,
}

impl SplitScore {
    /// Recognition precision.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    /// Recognition recall.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// Recognition F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Share of recognised toponyms within 161 km of gold.
    pub fn acc161(&self) -> f64 {
        ratio(self.errors.iter().filter(|&&e| e <= 161.0).count(), self.errors.len())
    }
    /// Share of all gold toponyms recognised and within 161 km.
    pub fn acc161_all_gold(&self) -> f64 {
        ratio(self.errors.iter().filter(|&&e| e <= 161.0).count(), self.gold)
    }
    /// Median error, km.
    pub fn median_km(&self) -> f64 {
        let mut e = self.errors.clone();
        e.sort_by(f64::total_cmp);
        if e.is_empty() {
            0.0
        } else if e.len() % 2 == 1 {
            e[e.len() / 2]
        } else {
            (e[e.len() / 2 - 1] + e[e.len() / 2]) / 2.0
        }
    }
    /// Mean error, km.
    pub fn mean_km(&self) -> f64 {
        if self.errors.is_empty() {
            0.0
        } else {
            self.errors.iter().sum::<f64>() / self.errors.len() as f64
        }
    }
    /// AUC of the log error curve (Gritta et al. 2018), 0 best.
    pub fn auc(&self) -> f64 {
        if self.errors.is_empty() {
            return 0.0;
        }
        let max = 20039f64.ln_1p();
        self.errors.iter().map(|e| e.max(0.0).ln_1p() / max).sum::<f64>() / self.errors.len() as f64
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of one gold file: tuning split, held-out split, all.
#[derive(Debug, Clone)]
pub struct GeoEval {
    /// The file's name.
    pub name: String,
    /// Articles with i % 4 != 3.
    pub tuning: SplitScore,
    /// Articles with i % 4 == 3.
    pub held_out: SplitScore,
    /// All articles.
    pub all: SplitScore,
    /// For gold sets that count nationality words as places (LGL): the same three splits
    /// with every nationality word the tagger knows counted as its country (tuning,
    /// held-out, all). sitrep does not output them as places; this is a scoring
    /// convention, reported beside the strict figures.
    pub demonyms_as_countries: Option<[SplitScore; 3]>,
}

impl fmt::Display for GeoEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.name)?;
        writeln!(f, "  split      articles  gold  pred     P      R     F1   acc@161  acc@161(all gold)  median km  mean km   AUC")?;
        let mut rows: Vec<(&str, &SplitScore)> = vec![("tuning", &self.tuning), ("held-out", &self.held_out), ("all", &self.all)];
        if let Some([t, h, a]) = &self.demonyms_as_countries {
            rows.extend([("tuning+D", t), ("held-out+D", h), ("all+D", a)]);
        }
        for (label, s) in rows {
            writeln!(
                f,
                "  {label:<10}{:>8} {:>5} {:>5}  {:.3}  {:.3}  {:.3}   {:.3}        {:.3}          {:>7.1}  {:>7.1}  {:.3}",
                s.articles,
                s.gold,
                s.predicted,
                s.precision(),
                s.recall(),
                s.f1(),
                s.acc161(),
                s.acc161_all_gold(),
                s.median_km(),
                s.mean_km(),
                s.auc()
            )?;
        }
        writeln!(f, "  rules: gold = toponyms with coordinates; a prediction matches an overlapping gold span (one-to-one);")?;
        writeln!(f, "  acc@161, median, mean and AUC (Gritta et al. 2018, ln(1+km)/ln(20039), 0 best) over matched toponyms;")?;
        writeln!(f, "  acc@161(all gold) counts unrecognised gold toponyms as wrong; held-out = article index % 4 == 3.")?;
        if self.demonyms_as_countries.is_some() {
            writeln!(f, "  +D: this gold set counts nationality words (\"Russian\") as places; rows +D also count the nationality")?;
            writeln!(f, "  words sitrep knows, at their country's point (sitrep outputs them as actor adjectives, not places).")?;
        }
        Ok(())
    }
}

/// Read a gold file: LGL (`<toponym>` with `<gaztag>`) or GeoVirus (`<location>`).
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let xml = std::fs::read_to_string(path).map_err(|e| EvalError(format!("{}: {e}; pass a gold file of LGL or GeoVirus format (../shared/eval/lgl/lgl.xml, ../shared/eval/geovirus/GeoVirus.xml)", path.display())))?;
    let mut out = Vec::new();
    for art in elements(&xml, "article") {
        let text = unescape(elements(art, "text").next().unwrap_or_default());
        let mut toponyms = Vec::new();
        let chars: Vec<char> = text.chars().collect();
        let at = |s: usize, e: usize| chars.get(s..e).map(|c| c.iter().collect::<String>());
        let mut counts_demonyms = false;
        for t in elements(art, "toponym").chain(elements(art, "location")) {
            let num = |tag: &str| elements(t, tag).next().and_then(|s| s.trim().parse::<f64>().ok());
            let (Some(start), Some(end), Some(lat), Some(lon)) = (num("start"), num("end"), num("lat"), num("lon")) else { continue };
            let phrase = elements(t, "phrase").next().or_else(|| elements(t, "name").next()).map(unescape).unwrap_or_default();
            counts_demonyms |= elements(t, "gaztag").next().is_some();
            let (mut start, mut end) = (start as usize, end as usize);
            // GeoVirus counts from 1 ("Pandi" at 170 where the text has it at 169): take
            // the span one code point earlier when only that one holds the name.
            if start > 0 && at(start, end).as_deref() != Some(phrase.as_str()) && at(start - 1, end - 1).as_deref() == Some(phrase.as_str()) {
                start -= 1;
                end -= 1;
            }
            toponyms.push(GoldToponym { start, end, lat, lon, phrase });
        }
        out.push(GoldArticle { text, toponyms, counts_demonyms });
    }
    if out.is_empty() {
        return Err(EvalError(format!("{}: no <article> elements; expected LGL or GeoVirus XML", path.display())));
    }
    Ok(out)
}

/// The inner text of every `<tag …>…</tag>` in `xml` (not nested in itself), CDATA
/// unwrapped.
fn elements<'a>(xml: &'a str, tag: &str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let i = at + xml.get(at..)?.find(&open)?;
        let after = i + open.len();
        let next = xml.get(after..)?.chars().next()?;
        if next != '>' && next != ' ' {
            at = after;
            continue;
        }
        let body_start = after + xml.get(after..)?.find('>')? + 1;
        let body_end = body_start + xml.get(body_start..)?.find(&close)?;
        at = body_end + close.len();
        let body = &xml[body_start..body_end];
        let body = body.strip_prefix("<![CDATA[").and_then(|b| b.strip_suffix("]]>")).unwrap_or(body);
        return Some(body);
    })
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Code points `[start, end)` of `text` in brackets with 40 code points either side, on
/// one line (for the error listing).
fn context(text: &str, start: usize, end: usize) -> String {
    let mut out = String::new();
    for (k, c) in text.chars().enumerate().skip(start.saturating_sub(40)).take(end.saturating_sub(start) + 80) {
        if k == start {
            out.push('[');
        }
        if k == end {
            out.push(']');
        }
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
    out
}

/// Run `tagger` on every article of `path` (after `prepare`, which should run the
/// segmenter and the syntax stage) and score it. Articles carry no date; 2020-01-01 is
/// used. Set `SITREP_GEO_ERRORS=1` to print the tuning split's errors on stderr (FN: gold
/// toponym missed, FP: prediction matching no gold, FAR: matched but > 161 km off; each with
/// its context). Held-out errors are never printed.
pub fn evaluate(path: &Path, prepare: &dyn Fn(&mut Doc), tagger: &PlaceTagger) -> Result<GeoEval, EvalError> {
    let gold = read_gold(path)?;
    let show = std::env::var_os("SITREP_GEO_ERRORS").is_some();
    let set = path.file_stem().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut tuning = SplitScore::default();
    let mut held_out = SplitScore::default();
    let conventional = gold.iter().any(|a| a.counts_demonyms);
    let mut conv = [SplitScore::default(), SplitScore::default()];
    for (i, art) in gold.iter().enumerate() {
        let mut doc = Doc::new(Meta::new(format!("{}#{i}", path.display()), jiff::civil::date(2020, 1, 1)), art.text.clone());
        prepare(&mut doc);
        if std::env::var_os("SITREP_GEO_DEBUG").is_some() {
            eprintln!("ARTICLE {i}");
        }
        tagger.annotate(&mut doc);
        let index = sitrep_core::CharIndex::new(doc.text());
        let preds: Vec<([usize; 2], f64, f64, &str)> = doc.places.places.iter().filter(|p| p.precision != PlacePrecision::Relative).map(|p| (index.span(p.span), p.lat, p.lon, p.name.as_str())).collect();
        if conventional {
            let mut with: Vec<([usize; 2], f64, f64)> = preds.iter().map(|p| (p.0, p.1, p.2)).collect();
            for (span, c) in tagger.demonyms(&doc) {
                let e = tagger.gazetteer().entry(c);
                with.push((index.span(span), e.lat, e.lon));
            }
            score(&mut conv[usize::from(i % 4 == 3)], art, &with);
        }
        let split = if i % 4 == 3 { &mut held_out } else { &mut tuning };
        split.articles += 1;
        split.gold += art.toponyms.len();
        split.predicted += preds.len();
        let mut used = vec![false; art.toponyms.len()];
        for (span, lat, lon, name) in &preds {
            let hit = art.toponyms.iter().enumerate().find(|(g, t)| !used[*g] && t.start < span[1] && span[0] < t.end);
            match hit {
                Some((g, t)) => {
                    used[g] = true;
                    split.matched += 1;
                    let err = distance_km(*lat, *lon, t.lat, t.lon);
                    split.errors.push(err);
                    if show && i % 4 != 3 && err > 161.0 {
                        eprintln!("FAR {set} {i} {:?} → {name} ({lat:.2},{lon:.2}) gold ({:.2},{:.2}) {err:.0} km | {}", t.phrase, t.lat, t.lon, context(doc.text(), t.start, t.end));
                    }
                }
                None => {
                    if show && i % 4 != 3 {
                        let text: String = doc.text().chars().skip(span[0]).take(span[1] - span[0]).collect();
                        eprintln!("FP {set} {i} {text:?} → {name} | {}", context(doc.text(), span[0], span[1]));
                    }
                }
            }
        }
        if show && i % 4 != 3 {
            for (g, t) in art.toponyms.iter().enumerate() {
                if !used[g] {
                    eprintln!("FN {set} {i} {:?} | {}", t.phrase, context(doc.text(), t.start, t.end));
                }
            }
        }
    }
    let all = merged(&tuning, &held_out);
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let demonyms_as_countries = conventional.then(|| {
        let [t, h] = conv;
        let a = merged(&t, &h);
        [t, h, a]
    });
    Ok(GeoEval { name, tuning, held_out, all, demonyms_as_countries })
}

fn merged(a: &SplitScore, b: &SplitScore) -> SplitScore {
    let mut all = a.clone();
    all.articles += b.articles;
    all.gold += b.gold;
    all.predicted += b.predicted;
    all.matched += b.matched;
    all.errors.extend_from_slice(&b.errors);
    all
}

/// Score predictions (code-point span, latitude, longitude) of one article into `split`
/// by the rules above.
fn score(split: &mut SplitScore, art: &GoldArticle, preds: &[([usize; 2], f64, f64)]) {
    split.articles += 1;
    split.gold += art.toponyms.len();
    split.predicted += preds.len();
    let mut used = vec![false; art.toponyms.len()];
    for (span, lat, lon) in preds {
        if let Some((g, t)) = art.toponyms.iter().enumerate().find(|(g, t)| !used[*g] && t.start < span[1] && span[0] < t.end) {
            used[g] = true;
            split.matched += 1;
            split.errors.push(distance_km(*lat, *lon, t.lat, t.lon));
        }
    }
}
