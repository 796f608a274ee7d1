// What every fuzzed response must satisfy: no server fault (5xx), no dropped connection, errors as JSON with the JSON
// content type (never an HTML page), no stack trace or file contents in a body, and no staff data without a staff token.
import type { RawReply, RawRequest } from "../load/http-client.js";
import { parseJson } from "../load/http-client.js";
import type { FuzzCase } from "./fuzz-case.js";
import { toHeaderValue, type AuthVariant } from "./hostile-values.js";

/** One broken rule, named for the summary table. */
export interface Problem {
  kind:
    | "5xx"
    | "no_response"
    | "html_error"
    | "non_json_error"
    | "stack_trace"
    | "leak"
    | "auth_bypass"
    | "prototype_polluted";
  detail: string;
}

// A V8 stack frame ("at fn (/path/file.js:1:2)" or "at /path/file.js:1:2") or a Node error class header.
const STACK =
  /\bat (?:[\w$.<>[\] ]{1,80} \()?(?:file:\/\/|node:)?\/?[\w@./-]{1,200}:\d{1,6}:\d{1,6}\)?|\b(?:TypeError|ReferenceError|RangeError|SyntaxError): [^"]{0,80}\n/;
const LEAKS = /"devDependencies"|root:x:0:0|BEGIN (?:RSA |EC )?PRIVATE KEY|dev-only-[\w-]{8}/;
const HTML = /<!doctype html|<html[\s>]|<body[\s>]|<pre>/i;

/** Checks one response to one case; an empty list means the server behaved. */
export function checkReply(
  c: FuzzCase,
  req: RawRequest,
  reply: RawReply,
  target: { adminToken?: string; auth: AuthVariant[] },
): Problem[] {
  if (reply.status === 0)
    return reply.error?.startsWith("client_refused")
      ? []
      : [{ kind: "no_response", detail: reply.error ?? "no response" }];
  const problems: Problem[] = [];
  const text = reply.body.toString("utf8");
  const type = String(reply.headers["content-type"] ?? "");
  if (reply.status >= 500) problems.push({ kind: "5xx", detail: `status ${reply.status}: ${text.slice(0, 200)}` });
  if (reply.status >= 400 && req.method !== "HEAD") {
    const json = parseJson(text) !== undefined;
    if (type.startsWith("text/html") || (!json && HTML.test(text)))
      problems.push({ kind: "html_error", detail: `status ${reply.status} ${type}: ${text.slice(0, 200)}` });
    else if (!type.startsWith("application/json") || typeof errorCode(text) !== "string")
      problems.push({
        kind: "non_json_error",
        detail: `status ${reply.status} content-type "${type}": ${JSON.stringify(text.slice(0, 200))}`,
      });
  }
  if (STACK.test(text)) problems.push({ kind: "stack_trace", detail: text.slice(0, 300) });
  if (LEAKS.test(text)) problems.push({ kind: "leak", detail: text.slice(0, 200) });
  const staffRoute = c.endpoint.template.startsWith("/v1/staff") || c.endpoint.template.startsWith("/v1/admin");
  const presented = effectiveAuth(req, target.auth);
  if (
    staffRoute &&
    reply.status < 300 &&
    req.method !== "OPTIONS" &&
    presented?.role !== "staff" &&
    !isAdminCall(c, target.adminToken)
  ) {
    problems.push({
      kind: "auth_bypass",
      detail: `${reply.status} for ${presented?.label ?? "no token"} on ${c.endpoint.template}`,
    });
  }
  return problems;
}

// Node keeps the first of duplicate Authorization headers, so that is the token the server judged.
function effectiveAuth(req: RawRequest, variants: AuthVariant[]): AuthVariant | undefined {
  const sent = req.headers?.find(([k]) => k.toLowerCase() === "authorization")?.[1];
  return sent === undefined ? undefined : variants.find((v) => toHeaderValue(v.header) === sent);
}

function isAdminCall(c: FuzzCase, adminToken: string | undefined): boolean {
  return (
    adminToken !== undefined &&
    c.endpoint.template.startsWith("/v1/admin") &&
    c.headers.some(([k, v]) => k === "x-admin-token" && v === adminToken)
  );
}

function errorCode(text: string): unknown {
  const body = parseJson(text);
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const error = "error" in body ? body.error : undefined;
  return error !== null && typeof error === "object" && "code" in error ? error.code : undefined;
}
