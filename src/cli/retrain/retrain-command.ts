// What `npm run retrain` does for one model, apart from argument parsing and printing, so tests run the same path:
// resolve the data directory, build the model's retrainer, and run it through the gate into the registry.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createSqliteBankStore } from "../../bank/sqlite-bank-store.js";
import { loadIntentCatalogue } from "../../router/intent-catalogue.js";
import { ensureDefaultScorecard } from "../../scoring/credit/default-scorecard.js";
import { serialiseScorecard } from "../../scoring/credit/scorecard-artefact.js";
import { createModelRegistry, type ModelName } from "../../scoring/model-registry.js";
import { err, ok, type Result } from "../../shared/result.js";
import { GBT_FAMILY } from "./credit-gbt-family.js";
import { createCreditRetrainer, SCORECARD_FAMILY, type CreditFamily } from "./credit-retrainer.js";
import { createFraudRetrainer } from "./fraud-retrainer.js";
import { readReviewedUtterances } from "./read-reviewed-utterances.js";
import { createRouterRetrainer } from "./router-retrainer.js";
import { runRetrain, type Retrainer, type RetrainOutcome } from "./run-retrain.js";

/** Where the data lives and how to run. */
export interface RetrainCommandOptions {
  model: ModelName;
  /** The service's data directory: models/, bank.sqlite and chat.sqlite inside it. */
  dataDir: string;
  intentsDir: string;
  /** The bank seed the default scorecard was trained with (credit baseline). */
  seed: number;
  forceWorse: boolean;
  actor: string;
  now?: () => Date;
  onStep?: (step: string) => void;
  /** Credit model families, the first trains the challenger (default: boosted trees; both read a champion). */
  creditFamilies?: readonly CreditFamily[];
}

/** The credit challenger families by name: the first member trains, every member can read a champion. */
export const CREDIT_FAMILIES: Record<"gbt" | "scorecard", readonly CreditFamily[]> = {
  gbt: [GBT_FAMILY, SCORECARD_FAMILY],
  scorecard: [SCORECARD_FAMILY, GBT_FAMILY],
};

/** Paths inside a data directory, as the app lays them out. */
export function dataPaths(dataDir: string): { modelsDir: string; bankDb: string; chatDb: string } {
  return {
    modelsDir: join(dataDir, "models"),
    bankDb: join(dataDir, "bank.sqlite"),
    chatDb: join(dataDir, "chat.sqlite"),
  };
}

/** Retrains one model and lets the gate decide; expected problems (missing data) are error values. */
export async function retrainModel(options: RetrainCommandOptions): Promise<Result<RetrainOutcome>> {
  const paths = dataPaths(options.dataDir);
  const registry = createModelRegistry({ modelsDir: paths.modelsDir, ...(options.now ? { now: options.now } : {}) });
  const run = (retrainer: Retrainer): Result<RetrainOutcome> =>
    runRetrain(registry, options.model, retrainer, {
      actor: options.actor,
      forceWorse: options.forceWorse,
      ...(options.onStep ? { onStep: options.onStep } : {}),
    });
  switch (options.model) {
    case "router": {
      const catalogue = loadIntentCatalogue(options.intentsDir);
      if (!catalogue.ok) return catalogue;
      const reviewed = readReviewedUtterances(paths.chatDb);
      if (!reviewed.ok) return reviewed;
      return run(
        createRouterRetrainer({
          catalogue: catalogue.value,
          reviewed: reviewed.value,
          ...(options.now ? { now: options.now } : {}),
        }),
      );
    }
    case "fraud": {
      if (!existsSync(paths.bankDb)) return err(`${paths.bankDb} does not exist; run npm run seed first`);
      const modelPath = join(paths.modelsDir, "fraud-model.json");
      const store = createSqliteBankStore(paths.bankDb);
      try {
        return run(
          createFraudRetrainer({
            store,
            baseline: () =>
              existsSync(modelPath)
                ? ok(readFileSync(modelPath, "utf8"))
                : err(`${modelPath} does not exist; start the app or run npm run train:fraud first`),
            ...(options.now ? { now: options.now } : {}),
          }),
        );
      } finally {
        store.close();
      }
    }
    case "credit": {
      const current = await ensureDefaultScorecard({ modelsDir: paths.modelsDir, seed: options.seed });
      if (!current.ok) return current;
      const baselineText = serialiseScorecard(current.value.scorecard);
      return run(
        createCreditRetrainer({
          baseline: () => ok(baselineText),
          families: options.creditFamilies ?? CREDIT_FAMILIES.gbt,
          ...(options.now ? { now: options.now } : {}),
        }),
      );
    }
  }
}
