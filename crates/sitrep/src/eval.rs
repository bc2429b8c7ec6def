//! `sitrep eval …`: score layers against gold data and print the figures.

use std::process::ExitCode;
use std::time::Instant;

use sitrep_syntax::eval;

use sitrep_core::Stage;

use crate::cli::{EvalSyntaxArgs, EvalTimeArgs};
use crate::parse::{load_model, read_conllu};

pub fn syntax(args: EvalSyntaxArgs) -> ExitCode {
    let result = (|| -> Result<(), String> {
        if !args.gold.exists() {
            return Err(format!(
                "{} not found: give a gold CoNLL-U file (UD English EWT test sits in ../shared/data/ud-en-ewt/ during development)",
                args.gold.display()
            ));
        }
        let model = load_model(args.model.as_deref())?;
        let gold = read_conllu(&args.gold.to_string_lossy())?;
        let mut predicted = gold.clone();
        let started = Instant::now();
        model.annotate_conllu(&mut predicted);
        let secs = started.elapsed().as_secs_f64();
        let scores = eval::score(&gold, &predicted)?;
        println!("syntax on {} (gold words; predicted tags, lemmas and trees)", args.gold.display());
        println!("{scores}");
        println!("speed {:.0} words/s (tag + lemma + parse + CoNLL-U fields, one core)", scores.words as f64 / secs);
        println!("rules: every word counts, punctuation included; LAS compares heads and relations");
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep eval syntax: {e}");
            ExitCode::from(2)
        }
    }
}

pub fn time(args: EvalTimeArgs) -> ExitCode {
    if !args.dir.exists() {
        println!(
            "skipped: {} is absent; give a folder of TimeML files (TempEval-3's TimeBank + AQUAINT sit in ../shared/eval/tempeval3/ during development)",
            args.dir.display()
        );
        return ExitCode::SUCCESS;
    }
    let result = match &args.predictions {
        Some(file) => sitrep_time::eval::score_predictions(&args.dir, file),
        None => {
            let segmenter = sitrep_text::Segmenter::new();
            let syntax = match sitrep_syntax::SyntaxStage::builtin() {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("sitrep eval time: {e}");
                    return ExitCode::from(2);
                }
            };
            let prepare = |doc: &mut sitrep_core::Doc| {
                segmenter.annotate(doc);
                syntax.annotate(doc);
            };
            let started = Instant::now();
            let r = sitrep_time::eval::evaluate_dir(&args.dir, &prepare, &sitrep_time::TimeTagger::new());
            eprintln!("scored in {:.1} s", started.elapsed().as_secs_f64());
            r
        }
    };
    match result {
        Ok(eval) => {
            println!("time on {}", args.dir.display());
            println!("{eval}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sitrep eval time: {e}");
            ExitCode::from(2)
        }
    }
}
