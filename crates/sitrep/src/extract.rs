//! `sitrep extract`: read reports, run the pipeline, write JSON.
//!
//! Three kinds of thread, joined by channels:
//!
//! ```text
//!   reader ──jobs──▶ N workers (annotate + serialise) ──done──▶ writer (input order)
//!      ▲                                                          │
//!      └────────────── window: reports and text bytes in flight ◀─┘
//! ```
//!
//! The reader streams reports from the inputs (a WARC or JSON Lines file is never read
//! whole), the workers annotate them and turn them into JSON on every core (a batch of
//! the reports waiting at a time, each stage over the whole batch before the next, so
//! that a stage's tables stay in the CPU's caches: 12–15 % less CPU), and the
//! calling thread writes them in input order. A window bounds the reports and the text
//! bytes between reading and writing: when it is full the reader waits (back-pressure),
//! so memory stays bounded whatever the input's size and however slow one report is,
//! and no core waits for the slowest report of a batch. `--threads 1` gives the same
//! bytes as any other count.
//!
//! With `--output-dir DIR` the reports go to JSON Lines files partitioned by report date,
//! `DIR/date=YYYY-MM-DD/part-RUN-NNNNN.jsonl` (Hive style), written under a hidden name
//! and renamed when complete, so a reader never sees half a file.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Condvar, Mutex};
use std::thread;

use jiff::civil::Date;
use sitrep::Pipeline;
use sitrep_core::{Doc, OutputOptions, Report};
use sitrep_ingest::{expand_inputs, is_english, read_input, Input, ReadError, ReadOptions};

use crate::cli::{ExtractArgs, Layer, OutputFormat};

/// Reports in flight per worker thread, at most (read, queued, annotated, not yet written).
const REPORTS_PER_THREAD: usize = 32;
/// Reports a worker annotates together, at most, each stage over all of them in turn.
const BATCH: usize = 16;
/// Text bytes in flight, at most (a single larger report is let through alone).
const WINDOW_BYTES: usize = 64 << 20;
/// One partition file is closed, and the next begun, past this size.
const PART_BYTES: u64 = 256 << 20;
/// Partition files open at once, at most; past it every open one is closed.
const OPEN_PARTS: usize = 64;

/// What happened over a run, for the closing summary and the exit code.
#[derive(Default)]
struct Tally {
    written: u64,
    errors: u64,
    skipped_language: u64,
}

pub fn run(args: ExtractArgs) -> ExitCode {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            eprintln!("sitrep extract: no input. Give files or folders, or pipe reports in (`-` reads standard input).");
            eprintln!("example: sitrep extract examples/");
            return ExitCode::from(2);
        }
        paths.push("-".into());
    }
    if args.output_dir.is_some() && args.format != OutputFormat::Jsonl {
        eprintln!("sitrep extract: --output-dir writes JSON Lines files; leave out --format (or give --format jsonl)");
        return ExitCode::from(2);
    }
    let (inputs, missing) = expand_inputs(&paths);
    let mut tally = Tally::default();
    for err in &missing {
        report_error(err, &mut tally);
    }
    let opts = ReadOptions { format: args.input_format, date: args.date, tz: args.tz.clone(), ..ReadOptions::default() };
    let layers = OutputOptions {
        tokens: args.layers.contains(&Layer::Tokens),
        syntax: args.layers.contains(&Layer::Syntax),
    };
    let mut dicts = sitrep_events::petrarch::Dicts::default();
    for d in &args.dicts {
        if let Err(e) = dicts.add_file(d) {
            eprintln!("sitrep extract: cannot read dictionary {}: {e} (give a PETRARCH/TABARI actor, agent or verb file)", d.display());
            return ExitCode::from(2);
        }
    }
    let pipeline = match if args.dicts.is_empty() { Pipeline::new() } else { Pipeline::with_dictionaries(dicts) } {
        Ok(p) => p,
        Err(e) => {
            eprintln!("sitrep extract: {e}");
            return ExitCode::from(2);
        }
    };
    let threads = match args.threads {
        0 => thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let mut out: Box<dyn Output> = match &args.output_dir {
        Some(dir) => {
            let run = args.run_id.clone().unwrap_or_else(default_run_id);
            match Partitioned::create(dir, run) {
                Ok(p) => Box::new(p),
                Err(e) => {
                    eprintln!("sitrep extract: cannot create the output folder {}: {e}", dir.display());
                    return ExitCode::from(2);
                }
            }
        }
        None => Box::new(Stream::new(BufWriter::with_capacity(1 << 16, io::stdout().lock()), args.format)),
    };

    let job = Job { inputs: &inputs, opts: &opts, pipeline: &pipeline, layers, format: args.format, any_language: args.any_language };
    let failed = job.run(threads, out.as_mut(), &mut tally);
    if let Some(e) = failed {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("sitrep extract: cannot write the output: {e}");
        return ExitCode::FAILURE;
    }
    if args.timings {
        print_timings(&pipeline);
    }
    if let Some(dir) = &args.output_dir {
        let files = out.files();
        eprintln!(
            "sitrep extract: {} report{} written to {} in {files} file{}",
            tally.written,
            plural(tally.written),
            dir.display(),
            plural(files)
        );
    }
    summarize(&tally, inputs.len() + missing.len())
}

