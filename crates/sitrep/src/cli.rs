//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use sitrep_ingest::InputFormat;

/// sitrep turns dated news reports into event data: who did what to whom, where, when,
/// and who says so.
#[derive(Parser, Debug)]
#[command(name = "sitrep", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read reports and write one JSON object per report (DESIGN.md schema).
    ///
    /// Reads dated text (`date YYYY-MM-DD` then the report), plain text (with --date),
    /// JSON Lines, HTML pages and WARC(.gz) archives; folders are read recursively.
    Extract(ExtractArgs),
    /// Tag and parse a CoNLL-U file (its words as given) and write CoNLL-U with predicted
    /// UPOS, XPOS, LEMMA, HEAD and DEPREL, for any standard scorer.
    Parse(ParseArgs),
    /// Train a model from data (reproducible: fixed seed, same data → same file).
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score a layer against gold data and print the figures.
    #[command(subcommand)]
    Eval(EvalCommand),
    #[command(flatten)]
    Store(crate::store_cli::StoreCommand),
    /// Serve the store over HTTP: a JSON API and the analyst's map-and-timeline page.
    Serve(crate::serve::ServeArgs),
}

#[derive(Args, Debug)]
pub struct ParseArgs {
    /// The CoNLL-U file to parse (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub conllu: String,

    /// Write here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Use this model file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum TrainCommand {
    /// Train the tagger, lemmatiser and parser on a CoNLL-U treebank.
    Syntax(TrainSyntaxArgs),
    /// Train the entity model on CoNLL-format data (tags from the built-in syntax model).
    Ner(TrainNerArgs),
}

#[derive(Args, Debug)]
pub struct TrainNerArgs {
    /// Training data (CoNLL format: token first, tag last; -DOCSTART- between documents).
    #[arg(long, value_name = "FILE", default_value = "../shared/eval/conll2003/train.txt")]
    pub train: PathBuf,

    /// Where to write the model.
    #[arg(long, short = 'o', value_name = "FILE", default_value = "crates/sitrep-actors/model/conll2003.ner")]
    pub output: PathBuf,

    /// Data to score the new model on after training; none to skip.
    #[arg(long, value_name = "FILE", default_value = "../shared/eval/conll2003/valid.txt")]
    pub dev: Option<PathBuf>,

    /// Seed for shuffling documents.
    #[arg(long, default_value_t = 2003)]
    pub seed: u64,

    /// Passes over the data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,

    /// Drop averaged weights smaller than this.
    #[arg(long, default_value_t = 0.5)]
    pub prune: f32,
}

#[derive(Args, Debug)]
pub struct TrainSyntaxArgs {
    /// Training treebank (CoNLL-U).
    #[arg(long, value_name = "FILE", default_value = "../shared/data/ud-en-ewt/en_ewt-ud-train.conllu")]
    pub train: PathBuf,

    /// Where to write the model.
    #[arg(long, short = 'o', value_name = "FILE", default_value = "crates/sitrep-syntax/model/en-ewt.syntax")]
    pub output: PathBuf,

    /// Treebank to score the new model on after training (CoNLL-U); none to skip.
    #[arg(long, value_name = "FILE", default_value = "../shared/data/ud-en-ewt/en_ewt-ud-dev.conllu")]
    pub dev: Option<PathBuf>,

    /// Seed for shuffling the training data.
    #[arg(long, default_value_t = 2022)]
    pub seed: u64,

    /// Passes over the data for the tagger.
    #[arg(long, default_value_t = 8)]
    pub tagger_epochs: usize,

    /// Passes over the data for the parser.
    #[arg(long, default_value_t = 15)]
    pub parser_epochs: usize,

    /// Folds for jackknifed training tags (1 = train the parser on gold tags).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,

    /// Drop averaged weights smaller than this (smaller, faster model).
    #[arg(long, default_value_t = 0.9)]
    pub prune: f32,
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// UPOS/XPOS/lemma accuracy, UAS and LAS on a gold CoNLL-U file (gold words).
    Syntax(EvalSyntaxArgs),
    /// Events, attribution, factuality and quotes against a report's gold reading.
    Events(EvalEventsArgs),
    /// Toponyms against gold with coordinates (LGL, GeoVirus): recognition P/R/F1,
    /// accuracy at 161 km, median and mean error, AUC.
    Geo(EvalGeoArgs),
    /// Named entities against CoNLL-format gold (conlleval: exact span and type).
    Ner(EvalNerArgs),
    /// Temporal expressions against TimeML gold (TempEval-3 scoring): extents, types, values.
    Time(EvalTimeArgs),
}

#[derive(Args, Debug)]
pub struct EvalNerArgs {
    /// Gold file (CoNLL format). Without one: CoNLL-2003 dev, then WNUT-17 dev where present.
    #[arg(value_name = "FILE")]
    pub gold: Option<PathBuf>,

