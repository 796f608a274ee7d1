// Retraining the intent router: the challenger learns from data/intents plus the staff-accepted utterances of the
// review queue. The frozen held-out set is a fixed split of data/intents (20% per intent and language, seed 42, as
// eval:intents) that neither model ever trains on; the recent window is the accepted utterances whose text hash
// falls in the held-out fifth (stable as the queue grows, so an utterance never moves between training and test).
import { sha256 } from "../../shared/hash.js";
import { createFixedClock } from "../../shared/clock.js";
import type { Locale } from "../../shared/locale.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { IntentCatalogue } from "../../router/intent-catalogue.js";
import { createIntentRouter } from "../../router/intent-router.js";
import { parseRouterArtefact, toRouterArtefact } from "../../router/router-artefact.js";
import { toIntentExamples, trainRouter, type IntentExample } from "../../router/router-model.js";
import { splitPerLabel } from "../../router/text-classifier.js";
import type { EvaluationSet, GatePolicy } from "../../scoring/promotion-gate.js";
import type { Retrainer } from "./run-retrain.js";

/** The frozen held-out split of data/intents: share per intent and language, and its seed. */
export const ROUTER_HELD_OUT = { share: 0.2, seed: 42 } as const;

/** Target: held-out intent accuracy; guards: route accuracy and each language's intent accuracy. */
export const ROUTER_POLICY: GatePolicy = {
  target: { name: "intent_accuracy", tolerance: 0.01 },
  guards: [
    { name: "route_accuracy", tolerance: 0.01 },
    { name: "accuracy_en", tolerance: 0.02 },
    { name: "accuracy_zh-CN", tolerance: 0.02 },
  ],
};

/** An accepted utterance of the review queue. */
export interface ReviewedUtterance {
  intent: string;
  locale: Locale;
  text: string;
}

/** Splits the catalogue into the frozen training and held-out parts. */
export function splitCatalogue(catalogue: IntentCatalogue): { train: IntentExample[]; heldOut: IntentExample[] } {
  const keyed = toIntentExamples(catalogue.intents).map((e) => ({
    ...e,
    label: `${e.label}|${e.locale}`,
    intent: e.label,
  }));
  const split = splitPerLabel(keyed, ROUTER_HELD_OUT.share, ROUTER_HELD_OUT.seed);
  const back = (e: (typeof keyed)[number]): IntentExample => ({ text: e.text, label: e.intent, locale: e.locale });
  return { train: split.train.map(back), heldOut: split.heldOut.map(back) };
}

/** Splits accepted utterances: a fifth (by text hash) is the recent window, the rest trains the challenger. */
export function splitReviewed(
  catalogue: IntentCatalogue,
  reviewed: readonly ReviewedUtterance[],
): { train: IntentExample[]; recent: IntentExample[] } {
  const known = new Set(catalogue.intents.map((i) => i.name));
  const examples = reviewed
    .filter((u) => known.has(u.intent))
    .map((u) => ({ text: u.text, label: u.intent, locale: u.locale }));
  const inRecent = (e: IntentExample): boolean => parseInt(sha256(e.text).slice(0, 8), 16) % 5 === 0;
  return { train: examples.filter((e) => !inRecent(e)), recent: examples.filter(inRecent) };
}

// A deliberately degraded challenger: two in three training examples are relabelled to the next intent.
function degrade(examples: readonly IntentExample[], labels: readonly string[]): IntentExample[] {
  return examples.map((e, i) => {
    if (i % 3 === 0) return e;
    const k = labels.indexOf(e.label);
    return { ...e, label: labels[(k + 1) % labels.length] ?? e.label };
  });
}

function measure(text: string, examples: readonly IntentExample[]): Result<Record<string, number>> {
  const model = parseRouterArtefact(text);
  if (!model.ok) return model;
  const router = createIntentRouter({ model: model.value, clock: createFixedClock("2026-01-15T12:00:00Z") });
  const routeOf = new Map(model.value.intents.map((i) => [i.name, i.route]));
  const tally = { intent: 0, route: 0, en: [0, 0], zh: [0, 0] };
  for (const e of examples) {
    const d = router.route(e.text, e.locale);
    const intentOk = d.top[0]?.intent === e.label;
    if (intentOk) tally.intent++;
    if (d.route === routeOf.get(e.label)) tally.route++;
    const lang = e.locale === "en" ? tally.en : tally.zh;
    lang[0] = (lang[0] ?? 0) + (intentOk ? 1 : 0);
    lang[1] = (lang[1] ?? 0) + 1;
  }
  const share = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
  return ok({
    intent_accuracy: share(tally.intent, examples.length),
    route_accuracy: share(tally.route, examples.length),
    accuracy_en: share(tally.en[0] ?? 0, tally.en[1] ?? 0),
    "accuracy_zh-CN": share(tally.zh[0] ?? 0, tally.zh[1] ?? 0),
  });
}

/** Builds the router's retrainer over a catalogue and the accepted utterances. */
export function createRouterRetrainer(deps: {
  catalogue: IntentCatalogue;
  reviewed: readonly ReviewedUtterance[];
  now?: () => Date;
  onProgress?: (message: string) => void;
}): Retrainer {
  const frozen = splitCatalogue(deps.catalogue);
  const reviewed = splitReviewed(deps.catalogue, deps.reviewed);
  const now = deps.now ?? (() => new Date());
  const train = (examples: readonly IntentExample[]): string =>
    JSON.stringify(
      toRouterArtefact(
        trainRouter(deps.catalogue, {
          examples,
          now: now(),
          ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
        }),
      ),
    );
  return {
    policy: ROUTER_POLICY,
    baseline: () =>
      ok({
        text: train(frozen.train),
        reason: "baseline: today's router, trained on data/intents without its held-out split",
      }),
    challenger(forceWorse) {
      const examples = [...frozen.train, ...reviewed.train];
      const labels = deps.catalogue.intents.map((i) => i.name).sort();
      try {
        return ok(train(forceWorse ? degrade(examples, labels) : examples));
      } catch (e) {
        return err((e as Error).message);
      }
    },
    evaluate(championText, challengerText) {
      const sets: EvaluationSet[] = [];
      for (const [name, examples] of [
        ["held_out", frozen.heldOut],
        ["recent", reviewed.recent],
      ] as const) {
        const a = measure(championText, examples);
        if (!a.ok) return err(`champion: ${a.error}`);
        const b = measure(challengerText, examples);
        if (!b.ok) return err(`challenger: ${b.error}`);
        sets.push({ name, n: examples.length, champion: a.value, challenger: b.value });
      }
      return ok({ sets, violations: [] });
    },
  };
}
