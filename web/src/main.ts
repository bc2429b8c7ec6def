// Wires the page: one view state (kept in the URL) drives the filters, the map, the timeline,
// the list and the detail pane; each asks the API again only when what it shows has changed.

import type { Topology } from "topojson-specification";

import * as api from "./api";
import { Detail } from "./detail";
import { byId } from "./dom";
import { FilterForm } from "./filters";
import { EventList } from "./list";
import { EventMap } from "./map";
import { Store } from "./state/store";
import { emptyFilters, filterParams, sameFilters, type ViewState } from "./state/url";
import { Timeline } from "./timeline";

const store = new Store();

const select = (id: number): void =>
  store.update((d) => {
    d.event = id;
    d.report = null;
  }, "push");

const form = new FilterForm(byId<HTMLFormElement>("filters"), {
  change: (c) =>
    store.update((d) => {
      Object.assign(d.filters, c.filters);
      if (c.from !== undefined) d.from = c.from;
      if (c.to !== undefined) d.to = c.to;
    }),
  reset: () =>
    store.update((d) => {
      d.filters = emptyFilters();
      d.from = "";
      d.to = "";
    }, "push"),
});

const map = new EventMap(byId("map"), {
  select,
  view: (view) => store.update((d) => void (d.map = view)),
  plover: (type) => store.update((d) => void (d.filters.plover = d.filters.plover === type ? "" : type), "push"),
});

const timeline = new Timeline(byId("timeline"), {
  brush: (from, to) =>
    store.update((d) => {
      d.from = from;
      d.to = to;
    }, "push"),
});

const list = new EventList(byId("list"), {
  select,
  error: (message, parameter) => form.setError(message, parameter),
});

const detail = new Detail(byId("detail"), {
  select,
  report: (id) => store.update((d) => void (d.report = id), "push"),
  close: () =>
    store.update((d) => {
      d.event = null;
      d.report = null;
    }, "push"),
});

const markers = new api.Latest();
const days = new api.Latest();
const suggestions = new api.Latest();

async function loadMarkers(state: ViewState): Promise<void> {
  map.setBusy(true);
  try {
    const page = await markers.run((signal) => api.events(filterParams(state), 1000, null, signal));
    if (page) map.setEvents(page.events, page.next !== null);
  } catch {
    map.setEvents([], false); // the list says why
  } finally {
    map.setBusy(false);
  }
}

async function loadTimeline(state: ViewState): Promise<void> {
  timeline.setBusy(true);
  try {
    const result = await days.run((signal) => api.timeline(filterParams(state, false), signal));
    if (result) timeline.setDays(result);
  } catch {
    timeline.setDays([]);
  } finally {
    timeline.setBusy(false);
  }
}

async function loadSuggestions(state: ViewState): Promise<void> {
  const without = (key: "actor" | "country"): URLSearchParams => {
    const q = filterParams(state);
    q.delete(key);
    return q;
  };
  try {
    await suggestions.run(async (signal) => {
      const [actors, places] = await Promise.all([api.actors(without("actor"), 200, signal), api.places(without("country"), 500, signal)]);
      form.setSuggestions(
        "actors",
        actors.map((a) => ({ value: a.code, label: `${a.code} (${a.events})` })),
      );
      const countries = new Map<string, number>();
      for (const p of places) if (p.country) countries.set(p.country, (countries.get(p.country) ?? 0) + p.events);
      form.setSuggestions(
        "countries",
        [...countries.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => ({ value: c, label: `${c} (${n})` })),
      );
    });
  } catch {
    // suggestions are a help only
  }
}

function apply(next: ViewState, prev: ViewState | null): void {
  form.set(next);
  if (!prev || !sameFilters(next, prev)) {
    void list.load(filterParams(next));
    void loadMarkers(next);
    void loadSuggestions(next);
  }
  if (!prev || !sameFilters(next, prev, false)) void loadTimeline(next);
  timeline.setRange(next.from, next.to);
  map.setView(next.map);
  map.setSelected(next.event);
  list.setSelected(next.event);
  void detail.show(next.event, next.report);
}

store.subscribe(apply);
apply(store.state, null);

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && store.state.event !== null && !(e.target instanceof HTMLInputElement)) {
    store.update((d) => {
      d.event = null;
      d.report = null;
    }, "push");
  }
});

void fetch("countries.json")
  .then((r) => (r.ok ? (r.json() as Promise<Topology>) : Promise.reject(new Error(String(r.status)))))
  .then((topology) => map.setOutlines(topology))
  .catch((e: unknown) => {
    byId("map").classList.add("no-outlines");
    console.error("cannot draw the country outlines:", e);
  });