/// The time each stage took and its share, on standard error.
fn print_timings(pipeline: &Pipeline) {
    let spent = pipeline.time_spent();
    let total: f64 = spent.iter().map(|(_, t)| t.as_secs_f64()).sum();
    eprintln!("sitrep extract: time by stage (all threads)");
    for (name, t) in &spent {
        let secs = t.as_secs_f64();
        eprintln!("  {name:<22} {secs:>9.2} s  {:>5.1} %", 100.0 * secs / total.max(1e-9));
    }
    eprintln!("  {:<22} {total:>9.2} s", "all stages");
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn is_foreign(doc: &Doc) -> bool {
    doc.meta.lang.as_deref().is_some_and(|lang| !is_english(lang))
}

fn report_error(err: &ReadError, tally: &mut Tally) {
    eprintln!("error: {err}");
    tally.errors += 1;
}

fn summarize(tally: &Tally, inputs: usize) -> ExitCode {
    if tally.errors == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "sitrep extract: {} report{} written from {inputs} input{}; {} error{} (see above){}",
        tally.written,
        plural(tally.written),
        if inputs == 1 { "" } else { "s" },
        tally.errors,
        plural(tally.errors),
        if tally.skipped_language > 0 { format!("; {} skipped as not English", tally.skipped_language) } else { String::new() },
    );
    ExitCode::FAILURE
}

// ---------------------------------------------------------------------------------------
// The run: reader, workers, writer

/// One extraction run over its inputs.
struct Job<'a> {
    inputs: &'a [Input],
    opts: &'a ReadOptions,
    pipeline: &'a Pipeline,
    layers: OutputOptions,
    format: OutputFormat,
    any_language: bool,
}

/// A report on its way to a worker: its place in the input order and its text size.
struct Work {
    seq: u64,
    bytes: usize,
    doc: Doc,
}

/// A report on its way to the writer.
struct Finished {
    seq: u64,
    bytes: usize,
    /// The report's date and its JSON; `None` when it could not be annotated.
    json: Option<(Date, Vec<u8>)>,
}

