// Replays dialogues against a chat server over HTTP: one fresh session per run, each turn's cassette loaded
// before it is sent, observations checked, and results folded into per-turn reports with text pass rates.
import { ChatResponseSchema } from "../agent/chat-schemas.js";
import { detectPii } from "../agent/guardrails/pii-detect.js";
import { TurnTraceSchema, type TurnTrace } from "../conversations/turn-trace.js";
import { checkTurn, type CheckResult, type TurnObservation } from "./check-turn.js";
import { usesCassettes, type Dialogue, type DialogueTurn, type TurnExpectation } from "./dialogue-schema.js";
import type { LoadedDialogue } from "./load-dialogues.js";
import type { ReplayTarget } from "./replay-target.js";

/** One run of one turn. */
export interface TurnRun {
  observation: TurnObservation;
  checks: CheckResult[];
}

/** A turn across all its runs. */
export interface TurnReport {
  index: number;
  input: string;
  expect: TurnExpectation;
  recordedReply?: string;
  runs: TurnRun[];
  /** Every structural check passed on every run. */
  passed: boolean;
  /** Share of runs whose text checks all passed; undefined when the turn has none. */
  textPassRate?: number;
}

/** A dialogue across all its runs. */
export interface DialogueReport {
  id: string;
  file: string;
  title: string;
  tags: string[];
  locale: string;
  speaker: string;
  mode: "local" | "cassette" | "remote";
  sessionIds: string[];
  turns: TurnReport[];
  passed: boolean;
  durationMs: number;
}

/** Totals of a replay. */
export interface ReplaySummary {
  dialogues: number;
  turns: number;
  passed: number;
  failed: number;
  dialoguesFailed: number;
  textChecked: number;
  textPassRate?: number;
}

/** Options of a replay. */
export interface ReplayOptions {
  /** Server for dialogues replayed with the local responder (or everything, against a remote server). */
  target: ReplayTarget;
  /** Server whose model is the cassette server; dialogues with cassettes go there when given. */
  cassetteTarget?: ReplayTarget;
  repeat: number;
  /**
   * Starts an isolated instance for a dialogue that changes bank state (an approved freeze or dispute), so it
   * neither sees nor leaves changes from other dialogues; without it such dialogues share the main target.
   */
  fresh?: (kind: "local" | "cassette") => Promise<{ target: ReplayTarget; close(): Promise<void> }>;
  /** Count text misses as failures (the offline responder is deterministic, so CI can hold wording too). */
  strictText?: boolean;
  onDialogueDone?: (report: DialogueReport) => void;
}

const textOf = (t: DialogueTurn): string => t.say ?? `[${t.decide ?? "?"}]`;

