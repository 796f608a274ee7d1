// Versioned artefacts in PostgreSQL, so every instance serves the knowledge index and model champions one of them
// built: a version is published once (bundle + digest), `artefact_current` names the version to serve per kind, and a
// NOTIFY on harbor_artefacts tells the listening instances. Runs off the request path, on an async pg.Pool.
import type { Pool } from "pg";
import { sha256 } from "../hash.js";
import type { Logger } from "../logger.js";
import { err, ok, type Result } from "../result.js";
import {
  MAX_BUNDLE_BYTES,
  packBundle,
  readDirectoryFiles,
  unpackBundle,
  type ArtefactFile,
} from "./artefact-bundle.js";
import {
  listenForArtefacts,
  type Announcement,
  type ArtefactListener,
  type ListenOptions,
} from "./artefact-listener.js";

/** The NOTIFY channel; the payload is `<kind>:<version>`. */
export const ARTEFACT_CHANNEL = "harbor_artefacts";

/** Why an artefact operation was refused (infrastructure faults are thrown instead). */
export type ArtefactErrorCode = "invalid" | "too_large" | "conflict" | "not_found" | "corrupt";

/** An expected artefact failure with a message for the log. */
export interface ArtefactError {
  code: ArtefactErrorCode;
  message: string;
}

/** A kind and version, as announced and as named by `artefact_current`. */
export type ArtefactAnnouncement = Announcement;

/** What `publish` did. */
export interface PublishedArtefact {
  kind: string;
  version: string;
  sha256: string;
  size: number;
  /** False when this exact bundle was already stored (a re-publish, e.g. a rollback to an earlier champion). */
  created: boolean;
  /** False when the kind's current version already was this one (nothing announced). */
  changed: boolean;
}

/** A fetched and verified version. */
export interface FetchedArtefact {
  kind: string;
  version: string;
  sha256: string;
  meta: unknown;
  createdAt: string;
  files: ArtefactFile[];
}

/** The artefact store port. */
export interface ArtefactStore {
  /** Stores a version (files or a folder) and makes it current in one transaction, announcing it on commit. */
  publish(
    kind: string,
    version: string,
    source: readonly ArtefactFile[] | string,
    meta?: Record<string, unknown>,
  ): Promise<Result<PublishedArtefact, ArtefactError>>;
  /** The version every instance should serve, undefined when none was published. */
  current(kind: string): Promise<{ version: string; updatedAt: string } | undefined>;
  /** The current version of every kind (read after a reconnect, so no announcement is missed). */
  currentAll(): Promise<ArtefactAnnouncement[]>;
  /** One version's files, refused when its bytes do not match the recorded SHA-256. */
  fetch(kind: string, version: string): Promise<Result<FetchedArtefact, ArtefactError>>;
  /** Listens for announcements on a dedicated connection that reconnects; see listenForArtefacts. */
  listen(onAnnounce: (a: ArtefactAnnouncement) => void, options?: ListenOptions): Promise<ArtefactListener>;
}

const KIND = /^[a-z][a-z0-9-]{0,63}$/;
/** Versions become folder and file names on other machines, so they are plain names. */
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** True when a kind and version are acceptable names (also checked on every announcement received). */
export function isValidArtefactName(kind: string, version: string): boolean {
  return KIND.test(kind) && VERSION.test(version) && !version.endsWith(".tmp");
}

