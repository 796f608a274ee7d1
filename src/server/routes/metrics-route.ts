// GET /metrics: the instance's Prometheus metrics. Served on the API's own port (no second listener to configure,
// secure and keep open per instance), so it is guarded: a scraper on this machine may read it freely, any other
// caller needs the admin token. Metrics name no customer, but they show load, versions and internals.
import { Router, type Request } from "express";
import { AppError } from "../../shared/errors.js";
import { isLoopbackHost } from "../../shared/loopback-host.js";
import type { ServiceMetrics } from "../service-metrics.js";
import { adminTokenMatches } from "./knowledge-routes.js";

/**
 * True for a scrape from this machine: the socket peer is loopback and no proxy forwarded it. A reverse proxy on the
 * same host connects from loopback too, so a request carrying forwarding headers is someone else's, never local.
 */
export function isLocalScrape(req: Pick<Request, "socket" | "get">): boolean {
  const peer = req.socket.remoteAddress;
  if (peer === undefined || !isLoopbackHost(peer)) return false;
  return req.get("x-forwarded-for") === undefined && req.get("forwarded") === undefined;
}

/** Builds the metrics router. */
export function createMetricsRoute(deps: { metrics: Pick<ServiceMetrics, "render">; adminToken?: string }): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    if (!isLocalScrape(req)) {
      if (!deps.adminToken) throw new AppError("forbidden", "Metrics are served to this machine only.");
      if (!adminTokenMatches(req.get("x-admin-token"), deps.adminToken))
        throw new AppError("unauthenticated", "A valid X-Admin-Token header is required.");
    }
    const { contentType, body } = await deps.metrics.render();
    res.setHeader("Cache-Control", "no-store");
    res.type(contentType).send(body);
  });
  return router;
}
