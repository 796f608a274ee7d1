// A fuzz case is a small, printable description of one hostile request (which endpoint, which path parameters, query,
// headers, token and body); `toRawRequest` turns it into bytes on the wire, so shrunk counterexamples stay readable.
import fc from "fast-check";
import { z } from "zod";
import type { RawRequest } from "../load/http-client.js";
import type { Endpoint } from "./endpoints.js";
import {
  CHAT_MESSAGES,
  encodeText,
  HOSTILE_URL_FRAGMENTS,
  stringArbitrary,
  toHeaderValue,
  type AuthVariant,
} from "./hostile-values.js";

/** Known-good values that let requests get past validation and reach real code. */
export interface FuzzPools {
  sessionIds: string[];
  customerIds: string[];
  docIds: string[];
  confirmationIds: string[];
  transactionIds: string[];
  sessionKeys: string[];
}

/** What the case generator needs to know about the target. */
export interface FuzzContext {
  endpoints: Endpoint[];
  pools: FuzzPools;
  auth: AuthVariant[];
  adminToken?: string;
  maxBodyBytes: number;
}

/** The body of a case; large bodies are described, not stored, so a counterexample prints in a line. */
export type BodySpec =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "bytes"; hex: string }
  | { kind: "huge"; bytes: number }
  | { kind: "nested"; depth: number; shape: "array" | "object" | "in-field" };

/** A path parameter: text to percent-encode, or a raw URL fragment sent as is. */
export type ParamValue = { text: string } | { raw: string };

/** One generated request. */
export interface FuzzCase {
  endpoint: Endpoint;
  method: string;
  params: ParamValue[];
  pathTrick: string;
  query: Array<[string, ParamValue]>;
  contentType: string | null;
  auth: AuthVariant | null;
  headers: Array<[string, string]>;
  body: BodySpec;
}

/** The marker property that prototype-pollution payloads try to plant on Object.prototype. */
export const POLLUTION_MARKER = "fuzzPolluted";

const METHODS = ["GET", "POST", "DELETE", "OPTIONS", "PUT", "PATCH", "HEAD"] as const;
const PATH_TRICKS = [
  "trailing-slash",
  "double-slash",
  "upper",
  "dot-segment",
  "dotdot-prefix",
  "matrix",
  "encoded-slash",
  "nul-suffix",
  "traversal-suffix",
  "double-encoded",
] as const;
const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fuzz",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/json; charset=klingon",
  "application/vnd.api+json",
  "application/merge-patch+json",
  "application/json, text/html",
  "text/html",
  "",
  "application/xml",
  "*/*",
  "application/json;;;",
  "ÿÿ/ÿÿ",
];

function paramArbitrary(name: string, template: string, ctx: FuzzContext): fc.Arbitrary<ParamValue> {
  const pool = /docId/i.test(name)
    ? ctx.pools.docIds
    : /customer/i.test(name) || /customers\/:/.test(template)
      ? ctx.pools.customerIds
      : ctx.pools.sessionIds;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(pool.length > 0 ? pool : ["demo1"])).map((text) => ({ text })) },
    { weight: 3, arbitrary: stringArbitrary().map((text) => ({ text })) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_URL_FRAGMENTS).map((raw) => ({ raw })) },
  );
}

const JsonSchemaLite = z
  .object({
    type: z.union([z.string(), z.array(z.string())]),
    properties: z.record(z.unknown()),
    required: z.array(z.string()),
    enum: z.array(z.unknown()).min(1),
    items: z.unknown(),
    anyOf: z.array(z.unknown()).min(1),
    oneOf: z.array(z.unknown()).min(1),
    allOf: z.array(z.unknown()).min(1),
  })
  .partial();

/** A generator for values of a JSON schema, with field-aware realistic strings and hostile ones mixed in. */
export function fromJsonSchema(schema: unknown, ctx: FuzzContext, name = "", depth = 0): fc.Arbitrary<unknown> {
  const s = JsonSchemaLite.safeParse(schema);
  if (!s.success || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  const d = s.data;
  if (d.enum)
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...d.enum) }, { weight: 1, arbitrary: stringArbitrary() });
  const alternatives = d.anyOf ?? d.oneOf ?? (d.allOf ? [d.allOf[0]] : undefined);
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromJsonSchema(a, ctx, name, depth + 1)));
  const type = Array.isArray(d.type) ? d.type[0] : d.type;
  switch (type) {
    case "string": {
      const realistic = /session/i.test(name)
        ? ctx.pools.sessionIds
        : /confirmation/i.test(name)
          ? ctx.pools.confirmationIds
          : /transaction/i.test(name)
            ? ctx.pools.transactionIds
            : /customer/i.test(name)
              ? ctx.pools.customerIds
              : CHAT_MESSAGES;
      return stringArbitrary(realistic.length > 0 ? realistic : CHAT_MESSAGES);
    }
    case "integer":
    case "number":
      return fc.oneof(
        fc.integer({ min: -5, max: 50_000 }),
        fc.double(),
        fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308),
      );
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(fromJsonSchema(d.items, ctx, name, depth + 1), { maxLength: 3 });
    case "object": {
      const props = d.properties ?? {};
      const required = new Set(d.required ?? []);
      const model = Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, fromJsonSchema(v, ctx, k, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k) || k !== "sessionId") });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Bodies for routes the OpenAPI document does not describe yet. */
