// On-disk layout of the knowledge index: immutable version folders beside each other and a small CURRENT pointer
// swapped with rename, so a reader always sees a complete version and a crash mid-write leaves the old one serving.
import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { KnowledgeChunkSchema, KnowledgeDocumentSchema, KnowledgeFrontMatterSchema } from "./knowledge-schemas.js";

/** What the manifest records about each document. */
export const ManifestDocumentSchema = z.object({
  meta: KnowledgeFrontMatterSchema,
  path: z.string(),
  hash: z.string(),
  chunkIds: z.array(z.string()),
});
/** A manifest document entry. */
export type ManifestDocument = z.infer<typeof ManifestDocumentSchema>;

/** The manifest of one index version. */
export const IndexManifestSchema = z.object({
  format: z.literal(1),
  version: z.string(),
  seq: z.number().int().nonnegative(),
  createdAt: z.string(),
  embeddings: z.object({ id: z.string(), dim: z.number().int().positive() }),
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() }),
  corpusFit: z.object({ fittedChunks: z.number().int().nonnegative(), churn: z.number().int().nonnegative() }).nullable(),
  nextLabel: z.number().int().nonnegative(),
  liveCount: z.number().int().nonnegative(),
  deletedCount: z.number().int().nonnegative(),
  documents: z.record(ManifestDocumentSchema),
  /** SHA-256 of every other file of the version, so a truncated or overwritten file is caught before it is served. */
  files: z.record(z.string().regex(/^[0-9a-f]{64}$/)).optional(),
});
/** An index manifest. */
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

/** A stored chunk with its HNSW label. */
export const StoredChunkSchema = KnowledgeChunkSchema.extend({ label: z.number().int().nonnegative() });
/** A stored chunk. */
export type StoredChunk = z.infer<typeof StoredChunkSchema>;

const PointerSchema = z.object({ version: z.string() });

/** File names inside a version folder. */
export const VERSION_FILES = {
  manifest: "manifest.json",
  chunks: "chunks.jsonl",
  documents: "documents.json",
  hnsw: "hnsw.bin",
  corpus: "corpus-model.json",
} as const;

/** Folder of one version. */
export function versionDir(indexRoot: string, version: string): string {
  return join(indexRoot, "versions", version);
}

/** Reads the CURRENT pointer; undefined when no index has been built yet. */
export async function readCurrentVersion(indexRoot: string): Promise<string | undefined> {
  try {
    return PointerSchema.parse(JSON.parse(await readFile(join(indexRoot, "CURRENT"), "utf8"))).version;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`the index pointer ${join(indexRoot, "CURRENT")} is unreadable: ${(e as Error).message}`, { cause: e });
  }
}

