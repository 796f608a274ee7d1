// Gathers every text one scenario path produced, channel by channel: the JSON replies, every SSE event (and the
// streamed tokens joined, since a string split across tokens is still shown), the stored history and traces, and the
// log lines written meanwhile, each with how exposed it is.
import type { TranscriptMessage } from "../../conversations/conversation-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import type { TurnCapture } from "./chat-client.js";
import { leavesOf, type Exposure, type Sighting } from "./find-leaks.js";

/** What one path of a scenario left behind. */
export interface PathRecord {
  turns: TurnCapture[];
  history: TranscriptMessage[];
  traces: TurnTrace[];
  logLines: string[];
}

/** Every text of a path, as sightings. */
export function collectSightings(record: PathRecord): Sighting[] {
  const out: Sighting[] = [];
  record.turns.forEach((turn, t) => {
    const at = `${turn.path}#${t + 1}`;
    if (turn.path === "json") {
      for (const [path, text] of leavesOf(turn.body))
        out.push({ channel: `${at}:${path || "body"}`, exposure: "reply", text });
      return;
    }
    turn.events.forEach((e, i) => {
      for (const [path, text] of leavesOf(e.data)) {
        out.push({ channel: `${at}:${e.event}[${i}]${path ? `.${path}` : ""}`, exposure: "reply", text });
      }
    });
    out.push({ channel: `${at}:token (joined)`, exposure: "reply", text: streamedText(turn) });
  });
  for (const m of record.history) {
    const exposure: Exposure = m.role === "assistant" ? "reply" : "record";
    out.push({ channel: `history:${m.role}#${m.id}`, exposure, text: m.text });
  }
  record.traces.forEach((trace, t) => {
    for (const [path, text] of leavesOf(trace)) {
      out.push({ channel: `trace#${t + 1}:${path}`, exposure: traceExposure(path), text });
    }
  });
  record.logLines.forEach((line, i) => out.push({ channel: `logs:${i + 1}`, exposure: "record", text: line }));
  return out;
}

/** The text of a streamed turn's token events, joined. */
export function streamedText(turn: TurnCapture): string {
  let text = "";
  for (const e of turn.events) {
    if (e.event !== "token" || e.data === null || typeof e.data !== "object") continue;
    const piece: unknown = Object.entries(e.data).find(([k]) => k === "text")?.[1];
    if (typeof piece === "string") text += piece;
  }
  return text;
}

// The trace's reply is what the customer was shown; its model outputs and guardrail details are the audit of the model.
function traceExposure(path: string): Exposure {
  if (path === "reply") return "reply";
  return /^modelCalls\.\d+\.output\./.test(path) || /^guardrails\.\d+\.detail$/.test(path) ? "audit" : "record";
}
