//! The built-in gazetteer: GeoNames countries, first- and second-level divisions, places
//! of 1,000+ people with their alternate names, continents and regions, and demonyms;
//! all names compiled into one Aho-Corasick automaton over their normalised forms.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use sitrep_learn::hash::BuildFxHasher;

use crate::normalize::normalize_into;

/// The derived gazetteer file (data/geo/gazetteer.tsv.gz, see data/geo/README.md),
/// compiled into the binary inflated (by build.rs) as text, which the compiler checks is
/// UTF-8 (so that loading need not).
static BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));
/// Its name index (names → records, and the serialised automaton; data/geo/names.idx.gz,
/// made from it by `cargo run --release -p sitrep-geo --example compile_gazetteer`),
/// inflated likewise.
static BUILTIN_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.idx"));
/// First bytes of a name index.
const INDEX_MAGIC: &[u8; 8] = b"SGEOIDX1";

/// A map hashed with Fx: the keys are country codes, division codes and record indices.
type FxMap<K, V> = HashMap<K, V, BuildFxHasher>;

/// What a gazetteer record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A country or territory (GeoNames PCLI and kin).
    Country,
    /// A first-level administrative division.
    Admin1,
    /// A second-level administrative division.
    Admin2,
    /// A populated place (feature class P).
    Place,
    /// A region, sea or peninsula.
    Region,
    /// A continent.
    Continent,
}

/// One gazetteer record.
#[derive(Debug, Clone)]
pub struct Entry {
    /// GeoNames id (0 when the record has none).
    pub id: u32,
    /// Preferred name (borrowed from the built-in file, which the binary holds).
    pub name: Cow<'static, str>,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// What the record is.
    pub kind: Kind,
    /// GeoNames feature code (`PPLC`, `ADM1`, `PCLI`, …).
    pub fcode: &'static str,
    /// ISO 3166-1 alpha-2 country code (`[0, 0]` for none).
    pub cc: [u8; 2],
    /// GeoNames admin1 code within the country (`12`, `CA`); for countries the ISO3 code.
    pub admin1: Cow<'static, str>,
    /// Population (0 when unknown).
    pub population: u64,
}

impl Entry {
    /// The country code as text, if any.
    pub fn country(&self) -> Option<&str> {
        if self.cc == [0, 0] {
            None
        } else {
            std::str::from_utf8(&self.cc).ok()
        }
    }
}

/// A name in the automaton: the records it names and, for demonyms, the country.
#[derive(Debug, Clone, Default)]
pub struct NameInfo {
    /// Range into the gazetteer's candidate list.
    start: u32,
    end: u32,
    /// For demonyms and adjectives ("Ukrainian", "Ukrainians"): the country.
    pub demonym: Option<[u8; 2]>,
}

/// One candidate record of a name, and whether the name is the record's preferred name.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// Index into [`Gazetteer::entries`].
    pub entry: u32,
    /// True when the name is the record's preferred (GeoNames main) name.
    pub primary: bool,
}

/// Why a gazetteer could not be loaded.
#[derive(Debug)]
pub struct GazetteerError(pub String);

impl std::fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "gazetteer: {} (rebuild data/geo/gazetteer.tsv.gz with data/geo/build_gazetteer.py)", self.0)
    }
}

impl std::error::Error for GazetteerError {}

/// The gazetteer: records, names and the name automaton.
///
/// ```
/// let gaz = sitrep_geo::Gazetteer::builtin();
/// let kyiv = gaz.lookup("Kiev").iter().map(|c| gaz.entry(c.entry)).find(|e| e.id == 703448);
/// assert!(kyiv.is_some());
/// ```
pub struct Gazetteer {
    entries: Vec<Entry>,
    names: Vec<NameInfo>,
    candidates: Vec<Candidate>,
    automaton: DoubleArrayAhoCorasick<u32>,
    countries: FxMap<[u8; 2], u32>,
    /// First-level divisions by country, then by their code within it.
    admin1: FxMap<[u8; 2], FxMap<Cow<'static, str>, u32>>,
    capitals: FxMap<[u8; 2], u32>,
    /// Summed population of the places in each first-level division, by entry index (0
    /// for other records).
    division_pop: Vec<u64>,
    /// Each country's box (south, west, north, east), from the 5th to the 95th
    /// percentile of its places' latitudes and longitudes.
    boxes: FxMap<[u8; 2], [f64; 4]>,
    /// The populated places of each country, in record order; indexed on first use.
    places_by_country: OnceLock<FxMap<[u8; 2], CountryPlaces>>,
}

