// Knowledge endpoints: search (JSON), a document (JSON and a readable page for citation links), admin reload.
import { createHash, timingSafeEqual } from "node:crypto";
import { Router } from "express";
import { z } from "zod";
import { BANK_PUBLIC_NUMBERS } from "../../agent/bank-public-numbers.js";
import { redactPii } from "../../shared/pii-vault.js";
import { AppError } from "../../shared/errors.js";
import { LocaleSchema, type Locale } from "../../shared/locale.js";
import { renderMarkdownPage } from "../markdown-page.js";
import { parseOrThrow } from "../validate.js";

/** What the routes need from the knowledge base. */
export interface KnowledgeRoutesPort {
  search(query: string, options: { k: number; locale?: Locale; product?: string }): Promise<unknown[]>;
  getDocument(
    docId: string,
  ): { docId: string; title: string; version: string; locale: string; markdown: string } | undefined;
  reload(): Promise<{ version: string; changed: boolean }>;
}

const SearchQuery = z.object({
  q: z.string({ required_error: "is required" }).trim().min(1, "must not be empty").max(500),
  k: z.coerce.number().int().min(1).max(20).default(5),
  locale: LocaleSchema.optional(),
  product: z.string().max(40).optional(),
});

/** True when `given` equals `expected`, compared over equal-length digests so timing reveals nothing of either. */
export function adminTokenMatches(given: string | undefined, expected: string): boolean {
  const digest = (v: string): Buffer => createHash("sha256").update(v, "utf8").digest();
  return timingSafeEqual(digest(given ?? ""), digest(expected)) && given !== undefined;
}

/** Runs `task` once at a time: a call while one runs shares its result instead of starting another. */
function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= task().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/** Builds the knowledge router. */
export function createKnowledgeRoutes(deps: { knowledge: KnowledgeRoutesPort; adminToken?: string }): Router {
  const router = Router();
  const reload = singleFlight(() => deps.knowledge.reload());
  router.get("/v1/knowledge/search", async (req, res) => {
    const q = parseOrThrow(SearchQuery, req.query, "query");
    // A query may carry a card or phone number: it is redacted before it is embedded (perhaps remotely), logged or echoed.
    const query = redactPii(q.q, { publicNumbers: BANK_PUBLIC_NUMBERS });
    const hits = await deps.knowledge.search(query, {
      k: q.k,
      ...(q.locale ? { locale: q.locale } : {}),
      ...(q.product ? { product: q.product } : {}),
    });
    res.json({ query, hits });
  });
  router.get("/v1/knowledge/docs/:docId", (req, res) => {
    const doc = deps.knowledge.getDocument(String(req.params["docId"]));
    if (!doc) throw new AppError("not_found", "No document in force with that id.");
    res.json(doc);
  });
  router.get("/kb/:docId", (req, res) => {
    const doc = deps.knowledge.getDocument(String(req.params["docId"]));
    if (!doc) throw new AppError("not_found", "No document in force with that id.");
    res.type("html").send(renderMarkdownPage(doc));
  });
  router.post("/v1/admin/knowledge/reload", async (req, res) => {
    const token = req.get("x-admin-token");
    if (!deps.adminToken) throw new AppError("forbidden", "Set ADMIN_TOKEN to enable knowledge reloads over HTTP.");
    if (!adminTokenMatches(token, deps.adminToken))
      throw new AppError("unauthenticated", "A valid X-Admin-Token header is required.");
    res.json(await reload());
  });
  return router;
}
