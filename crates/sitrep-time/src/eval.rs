//! Evaluation on a folder of TimeML files (TempEval-3's TimeBank + AQUAINT by default):
//! our pipeline, or another tool's predictions, scored by the same [`crate::score`]
//! rules, split into the documents rules were tuned on and those held out.
//!
//! ```no_run
//! use std::path::Path;
//! use sitrep_time::{eval, TimeTagger};
//! let segmenter = sitrep_text::Segmenter::new();
//! let prepare = |doc: &mut sitrep_core::Doc| sitrep_core::Stage::annotate(&segmenter, doc);
//! let report = eval::evaluate_dir(Path::new("../shared/eval/tempeval3/TBAQ-cleaned"), &prepare, &TimeTagger::new())?;
//! println!("{report}");
//! # Ok::<(), sitrep_time::eval::EvalError>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use sitrep_core::{CharIndex, Doc, Meta, Stage};

use crate::score::{score_doc, Counts, DocScore, RULES};
use crate::timeml::{self, GoldTimex, TimemlDoc};
use crate::TimeTagger;

/// Which part of the corpus a document belongs to.
///
/// The split is fixed: all `.tml` files under the folder, sorted by file name (not by
/// path); the file at 0-based position `i` is [`Split::Held`] when `i % 4 == 3`, else
/// [`Split::Tune`]. On TBAQ-cleaned (256 files) that is 192 tuning and 64 held-out
/// documents. Rules were only ever adjusted while looking at tuning documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    /// Documents whose errors were read while writing rules.
    Tune,
    /// Documents never looked at: the figures that count.
    Held,
}

impl Split {
    /// The split of the file at position `index` in the name-sorted file list.
    ///
    /// ```
    /// use sitrep_time::eval::Split;
    /// assert_eq!(Split::of_index(0), Split::Tune);
    /// assert_eq!(Split::of_index(3), Split::Held);
    /// ```
    pub fn of_index(index: usize) -> Split {
        if index % 4 == 3 {
            Split::Held
        } else {
            Split::Tune
        }
    }

    fn label(self) -> &'static str {
        match self {
            Split::Tune => "tune",
            Split::Held => "held-out",
        }
    }
}

/// What went wrong, and what to do about it.
#[derive(Debug)]
pub enum EvalError {
    /// The corpus folder cannot be read or has no TimeML files.
    Corpus(String),
    /// A TimeML file is malformed.
    Timeml(String),
    /// The predictions file cannot be read or a line is not in the expected format.
    Predictions(String),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Corpus(m) | EvalError::Timeml(m) | EvalError::Predictions(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for EvalError {}

/// One TimeML file of the corpus with its place in the split.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its file name, the key predictions use.
    pub name: String,
    /// The sub-folder it sits in (`TimeBank`, `AQUAINT`), or `-` at the top.
    pub corpus: String,
    /// Tuning or held-out.
    pub split: Split,
}

/// The TimeML files under `dir` (and its sub-folders), name-sorted, with their split.
pub fn corpus_files(dir: &Path) -> Result<Vec<CorpusFile>, EvalError> {
    let mut paths = Vec::new();
    collect(dir, &mut paths).map_err(|e| {
        EvalError::Corpus(format!(
            "cannot read the TimeML folder {}: {e}; give the folder holding the .tml files (TempEval-3's TBAQ-cleaned)",
            dir.display()
        ))
    })?;
    let mut files: Vec<CorpusFile> = paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let corpus = path
                .parent()
                .filter(|p| *p != dir)
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "-".to_string());
            CorpusFile { path, name, corpus, split: Split::Tune }
        })
        .collect();
    if files.is_empty() {
        return Err(EvalError::Corpus(format!(
            "no .tml files under {}; give the folder holding TimeML files (TempEval-3's TBAQ-cleaned)",
            dir.display()
        )));
    }
    files.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.path.cmp(&b.path)));
    for (i, f) in files.iter_mut().enumerate() {
        f.split = Split::of_index(i);
    }
    Ok(files)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

fn read(file: &CorpusFile) -> Result<TimemlDoc, EvalError> {
    let bytes = std::fs::read(&file.path)
        .map_err(|e| EvalError::Timeml(format!("cannot read {}: {e}", file.path.display())))?;
    let xml = String::from_utf8_lossy(&bytes);
    timeml::parse(&file.name, &xml).map_err(|e| EvalError::Timeml(format!("{}: {e}", file.path.display())))
}

