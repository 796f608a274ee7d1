// Trains the product router from the intent catalogue: every utterance of both languages becomes a labelled
// example of its intent, and the routes travel with the model so prediction can name the route.
import type { CatalogueIntent, IntentCatalogue, Route } from "./intent-catalogue.js";
import {
  trainTextClassifier,
  type ClassifierTrainOptions,
  type LabeledText,
  type TextClassifier,
} from "./text-classifier.js";
import type { Locale } from "../shared/locale.js";
import { DEFAULT_OOS_POLICY } from "./calibration.js";

/** An intent as the model knows it. */
export interface IntentInfo {
  name: string;
  route: Route;
}

/** A trained router: the classifier plus the intent → route map and the data fingerprint it was trained on. */
export interface RouterModel {
  intents: IntentInfo[];
  classifier: TextClassifier;
  dataHash: string;
  createdAt: string;
}

/** A catalogue utterance with its language, so evaluations can be broken down per locale. */
export interface IntentExample extends LabeledText {
  locale: Locale;
}

/** Flattens intent files into labelled examples in both languages. */
export function toIntentExamples(intents: readonly CatalogueIntent[]): IntentExample[] {
  return intents.flatMap((intent) => [
    ...intent.utterances.en.map((text) => ({ text, label: intent.name, locale: "en" as const })),
    ...intent.utterances["zh-CN"].map((text) => ({ text, label: intent.name, locale: "zh-CN" as const })),
  ]);
}

/** Trains the router on a catalogue (or on the given subset of its examples, for held-out evaluation). */
export function trainRouter(
  catalogue: IntentCatalogue,
  options: ClassifierTrainOptions & { examples?: readonly LabeledText[]; now?: Date } = {},
): RouterModel {
  const examples = options.examples ?? toIntentExamples(catalogue.intents);
  const oosLabels = catalogue.intents.filter((i) => i.route === "out_of_scope").map((i) => i.name);
  const routeOf = new Map(catalogue.intents.map((i) => [i.name, i.route]));
  const classifier = trainTextClassifier(examples, {
    // minDf 2 keeps held-out accuracy and shrinks the artefact about 2.5×.
    features: { wordNgramMax: 2, charNgramMin: 2, charNgramMax: 5, hanNgramMax: 3, minDf: 2 },
    c: 0.5,
    // The softmax-regression blend no longer gains held-out accuracy with segmented Chinese words (±0.5 pt over
    // seeds, within noise) and doubled training time, so the SVM stands alone.
    softmaxWeight: 0,
    // Rejecting on confidence gives up in-scope customers for out-of-scope messages the explicit out-of-scope
    // intents mostly catch already; half a point of held-out route accuracy is the most it may cost.
    oosPolicy: { ...DEFAULT_OOS_POLICY, maxInScopeLoss: 0.005 },
    outOfScopeLabels: oosLabels,
    labelGroups: routeOf,
    // A route-level SVM added at a quarter weight lifts held-out route accuracy by 0.4 pt (mean of seeds 42, 1, 7, 3,
    // 11; 1.4 pt before the catalogue grew) and leaves intent accuracy as it was; weights of 0.5 and 1 did no better.
    groupWeight: 0.25,
    ...options,
  });
  const intents = classifier.labels.map((name) => ({ name, route: routeOf.get(name) ?? ("out_of_scope" as const) }));
  return { intents, classifier, dataHash: catalogue.dataHash, createdAt: (options.now ?? new Date()).toISOString() };
}
