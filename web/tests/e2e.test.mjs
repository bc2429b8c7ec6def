// @ts-check
// End-to-end tests of the page in headless Chromium (Debian's), driven by playwright-core,
// against `sitrep serve` on a test database. Started by run-e2e.sh, which sets SITREP_URL.
//
//   SITREP_URL        the server, e.g. http://127.0.0.1:8123/
//   CHROMIUM          the browser (default /usr/bin/chromium)
//   SITREP_SCREENSHOT when set, a 1280×800 screenshot of the page is written there

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const BASE = process.env["SITREP_URL"] ?? "";
const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
const SCREENSHOT = process.env["SITREP_SCREENSHOT"] ?? "";
const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** @type {import("playwright-core").Browser} */
let browser;
/** Every URL any page asked for, and those that were not local (aborted). */
const requests = /** @type {string[]} */ ([]);
const external = /** @type {string[]} */ ([]);
const pageErrors = /** @type {string[]} */ ([]);

/**
 * @typedef {{ id: number, lat: number | null, lon: number | null, event_date: string | null,
 *   plover: string | null, evidence: string | null, story: number | null,
 *   highlights: { kind: string, start: number, end: number }[] | null }} ApiEvent
 */

/** @returns {Promise<ApiEvent[]>} all events, straight from the API */
async function apiEvents(query = "") {
  const r = await fetch(new URL(`api/events?limit=1000${query}`, BASE));
  assert.equal(r.status, 200, `GET api/events${query}`);
  const body = /** @type {{ events: ApiEvent[] }} */ (await r.json());
  return body.events;
}

before(async () => {
  assert.ok(BASE, "set SITREP_URL (run tests/run-e2e.sh)");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-default-apps", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

/**
 * A new page (own context) with every request recorded and anything not local refused.
 * @param {string} url
 */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "data:" || LOCAL.has(u.hostname) || LOCAL.has(`[${u.hostname}]`)) return route.continue();
    external.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("request", (r) => void requests.push(r.url()));
  page.on("pageerror", (e) => void pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  await page.goto(url);
  await idle(page);
  return page;
}

/**
 * Waits until nothing is loading and the list has been drawn.
 * @param {import("playwright-core").Page} page
 */
async function idle(page) {
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-busy="true"]').length === 0 && document.querySelector("#list .rows > li") !== null,
    undefined,
    { timeout: 15000 },
  );
}

/**
 * The ids of every row, pressing "More events" until the list is whole.
 * @param {import("playwright-core").Page} page
 */
async function allRows(page) {
  for (let i = 0; i < 50; i++) {
    const more = page.locator("#list button.more");
    if (!(await more.isVisible())) break;
    await more.click();
    await idle(page);
  }
  return page.$$eval("#list .rows [data-event]", (rows) => rows.map((r) => Number(/** @type {HTMLElement} */ (r).dataset["event"])));
}

/**
 * The markers' event counts added up (a cluster counts its members).
 * @param {import("playwright-core").Page} page
 */
async function markerTotal(page) {
  return page.$$eval("#map g.marker", (gs) => gs.reduce((n, g) => n + Number(/** @type {SVGGElement} */ (g).dataset["count"] ?? 0), 0));
}

/**
 * Drags across the timeline's day bars from the first to the one at `lastIndex`.
 * @param {import("playwright-core").Page} page
 * @param {number} lastIndex
 */
async function brushDays(page, lastIndex) {
  const boxes = await page.$$eval("#timeline .tl-day", (gs) =>
    gs.map((g) => {
      const r = g.getBoundingClientRect();
      return { date: /** @type {SVGGElement} */ (g).dataset["date"] ?? "", x0: r.left, x1: r.right, y: r.bottom - 2 };
    }),
  );
  assert.ok(boxes.length >= 2, "the timeline has at least two days");
  const first = boxes[0];
  const last = boxes[Math.min(lastIndex, boxes.length - 1)];
  assert.ok(first && last);
  await page.mouse.move(first.x0 - 1, first.y);
  await page.mouse.down();
  await page.mouse.move((first.x0 + last.x1) / 2, first.y, { steps: 4 });
  await page.mouse.move(last.x1 + 1, first.y, { steps: 4 });
  await page.mouse.up();
  await page.waitForURL((u) => u.searchParams.has("from") && u.searchParams.has("to"));
  await idle(page);
  return { first: first.date, last: last.date };
}

