// Versioned model artefacts with a champion pointer and an append-only audit history, so a retrained model is only
// served after the promotion gate passes it, every decision (promotion, refusal, rollback) is on record, and the
// previous champion can be restored. Layout: <modelsDir>/registry/<model>/<version>.json, champion.json, history.jsonl.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sha256 } from "../shared/hash.js";
import { err, ok, type Result } from "../shared/result.js";

/** The models the registry versions. */
export const ModelNameSchema = z.enum(["router", "fraud", "credit"]).describe("which model");
/** A registered model's name. */
export type ModelName = z.infer<typeof ModelNameSchema>;

/** Metric values of one evaluation, keyed "<set>.<metric>" (null where undefined, e.g. no positives). */
export const RegistryMetricsSchema = z.record(z.number().nullable()).describe("metric values of the decision");
/** Metric values as stored. */
export type RegistryMetrics = z.infer<typeof RegistryMetricsSchema>;

/** The champion pointer: the live version and the champions before it (newest last), for rollback. */
export const ChampionPointerSchema = z.object({
  version: z.string().min(1).describe("the live artefact version"),
  since: z.string().describe("when it became champion (ISO time)"),
  previous: z.array(z.string()).describe("earlier champions, oldest first; rollback restores the last"),
});
/** The champion pointer. */
export type ChampionPointer = z.infer<typeof ChampionPointerSchema>;

/** One audited decision. */
export const HistoryEntrySchema = z.object({
  at: z.string().describe("ISO time of the decision"),
  model: ModelNameSchema,
  action: z.enum(["promote", "refuse", "rollback"]).describe("what was decided"),
  version: z.string().describe("the challenger (promote, refuse) or the restored champion (rollback)"),
  previous: z.string().nullable().describe("the champion before the decision"),
  actor: z.string().describe("who ran it (operating-system user or service)"),
  metrics: RegistryMetricsSchema.optional(),
  reason: z.string().describe("why, in one sentence"),
});
/** One audited decision. */
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A decision's who and why. */
export interface DecisionInput {
  actor: string;
  reason: string;
  metrics?: RegistryMetrics;
}

/** The registry port. */
export interface ModelRegistry {
  /** Stores an artefact's JSON text as a new version (timestamp + short content hash); returns the version. */
  save(model: ModelName, artefactJson: string): string;
  /** Stores an artefact under the version another instance gave it (a champion shared through PostgreSQL). */
  adopt(model: ModelName, version: string, artefactJson: string): Result<void>;
  /** The stored JSON text of one version, or an error value when it is missing. */
  read(model: ModelName, version: string): Result<string>;
  /** The champion pointer, undefined when the model has none yet; an error value when the pointer is unreadable. */
  champion(model: ModelName): Result<ChampionPointer | undefined>;
  /** Makes a stored version the champion (atomic pointer write) and audits it. */
  promote(model: ModelName, version: string, input: DecisionInput): Result<ChampionPointer>;
  /** Audits a challenger the gate refused; the champion is unchanged. */
  recordRefusal(model: ModelName, version: string, input: DecisionInput): void;
  /** Restores the previous champion and audits it; an error value when there is none. */
  rollback(model: ModelName, input: DecisionInput): Result<{ from: string; to: string }>;
  /** Every audited decision of a model, oldest first. */
  history(model: ModelName): HistoryEntry[];
}

const VERSION_PATTERN = /^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$/;

