// Reads runs of digit groups ("4111 1111 1111 1111 12", "12 34 56 1234 5678") and splits each run into cards, phone
// numbers, sort codes, account and passport numbers. Every group-aligned length is tried, so a card followed by its
// expiry or a sort code followed by an account is still found; the scan is linear (each start tries ≤ 20 ends).
import { cardLengthValid, cardPrefixPlausible, luhnValid, primaryCardLength } from "./pii-checksums.js";
import type { ContextIndex } from "./pii-context.js";
import type { DigitGroup as Group, FoundSpan, PiiKind } from "./pii-kinds.js";

export type { FoundSpan } from "./pii-kinds.js";

interface Run {
  groups: Group[];
  /** seps[k] is what stands between groups k and k+1. */
  seps: string[];
}

const SEPARATORS = new Set([" ", ".", "-", "(", ")"]);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
const isAlnum = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
const CURRENCY_BEFORE = /(?:[£$€¥₹]|gbp|rmb|cny|usd|eur|hkd|rs\.?) ?$/i;
const CURRENCY_AFTER =
  /^ ?(?:元|块|塊|万|萬|亿|億|千|百|角|%|percent|pounds?|quid|gbp|rmb|cny|usd|eur|hkd|pence|dollars?|euros?|yuan|p\b|k\b|m\b|bn\b)/i;

function tokenise(text: string, claimed: Uint8Array): Run[] {
  const runs: Run[] = [];
  const free = (i: number): boolean => isDigit(text[i]) && claimed[i] === 0;
  let i = 0;
  while (i < text.length) {
    if (!free(i)) {
      i++;
      continue;
    }
    const run: Run = { groups: [], seps: [] };
    for (;;) {
      let j = i;
      while (free(j)) j++;
      run.groups.push({ start: i, end: j, digits: text.slice(i, j) });
      let k = j;
      while (k < text.length && k - j < 3 && SEPARATORS.has(text[k] ?? "")) k++;
      if (k === j || !free(k)) {
        i = j;
        break;
      }
      run.seps.push(text.slice(j, k));
      i = k;
    }
    runs.push(run);
  }
  return runs;
}

const TIME_AFTER = /^,? ?(?:at |@ |, )?\d{1,2}[:.]\d{2}/i;
const DATE_WORD_BEFORE =
  /(?:\b(?:on|date|dated|due|appointment|meeting|booked|scheduled|until|since|birthday|born|deadline|expires?|from)\b|预约|日期|到期|截止|生日)[^0-9]{0,12}$/i;
const RUN_LABELS = ["card", "account", "sort_code", "passport"] as const;

/** Options for the digit-run reader. */
export interface NumberRunOptions {
  /** Digits of the bank's own published numbers, never reported as phone numbers. */
  publicDigits: ReadonlySet<string>;
}

/** Finds cards, phones, sort codes, accounts and passport numbers among the digit runs not already claimed. */
export function detectNumberRuns(
  text: string,
  claimed: Uint8Array,
  ctx: ContextIndex,
  options: NumberRunOptions,
): FoundSpan[] {
  const found: FoundSpan[] = [];
  for (const run of tokenise(text, claimed)) {
    // "order 12345678", "ref 12-34-56": a run an order/reference/amount label names keeps only what passes a check of
    // its own (a Luhn-valid card, a phone number, a sort code with its account); the looser kinds are left alone.
    const strict = ctx.deniedBefore(run.groups[0]?.start ?? 0, 16, RUN_LABELS);
    // Nothing we look for has fewer than six digits, so short runs ("12", "3.5", "12:30") cost no more than reading.
    if (run.groups.reduce((sum, x) => sum + x.digits.length, 0) >= 6)
      found.push(...segmentRun(text, run, ctx, options, strict));
  }
  return found;
}

interface Hit {
  kind?: PiiKind;
  to: number;
  /** The last group of the account that follows a sort code read under an order/reference label. */
  account?: number;
}

