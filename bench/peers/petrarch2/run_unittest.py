# -*- coding: utf-8 -*-
"""Score PETRARCH2 per category on the PETRARCH unit-test records, the way sitrep scores
itself (crates/sitrep-events/src/petrarch.rs, petrarch/records.rs).

Python 2.7 (PETRARCH2 is Python-2 only). Usage:

    python run_unittest.py [--petrarch2 DIR] [--config INI] [--records XML] [--data DIR]
                           [--json OUT] [-v]

--petrarch2 DIR  the directory holding PETRARCH2's modules (petrarch2.py, PETRtree.py,
                 PETRreader.py, PETRglobals.py, utilities.py); default $PETRARCH2_SRC.
--config INI     PETRARCH2 config naming the dictionaries (default: PETR_config.unittest.ini
                 beside this script).
--records XML    the records (default: the config's textfile_list).
--data DIR       re-point the four dictionaries (and the records) at DIR.
--json OUT       also write the per-record results as JSON.
-v               list every failed record (expected vs produced).

Each record's <Text> and <Parse> go through PETRARCH2's own do_coding() (the routine its
batch mode and its own tests call): the parse is formatted by utilities._format_parsed_str()
exactly as PETRreader.read_xml_input() does, the sentence is checked against the discard
list, and PETRtree.Sentence(...).get_events() codes it. A record whose coding raises an
exception counts as producing no event (the exception is tallied and listed).

Scoring (identical to sitrep's): an expected event (source, target, code) is found exactly
when a produced event has the same code and both actor codes, by root when the first two
characters of the code agree; a record passes when every expected event is found (extra
events do not fail it); a record expecting no event (`noevents` or `error` codings, or no
coding) passes when nothing is produced. Records with sentence="false" or evaluate="false"
are skipped (sitrep skips them too); --all-records scores them as well.
"""
from __future__ import print_function

import argparse
import io
import json
import os
import re
import sys
import traceback
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- records (port of records.rs)

def attributes(tag):
    """Attributes of a tag's inside, as sitrep's records.rs reads them: names of
    [A-Za-z0-9_-], optional spaces around '=', double- or single-quoted or bare values."""
    out = []
    i, n = 0, len(tag)
    isname = lambda c: c.isalnum() or c in '_-'
    while i < n:
        while i < n and not (tag[i].isalnum() or tag[i] == '_'):
            i += 1
        s = i
        while i < n and isname(tag[i]):
            i += 1
        name = tag[s:i]
        while i < n and tag[i].isspace():
            i += 1
        if i >= n or tag[i] != '=':
            continue
        i += 1
        while i < n and tag[i].isspace():
            i += 1
        if i >= n:
            break
        q = tag[i]
        if q in '"\'':
            s = i + 1
            e = tag.find(q, s)
            e = n if e < 0 else e
            out.append((name.lower(), tag[s:e]))
            i = e + 1
        else:
            s = i
            while i < n and not tag[i].isspace() and tag[i] not in '/>':
                i += 1
            out.append((name.lower(), tag[s:i]))
    return out


def attr(a, k):
    for n, v in a:
        if n == k:
            return v
    return None


def actor_code(v):
    """Empty, `---`, or a quoted null-coded phrase ('"INJURY TOLL"') all mean no coded actor."""
    v = (v or '').strip()
    if not v or v.startswith('"') or not all(c.isalnum() or c == '-' for c in v):
        return '---'
    return v.upper()


def strip_comments(text):
    out = []
    rest = text
    while True:
        a = rest.find('<!--')
        if a < 0:
            break
        out.append(rest[:a])
        b = rest.find('-->', a)
        rest = '' if b < 0 else rest[b + 3:]
    out.append(rest)
    return ''.join(out)


def parse_records(text):
    text = strip_comments(text)
    starts = [m.start() for m in re.finditer(r'<Sentence ', text)]
    recs = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        body = text[s:end]
        te = body.find('>')
        if te < 0:
            continue
        a = attributes(body[10:te])
        yes = lambda v: v is None or v.lower() != 'false'
        r = {
            'id': attr(a, 'id') or '',
            'category': (attr(a, 'category') or '').strip(),
            'date': attr(a, 'date') or '',
            'evaluate': yes(attr(a, 'evaluate')) and yes(attr(a, 'sentence')),
            'expected': [], 'no_events': False, 'error': False, 'text': '', 'parse': '',
        }
        body = body[te + 1:].split('</Sentence>')[0]
        for m in re.finditer(r'<EventCoding', body):
            i = m.start()
            e = body.find('>', i)
            if e < 0:
                continue
            ea = attributes(body[i + 12:e])
            if attr(ea, 'noevents') is not None:
                r['no_events'] = True
            elif attr(ea, 'error') is not None:
                r['error'] = True
            elif attr(ea, 'eventcode') is not None:
                r['expected'].append((actor_code(attr(ea, 'sourcecode')), actor_code(attr(ea, 'targetcode')),
                                      attr(ea, 'eventcode').strip().upper()))
        t = body.find('<Text>')
        if t >= 0:
            r['text'] = ' '.join(body[t + 6:].split('</Text>')[0].split())
        p = body.find('<Parse>')
        if p >= 0:
            r['parse'] = body[p + 7:].split('</Parse>')[0]
        recs.append(r)
    return recs