/// The populated places of one country, in record order: their records and, side by
/// side, their points (latitude, longitude), read together when the nearest is sought.
#[derive(Default)]
struct CountryPlaces {
    entries: Vec<u32>,
    points: Vec<[f64; 2]>,
}

/// The feature codes a record may have, the gazetteer's most frequent first (so that
/// [`intern`] finds most at once).
const FCODES: &[&str] = &[
    "PPL", "PPLA3", "ADM2", "PPLA2", "PPLX", "PPLA4", "ADM1", "PPLA", "PPLA5", "PPLC", "PPLL", "PPLF", "PPLG", "PPLH", "PPLQ", "PPLR",
    "PPLS", "PPLW", "PPLCH", "STLMT", "PCLI", "CONT", "RGN", "PEN", "SEA", "GULF", "STRT", "BAY", "LK",
];

/// Split `line` at tabs into `fields` as `line.splitn(fields.len(), '\t')` would (the
/// last field keeps the rest of the line), returning the number of fields; a scan of
/// eight bytes at a time, cheaper than the `char` pattern for short fields.
fn split_tabs<'a>(line: &'a str, fields: &mut [&'a str]) -> usize {
    let Some(last) = fields.len().checked_sub(1) else { return 0 };
    let bytes = line.as_bytes();
    let (mut k, mut start) = (0, 0);
    // A tab is one byte in UTF-8 and never part of another character.
    while k < last {
        let Some(tab) = next_tab(bytes, start) else { break };
        fields[k] = &line[start..tab];
        start = tab + 1;
        k += 1;
    }
    fields[k] = &line[start..];
    k + 1
}

/// The first tab in `bytes` at or after `from` ([`next_byte`]).
#[inline]
fn next_tab(bytes: &[u8], from: usize) -> Option<usize> {
    next_byte(bytes, from, b'\t')
}

/// The first `byte` (ASCII) in `bytes` at or after `from`: eight bytes at a time (the
/// lowest byte flagged by the zero-byte test is the first match; only bytes after a
/// match can be flagged falsely), the last few one by one.
#[inline]
fn next_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(byte));
        let found = x.wrapping_sub(ONES) & !x & (ONES << 7);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| b == byte).map(|p| at + p)
}

/// The lines of `text` as [`str::lines`] gives them (split at "\n", a "\r" before it
/// dropped, no empty line after a final "\n"), found by [`next_byte`] rather than by
/// `lines`' `char` pattern.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        // A newline is one byte in UTF-8 and never part of another character, so every
        // cut below falls on a character boundary.
        let (line, next) = match next_byte(bytes, start, b'\n') {
            Some(nl) => (text.get(start..nl).map(|l| l.strip_suffix('\r').unwrap_or(l)), nl + 1),
            None => (text.get(start..), bytes.len()),
        };
        start = next;
        line
    })
}

fn intern(code: &str) -> &'static str {
    FCODES.iter().find(|c| **c == code).copied().unwrap_or("PPL")
}

fn cc_of(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 {
        [b[0], b[1]]
    } else {
        [0, 0]
    }
}

