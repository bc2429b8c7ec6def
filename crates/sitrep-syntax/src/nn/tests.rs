use super::inputs::{self, SentenceValues, Sizes, N_SLOTS};
use super::*;
use crate::parser::State;
use crate::words::Scratch;
use sitrep_learn::rng::Rng;

/// A net of the built-in model's tags and labels with random weights and a vocabulary
/// of the words of `sentences`.
pub(super) fn random_net(sentences: &[&str], seed: u64) -> Net {
    let model = crate::Syntax::builtin().expect("built-in model");
    let sizes = Sizes { tags: model.tagger.tags.len() as u32, labels: model.parser.labels.len() as u32 };
    let config = Config { word_dim: 8, tag_dim: 4, label_dim: 4, suffix_dim: 4, extra_dim: 3, hidden: 40, sizes, child_words: 6 };
    let mut scratch = Scratch::default();
    let mut words: Vec<u64> = Vec::new();
    for s in sentences {
        for w in s.split(' ') {
            let k = WordInfo::new(w, &mut scratch).lower;
            if !words.contains(&k) {
                words.push(k);
            }
        }
    }
    let suffixes = vec![WordInfo::new("troops", &mut scratch).suffix[2]];
    let mut rng = Rng::new(seed);
    let mut uniform = |n: usize| -> Vec<f32> { (0..n).map(|_| rng.unit() as f32 * 2.0 - 1.0).collect() };
    let tables = Net::table_kinds().iter().map(|&t| uniform(Net::rows(sizes, words.len(), suffixes.len(), t) * config.dim(t))).collect();
    let (_, n_in) = config.input_offsets();
    let (h, c) = (config.hidden, config.classes());
    let w1 = uniform(n_in * h).iter().map(|x| x * 0.3).collect();
    Net { config, words, suffixes, tables, w1, b1: uniform(h), w2: uniform(h * c), b2: uniform(c) }
}

pub(super) const SENTENCES: [&str; 3] = [
    "Russian troops seized the airport outside Kyiv on Friday , officials said .",
    "\" We will not surrender , \" he told reporters late on Thursday night in a video address .",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
];

/// The precomputed 16-bit rows and the 8-bit output layer score every state as the
/// plain forward pass does, to within their rounding (a byte's half step is up to 1 %
/// of a score's range), and pick the same move.
#[test]
fn precomputed_rows_score_as_the_plain_forward_pass() {
    let model = crate::Syntax::builtin().expect("built-in model");
    let net = random_net(&SENTENCES, 3);
    let fast = FastNet::new(net.clone()).expect("tables");
    let (labels, root) = (model.parser.labels.len(), model.parser.labels.iter().position(|l| *l == "root").unwrap());
    let lookups = net.lookups();
    let (mut st, mut values, mut slots, mut scratch) = (State::default(), SentenceValues::default(), [0u32; N_SLOTS], NnScratch::default());
    let (mut hidden, mut plain) = (vec![0f32; net.config.hidden], vec![0f32; net.config.classes()]);
    let mut word_scratch = Scratch::default();
    let (mut moves, mut largest_gap) = (0, 0f32);
    for s in SENTENCES {
        let words: Vec<WordInfo> = s.split(' ').map(|w| WordInfo::new(w, &mut word_scratch)).collect();
        let mut tags = Vec::new();
        model.tagger.tag(&words, &mut tags, &mut Default::default());
        lookups.sentence(&words, &mut values);
        assert!(values.words.iter().all(|&v| v >= inputs::FIRST_WORD), "every word is known");
        st.start(words.len());
        while !st.done() {
            inputs::fill(&st, &values, &tags, net.config.sizes, net.config.child_words, &mut slots);
            net.forward(&slots, &mut hidden, &mut plain);
            fast.score(&slots, &mut scratch);
            let quick = fast.scores(&scratch);
            let spread = plain.iter().fold(0f32, |m, x| m.max(x.abs()));
            for (a, b) in plain.iter().zip(quick) {
                largest_gap = largest_gap.max((a - b).abs() / spread);
            }
            let (x, y) = (best_valid_scores(&st, &plain, labels, root), best_valid_scores(&st, quick, labels, root));
            assert!(x == y || (plain[x] - plain[y]).abs() < 1e-3 * spread, "move {moves}: {x} against {y}");
            st.apply(x, labels);
            moves += 1;
        }
    }
    assert!(moves > 100);
    assert!(largest_gap < 2e-2, "scores differ by {largest_gap} of their range");
}

