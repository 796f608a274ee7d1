// Runs every regression dialogue in test/dialogues against the app in-process (offline responder, cassettes for
// dialogues recorded with a real model), one test per dialogue; wording is held too since offline replay is deterministic.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { usesCassettes } from "../src/dialogues/dialogue-schema.js";
import {
  REPLAY_CACHE_KEY_PATHS,
  REPLAY_CUSTOMERS,
  startInProcessTargets,
  type InProcessTargets,
} from "../src/dialogues/in-process-target.js";
import { formatProblem, knowledgeFixturesOf, loadDialogues } from "../src/dialogues/load-dialogues.js";
import { replayDialogue, type DialogueReport } from "../src/dialogues/replay-dialogues.js";

const loaded = await loadDialogues([path.resolve("test/dialogues")]);
if (!loaded.ok) throw new Error(`malformed dialogues:\n${loaded.error.map(formatProblem).join("\n")}`);
const dialogues = loaded.value;
const KNOWN_ISSUE = "known-issue";

function explain(r: DialogueReport): string {
  return r.turns
    .filter((t) => !t.passed)
    .flatMap((t) =>
      t.runs.flatMap((run) => [
        `turn ${t.index + 1} "${t.input}" → ${JSON.stringify(run.observation.response?.reply.text ?? run.observation.error ?? "")}`,
        ...run.checks
          .filter((c) => !c.passed && c.kind === "structural")
          .map((c) => `  ${c.name}: expected ${c.expected}; got ${c.actual}`),
      ]),
    )
    .join("\n");
}

describe("regression dialogues", () => {
  let targets: InProcessTargets;
  beforeAll(async () => {
    targets = await startInProcessTargets({
      createApp: (config) => createApp(config, { skipBrowserAssets: true }),
      knowledgeDir: path.resolve("knowledge"),
      extraKnowledge: knowledgeFixturesOf(dialogues),
      withCassettes: dialogues.some((d) => usesCassettes(d.dialogue)),
      customers: REPLAY_CUSTOMERS,
      cacheDir: path.resolve("var/cache/dialogue-replay"),
      cacheKeyPaths: REPLAY_CACHE_KEY_PATHS.map((p) => path.resolve(p)),
    });
  });
  afterAll(async () => {
    await targets?.close();
  });

  it("has a suite of at least 80 dialogues in both languages", () => {
    expect(dialogues.length).toBeGreaterThanOrEqual(80);
    expect(new Set(dialogues.map((d) => d.dialogue.meta.locale))).toEqual(new Set(["en", "zh-CN"]));
  });

  const replay = (d: (typeof dialogues)[number]) =>
    replayDialogue(d, {
      target: targets.local,
      ...(targets.cassette ? { cassetteTarget: targets.cassette } : {}),
      fresh: targets.fresh,
      repeat: 1,
      strictText: true,
    });
  const healthy = dialogues.filter((d) => !d.dialogue.meta.tags.includes(KNOWN_ISSUE));
  const known = dialogues.filter((d) => d.dialogue.meta.tags.includes(KNOWN_ISSUE));

  it.each(healthy.map((d) => [d.id, d] as const))("%s", async (_id, d) => {
    const report = await replay(d);
    expect(report.passed, explain(report)).toBe(true);
  });

  // Known engine issues assert the right behaviour and fail today; when one starts passing, drop its known-issue tag.
  it.each(known.map((d) => [d.id, d] as const))("known issue still open: %s", async (_id, d) => {
    const report = await replay(d);
    expect(report.passed, "this known issue now passes: remove its known-issue tag").toBe(false);
  });
});
