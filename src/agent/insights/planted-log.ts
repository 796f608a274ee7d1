// A synthetic log of badly handled messages with planted topics, for the clustering's evaluation (tests and
// `npm run eval:insights`): paraphrases from shared frames, topic words from pools, typos, half in Chinese.
import type { Locale } from "../../shared/locale.js";
import { createRng, type Rng } from "../../shared/random.js";

/** One planted message and the topic it was written for. */
export interface PlantedMessage {
  topic: string;
  locale: Locale;
  text: string;
}

interface PlantedTopic {
  name: string;
  en: { nouns: string[]; verbs: string[] };
  zh: { nouns: string[]; verbs: string[] };
}

const TOPICS: PlantedTopic[] = [
  {
    name: "crypto",
    en: {
      nouns: ["bitcoin", "crypto", "cryptocurrency", "bitcoin and other crypto", "crypto coins", "a crypto wallet"],
      verbs: ["buy", "trade", "invest in", "purchase", "send"],
    },
    zh: {
      nouns: ["比特币", "加密货币", "比特币等加密货币", "数字货币", "虚拟币比特币"],
      verbs: ["购买", "交易", "投资", "买入"],
    },
  },
  {
    name: "refinance",
    en: {
      nouns: ["my mortgage", "the mortgage rate", "a home loan refinance", "my house loan", "mortgage refinancing"],
      verbs: ["refinance", "lower the rate on", "switch", "renegotiate"],
    },
    zh: {
      nouns: ["房贷", "房贷利率", "住房贷款", "按揭房贷", "抵押贷款"],
      verbs: ["转贷", "重新办理", "降低", "续办"],
    },
  },
  {
    name: "travel-insurance",
    en: {
      nouns: ["travel insurance", "trip insurance", "holiday travel cover", "a travel policy", "insurance for my trip"],
      verbs: ["get", "claim on", "buy", "add"],
    },
    zh: { nouns: ["旅游保险", "旅行保险", "出境旅游险", "境外旅行保险"], verbs: ["购买", "理赔", "申请", "办理"] },
  },
  {
    name: "safe-deposit",
    en: {
      nouns: ["a safe deposit box", "a safety deposit box", "a deposit locker", "a deposit box", "a box in the vault"],
      verbs: ["rent", "open", "access", "book"],
    },
    zh: { nouns: ["保险箱", "保管箱", "银行保险箱", "保险箱服务"], verbs: ["租用", "开通", "预约", "使用"] },
  },
  {
    name: "gold",
    en: {
      nouns: ["gold bars", "gold", "gold and silver", "precious metals like gold", "gold bullion"],
      verbs: ["buy", "sell", "store", "invest in"],
    },
    zh: { nouns: ["金条", "黄金", "实物黄金", "黄金金条", "纸黄金"], verbs: ["购买", "出售", "存放", "投资"] },
  },
  {
    name: "pension",
    en: {
      nouns: ["my pension", "retirement savings", "a pension plan", "the pension fund", "my retirement pension"],
      verbs: ["transfer", "top up", "withdraw from", "set up"],
    },
    zh: {
      nouns: ["养老金", "退休养老金", "养老保险", "养老金账户", "个人养老金"],
      verbs: ["转入", "领取", "补缴", "开设"],
    },
  },
];

const EN_FRAMES = [
  "how do i {v} {n}",
  "can i {v} {n} with you",
  "i want to {v} {n}",
  "is it possible to {v} {n}",
  "do you offer {n}",
  "help me {v} {n}",
  "where can i {v} {n}",
  "how much does it cost to {v} {n}",
  "about {n}",
  "i would like to {v} {n}",
  "what about {n}",
  "{n}, how do i {v} it",
  "{n}?",
  "why can't i {v} {n}",
  "is there a way to {v} {n}",
  "{v} {n}",
  "can you {v} {n} for me",
  "you don't do {n}?",
];
const EN_OPENERS = ["", "", "", "hi, ", "hello ", "hey, ", "sorry, "];
const EN_CLOSERS = ["", "", "", " thanks", " please", "??", "!"];

const ZH_FRAMES = [
  "我想{v}{n}",
  "请问怎么{v}{n}",
  "你们可以{v}{n}吗",
  "{n}怎么{v}",
  "我要{v}{n}",
  "能帮我{v}{n}吗",
  "关于{n}",
  "{v}{n}要多少钱",
  "{n}的事",
  "在哪里{v}{n}",
  "{n}？",
  "为什么不能{v}{n}",
  "可以{v}{n}吗",
  "{v}{n}",
  "我想问{n}",
  "你们不做{n}吗",
];
const ZH_OPENERS = ["", "", "", "你好，", "您好，", "请问，"];
const ZH_CLOSERS = ["", "", "", "，谢谢", "？", "！"];

// A keyboard slip in one English word of four letters or more: two letters swapped, one dropped or one doubled.
function englishTypo(text: string, rng: Rng): string {
  const words = text.split(" ");
  const long = words.flatMap((w, i) => (w.length >= 4 ? [i] : []));
  if (!long.length) return text;
  const i = rng.pick(long);
  const w = words[i] as string;
  const p = 1 + rng.int(w.length - 2);
  const kind = rng.int(3);
  words[i] =
    kind === 0
      ? w.slice(0, p) + (w[p + 1] ?? "") + (w[p] ?? "") + w.slice(p + 2)
      : kind === 1
        ? w.slice(0, p) + w.slice(p + 1)
        : w.slice(0, p) + (w[p] ?? "") + w.slice(p);
  return words.join(" ");
}

// A slip in Chinese input: one character of the topic word left out.
function chineseTypo(noun: string, rng: Rng): string {
  if (noun.length < 3) return noun;
  const p = rng.int(noun.length);
  return noun.slice(0, p) + noun.slice(p + 1);
}

/** The planted log: `perTopic` messages per topic, half English and half Chinese, shuffled by the seed. */
export function plantedLog(options: { seed: number; perTopic?: number; typoRate?: number }): PlantedMessage[] {
  const rng = createRng(options.seed);
  const perTopic = options.perTopic ?? 40;
  const typoRate = options.typoRate ?? 0.35;
  const out: PlantedMessage[] = [];
  for (const topic of TOPICS) {
    for (let i = 0; i < perTopic; i++) {
      if (i % 2 === 0) {
        const body = rng
          .pick(EN_FRAMES)
          .replace("{v}", rng.pick(topic.en.verbs))
          .replace("{n}", rng.pick(topic.en.nouns));
        const text = rng.pick(EN_OPENERS) + body + rng.pick(EN_CLOSERS);
        out.push({ topic: topic.name, locale: "en", text: rng.next() < typoRate ? englishTypo(text, rng) : text });
      } else {
        const noun = rng.pick(topic.zh.nouns);
        const body = rng
          .pick(ZH_FRAMES)
          .replace("{v}", rng.pick(topic.zh.verbs))
          .replace("{n}", rng.next() < typoRate ? chineseTypo(noun, rng) : noun);
        const text = rng.pick(ZH_OPENERS) + body + rng.pick(ZH_CLOSERS);
        out.push({ topic: topic.name, locale: "zh-CN", text });
      }
    }
  }
  return rng.shuffle(out);
}

/** The number of planted topics. */
export const PLANTED_TOPIC_COUNT = TOPICS.length;
