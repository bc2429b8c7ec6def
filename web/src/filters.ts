// The filter form (in index.html): actor, country, PLOVER type, factuality, stance, text and
// dates. Typing waits a moment before it asks; a select or a date applies at once.

import { clear, h } from "./dom";
import { FACTUALITY, STANCES } from "./format";
import { PLOVER_TYPES } from "./plover";
import { FILTER_KEYS, type FilterKey, type ViewState } from "./state/url";

export interface FilterChange {
  filters: Partial<Record<FilterKey, string>>;
  from?: string;
  to?: string;
}

export interface FilterCallbacks {
  change(change: FilterChange): void;
  reset(): void;
}

type Field = HTMLInputElement | HTMLSelectElement;

export class FilterForm {
  private readonly fields = new Map<string, Field>();
  private readonly error: HTMLElement;
  private timer: number | undefined;

  constructor(
    form: HTMLFormElement,
    private readonly cb: FilterCallbacks,
  ) {
    for (const key of [...FILTER_KEYS, "from", "to"]) {
      const el = form.elements.namedItem(key);
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) throw new Error(`filter ${key} is missing from index.html`);
      this.fields.set(key, el);
    }
    fillSelect(this.field("plover") as HTMLSelectElement, "any type", PLOVER_TYPES);
    fillSelect(this.field("factuality") as HTMLSelectElement, "any", FACTUALITY);
    fillSelect(this.field("stance") as HTMLSelectElement, "anyone", STANCES, { none: "the reporter (none)" });
    this.error = h("p", { class: "form-error", role: "alert" });
    form.append(this.error);

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.apply();
    });
    form.addEventListener("input", (e) => {
      const t = e.target;
      if (t instanceof HTMLInputElement && (t.type === "text" || t.type === "search")) {
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(() => this.apply(), 350);
      }
    });
    form.addEventListener("change", (e) => {
      const t = e.target;
      if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type === "date")) this.apply();
    });
    form.addEventListener("reset", (e) => {
      e.preventDefault();
      this.cb.reset();
    });
  }

  private field(key: string): Field {
    return this.fields.get(key)!;
  }

  private apply(): void {
    window.clearTimeout(this.timer);
    const filters: Partial<Record<FilterKey, string>> = {};
    for (const key of FILTER_KEYS) filters[key] = this.field(key).value.trim();
    this.cb.change({ filters, from: this.field("from").value, to: this.field("to").value });
  }

  /** Writes the view's values into the form (the field being typed in keeps its text). */
  set(state: ViewState): void {
    const values: Record<string, string> = { ...state.filters, from: state.from, to: state.to };
    for (const [key, el] of this.fields) {
      const v = values[key] ?? "";
      if (el === document.activeElement && el.value.trim() === v) continue;
      if (el instanceof HTMLSelectElement && v && ![...el.options].some((o) => o.value === v)) el.append(h("option", { value: v }, v));
      el.value = v;
    }
  }

  setSuggestions(list: "actors" | "countries", values: { value: string; label: string }[]): void {
    const datalist = document.getElementById(`${list}-list`);
    if (!datalist) return;
    clear(datalist);
    for (const v of values) datalist.append(h("option", { value: v.value, label: v.label }));
  }

  /** The API's complaint about a filter, shown under the form; null clears it. */
  setError(message: string | null, parameter: string | null): void {
    this.error.textContent = message ?? "";
    for (const [key, el] of this.fields) {
      if (message && parameter === key) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    }
  }
}

function fillSelect(select: HTMLSelectElement, any: string, values: readonly string[], labels: Record<string, string> = {}): void {
  clear(select);
  select.append(h("option", { value: "" }, any));
  for (const v of values) select.append(h("option", { value: v }, labels[v] ?? v.toLowerCase()));
}
