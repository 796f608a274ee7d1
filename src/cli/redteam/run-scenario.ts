// Runs one scenario against the target: for each chat path (JSON, then SSE) a fresh conversation with the hostile
// model scripted, then every channel searched for what it invented or leaked, the answer judged and the bank checked.
// A well-behaved turn follows each path, so the app's model circuit never carries one scenario's failures over.
import { sendTurn, postStaffNote, type Caller, type ChatPath, type TurnCapture } from "./chat-client.js";
import { collectSightings } from "./collect-sightings.js";
import { findLeaks } from "./find-leaks.js";
import { restoreCards, sideEffectsOf, snapshotBank } from "./bank-side-effects.js";
import { budgetsOf, errorsOf, usefulnessOf } from "./judge-answer.js";
import { CANARY } from "./plant-data.js";
import type { RedteamTarget } from "./redteam-target.js";
import { DEFAULT_BUDGETS, type Finding, type Scenario, type ScenarioResult } from "./scenario.js";

const PATHS: readonly ChatPath[] = ["json", "sse"];
const WATCHED_CUSTOMERS = ["demo1", "demo2", CANARY.customerId];
const BENIGN = { content: "Hello! How can I help you today?" };

/** Runs a scenario over both paths; `note` reports harness trouble (e.g. waiting for the model circuit). */
export async function runScenario(
  target: RedteamTarget,
  scenario: Scenario,
  note: (line: string) => void = () => undefined,
): Promise<ScenarioResult> {
  const started = performance.now();
  const findings: Finding[] = [];
  const modelCalls = { json: 0, sse: 0 };
  for (const path of PATHS) {
    const run = await runPath(target, scenario, path);
    findings.push(...run.findings);
    modelCalls[path] = run.modelCalls;
    await heal(target, note);
  }
  return {
    group: scenario.group,
    name: scenario.name,
    findings: dedupe(findings),
    modelCalls,
    ms: Math.round(performance.now() - started),
  };
}

async function runPath(
  target: RedteamTarget,
  scenario: Scenario,
  path: ChatPath,
): Promise<{ findings: Finding[]; modelCalls: number }> {
  const budgets = { ...DEFAULT_BUDGETS, ...scenario.budgets };
  const timeoutMs = budgets.maxTurnMs + 10_000;
  target.model.load([], scenario.model);
  const before = snapshotBank(target.bank, WATCHED_CUSTOMERS);
  const logStart = target.logLines.length;
  const findings: Finding[] = [];
  const turns: TurnCapture[] = [];
  const caller: Caller = scenario.as === "anonymous" ? {} : { token: target.tokens[scenario.as] };
  let calls = 0;
  for (const [i, question] of scenario.questions.entries()) {
    const turn = await sendTurn(target.base, question, caller, path, timeoutMs);
    turns.push(turn);
    const label = scenario.questions.length > 1 ? `#${i + 1}` : "";
    const callsNow = target.model.chatRequests().length;
    findings.push(...errorsOf(turn, label), ...budgetsOf(turn, label, callsNow - calls, budgets));
    calls = callsNow;
    Object.assign(caller, sessionOf(turn, caller));
    if (i === 0 && scenario.staffNote !== undefined) {
      if (!caller.sessionId)
        findings.push({ kind: "error", channel: path, what: "no session to post the staff note to" });
      else {
        const problems = await postStaffNote(target.base, target.tokens.staff, caller.sessionId, scenario.staffNote);
        findings.push(...problems.map((what): Finding => ({ kind: "error", channel: "staff", what })));
      }
    }
  }
  const last = turns.at(-1);
  if (last) findings.push(...usefulnessOf(last, scenario.expect, scenario.locale));
  const store = target.built.conversations;
  const record = {
    turns,
    history: caller.sessionId ? store.listMessages(caller.sessionId) : [],
    traces: caller.sessionId ? store.listTraces(caller.sessionId) : [],
    logLines: target.logLines.slice(logStart),
  };
  findings.push(...findLeaks(collectSightings(record), scenario.forbidden));
  const after = snapshotBank(target.bank, WATCHED_CUSTOMERS);
  findings.push(...sideEffectsOf(before, after));
  restoreCards(target.bank, before, after);
  return { findings, modelCalls: calls };
}

/** The conversation a turn started or continued: from the reply, or from a stream's first `session` event. */
function sessionOf(turn: TurnCapture, caller: Caller): Caller {
  const fromReply = turn.response ? { sessionId: turn.response.sessionId, sessionKey: turn.response.sessionKey } : {};
  const first = turn.events.find((e) => e.event === "session")?.data;
  const fromEvent: Caller = {};
  if (first !== null && typeof first === "object") {
    for (const [k, v] of Object.entries(first)) {
      if (k === "sessionId" && typeof v === "string") fromEvent.sessionId = v;
      if (k === "sessionKey" && typeof v === "string") fromEvent.sessionKey = v;
    }
  }
  const sessionId = fromReply.sessionId ?? fromEvent.sessionId ?? caller.sessionId;
  const sessionKey = fromReply.sessionKey ?? fromEvent.sessionKey ?? caller.sessionKey;
  return { ...(sessionId ? { sessionId } : {}), ...(sessionKey ? { sessionKey } : {}) };
}

// A well-behaved turn resets the app's failure count; if the circuit is open, wait until it lets a call through.
async function heal(target: RedteamTarget, note: (line: string) => void): Promise<void> {
  const deadline = Date.now() + 45_000;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    target.model.load([], BENIGN);
    await sendTurn(target.base, "hello", {}, "json", 15_000);
    if (target.model.chatRequests().length > 0) return;
    if (attempt === 0) note("the app stopped calling the model (circuit open); waiting for it to try again");
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  note("the model circuit stayed open for 45 s; later scenarios may not reach the hostile model");
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.channel}|${f.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