async function postJson(
  url: string,
  body: unknown,
  token: string | undefined,
  sessionKey?: string,
): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(sessionKey ? { "x-session-key": sessionKey } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

async function fetchTraces(target: ReplayTarget, sessionId: string): Promise<Map<string, TurnTrace>> {
  const token = await target.staffToken();
  const out = new Map<string, TurnTrace>();
  if (!token) return out;
  const res = await fetch(new URL(`/v1/staff/conversations/${encodeURIComponent(sessionId)}`, target.baseUrl), {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) return out;
  const body = (await res.json()) as { traces?: unknown[] };
  for (const raw of body.traces ?? []) {
    const t = TurnTraceSchema.safeParse(raw);
    if (t.success) out.set(t.data.traceId, t.data);
  }
  return out;
}

function piiValues(texts: string[]): string[] {
  return texts
    .flatMap((t) => detectPii(t).map((s) => s.value))
    .filter((v) => v.replace(/\D/g, "").length >= 6 || v.includes("@"));
}

function cassetteChecks(target: ReplayTarget, turn: DialogueTurn, userTexts: string[]): CheckResult[] {
  const c = target.cassettes;
  if (!c) return [];
  const out: CheckResult[] = [
    {
      kind: "structural",
      name: "cassette.exhausted",
      passed: c.exhausted() === 0,
      expected: "every model call answered from the cassette",
      actual: `${c.exhausted()} call(s) beyond the recording`,
    },
    {
      kind: "structural",
      name: "cassette.unused",
      passed: c.remaining() === 0,
      expected: `all ${turn.cassette?.length ?? 0} recorded output(s) used`,
      actual: `${c.remaining()} left unused`,
    },
  ];
  const leaks = piiValues(userTexts).filter((v) => c.received().some((body) => body.includes(v)));
  out.push({
    kind: "structural",
    name: "model.noPii",
    passed: leaks.length === 0,
    expected: "no personal data sent to the model",
    actual: leaks.length ? `sent: ${leaks.join(", ")}` : "none sent",
  });
  return out;
}

async function runOnce(
  d: Dialogue,
  target: ReplayTarget,
  strictText: boolean,
): Promise<{ sessionId?: string; runs: TurnRun[] }> {
  const token = await target.tokenFor(d.meta.speaker);
  let sessionId: string | undefined;
  // An anonymous conversation is continued only with the key its first reply handed out.
  let sessionKey: string | undefined;
  let pendingId: string | undefined;
  const userTexts: string[] = [];
  const runs: TurnRun[] = [];
  const extra: CheckResult[][] = [];
  for (const turn of d.turns) {
    if (target.cassettes) target.cassettes.load(turn.cassette ?? []);
    if (turn.say !== undefined) userTexts.push(turn.say);
    const started = performance.now();
    let r: { status: number; json: unknown; text: string };
    if (turn.decide !== undefined) {
      if (!sessionId || !pendingId) {
        runs.push({
          observation: { httpStatus: 0, error: "no confirmation is pending to decide on", latencyMs: 0 },
          checks: [],
        });
        extra.push([]);
        continue;
      }
      r = await postJson(
        new URL("/v1/chat/confirm", target.baseUrl).href,
        { sessionId, confirmationId: pendingId, decision: turn.decide },
        token,
        sessionKey,
      );
    } else {
      r = await postJson(
        new URL("/v1/chat", target.baseUrl).href,
        { ...(sessionId ? { sessionId } : {}), message: turn.say, locale: turn.locale ?? d.meta.locale },
        token,
        sessionKey,
      );
    }
    const latencyMs = performance.now() - started;
    const parsed = r.status === 200 ? ChatResponseSchema.safeParse(r.json) : undefined;
    const observation: TurnObservation = parsed?.success
      ? { httpStatus: r.status, response: parsed.data, latencyMs }
      : {
          httpStatus: r.status,
          error: parsed
            ? `response does not match the chat schema: ${parsed.error.issues[0]?.message ?? ""}`
            : r.text.slice(0, 500),
          latencyMs,
        };
    if (observation.response) {
      sessionId = observation.response.sessionId;
      sessionKey = observation.response.sessionKey ?? sessionKey;
      pendingId = observation.response.pendingConfirmation?.id ?? pendingId;
      if (turn.decide !== undefined) pendingId = observation.response.pendingConfirmation?.id;
    }
    runs.push({ observation, checks: [] });
    extra.push(cassetteChecks(target, turn, userTexts));
  }
  const traces = sessionId ? await fetchTraces(target, sessionId) : new Map<string, TurnTrace>();
  const seen: string[] = [];
  d.turns.forEach((turn, i) => {
    const run = runs[i] as TurnRun;
    if (turn.say !== undefined) seen.push(turn.say);
    const traceId = run.observation.response?.traceId;
    const trace = traceId ? traces.get(traceId) : undefined;
    if (trace) run.observation.trace = trace;
    const checks = [...checkTurn(turn.expect, run.observation, [...seen]), ...(extra[i] ?? [])];
    run.checks = strictText
      ? checks.map((c) => (c.kind === "text" ? { ...c, kind: "structural" as const, name: `${c.name} (strict)` } : c))
      : checks;
  });
  return { ...(sessionId ? { sessionId } : {}), runs };
}

/** True when a dialogue approves an action (freeze, dispute) or asks for isolation, so it must run on its own instance. */
export function changesBankState(d: Dialogue): boolean {
  return d.meta.isolated === true || d.turns.some((t) => t.decide === "approve");
}

/** Replays one dialogue `repeat` times and folds the runs into a report. */
export async function replayDialogue(loaded: LoadedDialogue, options: ReplayOptions): Promise<DialogueReport> {
  const d = loaded.dialogue;
  const cassette = usesCassettes(d) && options.cassetteTarget !== undefined;
  const shared = cassette ? (options.cassetteTarget as ReplayTarget) : options.target;
  const isolate = options.fresh !== undefined && changesBankState(d);
  const started = performance.now();
  const all: TurnRun[][] = d.turns.map(() => []);
  const sessionIds: string[] = [];
  for (let r = 0; r < options.repeat; r++) {
    const own = isolate && options.fresh ? await options.fresh(cassette ? "cassette" : "local") : undefined;
    try {
      const once = await runOnce(d, own?.target ?? shared, options.strictText ?? false);
      if (once.sessionId) sessionIds.push(once.sessionId);
      once.runs.forEach((run, i) => all[i]?.push(run));
    } finally {
      await own?.close();
    }
  }
  const turns: TurnReport[] = d.turns.map((t, i) => {
    const runs = all[i] ?? [];
    const hasText = runs.some((run) => run.checks.some((c) => c.kind === "text"));
    const textOk = runs.filter((run) => run.checks.filter((c) => c.kind === "text").every((c) => c.passed)).length;
    return {
      index: i,
      input: textOf(t),
      expect: t.expect,
      ...(t.recorded ? { recordedReply: t.recorded.reply } : {}),
      runs,
      passed: runs.every(
        (run) =>
          run.checks.filter((c) => c.kind === "structural").every((c) => c.passed) &&
          run.observation.response !== undefined,
      ),
      ...(hasText ? { textPassRate: runs.length ? textOk / runs.length : 0 } : {}),
    };
  });
  return {
    id: loaded.id,
    file: loaded.file,
    title: d.meta.title,
    tags: d.meta.tags,
    locale: d.meta.locale,
    speaker: d.meta.speaker,
    mode: cassette ? "cassette" : options.target.remote ? "remote" : "local",
    sessionIds,
    turns,
    passed: turns.every((t) => t.passed),
    durationMs: performance.now() - started,
  };
}

/** Replays dialogues one after another (the cassette server serves one conversation at a time). */
export async function replayDialogues(dialogues: LoadedDialogue[], options: ReplayOptions): Promise<DialogueReport[]> {
  const reports: DialogueReport[] = [];
  for (const d of dialogues) {
    const report = await replayDialogue(d, options);
    reports.push(report);
    options.onDialogueDone?.(report);
  }
  return reports;
}

/** Adds up a replay: turns passed/failed, dialogues failed and the overall text pass rate. */
export function summariseReplay(reports: DialogueReport[]): ReplaySummary {
  const turns = reports.flatMap((r) => r.turns);
  const withText = turns.filter((t) => t.textPassRate !== undefined);
  return {
    dialogues: reports.length,
    turns: turns.length,
    passed: turns.filter((t) => t.passed).length,
    failed: turns.filter((t) => !t.passed).length,
    dialoguesFailed: reports.filter((r) => !r.passed).length,
    textChecked: withText.length,
    ...(withText.length
      ? { textPassRate: withText.reduce((s, t) => s + (t.textPassRate ?? 0), 0) / withText.length }
      : {}),
  };
}