impl Job<'_> {
    /// Read, annotate and write every report; the error that stopped the writing, if any.
    fn run(&self, threads: usize, out: &mut dyn Output, tally: &mut Tally) -> Option<io::Error> {
        let window = Window::new(threads.max(1) * REPORTS_PER_THREAD, WINDOW_BYTES);
        let window = &window;
        let (work_tx, work_rx) = mpsc::channel::<Work>();
        let work_rx = Mutex::new(work_rx);
        let work_rx = &work_rx;
        let (done_tx, done_rx) = mpsc::channel::<Finished>();
        thread::scope(|scope| {
            let reader = scope.spawn(move || self.read(window, work_tx));
            for _ in 0..threads.max(1) {
                let done_tx = done_tx.clone();
                scope.spawn(move || self.annotate(window, work_rx, done_tx));
            }
            drop(done_tx);
            let (written, lost, failed) = write_in_order(done_rx, window, out);
            let read = reader.join().unwrap_or_default();
            tally.written += written;
            tally.errors += lost + read.errors;
            tally.skipped_language += read.skipped_language;
            failed
        })
    }

    /// The reader: every report of every input, in order, into the window.
    fn read(&self, window: &Window, work: Sender<Work>) -> Tally {
        let mut tally = Tally::default();
        let mut seq = 0u64;
        let mut stopped = false;
        for input in self.inputs {
            read_input(input, self.opts, &mut |result| {
                if stopped {
                    return;
                }
                let doc = match result {
                    Ok(doc) => doc,
                    Err(err) => return report_error(&err, &mut tally),
                };
                for warning in &doc.warnings {
                    eprintln!("warning: {}: {warning}", doc.meta.origin);
                }
                if !self.any_language && is_foreign(&doc) {
                    eprintln!(
                        "skipped: {}: the report looks {} rather than English; sitrep codes English only (--any-language to force)",
                        doc.meta.origin,
                        doc.meta.lang.as_deref().unwrap_or("?")
                    );
                    tally.skipped_language += 1;
                    return;
                }
                let bytes = doc.text().len();
                if !window.enter(bytes) || work.send(Work { seq, bytes, doc }).is_err() {
                    stopped = true;
                    return;
                }
                seq += 1;
            });
            if stopped {
                break;
            }
        }
        tally
    }

    /// A worker: annotate and serialise reports until the reader is done, a batch at a
    /// time (those waiting when it asks, at most [`BATCH`]; see [`Pipeline::run_batch`]).
    fn annotate(&self, window: &Window, work: &Mutex<Receiver<Work>>, done: Sender<Finished>) {
        let mut batch: Vec<Work> = Vec::with_capacity(BATCH);
        let mut docs: Vec<Doc> = Vec::with_capacity(BATCH);
        loop {
            batch.clear();
            {
                let Ok(rx) = work.lock() else { return };
                match rx.recv() {
                    Ok(w) => batch.push(w),
                    Err(_) => return,
                }
                while batch.len() < BATCH {
                    match rx.try_recv() {
                        Ok(w) => batch.push(w),
                        Err(_) => break,
                    }
                }
            }
            docs.clear();
            let mut order = Vec::with_capacity(batch.len());
            for w in batch.drain(..) {
                order.push((w.seq, w.bytes));
                docs.push(w.doc);
            }
            let mut failed = vec![false; docs.len()];
            if !window.stopped() {
                self.pipeline.run_batch(&mut docs, &mut failed);
            }
            for ((doc, failed), (seq, bytes)) in docs.drain(..).zip(failed).zip(order) {
                let json = if window.stopped() {
                    None
                } else if failed {
                    eprintln!(
                        "error: {}: sitrep failed on this report (an internal error, shown above); it was skipped, the others were not (please report it with the report's text)",
                        doc.meta.origin
                    );
                    None
                } else {
                    match panic::catch_unwind(AssertUnwindSafe(|| self.serialize(&doc))) {
                        Ok(Ok(json)) => Some((doc.meta.date, json)),
                        Ok(Err(e)) => {
                            eprintln!("error: {}: cannot write this report as JSON: {e}; it was skipped", doc.meta.origin);
                            None
                        }
                        Err(_) => {
                            eprintln!("error: {}: sitrep failed writing this report (an internal error, shown above); it was skipped, the others were not (please report it with the report's text)", doc.meta.origin);
                            None
                        }
                    }
                };
                if done.send(Finished { seq, bytes, json }).is_err() {
                    return;
                }
            }
        }
    }

    fn serialize(&self, doc: &Doc) -> serde_json::Result<Vec<u8>> {
        let report = Report::new(doc, self.layers);
        let mut json = Vec::with_capacity(doc.text().len() * 4 + 1024);
        match self.format {
            OutputFormat::Pretty => serde_json::to_writer_pretty(&mut json, &report)?,
            OutputFormat::Jsonl | OutputFormat::Json => serde_json::to_writer(&mut json, &report)?,
        }
        Ok(json)
    }
}

/// The writer: reports in input order as they finish. Returns the reports written, the
/// reports lost to internal errors, and the error that stopped the writing.
fn write_in_order(done: Receiver<Finished>, window: &Window, out: &mut dyn Output) -> (u64, u64, Option<io::Error>) {
    let (mut written, mut lost, mut failed) = (0u64, 0u64, None);
    let mut held: BTreeMap<u64, Finished> = BTreeMap::new();
    let mut next = 0u64;
    for finished in done.iter() {
        held.insert(finished.seq, finished);
        while let Some(f) = held.remove(&next) {
            next += 1;
            window.leave(f.bytes);
            if failed.is_some() {
                continue;
            }
            match f.json {
                Some((date, json)) => match out.write(date, &json) {
                    Ok(()) => written += 1,
                    Err(e) => {
                        failed = Some(e);
                        window.stop();
                    }
                },
                None => lost += 1,
            }
        }
    }
    if failed.is_none() {
        failed = out.finish().err();
    }
    (written, lost, failed)
}

