//! WARC and WARC.gz archives (Common Crawl CC-NEWS): streamed record by record.
//! (Being written: see the module's owner.)

use std::io::BufRead;

use sitrep_core::Origin;

use crate::{ReadError, ReadOptions, Sink};

/// Stream the HTML `response` records of a WARC file (gzip-compressed or not) to `sink`.
pub fn read_warc(_raw: Box<dyn BufRead + '_>, file: &str, _opts: &ReadOptions, sink: Sink) {
    sink(Err(ReadError::new(Origin { file: file.into(), at: None }, "WARC reading is not available yet")));
}
