// What every fault scenario checks afterwards: the service's answers (status, JSON or a clean event stream, no leaked
// error text), that each turn answered 200 is in the stored history, and that nothing on disk is half-written.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readCurrentVersion, readVersion } from "../../knowledge/index-store.js";
import { loadRouter } from "../../router/router-artefact.js";
import { loadScorecard } from "../../scoring/credit/scorecard-artefact.js";
import { loadFraudModelFile } from "../../scoring/fraud/fraud-model-artefact.js";
import { checkIntegrity, openSqliteConnection } from "../../shared/sqlite-database.js";

/** The outcome of one scenario, as the table and the JSON line report it. */
export interface ScenarioResult {
  scenario: string;
  passed: boolean;
  details: string;
  /** Turns answered 200 that are missing from the stored history afterwards. */
  lostTurns: number;
  /** Artefacts, index versions or databases left unreadable. */
  halfWritten: number;
}

/** One chat turn as the client saw it. */
export interface TurnReply {
  status: number;
  contentType: string;
  text: string;
  /** Parsed JSON reply, or the `done` event of a stream. */
  reply?: { sessionId?: string; sessionKey?: string; traceId?: string; reply?: { text?: string } };
  events: string[];
  error?: string;
  ms: number;
}

// Text that must never reach a customer: provider errors, stack traces, protocol debris.
const LEAKS = ["fake failure", "Bad Gateway", "HALF-WRITTEN", "timed out", "SQLITE", "at async", "Error:", "<html"];

/** The leaked fragments found in a customer-visible text. */
export function leaksIn(text: string): string[] {
  return LEAKS.filter((l) => text.includes(l));
}

function parseEvents(body: string): { events: string[]; done?: TurnReply["reply"] } {
  const events: string[] = [];
  let done: TurnReply["reply"];
  for (const block of body.split("\n\n")) {
    const name = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    if (!name) continue;
    events.push(name);
    if (name === "done" && data) done = JSON.parse(data) as TurnReply["reply"];
  }
  return { events, ...(done ? { done } : {}) };
}

/** Sends one anonymous chat turn, as JSON or as an event stream; never throws. */
export async function sendTurn(
  base: string,
  message: string,
  options: { stream?: boolean; timeoutMs?: number; session?: { id: string; key?: string } } = {},
): Promise<TurnReply> {
  const started = performance.now();
  try {
    const res = await fetch(new URL("/v1/chat", base), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: options.stream ? "text/event-stream" : "application/json",
        connection: "close",
        ...(options.session?.key ? { "x-session-key": options.session.key } : {}),
      },
      body: JSON.stringify({ message, ...(options.session ? { sessionId: options.session.id } : {}) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    const contentType = res.headers.get("content-type") ?? "";
    const ms = Math.round(performance.now() - started);
    if (options.stream && contentType.startsWith("text/event-stream")) {
      const parsed = parseEvents(text);
      return {
        status: res.status,
        contentType,
        text,
        events: parsed.events,
        ...(parsed.done ? { reply: parsed.done } : {}),
        ms,
      };
    }
    let reply: TurnReply["reply"];
    try {
      reply = JSON.parse(text) as TurnReply["reply"];
    } catch {
      reply = undefined;
    }
    return { status: res.status, contentType, text, events: [], ...(reply ? { reply } : {}), ms };
  } catch (e) {
    // fetch says only "fetch failed"; the cause (ECONNREFUSED, "other side closed", …) tells a kill from a dead service.
    const cause = (e as Error).cause;
    const error = `${(e as Error).message}${cause instanceof Error ? ` (${cause.message})` : ""}`;
    return { status: 0, contentType: "", text: "", events: [], error, ms: Math.round(performance.now() - started) };
  }
}

/** Status counts of some turns, e.g. "200×40 0×3", for the details column. */
export function statusSummary(turns: readonly TurnReply[]): string {
  const counts = new Map<number, number>();
  for (const t of turns) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status}×${n}`).join(" ");
}

/** Problems with a turn that should have been answered (degraded if need be) with a grounded reply. */
export function answerProblems(turn: TurnReply, mustContain?: string): string[] {
  const problems: string[] = [];
  if (turn.status !== 200) problems.push(`status ${turn.status}${turn.error ? ` (${turn.error})` : ""}`);
  const said = turn.reply?.reply?.text ?? "";
  if (turn.status === 200 && said.trim() === "") problems.push("empty reply");
  if (mustContain && turn.status === 200 && !said.includes(mustContain)) problems.push(`reply lacks "${mustContain}"`);
  const leaks = leaksIn(turn.status === 200 ? turn.text : "");
  if (leaks.length) problems.push(`leaked ${leaks.join(", ")}`);
  if (turn.events.length) {
    if (turn.events.includes("error")) problems.push("stream sent an error event");
    if (turn.events[turn.events.length - 1] !== "done") problems.push("stream did not end with done");
  }
  return problems;
}

/** A 503 storage answer must be JSON with the storage code (never a 500, never HTML). */
export function isCleanStorageRefusal(turn: TurnReply): boolean {
  if (turn.status === 503)
    return turn.contentType.startsWith("application/json") && turn.text.includes("storage_unavailable");
  if (turn.events.includes("error")) return turn.text.includes("storage_unavailable");
  return false;
}

/** Counts the 200 turns whose trace or reply is missing from chat.sqlite, and checks the file's integrity. */
export function verifyHistory(dataDir: string, turns: readonly TurnReply[]): { lost: number; integrity: string } {
  const db = openSqliteConnection(join(dataDir, "chat.sqlite"), { readonly: true });
  try {
    const trace = db.prepare("SELECT 1 FROM traces WHERE id = ?");
    const message = db.prepare("SELECT 1 FROM messages WHERE trace_id = ? AND role = 'assistant'");
    let lost = 0;
    for (const t of turns) {
      const id = t.status === 200 ? t.reply?.traceId : undefined;
      if (!id) continue;
      if (!trace.get(id) || ((t.reply?.reply?.text ?? "") !== "" && !message.get(id))) lost++;
    }
    return { lost, integrity: checkIntegrity(db) };
  } finally {
    db.close();
  }
}

/** Every artefact and database the service keeps under DATA_DIR that does not load cleanly. */
export async function halfWrittenState(dataDir: string): Promise<string[]> {
  const bad: string[] = [];
  const models = join(dataDir, "models");
  if (!loadRouter(join(models, "intent-router.json")).ok) bad.push("intent-router.json");
  if (!(await loadScorecard(join(models, "credit-scorecard.json"), { dataset: "native" })).ok)
    bad.push("credit-scorecard.json");
  if (!loadFraudModelFile(join(models, "fraud-model.json")).ok) bad.push("fraud-model.json");
  const indexRoot = join(dataDir, "index");
  try {
    const version = await readCurrentVersion(indexRoot);
    if (!version) bad.push("index: no CURRENT");
    else await readVersion(indexRoot, version);
  } catch (e) {
    bad.push(`index: ${(e as Error).message.slice(0, 120)}`);
  }
  for (const name of ["chat.sqlite", "bank.sqlite", "checkpoints.sqlite"]) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    const db = openSqliteConnection(file, { readonly: true });
    try {
      const result = checkIntegrity(db);
      if (result !== "ok") bad.push(`${name}: ${result.slice(0, 120)}`);
    } finally {
      db.close();
    }
  }
  return bad;
}
