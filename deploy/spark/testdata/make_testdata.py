#!/usr/bin/env python3
"""Make reports.warc.gz from reports.jsonl: the same invented reports as a CC-NEWS-style
WARC (one gzip member per record), with one corrupt record in the middle.

    python3 deploy/spark/testdata/make_testdata.py          # rewrites reports.warc.gz

The archive holds a `warcinfo` record, then for each report a `request` record and a
`response` record whose HTTP payload is an HTML article page (title, published time,
canonical URL). The response of report CORRUPT_ID has bytes of its gzip member's deflate
data overwritten, so a reader must report it and go on with the next member. Output is
byte-for-byte reproducible (fixed gzip mtime, record ids derived from report ids).

The reports in reports.jsonl were written for these tests: the events are invented; the
places are real so that every stage has something to resolve.
"""

import gzip
import html
import json
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
CORRUPT_ID = "demo-0016"


def member(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def record(headers: list, block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'sitrep-testdata/' + name)}>"


def page(r: dict) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in r["text"].split("\n\n"))
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(r['title'])} | Example Wire</title>"
        f"<meta property=\"article:published_time\" content=\"{r['date']}\">"
        f"<link rel=\"canonical\" href=\"{r['url']}\"></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        f"<article><h1>{html.escape(r['title'])}</h1>{paragraphs}</article>"
        "<footer>Example Wire, an invented news service for tests.</footer></body></html>"
    ).encode()


def corrupt(gz: bytes) -> bytes:
    # Overwrite 16 bytes in the middle of the deflate data (after the 10-byte header,
    # before the 8-byte trailer).
    mid = 10 + (len(gz) - 18) // 2
    return gz[:mid] + bytes(0x55 ^ b for b in gz[mid:mid + 16]) + gz[mid + 16:]


def main() -> None:
    reports = [json.loads(line) for line in open(os.path.join(HERE, "reports.jsonl"), encoding="utf-8")]
    out = bytearray()
    info = b"software: sitrep deploy/spark/testdata/make_testdata.py\r\nformat: WARC File Format 1.0\r\n"
    out += member(record([("WARC-Type", "warcinfo"), ("WARC-Date", "2024-05-11T00:00:00Z"),
                          ("WARC-Record-ID", record_id("warcinfo")), ("Content-Type", "application/warc-fields")], info))
    for r in reports:
        day = r["date"][:10]
        crawl = f"{day}T23:00:00Z"
        host = r["url"].split("/")[2]
        path = "/" + r["url"].split("/", 3)[3]
        request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sitrep-test\r\n\r\n".encode()
        out += member(record([("WARC-Type", "request"), ("WARC-Date", crawl), ("WARC-Record-ID", record_id(r["id"] + "/request")),
                              ("WARC-Target-URI", r["url"]), ("Content-Type", "application/http; msgtype=request")], request))
        body = page(r)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + f"Content-Length: {len(body)}\r\n\r\n".encode() + body
        gz = member(record([("WARC-Type", "response"), ("WARC-Date", crawl), ("WARC-Record-ID", record_id(r["id"] + "/response")),
                            ("WARC-Target-URI", r["url"]), ("Content-Type", "application/http; msgtype=response")], http))
        out += corrupt(gz) if r["id"] == CORRUPT_ID else gz
    with open(os.path.join(HERE, "reports.warc.gz"), "wb") as f:
        f.write(out)
    print(f"reports.warc.gz: {len(reports)} responses ({CORRUPT_ID} corrupt), {len(out)} bytes")


if __name__ == "__main__":
    main()
