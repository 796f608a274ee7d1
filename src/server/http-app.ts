// Builds the Express application (no listening here, so tests drive it in-process): security headers, JSON body
// limits, auth, rate limits, routes, static assets and the single JSON error handler.
import fs from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import type { ChatService } from "../agent/chat-service.js";
import type { ConversationEvents } from "../agent/conversation-events.js";
import type { ConversationStore } from "../agent/conversation-store.js";
import type { HandoffService } from "../agent/handoff-service.js";
import { identityKey } from "../auth/identity.js";
import type { TokenService } from "../auth/tokens.js";
import type { Logger } from "../shared/logger.js";
import { createAuthMiddleware, identityOf } from "./auth-middleware.js";
import { createErrorHandler, notFoundHandler } from "./error-handler.js";
import { buildOpenApiDocument } from "./openapi.js";
import { createRateLimiter } from "./rate-limit.js";
import { createChatRoutes } from "./routes/chat-routes.js";
import { createKnowledgeRoutes, type KnowledgeRoutesPort } from "./routes/knowledge-routes.js";
import { createStaffRoutes } from "./routes/staff-routes.js";
import type { StaffDataPort } from "../agent/staff-data-port.js";

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
  health: () => Record<string, unknown>;
  limits: { maxMessageChars: number; maxBodyBytes: number; ratePerMinute: number };
  adminToken?: string;
  publicDir: string;
  demoTokens?: () => Promise<Record<string, string>>;
}

/** Creates the Express app. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    next();
  });
  // The widget is embedded on the bank's own sites, which may be other origins than the API.
  app.use("/v1", (req, res, next) => {
    res.setHeader("Access-Control-Allow-Origin", req.get("origin") ?? "*");
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    next();
  });
  app.use(express.json({ limit: deps.limits.maxBodyBytes, type: ["application/json", "application/*+json"] }));
  app.use(createAuthMiddleware(deps.tokens));

  const chatLimiter = createRateLimiter({
    limit: deps.limits.ratePerMinute,
    keyOf: (req) => {
      const id = identityOf(req);
      return id.kind === "anonymous" ? `ip:${req.ip ?? "unknown"}` : identityKey(id);
    },
  });
  app.use("/v1/chat", chatLimiter);

  app.get("/healthz", (_req, res) => void res.json({ status: "ok", ...deps.health() }));
  const openapi = buildOpenApiDocument(deps.limits.maxMessageChars);
  app.get("/openapi.json", (_req, res) => void res.json(openapi));
  if (deps.demoTokens) {
    const demoTokens = deps.demoTokens;
    app.get("/v1/demo/tokens", async (_req, res) => void res.json(await demoTokens()));
  }
  app.use(createKnowledgeRoutes({ knowledge: deps.knowledge, ...(deps.adminToken ? { adminToken: deps.adminToken } : {}) }));
  app.use(createChatRoutes({ chat: deps.chat, store: deps.store, events: deps.events, tokens: deps.tokens, logger: deps.logger, maxMessageChars: deps.limits.maxMessageChars }));
  app.use(createStaffRoutes({ store: deps.store, handoff: deps.handoff, data: deps.staffData }));

  const file = (name: string): string => path.join(deps.publicDir, name);
  const sendIfExists = (name: string, type: string) => (_req: express.Request, res: express.Response, next: express.NextFunction) => {
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
