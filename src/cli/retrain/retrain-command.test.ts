import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { createInsightStore } from "../../conversations/insight-store.js";
import { loadIntentCatalogue } from "../../router/intent-catalogue.js";
import { toRouterArtefact } from "../../router/router-artefact.js";
import { trainRouter } from "../../router/router-model.js";
import { createModelRegistry } from "../../scoring/model-registry.js";
import { dataPaths, retrainModel } from "./retrain-command.js";
import { readReviewedUtterances } from "./read-reviewed-utterances.js";
import { splitCatalogue, splitReviewed } from "./router-retrainer.js";

const INTENTS = [
  {
    name: "card_lost",
    route: "cards",
    en: ["lost", "stolen", "missing"],
    zh: ["丢了", "被偷", "找不到"],
    noun: ["card", "卡"],
  },
  {
    name: "balance",
    route: "account",
    en: ["balance", "money left", "funds"],
    zh: ["余额", "还剩多少钱", "资金"],
    noun: ["account", "账户"],
  },
  {
    name: "loan_apply",
    route: "credit",
    en: ["borrow", "loan", "lend"],
    zh: ["贷款", "借钱", "借款"],
    noun: ["money", "钱"],
  },
  {
    name: "greeting",
    route: "smalltalk",
    en: ["hello", "hi there", "good morning"],
    zh: ["你好", "早上好", "嗨"],
    noun: ["friend", "朋友"],
  },
] as const;
const FRAMES_EN = [
  "{k} my {n}",
  "i want {k} {n}",
  "please help {k}",
  "{k} now",
  "can you {k} for my {n}",
  "{k} today {n}",
  "about {k}",
  "{k} {n} please",
  "why {k} {n}",
  "{k} again",
];
const FRAMES_ZH = [
  "我的{n}{k}",
  "请帮我{k}",
  "{k}了",
  "我想{k}",
  "{n}{k}怎么办",
  "今天{k}",
  "关于{k}",
  "{k}{n}",
  "为什么{k}",
  "又{k}",
];

function writeCatalogue(): string {
  const dir = mkdtempSync(join(tmpdir(), "intents-"));
  for (const i of INTENTS) {
    const fill = (frames: readonly string[], keys: readonly string[], noun: string) =>
      frames.map((f, k) => f.replace("{k}", keys[k % keys.length] as string).replace("{n}", noun));
    const file = {
      name: i.name,
      route: i.route,
      description: `test intent ${i.name}`,
      utterances: { en: fill(FRAMES_EN, i.en, i.noun[0]), "zh-CN": fill(FRAMES_ZH, i.zh, i.noun[1]) },
    };
    writeFileSync(join(dir, `${i.name}.yaml`), stringify(file));
  }
  return dir;
}

