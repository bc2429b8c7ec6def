//! Ingest: read reports, run the annotator on every core, store with one writer.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::iter::{ParallelBridge, ParallelIterator};
use sitrep_core::Doc;
use sitrep_ingest::{expand_inputs, is_english, read_input, ReadOptions};

use crate::record::content_hash;
use crate::{rebuild_stories, MergeOptions, ReportRecord, Store, StoreError, StoryStats};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// How to read the inputs (format, fallback date and zone).
    pub read: ReadOptions,
    /// Store reports that look foreign too (sitrep codes English only).
    pub any_language: bool,
    /// Reports per write transaction (at most; a transaction is also closed every 250 ms).
    pub batch: usize,
    /// Worker threads for the annotator (`None`: all cores).
    pub threads: Option<usize>,
    /// Rebuild stories after the reports are stored (`None`: leave them as they are).
    pub merge: Option<MergeOptions>,
    /// Let the database file grow to at most this many bytes (a quota; past it the ingest
    /// stops as on a full disk, keeping what was committed).
    pub max_bytes: Option<u64>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { read: ReadOptions::default(), any_language: false, batch: 512, threads: None, merge: Some(MergeOptions::default()), max_bytes: None }
    }
}

/// Where an ingest stands, given to the progress callback after each commit.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Reports stored by this run so far.
    pub reports: u64,
    /// Events stored by this run so far.
    pub events: u64,
    /// Reports skipped because they were already stored (resume) or duplicated.
    pub skipped: u64,
    /// Reports that could not be read.
    pub errors: u64,
    /// Time since the start.
    pub elapsed: Duration,
    /// Reports the inputs are expected to hold, once counted (JSON Lines lines, one per
    /// page or text file); `None` while counting or when an input can't be counted cheaply
    /// (WARC, gzip, standard input).
    pub expected: Option<u64>,
}

impl Progress {
    /// Seconds left at the present rate, when the total is known.
    pub fn eta(&self) -> Option<Duration> {
        let total = self.expected?;
        let done = self.reports + self.skipped + self.errors;
        let rate = done as f64 / self.elapsed.as_secs_f64().max(1e-9);
        (rate > 0.0).then(|| Duration::from_secs_f64(total.saturating_sub(done) as f64 / rate))
    }

    /// Reports stored per second.
    pub fn reports_per_s(&self) -> f64 {
        self.reports as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
    /// Events stored per second.
    pub fn events_per_s(&self) -> f64 {
        self.events as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Default)]
pub struct IngestStats {
    /// Reports read from the inputs.
    pub read: u64,
    /// Reports stored by this run.
    pub stored: u64,
    /// Events stored by this run.
    pub events: u64,
    /// Reports already in the database (same id or same text), not stored again.
    pub skipped_existing: u64,
    /// Reports skipped as not English.
    pub skipped_language: u64,
    /// Reports or inputs that could not be read, with the reason and what to do.
    pub errors: Vec<String>,
    /// Time taken (stories included).
    pub elapsed: Duration,
    /// The story rebuild, when asked for.
    pub stories: Option<StoryStats>,
}

impl Store {
    /// Store one annotated report and its rows in one transaction. Returns false (and
    /// stores nothing) when a report with the same id or text is already stored.
    ///
    /// For reports arriving one at a time (the HTTP API); [`ingest`] is the fast path for
    /// many. Stories are not touched: rebuild them with [`rebuild_stories`].
    pub fn store_report(&mut self, record: &ReportRecord) -> Result<bool, StoreError> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| StoreError::sql(&path, e))?;
        let stored = record.insert(&tx, &jiff::Timestamp::now().to_string()).map_err(|e| StoreError::sql(&path, e))?;
        tx.commit().map_err(|e| StoreError::sql(&path, e))?;
        Ok(stored)
    }
}

