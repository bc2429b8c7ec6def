//! `sitrep eval …`: score layers against gold data and print the figures.

use std::process::ExitCode;
use std::time::Instant;

use sitrep_syntax::eval;

use sitrep_core::Stage;

use crate::cli::{EvalEventsArgs, EvalGeoArgs, EvalNerArgs, EvalSyntaxArgs, EvalTimeArgs};
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
        outln!("syntax on {} (gold words; predicted tags, lemmas and trees)", args.gold.display());
        outln!("{scores}");
        outln!("speed {:.0} words/s (tag + lemma + parse + CoNLL-U fields, one core)", scores.words as f64 / secs);
        outln!("rules: every word counts, punctuation included; LAS compares heads and relations");
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
        outln!(
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
            outln!("time on {}", args.dir.display());
            outln!("{eval}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sitrep eval time: {e}");
            ExitCode::from(2)
        }
    }
}

pub fn ner(args: EvalNerArgs) -> ExitCode {
    let result = (|| -> Result<(), String> {
        let model: &sitrep_actors::ner::Ner = match &args.model {
            None => sitrep_actors::ner::Ner::builtin().map_err(|e| e.to_string())?,
            Some(p) => {
                let bytes = std::fs::read(p).map_err(|e| format!("cannot read model {}: {e}", p.display()))?;
                Box::leak(Box::new(sitrep_actors::ner::Ner::from_bytes(&bytes).map_err(|e| e.to_string())?))
            }
        };
        if let (Some(gold), Some(pred)) = (&args.gold, &args.predictions) {
            let read = |p: &std::path::Path| std::fs::read_to_string(p).map(|t| sitrep_actors::conll::parse(&t)).map_err(|e| format!("cannot read {}: {e}", p.display()));
            let map: &dyn Fn(&str) -> Option<&'static str> = if args.scheme.as_deref() == Some("wnut") { &sitrep_actors::train::wnut_type } else { &sitrep_actors::train::same_type };
            let scores = sitrep_actors::train::score_predictions(&read(gold)?, &read(pred)?, map)?;
            outln!("entities of {} scored on {}\n{scores}", pred.display(), gold.display());
            return Ok(());
        }
        let syntax = sitrep_syntax::Syntax::builtin().map_err(|e| e.to_string())?;
        let tag_seconds = std::cell::Cell::new(0.0f64);
        let mut tagger = crate::train::xpos_with(syntax);
        let mut xpos = |words: &[String]| {
            let started = Instant::now();
            let tags = tagger(words);
            tag_seconds.set(tag_seconds.get() + started.elapsed().as_secs_f64());
            tags
        };
        let sets: Vec<(std::path::PathBuf, String)> = match &args.gold {
            Some(p) => vec![(p.clone(), args.scheme.clone().unwrap_or_else(|| "conll".into()))],
            None => vec![
                ("../shared/eval/conll2003/valid.txt".into(), "conll".into()),
                ("../shared/eval/wnut17/emerging.dev.conll".into(), "wnut".into()),
            ],
        };
        for (path, scheme) in sets {
            if !path.exists() {
                outln!("skipped: {} is absent", path.display());
                continue;
            }
            let map: &dyn Fn(&str) -> Option<&'static str> = match scheme.as_str() {
                "conll" => &sitrep_actors::train::same_type,
                "wnut" => &sitrep_actors::train::wnut_type,
                other => return Err(format!("unknown scheme `{other}`: use conll or wnut")),
            };
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let docs = sitrep_actors::conll::parse(&text);
            tag_seconds.set(0.0);
            let scores = sitrep_actors::train::evaluate(model, &docs, &mut xpos, map);
            outln!("entities on {} ({scheme} types{})", path.display(), if scheme == "wnut" { ": person→PER, location→LOC, corporation/group→ORG, creative-work/product→MISC" } else { "" });
            outln!("{scores}");
            outln!(
                "speed {:.0} tokens/s (entity model alone, given tags); {:.0} tokens/s with part-of-speech tagging; one core\n",
                scores.tokens as f64 / scores.seconds.max(1e-9),
                scores.tokens as f64 / (scores.seconds + tag_seconds.get()).max(1e-9)
            );
        }
        outln!("UD English EWT: skipped (this copy carries no entity annotation)");
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep eval ner: {e}");
            ExitCode::from(2)
        }
    }
}

