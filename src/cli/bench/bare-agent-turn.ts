// The yardstick for the server's cost: a bare LangChain `createAgent` turn (one scripted tool call, one short answer,
// in-memory checkpoints), run in this process, so "our turn costs N bare turns" holds whatever the machine's speed.
import { MemorySaver } from "@langchain/langgraph";
import { createAgent, tool } from "langchain";
import { z } from "zod";
import { ScriptedChatModel } from "./scripted-chat-model.js";

/** Wall and CPU time of one bare turn, averaged over the measured turns. */
export interface BareTurnCost {
  turns: number;
  wallMs: number;
  cpuMs: number;
}

const lookUpFee = tool(async ({ topic }) => JSON.stringify({ status: "ok", topic, fee: "2.75%" }), {
  name: "look_up_fee",
  description: "Looks up a published fee.",
  schema: z.object({ topic: z.string().describe("What the fee is for.") }),
});

/** Runs `warmup` then `turns` sequential turns on one reused agent and reports the mean wall and CPU per turn. */
export async function measureBareTurns(options: { turns: number; warmup: number }): Promise<BareTurnCost> {
  const model = new ScriptedChatModel({
    toolName: "look_up_fee",
    toolArgs: { topic: "card payments abroad" },
    answer: "Card payments abroad cost 2.75% of the amount.",
  });
  const agent = createAgent({ model, tools: [lookUpFee], checkpointer: new MemorySaver() });
  let thread = 0;
  // A fresh thread per turn, as each benchmark conversation starts one: the saved history does not grow.
  const turn = async (): Promise<void> => {
    await agent.invoke(
      { messages: [{ role: "user", content: "What does it cost to use my debit card abroad?" }] },
      { configurable: { thread_id: `bare-${++thread}` } },
    );
  };
  for (let i = 0; i < options.warmup; i++) await turn();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < options.turns; i++) await turn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    turns: options.turns,
    wallMs: wallMs / options.turns,
    cpuMs: (used.user + used.system) / 1000 / options.turns,
  };
}

/** The turn-weighted mean of two measurements (the baseline is taken before and after the load). */
export function mergeBareCosts(a: BareTurnCost, b: BareTurnCost): BareTurnCost {
  const turns = a.turns + b.turns;
  return {
    turns,
    wallMs: (a.wallMs * a.turns + b.wallMs * b.turns) / turns,
    cpuMs: (a.cpuMs * a.turns + b.cpuMs * b.turns) / turns,
  };
}
