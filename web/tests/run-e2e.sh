#!/usr/bin/env bash
# End-to-end tests of the page: a fixture database, `sitrep serve` on a free loopback port,
# and the tests in e2e.test.mjs in headless Chromium (Debian's, driven by playwright-core).
#
#   bash web/tests/run-e2e.sh
#
# Needs node and npm, and chromium (apt-get install -y chromium). Builds target/release/sitrep
# (under CARGO_TARGET_DIR if set) only when it is missing; SITREP_BIN names another binary.
# SITREP_SCREENSHOT=FILE also writes a 1280×800 screenshot of the page (docs/screenshot.png).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
web="$(dirname "$here")"
repo="$(dirname "$web")"
target="${CARGO_TARGET_DIR:-$repo/target}"
bin="${SITREP_BIN:-$target/release/sitrep}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$bin" ]; then
    echo "run-e2e: building $bin" >&2
    (cd "$repo" && cargo build --release --locked -p sitrep)
fi
# the server embeds web/dist when it is compiled: a binary older than the assets serves old ones
if [ -n "$(find "$web/dist" -type f -newer "$bin" -print -quit)" ]; then
    echo "run-e2e: warning: web/dist is newer than $bin; rebuild it (cargo build --release -p sitrep) to test the new assets" >&2
fi
if [ ! -x "$CHROMIUM" ]; then
    echo "run-e2e: no browser at $CHROMIUM: apt-get install -y chromium (or set CHROMIUM)" >&2
    exit 1
fi
if [ ! -d "$web/node_modules/playwright-core" ]; then
    (cd "$web" && npm ci --no-audit --no-fund)
fi
if [ -n "${SITREP_SCREENSHOT:-}" ]; then
    SITREP_SCREENSHOT="$(cd "$(dirname "$SITREP_SCREENSHOT")" && pwd)/$(basename "$SITREP_SCREENSHOT")"
    export SITREP_SCREENSHOT
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-e2e.XXXXXX")"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="$tmp/e2e.db"
"$bin" ingest --db "$db" --quiet --threads 2 \
    "$here/fixtures/reports.jsonl" \
    "$repo/examples/reports.jsonl" "$repo/examples/report-2024-03-15-odesa.txt" "$repo/examples/page.html"

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
url="http://127.0.0.1:$port/"
"$bin" serve --db "$db" --addr "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
server=$!

# wait (at most 30 s) for the API to answer
if ! node -e '
const url = process.argv[1] + "api/events?limit=1";
const until = Date.now() + 30000;
(async () => {
  while (Date.now() < until) {
    try { const r = await fetch(url); if (r.ok) { await r.json(); return; } } catch {}
    await new Promise((ok) => setTimeout(ok, 200));
  }
  process.exit(1);
})();' "$url"; then
    echo "run-e2e: the server did not answer at $url; its log:" >&2
    cat "$tmp/server.log" >&2
    exit 1
fi

status=0
SITREP_URL="$url" timeout 300 node --test --test-concurrency=1 --test-timeout=120000 "$here/e2e.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
    echo "run-e2e: failed ($status); the server's log:" >&2
    tail -n 50 "$tmp/server.log" >&2
fi
exit "$status"