function knownBodyArbitrary(template: string, ctx: FuzzContext): fc.Arbitrary<unknown> {
  if (template.endsWith("/reply")) return fc.record({ text: stringArbitrary() });
  if (template.endsWith("/fraud/labels")) {
    return fc.record(
      {
        transactionId: fc.constantFrom(...(ctx.pools.transactionIds.length ? ctx.pools.transactionIds : ["t1"])),
        label: fc.constantFrom("fraud", "legitimate", "maybe"),
        note: stringArbitrary(),
      },
      { requiredKeys: ["transactionId", "label"] },
    );
  }
  return fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.constantFrom("reason", "confirm", "sessionId", "note"), stringArbitrary(), { maxKeys: 2 }),
  );
}

function mutate(value: unknown, how: number, extra: unknown): BodySpec {
  if (how === 0 || value === null || typeof value !== "object" || Array.isArray(value)) return { kind: "json", value };
  const entries = Object.entries(value);
  const inner = JSON.stringify(value).slice(1, -1);
  switch (how) {
    case 1:
      return { kind: "json", value: Object.fromEntries(entries.slice(1)) };
    case 2:
      return { kind: "json", value: Object.fromEntries(entries.map(([k, v], i) => [k, i === 0 ? extra : v])) };
    case 3:
      return { kind: "text", text: `{"__proto__":{"${POLLUTION_MARKER}":"yes"}${inner ? `,${inner}` : ""}}` };
    case 4:
      return {
        kind: "text",
        text: `{"constructor":{"prototype":{"${POLLUTION_MARKER}":"yes"}}${inner ? `,${inner}` : ""}}`,
      };
    case 5:
      return { kind: "json", value: [value] };
    default:
      return {
        kind: "text",
        text: `{${inner ? `${inner},` : ""}"${entries[0]?.[0] ?? "message"}":{"__proto__":{"${POLLUTION_MARKER}":1}}}`,
      };
  }
}

const MALFORMED_JSON = [
  "{",
  '{"message":',
  '{"message": "hi",}',
  "{'message':'hi'}",
  "NaN",
  '{"message": NaN}',
  '\uFEFF{"message":"hi"}',
  "[1,2",
  '"str"',
  "null",
  "true",
  "1",
  '{"a":1}{"b":2}',
  '{"message":"\\ud800"}',
  '{"message":"\\u0000"}',
  '{"message":"\\x41"}',
  '{"message":"hi","message":{"a":1}}',
  '{"message":1e99999}',
  "",
  " ",
  "\u0000",
];

function bodyArbitrary(endpoint: Endpoint, ctx: FuzzContext): fc.Arbitrary<BodySpec> {
  const valid =
    endpoint.bodySchema !== undefined
      ? fromJsonSchema(endpoint.bodySchema, ctx)
      : knownBodyArbitrary(endpoint.template, ctx);
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(valid, fc.integer({ min: 0, max: 12 }), fc.jsonValue({ maxDepth: 2 }))
        .map(([v, how, extra]) => mutate(v, how > 6 ? 0 : how, extra)),
    },
    { weight: 2, arbitrary: fc.constant<BodySpec>({ kind: "none" }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): BodySpec => ({ kind: "json", value })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom(...MALFORMED_JSON), fc.string({ unit: "binary", maxLength: 80 }))
        .map((text): BodySpec => ({ kind: "text", text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "7bfffe7d",
          "fffe7b0022006d00",
          "7b226d657373616765223a22c0af227d",
          "1f8b0800000000000003",
          "00000000",
        )
        .map((hex): BodySpec => ({ kind: "bytes", hex })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: ctx.maxBodyBytes - 64, max: Math.max(ctx.maxBodyBytes * 30, 1_000_000) })
        .map((bytes): BodySpec => ({ kind: "huge", bytes })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          depth: fc.constantFrom(100, 1000, 10_000, 10_001),
          shape: fc.constantFrom("array" as const, "object" as const, "in-field" as const),
        })
        .map((n): BodySpec => ({ kind: "nested", ...n })),
    },
  );
}

