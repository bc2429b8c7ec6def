// The map's legend: a swatch and a count for each PLOVER type on the map; a click filters.

import { clear, h } from "./dom";
import { ploverColor, ploverRank } from "./plover";

export function renderLegend(root: HTMLElement, counts: Map<string, number>, pick: (type: string) => void): void {
  clear(root);
  const types = [...counts.entries()].sort((a, b) => ploverRank(a[0]) - ploverRank(b[0]));
  root.hidden = types.length === 0;
  for (const [type, n] of types) {
    const b = h(
      "button",
      { type: "button", class: "legend-item", title: type === "OTHER" ? "No PLOVER type" : `Show only ${type}`, "data-plover": type },
      h("span", { class: "swatch", style: `background:${ploverColor(type === "OTHER" ? null : type)}` }),
      `${type.toLowerCase()} `,
      h("span", { class: "count" }, String(n)),
    );
    if (type === "OTHER") b.disabled = true;
    b.addEventListener("click", () => pick(type));
    root.append(b);
  }
}
