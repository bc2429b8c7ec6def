//! sitrep: the pipeline wired from its stages, for the `sitrep` binary and for tests.
//!
//! ```
//! use sitrep::Pipeline;
//! use sitrep_core::{Doc, Meta};
//! let pipeline = Pipeline::new().unwrap();
//! let mut doc = Doc::new(Meta::new("r1", jiff::civil::date(2022, 2, 25)), "Troops advanced. Talks stalled.");
//! pipeline.run(&mut doc);
//! assert_eq!(doc.text_layer.sentences.len(), 2);
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sitrep_core::{Doc, Stage};

/// Every stage, in the order data flows through them. Built once, run on many reports.
///
/// It keeps the time each stage has taken, summed over every report and thread, so that
/// a run can say where its time went ([`Pipeline::time_spent`], `sitrep extract
/// --timings`).
pub struct Pipeline {
    stages: Vec<(&'static str, Box<dyn Stage>)>,
    /// Nanoseconds spent in each stage.
    spent: Vec<AtomicU64>,
}

impl Pipeline {
    /// The pipeline with the built-in resources.
    ///
    /// Fails only if a built-in model is damaged, which is a build defect.
    pub fn new() -> Result<Pipeline, PipelineError> {
        Pipeline::build(sitrep_events::EventStage::builtin())
    }

    /// The pipeline with a user's PETRARCH/TABARI actor and agent dictionaries coding the
    /// events' participants (`sitrep extract --dict FILE`).
    pub fn with_dictionaries(dicts: sitrep_events::petrarch::Dicts) -> Result<Pipeline, PipelineError> {
        Pipeline::build(sitrep_events::EventStage::with_dictionaries(dicts))
    }

    fn build(events: sitrep_events::EventStage) -> Result<Pipeline, PipelineError> {
        // Where the process may use more than one core, the built-in models load side by
        // side: the entity model and the gazetteer on a second thread while this one loads
        // the syntax model (the longest). Each is loaded once per process and shared, the
        // same whichever thread loads it; with one core, or when no thread can be started,
        // they load one after the other.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (syntax, entities) = std::thread::scope(|s| {
            let side = if cores > 1 {
                std::thread::Builder::new().name("load".into()).spawn_scoped(s, || {
                    let _ = sitrep_geo::PlaceTagger::builtin();
                    sitrep_actors::EntityStage::builtin()
                })
            } else {
                Err(std::io::Error::other("one core"))
            };
            let syntax = sitrep_syntax::SyntaxStage::builtin();
            let entities = match side {
                Ok(side) => side.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => sitrep_actors::EntityStage::builtin(),
            };
            (syntax, entities)
        });
        let syntax = syntax.map_err(|e| PipelineError(e.to_string()))?;
        let entities = entities.map_err(|e| PipelineError(e.to_string()))?;
        let stages: Vec<(&'static str, Box<dyn Stage>)> = vec![
            ("sentences and tokens", Box::new(sitrep_text::Segmenter::new())),
            ("syntax", Box::new(syntax)),
            ("times", Box::new(sitrep_time::TimeTagger::new())),
            ("entities and actors", Box::new(entities)),
            ("places", Box::new(sitrep_geo::PlaceTagger::builtin())),
            ("events", Box::new(events)),
        ];
        let spent = stages.iter().map(|_| AtomicU64::new(0)).collect();
        Ok(Pipeline { stages, spent })
    }

    /// Run every stage on `doc`.
    pub fn run(&self, doc: &mut Doc) {
        for ((_, stage), spent) in self.stages.iter().zip(&self.spent) {
            let start = Instant::now();
            stage.annotate(doc);
            spent.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
    }

    /// Run every stage on every report of `docs`, each stage over all of them before the
    /// next: a stage's tables (the parser's rows, the tagger's weights, the gazetteer)
    /// stay in the CPU's caches from one report to the next instead of being pushed out
    /// by the other stages'. The same layers as [`Pipeline::run`] on each.
    ///
    /// A stage that fails on a report (a panic, an internal error) marks it in `failed`,
    /// which must be as long as `docs`; the later stages pass it by, and the other
    /// reports go on.
    ///
    /// ```
    /// let pipeline = sitrep::Pipeline::new().unwrap();
    /// let meta = |id: &str| sitrep_core::Meta::new(id, jiff::civil::date(2022, 2, 25));
    /// let mut docs = vec![sitrep_core::Doc::new(meta("a"), "Troops advanced."), sitrep_core::Doc::new(meta("b"), "Rebels shelled the town.")];
    /// let mut failed = vec![false; 2];
    /// pipeline.run_batch(&mut docs, &mut failed);
    /// let mut one = sitrep_core::Doc::new(meta("b"), "Rebels shelled the town.");
    /// pipeline.run(&mut one);
    /// assert_eq!(docs[1].events, one.events);
    /// assert_eq!(failed, [false, false]);
    /// ```
    pub fn run_batch(&self, docs: &mut [Doc], failed: &mut [bool]) {
        for ((_, stage), spent) in self.stages.iter().zip(&self.spent) {
            let start = Instant::now();
            for (doc, failed) in docs.iter_mut().zip(failed.iter_mut()) {
                if !*failed {
                    *failed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stage.annotate(doc))).is_err();
                }
            }
            spent.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
    }

    /// Each stage's name and the time it has taken so far, over all reports and threads.
    ///
    /// ```
    /// let pipeline = sitrep::Pipeline::new().unwrap();
    /// let mut doc = sitrep_core::Doc::new(sitrep_core::Meta::new("r", jiff::civil::date(2022, 2, 25)), "Troops advanced.");
    /// pipeline.run(&mut doc);
    /// let spent = pipeline.time_spent();
    /// assert_eq!(spent[1].0, "syntax");
    /// assert!(spent.iter().all(|(_, t)| !t.is_zero()));
    /// ```
    pub fn time_spent(&self) -> Vec<(&'static str, Duration)> {
        self.stages.iter().zip(&self.spent).map(|((name, _), t)| (*name, Duration::from_nanos(t.load(Ordering::Relaxed)))).collect()
    }
}

