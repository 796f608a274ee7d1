// A folder built once per change of the inputs that shape it (a data folder with trained models, an index and a
// seeded bank), kept in a cache directory so repeated runs start in seconds. Building is atomic: a half-built folder
// is never used.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createStreamingHash } from "./hash.js";

/** A short digest of every file under `paths` (missing paths count too) and of `extra`. */
export async function fingerprintPaths(paths: readonly string[], extra: string): Promise<string> {
  const h = createStreamingHash();
  h.update(extra);
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p).catch(() => undefined);
    if (!s) return h.update(`missing:${p}`);
    if (s.isDirectory()) {
      for (const e of (await readdir(p)).sort()) await walk(path.join(p, e));
      return;
    }
    h.update(`${p}\n`);
    h.update(await readFile(p, "utf8"));
  };
  for (const p of paths) await walk(p);
  return h.digest().slice(0, 16);
}

/** Returns the cached folder for `key`, building it with `build(dir)` first when it is missing. */
export async function cachedBuild(options: {
  cacheDir: string;
  key: string;
  build: (dir: string) => Promise<void>;
}): Promise<string> {
  const dir = path.join(options.cacheDir, options.key);
  if (await stat(path.join(dir, "READY")).catch(() => undefined)) return dir;
  await mkdir(options.cacheDir, { recursive: true });
  const building = await mkdtemp(path.join(options.cacheDir, `${options.key}.building-`));
  await options.build(building);
  await writeFile(path.join(building, "READY"), new Date().toISOString());
  // Another run may have finished the same cache first; either copy is as good.
  await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
  return dir;
}
