// The arguments a staff question carries: customer and transaction ids, a loan amount and term, a look-back period,
// card digits and the name searched for. Read once by the staff router, typed, and never parsed again downstream.
import { z } from "zod";
import { capText } from "../../shared/linear-text.js";
import { extractCustomerIds, extractTransactionIds } from "../slots/extract-customer-refs.js";
import { extractAmounts } from "../slots/extract-amounts.js";
import { extractNameQuery } from "../slots/extract-name-query.js";
import { extractPeriodDays } from "../slots/extract-period.js";
import { extractCardLastFour } from "../slots/extract-references.js";
import { extractTerms } from "../slots/extract-terms.js";

/** Slots of one staff message. */
export const StaffSlotsSchema = z.object({
  customerIds: z.array(z.string()).describe("customer ids, lower-cased, in the order written"),
  transactionIds: z.array(z.string()).describe("transaction ids in the bank's form, tx- and eight digits"),
  amounts: z.array(z.number().positive()).describe("money amounts in major units, in the order written"),
  termsMonths: z.array(z.number().int().positive()).describe("loan terms in months"),
  periodDays: z.number().int().positive().optional().describe("the look-back period named, in days"),
  cardLastFour: z.array(z.string().regex(/^\d{4}$/)).describe("card last-four digits"),
  fourDigitNumbers: z
    .array(z.string().regex(/^\d{4}$/))
    .describe("numbers of exactly four digits written alone (a card's last four when staff act on a card)"),
  nameQuery: z.string().optional().describe("the name a lookup searches for"),
});
/** Slots of one staff message. */
export type StaffSlots = z.infer<typeof StaffSlotsSchema>;

/** Ids, card digits and terms are not amounts: they are blanked before amounts are read. */
function blank(text: string, patterns: readonly RegExp[]): string {
  return patterns.reduce((t, p) => t.replace(p, (m) => " ".repeat(m.length)), text);
}

const IDS = [/\b(?:demo\d{1,6}|c\d{6})\b/gi, /\b(?:tx|txn)[-_ ]?\d{4,12}\b/gi];

/** Extracts every staff slot from a message (its first MAX_SCANNED_CHARS characters). */
export function extractStaffSlots(message: string): StaffSlots {
  const text = capText(message);
  const cardLastFour = extractCardLastFour(text);
  const masked = blank(text, IDS);
  const cardsMasked = cardLastFour.reduce((t, d) => t.split(d).join("    "), masked);
  const nameQuery = extractNameQuery(text);
  const periodDays = extractPeriodDays(masked);
  return {
    customerIds: extractCustomerIds(text),
    transactionIds: extractTransactionIds(text),
    // Staff questions about credit are about money, so a bare "8000" or "两万" counts as an amount.
    amounts: extractAmounts(cardsMasked, { moneyContext: true }).map((a) => a.value),
    termsMonths: extractTerms(cardsMasked).map((t) => t.months),
    ...(periodDays !== undefined ? { periodDays: Math.min(periodDays, 365) } : {}),
    cardLastFour,
    fourDigitNumbers: [...masked.matchAll(/(?<![\d£$€.,])(\d{4})(?![\d%.,万千])/g)].map((m) => m[1] as string),
    ...(nameQuery ? { nameQuery } : {}),
  };
}