function segmentRun(
  text: string,
  run: Run,
  ctx: ContextIndex,
  options: NumberRunOptions,
  strict: boolean,
): FoundSpan[] {
  const g = run.groups;
  const n = g.length;
  const first = g[0] as Group;
  const last = g[n - 1] as Group;
  const prev = text[first.start - 1];
  const prev2 = text[first.start - 2];
  const next = text[last.end];
  const next2 = text[last.end + 1];
  const plus = prev === "+" || ((prev === " " || prev === "(") && prev2 === "+");
  const attachedBefore =
    (prev !== undefined && /[A-Za-z_@/\\]/.test(prev)) ||
    (prev === "-" && isAlnum(prev2)) ||
    ((prev === "." || prev === ",") && isDigit(prev2));
  // A comma or full stop glues only digits ("12,345", "1.5"); "8812 0034，sort code" (a folded Chinese comma) is free.
  const attachedAfter =
    (next !== undefined && /[A-Za-z_@%]/.test(next)) ||
    ((next === "-" || next === "/") && isAlnum(next2)) ||
    ((next === "." || next === ",") && isDigit(next2));
  const amountBefore = CURRENCY_BEFORE.test(text.slice(Math.max(0, first.start - 5), first.start));
  const amountAfter = CURRENCY_AFTER.test(text.slice(last.end, last.end + 9));
  const decimal = n === 2 && run.seps[0] === "." && (g[1]?.digits.length ?? 0) <= 2;
  const digitsOf = (i: number, j: number): string =>
    g
      .slice(i, j + 1)
      .map((x) => x.digits)
      .join("");
  const startOf = (i: number): number => (g[i] as Group).start;
  // The looser kinds never take a number glued to a word ("tx-00707514"), an amount ("£12345678") or a decimal.
  const weakOk = (i: number, j: number): boolean =>
    !decimal && (i > 0 || (!attachedBefore && !amountBefore)) && (j < n - 1 || (!attachedAfter && !amountAfter));
  const sep = (k: number): string => run.seps[k] ?? "";
  const len = (k: number): number => g[k]?.digits.length ?? 0;
  const num = (k: number): number => Number(g[k]?.digits ?? "");
  // "12/27" after a card: the month group belongs to the expiry, not to the card.
  const monthOfExpiry = (k: number): boolean =>
    len(k) <= 2 && text[(g[k] as Group).end] === "/" && isDigit(text[(g[k] as Group).end + 1]);

  const dateAt = (i: number): Hit | undefined => {
    if (i + 2 >= n || sep(i) !== sep(i + 1) || (sep(i) !== "-" && sep(i) !== ".")) return undefined;
    const ymd =
      len(i) === 4 &&
      len(i + 1) <= 2 &&
      len(i + 2) <= 2 &&
      num(i + 1) >= 1 &&
      num(i + 1) <= 12 &&
      num(i + 2) >= 1 &&
      num(i + 2) <= 31;
    const dmy =
      len(i) <= 2 &&
      len(i + 1) <= 2 &&
      len(i + 2) === 4 &&
      num(i) >= 1 &&
      num(i) <= 31 &&
      num(i + 1) >= 1 &&
      num(i + 1) <= 12;
    return ymd || dmy ? { to: i + 2 } : undefined;
  };

  const cardAt = (i: number): Hit | undefined => {
    if (!/[2-6]/.test(g[i]?.digits[0] ?? "")) return undefined;
    // "账号 6222…" / "account 4111…": what the customer calls it decides, so an account label right before wins.
    const accountLabel = ctx.nearestEnd("account", startOf(i), 24);
    if (accountLabel !== undefined && accountLabel > (ctx.nearestEnd("card", startOf(i), 24) ?? -1)) return undefined;
    let digits = "";
    const valid: { j: number; length: number }[] = [];
    for (let j = i; j < n; j++) {
      if (j > i && monthOfExpiry(j)) break;
      digits += g[j]?.digits ?? "";
      if (digits.length > 19) break;
      if (digits.length >= 13 && cardPrefixPlausible(digits) && luhnValid(digits))
        valid.push({ j, length: digits.length });
    }
    const primary = primaryCardLength(digits);
    const pick = valid.find((v) => v.length === primary) ?? valid[valid.length - 1];
    // A Luhn-valid number with an issuer prefix is a card whatever word comes before it ("order paid with 4111…"). Under
    // an order/reference label it must be the whole number (an expiry or CVV may follow) and of its brand's length, so
    // "IMEI 490154203237518" and a 26-digit reference that starts like a card stay as they are.
    if (pick && strict)
      return i === 0 &&
        (pick.j === n - 1 || (pick.j === n - 2 && len(n - 1) <= 4)) &&
        cardLengthValid(digitsOf(i, pick.j))
        ? { kind: "card", to: pick.j }
        : undefined;
    if (pick) return { kind: "card", to: pick.j };
    // Under a card label ("card number", "卡号") a mistyped number is still a card number; one group may hold it all.
    return !strict && ctx.labelled("card", startOf(i), 24) ? labelledDigits("card", i, 15, 19, 19) : undefined;
  };

  const sortCodeAt = (i: number): Hit | undefined => {
    const labelled = ctx.labelled("sort_code", startOf(i), 40);
    if (len(i) === 6 && labelled && weakOk(i, i)) return { kind: "sort_code", to: i };
    if (i + 2 >= n || len(i) !== 2 || len(i + 1) !== 2 || len(i + 2) !== 2 || !weakOk(i, i + 2)) return undefined;
    // "s/c 20.00.00 a/c 55.77.99.11": after a nearer account label, groups that go on in the same spelling are the account.
    const accountNearer =
      (ctx.nearestEnd("account", startOf(i), 40) ?? -1) > (ctx.nearestEnd("sort_code", startOf(i), 40) ?? -1);
    if (accountNearer && i + 3 < n && sep(i + 2) === sep(i) && sep(i + 1) === sep(i)) return undefined;
    const dashed = sep(i) === "-" && sep(i + 1) === "-" && sep(i + 2) !== "-" && (i === 0 || sep(i - 1) !== "-");
    if (labelled) return { kind: "sort_code", to: i + 2 };
    if (!dashed) return undefined;
    // Unlabelled, "03-12-26" next to a time or a date word ("appointment", "on", "到期") is a date, not a sort code.
    const end = (g[i + 2] as Group).end;
    const dateLike = num(i) >= 1 && num(i) <= 31 && num(i + 1) >= 1 && num(i + 1) <= 12;
    const dated =
      TIME_AFTER.test(text.slice(end, end + 12)) ||
      DATE_WORD_BEFORE.test(text.slice(Math.max(0, startOf(i) - 28), startOf(i)));
    return dateLike && dated ? { to: i + 2 } : { kind: "sort_code", to: i + 2 };
  };

  const phoneAt = (i: number): Hit | undefined => {
    const lead = g[i]?.digits ?? "";
    // "86 138 0013 8000": a Chinese mobile written with its country code but no "+".
    const china = i === 0 && lead === "86" && n > 1 && /^1[3-9]/.test(g[1]?.digits ?? "");
    // "00" dials out only when a country code (never starting with 0) follows: "0000000000001" is no phone.
    const international =
      (i === 0 && (plus || china)) || (lead.startsWith("00") && /^00[1-9]/.test(digitsOf(i, Math.min(i + 1, n - 1))));
    const domestic = !international && /^0[1-9]/.test(lead);
    const mobile = !international && /^1[3-9]/.test(lead);
    if (!international && !domestic && !mobile) return undefined;
    const ends: { j: number; length: number }[] = [];
    let digits = "";
    for (let j = i; j < n; j++) {
      // "+44 (0)20 …": the bracketed trunk zero is not part of the international number.
      const trunk = international && j > i && g[j]?.digits === "0" && sep(j - 1).includes("(");
      if (!trunk) digits += g[j]?.digits ?? "";
      const core = international && !plus ? digits.replace(/^00/, "") : digits;
      if (core.length > 15) break;
      if (international ? core.length >= 8 : domestic ? core.length >= 10 && core.length <= 12 : core.length === 11) {
        ends.push({ j, length: core.length });
      }
    }
    const core = international && !plus ? digits.replace(/^00/, "") : digits;
    const preferred = international
      ? core.startsWith("44")
        ? [12, 11]
        : core.startsWith("86")
          ? [13, 12]
          : core.startsWith("1")
            ? [11]
            : []
      : domestic
        ? [11, 12, 10]
        : [11];
    const pick =
      preferred.map((l) => ends.find((e) => e.length === l)).find((e) => e !== undefined) ?? ends[ends.length - 1];
    if (!pick || !weakOk(i, pick.j)) return undefined;
    // Under an order/reference label only a run that is one phone number as a whole is one ("订单 13800138000").
    if (strict && (i !== 0 || pick.j !== n - 1)) return undefined;
    return options.publicDigits.has(digitsOf(i, pick.j)) ? { to: pick.j } : { kind: "phone", to: pick.j };
  };

  // Grouped digits under a label: the longest run of small groups, within the kind's length range.
  const labelledDigits = (kind: PiiKind, i: number, min: number, max: number, maxGroup = 6): Hit | undefined => {
    let total = 0;
    let pick: number | undefined;
    for (let j = i; j < n && total < max; j++) {
      if (j > i && (len(j) > maxGroup || monthOfExpiry(j))) break;
      total += len(j);
      if (total >= min && total <= max) pick = j;
    }
    return pick !== undefined && weakOk(i, pick) ? { kind, to: pick } : undefined;
  };

  const passportAt = (i: number): Hit | undefined =>
    ctx.labelled("passport", startOf(i), 40) ? labelledDigits("passport", i, 7, 10) : undefined;

  const accountAt = (i: number): Hit | undefined => {
    const at = startOf(i);
    if (ctx.labelled("account", at, 40) || ctx.labelled("sort_code", at, 60))
      return labelledDigits("account", i, 7, 20);
    // A bare eight-digit number is a UK account number unless a label says otherwise or it reads as a date.
    const alone = (i === 0 || sep(i - 1) === " ") && (i === n - 1 || sep(i) === " ");
    if (
      len(i) !== 8 ||
      !alone ||
      !weakOk(i, i) ||
      looksLikeDate(g[i]?.digits ?? "") ||
      ctx.deniedBefore(at, 24, "account")
    )
      return undefined;
    return { kind: "account", to: i };
  };

  // "12 34 56 1234 5678": a sort code written 2-2-2 one way, then an eight-digit account, is a pair whatever the label.
  // Under an order/reference label it is the only sort code taken, and it must be the whole number.
  const pairAt = (i: number): Hit | undefined => {
    if (
      i + 3 >= n ||
      len(i) !== 2 ||
      len(i + 1) !== 2 ||
      len(i + 2) !== 2 ||
      sep(i) !== sep(i + 1) ||
      hardBreak(i) ||
      hardBreak(i + 2)
    )
      return undefined;
    const first = i + 3;
    const account = len(first) >= 7 ? first : first + 1 < n && len(first) >= 3 && !hardBreak(first) ? first + 1 : -1;
    const total = account < 0 ? 0 : digitsOf(first, account).length;
    if (total < 7 || total > 8 || !weakOk(i, account) || (strict && (i !== 0 || account !== n - 1))) return undefined;
    return { kind: "sort_code", to: i + 2, account };
  };
  const hardBreak = (k: number): boolean => sep(k).includes("(") || sep(k).includes(")");

  const found: FoundSpan[] = [];
  for (let i = 0; i < n;) {
    const hit = strict
      ? (dateAt(i) ?? (plus && i === 0 ? phoneAt(i) : undefined) ?? cardAt(i) ?? pairAt(i) ?? phoneAt(i))
      : (dateAt(i) ??
        (plus && i === 0 ? phoneAt(i) : undefined) ??
        cardAt(i) ??
        sortCodeAt(i) ??
        pairAt(i) ??
        phoneAt(i) ??
        passportAt(i) ??
        accountAt(i));
    if (!hit) {
      i++;
      continue;
    }
    // An international number keeps its "+" (and the bracket before it), so nothing of it is left beside the placeholder.
    const bracketed = text[startOf(i) - 1] === "(" && sep(i).startsWith(")");
    const lead =
      hit.kind !== "phone" ? 0 : i === 0 && plus ? (prev === "+" && prev2 !== "(" ? 1 : 2) : bracketed ? 1 : 0;
    if (hit.kind) found.push({ kind: hit.kind, start: startOf(i) - lead, end: (g[hit.to] as Group).end });
    if (hit.account !== undefined) {
      found.push({ kind: "account", start: startOf(hit.to + 1), end: (g[hit.account] as Group).end });
      i = hit.account + 1;
      continue;
    }
    i = hit.to + 1;
  }
  return found;
}

function looksLikeDate(d: string): boolean {
  const ymd = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(d);
  const dmy = /^(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}$/.test(d);
  return ymd || dmy;
}
