// The output rails on a whole reply: each sentence is checked, failing ones are dropped, rewrites are applied.
import type { PreparedEvidence } from "./prepare-evidence.js";
import type { RailsOutcome } from "./rail-types.js";
import { createOutcomeBuilder } from "./rails-outcome.js";
import { splitSentences } from "./split-sentences.js";

/** Checks a whole reply and returns what may be shown. */
export function applyRails(text: string, prepared: PreparedEvidence): RailsOutcome {
  const builder = createOutcomeBuilder(prepared);
  for (const sentence of splitSentences(text)) builder.add(sentence);
  return builder.finish();
}
