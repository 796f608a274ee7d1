// Finds amounts written without a currency ("a loan of 8000 over 3 years", "8k", "8 grand", "借五万", "3.5万") and
// keeps only those a customer means as money: in a money context (a word such as loan, borrow, 借, 额度 in the
// message, or a term right after the number), and never a year, a phone, account or card number, a PIN, a time,
// a percentage, a term or a count of things. A scanner with bounded look-arounds, so a message costs linear time.
import { isChineseNumeral, MAX_NUMBER_CHARS, parseChineseNumber } from "./chinese-numerals.js";
import { findTerms } from "./extract-terms.js";
import type { AmountSlot } from "./slot-schema.js";

/** An amount found in the text, with where it was written. */
export interface AmountSpan {
  start: number;
  end: number;
  slot: AmountSlot;
}

/** How to read bare numbers. */
export interface BareAmountOptions {
  /** The conversation is already about money (the bank asked how much), so no money word is needed. */
  moneyContext?: boolean;
}

// Words that put a message about money; English ones must start a word. Checked once per message.
const MONEY_WORDS_EN = [
  ...["loan", "borrow", "lend", "credit", "cost", "price", "pay", "paid", "send", "sent", "transfer", "spend", "spent"],
  ...["charge", "withdr", "deposit", "owe", "debt", "overdraft", "fee", "refund", "afford", "financ", "mortgage"],
  ...["amount", "budget", "cash", "money", "salary", "income", "earn", "balance", "worth", "saving", "invest"],
];
const MONEY_WORDS_ZH = [
  ...["借", "贷", "额度", "转账", "转", "汇", "付", "花", "扣", "还款", "钱", "金额", "费", "价", "取现", "存"],
  ...["分期", "透支", "退款", "消费", "工资", "收入", "余额", "预算", "买", "欠", "赚"],
];
// English multipliers after a bare number; "grand" is a thousand pounds, so it names the currency as well.
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9, thousand: 1e3, million: 1e6, grand: 1e3 };
// Latin words that may follow an amount; any other word after a number makes it a count ("3 cards", "2 days").
const FOLLOW_WORDS = new Set([
  ...["to", "for", "over", "across", "and", "or", "but", "so", "because", "as", "if", "when", "then", "please", "pls"],
  ...["now", "today", "thanks", "thank", "with", "from", "on", "in", "at", "by", "into", "until", "before", "after"],
  ...["i", "we", "my", "is", "was", "would", "could", "can", "will", "total", "altogether", "max", "maximum", "min"],
  ...["minimum", "roughly", "ish", "each", "per", "a", "the", "loan", "credit", "personal", "cash", "borrowing"],
  ...["limit", "overdraft", "transfer", "payment", "repayable", "repaid", "monthly", "upfront", "worth", "only"],
]);
// Words right before a number that make it an identifier rather than money ("PIN 1234", "card ending 4821").
const ID_CUES_EN = new Set([
  ...["pin", "code", "passcode", "password", "otp", "ending", "ends", "end", "last", "digits", "digit", "number"],
  ...["num", "no", "account", "acct", "acc", "ref", "reference", "phone", "mobile", "tel", "id", "card", "room"],
  ...["flat", "house", "floor", "page", "step", "option", "version", "year", "years", "since", "until", "till"],
]);
const ID_CUES_ZH = [
  "尾号",
  "密码",
  "验证码",
  "卡号",
  "账号",
  "帐号",
  "电话",
  "手机",
  "号码",
  "编号",
  "第",
  "星期",
  "周",
  "礼拜",
];
// Words before a year-shaped number (1900–2099) that still make it money ("borrow 2000", "a loan of 2000").
const AMOUNT_LEADS_EN = new Set([
  ...["borrow", "borrowing", "lend", "of", "need", "want", "get", "about", "around", "roughly", "approximately"],
  ...["only", "just", "pay", "paid", "send", "sent", "transfer", "cost", "costs", "spend", "spent", "owe", "loan"],
]);
const AMOUNT_LEADS_ZH = ["借", "贷", "贷款", "转", "付", "花", "要", "借款", "额度", "是"];
// Words between "is/was/in" and the number that say nothing about what the number is.
const FILLER_WORDS = new Set(["is", "was", "are", "in", "of", "me", "on"]);
// After a number: a measure word makes it a count, a date or a time ("3张", "5日", "3点"); 分 only as 分36期.
const MEASURE_AFTER = new Set([..."个张次笔天岁人号位点时年月期周日条件台辆套间家倍折成楼层页秒"]);
// Words after a number that connect it to a term ("8000 over 3 years", "五万分36期").
const TERM_CONNECTORS = new Set([
  "over",
  "for",
  "across",
  "in",
  "repaid",
  "repayable",
  "spread",
  "paid",
  "分",
  "分成",
  "还",
]);
// Chinese numeral digits (not units) a number may start with, besides Arabic digits and 十 ("十五万").
const LEADING_NUMERALS = new Set([..."零〇一二两三四五六七八九十"]);
const UNIT_NUMERALS = new Set([..."十百千万亿"]);
const CUE_WINDOW = 24;
const MAX_PLAIN_DIGITS = 7;

