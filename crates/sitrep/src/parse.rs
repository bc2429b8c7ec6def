//! `sitrep parse --conllu FILE`: tag and parse CoNLL-U words, write CoNLL-U.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use sitrep_syntax::{conllu, Syntax};

use crate::cli::ParseArgs;

/// Load the model a command asked for: a file, else the built-in one.
pub fn load_model(path: Option<&Path>) -> Result<&'static Syntax, String> {
    match path {
        None => Syntax::builtin().map_err(|e| e.to_string()),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("cannot read model {}: {e}", p.display()))?;
            let model = Syntax::from_bytes(&bytes).map_err(|e| format!("{}: {e}", p.display()))?;
            Ok(Box::leak(Box::new(model)))
        }
    }
}

/// Read a CoNLL-U file (or `-` for standard input).
pub fn read_conllu(path: &str) -> Result<Vec<conllu::Sentence>, String> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e} (give a CoNLL-U file in UTF-8)"))?;
    }
    conllu::parse(&text).map_err(|e| format!("{path}: {e}"))
}

pub fn run(args: ParseArgs) -> ExitCode {
    let result = (|| -> Result<(), String> {
        let model = load_model(args.model.as_deref())?;
        let mut sentences = read_conllu(&args.conllu)?;
        model.annotate_conllu(&mut sentences);
        let mut out = String::new();
        conllu::write(&sentences, &mut out);
        match &args.output {
            Some(p) => std::fs::write(p, out).map_err(|e| format!("cannot write {}: {e}", p.display())),
            None => {
                let mut stdout = std::io::stdout().lock();
                match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
                    _ => Ok(()),
                }
            }
        }
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep parse: {e}");
            ExitCode::from(2)
        }
    }
}
