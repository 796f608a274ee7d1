// Finds customer ids ("demo1", "C000012") and the bank's transaction ids ("tx-00005926") in a staff message. Both
// patterns are one bounded run of word characters after a fixed prefix, so a scan stays linear.

// The bank's customer ids: the two demo customers' "demoN" and "c" with six digits.
const CUSTOMER_ID = /\b(demo\d{1,6}|c\d{6})\b/gi;
// The bank's transaction ids: "tx-" and digits; staff also drop the dash or write "txn".
const TRANSACTION_ID = /\b(?:tx|txn)[-_ ]?(\d{4,12})\b/gi;

/** Customer ids in the order written, lower-cased, each once. */
export function extractCustomerIds(text: string): string[] {
  return [...new Set([...text.matchAll(CUSTOMER_ID)].map((m) => (m[1] as string).toLowerCase()))];
}

/** Transaction ids in the order written, in the bank's own form ("tx-" and eight digits), each once. */
export function extractTransactionIds(text: string): string[] {
  return [...new Set([...text.matchAll(TRANSACTION_ID)].map((m) => `tx-${(m[1] as string).padStart(8, "0")}`))];
}
