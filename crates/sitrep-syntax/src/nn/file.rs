//! The network file: the magic `SITREP-NN`, a format version, the shape (u32 each), the
//! word and suffix hashes (u64), then every weight as little-endian `f32` in the order of
//! [`Net`]'s fields. Every size is checked against the shape before it is read.

use super::inputs::Sizes;
use super::{Config, Net, NnError};

const MAGIC: &[u8] = b"SITREP-NN";
const VERSION: u32 = 1;
/// Bounds on the shape, so that a corrupt file cannot ask for absurd allocations.
const MAX_DIM: u32 = 1024;
const MAX_KEYS: u32 = 1 << 22;

/// The bytes of `net`.
pub fn write(net: &Net) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    let c = &net.config;
    for v in [VERSION, c.word_dim as u32, c.tag_dim as u32, c.label_dim as u32, c.suffix_dim as u32, c.extra_dim as u32, c.hidden as u32, c.sizes.tags, c.sizes.labels, c.child_words] {
        out.extend(v.to_le_bytes());
    }
    for keys in [&net.words, &net.suffixes] {
        out.extend((keys.len() as u32).to_le_bytes());
        keys.iter().for_each(|k| out.extend(k.to_le_bytes()));
    }
    for v in net.tables.iter().chain([&net.w1, &net.b1, &net.w2, &net.b2]) {
        v.iter().for_each(|x| out.extend(x.to_le_bytes()));
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], NnError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| NnError(format!("file ends early at byte {}", self.at)))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self, max: u32) -> Result<u32, NnError> {
        let b = self.take(4)?;
        let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if v > max {
            return Err(NnError(format!("a value of {v} at byte {} is beyond {max}", self.at - 4)));
        }
        Ok(v)
    }
    fn u64s(&mut self) -> Result<Vec<u64>, NnError> {
        let n = self.u32(MAX_KEYS)? as usize;
        let b = self.take(n * 8)?;
        Ok(b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))).collect())
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, NnError> {
        let b = self.take(n.checked_mul(4).ok_or_else(|| NnError("size overflows".into()))?)?;
        let v: Vec<f32> = b.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        // Every weight looked at, not stopping at the first that is not finite: a loop the
        // compiler makes eight or sixteen weights an instruction.
        if !v.iter().fold(true, |finite, x| finite & x.is_finite()) {
            return Err(NnError(format!("a weight that is not a finite number before byte {}", self.at)));
        }
        Ok(v)
    }
}

/// The network in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Net, NnError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(NnError("not a sitrep neural parser file".into()));
    }
    let version = r.u32(u32::MAX)?;
    if version != VERSION {
        return Err(NnError(format!("format version {version}, this build reads {VERSION}")));
    }
    let mut dim = || r.u32(MAX_DIM).map(|v| v as usize);
    let (word_dim, tag_dim, label_dim, suffix_dim, extra_dim, hidden) = (dim()?, dim()?, dim()?, dim()?, dim()?, dim()?);
    let sizes = Sizes { tags: r.u32(255)?, labels: r.u32(127)? };
    let child_words = r.u32(u32::MAX)?;
    if hidden == 0 || sizes.labels == 0 {
        return Err(NnError("no hidden units or no labels".into()));
    }
    let config = Config { word_dim, tag_dim, label_dim, suffix_dim, extra_dim, hidden, sizes, child_words };
    let words = r.u64s()?;
    let suffixes = r.u64s()?;
    let mut tables = Vec::new();
    for t in Net::table_kinds() {
        let n = Net::rows(sizes, words.len(), suffixes.len(), t) * config.dim(t);
        tables.push(r.f32s(n)?);
    }
    let (_, inputs) = config.input_offsets();
    let w1 = r.f32s(inputs * hidden)?;
    let b1 = r.f32s(hidden)?;
    let w2 = r.f32s(hidden * config.classes())?;
    let b2 = r.f32s(config.classes())?;
    if r.at != bytes.len() {
        return Err(NnError(format!("{} bytes after the weights", bytes.len() - r.at)));
    }
    Ok(Net { config, words, suffixes, tables, w1, b1, w2, b2 })
}