impl Gazetteer {
    /// The built-in gazetteer, loaded on first use (about 0.1 s) and shared, with the
    /// country and division points of `points.rs` in place of the file's.
    ///
    /// # Panics
    /// Only if the file compiled into the binary is corrupt, which the crate's tests
    /// rule out.
    pub fn builtin() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| {
            // The names are borrowed from the file in the binary, not copied: 400,000
            // allocations fewer.
            let mut gaz = Gazetteer::load_with(BUILTIN, BUILTIN_INDEX, Cow::Borrowed).expect("the built-in gazetteer loads (tested)");
            gaz.repoint(crate::points::POINTS);
            gaz
        })
    }

    /// Move the records with the given GeoNames ids to new points ((id, latitude,
    /// longitude); see [`crate::points`]). Ids the gazetteer lacks are skipped.
    pub fn repoint(&mut self, points: &[(u32, f64, f64)]) {
        for e in &mut self.entries {
            if e.id == 0 {
                continue;
            }
            if let Some(&(_, lat, lon)) = points.iter().find(|p| p.0 == e.id) {
                e.lat = lat;
                e.lon = lon;
            }
        }
        // (The points of the places index are taken afresh.)
        self.places_by_country = OnceLock::new();
    }

    /// Load a gazetteer from its gzip-compressed TSV (data/geo/build_gazetteer.py) and
    /// the name index compiled from it ([`Gazetteer::index_bytes`], gzip-compressed).
    /// Fast: alternate names are not read, the automaton is deserialised.
    pub fn load(tsv_gz: &[u8], index_gz: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let text = gunzip_text(tsv_gz)?;
        let mut index = Vec::with_capacity(index_gz.len() * 3);
        flate2::read::GzDecoder::new(index_gz)
            .read_to_end(&mut index)
            .map_err(|e| GazetteerError(format!("cannot decompress the name index: {e}")))?;
        Gazetteer::load_inflated(text.as_bytes(), &index)
    }

    /// [`Gazetteer::load`] from the TSV and the name index as they are once inflated.
    pub fn load_inflated(tsv: &[u8], index: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let text = std::str::from_utf8(tsv).map_err(|e| GazetteerError(format!("the gazetteer is not UTF-8: {e}")))?;
        Gazetteer::load_with(text, index, |s| Cow::Owned(s.into()))
    }

    /// [`Gazetteer::load_inflated`], each record's names made by `keep` from the
    /// file's text (borrowed when the file lives as long as the program).
    fn load_with<'a>(text: &'a str, index: &[u8], keep: impl Fn(&'a str) -> Cow<'static, str>) -> Result<Gazetteer, GazetteerError> {
        let mut entries = Vec::with_capacity(210_000);
        // The fields of a line, in place (no vector per line).
        let mut f = [""; 10];
        for (n, line) in lines(text).enumerate() {
            let k = split_tabs(line, &mut f);
            // (`all` stops at the first letter, where `trim` looks at both ends.)
            if f[0] == "D" || line.chars().all(char::is_whitespace) {
                continue;
            }
            entries.push(parse_entry(n, &f[..k], &keep)?);
        }
        let mut r = Reader { b: index, at: 0 };
        if r.take(8)? != INDEX_MAGIC {
            return Err(GazetteerError("the name index has the wrong format".into()));
        }
        if r.u32()? as usize != entries.len() {
            return Err(GazetteerError("the name index was compiled from another gazetteer file".into()));
        }
        let n_names = r.u32()? as usize;
        let mut names = Vec::with_capacity(n_names);
        let mut candidates = Vec::with_capacity(n_names * 2);
        for _ in 0..n_names {
            let dem = r.take(3)?;
            let demonym = (dem[0] == 1).then_some([dem[1], dem[2]]);
            let k = r.u32()? as usize;
            let start = candidates.len() as u32;
            for _ in 0..k {
                let v = r.u32()?;
                let entry = v & 0x7fff_ffff;
                if entry as usize >= entries.len() {
                    return Err(GazetteerError("the name index points past the records".into()));
                }
                candidates.push(Candidate { entry, primary: v >> 31 == 1 });
            }
            names.push(NameInfo { start, end: candidates.len() as u32, demonym });
        }
        let len = r.u32()? as usize;
        let bytes = r.take(len)?;
        // SAFETY: `bytes` was written by `DoubleArrayAhoCorasick::serialize` of the same
        // (pinned, `=1.0.1`) daachorse version in `index_bytes`; the magic, record count
        // and length checks above reject other files, and the crate's tests load it.
        let (automaton, _) = unsafe { DoubleArrayAhoCorasick::<u32>::deserialize_unchecked(bytes) };
        Ok(Gazetteer::assemble(entries, names, candidates, automaton))
    }

    /// The name index of this gazetteer, to be gzip-compressed and passed to
    /// [`Gazetteer::load`].
    pub fn index_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.candidates.len() * 4 + self.names.len() * 8);
        out.extend_from_slice(INDEX_MAGIC);
        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.names.len() as u32).to_le_bytes());
        for (i, n) in self.names.iter().enumerate() {
            match n.demonym {
                Some(cc) => out.extend_from_slice(&[1, cc[0], cc[1]]),
                None => out.extend_from_slice(&[0, 0, 0]),
            }
            let c = self.candidates(i as u32);
            out.extend_from_slice(&(c.len() as u32).to_le_bytes());
            for c in c {
                out.extend_from_slice(&(c.entry | (u32::from(c.primary) << 31)).to_le_bytes());
            }
        }
        let a = self.automaton.serialize();
        out.extend_from_slice(&(a.len() as u32).to_le_bytes());
        out.extend_from_slice(&a);
        out
    }

    /// Compile a gazetteer from its gzip-compressed TSV, reading every alternate name
    /// and building the automaton (a few seconds; used to make the name index).
    pub fn compile_gzip(tsv_gz: &[u8]) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::compile(&gunzip_text(tsv_gz)?)
    }

    /// Compile a gazetteer from its uncompressed TSV text.
    pub fn compile(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut entries = Vec::with_capacity(210_000);
        // normalised name → list of (entry, primary); demonyms kept aside.
        let mut by_name: HashMap<Box<str>, u32> = HashMap::with_capacity(600_000);
        let mut lists: Vec<Vec<Candidate>> = Vec::with_capacity(600_000);
        let mut demonyms: Vec<([u8; 2], u32)> = Vec::new();
        let mut buf = String::new();
        let mut add = |by_name: &mut HashMap<Box<str>, u32>, lists: &mut Vec<Vec<Candidate>>, name: &str, c: Option<Candidate>| -> Option<u32> {
            buf.clear();
            normalize_into(name, &mut buf);
            if buf.is_empty() {
                return None;
            }
            let id = match by_name.get(buf.as_str()) {
                Some(&id) => id,
                None => {
                    let id = lists.len() as u32;
                    by_name.insert(buf.as_str().into(), id);
                    lists.push(Vec::new());
                    id
                }
            };
            if let Some(c) = c {
                let list = &mut lists[id as usize];
                if !list.iter().any(|x| x.entry == c.entry) {
                    list.push(c);
                }
            }
            Some(id)
        };
        for (n, line) in text.lines().enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 10 {
                if line.trim().is_empty() {
                    continue;
                }
                return Err(GazetteerError(format!("line {}: {} fields, expected 10", n + 1, f.len())));
            }
            if f[0] == "D" {
                let cc = cc_of(f[6]);
                for w in [f[2].to_string(), format!("{}s", f[2])] {
                    if let Some(id) = add(&mut by_name, &mut lists, &w, None) {
                        demonyms.push((cc, id));
                    }
                }
                continue;
            }
            let entry = parse_entry(n, &f, &|s| Cow::Owned(s.into()))?;
            let e = entries.len() as u32;
            add(&mut by_name, &mut lists, f[2], Some(Candidate { entry: e, primary: true }));
            if !f[9].is_empty() {
                for alt in f[9].split('|') {
                    add(&mut by_name, &mut lists, alt, Some(Candidate { entry: e, primary: false }));
                }
            }
            entries.push(entry);
        }
        let mut names = Vec::with_capacity(lists.len());
        let mut candidates = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for list in &lists {
            let start = candidates.len() as u32;
            candidates.extend_from_slice(list);
            names.push(NameInfo { start, end: candidates.len() as u32, demonym: None });
        }
        // A demonym several countries share names the most populous: "French" is France's,
        // not Mayotte's, "Chinese" China's, not Macau's ("the Chinese capital" was Macau).
        let countries: HashMap<[u8; 2], u64> = entries.iter().filter(|e| e.kind == Kind::Country).map(|e| (e.cc, e.population)).collect();
        let population = |cc: [u8; 2]| countries.get(&cc).copied().unwrap_or(0);
        for (cc, id) in demonyms {
            let name = &mut names[id as usize];
            if name.demonym.is_none_or(|old| population(old) < population(cc)) {
                name.demonym = Some(cc);
            }
        }
        let mut patterns: Vec<(String, u32)> = by_name.iter().map(|(k, &v)| (format!(" {k} "), v)).collect();
        patterns.sort_unstable();
        let automaton = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build_with_values(patterns)
            .map_err(|e| GazetteerError(format!("cannot build the name automaton: {e}")))?;
        Ok(Gazetteer::assemble(entries, names, candidates, automaton))
    }

    fn assemble(entries: Vec<Entry>, names: Vec<NameInfo>, candidates: Vec<Candidate>, automaton: DoubleArrayAhoCorasick<u32>) -> Gazetteer {
        let mut countries = FxMap::default();
        let mut admin1: FxMap<[u8; 2], FxMap<Cow<'static, str>, u32>> = FxMap::default();
        let mut capitals = FxMap::default();
        for (i, e) in entries.iter().enumerate() {
            match e.kind {
                Kind::Country => {
                    countries.insert(e.cc, i as u32);
                }
                Kind::Admin1 => {
                    admin1.entry(e.cc).or_default().insert(e.admin1.clone(), i as u32);
                }
                Kind::Place if e.fcode == "PPLC" => {
                    let better = capitals.get(&e.cc).is_none_or(|&j: &u32| entries[j as usize].population < e.population);
                    if better {
                        capitals.insert(e.cc, i as u32);
                    }
                }
                _ => {}
            }
        }
        // Each division's population by its record, and each country's points, gathered
        // by index: a country code of two capital letters (all but none) has a slot of
        // its own, not a hash.
        let mut division_pop = vec![0u64; entries.len()];
        let mut by_letters: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); 26 * 26];
        let mut by_other: FxMap<[u8; 2], (Vec<f64>, Vec<f64>)> = FxMap::default();
        // Places come in runs of one division: its record is looked up once per run.
        let mut key: ([u8; 2], &str) = ([0, 0], "");
        let mut division: Option<u32> = None;
        for e in &entries {
            if e.kind != Kind::Place {
                continue;
            }
            if key.0 != e.cc || key.1 != &*e.admin1 {
                key = (e.cc, &e.admin1);
                division = admin1.get(&e.cc).and_then(|codes| codes.get(&*e.admin1)).copied();
            }
            if let Some(d) = division.and_then(|d| division_pop.get_mut(d as usize)) {
                *d += e.population;
            }
            let points = match letter_slot(e.cc) {
                Some(k) => &mut by_letters[k],
                None => by_other.entry(e.cc).or_default(),
            };
            points.0.push(e.lat);
            points.1.push(e.lon);
        }
        let by_letters = by_letters.into_iter().enumerate().filter(|(_, points)| !points.0.is_empty()).map(|(k, points)| (slot_letters(k), points));
        let boxes = by_letters
            .chain(by_other)
            .map(|(cc, (mut la, mut lo))| (cc, [quantile(&mut la, 0.05), quantile(&mut lo, 0.05), quantile(&mut la, 0.95), quantile(&mut lo, 0.95)]))
            .collect();
        Gazetteer { entries, names, candidates, automaton, countries, admin1, capitals, division_pop, boxes, places_by_country: OnceLock::new() }
    }

    /// The summed population of the places of first-level division `i` (an entry
    /// index), 0 for other records: a measure of the division's size.
    pub fn division_population(&self, i: u32) -> u64 {
        self.division_pop.get(i as usize).copied().unwrap_or(0)
    }

    /// Country `cc`'s box (south, west, north, east): the middle 90% of its places'
    /// latitudes and longitudes.
    pub fn country_box(&self, cc: [u8; 2]) -> Option<[f64; 4]> {
        self.boxes.get(&cc).copied()
    }

    /// Record `i`.
    #[inline]
    pub fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the gazetteer holds no records.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct normalised names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// The name with id `id` (as found by [`Gazetteer::find_names`]).
    #[inline]
    pub fn name(&self, id: u32) -> &NameInfo {
        &self.names[id as usize]
    }

    /// The records a name id stands for.
    #[inline]
    pub fn candidates(&self, id: u32) -> &[Candidate] {
        let n = &self.names[id as usize];
        &self.candidates[n.start as usize..n.end as usize]
    }

    /// The records named `name` (any spelling the gazetteer knows, normalised).
    pub fn lookup(&self, name: &str) -> &[Candidate] {
        let mut buf = String::from(" ");
        normalize_into(name, &mut buf);
        buf.push(' ');
        match self.name_id(&buf) {
            Some(id) => self.candidates(id),
            None => &[],
        }
    }

    /// The name id of `" name "` (normalised, with a space at both ends), if known.
    pub fn name_id(&self, padded: &str) -> Option<u32> {
        self.find_names(padded).find(|&(s, e, _)| s == 0 && e == padded.len()).map(|(_, _, id)| id)
    }

    /// Every name occurring in `haystack` as `(start, end, name id)`; `haystack` must be
    /// normalised words separated by single spaces, with a space at both ends, so that
    /// names match whole words only. Byte offsets include the surrounding spaces.
    pub fn find_names<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = (usize, usize, u32)> + 'a {
        self.automaton.find_overlapping_iter(haystack).map(|m| (m.start(), m.end(), m.value()))
    }

    /// The country record with ISO code `cc`.
    pub fn country(&self, cc: [u8; 2]) -> Option<u32> {
        self.countries.get(&cc).copied()
    }

    /// The first-level division `code` of country `cc`.
    pub fn admin1(&self, cc: [u8; 2], code: &str) -> Option<u32> {
        self.admin1.get(&cc)?.get(code).copied()
    }

    /// The populated places ([`Kind::Place`]) of country `cc`, as indices in record order
    /// (a walk over all records, filtered, yields the same). The index is built on first
    /// use.
    pub fn places_in(&self, cc: [u8; 2]) -> &[u32] {
        self.country_places(cc).map_or(&[], |p| p.entries.as_slice())
    }

    /// The populated places of country `cc` with their points (indexed on first use).
    fn country_places(&self, cc: [u8; 2]) -> Option<&CountryPlaces> {
        let index = self.places_by_country.get_or_init(|| {
            let mut index: FxMap<[u8; 2], CountryPlaces> = FxMap::default();
            for (i, e) in self.entries.iter().enumerate() {
                if e.kind == Kind::Place {
                    let places = index.entry(e.cc).or_default();
                    places.entries.push(i as u32);
                    places.points.push([e.lat, e.lon]);
                }
            }
            index
        });
        index.get(&cc)
    }

    /// The populated place of country `cc` nearest to (`lat`, `lon`) by
    /// [`crate::geo::distance_km`], the first in record order of those equally near;
    /// `None` when the country has none.
    ///
    /// The same as measuring every place of [`Gazetteer::places_in`], but a place whose
    /// latitude alone puts it farther than the nearest so far (a great circle is at
    /// least as long as its north–south part) is passed over unmeasured; the margin
    /// left for rounding keeps every place that could be nearer.
    pub fn nearest_place(&self, cc: [u8; 2], lat: f64, lon: f64) -> Option<u32> {
        let places = self.country_places(cc)?;
        let mut best: Option<(f64, u32)> = None;
        for (&i, &[plat, plon]) in places.entries.iter().zip(&places.points) {
            if let Some((b, _)) = best {
                let at_least = crate::geo::EARTH_KM * (plat - lat).abs().to_radians();
                if at_least > b * (1.0 + 1e-9) + 1e-6 {
                    continue;
                }
            }
            let d = crate::geo::distance_km(plat, plon, lat, lon);
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The capital (PPLC) of country `cc`.
    pub fn capital(&self, cc: [u8; 2]) -> Option<u32> {
        self.capitals.get(&cc).copied()
    }
}

/// The slot of country code `cc` among the 676 codes of two capital letters, if it is one.
fn letter_slot(cc: [u8; 2]) -> Option<usize> {
    let [a, b] = cc;
    (a.is_ascii_uppercase() && b.is_ascii_uppercase()).then(|| usize::from(a - b'A') * 26 + usize::from(b - b'A'))
}

/// The country code of slot `k` ([`letter_slot`]).
fn slot_letters(k: usize) -> [u8; 2] {
    // (A slot is below 26 × 26: both quotients fit a letter.)
    [b'A' + (k / 26 % 26) as u8, b'A' + (k % 26) as u8]
}

/// The value at fraction `f` of `v` in ascending order (`f64::total_cmp`): the element at
/// index `(len - 1) × f` once sorted, found by selection rather than a whole sort (`v` is
/// left reordered). `v` must not be empty.
fn quantile(v: &mut [f64], f: f64) -> f64 {
    let k = ((v.len() - 1) as f64 * f) as usize;
    *v.select_nth_unstable_by(k, f64::total_cmp).1
}

fn gunzip_text(bytes: &[u8]) -> Result<String, GazetteerError> {
    let mut text = String::with_capacity(bytes.len() * 5);
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| GazetteerError(format!("cannot decompress: {e}")))?;
    Ok(text)
}

