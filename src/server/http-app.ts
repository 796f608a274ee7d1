// Builds the Express application (no listening here, so tests drive it in-process): security headers, JSON body
// limits, auth, rate limits, routes, static assets and the single JSON error handler.
import fs from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import type { ChatService } from "../agent/chat-service.js";
import type { ConversationEvents } from "../conversations/conversation-events.js";
import type { ConversationStore } from "../conversations/conversation-store.js";
import type { HandoffService } from "../conversations/handoff-service.js";
import type { StreamTickets } from "../conversations/stream-tickets.js";
import type { TokenService } from "../auth/tokens.js";
import type { Logger } from "../shared/logger.js";
import { createAuthMiddleware } from "./auth-middleware.js";
import { socketNetworkKeyOf } from "./client-network.js";
import { createDemoTokensRoute } from "./demo-tokens-route.js";
import { createErrorHandler, notFoundHandler } from "./error-handler.js";
import { createCorsPolicy, createSecurityHeaders } from "./security-headers.js";
import { buildOpenApiDocument } from "./openapi.js";
import type { RateLimits } from "./rate-limit.js";
import { createChatRoutes, refuseTokensInUrl } from "./routes/chat-routes.js";
import { createSseRegistry, type SseLimits } from "./sse.js";
import { createKnowledgeRoutes, type KnowledgeRoutesPort } from "./routes/knowledge-routes.js";
import { createStaffRoutes } from "./routes/staff-routes.js";
import { createInsightsRoutes } from "./routes/insights-routes.js";
import type { InsightService } from "../agent/insights/insight-service.js";
import type { InsightStore } from "../conversations/insight-store.js";
import { createAnalyticsRoutes } from "./routes/analytics-routes.js";
import type { AnalyticsService } from "../agent/analytics/analytics-service.js";
import { createDataRightsRoutes } from "./routes/data-rights-routes.js";
import type { CustomerErasure } from "../agent/retention/customer-erasure.js";
import type { StaffDataPort } from "../agent/staff-data-port.js";
import type { StaffAuditStore } from "../conversations/staff-audit-store.js";
import type { AgentAssistService } from "../agent/assist/agent-assist.js";
import type { FeedbackStore } from "../conversations/feedback-store.js";
import { createFeedbackRoutes } from "./routes/feedback-routes.js";
import type { DrainController } from "./drain.js";
import { isTurnRequest } from "./drain.js";
import type { Readiness } from "./readiness.js";
import { requestContext } from "./request-context.js";
import { createMetricsRoute, isLocalScrape } from "./routes/metrics-route.js";
import type { ServiceMetrics } from "./service-metrics.js";

/** Everything the HTTP layer needs, built by the composition root. */
export interface HttpAppDeps {
  logger: Logger;
  tokens: TokenService;
  chat: ChatService;
  store: ConversationStore;
  events: ConversationEvents;
  handoff: HandoffService;
  knowledge: KnowledgeRoutesPort;
  staffData: StaffDataPort;
  /** Agent assist for staff taking over a conversation (POST /v1/staff/assist); absent, the route answers 404. */
  assist?: AgentAssistService;
  /** The staff audit trail (GET /v1/staff/audit); absent, the route answers 404. */
  staffAudit?: Pick<StaffAuditStore, "list">;
  /** Customer feedback (POST /v1/feedback, and shown on staff conversations); absent, the route does not exist. */
  feedback?: Pick<FeedbackStore, "record" | "listForSession">;
  /** The PII redactor the logs use, applied to feedback comments before they are stored. */
  redact?: (text: string) => string;
  /** The staff analytics dashboard (GET /v1/staff/analytics and its CSV); absent, the routes do not exist. */
  analytics?: AnalyticsService;
  /** Topics of badly handled messages and the review queue (/v1/staff/insights…); absent, the routes do not exist. */
  insights?: {
    service: InsightService;
    store: Pick<InsightStore, "listTopics" | "listKnowledgeTasks">;
    intentNames: () => readonly string[];
  };
  /** Erases a customer's data (DELETE /v1/staff/customers/:id/data); absent, the route does not exist. */
  erasure?: CustomerErasure;
  health: () => Record<string, unknown>;
  limits: { maxMessageChars: number; maxBodyBytes: number };
  /** Request budgets, shared by every worker process when counted in SQLite. */
  rateLimits: RateLimits;
  /** Single-use tickets that open a session's live events (shared by every worker process). */
  streamTickets: StreamTickets;
  /** Caps on concurrent live event streams in this process. */
  sseLimits: SseLimits;
  adminToken?: string;
  publicDir: string;
  /** Reverse proxies whose X-Forwarded-For names the client (Express "trust proxy"); absent or false trusts none. */
  trustProxy?: boolean | number | string[];
  /** Origins of the bank's own sites allowed to call the API from a browser. */
  corsOrigins: readonly string[];
  /** Demo mode only: mints short-lived development tokens for GET /v1/demo/tokens. */
  demoTokens?: () => Promise<Record<string, string>>;
  /** This instance's name, shown by /healthz. */
  instanceId?: string;
  /** Dependency checks behind GET /readyz; absent, /readyz answers ready whenever the process is not draining. */
  readiness?: Readiness;
  /** Graceful shutdown: counts turns and live streams, refuses new ones once draining (main.ts drives it). */
  drain?: DrainController;
  /** Prometheus metrics behind GET /metrics; absent, the route does not exist. */
  metrics?: ServiceMetrics;
}

