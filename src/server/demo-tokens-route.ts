// GET /v1/demo/tokens (demo mode only): short-lived development tokens for the demo page and console. A web page on
// another origin, a rebound DNS name pointing at this machine, or a remote client behind a local reverse proxy must
// never obtain them, so the socket peer must be loopback and no proxy may have touched the request.
import { Router } from "express";
import { AppError } from "../shared/errors.js";
import { isLoopbackHost } from "../shared/loopback-host.js";
import { isOwnOrigin } from "./security-headers.js";

/** The parts of a request the demo-token checks read (a plain object in unit tests). */
export interface DemoTokenRequest {
  get(name: string): string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string | undefined };
}

/** Headers that proxies and CDNs add to say whom they forward for; any of them means a proxy stands in between. */
const PROXY_HEADERS = [
  "forwarded",
  "via",
  "x-real-ip",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
  "fastly-client-ip",
  "x-cluster-client-ip",
  "x-original-forwarded-for",
];

function viaProxy(req: DemoTokenRequest): boolean {
  return Object.keys(req.headers).some((name) => {
    const lower = name.toLowerCase();
    return lower.startsWith("x-forwarded-") || PROXY_HEADERS.includes(lower);
  });
}

/** Why a request may not have demo tokens, or undefined when it may. */
export function demoTokenRefusal(req: DemoTokenRequest): string | undefined {
  if (!isLoopbackHost(req.socket.remoteAddress ?? ""))
    return "Demo tokens are only served on this machine's loopback address.";
  if (viaProxy(req)) return "Demo tokens are not served through a proxy.";
  let hostname: string;
  try {
    hostname = new URL(`http://${req.get("host") ?? ""}`).hostname;
  } catch {
    return "The Host header is not valid.";
  }
  if (!isLoopbackHost(hostname)) return "Demo tokens are only served on this machine's loopback address.";
  const origin = req.get("origin");
  if (origin !== undefined && !isOwnOrigin(req, origin)) return "Demo tokens are not served to other origins.";
  const site = req.get("sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none")
    return "Demo tokens are not served to other sites.";
  return undefined;
}

/** The demo tokens route; `mint` returns fresh short-lived tokens keyed by demo identity. */
export function createDemoTokensRoute(mint: () => Promise<Record<string, string>>): Router {
  const router = Router();
  router.get("/v1/demo/tokens", async (req, res) => {
    const refusal = demoTokenRefusal(req);
    if (refusal) throw new AppError("forbidden", refusal);
    res.setHeader("Cache-Control", "no-store");
    res.json(await mint());
  });
  return router;
}
