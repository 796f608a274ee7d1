// Steps 5–6 of a turn: the agent runs with the plan and passages, and everything it writes passes the output rails
// (sentence by sentence while streaming). When what survives no longer answers, the local responder answers from
// the same passages and tool results instead.
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import type { BankAgent } from "../bank-agent.js";
import type { Citation } from "../chat-schemas.js";
import { redactPii, type PiiVault } from "../../shared/pii-vault.js";
import { documentsForIntent } from "../intent-knowledge.js";
import { runAgentTurn, type AgentTurnInput, type AgentTurnOutcome, type TokenListener } from "../run-agent-turn.js";
import type { Passage } from "../passages.js";
import type { TurnPlan } from "../turn-plan.js";
import type { TurnRecorder } from "../turn-recorder.js";
import type { GuardrailEvent } from "../../conversations/turn-trace.js";
import { checkSentence } from "../rails/check-sentence.js";
import { prepareEvidence } from "../rails/prepare-evidence.js";
import type { RailEvidence } from "../rails/rail-types.js";
import { say } from "../responder/reply-templates.js";
import { answerLocally } from "./answer-locally.js";
import { buildEvidence, passagesOfTurn } from "./reply-evidence.js";
import { createReplyGuard, type GuardedText } from "./reply-guard.js";

/** What the rails need besides the turn itself. */
export interface RailSettings {
  publishedContacts: readonly string[];
  /** Our own reply templates in a locale: vetted text the local responder builds from. */
  trustedTexts: (locale: Locale) => readonly string[];
  /** Policy texts that must never be repeated, besides the turn's own system prompt. */
  protectedTexts: readonly string[];
}

/** One agent run with its reply checked. */
export interface AnsweredTurn {
  outcome: AgentTurnOutcome;
  /** The reply as shown (model text that passed, plus the local responder's answer when it had to step in). */
  text: string;
  citations: Citation[];
  events: GuardrailEvent[];
  agentMs: number;
}

/** Runs the agent for a turn and returns only what passed the rails. */
export async function answerWithAgent(args: {
  agent: BankAgent;
  input: AgentTurnInput;
  identity: Identity;
  sessionId: string;
  vault: PiiVault;
  plan: TurnPlan;
  systemPrompt: string;
  userText: string;
  recorder: TurnRecorder;
  rails: RailSettings;
  /** Stream the model (remote models always stream; the local responder only when a client listens). */
  stream: boolean;
  threadId?: string;
  onToolEvent: (event: { name: string; phase: "start" | "end"; status?: string }) => void;
  release?: (text: string) => void;
}): Promise<AnsweredTurn> {
  const { plan, recorder, vault } = args;
  const evidence = () =>
    buildEvidence({
      locale: plan.locale,
      passages: plan.passages,
      calls: recorder.toolCalls,
      userText: args.userText,
      publishedContacts: args.rails.publishedContacts,
      protectedTexts: [args.systemPrompt, ...args.rails.protectedTexts],
      trustedTexts: args.rails.trustedTexts(plan.locale),
      maskPlaceholder: (placeholder) => maskedValue(vault, placeholder),
    });
  const guard = createReplyGuard(evidence, args.release);
  const onToken: TokenListener | undefined = args.stream ? (text, id) => guard.onToken(text, id) : undefined;
  const started = performance.now();
  const outcome = await runAgentTurn(
    args.agent,
    args.input,
    {
      identity: args.identity,
      sessionId: args.sessionId,
      locale: plan.locale,
      vault,
      systemPrompt: args.systemPrompt,
      plan,
      allowedTools: plan.allowedTools,
      preferredDocs: documentsForIntent(plan.intent),
      nextPassageNumber: () => Math.max(0, ...passagesOfTurn(plan.passages, recorder.toolCalls).map((p) => p.n)) + 1,
      recorder,
      toolCallsStarted: { count: recorder.toolCalls.length },
      screenModelText: (text) => screenModelText(text, evidence),
      onToolEvent: args.onToolEvent,
    },
    onToken,
    args.threadId,
  );
  const agentMs = Math.round(performance.now() - started);
  let guarded: GuardedText = guard.finish(outcome.text);
  const events = railEvents(guarded, args.rails.publishedContacts);
  if ((!guarded.useful || outcome.limited) && !outcome.interrupt) {
    const why = outcome.limited ? "the run hit a call limit" : "the reply no longer answered";
    events.push({ type: "output_rail", detail: `${why}: the local responder answered instead` });
    guarded = guard.append(answerLocally(plan, args.userText, recorder.toolCalls));
  }
  const passages = passagesOfTurn(plan.passages, recorder.toolCalls);
  events.unshift(...injectionEvents(passages, recorder.toolCalls));
  const citations = citationsOf(guarded.cited, passages);
  if (guarded.text || outcome.interrupt) return { outcome, text: guarded.text, citations, events, agentMs };
  // Nothing passed, not even the local answer (e.g. the only passage is in another language): our own safe reply,
  // pointing to the best passage, is sent instead of silence.
  const safe = say(plan.locale, passages.length ? "ungrounded" : "unavailable");
  args.release?.(safe);
  const top = passages[0];
  const pointer = top ? [{ docId: top.docId, title: top.title, version: top.version }] : [];
  return { outcome, text: safe, citations: pointer, events, agentMs };
}