/// Ingest `inputs` (files, folders, `-`) into the database at `db`, creating it if needed.
///
/// `annotate` fills a `Doc`'s layers (`|doc| pipeline.run(doc)`); it runs on all cores.
/// One writer stores reports in batched transactions (WAL): a report and all its rows are
/// committed together, so an interrupted ingest loses at most the uncommitted batch, and
/// running it again skips every committed report. A report whose id, or else whose text,
/// is already stored is never stored twice.
pub fn ingest(
    db: &Path,
    inputs: &[String],
    opts: &IngestOptions,
    annotate: &(dyn Fn(&mut Doc) + Sync),
    progress: &mut dyn FnMut(&Progress),
) -> Result<IngestStats, StoreError> {
    let start = Instant::now();
    let mut store = Store::open(db)?;
    if let Some(max) = opts.max_bytes {
        let page: i64 = store.conn.query_row("PRAGMA page_size", [], |r| r.get(0)).map_err(|e| store.err(e))?;
        store.conn.pragma_update(None, "max_page_count", (max / page.max(1) as u64).max(1) as i64).map_err(|e| store.err(e))?;
    }
    let (inputs, missing) = expand_inputs(inputs);
    let mut stats = IngestStats { errors: missing.iter().map(|e| e.to_string()).collect(), ..IngestStats::default() };

    // Everything already committed, by id and by content hash: those are skipped unread.
    let known = known_reports(&store)?;

    let stop = AtomicBool::new(false);
    let read = AtomicU64::new(0);
    let skipped = AtomicU64::new(0);
    let skipped_language = AtomicU64::new(0);
    let errors = Mutex::new(Vec::<String>::new());
    let expected = AtomicU64::new(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .thread_name(|i| format!("sitrep-ingest-{i}"))
        .build()
        .map_err(|e| StoreError::Worker(e.to_string()))?;
    let width = pool.current_num_threads();
    let (doc_tx, doc_rx) = mpsc::sync_channel::<(u64, Doc)>(width * 8);
    // (sequence number, record or None when the annotator failed): the writer stores in
    // input order, so the same inputs always give the same database.
    let (rec_tx, rec_rx) = mpsc::sync_channel::<(u64, Option<ReportRecord>)>(width * 16);

    let write_result = std::thread::scope(|scope| {
        // Reader: streams inputs in order, drops what is already stored.
        let reader = scope.spawn(|| {
            let mut known = known;
            let mut seq = 0u64;
            for input in &inputs {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                read_input(input, &opts.read, &mut |result| {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    match result {
                        Ok(doc) => {
                            read.fetch_add(1, Ordering::Relaxed);
                            if !opts.any_language && doc.meta.lang.as_deref().is_some_and(|l| !is_english(l)) {
                                skipped_language.fetch_add(1, Ordering::Relaxed);
                                return;
                            }
                            let id = format!("i:{}", doc.meta.id);
                            let hash = format!("h:{}", content_hash(doc.text()));
                            if known.contains(&id) || known.contains(&hash) {
                                skipped.fetch_add(1, Ordering::Relaxed);
                                return;
                            }
                            known.insert(id);
                            known.insert(hash);
                            seq += 1;
                            if doc_tx.send((seq - 1, doc)).is_err() {
                                stop.store(true, Ordering::Relaxed);
                            }
                        }
                        Err(e) => errors.lock().unwrap().push(e.to_string()),
                    }
                });
            }
            drop(doc_tx);
        });
        // Workers: the annotator on every core.
        let workers = scope.spawn(|| {
            pool.install(|| {
                doc_rx.into_iter().par_bridge().for_each_with(rec_tx, |tx, (seq, mut doc)| {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let origin = doc.meta.origin.to_string();
                    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        annotate(&mut doc);
                        ReportRecord::from_doc(&doc)
                    })) {
                        Ok(rec) => {
                            if tx.send((seq, Some(rec))).is_err() {
                                stop.store(true, Ordering::Relaxed);
                            }
                        }
                        Err(_) => {
                            errors.lock().unwrap().push(format!("{origin}: the annotator failed on this report (a sitrep bug; please report it); it was not stored"));
                            let _ = tx.send((seq, None));
                        }
                    }
                });
            });
        });
        // Counter: how many reports to expect, for the ETA (0: not known yet; n + 1: n).
        scope.spawn(|| {
            let files: Vec<&Path> = inputs
                .iter()
                .map(|i| match i {
                    sitrep_ingest::Input::File(p) => p.as_path(),
                    sitrep_ingest::Input::Stdin => Path::new("-"),
                })
                .collect();
            if let Some(n) = count_reports(&files) {
                expected.store(n + 1, Ordering::Relaxed);
            }
        });
        // Writer: this thread, batched transactions.
        let result = write_all(&mut store, rec_rx, opts.batch.max(1), start, Counts { skipped: &skipped, errors: &errors, expected: &expected }, progress);
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        let _ = reader.join();
        let _ = workers.join();
        result
    });
    let (stored, events) = write_result?;
    stats.read = read.into_inner();
    stats.stored = stored;
    stats.events = events;
    stats.skipped_existing = skipped.into_inner();
    stats.skipped_language = skipped_language.into_inner();
    stats.errors.extend(errors.into_inner().unwrap());
    finish(&mut store, opts, stats, start)
}

