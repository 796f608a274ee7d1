// Guarded output: model text reaches the customer one sentence at a time, and only once the sentence has passed
// the output rails. Each model call is checked against the evidence that existed when it was made (tool results
// arrive between calls), so no unchecked token is ever sent and nothing needs retracting.
import { applyRails } from "../rails/apply-rails.js";
import { prepareEvidence } from "../rails/prepare-evidence.js";
import type { BlockedSentence, RailEvidence, RailsOutcome } from "../rails/rail-types.js";
import { createStreamGate } from "../rails/stream-gate.js";

/** What was shown of a reply, and what was held back. */
export interface GuardedText {
  /** Exactly the text released to the customer. */
  text: string;
  blocked: BlockedSentence[];
  /** False when the model's final answer no longer answers once failing sentences are dropped. */
  useful: boolean;
  cited: number[];
}

/** The guard of one turn's reply. */
export interface ReplyGuard {
  /** Feeds streamed model text; `messageId` changes with each model call. */
  onToken(text: string, messageId: string): void;
  /** Ends the model's part: checks `finalText` when nothing was streamed. */
  finish(finalText: string): GuardedText;
  /** Adds our own text (the local responder's fallback answer), checked and released like the model's. */
  append(text: string): GuardedText;
}

const SEGMENT_BREAK = "\n\n";
/** The longest reply a customer is shown; a chat answer is a few paragraphs, never pages. */
export const MAX_REPLY_CHARS = 3000;

/** Creates the guard; `evidence` is read when each model call starts, `release` sends checked text to the client. */
export function createReplyGuard(evidence: () => RailEvidence, release: (text: string) => void = () => {}): ReplyGuard {
  let shown = "";
  let pendingBreak = false;
  const blocked: BlockedSentence[] = [];
  const cited = new Set<number>();
  const segments: { id: string; finish: () => RailsOutcome }[] = [];

  const show = (text: string): void => {
    if (!text || shown.length >= MAX_REPLY_CHARS) return;
    if (pendingBreak && shown.trim()) {
      shown += SEGMENT_BREAK;
      release(SEGMENT_BREAK);
    }
    pendingBreak = false;
    shown += text;
    release(text);
  };
  const settle = (outcome: RailsOutcome): GuardedText => {
    blocked.push(...outcome.blocked);
    for (const n of outcome.cited) cited.add(n);
    return { text: shown.trim(), blocked: [...blocked], useful: outcome.useful, cited: [...cited] };
  };
  const checkWhole = (text: string): GuardedText => {
    pendingBreak = true;
    const outcome = applyRails(text.slice(0, MAX_REPLY_CHARS * 2), prepareEvidence(evidence()));
    show(outcome.text);
    return settle(outcome);
  };
  // A fallback answer often repeats lines that already passed (the local responder wrote the first reply too): only
  // its new lines are shown, so no sentence is said twice.
  const appendNew = (text: string): GuardedText => {
    pendingBreak = true;
    const outcome = applyRails(text.slice(0, MAX_REPLY_CHARS * 2), prepareEvidence(evidence()));
    const said = new Set(
      shown
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    );
    const fresh = outcome.text
      .split("\n")
      .filter((line) => !said.has(line.trim()))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    show(fresh);
    return settle(outcome);
  };

  let current: { id: string; push: (t: string) => void } | undefined;
  return {
    onToken(text, messageId) {
      if (!current || current.id !== messageId) {
        pendingBreak = true;
        const gate = createStreamGate(prepareEvidence(evidence()), show, Math.max(0, MAX_REPLY_CHARS - shown.length));
        current = { id: messageId, push: (t) => gate.push(t) };
        segments.push({ id: messageId, finish: () => gate.finish() });
      }
      current.push(text);
    },
    finish(finalText) {
      if (segments.length === 0)
        return finalText.trim() ? checkWhole(finalText) : settle({ text: "", blocked: [], useful: false, cited: [] });
      const outcomes = segments.map((s) => s.finish());
      outcomes.slice(0, -1).forEach((o) => settle(o));
      return settle(outcomes[outcomes.length - 1] as RailsOutcome);
    },
    append: (text) => appendNew(text),
  };
}
