// Brings a PostgreSQL database to the current schema with node-pg-migrate at start-up. Instances starting together
// wait on the tool's advisory lock, so exactly one applies each migration; the others find nothing left to do.
import { runner } from "node-pg-migrate";
import { err, ok, type Result } from "../result.js";

/** Runs every pending migration in `dir` (SQL files, applied in name order, all in one transaction). */
export async function migratePostgres(options: {
  url: string;
  dir: string;
  log?: (message: string) => void;
}): Promise<Result<{ applied: string[] }>> {
  try {
    const ran = await runner({
      databaseUrl: options.url,
      dir: options.dir,
      direction: "up",
      migrationsTable: "pgmigrations",
      checkOrder: true,
      singleTransaction: true,
      advisoryLockMode: "wait",
      verbose: false,
      log: () => undefined,
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const applied = ran.map((m) => m.name);
    for (const name of applied) options.log?.(`applied migration ${name}`);
    return ok({ applied });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return err(`database migration failed: ${message}`);
  }
}
