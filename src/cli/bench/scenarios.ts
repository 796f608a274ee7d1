// The conversations the chat benchmark replays: the mix a busy support desk sees, mostly knowledge questions, then
// account and card tasks, some chit-chat and noise, in English and Chinese, anonymous and signed in.
import type { Rng } from "../../shared/random.js";

/** One customer message of a scenario. */
export interface ScenarioTurn {
  message: string;
  locale?: "en" | "zh-CN";
  /** Answer a pending confirmation that this turn should raise. */
  confirm?: boolean;
}

/** A short conversation and how often it occurs in the mix. */
export interface Scenario {
  name: string;
  auth: "anonymous" | "customer";
  weight: number;
  turns: ScenarioTurn[];
}

/** The benchmark's conversation mix. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: "knowledge-en",
    auth: "anonymous",
    weight: 10,
    turns: [
      { message: "What does it cost to use my debit card abroad?" },
      { message: "And what about cash withdrawals?" },
    ],
  },
  {
    name: "knowledge-en-signed",
    auth: "customer",
    weight: 5,
    turns: [{ message: "How do I reset my online banking password?" }],
  },
  {
    name: "knowledge-zh",
    auth: "anonymous",
    weight: 8,
    turns: [{ message: "在国外用借记卡要收多少手续费？" }, { message: "透支要收什么费用？", locale: "zh-CN" }],
  },
  { name: "knowledge-zh-signed", auth: "customer", weight: 4, turns: [{ message: "怎么激活我的新卡？" }] },
  {
    name: "transactions-en",
    auth: "customer",
    weight: 6,
    turns: [{ message: "Can you show me my recent transactions?" }],
  },
  {
    name: "transactions-zh",
    auth: "customer",
    weight: 4,
    turns: [{ message: "帮我查一下最近的交易记录" }],
  },
  {
    name: "transactions-anon",
    auth: "anonymous",
    weight: 3,
    turns: [{ message: "What did I spend on my card last week?" }],
  },
  {
    name: "freeze-en",
    auth: "customer",
    weight: 4,
    turns: [{ message: "I lost my card, please freeze it", confirm: true }],
  },
  {
    name: "freeze-zh",
    auth: "customer",
    weight: 3,
    turns: [{ message: "我的卡丢了，请帮我冻结", confirm: true }],
  },
  {
    name: "credit-en",
    auth: "customer",
    weight: 4,
    turns: [{ message: "Am I eligible for a personal loan of £5,000?" }],
  },
  {
    name: "credit-zh",
    auth: "customer",
    weight: 3,
    turns: [{ message: "我能申请一笔5000英镑的个人贷款吗？" }],
  },
  {
    name: "fraud-en",
    auth: "customer",
    weight: 3,
    turns: [{ message: "There's a payment on my card I don't recognise" }],
  },
  {
    name: "smalltalk-en",
    auth: "anonymous",
    weight: 4,
    turns: [{ message: "Hi there!" }, { message: "Thanks, that's all. Bye!" }],
  },
  {
    name: "smalltalk-zh",
    auth: "anonymous",
    weight: 3,
    turns: [{ message: "你好" }, { message: "谢谢，再见" }],
  },
  {
    name: "out-of-scope-en",
    auth: "anonymous",
    weight: 3,
    turns: [{ message: "Which shares should I buy to get rich quickly?" }],
  },
  { name: "out-of-scope-zh", auth: "customer", weight: 2, turns: [{ message: "帮我写一首关于大海的诗" }] },
];

/** Picks a scenario with probability proportional to its weight. */
export function pickScenario(rng: Rng, items: readonly Scenario[] = SCENARIOS): Scenario {
  const total = items.reduce((s, x) => s + x.weight, 0);
  let r = rng.next() * total;
  for (const x of items) if ((r -= x.weight) < 0) return x;
  return items[items.length - 1] as Scenario;
}
