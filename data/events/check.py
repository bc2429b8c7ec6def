#!/usr/bin/env python3
"""Validate the event resources in this folder. Exit status 1 on any error."""
import os, re, sys
here = os.path.dirname(os.path.abspath(__file__))
errors = []
def load(name, ncols):
    rows = []
    with open(os.path.join(here, name), encoding='utf-8') as f:
        for i, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) != ncols:
                errors.append(f'{name}:{i}: {len(cols)} columns, want {ncols}')
            rows.append((i, cols))
    return rows

cameo = load('cameo.tsv', 3)
codes = {}
for i, (c, name, g) in cameo:
    if not re.fullmatch(r'\d{2,4}', c): errors.append(f'cameo.tsv:{i}: bad code {c}')
    if c in codes: errors.append(f'cameo.tsv:{i}: duplicate {c}')
    if len(c) > 2 and c[:2] not in codes: errors.append(f'cameo.tsv:{i}: {c} before its root')
    try:
        v = float(g)
        if not -10 <= v <= 10: errors.append(f'cameo.tsv:{i}: goldstein {v} out of range')
    except ValueError:
        errors.append(f'cameo.tsv:{i}: goldstein {g!r}')
    codes[c] = name
roots = sorted(c for c in codes if len(c) == 2)
if roots != [f'{n:02d}' for n in range(1, 21)]: errors.append(f'roots: {roots}')

plover = load('plover.tsv', 6)
pmap = {}
PLOVER = {'AGREE','CONSULT','SUPPORT','COOPERATE','AID','CONCEDE','RETREAT','ACCUSE','REQUEST','REJECT','THREATEN',
          'PROTEST','MOBILIZE','SANCTION','COERCE','ASSAULT','-'}
for i, (c, ev, mode, ctx, origin, desc) in plover:
    if c not in codes: errors.append(f'plover.tsv:{i}: {c} not in cameo.tsv')
    if ev not in PLOVER: errors.append(f'plover.tsv:{i}: unknown PLOVER event {ev}')
    if ev == '-' and not c.startswith('01'): errors.append(f'plover.tsv:{i}: {c} unmapped')
    pmap[c] = ev
for c in codes:
    if c not in pmap: errors.append(f'plover.tsv: no row for {c}')

PAT = re.compile(r'^(-|(prt|obl|obj|xcomp|xobj|amod|compound):(@place|@actor|@predicate|@verb|@question|@money|[a-z\-]+)(=[a-z\-]+)?(\+(prt|obl|obj|xcomp|xobj|amod|compound):(@place|@actor|@predicate|@verb|@question|@money|[a-z\-]+)(=[a-z\-]+)?)*)$')
verbs = load('verbs.tsv', 5)
seen = set()
for i, (lemma, pat, code, voice, note) in verbs:
    # code "-": the pattern names a use of the verb that is no event ("met the deadline")
    if code != '-' and (code not in codes or len(code) < 3): errors.append(f'verbs.tsv:{i}: code {code} not a 3/4-digit code of cameo.tsv')
    if voice not in ('active', 'passive-ok', 'intransitive', 'reproach'): errors.append(f'verbs.tsv:{i}: voice {voice}')
    if not PAT.match(pat): errors.append(f'verbs.tsv:{i}: pattern {pat!r}')
    if lemma != lemma.lower() or not lemma: errors.append(f'verbs.tsv:{i}: lemma {lemma!r}')
    if (lemma, pat) in seen: errors.append(f'verbs.tsv:{i}: duplicate {lemma} {pat}')
    seen.add((lemma, pat))
vroots = {code[:2] for _, (l, p, code, v, n) in verbs if code != '-'}
missing = [r for r in roots if r not in vroots]
if missing: errors.append(f'verbs.tsv: roots without a verb: {missing}')

NPAT = re.compile(r'^(-|[a-z]+:[a-z\-*]+(=[a-z\-]+)?(\+[a-z]+:[a-z\-*]+(=[a-z\-]+)?)*)$')
nouns = load('nouns.tsv', 4)
for i, (noun, pat, code, note) in nouns:
    if code != '-' and (code not in codes or len(code) < 3): errors.append(f'nouns.tsv:{i}: code {code}')
    if not NPAT.match(pat): errors.append(f'nouns.tsv:{i}: pattern {pat!r}')

for i, (l, s, n) in load('attribution.tsv', 3):
    if s not in ('reported', 'claimed', 'denied', 'witnessed'): errors.append(f'attribution.tsv:{i}: stance {s}')
for i, (w, fa, sc, n) in load('factuality.tsv', 4):
    if fa not in ('negated', 'hypothetical', 'expected', 'planned', 'conditional'): errors.append(f'factuality.tsv:{i}: {fa}')
    if sc not in ('clause', 'np', 'xcomp', 'noun', 'sentence'): errors.append(f'factuality.tsv:{i}: scope {sc}')

seen = set()
for i, (w, kind, code, n) in load('force.tsv', 4):
    if kind not in ('verbal', 'movement', 'armed', 'verbal-cue', 'verbal-target', 'peaceful-cue', 'physical-target', 'hazard'): errors.append(f'force.tsv:{i}: kind {kind}')
    if code != '-' and code not in codes: errors.append(f'force.tsv:{i}: code {code}')
    if kind in ('armed', 'verbal-cue', 'verbal-target', 'peaceful-cue', 'physical-target', 'hazard') and code != '-': errors.append(f'force.tsv:{i}: a cue has no code')
    if w != w.lower() or (kind, w) in seen: errors.append(f'force.tsv:{i}: word {w!r}')
    seen.add((kind, w))

for e in errors: print(e)
counts = {n: len(load(n, k)) for n, k in [('cameo.tsv',3),('plover.tsv',6),('verbs.tsv',5),('nouns.tsv',4),('attribution.tsv',3),('factuality.tsv',4),('force.tsv',4)]}
print('rows:', ', '.join(f'{k} {v}' for k, v in counts.items()))
print('errors:', len(errors))
sys.exit(1 if errors else 0)
