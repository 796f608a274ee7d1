// Shares knowledge index versions between instances through the artefact store: the instance that ingests publishes
// its version, the others fetch it into their own index root and reload, so /healthz reports one knowledgeVersion
// everywhere. Version names are ingest's (v<seq>-<fingerprint>); the cluster never moves to a lower sequence number.
import { z } from "zod";
import type { Logger } from "../../shared/logger.js";
import { createSilentLogger } from "../../shared/logger.js";
import type { ListenOptions } from "../../shared/pg/artefact-listener.js";
import type { ArtefactStore } from "../../shared/pg/artefact-store.js";
import { followArtefacts, type ArtefactFollower } from "../../shared/pg/follow-artefacts.js";
import { err, ok, type Result } from "../../shared/result.js";
import {
  acquireIngestLock,
  cleanupVersions,
  readCurrentVersion,
  readVersion,
  swapCurrentVersion,
  versionDir,
} from "../index-store.js";
import {
  embeddingsMismatch,
  hasReadableVersion,
  writeIndexVersion,
  type EmbeddingsIdentity,
} from "./install-index-version.js";

/** The artefact kind of knowledge index versions. */
export const KNOWLEDGE_INDEX_KIND = "knowledge-index";

/** What a published index version says about itself, checked before its bytes are downloaded. */
export const KnowledgeArtefactMetaSchema = z.object({
  seq: z.number().int().nonnegative().describe("ingest sequence number of the version"),
  createdAt: z.string().describe("when ingest built it (ISO time)"),
  embeddings: z.object({ id: z.string(), dim: z.number().int().positive() }).describe("provider it was built with"),
});
/** Published index metadata. */
export type KnowledgeArtefactMeta = z.infer<typeof KnowledgeArtefactMetaSchema>;

/** The part of the knowledge base the distribution drives. */
export interface ReloadableKnowledge {
  reload(): Promise<{ version: string; changed: boolean }>;
  indexVersion(): string;
}

/** What a publish or a sync did. */
export interface DistributionOutcome {
  version: string | undefined;
  changed: boolean;
  /** Why nothing changed, when that is worth a log line. */
  note?: string;
}

/** Dependencies of the installer (no knowledge base needed: it runs before one is opened at start-up). */
export interface KnowledgeInstallDeps {
  store: ArtefactStore;
  indexRoot: string;
  /**
   * The embeddings this instance serves with; versions built with others are refused before they are written
   * (default: those of the local CURRENT version, when there is one).
   */
  embeddings?: EmbeddingsIdentity;
  logger?: Logger;
  /** Versions kept on disk (the current one included), as ingest does. */
  keepVersions?: number;
}

/** The knowledge distribution of one instance. */
export interface KnowledgeDistribution {
  /** Publishes the local CURRENT version (after an ingest); a no-op when the cluster already serves it. */
  publishCurrent(): Promise<Result<DistributionOutcome>>;
  /** Brings this instance to the published version: fetch if missing, install, reload. */
  sync(): Promise<Result<DistributionOutcome>>;
  /** Follows announcements (and a slow poll) until closed; the first sync is started at once. */
  start(options?: { pollMs?: number; listen?: ListenOptions }): Promise<ArtefactFollower>;
}

/** The sequence number in an ingest version name (v000042-…); 0 for anything else. */
export function indexVersionSeq(version: string): number {
  return Number(/^v(\d+)-/.exec(version)?.[1] ?? 0);
}

const MAX_REFUSED = 16;

/**
 * Puts the published version on disk and points CURRENT at it, without reloading anything: the composition root runs
 * it before ingest and before opening the knowledge base, so a new instance starts on the cluster's version.
 */
export function createKnowledgeInstaller(deps: KnowledgeInstallDeps): {
  install(): Promise<Result<DistributionOutcome & { previous?: string }>>;
  /** Remembers a version that must not be installed again by this process (bounded). */
  markRefused(version: string): void;
} {
  const logger = deps.logger ?? createSilentLogger();
  const refused = new Set<string>();
  const markRefused = (version: string): void => {
    if (refused.size >= MAX_REFUSED) refused.clear();
    refused.add(version);
  };
  const refuse = (version: string, why: string): Result<never> => {
    markRefused(version);
    logger.warn("published knowledge index refused; keeping the local version", { version, problem: why });
    return err(why);
  };

  // Without configured embeddings, the local version's provider is the one this instance can serve.
  const servedEmbeddings = async (local: string | undefined): Promise<EmbeddingsIdentity | undefined> =>
    local === undefined
      ? undefined
      : readVersion(deps.indexRoot, local).then(
          (v) => v.manifest.embeddings,
          () => undefined,
        );

  const install = async (): Promise<Result<DistributionOutcome & { previous?: string }>> => {
    const published = await deps.store.current(KNOWLEDGE_INDEX_KIND);
    if (!published) return ok({ version: undefined, changed: false, note: "nothing published yet" });
    const version = published.version;
    const local = await readCurrentVersion(deps.indexRoot).catch(() => undefined);
    if (local === version && (await hasReadableVersion(deps.indexRoot, version))) {
      return ok({ version, changed: false, previous: local });
    }
    if (local !== undefined && indexVersionSeq(local) > indexVersionSeq(version)) {
      return ok({ version: local, changed: false, note: `local ${local} is newer than published ${version}` });
    }
    if (refused.has(version)) return err(`knowledge index ${version} was refused before`);

    let release: () => Promise<void>;
    try {
      release = await acquireIngestLock(deps.indexRoot);
    } catch (e) {
      return err(`cannot install ${version} now: ${(e as Error).message}`);
    }
    try {
      if (!(await hasReadableVersion(deps.indexRoot, version))) {
        const fetched = await deps.store.fetch(KNOWLEDGE_INDEX_KIND, version);
        if (!fetched.ok) {
          return fetched.error.code === "not_found"
            ? err(fetched.error.message)
            : refuse(version, fetched.error.message);
        }
        const meta = KnowledgeArtefactMetaSchema.safeParse(fetched.value.meta);
        if (!meta.success) return refuse(version, `its metadata is invalid: ${meta.error.message}`);
        const expected = deps.embeddings ?? (await servedEmbeddings(local));
        const mismatch = embeddingsMismatch(meta.data.embeddings, expected);
        if (mismatch) return refuse(version, mismatch);
        const written = await writeIndexVersion(deps.indexRoot, version, fetched.value.files, expected);
        if (!written.ok) return refuse(version, written.error);
      }
      await swapCurrentVersion(deps.indexRoot, version);
    } finally {
      await release();
    }
    logger.info("knowledge index installed from the artefact store", { version, previous: local });
    return ok({ version, changed: true, ...(local !== undefined ? { previous: local } : {}) });
  };
  return { install, markRefused };
}