/// Scores of every document of a run, with the table and rules as its `Display`.
#[derive(Debug, Clone)]
pub struct TimeEval {
    /// Who produced the expressions ("sitrep", a predictions file).
    pub system: String,
    /// One entry per document.
    pub docs: Vec<EvaluatedDoc>,
}

/// One scored document.
#[derive(Debug, Clone)]
pub struct EvaluatedDoc {
    /// Its file and split.
    pub file: CorpusFile,
    /// Its counts and disagreements.
    pub score: DocScore,
}

impl TimeEval {
    /// The counts summed over the documents that `keep` selects.
    pub fn total(&self, keep: impl Fn(&EvaluatedDoc) -> bool) -> Counts {
        let mut c = Counts::default();
        for d in self.docs.iter().filter(|d| keep(d)) {
            c.add(&d.score.counts);
        }
        c
    }

    /// Counts of one split.
    pub fn split(&self, split: Split) -> Counts {
        self.total(|d| d.file.split == split)
    }

    /// Counts of all documents.
    pub fn overall(&self) -> Counts {
        self.total(|_| true)
    }
}

impl fmt::Display for TimeEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut corpora: Vec<&str> = self.docs.iter().map(|d| d.file.corpus.as_str()).collect();
        corpora.sort_unstable();
        corpora.dedup();
        writeln!(f, "Temporal expressions: {} (TempEval-3 scoring)", self.system)?;
        writeln!(
            f,
            "{:<10} {:<9} {:>5} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>6} {:>6}",
            "split", "corpus", "docs", "gold", "str P", "str R", "str F1", "rel P", "rel R", "rel F1", "type", "value", "typeF1", "valF1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, split: &str, corpus: &str, c: &Counts| {
            writeln!(
                f,
                "{:<10} {:<9} {:>5} {:>6} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} | {:>6.3} {:>6.3}",
                split,
                corpus,
                c.docs,
                c.gold,
                c.strict_p(),
                c.strict_r(),
                c.strict_f1(),
                c.relaxed_p(),
                c.relaxed_r(),
                c.relaxed_f1(),
                c.type_accuracy(),
                c.value_accuracy(),
                c.type_f1(),
                c.value_f1()
            )
        };
        for split in [Some(Split::Held), Some(Split::Tune), None] {
            let label = split.map_or("all", Split::label);
            for corpus in &corpora {
                let c = self.total(|d| (split.is_none() || split == Some(d.file.split)) && d.file.corpus == *corpus);
                row(f, label, corpus, &c)?;
            }
            let c = self.total(|d| split.is_none() || split == Some(d.file.split));
            row(f, label, "overall", &c)?;
        }
        writeln!(f, "Split: files sorted by name, every 4th (index % 4 == 3) held out; rules were tuned on the rest only.")?;
        write!(f, "{RULES}")
    }
}

/// Run the pipeline on every TimeML file under `dir` and score it.
///
/// `prepare` runs the stages before the time layer (at least the text stage, which
/// fills the tokens); `tagger` then runs with the file's creation date as the anchor.
pub fn evaluate_dir(dir: &Path, prepare: &dyn Fn(&mut Doc), tagger: &TimeTagger) -> Result<TimeEval, EvalError> {
    let files = corpus_files(dir)?;
    let mut docs = Vec::with_capacity(files.len());
    for file in files {
        let t = read(&file)?;
        let system = run_pipeline(&t, prepare, tagger).ok_or_else(|| {
            EvalError::Timeml(format!("{}: no creation date (<DCT>); every TimeML file needs one", file.path.display()))
        })?;
        let score = score_doc(&t.gold, &system);
        docs.push(EvaluatedDoc { file, score });
    }
    Ok(TimeEval { system: "sitrep".to_string(), docs })
}

/// Our expressions for one TimeML document, with character spans; `None` without DCT.
pub fn run_pipeline(t: &TimemlDoc, prepare: &dyn Fn(&mut Doc), tagger: &TimeTagger) -> Option<Vec<GoldTimex>> {
    let dct = t.dct?;
    let mut doc = Doc::new(Meta::new(t.name.clone(), dct), t.text.clone());
    prepare(&mut doc);
    tagger.annotate(&mut doc);
    let index = CharIndex::new(doc.text());
    Some(
        doc.time
            .times
            .iter()
            .map(|x| {
                let [start, end] = index.span(x.span);
                GoldTimex { start, end, kind: x.kind, value: timeml_value(&x.value), text: x.span.of(doc.text()).to_string() }
            })
            .collect(),
    )
}

