// Keeps one instance on the published versions of some artefact kinds: a sync at start, a sync on every matching
// announcement, and a slow poll as a backstop. Syncs never overlap: announcements arriving while one runs are
// folded into a single re-run, so a burst of publishes costs at most two syncs.
import type { Logger } from "../logger.js";
import { createSilentLogger } from "../logger.js";
import type { ListenOptions } from "./artefact-listener.js";
import type { ArtefactStore } from "./artefact-store.js";

/** A running follower. */
export interface ArtefactFollower {
  /** Resolves when no sync is running or queued (tests wait on it). */
  idle(): Promise<void>;
  /** Asks for a sync (coalesced with one already queued). */
  request(): Promise<void>;
  /** Stops listening and polling; a running sync finishes. */
  close(): Promise<void>;
}

/** Runs `sync` at start, on each announcement of one of `kinds`, and every `pollMs`. */
export async function followArtefacts(options: {
  store: ArtefactStore;
  kinds: readonly string[];
  sync: () => Promise<unknown>;
  logger?: Logger;
  /** Backstop poll (0: none); the default is one minute. */
  pollMs?: number;
  listen?: ListenOptions;
}): Promise<ArtefactFollower> {
  const logger = options.logger ?? createSilentLogger();
  const kinds = new Set(options.kinds);
  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;

  const request = (): Promise<void> => {
    if (closed) return running ?? Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await options.sync();
        } catch (e) {
          logger.error("artefact sync failed; will retry on the next announcement or poll", {
            kinds: [...kinds],
            error: e,
          });
        }
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const listener = await options.store.listen((a) => {
    if (kinds.has(a.kind)) void request();
  }, options.listen);
  // The listener announces the current versions once connected; a sync now also covers a database that is down.
  void request();
  const pollMs = options.pollMs ?? 60_000;
  const poll = pollMs > 0 ? setInterval(() => void request(), pollMs) : undefined;
  poll?.unref();

  return {
    idle: async () => {
      while (running) await running;
    },
    request,
    close: async () => {
      closed = true;
      if (poll) clearInterval(poll);
      await listener.close();
      await running;
    },
  };
}
