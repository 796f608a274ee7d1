// Collects sentence verdicts into the outcome of a reply, for whole replies and streams alike: what is shown, what was
// held back, the passages cited, whether the output limit was reached, and whether what is left still answers.
import { checkSentence } from "./check-sentence.js";
import type { PreparedEvidence } from "./prepare-evidence.js";
import type { BlockedSentence, RailsOutcome } from "./rail-types.js";
import { substanceOf } from "./substance.js";

/** Past this many characters of shown text nothing more is released. */
export const MAX_OUTPUT_CHARS = 6000;

/** Adds sentences one at a time; each returns the text to release now (empty when held back). */
export interface OutcomeBuilder {
  add(sentence: string): string;
  finish(): RailsOutcome;
}

const CITED = /[[【] ?(\d{1,3}(?: ?[,，、;-] ?\d{1,3}){0,9}) ?[\]】]/g;

/**
 * Creates a builder. The reply stays useful when something of substance is kept and the substance kept is at least
 * the substance blocked; a reply of filler alone is useful only when nothing was blocked (a greeting answered).
 */
export function createOutcomeBuilder(prepared: PreparedEvidence, maxChars: number = MAX_OUTPUT_CHARS): OutcomeBuilder {
  let shown = "";
  const keptSentences: string[] = [];
  let lost = 0;
  let truncated = false;
  const blocked: BlockedSentence[] = [];
  return {
    add(sentence) {
      if (truncated) return "";
      const verdict = checkSentence(sentence, prepared);
      if (!verdict.ok) {
        blocked.push({ text: verdict.text, failed: verdict.failed, reasons: verdict.reasons });
        lost += substanceOf(sentence);
        return "";
      }
      if (shown.length + verdict.text.length > maxChars) {
        truncated = true;
        return "";
      }
      shown += verdict.text;
      keptSentences.push(verdict.text);
      return verdict.text;
    },
    finish() {
      const cited = new Set<number>();
      for (const m of shown.matchAll(CITED)) {
        for (const n of (m[1] ?? "").split(/[,，、;-]/).map((s) => Number(s.trim())))
          if (prepared.passageIds.has(n)) cited.add(n);
      }
      // Substance only matters once something was blocked, so a clean reply never pays for measuring it.
      const kept = blocked.length === 0 ? 0 : keptSentences.reduce((sum, s) => sum + substanceOf(s), 0);
      const useful = shown.trim() !== "" && (blocked.length === 0 || (kept > 0 && kept >= lost));
      return { text: shown, blocked: [...blocked], useful, cited: [...cited], ...(truncated ? { truncated } : {}) };
    },
  };
}
