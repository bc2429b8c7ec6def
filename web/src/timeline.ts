// The timeline: events per day as bars stacked by PLOVER type, with a brush. Dragging across
// it sets the date range (from/to) that filters the list and the map; a click picks one day.

import { clear, h, s } from "./dom";
import { ploverColor, ploverRank } from "./plover";
import type { Day } from "./types";

export interface TimelineCallbacks {
  /** A new date range ("" and "" clears it). */
  brush(from: string, to: string): void;
}

const MS_DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const M = { left: 34, right: 12, top: 8, bottom: 20 };

export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_DAY);
}

export function dayString(n: number): string {
  return new Date(n * MS_DAY).toISOString().slice(0, 10);
}

export class Timeline {
  private readonly svg: SVGSVGElement;
  private readonly label: HTMLElement;
  private readonly clearButton: HTMLButtonElement;
  private days: Day[] = [];
  private from = "";
  private to = "";
  private width = 0;
  private height = 0;
  private d0 = 0;
  private d1 = 1;
  private drag: { x0: number; x1: number } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly cb: TimelineCallbacks,
  ) {
    this.label = h("span", { class: "tl-range", role: "status" });
    this.clearButton = h("button", { type: "button", class: "tl-clear" }, "Clear dates");
    this.clearButton.addEventListener("click", () => this.cb.brush("", ""));
    this.svg = s("svg", { class: "tl-svg", role: "img", "aria-label": "Events per day; drag to choose dates" });
    const head = h("div", { class: "tl-head" }, h("h2", {}, "Events per day"), this.label, this.clearButton);
    const body = h("div", { class: "tl-body" }, this.svg);
    root.append(head, body);
    this.listen();
    new ResizeObserver(() => {
      const r = body.getBoundingClientRect();
      if (r.width !== this.width || r.height !== this.height) {
        this.width = r.width;
        this.height = r.height;
        this.render();
      }
    }).observe(body);
  }

  setDays(days: Day[]): void {
    this.days = days;
    this.render();
  }

  setRange(from: string, to: string): void {
    this.from = from;
    this.to = to;
    this.render();
  }

  setBusy(busy: boolean): void {
    this.root.setAttribute("aria-busy", String(busy));
  }

  private x(day: number): number {
    return M.left + ((day - this.d0) / (this.d1 - this.d0)) * (this.width - M.left - M.right);
  }

  private dayAt(x: number): number {
    return this.d0 + ((x - M.left) / (this.width - M.left - M.right)) * (this.d1 - this.d0);
  }

  private listen(): void {
    const local = (e: PointerEvent): number => {
      const r = this.svg.getBoundingClientRect();
      return Math.min(this.width - M.right, Math.max(M.left, e.clientX - r.left));
    };
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0 || this.days.length === 0) return;
      e.preventDefault();
      const x = local(e);
      this.drag = { x0: x, x1: x };
      this.svg.setPointerCapture(e.pointerId);
      this.render();
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!this.drag) return;
      this.drag.x1 = local(e);
      this.render();
    });
    const end = (e: PointerEvent, cancel: boolean): void => {
      const drag = this.drag;
      if (!drag) return;
      this.drag = null;
      if (this.svg.hasPointerCapture(e.pointerId)) this.svg.releasePointerCapture(e.pointerId);
      if (cancel) {
        this.render();
        return;
      }
      const a = Math.min(drag.x0, drag.x1);
      const b = Math.max(drag.x0, drag.x1);
      if (b - a < 3) {
        // a click: that day if it has events, else no range
        const day = Math.floor(this.dayAt(a));
        const hit = this.days.some((d) => dayNumber(d.date) === day);
        if (hit) this.cb.brush(dayString(day), dayString(day));
        else this.cb.brush("", "");
      } else {
        const first = Math.floor(this.dayAt(a) + 0.5);
        const last = Math.max(first, Math.ceil(this.dayAt(b) - 0.5) - 1);
        this.cb.brush(dayString(first), dayString(last));
      }
      this.render();
    };
    this.svg.addEventListener("pointerup", (e) => end(e, false));
    this.svg.addEventListener("pointercancel", (e) => end(e, true));
  }

  private render(): void {
    const ranged = Boolean(this.from || this.to);
    this.clearButton.hidden = !ranged;
    const total = this.days.reduce((n, d) => n + d.events, 0);
    const inRange = this.days.filter((d) => (!this.from || d.date >= this.from) && (!this.to || d.date <= this.to)).reduce((n, d) => n + d.events, 0);
    this.label.textContent = ranged
      ? `${this.from || "…"} – ${this.to || "…"}: ${inRange} of ${total} events`
      : this.days.length
        ? `${this.days[0]!.date} – ${this.days[this.days.length - 1]!.date}: ${total} events · drag to pick dates`
        : "no events";
    clear(this.svg);
    if (!this.width || !this.height) return;
    this.svg.setAttribute("viewBox", `0 0 ${this.width} ${this.height}`);
    if (this.days.length === 0) return;

    const nums = this.days.map((d) => dayNumber(d.date));
    let d0 = Math.min(...nums);
    let d1 = Math.max(...nums) + 1;
    if (d1 - d0 < 7) {
      const extra = 7 - (d1 - d0);
      d0 -= Math.floor(extra / 2);
      d1 += Math.ceil(extra / 2);
    }
    this.d0 = d0;
    this.d1 = d1;
    const max = Math.max(...this.days.map((d) => d.events));
    const plotH = this.height - M.top - M.bottom;
    const y = (n: number): number => (n / max) * plotH;
    const fromN = this.from ? dayNumber(this.from) : -Infinity;
    const toN = this.to ? dayNumber(this.to) : Infinity;

    // axis
    const axis = s("g", { class: "tl-axis" });
    axis.append(s("line", { x1: M.left, x2: this.width - M.right, y1: M.top + plotH + 0.5, y2: M.top + plotH + 0.5 }));
    axis.append(s("text", { x: M.left - 6, y: M.top + 8, "text-anchor": "end" }, String(max)));
    axis.append(s("text", { x: M.left - 6, y: M.top + plotH, "text-anchor": "end" }, "0"));
    const step = tickStep(d1 - d0, Math.max(2, Math.floor((this.width - M.left - M.right) / 90)));
    let lastYear = "";
    for (let d = Math.ceil(d0 / step) * step; d < d1; d += step) {
      const date = dayString(d);
      const year = date.slice(0, 4);
      const text = `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}${year !== lastYear ? ` ${year}` : ""}`;
      lastYear = year;
      const x = this.x(d + 0.5);
      axis.append(s("line", { x1: x, x2: x, y1: M.top + plotH, y2: M.top + plotH + 4 }), s("text", { x, y: this.height - 4, "text-anchor": "middle" }, text));
    }
    this.svg.append(axis);

    // bars
    const bars = s("g", { class: "tl-bars" });
    const w = Math.max(1, this.x(d0 + 1) - this.x(d0) - 1);
    for (const day of this.days) {
      const n = dayNumber(day.date);
      const x = this.x(n) + 0.5;
      const out = n < fromN || n > toN;
      const g = s("g", { class: `tl-day${out ? " out" : ""}`, "data-date": day.date, "data-events": day.events });
      g.append(s("title", {}, `${day.date}: ${day.events} ${day.events === 1 ? "event" : "events"}`));
      const parts = Object.entries(day.by_plover).sort((a, b) => ploverRank(a[0]) - ploverRank(b[0]));
      const known = parts.reduce((t, [, c]) => t + c, 0);
      if (known < day.events) parts.push(["", day.events - known]);
      let base = M.top + plotH;
      for (const [type, count] of parts) {
        const hgt = y(count);
        base -= hgt;
        g.append(s("rect", { class: "tl-bar", x, y: base, width: w, height: Math.max(0, hgt), fill: ploverColor(type || null) }));
      }
      bars.append(g);
    }
    this.svg.append(bars);

    // the brush: the range being dragged, or the one in force
    let bx0: number | null = null;
    let bx1: number | null = null;
    if (this.drag) {
      bx0 = Math.min(this.drag.x0, this.drag.x1);
      bx1 = Math.max(this.drag.x0, this.drag.x1);
    } else if (ranged) {
      bx0 = this.x(Math.max(d0, fromN));
      bx1 = this.x(Math.min(d1, toN + 1));
    }
    if (bx0 !== null && bx1 !== null && bx1 > bx0) {
      this.svg.append(s("rect", { class: "tl-brush", x: bx0, y: M.top - 4, width: bx1 - bx0, height: plotH + 4 }));
    }
  }
}

function tickStep(span: number, target: number): number {
  for (const step of [1, 2, 3, 7, 14, 28, 56, 91, 182, 365, 730, 1826, 3652]) if (span / step <= target) return step;
  return 3652;
}
