// Request budgets shared by every worker process: rate-limiter-flexible behind a small port, counting in one SQLite
// file that all workers open, in Redis when instances run on several machines (or in memory for a single process
// and tests). Keys are verified identities, else the
// caller's network. Nothing is ever wiped wholesale: windows expire, and a key cap evicts the soonest-expiring keys.
import type { Request, RequestHandler } from "express";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { identityKey } from "../auth/identity.js";
import { AppError } from "../shared/errors.js";
import type { Logger } from "../shared/logger.js";
import { openSqliteDatabase, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";
import { identityOf } from "./auth-middleware.js";
import { networkKeyOf } from "./client-network.js";
import { createRedisRateEngine } from "./rate-limit-redis.js";

/** The separately budgeted groups of endpoints. */
export const RATE_BUDGETS = ["chat", "search", "events", "staff", "admin"] as const;
/** One budget group. */
export type RateBudget = (typeof RATE_BUDGETS)[number];

/** The outcome of spending one request from a budget. */
export type RateLimitDecision =
  | { allowed: true; limit: number; remaining: number; resetMs: number }
  | { allowed: false; limit: number; retryAfterMs: number };

/** A budget of `limit` requests per key per window. */
export interface RateLimiterPort {
  readonly limit: number;
  consume(key: string): Promise<RateLimitDecision>;
}

/**
 * Where counts live: this process's memory, a SQLite file every worker process on the machine opens, or Redis shared
 * by every instance (keys under `prefix`).
 */
export type RateLimitStore =
  { kind: "memory" } | { kind: "sqlite"; file: string } | { kind: "redis"; redis: Redis; prefix: string };

/** The budgets of the service and the middleware that spends them. */
export interface RateLimits {
  limiter(budget: RateBudget): RateLimiterPort;
  /** Middleware spending one request of `budget` per call, keyed by `keyOf` (default: identity, else network). */
  middleware(budget: RateBudget, keyOf?: (req: Request) => string): RequestHandler;
  close(): void;
}

/** Options of {@link createRateLimits}. */
export interface RateLimitOptions {
  store: RateLimitStore;
  perMinute: Record<RateBudget, number>;
  /** Most keys held per budget; beyond it the keys whose windows end soonest are dropped first. */
  maxKeys: number;
  logger?: Logger;
  windowSeconds?: number;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "rate limit counters",
    sql: `
      CREATE TABLE rate_limits (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER);
      CREATE INDEX rate_limits_expire ON rate_limits(expire);
    `,
  },
];
const TABLE = "rate_limits";
const PRUNE_EVERY_MS = 60_000;
// A write waits at most this long for another worker's lock before the per-process fallback counts instead.
const SQLITE_BUSY_MS = 200;

/** The default key: the verified customer or staff id, else the caller's IPv4 address or IPv6 /64. */
export function rateKeyOf(req: Request): string {
  const id = identityOf(req);
  return id.kind === "anonymous" ? networkKeyOf(req.ip ?? req.socket.remoteAddress) : identityKey(id);
}

/**
 * An in-memory limiter holding at most `maxKeys` keys: the library expires each key with its window, and this keeps
 * an insertion-ordered index of them so that, past the cap, the oldest windows are dropped instead of growing.
 */
class CappedMemoryLimiter extends RateLimiterMemory {
  private readonly expiries = new Map<string, number>();

  constructor(
    options: { points: number; duration: number; keyPrefix: string },
    private readonly maxKeys: number,
    private readonly onUse?: () => void,
  ) {
    super(options);
  }

  override async consume(
    key: string | number,
    points?: number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes> {
    this.onUse?.();
    try {
      const res = await super.consume(key, points, options);
      this.track(String(key), res);
      return res;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) this.track(String(key), rejection);
      throw rejection;
    }
  }

  private track(key: string, res: RateLimiterRes): void {
    const now = Date.now();
    if (res.isFirstInDuration || !this.expiries.has(key)) {
      this.expiries.delete(key);
      this.expiries.set(key, now + Math.max(0, res.msBeforeNext));
    }
    for (const [oldest, expiresAt] of this.expiries) {
      if (this.expiries.size <= this.maxKeys && expiresAt > now) break;
      this.expiries.delete(oldest);
      if (expiresAt > now) void this.delete(oldest);
    }
  }
}

type Statement = ReturnType<SqliteDatabase["prepare"]>;

/**
 * The database as the SQLite limiter sees it, with each statement prepared once: the library prepares its upsert
 * on every request, and compiling that SQL cost more than running it. Everything else passes through unchanged.
 */
export function withPreparedStatements(db: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (!bound.has(property)) bound.set(property, value.bind(target));
      return bound.get(property);
    },
  });
}

function openCounterDatabase(file: string): SqliteDatabase {
  const db = openSqliteDatabase(file, { namespace: "rate-limits", migrations: MIGRATIONS });
  db.pragma(`busy_timeout = ${SQLITE_BUSY_MS}`);
  return db;
}

