// End-to-end in Chromium against the real app: the demo bank page, streaming with citations, a demo customer freezing
// a card through the confirmation card, a staff takeover reaching the customer's widget live, and axe-core scans.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  cspViolations,
  hasChromium,
  launchBrowser,
  recordCspViolations,
  screenshot,
  seriousAxeViolations,
  type TestBrowser,
} from "./browser-harness.js";
import { cardsInStore, startRealApp, type RunningApp } from "./real-app-harness.js";

describe.skipIf(!hasChromium)("widget and console in Chromium (real app)", () => {
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Opens the demo bank page and signs in through its identity switch (which fetches GET /v1/demo/tokens). */
  async function bankPage(identity?: "demo1" | "demo2", viewport?: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage(viewport);
    await recordCspViolations(page);
    await page.goto(`${app.url}/`);
    await page.locator(".launcher").waitFor();
    await expect.poll(() => page.locator("#identity-status").textContent()).toBe("Browsing anonymously");
    if (identity) {
      await page.locator(`input[name=identity][value=${identity}]`).check();
      await expect.poll(() => page.locator("#identity-status").textContent()).toBe(`Signed in as ${identity}`);
    }
    return page;
  }

  async function ask(page: Page, text: string): Promise<void> {
    await page.locator("textarea").fill(text);
    await page.keyboard.press("Enter");
  }

  it("shows the demo bank page with the widget closed and open", async () => {
    const page = await bankPage();
    await screenshot(page, "bank-page-widget-closed");
    await page.locator(".launcher").click();
    await page.locator(".panel").waitFor();
    await screenshot(page, "bank-page-widget-open");
    expect(await page.locator("[role=log][aria-live=polite]").count()).toBe(1);
    // Styled and working under the page's CSP (no inline script or style allowed): nothing was blocked.
    expect(await page.locator(".launcher").evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it("streams the reply token by token before done and renders citations", async () => {
    const page = await bankPage();
    await page.locator(".launcher").click();
    // Count how many distinct texts the streaming bubble shows before the final message replaces it.
    await page.evaluate(() => {
      const w = window as unknown as { __partials: string[] };
      w.__partials = [];
      const root = document.querySelector("harbor-chat-widget")!.shadowRoot!;
      new MutationObserver(() => {
        const b = root.querySelector(".msg.streaming .bubble");
        if (b?.textContent && w.__partials.at(-1) !== b.textContent) w.__partials.push(b.textContent);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const sse = page.waitForResponse((r) => r.url().endsWith("/v1/chat") && r.request().method() === "POST");
    await ask(page, "What should I do if my card is lost or stolen?");
    const cite = page.locator(".msg.assistant a.cite").first();
    await cite.waitFor({ timeout: 30_000 });
    expect(await cite.getAttribute("href")).toMatch(/^\/kb\/[\w-]+$/);
    // On the wire: several token events precede done; in the page: a streaming bubble showed partial text first.
    const body = await (await sse).text();
    const events = [...body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events.filter((e) => e === "token").length).toBeGreaterThan(1);
    expect(events.lastIndexOf("token")).toBeLessThan(events.indexOf("done"));
    const partials = await page.evaluate(() => (window as unknown as { __partials: string[] }).__partials);
    expect(partials.length).toBeGreaterThanOrEqual(1);
    expect(await page.locator(".msg.streaming").count()).toBe(0);
    expect((await seriousAxeViolations(page, "harbor-chat-widget")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it("lets demo1 freeze a card through the confirmation card, and the card is frozen in the store", async () => {
    const before = cardsInStore(app, "demo1");
    expect(before.some((c) => c.status === "active")).toBe(true);
    const page = await bankPage("demo1");
    await page.locator(".launcher").click();
    await ask(page, "Please freeze my card");
    const card = page.locator(".card");
    await card.waitFor({ timeout: 30_000 });
    await screenshot(page, "bank-page-confirmation-card");
    expect(cardsInStore(app, "demo1").filter((c) => c.status === "frozen")).toHaveLength(
      before.filter((c) => c.status === "frozen").length,
    );
    await card.getByRole("button", { name: "Approve" }).click();
    await page.locator(".outcome").waitFor({ timeout: 30_000 });
    expect(cardsInStore(app, "demo1").filter((c) => c.status === "frozen").length).toBeGreaterThan(
      before.filter((c) => c.status === "frozen").length,
    );
    await page.close();
  });

  it("shows the Chinese interface for 李伟 (demo2)", async () => {
    const page = await bankPage("demo2");
    await page.locator(".launcher").click();
    await ask(page, "我的银行卡丢了，怎么办？");
    await page.locator(".msg.assistant:not([data-id=greeting])").first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".msg.user .bubble").textContent()).toBe("我的银行卡丢了，怎么办？");
    expect(await page.locator(".title").textContent()).toBe("海港银行");
    await screenshot(page, "bank-page-chinese");
    await page.close();
  });

  it("lets a staff member take over in the console, and the customer's widget shows the reply live", async () => {
    const customer = await bankPage("demo1");
    await customer.locator(".launcher").click();
    await ask(customer, "I want to talk to a person please");
    await customer.locator(".msg.assistant").last().waitFor({ timeout: 30_000 });
    const sessionId = await customer.evaluate(
      () => (JSON.parse(sessionStorage.getItem("harbor-chat:v1") ?? "{}") as { sessionId?: string }).sessionId,
    );
    expect(sessionId).toBeTruthy();

    const staff = await browser.newPage({ width: 1440, height: 900 });
    await staff.goto(`${app.url}/console`);
    await staff.getByLabel("Staff access token").fill(app.tokens.staff);
    await staff.getByRole("button", { name: "Sign in" }).click();
    await staff.locator(`button.conv[data-id="${sessionId}"]`).click();
    await staff.locator(".detail-head h2").waitFor();
    await staff.getByRole("button", { name: "Take over" }).click();
    await staff
      .getByLabel("Reply to the customer")
      .fill("Hello, this is Alice from Harbor Bank. I can help with that.");
    await staff.getByRole("button", { name: "Send reply" }).click();

    const reply = customer.locator(".msg.staff .bubble");
    await reply.waitFor({ timeout: 15_000 });
    expect(await reply.textContent()).toContain("this is Alice from Harbor Bank");
    expect(await customer.locator(".banner").textContent()).toMatch(/member of our team/);
    await screenshot(customer, "bank-page-staff-reply");

    await staff.locator(".trace summary").first().waitFor();
    await staff.locator(".cmsg.staff").first().waitFor();
    await screenshot(staff, "console-conversation");
    expect((await seriousAxeViolations(staff, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await staff.getByRole("button", { name: "Hand back to bot" }).click();
    await staff.getByRole("button", { name: "Take over" }).waitFor();
    await customer.close();
    await staff.close();
  });

  it("shows fraud review and credit explanations in the console without serious accessibility violations", async () => {
    const staff = await browser.newPage({ width: 1440, height: 900 });
    await recordCspViolations(staff);
    await staff.goto(`${app.url}/console`);
    // Demo mode: the console signs in with the short-lived demo staff token from its own origin.
    await staff.getByRole("button", { name: "Use demo staff token" }).click();
    await staff.getByRole("button", { name: "Fraud review" }).click();
    await staff.locator("#fraud-h").waitFor();
    await staff.locator("table.fraud, .notice").first().waitFor();
    await screenshot(staff, "console-fraud-review");
    expect((await seriousAxeViolations(staff, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await staff.getByRole("button", { name: "Credit" }).click();
    await staff.getByRole("button", { name: "Explain" }).click();
    await staff.locator(".credit-summary, .notice.error").first().waitFor();
    expect(await staff.locator(".credit-summary").count()).toBe(1);
    expect(await staff.locator("main").innerText()).not.toContain("[object Object]");
    await screenshot(staff, "console-credit");
    await staff.getByLabel("Ask the staff assistant").fill("List flagged transactions");
    await staff.getByRole("button", { name: "Ask" }).click();
    await staff.locator(".amsg.bot, .amsg.err").first().waitFor({ timeout: 30_000 });
    expect(await staff.locator(".amsg.bot").count()).toBe(1);
    await screenshot(staff, "console-staff-assistant");
    expect(await cspViolations(staff)).toEqual([]);
    await staff.close();
  });
});
