// Composition root: builds every adapter (embeddings, HNSW knowledge base, SQLite stores, models, chat model) and
// wires them into the chat service and the HTTP app. No logic lives here.
import fs from "node:fs";
import path from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { BoundedChatOpenAI } from "./agent/adapters/bounded-chat-model.js";
import type { Express } from "express";
import { toCreditPort } from "./agent/adapters/credit-adapter.js";
import { toKnowledgePort, toKnowledgeRoutesPort } from "./agent/adapters/knowledge-adapter.js";
import { toRouterPort } from "./agent/adapters/router-adapter.js";
import { createBankAgent, describeConfirmation } from "./agent/bank-agent.js";
import { templateTexts } from "./agent/responder/reply-templates.js";
import { BANK_PUBLIC_NUMBERS, BANK_PUBLISHED_CONTACTS } from "./agent/bank-public-numbers.js";
import { createChatService, type ChatService } from "./agent/chat-service.js";
import { createAgentAssist } from "./agent/assist/agent-assist.js";
import { createChatModelSummariser } from "./agent/assist/chat-model-summariser.js";
import { loadAssistPrompts } from "./agent/assist/load-assist-prompts.js";
import type { ConversationStore } from "./conversations/conversation-store.js";
import { createDataLifecycle, type DataLifecycle } from "./agent/retention/data-lifecycle.js";
import { redactPii } from "./shared/pii-vault.js";
import { createVaultCipher } from "./shared/vault-cipher.js";
import { createHandoffService } from "./conversations/handoff-service.js";
import { loadPromptTemplates, promptTexts, renderPrompt, type PromptRoute } from "./agent/prompts/load-prompts.js";
import { LOCAL_MODEL, LOCAL_PROVIDER, LocalResponderChatModel } from "./agent/responder/local-chat-model.js";
import { loadIdentity } from "./auth/load-identity.js";
import type { TokenService } from "./auth/tokens.js";
import type { AgentPorts } from "./agent/agent-ports.js";
import { toBankPort, toStaffDataPort } from "./agent/adapters/bank-adapter.js";
import { toStaffToolsPort } from "./agent/adapters/staff-tools-adapter.js";
import { toStaffAuditSink } from "./agent/adapters/staff-audit-adapter.js";
import { createInsightService } from "./agent/insights/insight-service.js";
import { loadIntentCatalogue } from "./router/index.js";
import { ensureBank } from "./bank/ensure-bank.js";
import { generateApplicantProfile } from "./scoring/credit/synthetic-book.js";
import { createRng, seedFromString } from "./shared/random.js";
import type { Config } from "./config/load-config.js";
import type { Embeddings } from "./knowledge/embeddings-port.js";
import { ingestKnowledge } from "./knowledge/ingest-knowledge.js";
import { createKnowledgeBase } from "./knowledge/knowledge-base.js";
import { createLocalEmbeddings } from "./knowledge/local-embeddings.js";
import { createOpenAIEmbeddings } from "./knowledge/openai-embeddings.js";
import { watchKnowledgeDir } from "./knowledge/watch-knowledge-dir.js";
import { watchKnowledgeIndex } from "./knowledge/watch-index.js";
import { ensureRouterModel } from "./router/ensure-router-model.js";
import { createStaffRouter, loadStaffIntentCatalogue } from "./router/index.js";
import { isToolName } from "./agent/tools/tool-names.js";
import { ok } from "./shared/result.js";
import { ensureDefaultScorecard } from "./scoring/credit/default-scorecard.js";
import { createModelRegistry, type ModelName } from "./scoring/model-registry.js";
import { createModelDistribution } from "./scoring/model-distribution.js";
import {
  createKnowledgeDistribution,
  createKnowledgeInstaller,
} from "./knowledge/distribution/knowledge-distribution.js";
import { createArtefactStore } from "./shared/pg/artefact-store.js";
import type { ArtefactFollower } from "./shared/pg/follow-artefacts.js";
import { withSessionLock } from "./agent/locked-chat-service.js";
import { createDrain, type DrainController } from "./server/drain.js";
import { createReadiness } from "./server/readiness.js";
import { createServiceMetrics, observeSavedTraces } from "./server/service-metrics.js";
import { openAppStores } from "./app-stores.js";
import { openSharedServices } from "./app-redis.js";
import { createServedModels } from "./app-models.js";
import { createDialogueExporter } from "./dialogues/export-dialogue.js";
import { createHttpApp } from "./server/http-app.js";
import { createAnalyticsService } from "./agent/analytics/analytics-service.js";
import { loadKnowledgeDocuments } from "./knowledge/load-documents.js";
import { createRateLimits } from "./server/rate-limit.js";
import { createFixedClock, createSystemClock } from "./shared/clock.js";
import { createJsonLogger, type Logger } from "./shared/logger.js";
import { buildBrowserAssets } from "./widget/build-assets.js";

