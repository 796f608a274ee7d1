// Keeps the product router artefact in step with data/intents: retrains (seconds) when it is missing, corrupt (the
// broken file is moved aside), of an older format or trained on different data, otherwise loads it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { quarantineFile } from "../shared/quarantine-file.js";
import { ok, type Result } from "../shared/result.js";
import { loadIntentCatalogue, type IntentCatalogue } from "./intent-catalogue.js";
import { loadRouter, saveRouter } from "./router-artefact.js";
import { trainRouter, type RouterModel } from "./router-model.js";

/** Where the catalogue is and where the artefact lives. */
export interface EnsureRouterModelOptions {
  intentsDir: string;
  modelsDir: string;
  /** Artefact file name inside modelsDir. */
  fileName?: string;
  onProgress?: (message: string) => void;
  onWarning?: (message: string, fields: Record<string, unknown>) => void;
  /** Reads the catalogue (default: the customer intent files); the staff router passes its own. */
  loadCatalogue?: (dir: string) => Result<IntentCatalogue>;
}

/** What happened: the model, its path and whether it was (re)trained. */
export interface EnsuredRouterModel {
  model: RouterModel;
  path: string;
  trained: boolean;
}

/** Loads the router artefact, retraining and saving it first if it is missing or stale. */
export function ensureRouterModel(options: EnsureRouterModelOptions): Result<EnsuredRouterModel> {
  const catalogue = (options.loadCatalogue ?? loadIntentCatalogue)(options.intentsDir);
  if (!catalogue.ok) return catalogue;
  const path = join(options.modelsDir, options.fileName ?? "intent-router.json");
  const existing = loadRouter(path);
  if (existing.ok && existing.value.dataHash === catalogue.value.dataHash) {
    return ok({ model: existing.value, path, trained: false });
  }
  // A file that is there but does not load is corrupt: it is kept aside for inspection, never served.
  if (!existing.ok && existsSync(path)) {
    const movedTo = quarantineFile(path);
    options.onWarning?.("intent router artefact is corrupt: moved aside, retraining", {
      path,
      problem: existing.error,
      movedTo,
    });
  }
  options.onProgress?.(
    existing.ok ? "intent data changed: retraining the router" : `training the router (${existing.error})`,
  );
  const model = trainRouter(catalogue.value, { onProgress: options.onProgress });
  saveRouter(model, path);
  return ok({ model, path, trained: true });
}
