// Clock port so "today" (knowledge freshness, transaction windows) is injectable in tests.

/** Supplies the current time. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export function createSystemClock(): Clock {
  return { now: () => new Date() };
}

/** A clock frozen at a given instant, for tests and deterministic runs. */
export function createFixedClock(at: Date | string): Clock {
  const fixed = new Date(at);
  return { now: () => new Date(fixed) };
}

/** The calendar day (UTC) of a date as YYYY-MM-DD. */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
