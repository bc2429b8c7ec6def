// The event list: one focusable row per event (date, type, source → target, place, how sure,
// who says), a page at a time with the API's `next` cursor.

import * as api from "./api";
import { clear, h } from "./dom";
import { actorLabel } from "./format";
import { ploverColor } from "./plover";
import type { Event } from "./types";

const PAGE = 50;

export interface ListCallbacks {
  select(id: number): void;
  error(message: string | null, parameter: string | null): void;
}

export class EventList {
  private readonly rows: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly count: HTMLElement;
  private readonly latest = new api.Latest();
  private filters = new URLSearchParams();
  private next: string | null = null;
  private shown = 0;
  private selected: number | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly cb: ListCallbacks,
  ) {
    this.count = h("span", { class: "list-count", role: "status" });
    this.rows = h("ol", { class: "rows", "aria-label": "Events" });
    this.more = h("button", { type: "button", class: "more" }, "More events");
    this.more.hidden = true;
    this.more.addEventListener("click", () => void this.page(false));
    root.append(h("div", { class: "list-head" }, h("h2", {}, "Events"), this.count), this.rows, this.more);
    this.rows.addEventListener("click", (e) => {
      const row = (e.target as Element).closest<HTMLElement>("[data-event]");
      if (row) this.cb.select(Number(row.dataset["event"]));
    });
    this.rows.addEventListener("keydown", (e) => {
      const row = (e.target as Element).closest<HTMLElement>("[data-event]");
      if (!row) return;
      const li = row.parentElement;
      const go = (el: Element | null | undefined): void => {
        const b = el?.querySelector<HTMLElement>("[data-event]");
        if (b) {
          e.preventDefault();
          b.focus();
        }
      };
      if (e.key === "ArrowDown") go(li?.nextElementSibling);
      else if (e.key === "ArrowUp") go(li?.previousElementSibling);
    });
  }

  /** Shows the first page for these filters. */
  load(filters: URLSearchParams): Promise<void> {
    this.filters = filters;
    return this.page(true);
  }

  setSelected(id: number | null): void {
    const changed = id !== this.selected;
    this.selected = id;
    for (const row of this.rows.querySelectorAll<HTMLElement>("[data-event]")) {
      const on = Number(row.dataset["event"]) === id;
      row.classList.toggle("selected", on);
      row.setAttribute("aria-pressed", String(on));
      if (on && changed) this.reveal(row);
    }
  }

  /** Scrolls the list (only the list) so that a row shows. */
  private reveal(row: HTMLElement): void {
    const list = this.rows.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    if (r.top < list.top) this.rows.scrollTop -= list.top - r.top;
    else if (r.bottom > list.bottom) this.rows.scrollTop += Math.min(r.top - list.top, r.bottom - list.bottom + list.height / 3);
  }

  private async page(first: boolean): Promise<void> {
    this.root.setAttribute("aria-busy", "true");
    this.more.disabled = true;
    try {
      const result = await this.latest.run((signal) => api.events(this.filters, PAGE, first ? null : this.next, signal));
      if (!result) return;
      if (first) {
        clear(this.rows);
        this.shown = 0;
        this.rows.scrollTop = 0;
      }
      for (const e of result.events) this.rows.append(h("li", {}, this.row(e)));
      const selected = first && this.selected !== null ? this.rows.querySelector<HTMLElement>(`[data-event="${this.selected}"]`) : null;
      if (selected) this.reveal(selected);
      this.shown += result.events.length;
      this.next = result.next;
      this.more.hidden = !this.next;
      this.count.textContent = this.next ? `first ${this.shown}` : this.shown === 0 ? "none match" : `${this.shown}`;
      if (first && this.shown === 0) this.rows.append(h("li", { class: "empty" }, "No event matches these filters."));
      this.cb.error(null, null);
    } catch (e) {
      if (first) clear(this.rows);
      this.count.textContent = "";
      this.more.hidden = true;
      const err = e instanceof api.ApiError ? e : null;
      this.cb.error(err ? err.reason : `Cannot load events: ${String(e)}`, err?.parameter ?? null);
    } finally {
      this.more.disabled = false;
      this.root.setAttribute("aria-busy", "false");
    }
  }

  private row(e: Event): HTMLButtonElement {
    const on = e.id === this.selected;
    const stance = e.stance && e.stance !== "none" ? `${e.stance}${e.attribution_text ? ` by ${e.attribution_text}` : ""}` : "";
    return h(
      "button",
      { type: "button", class: `row${on ? " selected" : ""}`, "data-event": e.id, "aria-pressed": String(on) },
      h("span", { class: "row-date" }, e.event_date ?? "no date"),
      h(
        "span",
        { class: "row-type" },
        h("span", { class: "badge type", style: `--c:${ploverColor(e.plover)}` }, e.plover ?? "—"),
        e.cameo ? h("span", { class: "cameo", title: "CAMEO code" }, e.cameo) : null,
      ),
      h("span", { class: "row-actors" }, actorLabel(e.source_text, e.source_actor, e.source_inferred), " → ", actorLabel(e.target_text, e.target_actor, e.target_inferred)),
      h("span", { class: "row-place" }, e.place_name ? `${e.place_name}${e.place_country ? `, ${e.place_country}` : ""}` : "no place"),
      h(
        "span",
        { class: "row-tags" },
        e.factuality && e.factuality !== "asserted" ? h("span", { class: `badge fact fact-${e.factuality}` }, e.factuality) : null,
        stance ? h("span", { class: "stance" }, stance) : null,
      ),
    );
  }
}
