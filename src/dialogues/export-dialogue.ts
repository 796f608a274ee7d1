// Turns a stored conversation's traces into a regression dialogue: user messages with stable fake PII, expectations
// derived from what happened (intent, tools, citations, confirmation, handoff, guardrails), and the model outputs
// as cassettes when a real model answered. The result is meant to be reviewed and edited by a person.
import { stringify } from "yaml";
import type { Identity } from "../auth/identity.js";
import type { TurnTrace } from "../conversations/turn-trace.js";
import type { Locale } from "../shared/locale.js";
import { err, ok, type Result } from "../shared/result.js";
import {
  CURRENT_SCHEMA_VERSION,
  DialogueSchema,
  ExpectedGuardrailSchema,
  ExpectedRouteSchema,
  type Dialogue,
  type DialogueInput,
  type Speaker,
} from "./dialogue-schema.js";
import { fakePii, fakePiiDeep, UNAMBIGUOUS_PII } from "./fake-pii.js";

const KEEP = { keepPlaceholders: true, kinds: UNAMBIGUOUS_PII } as const;

/** What an export needs to know about a conversation. */
export interface ConversationForExport {
  sessionId: string;
  identity: Identity;
  locale: Locale;
  traces: TurnTrace[];
}

/** The store methods an export reads (a subset of the conversation store). */
export interface ConversationSource {
  getSession(id: string): { id: string; identity: Identity; locale: Locale } | undefined;
  listTraces(sessionId: string): TurnTrace[];
}

const DEMO_CUSTOMERS = new Set(["demo1", "demo2"]);

function speakerOf(identity: Identity): { speaker: Speaker; substituted: boolean } {
  switch (identity.kind) {
    case "anonymous":
      return { speaker: "anonymous", substituted: false };
    case "staff":
      return {
        speaker: `staff:${identity.staffId.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 40) || "staff"}`,
        substituted: false,
      };
    case "customer":
      return DEMO_CUSTOMERS.has(identity.customerId)
        ? { speaker: `customer:${identity.customerId}`, substituted: false }
        : { speaker: "customer:demo1", substituted: true };
  }
}

function decisionOf(message: string): "approve" | "reject" {
  return /\b(?:reject|deny|denied|decline|cancel|no)\b|拒绝|取消|不/.test(message.toLowerCase()) ? "reject" : "approve";
}

function latencyBudget(trace: TurnTrace): number {
  // Generous by design: a budget catches a turn that got an order of magnitude slower, not scheduling noise.
  return Math.max(2000, Math.ceil((trace.latencyMs.total * 5) / 500) * 500);
}

function turnFromTrace(trace: TurnTrace, withCassette: boolean): DialogueInput["turns"][number] {
  const guardrails = [...new Set(trace.guardrails.map((g) => g.type).filter((t) => t !== "llm_fallback"))].flatMap(
    (t) => {
      const g = ExpectedGuardrailSchema.safeParse(t);
      return g.success ? [g.data] : [];
    },
  );
  const route = ExpectedRouteSchema.safeParse(trace.intent.route);
  const base = trace.kind === "confirmation" ? { decide: decisionOf(trace.message) } : { say: fakePii(trace.message) };
  return {
    ...base,
    expect: {
      intent: { name: trace.intent.name, ...(route.success ? { route: route.data } : {}) },
      tools: trace.toolCalls.length
        ? { calls: trace.toolCalls.map((c) => ({ name: c.name, args: fakePiiDeep(c.args, KEEP), status: c.status })) }
        : { none: true },
      ...(trace.citations.length ? { citations: { include: [...new Set(trace.citations.map((c) => c.docId))] } } : {}),
      confirmation: trace.pendingConfirmation
        ? { requested: true, action: trace.pendingConfirmation.action }
        : { requested: false },
      handoff: trace.handoffTicketId !== undefined,
      noPii: true,
      ...(guardrails.length ? { guardrails: { include: guardrails } } : {}),
      latencyMs: latencyBudget(trace),
    },
    ...(withCassette && trace.modelCalls.length
      ? { cassette: trace.modelCalls.filter((m) => !m.fallback && !m.error).map((m) => fakePiiDeep(m.output, KEEP)) }
      : {}),
    recorded: {
      reply: fakePii(trace.reply, KEEP),
      tools: trace.toolCalls.map((c) => ({
        name: c.name,
        args: fakePiiDeep(c.args, KEEP),
        status: c.status,
        summary: fakePii(c.summary, KEEP),
      })),
    },
  };
}

