// Signs the benchmark's customers in through GET /v1/demo/tokens (demo mode), which every version of the service
// since the first benchmark serves, so the same benchmark also measures older commits.
import type { ChatTransport } from "./chat-transport.js";

function roleOf(jwt: string): unknown {
  try {
    const claims: unknown = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
    return claims !== null && typeof claims === "object" ? (claims as Record<string, unknown>)["role"] : undefined;
  } catch {
    return undefined;
  }
}

/** Every customer JWT anywhere in a reply (the endpoint's exact shape does not matter: each token is decoded). */
export function customerTokensOf(body: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string" && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v)) {
      if (roleOf(v) === "customer") out.push(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(body);
  return out;
}

/** Fetches customer tokens, or throws with what the server said. */
export async function fetchCustomerTokens(transport: ChatTransport): Promise<string[]> {
  const reply = await transport.json("/v1/demo/tokens");
  const tokens = customerTokensOf(reply.body);
  if (reply.status !== 200 || tokens.length === 0) {
    const said = JSON.stringify(reply.body).slice(0, 300);
    throw new Error(`GET /v1/demo/tokens gave ${reply.status} with no customer tokens: ${said}`);
  }
  return tokens;
}
