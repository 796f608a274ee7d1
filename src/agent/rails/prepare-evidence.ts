// Turns a turn's evidence into what the rails look things up in, once per model call: the fact keys of the sources
// and published contacts, the allowed passage ids, the PII policy and the shingles of the protected texts. A turn
// checks many sentences against it, so the per-sentence work stays small; the costly parts are cached across turns.
import type { Locale } from "../../shared/locale.js";
import { type BoundedCache, createBoundedCache } from "./bounded-cache.js";
import { normaliseForCommitment, type QuotedCheck } from "./commitment-rail.js";
import { indexClaims, type ClaimIndex } from "./claim-rail.js";
import { indexSites, type SiteIndex } from "./fact-sites.js";
import { normaliseForHeadings } from "./prompt-headings.js";
import { type FactIndex, indexFacts } from "./grounding-rail.js";
import { createPiiPolicy, type PiiPolicy } from "./pii-output-rail.js";
import { cachedShingles, type Shingles, shinglesOf } from "./prompt-leak-rail.js";
import type { RailEvidence } from "./rail-types.js";

/** The evidence of a turn, ready for checking sentences. */
export interface PreparedEvidence {
  locale: Locale;
  facts: FactIndex;
  /** Where each evidence fact stands (for crossed values); built on first use. */
  sites: () => SiteIndex;
  passageIds: ReadonlySet<number>;
  pii: PiiPolicy;
  protectedShingles: readonly Shingles[];
  /** Shingles of the sources, which may quote policy; built on first use. */
  sourceShingles: () => Shingles;
  /** Whether a clause is quoted word for word from the sources (policy, not a promise). */
  quoted: QuotedCheck;
  /** The claims without figures ("free", "instant") the sources make, by topic; built on first use. */
  claims: () => ClaimIndex;
  /** The protected texts themselves, for their quotable headings. */
  protectedTexts: readonly string[];
  /** The sources normalised for heading look-ups; built on first use. */
  headingSources: () => string;
}

/** Caches reused across turns; both are bounded. */
export interface EvidenceCaches {
  /** Shingles per protected text (the system prompts change rarely). */
  shingles: BoundedCache<Shingles>;
  /** Fact keys per source text (passages repeat across turns and model calls). */
  facts: BoundedCache<FactIndex>;
}

/** Creates the caches; the composition root may hold one set, tests make their own. */
export function createEvidenceCaches(limits: { shingles?: number; facts?: number } = {}): EvidenceCaches {
  return { shingles: createBoundedCache(limits.shingles ?? 64), facts: createBoundedCache(limits.facts ?? 512) };
}

// Prompts and passages repeat across every turn of every conversation, so one bounded set of caches serves by default.
const sharedCaches = createEvidenceCaches();

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

// A clause shorter than this is too common to count as a quotation ("we will refund you").
const MIN_QUOTED_CHARS = 24;

/** Prepares the evidence of a turn for the rails. */
export function prepareEvidence(evidence: RailEvidence, caches: EvidenceCaches = sharedCaches): PreparedEvidence {
  const texts = [...evidence.sources, evidence.publishedContacts.join("\n")];
  const facts = new Set<string>();
  for (const text of texts) for (const key of caches.facts.get(text, (t) => indexFacts([t]))) facts.add(key);
  const normalisedSources = lazy(() => normaliseForCommitment(evidence.sources.join("\n")));
  return {
    locale: evidence.locale,
    facts,
    sites: lazy(() => indexSites(evidence.sources)),
    passageIds: new Set(evidence.passageIds),
    pii: createPiiPolicy(evidence.publishedContacts, evidence.maskPlaceholder),
    protectedShingles: evidence.protectedTexts.map((t) => cachedShingles(caches.shingles, t)),
    sourceShingles: lazy(() => shinglesOf(evidence.sources.join("\n"))),
    quoted: (clause) => clause.length >= MIN_QUOTED_CHARS && normalisedSources().includes(clause),
    claims: lazy(() => indexClaims(evidence.sources)),
    protectedTexts: evidence.protectedTexts,
    headingSources: lazy(() => normaliseForHeadings(evidence.sources.join("\n"))),
  };
}