const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
const isLatin = (ch: string): boolean => (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");
const isGap = (ch: string): boolean => ch === " " || ch === "\t" || ch === "\u00a0" || ch === "\u3000";
const isNumberChar = (ch: string): boolean => isDigit(ch) || isChineseNumeral(ch);

/** True when a money word appears anywhere in the lower-cased text (English words only at a word start). */
function hasMoneyWord(lower: string): boolean {
  if (MONEY_WORDS_ZH.some((w) => lower.includes(w))) return true;
  return MONEY_WORDS_EN.some((w) => {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1))
      if (at === 0 || !isLatin(lower.charAt(at - 1))) return true;
    return false;
  });
}

/** The run of Latin letters at `at`, lower-cased (at most 16 letters; longer runs read as empty). */
function wordAt(lower: string, at: number): string {
  let end = at;
  while (end < lower.length && isLatin(lower.charAt(end))) if (++end - at > 16) return "";
  return lower.slice(at, end);
}

/** The last Latin word of the `CUE_WINDOW` characters before `at`, past separators (and filler words if asked). */
function wordBefore(lower: string, at: number, skipFillers = true): string {
  const from = Math.max(0, at - CUE_WINDOW);
  let end = at;
  for (let round = 0; round < 3; round++) {
    while (end > from && " \t:#=.-'\u00a0".includes(lower.charAt(end - 1))) end--;
    let start = end;
    while (start > from && isLatin(lower.charAt(start - 1))) start--;
    const word = lower.slice(start, end);
    if (!skipFillers || !FILLER_WORDS.has(word) || start === from) return word;
    end = start;
  }
  return "";
}

/** The few characters before `at`, without trailing separators, for Chinese cue words. */
function charsBefore(raw: string, at: number): string {
  let end = at;
  while (end > 0 && end > at - 3 && " ：:是为\u3000".includes(raw.charAt(end - 1))) end--;
  return raw.slice(Math.max(0, end - 4), end);
}

