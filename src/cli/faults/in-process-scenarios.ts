// Fault scenarios run against the real service built in this process: a failing LLM (500s, garbage, invalid tool-call
// JSON, a stream cut half-way, no answer), a locked or read-only database, and corrupt artefacts found at restart.
import { spawn } from "node:child_process";
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { createApp, type BuiltApp } from "../../app.js";
import { loadConfig } from "../../config/load-config.js";
import { readCurrentVersion, versionDir } from "../../knowledge/index-store.js";
import { ingestKnowledge } from "../../knowledge/ingest-knowledge.js";
import { createLocalEmbeddings } from "../../knowledge/local-embeddings.js";
import { BUSY_TIMEOUT_MS, openSqliteConnection } from "../../shared/sqlite-database.js";
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from "../../dialogues/fake-openai-server.js";
import { TEST_IDENTITY_ENV } from "../../../test/support/test-app.js";
import { copyPristineData } from "../load/pristine-data.js";
import {
  answerProblems,
  halfWrittenState,
  isCleanStorageRefusal,
  sendTurn,
  verifyHistory,
  type ScenarioResult,
  type TurnReply,
} from "./fault-checks.js";

const QUESTION = "how much is a swift transfer fee?";
const GROUNDED = "£15";
const LLM_TIMEOUT_MS = 1000;

// The data folder's shape, exactly as the fuzz target keys its cache (same keys, same order), so both share one build.
const PRISTINE_ENV = {
  BANK_CUSTOMERS: "30",
  KNOWLEDGE_WATCH: "false",
  KNOWLEDGE_TODAY: "2026-11-29",
  LLM_PROVIDER: "local",
  EMBEDDINGS_PROVIDER: "local",
};

interface Running {
  built: BuiltApp;
  server: Server;
  base: string;
  logs: string[];
}

async function startApp(dataDir: string, knowledgeDir: string, fakeUrl: string, worker: boolean): Promise<Running> {
  const config = loadConfig({
    ...TEST_IDENTITY_ENV,
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: knowledgeDir,
    LOG_LEVEL: "warn",
    BANK_CUSTOMERS: "30",
    KNOWLEDGE_WATCH: "false",
    KNOWLEDGE_TODAY: "2026-11-29",
    RATE_LIMIT_PER_MINUTE: "100000",
    RATE_LIMIT_STORE: "memory",
    LLM_PROVIDER: "openai",
    OPENAI_BASE_URL: fakeUrl,
    LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
  });
  const logs: string[] = [];
  const built = await createApp(config, { logSink: (l) => logs.push(l), skipBrowserAssets: true, worker });
  const server = await new Promise<Server>((resolve) => {
    const s = built.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { built, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, logs };
}

async function stopApp(app: Running): Promise<void> {
  app.server.closeAllConnections();
  await new Promise<void>((resolve) => app.server.close(() => resolve()));
  await app.built.close();
}

function result(
  scenario: string,
  problems: string[],
  details: string,
  extra: Partial<ScenarioResult> = {},
): ScenarioResult {
  return {
    scenario,
    passed: problems.length === 0,
    details: problems.length ? problems.join("; ") : details,
    lostTurns: 0,
    halfWritten: 0,
    ...extra,
  };
}

const LLM_FAULTS: Array<[string, Parameters<FakeOpenAI["setMode"]>[0]]> = [
  ["llm: HTTP 500", { failWith: { status: 500 } }],
  ["llm: garbage body", { fault: "garbage" }],
  ["llm: invalid tool-call JSON", { fault: "invalid_tool_json" }],
  ["llm: stream stops half-way", { fault: "cut_stream" }],
  ["llm: never answers", { hang: true }],
];
const HEALTHY = { failWith: undefined, fault: undefined, hang: false } as const;

async function llmScenarios(app: Running, fake: FakeOpenAI, turns: TurnReply[]): Promise<ScenarioResult[]> {
  const out: ScenarioResult[] = [];
  for (const [name, mode] of LLM_FAULTS) {
    fake.setMode({ ...HEALTHY, ...mode });
    const before = fake.chatRequests().length;
    const json = await sendTurn(app.base, QUESTION);
    const sse = await sendTurn(app.base, QUESTION, { stream: true });
    turns.push(json, sse);
    const problems = [
      ...answerProblems(json, GROUNDED).map((p) => `JSON ${p}`),
      ...answerProblems(sse, GROUNDED).map((p) => `SSE ${p}`),
    ];
    if (fake.chatRequests().length === before) problems.push("the LLM was never called (fault not exercised)");
    fake.setMode(HEALTHY);
    // A healthy turn closes the circuit again, so the next fault meets the LLM first.
    turns.push(await sendTurn(app.base, "hello"));
    out.push(
      result(
        name,
        problems,
        `JSON ${json.ms} ms, SSE ${sse.ms} ms: local responder answered with the fee, stream ended with done`,
      ),
    );
  }
  fake.setMode({ ...HEALTHY, hang: true });
  const calledBefore = fake.chatRequests().length;
  const timings: number[] = [];
  const problems: string[] = [];
  for (let i = 0; i < 5; i++) {
    const t = await sendTurn(app.base, QUESTION);
    turns.push(t);
    timings.push(t.ms);
    problems.push(...answerProblems(t, GROUNDED));
  }
  fake.setMode(HEALTHY);
  const tried = fake.chatRequests().length - calledBefore;
  if (tried > 3) problems.push(`circuit did not open: the hanging LLM was called ${tried} times in 5 turns`);
  out.push(
    result(
      "llm: circuit opens after repeated failures",
      problems,
      `LLM tried ${tried}× in 5 turns, then skipped; turn times ${timings.join(", ")} ms (timeout ${LLM_TIMEOUT_MS} ms)`,
    ),
  );
  return out;
}

/**
 * Holds the write lock of a SQLite file from another process; resolves once it is held, with a promise of its release.
 * (Not an async function returning `released`: that would adopt it and resolve only after the release.)
 */
function holdLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join("src", "cli", "faults", "hold-lock.ts"), file, String(ms)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (l) => l === "locked" && resolve({ released }));
    child.once("exit", (code) => reject(new Error(`lock holder exited ${code} before taking the lock`)));
  });
}

