// The PII rail on replies: card numbers, IBANs, resident IDs, phone numbers and e-mail addresses are masked unless
// they are the bank's published contacts, and vault placeholders ("[CARD_1]") never reach the customer raw. It rewrites
// and never blocks: a masked value ("••••1234", the last four kept) still lets the customer recognise their own card.
import { detectPii } from "../../shared/pii-detect.js";
import { PII_LABELS, type PiiKind } from "../../shared/pii-kinds.js";
import { emailKey, extractEmails, extractPhones, phoneKey } from "./facts-contacts.js";

/** What may be shown unmasked, and how vault placeholders are shown. */
export interface PiiPolicy {
  /** Phone keys (tel:…) of the bank's published numbers. */
  publicPhones: ReadonlySet<string>;
  /** E-mail keys (mail:…) of the bank's published addresses. */
  publicEmails: ReadonlySet<string>;
  /** The published numbers as written, for the detector's own allow-list. */
  publicNumbers: readonly string[];
  maskPlaceholder?: (placeholder: string) => string | undefined;
}

/** A sentence with personal data masked. */
export interface MaskedText {
  text: string;
  /** The kinds that were masked (placeholders count as their kind's label). */
  masked: string[];
  /** The raw values that were masked, so a caller can keep them out of its own logs; never shown or stored. */
  values: string[];
}

const LABELS = new Set<string>(Object.values(PII_LABELS));
const PLACEHOLDER = /\[([A-Z][A-Z_]{1,24})_(\d{1,4})\]/g;
const SHORT_KINDS = new Set<PiiKind>(["card_cvv", "card_expiry", "sort_code"]);
// Detection costs tens of microseconds; a sentence without six digits, an "@" or a spelled-out address has no PII.
// Card, phone, account and ID digits come in groups split by single marks; "£25,000" has too few digits to matter.
const MAY_HOLD_PII =
  /\d(?:[ .,\-/·_\n]?\d){5}|[@＠]|[([{<]at[)\]}>]|\bat\b[^.]{1,40}\bdot\b|cvv|cvc|security code|安全码/i;

/** Builds the policy from the published contacts of a turn. */
export function createPiiPolicy(
  published: readonly string[],
  maskPlaceholder?: (p: string) => string | undefined,
): PiiPolicy {
  const text = published.join("\n");
  return {
    publicPhones: new Set(extractPhones(text).flatMap((f) => f.fact.keys)),
    publicEmails: new Set(extractEmails(text).flatMap((f) => f.fact.keys)),
    publicNumbers: published.filter((p) => /\d/.test(p)),
    ...(maskPlaceholder ? { maskPlaceholder } : {}),
  };
}

/** The masked form of a value: its last four characters after bullets, or bullets alone for short secrets. */
export function maskValue(kind: PiiKind, value: string): string {
  if (kind === "email") {
    const at = value.indexOf("@");
    return at > 0 ? `${value[0]}•••${value.slice(at).trim()}` : "•••@•••";
  }
  if (SHORT_KINDS.has(kind)) return "•••";
  return `••••${value.replace(/[^A-Za-z0-9]/g, "").slice(-4)}`;
}

function neutralPlaceholder(label: string): string {
  return label === "EMAIL" ? "•••@•••" : "••••";
}

function isPublic(kind: PiiKind, value: string, policy: PiiPolicy): boolean {
  if (kind === "email") return policy.publicEmails.has(emailKey(value));
  if (kind !== "phone") return false;
  const international = /^\s*(?:\+|00)/.test(value);
  const digits = value.replace(/\D/g, "").replace(/^00/, "");
  return policy.publicPhones.has(phoneKey(digits, international));
}

/** The text with the bank's own phone numbers blanked, to tell whether anything else could be personal data. */
function withoutPublicPhones(text: string, policy: PiiPolicy): string {
  let out = text;
  for (const phone of extractPhones(text)) {
    if (phone.fact.keys.some((k) => policy.publicPhones.has(k)))
      out = out.slice(0, phone.start) + " ".repeat(phone.end - phone.start) + out.slice(phone.end);
  }
  return out;
}

/** Masks the personal data of a sentence and resolves vault placeholders. */
export function maskOutputPii(sentence: string, policy: PiiPolicy): MaskedText {
  const masked: string[] = [];
  const values: string[] = [];
  let text = sentence;
  if (text.includes("[")) {
    text = text.replace(PLACEHOLDER, (whole: string, label: string) => {
      if (!LABELS.has(label)) return whole;
      masked.push(label.toLowerCase());
      return policy.maskPlaceholder?.(whole) ?? neutralPlaceholder(label);
    });
  }
  // Full-width digits and look-alikes count as digits, as the detector folds them.
  const gate = /^[\t\n\r\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKC");
  if (!MAY_HOLD_PII.test(gate) || !MAY_HOLD_PII.test(withoutPublicPhones(gate, policy)))
    return { text, masked, values };
  let out = "";
  let cursor = 0;
  for (const span of detectPii(text, { publicNumbers: policy.publicNumbers })) {
    if (isPublic(span.kind, span.value, policy)) continue;
    masked.push(span.kind);
    values.push(span.value);
    out += text.slice(cursor, span.start) + maskValue(span.kind, span.value);
    cursor = span.end;
  }
  return { text: out + text.slice(cursor), masked, values };
}