/// Parse every sentence of [`SENTENCES`] `rounds` times by random valid moves with `net`'s
/// lookups, calling `check` on every state with the sentence's values and tags; the number
/// of states checked. (For the tests that compare two ways of reading a state.)
pub(super) fn walk_states(net: &Net, rounds: usize, mut check: impl FnMut(&State, &SentenceValues, &[u8])) -> usize {
    let model = crate::Syntax::builtin().expect("built-in model");
    let (labels, sizes) = (model.parser.labels.len(), net.config.sizes);
    let lookups = net.lookups();
    let (mut st, mut values, mut word_scratch) = (State::default(), SentenceValues::default(), Scratch::default());
    let (mut rng, mut moves) = (Rng::new(0x9e37_79b9_7f4a_7c15), 0);
    for _ in 0..rounds {
        for s in SENTENCES {
            let words: Vec<WordInfo> = s.split(' ').map(|w| WordInfo::new(w, &mut word_scratch)).collect();
            let mut tags = Vec::new();
            model.tagger.tag(&words, &mut tags, &mut Default::default());
            lookups.sentence(&words, &mut values);
            values.place(&tags, sizes);
            st.start(words.len());
            while !st.done() {
                check(&st, &values, &tags);
                let valid: Vec<usize> = (0..1 + 2 * labels).filter(|&c| if c == 0 { st.can_shift() } else if c <= labels { st.can_left() } else { st.can_right() }).collect();
                st.apply(valid[rng.below(valid.len())], labels);
                moves += 1;
            }
        }
    }
    moves
}

/// The slots filled through the sentence's places are those [`inputs::fill`] fills, in
/// every state of parses by random valid moves, with known and unknown words.
#[test]
fn placed_slots_are_the_plain_slots() {
    let net = random_net(&SENTENCES[..1], 5);
    let (sizes, child_words) = (net.config.sizes, net.config.child_words);
    let (mut plain, mut placed) = ([0u32; N_SLOTS], [0u32; N_SLOTS]);
    let moves = walk_states(&net, 20, |st, values, tags| {
        inputs::fill(st, values, tags, sizes, child_words, &mut plain);
        inputs::fill_placed(st, values, tags, sizes, child_words, &mut placed);
        assert_eq!(plain, placed);
    });
    assert!(moves > 1000);
}

/// A net survives its file, and damaged files are refused with an error, not a panic.
#[test]
fn the_file_keeps_the_net_and_damaged_files_are_refused() {
    let net = random_net(&SENTENCES[..1], 5);
    let bytes = net.to_bytes();
    assert_eq!(Net::from_bytes(&bytes).expect("reads back"), net);
    for cut in [0, 5, 9, 20, 44, 60, bytes.len() / 2, bytes.len() - 1] {
        assert!(Net::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Net::from_bytes(&longer).is_err());
    let mut nan = bytes.clone();
    let at = nan.len() - 4;
    nan[at..].copy_from_slice(&f32::NAN.to_le_bytes());
    assert!(Net::from_bytes(&nan).is_err());
    let mut huge = bytes.clone();
    huge[13..17].copy_from_slice(&u32::MAX.to_le_bytes()); // word size
    assert!(Net::from_bytes(&huge).is_err());
    let model = crate::Syntax::builtin().expect("built-in model").clone();
    assert!(model.clone().with_nn(b"SITREP-NN").is_err());
    assert!(model.with_nn(&bytes).is_ok());
}
