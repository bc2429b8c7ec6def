// The shapes of the JSON API (docs/api.md). Fields the page does not use are left out.

export type HighlightKind = "trigger" | "source" | "target" | "place" | "time" | "attribution";

/** A span of `evidence`, in UTF-16 code units (JavaScript string indices). */
export interface Highlight {
  kind: HighlightKind;
  start: number;
  end: number;
}

export interface Event {
  id: number;
  story: number | null;
  report: string;
  report_date: string | null;
  report_source: string | null;
  url: string | null;
  title: string | null;
  event_date: string | null;
  date_value: string | null;
  cameo: string | null;
  root: string | null;
  plover: string | null;
  goldstein: number | null;
  source_text: string | null;
  source_actor: string | null;
  source_country: string | null;
  target_text: string | null;
  target_actor: string | null;
  target_country: string | null;
  /** The report does not name the source in the event's clause: taken from its conflict. */
  source_inferred: boolean;
  /** The same for the target. */
  target_inferred: boolean;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  place_country: string | null;
  place_admin1: string | null;
  place_precision: string | null;
  geonames_id: number | null;
  factuality: string | null;
  stance: string | null;
  attribution_text: string | null;
  attribution_actor: string | null;
  attribution_cue: string | null;
  confidence: number | null;
  evidence: string | null;
  /** Byte offsets of the sentence in the report text. */
  sentence: [number, number] | null;
  trigger: string | null;
  trigger_span: [number, number] | null;
  quantities: unknown;
  highlights: Highlight[] | null;
}

export interface Story {
  id: number;
  root: string | null;
  cameo: string | null;
  plover: string | null;
  first_date: string | null;
  last_date: string | null;
  num_mentions: number;
  num_sources: number;
  num_articles: number;
  contested: boolean;
  contested_reason: string | null;
}

export interface Mention {
  event: number;
  report: string;
  title: string | null;
  url: string | null;
  report_source: string | null;
  report_date: string | null;
  stance: string | null;
  attribution_text: string | null;
  factuality: string | null;
}

export interface EventsPage {
  events: Event[];
  next: string | null;
}

export interface EventDetail {
  event: Event;
  story: Story | null;
  mentions: Mention[];
}

export interface Report {
  id: string;
  date: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  title: string | null;
  lang: string | null;
  text: string;
  events: Event[];
}

export interface Day {
  date: string;
  events: number;
  by_plover: Record<string, number>;
}

export interface ActorCount {
  code: string;
  events: number;
}

export interface PlaceCount {
  name: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
  events: number;
}

/** The error body every 4xx/5xx carries. */
export interface ApiErrorBody {
  error: { status: number; reason: string; parameter?: string };
}
