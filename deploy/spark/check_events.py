#!/usr/bin/env python3
"""Compare the event rows of sitrep_spark.py's Parquet outputs with those of a
single-process `sitrep extract` run on the same input.

    python check_events.py --reference single.jsonl OUT_DIR [OUT_DIR…]

Each side becomes a multiset of canonical rows (every column of EVENT_SCHEMA, as sorted
JSON); the check passes when every output equals the reference exactly: no row missing,
none extra, none duplicated. Exit status 0 when all match, 1 otherwise.
"""

import argparse
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitrep_spark import COLUMNS, event_rows  # noqa: E402


def canonical(values):
    return json.dumps(dict(zip(COLUMNS, values)), sort_keys=True, ensure_ascii=False)


def reference_rows(path):
    rows, reports = Counter(), 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                reports += 1
                rows.update(canonical(r) for r in event_rows(json.loads(line)))
    return rows, reports


def parquet_rows(spark, path):
    from pyspark.sql import functions as F

    df = spark.read.parquet(path).withColumn("report_date", F.col("report_date").cast("string"))
    return Counter(canonical([row[c] for c in COLUMNS]) for row in df.select(*COLUMNS).collect())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reference", required=True, help="sitrep extract --format jsonl output")
    ap.add_argument("outputs", nargs="+", help="Parquet folders written by sitrep_spark.py")
    args = ap.parse_args()

    want, reports = reference_rows(args.reference)
    print(f"reference: {reports} reports, {sum(want.values())} event rows ({len(want)} distinct)")
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("sitrep-check").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    ok = True
    for out in args.outputs:
        got = parquet_rows(spark, out)
        keys = Counter((json.loads(r)["report"], json.loads(r)["event"]) for r in got.elements())
        duplicated = sum(n - 1 for n in keys.values() if n > 1)
        missing, extra = want - got, got - want
        same = not missing and not extra and duplicated == 0
        ok &= same
        print(f"{out}: {sum(got.values())} event rows, {duplicated} duplicated (report, event), "
              f"{sum(missing.values())} missing, {sum(extra.values())} extra: {'EQUAL' if same else 'DIFFERENT'}")
        for label, rows in (("missing", missing), ("extra", extra)):
            for row in list(rows)[:5]:
                print(f"  {label}: {row[:300]}")
    spark.stop()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
