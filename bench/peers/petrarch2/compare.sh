#!/usr/bin/env bash
# Run sitrep's petrarch_eval and PETRARCH2 (run_unittest.py) on the PETRARCH unit-test
# records and print PETRARCH2's per-category table with sitrep's beside it.
#
#   bench/peers/petrarch2/compare.sh [extra run_unittest.py options, e.g. -v]
#
# PETRARCH2_SRC  directory holding PETRARCH2's modules (PETRtree.py, petrarch2.py, ...)
# PETRARCH2_PY   a Python 2.7 with python-dateutil (default: python2.7 on PATH)
# RECORDS        the records file (default: ../shared/eval/petrarch2-unittest/ beside the repo)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
records=${RECORDS:-$repo/../shared/eval/petrarch2-unittest/PETR.UnitTest.records.xml}
py=${PETRARCH2_PY:-python2.7}
: "${PETRARCH2_SRC:?set PETRARCH2_SRC to the directory holding PETRtree.py}"
sitrep_out=$(mktemp)
trap 'rm -f "$sitrep_out"' EXIT
(cd "$repo" && cargo run --release -q -p sitrep-events --example petrarch_eval -- "$records") > "$sitrep_out"
"$py" "$here/run_unittest.py" --petrarch2 "$PETRARCH2_SRC" --data "$(dirname "$records")" \
    --records "$records" --sitrep "$sitrep_out" "$@"