/** Builds a dialogue from a conversation's traces; fails when it has no turns. */
export function exportDialogue(
  conv: ConversationForExport,
  options: { title?: string; tags?: string[] } = {},
): Result<Dialogue, "no_turns"> {
  const traces = [...conv.traces].sort((a, b) => a.turn - b.turn);
  if (traces.length === 0) return err("no_turns");
  const modelCall = traces.flatMap((t) => t.modelCalls).find((m) => !m.fallback && !m.error);
  const provider = modelCall?.provider ?? traces[0]?.provider ?? "local";
  const model = modelCall?.model ?? traces[0]?.model ?? "local-responder";
  const withCassette = provider !== "local";
  const { speaker, substituted } = speakerOf(conv.identity);
  const first = traces.find((t) => t.kind === "message");
  const input: DialogueInput = {
    schemaVersion: CURRENT_SCHEMA_VERSION as 2,
    meta: {
      title: options.title ?? `Recorded: ${fakePii(first?.message ?? "conversation").slice(0, 60)}`,
      description: `Exported from session ${conv.sessionId}. Expectations were derived from what happened; review them before committing.${
        substituted ? " The customer was not a demo customer, so the dialogue speaks as customer:demo1." : ""
      }`,
      tags: [...new Set(["recorded", ...(options.tags ?? []), ...(substituted ? ["speaker-substituted"] : [])])],
      locale: conv.locale,
      speaker,
      recordedWith: { provider, model },
    },
    turns: traces.map((t) => turnFromTrace(t, withCassette)),
  };
  const parsed = DialogueSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(
      `exported dialogue does not validate: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return ok(parsed.data);
}

// Schema defaults are left out of the file so a person edits only what matters; loading restores them.
const DEFAULTS: Record<string, unknown> = {
  order: "in_order",
  exact: false,
  none: false,
  mode: "all",
  caseInsensitive: true,
  strict: false,
};

function pruneDefaults(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => pruneDefaults(v));
  if (value === null || typeof value !== "object") return value;
  // Tool arguments are data, never defaults.
  if (key === "args") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v) && v.length === 0 && k !== "toolCalls" && k !== "tools") continue;
    if (k in DEFAULTS && DEFAULTS[k] === v) continue;
    out[k] = pruneDefaults(v, k);
  }
  return out;
}

/** Serialises a dialogue as YAML (defaults omitted) with a header saying where it came from. */
export function renderDialogueYaml(
  d: Dialogue,
  header = "Regression dialogue; see src/dialogues/dialogue-schema.ts for the format.",
): string {
  return `# ${header}\n${stringify(pruneDefaults(d), { lineWidth: 0 })}`;
}

/** Exports a stored conversation as dialogue YAML (for `GET /v1/staff/conversations/:id/dialogue` and the CLI). */
export function exportConversationYaml(
  store: ConversationSource,
  sessionId: string,
  options: { title?: string; tags?: string[] } = {},
): Result<string, "not_found" | "no_turns"> {
  const session = store.getSession(sessionId);
  if (!session) return err("not_found");
  const d = exportDialogue(
    { sessionId, identity: session.identity, locale: session.locale, traces: store.listTraces(sessionId) },
    options,
  );
  return d.ok ? ok(renderDialogueYaml(d.value)) : d;
}

/** The staff route's exporter: a session id to dialogue YAML, with an empty conversation counted as not found. */
export function createDialogueExporter(store: ConversationSource): (sessionId: string) => Result<string, "not_found"> {
  return (sessionId) => {
    const r = exportConversationYaml(store, sessionId);
    return r.ok ? r : err("not_found");
  };
}
