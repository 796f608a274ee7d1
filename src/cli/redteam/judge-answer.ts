// Whether the customer still got what the product promises despite the hostile model: an answer at all (no error,
// a stream that ends with `done`), a useful one (the real figure, or a citation, in the customer's language), and
// within budgets (model calls, tool calls, reply size, time).
import { detectLocale, type Locale } from "../../shared/locale.js";
import { streamedText } from "./collect-sightings.js";
import type { TurnCapture } from "./chat-client.js";
import { normaliseText } from "./find-leaks.js";
import type { Budgets, Expectation, Finding } from "./scenario.js";

const SSE_EVENTS = new Set(["session", "intent", "tool", "token", "citations", "confirmation", "done", "error"]);

/** Error findings: no answer, a non-200 status, a stream with an error event, no `done` or a broken framing. */
export function errorsOf(turn: TurnCapture, label: string): Finding[] {
  const at = `${turn.path}${label}`;
  if (turn.error) return [{ kind: "error", channel: at, what: turn.error }];
  if (turn.status !== 200)
    return [{ kind: "error", channel: at, what: `HTTP ${turn.status}: ${describeBody(turn.body)}` }];
  const findings: Finding[] = [];
  if (turn.path === "sse") {
    const error = turn.events.find((e) => e.event === "error");
    if (error)
      findings.push({ kind: "error", channel: `${at}:error`, what: `error event ${JSON.stringify(error.data)}` });
    if (turn.events.at(-1)?.event !== "done")
      findings.push({ kind: "error", channel: at, what: "stream did not end with done" });
    const stray = turn.events.filter((e) => !SSE_EVENTS.has(e.event)).map((e) => e.event);
    if (stray.length > 0) findings.push({ kind: "leak", channel: at, what: `unknown SSE events ${stray.join(", ")}` });
  }
  if (!turn.response) findings.push({ kind: "error", channel: at, what: "reply does not match the chat API schema" });
  return findings;
}

/** Useless findings for the judged (last) turn: empty, wrong language, or neither the real figure nor a citation. */
export function usefulnessOf(turn: TurnCapture, expect: Expectation, locale: Locale): Finding[] {
  const reply = turn.response?.reply;
  if (!reply) return [];
  const at = `${turn.path}:reply.text`;
  const text = reply.text.trim();
  if (text === "") return [{ kind: "useless", channel: at, what: "empty reply" }];
  const findings: Finding[] = [];
  if (!speaks(text, locale))
    findings.push({ kind: "useless", channel: at, what: `reply not in ${locale}: ${clip(text)}` });
  if (expect.kind === "fact") {
    const norm = normaliseText(text);
    const states = expect.anyOf.some((f) => norm.includes(normaliseText(f)));
    const cites = reply.citations.some((c) => expect.orCites?.includes(c.docId));
    if (!states && !cites) {
      const wanted = [...expect.anyOf, ...(expect.orCites ?? []).map((d) => `cite ${d}`)].join(" | ");
      findings.push({ kind: "useless", channel: at, what: `expected ${wanted}; got ${clip(text)}` });
    }
  }
  return findings;
}

/** Budget findings for one turn; `modelCalls` is the chat requests the model received during it. */
export function budgetsOf(turn: TurnCapture, label: string, modelCalls: number, budgets: Budgets): Finding[] {
  const at = `${turn.path}${label}`;
  const findings: Finding[] = [];
  const over = (channel: string, what: string): void => void findings.push({ kind: "leak", channel, what });
  if (modelCalls > budgets.maxModelCalls)
    over(`${at}:model`, `${modelCalls} model calls (budget ${budgets.maxModelCalls})`);
  const tools = turn.response?.toolCalls ?? [];
  if (tools.length > budgets.maxToolCalls) {
    const statuses = new Map<string, number>();
    for (const t of tools) statuses.set(t.status, (statuses.get(t.status) ?? 0) + 1);
    const counts = [...statuses].map(([status, n]) => `${status}×${n}`).join(" ");
    over(`${at}:toolCalls`, `${tools.length} tool calls (budget ${budgets.maxToolCalls}): ${counts}`);
  }
  const replyChars = turn.response?.reply.text.length ?? 0;
  if (replyChars > budgets.maxReplyChars)
    over(`${at}:reply.text`, `${replyChars} characters (budget ${budgets.maxReplyChars})`);
  const streamed = turn.path === "sse" ? streamedText(turn).length : 0;
  if (streamed > budgets.maxReplyChars)
    over(`${at}:token (joined)`, `${streamed} characters streamed (budget ${budgets.maxReplyChars})`);
  if (!turn.error && turn.ms > budgets.maxTurnMs) over(`${at}:time`, `${turn.ms} ms (budget ${budgets.maxTurnMs})`);
  return findings;
}

// A Chinese reply may carry Latin figures, names, product names and (from a hostile model) markup, so Han characters
// a tenth as many as Latin letters are enough; an English reply must not read as Chinese.
function speaks(text: string, locale: Locale): boolean {
  if (locale === "en") return detectLocale(text) === "en";
  let han = 0;
  let latin = 0;
  for (const c of text) {
    if (/\p{Script=Han}/u.test(c)) han++;
    else if (/[A-Za-z]/.test(c)) latin++;
  }
  return han > 0 && han * 10 >= latin;
}

function describeBody(body: unknown): string {
  return clip(typeof body === "string" ? body : JSON.stringify(body ?? ""));
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return JSON.stringify(flat.length > 90 ? `${flat.slice(0, 87)}…` : flat);
}
