// Feedback in Chromium against the real app: a customer rates a reply down with a comment and gives CSAT 4, in
// English (closing the panel) and in Chinese (End chat); staff then see the thumbs, the redacted comment and the CSAT
// on the conversation. axe-core scans the widget and the console.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createFeedbackStore, type FeedbackEntry } from "../../src/conversations/feedback-store.js";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, type TestBrowser } from "./browser-harness.js";
import { startRealApp, type RunningApp } from "./real-app-harness.js";

describe.skipIf(!hasChromium)("feedback in the widget and the console (real app)", () => {
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

  const widgetAxe = async (page: Page) =>
    (await seriousAxeViolations(page, "harbor-chat-widget")).map((v) => `${v.id}: ${v.help}`);

  function storedFeedback(sessionId: string): FeedbackEntry[] {
    const store = createFeedbackStore(path.join(app.config.paths.dataDir, "chat.sqlite"));
    try {
      return store.listForSession(sessionId);
    } finally {
      store.close();
    }
  }

  async function chat(identity: "demo1" | undefined, text: string): Promise<{ page: Page; sessionId: string }> {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.locator(".launcher").waitFor();
    await expect.poll(() => page.locator("#identity-status").textContent()).toBe("Browsing anonymously");
    if (identity) {
      await page.locator(`input[name=identity][value=${identity}]`).check();
      await expect.poll(() => page.locator("#identity-status").textContent()).toBe(`Signed in as ${identity}`);
    }
    await page.locator(".launcher").click();
    await page.locator("textarea.input").fill(text);
    await page.keyboard.press("Enter");
    await page.locator(".msg.assistant .thumb").first().waitFor({ timeout: 30_000 });
    const sessionId = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem("harbor-chat:v1") ?? "{}") as { sessionId?: string }).sessionId,
    );
    if (!sessionId) throw new Error("the widget kept no session id");
    return { page, sessionId };
  }

  async function rateDown(page: Page, names: { down: string; up: string; comment: RegExp; send: string }) {
    const reply = page.locator(".msg.assistant").last();
    const down = reply.getByRole("button", { name: names.down });
    expect(await reply.getByRole("button", { name: names.up }).getAttribute("aria-pressed")).toBe("false");
    await down.click();
    await expect.poll(() => down.getAttribute("aria-pressed")).toBe("true");
    const comment = reply.getByLabel(names.comment);
    await comment.waitFor();
    return { reply, comment, send: reply.getByRole("button", { name: names.send }) };
  }

  it("lets a signed-in customer rate a reply down with a comment and give CSAT 4 on closing, in English", async () => {
    const { page, sessionId } = await chat("demo1", "What is the fee for an international transfer?");
    const { reply, comment, send } = await rateDown(page, {
      down: "This answer did not help",
      up: "This answer helped",
      comment: /What went wrong/,
      send: "Send feedback",
    });
    await comment.fill("It did not say the fee for my card 4111 1111 1111 1111, write to jane.doe@example.com");
    await screenshot(page, "feedback-thumbs-down-comment");
    expect(await widgetAxe(page)).toEqual([]);
    await send.click();
    await reply.getByText("Thank you for your feedback.").waitFor();
    expect(await comment.count()).toBe(0);

    await page.getByRole("button", { name: "Close chat" }).first().click();
    const card = page.locator(".csatpop");
    await card.getByRole("group", { name: "How was your chat today?" }).waitFor();
    expect(await card.getByRole("radio").count()).toBe(5);
    await card.getByRole("radio", { name: "4 Good" }).check({ force: true });
    await card.getByLabel(/Anything else to tell us/).fill("Quick answers");
    await screenshot(page, "feedback-csat-on-close");
    expect(await widgetAxe(page)).toEqual([]);
    await card.getByRole("button", { name: "Send rating" }).click();
    await card.getByRole("status").waitFor();
    expect(await card.getByRole("status").textContent()).toBe("Thank you for your feedback.");
    await screenshot(page, "feedback-csat-sent");

    const saved = storedFeedback(sessionId);
    expect(saved.map((f) => [f.kind, f.rating ?? f.csat])).toEqual([
      ["rating", "down"],
      ["csat", 4],
    ]);
    const stored = saved[0]?.comment ?? "";
    expect(stored).toContain("It did not say the fee");
    expect(stored).not.toMatch(/4111|jane\.doe|example\.com/);

    // Staff see the thumbs, the redacted comment and the CSAT on the conversation.
    const staff = await browser.newPage({ width: 1440, height: 900 });
    await staff.goto(`${app.url}/console`);
    await staff.getByLabel("Staff access token").fill(app.tokens.staff);
    await staff.getByRole("button", { name: "Sign in" }).click();
    await staff.locator(`button.conv[data-id="${sessionId}"]`).click();
    const traces = staff.locator(".traces");
    await traces.locator(".fb-pill").first().waitFor();
    expect(await traces.locator(".fb-pill").first().textContent()).toContain("Thumbs down: did not help");
    expect(await traces.locator(".fb-comment").first().textContent()).toContain("It did not say the fee");
    expect(await traces.textContent()).not.toMatch(/4111 1111|jane\.doe/);
    expect(await staff.locator(".csat-line").textContent()).toMatch(/CSAT\s*4\/5 good · replies rated: 0 up, 1 down/);
    await screenshot(staff, "feedback-console-conversation");
    expect((await seriousAxeViolations(staff, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await staff.close();
    await page.close();
  });

  it("lets an anonymous visitor do the same in Chinese, with CSAT after End chat", async () => {
    const { page, sessionId } = await chat(undefined, "我的卡丢了怎么办？");
    const { reply, comment, send } = await rateDown(page, {
      down: "这个回答没有帮助",
      up: "这个回答有帮助",
      comment: /哪里有问题/,
      send: "提交反馈",
    });
    await comment.fill("没有告诉我补卡要多久");
    await send.click();
    await reply.getByText("感谢您的反馈。").waitFor();
    await screenshot(page, "feedback-zh-thumbs-down");

    await page.getByRole("button", { name: "结束对话" }).click();
    const card = page.locator(".log .csat");
    await card.getByRole("group", { name: "您对本次对话满意吗？" }).waitFor();
    await card.getByRole("radio", { name: "4 满意" }).check({ force: true });
    expect(await widgetAxe(page)).toEqual([]);
    await screenshot(page, "feedback-zh-csat-end-chat");
    await card.getByRole("button", { name: "提交评分" }).click();
    await page.locator(".log").getByText("感谢您的反馈。").waitFor();
    const text = await page.locator(".panel").textContent();
    expect(text).not.toMatch(/Thank|rating|helped/);

    const saved = storedFeedback(sessionId);
    expect(saved.map((f) => [f.kind, f.rating ?? f.csat, f.locale])).toEqual([
      ["rating", "down", "zh-CN"],
      ["csat", 4, "zh-CN"],
    ]);
    expect(saved[0]?.comment).toBe("没有告诉我补卡要多久");
    await page.close();
  });
});
