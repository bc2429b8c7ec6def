#!/usr/bin/env bash
# sitrep on Spark, tested on Spark's local mode (about a minute once the venv exists).
#
#   bash deploy/spark/test.sh
#
# 1. a venv with pinned pyspark (SITREP_SPARK_VENV, default deploy/spark/.venv; kept, so
#    reruns download nothing), Java 17 (JAVA_HOME, default the Debian OpenJDK 17);
# 2. the sitrep binary: SITREP_BIN, else target/release/sitrep (built when missing);
# 3. a single-process `sitrep extract --threads 1` run on testdata/ (30 JSON Lines reports
#    and the same reports as a WARC.gz whose 16th response is corrupt): the reference;
#    the corrupt record must be reported and every other report kept;
# 4. the Spark job on local[2] (JSON Lines in 4 partitions; the WARC as a file task, named in
#    a list and streamed by a fetch command, as for CC-NEWS), its
#    binary shipped with --files: events must equal the reference's;
# 5. the job again on local[2,4] (a task may fail 4 times) with one partition's worker
#    killed half-way through its first attempt: Spark must retry it and the Parquet must
#    equal the reference, with no duplicated event;
# 6. `sitrep extract --output-dir` on the same input: Spark reads the folder as JSON Lines
#    partitioned by `date`, and it holds the reference's reports.
# Every step is bounded by `timeout`; the script stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=deploy/spark
DATA=$HERE/testdata
PYSPARK_VERSION=${SITREP_PYSPARK_VERSION:-3.5.9}
VENV=${SITREP_SPARK_VENV:-$HERE/.venv}
WORK=${SITREP_SPARK_WORK:-$HERE/work}

say() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# --- Java and pyspark ----------------------------------------------------------------
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/java-17-openjdk-amd64 ]]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
if [[ -z "${JAVA_HOME:-}" && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing Java 17 (openjdk-17-jre-headless)"
    timeout 600 apt-get update -qq && timeout 900 apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] || fail "Java 17 is needed: apt-get install openjdk-17-jre-headless, or set JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    say "installing pyspark==$PYSPARK_VERSION into $VENV"
    python3 -m venv "$VENV"
    timeout 900 "$VENV/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
fi
VENV=$(cd "$VENV" && pwd)
PY="$VENV/bin/python"
export PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost

# --- the binary ----------------------------------------------------------------------
BIN=${SITREP_BIN:-${CARGO_TARGET_DIR:-target}/release/sitrep}
if [[ ! -x "$BIN" ]]; then
    say "building $BIN"
    timeout 1800 cargo build --release --locked -p sitrep
fi
[[ -x "$BIN" ]] || fail "no sitrep binary at $BIN (set SITREP_BIN)"

rm -rf "$WORK" && mkdir -p "$WORK"

# --- reference: one process, one thread ------------------------------------------------
say "reference: $BIN extract --threads 1"
set +e
timeout 300 "$BIN" extract "$DATA/reports.jsonl" "$DATA/reports.warc.gz" --threads 1 >"$WORK/reference.jsonl" 2>"$WORK/reference.err"
code=$?
set -e
cat "$WORK/reference.err"
[[ $code -eq 1 ]] || fail "sitrep extract should exit 1 (one corrupt WARC record), got $code"
"$PY" - "$WORK/reference.jsonl" "$WORK/reference.err" <<'EOF'
import json, sys
ids = [json.loads(l)["doc"]["id"] for l in open(sys.argv[1])]
warc = [i.rsplit("/", 1)[-1] for i in ids if i.startswith("https://")]
want = [f"demo-{n:04d}" for n in range(1, 31) if n != 16]
assert len(ids) == 59, f"{len(ids)} reports, expected 30 JSON Lines + 29 WARC"
assert warc == want, f"WARC reports {warc}"
err = open(sys.argv[2]).read()
assert "is corrupt" in err and "skipped to the next member" in err, err
print("corrupt WARC record: reported; the 29 other responses, 14 of them after it, were all kept")
EOF

# --- Spark ---------------------------------------------------------------------------
submit() {
    local master=$1 out=$2
    shift 2
    timeout 300 "$VENV/bin/spark-submit" --master "$master" \
        --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
        --conf spark.sql.shuffle.partitions=4 \
        --files "$BIN" \
        "$HERE/sitrep_spark.py" "$DATA/reports.jsonl" \
        --output "$out" --mode overwrite --binary "$(basename "$BIN")" --partitions 4 "$@"
}

say "Spark local[2] (the WARC named in a list and streamed by a fetch command, as for CC-NEWS)"
echo "$ROOT/$DATA/reports.warc.gz" >"$WORK/warc.paths"
submit 'local[2]' "$WORK/events" --warc-list "$WORK/warc.paths" --fetch-cmd 'cat {}' 2>"$WORK/spark.err" \
    || { tail -50 "$WORK/spark.err"; fail "the Spark job failed"; }
grep -E '^sitrep_spark:' "$WORK/spark.err" || true
grep -q 'is corrupt' "$WORK/spark.err" || fail "the corrupt WARC record was not reported by the Spark task"

say "Spark local[2,4] with partition 1 killed half-way through its first attempt"
submit 'local[2,4]' "$WORK/events-retried" "$DATA/reports.warc.gz" --test-kill-partition 1 --test-kill-marker "$WORK/killed" 2>"$WORK/spark-retried.err" \
    || { tail -50 "$WORK/spark-retried.err"; fail "the Spark job failed (the killed task was not retried?)"; }
ls "$WORK"/killed.1.0 >/dev/null 2>&1 || fail "the first attempt of partition 1 was not killed"
cat "$WORK"/killed.1.0
ls "$WORK"/killed.1.1 >/dev/null 2>&1 && fail "the retry was killed too"
grep -qE 'Lost task|exited unexpectedly|crashed' "$WORK/spark-retried.err" || fail "Spark did not see the killed task"
grep -E 'Lost task' "$WORK/spark-retried.err" | head -2 | cut -c1-200

say "sitrep extract --output-dir (JSON Lines partitioned by report date)"
set +e
timeout 300 "$BIN" extract "$DATA/reports.jsonl" "$DATA/reports.warc.gz" --output-dir "$WORK/partitioned" --run-id test 2>"$WORK/partitioned.err"
code=$?
set -e
[[ $code -eq 1 ]] || { cat "$WORK/partitioned.err"; fail "sitrep extract --output-dir should exit 1 (one corrupt WARC record), got $code"; }
grep 'written to' "$WORK/partitioned.err"

say "compare with the single-process events"
timeout 300 "$PY" "$HERE/check_events.py" --reference "$WORK/reference.jsonl" --partitioned "$WORK/partitioned" \
    "$WORK/events" "$WORK/events-retried" 2>"$WORK/check.err" \
    || { tail -20 "$WORK/check.err"; fail "Spark's events differ from the single-process run"; }
ls "$WORK/events" | head -8
echo "spark: 4 passed, 0 failed"