async function writeFileDurably(path: string, data: string): Promise<void> {
  const handle = await open(path, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Points CURRENT at a version by writing a temporary file and renaming it over the old pointer (atomic on POSIX). */
export async function swapCurrentVersion(indexRoot: string, version: string): Promise<void> {
  const tmp = join(indexRoot, `CURRENT.${process.pid}.${Date.now()}.tmp`);
  await writeFileDurably(tmp, JSON.stringify({ version }) + "\n");
  await rename(tmp, join(indexRoot, "CURRENT"));
}

/** Everything a reader loads from one version folder. */
export interface StoredVersion {
  manifest: IndexManifest;
  chunks: StoredChunk[];
  documents: z.infer<typeof KnowledgeDocumentSchema>[];
  corpusState: unknown;
  hnswPath: string;
}

async function fileDigest(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

/** Reads a version folder and validates every file (and its checksum, for versions that record them). */
export async function readVersion(indexRoot: string, version: string): Promise<StoredVersion> {
  const dir = versionDir(indexRoot, version);
  const manifest = IndexManifestSchema.parse(JSON.parse(await readFile(join(dir, VERSION_FILES.manifest), "utf8")));
  for (const [name, digest] of Object.entries(manifest.files ?? {})) {
    if ((await fileDigest(join(dir, name))) !== digest) throw new Error(`index version ${version}: ${name} does not match its checksum (truncated or overwritten)`);
  }
  const chunkLines = (await readFile(join(dir, VERSION_FILES.chunks), "utf8")).split("\n").filter((l) => l.length > 0);
  const chunks = chunkLines.map((l) => StoredChunkSchema.parse(JSON.parse(l)));
  const documents = z.array(KnowledgeDocumentSchema).parse(JSON.parse(await readFile(join(dir, VERSION_FILES.documents), "utf8")));
  let corpusState: unknown = undefined;
  try {
    corpusState = JSON.parse(await readFile(join(dir, VERSION_FILES.corpus), "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  return { manifest, chunks, documents, corpusState, hnswPath: join(dir, VERSION_FILES.hnsw) };
}

/** Writes the JSON files of a version into a (temporary) folder; the HNSW file is written by the caller. */
export async function writeVersionFiles(dir: string, data: Omit<StoredVersion, "hnswPath">): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileDurably(join(dir, VERSION_FILES.chunks), data.chunks.map((c) => JSON.stringify(c)).join("\n") + "\n");
  await writeFileDurably(join(dir, VERSION_FILES.documents), JSON.stringify(data.documents));
  if (data.corpusState !== undefined) await writeFileDurably(join(dir, VERSION_FILES.corpus), JSON.stringify(data.corpusState));
  const names = [VERSION_FILES.chunks, VERSION_FILES.documents, VERSION_FILES.hnsw, ...(data.corpusState !== undefined ? [VERSION_FILES.corpus] : [])];
  const files: Record<string, string> = {};
  for (const name of names) {
    try {
      files[name] = await fileDigest(join(dir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  // The manifest goes last: a folder without one is incomplete by definition.
  await writeFileDurably(join(dir, VERSION_FILES.manifest), JSON.stringify({ ...data.manifest, files }, null, 1));
}

/** Moves a fully written temporary folder to its final version name. */
export async function publishVersionDir(tmpDir: string, indexRoot: string, version: string): Promise<void> {
  await mkdir(join(indexRoot, "versions"), { recursive: true });
  await rename(tmpDir, versionDir(indexRoot, version));
}

/** Deletes old versions, keeping the current one and the `keep - 1` newest others; abandoned temp folders go too. */
export async function cleanupVersions(indexRoot: string, current: string, keep = 2): Promise<string[]> {
  const root = join(indexRoot, "versions");
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const finished = names.filter((n) => !n.endsWith(".tmp") && n !== current).sort().reverse();
  for (const name of finished.slice(Math.max(0, keep - 1))) {
    await rm(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  for (const name of names.filter((n) => n.endsWith(".tmp"))) {
    const age = Date.now() - (await stat(join(root, name))).mtimeMs;
    if (age > 60 * 60 * 1000) {
      await rm(join(root, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Finished version names under `versions/`, newest first (temporary folders excluded). */
export async function listVersions(indexRoot: string): Promise<string[]> {
  try {
    return (await readdir(join(indexRoot, "versions"))).filter((n) => !n.endsWith(".tmp")).sort().reverse();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}

// True when the lock file names a process that no longer runs (an ingest killed with -9 never removes its lock).
async function lockOwnerIsGone(path: string): Promise<boolean> {
  const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Takes the ingest lock (one writer at a time); a lock older than `staleMs`, or whose process is gone, is taken over. */
export async function acquireIngestLock(indexRoot: string, staleMs = 10 * 60 * 1000): Promise<() => Promise<void>> {
  await mkdir(indexRoot, { recursive: true });
  const path = join(indexRoot, "ingest.lock");
  const release = async (): Promise<void> => {
    await rm(path, { force: true });
  };
  try {
    await writeFile(path, String(process.pid), { flag: "wx" });
    return release;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const age = Date.now() - (await stat(path)).mtimeMs;
  if (age < staleMs && !(await lockOwnerIsGone(path))) throw new Error(`another ingest is running (lock ${path}); retry when it finishes`);
  await writeFile(path, String(process.pid));
  return release;
}
