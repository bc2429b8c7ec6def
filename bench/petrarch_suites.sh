#!/usr/bin/env bash
# sitrep's coder on the three PETRARCH validation suites (development data under ../shared):
# prints each suite's per-category table, or with -q only its ALL line.
#
# usage: bash bench/petrarch_suites.sh [-q]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
for f in "$shared/eval/petrarch2-unittest/PETR.UnitTest.records.xml" \
         "$shared/eval/udpetrarch-validation/PETR2_GSR_validation.xml" \
         "$shared/eval/udpetrarch-validation/PETR_Validate_records_2_02.xml"; do
    echo "== $(basename "$f")"
    if [[ ${1:-} == -q ]]; then
        cargo run --release -q -p sitrep-events --example petrarch_eval -- "$f" 2>&1 | grep -E '^ALL'
    else
        cargo run --release -q -p sitrep-events --example petrarch_eval -- "$f" 2>&1
    fi
done