/// Our value as TimeML corpora write it: a clock time stays the local reading the text
/// gives, without the zone offset ("5 p.m. EST" is `T17:00`, not `T17:00-05:00`), as in
/// TimeBank and AQUAINT; the layer itself keeps the offset (and the UTC time).
///
/// ```
/// use sitrep_time::eval::timeml_value;
/// assert_eq!(timeml_value("1989-11-09T17:00-05:00"), "1989-11-09T17:00");
/// assert_eq!(timeml_value("1998-08-12T07:30Z"), "1998-08-12T07:30");
/// assert_eq!(timeml_value("1998-08-12"), "1998-08-12");
/// assert_eq!(timeml_value("PT5H"), "PT5H");
/// ```
pub fn timeml_value(value: &str) -> String {
    let Some(t) = value.find('T').filter(|&t| t == 10 && value.as_bytes().get(4) == Some(&b'-')) else {
        return value.to_string();
    };
    let clock = &value[t + 1..];
    let cut = clock.find(['+', '-', 'Z']).map_or(value.len(), |i| t + 1 + i);
    value[..cut].to_string()
}

/// Score another tool's predictions, a JSON Lines file with one line per document:
/// `{"file": "ABC19980108.1830.0711.tml", "times": [{"span": [start, end], "type": "DATE", "value": "1998-01-08"}]}`
/// (spans in characters of the `<TEXT>` content, as [`dump_texts`] writes it). Documents
/// without a line count as having no expressions.
pub fn score_predictions(dir: &Path, predictions: &Path) -> Result<TimeEval, EvalError> {
    let files = corpus_files(dir)?;
    let reader = std::fs::File::open(predictions).map_err(|e| {
        EvalError::Predictions(format!("cannot open the predictions file {}: {e}", predictions.display()))
    })?;
    let mut by_file: HashMap<String, Vec<GoldTimex>> = HashMap::new();
    for (n, line) in std::io::BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|e| EvalError::Predictions(format!("{}:{}: {e}", predictions.display(), n + 1)))?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| {
            EvalError::Predictions(format!(
                "{}:{}: {what}; each line must be {{\"file\": \"NAME.tml\", \"times\": [{{\"span\": [start, end], \"type\": \"DATE\", \"value\": \"…\"}}]}}",
                predictions.display(),
                n + 1
            ))
        };
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| bad(&format!("not JSON ({e})")))?;
        let file = v["file"].as_str().ok_or_else(|| bad("no \"file\""))?.to_string();
        let mut times = Vec::new();
        for t in v["times"].as_array().ok_or_else(|| bad("no \"times\" array"))? {
            let span = t["span"].as_array().ok_or_else(|| bad("a time without \"span\""))?;
            let (Some(start), Some(end)) = (span.first().and_then(|x| x.as_u64()), span.get(1).and_then(|x| x.as_u64())) else {
                return Err(bad("a span that is not two numbers"));
            };
            let kind = t["type"].as_str().and_then(timeml::timex_type).unwrap_or(sitrep_core::TimexType::Date);
            let value = t["value"].as_str().unwrap_or("").to_string();
            if end > start {
                times.push(GoldTimex { start: start as usize, end: end as usize, kind, value, text: t["text"].as_str().unwrap_or("").to_string() });
            }
        }
        by_file.entry(file).or_default().extend(times);
    }
    let mut docs = Vec::with_capacity(files.len());
    for file in files {
        let t = read(&file)?;
        let system = by_file.remove(&file.name).unwrap_or_default();
        let score = score_doc(&t.gold, &system);
        docs.push(EvaluatedDoc { file, score });
    }
    let name = predictions.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(TimeEval { system: name, docs })
}

/// Write every document's text as JSON Lines (`{"file", "corpus", "split", "dct",
/// "text"}`), for other tools to tag with the same offsets. Returns the count written.
pub fn dump_texts(dir: &Path, out: &mut dyn Write) -> Result<usize, EvalError> {
    let files = corpus_files(dir)?;
    let n = files.len();
    for file in files {
        let t = read(&file)?;
        let line = serde_json::json!({
            "file": file.name,
            "corpus": file.corpus,
            "split": file.split.label(),
            "dct": t.dct.map(|d| d.to_string()),
            "text": t.text,
        });
        writeln!(out, "{line}").map_err(|e| EvalError::Corpus(format!("cannot write the texts: {e}")))?;
    }
    Ok(n)
}
