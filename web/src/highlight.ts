// The evidence sentence with its highlighted spans as properly nested marks. Spans count
// UTF-16 code units (JavaScript string indices). Overlapping spans never break the markup:
// a span inside another nests in it, and a span that crosses another's end is cut in pieces.

import type { Highlight, HighlightKind } from "./types";

export type HlNode = string | { kind: HighlightKind; children: HlNode[] };

const KIND_ORDER: HighlightKind[] = ["attribution", "source", "target", "place", "time", "trigger"];

export function highlightTree(text: string, spans: readonly Highlight[]): HlNode[] {
  const len = text.length;
  const valid = spans
    .map((h) => ({ kind: h.kind, start: Math.max(0, Math.min(len, Math.trunc(h.start))), end: Math.max(0, Math.min(len, Math.trunc(h.end))) }))
    .filter((h) => h.start < h.end && Number.isFinite(h.start) && Number.isFinite(h.end))
    // outer first: earlier start, then longer, then a fixed kind order
    .sort((a, b) => a.start - b.start || b.end - a.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));

  const cuts = new Set<number>([0, len]);
  for (const h of valid) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);

  const root: HlNode[] = [];
  const stack: { span: (typeof valid)[number]; children: HlNode[] }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    const covering = valid.filter((h) => h.start <= a && h.end >= b);
    let common = 0;
    while (common < stack.length && common < covering.length && stack[common]!.span === covering[common]) common++;
    stack.length = common;
    for (const span of covering.slice(common)) {
      const node = { kind: span.kind, children: [] as HlNode[] };
      (stack.length ? stack[stack.length - 1]!.children : root).push(node);
      stack.push({ span, children: node.children });
    }
    (stack.length ? stack[stack.length - 1]!.children : root).push(text.slice(a, b));
  }
  return root;
}

export const KIND_LABEL: Record<HighlightKind, string> = {
  trigger: "trigger",
  source: "source",
  target: "target",
  place: "place",
  time: "time",
  attribution: "attribution",
};

/** The tree as DOM: `<mark class="hl hl-trigger" data-kind="trigger">`. */
export function renderHighlights(text: string, spans: readonly Highlight[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const build = (nodes: HlNode[], parent: Node): void => {
    for (const n of nodes) {
      if (typeof n === "string") {
        parent.appendChild(document.createTextNode(n));
      } else {
        const mark = document.createElement("mark");
        mark.className = `hl hl-${n.kind}`;
        mark.dataset["kind"] = n.kind;
        mark.title = KIND_LABEL[n.kind];
        build(n.children, mark);
        parent.appendChild(mark);
      }
    }
  };
  build(highlightTree(text, spans), frag);
  return frag;
}

/** UTF-16 index of a UTF-8 byte offset into `text`. */
export function utf16FromBytes(text: string, byteOffset: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byteOffset) return i;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return text.length;
}

/** UTF-16 index of a code point offset into `text` (what Python and the store count). */
export function utf16FromCodePoints(text: string, offset: number): number {
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    if (points >= offset) return i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    points++;
  }
  return text.length;
}

/**
 * Where an event's sentence is in its report's text, as UTF-16 indices. The stored offsets
 * count code points (the store's CharIndex); bytes are tried too, and the evidence itself is
 * the judge: when neither reading gives it back, the nearest copy of it in the text is taken.
 */
export function sentenceRange(text: string, offsets: readonly [number, number], evidence: string | null): [number, number] {
  const readings: [number, number][] = [
    [utf16FromCodePoints(text, offsets[0]), utf16FromCodePoints(text, offsets[1])],
    [utf16FromBytes(text, offsets[0]), utf16FromBytes(text, offsets[1])],
  ];
  if (!evidence) return readings[0]!;
  for (const r of readings) if (text.slice(r[0], r[1]) === evidence) return r;
  let best: number | null = null;
  for (let at = text.indexOf(evidence); at >= 0; at = text.indexOf(evidence, at + 1)) {
    if (best === null || Math.abs(at - readings[0]![0]) < Math.abs(best - readings[0]![0])) best = at;
  }
  return best === null ? readings[0]! : [best, best + evidence.length];
}