function headerArbitrary(ctx: FuzzContext): fc.Arbitrary<[string, string]> {
  const sessionKey = fc.oneof(
    fc.constantFrom(...(ctx.pools.sessionKeys.length ? ctx.pools.sessionKeys : ["none"])),
    stringArbitrary(),
  );
  return fc.oneof(
    fc.tuple(
      fc.constant("accept"),
      fc.constantFrom(
        "text/html",
        "*/*",
        "text/event-stream",
        "application/xml",
        "garbage;;;q=x",
        "text/event-stream, text/html",
        "",
        "application/json;q=0",
      ),
    ),
    fc.tuple(
      fc.constant("origin"),
      fc.constantFrom(
        "https://evil.example",
        "null",
        "http://localhost:3000",
        "http://127.0.0.1:3000",
        "https://www.harborbank.example",
        "ÿÿ",
        "x".repeat(5000),
        "http://localhost:3000.evil.example",
      ),
    ),
    fc.tuple(fc.constant("x-session-key"), sessionKey),
    fc.tuple(
      fc.constant("x-admin-token"),
      fc.oneof(stringArbitrary(), fc.constant(ctx.adminToken ?? "none"), fc.constant(`${ctx.adminToken ?? ""}x`)),
    ),
    fc.tuple(fc.constant("x-forwarded-for"), fc.constantFrom("1.2.3.4", "127.0.0.1, 10.0.0.1", "not an ip", "::1", "")),
    fc.tuple(
      fc.constant("content-encoding"),
      fc.constantFrom("gzip", "deflate", "br", "identity", "bogus", "gzip, gzip"),
    ),
    fc.tuple(
      fc.constant("x-fuzz-huge"),
      fc.integer({ min: 4_000, max: 20_000 }).map((n) => "h".repeat(n)),
    ),
    fc.tuple(fc.constant("authorization"), fc.constantFrom(...ctx.auth.map((a) => a.header))),
    fc.tuple(fc.constant("content-type"), fc.constantFrom("application/json", "text/plain")),
    fc.tuple(fc.constant("access-control-request-method"), fc.constantFrom("DELETE", "POST", "PUT", "FUZZ")),
    fc.tuple(
      fc.constant("accept-language"),
      fc.oneof(fc.constantFrom("zh-CN,zh;q=0.9", "*", ";;;"), stringArbitrary()),
    ),
    fc.tuple(fc.constant("cookie"), stringArbitrary()),
    fc.tuple(fc.constant("range"), fc.constantFrom("bytes=0-1", "bytes=-1", "bytes=9999999-", "items=1-2")),
  );
}

/** The generator of fuzz cases over all endpoints of a context. */
export function fuzzCaseArbitrary(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...ctx.endpoints).chain((endpoint) => {
    const names = [...endpoint.template.matchAll(/:(\w+)/g)].map((m) => m[1] ?? "id");
    const queryKeys = fc.oneof(
      fc.constantFrom(
        "q",
        "k",
        "locale",
        "limit",
        "amount",
        "termMonths",
        "access_token",
        "ticket",
        "product",
        "q[]",
        "q[a]",
        "__proto__[fuzzPolluted]",
        "constructor[prototype][fuzzPolluted]",
      ),
      fc.string({ maxLength: 8 }),
    );
    const queryValue = fc.oneof(
      {
        weight: 2,
        arbitrary: stringArbitrary([
          "how do I reset my password",
          "card abroad fees",
          "透支费用",
          "5",
          "20",
          "en",
          "zh-CN",
        ]).map((text): ParamValue => ({ text })),
      },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_URL_FRAGMENTS).map((raw): ParamValue => ({ raw })) },
    );
    return fc.record({
      endpoint: fc.constant(endpoint),
      method: fc.oneof(
        { weight: 6, arbitrary: fc.constant(endpoint.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      params: fc.tuple(...names.map((n) => paramArbitrary(n, endpoint.template, ctx))),
      pathTrick: fc.oneof(
        { weight: 3, arbitrary: fc.constant("") },
        { weight: 1, arbitrary: fc.constantFrom(...PATH_TRICKS) },
      ),
      query: fc.oneof(
        { weight: 2, arbitrary: fc.constant<Array<[string, ParamValue]>>([]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(queryKeys, queryValue), { minLength: 1, maxLength: 4 }) },
      ),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | null>("application/json") },
        { weight: 1, arbitrary: fc.constant<string | null>(null) },
        { weight: 2, arbitrary: fc.constantFrom<string | null>(...CONTENT_TYPES) },
      ),
      // Valid identities are drawn as often as hostile tokens, so requests also get past authentication.
      auth: fc.oneof(
        { weight: 1, arbitrary: fc.constant<AuthVariant | null>(null) },
        { weight: 2, arbitrary: fc.constantFrom<AuthVariant | null>(...ctx.auth.filter((a) => a.role !== "invalid")) },
        { weight: 2, arbitrary: fc.constantFrom<AuthVariant | null>(...ctx.auth) },
      ),
      headers: fc.oneof(
        { weight: 1, arbitrary: fc.constant<Array<[string, string]>>([]) },
        { weight: 1, arbitrary: fc.array(headerArbitrary(ctx), { minLength: 1, maxLength: 3 }) },
      ),
      body: bodyArbitrary(endpoint, ctx),
    });
  });
}

