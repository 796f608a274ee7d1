// The runtime context of one agent turn (identity from the session, never from the model), and its schema.
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import { z } from "zod";
import type { PiiVault } from "../../shared/pii-vault.js";
import type { TurnPlan } from "../turn-plan.js";
import type { TurnRecorder } from "../turn-recorder.js";

/** The runtime context of one turn. */
export interface BankAgentContext {
  identity: Identity;
  sessionId: string;
  locale: Locale;
  vault: PiiVault;
  systemPrompt: string;
  /** What the router understood and the passages retrieved; the local responder plans from it. */
  plan: TurnPlan;
  allowedTools: readonly string[];
  preferredDocs?: readonly string[];
  /** The [n] the next retrieved passage gets: after the plan's passages and any earlier search of the turn. */
  nextPassageNumber: () => number;
  recorder: TurnRecorder;
  /** Tool calls started in this turn, counted before they run (parallel calls would all pass a count of finished ones). */
  toolCallsStarted: { count: number };
  /** Withholds model-written free text (a handoff summary, a draft) that repeats the system prompt or policy text. */
  screenModelText: (text: string) => string;
  onToolEvent?: (event: { name: string; phase: "start" | "end"; status?: string }) => void;
}

/** The runtime context's schema, given to `createAgent` so the graph is typed by it. */
export const BankAgentContextSchema = z.object({
  identity: z.custom<Identity>(),
  sessionId: z.string(),
  locale: z.custom<Locale>(),
  vault: z.custom<PiiVault>(),
  systemPrompt: z.string(),
  plan: z.custom<TurnPlan>(),
  allowedTools: z.array(z.string()).readonly(),
  preferredDocs: z.array(z.string()).readonly().optional(),
  nextPassageNumber: z.custom<() => number>(),
  recorder: z.custom<TurnRecorder>(),
  toolCallsStarted: z.custom<{ count: number }>(),
  screenModelText: z.custom<(text: string) => string>(),
  onToolEvent: z.custom<BankAgentContext["onToolEvent"]>().optional(),
});

/** Reads the turn's context from a middleware or tool runtime. */
export function contextOfRuntime(runtime: unknown): BankAgentContext {
  const ctx = (runtime as { context?: BankAgentContext } | undefined)?.context;
  if (!ctx?.recorder) throw new Error("agent context missing: the agent must run inside a chat turn");
  return ctx;
}
