#!/usr/bin/env python3
"""Wrap JSON Lines reports in news-site HTML and write them as a CC-NEWS-style WARC.gz,
to measure what reading HTML costs beside the pipeline (docs/scale.md).

    python3 deploy/make_bench_warc.py bench/corpus/first-20MB.jsonl bench/corpus/first-20MB.warc.gz

Each report becomes a `request` and a `response` record (one gzip member each, as in
CC-NEWS); the page carries the report's text in <article> paragraphs and synthetic
boilerplate around it: head metadata, inline CSS and scripts, JSON-LD, navigation,
a "most read" list, footer links, a cookie banner. --page-kb sets the size the
boilerplate brings each page to (default 90 KB of HTML, an assumption: see docs/scale.md).
The output stays outside git (bench/corpus/ is ignored): it holds the corpus's text.
"""

import argparse
import gzip
import html
import json
import random


def boilerplate(rng: random.Random, target: int) -> tuple:
    words = ("world politics business markets climate sport culture science health opinion video "
             "podcasts newsletters live europe asia africa americas middle-east tech travel").split()
    nav = "".join(f'<li class="nav__item"><a class="nav__link" href="/{w}/{i}">{w.title()} {i}</a></li>'
                  for i, w in enumerate(words * 4))
    css = "".join(f".c{i}{{margin:{i % 7}px {i % 5}px;padding:{i % 3}px;color:#{rng.randrange(16**6):06x};"
                  f"font:{12 + i % 6}px/1.4 Georgia,serif}}" for i in range(160))
    js = ";".join(f"window.__cfg{i}={{id:{rng.randrange(10**9)},slot:'ad-{i}',sizes:[[300,250],[728,90]],"
                  f"targeting:{{section:'{words[i % len(words)]}',pos:{i}}}}}" for i in range(120))
    footer = "".join(f'<li><a href="/about/{i}" rel="nofollow">Link {i} about us</a></li>' for i in range(90))
    most_read = "".join(f'<li><a href="/story/{rng.randrange(10**8)}"><img src="/img/{i}.jpg" alt="">'
                        f"<span>Most read story number {i} of the day in {words[i % len(words)]}</span></a></li>"
                        for i in range(20))
    head = (f"<style>{css}</style><script>{js}</script>"
            '<link rel="stylesheet" href="/static/site.css"><link rel="preload" href="/static/font.woff2" as="font">')
    top = f'<header class="site-header"><nav><ul class="nav">{nav}</ul></nav></header>'
    bottom = (f'<aside class="most-read"><h2>Most read</h2><ol>{most_read}</ol></aside>'
              '<form class="newsletter"><label>Sign up for our newsletter<input type="email"></label><button>Subscribe</button></form>'
              f'<footer><ul>{footer}</ul><p>&copy; Example News Ltd</p></footer>'
              f"<script>/* consent */{js[: max(0, target // 8)]}</script>")
    # Fill up to the target with "related stories" cards: nested elements, as real pages
    # have (a news page holds a few thousand elements), not one cheap text node.
    cards, i = [], 0
    room = target - len(head) - len(top) - len(bottom)
    while room > 0:
        card = (f'<div class="card card--{i % 4}"><a class="card__link" href="/story/{rng.randrange(10**9)}">'
                f'<figure class="card__media"><img src="/img/r{i}.jpg" alt="" loading="lazy" width="300" height="200"></figure>'
                f'<div class="card__body"><span class="card__kicker">{words[i % len(words)].title()}</span>'
                f'<h3 class="card__title">Related story {i} about {words[(i * 7) % len(words)]}</h3>'
                f'<time class="card__time">{1 + i % 23} hours ago</time></div></a></div>')
        cards.append(card)
        room -= len(card)
        i += 1
    bottom = f'<section class="related">{"".join(cards)}</section>' + bottom
    return head, top, bottom


def page(r: dict, parts: tuple) -> bytes:
    head, top, bottom = parts
    title = html.escape(r.get("title") or r["text"][:80])
    date = r.get("date") or "2016-10-01"
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in r["text"].split("\n") if p.strip())
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": date})
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Example News</title>'
            f'<meta property="article:published_time" content="{date}"><meta name="description" content="{title}">'
            f'<script type="application/ld+json">{ld}</script>{head}</head><body>{top}'
            f'<main><article><h1>{title}</h1><p class="byline">By Staff</p>{paragraphs}</article></main>{bottom}'
            "</body></html>").encode()


def record(kind: str, uri: str, block: bytes) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2016-10-01T00:00:00Z\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("jsonl")
    ap.add_argument("warc")
    ap.add_argument("--page-kb", type=int, default=90, help="HTML bytes per page, boilerplate included (default 90)")
    args = ap.parse_args()
    rng = random.Random(10)
    parts = boilerplate(rng, args.page_kb * 1000)
    pages = html_bytes = text_bytes = 0
    with open(args.jsonl, encoding="utf-8") as src, open(args.warc, "wb") as out:
        for i, line in enumerate(src):
            r = json.loads(line)
            uri = f"https://news.example.org/{r.get('id', i)}"
            out.write(gzip.compress(record("request", uri, f"GET /{i} HTTP/1.1\r\nHost: news.example.org\r\n\r\n".encode()), 6, mtime=0))
            body = page(r, parts)
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            out.write(gzip.compress(record("response", uri, http), 6, mtime=0))
            pages += 1
            html_bytes += len(body)
            text_bytes += len(r["text"].encode())
    print(f"{args.warc}: {pages} pages, {html_bytes / 1e6:.1f} MB of HTML ({html_bytes / max(pages, 1) / 1e3:.1f} KB a page), "
          f"{text_bytes / 1e6:.1f} MB of report text")


if __name__ == "__main__":
    main()