/** Drops finished windows, then (past the cap) the keys whose windows end soonest. */
function pruneCounters(db: SqliteDatabase, maxKeys: number, now = Date.now()): void {
  db.prepare(`DELETE FROM ${TABLE} WHERE expire IS NOT NULL AND expire <= ?`).run(now);
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM ${TABLE}`).get() as { n: number };
  if (n > maxKeys)
    db.prepare(`DELETE FROM ${TABLE} WHERE key IN (SELECT key FROM ${TABLE} ORDER BY expire LIMIT ?)`).run(n - maxKeys);
}

function toDecision(limit: number, res: RateLimiterRes, allowed: boolean): RateLimitDecision {
  const ms = Math.max(0, res.msBeforeNext);
  return allowed
    ? { allowed: true, limit, remaining: res.remainingPoints, resetMs: ms }
    : { allowed: false, limit, retryAfterMs: Math.max(1000, ms) };
}

/**
 * Creates every budget over one store; the SQLite store makes the workers of one machine share a count, the Redis
 * store the instances of a deployment. Both fall back to counting per process while their store is unavailable.
 */
export function createRateLimits(options: RateLimitOptions): RateLimits {
  const duration = options.windowSeconds ?? 60;
  const db = options.store.kind === "sqlite" ? openCounterDatabase(options.store.file) : undefined;
  const storeClient = db ? withPreparedStatements(db) : undefined;
  const prune = db
    ? setInterval(() => safely(() => pruneCounters(db, options.maxKeys * RATE_BUDGETS.length)), PRUNE_EVERY_MS)
    : undefined;
  prune?.unref();
  let lastFallbackLog = 0;
  const noteFallback = (): void => {
    if (Date.now() - lastFallbackLog < 60_000) return;
    lastFallbackLog = Date.now();
    options.logger?.warn("rate-limit store unavailable; counting in this process until it recovers");
  };
  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      options.logger?.warn("rate-limit prune failed", {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const build = (budget: RateBudget): RateLimiterPort => {
    const points = options.perMinute[budget];
    const shape = { points, duration, keyPrefix: budget };
    const store = options.store;
    const engine: RateLimiterAbstract = storeClient
      ? new RateLimiterSQLite({
          ...shape,
          storeClient,
          storeType: "better-sqlite3",
          tableName: TABLE,
          tableCreated: true,
          // If the file is locked or read-only, each worker counts on its own rather than failing requests.
          insuranceLimiter: new CappedMemoryLimiter(shape, options.maxKeys, noteFallback),
        })
      : store.kind === "redis"
        ? createRedisRateEngine({
            redis: store.redis,
            prefix: store.prefix,
            points,
            duration,
            budget,
            insurance: new CappedMemoryLimiter(shape, options.maxKeys, noteFallback),
          })
        : new CappedMemoryLimiter(shape, options.maxKeys);
    return {
      limit: points,
      async consume(key) {
        try {
          return toDecision(points, await engine.consume(key), true);
        } catch (rejection) {
          if (rejection instanceof RateLimiterRes) return toDecision(points, rejection, false);
          throw rejection;
        }
      },
    };
  };
  const limiters = Object.fromEntries(RATE_BUDGETS.map((b) => [b, build(b)])) as Record<RateBudget, RateLimiterPort>;

  return {
    limiter: (budget) => limiters[budget],
    middleware(budget, keyOf = rateKeyOf) {
      const limiter = limiters[budget];
      return async (req, res, next) => {
        let decision: RateLimitDecision;
        try {
          decision = await limiter.consume(keyOf(req));
        } catch (error) {
          // Both the shared store and the in-process fallback failed: serve rather than turn a fault into an outage.
          options.logger?.error("rate limiter failed", {
            budget,
            error: error instanceof Error ? error.message : String(error),
          });
          next();
          return;
        }
        res.setHeader("RateLimit-Limit", String(decision.limit));
        if (!decision.allowed) {
          const seconds = Math.ceil(decision.retryAfterMs / 1000);
          res.setHeader("RateLimit-Remaining", "0");
          res.setHeader("RateLimit-Reset", String(seconds));
          res.setHeader("Retry-After", String(seconds));
          next(new AppError("rate_limited", "Too many requests. Please wait a moment and try again."));
          return;
        }
        res.setHeader("RateLimit-Remaining", String(decision.remaining));
        res.setHeader("RateLimit-Reset", String(Math.ceil(decision.resetMs / 1000)));
        next();
      };
    },
    close() {
      // A Redis client belongs to the caller, which shares it with other adapters and closes it itself.
      if (prune) clearInterval(prune);
      db?.close();
    },
  };
}

/** Exposed for tests and operators: prunes a counter file now. */
export function pruneRateLimitFile(file: string, maxKeys: number, now?: number): void {
  const db = openCounterDatabase(file);
  try {
    pruneCounters(db, maxKeys, now);
  } finally {
    db.close();
  }
}
