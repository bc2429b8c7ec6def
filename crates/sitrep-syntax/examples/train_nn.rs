//! Train the neural parser scorer on EWT train, score it on EWT dev, time it against the
//! perceptron, and write its weights:
//! `cargo run --release -p sitrep-syntax --example train_nn [OUT]`
//!
//! Settings from the environment: `TAG_CACHE=FILE` (as `train_ewt`), `PRETRAINED=FILE`
//! (word vectors from the `word2vec` example), `EPOCHS`, `AVERAGE`, `HIDDEN`,
//! `WORD_DIM`, `DROPOUT`, `WORD_DROPOUT`, `RATE`, `DECAY`, `BATCH`, `DISTILL` (weight of the
//! built-in perceptron's soft targets), `TEMP`, `CHILD_WORDS`, `SEED`, `LIMIT` (train on
//! the first n sentences), `TEST=1` (score EWT test instead of dev: once, at the end),
//! `EXTRA=n` (uptraining: each epoch also trains on n sentences drawn from the
//! development texts of the `word2vec` example other than EWT, tagged by the built-in
//! tagger and parsed by the built-in perceptron, whose trees are their oracle),
//! `EXTRA_MAX=n` (leave out extra sentences longer than n words; 100).
use sitrep_syntax::parser::{Parse, ParseScratch, State, TrainingSentence};
use sitrep_syntax::words::{Scratch, WordInfo};
use sitrep_syntax::{conllu, eval, nn_train, train, treebank_form, Syntax};

#[path = "common/texts.rs"]
mod texts;

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Sentences tagged by `model`'s tagger, with gold heads and labels numbered as `labels`.
fn tagged(data: &[conllu::Sentence], model: &Syntax, labels: &[&str]) -> Vec<TrainingSentence> {
    let mut scratch = Scratch::default();
    data.iter()
        .map(|s| {
            let words: Vec<WordInfo> = s.words.iter().map(|w| WordInfo::new(&treebank_form(&w.form), &mut scratch)).collect();
            let mut tags = Vec::new();
            model.tagger.tag(&words, &mut tags, &mut Default::default());
            let n = s.words.len() as u32;
            let heads = s
                .words
                .iter()
                .map(|w| match w.head {
                    Some(0) | None => n,
                    Some(h) => h - 1,
                })
                .collect();
            let gold = s.words.iter().map(|w| labels.iter().position(|l| *l == w.deprel).unwrap_or(0) as u8).collect();
            (words, tags, heads, gold)
        })
        .collect()
}

/// The development texts (PolNeAR, GUM news, CoNLL-2003 train) as training sentences:
/// tagged by `model`'s tagger, with `model`'s parses as their trees (heads and labels
/// numbered as for [`tagged`]); sentences of fewer than 2 or more than `max_len` words
/// are left out.
fn teacher_parsed(model: &Syntax, max_len: usize) -> Vec<TrainingSentence> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let sources = [texts::polnear(&root), texts::gum_news(&root), texts::conll2003(&root)];
    let mut scratch = Scratch::default();
    let (mut st, mut parse_scratch, mut parse) = (State::default(), ParseScratch::default(), Parse::default());
    let mut out = Vec::new();
    for s in sources.iter().flatten().filter(|s| (2..=max_len).contains(&s.len())) {
        let words: Vec<WordInfo> = s.iter().map(|w| WordInfo::new(&treebank_form(w), &mut scratch)).collect();
        let mut tags = Vec::new();
        model.tagger.tag(&words, &mut tags, &mut Default::default());
        model.parser.parse(&words, &tags, &mut st, &mut parse_scratch, &mut parse);
        let n = words.len() as u32;
        let heads = parse.heads.iter().map(|h| h.unwrap_or(n)).collect();
        out.push((words, tags, heads, parse.labels.clone()));
    }
    out
}

/// Read word vectors written by the `word2vec` example: count and size (u32), then per
/// word its hash (u64) and vector (f32s).
fn read_vectors(path: &str) -> Vec<(u64, Vec<f32>)> {
    let b = std::fs::read(path).expect("vectors file");
    let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap()) as usize;
    let (n, d) = (u32_at(0), u32_at(4));
    (0..n)
        .map(|i| {
            let at = 8 + i * (8 + 4 * d);
            let key = u64::from_le_bytes(b[at..at + 8].try_into().unwrap());
            (key, (0..d).map(|j| f32::from_le_bytes(b[at + 8 + 4 * j..at + 12 + 4 * j].try_into().unwrap())).collect())
        })
        .collect()
}

