// Contact facts in a (folded) text: e-mail addresses, web addresses and phone numbers. A reply may only give a contact
// the evidence or the bank's published list holds: "+44 20 7946 0000" and "020 7946 0000" are one number, and
// "harborbank.example/Fees/" is "harborbank.example/fees".
import { trimTrailing } from "../../shared/linear-text.js";
import type { Fact, FoundFact } from "./fact-types.js";

const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const URL =
  /(?<![\w@./-])(?:https?:\/\/)?[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}(?:\/[^\s<>"'()[\]{}，。；！？、]{0,200})?/gi;
// Top-level domains a bare host may end in; with a scheme, "www." or a path any alphabetic one will do.
const BARE_TLDS = new Set(
  "com net org edu gov uk co io cn hk sg example bank app info biz eu de fr es it nl ie au nz ca us me dev online".split(
    " ",
  ),
);

/** The normalised form of an e-mail address. */
export function emailKey(address: string): string {
  return `mail:${address.trim().toLowerCase()}`;
}

/** Finds e-mail addresses. */
export function extractEmails(text: string): FoundFact[] {
  if (!text.includes("@")) return [];
  return [...text.matchAll(EMAIL)].map((m) => {
    const address = trimTrailing(m[0], ".");
    const domain = address.slice(address.indexOf("@") + 1).toLowerCase();
    const fact: Fact = {
      kind: "email",
      raw: address,
      keys: [emailKey(address)],
      implied: [`host:${domain}`],
      values: [],
    };
    return { fact, start: m.index, end: m.index + address.length };
  });
}

/** Splits a web address into its host (no "www.") and path (no trailing slash), lower-cased. */
export function urlParts(raw: string): { host: string; path: string } | undefined {
  const lower = trimTrailing(raw.toLowerCase(), ".,;:!?");
  const scheme = /^https?:\/\//.test(lower);
  const rest = lower.replace(/^https?:\/\//, "");
  const slash = rest.indexOf("/");
  const host = (slash < 0 ? rest : rest.slice(0, slash)).replace(/^www\./, "");
  const path = slash < 0 ? "" : trimTrailing(rest.slice(slash), "/");
  const labels = host.split(".");
  const tld = labels[labels.length - 1] ?? "";
  // "e.g" and "i.e" are no hosts: every label of a two-label host has two characters or more.
  if (!/^[a-z]{2,24}$/.test(tld) || labels.some((l) => l === "" || (l.length < 2 && labels.length < 3)))
    return undefined;
  if (!scheme && !rest.startsWith("www.") && path === "" && !BARE_TLDS.has(tld)) return undefined;
  return { host, path };
}

/** Finds web addresses: with a scheme, "www.", a path, or a bare host under a common top-level domain. */
export function extractUrls(text: string): FoundFact[] {
  const found: FoundFact[] = [];
  if (!/[A-Za-z0-9]\.[A-Za-z]/.test(text)) return found;
  for (const m of text.matchAll(URL)) {
    const raw = trimTrailing(m[0], ".,;:!?");
    const parts = urlParts(raw);
    if (!parts) continue;
    const host = `host:${parts.host}`;
    const keys = parts.path ? [`url:${parts.host}${parts.path}`] : [host, `url:${parts.host}`];
    found.push({
      fact: { kind: "url", raw, keys, implied: [host], values: [] },
      start: m.index,
      end: m.index + raw.length,
    });
  }
  return found;
}

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/** Reads digit groups from `at`, joined by one space, dash or dot, or "(0)" after a country code. */
function readGroups(text: string, at: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let i = at;
  while (groups.length < 8) {
    let j = i;
    while (isDigit(text[j])) j++;
    if (j === i) break;
    groups.push({ start: i, end: j, digits: text.slice(i, j) });
    const trunk = /^ ?\(0\) ?/.exec(text.slice(j, j + 5));
    if (trunk && groups.length === 1) {
      i = j + trunk[0].length;
      continue;
    }
    const sep = /^(?: - | |-|\.)/.exec(text.slice(j, j + 3));
    if (!sep || !isDigit(text[j + sep[0].length])) break;
    i = j + sep[0].length;
  }
  return groups;
}

/** The national form of a phone number's digits: "+44 20…" and "020…" agree, as do "+86 138…" and "138…". */
export function phoneKey(digits: string, international: boolean): string {
  if (!international) return `tel:${digits}`;
  if (digits.startsWith("44")) return `tel:0${digits.slice(2)}`;
  if (digits.startsWith("86")) return `tel:${digits[2] === "1" ? "" : "0"}${digits.slice(2)}`;
  return `tel:+${digits}`;
}

/** How many leading groups make one phone number, or 0 when the groups do not start one. */
function phoneGroups(groups: readonly DigitGroup[], international: boolean): number {
  const digits = groups.map((g) => g.digits).join("");
  const targets = international
    ? digits.startsWith("44")
      ? [12]
      : digits.startsWith("86")
        ? [13, 12]
        : [8, 9, 10, 11, 12, 13, 14, 15]
    : /^0[1-9]/.test(digits)
      ? [11, 10]
      : /^1[3-9]/.test(digits)
        ? [11]
        : [];
  let length = 0;
  const ends = groups.map((g) => (length += g.digits.length));
  if (international && !digits.startsWith("44") && !digits.startsWith("86")) {
    const last = ends.filter((e) => e <= 15).length;
    return last > 0 && (ends[last - 1] ?? 0) >= 8 ? last : 0;
  }
  for (const target of targets) {
    const k = ends.indexOf(target);
    if (k >= 0) return k + 1;
  }
  return 0;
}

const NOT_BEFORE_PHONE = new Set([..."._,£$€¥/:-"]);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /\w/.test(ch);

/** Finds phone numbers: UK numbers with a leading 0, Chinese mobiles, and "+" or "00" international numbers. */
export function extractPhones(text: string): FoundFact[] {
  const found: FoundFact[] = [];
  // Every phone number has seven digits or more, in groups split by single marks.
  if (!/\d(?:(?: - | |-|\.|\(0\) ?)?\d){6}/.test(text)) return found;
  let resume = 0;
  for (const run of text.matchAll(/\d+/g)) {
    const i = run.index;
    const before = text[i - 1];
    if (i < resume || isWordChar(before) || (before !== undefined && NOT_BEFORE_PHONE.has(before))) continue;
    const plus = before === "+" || (before === " " && text[i - 2] === "+");
    // Only "+…", "0…" and Chinese mobiles ("13…"–"19…") can start a phone number; amounts are left at once.
    if (!plus && run[0][0] !== "0" && !/^1[3-9]/.test(run[0])) continue;
    const groups = readGroups(text, i);
    const dialsOut = !plus && /^00[1-9]/.test(groups.map((g) => g.digits).join(""));
    const international = plus || dialsOut;
    const counted = dialsOut ? groups.map((g, k) => (k === 0 ? { ...g, digits: g.digits.slice(2) } : g)) : groups;
    const n = phoneGroups(counted, international);
    if (n === 0) continue;
    const start = plus ? (before === "+" ? i - 1 : i - 2) : i;
    const end = (groups[n - 1] as DigitGroup).end;
    const digits = counted
      .slice(0, n)
      .map((g) => g.digits)
      .join("");
    found.push({
      fact: { kind: "phone", raw: text.slice(start, end), keys: [phoneKey(digits, international)], values: [] },
      start,
      end,
    });
    resume = end;
  }
  return found;
}
