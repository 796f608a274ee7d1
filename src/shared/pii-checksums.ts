// Check-digit tests that tell real identifiers from look-alike numbers: Luhn (payment cards), ISO 13616 mod-97
// (IBANs) and ISO 7064 MOD 11-2 (Chinese resident identity numbers), plus the card-brand lengths we prefer.

/** True when the digits pass the Luhn check used by payment cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** True when an IBAN (spaces removed, upper case) passes the ISO 13616 mod-97 check. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : ch;
    for (const c of chunk) rem = (rem * 10 + (c.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/** IBAN lengths of the countries our customers bank in; other countries fall back to the longest valid prefix. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AT: 20,
  BE: 16,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HU: 28,
  IE: 22,
  IT: 27,
  LU: 20,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SK: 24,
  AE: 23,
  SA: 24,
  TR: 26,
};

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK = "10X98765432";

/** True when an 18-character Chinese resident identity number has a valid ISO 7064 MOD 11-2 check character. */
export function cnIdValid(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * (CN_ID_WEIGHTS[i] ?? 0);
  return CN_ID_CHECK[sum % 11] === s[17];
}

/** True when digits `at..at+8` read as a plausible birth date (YYYYMMDD, 1900–2099). */
export function plausibleBirthDate(digits: string, at: number): boolean {
  const year = Number(digits.slice(at, at + 4));
  const month = Number(digits.slice(at + 4, at + 6));
  const day = Number(digits.slice(at + 6, at + 8));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** True when a card number's leading digits belong to an issuer network (Visa, Mastercard, Amex, UnionPay, …). */
export function cardPrefixPlausible(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  switch (digits[0]) {
    case "2":
      return two >= 22 && two <= 27;
    case "3":
      return [30, 34, 35, 36, 37, 38, 39].includes(two);
    case "4":
    case "5":
    case "6":
      return true;
    default:
      return false;
  }
}

/** The usual length of a brand's card numbers, when the brand has one (Visa and Mastercard 16, Amex 15, Diners 14). */
export function primaryCardLength(digits: string): number | undefined {
  const two = Number(digits.slice(0, 2));
  if (two === 34 || two === 37) return 15;
  if (two === 36 || two === 38 || two === 30) return 14;
  if (digits[0] === "4" || (two >= 51 && two <= 55) || (two >= 22 && two <= 27)) return 16;
  return undefined;
}

/** True when a card number's length is one its brand issues: Visa 13/16/19, Mastercard 16, Amex 15, UnionPay 16–19… */
export function cardLengthValid(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  const length = digits.length;
  if (two === 34 || two === 37) return length === 15;
  if (two === 30 || two === 36 || two === 38 || two === 39) return length >= 14 && length <= 19;
  if (digits[0] === "4") return length === 13 || length === 16 || length === 19;
  if ((two >= 51 && two <= 55) || (two >= 22 && two <= 27)) return length === 16;
  // JCB (35), UnionPay and Discover (6…) run 16–19 digits; Maestro (50, 56–58) 12–19.
  if (two === 35 || digits[0] === "6") return length >= 16 && length <= 19;
  return length >= 13 && length <= 19;
}
