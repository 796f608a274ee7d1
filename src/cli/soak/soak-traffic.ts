// Steady mixed traffic for the soak: at a fixed arrival rate, anonymous and signed-in customers chat in English and
// Chinese, look up accounts and transactions, freeze a card and approve or reject, staff read queues and conversations,
// live-event streams open and close, and the knowledge base is searched. Every call's latency and outcome is recorded.
import type { IncomingHttpHeaders } from "node:http";
import { createRng, type Rng } from "../../shared/random.js";
import { createHttpClient, field, type HttpClient } from "../load/http-client.js";
import type { ScriptTokens } from "../load/mint-tokens.js";

/** One HTTP call of the soak. */
export interface SoakSample {
  at: number;
  kind: string;
  ms: number;
  /** Streams are held open on purpose, so their duration is not a latency. */
  timed: boolean;
  error?: string;
}

/** Options of a traffic run. */
export interface SoakTrafficOptions {
  base: URL;
  tokens: ScriptTokens;
  ratePerSecond: number;
  durationMs: number;
  seed: number;
  /** Arrivals beyond this many unfinished scenarios are dropped and counted as errors (the service fell behind). */
  maxInFlight?: number;
  /** How long a live-event stream stays open. */
  streamHoldMs?: number;
  onSample?: (s: SoakSample) => void;
}

type Call = (
  kind: string,
  method: string,
  path: string,
  options?: { body?: unknown; token?: string; sessionKey?: string; timed?: boolean; holdMs?: number },
) => Promise<{ status: number; body: unknown; headers: IncomingHttpHeaders } | undefined>;

interface Scenario {
  name: string;
  weight: number;
  run(call: Call, rng: Rng, t: ScriptTokens, state: SharedState): Promise<void>;
}

/** Sessions other scenarios may read (staff views, live events), bounded. */
interface SharedState {
  sessions: Array<{ id: string; token?: string; sessionKey?: string }>;
}

const EN_QUESTIONS = [
  "What does it cost to use my debit card abroad?",
  "How do I reset my online banking password?",
  "What are the fees for an overdraft?",
  "How do I activate my new card?",
];
const ZH_QUESTIONS = [
  "在国外用借记卡要收多少手续费？",
  "怎么激活我的新卡？",
  "透支要收什么费用？",
  "怎么重置网上银行密码？",
];
const SEARCHES = ["card abroad fees", "reset password", "overdraft", "透支费用", "激活新卡"];

function remember(state: SharedState, s: SharedState["sessions"][number]): void {
  state.sessions.push(s);
  if (state.sessions.length > 200) state.sessions.shift();
}

async function chatTurns(
  call: Call,
  kind: string,
  messages: string[],
  token: string | undefined,
  state: SharedState,
  locale?: string,
): Promise<string | undefined> {
  let sessionId: string | undefined;
  let sessionKey: string | undefined;
  for (const message of messages) {
    const r = await call(kind, "POST", "/v1/chat", {
      body: { message, ...(sessionId ? { sessionId } : {}), ...(locale ? { locale } : {}) },
      ...(token ? { token } : {}),
      ...(sessionKey ? { sessionKey } : {}),
    });
    if (!r) return undefined;
    const id = field(r.body, "sessionId");
    const key = field(r.body, "sessionKey");
    if (typeof id === "string") sessionId = id;
    if (typeof key === "string") sessionKey = key;
  }
  if (sessionId) remember(state, { id: sessionId, ...(token ? { token } : {}), ...(sessionKey ? { sessionKey } : {}) });
  return sessionId;
}