/** Counts turns answered with a server fault: they never reach a trace, so `observeTurn` cannot see them. */
function countFailedTurns(metrics: ServiceMetrics): express.RequestHandler {
  return (req, res, next) => {
    if (isTurnRequest(req)) res.once("finish", () => res.statusCode >= 500 && metrics.observeFailedTurn());
    next();
  };
}

/** Creates the Express app. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // req.ip is the socket peer unless a configured proxy vouches for X-Forwarded-For; a client may never choose its own.
  app.set("trust proxy", deps.trustProxy ?? false);
  app.use(requestContext);
  app.use(createSecurityHeaders());
  // The widget is embedded on the bank's own sites (CORS_ORIGINS), which may be other origins than the API.
  app.use("/v1", createCorsPolicy(deps.corsOrigins));
  // A draining instance refuses new turns before their body is read or their budget spent.
  if (deps.drain) app.use(deps.drain.middleware);
  if (deps.metrics) app.use(countFailedTurns(deps.metrics));
  app.use(express.json({ limit: deps.limits.maxBodyBytes, type: ["application/json", "application/*+json"] }));
  app.use("/v1", refuseTokensInUrl);
  app.use(createAuthMiddleware(deps.tokens));

  // Each group of endpoints spends its own budget, keyed by the verified identity (else the caller's network).
  app.use("/v1/chat", deps.rateLimits.middleware("chat"));
  app.post("/v1/feedback", deps.rateLimits.middleware("chat"));
  app.get("/v1/knowledge/search", deps.rateLimits.middleware("search"));
  app.get("/v1/sessions/:id/events", deps.rateLimits.middleware("events"));
  app.post("/v1/sessions/:id/stream-ticket", deps.rateLimits.middleware("events"));
  app.use("/v1/staff", deps.rateLimits.middleware("staff"));
  // Guessing the admin token is counted per socket address, whatever any proxy header claims.
  app.use("/v1/admin", deps.rateLimits.middleware("admin", socketNetworkKeyOf));

  // /healthz is "the process is alive": cheap, no I/O. /readyz is "send me traffic": dependencies and not draining.
  app.get(
    "/healthz",
    (_req, res) =>
      void res.json({ status: "ok", ...(deps.instanceId ? { instance: deps.instanceId } : {}), ...deps.health() }),
  );
  app.get("/readyz", async (_req, res) => {
    const checked = deps.readiness ? await deps.readiness() : { ok: true, checks: {} };
    // A draining instance is never ready, whether or not the composition root made draining one of its checks.
    const report = deps.drain?.draining
      ? { ok: false, checks: { ...checked.checks, draining: { ok: false, detail: "shutting down" } } }
      : checked;
    res.setHeader("Cache-Control", "no-store");
    res.status(report.ok ? 200 : 503).json({
      status: report.ok ? "ready" : "not_ready",
      ...(deps.instanceId ? { instance: deps.instanceId } : {}),
      checks: report.checks,
    });
  });
  if (deps.metrics) {
    const adminLimit = deps.rateLimits.middleware("admin", socketNetworkKeyOf);
    // Guessing the admin token here is limited like on /v1/admin; a local scraper spends no budget.
    app.get("/metrics", (req, res, next) => (isLocalScrape(req) ? next() : adminLimit(req, res, next)));
    deps.metrics.watchLoad(deps.drain ?? { turnsInFlight: 0, openStreams: 0 });
    app.use(createMetricsRoute({ metrics: deps.metrics, ...(deps.adminToken ? { adminToken: deps.adminToken } : {}) }));
  }
  const openapi = buildOpenApiDocument(deps.limits.maxMessageChars);
  app.get("/openapi.json", (_req, res) => void res.json(openapi));
  if (deps.demoTokens) app.use(createDemoTokensRoute(deps.demoTokens));
  app.use(
    createKnowledgeRoutes({ knowledge: deps.knowledge, ...(deps.adminToken ? { adminToken: deps.adminToken } : {}) }),
  );
  app.use(
    createChatRoutes({
      chat: deps.chat,
      store: deps.store,
      events: deps.events,
      streamTickets: deps.streamTickets,
      sseRegistry: createSseRegistry(deps.sseLimits),
      logger: deps.logger,
      maxMessageChars: deps.limits.maxMessageChars,
    }),
  );
  app.use(
    createStaffRoutes({
      store: deps.store,
      handoff: deps.handoff,
      data: deps.staffData,
      ...(deps.assist ? { assist: deps.assist } : {}),
      ...(deps.staffAudit ? { audit: deps.staffAudit } : {}),
      ...(deps.feedback ? { feedback: deps.feedback } : {}),
    }),
  );
  if (deps.feedback && deps.redact)
    app.use(createFeedbackRoutes({ feedback: deps.feedback, store: deps.store, redact: deps.redact }));
  if (deps.analytics) app.use(createAnalyticsRoutes({ analytics: deps.analytics }));
  if (deps.insights) app.use(createInsightsRoutes(deps.insights));
  if (deps.erasure) app.use(createDataRightsRoutes({ erasure: deps.erasure }));

  const file = (name: string): string => path.join(deps.publicDir, name);
  const sendIfExists =
    (name: string, type: string) => (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (!fs.existsSync(file(name))) return next();
      res.type(type).sendFile(file(name));
    };
  app.get("/widget.js", sendIfExists("build/widget.js", "application/javascript"));
  app.get("/console.js", sendIfExists("build/console.js", "application/javascript"));
  app.get("/console", sendIfExists("console.html", "html"));
  app.get("/", sendIfExists("index.html", "html"));
  app.use("/assets", express.static(path.join(deps.publicDir, "assets"), { fallthrough: true, index: false }));

  app.use(notFoundHandler);
  app.use(createErrorHandler(deps.logger));
  return app;
}
