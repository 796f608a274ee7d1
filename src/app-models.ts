// Composition root, models: the intent router, the credit scorer and the fraud assessor as served, each behind a
// swappable reference, so a champion promoted on any instance (announced through PostgreSQL) is loaded by version and
// swapped in between requests; a request already running keeps the model it started with.
import type { FraudView } from "./agent/agent-ports.js";
import type { BankStore } from "./bank/bank-store.js";
import { createFraudAssessor } from "./bank/fraud-assessor.js";
import type { Config } from "./config/load-config.js";
import { createIntentRouter, type IntentRouter } from "./router/intent-router.js";
import { parseRouterArtefact } from "./router/router-artefact.js";
import type { RouterModel } from "./router/index.js";
import { createCreditScorer, type CreditScorer } from "./scoring/credit/credit-scorer.js";
import { createGbtCreditScorer } from "./scoring/credit/gbt/create-gbt-scorer.js";
import { parseCreditGbt, type CreditGbtModel } from "./scoring/credit/gbt/credit-gbt-artefact.js";
import { parseScorecard, type Scorecard } from "./scoring/credit/scorecard-artefact.js";
import type { FraudModelArtefact } from "./scoring/fraud/fraud-model-artefact.js";
import { parseFraudModel } from "./scoring/fraud/fraud-model-artefact.js";
import { loadChampion, type ModelName, type ModelRegistry } from "./scoring/model-registry.js";
import type { Clock } from "./shared/clock.js";
import type { Logger } from "./shared/logger.js";
import { err, ok, type Result } from "./shared/result.js";
import { createSwappable } from "./shared/swappable.js";

/** Reads a credit champion artefact: a native scorecard or a boosted-trees model. */
function parseCreditChampion(
  text: string,
): Result<{ kind: "scorecard"; scorecard: Scorecard } | { kind: "gbt"; model: CreditGbtModel }> {
  const card = parseScorecard(text, { dataset: "native" });
  if (card.ok) return ok({ kind: "scorecard", scorecard: card.value });
  const gbt = parseCreditGbt(text);
  return gbt.ok
    ? ok({ kind: "gbt", model: gbt.value })
    : err(`neither a scorecard (${card.error}) nor a boosted-trees model (${gbt.error})`);
}

/** The models being served, and how to load a newly promoted champion. */
export interface ServedModels {
  router: IntentRouter;
  scorer: CreditScorer;
  assess(transactionId: string): FraudView | undefined;
  /** The fraud model being served. */
  fraudModel(): FraudModelArtefact;
  /** The served version of each model (`default:<hash>` when no champion was promoted). */
  versions(): Record<ModelName, string>;
  /** Re-reads a model's champion from the registry and swaps it in; false when it cannot be served (kept as is). */
  reload(model: ModelName): boolean;
}

/** Builds the served models from today's defaults and whatever champions the registry holds. */
export function createServedModels(deps: {
  config: Config;
  registry: ModelRegistry;
  routerModel: RouterModel;
  scorecard: Scorecard;
  bank: { store: BankStore; model: FraudModelArtefact };
  clock: Clock;
  logger: Logger;
}): ServedModels {
  const { config, registry, logger } = deps;
  const warn = (m: string, f: Record<string, unknown>): void => logger.warn(m, f);
  const routerDefault = `default:${deps.routerModel.dataHash.slice(0, 12)}`;
  const creditThresholds = {
    ...(config.credit.approveMinPoints !== undefined ? { approveMinPoints: config.credit.approveMinPoints } : {}),
    ...(config.credit.declineMaxPoints !== undefined ? { declineMaxPoints: config.credit.declineMaxPoints } : {}),
  };
  const fraudThresholds = {
    ...(config.fraud.reviewThreshold !== undefined ? { review: config.fraud.reviewThreshold } : {}),
    ...(config.fraud.blockThreshold !== undefined ? { block: config.fraud.blockThreshold } : {}),
  };

  const loadRouter = (): { version: string; value: IntentRouter } | undefined => {
    // A champion trained on another intent catalogue would answer with intents this build does not have.
    const champion = loadChampion(registry, "router", parseRouterArtefact, {
      accept: (m) => (m.dataHash === deps.routerModel.dataHash ? undefined : "trained on an older intent catalogue"),
      onWarning: warn,
    });
    return (
      champion && { version: champion.version, value: createIntentRouter({ model: champion.value, clock: deps.clock }) }
    );
  };
  const loadCredit = (): { version: string; value: CreditScorer } | undefined => {
    const champion = loadChampion(registry, "credit", parseCreditChampion, { onWarning: warn });
    if (!champion) return undefined;
    const value =
      champion.value.kind === "gbt"
        ? createGbtCreditScorer({
            model: champion.value.model,
            version: champion.version,
            thresholds: creditThresholds,
          })
        : createCreditScorer({ scorecard: champion.value.scorecard, thresholds: creditThresholds });
    return { version: champion.version, value };
  };
  const fraudOf = (model: FraudModelArtefact) => ({
    model,
    assessor: createFraudAssessor({ store: deps.bank.store, model, thresholds: fraudThresholds }),
  });
  const loadFraud = (): { version: string; value: ReturnType<typeof fraudOf> } | undefined => {
    const champion = loadChampion(registry, "fraud", parseFraudModel, { onWarning: warn });
    return champion && { version: champion.version, value: fraudOf(champion.value) };
  };

  const routerChampion = loadRouter();
  const router = createSwappable(
    routerChampion?.value ?? createIntentRouter({ model: deps.routerModel, clock: deps.clock }),
    routerChampion?.version ?? routerDefault,
  );
  const defaultScorer = createCreditScorer({ scorecard: deps.scorecard, thresholds: creditThresholds });
  const creditChampion = loadCredit();
  const credit = createSwappable(
    creditChampion?.value ?? defaultScorer,
    creditChampion?.version ?? `default:${defaultScorer.scorecardVersion}`,
  );
  const fraudChampion = loadFraud();
  const fraud = createSwappable(
    fraudChampion?.value ?? fraudOf(deps.bank.model),
    fraudChampion?.version ?? `default:${deps.bank.model.modelVersion}`,
  );

  return {
    router: { route: (text, locale) => router.get().route(text, locale) },
    scorer: {
      score: (applicant) => credit.get().score(applicant),
      get scorecardVersion() {
        return credit.get().scorecardVersion;
      },
      get thresholds() {
        return credit.get().thresholds;
      },
    },
    assess(transactionId) {
      const r = fraud.get().assessor.assessTransaction(transactionId);
      return r.ok
        ? {
            probability: r.value.probability,
            level: r.value.level,
            reasons: r.value.reasons.map((x) => ({ code: x.code, text: x.text })),
            modelVersion: r.value.modelVersion,
          }
        : undefined;
    },
    fraudModel: () => fraud.get().model,
    versions: () => ({ router: router.version, fraud: fraud.version, credit: credit.version }),
    reload(model) {
      const loaded = model === "router" ? loadRouter() : model === "credit" ? loadCredit() : loadFraud();
      if (!loaded) return false;
      if (model === "router") router.set(loaded.value as IntentRouter, loaded.version);
      else if (model === "credit") credit.set(loaded.value as CreditScorer, loaded.version);
      else fraud.set(loaded.value as ReturnType<typeof fraudOf>, loaded.version);
      logger.info("model champion swapped in", { model, version: loaded.version });
      return true;
    },
  };
}
