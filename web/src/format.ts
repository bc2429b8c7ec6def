// Words for coded values: who says an event happened, and how sure the report is.

import type { Event, Mention } from "./types";

const STANCE_VERB: Record<string, string> = {
  reported: "reported",
  claimed: "claimed",
  denied: "denied",
  witnessed: "witnessed",
};

/** "claimed by Russia's military"; "reported by the reporter" in the reporter's own voice. */
export function attributionLine(e: Pick<Event | Mention, "stance" | "attribution_text">): string {
  const stance = e.stance && e.stance !== "none" ? e.stance : null;
  if (!stance) return "reported by the reporter";
  const verb = STANCE_VERB[stance] ?? stance;
  return e.attribution_text ? `${verb} by ${e.attribution_text}` : `${verb} by an unnamed source`;
}

export const FACTUALITY = ["asserted", "negated", "hypothetical", "expected", "planned", "conditional"] as const;
export const STANCES = ["reported", "claimed", "denied", "witnessed", "none"] as const;

/** "RUSMIL (Russian troops)" or whichever half is known. */
export function actorLabel(text: string | null, code: string | null, inferred = false): string {
  const label = text && code ? `${text} (${code})` : (text ?? code ?? "—");
  // Not named in the event's clause: the coder took this side from the report's conflict.
  return inferred ? `${label}, inferred` : label;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
