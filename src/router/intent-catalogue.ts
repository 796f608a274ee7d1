// Loads and validates the intent catalogue (data/intents/*.yaml): one file per intent, each with a route and
// bilingual training utterances. Problems are reported with the file name so the data author can fix them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { sha256 } from "../shared/hash.js";
import { err, ok, type Result } from "../shared/result.js";

/** The closed set of routes; the route picks the system prompt and the tools the agent may use ("staff" is the
 * internal assistant's own route: customer intent files may not use it). */
export const RouteSchema = z.enum([
  "knowledge",
  "cards",
  "fraud",
  "credit",
  "account",
  "handoff",
  "smalltalk",
  "out_of_scope",
  "staff",
]);
/** A route. */
export type Route = z.infer<typeof RouteSchema>;

/** One intent file. */
export const IntentFileSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, "name must be snake_case")
      .describe("intent name, equal to the file name"),
    route: RouteSchema.exclude(["staff"]).describe("the route this intent sends the message to"),
    description: z.string().min(1).describe("what customers mean by this intent"),
    utterances: z
      .object({
        en: z.array(z.string().trim().min(1)).min(1).describe("English training utterances"),
        "zh-CN": z.array(z.string().trim().min(1)).min(1).describe("Simplified Chinese training utterances"),
      })
      .strict(),
  })
  .strict();
/** One intent with its training utterances. */
export type IntentFile = z.infer<typeof IntentFileSchema>;

/** An intent as a catalogue holds it: a customer intent file, or a staff intent on the "staff" route. */
export type CatalogueIntent = Omit<IntentFile, "route"> & { route: Route };

/** The whole catalogue plus a fingerprint of its content (used to know when the model is stale). */
export interface IntentCatalogue {
  intents: CatalogueIntent[];
  dataHash: string;
}

/** Parses one YAML file of a catalogue against its schema; the error names the file and the problem. */
export function parseNamedYamlFile<S extends z.ZodType<{ name: string }, z.ZodTypeDef, unknown>>(
  schema: S,
  fileName: string,
  text: string,
): Result<z.infer<S>> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return err(`${fileName}: invalid YAML: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return err(`${fileName}: ${problems}`);
  }
  const expected = fileName.replace(/\.ya?ml$/, "");
  if (parsed.data.name !== expected) return err(`${fileName}: name "${parsed.data.name}" does not match the file name`);
  return ok(parsed.data);
}

/** Parses one intent file's text; the error names the file and the problem. */
export function parseIntentFile(fileName: string, text: string): Result<IntentFile> {
  return parseNamedYamlFile(IntentFileSchema, fileName, text);
}

/**
 * Loads every *.yaml file of a directory against a schema, reporting all broken files at once, with a fingerprint of
 * their content (used to know when a model trained on them is stale).
 */
export function loadNamedYamlFiles<S extends z.ZodType<{ name: string }, z.ZodTypeDef, unknown>>(
  dir: string,
  schema: S,
  what: string,
): Result<{ items: z.infer<S>[]; dataHash: string }> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch (e) {
    return err(`cannot read ${what} directory ${dir}: ${(e as Error).message}`);
  }
  if (files.length === 0) return err(`no ${what} files (*.yaml) in ${dir}`);
  const items: z.infer<S>[] = [];
  const problems: string[] = [];
  const hashInput: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), "utf8");
    hashInput.push(`${f}\n${text}`);
    const r = parseNamedYamlFile(schema, f, text);
    if (r.ok) items.push(r.value);
    else problems.push(r.error);
  }
  if (problems.length > 0) return err(problems.join("\n"));
  if (items.length < 2) return err(`${dir}: a catalogue needs at least two intents`);
  return ok({ items, dataHash: sha256(hashInput.join("\n\u0000")) });
}

/** Loads every *.yaml file of a directory as the intent catalogue; reports all broken files at once. */
export function loadIntentCatalogue(dir: string): Result<IntentCatalogue> {
  const loaded = loadNamedYamlFiles(dir, IntentFileSchema, "intent");
  return loaded.ok ? ok({ intents: loaded.value.items, dataHash: loaded.value.dataHash }) : loaded;
}
