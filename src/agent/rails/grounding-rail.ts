// The grounding rail: every fact a sentence states (amount, rate, duration, time, date, phone, address, other number)
// must appear, normalised, in this turn's evidence. Evidence is indexed once per turn as a set of keys, so checking a
// sentence costs its own extraction plus a few set look-ups.
import { extractFacts } from "./extract-facts.js";
import type { Fact } from "./fact-types.js";
import { numberKey } from "./fact-types.js";

/** The keys of every fact in the evidence of a turn. */
export type FactIndex = ReadonlySet<string>;

/** Indexes the facts of the evidence texts (sources and published contacts). */
export function indexFacts(texts: readonly string[]): FactIndex {
  const keys = new Set<string>();
  for (const text of texts) {
    for (const fact of extractFacts(text, "evidence")) {
      for (const k of fact.keys) keys.add(k);
      for (const k of fact.implied ?? []) keys.add(k);
      if (fact.conflicts) keys.add(fact.conflicts.any).add(fact.conflicts.own);
      for (const v of fact.values) keys.add(`n:${numberKey(v)}`);
    }
  }
  return keys;
}

/** True when the evidence holds the fact. */
export function isSupported(fact: Fact, index: FactIndex): boolean {
  if (fact.conflicts && index.has(fact.conflicts.any) && !index.has(fact.conflicts.own)) return false;
  if (fact.keys.some((k) => index.has(k)) || (fact.weakKeys ?? []).some((k) => index.has(k))) return true;
  return fact.allOf !== undefined && fact.allOf.every((k) => index.has(k));
}

/** The facts of a sentence the evidence does not hold (empty when the sentence is grounded). */
export function unsupportedFacts(sentence: string, index: FactIndex): Fact[] {
  return extractFacts(sentence, "claim").filter((f) => !isSupported(f, index));
}
