#!/usr/bin/env python3
"""Tiny conlleval-equivalent NER scorer (exact span + type), standard library only.

Usage:
  python3 bench/peers/conll_ner_score.py GOLD.conll PRED.conll [--json]

GOLD and PRED are CoNLL files that line up one to one (same non-blank lines in the same
order, blank lines and -DOCSTART- lines in the same places; PRED from spacy_ner.py does).
The gold tag is the last column of GOLD, the predicted tag the last column of PRED; the
first columns (words) must match. Tags are IOB2 (B-X, I-X, O). Chunks are found with
conlleval's start/end rules (an I-X after O or after another type also opens a chunk), so
for valid IOB2 a chunk is exactly a maximal B-X I-X* run. A predicted chunk is correct
only if its start, end and type all equal a gold chunk's. Sentence boundaries (blank
lines) and -DOCSTART- lines close every open chunk.

Prints conlleval-style tables: token accuracy, overall and per-type precision, recall,
F1 (percent) and counts; --json prints one JSON object instead.
"""
import json
import sys

DOCSTART = "-DOCSTART-"


def read(path):
    """-> list of sentences, each a list of (word, tag)."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols or cols[0] == DOCSTART:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            cur.append((cols[0], cols[-1]))
    if cur:
        sents.append(cur)
    return sents


def split(tag):
    if tag == "O":
        return "O", ""
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BIES":
        raise ValueError(f"bad tag {tag!r}")
    return tag[0], tag[2:]


def chunks(tags):
    """Set of (start, end_exclusive, type), conlleval semantics."""
    out, start, typ = set(), None, None
    prev_p, prev_t = "O", ""
    for i, tag in enumerate(tags + ["O"]):
        p, t = split(tag)
        # end of chunk
        if start is not None and (
            p in ("O", "B", "S") or t != prev_t or prev_p in ("E", "S")
        ):
            out.add((start, i, typ))
            start = None
        # start of chunk
        if p != "O" and (
            p in ("B", "S") or start is None or t != prev_t or prev_p in ("E", "S")
        ):
            if start is None:
                start, typ = i, t
        prev_p, prev_t = p, t
    return out


def score(gold_path, pred_path):
    gs, ps = read(gold_path), read(pred_path)
    if len(gs) != len(ps):
        sys.exit(f"sentence counts differ: {len(gs)} vs {len(ps)}")
    tp, ng, np_ = {}, {}, {}
    toks = correct_toks = 0
    for k, (g, p) in enumerate(zip(gs, ps)):
        if len(g) != len(p) or any(a[0] != b[0] for a, b in zip(g, p)):
            sys.exit(f"sentence {k + 1}: words differ between gold and pred")
        gt, pt = [t for _, t in g], [t for _, t in p]
        toks += len(gt)
        correct_toks += sum(a == b for a, b in zip(gt, pt))
        gc, pc = chunks(gt), chunks(pt)
        for _, _, t in gc:
            ng[t] = ng.get(t, 0) + 1
        for _, _, t in pc:
            np_[t] = np_.get(t, 0) + 1
        for _, _, t in gc & pc:
            tp[t] = tp.get(t, 0) + 1

    def prf(c, g, p):
        pr = c / p if p else 0.0
        rc = c / g if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": round(100 * pr, 2), "recall": round(100 * rc, 2),
                "f1": round(100 * f, 2), "correct": c, "gold": g, "pred": p}

    types = sorted(set(ng) | set(np_))
    return {
        "gold_file": gold_path,
        "pred_file": pred_path,
        "sentences": len(gs),
        "tokens": toks,
        "token_accuracy": round(100 * correct_toks / toks, 2) if toks else 0.0,
        "overall": prf(sum(tp.values()), sum(ng.values()), sum(np_.values())),
        "per_type": {t: prf(tp.get(t, 0), ng.get(t, 0), np_.get(t, 0)) for t in types},
    }


def main(argv):
    args = [a for a in argv[1:] if a != "--json"]
    if len(args) != 2:
        sys.exit(__doc__)
    r = score(*args)
    if "--json" in argv:
        print(json.dumps(r))
        return
    o = r["overall"]
    print(f"processed {r['tokens']} tokens with {o['gold']} phrases; "
          f"found: {o['pred']} phrases; correct: {o['correct']}.")
    print(f"accuracy: {r['token_accuracy']:6.2f}%; precision: {o['precision']:6.2f}%; "
          f"recall: {o['recall']:6.2f}%; FB1: {o['f1']:6.2f}")
    for t, s in r["per_type"].items():
        print(f"{t:>17}: precision: {s['precision']:6.2f}%; recall: {s['recall']:6.2f}%; "
              f"FB1: {s['f1']:6.2f}  gold {s['gold']}  found {s['pred']}  correct {s['correct']}")


if __name__ == "__main__":
    main(sys.argv)
