// The bank's own published phone numbers: they appear in answers and must never be mistaken for customer PII.

/** Harbor Bank's public contact numbers (from the contact-channels knowledge document). */
export const BANK_PUBLIC_NUMBERS: readonly string[] = [
  "0800 123 4567",
  "+44 20 7946 0000",
  "0345 600 7000",
  "0345 600 7088",
  "0345 600 7055",
];

/** Every contact the bank publishes (phones, e-mail addresses, web address); replies may state them freely. */
export const BANK_PUBLISHED_CONTACTS: readonly string[] = [
  ...BANK_PUBLIC_NUMBERS,
  "phishing@harborbank.example",
  "complaints@harborbank.example",
  "harborbank.example",
];
