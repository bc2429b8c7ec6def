// Builds the page into dist/: index.html, app.css, app.js (the TypeScript, bundled with its
// libraries) and countries.json (Natural Earth 1:50m country outlines from world-atlas, on a
// coarser grid). The same sources always give the same bytes: the server embeds dist/.
//
//   node build.mjs          build dist/
//   node build.mjs --unit   bundle tests/unit/*.test.ts into a temporary folder and run them

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoArea } from "d3-geo";
import { build } from "esbuild";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");

/** Douglas–Peucker tolerance in degrees: about 2 km, below what 1:50m draws. */
const TOLERANCE = 0.02;
/** Grid steps of world-atlas merged into one: 4 × 0.0036° ≈ 1.6 km. */
const COARSEN = 4;

/**
 * Douglas–Peucker on one arc (absolute points in degrees); keeps both ends, so arcs shared
 * by two countries stay shared and the outlines keep their topology.
 * @param {number[][]} pts
 * @returns {number[][]}
 */
function simplify(pts) {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  /** @type {[number, number][]} */
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = /** @type {[number, number]} */ (stack.pop());
    const [ax, ay] = /** @type {number[]} */ (pts[a]);
    const [bx, by] = /** @type {number[]} */ (pts[b]);
    const dx = (bx ?? 0) - (ax ?? 0);
    const dy = (by ?? 0) - (ay ?? 0);
    const len = Math.hypot(dx, dy);
    let far = -1;
    let dist = TOLERANCE;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = /** @type {number[]} */ (pts[i]);
      const d = len === 0 ? Math.hypot((px ?? 0) - (ax ?? 0), (py ?? 0) - (ay ?? 0)) : Math.abs(dy * ((px ?? 0) - (ax ?? 0)) - dx * ((py ?? 0) - (ay ?? 0))) / len;
      if (d > dist) {
        dist = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/**
 * The TopoJSON with its arcs simplified and on a grid COARSEN times coarser (repeated points
 * dropped), only the countries object and no properties.
 * @param {any} topology
 */
function coarsen(topology) {
  const { scale, translate } = topology.transform;
  const arcs = topology.arcs.map((/** @type {number[][]} */ arc) => {
    let x = 0;
    let y = 0;
    /** @type {number[][]} */
    const degrees = [];
    for (const [dx, dy] of arc) {
      x += dx ?? 0;
      y += dy ?? 0;
      degrees.push([x * scale[0], y * scale[1]]);
    }
    /** @type {number[][]} */
    const out = [];
    let px = 0;
    let py = 0;
    for (const [dx, dy] of simplify(degrees)) {
      const qx = Math.round((dx ?? 0) / scale[0] / COARSEN);
      const qy = Math.round((dy ?? 0) / scale[1] / COARSEN);
      if (out.length && qx === px && qy === py) continue;
      out.push([qx - px, qy - py]);
      px = qx;
      py = qy;
    }
    if (out.length < 2) out.push([0, 0]);
    return out;
  });
  // A tiny island can collapse or turn inside out on the coarser grid, and an inside-out ring
  // fills the whole sphere: drop such rings (an outer ring takes its polygon with it).
  const coarse = { transform: { scale: [scale[0] * COARSEN, scale[1] * COARSEN] }, arcs };
  /** @param {number[]} ring @param {any} topo */
  const area = (ring, topo) => shoelace(ringPoints(ring, topo));
  /** @param {number[]} ring */
  const keep = (ring) => {
    const before = area(ring, topology);
    const after = area(ring, coarse);
    return Math.sign(before) === Math.sign(after) && Math.abs(after) >= Math.abs(before) * 0.5;
  };
  /** @param {number[][]} rings */
  const polygon = (rings) => (rings[0] && keep(rings[0]) ? [rings[0], ...rings.slice(1).filter(keep)] : null);
  const countries = topology.objects.countries;
  const geometries = countries.geometries.map((/** @type {any} */ g) => {
    /** @type {any} */
    let out = { type: g.type, arcs: g.arcs };
    if (g.type === "Polygon") {
      const p = polygon(g.arcs);
      out = p ? { type: "Polygon", arcs: p } : { type: null };
    } else if (g.type === "MultiPolygon") {
      const ps = g.arcs.map(polygon).filter(Boolean);
      out = ps.length ? { type: "MultiPolygon", arcs: ps } : { type: null };
    }
    return g.id ? { ...out, id: g.id } : out;
  });
  return {
    type: "Topology",
    transform: { scale: coarse.transform.scale, translate },
    objects: { countries: { type: countries.type, geometries } },
    arcs,
  };
}

/**
 * The points of a ring (arc indices; ~i is arc i reversed), relative to the translate.
 * @param {number[]} ring
 * @param {{ transform: { scale: number[] }, arcs: number[][][] }} topo
 */
function ringPoints(ring, topo) {
  /** @type {number[][]} */
  const points = [];
  for (const index of ring) {
    const arc = topo.arcs[index < 0 ? ~index : index] ?? [];
    let x = 0;
    let y = 0;
    /** @type {number[][]} */
    const pts = arc.map(([dx, dy]) => [(x += dx ?? 0) * (topo.transform.scale[0] ?? 1), (y += dy ?? 0) * (topo.transform.scale[1] ?? 1)]);
    if (index < 0) pts.reverse();
    points.push(...pts);
  }
  return points;
}

/** @param {number[][]} pts */
function shoelace(pts) {
  let a = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [x0, y0] = /** @type {number[]} */ (pts[i]);
    const [x1, y1] = /** @type {number[]} */ (pts[i + 1]);
    a += (x0 ?? 0) * (y1 ?? 0) - (x1 ?? 0) * (y0 ?? 0);
  }
  return a / 2;
}

async function buildPage() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(here, "src/main.ts")],
    outfile: join(dist, "app.js"),
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "eof",
    charset: "utf8",
    logLevel: "warning",
  });
  await build({
    entryPoints: [join(here, "src/app.css")],
    outfile: join(dist, "app.css"),
    bundle: true,
    minify: true,
    charset: "utf8",
    logLevel: "warning",
  });
  writeFileSync(join(dist, "index.html"), readFileSync(join(here, "src/index.html")));
  const atlas = JSON.parse(readFileSync(join(here, "node_modules/world-atlas/countries-50m.json"), "utf8"));
  const outlines = coarsen(atlas);
  // an inside-out ring would paint the sea as land: none may cover half the sphere
  /** @type {import("geojson").FeatureCollection} */
  const all = /** @type {any} */ (feature(/** @type {any} */ (outlines), /** @type {any} */ (outlines.objects.countries)));
  for (const f of all.features) {
    if (geoArea(f) > 2 * Math.PI) throw new Error(`countries.json: country ${f.id} is inside out`);
  }
  writeFileSync(join(dist, "countries.json"), JSON.stringify(outlines));
  let total = 0;
  for (const name of readdirSync(dist).sort()) {
    const size = readFileSync(join(dist, name)).length;
    total += size;
    console.log(`dist/${name.padEnd(16)} ${(size / 1024).toFixed(1).padStart(7)} KiB`);
  }
  console.log(`dist/ total           ${(total / 1024).toFixed(1).padStart(7)} KiB`);
}

async function unitTests() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-web-unit-"));
  try {
    const tests = readdirSync(join(here, "tests/unit")).filter((f) => f.endsWith(".test.ts")).sort();
    await build({
      entryPoints: tests.map((f) => join(here, "tests/unit", f)),
      outdir: dir,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node18",
      packages: "external",
      logLevel: "warning",
    });
    const files = readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort().map((f) => join(dir, f));
    execFileSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--unit")) await unitTests();
else await buildPage();
