// Stable, checksum-valid fake personal data for exported dialogues: a placeholder or real value always maps to the
// same fake, and fakes pass Luhn / mod-97 / the resident-ID check so the PII guardrails still fire on replay.
import { cnIdValid, detectPii, ibanValid, luhnValid, type PiiKind } from "../agent/guardrails/pii-detect.js";
import { createRng, seedFromString, type Rng } from "../shared/random.js";

const PLACEHOLDER_KIND: Record<string, PiiKind> = {
  CARD: "card",
  CARD_EXPIRY: "card_expiry",
  CARD_CVV: "card_cvv",
  PASSPORT: "passport",
  NI_NUMBER: "ni_number",
  IBAN: "iban",
  CN_ID: "cn_id",
  EMAIL: "email",
  PHONE: "phone",
  ACCOUNT: "account",
  SORT_CODE: "sort_code",
};

/** Matches the vault's placeholders such as `[CARD_1]` or `[SORT_CODE_2]`. */
export const PLACEHOLDER_RE =
  /\[(CARD_EXPIRY|CARD_CVV|CARD|IBAN|CN_ID|PASSPORT|NI_NUMBER|EMAIL|PHONE|ACCOUNT|SORT_CODE)_(\d+)\]/g;

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(10))).join("");

function luhnCheckDigit(body: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(body + String(d))) return String(d);
  throw new Error("unreachable: some Luhn check digit always exists");
}

function ibanFor(rng: Rng): string {
  const bban = `HRBR${digits(rng, 6)}${digits(rng, 8)}`;
  const numeric = (bban + "GB00").replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const c of numeric) rem = (rem * 10 + Number(c)) % 97;
  const check = String(98 - rem).padStart(2, "0");
  const iban = `GB${check}${bban}`;
  if (!ibanValid(iban)) throw new Error("fake IBAN failed its own check");
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

function cnIdFor(rng: Rng): string {
  const year = 1960 + rng.int(40);
  const month = String(1 + rng.int(12)).padStart(2, "0");
  const day = String(1 + rng.int(28)).padStart(2, "0");
  const body = `110101${year}${month}${day}${digits(rng, 3)}`;
  for (const c of "0123456789X") if (cnIdValid(body + c)) return body + c;
  throw new Error("unreachable: some resident-ID check character always exists");
}

/** Generates a fake value of a kind from a seed key; the same kind and key always give the same value. */
export function fakePiiValue(kind: PiiKind, key: string): string {
  const rng = createRng(seedFromString(`${kind}:${key}`));
  switch (kind) {
    case "card": {
      const body = `4${digits(rng, 14)}`;
      return `${body}${luhnCheckDigit(body)}`.replace(/(\d{4})(?=\d)/g, "$1 ");
    }
    case "iban":
      return ibanFor(rng);
    case "cn_id":
      return cnIdFor(rng);
    case "email":
      return `customer.${digits(rng, 5)}@example.com`;
    case "phone":
      // Ofcom reserves 07700 900000–900999 for fiction, so a fake can never be someone's number.
      return `+44 7700 900${digits(rng, 3)}`;
    case "account":
      return `${1 + rng.int(9)}${digits(rng, 7)}`;
    case "sort_code":
      return `20-${digits(rng, 2)}-${digits(rng, 2)}`;
    case "card_expiry":
      return `${String(1 + rng.int(12)).padStart(2, "0")}/${30 + rng.int(9)}`;
    case "card_cvv":
      return `${1 + rng.int(9)}${digits(rng, 2)}`;
    case "passport":
      return `E${digits(rng, 8)}`;
    case "ni_number":
      return `JX ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)} ${"ABCD"[rng.int(4)] ?? "A"}`;
  }
}

/** Options for `fakePii`. */
export interface FakePiiOptions {
  /** Leave `[CARD_1]`-style placeholders as they are (tool arguments and cassettes, which replay redacts back to them). */
  keepPlaceholders?: boolean;
  /** Only replace raw values of these kinds (default: all); structured data such as `tx-00016970` ids would trip the looser patterns. */
  kinds?: readonly PiiKind[];
}

/** The unambiguous kinds (checksummed or shaped like an address): safe to scrub inside identifiers and arguments. */
export const UNAMBIGUOUS_PII: readonly PiiKind[] = ["card", "iban", "cn_id", "email"];

/** Replaces vault placeholders (unless kept) and any personal data still in clear with stable fakes. */
export function fakePii(text: string, options: FakePiiOptions = {}): string {
  const fakeOf = (label: string, n: string): string =>
    fakePiiValue(PLACEHOLDER_KIND[label] as PiiKind, `placeholder-${n}`);
  // Placeholders are masked while scanning, so their digits are never mistaken for raw values.
  const masked = text.replace(PLACEHOLDER_RE, (m) => "\u0000".repeat(m.length));
  let out = "";
  let cursor = 0;
  for (const s of detectPii(masked)) {
    if (options.kinds && !options.kinds.includes(s.kind)) continue;
    out += text.slice(cursor, s.start) + fakePiiValue(s.kind, `value-${s.value.replace(/[\s-]/g, "").toUpperCase()}`);
    cursor = s.end;
  }
  out += text.slice(cursor);
  return options.keepPlaceholders
    ? out
    : out.replace(PLACEHOLDER_RE, (_m, label: string, n: string) => fakeOf(label, n));
}

/** Applies `fakePii` to every string inside a JSON-like value. */
export function fakePiiDeep<T>(value: T, options: FakePiiOptions = {}): T {
  if (typeof value === "string") return fakePii(value, options) as T;
  if (Array.isArray(value)) return value.map((v) => fakePiiDeep(v, options)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fakePiiDeep(v, options)])) as T;
  }
  return value;
}