/** Publishes and follows knowledge index versions for one instance. */
export function createKnowledgeDistribution(
  deps: KnowledgeInstallDeps & { knowledge: ReloadableKnowledge },
): KnowledgeDistribution {
  const logger = deps.logger ?? createSilentLogger();
  const { store, indexRoot, knowledge } = deps;
  const installer = createKnowledgeInstaller(deps);

  const publishCurrent = async (): Promise<Result<DistributionOutcome>> => {
    const version = await readCurrentVersion(indexRoot);
    if (version === undefined) return err(`no local knowledge index in ${indexRoot} to publish`);
    const published = await store.current(KNOWLEDGE_INDEX_KIND);
    if (published?.version === version) return ok({ version, changed: false });
    if (published && indexVersionSeq(published.version) >= indexVersionSeq(version)) {
      const note = `the cluster already serves ${published.version}, not older than ${version}`;
      logger.info("knowledge index not published", { version, published: published.version, note });
      return ok({ version: published.version, changed: false, note });
    }
    let manifest;
    try {
      manifest = (await readVersion(indexRoot, version)).manifest;
    } catch (e) {
      return err(`local knowledge index ${version} is unreadable; not publishing it: ${(e as Error).message}`);
    }
    const meta: KnowledgeArtefactMeta = {
      seq: manifest.seq,
      createdAt: manifest.createdAt,
      embeddings: manifest.embeddings,
    };
    const result = await store.publish(KNOWLEDGE_INDEX_KIND, version, versionDir(indexRoot, version), meta);
    if (!result.ok) {
      // Two instances that ingest the same documents at once name their versions alike: the first one stands.
      if (result.error.code === "conflict") return ok({ version, changed: false, note: result.error.message });
      return err(result.error.message);
    }
    logger.info("knowledge index published to the artefact store", { version, size: result.value.size });
    return ok({ version, changed: result.value.changed });
  };

  const sync = async (): Promise<Result<DistributionOutcome>> => {
    const published = await store.current(KNOWLEDGE_INDEX_KIND);
    if (published && published.version === knowledge.indexVersion()) {
      return ok({ version: published.version, changed: false });
    }
    const installed = await installer.install();
    if (!installed.ok) return installed;
    const target = installed.value.version;
    if (target === undefined || target === knowledge.indexVersion()) return ok({ ...installed.value, changed: false });
    try {
      // A reload already under way (the index watcher) may have read the old pointer: one more picks up ours.
      for (let attempt = 0; attempt < 2 && knowledge.indexVersion() !== target; attempt++) await knowledge.reload();
    } catch (e) {
      const previous = installed.value.previous;
      if (installed.value.changed) {
        if (previous !== undefined) await swapCurrentVersion(indexRoot, previous);
        installer.markRefused(target);
      }
      logger.error("knowledge index from the artefact store does not load; restored the previous pointer", {
        version: target,
        previous,
        error: e,
      });
      return err(`knowledge index ${target} does not load: ${(e as Error).message}`);
    }
    const removed = await cleanupVersions(indexRoot, target, deps.keepVersions ?? 3);
    logger.info("knowledge index synced", { version: knowledge.indexVersion(), removed });
    return ok({ version: knowledge.indexVersion(), changed: true });
  };

  return {
    publishCurrent,
    sync,
    start: (options = {}) =>
      followArtefacts({
        store,
        kinds: [KNOWLEDGE_INDEX_KIND],
        sync: async () => {
          const r = await sync();
          if (!r.ok) logger.warn("knowledge index sync did not complete", { problem: r.error });
        },
        logger,
        ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
        ...(options.listen ? { listen: options.listen } : {}),
      }),
  };
}
