#!/usr/bin/env python3
"""What coding one year of CC-NEWS with sitrep costs, from a measured throughput.

    python3 deploy/scale_cost.py --mbps-per-core 0.41 [--html-mbps-per-core 25] [--efficiency 0.95]

Every figure the calculation uses is an argument; the defaults are the assumptions stated
in docs/scale.md (with their sources). Re-run it with the pipeline's newest measured
MB/s per core (BENCHMARKS.md, `sitrep extract --threads 1` on the first 20 MB of
bench/corpus/news.jsonl) to update the cost. Prints a Markdown table.

Model: every CC-NEWS page is downloaded and read (WARC, HTML, boilerplate removal, language detection);
English pages are then coded by the whole pipeline. Core-hours =
  pages x HTML KB / HTML MB/s per core  +  English pages x text KB / pipeline MB/s per core.
A machine of C cores delivers C x efficiency cores' work (efficiency: measured speed-up
on all cores of one machine / cores). Cost = core-hours x price per core-hour; storage
and transfer are left out (the data sits in a public bucket; compute runs beside it).
"""

import argparse
import math


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mbps-per-core", type=float, required=True,
                    help="measured whole-pipeline throughput, MB of report text per second on one core")
    ap.add_argument("--html-mbps-per-core", type=float, default=None,
                    help="measured reading throughput, MB of HTML per second on one core (WARC read + boilerplate "
                         "removal + language detection); default: reading is free")
    ap.add_argument("--efficiency", type=float, default=1.0,
                    help="measured speed-up on all cores / cores (2 threads vs 1 here: e.g. 2.1/2 -> 1.0)")
    ap.add_argument("--articles-per-month", type=float, default=11.5e6,
                    help="CC-NEWS pages a month, all languages (default 11.5 M: 1.35 B from Aug 2016 to Apr 2026)")
    ap.add_argument("--english-share", type=float, default=0.45, help="share of pages in English (assumption)")
    ap.add_argument("--text-kb", type=float, default=3.0, help="report text per English article, KB (default 3.0)")
    ap.add_argument("--html-kb", type=float, default=90.0, help="HTML per page, KB (assumption)")
    ap.add_argument("--warc-kb", type=float, default=25.0,
                    help="compressed WARC bytes per page (request + response records), KB (assumption)")
    ap.add_argument("--months", type=float, default=12)
    ap.add_argument("--cores-per-machine", type=int, default=16)
    ap.add_argument("--price-per-core-hour", type=float, default=0.02,
                    help="USD per vCPU-hour (assumption: a compute-optimised cloud VM, spot/preemptible)")
    ap.add_argument("--machines", default="1,10,50,100", help="machine counts to show, comma-separated")
    ap.add_argument("--rss-mb", type=float, default=None, help="measured peak RSS of one sitrep process, MB (for sizing)")
    args = ap.parse_args()

    pages = args.articles_per_month * args.months
    english = pages * args.english_share
    text_mb = english * args.text_kb / 1e3
    html_mb = pages * args.html_kb / 1e3
    pipeline_core_h = text_mb / args.mbps_per_core / 3600
    read_core_h = html_mb / args.html_mbps_per_core / 3600 if args.html_mbps_per_core else 0.0
    core_h = pipeline_core_h + read_core_h
    cost = core_h * args.price_per_core_hour
    per_machine = args.cores_per_machine * args.efficiency

    print(f"Inputs: {args.mbps_per_core:g} MB/s of text per core (pipeline)"
          + (f", {args.html_mbps_per_core:g} MB/s of HTML per core (reading)" if args.html_mbps_per_core else ", reading not counted")
          + f", efficiency {args.efficiency:g}, {args.cores_per_machine} cores a machine, ${args.price_per_core_hour:g} per core-hour.")
    print(f"Volume: {args.months:g} months x {args.articles_per_month / 1e6:g} M pages = {pages / 1e6:,.0f} M pages "
          f"({html_mb / 1e6:,.1f} TB of HTML); {args.english_share:.0%} English = {english / 1e6:,.0f} M articles, "
          f"{text_mb / 1e6:,.2f} TB of text.")
    print(f"Work: {pipeline_core_h:,.0f} core-hours coding + {read_core_h:,.0f} core-hours reading = {core_h:,.0f} core-hours; "
          f"compute cost ${cost:,.0f}.")
    warc_tb = pages * args.warc_kb / 1e9
    page_core_s = core_h * 3600 / pages
    feed = per_machine / page_core_s * args.warc_kb / 1e3
    print(f"Download: {warc_tb:,.1f} TB of WARC.gz; a {args.cores_per_machine}-core machine consumes {feed:,.0f} MB/s "
          f"({feed * 8 / 1e3:,.2f} Gbit/s) of it when its cores are busy.")
    realtime = core_h / (args.months * 730) / per_machine
    print(f"Keeping up with the crawl as it grows needs {math.ceil(realtime * 10) / 10:g} machine(s) of {args.cores_per_machine} cores running all the time.")
    if args.rss_mb:
        print(f"Memory: one sitrep process per machine with --threads {args.cores_per_machine}: about "
              f"{args.rss_mb:,.0f} MB measured peak RSS (models loaded once).")
    print()
    print(f"| machines ({args.cores_per_machine} cores) | wall-clock for the year | compute cost |")
    print("|---:|---:|---:|")
    for n in [int(m) for m in args.machines.split(",") if m.strip()]:
        hours = core_h / (n * per_machine)
        wall = f"{hours:,.1f} h" if hours < 48 else f"{hours / 24:,.1f} days"
        print(f"| {n} | {wall} | ${cost:,.0f} |")


if __name__ == "__main__":
    main()