/** The traffic mix, weighted like a support desk's day. */
export const SOAK_SCENARIOS: Scenario[] = [
  {
    name: "anonymous-en",
    weight: 8,
    run: (call, rng, _t, st) =>
      chatTurns(call, "chat-anon-en", [rng.pick(EN_QUESTIONS), "And what about cash withdrawals?"], undefined, st).then(
        () => undefined,
      ),
  },
  {
    name: "anonymous-zh",
    weight: 6,
    run: (call, rng, _t, st) =>
      chatTurns(call, "chat-anon-zh", [rng.pick(ZH_QUESTIONS)], undefined, st, "zh-CN").then(() => undefined),
  },
  {
    name: "signed-in-question",
    weight: 4,
    run: (call, rng, t, st) =>
      chatTurns(call, "chat-signed", [rng.pick([...EN_QUESTIONS, ...ZH_QUESTIONS])], rng.pick(t.customers), st).then(
        () => undefined,
      ),
  },
  {
    name: "account-lookup",
    weight: 5,
    run: (call, rng, t, st) =>
      chatTurns(
        call,
        "chat-account",
        [rng.pick(["What is my balance?", "我的账户余额是多少？", "Which accounts do I have?"])],
        rng.pick(t.customers),
        st,
      ).then(() => undefined),
  },
  {
    name: "transactions",
    weight: 5,
    run: (call, rng, t, st) =>
      chatTurns(
        call,
        "chat-transactions",
        [rng.pick(["Can you show me my recent transactions?", "帮我查一下最近的交易记录"])],
        rng.pick(t.customers),
        st,
      ).then(() => undefined),
  },
  {
    name: "freeze",
    weight: 3,
    async run(call, rng, t) {
      const token = rng.pick(t.customers);
      const r = await call("chat-freeze", "POST", "/v1/chat", {
        body: { message: rng.pick(["I lost my card, please freeze it", "我的卡丢了，请帮我冻结"]) },
        token,
      });
      const sessionId = field(r?.body, "sessionId");
      const confirmationId = field(r?.body, "pendingConfirmation", "id");
      if (typeof sessionId !== "string" || typeof confirmationId !== "string") return;
      // Mostly reject so cards stay usable for later freezes; approve sometimes so that path runs too.
      const decision = rng.next() < 0.3 ? "approve" : "reject";
      await call(`confirm-${decision}`, "POST", "/v1/chat/confirm", {
        body: { sessionId, confirmationId, decision },
        token,
      });
    },
  },
  {
    name: "staff-reads",
    weight: 4,
    async run(call, rng, t, st) {
      const which = rng.next();
      if (which < 0.3) await call("staff-conversations", "GET", "/v1/staff/conversations?limit=20", { token: t.staff });
      else if (which < 0.55) await call("staff-handoffs", "GET", "/v1/staff/handoffs", { token: t.staff });
      else if (which < 0.75) await call("staff-flagged", "GET", "/v1/staff/fraud/flagged?limit=20", { token: t.staff });
      else {
        const s = st.sessions.length > 0 ? rng.pick(st.sessions) : undefined;
        if (s) await call("staff-conversation", "GET", `/v1/staff/conversations/${s.id}`, { token: t.staff });
      }
    },
  },
  {
    name: "live-events",
    weight: 2,
    async run(call, rng, _t, st) {
      const s = st.sessions.length > 0 ? rng.pick(st.sessions) : undefined;
      if (!s) return;
      const auth = { ...(s.token ? { token: s.token } : {}), ...(s.sessionKey ? { sessionKey: s.sessionKey } : {}) };
      const history = await call("session-history", "GET", `/v1/sessions/${s.id}`, auth);
      if (!history) return;
      const ticket = field(
        (await call("stream-ticket", "POST", `/v1/sessions/${s.id}/stream-ticket`, { ...auth, body: {} }))?.body,
        "ticket",
      );
      if (typeof ticket !== "string") return;
      await call("live-events", "GET", `/v1/sessions/${s.id}/events?ticket=${encodeURIComponent(ticket)}`, {
        timed: false,
        holdMs: 1000 + Math.floor(rng.next() * 2000),
      });
    },
  },
  {
    name: "knowledge-search",
    weight: 4,
    run: (call, rng) =>
      call("knowledge-search", "GET", `/v1/knowledge/search?q=${encodeURIComponent(rng.pick(SEARCHES))}&k=5`).then(
        () => undefined,
      ),
  },
];

function describeFailure(status: number, body: unknown, error?: string): string | undefined {
  if (status === 0) return `network:${error ?? "?"}`;
  if (status >= 400) {
    const code = field(body, "error", "code");
    return `http_${status}${typeof code === "string" ? `:${code}` : ""}`;
  }
  return undefined;
}

function weightedPick(rng: Rng, items: Scenario[]): Scenario {
  const total = items.reduce((s, x) => s + x.weight, 0);
  let r = rng.next() * total;
  for (const x of items) if ((r -= x.weight) < 0) return x;
  const last = items[items.length - 1];
  if (!last) throw new Error("no soak scenarios");
  return last;
}

/** Runs the mix at a fixed arrival rate (open loop) for the duration and resolves with every sample. */
export async function runSoakTraffic(options: SoakTrafficOptions): Promise<SoakSample[]> {
  const client: HttpClient = createHttpClient(options.base, 64);
  const samples: SoakSample[] = [];
  const state: SharedState = { sessions: [] };
  const record = (s: SoakSample): void => {
    samples.push(s);
    options.onSample?.(s);
  };
  const call: Call = async (kind, method, path, o = {}) => {
    const headers: Array<[string, string]> = [["accept", "application/json"]];
    if (o.token) headers.push(["authorization", `Bearer ${o.token}`]);
    if (o.sessionKey) headers.push(["x-session-key", o.sessionKey]);
    const payload = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
    if (payload) headers.push(["content-type", "application/json"]);
    const at = performance.now();
    const r = await client.send({
      method,
      path,
      headers,
      ...(payload ? { body: payload } : {}),
      timeoutMs: 30_000,
      ...(o.holdMs ? { streamHoldMs: o.holdMs } : {}),
    });
    const text = r.body.toString("utf8");
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // streams and pages are not JSON
    }
    const error = describeFailure(r.status, body, r.error);
    record({ at, kind, ms: r.ms, timed: o.timed ?? true, ...(error ? { error } : {}) });
    return error ? undefined : { status: r.status, body, headers: r.headers };
  };

  const rng = createRng(options.seed);
  const start = performance.now();
  const intervalMs = 1000 / options.ratePerSecond;
  const maxInFlight = options.maxInFlight ?? 64;
  const running = new Set<Promise<void>>();
  for (let n = 0; ; n++) {
    const due = start + n * intervalMs;
    if (due - start >= options.durationMs) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (running.size >= maxInFlight) {
      record({ at: performance.now(), kind: "dropped", ms: 0, timed: false, error: "dropped:service_behind" });
      continue;
    }
    const scenario = weightedPick(rng, SOAK_SCENARIOS);
    const p: Promise<void> = scenario
      .run(call, createRng(options.seed * 100_003 + n), options.tokens, state)
      .catch((e: Error) =>
        record({ at: performance.now(), kind: scenario.name, ms: 0, timed: false, error: `client:${e.message}` }),
      )
      .finally(() => running.delete(p));
    running.add(p);
  }
  await Promise.all(running);
  client.close();
  return samples;
}
