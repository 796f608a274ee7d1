// Which endpoints the fuzzer attacks: every path of the app's OpenAPI document, every route registered on the Express
// app (when it runs in-process), and a list of known routes, so an endpoint added later is covered without edits here.
import { z } from "zod";

/** One method on one route template (Express style, `:param`). */
export interface Endpoint {
  method: string;
  template: string;
  /** JSON schema of the request body, when the OpenAPI document declares one. */
  bodySchema?: unknown;
}

/** Routes the service is known to have (or to be getting); a missing one is simply fuzzed as a 404. */
export const KNOWN_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ["GET", "/healthz"],
  ["GET", "/openapi.json"],
  ["GET", "/"],
  ["GET", "/console"],
  ["GET", "/widget.js"],
  ["GET", "/console.js"],
  ["GET", "/assets/:file"],
  ["GET", "/kb/:docId"],
  ["GET", "/v1/demo/tokens"],
  ["POST", "/v1/chat"],
  ["POST", "/v1/chat/confirm"],
  ["GET", "/v1/sessions/:id"],
  ["GET", "/v1/sessions/:id/events"],
  ["POST", "/v1/sessions/:id/stream-ticket"],
  ["GET", "/v1/knowledge/search"],
  ["GET", "/v1/knowledge/docs/:docId"],
  ["POST", "/v1/admin/knowledge/reload"],
  ["GET", "/v1/staff/conversations"],
  ["GET", "/v1/staff/conversations/:id"],
  ["GET", "/v1/staff/conversations/:id/dialogue"],
  ["POST", "/v1/staff/conversations/:id/takeover"],
  ["POST", "/v1/staff/conversations/:id/reply"],
  ["POST", "/v1/staff/conversations/:id/handback"],
  ["GET", "/v1/staff/handoffs"],
  ["GET", "/v1/staff/fraud/flagged"],
  ["POST", "/v1/staff/fraud/labels"],
  ["GET", "/v1/staff/credit/:customerId"],
  ["DELETE", "/v1/staff/customers/:id/data"],
  ["GET", "/v1/no-such-route"],
];

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "options", "head"]);

const OpenApiSchema = z.object({
  paths: z.record(z.record(z.unknown())).default({}),
  components: z
    .object({ schemas: z.record(z.unknown()).default({}) })
    .partial()
    .default({}),
});

const OperationSchema = z.object({
  requestBody: z
    .object({ content: z.record(z.object({ schema: z.unknown() }).partial()) })
    .partial()
    .optional(),
});

/** Resolves local `#/components/schemas/X` references (one level deep is enough for request bodies). */
function resolveRefs(schema: unknown, components: Record<string, unknown>, depth = 0): unknown {
  if (depth > 20 || schema === null || typeof schema !== "object") return schema;
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, components, depth + 1));
  const entries = Object.entries(schema);
  const ref = entries.find(([k]) => k === "$ref")?.[1];
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/"))
    return resolveRefs(components[ref.slice(21)], components, depth + 1);
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveRefs(v, components, depth + 1)]));
}

/** The operations of an OpenAPI document, with their JSON request-body schemas. */
export function endpointsFromOpenApi(document: unknown): Endpoint[] {
  const parsed = OpenApiSchema.safeParse(document);
  if (!parsed.success) return [];
  const components = parsed.data.components.schemas ?? {};
  const out: Endpoint[] = [];
  for (const [path, operations] of Object.entries(parsed.data.paths)) {
    const template = path.replace(/\{(\w+)\}/g, ":$1");
    for (const [method, operation] of Object.entries(operations)) {
      if (!HTTP_METHODS.has(method)) continue;
      const op = OperationSchema.safeParse(operation);
      const body = op.success ? op.data.requestBody?.content?.["application/json"]?.schema : undefined;
      out.push({
        method: method.toUpperCase(),
        template,
        ...(body !== undefined ? { bodySchema: resolveRefs(body, components) } : {}),
      });
    }
  }
  return out;
}

const LayerSchema = z.object({
  route: z.object({ path: z.unknown(), methods: z.record(z.unknown()) }).optional(),
  handle: z
    .object({ stack: z.array(z.unknown()) })
    .passthrough()
    .optional(),
});

/** Routes registered on an Express app (its own and those of routers mounted without a path prefix). */
export function endpointsFromExpress(app: unknown): Endpoint[] {
  const RouterHolder = z.object({ router: z.object({ stack: z.array(z.unknown()) }).passthrough() }).passthrough();
  const holder = RouterHolder.safeParse(app);
  if (!holder.success) return [];
  const out: Endpoint[] = [];
  const walk = (stack: unknown[], depth: number): void => {
    for (const raw of stack) {
      const layer = LayerSchema.safeParse(raw);
      if (!layer.success) continue;
      const route = layer.data.route;
      if (route && typeof route.path === "string") {
        for (const m of Object.keys(route.methods))
          if (HTTP_METHODS.has(m)) out.push({ method: m.toUpperCase(), template: route.path });
      } else if (layer.data.handle && depth < 4) walk(layer.data.handle.stack, depth + 1);
    }
  };
  walk(holder.data.router.stack, 0);
  return out;
}

/** Merges endpoint lists, keeping the first body schema seen for each method and template. */
export function mergeEndpoints(...lists: Endpoint[][]): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const e of lists.flat()) {
    const key = endpointKey(e);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, e);
    else if (seen.bodySchema === undefined && e.bodySchema !== undefined)
      byKey.set(key, { ...seen, bodySchema: e.bodySchema });
  }
  return [...byKey.values()].sort((a, b) => endpointKey(a).localeCompare(endpointKey(b)));
}

/** The label of an endpoint in reports. */
export function endpointKey(e: Pick<Endpoint, "method" | "template">): string {
  return `${e.method} ${e.template}`;
}

/** The known routes as endpoints. */
export function knownEndpoints(): Endpoint[] {
  return KNOWN_ROUTES.map(([method, template]) => ({ method, template }));
}
