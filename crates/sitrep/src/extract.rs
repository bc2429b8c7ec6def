//! `sitrep extract`: read reports, run the pipeline, write JSON.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use sitrep::Pipeline;
use sitrep_core::{Doc, OutputOptions, Report};
use sitrep_ingest::{expand_inputs, is_english, read_input, ReadError, ReadOptions};

use crate::cli::{ExtractArgs, Layer, OutputFormat};

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
    let (inputs, missing) = expand_inputs(&paths);
    let mut tally = Tally::default();
    for err in &missing {
        report_error(err, &mut tally);
    }
    let opts = ReadOptions { format: args.input_format, date: args.date, tz: args.tz.clone(), ..ReadOptions::default() };
    let output = OutputOptions {
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
    let stdout = io::stdout();
    let mut writer = Writer::new(BufWriter::with_capacity(1 << 16, stdout.lock()), args.format);

    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.threads).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("sitrep extract: cannot start {} worker threads: {e} (try --threads 1)", args.threads);
            return ExitCode::from(2);
        }
    };
    // Reports are annotated in batches on every core and written in input order; a batch
    // is bounded in reports and bytes, so memory stays bounded on any input.
    let mut batch: Vec<Doc> = Vec::new();
    let mut batch_bytes = 0usize;
    let flush = |batch: &mut Vec<Doc>, writer: &mut Writer<_>, tally: &mut Tally| -> io::Result<()> {
        pool.install(|| {
            use rayon::prelude::*;
            batch.par_iter_mut().for_each(|doc| pipeline.run(doc));
        });
        for doc in batch.drain(..) {
            writer.write(&doc, output)?;
            tally.written += 1;
        }
        Ok(())
    };
    let mut failed: Option<io::Error> = None;
    for input in &inputs {
        read_input(input, &opts, &mut |result| {
            if failed.is_some() {
                return;
            }
            match result {
                Ok(doc) => {
                    for warning in &doc.warnings {
                        eprintln!("warning: {}: {warning}", doc.meta.origin);
                    }
                    if !args.any_language && is_foreign(&doc) {
                        eprintln!(
                            "skipped: {}: the report looks {} rather than English; sitrep codes English only (--any-language to force)",
                            doc.meta.origin,
                            doc.meta.lang.as_deref().unwrap_or("?")
                        );
                        tally.skipped_language += 1;
                        return;
                    }
                    batch_bytes += doc.text().len();
                    batch.push(doc);
                    if batch.len() >= BATCH_REPORTS || batch_bytes >= BATCH_BYTES {
                        batch_bytes = 0;
                        if let Err(e) = flush(&mut batch, &mut writer, &mut tally) {
                            failed = Some(e);
                        }
                    }
                }
                Err(err) => report_error(&err, &mut tally),
            }
        });
        if failed.is_some() {
            break;
        }
    }
    if failed.is_none() {
        if let Err(e) = flush(&mut batch, &mut writer, &mut tally).and_then(|_| writer.finish()) {
            failed = Some(e);
        }
    }
    if let Some(e) = failed {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("sitrep extract: cannot write the output: {e}");
        return ExitCode::FAILURE;
    }
    summarize(&tally, inputs.len() + missing.len())
}

/// Reports annotated together on the worker threads.
const BATCH_REPORTS: usize = 64;
/// Text bytes annotated together, at most (a single larger report is a batch of its own).
const BATCH_BYTES: usize = 8 << 20;

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
    let s = |n: u64| if n == 1 { "" } else { "s" };
    eprintln!(
        "sitrep extract: {} report{} written from {inputs} input{}; {} error{} (see above){}",
        tally.written,
        s(tally.written),
        if inputs == 1 { "" } else { "s" },
        tally.errors,
        s(tally.errors),
        if tally.skipped_language > 0 { format!("; {} skipped as not English", tally.skipped_language) } else { String::new() },
    );
    ExitCode::FAILURE
}

/// Writes reports in the chosen form, streaming (a `json` array is written as it goes).
struct Writer<W: Write> {
    out: W,
    format: OutputFormat,
    count: u64,
}

impl<W: Write> Writer<W> {
    fn new(out: W, format: OutputFormat) -> Self {
        Writer { out, format, count: 0 }
    }

    fn write(&mut self, doc: &Doc, options: OutputOptions) -> io::Result<()> {
        let report = Report::new(doc, options);
        match self.format {
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut self.out, &report)?;
                self.out.write_all(b"\n")?;
            }
            OutputFormat::Json => {
                self.out.write_all(if self.count == 0 { b"[" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, &report)?;
            }
            OutputFormat::Pretty => {
                serde_json::to_writer_pretty(&mut self.out, &report)?;
                self.out.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            self.out.write_all(if self.count == 0 { b"[]\n" } else { b"]\n" })?;
        }
        self.out.flush()
    }
}

