// After a promotion or rollback on the command line: with DATABASE_URL set, publishes the model's champion to
// PostgreSQL, so every running instance loads it by version and swaps it in (without it, instances load it at start).
import pg from "pg";
import { loadConfig } from "../config/load-config.js";
import { createModelDistribution } from "../scoring/model-distribution.js";
import type { ModelName, ModelRegistry } from "../scoring/model-registry.js";
import { createArtefactStore } from "../shared/pg/artefact-store.js";

/** Publishes `model`'s champion when the service shares PostgreSQL; returns what it said, or undefined when not shared. */
export async function publishChampionIfShared(registry: ModelRegistry, model: ModelName): Promise<string | undefined> {
  const url = loadConfig(process.env).scaleOut.databaseUrl;
  if (!url) return undefined;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const distribution = createModelDistribution({
      store: createArtefactStore({ pool }),
      registry,
      onChampion: () => undefined,
    });
    const published = await distribution.publishChampion(model);
    return published.ok
      ? `published ${model} ${published.value.version ?? "(none)"} to every instance`
      : `not published to the other instances: ${published.error}`;
  } finally {
    await pool.end();
  }
}
