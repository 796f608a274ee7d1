// The Insights tab in Chromium against the real app: a few planted badly handled turns in both languages, a refresh,
// then accepting a topic's chosen utterances into an intent and marking a knowledge gap, with an axe check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantBadTurns } from "../../src/agent/insights/bad-turn-traces.test-helpers.js";
import { plantedLog } from "../../src/agent/insights/planted-log.js";
import { createInsightStore } from "../../src/conversations/insight-store.js";
import {
  cspViolations,
  hasChromium,
  launchBrowser,
  recordCspViolations,
  screenshot,
  seriousAxeViolations,
  type TestBrowser,
} from "./browser-harness.js";
import { startRealApp, type RunningApp } from "./real-app-harness.js";

describe.skipIf(!hasChromium)("insights tab in the staff console (real app)", () => {
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchBrowser();
    plantBadTurns(app.built.conversations, plantedLog({ seed: 2, perTopic: 8 }));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows topics, accepts chosen utterances into an intent and marks a knowledge gap, accessibly", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await recordCspViolations(page);
    await page.goto(`${app.url}/console`);
    await page.getByLabel("Staff access token").fill(app.tokens.staff);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Insights", exact: true }).click();
    await page.getByText("Not clustered yet.").waitFor();
    await page.getByRole("button", { name: "Refresh topics now" }).click();
    const cards = page.locator("article.insight");
    await cards.first().waitFor({ timeout: 30_000 });
    expect(await cards.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator("article.insight .trend").first().textContent()).toMatch(/^▲ \d+ in the last 7 days/);
    expect(await page.locator("article.insight h4[lang=zh-CN]").count()).toBeGreaterThan(0);
    await screenshot(page, "console-insights");

    const first = cards.first();
    await first.getByText("Accept into intent…").click();
    await first.getByLabel("Intent", { exact: true }).selectOption("balance");
    const boxes = first.locator("fieldset input[type=checkbox]");
    const total = await boxes.count();
    await boxes.first().uncheck();
    await screenshot(page, "console-insights-accept");
    await first.getByRole("button", { name: "Accept into intent" }).click();
    await page.getByText(/utterances accepted into balance \(review queue version 1\)/).waitFor();

    const second = cards.nth(1);
    await second.getByText("Mark knowledge gap…").click();
    await second.getByLabel("Title of the document to draft").fill("Draft: gold and precious metals");
    await second.getByRole("button", { name: "Mark knowledge gap" }).click();
    await page.locator(".gap-tasks li", { hasText: "Draft: gold and precious metals" }).waitFor();
    await screenshot(page, "console-insights-gap");

    const store = createInsightStore(`${app.config.paths.dataDir}/chat.sqlite`);
    try {
      const accepted = store.listAcceptedUtterances();
      expect(accepted).toHaveLength(total - 1);
      expect(accepted.every((u) => u.intent === "balance" && u.version === 1)).toBe(true);
      expect(store.listKnowledgeTasks("open").map((t) => t.title)).toEqual(["Draft: gold and precious metals"]);
    } finally {
      store.close();
    }
    expect(await seriousAxeViolations(page, "#app")).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
