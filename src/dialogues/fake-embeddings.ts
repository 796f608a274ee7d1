// The fake OpenAI server's /v1/embeddings: deterministic vectors (signed feature hashing of words and Han bigrams),
// so tests of the OpenAI embeddings adapter and retrieval run offline and repeatably.
import { z } from "zod";
import { estimateTokens } from "./fake-openai-wire.js";

const EmbeddingsBodySchema = z
  .object({
    model: z.string().optional(),
    input: z.union([z.string(), z.array(z.string()), z.array(z.number()), z.array(z.array(z.number()))]),
    dimensions: z.number().int().positive().max(8192).optional(),
    encoding_format: z.enum(["float", "base64"]).optional(),
  })
  .passthrough();

/** The response body of an embeddings request, or undefined when the request is not one. */
export function answerEmbeddings(
  body: unknown,
  defaultDim: number,
  model: string,
): Record<string, unknown> | undefined {
  const parsed = EmbeddingsBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { input, dimensions, encoding_format: format } = parsed.data;
  const inputs =
    typeof input === "string" ? [input] : input.map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
  const dim = dimensions ?? defaultDim;
  const data = inputs.map((text, index) => {
    const vec = embedText(text, dim);
    const embedding = format === "base64" ? Buffer.from(vec.buffer).toString("base64") : Array.from(vec);
    return { object: "embedding", index, embedding };
  });
  const tokens = inputs.reduce((s, t) => s + estimateTokens(t), 0);
  return {
    object: "list",
    data,
    model: parsed.data.model ?? model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

/** A deterministic embedding: hashed words and Han bigrams, L2-normalised, so similar texts score close. */
export function embedText(text: string, dim: number): Float32Array {
  const vec = new Float32Array(dim);
  const lower = text.toLowerCase();
  const features = [...(lower.match(/[a-z0-9]+/g) ?? [])];
  const han = lower.match(/[\u3400-\u9fff]/g) ?? [];
  for (let i = 0; i < han.length; i++) features.push(`${han[i] ?? ""}${han[i + 1] ?? ""}`);
  if (features.length === 0) features.push("<empty>");
  for (const f of features) {
    const h = fnv1a(f);
    vec[h % dim] = (vec[h % dim] ?? 0) + ((h >>> 31) & 1 ? -1 : 1);
  }
  let norm = 0;
  for (const v of vec) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dim; i++) vec[i] = (vec[i] ?? 0) / norm;
  return vec;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
