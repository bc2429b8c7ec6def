// The one view state of the page. Components read it and ask for changes; every change is
// written to the URL (replaceState, or pushState for steps worth going back to) and announced.

import { parseState, serializeState, type ViewState } from "./url";

export type Listener = (next: ViewState, prev: ViewState) => void;

export class Store {
  private current: ViewState;
  private listeners: Listener[] = [];

  constructor() {
    this.current = parseState(window.location.search);
    window.addEventListener("popstate", () => this.set(parseState(window.location.search), "none"));
  }

  get state(): ViewState {
    return this.current;
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Changes part of the view. `history`: "push" adds a step, "replace" rewrites this one. */
  update(change: (draft: ViewState) => void, history: "push" | "replace" = "replace"): void {
    const draft = structuredClone(this.current);
    change(draft);
    this.set(draft, history);
  }

  private set(next: ViewState, history: "push" | "replace" | "none"): void {
    const prev = this.current;
    this.current = next;
    const url = window.location.pathname + serializeState(next) + window.location.hash;
    if (history === "push" && url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState(null, "", url);
    } else if (history !== "none") {
      window.history.replaceState(null, "", url);
    }
    for (const listener of this.listeners) listener(next, prev);
  }
}
