// Runs every slot extractor over one message (its first MAX_SCANNED_CHARS characters) and returns the zod-typed slots.
import { capText } from "../../shared/linear-text.js";
import { extractAmounts } from "./extract-amounts.js";
import { extractDates } from "./extract-dates.js";
import { extractCardLastFour, extractMerchants, extractTransactionRefs } from "./extract-references.js";
import { extractTerms } from "./extract-terms.js";
import type { Slots } from "./slot-schema.js";

/** The text with every case-insensitive occurrence of `value` blanked out (same length, so positions still agree). */
function maskAll(text: string, value: string): string {
  const lower = text.toLowerCase();
  const needle = value.toLowerCase();
  if (needle.length === 0 || lower.length !== text.length) return text;
  let out = "";
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    out += text.slice(from, at) + " ".repeat(value.length);
    from = at + needle.length;
  }
  return out + text.slice(from);
}

/** Extracts amounts, terms, dates (resolved against `reference`), card last-four digits, merchants and transaction refs. */
export function extractSlots(message: string, reference: Date): Slots {
  const text = capText(message);
  const cardLastFour = extractCardLastFour(text);
  const transactionRefs = extractTransactionRefs(text);
  // Card digits and reference numbers are not amounts or dates.
  const masked = [...cardLastFour, ...transactionRefs].reduce((t, v) => maskAll(t, v), text);
  return {
    amounts: extractAmounts(masked),
    terms: extractTerms(masked),
    dates: extractDates(masked, reference),
    cardLastFour,
    merchants: extractMerchants(text),
    transactionRefs,
  };
}
