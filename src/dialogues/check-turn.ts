// Checks one replayed turn against its expectations. Structural checks (intent, tools, citations, confirmation,
// handoff, PII, guardrails, latency) must hold on every run; text checks are reported separately as a pass rate.
import type { ChatResponse } from "../agent/chat-schemas.js";
import { detectPii } from "../agent/guardrails/pii-detect.js";
import type { TurnTrace } from "../conversations/turn-trace.js";
import type { TurnExpectation } from "./dialogue-schema.js";

/** What the replay observed for one turn. */
export interface TurnObservation {
  httpStatus: number;
  response?: ChatResponse;
  error?: string;
  trace?: TurnTrace;
  latencyMs: number;
}

/** The outcome of one check. */
export interface CheckResult {
  kind: "structural" | "text";
  name: string;
  passed: boolean;
  expected: string;
  actual: string;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const show = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/** True when `actual` contains every key of `expected` with an equal value (recursively for objects). */
export function isSubset(expected: unknown, actual: unknown): boolean {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => isSubset(v, (actual as Record<string, unknown>)[k]));
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) && expected.length === actual.length && expected.every((v, i) => isSubset(v, actual[i]))
    );
  }
  if (typeof expected === "string" && typeof actual === "string")
    return expected.trim().toLowerCase() === actual.trim().toLowerCase();
  if (typeof expected === "number" && typeof actual === "string") return String(expected) === actual.trim();
  return expected === actual;
}

interface ObservedToolCall {
  name: string;
  args?: Record<string, unknown>;
  status: string;
}

function observedTools(o: TurnObservation): ObservedToolCall[] {
  if (o.trace) return o.trace.toolCalls.map((t) => ({ name: t.name, args: t.args, status: t.status }));
  return (o.response?.toolCalls ?? []).map((t) => ({ name: t.name, status: t.status }));
}

function checkTools(exp: NonNullable<TurnExpectation["tools"]>, o: TurnObservation): CheckResult[] {
  const calls = observedTools(o);
  const actual = calls.map((c) => `${c.name}${c.args ? show(c.args) : ""}:${c.status}`).join(", ") || "(none)";
  const out: CheckResult[] = [];
  if (exp.none)
    out.push({ kind: "structural", name: "tools.none", passed: calls.length === 0, expected: "no tool calls", actual });
  if (exp.calls.length > 0) {
    const matches = (want: (typeof exp.calls)[number], got: ObservedToolCall): boolean =>
      want.name === got.name &&
      (want.status === undefined || want.status === got.status) &&
      (want.args === undefined || (got.args !== undefined && isSubset(want.args, got.args)));
    let passed: boolean;
    let missingArgs = false;
    if (exp.order === "in_order") {
      let cursor = 0;
      passed = exp.calls.every((want) => {
        while (cursor < calls.length && !matches(want, calls[cursor] as ObservedToolCall)) cursor++;
        if (cursor >= calls.length) return false;
        cursor++;
        return true;
      });
    } else {
      const used = new Set<number>();
      passed = exp.calls.every((want) => {
        const i = calls.findIndex((c, j) => !used.has(j) && matches(want, c));
        if (i < 0) return false;
        used.add(i);
        return true;
      });
    }
    if (!o.trace && exp.calls.some((c) => c.args !== undefined)) missingArgs = true;
    out.push({
      kind: "structural",
      name: `tools.calls (${exp.order})`,
      passed: passed && !missingArgs,
      expected: exp.calls
        .map((c) => `${c.name}${c.args ? show(c.args) : ""}${c.status ? `:${c.status}` : ""}`)
        .join(", "),
      actual: missingArgs ? `${actual} (no trace available to check arguments)` : actual,
    });
  }
  if (exp.exact) {
    const allowed = new Set(exp.calls.map((c) => c.name));
    out.push({
      kind: "structural",
      name: "tools.exact",
      passed: calls.every((c) => allowed.has(c.name)),
      expected: `only ${[...allowed].join(", ") || "(none)"}`,
      actual,
    });
  }
  if (exp.notCalled.length > 0) {
    const bad = calls.filter((c) => exp.notCalled.includes(c.name)).map((c) => c.name);
    out.push({
      kind: "structural",
      name: "tools.notCalled",
      passed: bad.length === 0,
      expected: `never ${exp.notCalled.join(", ")}`,
      actual,
    });
  }
  return out;
}

function userDigitRuns(userTexts: string[]): Set<string> {
  const runs = new Set<string>();
  for (const t of userTexts) {
    for (const s of detectPii(t)) {
      const digits = s.value.replace(/[^0-9A-Za-z@.]/g, "").toLowerCase();
      if (digits.length >= 6) runs.add(digits);
    }
  }
  return runs;
}

function checkNoPii(reply: string, userTexts: string[]): CheckResult {
  const spans = detectPii(reply);
  const echoed = userDigitRuns(userTexts);
  const normalisedReply = reply.replace(/[\s-]/g, "").toLowerCase();
  const leaks = [
    // Checksummed identifiers are never public; e-mails and phone numbers may be the bank's own, so only echoes count.
    ...spans
      .filter((s) => s.kind === "card" || s.kind === "iban" || s.kind === "cn_id")
      .map((s) => `${s.kind}:${s.value}`),
    ...[...echoed].filter((v) => normalisedReply.includes(v)).map((v) => `echo:${v}`),
  ];
  return {
    kind: "structural",
    name: "noPii",
    passed: leaks.length === 0,
    expected: "no card, IBAN or resident id, nor any personal data the user typed, in the reply",
    actual: leaks.length ? leaks.join(", ") : "none found",
  };
}