test("markers appear for the events", async () => {
  const page = await open(BASE);
  await page.waitForSelector("#map path.land", { state: "attached" });
  await page.waitForSelector("#map g.marker");
  const placed = (await apiEvents()).filter((e) => e.lat !== null && e.lon !== null);
  assert.ok(placed.length > 0, "the fixture has events with places");
  assert.equal(await markerTotal(page), placed.length);
  // every colour is a PLOVER type's: the legend names what the map shows
  const legend = await page.$$eval("#map .legend-item", (items) => items.map((i) => /** @type {HTMLElement} */ (i).dataset["plover"]));
  assert.ok(legend.length > 0);
  await page.context().close();
});

test("the brush narrows the list and the map", async () => {
  const page = await open(BASE);
  const before = await allRows(page);
  const markersBefore = await markerTotal(page);
  const days = await page.locator("#timeline .tl-day").count();
  const { first, last } = await brushDays(page, Math.floor(days / 2) - 1);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("from"), first);
  assert.equal(url.searchParams.get("to"), last);
  const afterRows = await allRows(page);
  assert.ok(afterRows.length > 0, "some events are in the brushed days");
  assert.ok(afterRows.length < before.length, `fewer rows: ${afterRows.length} < ${before.length}`);
  const dates = await page.$$eval("#list .row-date", (ds) => ds.map((d) => d.textContent ?? ""));
  for (const d of dates) assert.ok(d >= first && d <= last, `${d} in ${first}..${last}`);
  assert.ok((await markerTotal(page)) <= markersBefore);
  assert.equal(await page.inputValue("input[name=from]"), first);
  // clearing the brush brings every row back
  await page.click("#timeline .tl-clear");
  await idle(page);
  assert.equal(new URL(page.url()).searchParams.has("from"), false);
  assert.equal((await allRows(page)).length, before.length);
  await page.context().close();
});

test("a click on a row shows the evidence with highlights", async () => {
  const page = await open(BASE);
  const events = await apiEvents();
  const marked = new Map(
    events
      .filter((e) => e.evidence && (e.highlights ?? []).some((h) => h.kind === "trigger") && (e.highlights ?? []).some((h) => h.kind === "source"))
      .map((e) => [e.id, e]),
  );
  const rows = await page.$$eval("#list .rows [data-event]", (rs) => rs.map((r) => Number(/** @type {HTMLElement} */ (r).dataset["event"])));
  const id = rows.find((r) => marked.has(r));
  assert.ok(id !== undefined, "a listed event has trigger and source highlights");
  const event = /** @type {ApiEvent} */ (marked.get(id));
  await page.click(`#list [data-event="${id}"]`);
  await page.waitForSelector(`#detail .evidence[data-event="${id}"]`);
  await idle(page);
  assert.equal(new URL(page.url()).searchParams.get("event"), String(id));
  assert.equal(await page.textContent("#detail .evidence"), event.evidence);
  for (const kind of ["trigger", "source"]) {
    const span = (event.highlights ?? []).find((h) => h.kind === kind);
    assert.ok(span);
    const text = await page.$$eval(`#detail .evidence mark.hl-${kind}`, (ms) => ms.map((m) => m.textContent).join(""));
    assert.equal(text, (event.evidence ?? "").slice(span.start, span.end), `${kind} highlight`);
  }
  assert.match((await page.textContent("#detail .attribution")) ?? "", /^(reported|claimed|denied|witnessed) by /);
  assert.ok(await page.isVisible("#detail .badge.fact"));
  assert.ok(await page.isVisible("#detail section.story"));
  assert.equal(await page.locator("#list .row.selected").count(), 1);
  // the report that mentions it, read in the page
  await page.click("#detail .mentions li.current button[data-report]");
  await page.waitForSelector("#detail .report-text mark.sentence.current");
  assert.ok(new URL(page.url()).searchParams.has("report"));
  await page.click("#detail .detail-bar .back");
  await page.waitForSelector(`#detail .evidence[data-event="${id}"]`);
  await page.context().close();
});

