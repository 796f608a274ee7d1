// Moves a corrupt artefact aside instead of deleting or overwriting it, so it can be inspected while a good one is
// rebuilt in its place.
import { renameSync } from "node:fs";

/** Renames `path` to `<path>.corrupt-<timestamp>` and returns the new name (undefined if it vanished meanwhile). */
export function quarantineFile(path: string, now: Date = new Date()): string | undefined {
  const target = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}-${process.pid}`;
  try {
    renameSync(path, target);
    return target;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}
