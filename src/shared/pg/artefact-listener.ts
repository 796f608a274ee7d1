// Hears artefact announcements on one dedicated pool connection held in LISTEN. A NOTIFY sent while that connection
// is down is lost, so the listener reconnects with backoff and, after every (re)connect, re-reads artefact_current and
// announces each kind's current version: consumers treat announcements as "check this kind", so repeats are harmless.
import type { Notification, Pool, PoolClient } from "pg";
import type { Logger } from "../logger.js";
import { createSilentLogger } from "../logger.js";

/** A kind and version heard on the channel or read after a reconnect. */
export interface Announcement {
  kind: string;
  version: string;
}

/** Tuning of the listener (tests shorten the delays). */
export interface ListenOptions {
  /** First reconnect delay; doubles per failed attempt up to `maxRetryMs`. */
  minRetryMs?: number;
  maxRetryMs?: number;
  /** How often the connection is probed, so a silently dead socket is noticed (0: never). */
  heartbeatMs?: number;
}

/** A running listener. */
export interface ArtefactListener {
  /** Resolves once LISTEN is first in place (it keeps retrying until then), or on close. */
  ready: Promise<void>;
  /** Whether the dedicated connection is currently listening. */
  connected(): boolean;
  /** How many times LISTEN was (re-)established. */
  connections(): number;
  /** Stops listening and destroys the dedicated connection. */
  close(): Promise<void>;
}

const PAYLOAD = /^([a-z][a-z0-9-]{0,63}):([A-Za-z0-9][A-Za-z0-9._-]{0,127})$/;

/** Parses a `<kind>:<version>` payload; undefined for anything else. */
export function parseAnnouncement(payload: string | undefined): Announcement | undefined {
  const m = PAYLOAD.exec(payload ?? "");
  return m?.[1] && m[2] ? { kind: m[1], version: m[2] } : undefined;
}

/** Listens on `channel` over a connection taken from `pool` (and given back destroyed on close or failure). */
export async function listenForArtefacts(
  options: {
    pool: Pool;
    channel: string;
    onAnnounce: (a: Announcement) => void;
    readCurrent: () => Promise<Announcement[]>;
    logger?: Logger;
  } & ListenOptions,
): Promise<ArtefactListener> {
  const logger = options.logger ?? createSilentLogger();
  const minRetry = options.minRetryMs ?? 200;
  const maxRetry = options.maxRetryMs ?? 10_000;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`invalid channel name ${options.channel}`);
  let client: PoolClient | undefined;
  let closed = false;
  let failures = 0;
  let connections = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let closeCurrent: () => void = () => undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const deliver = (a: Announcement): void => {
    try {
      options.onAnnounce(a);
    } catch (e) {
      logger.error("artefact announcement handler failed", { kind: a.kind, version: a.version, error: e });
    }
  };

  const scheduleReconnect = (): void => {
    if (closed || retryTimer) return;
    const delay = Math.min(maxRetry, minRetry * 2 ** Math.min(failures, 16));
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    retryTimer.unref();
  };

  // Gives a connection back destroyed (it may still be LISTENing) and, unless closing, tries again.
  const drop = (c: PoolClient, detach: () => void, reason: unknown): void => {
    if (client === c) client = undefined;
    detach();
    // Errors after the drop (the socket closing) must not reach an unhandled 'error' event.
    c.on("error", () => undefined);
    try {
      c.release(true);
    } catch {
      // already released
    }
    if (!closed) {
      logger.warn("artefact listener connection lost; reconnecting", { error: reason });
      scheduleReconnect();
    }
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let c: PoolClient;
    try {
      c = await options.pool.connect();
    } catch (e) {
      logger.warn("artefact listener cannot connect; retrying", { error: e });
      scheduleReconnect();
      return;
    }
    if (closed) {
      c.release(true);
      return;
    }
    let dropped = false;
    const onNotification = (n: Notification): void => {
      if (n.channel !== options.channel) return;
      const a = parseAnnouncement(n.payload);
      if (a) deliver(a);
      else logger.warn("ignoring malformed artefact announcement", { payload: n.payload });
    };
    const onEnd = (): void => lose(new Error("connection ended"));
    const detach = (): void => {
      c.removeListener("error", lose);
      c.removeListener("end", onEnd);
      c.removeListener("notification", onNotification);
    };
    const lose = (reason: unknown): void => {
      if (dropped) return;
      dropped = true;
      drop(c, detach, reason);
    };
    closeCurrent = () => lose("closed");
    c.on("error", lose);
    c.on("end", onEnd);
    c.on("notification", onNotification);
    try {
      await c.query(`LISTEN ${options.channel}`);
    } catch (e) {
      lose(e);
      return;
    }
    if (closed || dropped) {
      lose(new Error("closed"));
      return;
    }
    client = c;
    failures = 0;
    connections++;
    markReady();
    // Whatever was announced while no connection listened is caught up here.
    try {
      for (const a of await options.readCurrent()) deliver(a);
    } catch (e) {
      logger.warn("artefact listener could not re-read current versions", { error: e });
    }
  };

  const heartbeat =
    heartbeatMs > 0
      ? setInterval(() => {
          const c = client;
          if (!c) return;
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error("heartbeat timed out")), Math.max(1000, heartbeatMs / 2));
          });
          Promise.race([c.query("SELECT 1"), timeout]).then(
            () => clearTimeout(timer),
            (e: unknown) => {
              clearTimeout(timer);
              if (client === c) c.emit("error", e instanceof Error ? e : new Error(String(e)));
            },
          );
        }, heartbeatMs)
      : undefined;
  heartbeat?.unref();

  await connect();
  return {
    ready,
    connected: () => client !== undefined,
    connections: () => connections,
    close: async () => {
      closed = true;
      markReady();
      if (retryTimer) clearTimeout(retryTimer);
      if (heartbeat) clearInterval(heartbeat);
      client = undefined;
      closeCurrent();
    },
  };
}
