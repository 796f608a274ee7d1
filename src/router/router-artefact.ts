// The router's versioned JSON artefact: zod-validated and shape-checked on load, weights stored compactly
// (int16 per class scale, base64) so a stale, corrupt or mismatched file is refused rather than half-used.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { err, ok, type Result } from "../shared/result.js";
import { RouteSchema } from "./intent-catalogue.js";
import type { RouterModel } from "./router-model.js";
import { createTextClassifier } from "./text-classifier.js";
import { FeatureConfigSchema } from "./text-features.js";
import { createTfidfVectorizer } from "./tfidf-vectorizer.js";

/** Bumped whenever features or the file layout change, so old artefacts are retrained instead of misread. */
export const ROUTER_ARTEFACT_VERSION = 3;

/** The artefact file. */
export const RouterArtefactSchema = z
  .object({
    format: z.literal("harbor-intent-router"),
    version: z.literal(ROUTER_ARTEFACT_VERSION),
    createdAt: z.string(),
    dataHash: z.string().min(1).describe("sha256 of the intent catalogue it was trained on"),
    features: FeatureConfigSchema,
    intents: z.array(z.object({ name: z.string(), route: RouteSchema })).min(2),
    terms: z.array(z.string()).describe("vocabulary, in feature-id order"),
    idf: z.string().describe("base64 Float32Array, one per term"),
    weights: z.string().describe("base64 Int16Array, feature-major (term × intent)"),
    weightScale: z.array(z.number().positive()).describe("per-intent factor turning int16 weights into floats"),
    bias: z.array(z.number()),
    temperature: z.number().positive(),
    thresholds: z.object({ outOfScope: z.number().min(0).max(1), lowConfidence: z.number().min(0).max(1) }),
  })
  .strict();
/** The parsed artefact. */
export type RouterArtefact = z.infer<typeof RouterArtefactSchema>;

function toBase64(array: Float32Array | Int16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

function fromBase64(text: string, bytesPerItem: number): Uint8Array | undefined {
  const bytes = Uint8Array.from(Buffer.from(text, "base64"));
  return bytes.byteLength % bytesPerItem === 0 ? bytes : undefined;
}

/** Serialises a trained router to the artefact object. */
export function toRouterArtefact(model: RouterModel): RouterArtefact {
  const { classifier } = model;
  const k = classifier.model.numClasses;
  const f = classifier.model.numFeatures;
  const scale = new Array<number>(k).fill(0);
  const w = classifier.model.weights;
  for (let i = 0; i < f; i++)
    for (let c = 0; c < k; c++) scale[c] = Math.max(scale[c] as number, Math.abs(w[i * k + c] as number));
  const weightScale = scale.map((m) => (m > 0 ? m / 32767 : 1));
  const q = new Int16Array(f * k);
  for (let i = 0; i < f; i++)
    for (let c = 0; c < k; c++) q[i * k + c] = Math.round((w[i * k + c] as number) / (weightScale[c] as number));
  return {
    format: "harbor-intent-router",
    version: ROUTER_ARTEFACT_VERSION,
    createdAt: model.createdAt,
    dataHash: model.dataHash,
    features: classifier.vectorizer.config,
    intents: model.intents,
    terms: classifier.vectorizer.terms,
    idf: toBase64(classifier.vectorizer.idf),
    weights: toBase64(q),
    weightScale,
    bias: Array.from(classifier.model.bias),
    temperature: classifier.temperature,
    thresholds: classifier.thresholds,
  };
}

/** Rebuilds a router from artefact JSON text; refuses corrupt JSON, schema violations and mismatched array sizes. */
export function parseRouterArtefact(json: string): Result<RouterModel> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return err(`router artefact is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = RouterArtefactSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return err(`router artefact is invalid: ${problems}`);
  }
  const a = parsed.data;
  const f = a.terms.length;
  const k = a.intents.length;
  const idfBytes = fromBase64(a.idf, 4);
  const weightBytes = fromBase64(a.weights, 2);
  if (!idfBytes || idfBytes.byteLength !== f * 4)
    return err(`router artefact mismatch: idf does not have ${f} entries`);
  if (!weightBytes || weightBytes.byteLength !== f * k * 2)
    return err(`router artefact mismatch: weights are not ${f} × ${k}`);
  if (a.bias.length !== k || a.weightScale.length !== k)
    return err(`router artefact mismatch: bias/scale do not have ${k} entries`);
  const labels = a.intents.map((i) => i.name);
  if (labels.some((l, i) => i > 0 && (labels[i - 1] as string) >= l))
    return err("router artefact mismatch: intents are not sorted and unique");
  const q = new Int16Array(weightBytes.buffer);
  const weights = new Float32Array(f * k);
  for (let i = 0; i < f; i++)
    for (let c = 0; c < k; c++) weights[i * k + c] = (q[i * k + c] as number) * (a.weightScale[c] as number);
  const classifier = createTextClassifier({
    labels,
    vectorizer: createTfidfVectorizer(a.features, a.terms, new Float32Array(idfBytes.buffer)),
    model: { numFeatures: f, numClasses: k, weights, bias: Float32Array.from(a.bias) },
    temperature: a.temperature,
    thresholds: a.thresholds,
  });
  return ok({ intents: a.intents, classifier, dataHash: a.dataHash, createdAt: a.createdAt });
}

/** Writes the artefact atomically (temp file + rename), creating the directory if needed. */
export function saveRouter(model: RouterModel, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(toRouterArtefact(model)));
  renameSync(tmp, path);
}

/** Reads and validates an artefact file. */
export function loadRouter(path: string): Result<RouterModel> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return err(`cannot read router artefact ${path}: ${(e as Error).message}`);
  }
  return parseRouterArtefact(text);
}
