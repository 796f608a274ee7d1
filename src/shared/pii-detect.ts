// Finds personal data in free text, in English and Chinese, for the server and the browser widget alike: e-mails
// (plain, quoted or spelled out), IBANs (mod-97), Chinese resident IDs (checksum), NI and passport numbers, cards split
// by odd marks, then digit runs (cards by Luhn at every length, phones, sort codes, accounts), then expiry and CVV. Text is folded first, spans never overlap,
// and every pattern has bounded repetition, so a hostile 2,000-character message costs milliseconds.
import { cnIdValid, IBAN_LENGTHS, ibanValid, plausibleBirthDate } from "./pii-checksums.js";
import { indexContext, type ContextIndex } from "./pii-context.js";
import { PII_LABELS, type PiiKind, type PiiSpan } from "./pii-kinds.js";
import { detectObfuscatedEmails } from "./pii-email.js";
import { detectNumberRuns, type FoundSpan } from "./pii-numbers.js";
import { detectSplitCards } from "./pii-split-cards.js";
import { foldForPii, originalRange } from "./pii-text.js";

/** Options for detection: digit strings that are public (the bank's own phone numbers) and never PII. */
export interface DetectOptions {
  publicNumbers?: readonly string[];
}

interface Claims {
  mask: Uint8Array;
  spans: FoundSpan[];
}

function claim(claims: Claims, kind: PiiKind, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claims.mask[i] !== 0) return false;
  claims.mask.fill(1, start, end);
  claims.spans.push({ kind, start, end });
  return true;
}

const compact = (s: string): string => s.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
// "Alex (at) Example (dot) com" and "alex@example.com" are one address, so they share one placeholder.
const canonicalEmail = (raw: string): string =>
  (raw.includes("@")
    ? raw
    : raw.replace(/\(at\)|\[at\]|\{at\}|<at>|\bat\b/i, "@").replace(/\(dot\)|\[dot\]|\{dot\}|<dot>|\bdot\b/gi, ".")
  )
    .replace(/\s/g, "")
    .toLowerCase();

// A line break or a space or two may stand on either side of the "@" ("alex@\nexample.com").
const EMAIL =
  /(?<![\w.%+-])[\w.%+-]{1,64}[ \t]{0,2}\n?[ \t]{0,2}@[ \t]{0,2}\n?[ \t]{0,2}(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?/gi;
const CN_ID = /(?<![A-Za-z0-9])\d{6}[ -]?\d{4}[ -]?\d{2}[ -]?\d{2}[ -]?\d{3}[ -]?[\dX](?![A-Za-z0-9])/gi;
const CN_ID_OLD = /(?<![A-Za-z0-9])\d{15}(?![A-Za-z0-9])/g;
// Prefixes HMRC never issues (BG, GB, KN, NK, NT, TN, ZZ; D, F, I, Q, U, V; O second) are only taken under a label.
// Unlabelled, the digits must be written one consistent way, so "SC 20-00-00 A/C" is not read as an NI number.
const NI_STRICT =
  /(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?:\d{6} ?| \d{6} | \d{2} \d{2} \d{2} ?| \d{3} \d{3} ?|-\d{2}-\d{2}-\d{2}-?)[A-D](?![A-Za-z0-9])/gi;
// Under a label any spelling goes: "q q 1 2 3 4 5 6 c", "QQ.12.34.56.C", "AB-123456-C".
const NI_LABELLED = /(?<![A-Za-z0-9])[A-Z][ .-]?[A-Z][ .-]?(?:\d[ .-]?){5}\d(?:[ .-]?[A-D])?(?![A-Za-z0-9])/gi;
// Chinese ordinary passports: E + 8 digits, E + letter + 7 digits, or the older G + 8 digits.
const CN_PASSPORT = /(?<![A-Za-z0-9])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7})(?![A-Za-z0-9])/g;
const PASSPORT_LABELLED = /(?<![A-Za-z0-9])[A-Z]{1,2}\d{6,9}(?![A-Za-z0-9])/gi;