/** Row counts of the tables a turn writes, read without taking any lock (WAL readers never wait for the writer). */
function turnRows(chatDb: string): string {
  const db = openSqliteConnection(chatDb, { readonly: true });
  try {
    return ["sessions", "messages", "traces"]
      .map((t) => `${t}=${String((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)}`)
      .join(" ");
  } finally {
    db.close();
  }
}

async function readHistory(base: string, turn: TurnReply | undefined): Promise<number> {
  const sessionId = turn?.reply?.sessionId;
  const key = turn?.reply?.sessionKey;
  if (!sessionId || !key) return 0;
  const res = await fetch(new URL(`/v1/sessions/${sessionId}`, base), {
    headers: { "x-session-key": key, connection: "close" },
  });
  await res.text();
  return res.status;
}

async function databaseScenarios(
  app: Running,
  dataDir: string,
  fake: FakeOpenAI,
  turns: TurnReply[],
): Promise<ScenarioResult[]> {
  const out: ScenarioResult[] = [];
  const chatDb = join(dataDir, "chat.sqlite");
  const known = turns.find((t) => t.status === 200);
  // The LLM is down as well, so every answer below must come from the local responder and the index.
  fake.setMode({ failWith: { status: 500 } });

  // The lock is taken before each turn is sent and held across it, so every write of the turn meets it.
  let lock = await holdLock(chatDb, 2000);
  const short = await Promise.all([sendTurn(app.base, QUESTION), sendTurn(app.base, QUESTION, { stream: true })]);
  turns.push(...short);
  await lock.released;
  const waited = Math.max(...short.map((t) => t.ms));
  out.push(
    result(
      "db: locked 2 s (< busy timeout)",
      [
        ...short.flatMap((t) => answerProblems(t, GROUNDED)),
        ...(waited >= 1500 ? [] : [`turns finished in ${waited} ms: they never met the lock`]),
      ],
      `turns waited for the lock and succeeded in ${short.map((t) => t.ms).join(", ")} ms (lock 2000 ms, busy timeout ${BUSY_TIMEOUT_MS} ms)`,
    ),
  );

  const rowsBefore = turnRows(chatDb);
  lock = await holdLock(chatDb, 8000);
  const refused = await sendTurn(app.base, QUESTION);
  const readStatus = await readHistory(app.base, known);
  const rowsDuring = turnRows(chatDb);
  await lock.released;
  const rowsAfterRelease = turnRows(chatDb);
  const after = await sendTurn(app.base, QUESTION);
  turns.push(refused, after);
  const problems = [
    ...(isCleanStorageRefusal(refused)
      ? []
      : [`turn under a long lock answered ${refused.status} ${refused.contentType} after ${refused.ms} ms`]),
    ...(refused.ms >= BUSY_TIMEOUT_MS - 500 ? [] : [`refused after ${refused.ms} ms, before the busy timeout`]),
    ...(readStatus === 200 ? [] : [`history read during the lock answered ${readStatus}`]),
    ...(rowsBefore === rowsDuring && rowsBefore === rowsAfterRelease
      ? []
      : [`the refused turn left rows behind: ${rowsBefore} -> ${rowsAfterRelease}`]),
    ...answerProblems(after, GROUNDED).map((p) => `after release: ${p}`),
  ];
  out.push(
    result(
      "db: locked 8 s (> busy timeout)",
      problems,
      `turn waited ${refused.ms} ms then answered ${refused.status} storage_unavailable (JSON); nothing half-written (${rowsAfterRelease}); reads kept working; next turn 200`,
    ),
  );

  setWriteVersion(chatDb, 3);
  const ro = await sendTurn(app.base, QUESTION);
  const roStream = await sendTurn(app.base, QUESTION, { stream: true });
  const roRead = await readHistory(app.base, known);
  turns.push(ro, roStream);
  const roProblems = [
    ...(isCleanStorageRefusal(ro) ? [] : [`write answered ${ro.status} ${ro.contentType}`]),
    ...(isCleanStorageRefusal(roStream) ? [] : ["stream did not end with a storage_unavailable error event"]),
    ...(roRead === 200 ? [] : [`read answered ${roRead}`]),
  ];
  fake.setMode(HEALTHY);
  out.push(
    result(
      "db: read-only",
      roProblems,
      `writes answered 503 storage_unavailable (JSON) / error event (SSE); reads 200`,
    ),
  );
  return out;
}

