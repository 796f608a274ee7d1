// A pristine data folder (trained models, knowledge index, seeded bank) built once per change of the inputs that shape
// it and copied for every run, so fuzz and soak runs start in seconds and never share state.
import { cp } from "node:fs/promises";
import { cachedBuild, fingerprintPaths } from "../../shared/cached-build.js";

/** Repository paths whose contents decide whether a cached data folder is still valid. */
export const DATA_INPUT_PATHS = [
  "data/intents",
  "knowledge",
  "src/bank",
  "src/router",
  "src/scoring",
  "src/knowledge",
  "package-lock.json",
];

/** Copies a pristine data folder for `env` into `target`, building it with `build(dir)` first when missing or stale. */
export async function copyPristineData(options: {
  cacheDir: string;
  env: Record<string, string>;
  target: string;
  build: (dir: string) => Promise<void>;
}): Promise<void> {
  const key = await fingerprintPaths(
    DATA_INPUT_PATHS,
    JSON.stringify({ day: new Date().toISOString().slice(0, 10), env: options.env }),
  );
  const dir = await cachedBuild({ cacheDir: options.cacheDir, key, build: options.build });
  await cp(dir, options.target, { recursive: true });
}
