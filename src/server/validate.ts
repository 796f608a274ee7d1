// Request parsing against zod schemas: the schema is the contract, a mismatch is a 400 naming each field.
import type { z } from "zod";
import { AppError } from "../shared/errors.js";

/** Parses a value with a schema or throws a validation AppError listing every problem. */
export function parseOrThrow<S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  where: "body" | "query" | "params",
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", `The request ${where} is not valid.`, {
    details: parsed.error.issues.map((i) => ({ path: [where, ...i.path].join("."), message: i.message })),
  });
}
