//! Deterministic input mutation for the readers' and stages' no-panic tests.
//!
//! Every reader and stage must survive any input. Their tests feed them mutated
//! versions of real-looking inputs for a bounded time (`SITREP_FUZZ_SECS`, default 2 s
//! per test) from a fixed seed, so a failure can be replayed.
//!
//! ```
//! use sitrep_core::fuzz::{Mutator, budget};
//! let mut m = Mutator::new(42);
//! let seeds: &[&[u8]] = &[b"date 2022-02-25 Troops advanced."];
//! let deadline = std::time::Instant::now() + budget().min(std::time::Duration::from_millis(10));
//! while std::time::Instant::now() < deadline {
//!     let input = m.mutate(seeds);
//!     assert!(input.len() <= 4 * seeds[0].len() + 4096);
//! }
//! ```

use std::time::Duration;

/// The time each no-panic test runs: `SITREP_FUZZ_SECS` seconds, default 2.
pub fn budget() -> Duration {
    let secs = std::env::var("SITREP_FUZZ_SECS").ok().and_then(|s| s.parse::<f64>().ok()).unwrap_or(2.0);
    Duration::from_secs_f64(secs.clamp(0.0, 3600.0))
}

/// A xorshift random source and a set of byte-level mutations.
#[derive(Debug, Clone)]
pub struct Mutator {
    state: u64,
}

/// Byte strings that are dangerous to text handling: multi-byte and invalid UTF-8,
/// quotes, stops, line ends, gzip and WARC magic, JSON fragments.
const TOKENS: &[&[u8]] = &[
    "’".as_bytes(), "“".as_bytes(), "”".as_bytes(), "—".as_bytes(), "\u{a0}".as_bytes(), "Київ".as_bytes(),
    "😀".as_bytes(), "\u{301}".as_bytes(), b"\xff", b"\xe2\x80", b"\xc3", b"\x00", b".", b"...", b"U.S.", b"n't",
    b"'s", b"\"", b"\n", b"\r\n", b"\n\n", b" ", b"date ", b"2022-02-25", b"2022-02-30", b"{", b"}", b"\":\"",
    b"\\u00", b"\x1f\x8b", b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"\r\n\r\n", b"<p>", b"</p>",
    b"<script>", b"<!--", b"<meta charset=\"", b"<time datetime=\"", b"application/ld+json", b"{\"@graph\":[",
    b"\x1f\x8b\x08\x00", b"HTTP/1.1 200 OK\r\n", b"Transfer-Encoding: chunked\r\n", b"Content-Length: 7\r\n", b"http://x.y/", b"@", b"#", b"No. 1", b"1.30", b"150,000", b"?\xe2\x80\x9d",
];

impl Mutator {
    /// A mutator from a fixed seed.
    pub fn new(seed: u64) -> Mutator {
        Mutator { state: seed.max(1) }
    }

    /// The next random number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.state = x;
        x
    }

    /// A random number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64() as u8).collect()
    }

    /// One of `seeds`, changed by one to eight random mutations: bit flips, truncation,
    /// deletion, duplication, splicing with another seed, insertion of random bytes or of
    /// bytes that tend to break text handling.
    pub fn mutate(&mut self, seeds: &[&[u8]]) -> Vec<u8> {
        let mut out = seeds[self.below(seeds.len())].to_vec();
        for _ in 0..1 + self.below(8) {
            let len = out.len();
            let at = self.below(len + 1);
            match self.below(7) {
                0 if len > 0 => {
                    let i = self.below(len);
                    out[i] ^= 1 << self.below(8);
                }
                1 => out.truncate(at),
                2 if len > 0 => {
                    let end = (at + 1 + self.below(32)).min(len);
                    out.drain(at.min(end)..end);
                }
                3 if len > 0 && len < 1 << 16 => {
                    let end = (at + 1 + self.below(64)).min(len);
                    let piece = out[at.min(end)..end].to_vec();
                    out.splice(at..at, piece);
                }
                4 => {
                    let other = seeds[self.below(seeds.len())];
                    let from = self.below(other.len() + 1);
                    out.truncate(at);
                    out.extend_from_slice(&other[from..]);
                }
                5 => {
                    let n = 1 + self.below(16);
                    let piece = self.bytes(n);
                    out.splice(at..at, piece);
                }
                _ => {
                    let token = TOKENS[self.below(TOKENS.len())];
                    out.splice(at..at, token.iter().copied());
                }
            }
        }
        out
    }
}

/// Run `check` on mutated texts (`seeds` changed by [`Mutator::mutate`], decoded lossily as
/// UTF-8) for the [`budget`], and at least `min_runs` times; `check` gets the run number.
///
/// ```
/// let mut seen = 0;
/// sitrep_core::fuzz::texts(7, &[b"Troops advanced."], 3, |_, text| { assert!(text.len() < 1 << 20); seen += 1; });
/// assert!(seen >= 3);
/// ```
pub fn texts(seed: u64, seeds: &[&[u8]], min_runs: usize, mut check: impl FnMut(usize, String)) {
    let mut m = Mutator::new(seed);
    let deadline = std::time::Instant::now() + budget();
    let mut runs = 0;
    while std::time::Instant::now() < deadline || runs < min_runs {
        check(runs, String::from_utf8_lossy(&m.mutate(seeds)).into_owned());
        runs += 1;
    }
}
