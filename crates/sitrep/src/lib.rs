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

use sitrep_core::{Doc, Stage};

/// Every stage, in the order data flows through them. Built once, run on many reports.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
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
        let syntax = sitrep_syntax::SyntaxStage::builtin().map_err(|e| PipelineError(e.to_string()))?;
        let entities = sitrep_actors::EntityStage::builtin().map_err(|e| PipelineError(e.to_string()))?;
        Ok(Pipeline {
            stages: vec![
                Box::new(sitrep_text::Segmenter::new()),
                Box::new(syntax),
                Box::new(sitrep_time::TimeTagger::new()),
                Box::new(entities),
                Box::new(sitrep_geo::PlaceTagger::builtin()),
                Box::new(events),
            ],
        })
    }

    /// Run every stage on `doc`.
    pub fn run(&self, doc: &mut Doc) {
        for stage in &self.stages {
            stage.annotate(doc);
        }
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
