//! The `sitrep` command line.

mod cli;
mod eval;
mod extract;
mod parse;
mod train;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Extract(args) => extract::run(args),
        cli::Command::Parse(args) => parse::run(args),
        cli::Command::Train(cli::TrainCommand::Syntax(args)) => train::syntax(args),
        cli::Command::Train(cli::TrainCommand::Ner(args)) => train::ner(args),
        cli::Command::Eval(cli::EvalCommand::Ner(args)) => eval::ner(args),
        cli::Command::Eval(cli::EvalCommand::Geo(args)) => eval::geo(args),
        cli::Command::Eval(cli::EvalCommand::Syntax(args)) => eval::syntax(args),
        cli::Command::Eval(cli::EvalCommand::Time(args)) => eval::time(args),
    }
}
