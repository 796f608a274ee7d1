// One phase of closed-loop load: N simulated customers replay scenarios back to back for warm-up plus measured
// seconds, over JSON or SSE. The measured window's edges are marked so server CPU is read exactly over it.
import { createRng } from "../../shared/random.js";
import type { ChatReply, ChatTransport } from "./chat-transport.js";
import { pickScenario, type Scenario } from "./scenarios.js";

/** One request of a simulated customer. */
export interface TurnSample {
  scenario: string;
  kind: "chat" | "confirm";
  ms: number;
  started: number;
  ended: number;
  error?: string;
  route?: string;
  /** SSE only: ms to the first `token` event, else to `done` when the reply streamed no tokens. */
  firstTextMs?: number;
  streamedTokens?: boolean;
}

/** Options of one phase. */
export interface LoadPhaseOptions {
  transport: ChatTransport;
  customerTokens: readonly string[];
  concurrency: number;
  warmupS: number;
  durationS: number;
  seed: number;
  stream: boolean;
  /** Called at the start and at the end of the measured window (for CPU readings). */
  onWindowEdge?: (edge: "start" | "end") => void;
}

/** What a phase produced: every sample, and the measured window's performance.now() bounds. */
export interface LoadPhaseResult {
  samples: TurnSample[];
  /** Requests that started and ended inside the window: their latencies are the phase's. */
  measured: TurnSample[];
  /** Requests that ended inside the window: the work the server did in it, for throughput and CPU per turn. */
  completed: number;
  from: number;
  to: number;
}

/** Reads a nested field of an unknown JSON value. */
export function field(value: unknown, ...path: string[]): unknown {
  let v: unknown = value;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Why a reply does not count as a served turn, or undefined when it does. */
export function describeFailure(r: ChatReply): string | undefined {
  if (r.status === 0) return "network";
  const code = field(r.body, "error", "code");
  if (r.status !== 200) return `http_${r.status}${typeof code === "string" ? `:${code}` : ""}`;
  if (typeof code === "string") return `stream_error:${code}`;
  if (typeof field(r.body, "sessionId") !== "string" || typeof field(r.body, "reply", "text") !== "string") {
    return "bad_body";
  }
  // A turn that asks for approval may carry its text in the confirmation summary instead.
  const text = String(field(r.body, "reply", "text")).trim();
  if (text === "" && typeof field(r.body, "pendingConfirmation", "summary") !== "string") return "empty_reply";
  return undefined;
}

function toSample(scenario: Scenario, kind: TurnSample["kind"], reply: ChatReply, ended: number): TurnSample {
  const error = describeFailure(reply);
  const route = field(reply.body, "intent", "route");
  const streamed = reply.tokenEvents !== undefined;
  return {
    scenario: scenario.name,
    kind,
    ms: reply.ms,
    started: ended - reply.ms,
    ended,
    ...(error ? { error } : {}),
    ...(typeof route === "string" ? { route } : {}),
    ...(streamed ? { firstTextMs: reply.firstTokenMs ?? reply.ms, streamedTokens: (reply.tokenEvents ?? 0) > 0 } : {}),
  };
}

/** Runs one phase and returns its samples; the measured ones started and ended inside the window. */
export async function runLoadPhase(options: LoadPhaseOptions): Promise<LoadPhaseResult> {
  const { transport } = options;
  const samples: TurnSample[] = [];
  const from = performance.now() + options.warmupS * 1000;
  const to = from + options.durationS * 1000;
  const edges = [
    setTimeout(() => options.onWindowEdge?.("start"), from - performance.now()),
    setTimeout(() => options.onWindowEdge?.("end"), to - performance.now()),
  ];
  const post = (path: string, body: unknown, token?: string, sessionKey?: string): Promise<ChatReply> => {
    const call = { body, ...(token ? { token } : {}), ...(sessionKey ? { sessionKey } : {}) };
    return options.stream ? transport.stream({ path, ...call }) : transport.json(path, call);
  };

  const customer = async (id: number): Promise<void> => {
    const rng = createRng(options.seed * 1000 + id);
    while (performance.now() < to) {
      const scenario = pickScenario(rng);
      const token = scenario.auth === "customer" ? rng.pick(options.customerTokens) : undefined;
      let sessionId: string | undefined;
      // An anonymous conversation continues only with the key its first reply handed out.
      let sessionKey: string | undefined;
      for (const turn of scenario.turns) {
        if (performance.now() >= to) return;
        const body = {
          ...(sessionId ? { sessionId } : {}),
          message: turn.message,
          ...(turn.locale ? { locale: turn.locale } : {}),
        };
        const reply = await post("/v1/chat", body, token, sessionKey);
        const sample = toSample(scenario, "chat", reply, performance.now());
        samples.push(sample);
        if (sample.error) break;
        sessionId = String(field(reply.body, "sessionId"));
        const key = field(reply.body, "sessionKey");
        if (typeof key === "string") sessionKey = key;
        const confirmationId = field(reply.body, "pendingConfirmation", "id");
        if (turn.confirm && typeof confirmationId === "string") {
          // Mostly reject so cards stay usable for later freeze scenarios; approve sometimes so that path runs too.
          const decision = rng.next() < 0.3 ? "approve" : "reject";
          const confirm = await post("/v1/chat/confirm", { sessionId, confirmationId, decision }, token, sessionKey);
          const confirmSample = toSample(scenario, "confirm", confirm, performance.now());
          samples.push(confirmSample);
          if (confirmSample.error) break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => customer(i)));
  for (const t of edges) clearTimeout(t);
  const measured = samples.filter((s) => s.started >= from && s.ended <= to);
  const completed = samples.filter((s) => s.ended >= from && s.ended <= to).length;
  return { samples, measured, completed, from, to };
}
