// `npm run replay -- <files or folders> [--url <base-url>] [--repeat N] [--junit <file>] [--html <file>]`: replays
// regression dialogues in-process (offline, cassettes served by a local fake model) or against a running server.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createApp } from "../app.js";
import {
  REPLAY_CACHE_KEY_PATHS,
  REPLAY_CUSTOMERS,
  startInProcessTargets,
  type InProcessTargets,
} from "../dialogues/in-process-target.js";
import { formatProblem, knowledgeFixturesOf, loadDialogues } from "../dialogues/load-dialogues.js";
import { usesCassettes } from "../dialogues/dialogue-schema.js";
import { renderHtmlReport } from "../dialogues/render-html.js";
import { renderJunit } from "../dialogues/render-junit.js";
import { renderReplaySummary } from "../dialogues/render-summary.js";
import { replayDialogues, summariseReplay, type ReplayOptions } from "../dialogues/replay-dialogues.js";
import { createRemoteTarget } from "../dialogues/replay-target.js";
import { createProgress, fail, parseCli, printJsonLine } from "./cli-kit.js";

const args = parseCli({
  name: "replay",
  summary: "Replay regression dialogues and check their expectations",
  usage:
    "npm run replay -- <files or folders> [--url <base-url>] [--repeat N] [--junit <file>] [--html <file>] [--strict-text] [--tag <tag>] [--exclude-tag <tag>]",
  allowPositionals: true,
  options: {
    url: { type: "string", description: "Replay against a running server instead of in-process" },
    repeat: { type: "string", default: "1", description: "Runs per dialogue (text expectations report a pass rate)" },
    junit: { type: "string", description: "Write a JUnit XML report" },
    html: { type: "string", description: "Write an HTML report" },
    "strict-text": { type: "boolean", default: false, description: "Count text misses as failures" },
    tag: { type: "string", description: "Only dialogues carrying this tag" },
    "exclude-tag": { type: "string", description: "Leave out dialogues carrying this tag (e.g. known-issue)" },
    "knowledge-dir": { type: "string", default: "knowledge", description: "Knowledge folder for the in-process app" },
  },
});

const inputs = args.positionals.length ? args.positionals : ["test/dialogues"];
const repeat = Number(args.values["repeat"]);
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 1000)
  fail(`--repeat must be a whole number from 1 to 1000, got "${String(args.values["repeat"])}"`);
const url = typeof args.values["url"] === "string" ? args.values["url"] : undefined;
if (url !== undefined && !/^https?:\/\/[^/]+/.test(url)) fail(`--url must be an http(s) base URL, got "${url}"`);

const loaded = await loadDialogues(inputs);
if (!loaded.ok) fail(`malformed dialogue files:\n${loaded.error.map(formatProblem).join("\n")}`);
const tag = typeof args.values["tag"] === "string" ? args.values["tag"] : undefined;
const excludeTag = typeof args.values["exclude-tag"] === "string" ? args.values["exclude-tag"] : undefined;
const dialogues = loaded.value.filter(
  (d) => (!tag || d.dialogue.meta.tags.includes(tag)) && !(excludeTag && d.dialogue.meta.tags.includes(excludeTag)),
);
if (dialogues.length === 0) fail(`no dialogues found in ${inputs.join(", ")}${tag ? ` with tag "${tag}"` : ""}`);

let targets: InProcessTargets | undefined;
let options: ReplayOptions;
if (url) {
  options = { target: createRemoteTarget(url), repeat };
  if (dialogues.some((d) => usesCassettes(d.dialogue)))
    process.stderr.write("note: cassettes cannot be served to a remote server; its own model answers\n");
} else {
  process.stderr.write("starting the app in-process…\n");
  targets = await startInProcessTargets({
    createApp: (config) => createApp(config, { skipBrowserAssets: true }),
    knowledgeDir: path.resolve(String(args.values["knowledge-dir"])),
    extraKnowledge: knowledgeFixturesOf(dialogues),
    withCassettes: dialogues.some((d) => usesCassettes(d.dialogue)),
    customers: REPLAY_CUSTOMERS,
    cacheDir: path.resolve("var/cache/dialogue-replay"),
    cacheKeyPaths: REPLAY_CACHE_KEY_PATHS.map((p) => path.resolve(p)),
  });
  options = {
    target: targets.local,
    ...(targets.cassette ? { cassetteTarget: targets.cassette } : {}),
    fresh: targets.fresh,
    repeat,
  };
}
const progress = createProgress("replay", dialogues.length);
let reports;
try {
  reports = await replayDialogues(dialogues, {
    ...options,
    strictText: args.values["strict-text"] === true,
    onDialogueDone: () => progress.tick(),
  });
} finally {
  progress.stop();
  await targets?.close();
}
const summary = summariseReplay(reports);
console.log(renderReplaySummary(reports, summary));
const write = async (file: string, text: string): Promise<void> => {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text, "utf8");
  console.log(`wrote ${file}`);
};
if (typeof args.values["junit"] === "string") await write(args.values["junit"], renderJunit(reports));
if (typeof args.values["html"] === "string") {
  await write(
    args.values["html"],
    renderHtmlReport(reports, summary, { generatedAt: new Date().toISOString(), target: url ?? "in-process", repeat }),
  );
}
printJsonLine({ dialogues: summary.dialogues, turns: summary.turns, passed: summary.passed, failed: summary.failed });
process.exitCode = summary.failed > 0 ? 1 : 0;
