#!/usr/bin/env python3
"""sitrep on Apache Spark: news reports in, one Parquet row per coded event out.

    spark-submit --files target/release/sitrep deploy/spark/sitrep_spark.py \\
        INPUT... --output OUT_DIR [options]

Inputs (local paths, folders, or any Hadoop file system URI: hdfs://, s3a://, gs://…):

* JSON Lines (`.jsonl`, `.ndjson`, `.gz` too): read as lines by Spark, spread over
  `--partitions` partitions, and each partition piped through
  `sitrep extract - --input-format jsonl --format jsonl` (records mode).
* WARC (`.warc`, `.warc.gz`, CC-NEWS): one task per file; the file's bytes are streamed
  into `sitrep extract - --input-format warc` (files mode). A WARC file must be readable
  on the executors: a local or shared path (NFS, a FUSE mount), or any URI with
  `--fetch-cmd` (e.g. `'curl -sfL {}'`, `'aws s3 cp {} -'`, `'hdfs dfs -cat {}'`), whose
  standard output is streamed in. Nothing is held whole in memory.

The pipe stage does what `RDD.pipe` does (records to the command's standard input, its
output lines back) inside `mapPartitions`, which adds what `RDD.pipe` lacks: sitrep's exit
status 1 ("some input had errors, the rest was written") is accepted while a crash fails
the task so that Spark retries it, sitrep's standard error is kept for the task's error
message, and the task attempt number is known (for `--test-kill-partition`).

Output: Parquet, partitioned by report date (`OUT_DIR/report_date=YYYY-MM-DD/part-…`), one
row per event with the columns of EVENT_SCHEMA (the same names as the event store's
`sitrep export`). Spark's output committer makes each partition's rows appear once, even
when a task is retried after dying half-way.
"""

import argparse
import gzip
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import deque
from urllib.parse import unquote, urlparse

# ---------------------------------------------------------------------------------------
# Flattening: one report's JSON (sitrep extract --format jsonl) to event rows. Pure
# Python, no Spark, so that tests can flatten a single-process run the same way.