function detectIban(text: string, claims: Claims): void {
  for (const m of text.matchAll(IBAN)) {
    const start = m.index ?? 0;
    const chars = compact(m[0]);
    const wanted = IBAN_LENGTHS[chars.slice(0, 2)];
    // The pattern may run into the next word; the longest valid prefix (the country's length when known) is the IBAN.
    for (let length = Math.min(chars.length, 34); length >= 15; length--) {
      if ((wanted !== undefined && length !== wanted) || !ibanValid(chars.slice(0, length))) continue;
      let seen = 0;
      let end = start;
      while (seen < length && end < text.length) if (/[A-Za-z0-9]/.test(text[end++] ?? "")) seen++;
      claim(claims, "iban", start, end);
      break;
    }
  }
}

function detectLabelled(text: string, claims: Claims, ctx: ContextIndex): void {
  for (const m of text.matchAll(CN_ID)) {
    const id = compact(m[0]);
    const start = m.index ?? 0;
    if ((cnIdValid(id) && plausibleBirthDate(id, 6)) || ctx.labelled("cn_id", start))
      claim(claims, "cn_id", start, start + m[0].length);
  }
  for (const m of text.matchAll(CN_ID_OLD)) {
    if (ctx.labelled("cn_id", m.index ?? 0)) claim(claims, "cn_id", m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  for (const re of [NI_STRICT, NI_LABELLED]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (re === NI_STRICT || ctx.labelled("ni_number", start)) claim(claims, "ni_number", start, start + m[0].length);
    }
  }
  for (const m of text.matchAll(CN_PASSPORT)) claim(claims, "passport", m.index ?? 0, (m.index ?? 0) + m[0].length);
  for (const m of text.matchAll(PASSPORT_LABELLED)) {
    if (ctx.labelled("passport", m.index ?? 0)) claim(claims, "passport", m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
}

// What may stand between a card and its expiry or CVV: punctuation, a few joining words and the labels themselves.
const FILLER =
  /[ ,;:()[\]|/=.\-、]|码|(?:and|with|is|are|it|its|it's|which|that|will|the|on|date|code|number|no)\b|和|及|是|为|為/iy;
const EXPIRY_LABEL =
  /exp(?:iry|ires|ired|ire|iring|iration)?(?: date)?\.?|mm ?\/ ?yy(?:yy)?|valid (?:thru|through|until|to)|good thru|end date|有效日期|有效期至?|到期日?|过期时间|失效日期/iy;
const CVV_LABEL =
  /cvv2?|cvc2?|cv2|cvn2?|csc|cid|(?:card )?security code|security|sec code|安全码|安全碼|安全代码|背面三位数|卡背面|背面/iy;
const EXPIRY =
  /(?:0?[1-9]|1[0-2]) ?[/\-.] ?(?:20)?\d{2}(?![\d/])|20\d{2} ?(?:[/\-.]|年) ?(?:0?[1-9]|1[0-2])月?(?![\d/])/y;
const EXPIRY_COMPACT = /(?:0[1-9]|1[0-2])\d{2}(?!\d)|\d{2} ?\/ ?\d{2}(?![\d/])/y;
const CVV = /\d{3,4}(?![\d/])/y;
const CVV_ANYWHERE =
  /(?:\bcvv2?|\bcvc2?|\bcv2|\bcvn2?|\bcsc|\bsecurity code|\b(?:3|three|4|four)[ -](?:digits?|numbers?) (?:code )?on the (?:back|front)(?: of (?:the|my) card)?|安全码|安全碼|安全代码|背面的?(?:三位数字?|数字))(?: ?(?:is|are|number|no\.?|code|码|是|为))?[ :：#=]{0,3}(\d{3,4})(?!\d)/gi;

function stickyAt(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}

/** After each card: "12/27", "exp 12/2027", "CVV 123", "有效期2027年12月" within a short window are claimed too. */
function detectCardSecurity(text: string, claims: Claims): void {
  for (const card of claims.spans.filter((s) => s.kind === "card")) {
    let pos = card.end;
    const limit = Math.min(text.length, card.end + 64);
    for (let item = 0; item < 3 && pos < limit; item++) {
      let label: "expiry" | "cvv" | undefined;
      let words = false;
      for (let steps = 0; steps < 24 && pos < limit; steps++) {
        const lab = stickyAt(EXPIRY_LABEL, text, pos) ?? stickyAt(CVV_LABEL, text, pos);
        if (lab) {
          label = stickyAt(EXPIRY_LABEL, text, pos) ? "expiry" : "cvv";
          pos += lab.length;
          continue;
        }
        const fill = stickyAt(FILLER, text, pos);
        if (!fill) break;
        if (fill.length > 1 || /[和及是为為]/.test(fill)) words = true;
        pos += fill.length;
      }
      if (pos >= limit || claims.mask[pos] !== 0) break;
      const expiry =
        label !== "cvv"
          ? (stickyAt(EXPIRY, text, pos) ?? (label === "expiry" ? stickyAt(EXPIRY_COMPACT, text, pos) : undefined))
          : undefined;
      const cvv = !expiry && (label === "cvv" || (!label && !words)) ? stickyAt(CVV, text, pos) : undefined;
      const value = expiry ?? cvv;
      if (!value || !claim(claims, expiry ? "card_expiry" : "card_cvv", pos, pos + value.length)) break;
      pos += value.length;
    }
  }
  for (const m of text.matchAll(CVV_ANYWHERE)) {
    const digits = m[1] ?? "";
    const start = (m.index ?? 0) + m[0].length - digits.length;
    claim(claims, "card_cvv", start, start + digits.length);
  }
}

/** Detects personal data in a text; returns non-overlapping spans sorted by position, in original offsets. */
export function detectPii(text: string, options: DetectOptions = {}): PiiSpan[] {
  const folded = foldForPii(text);
  const t = folded.text;
  const claims: Claims = { mask: new Uint8Array(t.length), spans: [] };
  const ctx = indexContext(t);
  for (const m of t.matchAll(EMAIL)) claim(claims, "email", m.index ?? 0, (m.index ?? 0) + m[0].length);
  for (const s of detectObfuscatedEmails(t)) claim(claims, "email", s.start, s.end);
  detectIban(t, claims);
  detectLabelled(t, claims, ctx);
  for (const s of detectSplitCards(t, claims.mask, ctx)) claim(claims, s.kind, s.start, s.end);
  const publicDigits = new Set((options.publicNumbers ?? []).map((n) => n.replace(/\D/g, "")));
  for (const s of detectNumberRuns(t, claims.mask, ctx, { publicDigits })) claim(claims, s.kind, s.start, s.end);
  detectCardSecurity(t, claims);
  return claims.spans
    .sort((a, b) => a.start - b.start)
    .map((s) => {
      const range = originalRange(folded, s.start, s.end);
      const raw = t.slice(s.start, s.end);
      const canonical = s.kind === "email" ? canonicalEmail(raw) : compact(raw);
      return { kind: s.kind, start: range.start, end: range.end, value: text.slice(range.start, range.end), canonical };
    });
}

/** Replaces every detected item (except kinds in `keep`) with `[LABEL_n]`, numbering each distinct value per kind. */
export function maskPii(text: string, options: DetectOptions & { keep?: readonly PiiKind[] } = {}): string {
  const seen = new Map<string, string>();
  const counts = new Map<PiiKind, number>();
  let out = "";
  let cursor = 0;
  for (const s of detectPii(text, options)) {
    if (options.keep?.includes(s.kind)) continue;
    const key = `${s.kind}:${s.canonical}`;
    let placeholder = seen.get(key);
    if (!placeholder) {
      const n = (counts.get(s.kind) ?? 0) + 1;
      counts.set(s.kind, n);
      placeholder = `[${PII_LABELS[s.kind]}_${n}]`;
      seen.set(key, placeholder);
    }
    out += text.slice(cursor, s.start) + placeholder;
    cursor = s.end;
  }
  return out + text.slice(cursor);
}
