// Runs every output rail on one sentence: citations and PII are rewritten, grounding, commitment, language and prompt
// leaks can block it. Reasons name the rail's finding for the trace, with any personal data in them masked.
import { unsupportedClaims } from "./claim-rail.js";
import { findCommitment } from "./commitment-rail.js";
import { asksForCredentials, echoesInstruction, stripMarkup } from "./hygiene-rail.js";
import { repeatedHeading } from "./prompt-headings.js";
import { crossedFacts } from "./fact-sites.js";
import { extractFacts } from "./extract-facts.js";
import type { Fact } from "./fact-types.js";
import { isSupported } from "./grounding-rail.js";
import { languageProblem } from "./language-rail.js";
import { maskOutputPii, type PiiPolicy } from "./pii-output-rail.js";
import type { PreparedEvidence } from "./prepare-evidence.js";
import { leakedRun } from "./prompt-leak-rail.js";
import { checkCitations } from "./citation-rail.js";
import type { RailName, SentenceVerdict } from "./rail-types.js";

const NO_PUBLIC: PiiPolicy = { publicPhones: new Set(), publicEmails: new Set(), publicNumbers: [] };

/** A reason as the trace may keep it: personal data masked, pieces of masked values and long digit runs hidden. */
function redact(reason: string, hidden: readonly string[]): string {
  let out = maskOutputPii(reason, NO_PUBLIC).text;
  for (const group of hidden) out = out.replaceAll(group, "••••");
  return out.replace(/\d(?:[ -]?\d){5,}/g, (run) => `••••${run.replace(/\D/g, "").slice(-4)}`);
}

function grounding(text: string, prepared: PreparedEvidence): string[] {
  const facts = extractFacts(text, "claim");
  const missing = facts.filter((f) => !isSupported(f, prepared.facts)).map((f) => `unsupported ${f.kind}: ${f.raw}`);
  if (missing.length > 0) return missing;
  // Two figures of one unit ("£25 … £15") may each be in the evidence but attached to the wrong option; that can
  // only happen when one evidence sentence holds both.
  return mayBeCrossed(facts, prepared) ? crossedFacts(text, facts, prepared.sites()) : [];
}

// Pairs are checked among at most this many distinct figures, so a hostile run of numbers stays linear.
const MAX_PAIRED_FACTS = 12;

function mayBeCrossed(facts: readonly Fact[], prepared: PreparedEvidence): boolean {
  const keys = [...new Set(facts.map((f) => f.keys[0] ?? ""))].slice(0, MAX_PAIRED_FACTS);
  const unit = (k: string): string => k.slice(0, k.lastIndexOf(":"));
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i] as string;
      const b = keys[j] as string;
      if (a === b || unit(a) !== unit(b)) continue;
      const sites = prepared.sites();
      const inA = new Set((sites.get(a) ?? []).map((s) => s.sentence));
      if ((sites.get(b) ?? []).some((s) => inA.has(s.sentence))) return true;
    }
  }
  return false;
}

/** Checks one sentence against the prepared evidence of the turn. */
export function checkSentence(sentence: string, prepared: PreparedEvidence): SentenceVerdict {
  if (sentence.trim() === "") return { text: sentence, ok: true, failed: [], rewritten: [], reasons: [] };
  const failed: RailName[] = [];
  const rewritten: RailName[] = [];
  const reasons: string[] = [];
  const citations = checkCitations(sentence, prepared.passageIds);
  if (citations.dropped > 0) {
    rewritten.push("citation");
    reasons.push(`citation: dropped ${citations.dropped} unknown passage id(s)`);
  }
  const markup = stripMarkup(citations.text);
  if (markup.removed) {
    rewritten.push("markup");
    reasons.push("markup: removed script links, HTML or event framing");
  }
  const text = markup.text;
  const fail = (rail: RailName, why: readonly string[]): void => {
    if (why.length === 0) return;
    failed.push(rail);
    reasons.push(...why.map((w) => `${rail}: ${w}`));
  };
  fail("grounding", grounding(text, prepared));
  fail(
    "claim",
    unsupportedClaims(text, prepared.claims()).map((k) => `unsupported "${k}" claim`),
  );
  const promise = findCommitment(text, prepared.quoted);
  fail("commitment", promise ? [promise] : []);
  const language = languageProblem(text, prepared.locale);
  fail("language", language ? [language] : []);
  const leak = leakedRun(text, prepared.protectedShingles, prepared.sourceShingles);
  const heading = leak ? undefined : repeatedHeading(text, prepared.protectedTexts, prepared.headingSources());
  fail("prompt_leak", leak ? [`repeats protected text: "${leak}"`] : heading ? [`recites the rule "${heading}"`] : []);
  const credentials = asksForCredentials(text);
  fail("credentials", credentials ? [credentials] : []);
  const instruction = echoesInstruction(text);
  fail("instruction", instruction ? [instruction] : []);
  const pii = maskOutputPii(text, prepared.pii);
  if (pii.masked.length > 0) {
    rewritten.push("pii_output");
    reasons.push(`pii_output: masked ${[...new Set(pii.masked)].join(", ")}`);
  }
  // The digit groups of masked values ("5500" of a card number) must not survive in a fact named by another rail.
  const hidden = pii.values.flatMap((v) => v.match(/\d{3,}/g) ?? []).sort((a, b) => b.length - a.length);
  return { text: pii.text, ok: failed.length === 0, failed, rewritten, reasons: reasons.map((r) => redact(r, hidden)) };
}
