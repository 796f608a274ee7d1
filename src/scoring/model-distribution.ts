// Shares promoted champions (router, fraud, credit) between instances through the artefact store: the process that
// promotes (or rolls back) publishes the champion's artefact; every instance writes it into its own registry, makes
// it champion there, and calls `onChampion` so the composition root swaps the live model without a restart.
import { z } from "zod";
import type { Logger } from "../shared/logger.js";
import { createSilentLogger } from "../shared/logger.js";
import type { ListenOptions } from "../shared/pg/artefact-listener.js";
import type { ArtefactStore } from "../shared/pg/artefact-store.js";
import { followArtefacts, type ArtefactFollower } from "../shared/pg/follow-artefacts.js";
import { err, ok, type Result } from "../shared/result.js";
import { ModelNameSchema, type ModelName, type ModelRegistry } from "./model-registry.js";

/** What a published champion says about itself. */
export const ModelArtefactMetaSchema = z.object({
  model: ModelNameSchema,
  since: z.string().describe("when it became champion where it was promoted (ISO time)"),
});

/** The artefact kind of one model's champions. */
export function modelArtefactKind(model: ModelName): string {
  return `model-${model}`;
}

/** What a publish or sync of one model did. */
export interface ModelDistributionOutcome {
  model: ModelName;
  version: string | undefined;
  changed: boolean;
}

/** The model distribution of one instance. */
export interface ModelDistribution {
  /** Publishes the local champion; with `ifNonePublished`, only when the cluster has none yet (start-up seeding). */
  publishChampion(model: ModelName, options?: { ifNonePublished?: boolean }): Promise<Result<ModelDistributionOutcome>>;
  /** Brings the local registry to the published champion of each model, calling onChampion for each change. */
  sync(): Promise<Result<ModelDistributionOutcome>[]>;
  /** Follows announcements (and a slow poll) until closed; the first sync is started at once. */
  start(options?: { pollMs?: number; listen?: ListenOptions }): Promise<ArtefactFollower>;
}

/** Dependencies of the model distribution. */
export interface ModelDistributionDeps {
  store: ArtefactStore;
  registry: ModelRegistry;
  /** Called once per champion change this process has not served yet; the composition root hot-swaps the model. */
  onChampion: (model: ModelName, version: string) => void | Promise<void>;
  logger?: Logger;
  models?: readonly ModelName[];
  /** Recorded in the registry history for champions received from another instance. */
  actor?: string;
}

/**
 * Publishes and follows champions. The champions in the registry when it is created count as served (the
 * composition root loaded them at start-up), so onChampion fires only for later changes.
 */
export function createModelDistribution(deps: ModelDistributionDeps): ModelDistribution {
  const logger = deps.logger ?? createSilentLogger();
  const { store, registry } = deps;
  const models = deps.models ?? ModelNameSchema.options;
  const served = new Map<ModelName, string | undefined>(
    models.map((m) => {
      const c = registry.champion(m);
      return [m, c.ok ? c.value?.version : undefined];
    }),
  );
  const fileOf = (version: string): string => `${version}.json`;

  const deliver = async (model: ModelName, version: string): Promise<void> => {
    served.set(model, version);
    try {
      await deps.onChampion(model, version);
    } catch (e) {
      logger.error("swapping in the new champion failed; the previous model keeps serving", {
        model,
        version,
        error: e,
      });
    }
  };

  const publishChampion = async (
    model: ModelName,
    options: { ifNonePublished?: boolean } = {},
  ): Promise<Result<ModelDistributionOutcome>> => {
    const pointer = registry.champion(model);
    if (!pointer.ok) return pointer;
    if (!pointer.value) return err(`${model} has no champion to publish`);
    const { version, since } = pointer.value;
    const published = await store.current(modelArtefactKind(model));
    if (published?.version === version || (options.ifNonePublished && published)) {
      return ok({ model, version: published?.version, changed: false });
    }
    const text = registry.read(model, version);
    if (!text.ok) return text;
    const result = await store.publish(
      modelArtefactKind(model),
      version,
      [{ path: fileOf(version), bytes: Buffer.from(text.value, "utf8") }],
      { model, since },
    );
    if (!result.ok) return err(result.error.message);
    logger.info("champion published to the artefact store", { model, version, changed: result.value.changed });
    return ok({ model, version, changed: result.value.changed });
  };

  const syncModel = async (model: ModelName): Promise<Result<ModelDistributionOutcome>> => {
    const published = await store.current(modelArtefactKind(model));
    if (!published) return ok({ model, version: undefined, changed: false });
    const version = published.version;
    const local = registry.champion(model);
    if (!(local.ok && local.value?.version === version)) {
      if (!registry.read(model, version).ok) {
        const fetched = await store.fetch(modelArtefactKind(model), version);
        if (!fetched.ok) return err(fetched.error.message);
        const meta = ModelArtefactMetaSchema.safeParse(fetched.value.meta);
        if (!meta.success || meta.data.model !== model) return err(`${model} ${version}: artefact metadata invalid`);
        const file = fetched.value.files.find((f) => f.path === fileOf(version));
        if (!file) return err(`${model} ${version}: the bundle has no ${fileOf(version)}`);
        const adopted = registry.adopt(model, version, Buffer.from(file.bytes).toString("utf8"));
        if (!adopted.ok) return adopted;
      }
      const promoted = registry.promote(model, version, {
        actor: deps.actor ?? "artefact-distribution",
        reason: "champion published to the artefact store by another instance",
      });
      if (!promoted.ok) return promoted;
      logger.info("champion installed from the artefact store", { model, version });
    }
    if (served.get(model) === version) return ok({ model, version, changed: false });
    await deliver(model, version);
    return ok({ model, version, changed: true });
  };

  const sync = async (): Promise<Result<ModelDistributionOutcome>[]> => {
    const results: Result<ModelDistributionOutcome>[] = [];
    for (const model of models) results.push(await syncModel(model));
    return results;
  };

  return {
    publishChampion,
    sync,
    start: (options = {}) =>
      followArtefacts({
        store,
        kinds: models.map(modelArtefactKind),
        sync: async () => {
          for (const r of await sync()) if (!r.ok) logger.warn("champion sync did not complete", { problem: r.error });
        },
        logger,
        ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
        ...(options.listen ? { listen: options.listen } : {}),
      }),
  };
}
