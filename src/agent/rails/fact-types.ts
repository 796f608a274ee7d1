// The shape of a fact the grounding rail compares: what it is, how it was written, and the normalised keys under
// which the evidence must hold it ("£1,000", "1000英镑" and "一千英镑" share the key m:GBP:1000).

/** What kind of fact a span of text states; "date-relative" is a day or period counted from now ("tomorrow", "下周一"). */
export type FactKind =
  | "money"
  | "percent"
  | "duration"
  | "count"
  | "time"
  | "date"
  | "date-relative"
  | "weekday"
  | "phone"
  | "url"
  | "email"
  | "number";

/** One fact found in a text. */
export interface Fact {
  kind: FactKind;
  /** The text as written, for the trace. */
  raw: string;
  /** What the fact is: evidence registers these, and a claim is supported when the evidence holds any one of them. */
  keys: string[];
  /**
   * Keys that also support a claim but that evidence never registers as its own: "£15" is supported by a bare 15 in
   * tool data. Evidence registers a bare number (`b:`) only when it is written as data is: in digits, on its own, not
   * an ordinal, a date part or a small count, so "8号" or "8 cards" never support "8英镑".
   */
  weakKeys?: string[];
  /** ...or every one of these (a full date: its day and month, and its year somewhere). */
  allOf?: string[];
  /** Keys the evidence also registers for this fact: the ends of a range, the host of a web address. */
  implied?: string[];
  /** Unsupported after all when the evidence holds `any` but not `own` ("£25,000 a month" where it says "a day"). */
  conflicts?: { any: string; own: string };
  /** The numbers the fact mentions; evidence registers them, so a bare "15" elsewhere is supported by "£15". */
  values: number[];
}

/** A fact and where it was found in the (folded) text. */
export interface FoundFact {
  fact: Fact;
  start: number;
  end: number;
}

/** A number as it appears in keys: at most four decimals, no trailing zeros ("1.50" and "1.5" agree). */
export function numberKey(value: number): string {
  return String(Math.round(value * 1e4) / 1e4);
}

/** Two-digit form used in time and date keys. */
export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