pub fn geo(args: EvalGeoArgs) -> ExitCode {
    let paths: Vec<std::path::PathBuf> = if args.paths.is_empty() {
        vec!["../shared/eval/lgl/lgl.xml".into(), "../shared/eval/geovirus/GeoVirus.xml".into()]
    } else {
        args.paths
    };
    let (syntax, entities) = match (sitrep_syntax::SyntaxStage::builtin(), sitrep_actors::EntityStage::builtin()) {
        (Ok(s), Ok(e)) => (s, e),
        (Err(e), _) => return fail("geo", &e.to_string()),
        (_, Err(e)) => return fail("geo", &e.to_string()),
    };
    let segmenter = sitrep_text::Segmenter::new();
    let prepare = |doc: &mut sitrep_core::Doc| {
        segmenter.annotate(doc);
        syntax.annotate(doc);
        entities.annotate(doc);
    };
    let tagger = sitrep_geo::PlaceTagger::builtin();
    let mut code = ExitCode::SUCCESS;
    for path in paths {
        if !path.exists() {
            outln!("skipped: {} is absent (LGL and GeoVirus sit in ../shared/eval/ during development)", path.display());
            continue;
        }
        let started = Instant::now();
        match sitrep_geo::eval::evaluate(&path, &prepare, &tagger) {
            Ok(r) => outln!("{r}\nscored in {:.1} s\n", started.elapsed().as_secs_f64()),
            Err(e) => {
                eprintln!("sitrep eval geo: {e}");
                code = ExitCode::from(2);
            }
        }
    }
    code
}

fn fail(what: &str, e: &str) -> ExitCode {
    eprintln!("sitrep eval {what}: {e}");
    ExitCode::from(2)
}

pub fn events(args: EvalEventsArgs) -> ExitCode {
    if args.path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
        return petrarch_records(&args);
    }
    let result = (|| -> Result<(), String> {
        let gold_path = args.path.with_extension("gold.json");
        if !args.path.exists() || !gold_path.exists() {
            outln!("skipped: {} or its gold file {} is absent (the example sits in ../shared/examples/ during development)", args.path.display(), gold_path.display());
            return Ok(());
        }
        let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).map_err(|e| format!("cannot read {}: {e}", gold_path.display()))?)
            .map_err(|e| format!("{}: not JSON: {e}", gold_path.display()))?;
        let bytes = std::fs::read(&args.path).map_err(|e| format!("cannot read {}: {e}", args.path.display()))?;
        let mut docs = Vec::new();
        let mut problems = Vec::new();
        let name = args.path.display().to_string();
        sitrep_ingest::read_bytes(&bytes, &name, sitrep_ingest::InputFormat::Seed, &sitrep_ingest::ReadOptions::default(), &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(e) => problems.push(e.to_string()),
        });
        let mut doc = docs.pop().ok_or_else(|| format!("{name}: no report read: {}", problems.join("; ")))?;
        sitrep::Pipeline::new().map_err(|e| e.to_string())?.run(&mut doc);
        let r = sitrep_events::eval::score(&doc, &gold);
        outln!("events on {name}\n{r}");
        if args.errors {
            for n in &r.notes {
                outln!("  {n}");
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail("events", &e),
    }
}

/// `sitrep eval events RECORDS.xml`: the PETRARCH validation records with their dictionaries.
fn petrarch_records(args: &EvalEventsArgs) -> ExitCode {
    let result = (|| -> Result<(), String> {
        if !args.path.exists() {
            outln!("skipped: {} is absent (the PETRARCH suites sit in ../shared/eval/ during development)", args.path.display());
            return Ok(());
        }
        let mut dicts = sitrep_events::petrarch::Dicts::from_environment(&args.path).map_err(|e| format!("{}: {e}", args.path.display()))?;
        for d in &args.dicts {
            dicts.add_file(d).map_err(|e| format!("cannot read dictionary {}: {e}", d.display()))?;
        }
        let pipeline = sitrep::Pipeline::new().map_err(|e| e.to_string())?;
        let run = |doc: &mut sitrep_core::Doc| pipeline.run(doc);
        let started = Instant::now();
        let r = sitrep_events::petrarch::evaluate_with(&args.path, &dicts, &run, args.verbs_only).map_err(|e| format!("{}: {e}", args.path.display()))?;
        outln!("{r}");
        outln!("scored in {:.1} s", started.elapsed().as_secs_f64());
        if args.errors {
            for l in &r.failures {
                outln!("  {l}");
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail("events", &e),
    }
}