/// Words per second of parsing (tags given) `data` three times with `model`.
fn parse_speed(model: &Syntax, data: &[TrainingSentence]) -> f64 {
    let (mut st, mut scratch, mut out) = (State::default(), ParseScratch::default(), Parse::default());
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for (words, tags, ..) in data {
            model.parser.parse(words, tags, &mut st, &mut scratch, &mut out);
            n += words.len();
        }
    }
    n as f64 / t.elapsed().as_secs_f64()
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-en-ewt");
    let read = |name: &str| conllu::parse(&std::fs::read_to_string(dir.join(name)).expect("EWT present")).expect("valid");
    let train_data = read("en_ewt-ud-train.conllu");
    let test = std::env::var("TEST").is_ok();
    let dev = read("en_ewt-ud-dev.conllu");
    let cache = std::env::var("TAG_CACHE").ok().map(std::path::PathBuf::from);
    let limit = env("LIMIT", usize::MAX);
    let prepared = train::prepare(&train_data, train::TrainOptions::default(), cache.as_deref(), |l| eprintln!("{l}")).unwrap();
    let builtin = Syntax::builtin_perceptron().unwrap();
    assert_eq!(builtin.parser.labels, prepared.labels, "the built-in model has the same labels");
    assert_eq!(builtin.tagger.tags, prepared.tags, "the built-in model has the same tags");
    let defaults = nn_train::NnOptions::default();
    let o = nn_train::NnOptions {
        epochs: env("EPOCHS", defaults.epochs),
        average: env("AVERAGE", defaults.average),
        hidden: env("HIDDEN", defaults.hidden),
        word_dim: env("WORD_DIM", defaults.word_dim),
        dropout: env("DROPOUT", defaults.dropout),
        word_dropout: env("WORD_DROPOUT", defaults.word_dropout),
        rate: env("RATE", defaults.rate),
        rate_decay: env("DECAY", defaults.rate_decay),
        batch: env("BATCH", defaults.batch),
        distill: env("DISTILL", defaults.distill),
        temperature: env("TEMP", defaults.temperature),
        child_words: env("CHILD_WORDS", defaults.child_words),
        seed: env("SEED", defaults.seed),
        extra_per_epoch: env("EXTRA", defaults.extra_per_epoch),
        ..defaults
    };
    eprintln!("{o:?}");
    let pretrained = std::env::var("PRETRAINED").map(|p| read_vectors(&p)).unwrap_or_default();
    let dev_tagged = tagged(&dev, builtin, &prepared.labels);
    let data = &prepared.parse_data[..prepared.parse_data.len().min(limit)];
    let extra = if o.extra_per_epoch > 0 { teacher_parsed(builtin, env("EXTRA_MAX", 100)) } else { Vec::new() };
    if !extra.is_empty() {
        eprintln!("{} extra sentences, {} words, parsed by the perceptron", extra.len(), extra.iter().map(|s| s.0.len()).sum::<usize>());
    }
    let t = std::time::Instant::now();
    let corpus = nn_train::Corpus { data, labels: &prepared.labels, n_tags: prepared.tags.len(), pretrained: &pretrained, teacher: Some(&builtin.parser), dev: &dev_tagged, extra: &extra };
    let net = nn_train::train(&corpus, &o, |l| eprintln!("{l}"));
    eprintln!("trained in {:.0}s", t.elapsed().as_secs_f64());
    let bytes = net.to_bytes();
    eprintln!("weights {} bytes", bytes.len());
    let t = std::time::Instant::now();
    let model = builtin.clone().with_nn(&bytes).unwrap();
    eprintln!("loaded in {:.3}s", t.elapsed().as_secs_f64());
    let gold = if test { read("en_ewt-ud-test.conllu") } else { dev };
    let score = |m: &Syntax| {
        let mut pred = gold.clone();
        m.annotate_conllu(&mut pred);
        eval::score(&gold, &pred).unwrap()
    };
    let (p, q) = (score(builtin), score(&model));
    let name = if test { "test" } else { "dev" };
    println!("{name}: perceptron UAS {:.2} LAS {:.2}; net UAS {:.2} LAS {:.2}", p.uas, p.las, q.uas, q.las);
    let gold_tagged = tagged(&gold, builtin, &prepared.labels);
    let (a, b, c, d) = (parse_speed(builtin, &gold_tagged), parse_speed(&model, &gold_tagged), parse_speed(builtin, &gold_tagged), parse_speed(&model, &gold_tagged));
    println!("parsing {name} (tags given): perceptron {:.0} words/s, net {:.0} words/s ({:.2}x)", (a + c) / 2.0, (b + d) / 2.0, (b + d) / (a + c));
    if let Some(out) = std::env::args().nth(1) {
        std::fs::write(out, bytes).unwrap();
    }
}
