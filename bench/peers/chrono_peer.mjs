// chrono-node on the TimeML texts: reads {file, dct, text} JSON Lines (from
// `eval_time --dump-texts`) and writes predictions JSON Lines for sitrep's scorer.
// Usage: node chrono_peer.mjs texts.jsonl > chrono.jsonl
import fs from "node:fs";
import readline from "node:readline";
import * as chrono from "chrono-node";

const pad = (n, w = 2) => String(n).padStart(w, "0");

// chrono gives UTF-16 indices; the scorer counts code points.
function codePoints(text, utf16) {
  return Array.from(text.slice(0, utf16)).length;
}

function value(c) {
  const y = c.get("year"), m = c.get("month"), d = c.get("day");
  if (c.isCertain("hour")) {
    return ["TIME", `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(c.get("hour"))}:${pad(c.get("minute") ?? 0)}`];
  }
  if (c.isCertain("day") || c.isCertain("weekday")) return ["DATE", `${pad(y, 4)}-${pad(m)}-${pad(d)}`];
  if (c.isCertain("month")) return ["DATE", `${pad(y, 4)}-${pad(m)}`];
  if (c.isCertain("year")) return ["DATE", `${pad(y, 4)}`];
  return ["DATE", `${pad(y, 4)}-${pad(m)}-${pad(d)}`];
}

const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]) });
const started = process.hrtime.bigint();
let bytes = 0;
for await (const line of rl) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  bytes += Buffer.byteLength(doc.text);
  const ref = doc.dct ? new Date(`${doc.dct}T12:00:00`) : new Date();
  const times = [];
  for (const r of chrono.parse(doc.text, ref)) {
    const start = codePoints(doc.text, r.index);
    const end = start + Array.from(r.text).length;
    const [type, v] = value(r.start);
    times.push({ span: [start, end], type, value: v, text: r.text });
  }
  process.stdout.write(JSON.stringify({ file: doc.file, times }) + "\n");
}
const secs = Number(process.hrtime.bigint() - started) / 1e9;
process.stderr.write(`chrono-node: ${(bytes / 1e6).toFixed(2)} MB in ${secs.toFixed(2)} s = ${(bytes / 1e6 / secs).toFixed(3)} MB/s\n`);