# ---------------------------------------------------------------- PETRARCH2

def load_petrarch2(src, config, data):
    sys.path.insert(0, src)
    import petrarch2, PETRglobals, PETRreader, utilities  # noqa: E401  (PETRARCH2's own modules)
    with Quiet():
        PETRreader.parse_Config(config)
    if data:
        rep = lambda p: os.path.join(data, os.path.basename(p))
        PETRglobals.VerbFileName = rep(PETRglobals.VerbFileName)
        PETRglobals.ActorFileList = [rep(p) for p in PETRglobals.ActorFileList]
        PETRglobals.AgentFileName = rep(PETRglobals.AgentFileName)
        PETRglobals.DiscardFileName = rep(PETRglobals.DiscardFileName)
        PETRglobals.TextFileList = [rep(p) for p in PETRglobals.TextFileList]
    with Quiet():
        petrarch2.read_dictionaries()
    return petrarch2, PETRglobals, PETRreader, utilities


class Quiet(object):
    """PETRARCH2 prints a great deal to stdout; keep it out of the report."""
    def __enter__(self):
        self.saved = sys.stdout
        self.parts = []
        sys.stdout = self
        return self

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass

    def __exit__(self, *a):
        sys.stdout = self.saved
        return False


def code_record(p2, utilities, rec):
    """Run PETRARCH2's do_coding() on one record; (events, error-or-None)."""
    parsed = utilities._format_parsed_str(rec['parse'])
    key = rec['id'] or 'X'
    event_dict = {key: {'sents': {'0': {'content': rec['text'], 'parsed': parsed}},
                        'meta': {'date': rec['date']}}}
    try:
        with Quiet():
            out = p2.do_coding(event_dict, None)
    except Exception as e:  # PETRARCH2 crashed on this record
        return [], '%s: %s' % (type(e).__name__, e)
    sents = out[key]['sents']
    if sents is None:  # story discard
        return [], None
    evs = sents['0'].get('events') or []
    return [(s, t, c) for (s, t, c) in evs], None


# ---------------------------------------------------------------- scoring