/// A coordinate as `str::parse::<f64>` reads it, sooner for the plain decimals the
/// gazetteer holds ("50.45", "-122.4194"): up to 15 digits make an exact integer, which
/// divided by an exact power of ten is rounded once, to the value parsing gives; any
/// other form is left to `parse`.
fn coordinate(s: &str) -> Result<f64, std::num::ParseFloatError> {
    const POWERS: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let negative = s.starts_with('-');
    // The digits read as one integer, how many, and how many came before the point.
    let (mut m, mut digits, mut point) = (0u64, 0usize, None);
    for &b in &s.as_bytes()[usize::from(negative)..] {
        match b {
            b'0'..=b'9' if digits < 15 => {
                m = m * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b'.' if point.is_none() && digits > 0 => point = Some(digits),
            _ => return s.parse(),
        }
    }
    if digits == 0 {
        return s.parse();
    }
    let v = m as f64 / POWERS[point.map_or(0, |p| digits - p)];
    Ok(if negative { -v } else { v })
}

/// The value of `s` if it is 1 to `max` ASCII digits and nothing else (`max` ≤ 19, so
/// that the value fits), read without `str::parse`'s general case; `None` for anything
/// else, which the caller parses as before.
#[inline]
fn plain_number(s: &str, max: usize) -> Option<u64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > max.min(19) {
        return None;
    }
    b.iter().try_fold(0u64, |n, &c| c.is_ascii_digit().then(|| n * 10 + u64::from(c - b'0')))
}

