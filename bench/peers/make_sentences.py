#!/usr/bin/env python3
"""Turn UD CoNLL-U into one pre-tokenised sentence per line (tokens joined by one space).

Usage: python3 bench/peers/make_sentences.py [INPUT.conllu] [OUTPUT.txt]

Defaults (relative to the repository root):
  INPUT  ../shared/data/ud-en-ewt/en_ewt-ud-train.conllu
  OUTPUT bench/corpus/ewt-sentences.txt

Only word lines are kept (integer ID): comments, multiword-token ranges (`1-2`) and
empty nodes (`8.1`) are skipped. A form holding whitespace (none in EWT) has it
replaced by `_` so that the line format stays one-token-per-space-separated field.
Standard library only.
"""
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_IN = REPO.parent / "shared" / "data" / "ud-en-ewt" / "en_ewt-ud-train.conllu"
DEFAULT_OUT = REPO / "bench" / "corpus" / "ewt-sentences.txt"
WS = re.compile(r"\s")


def sentences(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield words
                    words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or not cols[0].isdigit():
                continue  # multiword token range or empty node
            words.append(cols[1])
    if words:
        yield words


def main(argv):
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_IN
    dst = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    dst.parent.mkdir(parents=True, exist_ok=True)
    n_sent = n_tok = n_fixed = 0
    with open(dst, "w", encoding="utf-8") as out:
        for words in sentences(src):
            clean = []
            for w in words:
                if WS.search(w):
                    n_fixed += 1
                    w = WS.sub("_", w)
                clean.append(w)
            out.write(" ".join(clean) + "\n")
            n_sent += 1
            n_tok += len(clean)
    print(f"{dst}: {n_sent} sentences, {n_tok} tokens"
          + (f" ({n_fixed} forms had whitespace replaced by _)" if n_fixed else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
