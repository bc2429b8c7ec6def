//! `sitrep ingest`, `sitrep events`, `sitrep stories` and `sitrep export`: the local
//! event store (crate `sitrep-store`) from the command line.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand, ValueEnum};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use sitrep::Pipeline;
use sitrep_ingest::{InputFormat, ReadOptions};
use sitrep_store::{EventRow, ExportFormat, Filter, IngestOptions, MergeOptions, Sort, Store, StoreError, StoryRow};
use crate::cli::{parse_date, parse_input_format, parse_tz};

/// The store's commands, to be flattened into the top-level `Command` enum.
#[derive(Subcommand, Debug)]
pub enum StoreCommand {
    /// Read reports, run the pipeline on every core and store the events in a SQLite
    /// database (created if needed). Safe to interrupt and re-run: stored reports are skipped.
    Ingest(IngestArgs),
    /// Query stored events.
    Events(EventsArgs),
    /// Query stories: the same happening merged across reports, with mention counts.
    Stories(StoriesArgs),
    /// Write stored events as GDELT 2.0 event table (TSV), ACLED-like CSV, GeoJSON or PLOVER JSONL.
    Export(ExportArgs),
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,

    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "sitrep.db")]
    pub db: PathBuf,

    /// Input format (seed, text, jsonl, html, warc) instead of choosing by extension and content.
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub input_format: Option<InputFormat>,

    /// Date for reports that carry none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,

    /// Zone of bare dates.
    #[arg(long, value_name = "ZONE", default_value = "UTC", value_parser = parse_tz)]
    pub tz: TimeZone,

    /// Store reports that look foreign too (sitrep codes English only).
    #[arg(long)]
    pub any_language: bool,

    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Stories: largest distance between the places of one happening, in km.
    #[arg(long, value_name = "KM", default_value_t = 50.0)]
    pub merge_km: f64,

    /// Stories: largest gap between the dates of one happening, in days.
    #[arg(long, value_name = "DAYS", default_value_t = 2)]
    pub merge_days: i64,

    /// Do not rebuild stories after storing (faster for many small ingests).
    #[arg(long)]
    pub no_stories: bool,

    /// No progress output.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// The inputs are already coded: `sitrep extract --format jsonl` output, from this
    /// machine or a cluster (files, .gz, or folders such as `extract --output-dir`'s date
    /// partitions). They are stored without running the pipeline again.
    #[arg(long, conflicts_with_all = ["input_format", "date", "any_language", "threads"])]
    pub coded: bool,
}

