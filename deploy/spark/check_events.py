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
    ap.add_argument("--partitioned", default=None,
                    help="also check a `sitrep extract --output-dir` folder of the same input: Spark reads it with "
                         "`date` as a partition column, and it holds the reference's reports")
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
    if args.partitioned:
        ok &= check_partitioned(spark, args.partitioned, args.reference)
    spark.stop()
    sys.exit(0 if ok else 1)


def check_partitioned(spark, folder, reference):
    """Spark reads `sitrep extract --output-dir` output as a table partitioned by `date`."""
    from pyspark.sql import functions as F

    want = Counter()
    with open(reference, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)["doc"]
            want[(doc["id"], doc["date"])] += 1
    df = spark.read.json(folder)
    got = Counter((r["id"], r["date"], r["partition"]) for r in
                  df.select(F.col("doc.id").alias("id"), F.col("doc.date").alias("date"),
                            F.col("date").cast("string").alias("partition")).collect())
    same_day = all(date == partition for (_, date, partition) in got)
    same = same_day and Counter({(i, d): n for (i, d, _), n in got.items()}) == want
    print(f"{folder}: {sum(got.values())} reports read by Spark with `date` as a partition column "
          f"({'each in its report date' if same_day else 'SOME IN THE WRONG DATE'}): {'EQUAL' if same else 'DIFFERENT'}")
    return same


if __name__ == "__main__":
    main()
