#!/usr/bin/env python3
"""Count, for each battery of sentences, how many sentences give an event and how many
events have both sides coded — the two figures BENCHMARKS.md gives for the conflict
batteries. Each non-comment line is one report dated 2024-05-16.

usage: python3 bench/battery_counts.py BINARY FILE [FILE ...]
  e.g. python3 bench/battery_counts.py target/release/sitrep bench/sentences/conflict*.txt
prints: file, sentences, sentences with an event, events with source and target coded
"""
import json
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = sys.argv[1]
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        reports = "".join(json.dumps({"id": str(i), "text": l, "date": "2024-05-16"}) + "\n" for i, l in enumerate(lines))
        run = subprocess.run([binary, "extract", "-"], input=reports, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"{binary} failed on {path}: {run.stderr.strip()}")
        with_event = both = 0
        for line in run.stdout.splitlines():
            events = json.loads(line)["events"]
            with_event += bool(events)
            both += sum(1 for e in events if (e.get("source") or {}).get("actor") and (e.get("target") or {}).get("actor"))
        print(path.split("/")[-1], len(lines), with_event, both)


if __name__ == "__main__":
    main()
