// Finds personal data in free text: card numbers (Luhn), IBANs (mod-97), Chinese resident IDs (checksum),
// phone numbers, e-mail addresses, UK account numbers and sort codes. Spans never overlap.
import { z } from "zod";

/** Kinds of personal data we detect. */
export const PiiKindSchema = z.enum(["card", "iban", "cn_id", "email", "phone", "account", "sort_code"]);
/** A kind of personal data. */
export type PiiKind = z.infer<typeof PiiKindSchema>;

/** One detected item: where it is and what it is. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
  value: string;
}

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
  const s = iban.replace(/\s+/g, "").toUpperCase();
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

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK = "10X98765432";

/** True when an 18-character Chinese resident identity number has a valid ISO 7064 MOD 11-2 check character. */
export function cnIdValid(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * (CN_ID_WEIGHTS[i] as number);
  return CN_ID_CHECK[sum % 11] === s[17];
}

interface Pattern {
  kind: PiiKind;
  re: RegExp;
  accept?: (match: string) => boolean;
}

// Order matters: stronger, checksummed kinds claim their spans before looser patterns see them.
const PATTERNS: Pattern[] = [
  { kind: "email", re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: "iban", re: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/gi, accept: ibanValid },
  { kind: "cn_id", re: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: cnIdValid },
  // Payment card numbers start with 2–6 (Mastercard, Amex, Visa, Discover/UnionPay); "18001 0800 …" is a phone number.
  { kind: "card", re: /(?<!\d)[2-6](?:[ -]?\d){12,18}(?!\d)/g, accept: (m) => luhnValid(m.replace(/\D/g, "")) },
  { kind: "phone", re: /(?<![\dA-Za-z])(?:\+|00)\d{1,3}[ -]?(?:\(0\))?[ -]?\d(?:[ -]?\d){6,12}(?!\d)/g },
  { kind: "phone", re: /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g },
  { kind: "phone", re: /(?<!\d)0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}(?!\d)/g, accept: (m) => m.replace(/\D/g, "").length >= 10 },
  { kind: "sort_code", re: /(?<![\d-])\d{2}-\d{2}-\d{2}(?![\d-])/g },
  { kind: "account", re: /(?<![\w.,£$€¥-])\d{8}(?![\w.,%-])/g },
];

/** Options for detection: digit strings that are public (the bank's own phone numbers) and never PII. */
export interface DetectOptions {
  publicNumbers?: readonly string[];
}

/** Detects personal data in a text; returns non-overlapping spans sorted by position. */
export function detectPii(text: string, options: DetectOptions = {}): PiiSpan[] {
  const allow = new Set((options.publicNumbers ?? []).map((n) => n.replace(/\D/g, "")));
  const taken: PiiSpan[] = [];
  const overlaps = (s: number, e: number): boolean => taken.some((t) => s < t.end && e > t.start);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const start = m.index ?? 0;
      const value = m[0];
      const end = start + value.length;
      if (overlaps(start, end)) continue;
      if (p.accept && !p.accept(value)) continue;
      if (p.kind === "phone" && allow.has(value.replace(/\D/g, ""))) continue;
      taken.push({ kind: p.kind, start, end, value });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
