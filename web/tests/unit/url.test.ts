import assert from "node:assert/strict";
import { test } from "node:test";

import { emptyState, filterParams, parseState, serializeState } from "../../src/state/url.ts";

test("a view survives the URL", () => {
  const state = emptyState();
  state.filters.actor = "RUSMIL";
  state.filters.text = '"grain warehouse" OR port';
  state.filters.plover = "ASSAULT";
  state.from = "2024-05-02";
  state.to = "2024-05-06";
  state.event = 17;
  state.report = "wire/0001 a&b";
  state.map = { lon: 30.5234, lat: 50.45, zoom: 12.5 };
  const search = serializeState(state);
  assert.deepEqual(parseState(search), state);
});

test("the default view is an empty query", () => {
  assert.equal(serializeState(emptyState()), "");
  assert.deepEqual(parseState(""), emptyState());
});

test("what does not parse is dropped", () => {
  const s = parseState("?from=yesterday&to=2024-13&event=-3&map=1,2&stance=claimed");
  assert.equal(s.from, "");
  assert.equal(s.to, "");
  assert.equal(s.event, null);
  assert.equal(s.map, null);
  assert.equal(s.filters.stance, "claimed");
});

test("the timeline asks without dates", () => {
  const state = emptyState();
  state.filters.country = "UA";
  state.from = "2024-05-01";
  assert.equal(filterParams(state).toString(), "country=UA&from=2024-05-01");
  assert.equal(filterParams(state, false).toString(), "country=UA");
});
