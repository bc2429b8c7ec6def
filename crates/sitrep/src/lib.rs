//! sitrep: the pipeline wired from its stages, for the `sitrep` binary and for tests.
//!
//! ```
//! use sitrep::Pipeline;
//! use sitrep_core::{Doc, Meta};
//! let pipeline = Pipeline::new();
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
    pub fn new() -> Pipeline {
        Pipeline { stages: vec![Box::new(sitrep_text::Segmenter::new())] }
    }

    /// Run every stage on `doc`.
    pub fn run(&self, doc: &mut Doc) {
        for stage in &self.stages {
            stage.annotate(doc);
        }
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}
