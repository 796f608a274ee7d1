// A scripted stand-in for the chat API contract (/work/brief/http-api.md), serving public/ like the real server.
// Used only for deterministic widget behaviours the real engine cannot be made to show on demand (dropped streams,
// slow tokens); everything end-to-end runs against the real app.
import express from "express";
import type { Server } from "node:http";
import { join } from "node:path";

interface FakeMessage {
  id: string;
  role: "user" | "assistant" | "staff" | "system";
  author?: string;
  text: string;
  createdAt: string;
}
interface FakeSession {
  id: string;
  key?: string;
  mode: "bot" | "human";
  messages: FakeMessage[];
  listeners: Set<(event: string, data: unknown) => void>;
}

/** Options that shape the fake's behaviour per test. */
export interface FakeOptions {
  publicDir: string;
  tokenDelayMs?: number;
  /** Drop the connection of the first N chat turns mid-stream. */
  dropFirstTurns?: number;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
/** An unsigned token with the claims the widget and console read (an hour before it expires). */
export const fakeToken = (sub: string, role = "customer") =>
  `${b64({ alg: "none" })}.${b64({ sub, role, exp: Math.floor(Date.now() / 1000) + 3600 })}.x`;

/** Starts the fake on an ephemeral port. */
export async function startFakeChatApi(options: FakeOptions): Promise<{
  url: string;
  sessions: Map<string, FakeSession>;
  frozen: Set<string>;
  eventUrls: string[];
  close(): Promise<void>;
}> {
  const sessions = new Map<string, FakeSession>();
  // Like the real server: ids are the server's, an anonymous session needs its key, live events need a ticket.
  const tickets = new Map<string, string>();
  const eventUrls: string[] = [];
  const frozen = new Set<string>();
  let drops = options.dropFirstTurns ?? 0;
  let n = 0;
  const app = express();
  app.use(express.json());
  app.get("/widget.js", (_req, res) => res.sendFile(join(options.publicDir, "build/widget.js")));
  app.get("/console.js", (_req, res) => res.sendFile(join(options.publicDir, "build/console.js")));
  app.get("/console", (_req, res) => res.sendFile(join(options.publicDir, "console.html")));
  app.get("/", (_req, res) => res.sendFile(join(options.publicDir, "index.html")));
  app.use("/assets", express.static(join(options.publicDir, "assets")));
  app.get("/kb/:docId", (req, res) => res.type("html").send(`<h1>${req.params.docId}</h1>`));
  app.get("/v1/demo/tokens", (_req, res) =>
    res.json({ demo1: fakeToken("demo1"), demo2: fakeToken("demo2"), staff: fakeToken("alice", "staff") }),
  );

  const session = (id?: string) => {
    const existing = id ? sessions.get(id) : undefined;
    if (existing) return existing;
    const s: FakeSession = {
      id: `sess_${(++n).toString().padStart(8, "0")}`,
      mode: "bot",
      messages: [],
      listeners: new Set(),
    };
    sessions.set(s.id, s);
    return s;
  };
  /** The caller's session, a new one when no id is given, or undefined (answered 404) when it is not theirs. */
  const ownSession = (req: express.Request, id: string | undefined): { s: FakeSession; fresh: boolean } | undefined => {
    if (!id) {
      const s = session();
      if (!req.get("authorization")) s.key = `key_${s.id}_${"k".repeat(30)}`;
      return { s, fresh: true };
    }
    const s = sessions.get(id);
    if (!s || (s.key && req.get("x-session-key") !== s.key)) return undefined;
    return { s, fresh: false };
  };
  const notFound = (res: express.Response) =>
    void res.status(404).json({ error: { code: "not_found", message: "No such conversation." } });
  const push = (s: FakeSession, role: FakeMessage["role"], text: string, author?: string) => {
    const m: FakeMessage = {
      id: `m${++n}`,
      role,
      text,
      createdAt: new Date().toISOString(),
      ...(author ? { author } : {}),
    };
    s.messages.push(m);
    return m;
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function stream(
    res: express.Response,
    s: FakeSession,
    fresh: boolean,
    reply: {
      text: string;
      citations?: { docId: string; title: string; version: string }[];
      quickReplies?: string[];
      tool?: string;
      confirmation?: { id: string; action: string; summary: string };
      handoff?: { ticketId: string; status: "waiting" | "with_agent" };
    },
  ) {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const credentials = { sessionId: s.id, ...(fresh && s.key ? { sessionKey: s.key } : {}) };
    if (fresh) send("session", credentials);
    send("intent", { name: "x", route: "knowledge", confidence: 0.9 });
    if (reply.tool) {
      send("tool", { name: "list_cards", phase: "start", label: reply.tool });
      await sleep(options.tokenDelayMs ?? 30);
      send("tool", { name: "list_cards", phase: "end", label: reply.tool, status: "ok" });
    }
    const words = reply.text.split(/(?<= )/);
    for (const [i, w] of words.entries()) {
      send("token", { text: w });
      await sleep(options.tokenDelayMs ?? 30);
      if (drops > 0 && i === 2) {
        drops--;
        res.destroy();
        return;
      }
    }
    if (reply.citations) send("citations", reply.citations);
    if (reply.confirmation) send("confirmation", reply.confirmation);
    push(s, "assistant", reply.text);
    send("done", {
      ...credentials,
      reply: {
        text: reply.text,
        citations: reply.citations ?? [],
        ...(reply.quickReplies ? { quickReplies: reply.quickReplies } : {}),
      },
      intent: { name: "x", route: "knowledge", confidence: 0.9 },
      toolCalls: [],
      traceId: `t${n}`,
      ...(reply.confirmation ? { pendingConfirmation: reply.confirmation } : {}),
      ...(reply.handoff ? { handoff: reply.handoff } : {}),
    });
    res.end();
  }

  app.post("/v1/chat", async (req, res) => {
    const body = req.body as { sessionId?: string; message: string };
    const own = ownSession(req, body.sessionId);
    if (!own) return notFound(res);
    const { s, fresh } = own;
    push(s, "user", body.message);
    const m = body.message.toLowerCase();
    if (s.mode === "human")
      return stream(res, s, fresh, { text: "", handoff: { ticketId: "T1", status: "with_agent" } });
    if (/freeze|冻结/.test(m))
      return stream(res, s, fresh, {
        text: "I found your debit card ending 4421. Shall I freeze it?",
        tool: "Checking your cards…",
        confirmation: { id: "conf_1", action: "freeze_card", summary: "Freeze debit card ending 4421" },
      });
    if (/person|human|人工/.test(m))
      return stream(res, s, fresh, {
        text: "I've asked a member of our team to join. Please stay in this chat.",
        handoff: { ticketId: "T1", status: "waiting" },
      });
    if (/[\u3400-\u9fff]/.test(m))
      return stream(res, s, fresh, {
        text: "如果您的卡丢失或被盗，请立即在应用中冻结该卡，然后致电我们补办新卡。",
        citations: [{ docId: "lost-stolen-cards", title: "挂失与被盗银行卡", version: "3" }],
      });
    return stream(res, s, fresh, {
      text: "If your card is lost or stolen, freeze it straight away in the app, then order a replacement. We never ask for your PIN.",
      citations: [
        { docId: "lost-stolen-cards", title: "Lost and stolen cards", version: "3" },
        { docId: "card-security", title: "Keeping your card safe", version: "2" },
      ],
      quickReplies: ["Freeze my card", "Talk to a person"],
    });
  });
  app.post("/v1/chat/confirm", async (req, res) => {
    const body = req.body as { sessionId: string; decision: string };
    const own = ownSession(req, body.sessionId);
    if (!own) return notFound(res);
    const { s } = own;
    if (body.decision === "approve") frozen.add("card_4421");
    return stream(res, s, false, {
      text:
        body.decision === "approve"
          ? "Done — your card ending 4421 is now frozen. You can unfreeze it any time."
          : "OK, I have not changed anything.",
      tool: "Freezing your card…",
    });
  });
  app.post("/v1/sessions/:id/stream-ticket", (req, res) => {
    const own = ownSession(req, req.params.id);
    if (!own) return notFound(res);
    const ticket = `ticket_${++n}_${"t".repeat(32)}`;
    tickets.set(ticket, own.s.id);
    res.json({ ticket, expiresInSeconds: 60 });
  });
  app.get("/v1/sessions/:id/events", (req, res) => {
    eventUrls.push(req.originalUrl);
    const ticket = typeof req.query["ticket"] === "string" ? req.query["ticket"] : "";
    const s = sessions.get(req.params.id);
    if (tickets.get(ticket) !== req.params.id || !s)
      return void res
        .status(401)
        .json({ error: { code: "unauthenticated", message: "The stream ticket is not valid." } });
    tickets.delete(ticket);
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
    res.write(": hello\n\n");
    const l = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    s.listeners.add(l);
    req.on("close", () => s.listeners.delete(l));
  });
  app.get("/v1/staff/conversations", (_req, res) =>
    res.json({
      conversations: [...sessions.values()].map((s) => ({
        id: s.id,
        identity: { kind: "customer", customerId: "demo1" },
        locale: "en",
        mode: s.mode,
        updatedAt: new Date().toISOString(),
        lastMessage: s.messages.at(-1)?.text,
        messageCount: s.messages.length,
      })),
    }),
  );
  app.get("/v1/staff/conversations/:id", (req, res) => {
    const s = sessions.get(req.params.id);
    if (!s) return void res.status(404).json({ error: { code: "not_found", message: "No such conversation." } });
    res.json({
      session: { id: s.id, locale: "en", mode: s.mode, createdAt: new Date().toISOString() },
      messages: s.messages,
      traces: s.messages
        .filter((m) => m.role === "user")
        .map((m, i) => ({
          traceId: `t${i}`,
          turn: i + 1,
          startedAt: m.createdAt,
          identity: "customer",
          locale: "en",
          kind: "message",
          message: m.text,
          intent: { name: "card_lost", route: "cards", confidence: 0.91 },
          retrieved: [{ docId: "lost-stolen-cards", version: "3", chunkId: "lost-stolen-cards#2", score: 0.812 }],
          toolCalls: [{ name: "list_cards", args: {}, status: "ok", summary: "2 cards", ms: 4 }],
          guardrails: [{ type: "pii_redacted", detail: "card number masked" }],
          provider: "fake",
          model: "scripted",
          reply: "…",
          latencyMs: { route: 3, agent: 120, total: 131 },
        })),
      ...(s.mode === "human"
        ? {
            ticket: {
              id: "T1",
              sessionId: s.id,
              summary: "Customer asked for a person",
              status: "with_agent",
              staffId: "alice",
              createdAt: new Date().toISOString(),
            },
          }
        : {}),
    });
  });
  app.get("/v1/staff/handoffs", (_req, res) => {
    // Same page shape as the real queue: tickets, counts, and no nextCursor because everything fits on one page.
    const tickets = [...sessions.values()]
      .filter((s) => s.messages.some((m) => /person/.test(m.text)))
      .map((s) => ({
        id: "T1",
        sessionId: s.id,
        summary: "Customer asked for a person about a card payment",
        status: s.mode === "human" ? "with_agent" : "waiting",
        identified: false,
        createdAt: new Date().toISOString(),
      }));
    const waiting = tickets.filter((t) => t.status === "waiting").length;
    res.json({ tickets, counts: { waiting, with_agent: tickets.length - waiting, waitingIdentified: 0 } });
  });
  app.post("/v1/staff/conversations/:id/takeover", (req, res) => {
    const s = session(req.params.id);
    s.mode = "human";
    s.listeners.forEach((l) => l("handoff", { ticketId: "T1", status: "with_agent" }));
    res.json({ ticketId: "T1", status: "with_agent" });
  });
  app.post("/v1/staff/conversations/:id/reply", (req, res) => {
    const s = session(req.params.id);
    const m = push(s, "staff", (req.body as { text: string }).text, "alice");
    s.listeners.forEach((l) => l("message", m));
    res.json(m);
  });
  app.post("/v1/staff/conversations/:id/handback", (req, res) => {
    const s = session(req.params.id);
    s.mode = "bot";
    s.listeners.forEach((l) => l("handoff", { ticketId: "T1", status: "closed" }));
    res.json({ mode: "bot" });
  });
  app.get("/v1/staff/conversations/:id/dialogue", (req, res) =>
    res
      .type("text/yaml")
      .set("Content-Disposition", `attachment; filename="${req.params.id}.yaml"`)
      .send("name: x\nturns: []\n"),
  );
  app.get("/v1/staff/fraud/flagged", (_req, res) =>
    res.json({
      transactions: [
        {
          id: "tx_901",
          customerId: "demo1",
          cardId: "card_4421",
          merchantName: "ELECTRO WORLD ONLINE",
          amount: 1249.99,
          currency: "GBP",
          timestamp: new Date().toISOString(),
          assessment: {
            probability: 0.93,
            level: "block",
            reasons: [
              { code: "AMOUNT_SPIKE", text: { en: "Amount is 14× the customer's usual spend", "zh-CN": "金额异常" } },
              { code: "NEW_MERCHANT", text: { en: "First purchase at this merchant", "zh-CN": "新商户" } },
            ],
            modelVersion: "fraud-gbm-2026.11",
          },
        },
      ],
    }),
  );
  app.post("/v1/staff/fraud/labels", (_req, res) => res.json({ ok: true }));
  app.get("/v1/staff/credit/:id", (_req, res) =>
    res.json({
      customer: { id: "demo1" },
      estimate: {
        points: 612,
        grade: "B",
        probabilityOfDefault: 0.034,
        decision: "approve",
        reasons: [{ code: "R01", text: { en: "High revolving utilisation", "zh-CN": "" }, pointsLost: 18 }],
        pointsTable: [
          { feature: "utilisation", bin: "0.5–0.8", points: 42 },
          { feature: "age", bin: "35–44", points: 61 },
        ],
        scorecardVersion: "sc-2026.10",
      },
    }),
  );

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    sessions,
    frozen,
    eventUrls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
