#!/usr/bin/env python3
"""Score the date and place sitrep binds to each event of bench/sentences/when_where.tsv.

Each line of the battery names a trigger word, the date the deed happened and the place it
happened; the report date is 2024-03-15. Prints each miss and how many sentences had their
event found, dated right and placed right (a sentence whose event is missing counts as
wrong on both).

usage: python3 bench/when_where.py [SITREP_BINARY] [BATTERY]
"""
import json
import pathlib
import subprocess
import sys
import unicodedata



def fold(name):
    """Lower case without accents or dots: "İstanbul" is "istanbul"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


root = pathlib.Path(__file__).resolve().parents[1]
binary = sys.argv[1] if len(sys.argv) > 1 else str(root / "target/release/sitrep")
battery = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else root / "bench/sentences/when_where.tsv")
rows = [line.rstrip("\n").split("\t") for line in battery.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
reports = "".join(json.dumps({"id": f"w{i}", "date": "2024-03-15", "text": s}) + "\n" for i, (_, _, _, s) in enumerate(rows))
out = subprocess.run([binary, "extract", "-", "--input-format", "jsonl"], input=reports, capture_output=True, text=True, check=True).stdout
docs = {d["doc"]["id"]: d for d in map(json.loads, out.splitlines())}
found = dated = placed = checked_places = 0
for i, (trigger, date, place, sentence) in enumerate(rows):
    d = docs[f"w{i}"]
    names = {p["id"]: p.get("name") or p.get("text") for p in d.get("places", [])}
    events = [e for e in d["events"] if e["trigger"]["text"].split()[0] == trigger]
    checked_places += place != "-"
    if not events:
        print(f"no event  {trigger!r}: {sentence}")
        continue
    e = events[0]
    found += 1
    value = (e.get("date") or {}).get("value") or ""
    ok_date = value == date or (len(date) == 10 and value.startswith(date)) or value == date.split("T")[0] and "T" in date
    dated += ok_date
    if not ok_date:
        print(f"date {value!r} not {date!r}: {sentence}")
    if place != "-":
        name = names.get(e.get("place")) or ""
        ok_place = fold(place) in fold(name)
        placed += ok_place
        if not ok_place:
            print(f"place {name!r} not {place!r}: {sentence}")
n = len(rows)
print(f"events found {found}/{n}, dated right {dated}/{n}, placed right {placed}/{checked_places}")
