// The JSON API, by relative URLs (the page is served by `sitrep serve` beside /api).

import type { ActorCount, ApiErrorBody, Day, EventDetail, EventsPage, PlaceCount, Report } from "./types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly parameter: string | null,
  ) {
    super(reason);
  }
}

async function get<T>(path: string, params: URLSearchParams | null, signal?: AbortSignal): Promise<T> {
  const query = params && params.toString() ? `?${params.toString()}` : "";
  const response = await fetch(`api/${path}${query}`, { signal: signal ?? null, headers: { Accept: "application/json" } });
  if (!response.ok) {
    let reason = `${response.status} ${response.statusText}`;
    let parameter: string | null = null;
    try {
      const body = (await response.json()) as ApiErrorBody;
      reason = body.error.reason;
      parameter = body.error.parameter ?? null;
    } catch {
      // not the documented error body: keep the status line
    }
    throw new ApiError(response.status, reason, parameter);
  }
  return (await response.json()) as T;
}

function withParams(base: URLSearchParams, extra: Record<string, string>): URLSearchParams {
  const q = new URLSearchParams(base);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

export function events(filters: URLSearchParams, limit: number, cursor: string | null, signal?: AbortSignal): Promise<EventsPage> {
  const extra: Record<string, string> = { limit: String(limit) };
  if (cursor) extra["cursor"] = cursor;
  return get<EventsPage>("events", withParams(filters, extra), signal);
}

export function event(id: number, signal?: AbortSignal): Promise<EventDetail> {
  return get<EventDetail>(`events/${id}`, null, signal);
}

export function report(id: string, signal?: AbortSignal): Promise<Report> {
  return get<Report>(`reports/${encodeURIComponent(id)}`, null, signal);
}

export function reportHref(id: string): string {
  return `api/reports/${encodeURIComponent(id)}`;
}

export async function timeline(filters: URLSearchParams, signal?: AbortSignal): Promise<Day[]> {
  return (await get<{ days: Day[] }>("timeline", filters, signal)).days;
}

export async function actors(filters: URLSearchParams, limit: number, signal?: AbortSignal): Promise<ActorCount[]> {
  return (await get<{ actors: ActorCount[] }>("actors", withParams(filters, { limit: String(limit) }), signal)).actors;
}

export async function places(filters: URLSearchParams, limit: number, signal?: AbortSignal): Promise<PlaceCount[]> {
  return (await get<{ places: PlaceCount[] }>("places", withParams(filters, { limit: String(limit) }), signal)).places;
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

/** Runs one request at a time: starting a new one aborts the one before. */
export class Latest {
  private controller: AbortController | null = null;

  async run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const result = await task(controller.signal);
      return controller.signal.aborted ? null : result;
    } catch (e) {
      if (isAbort(e) || controller.signal.aborted) return null;
      throw e;
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
