// The detail pane: the selected event's evidence sentence with trigger, source, target, place,
// time and attribution highlighted, who says it and how sure, the story's corroboration and
// every report that mentions it. It also shows one report's text, the events' sentences marked.

import * as api from "./api";
import { append, clear, h } from "./dom";
import { actorLabel, attributionLine, plural } from "./format";
import { renderHighlights, sentenceRange } from "./highlight";
import { ploverColor } from "./plover";
import type { Event, EventDetail, HighlightKind, Mention, Report, Story } from "./types";

export interface DetailCallbacks {
  select(id: number): void;
  report(id: string | null): void;
  close(): void;
}

export class Detail {
  private readonly latest = new api.Latest();
  private shownEvent: number | null = null;
  private shownReport: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly cb: DetailCallbacks,
  ) {
    this.empty();
  }

  /** Shows a report if one is open, else the event, else a hint. */
  async show(eventId: number | null, reportId: string | null): Promise<void> {
    if (eventId === this.shownEvent && reportId === this.shownReport) return;
    this.shownEvent = eventId;
    this.shownReport = reportId;
    if (eventId === null && reportId === null) {
      void this.latest.run(async () => null);
      this.empty();
      return;
    }
    this.root.setAttribute("aria-busy", "true");
    try {
      if (reportId !== null) {
        const report = await this.latest.run((signal) => api.report(reportId, signal));
        if (report) this.renderReport(report, eventId);
      } else if (eventId !== null) {
        const detail = await this.latest.run((signal) => api.event(eventId, signal));
        if (detail) this.renderEvent(detail);
      }
    } catch (e) {
      clear(this.root);
      const what = reportId !== null ? `report ${reportId}` : `event ${eventId}`;
      const reason = e instanceof api.ApiError ? (e.status === 404 ? `There is no ${what}.` : e.reason) : `Cannot load ${what}: ${String(e)}`;
      this.root.append(this.closeBar("Not found"), h("p", { class: "error" }, reason));
    } finally {
      this.root.setAttribute("aria-busy", "false");
    }
  }

  private empty(): void {
    clear(this.root);
    this.root.append(
      h("div", { class: "hint" }, h("h2", {}, "Evidence"), h("p", {}, "Choose an event in the list or on the map to read the sentence it was coded from, who says so, and every report of it.")),
    );
  }

  private closeBar(title: string, back?: () => void): HTMLElement {
    const close = h("button", { type: "button", class: "close", title: "Close", "aria-label": "Close" }, "×");
    close.addEventListener("click", () => this.cb.close());
    let backButton: HTMLButtonElement | null = null;
    if (back) {
      backButton = h("button", { type: "button", class: "back" }, "← Event");
      backButton.addEventListener("click", back);
    }
    return h("div", { class: "detail-bar" }, backButton, h("h2", {}, title), close);
  }

  private renderEvent(d: EventDetail): void {
    const e = d.event;
    clear(this.root);
    const kinds = new Set((e.highlights ?? []).map((x) => x.kind));
    const evidence = h("blockquote", { class: "evidence", "data-event": e.id });
    if (e.evidence) evidence.append(renderHighlights(e.evidence, e.highlights ?? []));
    else evidence.append(h("em", {}, "No evidence sentence stored."));

    const key = (kind: HighlightKind, label: string, value: string | null): HTMLElement | null =>
      value ? h("li", { class: kinds.has(kind) ? "" : "unmarked" }, h("span", { class: `key hl-${kind}` }, label), " ", value) : null;
    const place = e.place_name ? [e.place_name, e.place_admin1, e.place_country].filter(Boolean).join(", ") + (e.place_precision ? ` (${e.place_precision})` : "") : null;

    append(
      this.root,
      this.closeBar(`Event ${e.id}`),
      h(
        "div",
        { class: "detail-head" },
        h("span", { class: "badge type", style: `--c:${ploverColor(e.plover)}` }, e.plover ?? "no PLOVER type"),
        e.cameo ? h("span", { class: "cameo", title: "CAMEO code" }, `CAMEO ${e.cameo}`) : null,
        h("span", { class: `badge fact fact-${e.factuality ?? "unknown"}`, title: "Factuality" }, e.factuality ?? "factuality unknown"),
        h("span", { class: "date" }, e.event_date ?? "no date"),
      ),
      e.title ? h("h3", { class: "title" }, e.title) : null,
      evidence,
      h("p", { class: "attribution" }, attributionLine(e), e.attribution_cue ? h("span", { class: "cue" }, ` (“${e.attribution_cue}”)`) : null),
      h(
        "ul",
        { class: "keys" },
        key("trigger", "trigger", e.trigger),
        key("source", "source", e.source_text || e.source_actor ? actorLabel(e.source_text, e.source_actor, e.source_inferred) : null),
        key("target", "target", e.target_text || e.target_actor ? actorLabel(e.target_text, e.target_actor, e.target_inferred) : null),
        key("place", "place", place),
        key("time", "time", e.event_date ? `${e.event_date}${e.date_value && e.date_value !== e.event_date ? ` (${e.date_value})` : ""}` : null),
        key("attribution", "said by", e.attribution_text ? actorLabel(e.attribution_text, e.attribution_actor) : null),
      ),
      h(
        "p",
        { class: "numbers" },
        [e.goldstein !== null ? `Goldstein ${e.goldstein}` : "", e.confidence !== null ? `confidence ${e.confidence.toFixed(2)}` : "", e.report_source ? `${e.report_source}, ${e.report_date ?? ""}` : ""]
          .filter(Boolean)
          .join(" · "),
      ),
      this.story(d.story),
      this.mentions(d.mentions, e),
    );
  }

  private story(story: Story | null): HTMLElement {
    if (!story) return h("section", { class: "story" }, h("h3", {}, "Corroboration"), h("p", {}, "Not in a story yet (run sitrep stories)."));
    const dates = story.first_date && story.last_date && story.first_date !== story.last_date ? `${story.first_date} – ${story.last_date}` : (story.first_date ?? "");
    return h(
      "section",
      { class: `story${story.contested ? " contested" : ""}`, "data-story": story.id },
      h("h3", {}, "Corroboration"),
      h(
        "p",
        { class: "corroboration" },
        h("strong", {}, plural(story.num_mentions, "mention")),
        " in ",
        h("strong", {}, plural(story.num_sources, "source")),
        ` (${plural(story.num_articles, "article")}; story ${story.id}${dates ? `, ${dates}` : ""})`,
      ),
      story.contested ? h("p", { class: "contested-note" }, `Contested${story.contested_reason ? `: ${story.contested_reason}` : ""}`) : null,
    );
  }

  private mentions(mentions: Mention[], current: Event): HTMLElement {
    const list = h("ol", { class: "mentions" });
    for (const m of mentions) {
      const read = h("button", { type: "button", class: "link", "data-report": m.report }, m.title || m.report);
      read.addEventListener("click", () => this.cb.report(m.report));
      const here = m.event === current.id;
      let other: HTMLButtonElement | null = null;
      if (!here) {
        other = h("button", { type: "button", class: "link small", "data-event": m.event }, "this event");
        other.addEventListener("click", () => this.cb.select(m.event));
      }
      list.append(
        h(
          "li",
          { class: here ? "current" : "" },
          h("div", {}, read),
          h(
            "div",
            { class: "meta" },
            [m.report_source, m.report_date].filter(Boolean).join(", "),
            " · ",
            attributionLine(m),
            m.factuality && m.factuality !== "asserted" ? ` · ${m.factuality}` : "",
            " · ",
            h("a", { href: api.reportHref(m.report), target: "_blank", rel: "noopener" }, "JSON"),
            m.url ? " · " : null,
            m.url ? h("a", { href: m.url, target: "_blank", rel: "noopener noreferrer" }, "original") : null,
            other ? " · " : null,
            other,
          ),
        ),
      );
    }
    return h("section", { class: "reports" }, h("h3", {}, `Reports (${mentions.length})`), list);
  }

  private renderReport(r: Report, eventId: number | null): void {
    clear(this.root);
    const body = h("div", { class: "report-text" });
    // the events' sentences, each once, in order
    const ranges = new Map<string, { start: number; end: number; ids: number[] }>();
    for (const e of r.events) {
      if (!e.sentence) continue;
      const [start, end] = sentenceRange(r.text, e.sentence, e.evidence);
      const k = `${start}:${end}`;
      const range = ranges.get(k) ?? { start, end, ids: [] };
      range.ids.push(e.id);
      ranges.set(k, range);
    }
    let at = 0;
    for (const range of [...ranges.values()].sort((a, b) => a.start - b.start)) {
      if (range.start < at || range.end <= range.start) continue;
      body.append(r.text.slice(at, range.start));
      const current = eventId !== null && range.ids.includes(eventId);
      const mark = h(
        "mark",
        { class: `sentence${current ? " current" : ""}`, tabindex: 0, role: "button", title: `${plural(range.ids.length, "event")}: click to show`, "data-events": range.ids.join(",") },
        r.text.slice(range.start, range.end),
      );
      const pick = (): void => this.cb.select(current && eventId !== null ? eventId : range.ids[0]!);
      mark.addEventListener("click", pick);
      mark.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          pick();
        }
      });
      body.append(mark);
      at = range.end;
    }
    body.append(r.text.slice(at));
    this.root.append(
      this.closeBar("Report", eventId !== null ? () => this.cb.report(null) : undefined),
      h("h3", { class: "title" }, r.title || r.id),
      h(
        "p",
        { class: "meta" },
        [r.source, r.date, r.lang].filter(Boolean).join(" · "),
        " · ",
        h("a", { href: api.reportHref(r.id), target: "_blank", rel: "noopener" }, "JSON"),
        r.url ? " · " : null,
        r.url ? h("a", { href: r.url, target: "_blank", rel: "noopener noreferrer" }, "original") : null,
      ),
      h("p", { class: "meta" }, `${plural(r.events.length, "event")} coded; their sentences are marked.`),
      body,
    );
  }
}
