// Agent assist in the staff console, in Chromium against the real app: a customer chats, staff take the
// conversation over, the assist panel shows a summary, suggested replies and the next tool call; an edited reply is
// sent and reaches the customer's widget live. A Chinese conversation taken over from the queue gets Chinese help.
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
import { startRealApp, type RunningApp } from "./real-app-harness.js";

describe.skipIf(!hasChromium)("agent assist in the staff console (real app)", () => {
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

  async function customerChat(
    identity: "demo1" | "demo2",
    messages: readonly string[],
  ): Promise<{ page: Page; sessionId: string }> {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.locator(".launcher").waitFor();
    await expect.poll(() => page.locator("#identity-status").textContent()).toBe("Browsing anonymously");
    await page.locator(`input[name=identity][value=${identity}]`).check();
    await expect.poll(() => page.locator("#identity-status").textContent()).toBe(`Signed in as ${identity}`);
    await page.locator(".launcher").click();
    for (const [i, text] of messages.entries()) {
      await page.locator("textarea").fill(text);
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.locator(".msg.assistant:not([data-id=greeting])").count(), { timeout: 30_000 })
        .toBe(i + 1);
    }
    const sessionId = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem("harbor-chat:v1") ?? "{}") as { sessionId?: string }).sessionId,
    );
    if (!sessionId) throw new Error("the widget kept no session id");
    return { page, sessionId };
  }

  async function consolePage(): Promise<Page> {
    const staff = await browser.newPage({ width: 1440, height: 900 });
    await recordCspViolations(staff);
    await staff.goto(`${app.url}/console`);
    await staff.getByLabel("Staff access token").fill(app.tokens.staff);
    await staff.getByRole("button", { name: "Sign in" }).click();
    return staff;
  }

  it("shows assist on take-over, and an edited suggested reply reaches the customer", async () => {
    const customer = await customerChat("demo1", [
      "What is the fee for a SWIFT payment?",
      "I want to talk to a person",
    ]);
    const staff = await consolePage();
    await staff.locator(`button.conv[data-id="${customer.sessionId}"]`).click();
    await staff.locator(".detail-head h2").waitFor();
    await staff.getByRole("button", { name: "Take over" }).click();

    const panel = staff.getByRole("region", { name: "Agent assist" });
    await panel.getByRole("heading", { name: "Suggested replies" }).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole("status").textContent()).toBe("Assist ready.");
    expect(await panel.locator(".ta-summary").textContent()).toContain("What is the fee for a SWIFT payment?");
    const replies = panel.locator(".ta-reply textarea");
    expect(await replies.count()).toBeGreaterThanOrEqual(2);
    expect(await replies.first().inputValue()).toContain("£15");
    expect(await panel.locator(".ta-reply").first().getByRole("link").count()).toBeGreaterThan(0);
    expect(await panel.locator(".ta-action code").first().textContent()).toBe(
      'search_knowledge query="What is the fee for a SWIFT payment?"',
    );
    await panel.scrollIntoViewIfNeeded();
    await screenshot(staff, "console-assist-panel");

    const first = panel.getByLabel(/^Suggested reply 1/);
    const edited = `Hello, this is Alice from Harbor Bank. ${await first.inputValue()}`;
    await first.fill(edited);
    await panel.locator(".ta-reply").first().getByRole("button", { name: "Send" }).click();
    const reply = customer.page.locator(".msg.staff .bubble");
    await reply.waitFor({ timeout: 15_000 });
    expect(await reply.textContent()).toContain("this is Alice from Harbor Bank");
    expect(await reply.textContent()).toContain("£15");
    await staff.locator(".cmsg.staff").first().waitFor();
    expect(await panel.locator(".ta-reply").first().getByRole("button").textContent()).toBe("Sent");
    await screenshot(customer.page, "bank-page-assist-reply");
    await screenshot(staff, "console-assist-sent");

    // The next step goes to the staff assistant as a request in words.
    await panel.getByRole("button", { name: "Ask the staff assistant" }).first().click();
    await expect
      .poll(() => staff.locator(".assist-log").textContent(), { timeout: 30_000 })
      .toContain("Search the guides: What is the fee for a SWIFT payment?");

    expect((await seriousAxeViolations(staff, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(await cspViolations(staff)).toEqual([]);
    await customer.page.close();
    await staff.close();
  });

  it("gives a Chinese summary and Chinese replies for a Chinese conversation taken over from the queue", async () => {
    const customer = await customerChat("demo2", ["境外取现手续费是多少？", "转人工"]);
    const staff = await consolePage();
    await staff.getByRole("button", { name: "Handoff queue" }).click();
    const ticket = staff.locator(".ticket", { hasText: "转人工" }).first();
    await ticket.getByRole("button", { name: "Take over" }).click();

    const panel = staff.getByRole("region", { name: "Agent assist" });
    await panel.getByRole("heading", { name: "Suggested replies" }).waitFor({ timeout: 30_000 });
    expect(await staff.locator(".detail-head h2").textContent()).toBe(customer.sessionId);
    const wants = panel.locator(".ta-summary dd").first();
    expect(await wants.getAttribute("lang")).toBe("zh-CN");
    expect(await wants.textContent()).toContain("境外取现手续费是多少？");
    const texts = await panel
      .locator(".ta-reply textarea")
      .evaluateAll((els) => els.map((e) => (e instanceof HTMLTextAreaElement ? e.value : "")));
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(texts.join("")).toContain("2.75%");
    await panel.scrollIntoViewIfNeeded();
    await screenshot(staff, "console-assist-chinese");
    expect((await seriousAxeViolations(staff, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await customer.page.close();
    await staff.close();
  });
});
