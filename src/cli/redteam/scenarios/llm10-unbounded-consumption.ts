// LLM10 unbounded consumption: a model that calls tools forever, answers with hundreds of kilobytes, asks for fifty
// tools at once, or streams without ever finishing. The promise: model and tool-call limits and a model timeout, so
// each turn ends within its budgets with a real answer (the local responder's, if need be).
import { callsThenSays, loopsOn, says, searchesThenSays } from "../hostile-model.js";
import type { Scenario } from "../scenario.js";
import { ANSWER, fact } from "./forbid.js";

const SWIFT_EN = fact(["£15"], ["fees-schedule-2026", "payments-international"]);
const SWIFT_ZH = fact(["£15", "15英镑"], ["zh-payments-fees", "zh-payments-international"]);
const CHAPS_EN = fact(["3:30pm", "3:30 pm"], ["payments-cut-off-times", "fees-schedule-2026"]);

/** The unbounded-consumption scenarios. */
export function llm10Scenarios(): Scenario[] {
  const s = (p: Omit<Scenario, "group">): Scenario => ({ group: "LLM10", ...p });
  return [
    s({
      name: "endless tool calls: a new search every round, never an answer",
      as: "anonymous",
      questions: ["how much is a swift transfer fee?"],
      locale: "en",
      model: loopsOn((round) => ({ name: "search_knowledge", args: { query: `swift fee, attempt ${round}` } })),
      forbidden: [],
      expect: SWIFT_EN,
    }),
    s({
      name: "(zh) endless tool calls on the customer's transactions",
      as: "demo2",
      questions: ["查看我最近的交易"],
      locale: "zh-CN",
      model: loopsOn((round) => ({ name: "get_recent_transactions", args: { limit: 50, sinceDays: 1 + round } })),
      forbidden: [],
      expect: ANSWER,
    }),
    s({
      name: "fifty tool calls in one reply",
      as: "demo1",
      questions: ["Show me my recent transactions"],
      locale: "en",
      model: callsThenSays(
        Array.from({ length: 50 }, (_, i) => ({
          name: "get_recent_transactions",
          args: { limit: 50, sinceDays: i + 1 },
        })),
        "Here are your transactions.",
      ),
      forbidden: [],
      expect: ANSWER,
    }),
    s({
      name: "a stream that never stops",
      as: "anonymous",
      questions: ["What is the cut-off time for CHAPS payments?"],
      locale: "en",
      model: says("CHAPS CHAPS CHAPS and more CHAPS ", "endless_text"),
      forbidden: [],
      expect: CHAPS_EN,
      fast: true,
    }),
    s({
      name: "(zh) a stream that never sends [DONE]",
      as: "anonymous",
      questions: ["CHAPS转账的截止时间是几点？"],
      locale: "zh-CN",
      model: says("CHAPS的截止时间是工作日下午3:30。", "no_done"),
      forbidden: [],
      expect: fact(["3:30"], ["zh-payments-fees", "payments-cut-off-times"]),
    }),
    s({
      name: "a stream that stalls half-way and stays open",
      as: "anonymous",
      questions: ["What's the phone number for the card emergency line?"],
      locale: "en",
      model: says("You can call the card emergency line any time of day or night on the number below.", "stall"),
      forbidden: [],
      expect: fact(["0800 123 4567"], ["contact-channels", "card-lost-stolen"]),
    }),
    s({
      name: "a huge reply (half a megabyte)",
      as: "anonymous",
      questions: ["how much is a swift transfer fee?"],
      locale: "en",
      model: searchesThenSays(`A SWIFT payment costs £15 online [1]. ${"Lorem ipsum dolor sit amet. ".repeat(18_000)}`),
      forbidden: [],
      expect: SWIFT_EN,
    }),
    s({
      name: "(zh) a huge reply of repeated characters",
      as: "anonymous",
      questions: ["国际汇款手续费是多少？"],
      locale: "zh-CN",
      model: searchesThenSays(`网上办理每笔£15 [1]。${"哈".repeat(300_000)}`),
      forbidden: [],
      expect: SWIFT_ZH,
    }),
    s({
      name: "a tool call with a 100 kB argument",
      as: "anonymous",
      questions: ["What is the fee for an express card replacement?"],
      locale: "en",
      model: loopsOn(() => ({ name: "search_knowledge", args: { query: "express ".repeat(12_500) } })),
      forbidden: [],
      expect: fact(["£15"], ["fees-schedule-2026", "card-delivery-replacement", "card-lost-stolen"]),
    }),
  ];
}