// SQLite treats a file whose header "write version" (byte 18) is above 2 as read-only for every connection, root
// included, which chmod cannot do for root; the WAL is checkpointed first so the header on disk is the live one.
function setWriteVersion(file: string, version: 2 | 3): void {
  const db = openSqliteConnection(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.from([version]), 0, 1, 18);
  closeSync(fd);
}

async function corruptAndRestart(
  dataDir: string,
  knowledgeDir: string,
  fake: FakeOpenAI,
  turns: TurnReply[],
): Promise<ScenarioResult[]> {
  setWriteVersion(join(dataDir, "chat.sqlite"), 2);
  const indexRoot = join(dataDir, "index");
  // A second index version, then damage it: the restarted worker must serve the first one.
  const docs = readdirSync(knowledgeDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"));
  writeFileSync(join(knowledgeDir, docs[0] ?? "extra.md"), "\n\nAn extra paragraph added by the fault suite.\n", {
    flag: "a",
  });
  const embeddings = createLocalEmbeddings({ dim: 1024 });
  await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
  const damaged = (await readCurrentVersion(indexRoot)) ?? "";
  truncateSync(join(versionDir(indexRoot, damaged), "hnsw.bin"), 100);
  const models = join(dataDir, "models");
  truncateSync(join(models, "intent-router.json"), 200);
  writeFileSync(join(models, "credit-scorecard.json"), "\u0000garbage{{{");
  writeFileSync(join(models, "fraud-model.json"), JSON.stringify({ format: "not-a-fraud-model", trees: 3 }));

  const app = await startApp(dataDir, knowledgeDir, fake.url, true);
  // The LLM fails too, so the fee must come from the local responder reading the index the worker fell back to.
  fake.setMode({ failWith: { status: 500 } });
  const turn = await sendTurn(app.base, QUESTION);
  fake.setMode(HEALTHY);
  turns.push(turn);
  const warned = (needle: string): boolean => app.logs.some((l) => l.includes(needle));
  const problems = [
    ...answerProblems(turn, GROUNDED),
    ...(warned("intent router artefact is corrupt") ? [] : ["no log line for the router"]),
    ...(warned("credit scorecard artefact is corrupt") ? [] : ["no log line for the scorecard"]),
    ...(warned("fraud model artefact is corrupt") ? [] : ["no log line for the fraud model"]),
    ...(warned("serving an older complete version") ? [] : ["no log line for the index"]),
  ];
  await stopApp(app);
  // What the primary does at its next start: re-ingest, which rebuilds past the damaged version.
  await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
  const fixed = await readCurrentVersion(indexRoot);
  return [
    result(
      "artefacts: router, scorecard, fraud model and index version corrupted",
      [...problems, ...(fixed === damaged ? ["index not rebuilt"] : [])],
      `worker restarted on the last good index (damaged ${damaged}), retrained 3 models with warnings; re-ingest published ${fixed}`,
    ),
  ];
}

/** Options of the in-process run. */
export interface InProcessOptions {
  /** Include the restart with corrupt artefacts (retrains three models: the slowest part). */
  corruptArtefacts?: boolean;
}

/** Runs the in-process scenarios on a fresh temporary DATA_DIR and returns one result per scenario. */
export async function runInProcessScenarios(options: InProcessOptions = {}): Promise<ScenarioResult[]> {
  const root = mkdtempSync(join(tmpdir(), "harbor-faults-"));
  const dataDir = join(root, "data");
  const knowledgeDir = join(root, "knowledge");
  cpSync("knowledge", knowledgeDir, { recursive: true });
  // Trained models, index and bank come from the cached pristine folder (shared with the fuzz run), so the app starts
  // in seconds instead of training and ingesting first.
  await copyPristineData({
    cacheDir: resolve("var/cache/fuzz-data"),
    env: PRISTINE_ENV,
    target: dataDir,
    build: async (dir) => {
      const built = await createApp(
        loadConfig({ ...PRISTINE_ENV, DATA_DIR: dir, LOG_LEVEL: "silent", ...TEST_IDENTITY_ENV }),
        { skipBrowserAssets: true },
      );
      await built.close();
    },
  });
  const fakeOptions: FakeOpenAIOptions = { fallback: { content: "Hello! How can I help you today?" } };
  const fake = await startFakeOpenAI(fakeOptions);
  const turns: TurnReply[] = [];
  try {
    const app = await startApp(dataDir, knowledgeDir, fake.url, false);
    const results: ScenarioResult[] = [];
    try {
      results.push(...(await llmScenarios(app, fake, turns)));
      results.push(...(await databaseScenarios(app, dataDir, fake, turns)));
    } finally {
      await stopApp(app);
    }
    if (options.corruptArtefacts ?? true)
      results.push(...(await corruptAndRestart(dataDir, knowledgeDir, fake, turns)));
    else setWriteVersion(join(dataDir, "chat.sqlite"), 2);
    const history = verifyHistory(dataDir, turns);
    const bad = await halfWrittenState(dataDir);
    results.push(
      result(
        "state after the in-process faults",
        [
          ...(history.lost ? [`${history.lost} committed turns lost`] : []),
          ...(history.integrity === "ok" ? [] : [`chat.sqlite: ${history.integrity}`]),
          ...bad,
        ],
        `${turns.filter((t) => t.status === 200).length} committed turns all stored; integrity ok; artefacts load`,
        { lostTurns: history.lost, halfWritten: bad.length },
      ),
    );
    return results;
  } finally {
    await fake.close();
    rmSync(root, { recursive: true, force: true });
  }
}
