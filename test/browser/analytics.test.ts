// The Analytics tab in Chromium against the real app: a few conversations (one handed to a person, one in Chinese)
// with feedback, then the staff console's charts by day and by hour, knowledge health and model monitoring, the
// CSV download, and an axe check at 1440×900.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.skipIf(!hasChromium)("analytics tab in the staff console (real app)", () => {
  let app: RunningApp;
  let browser: TestBrowser;

  async function chat(
    token: string,
    message: string,
    sessionId?: string,
  ): Promise<{ sessionId: string; traceId: string }> {
    const res = await fetch(`${app.url}/v1/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ message, ...(sessionId ? { sessionId } : {}) }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { sessionId: string; traceId: string };
    return { sessionId: body.sessionId, traceId: body.traceId };
  }

  async function feedback(token: string, body: Record<string, unknown>): Promise<void> {
    await fetch(`${app.url}/v1/feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchBrowser();
    const a = await chat(app.tokens.demo1, "What is the fee for a SWIFT payment?");
    await feedback(app.tokens.demo1, { sessionId: a.sessionId, traceId: a.traceId, rating: "up" });
    await chat(app.tokens.demo1, "I want to talk to a person", a.sessionId);
    const b = await chat(app.tokens.demo2, "国际汇款的手续费是多少？");
    await feedback(app.tokens.demo2, { sessionId: b.sessionId, traceId: b.traceId, rating: "down" });
    await feedback(app.tokens.demo2, { sessionId: b.sessionId, csat: 4 });
    await chat(app.tokens.demo2, "How do I freeze my card?");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("draws conversation charts split by language, knowledge health and model monitoring, accessibly", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 });
    await recordCspViolations(page);
    await page.goto(`${app.url}/console`);
    await page.getByLabel("Staff access token").fill(app.tokens.staff);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Analytics" }).click();
    await page.locator("#chart-volume-day svg.chart-svg").waitFor({ timeout: 30_000 });

    const totals = page.locator(".analytics-totals table");
    expect(await totals.locator("tr", { hasText: "Conversations" }).locator("td").allTextContents()).toEqual([
      "Conversations",
      "2",
      "1",
    ]);
    expect(await totals.locator("tr", { hasText: "Handed to a person" }).locator("td").nth(1).textContent()).toBe(
      "1 (50.0%)",
    );
    const volume = page.locator("#chart-volume-day svg.chart-svg");
    expect(await volume.getAttribute("aria-label")).toMatch(
      /^Conversations by day\. English: highest 2 at .*; Chinese \(中文\): highest 1 at /,
    );
    expect(await page.locator("#chart-turns-hour rect").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#chart-volume-day .legend li").allTextContents()).toEqual(["English", "Chinese (中文)"]);
    expect(await page.getByRole("heading", { name: /^Knowledge health/ }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Model monitoring" }).count()).toBe(1);
    expect(await page.locator(".stats dd").first().textContent()).toBe("4");

    await screenshot(page, "analytics-top");
    await page.locator("#chart-latency-day").scrollIntoViewIfNeeded();
    await screenshot(page, "analytics-charts");
    await page.getByRole("heading", { name: /^Knowledge health/ }).scrollIntoViewIfNeeded();
    await screenshot(page, "analytics-knowledge");
    await page.getByRole("heading", { name: "Model monitoring" }).scrollIntoViewIfNeeded();
    await screenshot(page, "analytics-models");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV: By day" }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^bucket,locale,sessions,turns,handoffs,containment_rate/);
    expect(lines).toHaveLength(1 + 30 * 2);

    expect((await seriousAxeViolations(page, "main")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  }, 120_000);
});
