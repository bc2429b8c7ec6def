//! Parquet export (feature `parquet`): one row per event, the columns of [`EventRow`].

use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;

use crate::query::for_each_event;
use crate::{EventRow, Filter, Sort, Store, StoreError};

const STRINGS: &[&str] = &[
    "report", "report_date", "report_source", "url", "title", "event_date", "date_value", "cameo", "root", "plover",
    "source_text", "source_actor", "source_country", "target_text", "target_actor", "target_country", "place_name",
    "place_country", "place_admin1", "place_precision", "factuality", "stance", "attribution_text", "attribution_actor",
    "attribution_cue", "evidence", "trigger", "quantities",
];
const FLOATS: &[&str] = &["goldstein", "lat", "lon", "confidence"];
const INTS: &[&str] = &["id", "story", "geonames_id", "sentence_start", "sentence_end", "trigger_start", "trigger_end"];
const BOOLS: &[&str] = &["source_inferred", "target_inferred"];

fn strings(e: &EventRow) -> [Option<String>; 28] {
    [
        Some(e.report.clone()),
        Some(e.report_date.clone()),
        e.report_source.clone(),
        e.url.clone(),
        e.title.clone(),
        Some(e.event_date.clone()),
        Some(e.date_value.clone()),
        Some(e.cameo.clone()),
        Some(e.root.clone()),
        e.plover.clone(),
        e.source_text.clone(),
        e.source_actor.clone(),
        e.source_country.clone(),
        e.target_text.clone(),
        e.target_actor.clone(),
        e.target_country.clone(),
        e.place_name.clone(),
        e.place_country.clone(),
        e.place_admin1.clone(),
        e.place_precision.clone(),
        Some(e.factuality.clone()),
        e.stance.clone(),
        e.attribution_text.clone(),
        e.attribution_actor.clone(),
        e.attribution_cue.clone(),
        Some(e.evidence.clone()),
        Some(e.trigger.clone()),
        e.quantities.as_ref().map(|q| q.to_string()),
    ]
}

struct Builders {
    ints: Vec<Int64Builder>,
    floats: Vec<Float64Builder>,
    bools: Vec<BooleanBuilder>,
    strings: Vec<StringBuilder>,
    rows: usize,
}

impl Builders {
    fn new() -> Builders {
        Builders {
            ints: INTS.iter().map(|_| Int64Builder::new()).collect(),
            floats: FLOATS.iter().map(|_| Float64Builder::new()).collect(),
            bools: BOOLS.iter().map(|_| BooleanBuilder::new()).collect(),
            strings: STRINGS.iter().map(|_| StringBuilder::new()).collect(),
            rows: 0,
        }
    }
    fn push(&mut self, e: &EventRow) {
        let ints = [Some(e.id), e.story, e.geonames_id, Some(e.sentence[0]), Some(e.sentence[1]), Some(e.trigger_span[0]), Some(e.trigger_span[1])];
        for (b, v) in self.ints.iter_mut().zip(ints) {
            b.append_option(v);
        }
        let floats = [e.goldstein, e.lat, e.lon, Some(e.confidence)];
        for (b, v) in self.floats.iter_mut().zip(floats) {
            b.append_option(v);
        }
        for (b, v) in self.bools.iter_mut().zip([e.source_inferred, e.target_inferred]) {
            b.append_value(v);
        }
        for (b, v) in self.strings.iter_mut().zip(strings(e)) {
            b.append_option(v);
        }
        self.rows += 1;
    }
    fn finish(&mut self, schema: &Arc<Schema>) -> Result<RecordBatch, StoreError> {
        let mut cols: Vec<ArrayRef> = Vec::new();
        cols.extend(self.ints.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        cols.extend(self.floats.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        cols.extend(self.bools.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        cols.extend(self.strings.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        self.rows = 0;
        RecordBatch::try_new(schema.clone(), cols).map_err(|e| StoreError::Io(std::io::Error::other(e)))
    }
}

/// Write the events matching `filter` to a Parquet file at `path` (written beside it and
/// renamed into place when complete). Returns the number of events.
pub fn export_parquet(store: &Store, filter: &Filter, path: &Path) -> Result<u64, StoreError> {
    let mut fields: Vec<Field> = Vec::new();
    fields.extend(INTS.iter().map(|n| Field::new(*n, DataType::Int64, true)));
    fields.extend(FLOATS.iter().map(|n| Field::new(*n, DataType::Float64, true)));
    fields.extend(BOOLS.iter().map(|n| Field::new(*n, DataType::Boolean, false)));
    fields.extend(STRINGS.iter().map(|n| Field::new(*n, DataType::Utf8, true)));
    let schema = Arc::new(Schema::new(fields));
    let partial = path.with_extension("parquet.partial");
    let file = std::fs::File::create(&partial)?;
    let io = |e: parquet::errors::ParquetError| StoreError::Io(std::io::Error::other(e));
    let mut writer = ArrowWriter::try_new(file, schema.clone(), None).map_err(io)?;
    let mut b = Builders::new();
    let mut n = 0u64;
    let mut filter = filter.clone();
    if filter == Filter::default() {
        filter.sort = Sort::Id;
    }
    let result = for_each_event(store, &filter, &mut |e| {
        b.push(&e);
        n += 1;
        if b.rows >= 65_536 {
            let batch = b.finish(&schema)?;
            writer.write(&batch).map_err(io)?;
        }
        Ok(())
    })
    .and_then(|()| {
        if b.rows > 0 {
            let batch = b.finish(&schema)?;
            writer.write(&batch).map_err(io)?;
        }
        writer.close().map_err(io)?;
        std::fs::rename(&partial, path)?;
        Ok(n)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}
