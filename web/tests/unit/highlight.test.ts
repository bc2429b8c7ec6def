import assert from "node:assert/strict";
import { test } from "node:test";

import { highlightTree, sentenceRange, utf16FromBytes, utf16FromCodePoints, type HlNode } from "../../src/highlight.ts";
import type { Highlight } from "../../src/types.ts";

/** The tree as bracketed text: [kind:...]. */
function show(nodes: HlNode[]): string {
  return nodes.map((n) => (typeof n === "string" ? n : `[${n.kind}:${show(n.children)}]`)).join("");
}

const text = "Russia's military said it had seized a strategic airport outside Kyiv.";

test("plain spans become marks in order", () => {
  const spans: Highlight[] = [
    { kind: "trigger", start: 30, end: 36 },
    { kind: "source", start: 0, end: 17 },
  ];
  assert.equal(show(highlightTree(text, spans)), "[source:Russia's military] said it had [trigger:seized] a strategic airport outside Kyiv.");
});

test("a span inside another nests", () => {
  const spans: Highlight[] = [
    { kind: "attribution", start: 0, end: 17 },
    { kind: "source", start: 0, end: 6 },
    { kind: "place", start: 65, end: 69 },
    { kind: "target", start: 39, end: 69 },
  ];
  assert.equal(show(highlightTree(text, spans)), "[attribution:[source:Russia]'s military] said it had seized a [target:strategic airport outside [place:Kyiv]].");
});

test("crossing spans are cut, never broken", () => {
  const spans: Highlight[] = [
    { kind: "source", start: 0, end: 10 },
    { kind: "target", start: 5, end: 15 },
  ];
  const out = show(highlightTree("abcdefghijklmnop", spans));
  assert.equal(out, "[source:abcde[target:fghij]][target:klmno]p");
});

test("the text is kept whole, bad spans dropped", () => {
  const spans: Highlight[] = [
    { kind: "time", start: 5, end: 5 },
    { kind: "place", start: 60, end: 999 },
    { kind: "trigger", start: -4, end: 2 },
  ];
  const tree = highlightTree(text, spans);
  const flat = (nodes: HlNode[]): string => nodes.map((n) => (typeof n === "string" ? n : flat(n.children))).join("");
  assert.equal(flat(tree), text);
  assert.equal(show(tree).startsWith("[trigger:Ru]"), true);
  assert.equal(show(tree).endsWith("[place:side Kyiv.]"), true);
});

test("identical spans nest in a fixed order", () => {
  const spans: Highlight[] = [
    { kind: "trigger", start: 0, end: 4 },
    { kind: "place", start: 0, end: 4 },
  ];
  assert.equal(show(highlightTree("Kyiv", spans)), "[place:[trigger:Kyiv]]");
});

test("UTF-8 byte offsets become UTF-16 indices", () => {
  const s = "Zürich — 😀 ok";
  assert.equal(utf16FromBytes(s, 0), 0);
  assert.equal(utf16FromBytes(s, 1), 1);
  assert.equal(utf16FromBytes(s, 3), 2); // after ü (2 bytes)
  const bytes = new TextEncoder().encode(s);
  assert.equal(s.slice(utf16FromBytes(s, bytes.length - 2)), "ok");
  assert.equal(utf16FromBytes(s, bytes.length), s.length);
});

test("code point offsets become UTF-16 indices", () => {
  const s = "Zürich — 😀 ok";
  const points = [...s].length;
  assert.equal(utf16FromCodePoints(s, 2), 2);
  assert.equal(s.slice(utf16FromCodePoints(s, points - 2)), "ok");
  assert.equal(utf16FromCodePoints(s, points), s.length);
});

test("a sentence is found whichever way its offsets count", () => {
  const text = "ODESA — Drones struck the port. 😀 Moscow denied it.";
  const evidence = "Moscow denied it.";
  const cp = [...text.slice(0, text.indexOf(evidence))].length;
  const bytes = new TextEncoder().encode(text.slice(0, text.indexOf(evidence))).length;
  const want = [text.indexOf(evidence), text.length];
  assert.deepEqual(sentenceRange(text, [cp, cp + evidence.length], evidence), want);
  assert.deepEqual(sentenceRange(text, [bytes, bytes + evidence.length], evidence), want);
  assert.deepEqual(sentenceRange(text, [0, 5], evidence), want);
});
