// Cards typed with unusual breaks between their digit groups ("4111\n1111\n…", "4111 / 1111", "4111·1111", "4111,1111",
// "4111x1111"). They are read before the ordinary digit runs, so their groups are never taken apart as accounts or
// phones. Only a Luhn-valid 13–19 digit number with an issuer prefix, in groups of four or more, is taken: "1,234,567"
// and other amounts never are. Each start tries at most 19 digits, so the scan stays linear.
import { cardPrefixPlausible, luhnValid, primaryCardLength } from "./pii-checksums.js";
import type { ContextIndex } from "./pii-context.js";
import type { DigitGroup as Group, FoundSpan, PiiKind } from "./pii-kinds.js";

/** A card (or, right after an account label, an account) found across unusual separators, in folded offsets. */
export type SplitCardSpan = FoundSpan;

// What the ordinary digit-run reader already joins; a card written only with these is left to it.
const PLAIN = new Set([" ", ".", "-", "(", ")"]);
// One mark may stand between two groups, with whitespace (newlines and tabs too) around it.
const MARKS = new Set(["/", "\\", "_", "·", "・", "•", "‧", "∙", ",", "、", ";", "|", "-", "."]);
const SPACE = /^\s$/;
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/** Length of the gap starting at `at` that may join two card groups, or 0 when there is none. */
function gapLength(text: string, at: number): number {
  // "4111x1111": a lone x between digits, nothing else ("1920 x 1080" is a size, and has no card length anyway).
  if ((text[at] === "x" || text[at] === "X") && isDigit(text[at - 1]) && isDigit(text[at + 1])) return 1;
  let k = at;
  let marks = 0;
  while (k < text.length && k - at < 7) {
    const ch = text[k] ?? "";
    if (SPACE.test(ch)) k++;
    else if (MARKS.has(ch) && marks === 0) {
      marks++;
      k++;
    } else break;
  }
  return isDigit(text[k]) ? k - at : 0;
}

/** Finds cards whose groups are split by newlines, tabs, slashes, underscores, middle dots, commas or a lone x. */
export function detectSplitCards(text: string, claimed: Uint8Array, ctx: ContextIndex): SplitCardSpan[] {
  const found: SplitCardSpan[] = [];
  const free = (i: number): boolean => isDigit(text[i]) && claimed[i] === 0;
  let i = 0;
  while (i < text.length) {
    if (!free(i)) {
      i++;
      continue;
    }
    const groups: Group[] = [];
    const plainGap: boolean[] = [];
    for (;;) {
      let j = i;
      while (free(j)) j++;
      groups.push({ start: i, end: j, digits: text.slice(i, j) });
      const gap = gapLength(text, j);
      if (gap === 0 || !free(j + gap)) {
        i = j;
        break;
      }
      plainGap.push([...text.slice(j, j + gap)].every((ch) => PLAIN.has(ch)));
      i = j + gap;
    }
    found.push(...cardsInRun(text, groups, plainGap, ctx));
  }
  return found;
}

function cardsInRun(text: string, g: Group[], plainGap: boolean[], ctx: ContextIndex): SplitCardSpan[] {
  const found: SplitCardSpan[] = [];
  for (let i = 0; i < g.length;) {
    const first = g[i] as Group;
    // A card starts a group of four or more that the ordinary reader would also start a run with.
    if (first.digits.length < 4 || (i > 0 && plainGap[i - 1] === true)) {
      i++;
      continue;
    }
    let digits = "";
    let wide = false;
    const valid: { j: number; length: number; wide: boolean }[] = [];
    for (let j = i; j < g.length; j++) {
      const group = g[j] as Group;
      // Every group but the last has four digits or more, and "12/27" after a card is its expiry, not its tail.
      if (j > i && ((g[j - 1]?.digits.length ?? 0) < 4 || (group.digits.length <= 2 && text[group.end] === "/"))) break;
      if (j > i && plainGap[j - 1] === false) wide = true;
      digits += group.digits;
      if (digits.length > 19) break;
      if (digits.length >= 13 && cardPrefixPlausible(digits) && luhnValid(digits))
        valid.push({ j, length: digits.length, wide });
    }
    const primary = primaryCardLength(digits);
    const pick = valid.find((v) => v.length === primary) ?? valid[valid.length - 1];
    if (!pick) {
      i++;
      continue;
    }
    if (pick.wide) {
      // "账号 6222\n0000…": what the customer calls it decides, as for cards written the ordinary way.
      const accountAt = ctx.nearestEnd("account", first.start, 24) ?? -1;
      const kind: PiiKind = accountAt > (ctx.nearestEnd("card", first.start, 24) ?? -1) ? "account" : "card";
      found.push({ kind, start: first.start, end: (g[pick.j] as Group).end });
    }
    i = pick.j + 1;
  }
  return found;
}
