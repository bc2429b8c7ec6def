//! Store benchmarks (harness = false):
//!
//! 1. ingest reports/s through the whole pipeline on all cores, one writer, on the first
//!    N reports of `bench/corpus/news.jsonl` (`python3 bench/make_corpus.py` makes it;
//!    invented reports otherwise);
//! 2. the writer alone (a stand-in annotator) building a synthetic ≥ 1 M-event database;
//! 3. query latency (p50, p95) of representative filters on that database.
//!
//! ```sh
//! cargo bench -p sitrep-store --bench store                   # all
//! SITREP_BENCH_REPORTS=10000 SITREP_BENCH_EVENTS=1000000 cargo bench -p sitrep-store --bench store
//! SITREP_BENCH_SKIP_PIPELINE=1 cargo bench -p sitrep-store --bench store   # store only
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep_core::{Doc, Event, EventDate, Factuality, Participant, Place, PlacePrecision, Span};
use sitrep_store::{events, ingest, stories, Filter, IngestOptions, MergeOptions, Sort, Store};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const COUNTRIES: &[&str] = &["RUS", "UKR", "USA", "CHN", "FRA", "DEU", "TUR", "IRN", "ISR", "SYR", "GBR", "POL", "IND", "PAK", "NGA", "SDN", "ETH", "MLI", "YEM", "AFG"];
const ROLES: &[&str] = &["MIL", "GOV", "REB", "COP", "CVL", "OPP", ""];
const CODES: &[(&str, &str, f32)] = &[
    ("190", "ASSAULT", -10.0), ("193", "ASSAULT", -10.0), ("195", "ASSAULT", -10.0), ("183", "ASSAULT", -10.0),
    ("040", "CONSULT", 1.0), ("042", "CONSULT", 1.9), ("036", "COOPERATE", 4.0), ("057", "AGREE", 8.0),
    ("112", "ACCUSE", -2.0), ("141", "PROTEST", -6.5), ("173", "COERCE", -5.0), ("0214", "REQUEST", 3.4),
];
const WORDS: &[&str] = &["troops", "shelling", "drone", "strike", "talks", "ceasefire", "convoy", "border", "village", "airport", "protesters", "officials", "artillery", "missile", "negotiators", "aid"];

/// A report of `n` invented events on `date`, seeded by `seed`; the text names everything coded.
fn synthetic_report(seed: u64, date: jiff::civil::Date, n: usize) -> String {
    let mut r = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut text = String::new();
    for _ in 0..n {
        text.push_str(&format!("{} {} {} near place {}. ", r.pick(WORDS), r.pick(WORDS), r.pick(WORDS), r.next() % 400));
    }
    serde_json::json!({"id": format!("syn-{seed}"), "date": date.to_string(), "source": format!("src{}", seed % 97), "text": text, "lang": "en"}).to_string()
}

/// The stand-in annotator: one event per sentence, fields drawn from the report id.
fn fake(doc: &mut Doc) {
    let seed = doc.meta.id.bytes().fold(1469598103934665603u64, |h, b| (h ^ b as u64).wrapping_mul(1099511628211));
    let mut r = Rng(seed | 1);
    let text = doc.text().to_string();
    let mut start = 0;
    for (i, sentence) in text.split_inclusive(". ").enumerate() {
        let span = Span::from_usize(start, start + sentence.trim_end().len());
        start += sentence.len();
        let (cameo, plover, g) = *r.pick(CODES);
        let place_no = r.next() % 400;
        let mut pr = Rng(place_no * 7919 + 1);
        let (lat, lon) = (pr.unit() * 120.0 - 50.0, pr.unit() * 300.0 - 150.0);
        let mut p = Place::new(span, format!("Place {place_no}"), lat, lon, PlacePrecision::City);
        p.country = Some(format!("{}{}", (b'A' + (place_no % 26) as u8) as char, (b'A' + (place_no / 26 % 26) as u8) as char));
        doc.places.places.push(p);
        let side = |r: &mut Rng| Participant { span, actor: Some(format!("{}{}", r.pick(COUNTRIES), r.pick(ROLES))), entity: None, inferred: false };
        let date = doc.meta.date.checked_sub(jiff::Span::new().days((r.next() % 3) as i64)).unwrap();
        doc.events.events.push(Event {
            sentence: span,
            trigger: Span::from_usize(span.start as usize, span.start as usize + 3),
            cameo: cameo.into(),
            plover: Some(plover.into()),
            goldstein: Some(g),
            source: Some(side(&mut r)),
            target: Some(side(&mut r)),
            place: Some(i),
            date: EventDate { value: date.to_string(), from: None },
            quantities: vec![],
            attribution: None,
            factuality: if r.next() % 10 < 1 { Factuality::Negated } else { Factuality::Asserted },
            confidence: (r.unit() as f32).max(0.1),
        });
    }
}

