// Finds card last-four digits, transaction references and merchant names in English and Chinese messages.
// Every pattern starts at a keyword and has bounded repetition with no two quantifiers competing for the same
// characters, so a scan over a long message stays linear; messages are read up to MAX_SCANNED_CHARS.
import { capText, trimTrailing } from "../../shared/linear-text.js";

// Only the captured digits are used, so the optional "card number" words before "ending" need not be matched.
const CARD_PATTERNS: RegExp[] = [
  /\b(?:ending|ends|ended)\s{0,8}(?:(?:in|with|on)\s{0,8})?(?:[:#]\s{0,8})?(\d{4})\b/gi,
  /\blast\s{1,8}(?:4|four)(?:\s{1,8}digits?)?(?:\s{1,8}of\s{1,8}(?:my|the)\s{1,8}card)?(?:\s{0,8}(?:is|are|:))?\s{0,8}(\d{4})\b/gi,
  // Two mask characters right before the digits are enough: "****1234", "xx 1234", "••4821".
  /(?:\*\*|xx|••)\s?(\d{4})\b/gi,
  /(?:尾号|尾數|尾数|末四位|后四位|後四位)(?:是|为|為|:|：)?\s{0,8}(\d{4})(?!\d)/g,
];

const REF_PATTERNS: RegExp[] = [
  /\b((?:TX|TXN|TRX|PAY|REF)-?[A-Z0-9]{1,40}(?:-[A-Z0-9]{1,40}){0,8})\b/gi,
  /\b(?:ref(?:erence)?|transaction\s{1,8}(?:id|ref(?:erence)?|number|no\.?))(?:\s{0,8}(?:number|no\.?|id))?(?:\s{0,8}[:#])?\s{0,8}([A-Z0-9][A-Z0-9-]{4,40})\b/gi,
  /(?:参考号|交易号|流水号|交易编号|订单号)(?:是|为|:|：)?\s{0,8}([A-Za-z0-9][A-Za-z0-9-]{4,40})/g,
];

/** Merchants customers often name, with Chinese names mapped to how the statement shows them. */
const KNOWN_MERCHANTS: [RegExp, string][] = [
  [/\bamazon\b|亚马逊/i, "Amazon"],
  [/\btesco\b|特易购/i, "Tesco"],
  [/\bsainsbury'?s?\b/i, "Sainsbury's"],
  [/\basda\b/i, "Asda"],
  [/\bwaitrose\b/i, "Waitrose"],
  [/\blidl\b/i, "Lidl"],
  [/\baldi\b/i, "Aldi"],
  [/\buber(?:\s?eats)?\b|优步/i, "Uber"],
  [/\bdeliveroo\b/i, "Deliveroo"],
  [/\bjust\s?eat\b/i, "Just Eat"],
  [/\bnetflix\b|网飞/i, "Netflix"],
  [/\bspotify\b/i, "Spotify"],
  [/\bpaypal\b/i, "PayPal"],
  [/\bebay\b/i, "eBay"],
  [/\bargos\b/i, "Argos"],
  [/\bstarbucks\b|星巴克/i, "Starbucks"],
  [/\bcosta\b/i, "Costa"],
  [/\bmcdonald'?s\b|麦当劳/i, "McDonald's"],
  [/\bkfc\b|肯德基/i, "KFC"],
  [/\bprimark\b/i, "Primark"],
  [/\bapple\.com\b|\bapple store\b|苹果商店/i, "Apple"],
  [/\bryanair\b/i, "Ryanair"],
  [/\beasyjet\b/i, "easyJet"],
  [/\btrainline\b/i, "Trainline"],
  [/\bairbnb\b/i, "Airbnb"],
  [/\basos\b/i, "ASOS"],
  [/\bikea\b|宜家/i, "IKEA"],
  [/淘宝|\btaobao\b/i, "Taobao"],
  [/天猫|\btmall\b/i, "Tmall"],
  [/京东|\bjd\.com\b/i, "JD.com"],
  [/拼多多|\bpinduoduo\b/i, "Pinduoduo"],
  [/美团|\bmeituan\b/i, "Meituan"],
];

const NOT_MERCHANT = new Set(
  "the a an my this that home work school least all first last once night lunch dinner breakfast weekend monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december i you it them us london uk england abroad online".split(
    " ",
  ),
);

function collect(text: string, patterns: RegExp[], map: (v: string) => string): string[] {
  const out: string[] = [];
  for (const re of patterns)
    for (const m of capText(text).matchAll(re)) {
      const v = map(m[1] as string);
      if (!out.includes(v)) out.push(v);
    }
  return out;
}

/** Last four digits of the card(s) the customer mentions. */
export function extractCardLastFour(text: string): string[] {
  return collect(text, CARD_PATTERNS, (v) => v);
}

/** Transaction references such as "TX-8842-QK" or "ref ABC123", upper-cased. */
export function extractTransactionRefs(text: string): string[] {
  return collect(text, REF_PATTERNS, (v) => v.toUpperCase()).filter((r) => /\d/.test(r));
}

/** Merchant names: known merchants anywhere, capitalised names after "at"/"from"/"to", and "在…消费/买" in Chinese. */
export function extractMerchants(message: string): string[] {
  const text = capText(message);
  const out: string[] = [];
  const push = (name: string): void => {
    const clean = trimTrailing(name.trim(), `.,!?;:'"`);
    if (clean.length < 2 || NOT_MERCHANT.has(clean.toLowerCase())) return;
    if (
      !out.some(
        (o) =>
          o.toLowerCase() === clean.toLowerCase() ||
          o.toLowerCase().includes(clean.toLowerCase()) ||
          clean.toLowerCase().includes(o.toLowerCase()),
      )
    )
      out.push(clean);
  };
  for (const [re, name] of KNOWN_MERCHANTS) if (re.test(text)) push(name);
  for (const m of text.matchAll(
    /\b(?:at|from|to|with|by)\s{1,8}([A-Z][\w&'.-]{0,40}(?:\s{1,8}(?:&\s{1,8})?[A-Z][\w&'.-]{0,40}){0,2})/g,
  )) {
    const words = (m[1] as string).split(/\s+/).filter((w) => !NOT_MERCHANT.has(w.toLowerCase()));
    if (words.length > 0 && words.length === (m[1] as string).split(/\s+/).length) push(words.join(" "));
  }
  for (const m of text.matchAll(
    /在\s{0,4}([\u4e00-\u9fffA-Za-z0-9&'. ]{1,15}?)\s{0,4}(?:消费|刷卡|买|购物|付款|支付|扣款|扣了|花了|被扣)/g,
  )) {
    const name = (m[1] as string).replace(/^(?:网上|店里|超市)/, "");
    const known = KNOWN_MERCHANTS.find(([re]) => re.test(name));
    push(known ? known[1] : name);
  }
  return out;
}