/// A built-in resource could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineError(pub String);

impl std::fmt::Display for PipelineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PipelineError {}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::Meta;

    /// A stage that fails on any report mentioning "boom".
    struct Boom;
    impl Stage for Boom {
        fn annotate(&self, doc: &mut Doc) {
            if doc.text().contains("boom") {
                panic!("a stage failed");
            }
        }
    }

    /// A stage that leaves a mark: the report's id gains a suffix.
    struct Mark;
    impl Stage for Mark {
        fn annotate(&self, doc: &mut Doc) {
            doc.meta.id.push_str("+marked");
        }
    }

    /// A report a stage fails on is marked and passed by the later stages; the reports
    /// before and after it in the batch go through every stage.
    #[test]
    fn a_failing_report_does_not_stop_its_batch() {
        let stages: Vec<(&'static str, Box<dyn Stage>)> = vec![("boom", Box::new(Boom)), ("mark", Box::new(Mark))];
        let pipeline = Pipeline { spent: stages.iter().map(|_| AtomicU64::new(0)).collect(), stages };
        let date = jiff::civil::date(2022, 2, 25);
        let mut docs: Vec<Doc> = ["calm", "boom", "calm again"].iter().enumerate().map(|(i, t)| Doc::new(Meta::new(format!("r{i}"), date), *t)).collect();
        let mut failed = vec![false; 3];
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        pipeline.run_batch(&mut docs, &mut failed);
        std::panic::set_hook(hook);
        assert_eq!(failed, [false, true, false]);
        assert_eq!(docs.iter().map(|d| d.meta.id.as_str()).collect::<Vec<_>>(), ["r0+marked", "r1", "r2+marked"]);
    }
}