/** Opens (lazily creating) the registry under a models directory. */
export function createModelRegistry(options: { modelsDir: string; now?: () => Date }): ModelRegistry {
  const now = options.now ?? (() => new Date());
  const dirOf = (model: ModelName): string => join(options.modelsDir, "registry", model);
  const pathOf = (model: ModelName, version: string): string => join(dirOf(model), `${version}.json`);
  const pointerPath = (model: ModelName): string => join(dirOf(model), "champion.json");
  const historyPath = (model: ModelName): string => join(dirOf(model), "history.jsonl");

  const writeAtomic = (path: string, text: string): void => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  };
  const audit = (entry: Omit<HistoryEntry, "at">): void => {
    mkdirSync(dirOf(entry.model), { recursive: true });
    appendFileSync(historyPath(entry.model), JSON.stringify({ at: now().toISOString(), ...entry }) + "\n");
  };
  const champion = (model: ModelName): Result<ChampionPointer | undefined> => {
    const path = pointerPath(model);
    if (!existsSync(path)) return ok(undefined);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      return err(`champion pointer ${path} is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = ChampionPointerSchema.safeParse(raw);
    return parsed.success ? ok(parsed.data) : err(`champion pointer ${path} is invalid: ${parsed.error.message}`);
  };
  const validVersion = (model: ModelName, version: string): boolean =>
    VERSION_PATTERN.test(version) && existsSync(pathOf(model, version));

  return {
    save(model, artefactJson) {
      mkdirSync(dirOf(model), { recursive: true });
      const stamp = now()
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.[0-9]+Z$/, "Z");
      const version = `${stamp}-${sha256(artefactJson).slice(0, 8)}`;
      writeAtomic(pathOf(model, version), artefactJson);
      return version;
    },
    adopt(model, version, artefactJson) {
      if (!VERSION_PATTERN.test(version)) return err(`${model}: ${version} is not a registry version`);
      // The version ends with the content hash, so a damaged or mislabelled artefact is refused here.
      if (!version.endsWith(`-${sha256(artefactJson).slice(0, 8)}`)) {
        return err(`${model}: the artefact does not match the hash in version ${version}`);
      }
      if (existsSync(pathOf(model, version))) return ok(undefined);
      mkdirSync(dirOf(model), { recursive: true });
      writeAtomic(pathOf(model, version), artefactJson);
      return ok(undefined);
    },
    read(model, version) {
      if (!validVersion(model, version)) return err(`${model} has no stored version ${version}`);
      return ok(readFileSync(pathOf(model, version), "utf8"));
    },
    champion,
    promote(model, version, input) {
      if (!validVersion(model, version)) return err(`${model} has no stored version ${version}`);
      const current = champion(model);
      if (!current.ok) return current;
      const previous = current.value ? [...current.value.previous, current.value.version] : [];
      const pointer: ChampionPointer = { version, since: now().toISOString(), previous };
      writeAtomic(pointerPath(model), JSON.stringify(pointer));
      audit({ model, action: "promote", version, previous: current.value?.version ?? null, ...input });
      return ok(pointer);
    },
    recordRefusal(model, version, input) {
      const current = champion(model);
      const previous = current.ok ? (current.value?.version ?? null) : null;
      audit({ model, action: "refuse", version, previous, ...input });
    },
    rollback(model, input) {
      const current = champion(model);
      if (!current.ok) return current;
      if (!current.value) return err(`${model} has no champion to roll back`);
      const to = current.value.previous.at(-1);
      if (to === undefined) return err(`${model} has no previous champion to restore (live: ${current.value.version})`);
      if (!validVersion(model, to)) return err(`${model}: the previous champion ${to} is missing from the registry`);
      const pointer: ChampionPointer = {
        version: to,
        since: now().toISOString(),
        previous: current.value.previous.slice(0, -1),
      };
      writeAtomic(pointerPath(model), JSON.stringify(pointer));
      audit({ model, action: "rollback", version: to, previous: current.value.version, ...input });
      return ok({ from: current.value.version, to });
    },
    history(model) {
      const path = historyPath(model);
      if (!existsSync(path)) return [];
      return readFileSync(path, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .flatMap((line) => {
          try {
            const parsed = HistoryEntrySchema.safeParse(JSON.parse(line));
            return parsed.success ? [parsed.data] : [];
          } catch {
            return [];
          }
        });
    },
  };
}

/** The live champion's version and artefact text, undefined when the model has no champion (or it is unreadable). */
export function readChampionArtefact(
  registry: ModelRegistry,
  model: ModelName,
): Result<{ version: string; text: string } | undefined> {
  const pointer = registry.champion(model);
  if (!pointer.ok) return pointer;
  if (!pointer.value) return ok(undefined);
  const text = registry.read(model, pointer.value.version);
  return text.ok ? ok({ version: pointer.value.version, text: text.value }) : text;
}

/**
 * The champion parsed for serving, or undefined (the caller keeps today's model) when there is none, it does not
 * parse, or `accept` names a reason not to serve it (e.g. trained on other data); problems go to `onWarning`.
 */
export function loadChampion<T>(
  registry: ModelRegistry,
  model: ModelName,
  parse: (text: string) => Result<T>,
  options: {
    accept?: (value: T) => string | undefined;
    onWarning?: (m: string, f: Record<string, unknown>) => void;
  } = {},
): { version: string; value: T } | undefined {
  const artefact = readChampionArtefact(registry, model);
  const warn = (problem: string): undefined => {
    options.onWarning?.(`${model} champion not served: keeping the default model`, { problem });
    return undefined;
  };
  if (!artefact.ok) return warn(artefact.error);
  if (!artefact.value) return undefined;
  const parsed = parse(artefact.value.text);
  if (!parsed.ok) return warn(`${artefact.value.version}: ${parsed.error}`);
  const refusal = options.accept?.(parsed.value);
  if (refusal) return warn(`${artefact.value.version}: ${refusal}`);
  return { version: artefact.value.version, value: parsed.value };
}
