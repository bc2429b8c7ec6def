//! The `sitrep` command line.

mod cli;
mod extract;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Extract(args) => extract::run(args),
    }
}
