// A synchronous PostgreSQL connection for the store ports, which are synchronous (they were shaped by better-sqlite3).
// A worker thread owns one `pg` client; the calling thread posts a statement and waits on an Atomics cell until the
// worker answers. The event loop blocks for the round trip exactly as it already does for a SQLite write, so every
// store keeps its port and callers do not change. One connection per process serialises that process's statements,
// which also makes `transaction` safe: nothing else can run on the connection between BEGIN and COMMIT.
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/** How long a statement may take before the caller gives up and treats the database as unavailable. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** A PostgreSQL failure carried back from the worker: SQLSTATE `code` when the server sent one. */
export class PgError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "PgError";
  }
}

/** The synchronous SQL port the PostgreSQL store adapters run over. Parameters are `$1`, `$2`, … */
export interface SyncPg {
  /** Rows of a query. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): T[];
  /** Runs a statement; returns how many rows it touched and any rows it returned (RETURNING). */
  run<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): { rowCount: number; rows: T[] };
  /** Runs `fn` inside BEGIN … COMMIT (ROLLBACK when it throws). A nested call joins the outer transaction. */
  transaction<T>(fn: () => T): T;
  /** Statements sent since the connection opened (for benchmarks and tests). */
  readonly statements: number;
  /** Milliseconds the calling thread spent waiting for answers since the connection opened. */
  readonly waitedMs: number;
  close(): Promise<void>;
}

// Plain JavaScript, so the worker runs the same under tsx, vitest and the compiled build.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const pg = require(workerData.pgPath);
// int8 (counts, serial ids) as numbers: every id and count here is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
const signal = new Int32Array(workerData.signal);
const port = workerData.port;
let client;
async function connected() {
  if (client) return client;
  const c = new pg.Client({ connectionString: workerData.url, application_name: workerData.name });
  c.on("error", () => { if (client === c) client = undefined; });
  await c.connect();
  client = c;
  return c;
}
port.on("message", async (m) => {
  let reply;
  try {
    if (m.op === "close") {
      if (client) await client.end().catch(() => {});
      client = undefined;
      reply = { ok: true };
    } else {
      const c = await connected();
      const r = await c.query(m.sql, m.params);
      reply = { ok: true, rows: r.rows || [], rowCount: r.rowCount || 0 };
    }
  } catch (e) {
    if (client && !client._connected) client = undefined;
    reply = { ok: false, message: String(e && e.message || e), code: e && e.code };
  }
  reply.id = m.id;
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

interface Reply {
  ok: boolean;
  rows?: unknown[];
  rowCount?: number;
  message?: string;
  code?: string;
}

/** Opens the bridge to `url`. The connection itself is made lazily, by the first statement. */
export function openSyncPg(url: string, options: { name?: string; timeoutMs?: number } = {}): SyncPg {
  const require = createRequire(import.meta.url);
  const signalBuffer = new SharedArrayBuffer(4);
  const signal = new Int32Array(signalBuffer);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      url,
      name: options.name ?? "harbor-bank",
      pgPath: require.resolve("pg"),
      signal: signalBuffer,
      port: port2,
    },
    transferList: [port2],
  });
  // The worker must not keep a finished process alive.
  worker.unref();
  const timeoutMs = options.timeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  let depth = 0;
  let statements = 0;
  let closed = false;

  let nextId = 0;
  let waitedMs = 0;
  // Replies carry the id of their request: one that arrives after its caller timed out is recognised and dropped,
  // so a slow statement can never hand its rows to the next caller.
  const call = (message: Record<string, unknown>): Reply => {
    if (closed) throw new PgError("the database connection is closed", "57P01");
    const id = ++nextId;
    Atomics.store(signal, 0, 0);
    const started = performance.now();
    port1.postMessage({ ...message, id });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (received) {
        const reply = received.message as Reply & { id: number };
        if (reply.id !== id) continue;
        waitedMs += performance.now() - started;
        return reply;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new PgError(`no answer from PostgreSQL in ${timeoutMs} ms`, "57014");
      Atomics.wait(signal, 0, 0, left);
      Atomics.store(signal, 0, 0);
    }
  };
  const exec = <T>(sql: string, params: readonly unknown[] = []): { rowCount: number; rows: T[] } => {
    statements++;
    const reply = call({ op: "query", sql, params });
    if (!reply.ok) throw new PgError(reply.message ?? "query failed", reply.code);
    return { rowCount: reply.rowCount ?? 0, rows: (reply.rows ?? []) as T[] };
  };

  return {
    query: <T>(sql: string, params?: readonly unknown[]) => exec<T>(sql, params).rows,
    run: <T>(sql: string, params?: readonly unknown[]) => exec<T>(sql, params),
    transaction<T>(fn: () => T): T {
      if (depth > 0) return fn();
      exec("BEGIN");
      depth++;
      try {
        const result = fn();
        exec("COMMIT");
        return result;
      } catch (e) {
        try {
          exec("ROLLBACK");
        } catch {
          // The connection is gone; the server rolls the transaction back itself.
        }
        throw e;
      } finally {
        depth--;
      }
    },
    get statements() {
      return statements;
    },
    get waitedMs() {
      return waitedMs;
    },
    async close() {
      if (closed) return;
      try {
        call({ op: "close" });
      } catch {
        // Closing a broken connection needs nothing more.
      }
      closed = true;
      port1.close();
      await worker.terminate();
    },
  };
}