function applyPathTrick(path: string, trick: string): string {
  switch (trick) {
    case "trailing-slash":
      return `${path}/`;
    case "double-slash":
      return `/${path}`;
    case "upper":
      return path.toUpperCase();
    case "dot-segment":
      return path.replace(/^\/([^/]+)/, "/$1/.");
    case "dotdot-prefix":
      return `/nothing/..${path}`;
    case "matrix":
      return `${path};jsessionid=fuzz`;
    case "encoded-slash":
      return path.replaceAll("/", "%2F").replace(/^%2F/, "/");
    case "nul-suffix":
      return `${path}%00`;
    case "traversal-suffix":
      return `${path}/..%2f..%2f..%2fpackage.json`;
    case "double-encoded":
      return path.replace(/\//g, (s, i: number) => (i > 0 ? "%252F" : s));
    default:
      return path;
  }
}

function bodyBytes(body: BodySpec): Buffer | undefined {
  switch (body.kind) {
    case "none":
      return undefined;
    case "json":
      return Buffer.from(JSON.stringify(body.value) ?? "null");
    case "text":
      return Buffer.from(body.text);
    case "bytes":
      return Buffer.from(body.hex, "hex");
    case "huge":
      return Buffer.from(`{"message":"${"A".repeat(Math.max(0, body.bytes - 14))}"}`);
    case "nested": {
      const n = body.depth;
      if (body.shape === "object") return Buffer.from(`${'{"a":'.repeat(n)}1${"}".repeat(n)}`);
      const arrays = `${"[".repeat(n)}${"]".repeat(n)}`;
      return Buffer.from(body.shape === "array" ? arrays : `{"message":${arrays}}`);
    }
  }
}

/** Builds the wire request of a case. */
export function toRawRequest(c: FuzzCase, timeoutMs = 15_000): RawRequest {
  let i = 0;
  const encode = (p: ParamValue): string => ("raw" in p ? p.raw : encodeText(p.text));
  const path = applyPathTrick(
    c.endpoint.template.replace(/:\w+/g, () => encode(c.params[i++] ?? { text: "x" })),
    c.pathTrick,
  );
  const query = c.query
    .map(([k, v]) => `${encodeText(k).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encode(v)}`)
    .join("&");
  const headers: Array<[string, string]> = [];
  if (c.contentType !== null) headers.push(["content-type", toHeaderValue(c.contentType)]);
  if (c.auth) headers.push(["authorization", toHeaderValue(c.auth.header)]);
  for (const [k, v] of c.headers) headers.push([k, toHeaderValue(v)]);
  if (!headers.some(([k]) => k === "accept")) headers.push(["accept", "application/json"]);
  const body =
    c.method === "GET" || c.method === "HEAD"
      ? c.body.kind === "none"
        ? undefined
        : bodyBytes(c.body)
      : bodyBytes(c.body);
  return {
    method: c.method,
    path: `${path}${query ? `?${query}` : ""}`,
    headers,
    ...(body ? { body } : {}),
    timeoutMs,
  };
}

/** A one-line description of a case for reports (large bodies summarised). */
export function describeCase(c: FuzzCase): string {
  const req = toRawRequest(c);
  const body = req.body
    ? req.body.length > 300
      ? `<${req.body.length} bytes: ${JSON.stringify(req.body.subarray(0, 120).toString("utf8"))}…>`
      : JSON.stringify(req.body.toString("utf8"))
    : "(none)";
  const headers = req.headers
    ?.map(([k, v]) => `${k}: ${v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : v}`)
    .join(" | ");
  return `${req.method} ${req.path.length > 400 ? `${req.path.slice(0, 400)}…` : req.path}\n  headers: ${headers}\n  auth: ${c.auth?.label ?? "none"}\n  body: ${body}`;
}
