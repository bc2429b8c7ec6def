import assert from "node:assert/strict";
import { test } from "node:test";

import { clusterPoints } from "../../src/cluster.ts";
import { actorLabel, attributionLine } from "../../src/format.ts";
import { dayNumber, dayString } from "../../src/timeline.ts";

test("near points cluster, far ones do not, and none is lost", () => {
  const pts = [
    { x: 0, y: 0, item: 1 },
    { x: 5, y: 5, item: 2 },
    { x: 100, y: 100, item: 3 },
    { x: 10, y: 0, item: 4 },
    { x: 300, y: 0, item: 5 },
  ];
  const clusters = clusterPoints(pts, 20);
  assert.equal(clusters.length, 3);
  assert.deepEqual(clusters[0]!.members.map((m) => m.item), [1, 2, 4]);
  assert.equal(clusters.reduce((n, c) => n + c.members.length, 0), pts.length);
});

test("who says so", () => {
  assert.equal(attributionLine({ stance: "claimed", attribution_text: "Russia's military" }), "claimed by Russia's military");
  assert.equal(attributionLine({ stance: null, attribution_text: null }), "reported by the reporter");
  assert.equal(attributionLine({ stance: "none", attribution_text: null }), "reported by the reporter");
  assert.equal(attributionLine({ stance: "denied", attribution_text: null }), "denied by an unnamed source");
});

test("actors say when a side was inferred, not named", () => {
  assert.equal(actorLabel("Russian troops", "RUSMIL"), "Russian troops (RUSMIL)");
  assert.equal(actorLabel(null, "UKR", true), "UKR, inferred");
  assert.equal(actorLabel(null, null), "—");
});

test("days count from the epoch and back", () => {
  assert.equal(dayString(dayNumber("2024-02-29")), "2024-02-29");
  assert.equal(dayNumber("2024-03-01") - dayNumber("2024-02-28"), 2);
});
