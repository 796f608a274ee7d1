// The one text normaliser: the router, knowledge search and answer extraction all read text after the same folding,
// so "Ｃａｒｄ’s" and "card's" agree everywhere; matching meaning also drops apostrophes and digit-group commas.

// Curly, modifier and backtick apostrophes all become the straight one.
const APOSTROPHE_VARIANTS = /[`\u2018\u2019\u02bc]/g;
const APOSTROPHE = /'/g;
// A comma between digit groups ("10,000").
const THOUSANDS_SEPARATOR = /(\d),(?=\d{3}\b)/g;

/** Folds full-width forms and compatibility characters (NFKC), lower-cases and straightens apostrophes. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(APOSTROPHE_VARIANTS, "'");
}

/**
 * The normalised text with apostrophes and digit-group commas removed, for comparing meaning: "don't" is "dont",
 * "card's" is "cards" and "１０,000" is "10000".
 */
export function normaliseForMatching(text: string): string {
  return normaliseText(text).replace(APOSTROPHE, "").replace(THOUSANDS_SEPARATOR, "$1");
}
