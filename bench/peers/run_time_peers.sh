#!/usr/bin/env bash
# sitrep's time layer beside chrono-node (npm) and dateparser (PyPI) on the same TimeML
# documents, scored by the same TempEval-3 scorer. Installs the peers into this folder
# (node_modules/, .venv/) on first run. Usage: bench/peers/run_time_peers.sh [TIMEML_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${1:-$root/../shared/eval/tempeval3/TBAQ-cleaned}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
if [ ! -d "$dir" ]; then echo "skipped: $dir is absent (TempEval-3 TBAQ-cleaned)"; exit 0; fi
out="$here/out"; mkdir -p "$out"
cd "$root"
cargo build --release -q -p sitrep-time --example eval_time
eval_time="$CARGO_TARGET_DIR/release/examples/eval_time"
"$eval_time" "$dir" --dump-texts "$out/texts.jsonl"

echo "== sitrep"
"$eval_time" "$dir"

echo; echo "== chrono-node"
if [ ! -d "$here/node_modules/chrono-node" ]; then (cd "$here" && npm install --silent --no-audit --no-fund chrono-node@2) || true; fi
if [ -d "$here/node_modules/chrono-node" ]; then
  (cd "$here" && node chrono_peer.mjs "$out/texts.jsonl" > "$out/chrono.jsonl")
  "$eval_time" "$dir" --predictions "$out/chrono.jsonl"
else echo "chrono-node did not install; skipped"; fi

echo; echo "== dateparser"
if [ ! -x "$here/.venv/bin/python" ]; then python3 -m venv "$here/.venv" && "$here/.venv/bin/pip" install -q dateparser || true; fi
if "$here/.venv/bin/python" -c "import dateparser" 2>/dev/null; then
  "$here/.venv/bin/python" "$here/dateparser_peer.py" "$out/texts.jsonl" > "$out/dateparser.jsonl"
  "$eval_time" "$dir" --predictions "$out/dateparser.jsonl"
else echo "dateparser did not install; skipped"; fi