fn percentile(xs: &mut [f64], p: f64) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[((xs.len() as f64 - 1.0) * p).round() as usize]
}

fn bench_pipeline_ingest(dir: &Path) {
    let n = env_usize("SITREP_BENCH_REPORTS", 10_000);
    let news = std::env::var("SITREP_BENCH_CORPUS").map(PathBuf::from).unwrap_or_else(|_| root().join("bench/corpus/news.jsonl"));
    let input = dir.join("corpus.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    let mut bytes = 0usize;
    let what = if news.exists() {
        // The corpus repeats its texts (about 900 distinct); the store would rightly skip
        // the copies, so each copy gets a line of its own to make it a new report.
        let text = std::fs::read_to_string(&news).unwrap();
        let mut seen = std::collections::HashSet::new();
        for (i, line) in text.lines().take(n).enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            let body = v["text"].as_str().unwrap_or("").to_string();
            if !seen.insert(body.clone()) {
                v["text"] = serde_json::Value::String(format!("{body}\n\nFiled as report {i}."));
            }
            let line = v.to_string();
            bytes += line.len();
            writeln!(out, "{line}").unwrap();
        }
        "news.jsonl"
    } else {
        let d0 = jiff::civil::date(2022, 1, 1);
        for i in 0..n {
            let l = synthetic_report(i as u64 + 1, d0.checked_add(jiff::Span::new().days((i % 365) as i64)).unwrap(), 12);
            bytes += l.len();
            writeln!(out, "{l}").unwrap();
        }
        "invented reports (bench/corpus/news.jsonl absent)"
    };
    drop(out);
    let pipeline = sitrep::Pipeline::new().unwrap();
    let db = dir.join("pipeline.db");
    let t = Instant::now();
    let st = ingest(&db, &[input.to_string_lossy().into_owned()], &IngestOptions::default(), &|d: &mut Doc| pipeline.run(d), &mut |_| {}).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "ingest (pipeline, {} threads): {} reports ({:.1} MB) of {what}: {} stored, {} events, {} stories, {:.1} s → {:.0} reports/s, {:.0} events/s",
        rayon::current_num_threads(),
        st.read,
        bytes as f64 / 1e6,
        st.stored,
        st.events,
        st.stories.as_ref().map(|s| s.stories).unwrap_or(0),
        secs,
        st.stored as f64 / secs,
        st.events as f64 / secs
    );
    let t = Instant::now();
    let again = ingest(&db, &[input.to_string_lossy().into_owned()], &IngestOptions::default(), &|d: &mut Doc| pipeline.run(d), &mut |_| {}).unwrap();
    println!("re-ingest of the same reports: {} stored, {} skipped in {:.2} s", again.stored, again.skipped_existing, t.elapsed().as_secs_f64());
}

fn synthetic_db(dir: &Path) -> PathBuf {
    let events_wanted = env_usize("SITREP_BENCH_EVENTS", 1_000_000);
    let per_report = 10;
    let db = std::env::var("SITREP_BENCH_DB").map(PathBuf::from).unwrap_or_else(|_| dir.join(format!("synthetic-{events_wanted}.db")));
    if db.exists() {
        if let Ok(s) = Store::open_existing(&db) {
            if s.counts().map(|c| c.1 as usize >= events_wanted).unwrap_or(false) {
                println!("synthetic database: reusing {}", db.display());
                return db;
            }
        }
        let _ = std::fs::remove_file(&db);
    }
    let reports = events_wanted.div_ceil(per_report);
    let input = dir.join("synthetic.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    let d0 = jiff::civil::date(2020, 1, 1);
    for i in 0..reports {
        writeln!(out, "{}", synthetic_report(i as u64 + 1, d0.checked_add(jiff::Span::new().days((i % 1500) as i64)).unwrap(), per_report)).unwrap();
    }
    drop(out);
    let t = Instant::now();
    let opts = IngestOptions { merge: None, ..IngestOptions::default() };
    let st = ingest(&db, &[input.to_string_lossy().into_owned()], &opts, &fake, &mut |_| {}).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "ingest (stand-in annotator, writer-bound): {} reports, {} events in {:.1} s → {:.0} reports/s, {:.0} events/s",
        st.stored,
        st.events,
        secs,
        st.stored as f64 / secs,
        st.events as f64 / secs
    );
    let t = Instant::now();
    let mut store = Store::open(&db).unwrap();
    let s = sitrep_store::rebuild_stories(&mut store, &MergeOptions::default()).unwrap();
    println!("stories rebuilt: {} events → {} stories ({} multi-report) in {:.1} s", s.events, s.stories, s.multi_report, t.elapsed().as_secs_f64());
    let _ = std::fs::remove_file(&input);
    db
}