// The customer's own card or account shows as its last four digits, never in full and never as a placeholder.
function maskedValue(vault: PiiVault, placeholder: string): string | undefined {
  const entry = vault.resolve(placeholder);
  if (!entry) return undefined;
  const digits = entry.value.replace(/\D/g, "");
  return digits.length >= 4 ? `••••${digits.slice(-4)}` : undefined;
}

// Free text the model writes into tool arguments may not repeat the system prompt or policy: it is withheld.
function screenModelText(text: string, evidence: () => RailEvidence): string {
  const verdict = checkSentence(text, prepareEvidence(evidence()));
  return verdict.failed.includes("prompt_leak") ? "[withheld: it repeated the assistant's instructions]" : text;
}

// Instructions found inside passages or tool data were removed before any model read them; the audit says where.
function injectionEvents(passages: readonly Passage[], calls: TurnRecorder["toolCalls"]): GuardrailEvent[] {
  const inPassages = passages
    .filter((p) => p.injectionRemoved > 0)
    .map((p) => ({
      type: "injection_passage" as const,
      detail: `${p.docId}: ${p.injectionRemoved} instruction sentence(s) removed`,
    }));
  const inData = calls.flatMap((c) => {
    const removed = c.name === "search_knowledge" ? undefined : c.result?.["injectionRemoved"];
    return typeof removed === "number" && removed > 0
      ? [{ type: "injection_passage" as const, detail: `${c.name}: ${removed} instruction-like value(s) masked` }]
      : [];
  });
  return [...inPassages, ...inData];
}

// Blocked text is kept for the audit with personal data removed (and nothing added to the session's vault).
function railEvents(guarded: GuardedText, publicNumbers: readonly string[]): GuardrailEvent[] {
  return guarded.blocked.map((b) => ({
    type: "output_rail" as const,
    detail: `${b.failed.join("+")}: ${b.reasons.join("; ").slice(0, 160)} | blocked: ${redactPii(b.text, { publicNumbers }).slice(0, 240)}`,
  }));
}

function citationsOf(
  cited: readonly number[],
  passages: readonly { n: number; docId: string; title: string; version: string }[],
): Citation[] {
  const out: Citation[] = [];
  for (const n of [...cited].sort((a, b) => a - b)) {
    const p = passages.find((x) => x.n === n);
    if (p && !out.some((c) => c.docId === p.docId)) out.push({ docId: p.docId, title: p.title, version: p.version });
  }
  return out;
}
