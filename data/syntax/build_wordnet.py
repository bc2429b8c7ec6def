#!/usr/bin/env python3
"""Write the English word lists the lemmatiser checks its guesses against, from WordNet 3.0
as packaged in spaCy's lookup tables (the `spacy-lookups-data` wheel on PyPI, MIT; WordNet
licence in data/syntax/README.md):

  wordnet-verbs.txt, wordnet-nouns.txt    one lemma per line (single words, lower case)
  wordnet-verb-exceptions.tsv,            inflected form <TAB> lemma, for irregular forms
  wordnet-noun-exceptions.tsv             ("fled" → "flee", "stopped" → "stop", "crises" → "crisis")

usage: pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/lk
       python3 data/syntax/build_wordnet.py /tmp/lk/spacy_lookups_data-1.0.5-py2.py3-none-any.whl
"""
import gzip
import json
import pathlib
import sys
import zipfile


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
        return 2
    here = pathlib.Path(__file__).resolve().parent
    with zipfile.ZipFile(sys.argv[1]) as z:
        index = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lemma_index.json.gz")))
        exc = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lemma_exc.json.gz")))
    single = lambda w: w.isascii() and w.isalpha() and w.islower()
    for pos in ("verb", "noun"):
        lemmas = sorted({w for w in index[pos] if single(w)})
        (here / f"wordnet-{pos}s.txt").write_text("".join(w + "\n" for w in lemmas))
        rows = sorted((f, ls[0]) for f, ls in exc[pos].items() if single(f) and ls and single(ls[0]))
        (here / f"wordnet-{pos}-exceptions.tsv").write_text("".join(f"{f}\t{l}\n" for f, l in rows))
        print(f"{len(lemmas)} {pos}s, {len(rows)} irregular forms -> {here}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