/// After storing: rebuild stories when asked and something changed, refresh the planner's
/// statistics (cheap), and time the whole.
fn finish(store: &mut Store, opts: &IngestOptions, mut stats: IngestStats, start: Instant) -> Result<IngestStats, StoreError> {
    if let Some(merge) = &opts.merge {
        if stats.stored > 0 || store.counts()?.2 == 0 {
            stats.stories = Some(rebuild_stories(store, merge)?);
        }
    }
    let _ = store.conn.execute_batch("PRAGMA optimize;");
    stats.elapsed = start.elapsed();
    Ok(stats)
}

/// Reports in `files`, counted cheaply: a line per JSON Lines report, one per other plain
/// file; `None` when one of them can't be counted without decoding it all.
fn count_reports(files: &[&Path]) -> Option<u64> {
    use std::io::Read;
    let mut n = 0u64;
    for path in files {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".gz") || name.contains(".warc") || path == &Path::new("-") {
            return None;
        }
        if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            let mut file = std::fs::File::open(path).ok()?;
            let mut buf = vec![0u8; 1 << 16];
            let mut last = b'\n';
            loop {
                let k = file.read(&mut buf).ok()?;
                if k == 0 {
                    break;
                }
                n += buf[..k].iter().filter(|&&b| b == b'\n').count() as u64;
                last = buf[k - 1];
            }
            n += u64::from(last != b'\n');
        } else {
            n += 1;
        }
    }
    Some(n)
}

/// The ids (`i:…`) and content hashes (`h:…`) of every stored report.
fn known_reports(store: &Store) -> Result<HashSet<String>, StoreError> {
    let mut known: HashSet<String> = HashSet::new();
    let mut stmt = store.conn.prepare("SELECT id, hash FROM reports").map_err(|e| store.err(e))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).map_err(|e| store.err(e))?;
    for row in rows {
        let (id, hash) = row.map_err(|e| store.err(e))?;
        known.insert(format!("i:{id}"));
        known.insert(format!("h:{hash}"));
    }
    Ok(known)
}

/// Store reports already coded by `sitrep extract --format jsonl`: files (plain or `.gz`),
/// folders read recursively (the date partitions of `extract --output-dir` among them), or
/// `-` for standard input. Nothing is coded again, so a cluster's output and a single
/// machine's give the same database and, once merged, the same stories.
///
/// Like [`ingest`] it is idempotent and resumable, stores in input order, and reports a bad
/// line by `file:line` and goes on.
pub fn ingest_coded(db: &Path, inputs: &[String], opts: &IngestOptions, progress: &mut dyn FnMut(&Progress)) -> Result<IngestStats, StoreError> {
    let start = Instant::now();
    let mut store = Store::open(db)?;
    let mut known = known_reports(&store)?;
    let mut stats = IngestStats::default();
    let mut files = Vec::new();
    for input in inputs {
        coded_files(Path::new(input), &mut files, &mut stats.errors);
    }
    let skipped = AtomicU64::new(0);
    let read = AtomicU64::new(0);
    let errors = Mutex::new(std::mem::take(&mut stats.errors));
    let (tx, rx) = mpsc::sync_channel::<(u64, Option<ReportRecord>)>(256);
    let result = std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut seq = 0u64;
            for file in &files {
                let name = file.display().to_string();
                let reader: Box<dyn std::io::BufRead> = match open_coded(file) {
                    Ok(r) => r,
                    Err(e) => {
                        errors.lock().unwrap().push(format!("{name}: cannot read it: {e}"));
                        continue;
                    }
                };
                for (n, line) in std::io::BufRead::lines(reader).enumerate() {
                    let origin = format!("{name}:{}", n + 1);
                    let line = match line {
                        Ok(l) if l.trim().is_empty() => continue,
                        Ok(l) => l,
                        Err(e) => {
                            errors.lock().unwrap().push(format!("{origin}: the file breaks off here ({e}); the lines before were read"));
                            break;
                        }
                    };
                    read.fetch_add(1, Ordering::Relaxed);
                    match ReportRecord::from_coded_json(&line, &origin) {
                        Ok(rec) => {
                            let (id, hash) = (format!("i:{}", rec.id), format!("h:{}", rec.hash));
                            if known.contains(&id) || known.contains(&hash) {
                                skipped.fetch_add(1, Ordering::Relaxed);
                                continue;
                            }
                            known.insert(id);
                            known.insert(hash);
                            if tx.send((seq, Some(rec))).is_err() {
                                return;
                            }
                            seq += 1;
                        }
                        Err(e) => errors.lock().unwrap().push(e),
                    }
                }
            }
            drop(tx);
        });
        let expected = AtomicU64::new(count_reports(&files.iter().map(|f| f.as_path()).collect::<Vec<_>>()).map_or(0, |n| n + 1));
        write_all(&mut store, rx, opts.batch.max(1), start, Counts { skipped: &skipped, errors: &errors, expected: &expected }, progress)
    });
    let (stored, events) = result?;
    stats.read = read.into_inner();
    stats.stored = stored;
    stats.events = events;
    stats.skipped_existing = skipped.into_inner();
    stats.errors = errors.into_inner().unwrap();
    finish(&mut store, opts, stats, start)
}

