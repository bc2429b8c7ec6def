//! Inflates the built-in gazetteer and its name index (data/geo/*.gz) into `OUT_DIR`, so
//! that the binary carries them ready to read: inflating 58 MB took about 0.12 s of
//! every run's start-up.

use std::error::Error;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/geo");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR for build scripts")?);
    for name in ["gazetteer.tsv", "names.idx"] {
        let source = data.join(format!("{name}.gz"));
        println!("cargo:rerun-if-changed={}", source.display());
        let packed = fs::read(&source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
        let mut raw = Vec::with_capacity(packed.len() * 4);
        flate2::read::GzDecoder::new(packed.as_slice()).read_to_end(&mut raw).map_err(|e| format!("cannot inflate {}: {e}", source.display()))?;
        fs::write(out.join(name), raw)?;
    }
    Ok(())
}
