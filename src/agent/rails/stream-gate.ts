// The output rails on a stream: tokens are held until a whole sentence has arrived, then the sentence is checked and
// released (rewritten) or dropped, so no unchecked token reaches the client. A run with no sentence end is checked
// once it reaches MAX_PENDING_CHARS, and nothing more is released past the output limit.
import type { PreparedEvidence } from "./prepare-evidence.js";
import type { RailsOutcome } from "./rail-types.js";
import { createOutcomeBuilder, MAX_OUTPUT_CHARS } from "./rails-outcome.js";
import { splitSentences, takeCompleteSentences } from "./split-sentences.js";

/** Past this many characters without a sentence end, the pending text is checked as one sentence. */
export const MAX_PENDING_CHARS = 1000;

/** A gate between a model's token stream and the client. */
export interface StreamGate {
  push(token: string): void;
  /** Checks what is still pending and returns the outcome of the whole stream; later pushes are ignored. */
  finish(): RailsOutcome;
}

/** Where to force a cut in a long run: the last space before the limit, or the limit itself. */
function forcedCut(pending: string): number {
  const space = pending.lastIndexOf(" ", MAX_PENDING_CHARS);
  const at = space > MAX_PENDING_CHARS / 2 ? space + 1 : MAX_PENDING_CHARS;
  const code = pending.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** Creates a gate that calls `release` with each checked sentence, in order. */
export function createStreamGate(
  prepared: PreparedEvidence,
  release: (text: string) => void,
  maxChars: number = MAX_OUTPUT_CHARS,
): StreamGate {
  const builder = createOutcomeBuilder(prepared, maxChars);
  let pending = "";
  let done: RailsOutcome | undefined;
  const emit = (sentence: string): void => {
    const text = builder.add(sentence);
    if (text) release(text);
  };
  return {
    push(token) {
      if (done) return;
      pending += token;
      const { complete, rest } = takeCompleteSentences(pending);
      for (const sentence of complete) emit(sentence);
      pending = rest;
      while (pending.length >= MAX_PENDING_CHARS) {
        const cut = forcedCut(pending);
        emit(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
    },
    finish() {
      if (!done) {
        for (const sentence of splitSentences(pending)) emit(sentence);
        pending = "";
        done = builder.finish();
      }
      return done;
    },
  };
}
