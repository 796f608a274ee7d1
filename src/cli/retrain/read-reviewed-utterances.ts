// Reads the staff-accepted utterances of the insights review queue from the conversations database; a missing
// database means the queue is empty, so retraining works on a fresh install.
import { existsSync } from "node:fs";
import { createInsightStore } from "../../conversations/insight-store.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { ReviewedUtterance } from "./router-retrainer.js";

/** The accepted utterances in chat.sqlite (none when the file is absent). */
export function readReviewedUtterances(chatDb: string): Result<ReviewedUtterance[]> {
  if (!existsSync(chatDb)) return ok([]);
  try {
    const store = createInsightStore(chatDb);
    try {
      return ok(store.listAcceptedUtterances().map((u) => ({ intent: u.intent, locale: u.locale, text: u.text })));
    } finally {
      store.close();
    }
  } catch (e) {
    return err(`cannot read the reviewed utterances in ${chatDb}: ${(e as Error).message}`);
  }
}
