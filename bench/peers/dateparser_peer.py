"""dateparser's search_dates on the TimeML texts.

Reads {file, dct, text} JSON Lines (from `eval_time --dump-texts`) and writes
predictions JSON Lines for sitrep's scorer. search_dates returns matched substrings
without offsets, so each is located by searching forward from the previous match.
Usage: .venv/bin/python dateparser_peer.py texts.jsonl > dateparser.jsonl
"""

import json
import sys
import time
from datetime import datetime

from dateparser.search import search_dates


def main(path):
    started = time.time()
    size = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            size += len(text.encode("utf-8"))
            base = datetime.fromisoformat(doc["dct"] + "T12:00:00") if doc.get("dct") else datetime.now()
            settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
            try:
                found = search_dates(text, languages=["en"], settings=settings) or []
            except Exception as e:  # dateparser fails on some inputs; count as no output
                print(f"dateparser failed on {doc['file']}: {e}", file=sys.stderr)
                found = []
            times = []
            at = 0
            for words, when in found:
                start = text.find(words, at)
                if start < 0:
                    continue
                end = start + len(words)
                at = end
                if when.hour or when.minute:
                    kind, value = "TIME", when.strftime("%Y-%m-%dT%H:%M")
                else:
                    kind, value = "DATE", when.strftime("%Y-%m-%d")
                times.append({"span": [start, end], "type": kind, "value": value, "text": words})
            print(json.dumps({"file": doc["file"], "times": times}))
    secs = time.time() - started
    print(f"dateparser: {size / 1e6:.2f} MB in {secs:.2f} s = {size / 1e6 / secs:.3f} MB/s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