/// The coded-output files under `path`, in a stable order.
fn coded_files(path: &Path, out: &mut Vec<std::path::PathBuf>, errors: &mut Vec<String>) {
    if path == Path::new("-") {
        out.push(path.to_path_buf());
        return;
    }
    match std::fs::metadata(path) {
        Err(e) => errors.push(format!("{}: {e} (give files or folders of `sitrep extract` output)", path.display())),
        Ok(m) if m.is_dir() => {
            let mut entries: Vec<_> = match std::fs::read_dir(path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => return errors.push(format!("{}: {e}", path.display())),
            };
            entries.sort();
            for p in entries {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name.starts_with('.') || name.starts_with('_') {
                    continue; // hidden files, Spark's _SUCCESS and the like
                }
                if p.is_dir() || [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json"].iter().any(|x| name.ends_with(x)) {
                    coded_files(&p, out, errors);
                }
            }
        }
        Ok(_) => out.push(path.to_path_buf()),
    }
}

fn open_coded(path: &Path) -> std::io::Result<Box<dyn std::io::BufRead>> {
    if path == Path::new("-") {
        return Ok(Box::new(std::io::BufReader::new(std::io::stdin())));
    }
    let file = std::fs::File::open(path)?;
    if path.extension().is_some_and(|x| x == "gz") {
        Ok(Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file))))
    } else {
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
    }
}

/// What the reading threads count and the writer reports in its progress.
struct Counts<'a> {
    /// Reports skipped as already stored or duplicated.
    skipped: &'a AtomicU64,
    /// Errors met so far.
    errors: &'a Mutex<Vec<String>>,
    /// Reports expected in all (0 while unknown).
    expected: &'a AtomicU64,
}

fn write_all(
    store: &mut Store,
    rx: mpsc::Receiver<(u64, Option<ReportRecord>)>,
    batch: usize,
    start: Instant,
    counts: Counts,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(u64, u64), StoreError> {
    let Counts { skipped, errors, expected } = counts;
    let mut stored = 0u64;
    let mut events = 0u64;
    let mut pending: Vec<ReportRecord> = Vec::with_capacity(batch);
    let mut early: std::collections::BTreeMap<u64, Option<ReportRecord>> = std::collections::BTreeMap::new();
    let mut next = 0u64;
    let mut last_commit = Instant::now();
    let mut done = false;
    while !done {
        match rx.recv_timeout(Duration::from_millis(250)) {
            Ok((seq, rec)) => {
                early.insert(seq, rec);
                while let Some(rec) = early.remove(&next) {
                    pending.extend(rec);
                    next += 1;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                pending.extend(std::mem::take(&mut early).into_values().flatten());
                done = true;
            }
        }
        if pending.is_empty() || (!done && pending.len() < batch && last_commit.elapsed() < Duration::from_millis(250)) {
            continue;
        }
        let now = jiff::Timestamp::now().to_string();
        let path = store.path.clone();
        let tx = store.conn.transaction().map_err(|e| StoreError::sql(&path, e))?;
        for rec in pending.drain(..) {
            if rec.insert(&tx, &now).map_err(|e| StoreError::sql(&path, e))? {
                stored += 1;
                events += rec.n_events() as u64;
            } else {
                skipped.fetch_add(1, Ordering::Relaxed);
            }
        }
        tx.commit().map_err(|e| StoreError::sql(&path, e))?;
        last_commit = Instant::now();
        progress(&Progress {
            reports: stored,
            events,
            skipped: skipped.load(Ordering::Relaxed),
            errors: errors.lock().unwrap().len() as u64,
            elapsed: start.elapsed(),
            expected: match expected.load(Ordering::Relaxed) {
                0 => None,
                n => Some(n - 1),
            },
        });
    }
    Ok((stored, events))
}
