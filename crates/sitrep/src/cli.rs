//! Command-line arguments.

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

fn parse_input_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|_| format!("`{s}` is not a calendar date: write it as YYYY-MM-DD, e.g. 2022-02-25"))
}

fn parse_tz(s: &str) -> Result<TimeZone, String> {
    TimeZone::get(s).map_err(|_| format!("unknown time zone `{s}`: use an IANA name such as Europe/Kyiv, America/New_York or UTC"))
}
