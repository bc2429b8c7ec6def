//! `sitrep train syntax`: train the tagger, lemmatiser and parser.

use std::process::ExitCode;

use sitrep_syntax::{eval, train, Syntax};

use crate::cli::{TrainNerArgs, TrainSyntaxArgs};
use crate::parse::read_conllu;

pub fn syntax(args: TrainSyntaxArgs) -> ExitCode {
    let result = (|| -> Result<(), String> {
        let path = args.train.to_string_lossy();
        let data = read_conllu(&path).map_err(|e| format!("{e}\nUD English EWT is in ../shared/data/ud-en-ewt/ during development"))?;
        let options = train::TrainOptions {
            tagger_epochs: args.tagger_epochs,
            parser_epochs: args.parser_epochs,
            folds: args.folds.max(1),
            seed: args.seed,
            prune: args.prune,
        };
        let started = std::time::Instant::now();
        let model = train::train(&data, options, |line| eprintln!("{line}")).map_err(|e| e.to_string())?;
        let bytes = model.to_bytes();
        std::fs::write(&args.output, &bytes).map_err(|e| format!("cannot write {}: {e}", args.output.display()))?;
        eprintln!(
            "wrote {} ({:.1} MB) in {:.0} s",
            args.output.display(),
            bytes.len() as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
        if let Some(dev) = &args.dev {
            let gold = read_conllu(&dev.to_string_lossy())?;
            let model = Syntax::from_bytes(&bytes).map_err(|e| e.to_string())?;
            let mut predicted = gold.clone();
            model.annotate_conllu(&mut predicted);
            outln!("{}\n{}", dev.display(), eval::score(&gold, &predicted)?);
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep train syntax: {e}");
            ExitCode::from(2)
        }
    }
}

/// Penn tags from the built-in syntax model, for the entity model's features.
pub fn xpos_with(syntax: &'static Syntax) -> impl FnMut(&[String]) -> Vec<String> {
    move |words: &[String]| syntax.xpos_tags(words.iter().map(String::as_str)).into_iter().map(str::to_string).collect()
}

pub fn ner(args: TrainNerArgs) -> ExitCode {
    let result = (|| -> Result<(), String> {
        let read = |p: &std::path::Path| {
            std::fs::read_to_string(p)
                .map(|t| sitrep_actors::conll::parse(&t))
                .map_err(|e| format!("cannot read {}: {e} (CoNLL-2003 sits in ../shared/eval/conll2003/ during development)", p.display()))
        };
        let data = read(&args.train)?;
        if data.is_empty() {
            return Err(format!("{} holds no sentences", args.train.display()));
        }
        let syntax = Syntax::builtin().map_err(|e| e.to_string())?;
        let mut xpos = xpos_with(syntax);
        let options = sitrep_actors::train::TrainOptions { epochs: args.epochs, seed: args.seed, prune: args.prune };
        let started = std::time::Instant::now();
        let model = sitrep_actors::train::train(&data, &mut xpos, options, &mut |l| eprintln!("{l}"));
        let bytes = model.to_bytes();
        std::fs::write(&args.output, &bytes).map_err(|e| format!("cannot write {}: {e}", args.output.display()))?;
        eprintln!("wrote {} ({:.1} MB) in {:.0} s", args.output.display(), bytes.len() as f64 / 1e6, started.elapsed().as_secs_f64());
        if let Some(dev) = &args.dev {
            let gold = read(dev)?;
            let scores = sitrep_actors::train::evaluate(&model, &gold, &mut xpos, &sitrep_actors::train::same_type);
            outln!("{}\n{scores}", dev.display());
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep train ner: {e}");
            ExitCode::from(2)
        }
    }
}
