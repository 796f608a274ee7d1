// One byte string per artefact version, so a whole version folder (knowledge index, model champion) travels through
// a single BYTEA column: a magic tag, a length-prefixed JSON manifest naming each file and its size, then the files'
// bytes back to back. No new dependency, and the size bound is checked before anything is concatenated.
import { mkdir, open, readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { z } from "zod";
import { err, ok, type Result } from "../result.js";

/** One file of an artefact version, by its path relative to the version folder (POSIX separators). */
export interface ArtefactFile {
  path: string;
  bytes: Uint8Array;
}

/** Largest bundle stored or fetched (200 MB): a bigger index belongs in object storage, not in a database row. */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

const MAGIC = Buffer.from("HBUNDLE1", "ascii");
const MAX_FILES = 10_000;
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;

const BundleManifestSchema = z.object({
  files: z
    .array(z.object({ path: z.string(), size: z.number().int().nonnegative() }))
    .max(MAX_FILES)
    .describe("files in the order their bytes follow the manifest"),
});

/** True for a relative path whose segments are plain names (no `..`, no absolute path, no hidden tricks). */
export function isSafeBundlePath(path: string): boolean {
  const parts = path.split("/");
  return parts.length <= 8 && parts.every((p) => SEGMENT.test(p) && p !== "." && p !== "..");
}

/** Concatenates files into one bundle; refuses unsafe paths, duplicates and bundles over `maxBytes`. */
export function packBundle(files: readonly ArtefactFile[], maxBytes = MAX_BUNDLE_BYTES): Result<Buffer> {
  if (files.length > MAX_FILES) return err(`an artefact bundle holds at most ${MAX_FILES} files (got ${files.length})`);
  const seen = new Set<string>();
  for (const f of files) {
    if (!isSafeBundlePath(f.path)) return err(`unsafe file path in artefact bundle: ${JSON.stringify(f.path)}`);
    if (seen.has(f.path)) return err(`duplicate file in artefact bundle: ${f.path}`);
    seen.add(f.path);
  }
  const header = Buffer.from(JSON.stringify({ files: files.map((f) => ({ path: f.path, size: f.bytes.byteLength })) }));
  const total = MAGIC.length + 4 + header.length + files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > maxBytes) return err(tooLarge(total, maxBytes));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return ok(Buffer.concat([MAGIC, length, header, ...files.map((f) => f.bytes)], total));
}

/** Splits a bundle back into its files; an error value when it is truncated, padded or not a bundle at all. */
export function unpackBundle(bytes: Uint8Array, maxBytes = MAX_BUNDLE_BYTES): Result<ArtefactFile[]> {
  if (bytes.byteLength > maxBytes) return err(tooLarge(bytes.byteLength, maxBytes));
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    return err("not an artefact bundle");
  const headerLength = buf.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4 + headerLength;
  if (start > buf.length) return err("artefact bundle truncated inside its manifest");
  let manifest: z.infer<typeof BundleManifestSchema>;
  try {
    const parsed = BundleManifestSchema.safeParse(JSON.parse(buf.subarray(MAGIC.length + 4, start).toString("utf8")));
    if (!parsed.success) return err(`artefact bundle manifest invalid: ${parsed.error.message}`);
    manifest = parsed.data;
  } catch (e) {
    return err(`artefact bundle manifest is not JSON: ${(e as Error).message}`);
  }
  const files: ArtefactFile[] = [];
  let at = start;
  for (const f of manifest.files) {
    if (!isSafeBundlePath(f.path)) return err(`unsafe file path in artefact bundle: ${JSON.stringify(f.path)}`);
    if (at + f.size > buf.length) return err(`artefact bundle truncated in ${f.path}`);
    files.push({ path: f.path, bytes: buf.subarray(at, at + f.size) });
    at += f.size;
  }
  if (at !== buf.length) return err(`artefact bundle has ${buf.length - at} unexpected trailing bytes`);
  return ok(files);
}

/**
 * Every regular file under a folder, with paths relative to it, in name order (so equal folders pack equally);
 * sizes are checked before anything is read, so an oversized folder is refused without loading it.
 */
export async function readDirectoryFiles(dir: string, maxBytes = MAX_BUNDLE_BYTES): Promise<Result<ArtefactFile[]>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  let total = 0;
  for (const path of paths) total += (await stat(join(dir, path))).size;
  if (total > maxBytes) return err(tooLarge(total, maxBytes));
  const files: ArtefactFile[] = [];
  for (const path of paths) files.push({ path, bytes: await readFile(join(dir, path)) });
  return ok(files);
}

/** Writes files under a folder (created as needed), each flushed to disk before the caller renames the folder. */
export async function writeDirectoryFiles(dir: string, files: readonly ArtefactFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    if (!isSafeBundlePath(f.path)) throw new Error(`unsafe file path: ${JSON.stringify(f.path)}`);
    const target = join(dir, ...f.path.split("/"));
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(target, "w");
    try {
      await handle.writeFile(f.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

function tooLarge(size: number, maxBytes: number): string {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `artefact bundle is ${mb(size)}, over the ${mb(maxBytes)} limit of the artefact store`;
}