/** True when an Arabic number is well formed: plain digits or 1–3 digits then groups of three, with a fraction. */
function isWellFormedArabic(token: string): boolean {
  const [whole = "", fraction] = token.split(".");
  if (fraction !== undefined && (fraction.length === 0 || fraction.includes(","))) return false;
  const groups = whole.split(",");
  if (groups.length === 1) return whole.length > 0;
  const lead = groups[0] ?? "";
  return lead.length >= 1 && lead.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

interface Token {
  end: number;
  value: number;
  arabic: boolean;
}

/** The number starting at `at`: Arabic ("8,000", "2.5") or Chinese with a unit ("五万", "3.5万", "一万五"). */
function readToken(raw: string, at: number): Token | undefined {
  let end = at;
  for (;;) {
    const ch = raw.charAt(end);
    const next = raw.charAt(end + 1);
    const ok = isNumberChar(ch) || ((ch === "," || ch === ".") && isDigit(next) && isDigit(raw.charAt(end - 1) || "x"));
    if (!ok) break;
    if (++end - at > MAX_NUMBER_CHARS) return undefined;
  }
  const token = raw.slice(at, end);
  let arabic = true;
  let hasUnit = false;
  for (const ch of token) {
    if (isChineseNumeral(ch)) arabic = false;
    if (UNIT_NUMERALS.has(ch)) hasUnit = true;
  }
  if (arabic) {
    if (!isWellFormedArabic(token)) return undefined;
    return { end, value: Number(token.replace(/,/g, "")), arabic };
  }
  // A Chinese number must hold a unit ("五万", not a lone "一") and start with a digit, not "万一" or "千万".
  if (!hasUnit || !(isDigit(token.charAt(0)) || LEADING_NUMERALS.has(token.charAt(0)))) return undefined;
  const value = parseChineseNumber(token);
  return value === undefined ? undefined : { end, value, arabic };
}

/** An English multiplier after the number ("8k", "8 grand"): its factor and where it ends. */
function readMultiplier(lower: string, at: number): { end: number; factor: number; word: string } | undefined {
  const start = isGap(lower.charAt(at)) ? at + 1 : at;
  const word = wordAt(lower, start);
  const factor = MULTIPLIERS[word];
  return factor === undefined ? undefined : { end: start + word.length, factor, word };
}

/** True when a term starts right after `at`, past punctuation and a connector ("over", "for", "分"). */
function termFollows(lower: string, at: number, termStarts: ReadonlySet<number>): boolean {
  let p = at;
  while (p < lower.length && p - at < 3 && " \t,，、\u00a0\u3000".includes(lower.charAt(p))) p++;
  if (termStarts.has(p)) return true;
  const word = isLatin(lower.charAt(p)) ? wordAt(lower, p) : lower.startsWith("分成", p) ? "分成" : lower.charAt(p);
  if (!TERM_CONNECTORS.has(word)) return false;
  p += word.length;
  while (p < lower.length && p - at < 8 && isGap(lower.charAt(p))) p++;
  return termStarts.has(p) || (lower.startsWith("a ", p) && termStarts.has(p + 2));
}

/** True when what follows the number makes it a count, a time, a percentage, a date or part of a longer number. */
function followedByNonMoney(raw: string, lower: string, at: number, plain: boolean): boolean {
  const first = raw.charAt(at);
  if (":/-.".includes(first || "x") && isDigit(raw.charAt(at + 1))) return true;
  // "12 34 56": the first group of a longer number.
  if (plain && isGap(first) && isDigit(raw.charAt(at + 1))) return true;
  const after = isGap(first) ? at + 1 : at;
  const ch = raw.charAt(after);
  const next = raw.charAt(after + 1);
  if (ch === "%" || ch === "％") return true;
  if (ch === "分") return !(isNumberChar(next) || next === "期");
  if (MEASURE_AFTER.has(ch)) return true;
  return isLatin(ch) && !FOLLOW_WORDS.has(wordAt(lower, after));
}

/** True when what comes before the number makes it an identifier, a date, a time or a percentage. */
function precededByNonMoney(raw: string, lower: string, at: number, token: Token): boolean {
  const before = raw.charAt(at - 1);
  if ("+#-/:.$£€¥￥".includes(before || "\u0000") && at > 0) return true;
  // "07700 900123", "12 34 56": the second group of a longer number.
  if (isGap(before) && isDigit(raw.charAt(at - 2))) return true;
  if (raw.slice(Math.max(0, at - 3), at) === "百分之") return true;
  const zh = charsBefore(raw, at);
  if (ID_CUES_ZH.some((c) => zh.endsWith(c))) return true;
  const word = wordBefore(lower, at);
  if (ID_CUES_EN.has(word)) return true;
  // "at 3" and "by 10" are times.
  return (word === "at" || word === "by") && token.value <= 24;
}

/** True for a 1900–2099 whole number written as four digits: a year unless money words lead into it. */
function isYearShaped(at: number, token: Token): boolean {
  return token.arabic && token.end - at === 4 && token.value >= 1900 && token.value <= 2099;
}

/** True when the word right before a year-shaped number makes it money ("borrow 2000", "my loan is 2000"). */
function leadsIntoAmount(raw: string, lower: string, at: number): boolean {
  const word = wordBefore(lower, at, false);
  if (AMOUNT_LEADS_EN.has(word)) return true;
  if ((word === "is" || word === "was") && AMOUNT_LEADS_EN.has(wordBefore(lower, at))) return true;
  const zh = charsBefore(raw, at);
  return AMOUNT_LEADS_ZH.some((c) => zh.endsWith(c));
}

/** Every amount written without a currency that the message means as money, with where each was written. */
export function findBareAmounts(raw: string, lower: string, options: BareAmountOptions = {}): AmountSpan[] {
  const terms = findTerms(raw);
  const termStarts = new Set(terms.map((t) => t.start));
  const inTerm = new Uint8Array(raw.length + 1);
  for (const t of terms) inTerm.fill(1, t.start, t.end);
  const moneyMessage = options.moneyContext === true || hasMoneyWord(lower);
  const found: AmountSpan[] = [];
  for (let i = 0; i < raw.length;) {
    const ch = raw.charAt(i);
    const before = raw.charAt(i - 1);
    if (!isNumberChar(ch) || (i > 0 && (isNumberChar(before) || isLatin(before) || before === "," || before === "."))) {
      i++;
      continue;
    }
    const token = readToken(raw, i);
    if (!token) {
      // Skip the whole run, so a long run of digits is read once.
      while (i < raw.length && isNumberChar(raw.charAt(i))) i++;
      continue;
    }
    const span = readSpan(raw, lower, i, token, { inTerm, termStarts, moneyMessage });
    if (span) found.push(span);
    i = span ? span.end : token.end;
  }
  return found;
}

interface ScanContext {
  inTerm: Uint8Array;
  termStarts: ReadonlySet<number>;
  moneyMessage: boolean;
}

/** The amount a token at `at` stands for, or undefined when it is not money. */
function readSpan(raw: string, lower: string, at: number, token: Token, ctx: ScanContext): AmountSpan | undefined {
  if (ctx.inTerm[at] === 1 || token.value <= 0) return undefined;
  const digits = raw.slice(at, token.end);
  if (token.arabic && digits.length > 1 && digits.charAt(0) === "0" && digits.charAt(1) !== ".") return undefined;
  if (token.arabic && !digits.includes(",") && (digits.split(".")[0] ?? "").length > MAX_PLAIN_DIGITS) return undefined;
  const multiplier = token.arabic ? readMultiplier(lower, token.end) : undefined;
  const end = multiplier?.end ?? token.end;
  if (followedByNonMoney(raw, lower, end, token.arabic && !multiplier)) return undefined;
  if (precededByNonMoney(raw, lower, at, token)) return undefined;
  const termNext = termFollows(lower, end, ctx.termStarts);
  if (!multiplier && isYearShaped(at, token) && !termNext && !leadsIntoAmount(raw, lower, at)) return undefined;
  const grand = multiplier?.word === "grand";
  // "8k", "五万", "三千": a thousands multiplier is how people say money, so it needs no money word ("5 m" may be metres).
  const sized = (multiplier !== undefined && multiplier.word !== "m") || (!token.arabic && /[千万亿]/.test(digits));
  if (!ctx.moneyMessage && !termNext && !sized) return undefined;
  const value = Math.round(token.value * (multiplier?.factor ?? 1) * 100) / 100;
  return { start: at, end, slot: { value, currency: grand ? "GBP" : null, text: raw.slice(at, end) } };
}
