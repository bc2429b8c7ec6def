#!/usr/bin/env python3
"""Print events drawn at random from `sitrep extract` output, for judging precision by hand.

Each line: the CAMEO code (with the factuality in brackets unless asserted), the trigger, source and target (text/actor, `*` when inferred)
and the start of the sentence. The draw is fixed by the seed, so a sample can be judged
again or by someone else.

usage: python3 bench/sample_events.py OUT.jsonl SEED [N=40]
"""
import json
import random
import sys


def side(p):
    if not p:
        return "-"
    return f"{p['text'][:35]}/{p.get('actor')}" + ("*" if p.get("inferred") else "")


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    path, seed = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d["doc"]["text"]
            for e in d["events"]:
                a, b = e["sentence"]
                fact = "" if e.get("factuality", "asserted") == "asserted" else f" [{e['factuality']}]"
                rows.append(f"{e['cameo']}{fact} {e['trigger']['text']!r} {side(e.get('source'))} > {side(e.get('target'))} | {text[a:b][:170]}")
    random.seed(seed)
    print(len(rows), "events")
    for i, r in enumerate(random.sample(rows, min(n, len(rows)))):
        print(i, r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
