// The map: country outlines (Natural Earth, bundled as countries.json) in an SVG with zoom and
// pan, and the events as markers coloured by PLOVER type, clustered in screen space.

import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

import { clusterPoints, type Cluster, type ScreenPoint } from "./cluster";
import { clear, h, s } from "./dom";
import { renderLegend } from "./legend";
import { ploverColor, ploverRank } from "./plover";
import type { MapView } from "./state/url";
import type { Event } from "./types";

export interface MapCallbacks {
  select(id: number): void;
  /** The user moved the map (null: back to fitting the events). */
  view(view: MapView | null): void;
  plover(type: string): void;
}

// The projection draws the world into this virtual box; the view scales it to the element.
const VW = 960;
const VH = 500;
const MIN_ZOOM = 0.8;
const MAX_ZOOM = 200;
const FIT_MAX_ZOOM = 24;
const CLUSTER_RADIUS = 22;

interface Point {
  x: number; // virtual coordinates
  y: number;
  event: Event;
}

export class EventMap {
  private readonly projection: GeoProjection = geoNaturalEarth1().fitExtent(
    [
      [2, 2],
      [VW - 2, VH - 2],
    ],
    { type: "Sphere" },
  );
  private readonly svg: SVGSVGElement;
  private readonly geo: SVGGElement;
  private readonly markers: SVGGElement;
  private readonly legend: HTMLElement;
  private readonly note: HTMLElement;
  private points: Point[] = [];
  private selected: number | null = null;
  /** Center in virtual coordinates and zoom. */
  private cx = VW / 2;
  private cy = VH / 2;
  private zoom = 1;
  private auto = true;
  private spider: { x: number; y: number; ids: Set<number> } | null = null;
  private width = 0;
  private height = 0;
  private dragged = false;
  private viewTimer: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly cb: MapCallbacks,
  ) {
    const path = geoPath(this.projection).digits(2);
    this.geo = s("g", { class: "geo" }, s("path", { class: "sphere", d: path({ type: "Sphere" }) ?? "" }), s("path", { class: "graticule", d: path(geoGraticule10()) ?? "" }));
    this.markers = s("g", { class: "markers" });
    this.svg = s("svg", { class: "map-svg", role: "img", "aria-label": "Map of the events" }, this.geo, this.markers);
    this.legend = h("div", { class: "legend", "aria-label": "Event types on the map" });
    this.note = h("div", { class: "map-note", role: "status" });
    const button = (label: string, title: string, act: () => void): HTMLButtonElement => {
      const b = h("button", { type: "button", title, "aria-label": title }, label);
      b.addEventListener("click", act);
      return b;
    };
    const controls = h(
      "div",
      { class: "map-controls" },
      button("+", "Zoom in", () => this.zoomBy(2)),
      button("−", "Zoom out", () => this.zoomBy(0.5)),
      button("⤢", "Fit the map to the events", () => this.fit(true)),
    );
    const credit = h("div", { class: "map-credit" }, "Outlines: Natural Earth");
    root.append(this.svg, controls, this.legend, this.note, credit);
    root.tabIndex = 0;
    this.listen();
    new ResizeObserver(() => this.resize()).observe(root);
    this.resize();
  }

  /** Draws the country outlines from the bundled TopoJSON. */
  setOutlines(topology: Topology): void {
    const path = geoPath(this.projection).digits(2);
    const countries = topology.objects["countries"] as GeometryCollection;
    const land = feature(topology, countries);
    const borders = mesh(topology, countries, (a, b) => a !== b);
    this.geo.append(s("path", { class: "land", d: path(land) ?? "" }), s("path", { class: "borders", d: path(borders) ?? "" }));
  }

  setEvents(events: Event[], truncated: boolean): void {
    this.points = [];
    for (const event of events) {
      if (event.lat === null || event.lon === null) continue;
      const p = this.projection([event.lon, event.lat]);
      if (p) this.points.push({ x: p[0], y: p[1], event });
    }
    // draw the conflictual types on top
    this.points.sort((a, b) => ploverRank(a.event.plover) - ploverRank(b.event.plover) || a.event.id - b.event.id);
    this.spider = null;
    const unplaced = events.length - this.points.length;
    this.note.textContent =
      `${this.points.length} ${this.points.length === 1 ? "event" : "events"} on the map` +
      (unplaced ? `, ${unplaced} without a place` : "") +
      (truncated ? ` (the first ${events.length} only)` : "");
    const counts = new Map<string, number>();
    for (const p of this.points) counts.set(p.event.plover ?? "OTHER", (counts.get(p.event.plover ?? "OTHER") ?? 0) + 1);
    renderLegend(this.legend, counts, (type) => this.cb.plover(type));
    if (this.auto) this.fit(false);
    else this.render();
  }

  /** Marks the selected event; a newly selected one off the screen is brought into view. */
  setSelected(id: number | null): void {
    const changed = id !== this.selected;
    this.selected = id;
    const p = changed && id !== null ? this.points.find((q) => q.event.id === id) : undefined;
    if (p && !this.spider?.ids.has(id!)) {
      const [x, y] = this.toScreen(p.x, p.y);
      if (x < 20 || y < 20 || x > this.width - 20 || y > this.height - 20) {
        this.cx = p.x;
        this.cy = p.y;
        this.moved();
        return;
      }
    }
    this.render();
  }

  /** The view from the URL (null: fit the events). */
  setView(view: MapView | null): void {
    if (!view) {
      if (!this.auto) this.fit(false);
      return;
    }
    const p = this.projection([view.lon, view.lat]);
    if (!p) return;
    const current = this.currentView();
    if (!this.auto && Math.abs(current.lon - view.lon) < 1e-4 && Math.abs(current.lat - view.lat) < 1e-4 && Math.abs(current.zoom - view.zoom) < 1e-3) return;
    this.auto = false;
    this.cx = p[0];
    this.cy = p[1];
    this.zoom = clamp(view.zoom, MIN_ZOOM, MAX_ZOOM);
    this.spider = null;
    this.render();
  }

  setBusy(busy: boolean): void {
    this.root.setAttribute("aria-busy", String(busy));
  }

  private currentView(): MapView {
    const ll = this.projection.invert?.([this.cx, this.cy]) ?? [0, 0];
    return { lon: ll[0], lat: ll[1], zoom: this.zoom };
  }

  /** Pixels per virtual unit. */
  private scale(): number {
    return Math.min(this.width / VW, this.height / VH) * this.zoom;
  }

  private toScreen(x: number, y: number): [number, number] {
    const k = this.scale();
    return [this.width / 2 + (x - this.cx) * k, this.height / 2 + (y - this.cy) * k];
  }

  private toVirtual(sx: number, sy: number): [number, number] {
    const k = this.scale();
    return [this.cx + (sx - this.width / 2) / k, this.cy + (sy - this.height / 2) / k];
  }

  private resize(): void {
    const r = this.root.getBoundingClientRect();
    if (r.width === this.width && r.height === this.height) return;
    this.width = Math.max(1, r.width);
    this.height = Math.max(1, r.height);
    this.svg.setAttribute("viewBox", `0 0 ${this.width} ${this.height}`);
    if (this.auto) this.fit(false);
    else this.render();
  }

  /** Fits the view to the events; `user`: asked for with the button (clears the URL's view). */
  private fit(user: boolean): void {
    this.auto = true;
    this.spider = null;
    const base = Math.min(this.width / VW, this.height / VH);
    if (this.points.length === 0) {
      this.cx = VW / 2;
      this.cy = VH / 2;
      this.zoom = 1;
    } else {
      const b = bounds(this.points);
      this.cx = (b.x0 + b.x1) / 2;
      this.cy = (b.y0 + b.y1) / 2;
      const pad = 60;
      const zx = (this.width - 2 * pad) / Math.max((b.x1 - b.x0) * base, 1e-9);
      const zy = (this.height - 2 * pad) / Math.max((b.y1 - b.y0) * base, 1e-9);
      this.zoom = clamp(Math.min(zx, zy), 1, FIT_MAX_ZOOM);
    }
    this.render();
    if (user) this.cb.view(null);
  }

  private zoomBy(factor: number, at?: [number, number]): void {
    const [sx, sy] = at ?? [this.width / 2, this.height / 2];
    const [vx, vy] = this.toVirtual(sx, sy);
    const zoom = clamp(this.zoom * factor, MIN_ZOOM, MAX_ZOOM);
    // keep the point under the cursor where it is
    this.cx = vx - (vx - this.cx) * (this.zoom / zoom);
    this.cy = vy - (vy - this.cy) * (this.zoom / zoom);
    this.zoom = zoom;
    this.moved();
  }

  private panBy(dx: number, dy: number): void {
    const k = this.scale();
    this.cx -= dx / k;
    this.cy -= dy / k;
    this.moved();
  }

  /** The user moved the map: draw, and tell the URL a little later. */
  private moved(): void {
    this.auto = false;
    this.spider = null;
    this.render();
    window.clearTimeout(this.viewTimer);
    this.viewTimer = window.setTimeout(() => this.cb.view(this.currentView()), 250);
  }

  private listen(): void {
    this.svg.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 500 : 1;
        const r = this.svg.getBoundingClientRect();
        this.zoomBy(Math.exp(-e.deltaY * unit * 0.002), [e.clientX - r.left, e.clientY - r.top]);
      },
      { passive: false },
    );
    let start: { x: number; y: number; id: number } | null = null;
    let last = { x: 0, y: 0 };
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      start = { x: e.clientX, y: e.clientY, id: e.pointerId };
      last = { x: e.clientX, y: e.clientY };
      this.dragged = false;
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!start || e.pointerId !== start.id) return;
      if (!this.dragged && Math.hypot(e.clientX - start.x, e.clientY - start.y) < 4) return;
      if (!this.dragged) {
        this.dragged = true;
        this.svg.setPointerCapture(e.pointerId);
        this.svg.classList.add("dragging");
      }
      this.panBy(e.clientX - last.x, e.clientY - last.y);
      last = { x: e.clientX, y: e.clientY };
    });
    const end = (e: PointerEvent): void => {
      if (!start || e.pointerId !== start.id) return;
      start = null;
      this.svg.classList.remove("dragging");
      if (this.svg.hasPointerCapture(e.pointerId)) this.svg.releasePointerCapture(e.pointerId);
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.svg.addEventListener("click", (e) => {
      if (this.dragged) return;
      const target = (e.target as Element).closest<SVGGElement>("g.marker");
      if (!target) {
        if (this.spider) {
          this.spider = null;
          this.render();
        }
        return;
      }
      const id = target.dataset["event"];
      if (id) this.cb.select(Number(id));
      else this.openCluster(Number(target.dataset["cluster"]));
    });
    this.svg.addEventListener("dblclick", (e) => {
      if ((e.target as Element).closest("g.marker")) return;
      const r = this.svg.getBoundingClientRect();
      this.zoomBy(2, [e.clientX - r.left, e.clientY - r.top]);
    });
    this.root.addEventListener("keydown", (e) => {
      if (e.target !== this.root) return;
      const step = 60;
      const keys: Record<string, () => void> = {
        ArrowLeft: () => this.panBy(step, 0),
        ArrowRight: () => this.panBy(-step, 0),
        ArrowUp: () => this.panBy(0, step),
        ArrowDown: () => this.panBy(0, -step),
        "+": () => this.zoomBy(2),
        "=": () => this.zoomBy(2),
        "-": () => this.zoomBy(0.5),
      };
      const act = keys[e.key];
      if (act) {
        e.preventDefault();
        act();
      }
    });
  }

  private clusters: Cluster<Point>[] = [];

  /** A cluster was clicked: zoom to its members, or fan them out if they share a spot. */
  private openCluster(index: number): void {
    const cluster = this.clusters[index];
    if (!cluster) return;
    const members = cluster.members.map((m) => m.item);
    const b = bounds(members);
    const base = Math.min(this.width / VW, this.height / VH);
    const spread = Math.max(b.x1 - b.x0, b.y1 - b.y0) * base;
    if (spread * MAX_ZOOM < CLUSTER_RADIUS * 2 || spread * this.zoom * 8 < CLUSTER_RADIUS) {
      // they would not come apart: fan them out around the cluster
      this.spider = { x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2, ids: new Set(members.map((m) => m.event.id)) };
      this.render();
      return;
    }
    const pad = 80;
    const zx = (this.width - 2 * pad) / Math.max((b.x1 - b.x0) * base, 1e-9);
    const zy = (this.height - 2 * pad) / Math.max((b.y1 - b.y0) * base, 1e-9);
    this.cx = (b.x0 + b.x1) / 2;
    this.cy = (b.y0 + b.y1) / 2;
    this.zoom = clamp(Math.min(zx, zy), this.zoom * 1.5, MAX_ZOOM);
    this.moved();
  }

  private render(): void {
    if (!this.width) return;
    const k = this.scale();
    const tx = this.width / 2 - this.cx * k;
    const ty = this.height / 2 - this.cy * k;
    this.geo.setAttribute("transform", `translate(${tx.toFixed(2)},${ty.toFixed(2)}) scale(${k.toFixed(5)})`);
    this.root.dataset["zoom"] = this.zoom.toFixed(3);

    clear(this.markers);
    const spider = this.spider;
    const screen: ScreenPoint<Point>[] = [];
    const fanned: Point[] = [];
    for (const p of this.points) {
      if (spider?.ids.has(p.event.id)) {
        fanned.push(p);
        continue;
      }
      const [x, y] = this.toScreen(p.x, p.y);
      if (x < -50 || y < -50 || x > this.width + 50 || y > this.height + 50) continue;
      screen.push({ x, y, item: p });
    }
    this.clusters = clusterPoints(screen, CLUSTER_RADIUS);
    this.clusters.forEach((c, i) => {
      this.markers.append(c.members.length === 1 ? this.single(c.members[0]!.item, c.x, c.y) : this.cluster(c, i));
    });
    if (spider && fanned.length) this.drawSpider(spider, fanned);
    this.root.dataset["markers"] = String(this.points.length);
  }

  private single(p: Point, x: number, y: number): SVGGElement {
    const e = p.event;
    const label = `${e.plover ?? e.cameo ?? "event"} ${e.event_date ?? ""} ${e.place_name ?? ""}`.trim();
    return s(
      "g",
      { class: `marker single${e.id === this.selected ? " selected" : ""}`, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`, "data-event": e.id, "data-count": 1 },
      s("title", {}, label),
      s("circle", { r: 6.5, fill: ploverColor(e.plover) }),
    );
  }

  private cluster(c: Cluster<Point>, index: number): SVGGElement {
    const n = c.members.length;
    const r = 11 + Math.min(12, Math.log2(n) * 2.5);
    const counts = new Map<string, number>();
    for (const m of c.members) counts.set(m.item.event.plover ?? "", (counts.get(m.item.event.plover ?? "") ?? 0) + 1);
    const slices = [...counts.entries()].sort((a, b) => ploverRank(a[0]) - ploverRank(b[0]));
    const g = s("g", {
      class: `marker cluster${c.members.some((m) => m.item.event.id === this.selected) ? " selected" : ""}`,
      transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`,
      "data-cluster": index,
      "data-count": n,
    });
    const places = new Set(c.members.map((m) => m.item.event.place_name).filter(Boolean));
    g.append(s("title", {}, `${n} events${places.size ? ` at ${[...places].slice(0, 4).join(", ")}${places.size > 4 ? "…" : ""}` : ""} (click to open)`));
    let angle = -Math.PI / 2;
    for (const [type, count] of slices) {
      const a = (count / n) * Math.PI * 2;
      if (count === n) g.append(s("circle", { r, fill: ploverColor(type || null) }));
      else g.append(s("path", { d: arc(r, angle, angle + a), fill: ploverColor(type || null) }));
      angle += a;
    }
    g.append(s("circle", { class: "hole", r: r * 0.62 }), s("text", { "text-anchor": "middle", dy: "0.35em" }, String(n)));
    return g;
  }

  private drawSpider(spider: { x: number; y: number }, members: Point[]): void {
    const [x, y] = this.toScreen(spider.x, spider.y);
    const n = members.length;
    const g = s("g", { class: "spider" });
    g.append(s("circle", { class: "spider-center", cx: x, cy: y, r: 3 }));
    const dots: SVGGElement[] = [];
    members.forEach((p, i) => {
      // a circle for a few, a spiral for many
      let dx: number;
      let dy: number;
      if (n <= 16) {
        const a = (i / n) * Math.PI * 2 - Math.PI / 2;
        const r = Math.max(24, (n * 16) / (2 * Math.PI));
        dx = Math.cos(a) * r;
        dy = Math.sin(a) * r;
      } else {
        const a = i * 0.9;
        const r = 18 + i * 2.2;
        dx = Math.cos(a) * r;
        dy = Math.sin(a) * r;
      }
      g.append(s("line", { x1: x, y1: y, x2: x + dx, y2: y + dy }));
      dots.push(this.single(p, x + dx, y + dy));
    });
    g.append(...dots);
    this.markers.append(g);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function bounds(points: readonly { x: number; y: number }[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x0, y0, x1, y1 };
}

function arc(r: number, a0: number, a1: number): string {
  const p = (a: number): string => `${(Math.cos(a) * r).toFixed(2)},${(Math.sin(a) * r).toFixed(2)}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M0,0L${p(a0)}A${r},${r} 0 ${large} 1 ${p(a1)}Z`;
}
