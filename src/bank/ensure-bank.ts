// Start-up bootstrap: opens the bank database (or takes an open store, e.g. PostgreSQL), seeding it (and training the
// default fraud model) when missing, and loads or trains the fraud model artefact.
import fs from "node:fs";
import type { Logger } from "../shared/logger.js";
import { quarantineFile } from "../shared/quarantine-file.js";
import {
  loadFraudModelFile,
  saveFraudModelFile,
  type FraudModelArtefact,
} from "../scoring/fraud/fraud-model-artefact.js";
import type { Customer } from "./bank-schemas.js";
import type { BankStore } from "./bank-store.js";
import { SEED_CANDIDATES, seedBank, type SeedBankResult } from "./seed-bank.js";
import { createSqliteBankStore } from "./sqlite-bank-store.js";
import { trainFraudModelFromStore } from "./train-fraud-from-store.js";

/** Runs `fn` under a lock every instance sharing the bank's database takes before seeding it (see PgBankStore). */
export type SeedLock = <T>(fn: () => T) => T;

/** Where the bank lives: a SQLite file this bootstrap opens, or a store the caller opened (and closes). */
export type BankSource =
  | {
      /** SQLite file (":memory:" for tests). */
      dbPath: string;
      store?: undefined;
      withSeedLock?: undefined;
    }
  | {
      dbPath?: undefined;
      /** An open store shared with other instances (PostgreSQL); seeded when it holds no customers. */
      store: BankStore;
      /** Taken around the re-check and the seeding, so instances starting together seed the bank once. */
      withSeedLock?: SeedLock;
    };

/** Options of the bootstrap. */
export type EnsureBankOptions = BankSource & {
  /** Where the fraud artefact lives (e.g. var/models/fraud-model.json); undefined keeps it in memory only. */
  modelPath?: string;
  seed: number;
  customers: number;
  /** YYYY-MM-DD; the seeded history ends the day before. */
  today: string;
  days?: number;
  makeCreditProfile?: (customer: Customer) => unknown;
  logger?: Logger;
  onProgress?: (stage: string, done: number, total: number) => void;
};

/** An open store with a usable fraud model. */
export interface EnsuredBank {
  store: BankStore;
  model: FraudModelArtefact;
  seeded: boolean;
  trained: boolean;
  seconds: number;
}

/** Opens or creates the bank; a corrupt fraud model artefact is moved aside and retrained, never served. */
export function ensureBank(options: EnsureBankOptions): EnsuredBank {
  const t0 = performance.now();
  const existed = options.store ? true : options.dbPath !== ":memory:" && fs.existsSync(options.dbPath);
  const store = options.store ?? createSqliteBankStore(options.dbPath);
  try {
    let model = readModel(options.modelPath, options.logger);
    let seeded = false;
    let trained = false;
    const empty = (): boolean => !existed || store.counts().customers === 0;
    const seedIfEmpty = (): SeedBankResult | undefined => {
      if (!empty()) return undefined;
      options.logger?.info("bank database missing: seeding", { customers: options.customers, seed: options.seed });
      return seedBank({
        store,
        seed: options.seed,
        customers: options.customers,
        today: options.today,
        ...(options.days ? { days: options.days } : {}),
        ...(model ? { model } : {}),
        ...(options.makeCreditProfile ? { makeCreditProfile: options.makeCreditProfile } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
    };
    // Checked before the lock, so a seeded bank never waits on it, and again under it: another instance may have
    // seeded the bank while this one waited.
    const result = empty() ? (options.withSeedLock ? options.withSeedLock(seedIfEmpty) : seedIfEmpty()) : undefined;
    if (result) {
      trained = !model;
      model = result.model;
      seeded = true;
    } else if (!model) {
      options.logger?.info("fraud model missing: training on the bank's history");
      model = trainFraudModelFromStore(store, { candidates: SEED_CANDIDATES }).artefact;
      trained = true;
    }
    if (trained && options.modelPath) saveFraudModelFile(options.modelPath, model);
    const seconds = (performance.now() - t0) / 1000;
    options.logger?.info("bank ready", {
      ...store.counts(),
      seeded,
      trained,
      seconds: Math.round(seconds * 10) / 10,
      modelVersion: model.modelVersion,
    });
    return { store, model, seeded, trained, seconds };
  } catch (e) {
    if (!options.store) store.close();
    throw e;
  }
}

// A corrupt artefact (truncated, garbage, wrong schema) is never served: it is moved aside and the model is retrained
// on the bank's history, so a damaged file cannot stop the service from starting (or a worker from restarting).
function readModel(file: string | undefined, logger: Logger | undefined): FraudModelArtefact | undefined {
  if (!file || !fs.existsSync(file)) return undefined;
  const r = loadFraudModelFile(file);
  if (r.ok) return r.value;
  const movedTo = quarantineFile(file);
  logger?.warn("fraud model artefact is corrupt: moved aside, retraining on the bank's history", {
    path: file,
    problem: r.error,
    movedTo,
  });
  return undefined;
}
