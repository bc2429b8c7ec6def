// The page's whole view as a query string, so that a view can be shared: filters, the brushed
// date range, the selected event, an opened report and the map's center and zoom.

export const FILTER_KEYS = ["actor", "country", "plover", "factuality", "stance", "text"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string>;

/** Where the map looks: a geographic center and a zoom (1 = the whole world fits). */
export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  filters: Filters;
  /** Event dates on/after and on/before (YYYY-MM-DD), "" when open. */
  from: string;
  to: string;
  /** The selected event. */
  event: number | null;
  /** An opened report (its id). */
  report: string | null;
  /** null: the map fits the events by itself. */
  map: MapView | null;
}

export function emptyFilters(): Filters {
  return { actor: "", country: "", plover: "", factuality: "", stance: "", text: "" };
}

export function emptyState(): ViewState {
  return { filters: emptyFilters(), from: "", to: "", event: null, report: null, map: null };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a query string (with or without its "?"); what does not parse is left out. */
export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const state = emptyState();
  for (const key of FILTER_KEYS) state.filters[key] = (q.get(key) ?? "").trim();
  const from = q.get("from") ?? "";
  const to = q.get("to") ?? "";
  if (DATE.test(from)) state.from = from;
  if (DATE.test(to)) state.to = to;
  const event = Number(q.get("event") ?? "");
  if (q.has("event") && Number.isInteger(event) && event > 0) state.event = event;
  const report = q.get("report");
  if (report) state.report = report;
  state.map = parseMapView(q.get("map") ?? "");
  return state;
}

function parseMapView(value: string): MapView | null {
  const parts = value.split(",").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lon, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom <= 0) return null;
  return { lon, lat, zoom };
}

/** The query string (with its "?", or "" when the view is the default), in a fixed order. */
export function serializeState(state: ViewState): string {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state.filters[key]) q.set(key, state.filters[key]);
  if (state.from) q.set("from", state.from);
  if (state.to) q.set("to", state.to);
  if (state.event !== null) q.set("event", String(state.event));
  if (state.report !== null) q.set("report", state.report);
  if (state.map) q.set("map", formatMapView(state.map));
  const s = q.toString();
  return s ? `?${s}` : "";
}

function formatMapView(v: MapView): string {
  return [round(v.lon, 4), round(v.lat, 4), round(v.zoom, 3)].join(",");
}

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** The API's filter parameters for a view; `dates: false` leaves out from/to (the timeline). */
export function filterParams(state: ViewState, dates = true): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state.filters[key]) q.set(key, state.filters[key]);
  if (dates && state.from) q.set("from", state.from);
  if (dates && state.to) q.set("to", state.to);
  return q;
}

export function sameFilters(a: ViewState, b: ViewState, dates = true): boolean {
  return filterParams(a, dates).toString() === filterParams(b, dates).toString();
}