/// Filters shared by `events`, `stories` and `export`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Event date on or after.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<Date>,
    /// Event date on or before.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<Date>,
    /// Report date on or after.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub report_from: Option<Date>,
    /// Report date on or before.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub report_to: Option<Date>,
    /// CAMEO actor code or prefix, source or target (RUS, UKRMIL).
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Country: two letters for the place (UA), three for an actor (UKR).
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// CAMEO event code or prefix (19 = the root, 190, 0214).
    #[arg(long, value_name = "CODE")]
    pub cameo: Option<String>,
    /// PLOVER event type (ASSAULT, PROTEST, …).
    #[arg(long, value_name = "TYPE")]
    pub plover: Option<String>,
    /// Factuality.
    #[arg(long, value_enum)]
    pub factuality: Option<FactualityArg>,
    /// Stance of the attribution (`none`: the reporter's own voice).
    #[arg(long, value_enum)]
    pub stance: Option<StanceArg>,
    /// Place name (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    /// Near a point: LAT,LON (with --km).
    #[arg(long, value_name = "LAT,LON", value_parser = parse_point, allow_hyphen_values = true)]
    pub near: Option<(f64, f64)>,
    /// Radius for --near, in km.
    #[arg(long, value_name = "KM", requires = "near")]
    pub km: Option<f64>,
    /// Full-text query over the evidence sentences (FTS5: words, "phrases", OR, NOT, prefix*).
    #[arg(long, value_name = "QUERY")]
    pub text: Option<String>,
    /// Order of results.
    #[arg(long, value_enum, default_value_t = SortArg::Date)]
    pub sort: SortArg,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Output: a table for reading, a JSON array, CSV with a header, or JSON Lines.
    #[arg(long, short = 'f', value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// Only the events of this story.
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Args, Debug)]
pub struct StoriesArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Output: a table for reading, a JSON array, CSV with a header, or JSON Lines.
    #[arg(long, short = 'f', value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// Only contested stories (reported by one party only, or denied).
    #[arg(long, conflicts_with = "uncontested")]
    pub contested: bool,
    /// Only uncontested stories.
    #[arg(long)]
    pub uncontested: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "sitrep.db")]
    pub db: PathBuf,
    /// gdelt (GDELT 2.0 event table, TSV, our columns after the 61), acled (CSV), geojson (a
    /// feature per event), geojson-stories (a feature per story), plover (JSONL), parquet
    /// (needs --output; in builds with the `parquet` feature).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = parse_export_format)]
    pub format: ExportChoice,
    /// Write here (atomically: a partial file never replaces a good one) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryFormat {
    Table,
    Json,
    Csv,
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortArg {
    /// Latest event first.
    #[default]
    Date,
    /// Earliest event first.
    DateAsc,
    /// Latest report first.
    ReportDate,
    /// Most confident first.
    Confidence,
    /// Most conflictual first.
    Goldstein,
    /// Most mentioned first.
    Mentions,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactualityArg {
    Asserted,
    Negated,
    Hypothetical,
    Expected,
    Planned,
    Conditional,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StanceArg {
    Reported,
    Claimed,
    Denied,
    Witnessed,
    None,
}

/// An export format, Parquet included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportChoice {
    /// A text format.
    Text(ExportFormat),
    /// Apache Parquet.
    Parquet,
}

fn parse_export_format(s: &str) -> Result<ExportChoice, String> {
    if s == "parquet" {
        return Ok(ExportChoice::Parquet);
    }
    s.parse::<ExportFormat>().map(ExportChoice::Text).map_err(|e| e.replace("geojson-stories or plover", "geojson-stories, plover or parquet"))
}

fn parse_point(s: &str) -> Result<(f64, f64), String> {
    let bad = || format!("`{s}` is not a point: write LAT,LON in degrees, e.g. --near 50.45,30.52");
    let (a, b) = s.split_once(',').ok_or_else(bad)?;
    let lat: f64 = a.trim().parse().map_err(|_| bad())?;
    let lon: f64 = b.trim().parse().map_err(|_| bad())?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("`{s}`: latitude must be in -90..90 and longitude in -180..180 (LAT first)"));
    }
    Ok((lat, lon))
}

impl FilterArgs {
    /// The store filter, or what is wrong with the flags.
    pub fn to_filter(&self) -> Result<Filter, String> {
        if let (Some(a), Some(b)) = (self.from, self.to) {
            if a > b {
                return Err(format!("--from {a} is after --to {b}: swap them"));
            }
        }
        if let (Some(a), Some(b)) = (self.report_from, self.report_to) {
            if a > b {
                return Err(format!("--report-from {a} is after --report-to {b}: swap them"));
            }
        }
        if let Some(km) = self.km {
            if km.is_nan() || km <= 0.0 {
                return Err(format!("--km {km}: give a positive distance"));
            }
        }
        if self.limit == Some(0) {
            return Err("--limit 0 selects nothing: give a positive number, or leave it out for all rows".into());
        }
        let name = |v: &dyn std::fmt::Debug| format!("{v:?}").to_lowercase();
        Ok(Filter {
            event_from: self.from.map(|d| d.to_string()),
            event_to: self.to.map(|d| d.to_string()),
            report_from: self.report_from.map(|d| d.to_string()),
            report_to: self.report_to.map(|d| d.to_string()),
            actor: self.actor.clone(),
            country: self.country.clone(),
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            factuality: self.factuality.map(|f| name(&f)),
            stance: self.stance.map(|s| name(&s)),
            place: self.place.clone(),
            near: self.near.map(|(lat, lon)| (lat, lon, self.km.unwrap_or(50.0))),
            text: self.text.clone(),
            story: None,
            contested: None,
            cursor: None,
            sort: match self.sort {
                SortArg::Date => Sort::Date,
                SortArg::DateAsc => Sort::DateAsc,
                SortArg::ReportDate => Sort::ReportDate,
                SortArg::Confidence => Sort::Confidence,
                SortArg::Goldstein => Sort::Goldstein,
                SortArg::Mentions => Sort::Mentions,
            },
            limit: self.limit,
        })
    }
}

