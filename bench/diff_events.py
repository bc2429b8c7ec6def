#!/usr/bin/env python3
"""Compare the events of two `sitrep extract` outputs of the same reports, for judging a
change by hand: events gone, events whose CAMEO code changed, new events, and events
whose code stayed but whose sides changed.

Events are matched by report id and trigger position. Each line: the CAMEO code, the trigger, source and target
(text/actor, `*` when inferred) and the start of the sentence.

usage: python3 bench/diff_events.py BEFORE.jsonl AFTER.jsonl [N=40] [SEED=3]
  (N: at most this many of each kind, drawn at random with SEED; N=0 prints the counts only)
"""
import json
import random
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d["doc"]["text"]
            for e in d["events"]:
                out[(d["doc"]["id"], e["trigger"]["span"][0])] = (e, text[e["sentence"][0]:e["sentence"][1]])
    return out


def side(p):
    if not p:
        return "-"
    return f"{p['text']}/{p.get('actor')}" + ("*" if p.get("inferred") else "")


def fmt(e):
    return f"{e['cameo']} {e['trigger']['text']!r} {side(e.get('source'))} > {side(e.get('target'))}"


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    a, b = load(sys.argv[1]), load(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 3)
    gone = [k for k in a if k not in b]
    changed = [k for k in a if k in b and a[k][0]["cameo"] != b[k][0]["cameo"]]
    new = [k for k in b if k not in a]
    sides = [k for k in a if k in b and k not in changed and fmt(a[k][0]) != fmt(b[k][0])]
    print(len(gone), "gone", len(changed), "changed", len(new), "new", len(sides), "with other sides")
    for k in random.sample(gone, min(n, len(gone))):
        print("GONE", fmt(a[k][0]), "|", a[k][1][:180])
    for k in random.sample(changed, min(n, len(changed))):
        print("CHG", fmt(a[k][0]), "->", b[k][0]["cameo"], "|", a[k][1][:180])
    for k in new[:n]:
        print("NEW", fmt(b[k][0]), "|", b[k][1][:180])
    for k in random.sample(sides, min(n, len(sides))):
        print("SIDES", fmt(a[k][0]), "->", fmt(b[k][0]), "|", a[k][1][:180])
    return 0


if __name__ == "__main__":
    sys.exit(main())