    /// How to read the gold types: `conll` (PER ORG LOC MISC) or `wnut` (person, location,
    /// corporation, group, creative-work, product).
    #[arg(long, value_name = "SCHEME")]
    pub scheme: Option<String>,

    /// Use this model file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,

    /// Score another system's output instead (CoNLL format, same tokens as the gold file,
    /// predicted PER/ORG/LOC/MISC tags in the last column); needs FILE.
    #[arg(long, value_name = "FILE", requires = "gold")]
    pub predictions: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalEventsArgs {
    /// A report (dated text) with its gold file beside it (`NAME.gold.json`), or a
    /// PETRARCH validation records file (`.xml`, whose dictionaries it names are loaded).
    #[arg(value_name = "PATH", default_value = "../shared/examples/report-2022-02-25-kyiv.txt")]
    pub path: PathBuf,

    /// Also list what went wrong.
    #[arg(long)]
    pub errors: bool,

    /// Load a PETRARCH/TABARI actor, agent or verb dictionary (the kind is recognised from
    /// its contents); repeatable.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,

    /// With a records file: code only verbs the verb dictionary knows, as PETRARCH does.
    #[arg(long)]
    pub verbs_only: bool,
}

#[derive(Args, Debug)]
pub struct EvalGeoArgs {
    /// Gold files (LGL or GeoVirus XML). Default: both, from ../shared/eval/.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalTimeArgs {
    /// A folder of TimeML (.tml) files, searched recursively.
    #[arg(value_name = "DIR", default_value = "../shared/eval/tempeval3/TBAQ-cleaned")]
    pub dir: PathBuf,

    /// Score another system's output (JSON Lines: {"file", "times": [{"span", "type", "value"}]})
    /// instead of sitrep's.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalSyntaxArgs {
    /// Gold treebank (CoNLL-U).
    #[arg(value_name = "FILE", default_value = "../shared/data/ud-en-ewt/en_ewt-ud-test.conllu")]
    pub gold: PathBuf,

    /// Use this model file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files or folders to read; `-` (or nothing, with piped input) reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    /// Output form: `jsonl` (one object per line), `json` (one array), `pretty` (indented).
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,

    /// Read every input as this format instead of choosing by extension and content.
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub input_format: Option<InputFormat>,

    /// Date of reports that carry none (plain text), as YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,

    /// Time zone of bare dates, as an IANA name (Europe/Kyiv) or UTC.
    #[arg(long, value_name = "ZONE", default_value = "UTC", value_parser = parse_tz)]
    pub tz: TimeZone,

    /// Optional layers to add to the output, comma-separated: `tokens`, `syntax`.
    #[arg(long, value_name = "LAYERS", value_delimiter = ',')]
    pub layers: Vec<Layer>,

    /// Code reports even when they are detected as not English (results will be poor).
    #[arg(long)]
    pub any_language: bool,

    /// Worker threads for annotation (0: one per core). Output order is the input order.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,

    /// Write JSON Lines files partitioned by report date instead of standard output:
    /// DIR/date=YYYY-MM-DD/part-RUN-NNNNN.jsonl (Hive style: Spark and Arrow read `date` as
    /// a partition column). Each file is written under a hidden name and renamed when whole.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    /// The RUN in --output-dir file names (letters, digits, `.`, `_`, `-`). Default: the
    /// start time and process id, so runs writing into one folder never collide; a fixed
    /// one (a shard's name) makes a rerun replace its own files.
    #[arg(long, value_name = "ID", requires = "output_dir", value_parser = parse_run_id)]
    pub run_id: Option<String>,

    /// Actor and agent dictionaries in the PETRARCH/TABARI formats: event participants
    /// they name take their codes (as of each report's date); repeatable.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,

    /// At the end, print on standard error the time each stage took (summed over all
    /// threads) and its share: where a run's time goes.
    #[arg(long)]
    pub timings: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Json,
    Pretty,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Every token with its span and kind.
    Tokens,
    /// Every token with its tags, lemma, head and dependency relation.
    Syntax,
}

pub(crate) fn parse_input_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

fn parse_run_id(s: &str) -> Result<String, String> {
    if !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) && !s.starts_with('.') {
        Ok(s.to_string())
    } else {
        Err(format!("`{s}` cannot be part of a file name: use letters, digits, `.`, `_` and `-` (not first `.`)"))
    }
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|_| format!("`{s}` is not a calendar date: write it as YYYY-MM-DD, e.g. 2022-02-25"))
}

pub(crate) fn parse_tz(s: &str) -> Result<TimeZone, String> {
    TimeZone::get(s).map_err(|_| format!("unknown time zone `{s}`: use an IANA name such as Europe/Kyiv, America/New_York or UTC"))
}