function checkText(exp: NonNullable<TurnExpectation["text"]>, reply: string): CheckResult[] {
  const norm = (s: string): string => (exp.caseInsensitive ? s.toLowerCase() : s);
  const r = norm(reply);
  const positives = [
    ...exp.contains.map((c) => ({ label: `contains "${c}"`, hit: r.includes(norm(c)) })),
    ...exp.regex.map((x) => ({
      label: `matches /${x}/`,
      hit: new RegExp(x, exp.caseInsensitive ? "iu" : "u").test(reply),
    })),
  ];
  const out: CheckResult[] = [];
  if (positives.length > 0) {
    const passed = exp.mode === "all" ? positives.every((p) => p.hit) : positives.some((p) => p.hit);
    out.push({
      kind: "text",
      name: `text.${exp.mode}`,
      passed,
      expected: positives.map((p) => p.label).join(exp.mode === "all" ? " AND " : " OR "),
      actual:
        positives
          .filter((p) => !p.hit)
          .map((p) => `missing ${p.label}`)
          .join("; ") || "all matched",
    });
  }
  if (exp.notContains.length > 0) {
    const found = exp.notContains.filter((c) => r.includes(norm(c)));
    out.push({
      kind: "text",
      name: "text.notContains",
      passed: found.length === 0,
      expected: `none of ${exp.notContains.map((c) => `"${c}"`).join(", ")}`,
      actual: found.length ? `found ${found.map((c) => `"${c}"`).join(", ")}` : "none found",
    });
  }
  return out;
}

/** Runs every check a turn's expectations ask for; `userTexts` are the dialogue's user messages so far (for echo checks). */
export function checkTurn(exp: TurnExpectation, o: TurnObservation, userTexts: string[]): CheckResult[] {
  const res = o.response;
  if (!res) {
    return [
      {
        kind: "structural",
        name: "response",
        passed: false,
        expected: "HTTP 200 with a chat response",
        actual: `HTTP ${o.httpStatus}: ${o.error ?? "no body"}`,
      },
    ];
  }
  const out: CheckResult[] = [];
  if (exp.intent?.name !== undefined) {
    const names = list(exp.intent.name);
    out.push({
      kind: "structural",
      name: "intent.name",
      passed: names.includes(res.intent.name),
      expected: names.join(" | "),
      actual: res.intent.name,
    });
  }
  if (exp.intent?.route !== undefined) {
    const routes = list(exp.intent.route);
    out.push({
      kind: "structural",
      name: "intent.route",
      passed: routes.includes(res.intent.route),
      expected: routes.join(" | "),
      actual: res.intent.route,
    });
  }
  if (exp.tools) out.push(...checkTools(exp.tools, o));
  if (exp.citations) {
    const ids = res.reply.citations.map((c) => c.docId);
    const actual = ids.join(", ") || "(none)";
    if (exp.citations.none)
      out.push({
        kind: "structural",
        name: "citations.none",
        passed: ids.length === 0,
        expected: "no citations",
        actual,
      });
    if (exp.citations.include.length > 0) {
      out.push({
        kind: "structural",
        name: "citations.include",
        passed: exp.citations.include.every((d) => ids.includes(d)),
        expected: exp.citations.include.join(", "),
        actual,
      });
    }
    if (exp.citations.exclude.length > 0) {
      out.push({
        kind: "structural",
        name: "citations.exclude",
        passed: !exp.citations.exclude.some((d) => ids.includes(d)),
        expected: `never ${exp.citations.exclude.join(", ")}`,
        actual,
      });
    }
  }
  if (exp.confirmation) {
    const pc = res.pendingConfirmation;
    const passed = exp.confirmation.requested
      ? pc !== undefined && (exp.confirmation.action === undefined || pc.action === exp.confirmation.action)
      : pc === undefined;
    out.push({
      kind: "structural",
      name: "confirmation",
      passed,
      expected: exp.confirmation.requested
        ? `confirmation requested${exp.confirmation.action ? ` for ${exp.confirmation.action}` : ""}`
        : "no confirmation requested",
      actual: pc ? `requested for ${pc.action}: ${pc.summary}` : "none",
    });
  }
  if (exp.handoff !== undefined) {
    const opened = res.handoff !== undefined;
    out.push({
      kind: "structural",
      name: "handoff",
      passed: opened === exp.handoff,
      expected: exp.handoff ? "handoff opened" : "no handoff",
      actual: opened ? `ticket ${res.handoff?.ticketId}` : "none",
    });
  }
  if (exp.noPii) out.push(checkNoPii(res.reply.text, userTexts));
  if (exp.guardrails) {
    const fired = o.trace ? o.trace.guardrails.map((g) => g.type) : undefined;
    const actual = fired ? fired.join(", ") || "(none)" : "(no trace available)";
    if (exp.guardrails.include.length > 0) {
      out.push({
        kind: "structural",
        name: "guardrails.include",
        passed: fired !== undefined && exp.guardrails.include.every((g) => fired.includes(g)),
        expected: exp.guardrails.include.join(", "),
        actual,
      });
    }
    if (exp.guardrails.exclude.length > 0) {
      out.push({
        kind: "structural",
        name: "guardrails.exclude",
        passed: fired !== undefined && !exp.guardrails.exclude.some((g) => fired.includes(g)),
        expected: `never ${exp.guardrails.exclude.join(", ")}`,
        actual,
      });
    }
  }
  if (exp.latencyMs !== undefined) {
    out.push({
      kind: "structural",
      name: "latency",
      passed: o.latencyMs <= exp.latencyMs,
      expected: `≤ ${exp.latencyMs} ms`,
      actual: `${Math.round(o.latencyMs)} ms`,
    });
  }
  if (exp.text) {
    const text = checkText(exp.text, res.reply.text);
    out.push(...(exp.text.strict ? text.map((c) => ({ ...c, kind: "structural" as const })) : text));
  }
  return out;
}
