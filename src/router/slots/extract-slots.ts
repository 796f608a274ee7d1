// Runs every slot extractor over one message and returns the zod-typed slots.
import { extractAmounts } from "./extract-amounts.js";
import { extractDates } from "./extract-dates.js";
import { extractCardLastFour, extractMerchants, extractTransactionRefs } from "./extract-references.js";
import type { Slots } from "./slot-schema.js";

/** Extracts amounts, dates (resolved against `reference`), card last-four digits, merchants and transaction refs. */
export function extractSlots(text: string, reference: Date): Slots {
  const cardLastFour = extractCardLastFour(text);
  const transactionRefs = extractTransactionRefs(text);
  // Card digits and reference numbers are not amounts or dates.
  const masked = [...cardLastFour, ...transactionRefs].reduce(
    (t, v) => t.replace(new RegExp(v.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"), "gi"), " ".repeat(v.length)),
    text,
  );
  return {
    amounts: extractAmounts(masked),
    dates: extractDates(masked, reference),
    cardLastFour,
    merchants: extractMerchants(text),
    transactionRefs,
  };
}