/** Opens the artefact store over a pool the caller owns (the store never ends it). */
export function createArtefactStore(deps: {
  pool: Pool;
  logger?: Logger;
  now?: () => Date;
  /** Bundle size limit (default 200 MB). */
  maxBytes?: number;
}): ArtefactStore {
  const { pool } = deps;
  const now = deps.now ?? (() => new Date());
  const maxBytes = deps.maxBytes ?? MAX_BUNDLE_BYTES;
  const fail = (code: ArtefactErrorCode, message: string): { ok: false; error: ArtefactError } =>
    err({ code, message });

  const currentAll = async (): Promise<ArtefactAnnouncement[]> => {
    const rows = await pool.query<{ kind: string; version: string }>(
      "SELECT kind, version FROM artefact_current ORDER BY kind",
    );
    return rows.rows.filter((r) => isValidArtefactName(r.kind, r.version));
  };

  return {
    async publish(kind, version, source, meta = {}) {
      if (!isValidArtefactName(kind, version)) return fail("invalid", `invalid artefact name ${kind}:${version}`);
      const files = typeof source === "string" ? await readDirectoryFiles(source, maxBytes) : ok(source);
      if (!files.ok) return fail("too_large", files.error);
      const packed = packBundle(files.value, maxBytes);
      if (!packed.ok) return fail(packed.error.includes("limit") ? "too_large" : "invalid", packed.error);
      const digest = sha256(packed.value);
      const at = now().toISOString();
      const client = await pool.connect();
      let failed = false;
      try {
        await client.query("BEGIN");
        // The bytes are sent only when the version is new; a re-publish just moves the current pointer.
        const existing = await client.query<{ sha256: string }>(
          "SELECT sha256 FROM artefacts WHERE kind = $1 AND version = $2",
          [kind, version],
        );
        let stored = existing.rows[0]?.sha256;
        let created = false;
        if (stored === undefined) {
          const inserted = await client.query<{ sha256: string }>(
            `INSERT INTO artefacts (kind, version, sha256, bytes, meta, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (kind, version) DO NOTHING RETURNING sha256`,
            [kind, version, digest, packed.value, JSON.stringify(meta), at],
          );
          created = inserted.rows.length === 1;
          stored = created
            ? digest
            : (
                await client.query<{ sha256: string }>(
                  "SELECT sha256 FROM artefacts WHERE kind = $1 AND version = $2",
                  [kind, version],
                )
              ).rows[0]?.sha256;
        }
        if (stored !== digest) {
          await client.query("ROLLBACK");
          return fail(
            "conflict",
            `${kind}:${version} is already published with different content (versions never change)`,
          );
        }
        const moved = await client.query(
          `INSERT INTO artefact_current (kind, version, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (kind) DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
           WHERE artefact_current.version <> EXCLUDED.version`,
          [kind, version, at],
        );
        const changed = (moved.rowCount ?? 0) > 0;
        // Delivered to the listeners on commit, never for a rolled-back publish.
        if (changed) await client.query("SELECT pg_notify($1, $2)", [ARTEFACT_CHANNEL, `${kind}:${version}`]);
        await client.query("COMMIT");
        deps.logger?.info("artefact published", { kind, version, size: packed.value.length, created, changed });
        return ok({ kind, version, sha256: digest, size: packed.value.length, created, changed });
      } catch (e) {
        failed = true;
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release(failed);
      }
    },

    async current(kind) {
      const rows = await pool.query<{ version: string; updated_at: string }>(
        "SELECT version, updated_at FROM artefact_current WHERE kind = $1",
        [kind],
      );
      const row = rows.rows[0];
      return row && isValidArtefactName(kind, row.version)
        ? { version: row.version, updatedAt: row.updated_at }
        : undefined;
    },

    currentAll,

    async fetch(kind, version) {
      if (!isValidArtefactName(kind, version)) return fail("invalid", `invalid artefact name ${kind}:${version}`);
      const size = await pool.query<{ size: number }>(
        "SELECT octet_length(bytes)::int AS size FROM artefacts WHERE kind = $1 AND version = $2",
        [kind, version],
      );
      const length = size.rows[0]?.size;
      if (length === undefined) return fail("not_found", `${kind}:${version} is not in the artefact store`);
      if (length > maxBytes)
        return fail("too_large", `${kind}:${version} is ${length} bytes, over the ${maxBytes}-byte limit`);
      const rows = await pool.query<{ sha256: string; bytes: Buffer; meta: string; created_at: string }>(
        "SELECT sha256, bytes, meta, created_at FROM artefacts WHERE kind = $1 AND version = $2",
        [kind, version],
      );
      const row = rows.rows[0];
      if (!row) return fail("not_found", `${kind}:${version} is not in the artefact store`);
      const actual = sha256(row.bytes);
      if (actual !== row.sha256) {
        return fail(
          "corrupt",
          `${kind}:${version}: bytes do not match the recorded SHA-256 (${actual} != ${row.sha256})`,
        );
      }
      const files = unpackBundle(row.bytes, maxBytes);
      if (!files.ok) return fail("corrupt", `${kind}:${version}: ${files.error}`);
      let meta: unknown;
      try {
        meta = JSON.parse(row.meta);
      } catch (e) {
        return fail("corrupt", `${kind}:${version}: meta is not JSON: ${(e as Error).message}`);
      }
      return ok({ kind, version, sha256: row.sha256, meta, createdAt: row.created_at, files: files.value });
    },

    listen(onAnnounce, options = {}) {
      return listenForArtefacts({
        pool,
        channel: ARTEFACT_CHANNEL,
        onAnnounce,
        readCurrent: currentAll,
        ...(deps.logger ? { logger: deps.logger } : {}),
        ...options,
      });
    },
  };
}
