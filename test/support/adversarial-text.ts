// Adversarial inputs for the linear-time tests: long repeats of every character class our text detectors look at
// (digits, Chinese numerals, separators, letters, currency signs…), alone, in pairs and after a trigger word, so a
// regex with nested or overlapping quantifiers, or a scanner that restarts at every position, shows up as slow.

/** One adversarial message and a short label naming how it was built. */
export interface AdversarialInput {
  label: string;
  text: string;
}

/** Representatives of every character class a detector reads. */
export const CHARACTER_CLASSES: readonly string[] = [
  // ASCII and full-width digits
  ..."0159",
  ..."０１９",
  // Chinese numerals, units and the decimal point word
  ..."零〇一二两三四五六七八九十百千万亿点",
  // Chinese date, amount and merchant words
  ..."年月日号號天周前元块镑在买笔个",
  // whitespace
  " ",
  "\t",
  "\n",
  "\u3000",
  "\u00a0",
  // separators and punctuation
  ..."-./,:;#*•_'\"|`[](){}<>!?%&+=~@\\^",
  "–",
  "—",
  ..."。，：；！？、（）＋－／．＠",
  // letters (each a class some pattern singles out: x for masked cards, k/m multipliers, s/th suffixes)
  ..."aAxXkmstTdeéß",
  // currency signs
  ..."£¥￥$€",
  // other scripts and oddities
  "😀",
  "\u0000",
  "\u200b",
];

/** Mixed pairs: number-like characters followed by each separator, plus pairs that open a detector's pattern. */
export const CHARACTER_PAIRS: readonly string[] = [
  ...["1", "9", "一", "万", "１", "a", "A", "x", "£"].flatMap((n) =>
    [" ", "-", ".", "/", ",", ":", "，", "、", "\n", "'"].map((s) => `${n}${s}`),
  ),
  ...[
    "一万",
    "万一",
    "一千",
    "千一",
    "十一",
    "两万",
    "1万",
    "万1",
    "1一",
    "一1",
    "1.",
    ".1",
    "1千",
    "千1",
    "1点",
    "点1",
    "１万",
    "1亿",
    "亿1",
  ],
  ...[
    "a@",
    "@a",
    "a.",
    "+4",
    "+44 ",
    "00",
    "1a",
    "a1",
    "aA",
    "Aa",
    "A ",
    "Ab ",
    "a b ",
    "1 a ",
    "12",
    "123 ",
    "1,000",
    "1.0",
    "1-1",
    "12/",
    "12:",
    "1%",
  ],
  ...["£1", "$1", "¥1", "€1", "1k", "1m", "1£", "1元", "元1", "1块", "1 pounds", "US$", "HK$", "GBP", "gbp1", "rmb "],
  ...["**", "xx", "XX", "••", "* ", "x ", "*1", "x1", "TX", "TX-", "TX-1", "-1", "A-", "A1-", "ref ", "no. ", "#1"],
  ...["在 ", "在a", "在1", "尾号", "月1", "1月", "1日", "1年", "年1", "一月", "天前", "周一", "上周", "星期"],
  ...["at A", "from A ", "A & ", "to A.", "Mc", "'s", "s'"],
  ...["ignore ", "system ", "</", "<a>", "< ", "[system", "act as ", "忽略", "显示"],
  ...["# ", "#", "- ", "| ", "|-", "**a", "`a", "[a](", "[a]", ". A", ".\n", "? "],
  ...["1 day", "1 days ", "1 am", "1:00 ", "1st ", "3 March ", "March 3 ", "last ", "on mon"],
];

/** Words that make a detector start a match, followed by a long run that it must reject in linear time. */
export const TRIGGERS: readonly string[] = [
  "card ending ",
  "last four ",
  "ref ",
  "transaction id ",
  "尾号",
  "交易号",
  "£",
  "GBP ",
  "在",
  "at ",
  "ignore ",
  "reveal ",
  "call the tool a ",
  "guaranteed ",
  "should i buy ",
  "tax ",
  "3 ",
  "2026-",
  "+44",
  "## ",
];

const TRIGGERED_BODIES: readonly string[] = [
  " ",
  "1",
  "1 ",
  "a",
  "a ",
  "A ",
  "-",
  ".",
  "*",
  "x",
  "一",
  "万",
  "\n",
  "1-",
  "1,",
  ":",
];

function fill(unit: string, length: number): string {
  if (unit.length === 0) return "";
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Every adversarial message of exactly `length` characters (UTF-16 units): each class and pair repeated, the same
 * ending in a character no pattern accepts, and trigger words followed by a long run.
 */
export function adversarialInputs(length = 2000): AdversarialInput[] {
  const out: AdversarialInput[] = [];
  const show = (s: string): string => JSON.stringify(s);
  for (const unit of [...CHARACTER_CLASSES, ...CHARACTER_PAIRS]) {
    out.push({ label: `${show(unit)} × n`, text: fill(unit, length) });
    out.push({ label: `${show(unit)} × n + "!"`, text: `${fill(unit, length - 1)}!` });
  }
  for (const trigger of TRIGGERS) {
    for (const body of TRIGGERED_BODIES) {
      out.push({
        label: `${show(trigger)} + ${show(body)} × n + "!"`,
        text: `${trigger}${fill(body, length - trigger.length - 1)}!`,
      });
    }
  }
  return out;
}
