// Load and fuzz runs must measure the service, not its rate limiter: every rate or connection limit of the environment
// schema can be lifted to its largest allowed value (a separate slice of the fuzz run keeps the defaults).
import { z } from "zod";
import { EnvSchema } from "../../config/config-schema.js";

// Environment variables that cap request rates or stream counts.
const LIMIT_VARIABLE =
  /^(?:RATE_LIMIT_\w+|\w+_RATE_LIMIT|\w+_PER_MINUTE|SSE_\w*MAX\w*|MAX_\w*SSE\w*|\w*_CONCURRENT_\w+)$/;

/** Every rate and connection limit of the environment schema set to its largest allowed value. */
export function highLimitEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(EnvSchema.shape)) {
    // Table sizes (RATE_LIMIT_MAX_KEYS) bound memory, not traffic: they keep their defaults.
    if (!LIMIT_VARIABLE.test(name) || name.endsWith("_MAX_KEYS")) continue;
    let inner: z.ZodTypeAny = schema;
    while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional)
      inner = inner instanceof z.ZodDefault ? inner._def.innerType : inner.unwrap();
    if (inner instanceof z.ZodNumber) out[name] = String(inner.maxValue ?? 1_000_000);
  }
  return out;
}
