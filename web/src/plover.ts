// The PLOVER event types sitrep codes (data/events/plover.tsv), cooperative to conflictual,
// and the colour of each on the map, the timeline and the badges.

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
] as const;

const COLORS: Record<string, string> = {
  AGREE: "#2e7d32",
  CONSULT: "#1565c0",
  SUPPORT: "#43a047",
  CONCEDE: "#9ccc65",
  COOPERATE: "#00897b",
  AID: "#4dd0e1",
  RETREAT: "#afb42b",
  REQUEST: "#7986cb",
  ACCUSE: "#fbc02d",
  REJECT: "#ff9800",
  THREATEN: "#f4511e",
  PROTEST: "#8e24aa",
  SANCTION: "#795548",
  MOBILIZE: "#d81b60",
  COERCE: "#b71c1c",
  ASSAULT: "#e53935",
};

export const OTHER_COLOR = "#78909c";

export function ploverColor(type: string | null): string {
  return (type && COLORS[type]) || OTHER_COLOR;
}

/** Index for stable ordering (unknown types last). */
export function ploverRank(type: string | null): number {
  const i = (PLOVER_TYPES as readonly string[]).indexOf(type ?? "");
  return i < 0 ? PLOVER_TYPES.length : i;
}