/** The built application and what tests and tools need to reach. */
export interface BuiltApp {
  app: Express;
  logger: Logger;
  chat: ChatService;
  /** The ports the agent's tools run over, for evaluations that run a tool directly to know the right answer. */
  agentPorts: AgentPorts;
  conversations: ConversationStore;
  tokens: TokenService;
  /** Retention prune and customer erasure. */
  lifecycle: DataLifecycle;
  /** Graceful shutdown: stops new turns, waits for those in flight, closes live streams with a reconnect hint. */
  drain: DrainController;
  close(): Promise<void>;
}

/** Options for tests and tools: where log lines go (always redacted), and whether to build the widget bundle. */
export interface CreateAppOptions {
  logSink?: (line: string) => void;
  skipBrowserAssets?: boolean;
  /** A worker process: the primary has already ingested, trained, seeded and bundled. */
  worker?: boolean;
  /** Re-ingest when the knowledge folder changes (default: the config's KNOWLEDGE_WATCH, outside workers). */
  watchFolder?: boolean;
  /** Prune on a timer and once at start-up (default: the process that watches the knowledge folder, so one per machine). */
  retentionSchedule?: boolean;
}

/** Re-ingests the knowledge folder into the index (incremental, atomic). */
function createKnowledgeIngest(config: Config, logger: Logger): () => ReturnType<typeof ingestKnowledge> {
  const embeddings = createEmbeddings(config);
  const clock = config.knowledge.today ? createFixedClock(`${config.knowledge.today}T12:00:00Z`) : createSystemClock();
  return () =>
    ingestKnowledge({
      knowledgeDir: config.paths.knowledgeDir,
      indexRoot: config.paths.indexDir,
      embeddings,
      logger,
      clock,
    });
}

function createEmbeddings(config: Config): Embeddings {
  return config.embeddings.provider === "openai"
    ? createOpenAIEmbeddings({
        model: config.embeddings.openaiModel,
        ...(config.llm.apiKey ? { apiKey: config.llm.apiKey } : {}),
        ...(config.llm.baseUrl ? { baseUrl: config.llm.baseUrl } : {}),
      })
    : createLocalEmbeddings({ dim: config.embeddings.dim });
}

function createPrimaryModel(
  config: Config,
  local: BaseChatModel,
): { model: BaseChatModel; name: { provider: string; model: string } } {
  if (config.llm.provider === "local") return { model: local, name: { provider: LOCAL_PROVIDER, model: LOCAL_MODEL } };
  const model = new BoundedChatOpenAI({
    deadlineMs: config.llm.timeoutMs,
    model: config.llm.model,
    apiKey: config.llm.apiKey ?? "not-needed",
    configuration: config.llm.baseUrl ? { baseURL: config.llm.baseUrl } : {},
    timeout: config.llm.timeoutMs,
    maxTokens: config.llm.maxTokens,
    maxRetries: 0,
    streaming: true,
    temperature: 0,
  });
  return { model, name: { provider: "openai", model: config.llm.model } };
}