def main():
    if sys.version_info[0] == 2 and not isinstance(sys.stdout, Quiet):
        import codecs
        sys.stdout = codecs.getwriter('utf-8')(sys.stdout)
    ap = argparse.ArgumentParser()
    ap.add_argument('--petrarch2', default=os.environ.get('PETRARCH2_SRC', ''))
    ap.add_argument('--config', default=os.path.join(HERE, 'PETR_config.unittest.ini'))
    ap.add_argument('--records', default='')
    ap.add_argument('--data', default='')
    ap.add_argument('--json', default='')
    ap.add_argument('--all-records', action='store_true')
    ap.add_argument('--sitrep', default='', help="petrarch_eval's output for the same records, for a side-by-side table")
    ap.add_argument('--order', choices=['file', 'id'], default='file',
                    help='order to code the records in (PETRARCH2 keeps state between sentences in '
                         'mutable default arguments of match_transform; its batch mode codes stories sorted by id)')
    ap.add_argument('-v', action='store_true')
    args = ap.parse_args()
    if not args.petrarch2 or not os.path.exists(os.path.join(args.petrarch2, 'PETRtree.py')):
        sys.exit('give --petrarch2 DIR (or PETRARCH2_SRC): the directory holding PETRtree.py, petrarch2.py, ...')

    p2, G, R, U = load_petrarch2(os.path.abspath(args.petrarch2), args.config, args.data)
    path = args.records or G.TextFileList[0]
    with io.open(path, 'rb') as f:
        recs = parse_records(f.read().decode('utf-8', 'replace'))

    if args.order == 'id':
        order = sorted(range(len(recs)), key=lambda i: recs[i]['id'])
        results = {}
        for i in order:
            if recs[i]['evaluate'] or args.all_records:
                results[i] = code_record(p2, U, recs[i])
    else:
        results = None

    cats = OrderedDict()
    tot = dict(records=0, exact=0, root=0, no_event=0, no_event_ok=0, crashed=0, crash_pass=0)
    events = [0, 0, 0]
    emitted = 0
    skipped = 0
    failures, crashes, rows = [], [], []
    for k, rec in enumerate(recs):
        if not rec['evaluate'] and not args.all_records:
            skipped += 1
            continue
        ours, err = results[k] if results is not None else code_record(p2, U, rec)
        emitted += len(ours)
        cat = rec['category'] or '(none)'
        c = cats.setdefault(cat, dict(records=0, exact=0, root=0, no_event=0, no_event_ok=0, crashed=0, crash_pass=0))
        for t in (c, tot):
            t['records'] += 1
            if err:
                t['crashed'] += 1
        if err:
            crashes.append('%s [%s] %s' % (rec['id'], cat, err))
        if not rec['expected']:
            ok = not ours
            for t in (c, tot):
                t['no_event'] += 1
                t['no_event_ok'] += ok
            exact = by_root = ok
        else:
            exact = by_root = True
            for (s, tg, code) in rec['expected']:
                events[0] += 1
                same = [o for o in ours if o[0] == s and o[1] == tg]
                e = any(o[2] == code for o in same)
                r = any(o[2][:2] == code[:2] for o in same)
                events[1] += e
                events[2] += r
                exact &= e
                by_root &= r
        for t in (c, tot):
            t['exact'] += exact
            t['root'] += by_root
            t['crash_pass'] += bool(err) and bool(exact)
        rows.append(dict(id=rec['id'], category=cat, expected=rec['expected'], produced=ours,
                         exact=bool(exact), root=bool(by_root), error=err))
        if not exact:
            show = lambda evs: '[' + ', '.join('%s>%s %s' % x for x in evs) + ']'
            failures.append(u'%s [%s] expected %s got %s%s | %s' % (
                rec['id'], cat, show(rec['expected']), show(ours),
                ' (crashed: %s)' % err if err else '', rec['text']))

    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(path)
    print('%-12s %7s %14s %14s %12s %8s' % ('category', 'records', 'exact', 'root', 'no-event ok', 'crashed'))
    for name, t in sorted(cats.items()) + [('ALL', tot)]:
        print('%-12s %7d %5d %6.1f %% %5d %6.1f %% %5d/%-5d %8d' % (
            name, t['records'], t['exact'], pct(t['exact'], t['records']), t['root'],
            pct(t['root'], t['records']), t['no_event_ok'], t['no_event'], t['crashed']))
    print('skipped (evaluate/sentence=false): %d' % skipped)
    if tot['crashed']:
        print('of the passes, %d are records on which PETRARCH2 raised and so produced nothing '
              '(no-event/error records): %s' % (tot['crash_pass'], ', '.join(
                  '%s %d' % (k, t['crash_pass']) for k, t in sorted(cats.items()) if t['crash_pass'])))
    print('expected events: %d, found exactly %d (%.1f %%), by root %d (%.1f %%); emitted %d' % (
        events[0], events[1], pct(events[1], events[0]), events[2], pct(events[2], events[0]), emitted))
    print('rule: a record passes when each expected (source, target, code) is among PETRARCH2\'s '
          '(exact: full code; root: first two characters); no-event records pass when it emits nothing')
    if crashes:
        kinds = OrderedDict()
        for x in crashes:
            k = x.split('] ', 1)[1].split(':')[0]
            kinds[k] = kinds.get(k, 0) + 1
        print('records on which PETRARCH2 raised: %d (%s)' % (len(crashes), ', '.join('%s %d' % kv for kv in kinds.items())))
    if args.sitrep:
        side_by_side(args.sitrep, cats, tot)
    if args.v:
        print()
        for l in failures:
            print('  ' + l)
        if crashes:
            print()
            for l in crashes:
                print('  crash ' + l)
    if args.json:
        with io.open(args.json, 'w', encoding='utf-8') as f:
            f.write(json.dumps(dict(file=path, categories=cats, all=tot, skipped=skipped, events=events,
                                    emitted=emitted, records=rows), indent=1, ensure_ascii=False).decode('utf-8')
                    if sys.version_info[0] == 2 else json.dumps(rows))


def read_sitrep(path):
    """Per-category (records, exact) from petrarch_eval's table for the unit-test file."""
    out, on = OrderedDict(), False
    with io.open(path, encoding='utf-8') as f:
        for line in f:
            if 'PETR.UnitTest.records' in line:
                on = True
                continue
            if on and line.startswith('category'):
                continue
            if on:
                m = re.match(r'^(\S+)\s+(\d+)\s+(\d+)\s+[\d.]+ %', line)
                if not m:
                    break
                out[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return out


def side_by_side(path, cats, tot):
    sit = read_sitrep(path)
    if not sit:
        print('(no unit-test table found in %s)' % path)
        return
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print()
    print('side by side, exact per category (sitrep figures from %s)' % path)
    print('%-12s %7s %16s %16s %10s' % ('category', 'records', 'PETRARCH2', 'sitrep', 'ahead'))
    for name, t in sorted(cats.items()) + [('ALL', tot)]:
        n, e = sit.get(name, (0, 0))
        note = '' if n == t['records'] else '  (sitrep scored %d records)' % n
        a, b = pct(t['exact'], t['records']), pct(e, n)
        ahead = 'sitrep' if b > a else ('PETRARCH2' if a > b else 'tie')
        print('%-12s %7d %4d %6.1f %%   %4d %6.1f %%   %9s%s' % (name, t['records'], t['exact'], a, e, b, ahead, note))


if __name__ == '__main__':
    main()
