// Fault scenarios against the service as `npm start` runs it (a primary and two workers): a worker killed with
// kill -9 in the middle of turns, and the process doing an ingest killed in the middle of it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { readCurrentVersion, readVersion } from "../../knowledge/index-store.js";
import { processTree, startService, stopService } from "../load/service-process.js";
import {
  answerProblems,
  halfWrittenState,
  sendTurn,
  statusSummary,
  verifyHistory,
  type ScenarioResult,
  type TurnReply,
} from "./fault-checks.js";

const QUESTION = "how much is a swift transfer fee?";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function workersOf(primaryPid: number): number[] {
  return processTree(primaryPid).filter((pid) => pid !== primaryPid);
}

// The first turn without a 200 and why, so a failing run says what the client saw (e.g. "0 … ECONNREFUSED").
function firstProblem(turns: readonly TurnReply[]): string {
  const t = turns.find((x) => x.status !== 200);
  return t ? `; first non-200: ${t.status} ${(t.error ?? t.text).slice(0, 160)}` : "";
}

/** Runs the kill -9 scenarios on a cluster started from `entry` with a fresh DATA_DIR and knowledge copy. */
export async function runClusterScenarios(options: {
  entry: string;
  dataDir: string;
  knowledgeDir: string;
  startupTimeoutS: number;
  log: (line: string) => void;
}): Promise<ScenarioResult[]> {
  const logs: string[] = [];
  const service = await startService({
    entry: options.entry,
    // A fixed port, as in production: with PORT=0 every cluster handle gets its own random port, so once the only
    // listening worker dies its replacement listens somewhere the clients never hear of.
    env: {
      PORT: String(await freePort()),
      DATA_DIR: options.dataDir,
      KNOWLEDGE_DIR: options.knowledgeDir,
      WEB_CONCURRENCY: "2",
      BANK_CUSTOMERS: "200",
      LOG_LEVEL: "info",
      KNOWLEDGE_WATCH: "true",
      KNOWLEDGE_TODAY: "2026-11-29",
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_STORE: "memory",
      NODE_ENV: "development",
    },
    startupTimeoutS: options.startupTimeoutS,
    onLog: (line) => {
      logs.push(line);
      if (logs.length > 2000) logs.shift();
    },
  });
  const base = service.url.toString();
  // "listening on" comes with the first worker; kill only once both have built the app (each logs this at the end).
  const ready = (): number => logs.filter((l) => l.includes("RATE_LIMIT_STORE=memory")).length;
  for (let i = 0; i < 240 && ready() < 2; i++) await sleep(250);
  await sleep(500);
  const pid = service.child.pid ?? 0;
  const turns: TurnReply[] = [];
  const results: ScenarioResult[] = [];
  try {
    // kill -9 a worker while 8 clients keep turns in flight.
    const victim = workersOf(pid)[0];
    let stop = false;
    // Each client keeps one conversation going, as customers do (and as the per-visitor limits expect).
    const sessions: Array<{ id: string; key?: string } | undefined> = Array.from({ length: 8 }, () => undefined);
    const load = sessions.map(async (_, i) => {
      while (!stop) {
        const session = sessions[i];
        const t = await sendTurn(base, QUESTION, { timeoutMs: 20_000, ...(session ? { session } : {}) });
        turns.push(t);
        // A refused connection is retried after a pause, as a browser would, instead of in a tight loop.
        if (t.status === 0) await sleep(200);
        if (!session && t.reply?.sessionId)
          sessions[i] = { id: t.reply.sessionId, ...(t.reply.sessionKey ? { key: t.reply.sessionKey } : {}) };
      }
    });
    await sleep(1500);
    if (victim) process.kill(victim, "SIGKILL");
    await sleep(3000);
    stop = true;
    await Promise.all(load);
    const failedDuring = turns.filter((t) => t.status !== 200).length;
    await sleep(2000);
    // The same customers carry on in the conversations they had before the kill (whichever worker answers).
    const after = await Promise.all(sessions.map((session) => sendTurn(base, QUESTION, session ? { session } : {})));
    turns.push(...after);
    const continued = after.filter(
      (t, i) => t.status === 200 && sessions[i] && t.reply?.sessionId === sessions[i]?.id,
    ).length;
    const restarted = workersOf(pid).length >= 2 && !workersOf(pid).includes(victim ?? -1);
    results.push({
      scenario: "cluster: worker killed -9 mid-turn",
      passed:
        !!victim &&
        restarted &&
        continued === sessions.length &&
        after.every((t) => answerProblems(t, "£15").length === 0),
      details: `${turns.length - after.length} turns under load (${statusSummary(turns.slice(0, turns.length - after.length))}), ${failedDuring} cut by the kill; worker restarted: ${restarted}; ${continued} customers continued their conversations: ${statusSummary(after)}${firstProblem(turns)}`,
      lostTurns: 0,
      halfWritten: 0,
    });

    // kill -9 whichever process holds the ingest lock while a knowledge change is being ingested.
    const indexRoot = join(options.dataDir, "index");
    const lock = join(indexRoot, "ingest.lock");
    const before = await readCurrentVersion(indexRoot);
    const doc = join(options.knowledgeDir, "en", "account-closing.md");
    const target = existsSync(doc) ? doc : join(options.knowledgeDir, "README.md");
    writeFileSync(target, `${readFileSync(target, "utf8")}\n\nFault-suite edit ${Date.now()}.\n`);
    let killed: number | undefined;
    const deadline = Date.now() + 15_000;
    while (!killed && Date.now() < deadline) {
      const holder = existsSync(lock) ? Number(readFileSync(lock, "utf8").trim()) : 0;
      if (holder > 0) {
        try {
          process.kill(holder, "SIGKILL");
          killed = holder;
        } catch {
          // finished between the read and the kill
        }
      }
      await sleep(2);
    }
    await sleep(2500);
    const mid = await readCurrentVersion(indexRoot);
    const midOk = await readVersion(indexRoot, mid ?? "").then(
      () => true,
      () => false,
    );
    const answered = await sendTurn(base, QUESTION);
    turns.push(answered);
    // A later change must be ingested by the restarted watcher, past the dead process's lock.
    writeFileSync(target, `${readFileSync(target, "utf8")}\n\nSecond fault-suite edit ${Date.now()}.\n`);
    let published = mid;
    for (let i = 0; i < 60 && published === mid; i++) {
      await sleep(500);
      published = await readCurrentVersion(indexRoot);
    }
    results.push({
      scenario: "cluster: ingest killed -9 mid-ingest",
      passed: midOk && answerProblems(answered, "£15").length === 0 && published !== mid,
      details: `${killed ? `killed ingest pid ${killed}` : "ingest finished before the kill"}; CURRENT ${before} -> ${mid} (complete: ${midOk}); service answered ${answered.status}; later ingest published ${published}`,
      lostTurns: 0,
      halfWritten: midOk ? 0 : 1,
    });
  } finally {
    await stopService(service.child);
  }
  const history = verifyHistory(options.dataDir, turns);
  const bad = await halfWrittenState(options.dataDir);
  results.push({
    scenario: "cluster: state after the kills",
    passed: history.lost === 0 && history.integrity === "ok" && bad.length === 0,
    details:
      history.lost || bad.length
        ? `${history.lost} lost turns; ${[history.integrity, ...bad].join("; ")}`
        : `${turns.filter((t) => t.status === 200).length} committed turns all stored; integrity ok; artefacts load`,
    lostTurns: history.lost,
    halfWritten: bad.length,
  });
  return results;
}
