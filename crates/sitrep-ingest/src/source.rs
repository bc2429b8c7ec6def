//! Inputs: files, folders and standard input, opened, decompressed and dispatched to the
//! reader their format calls for.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::bufread::MultiGzDecoder;
use sitrep_core::{Doc, Origin};

use crate::html::{read_html, PageContext};
use crate::{dated_text, detect_language, jsonl, warc, InputFormat, ReadError, ReadOptions, Sink};

/// One input: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Input {
    /// The name used in ids and messages: the path as given (without a leading `./`),
    /// or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => {
                let s = p.to_string_lossy();
                s.strip_prefix("./").unwrap_or(&s).to_string()
            }
        }
    }
}

/// Turn command-line arguments into inputs: `-` is standard input, a folder stands for
/// every file below it with a known extension (in sorted order, hidden files skipped),
/// and a file stands for itself whatever its extension.
///
/// Arguments that do not exist come back as errors; the others are still returned.
pub fn expand_inputs<S: AsRef<str>>(args: &[S]) -> (Vec<Input>, Vec<ReadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let arg = arg.as_ref();
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(arg);
        let origin = || Origin { file: arg.into(), at: None };
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
            Err(e) => errors.push(ReadError::new(origin(), format!("cannot open: {e}")).hint("check the path")),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<ReadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let origin = Origin { file: dir.to_string_lossy().into(), at: None };
            errors.push(ReadError::new(origin, format!("cannot list folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, inputs, errors);
        } else if InputFormat::by_extension(&path).is_some() {
            inputs.push(Input::File(path));
        }
    }
}

/// Read every report of `input`, sending each (or the error that stopped it) to `sink`.
pub fn read_input(input: &Input, opts: &ReadOptions, sink: Sink) {
    let name = input.name();
    let origin = Origin { file: name.clone(), at: None };
    let stream: Box<dyn BufRead> = match input {
        Input::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        Input::File(path) => match File::open(path) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => return sink(Err(ReadError::new(origin, format!("cannot open: {e}")).hint("check the path and its permissions"))),
        },
    };
    let by_name = match input {
        Input::File(path) => InputFormat::by_extension(path),
        Input::Stdin => None,
    };
    read_stream(stream, &name, by_name, opts, sink);
}

/// Read reports held in memory, as if they were a file called `name` of `format`.
pub fn read_bytes(bytes: &[u8], name: &str, format: InputFormat, opts: &ReadOptions, sink: Sink) {
    let opts = ReadOptions { format: Some(format), ..opts.clone() };
    read_stream(Box::new(bytes), name, None, &opts, sink);
}

fn read_stream(mut stream: Box<dyn BufRead + '_>, name: &str, by_name: Option<InputFormat>, opts: &ReadOptions, sink: Sink) {
    let origin = Origin { file: name.into(), at: None };
    let gzipped = match stream.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => return sink(Err(ReadError::new(origin, format!("cannot read: {e}")))),
    };
    let chosen = opts.format.or(by_name);
    // WARC files are compressed record by record; the WARC reader handles that itself.
    if chosen == Some(InputFormat::Warc) {
        return warc::read_warc(stream, name, opts, &mut |r| sink(r.map(with_language)));
    }
    if gzipped {
        stream = Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(stream)));
    }
    let format = match chosen {
        Some(f) => f,
        None => match stream.fill_buf() {
            Ok(head) => InputFormat::sniff(head),
            Err(e) => return sink(Err(ReadError::new(origin, format!("cannot read: {e}")).hint("the file looks truncated or corrupt"))),
        },
    };
    let sink = &mut |r: Result<Doc, ReadError>| sink(r.map(with_language));
    match format {
        InputFormat::Warc => warc::read_warc(stream, name, opts, sink),
        InputFormat::Jsonl => jsonl::read(stream, name, opts, sink),
        InputFormat::Seed | InputFormat::Text | InputFormat::Html => {
            let id = if name == "-" { "stdin".to_string() } else { name.to_string() };
            let (bytes, broke) = read_whole(stream, opts.max_report_bytes);
            if let Some(problem) = broke {
                sink(Err(ReadError::new(origin.clone(), problem.clone())));
                if bytes.is_empty() || problem.contains("limit") {
                    return;
                }
            }
            let result = if format == InputFormat::Html {
                read_html(&bytes, PageContext { origin, id: Some(id), fallback_date: opts.fallback_date(), ..PageContext::default() }, opts)
            } else {
                dated_text::read(&bytes, origin, id, opts.format, opts)
            };
            sink(result);
        }
    }
}

/// Read a single-report input whole, up to `limit` bytes. On a read error (a truncated
/// gzip stream) the bytes read so far come back with the problem.
fn read_whole(stream: impl Read, limit: usize) -> (Vec<u8>, Option<String>) {
    let mut bytes = Vec::new();
    let mut limited = stream.take(limit as u64 + 1);
    if let Err(e) = limited.read_to_end(&mut bytes) {
        let problem = format!("the input breaks off after {} bytes ({e}); what was read is kept", bytes.len());
        return (bytes, Some(problem));
    }
    if bytes.len() > limit {
        return (Vec::new(), Some(format!("the report is larger than the {limit} byte limit for one report; it was skipped")));
    }
    (bytes, None)
}

/// Fill in the language when the input did not name it.
fn with_language(mut doc: Doc) -> Doc {
    if doc.meta.lang.is_none() {
        doc.meta.lang = detect_language(doc.text()).map(str::to_string);
    }
    doc
}
