#!/usr/bin/env python3
"""Code each line of a text file as a report of its own and print its events, one per line.

For reading a battery of invented sentences (bench/sentences/) by eye: the sentence, then
each event as CAMEO | trigger | source -> target | factuality | reported by | date | place |
quantities. Lines starting with "#" are skipped.

usage: python3 bench/events_by_line.py FILE [DATE=2024-05-16] [SITREP=target/release/sitrep]
"""
import json
import subprocess
import sys


def side(p):
    return f"{p.get('text')} {p.get('actor')}" if p else "-"


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    path = sys.argv[1]
    date = sys.argv[2] if len(sys.argv) > 2 else "2024-05-16"
    sitrep = sys.argv[3] if len(sys.argv) > 3 else "target/release/sitrep"
    lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    jsonl = "".join(json.dumps({"id": str(i), "text": l, "date": date}) + "\n" for i, l in enumerate(lines))
    out = subprocess.run([sitrep, "extract", "-"], input=jsonl, capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        return out.returncode
    for line in out.stdout.splitlines():
        r = json.loads(line)
        print("##", r["doc"]["text"])
        places = {p["id"]: p for p in r.get("places", [])}
        for e in r.get("events", []):
            a = e.get("attribution") or {}
            by = (a.get("by") or {}).get("text") if a else None
            place = places.get(e.get("place"), {}).get("name")
            q = [(x["value"], x["unit"]) for x in e.get("quantities") or []]
            print("  ", " | ".join(map(str, [e["cameo"], e["trigger"]["text"], f"{side(e.get('source'))} -> {side(e.get('target'))}", e["factuality"], by, e["date"]["value"], place, q])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
