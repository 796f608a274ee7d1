// Test support for the PostgreSQL and Redis adapters: each test file gets its own fresh database (migrated) and its
// own Redis key prefix, so files run in parallel without seeing each other. Without TEST_DATABASE_URL or
// TEST_REDIS_URL the suites that need them are skipped with a message saying how to start the services.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { migratePostgres } from "./migrate-postgres.js";

/** The server tests may create databases on (bash scripts/start-services.sh prints it). */
export const TEST_DATABASE_URL = process.env["TEST_DATABASE_URL"] || undefined;
/** The Redis tests may use (bash scripts/start-services.sh prints it). */
export const TEST_REDIS_URL = process.env["TEST_REDIS_URL"] || undefined;

/** The repository's migrations folder. */
export const MIGRATIONS_DIR = path.resolve("db/migrations");

let warned = false;
/** Says once per file why PostgreSQL or Redis suites did not run. */
export function warnSkipped(what: "PostgreSQL" | "Redis" | "PostgreSQL and Redis"): void {
  if (warned) return;
  warned = true;
  console.warn(
    `${what} tests skipped: set TEST_DATABASE_URL / TEST_REDIS_URL (eval "$(bash scripts/start-services.sh)")`,
  );
}

/** A fresh, migrated database of its own; `drop` removes it. */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `harbor_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  if (options.migrate ?? true) {
    const migrated = await migratePostgres({ url: url.toString(), dir: MIGRATIONS_DIR });
    if (!migrated.ok) throw new Error(migrated.error);
  }
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        // Connections the test closed may still be going away; forcing them out early makes the client see an error.
        for (let i = 0; i < 50; i++) {
          const r = await c.query("SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
          if ((r.rows[0] as { n: number }).n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A Redis key prefix no other test file uses. */
export function testRedisPrefix(): string {
  return `t${randomBytes(5).toString("hex")}:`;
}
