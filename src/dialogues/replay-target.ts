// Where dialogues are replayed: a chat server's base URL plus a way to get each speaker's token, and optionally
// the cassette server that app instance uses as its model. Built in-process or pointed at a running server.
import { createIdentityMinter, createTokenSigner } from "../auth/token-signer.js";
import type { CassetteServer } from "./cassette-server.js";
import type { Speaker } from "./dialogue-schema.js";

/** A running chat server the replay talks to over HTTP. */
export interface ReplayTarget {
  baseUrl: string;
  /** The bearer token for a speaker; undefined for anonymous. */
  tokenFor(speaker: Speaker): Promise<string | undefined>;
  /** A staff token used to read turn traces; undefined when traces cannot be read. */
  staffToken(): Promise<string | undefined>;
  /** Present when this target's model is the cassette server. */
  cassettes?: CassetteServer;
  /** True for a server we did not start (its model cannot be replaced by cassettes). */
  remote?: boolean;
}

const DemoTokensSchemaKeys = ["demo1", "demo2", "staff"] as const;

/** Fetches `GET /v1/demo/tokens` once; resolves to an empty map when the server does not offer it. */
export function createDemoTokenSource(
  baseUrl: string,
): () => Promise<Partial<Record<(typeof DemoTokensSchemaKeys)[number], string>>> {
  let cached: Promise<Partial<Record<(typeof DemoTokensSchemaKeys)[number], string>>> | undefined;
  return () => {
    cached ??= (async () => {
      const res = await fetch(new URL("/v1/demo/tokens", baseUrl));
      if (!res.ok) return {};
      const body = (await res.json()) as Record<string, unknown>;
      return Object.fromEntries(
        DemoTokensSchemaKeys.filter((k) => typeof body[k] === "string").map((k) => [k, body[k] as string]),
      );
    })();
    return cached;
  };
}

/** A target for a server already running at `baseUrl` (tokens from its demo endpoint; every staff speaker uses its staff token). */
export function createRemoteTarget(baseUrl: string): ReplayTarget {
  const demo = createDemoTokenSource(baseUrl);
  return {
    baseUrl,
    async tokenFor(speaker) {
      if (speaker === "anonymous") return undefined;
      const tokens = await demo();
      const key = speaker.startsWith("staff:") ? "staff" : (speaker.slice("customer:".length) as "demo1" | "demo2");
      const t = tokens[key];
      if (!t) throw new Error(`the server at ${baseUrl} offers no demo token for ${speaker} (GET /v1/demo/tokens)`);
      return t;
    },
    staffToken: async () => (await demo()).staff,
    remote: true,
  };
}

/** The HS256 secret, issuer and audience of one trust domain of the app under test. */
export interface MintingDomain {
  secret: string;
  issuer: string;
  audience: string;
}

/** A target for an app whose signing secrets we know: tokens are minted locally, so any staff name works. */
export function createMintingTarget(options: {
  baseUrl: string;
  customer: MintingDomain;
  staff: MintingDomain;
  cassettes?: CassetteServer;
}): ReplayTarget {
  const tokens = createIdentityMinter({
    customer: createTokenSigner({
      kind: "customer",
      issuer: options.customer.issuer,
      audience: options.customer.audience,
      key: { alg: "HS256", secret: options.customer.secret },
    }),
    staff: createTokenSigner({
      kind: "staff",
      issuer: options.staff.issuer,
      audience: options.staff.audience,
      key: { alg: "HS256", secret: options.staff.secret },
    }),
  });
  const cache = new Map<string, Promise<string>>();
  const mint = (speaker: Exclude<Speaker, "anonymous">): Promise<string> => {
    let t = cache.get(speaker);
    if (!t) {
      const [kind, id] = speaker.split(":") as [string, string];
      t = tokens.mint(kind === "staff" ? { kind: "staff", staffId: id } : { kind: "customer", customerId: id });
      cache.set(speaker, t);
    }
    return t;
  };
  return {
    baseUrl: options.baseUrl,
    tokenFor: async (speaker) => (speaker === "anonymous" ? undefined : mint(speaker)),
    staffToken: () => mint("staff:dialogue-replay"),
    ...(options.cassettes ? { cassettes: options.cassettes } : {}),
  };
}