/// The reports and text bytes between the reader and the writer.
struct Window {
    state: Mutex<Flight>,
    room: Condvar,
    max_reports: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct Flight {
    reports: usize,
    bytes: usize,
    stopped: bool,
}

impl Window {
    fn new(max_reports: usize, max_bytes: usize) -> Window {
        Window { state: Mutex::new(Flight::default()), room: Condvar::new(), max_reports, max_bytes }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Flight> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Wait for room for a report of `bytes`; false once the run is stopping.
    fn enter(&self, bytes: usize) -> bool {
        let mut f = self.lock();
        while !f.stopped && f.reports > 0 && (f.reports >= self.max_reports || f.bytes + bytes > self.max_bytes) {
            f = self.room.wait(f).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        if f.stopped {
            return false;
        }
        f.reports += 1;
        f.bytes += bytes;
        true
    }

    fn leave(&self, bytes: usize) {
        let mut f = self.lock();
        f.reports -= 1;
        f.bytes -= bytes;
        self.room.notify_one();
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.room.notify_all();
    }

    fn stopped(&self) -> bool {
        self.lock().stopped
    }
}

// ---------------------------------------------------------------------------------------
// Outputs

/// Where finished reports go, in input order.
trait Output {
    fn write(&mut self, date: Date, json: &[u8]) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
    /// Files written (for `--output-dir`).
    fn files(&self) -> u64 {
        0
    }
}

/// Standard output in the chosen form (a `json` array is written as it goes).
struct Stream<W: Write> {
    out: W,
    format: OutputFormat,
    count: u64,
}

impl<W: Write> Stream<W> {
    fn new(out: W, format: OutputFormat) -> Self {
        Stream { out, format, count: 0 }
    }
}

impl<W: Write> Output for Stream<W> {
    fn write(&mut self, _date: Date, json: &[u8]) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            self.out.write_all(if self.count == 0 { b"[" } else { b",\n" })?;
            self.out.write_all(json)?;
        } else {
            self.out.write_all(json)?;
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            self.out.write_all(if self.count == 0 { b"[]\n" } else { b"]\n" })?;
        }
        self.out.flush()
    }
}

/// JSON Lines files partitioned by report date: `DIR/date=YYYY-MM-DD/part-RUN-NNNNN.jsonl`.
struct Partitioned {
    dir: PathBuf,
    run: String,
    open: HashMap<Date, Part>,
    /// The number of the next file of each date.
    next: HashMap<Date, u32>,
    closed: u64,
}

/// One partition file being written, under a hidden name until it is complete.
struct Part {
    file: BufWriter<File>,
    partial: PathBuf,
    path: PathBuf,
    bytes: u64,
}

impl Partitioned {
    fn create(dir: &Path, run: String) -> io::Result<Partitioned> {
        fs::create_dir_all(dir)?;
        Ok(Partitioned { dir: dir.to_path_buf(), run, open: HashMap::new(), next: HashMap::new(), closed: 0 })
    }

    fn open(&mut self, date: Date) -> io::Result<Part> {
        let folder = self.dir.join(format!("date={date}"));
        fs::create_dir_all(&folder)?;
        let n = self.next.entry(date).or_insert(0);
        let name = format!("part-{}-{:05}.jsonl", self.run, *n);
        *n += 1;
        let partial = folder.join(format!(".{name}.inprogress"));
        let file = BufWriter::with_capacity(1 << 16, File::create(&partial)?);
        Ok(Part { file, partial, path: folder.join(name), bytes: 0 })
    }

    fn close(&mut self, part: Part) -> io::Result<()> {
        part.file.into_inner().map_err(|e| e.into_error())?;
        fs::rename(&part.partial, &part.path)?;
        self.closed += 1;
        Ok(())
    }

    fn close_all(&mut self) -> io::Result<()> {
        let mut parts: Vec<(Date, Part)> = self.open.drain().collect();
        parts.sort_by_key(|(date, _)| *date);
        for (_, part) in parts {
            self.close(part)?;
        }
        Ok(())
    }
}

impl Output for Partitioned {
    fn write(&mut self, date: Date, json: &[u8]) -> io::Result<()> {
        if !self.open.contains_key(&date) {
            if self.open.len() >= OPEN_PARTS {
                self.close_all()?;
            }
            let part = self.open(date)?;
            self.open.insert(date, part);
        }
        let part = self.open.get_mut(&date).expect("opened above");
        part.file.write_all(json)?;
        part.file.write_all(b"\n")?;
        part.bytes += json.len() as u64 + 1;
        if part.bytes >= PART_BYTES {
            let part = self.open.remove(&date).expect("open");
            self.close(part)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.close_all()
    }

    fn files(&self) -> u64 {
        self.closed
    }
}

/// A run id that differs between runs writing into one folder: start time and process id.
fn default_run_id() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    format!("{secs}-{}", std::process::id())
}