fn bench_queries(db: &Path) {
    let store = Store::open_existing(db).unwrap();
    let (r, e, s) = store.counts().unwrap();
    println!("query latency on {r} reports, {e} events, {s} stories (20 runs each, varied parameters, limit 100):");
    let runs = 20;
    let mut all = Vec::new();
    type Make = Box<dyn Fn(usize) -> Filter>;
    let base = || Filter { limit: Some(100), ..Filter::default() };
    let day = |i: usize| jiff::civil::date(2020, 1, 1).checked_add(jiff::Span::new().days((i * 71 % 1400) as i64)).unwrap().to_string();
    let cases: Vec<(&str, Make, bool)> = vec![
        ("latest events", Box::new(move |_| base()), false),
        ("date range (30 days)", Box::new(move |i| Filter { event_from: Some(day(i)), event_to: Some(day(i).get(..8).unwrap().to_string() + "28"), ..base() }), false),
        ("actor prefix", Box::new(move |i| Filter { actor: Some(COUNTRIES[i % COUNTRIES.len()].into()), ..base() }), false),
        ("actor + date range", Box::new(move |i| Filter { actor: Some(format!("{}MIL", COUNTRIES[i % COUNTRIES.len()])), event_from: Some(day(i)), ..base() }), false),
        ("place country + root", Box::new(move |i| Filter { country: Some(format!("{}A", (b'A' + (i % 26) as u8) as char)), cameo: Some("19".into()), ..base() }), false),
        ("CAMEO code", Box::new(move |i| Filter { cameo: Some(CODES[i % CODES.len()].0.into()), ..base() }), false),
        ("PLOVER + factuality", Box::new(move |_| Filter { plover: Some("ASSAULT".into()), factuality: Some("negated".into()), ..base() }), false),
        ("near 50 km", Box::new(move |i| { let mut pr = Rng((i as u64 % 400) * 7919 + 1); Filter { near: Some((pr.unit() * 120.0 - 50.0, pr.unit() * 300.0 - 150.0, 50.0)), ..base() } }), false),
        ("full text", Box::new(move |i| Filter { text: Some(format!("{} {}", WORDS[i % WORDS.len()], WORDS[(i * 7 + 3) % WORDS.len()])), ..base() }), false),
        ("full text + actor", Box::new(move |i| Filter { text: Some(WORDS[i % WORDS.len()].into()), actor: Some("RUS".into()), ..base() }), false),
        ("stories by mentions", Box::new(move |_| Filter { sort: Sort::Mentions, ..base() }), true),
        ("stories: country + dates", Box::new(move |i| Filter { country: Some(COUNTRIES[i % COUNTRIES.len()].into()), event_from: Some(day(i)), ..base() }), true),
    ];
    for (name, make, is_story) in &cases {
        let mut times = Vec::new();
        let mut rows = 0;
        for i in 0..runs {
            let f = make(i);
            let t = Instant::now();
            rows += if *is_story { stories(&store, &f).unwrap().len() } else { events(&store, &f).unwrap().len() };
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        all.extend(times.iter().copied());
        let p50 = percentile(&mut times.clone(), 0.5);
        let p95 = percentile(&mut times, 0.95);
        println!("  {name:<28} p50 {p50:>7.2} ms  p95 {p95:>7.2} ms  ({} rows/run)", rows / runs);
    }
    println!("  all queries                  p50 {:>7.2} ms  p95 {:>7.2} ms", percentile(&mut all.clone(), 0.5), percentile(&mut all, 0.95));
}

fn main() {
    let dir = std::env::var("SITREP_BENCH_DIR").map(PathBuf::from).unwrap_or_else(|_| std::env::temp_dir().join("sitrep-store-bench"));
    std::fs::create_dir_all(&dir).unwrap();
    if std::env::var("SITREP_BENCH_SKIP_PIPELINE").is_err() {
        let _ = std::fs::remove_file(dir.join("pipeline.db"));
        bench_pipeline_ingest(&dir);
    }
    let db = synthetic_db(&dir);
    bench_queries(&db);
}