# (column, Spark SQL type); `report_date` is the partition column and comes last.
EVENT_SCHEMA = [
    ("report", "string"),
    ("event", "string"),
    ("published", "string"),
    ("report_source", "string"),
    ("url", "string"),
    ("title", "string"),
    ("event_date", "string"),
    ("date_value", "string"),
    ("cameo", "string"),
    ("root", "string"),
    ("plover", "string"),
    ("goldstein", "double"),
    ("source_text", "string"),
    ("source_actor", "string"),
    ("source_country", "string"),
    ("source_inferred", "boolean"),
    ("target_text", "string"),
    ("target_actor", "string"),
    ("target_country", "string"),
    ("target_inferred", "boolean"),
    ("place_text", "string"),
    ("place_name", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("place_country", "string"),
    ("place_admin1", "string"),
    ("place_precision", "string"),
    ("geonames_id", "bigint"),
    ("factuality", "string"),
    ("stance", "string"),
    ("attribution_text", "string"),
    ("attribution_actor", "string"),
    ("attribution_cue", "string"),
    ("confidence", "double"),
    ("evidence", "string"),
    ("sentence_start", "bigint"),
    ("sentence_end", "bigint"),
    ("trigger", "string"),
    ("trigger_start", "bigint"),
    ("trigger_end", "bigint"),
    ("quantities", "string"),
    ("report_date", "string"),
]
COLUMNS = [name for name, _ in EVENT_SCHEMA]

# CAMEO role codes that may open an actor code in place of a country (as the event store
# reads them: crates/sitrep-store/src/record.rs).
ROLES = set(
    "GOV MIL REB OPP PTY COP JUD BUS CVL MED EDU ELI HLH LAB LEG REF SPY IGO NGO IMG UAF CRM AGR DEV ENV HRI MNC RAD "
    "SET MOD INS SEP UIS NGM REL CHR MOS JEW BUD HIN ATH ITH".split()
)


def actor_country(code):
    """The country part of a CAMEO actor code (`UKRMIL` -> `UKR`), else None."""
    if not code or len(code) < 3:
        return None
    head = code[:3]
    if head.isascii() and head.isalpha() and head.isupper() and head not in ROLES:
        return head
    return None


def day_of(value):
    """The day of a TIMEX3 value (`2022-02-24TNI` -> `2022-02-24`), else None."""
    head = (value or "")[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-" and (head[:4] + head[5:7] + head[8:]).isdigit():
        return head
    return None


def event_rows(report):
    """The event rows (tuples in COLUMNS order) of one report object."""
    doc = report["doc"]
    text = doc["text"]
    places = {p["id"]: p for p in report.get("places") or []}
    rows = []
    for e in report.get("events") or []:
        source, target = e.get("source") or {}, e.get("target") or {}
        place = places.get(e.get("place")) or {}
        attribution = e.get("attribution") or {}
        by = attribution.get("by") or {}
        date = e.get("date") or {}
        sentence = e.get("sentence") or [0, 0]
        trigger = e.get("trigger") or {}
        tspan = trigger.get("span") or [0, 0]
        quantities = e.get("quantities") or []
        row = {
            "report": doc["id"],
            "event": e.get("id"),
            "published": doc.get("published"),
            "report_source": doc.get("source"),
            "url": doc.get("url"),
            "title": doc.get("title"),
            "event_date": day_of(date.get("value")) or doc["date"],
            "date_value": date.get("value"),
            "cameo": e.get("cameo"),
            "root": e.get("root"),
            "plover": e.get("plover"),
            "goldstein": e.get("goldstein"),
            "source_text": source.get("text"),
            "source_actor": source.get("actor"),
            "source_country": actor_country(source.get("actor")),
            "source_inferred": bool(source.get("inferred", False)) if source else None,
            "target_text": target.get("text"),
            "target_actor": target.get("actor"),
            "target_country": actor_country(target.get("actor")),
            "target_inferred": bool(target.get("inferred", False)) if target else None,
            "place_text": place.get("text"),
            "place_name": place.get("name"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "place_country": place.get("country"),
            "place_admin1": place.get("admin1"),
            "place_precision": place.get("precision"),
            "geonames_id": place.get("geonames_id"),
            "factuality": e.get("factuality"),
            "stance": attribution.get("stance"),
            "attribution_text": by.get("text"),
            "attribution_actor": by.get("actor"),
            "attribution_cue": attribution.get("cue"),
            "confidence": e.get("confidence"),
            "evidence": text[sentence[0]:sentence[1]],
            "sentence_start": sentence[0],
            "sentence_end": sentence[1],
            "trigger": trigger.get("text"),
            "trigger_start": tspan[0],
            "trigger_end": tspan[1],
            "quantities": json.dumps(quantities, sort_keys=True, ensure_ascii=False) if quantities else None,
            "report_date": doc["date"],
        }
        for name in ("goldstein", "lat", "lon", "confidence"):
            if row[name] is not None:
                row[name] = float(row[name])
        rows.append(tuple(row[c] for c in COLUMNS))
    return rows


# ---------------------------------------------------------------------------------------
# The pipe stage (runs on the executors)

JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_EXT = (".warc", ".warc.gz")


def find_binary(name):
    """The sitrep binary on this executor: shipped with --files, a path, or on PATH; made
    executable (a file shipped with --files may arrive without its execute bit)."""
    candidates = []
    try:
        from pyspark import SparkFiles

        candidates.append(SparkFiles.get(os.path.basename(name)))
    except Exception:
        pass
    candidates += [name, shutil.which(os.path.basename(name)) or ""]
    for path in candidates:
        if path and os.path.isfile(path):
            if os.access(path, os.X_OK):
                return path
            # One executable copy per executor host and binary, shared by its tasks.
            st = os.stat(path)
            folder = os.path.join(tempfile.gettempdir(), f"sitrep-bin-{os.getuid()}-{st.st_size}-{int(st.st_mtime)}")
            copy = os.path.join(folder, "sitrep")
            if not os.access(copy, os.X_OK):
                os.makedirs(folder, exist_ok=True)
                partial = f"{copy}.{os.getpid()}"
                shutil.copyfile(path, partial)
                os.chmod(partial, 0o755)
                os.replace(partial, copy)
            return copy
    raise FileNotFoundError(f"sitrep binary `{name}` not found on this executor: ship it with spark-submit --files")


class Sitrep:
    """One `sitrep extract -` process fed from a thread; its standard error is forwarded
    to the task's and its tail kept for the error message."""

    def __init__(self, binary, input_format, threads):
        self.cmd = [binary, "extract", "-", "--input-format", input_format, "--format", "jsonl", "--threads", str(threads)]
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.tail = deque(maxlen=40)
        self.feed_error = None
        self.errors = threading.Thread(target=self._stderr, daemon=True)
        self.errors.start()

    def _stderr(self):
        for line in self.proc.stderr:
            text = line.decode("utf-8", "replace").rstrip("\n")
            self.tail.append(text)
            print(f"sitrep: {text}", file=sys.stderr, flush=True)

    def feed(self, chunks):
        """Write `chunks` (bytes) to sitrep's standard input in a thread, then close it."""

        def run():
            try:
                for chunk in chunks:
                    self.proc.stdin.write(chunk)
            except BrokenPipeError:
                pass  # sitrep died; its exit status tells why
            except BaseException as e:  # a failing input (fetch command, file): fail the task
                self.feed_error = e
            finally:
                try:
                    self.proc.stdin.close()
                except BrokenPipeError:
                    pass

        self.feeder = threading.Thread(target=run, daemon=True)
        self.feeder.start()

    def reports(self):
        for line in self.proc.stdout:
            yield json.loads(line)

    def finish(self, what):
        self.feeder.join()
        code = self.proc.wait()
        self.errors.join(timeout=10)
        # 0: all read; 1: some input had errors, reported on stderr, the rest was written.
        if code not in (0, 1) or self.feed_error is not None:
            why = f"exit status {code}" if code >= 0 else f"killed by signal {-code}"
            if self.feed_error is not None:
                why += f"; reading the input failed: {self.feed_error!r}"
            tail = "\n".join(self.tail)
            raise RuntimeError(f"sitrep failed on {what} ({why}): {shlex.join(self.cmd)}\n{tail}")


def fetch_uri(path):
    """The URI a fetch command is given: Hadoop's `s3a:`/`s3n:` written `s3:` (as the AWS
    CLI wants it), `file:` URIs as plain paths, anything else as it is."""
    parsed = urlparse(path)
    if parsed.scheme in ("s3a", "s3n"):
        return "s3" + path[len(parsed.scheme):]
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return path


def file_chunks(path, fetch_cmd):
    """The bytes of one input file, streamed: read directly, or from a fetch command."""
    if fetch_cmd:
        cmd = [part.replace("{}", fetch_uri(path)) for part in shlex.split(fetch_cmd)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
        try:
            while chunk := proc.stdout.read(1 << 20):
                yield chunk
        finally:
            code = proc.wait()
        if code != 0:
            raise IOError(f"{shlex.join(cmd)} exited with status {code}")
        return
    parsed = urlparse(path)
    if parsed.scheme not in ("", "file"):
        raise IOError(f"{path}: executors cannot open {parsed.scheme}: URIs directly; give --fetch-cmd (see --help)")
    with open(unquote(parsed.path) if parsed.scheme else path, "rb") as f:
        while chunk := f.read(1 << 20):
            yield chunk


def pipe_stage(binary_name, threads, mode, fetch_cmd=None, kill_partition=None, kill_marker=None):
    """The function given to mapPartitions: a partition's records (or file paths) through
    sitrep, event rows out."""

    def run(items):
        from pyspark import TaskContext

        ctx = TaskContext.get()
        partition, attempt = ctx.partitionId(), ctx.attemptNumber()
        binary = find_binary(binary_name)
        if mode == "jsonl":
            jobs = [(f"partition {partition} (attempt {attempt})", (line.encode("utf-8") + b"\n" for line in items))]
        else:
            jobs = [(f"{path} (partition {partition}, attempt {attempt})", file_chunks(path, fetch_cmd)) for path in items]
        rows_out = 0
        for what, chunks in jobs:
            sitrep = Sitrep(binary, "jsonl" if mode == "jsonl" else "warc", threads)
            sitrep.feed(chunks)
            for report in sitrep.reports():
                for row in event_rows(report):
                    yield row
                    rows_out += 1
                    if kill_partition == partition and attempt == 0 and rows_out == 4:
                        # Fault injection for tests: die half-way through the first attempt
                        # of one partition, after rows have gone to the output writer (PySpark sends
                        # rows in batches of 1, 2, 4…: the first 3 rows are in Spark by now).
                        if kill_marker:
                            with open(f"{kill_marker}.{partition}.{attempt}", "w") as f:
                                f.write(f"killed partition {partition} attempt {attempt} after {rows_out} rows\n")
                        sitrep.proc.kill()
                        os.kill(os.getpid(), signal.SIGKILL)
            sitrep.finish(what)

    return run


# ---------------------------------------------------------------------------------------
# The driver


def list_inputs(sc, paths):
    """Expand inputs (files, folders, globs, any Hadoop URI) into (jsonl, warc) file lists,
    using the Hadoop file system API on the driver."""
    jvm, conf = sc._jvm, sc._jsc.hadoopConfiguration()
    jsonl, warc, unknown = [], [], []

    def visit(status):
        p = status.getPath()
        if status.isDirectory():
            for child in sorted(fs_of(p).listStatus(p), key=lambda s: s.getPath().toString()):
                if not child.getPath().getName().startswith((".", "_")):
                    visit(child)
            return
        name = p.toString()
        lower = name.lower()
        if lower.endswith(JSONL_EXT):
            jsonl.append(name)
        elif lower.endswith(WARC_EXT):
            warc.append(name)
        else:
            unknown.append(name)

    def fs_of(p):
        return p.getFileSystem(conf)

    for raw in paths:
        p = jvm.org.apache.hadoop.fs.Path(raw)
        found = fs_of(p).globStatus(p)
        if not found:
            raise SystemExit(f"sitrep_spark: no input at {raw}")
        for status in found:
            visit(status)
    for name in unknown:
        print(f"sitrep_spark: skipped {name}: not .jsonl/.ndjson(.gz) or .warc(.gz)", file=sys.stderr)
    return jsonl, warc


def spark_schema():
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "double": T.DoubleType(), "bigint": T.LongType(), "boolean": T.BooleanType()}
    return T.StructType([T.StructField(name, kinds[kind], True) for name, kind in EVENT_SCHEMA])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="JSON Lines or WARC files, folders or globs (local or Hadoop URIs)")
    ap.add_argument("--warc-list", default=None,
                    help="a local file (.gz too) naming WARC files, one a line, taken as they are without listing "
                         "(e.g. CC-NEWS's warc.paths.gz); each is read with --fetch-cmd, or opened as a path")
    ap.add_argument("--prefix", default="",
                    help="put before every --warc-list line (e.g. https://data.commoncrawl.org/ or s3://commoncrawl/)")
    ap.add_argument("--output", required=True, help="Parquet output folder (partitioned by report_date)")
    ap.add_argument("--mode", default="errorifexists", choices=["errorifexists", "overwrite", "append", "ignore"],
                    help="what to do when --output exists (default: fail)")
    ap.add_argument("--binary", default="sitrep", help="the sitrep binary: its name as shipped with --files, or a path on every executor")
    ap.add_argument("--partitions", type=int, default=0,
                    help="partitions for JSON Lines records (default: 2 x the cluster's default parallelism)")
    ap.add_argument("--threads-per-task", type=int, default=0,
                    help="sitrep --threads in each task (default: spark.task.cpus)")
    ap.add_argument("--fetch-cmd", default=None,
                    help="command that writes a WARC file named by {} to standard output, for URIs the executors cannot open "
                         "(e.g. 'curl -sfL {}', 'aws s3 cp {} -', 'hdfs dfs -cat {}')")
    ap.add_argument("--files-per-task", type=int, default=1, help="WARC files per task (default 1)")
    ap.add_argument("--test-kill-partition", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--test-kill-marker", default=None, help=argparse.SUPPRESS)
    args = ap.parse_intermixed_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("sitrep").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel(os.environ.get("SITREP_SPARK_LOG_LEVEL", "WARN"))
    threads = args.threads_per_task or int(sc.getConf().get("spark.task.cpus", "1"))

    jsonl, warc = list_inputs(sc, args.inputs) if args.inputs else ([], [])
    if args.warc_list:
        opener = gzip.open if args.warc_list.endswith(".gz") else open
        with opener(args.warc_list, "rt", encoding="utf-8") as f:
            warc += [args.prefix + line.strip() for line in f if line.strip() and not line.startswith("#")]
    print(f"sitrep_spark: {len(jsonl)} JSON Lines file(s), {len(warc)} WARC file(s); sitrep --threads {threads} per task",
          file=sys.stderr)
    stage = lambda mode: pipe_stage(args.binary, threads, mode, args.fetch_cmd, args.test_kill_partition, args.test_kill_marker)
    parts = []
    if jsonl:
        n = args.partitions or 2 * sc.defaultParallelism
        lines = sc.textFile(",".join(jsonl)).filter(lambda line: line.strip() != "")
        parts.append(lines.repartition(n).mapPartitions(stage("jsonl")))
    if warc:
        per = max(1, args.files_per_task)
        slices = (len(warc) + per - 1) // per
        parts.append(sc.parallelize(warc, slices).mapPartitions(stage("warc")))
    if not parts:
        raise SystemExit("sitrep_spark: no .jsonl/.ndjson(.gz) or .warc(.gz) input found")
    rows = parts[0] if len(parts) == 1 else sc.union(parts)
    events = spark.createDataFrame(rows, spark_schema())
    events.write.mode(args.mode).partitionBy("report_date").parquet(args.output)
    print(f"sitrep_spark: events written to {args.output}", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