describe("npm run retrain, router (end to end on a small catalogue)", () => {
  it("promotes a better challenger, refuses a deliberately worse one, and rollback restores the champion", async () => {
    const intentsDir = writeCatalogue();
    const dataDir = mkdtempSync(join(tmpdir(), "retrain-"));
    const catalogue = loadIntentCatalogue(intentsDir);
    if (!catalogue.ok) throw new Error(catalogue.error);
    // A weak champion: trained on the frozen training split with every label shifted to the next intent.
    const names = catalogue.value.intents.map((i) => i.name).sort();
    const weak = splitCatalogue(catalogue.value).train.map((e) => ({
      ...e,
      label: names[(names.indexOf(e.label) + 1) % names.length] as string,
    }));
    const registry = createModelRegistry({ modelsDir: dataPaths(dataDir).modelsDir });
    const weakVersion = registry.save(
      "router",
      JSON.stringify(toRouterArtefact(trainRouter(catalogue.value, { examples: weak }))),
    );
    registry.promote("router", weakVersion, { actor: "test", reason: "weak champion" });
    const options = { model: "router" as const, dataDir, intentsDir, seed: 42, actor: "test" };

    const better = await retrainModel({ ...options, forceWorse: false });
    if (!better.ok) throw new Error(better.error);
    expect(better.value).toMatchObject({ model: "router", champion: weakVersion, promoted: true });
    expect(better.value.metrics["held_out.challenger.intent_accuracy"]).toBeGreaterThan(
      better.value.metrics["held_out.champion.intent_accuracy"] ?? 1,
    );
    expect(registry.champion("router")).toMatchObject({ value: { version: better.value.challenger } });

    const worse = await retrainModel({ ...options, forceWorse: true });
    if (!worse.ok) throw new Error(worse.error);
    expect(worse.value).toMatchObject({ champion: better.value.challenger, promoted: false });
    expect(worse.value.reason).toMatch(/^refused: .*deliberately degraded/);
    expect(registry.champion("router")).toMatchObject({ value: { version: better.value.challenger } });

    expect(registry.rollback("router", { actor: "test", reason: "drill" })).toMatchObject({
      ok: true,
      value: { from: better.value.challenger, to: weakVersion },
    });
    expect(registry.history("router").map((h) => [h.action, h.version])).toEqual([
      ["promote", weakVersion],
      ["promote", better.value.challenger],
      ["refuse", worse.value.challenger],
      ["rollback", weakVersion],
    ]);
  }, 120_000);

  it("registers today's router as the baseline champion on the first run", async () => {
    const intentsDir = writeCatalogue();
    const dataDir = mkdtempSync(join(tmpdir(), "retrain-"));
    const r = await retrainModel({ model: "router", dataDir, intentsDir, seed: 42, actor: "test", forceWorse: true });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.promoted).toBe(false);
    const history = createModelRegistry({ modelsDir: dataPaths(dataDir).modelsDir }).history("router");
    expect(history[0]).toMatchObject({
      action: "promote",
      version: r.value.champion,
      reason: expect.stringMatching(/^baseline/),
    });
  }, 120_000);

  it("returns an error value for a missing catalogue or bank instead of throwing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "retrain-"));
    const base = { dataDir, seed: 42, actor: "test", forceWorse: false };
    expect((await retrainModel({ ...base, model: "router", intentsDir: join(dataDir, "none") })).ok).toBe(false);
    const fraud = await retrainModel({ ...base, model: "fraud", intentsDir: dataDir });
    expect(fraud.ok || fraud.error).toMatch(/bank.sqlite does not exist/);
  });
});

describe("reviewed utterances", () => {
  it("reads none when the conversations database is absent", () => {
    expect(readReviewedUtterances(join(tmpdir(), "no-such-dir", "chat.sqlite"))).toEqual({ ok: true, value: [] });
  });

  it("reads the accepted utterances of the review queue and keeps a stable fifth as the recent window", () => {
    const dir = mkdtempSync(join(tmpdir(), "chat-"));
    mkdirSync(dir, { recursive: true });
    const store = createInsightStore(join(dir, "chat.sqlite"));
    const texts = Array.from({ length: 40 }, (_, i) => `my card number ${i} is gone`);
    store.acceptUtterances({
      intent: "card_lost",
      reviewer: "alice",
      utterances: texts.map((text) => ({ text, locale: "en" })),
    });
    store.acceptUtterances({ intent: "no_such_intent", reviewer: "alice", utterances: [{ text: "x", locale: "en" }] });
    store.close();
    const read = readReviewedUtterances(join(dir, "chat.sqlite"));
    if (!read.ok) throw new Error(read.error);
    expect(read.value).toHaveLength(41);
    const catalogue = loadIntentCatalogue(writeCatalogue());
    if (!catalogue.ok) throw new Error(catalogue.error);
    const split = splitReviewed(catalogue.value, read.value);
    expect(split.train.length + split.recent.length).toBe(40);
    expect(split.recent.length).toBeGreaterThan(0);
    const recentTexts = new Set(split.recent.map((e) => e.text));
    const subset = splitReviewed(catalogue.value, read.value.slice(0, 20));
    expect(subset.recent.every((e) => recentTexts.has(e.text))).toBe(true);
  });
});