fn parse_entry<'a>(n: usize, f: &[&'a str], keep: &impl Fn(&'a str) -> Cow<'static, str>) -> Result<Entry, GazetteerError> {
    if f.len() < 9 {
        return Err(GazetteerError(format!("line {}: {} fields, expected 10", n + 1, f.len())));
    }
    let kind = match (f[0], f[5]) {
        ("C", _) => Kind::Country,
        ("A", _) => Kind::Admin1,
        ("B", _) => Kind::Admin2,
        ("P", _) => Kind::Place,
        ("R", "CONT") => Kind::Continent,
        ("R", _) => Kind::Region,
        _ => return Err(GazetteerError(format!("line {}: unknown kind {:?}", n + 1, f[0]))),
    };
    let num = |s: &str| coordinate(s).map_err(|_| GazetteerError(format!("line {}: bad number {s:?}", n + 1)));
    Ok(Entry {
        id: plain_number(f[1], 9).map_or_else(|| f[1].parse().unwrap_or(0), |n| n as u32),
        name: keep(f[2]),
        lat: num(f[3])?,
        lon: num(f[4])?,
        kind,
        fcode: intern(f[5]),
        cc: cc_of(f[6]),
        admin1: keep(f[7]),
        population: plain_number(f[8], 19).unwrap_or_else(|| f[8].parse().unwrap_or(0)),
    })
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], GazetteerError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len()).ok_or_else(|| GazetteerError("the name index is truncated".into()))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, GazetteerError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::split_tabs;

    /// `nearest_place` finds the place the measure of every place finds: points in and
    /// around several countries (one of many places, one of few, one of none), and after
    /// records are moved.
    #[test]
    fn the_nearest_place_is_the_one_every_distance_finds() {
        let brute = |gaz: &super::Gazetteer, cc: [u8; 2], lat: f64, lon: f64| {
            let mut best: Option<(f64, u32)> = None;
            for &i in gaz.places_in(cc) {
                let e = gaz.entry(i);
                let d = crate::geo::distance_km(e.lat, e.lon, lat, lon);
                if best.is_none_or(|(b, _)| d < b) {
                    best = Some((d, i));
                }
            }
            best.map(|(_, i)| i)
        };
        let gaz = super::Gazetteer::builtin();
        let mut seed: u64 = 77;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let countries = [*b"UA", *b"RU", *b"US", *b"PL", *b"BY", *b"FR", *b"VA", *b"MC", *b"ZZ"];
        for cc in countries {
            for k in 0..40 {
                let (lat, lon) = if k < 30 { (next() * 180.0 - 90.0, next() * 360.0 - 180.0) } else { (50.0 + next() * 4.0, 28.0 + next() * 8.0) };
                assert_eq!(gaz.nearest_place(cc, lat, lon), brute(gaz, cc, lat, lon), "{cc:?} {lat} {lon}");
            }
            // a place's own point, and the points of places in the country
            for &i in gaz.places_in(cc).iter().step_by(997) {
                let e = gaz.entry(i);
                assert_eq!(gaz.nearest_place(cc, e.lat, e.lon), brute(gaz, cc, e.lat, e.lon), "{cc:?} at {i}");
            }
        }
        let mut small = super::Gazetteer::compile("P\t1\tZhytomyr\t50.25\t28.66\tPPLA\tUA\t22\t264318\t\nP\t2\tKyiv\t50.45\t30.52\tPPLC\tUA\t12\t2797553\t\nP\t3\tTwin\t50.45\t30.52\tPPL\tUA\t12\t5\t").expect("compiles");
        assert_eq!(small.nearest_place(*b"UA", 50.4, 30.4), Some(1), "the first of two at one point");
        assert_eq!(small.nearest_place(*b"UA", 50.2, 28.0), Some(0));
        small.repoint(&[(2, 50.2, 28.1)]);
        assert_eq!(small.nearest_place(*b"UA", 50.2, 28.0), Some(1), "moved");
        assert_eq!(small.nearest_place(*b"UA", 50.2, 28.0), brute(&small, *b"UA", 50.2, 28.0));
        assert_eq!(small.nearest_place(*b"PL", 50.2, 28.0), None);
    }

    #[test]
    fn letter_slots_name_their_codes() {
        for a in 0u8..=255 {
            for b in 0u8..=255 {
                match super::letter_slot([a, b]) {
                    Some(k) => {
                        assert!(k < 26 * 26);
                        assert_eq!(super::slot_letters(k), [a, b]);
                    }
                    None => assert!(!(a.is_ascii_uppercase() && b.is_ascii_uppercase()), "{a} {b}"),
                }
            }
        }
    }

    #[test]
    fn coordinates_read_as_parse_reads_them() {
        let forms = ["0", "-0", "0.0", "-0.0", "50.45", "-122.4194", "30.52", "5.", "-5.", ".5", "-.5", "1e3", "+1.5", "179.99999999999", "123456789012345", "1234567890123456", "0.1", "0.3", "-33.86785", "89.999999", "x", "", "-", "1.2.3"];
        for s in forms {
            assert_eq!(super::coordinate(s).map(f64::to_bits), s.parse::<f64>().map(f64::to_bits), "{s:?}");
        }
    }

    #[test]
    fn plain_numbers_read_as_parse_reads_them() {
        let forms = ["0", "7", "007", "2797553", "999999999", "4294967295", "4294967296", "18446744073709551615", "9999999999999999999", "+5", "-5", "", " 5", "5 ", "1e3", "12a", "٣"];
        for s in forms {
            assert_eq!(super::plain_number(s, 9).map_or_else(|| s.parse::<u32>().unwrap_or(0), |n| n as u32), s.parse::<u32>().unwrap_or(0), "{s:?} as u32");
            assert_eq!(super::plain_number(s, 19).unwrap_or_else(|| s.parse::<u64>().unwrap_or(0)), s.parse::<u64>().unwrap_or(0), "{s:?} as u64");
        }
    }

    #[test]
    fn lines_split_as_str_lines() {
        let texts = ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\r", "a\r\n\r\n", "\r", "\r\r\n", "ab\rc\nd", "P\t1\tKyiv\n\nC\t2\tUkraine é\r\nü", "abcdefghijklmnop\nqrstuvwxyz0123456789\n\u{1f600}\n"];
        for text in texts {
            let ours: Vec<&str> = super::lines(text).collect();
            let std: Vec<&str> = text.lines().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn split_tabs_splits_as_splitn() {
        let lines = [
            "",
            "a",
            "a\tb",
            "\t",
            "a\t\tb\t",
            "P\t1\tKyiv\t50.45\t30.52\tPPLC\tUA\t12\t2797553\tKiev|Kyjiw\tmore\tand more",
            "é\tü\t\t",
            "\t\t\t\t\t\t\t\t\t\t\t\t",
            "abcdefgh\tijklmnop\tqrstuvwxyz0123456789\t\u{8}\u{9}\u{a}\tÿ\u{109}\u{2409}\t\u{1f600}x\t7",
            "P\t2643743\tLondon\t51.50853\t-0.12574\tPPLC\tGB\tENG\t8961989\tLondon|Londres|Лондон|ロンドン",
        ];
        for line in lines {
            for n in 0..12 {
                let mut fields = vec![""; n];
                let k = split_tabs(line, &mut fields);
                let expected: Vec<&str> = if n == 0 { Vec::new() } else { line.splitn(n, '\t').collect() };
                assert_eq!(&fields[..k], expected.as_slice(), "{line:?} in {n}");
            }
        }
    }
}