/** Builds the whole service from a config: ingests knowledge, loads or trains models, seeds the bank if needed. */
export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<BuiltApp> {
  const scrub = (text: string): string => redactPii(text, { publicNumbers: BANK_PUBLIC_NUMBERS });
  const logger = createJsonLogger({
    level: config.logLevel,
    scrub,
    ...(options.logSink ? { sink: options.logSink } : {}),
  });
  const knowledgeClock = config.knowledge.today
    ? createFixedClock(`${config.knowledge.today}T12:00:00Z`)
    : createSystemClock();
  const clock = createSystemClock();
  fs.mkdirSync(config.paths.dataDir, { recursive: true });
  const vaultCipher = createVaultCipher(config.auth.vaultKey);
  // SQLite files under DATA_DIR, or with DATABASE_URL one PostgreSQL database every instance shares (migrated first).
  const stores = await openAppStores({ config, cipher: vaultCipher, logger });
  const shared = openSharedServices(config, logger);
  const followers: ArtefactFollower[] = [];
  // With PostgreSQL, index versions and model champions are published there and every instance follows them.
  const artefacts = stores.postgres ? createArtefactStore({ pool: stores.postgres.pool, logger }) : undefined;

  const embeddings = createEmbeddings(config);
  const embeddingsIdentity = { id: embeddings.id, dim: config.embeddings.dim };
  const ingestFolder = createKnowledgeIngest(config, logger);
  if (!options.worker) {
    // The cluster's current version first: the local ingest then builds on it and changes nothing when the folder agrees.
    if (artefacts) {
      const installed = await createKnowledgeInstaller({
        store: artefacts,
        indexRoot: config.paths.indexDir,
        embeddings: embeddingsIdentity,
        logger,
      }).install();
      if (!installed.ok) logger.warn("published knowledge version not installed", { problem: installed.error });
    }
    const report = await ingestFolder();
    for (const s of report.skipped) logger.warn("knowledge document skipped", { path: s.path, problem: s.problem });
  }
  const kb = await createKnowledgeBase({ indexRoot: config.paths.indexDir, embeddings, clock: knowledgeClock, logger });
  const knowledgeDistribution = artefacts
    ? createKnowledgeDistribution({
        store: artefacts,
        indexRoot: config.paths.indexDir,
        knowledge: kb,
        embeddings: embeddingsIdentity,
        logger,
      })
    : undefined;
  const publishKnowledge = async (): Promise<void> => {
    const published = await knowledgeDistribution?.publishCurrent();
    if (published && !published.ok) logger.warn("knowledge version not published", { problem: published.error });
  };
  // Every ingest on this instance publishes its version, so the other instances swap to it.
  const ingest = async (): Promise<Awaited<ReturnType<typeof ingestFolder>>> => {
    const report = await ingestFolder();
    await publishKnowledge();
    return report;
  };
  if (!options.worker) await publishKnowledge();
  if (knowledgeDistribution) followers.push(await knowledgeDistribution.start());
  const reloadKnowledge = async (): Promise<{ version: string; changed: boolean }> => {
    await ingestFolder();
    const reloaded = await kb.reload();
    await publishKnowledge();
    return reloaded;
  };
  // Two watches: edits to the folder are re-ingested; any new index version (also from `npm run ingest`) is loaded.
  const dirWatcher =
    config.knowledge.watch && (options.watchFolder ?? !options.worker)
      ? watchKnowledgeDir({ dir: config.paths.knowledgeDir, ingest, logger })
      : undefined;
  const indexWatcher = config.knowledge.watch
    ? watchKnowledgeIndex({ indexRoot: config.paths.indexDir, knowledge: kb, logger })
    : undefined;

  const routerModel = ensureRouterModel({
    intentsDir: config.paths.intentsDir,
    modelsDir: config.paths.modelsDir,
    onProgress: (m) => logger.info(m),
    onWarning: (m, f) => logger.warn(m, f),
  });
  if (!routerModel.ok) throw new Error(`intent router: ${routerModel.error}`);
  // A retrained model serves only once `npm run retrain` promoted it; with no registry, today's models serve.
  const registry = createModelRegistry({ modelsDir: config.paths.modelsDir });
  const staffIntents = loadStaffIntentCatalogue(config.paths.staffIntentsDir);
  if (!staffIntents.ok) throw new Error(`staff intents: ${staffIntents.error}`);
  const unknownTools = [...staffIntents.value.tools.values()].filter((t) => !isToolName(t));
  if (unknownTools.length) throw new Error(`staff intents name tools that do not exist: ${unknownTools.join(", ")}`);
  const staffRouterModel = ensureRouterModel({
    intentsDir: config.paths.staffIntentsDir,
    modelsDir: config.paths.modelsDir,
    fileName: "staff-router.json",
    loadCatalogue: () => ok(staffIntents.value.catalogue),
    onProgress: (m) => logger.info(`staff router: ${m}`),
    onWarning: (m, f) => logger.warn(`staff router: ${m}`, f),
  });
  if (!staffRouterModel.ok) throw new Error(`staff router: ${staffRouterModel.error}`);
  const staffRouter = createStaffRouter({ model: staffRouterModel.value.model, tools: staffIntents.value.tools });

  const scorecard = await ensureDefaultScorecard({
    modelsDir: config.paths.modelsDir,
    seed: config.bank.seed,
    onWarning: (m, f) => logger.warn(m, f),
  });
  if (!scorecard.ok) throw new Error(`credit scorecard: ${scorecard.error}`);

  const pgBank = stores.bank;
  const bank = ensureBank({
    ...(pgBank
      ? { store: pgBank, withSeedLock: <T>(fn: () => T): T => pgBank.withSeedLock(fn) }
      : { dbPath: config.paths.bankDb }),
    modelPath: path.join(config.paths.modelsDir, "fraud-model.json"),
    seed: config.bank.seed,
    customers: config.bank.customers,
    today: clock.now().toISOString().slice(0, 10),
    // Each customer's lending profile comes from the credit module's generator, seeded by the customer id.
    makeCreditProfile: (customer) =>
      generateApplicantProfile(createRng(seedFromString(`${config.bank.seed}:${customer.id}`))),
    logger,
  });
  // Today's models, or the promoted champions; a champion promoted later on any instance is swapped in by version.
  const models = createServedModels({
    config,
    registry,
    routerModel: routerModel.value.model,
    scorecard: scorecard.value.scorecard,
    bank,
    clock,
    logger,
  });
  const { router, scorer, assess } = models;
  if (artefacts) {
    const distribution = createModelDistribution({
      store: artefacts,
      registry,
      logger,
      onChampion: (model: ModelName) => void models.reload(model),
    });
    // Seeds an empty cluster with this instance's champions; never overrides what another instance published.
    if (!options.worker)
      for (const model of ["router", "fraud", "credit"] as const)
        await distribution.publishChampion(model, { ifNonePublished: true });
    followers.push(await distribution.start());
  }
  const templates = loadPromptTemplates(config.paths.promptsDir);
  const { conversations, staffAudit, feedback, confirmations, streamTickets, checkpoints } = stores;
  const insightStore = stores.insights;
  // Read on each use, so an intent added to data/intents can take accepted utterances without a restart.
  const intentNames = (): string[] => {
    const catalogue = loadIntentCatalogue(config.paths.intentsDir);
    return catalogue.ok ? catalogue.value.intents.map((i) => i.name).sort() : [];
  };
  const insights = createInsightService({
    conversations,
    insights: insightStore,
    feedback,
    intentNames,
    scrub,
    now: () => clock.now(),
    logger,
  });
  // One process per machine re-clusters on the timer (the one that prunes); every worker can refresh on demand.
  const stopInsights =
    (options.retentionSchedule ?? options.watchFolder ?? !options.worker)
      ? insights.schedule(config.insights.refreshIntervalMs)
      : undefined;
  // Checkpoint rows from before sealing existed are sealed once (SQLite only: PostgreSQL came after sealing).
  const legacyRows = options.worker ? 0 : checkpoints.sealLegacyRows();
  if (legacyRows > 0) logger.warn("sealed checkpoint rows written before sealing", { rows: legacyRows });
  const checkpointer = checkpoints.saver;
  const lifecycle = createDataLifecycle({
    conversations: conversations.lifecycle,
    checkpoints,
    policy: config.retention,
    pruneIntervalMs: config.retention.pruneIntervalMs,
    now: () => clock.now(),
    logger,
    schedule: options.retentionSchedule ?? options.watchFolder ?? !options.worker,
    confirmations,
  });
  const events = shared.events;
  const handoff = createHandoffService({ store: conversations, events, redact: scrub });
  const ports = {
    knowledge: toKnowledgePort(kb),
    bank: toBankPort(bank.store, assess),
    fraud: { assess },
    credit: toCreditPort(scorer, (customerId: string) => bank.store.getCreditProfile(customerId)),
    staff: toStaffToolsPort({ conversations, bank: bank.store }),
    openTicket: (sessionId: string, summary: string) => ({ ticketId: handoff.openTicket(sessionId, summary).id }),
    audit: toStaffAuditSink(staffAudit, bank.store),
  };
  const local = new LocalResponderChatModel();
  const primary = createPrimaryModel(config, local);
  const agent = createBankAgent({
    ports,
    primaryModel: primary.model,
    primaryName: primary.name,
    fallbackModel: local,
    fallbackName: { provider: LOCAL_PROVIDER, model: LOCAL_MODEL },
    checkpointer,
    now: () => clock.now(),
    modelTimeoutMs: config.llm.timeoutMs,
    publicNumbers: BANK_PUBLIC_NUMBERS,
  });
  const metrics = createServiceMetrics({
    instanceId: config.scaleOut.instanceId,
    versions: () => ({
      knowledge: kb.indexVersion(),
      models: {
        llm: `${primary.name.provider}/${primary.name.model}`,
        embeddings: embeddings.id,
        ...models.versions(),
      },
    }),
  });
  const drain = createDrain();
  // One conversation's turns never run at once, whichever instance (with Redis) or request takes them.
  const chat = withSessionLock(
    createChatService({
      agent,
      router: toRouterPort(router),
      staffRouter,
      knowledge: ports.knowledge,
      rails: {
        publishedContacts: BANK_PUBLISHED_CONTACTS,
        trustedTexts: (locale) => templateTexts(locale),
        protectedTexts: promptTexts(templates),
      },
      store: observeSavedTraces(conversations, metrics.observeTurn),
      events,
      renderSystemPrompt: (route, locale, vars) =>
        renderPrompt(templates, {
          route: route as PromptRoute,
          locale,
          vars: {
            bank_name: "Harbor Bank",
            intent: vars["intent"] ?? "",
            slots: vars["slots"] ?? "{}",
            signed_in: vars["signed_in"] ?? "no",
            today: vars["today"] ?? "",
          },
        }),
      now: () => clock.now(),
      logger,
      provider: primary.name,
      publicNumbers: BANK_PUBLIC_NUMBERS,
      describeConfirmation: (action, args, ctx) => describeConfirmation(ports, action, args, ctx),
      vaultCipher,
      confirmations,
    }),
    shared.sessionLock,
  );
  // Agent assist on takeover: the same knowledge, router and output rails as the chat; a remote model writes summaries.
  const assist = createAgentAssist({
    store: conversations,
    knowledge: ports.knowledge,
    router: toRouterPort(router),
    rails: {
      publishedContacts: BANK_PUBLISHED_CONTACTS,
      trustedTexts: (locale) => templateTexts(locale),
      protectedTexts: promptTexts(templates),
    },
    ...(config.llm.provider === "local"
      ? {}
      : {
          summariser: createChatModelSummariser({
            model: primary.model,
            prompts: loadAssistPrompts(config.paths.promptsDir),
            timeoutMs: config.llm.timeoutMs,
          }),
        }),
    audit: (entry) => void staffAudit.record(entry),
    logger,
  });
  const identity = await loadIdentity(config.auth);
  if (!options.worker) for (const warning of identity.warnings) logger.warn(warning);
  const tokens = identity.tokens;
  const publicDir = path.resolve("public");
  if (!options.skipBrowserAssets && !options.worker)
    await buildBrowserAssets({ outDir: path.join(publicDir, "build") });

  // Counted in one SQLite file every worker opens, so the budgets hold for the machine, not per worker.
  // With Redis one count holds for every instance; with SQLite, for every worker process of this machine.
  const rateLimits = createRateLimits({
    store:
      config.rateLimit.store === "redis" && shared.redis
        ? { kind: "redis", redis: shared.redis, prefix: config.scaleOut.redisPrefix }
        : config.rateLimit.store === "sqlite"
          ? { kind: "sqlite", file: path.join(config.paths.dataDir, "rate-limits.sqlite") }
          : { kind: "memory" },
    perMinute: config.rateLimit.perMinute,
    maxKeys: config.rateLimit.maxKeys,
    logger,
  });
  if (options.worker && config.rateLimit.store === "memory")
    logger.warn("RATE_LIMIT_STORE=memory: each worker process counts its own budgets", { workers: config.workers });
  const app = createHttpApp({
    logger,
    tokens,
    chat,
    store: conversations,
    events,
    handoff,
    knowledge: toKnowledgeRoutesPort(kb, reloadKnowledge),
    assist,
    staffData: toStaffDataPort(bank.store, scorer, createDialogueExporter(conversations)),
    staffAudit,
    feedback,
    redact: scrub,
    analytics: createAnalyticsService({
      traces: conversations,
      feedback,
      insights: insightStore,
      documents: async () => (await loadKnowledgeDocuments(config.paths.knowledgeDir)).documents,
      fraud: bank.store,
      credit: { scorecard: () => scorecard.value.scorecard, profiles: (limit) => bank.store.listCreditProfiles(limit) },
      today: () => clock.now().toISOString().slice(0, 10),
      knowledgeToday: () => knowledgeClock.now().toISOString().slice(0, 10),
    }),
    insights: { service: insights, store: insightStore, intentNames },
    erasure: lifecycle.erasure,
    health: () => ({
      knowledgeVersion: kb.indexVersion(),
      llm: primary.name,
      embeddings: embeddings.id,
      router: routerModel.value.model.dataHash.slice(0, 12),
      scorecard: scorer.scorecardVersion,
      fraudModel: models.fraudModel().modelVersion,
      models: models.versions(),
      store: stores.backend,
      shared: shared.redis ? "redis" : "local",
    }),
    instanceId: config.scaleOut.instanceId,
    drain,
    metrics,
    readiness: createReadiness({
      timeoutMs: 2000,
      draining: () => drain.draining,
      checks: {
        knowledge: () => {
          if (!kb.indexVersion()) throw new Error("no knowledge index loaded");
        },
        database: () => stores.ping(),
        ...(shared.redis ? { redis: () => shared.ping() } : {}),
      },
    }),
    limits: config.limits,
    rateLimits,
    streamTickets,
    sseLimits: config.sse,
    ...(config.auth.adminToken ? { adminToken: config.auth.adminToken } : {}),
    publicDir,
    corsOrigins: config.auth.corsOrigins,
    trustProxy: config.trustProxy,
    ...(identity.demoTokens ? { demoTokens: identity.demoTokens } : {}),
  });

  return {
    app,
    logger,
    chat,
    agentPorts: ports,
    conversations,
    tokens,
    lifecycle,
    drain,
    async close() {
      await lifecycle.stop();
      dirWatcher?.close();
      indexWatcher?.close();
      for (const follower of followers) await follower.close();
      await kb.close();
      stopInsights?.();
      rateLimits.close();
      bank.store.close();
      await stores.close();
      await shared.close();
    },
  };
}
