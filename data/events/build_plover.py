#!/usr/bin/env python3
"""Build plover.tsv from the published CAMEO->PLOVER crosswalk and cameo.tsv.

Usage: python3 build_plover.py [CROSSWALK] > plover.tsv
Default CROSSWALK: ../../../shared/eval/plover/CAMEO2PLOVER-2021.txt (relative to this file).

The crosswalk's facts (event, mode, context) are kept as published. Codes of cameo.tsv the
crosswalk does not list get the nearest listed ancestor's mapping (origin `parent:CODE`);
roots get their section header (origin `header`); CAMEO 01 is dropped by PLOVER (origin
`dropped`, event `-`); CAMEO 02 (APPEAL) is absent from the crosswalk and is mapped here to
REQUEST with the mode/context of the matching 10x (DEMAND) code (origin `sitrep:10x`).
"""
import os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '../../../shared/eval/plover/CAMEO2PLOVER-2021.txt')

rows, headers = {}, {}
for line in open(src, encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#') or line.startswith('~'):
        continue
    m = re.match(r'^(\d\d):\s*([A-Z]+)\s*$', line)
    if m:
        headers.setdefault(m.group(1), m.group(2))  # 08 appears twice (CONCEDE, RETREAT): keep first
        continue
    m = re.match(r'^(\d{3,4}):\s*(.*?)\s*(?:#\s*(.*))?$', line)
    if not m:
        sys.exit(f'unparsed line: {line!r}')
    code, body, desc = m.group(1), m.group(2), (m.group(3) or '').strip()
    parts = [p.strip() for p in body.split(',')]
    while len(parts) < 3:
        parts.append('')
    event, mode, ctx = parts[0], parts[1], ','.join(parts[2:]).strip()
    ctx = re.sub(r'\s*;\s*', ';', ctx)
    if code in rows:  # 175 is listed twice with the same mapping
        continue
    rows[code] = (event, mode or '-', ctx or '-', 'crosswalk', desc)

cameo = [l.split('\t')[0] for l in open(os.path.join(here, 'cameo.tsv'), encoding='utf-8') if not l.startswith('#')]
out = ['#cameo\tplover_event\tplover_mode\tplover_context\torigin\tcrosswalk_description']
for c in cameo:
    if c in rows:
        e, mo, cx, o, d = rows[c]
    elif c.startswith('01'):
        e, mo, cx, o, d = '-', '-', '-', 'dropped', ''
    elif c.startswith('02'):
        dc = '10' + c[2:] if len(c) > 2 else '10'
        if len(c) == 2:
            e, mo, cx = 'REQUEST', '-', '-'
        elif dc in rows:
            e, mo, cx = rows[dc][:3]
        else:
            e, mo, cx = rows['100'][:3]
        o, d = f'sitrep:{dc}', ''
    elif len(c) == 2:
        e, mo, cx, o, d = headers[c], '-', '-', 'header', ''
        if c == '08':
            e = rows['080'][0]
    else:
        p = c[:-1]
        while p not in rows and len(p) > 2:
            p = p[:-1]
        e, mo, cx = rows[p][:3] if p in rows else (headers[p], '-', '-')
        o, d = f'parent:{p}', ''
    out.append('\t'.join([c, e, mo, cx, o, d]))
print('\n'.join(out))
extra = sorted(set(rows) - set(cameo))
if extra:
    print('crosswalk codes not in cameo.tsv (kept out): ' + ', '.join(extra), file=sys.stderr)
