// The reporting window of the analytics dashboard: whole UTC days from `from` to `to` inclusive, the last 30 days by
// default and at most 366, so one request never reads an unbounded history.
import { z } from "zod";

/** The longest window one analytics request may cover, in days. */
export const MAX_ANALYTICS_DAYS = 366;
/** The window when none is given, in days. */
export const DEFAULT_ANALYTICS_DAYS = 30;

const DAY_MS = 86_400_000;
const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-30")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: "is not a calendar date",
    },
  );

/** The query of an analytics request: optional first and last day (ISO dates, UTC). */
export const AnalyticsQuerySchema = z.object({
  from: IsoDay.optional().describe("First day of the window (inclusive, UTC)."),
  to: IsoDay.optional().describe("Last day of the window (inclusive, UTC)."),
});
/** The query of an analytics request. */
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;

/** A resolved window: its days, and the instants [fromIso, toIso) that bound the stored rows. */
export interface AnalyticsRange {
  from: string;
  to: string;
  days: string[];
  fromIso: string;
  toIso: string;
}

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Resolves a query against today: the default window, or a message saying why the window is refused. */
export function resolveAnalyticsRange(
  query: AnalyticsQuery,
  today: string,
): { ok: true; value: AnalyticsRange } | { ok: false; error: string } {
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_ANALYTICS_DAYS - 1) : today);
  const from = query.from ?? addDays(to, -(DEFAULT_ANALYTICS_DAYS - 1));
  if (from > to) return { ok: false, error: "from must not be after to" };
  const count = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (count > MAX_ANALYTICS_DAYS)
    return { ok: false, error: `the window may cover at most ${MAX_ANALYTICS_DAYS} days` };
  const days = Array.from({ length: count }, (_, i) => addDays(from, i));
  return {
    ok: true,
    value: { from, to, days, fromIso: `${from}T00:00:00.000Z`, toIso: `${addDays(to, 1)}T00:00:00.000Z` },
  };
}
