//! `sitrep serve`: the store over HTTP, with the analyst's page.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use sitrep::Pipeline;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The database file (made by `sitrep ingest`).
    #[arg(long, value_name = "FILE", default_value = "sitrep.db")]
    pub db: PathBuf,

    /// Address to listen on. The default is loopback only; give 0.0.0.0:8080 to serve others.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Turn on `POST /api/reports`, demanding `Authorization: Bearer TOKEN`.
    #[arg(long, value_name = "TOKEN", env = "SITREP_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
}

pub fn run(args: ServeArgs) -> ExitCode {
    let annotate: Option<sitrep_server::Annotator> = if args.token.is_some() {
        match Pipeline::new() {
            Ok(p) => Some(Arc::new(move |doc: &mut sitrep_core::Doc| p.run(doc))),
            Err(e) => {
                eprintln!("sitrep serve: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let config = sitrep_server::Config { addr: args.addr, token: args.token, annotate, ..sitrep_server::Config::new(args.db) };
    match sitrep_server::run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep serve: {e}");
            ExitCode::from(2)
        }
    }
}
