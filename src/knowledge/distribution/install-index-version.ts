// Writes an index version fetched from the artefact store into the local index root with the layout ingest produces:
// files go to a temporary folder, are checked (manifest, checksums, embeddings) and only then renamed into
// versions/<version>, so a reader or a crash never sees half a version.
import { rm } from "node:fs/promises";
import type { ArtefactFile } from "../../shared/pg/artefact-bundle.js";
import { writeDirectoryFiles } from "../../shared/pg/artefact-bundle.js";
import { err, ok, type Result } from "../../shared/result.js";
import { publishVersionDir, readVersion, versionDir, type IndexManifest } from "../index-store.js";

/** The embeddings an index must have been built with to be served here. */
export interface EmbeddingsIdentity {
  id: string;
  dim: number;
}

/** Why a version built elsewhere cannot be served here; undefined when it can. */
export function embeddingsMismatch(built: EmbeddingsIdentity, expected: EmbeddingsIdentity | undefined): string | undefined {
  if (!expected || (built.id === expected.id && built.dim === expected.dim)) return undefined;
  return `built with embeddings "${built.id}" (dim ${built.dim}) but this instance uses "${expected.id}" (dim ${expected.dim})`;
}

/** True when versions/<version> is present, complete and matches its checksums. */
export async function hasReadableVersion(indexRoot: string, version: string): Promise<boolean> {
  try {
    return (await readVersion(indexRoot, version)).manifest.version === version;
  } catch {
    return false;
  }
}

/** Writes, verifies and renames a fetched version into place (replacing a damaged local copy); CURRENT is untouched. */
export async function writeIndexVersion(
  indexRoot: string,
  version: string,
  files: readonly ArtefactFile[],
  expected?: EmbeddingsIdentity,
): Promise<Result<IndexManifest>> {
  // Ends in ".tmp", so listVersions ignores it and cleanupVersions removes it if this process dies mid-write.
  const tmpName = `${version}.${process.pid}.sync.tmp`;
  const tmp = versionDir(indexRoot, tmpName);
  await rm(tmp, { recursive: true, force: true });
  await writeDirectoryFiles(tmp, files);
  const refuse = async (why: string): Promise<Result<IndexManifest>> => {
    await rm(tmp, { recursive: true, force: true });
    return err(`knowledge index ${version} refused: ${why}`);
  };
  let manifest: IndexManifest;
  try {
    manifest = (await readVersion(indexRoot, tmpName)).manifest;
  } catch (e) {
    return refuse(`it does not read back as an index version (${(e as Error).message})`);
  }
  if (manifest.version !== version) return refuse(`its manifest names version ${manifest.version}`);
  const mismatch = embeddingsMismatch(manifest.embeddings, expected);
  if (mismatch) return refuse(mismatch);
  await rm(versionDir(indexRoot, version), { recursive: true, force: true });
  await publishVersionDir(tmp, indexRoot, version);
  return ok(manifest);
}
