//! The `sitrep` command line.

/// `println!` that ignores a closed standard output (`sitrep eval … | head`) instead of
/// panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod cli;
mod eval;
mod extract;
mod parse;
mod serve;
mod store_cli;
mod train;

use std::process::ExitCode;

/// The allocator: the pipeline makes and drops many small buffers per report, and
/// mimalloc's per-thread free lists serve them with fewer instructions and page faults
/// than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Extract(args) => extract::run(args),
        cli::Command::Parse(args) => parse::run(args),
        cli::Command::Store(cmd) => store_cli::run(cmd),
        cli::Command::Serve(args) => serve::run(args),
        cli::Command::Train(cli::TrainCommand::Syntax(args)) => train::syntax(args),
        cli::Command::Train(cli::TrainCommand::Ner(args)) => train::ner(args),
        cli::Command::Eval(cli::EvalCommand::Ner(args)) => eval::ner(args),
        cli::Command::Eval(cli::EvalCommand::Geo(args)) => eval::geo(args),
        cli::Command::Eval(cli::EvalCommand::Events(args)) => eval::events(args),
        cli::Command::Eval(cli::EvalCommand::Syntax(args)) => eval::syntax(args),
        cli::Command::Eval(cli::EvalCommand::Time(args)) => eval::time(args),
    }
}