test("a shared URL restores filters, brush, selection and map", async () => {
  const events = await apiEvents();
  const counts = new Map();
  for (const e of events) if (e.plover) counts.set(e.plover, (counts.get(e.plover) ?? 0) + 1);
  const type = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  assert.ok(type, "the fixture has PLOVER-typed events");

  const page = await open(BASE);
  await page.selectOption("select[name=plover]", type);
  await page.waitForURL((u) => u.searchParams.get("plover") === type);
  await idle(page);
  const days = await page.locator("#timeline .tl-day").count();
  await brushDays(page, Math.max(1, days - 2));
  await page.locator("#list .rows [data-event]").first().click();
  await page.waitForSelector("#detail .evidence");
  await idle(page);
  await page.click("#map .map-controls button[title='Zoom in']");
  await page.waitForURL((u) => u.searchParams.has("map"));
  await idle(page);

  const shared = page.url();
  const view = async (/** @type {import("playwright-core").Page} */ p) => ({
    plover: await p.inputValue("select[name=plover]"),
    from: await p.inputValue("input[name=from]"),
    to: await p.inputValue("input[name=to]"),
    rows: await allRows(p),
    selected: await p.getAttribute("#detail .evidence", "data-event"),
    brush: await p.textContent("#timeline .tl-range"),
    brushDrawn: await p.locator("#timeline .tl-brush").count(),
    zoom: await p.getAttribute("#map", "data-zoom"),
    markers: await markerTotal(p),
  });
  const original = await view(page);
  assert.equal(original.plover, type);
  assert.equal(original.brushDrawn, 1);

  const again = await open(shared);
  await again.waitForSelector("#detail .evidence");
  await idle(again);
  assert.equal(again.url(), shared, "the page keeps the shared URL as it is");
  assert.deepEqual(await view(again), original);
  await page.context().close();
  await again.context().close();
});

test("the page asks nothing of any host but the server", async () => {
  assert.ok(requests.length > 0, "requests were recorded");
  assert.deepEqual(external, []);
  for (const url of requests) {
    const u = new URL(url);
    assert.ok(u.protocol === "data:" || LOCAL.has(u.hostname) || LOCAL.has(`[${u.hostname}]`), `local request: ${url}`);
  }
  assert.deepEqual(pageErrors, [], "no script errors");
});

test("screenshot", { skip: SCREENSHOT ? false : "set SITREP_SCREENSHOT to take one" }, async () => {
  const events = await apiEvents();
  // the event with the most kinds highlighted, preferring one reported more than once
  const stories = new Map();
  for (const e of events) if (e.story !== null) stories.set(e.story, (stories.get(e.story) ?? 0) + 1);
  const score = (/** @type {ApiEvent} */ e) => new Set((e.highlights ?? []).map((h) => h.kind)).size + (e.lat !== null ? 2 : 0) + Math.min(3, stories.get(e.story) ?? 0);
  const best = [...events].sort((a, b) => score(b) - score(a) || a.id - b.id)[0];
  assert.ok(best);
  // the map a little closer than the whole world, around the selected event
  const view = best.lat !== null && best.lon !== null ? `&map=${best.lon},${best.lat},2.5` : "";
  const page = await open(new URL(`?event=${best.id}${view}`, BASE).href);
  await page.waitForSelector("#detail .evidence");
  await page.waitForSelector("#map path.land", { state: "attached" });
  await idle(page);
  await page.screenshot({ path: SCREENSHOT });
  await page.context().close();
});
