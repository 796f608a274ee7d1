// Turns traces and feedback into the dashboard's conversation series: per day, per hour of the day and for the whole
// window, each split by language. A conversation counts in the bucket and language of its first turn in the window.
import type { FeedbackEntry } from "../../conversations/feedback-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import type { Locale } from "../../shared/locale.js";
import type { Analytics, ConversationPoint } from "./analytics-schema.js";
import { percentile, ratio } from "./percentile.js";
import { isFallbackTurn, railKeysOf } from "./rail-keys.js";

/** Feedback as the series read it. */
export type FeedbackFact = Pick<FeedbackEntry, "kind" | "rating" | "csat" | "locale" | "createdAt">;

const LOCALES: readonly Locale[] = ["en", "zh-CN"];
const HOURS = Array.from({ length: 24 }, (_, i) => String(i).padStart(2, "0"));

interface Cell {
  sessions: number;
  handoffs: number;
  turns: number;
  fallbacks: number;
  rails: Map<string, number>;
  latencies: number[];
  up: number;
  down: number;
  csat: number[];
}

const emptyCell = (): Cell => ({
  sessions: 0,
  handoffs: 0,
  turns: 0,
  fallbacks: 0,
  rails: new Map(),
  latencies: [],
  up: 0,
  down: 0,
  csat: [],
});

type Grid = Map<string, Cell>;
const cellOf = (grid: Grid, bucket: string, locale: Locale): Cell => {
  const key = `${bucket}|${locale}`;
  let c = grid.get(key);
  if (!c) grid.set(key, (c = emptyCell()));
  return c;
};

const dayOf = (iso: string): string => iso.slice(0, 10);
const hourOf = (iso: string): string => HOURS[new Date(iso).getUTCHours()] ?? "00";
const bucketers: ((iso: string) => string)[] = [dayOf, hourOf, () => "all"];

function toPoint(bucket: string, locale: Locale, c: Cell, railKeys: readonly string[]): ConversationPoint {
  const contained = c.sessions - c.handoffs;
  return {
    bucket,
    locale,
    sessions: c.sessions,
    turns: c.turns,
    handoffs: c.handoffs,
    containmentRate: ratio(contained, c.sessions),
    handoffRate: ratio(c.handoffs, c.sessions),
    fallbackRate: ratio(c.fallbacks, c.turns),
    rails: Object.fromEntries(railKeys.map((k) => [k, c.turns === 0 ? 0 : (c.rails.get(k) ?? 0) / c.turns])),
    thumbsUp: c.up,
    thumbsDown: c.down,
    csatResponses: c.csat.length,
    csatAverage: c.csat.length ? c.csat.reduce((s, x) => s + x, 0) / c.csat.length : null,
    latencyP50: percentile(c.latencies, 0.5),
    latencyP99: percentile(c.latencies, 0.99),
  };
}

/** Builds the conversation series of a window from its traces and feedback. */
export function buildConversationSeries(input: {
  days: readonly string[];
  traces: readonly TurnTrace[];
  feedback: readonly FeedbackFact[];
  truncated: boolean;
}): Analytics["conversations"] {
  const grids: Grid[] = [new Map(), new Map(), new Map()];
  const allKeys = new Set<string>();
  const sessions = new Map<string, { first: TurnTrace; handoff: boolean }>();
  const intents = new Map<string, number>();
  for (const t of input.traces) {
    const keys = railKeysOf(t.guardrails);
    for (const k of keys) allKeys.add(k);
    const fallback = isFallbackTurn(t.guardrails);
    bucketers.forEach((bucketOf, i) => {
      const c = cellOf(grids[i] as Grid, bucketOf(t.startedAt), t.locale);
      c.turns++;
      if (fallback) c.fallbacks++;
      for (const k of keys) c.rails.set(k, (c.rails.get(k) ?? 0) + 1);
      c.latencies.push(t.latencyMs.total);
    });
    const s = sessions.get(t.sessionId);
    if (!s) sessions.set(t.sessionId, { first: t, handoff: t.handoffTicketId !== undefined });
    else {
      if (t.startedAt < s.first.startedAt) s.first = t;
      if (t.handoffTicketId !== undefined) s.handoff = true;
    }
    if (t.kind === "message") {
      const key = `${t.intent.name}|${t.locale}`;
      intents.set(key, (intents.get(key) ?? 0) + 1);
    }
  }
  for (const { first, handoff } of sessions.values())
    bucketers.forEach((bucketOf, i) => {
      const c = cellOf(grids[i] as Grid, bucketOf(first.startedAt), first.locale);
      c.sessions++;
      if (handoff) c.handoffs++;
    });
  for (const f of input.feedback)
    bucketers.forEach((bucketOf, i) => {
      const c = cellOf(grids[i] as Grid, bucketOf(f.createdAt), f.locale);
      if (f.kind === "rating" && f.rating === "up") c.up++;
      if (f.kind === "rating" && f.rating === "down") c.down++;
      if (f.kind === "csat" && f.csat !== undefined) c.csat.push(f.csat);
    });

  const railKeys = [...allKeys].sort();
  const series = (grid: Grid, buckets: readonly string[]): ConversationPoint[] =>
    buckets.flatMap((b) => LOCALES.map((l) => toPoint(b, l, grid.get(`${b}|${l}`) ?? emptyCell(), railKeys)));
  const [byDay, byHour, totals] = grids as [Grid, Grid, Grid];
  return {
    railKeys,
    truncated: input.truncated,
    totals: series(totals, ["all"]),
    byDay: series(byDay, input.days),
    byHour: series(byHour, HOURS),
    intents: [...intents.entries()]
      .map(([key, turns]) => {
        const [intent = "", locale] = key.split("|");
        return { intent, locale: locale === "zh-CN" ? ("zh-CN" as const) : ("en" as const), turns };
      })
      .sort((a, b) => b.turns - a.turns || a.intent.localeCompare(b.intent) || a.locale.localeCompare(b.locale)),
  };
}
