//! Time parsing EWT dev (tags given), in CPU time, with the perceptron and with a neural
//! scorer:
//! `cargo run --release -p sitrep-syntax --example speed_nn NN_FILE [ROUNDS [perceptron|net]]`
use sitrep_syntax::parser::{Parse, ParseScratch, State};
use sitrep_syntax::words::{Scratch, WordInfo};
use sitrep_syntax::{conllu, treebank_form, Syntax};

/// This thread's time on a CPU (Linux: `/proc/thread-self/schedstat`), so that other
/// processes sharing the cores do not count; wall time elsewhere.
struct CpuClock(Option<u64>, std::time::Instant);

impl CpuClock {
    fn read() -> Option<u64> {
        std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split(' ').next()?.parse().ok()
    }
    fn now() -> CpuClock {
        CpuClock(CpuClock::read(), std::time::Instant::now())
    }
    fn elapsed(&self) -> std::time::Duration {
        match (self.0, CpuClock::read()) {
            (Some(a), Some(b)) => std::time::Duration::from_nanos(b - a),
            _ => self.1.elapsed(),
        }
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("net file");
    let rounds: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let builtin = Syntax::builtin_perceptron().unwrap();
    let t = std::time::Instant::now();
    let net = builtin.clone().with_nn(&std::fs::read(path).unwrap()).unwrap();
    println!("net loaded in {:.3}s", t.elapsed().as_secs_f64());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-en-ewt");
    let dev = conllu::parse(&std::fs::read_to_string(dir.join("en_ewt-ud-dev.conllu")).unwrap()).unwrap();
    let mut scratch = Scratch::default();
    let data: Vec<(Vec<WordInfo>, Vec<u8>)> = dev
        .iter()
        .map(|s| {
            let words: Vec<WordInfo> = s.words.iter().map(|w| WordInfo::new(&treebank_form(&w.form), &mut scratch)).collect();
            let mut tags = Vec::new();
            builtin.tagger.tag(&words, &mut tags, &mut Default::default());
            (words, tags)
        })
        .collect();
    let speed = |model: &Syntax| {
        let (mut st, mut scratch, mut out) = (State::default(), ParseScratch::default(), Parse::default());
        let t = CpuClock::now();
        let mut n = 0;
        for _ in 0..rounds {
            for (words, tags) in &data {
                model.parser.parse(words, tags, &mut st, &mut scratch, &mut out);
                n += words.len();
            }
        }
        n as f64 / t.elapsed().as_secs_f64()
    };
    match std::env::args().nth(3).as_deref() {
        // One scorer only, for counting its cycles with `perf stat`.
        Some("perceptron") => println!("perceptron {:.0} words/s", speed(builtin)),
        Some("net") => println!("net {:.0} words/s", speed(&net)),
        _ => {
            for _ in 0..2 {
                println!("perceptron {:.0} words/s, net {:.0} words/s", speed(builtin), speed(&net));
            }
        }
    }
}
