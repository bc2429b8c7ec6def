#!/usr/bin/env python3
"""Turn the development gold sets' texts into JSON Lines reports for hand-judged samples.

Two sources besides the PolNeAR slices, news of other years and desks:
  timebank  every TempEval-3 TimeML document (TimeBank + AQUAINT, 1989-2000 news), its
            text without the markup, dated by its creation time (one report each);
  conll     every CoNLL-2003 train and dev document (Reuters, August 1996), its words
            joined back into sentences (one paragraph each), dated by its dateline;
            documents without a dateline or under 300 characters are left out.

The output stays out of the repository (it is news text): write it under /tmp.

usage: python3 bench/dev_corpus.py timebank|conll OUT.jsonl [--shared ../shared]
"""
import argparse
import html
import itertools
import json
import pathlib
import re
import sys


def timebank(shared: pathlib.Path):
    for path in sorted(shared.glob("eval/tempeval3/**/*.tml")):
        text = path.read_text(encoding="utf-8")
        dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', text) or re.search(
            r'value="(\d{4}-\d{2}-\d{2})"[^>]*functionInDocument="CREATION_TIME"', text
        )
        body = re.search(r"<TEXT>(.*)</TEXT>", text, re.S)
        if body:
            words = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
            yield {"id": path.name, "date": dct.group(1) if dct else None, "text": words}


def detokenize(words):
    s = " ".join(words)
    s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    return re.sub(r'" ([^"]*?) "', r'"\1"', s)


def conll(shared: pathlib.Path):
    files = [shared / "eval/conll2003/train.txt", shared / "eval/conll2003/valid.txt"]
    docs, doc, sentence = [], [], []
    for line in itertools.chain.from_iterable(open(f, encoding="utf-8") for f in files):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sentence:
                doc.append(sentence)
                sentence = []
            if doc:
                docs.append(doc)
            doc = []
        elif not line.strip():
            if sentence:
                doc.append(sentence)
            sentence = []
        else:
            sentence.append(line.split(" ")[0])
    if sentence:
        doc.append(sentence)
    if doc:
        docs.append(doc)
    for i, d in enumerate(docs):
        date = next((w for s in d[:4] for w in s if re.fullmatch(r"\d{4}-\d{2}-\d{2}", w)), None)
        text = "\n\n".join(detokenize(s) for s in d)
        if date and len(text) >= 300:
            yield {"id": f"conll-{i}", "date": date, "text": text}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", choices=["timebank", "conll"])
    ap.add_argument("out")
    ap.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    reports = timebank(shared) if args.source == "timebank" else conll(shared)
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for r in reports:
            out.write(json.dumps(r) + "\n")
            n += 1
    print(f"{n} reports → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
