// Staff insights endpoints: the topics of badly handled messages, a refresh on demand, accepting a topic's
// utterances into an intent's training data (review queue, versioned) and knowledge-gap draft tasks.
import { Router } from "express";
import { z } from "zod";
import type { InsightService } from "../../agent/insights/insight-service.js";
import type { InsightStore } from "../../conversations/insight-store.js";
import { AppError } from "../../shared/errors.js";
import { identityOf, requireStaff } from "../auth-middleware.js";
import { parseOrThrow } from "../validate.js";

const TopicIdSchema = z.string().regex(/^topic-[0-9a-f]{1,64}$/, "not a topic id");
/** Body of POST /v1/staff/insights/:id/accept. */
export const AcceptTopicBodySchema = z
  .object({
    intent: z.string().trim().min(1).max(80).describe("An intent of data/intents"),
    utterances: z
      .array(z.string().min(1).max(500))
      .min(1)
      .max(200)
      .optional()
      .describe("The topic's utterances to accept; all of them when absent"),
  })
  .strict();
/** Body of POST /v1/staff/insights/:id/gap. */
export const KnowledgeGapBodySchema = z
  .object({ title: z.string().trim().min(3).max(200).describe("Title of the knowledge document to draft") })
  .strict();
const TaskQuery = z.object({ status: z.enum(["open", "done"]).optional() });

/** Builds the insights router (every route requires a staff token). */
export function createInsightsRoutes(deps: {
  service: InsightService;
  store: Pick<InsightStore, "listTopics" | "listKnowledgeTasks">;
  /** Intents staff may accept utterances into (the console's choice list). */
  intentNames: () => readonly string[];
}): Router {
  const router = Router();
  router.use("/v1/staff/insights", requireStaff);
  router.use("/v1/staff/knowledge", requireStaff);
  const staffId = (req: Parameters<typeof identityOf>[0]): string => {
    const id = identityOf(req);
    return id.kind === "staff" ? id.staffId : "unknown";
  };

  router.get("/v1/staff/insights", (_req, res) => {
    const { generatedAt, topics } = deps.store.listTopics();
    res.json({ ...(generatedAt ? { generatedAt } : {}), topics, intents: deps.intentNames() });
  });

  router.post("/v1/staff/insights/refresh", (_req, res) => {
    res.json(deps.service.refresh());
  });

  router.post("/v1/staff/insights/:id/accept", (req, res) => {
    const topicId = parseOrThrow(TopicIdSchema, req.params["id"], "params");
    const body = parseOrThrow(AcceptTopicBodySchema, req.body, "body");
    const r = deps.service.accept({ topicId, ...body, reviewer: staffId(req) });
    if (!r.ok) {
      if (r.error === "no_topic") throw new AppError("not_found", "No such topic; refresh the insights.");
      throw new AppError("validation_failed", "The request body is not valid.", {
        details: [
          r.error === "unknown_intent"
            ? { path: "body.intent", message: "no such intent in data/intents" }
            : { path: "body.utterances", message: "none of these utterances belongs to the topic" },
        ],
      });
    }
    res.json(r.value);
  });

  router.post("/v1/staff/insights/:id/gap", (req, res) => {
    const topicId = parseOrThrow(TopicIdSchema, req.params["id"], "params");
    const body = parseOrThrow(KnowledgeGapBodySchema, req.body, "body");
    const r = deps.service.markGap({ topicId, title: body.title, createdBy: staffId(req) });
    if (!r.ok) throw new AppError("not_found", "No such topic; refresh the insights.");
    res.status(201).json(r.value);
  });

  router.get("/v1/staff/knowledge/tasks", (req, res) => {
    const q = parseOrThrow(TaskQuery, req.query, "query");
    res.json({ tasks: deps.store.listKnowledgeTasks(q.status) });
  });

  return router;
}