/// Run one of the store's commands.
pub fn run(command: StoreCommand) -> ExitCode {
    match command {
        StoreCommand::Ingest(args) => ingest(args),
        StoreCommand::Events(args) => events(args),
        StoreCommand::Stories(args) => stories(args),
        StoreCommand::Export(args) => export(args),
    }
}

fn fail(cmd: &str, msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("sitrep {cmd}: {msg}");
    ExitCode::from(2)
}

fn store_fail(cmd: &str, e: StoreError) -> ExitCode {
    eprintln!("sitrep {cmd}: {e}");
    match e {
        StoreError::Invalid(_) | StoreError::Missing(_) => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
}

/// `sitrep ingest`.
pub fn ingest(args: IngestArgs) -> ExitCode {
    if args.paths.iter().any(|p| Path::new(p) == args.db) {
        return fail("ingest", format!("{} is the database itself: give the reports as PATH and the database with --db", args.db.display()));
    }
    if args.merge_km <= 0.0 || args.merge_days < 0 {
        return fail("ingest", "--merge-km must be positive and --merge-days zero or more");
    }
    if args.threads == Some(0) {
        return fail("ingest", "--threads 0: give at least 1, or leave it out for all cores");
    }
    let pipeline = if args.coded {
        None
    } else {
        match Pipeline::new() {
            Ok(p) => Some(p),
            Err(e) => return fail("ingest", e),
        }
    };
    let opts = IngestOptions {
        read: ReadOptions { format: args.input_format, date: args.date, tz: args.tz.clone(), ..ReadOptions::default() },
        any_language: args.any_language,
        threads: args.threads,
        merge: (!args.no_stories).then(|| MergeOptions { km: args.merge_km, days: args.merge_days, ..MergeOptions::default() }),
        ..IngestOptions::default()
    };
    let terminal = io::stderr().is_terminal();
    let mut last = Instant::now();
    let quiet = args.quiet;
    let mut progress = |p: &sitrep_store::Progress| {
        if quiet {
            return;
        }
        let line = progress_line(p, terminal);
        if terminal {
            eprint!("\r\x1b[2K{line}");
        } else if last.elapsed() >= Duration::from_secs(5) {
            eprintln!("{line}");
            last = Instant::now();
        }
    };
    let result = match &pipeline {
        Some(pipeline) => sitrep_store::ingest(&args.db, &args.paths, &opts, &|doc: &mut sitrep_core::Doc| pipeline.run(doc), &mut progress),
        None => sitrep_store::ingest_coded(&args.db, &args.paths, &opts, &mut progress),
    };
    if terminal && !quiet {
        eprintln!();
    }
    match result {
        Ok(st) => {
            for e in &st.errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "sitrep ingest: {} reports read, {} stored ({} events), {} already stored, {} not English, {} errors in {:.1} s ({:.0} reports/s){}",
                st.read,
                st.stored,
                st.events,
                st.skipped_existing,
                st.skipped_language,
                st.errors.len(),
                st.elapsed.as_secs_f64(),
                st.stored as f64 / st.elapsed.as_secs_f64().max(1e-9),
                st.stories.map(|s| format!("; {} stories ({} told by several reports, {} contested)", s.stories, s.multi_report, s.contested)).unwrap_or_default()
            );
            if st.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => store_fail("ingest", e),
    }
}

/// One line of ingest progress: a bar and the time left when the total is known (on a
/// terminal), then the counts and rates.
fn progress_line(p: &sitrep_store::Progress, bar: bool) -> String {
    let mut line = String::new();
    if let Some(total) = p.expected.filter(|&t| t > 0) {
        let done = p.reports + p.skipped + p.errors;
        let share = (done as f64 / total as f64).min(1.0);
        if bar {
            let filled = (share * 24.0).round() as usize;
            line.push_str(&format!("[{}{}] ", "#".repeat(filled), " ".repeat(24 - filled)));
        }
        line.push_str(&format!("{:.0}% of {total} · ", share * 100.0));
    }
    line.push_str(&format!(
        "{} reports, {} events stored, {} skipped · {:.0} reports/s, {:.0} events/s · {:.0} s",
        p.reports,
        p.events,
        p.skipped,
        p.reports_per_s(),
        p.events_per_s(),
        p.elapsed.as_secs_f64()
    ));
    if let Some(eta) = p.eta() {
        let s = eta.as_secs();
        line.push_str(&format!(" · ETA {}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60));
    }
    line
}

fn open(cmd: &str, db: &Path) -> Result<Store, ExitCode> {
    Store::open_existing(db).map_err(|e| store_fail(cmd, e))
}

/// `sitrep events`.
pub fn events(args: EventsArgs) -> ExitCode {
    let mut filter = match args.filter.to_filter() {
        Ok(f) => f,
        Err(e) => return fail("events", e),
    };
    filter.story = args.story;
    let store = match open("events", &args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let rows = match sitrep_store::events(&store, &filter) {
        Ok(r) => r,
        Err(e) => return store_fail("events", e),
    };
    finish("events", write_events(&rows, args.format))
}

/// `sitrep stories`.
pub fn stories(args: StoriesArgs) -> ExitCode {
    let mut filter = match args.filter.to_filter() {
        Ok(f) => f,
        Err(e) => return fail("stories", e),
    };
    filter.contested = if args.contested { Some(true) } else if args.uncontested { Some(false) } else { None };
    let store = match open("stories", &args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let rows = match sitrep_store::stories(&store, &filter) {
        Ok(r) => r,
        Err(e) => return store_fail("stories", e),
    };
    finish("stories", write_stories(&rows, args.format))
}

/// `sitrep export`.
pub fn export(args: ExportArgs) -> ExitCode {
    let filter = match args.filter.to_filter() {
        Ok(f) => f,
        Err(e) => return fail("export", e),
    };
    if args.output.as_deref() == Some(args.db.as_path()) {
        return fail("export", "--output is the database itself: give another file");
    }
    let format = match args.format {
        ExportChoice::Text(f) => f,
        ExportChoice::Parquet => return export_parquet(&args, &filter),
    };
    let store = match open("export", &args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match &args.output {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            match sitrep_store::export(&store, &filter, format, &mut out) {
                Ok(_) => ExitCode::SUCCESS,
                Err(StoreError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => store_fail("export", e),
            }
        }
        Some(path) => {
            let partial = path.with_extension(format!("{}partial", path.extension().map(|e| format!("{}.", e.to_string_lossy())).unwrap_or_default()));
            let file = match std::fs::File::create(&partial) {
                Ok(f) => f,
                Err(e) => return fail("export", format!("cannot create {}: {e}; choose a writable --output path", partial.display())),
            };
            let mut out = BufWriter::with_capacity(1 << 16, file);
            let result = sitrep_store::export(&store, &filter, format, &mut out).and_then(|n| {
                out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&partial, path)?;
                Ok(n)
            });
            match result {
                Ok(n) => {
                    eprintln!("sitrep export: {n} events written to {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&partial);
                    store_fail("export", e)
                }
            }
        }
    }
}

#[cfg(feature = "parquet")]
fn export_parquet(args: &ExportArgs, filter: &Filter) -> ExitCode {
    let Some(path) = &args.output else {
        return fail("export", "--format parquet writes a file: give it with --output FILE.parquet");
    };
    let store = match open("export", &args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match sitrep_store::export_parquet(&store, filter, path) {
        Ok(n) => {
            eprintln!("sitrep export: {n} events written to {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => store_fail("export", e),
    }
}

#[cfg(not(feature = "parquet"))]
fn export_parquet(_: &ExportArgs, _: &Filter) -> ExitCode {
    fail("export", "this sitrep was built without Parquet: rebuild with `cargo build --release --features parquet`, or use --format gdelt|acled|geojson|plover")
}

fn finish(cmd: &str, result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(cmd, format!("cannot write the output: {e}")),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn o(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

fn f(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Rows as the query formats write them: a JSON array, JSON Lines, CSV under `header` with
/// one line per row from `csv`, or the terminal table that `table` writes.
fn write_rows<T: serde::Serialize>(
    rows: &[T],
    format: QueryFormat,
    header: &str,
    csv: impl Fn(&T) -> Vec<String>,
    table: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        QueryFormat::Json => {
            serde_json::to_writer(&mut out, rows)?;
            writeln!(out)?;
        }
        QueryFormat::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut out, r)?;
                writeln!(out)?;
            }
        }
        QueryFormat::Csv => {
            writeln!(out, "{header}")?;
            for r in rows {
                writeln!(out, "{}", csv(r).iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
            }
        }
        QueryFormat::Table => table(&mut out)?,
    }
    out.flush()
}

const EVENT_CSV: &str = "id,event_date,report,report_date,cameo,root,plover,goldstein,source_actor,source_text,target_actor,target_text,place_name,lat,lon,place_country,factuality,stance,attribution,confidence,story,url,evidence";

fn write_events(rows: &[EventRow], format: QueryFormat) -> io::Result<()> {
    let csv = |r: &EventRow| {
        vec![
            r.id.to_string(),
            r.event_date.clone(),
            r.report.clone(),
            r.report_date.clone(),
            r.cameo.clone(),
            r.root.clone(),
            o(&r.plover).into(),
            f(r.goldstein),
            o(&r.source_actor).into(),
            o(&r.source_text).into(),
            o(&r.target_actor).into(),
            o(&r.target_text).into(),
            o(&r.place_name).into(),
            f(r.lat),
            f(r.lon),
            o(&r.place_country).into(),
            r.factuality.clone(),
            o(&r.stance).into(),
            o(&r.attribution_text).into(),
            format!("{:.3}", r.confidence),
            r.story.map(|s| s.to_string()).unwrap_or_default(),
            o(&r.url).into(),
            r.evidence.clone(),
        ]
    };
    write_rows(rows, format, EVENT_CSV, csv, |out| {
        writeln!(out, "{:<10}  {:<5} {:<8} {:<22} {:<16} {:<10} {:<20}  EVIDENCE", "DATE", "CAMEO", "PLOVER", "SOURCE → TARGET", "PLACE", "FACT", "REPORT")?;
        for r in rows {
            let who = format!("{} → {}", r.source_actor.as_deref().unwrap_or("?"), r.target_actor.as_deref().unwrap_or("?"));
            writeln!(
                out,
                "{:<10}  {:<5} {:<8} {:<22} {:<16} {:<10} {:<20}  {}",
                r.event_date,
                r.cameo,
                clip(o(&r.plover), 8),
                clip(&who, 22),
                clip(o(&r.place_name), 16),
                r.factuality,
                clip(&r.report, 20),
                clip(&r.evidence.replace('\n', " "), 80)
            )?;
        }
        writeln!(out, "({} event{})", rows.len(), if rows.len() == 1 { "" } else { "s" })?;
        Ok(())
    })
}

const STORY_CSV: &str = "id,first_date,last_date,cameo,root,plover,goldstein,source_actor,target_actor,place_name,lat,lon,place_country,num_mentions,num_sources,num_articles,first_report,last_report,contested,contested_reason";

fn write_stories(rows: &[StoryRow], format: QueryFormat) -> io::Result<()> {
    let csv = |r: &StoryRow| {
        vec![
            r.id.to_string(),
            r.first_date.clone(),
            r.last_date.clone(),
            r.cameo.clone(),
            r.root.clone(),
            o(&r.plover).into(),
            f(r.goldstein),
            o(&r.source_actor).into(),
            o(&r.target_actor).into(),
            o(&r.place_name).into(),
            f(r.lat),
            f(r.lon),
            o(&r.place_country).into(),
            r.num_mentions.to_string(),
            r.num_sources.to_string(),
            r.num_articles.to_string(),
            r.first_report.clone(),
            r.last_report.clone(),
            r.contested.to_string(),
            o(&r.contested_reason).into(),
        ]
    };
    write_rows(rows, format, STORY_CSV, csv, |out| {
        writeln!(out, "{:>6}  {:<21} {:<5} {:<22} {:<16} {:>8} {:>7} {:<10}", "STORY", "DATES", "CAMEO", "SOURCE → TARGET", "PLACE", "MENTIONS", "REPORTS", "CONTESTED")?;
        for r in rows {
            let who = format!("{} → {}", r.source_actor.as_deref().unwrap_or("?"), r.target_actor.as_deref().unwrap_or("?"));
            let dates = if r.first_date == r.last_date { r.first_date.clone() } else { format!("{}…{}", r.first_date, r.last_date.get(5..).unwrap_or(&r.last_date)) };
            writeln!(
                out,
                "{:>6}  {:<21} {:<5} {:<22} {:<16} {:>8} {:>7} {:<10}",
                r.id,
                dates,
                r.cameo,
                clip(&who, 22),
                clip(o(&r.place_name), 16),
                r.num_mentions,
                r.num_articles,
                o(&r.contested_reason)
            )?;
        }
        writeln!(out, "({} stor{})", rows.len(), if rows.len() == 1 { "y" } else { "ies" })?;
        Ok(())
    })
}
