//! Time the tagger alone on news text: `cargo run --release -p sitrep-syntax --example tag_speed REPORTS.jsonl [MB]`
//!
//! Reads the `text` of each report (one JSON object a line, as `sitrep extract` takes),
//! segments it into sentences and tokens, and tags each sentence with the built-in model,
//! timing the tagging alone (in this thread's CPU time) (of the first MB megabytes of the file, 20 unless told);
//! prints words per second and a checksum of the tags (equal for equal output).
use sitrep_syntax::{words::WordInfo, Syntax};

/// The value of the first `"text"` string of a JSON line, unescaped (enough of JSON's
/// escapes for timing: the common ones, and `\u` outside surrogate pairs).
fn text_of(line: &str) -> Option<String> {
    let start = line.find("\"text\": \"").map(|at| at + 9).or_else(|| line.find("\"text\":\"").map(|at| at + 8))?;
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or(' '));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// The CPU time this thread has run, so that time the system gives other programs (the
/// machine is shared) is not counted.
fn thread_time() -> std::time::Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, out: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid, writable `timespec` (two 64-bit fields on 64-bit Linux).
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    std::time::Duration::new(t.sec as u64, t.nsec as u32)
}

fn main() {
    let path = std::env::args().nth(1).expect("a JSONL file of reports");
    let megabytes: usize = std::env::args().nth(2).map_or(20, |m| m.parse().expect("megabytes"));
    let data = std::fs::read_to_string(path).expect("readable file");
    let tagger = &Syntax::builtin().expect("the built-in model loads").tagger;
    let segmenter = sitrep_text::Segmenter::new();
    let (mut words, mut scratch, mut tag_scratch, mut tags) = (Vec::new(), Default::default(), Default::default(), Vec::new());
    let (mut n, mut read, mut sum) = (0usize, 0usize, 0u64);
    let mut spent = std::time::Duration::ZERO;
    for line in data.lines() {
        read += line.len();
        if read > megabytes << 20 {
            break;
        }
        let Some(text) = text_of(line) else { continue };
        let layer = segmenter.segment(&text);
        for s in &layer.sentences {
            words.clear();
            WordInfo::extend_from(&mut words, layer.tokens[s.tokens()].iter().map(|t| t.span.of(&text)), &mut scratch);
            let t = thread_time();
            tagger.tag(&words, &mut tags, &mut tag_scratch);
            spent += thread_time() - t;
            n += words.len();
            sum = tags.iter().fold(sum, |h, &t| h.wrapping_mul(31).wrapping_add(t as u64));
        }
    }
    println!("{n} words in {:.3} s: {:.0} words/s (tags {sum:016x})", spent.as_secs_f64(), n as f64 / spent.as_secs_f64());
}
