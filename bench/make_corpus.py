#!/usr/bin/env python3
"""Build the benchmark corpus: news articles from the development data, as JSON Lines.

Reads the PolNeAR article texts (news from 2015-2016, dated by their file names) under
../shared/eval/polnear/{train,dev}/text and writes them, repeated until the corpus
reaches the requested size, to bench/corpus/news.jsonl and the same bodies as one
plain-text file, bench/corpus/news.txt (reports separated by blank lines).

The corpus stays out of the repository (bench/corpus/ is ignored): it is news text.

usage: python3 bench/make_corpus.py [--mb 120] [--shared ../shared]
"""
import argparse
import json
import pathlib
import re
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=120.0, help="corpus size in MB of report text (default 120)")
    ap.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    texts = []
    for split in ("train", "dev"):
        folder = pathlib.Path(args.shared, "eval", "polnear", split, "text")
        for path in sorted(folder.glob("*.txt")):
            m = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
            texts.append((path.stem, m.group(1) if m else "2016-10-01", path.read_text(encoding="utf-8")))
    if not texts:
        print(f"no PolNeAR texts under {args.shared}/eval/polnear: give --shared", file=sys.stderr)
        return 1
    out = pathlib.Path(__file__).resolve().parent / "corpus"
    out.mkdir(exist_ok=True)
    target = int(args.mb * 1_000_000)
    written = 0
    n = 0
    with open(out / "news.jsonl", "w", encoding="utf-8") as jl, open(out / "news.txt", "w", encoding="utf-8") as txt:
        while written < target:
            stem, date, text = texts[n % len(texts)]
            jl.write(json.dumps({"id": f"{stem}#{n // len(texts)}", "date": date, "text": text}, ensure_ascii=False) + "\n")
            txt.write(text.strip() + "\n\n")
            written += len(text.encode("utf-8"))
            n += 1
    print(f"{n} reports, {written / 1e6:.1f} MB of text -> {out}/news.jsonl, news.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
