// The kinds of personal data the detector reports, and the placeholder label each is redacted to.

/** Kinds of personal data we detect; card_expiry and card_cvv are only claimed next to a card or under their label. */
export const PII_KINDS = [
  "card",
  "card_expiry",
  "card_cvv",
  "iban",
  "cn_id",
  "passport",
  "ni_number",
  "email",
  "phone",
  "account",
  "sort_code",
] as const;

/** A kind of personal data. */
export type PiiKind = (typeof PII_KINDS)[number];

/** The placeholder label of each kind: `[CARD_1]`, `[NI_NUMBER_2]`. */
export const PII_LABELS: Readonly<Record<PiiKind, string>> = {
  card: "CARD",
  card_expiry: "CARD_EXPIRY",
  card_cvv: "CARD_CVV",
  iban: "IBAN",
  cn_id: "CN_ID",
  passport: "PASSPORT",
  ni_number: "NI_NUMBER",
  email: "EMAIL",
  phone: "PHONE",
  account: "ACCOUNT",
  sort_code: "SORT_CODE",
};

/** One detected item: where it is in the original text, what it is, and its folded form (ASCII digits, no spaces). */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
  value: string;
  /** The value with look-alike characters folded and separators removed, so equal values share a placeholder. */
  canonical: string;
}

/** A span found in the folded text (offsets into the folded string, mapped back to the original later). */
export interface FoundSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/** A run of digits in the folded text: where it is and its digits. */
export interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}
