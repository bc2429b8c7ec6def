//! Feature hashing: words and feature templates become 64-bit keys without allocation.
//!
//! The mixing is fixed (no random seed) so that training is reproducible and a model
//! file means the same thing on every machine.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Fold one value into a running hash (FxHash's step).
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Spread the bits of a finished hash (MurmurHash3's finaliser), so that any 32 bits of
/// it are as good as any other.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash a string's bytes.
///
/// ```
/// use sitrep_learn::hash::str_hash;
/// assert_eq!(str_hash("troops"), str_hash("troops"));
/// assert_ne!(str_hash("troops"), str_hash("troop"));
/// ```
#[inline]
pub fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// Hash a byte string, eight bytes at a time.
#[inline]
pub fn bytes_hash(b: &[u8]) -> u64 {
    let mut h = mix(0x9e37_79b9_7f4a_7c15, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The last bytes as a little-endian word padded with zeros, built in registers:
        // a copy of a few bytes into a buffer is a call to `memcpy`, and most hashed
        // strings (words, affixes) are this short.
        let word = rest.iter().rev().fold(0u64, |w, &b| w << 8 | b as u64);
        h = mix(h, word);
    }
    h
}

/// The key of a feature: its template number and up to three values.
#[inline]
pub fn feature(template: u32, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(template as u64 + 1, a), b), c))
}

/// A `Hasher` for keys that are already hashes (word hashes, feature keys): one multiply
/// and shift to spread them over every bit, instead of SipHash over eight bytes.
///
/// ```
/// use std::collections::HashMap;
/// use sitrep_learn::hash::{str_hash, BuildKeyHasher};
/// let mut seen: HashMap<u64, u8, BuildKeyHasher> = HashMap::default();
/// seen.insert(str_hash("kyiv"), 3);
/// assert_eq!(seen.get(&str_hash("kyiv")), Some(&3));
/// ```
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        let h = (self.0 ^ i).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

/// Builds [`KeyHasher`]s, for `HashMap<u64, _, BuildKeyHasher>`.
pub type BuildKeyHasher = std::hash::BuildHasherDefault<KeyHasher>;

/// A `Hasher` for small composite keys (grid cells, codes, short strings): the Fx hash,
/// [`mix`] one word at a time. SipHash's resistance to chosen keys buys nothing for maps
/// built from one report and costs much of their lookup time.
///
/// ```
/// use std::collections::HashMap;
/// use sitrep_learn::hash::BuildFxHasher;
/// let mut cells: HashMap<(i32, i32), u32, BuildFxHasher> = HashMap::default();
/// cells.insert((50, 30), 7);
/// assert_eq!(cells.get(&(50, 30)), Some(&7));
/// ```
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = mix(self.0, u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.0 = mix(self.0, u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = mix(self.0, u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = mix(self.0, u64::from(i));
    }
    #[inline]
    fn write_i32(&mut self, i: i32) {
        self.0 = mix(self.0, u64::from(i as u32));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = mix(self.0, i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = mix(self.0, i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FxHasher`]s, for `HashMap<K, V, BuildFxHasher>`.
pub type BuildFxHasher = std::hash::BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of every length agrees with the padded-buffer reading the models were
    /// trained with.
    #[test]
    fn bytes_hash_reads_the_tail_as_before() {
        let reference = |b: &[u8]| {
            let mut h = mix(0x9e37_79b9_7f4a_7c15, b.len() as u64);
            let mut chunks = b.chunks_exact(8);
            for c in &mut chunks {
                h = mix(h, u64::from_le_bytes(c.try_into().unwrap()));
            }
            if !chunks.remainder().is_empty() {
                let mut buf = [0u8; 8];
                buf[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
                h = mix(h, u64::from_le_bytes(buf));
            }
            h
        };
        let bytes: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37).wrapping_add(200)).collect();
        for n in 0..bytes.len() {
            assert_eq!(bytes_hash(&bytes[..n]), reference(&bytes[..n]), "{n}");
        }
    }
}
