// Typed slots pulled out of a customer message (amounts, terms, dates, card digits, merchants, references),
// so tools get structured arguments instead of re-reading free text.
import { z } from "zod";

/** Currencies we recognise in messages (ISO 4217). */
export const CurrencySchema = z.enum(["GBP", "USD", "EUR", "CNY", "JPY", "HKD"]);
/** A recognised currency. */
export type Currency = z.infer<typeof CurrencySchema>;

/** A money amount as written, with its value in major units and the currency when one was stated. */
export const AmountSlotSchema = z.object({
  value: z.number().nonnegative().describe("amount in major units, e.g. 1200 for £1.2k"),
  currency: CurrencySchema.nullable().describe("currency if stated or implied by a symbol/word, else null"),
  text: z.string().describe("the words of the message this was read from"),
});
/** A money amount. */
export type AmountSlot = z.infer<typeof AmountSlotSchema>;

/** A repayment term ("3 years", "36期"), read as months: 期 are monthly instalments, so they count as months. */
export const TermSlotSchema = z.object({
  months: z.number().int().positive().describe("length of the term in months, e.g. 36 for three years"),
  text: z.string().describe("the words of the message this was read from"),
});
/** A repayment term. */
export type TermSlot = z.infer<typeof TermSlotSchema>;

/** A calendar date mentioned in the message, resolved against the reference date. */
export const DateSlotSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe("resolved calendar day, YYYY-MM-DD"),
  relative: z.boolean().describe("true for expressions such as yesterday or 上周五"),
  text: z.string().describe("the words of the message this was read from"),
});
/** A resolved date. */
export type DateSlot = z.infer<typeof DateSlotSchema>;

/** Everything extracted from one message; each list is empty when nothing was found. */
export const SlotsSchema = z.object({
  amounts: z.array(AmountSlotSchema),
  terms: z.array(TermSlotSchema).describe("repayment terms, such as a loan's length"),
  dates: z.array(DateSlotSchema),
  cardLastFour: z.array(z.string().regex(/^\d{4}$/)).describe("last four digits of a card"),
  merchants: z.array(z.string()).describe("merchant names as written"),
  transactionRefs: z.array(z.string()).describe("transaction references, upper-cased"),
});
/** Slots of one message. */
export type Slots = z.infer<typeof SlotsSchema>;
