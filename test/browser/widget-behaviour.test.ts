// Widget behaviours in a real browser against a scripted API: hostile host CSS, streaming, dropped connections and retry,
// persistence, keyboard-only use, Chinese UI, 320 px, and an axe-core scan. End-to-end flows are in real-app.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { buildBrowserAssets } from "../../src/widget/build-assets.js";
import {
  hasChromium,
  launchBrowser,
  PUBLIC_DIR,
  screenshot,
  seriousAxeViolations,
  type TestBrowser,
} from "./browser-harness.js";
import { fakeToken, startFakeChatApi } from "./fake-chat-api.js";

const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><style>
  * { all: unset !important; }
  html { font-size: 48px !important; }
  body, div, section, button, p { font: 900 40px/3 "Comic Sans MS", fantasy !important; color: #f0f !important; background: #ff0 !important; }
  button { display: none !important; } .launcher, .panel, .msg { display: none !important; transform: rotate(12deg) !important; }
  harbor-chat-widget { display: none; }
</style></head><body><h1>Hostile host</h1><button id="host-button">Host button</button>
<script src="/widget.js" data-api="" data-lang="en" async></script></body></html>`;

const PLAIN_PAGE = (
  lang: string,
  extra = "",
) => `<!doctype html><html lang="en"><head><title>Widget test</title></head><body><main><h1>Harbor Bank test page</h1></main>${extra}
<script src="/widget.js" data-api="" data-lang="${lang}" async></script></body></html>`;

describe.skipIf(!hasChromium)("chat widget in Chromium (scripted API)", () => {
  let api: Awaited<ReturnType<typeof startFakeChatApi>>;
  let browser: TestBrowser;

  beforeAll(async () => {
    const report = await buildBrowserAssets({});
    expect(report.withinBudget).toBe(true);
    api = await startFakeChatApi({ publicDir: PUBLIC_DIR, tokenDelayMs: 40 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function openPage(html: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await browser.newPage(viewport);
    await page.route(`${api.url}/test-page`, (route) => route.fulfill({ contentType: "text/html", body: html }));
    await page.goto(`${api.url}/test-page`);
    await page.locator(".launcher").waitFor();
    return page;
  }

  it("renders and works on a page whose CSS is deliberately hostile", async () => {
    const page = await openPage(HOSTILE_PAGE);
    const launcher = page.locator(".launcher");
    const box = await launcher.boundingBox();
    expect(box?.width).toBeCloseTo(60, 0);
    expect(box?.height).toBeCloseTo(60, 0);
    await screenshot(page, "widget-hostile-closed");
    await launcher.click();
    const panel = page.locator(".panel");
    await expect.poll(async () => (await panel.boundingBox())?.width).toBeCloseTo(380, 0);
    const fontSize = await page.locator(".title").evaluate((el) => getComputedStyle(el).fontSize);
    expect(fontSize).toBe("16px");
    await page.locator("textarea").fill("What do I do if I lose my card?");
    await page.keyboard.press("Enter");
    await page.locator(".msg.assistant .cite").first().waitFor();
    await screenshot(page, "widget-hostile-open");
    // The widget does not leak styles into the host: the host button stays hidden by the host's own rule.
    expect(await page.locator("#host-button").isVisible()).toBe(false);
    await page.close();
  });

  it("streams tokens before done, then shows citations and quick replies", async () => {
    const page = await openPage(PLAIN_PAGE("en"));
    await page.locator(".launcher").click();
    await screenshot(page, "widget-open");
    await page.locator("textarea").fill("I lost my card");
    await page.locator("button.send").click();
    const streaming = page.locator(".msg.streaming .bubble");
    await streaming.waitFor();
    await expect.poll(async () => (await streaming.textContent())?.length ?? 0).toBeGreaterThan(10);
    const partial = (await streaming.textContent()) ?? "";
    expect(partial.length).toBeLessThan(
      "If your card is lost or stolen, freeze it straight away in the app, then order a replacement. We never ask for your PIN."
        .length,
    );
    await screenshot(page, "widget-mid-stream");
    const cite = page.locator(".msg.assistant a.cite").first();
    await cite.waitFor();
    expect(await cite.getAttribute("href")).toBe("/kb/lost-stolen-cards");
    expect(await page.locator(".msg.streaming").count()).toBe(0);
    expect(await page.locator(".chip").allTextContents()).toEqual(["Freeze my card", "Talk to a person"]);
    expect(await page.locator(".tool").count()).toBe(0);
    await page.close();
  });

  it("keeps the conversation across a reload and clears it on End chat", async () => {
    const page = await openPage(PLAIN_PAGE("en"));
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("I lost my card");
    await page.keyboard.press("Enter");
    await page.locator(".msg.assistant a.cite").first().waitFor();
    await page.reload();
    await page.locator(".msg.user").first().waitFor();
    expect(await page.locator(".msg.user .bubble").textContent()).toBe("I lost my card");
    expect(await page.locator(".panel").isVisible()).toBe(true);
    await page.getByRole("button", { name: "End chat" }).click();
    expect(await page.locator(".msg.user").count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem("harbor-chat:v1"))).not.toContain("I lost my card");
    await page.close();
  });

  it("shows an error with a working Retry when the connection drops mid-reply", async () => {
    const flaky = await startFakeChatApi({ publicDir: PUBLIC_DIR, tokenDelayMs: 10, dropFirstTurns: 1 });
    const page = await browser.newPage();
    await page.route(`${flaky.url}/test-page`, (route) =>
      route.fulfill({ contentType: "text/html", body: PLAIN_PAGE("en") }),
    );
    await page.goto(`${flaky.url}/test-page`);
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("I lost my card");
    await page.keyboard.press("Enter");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/could not reach Harbor Bank/);
    await screenshot(page, "widget-error-retry");
    await page.getByRole("button", { name: "Retry" }).click();
    await page.locator(".msg.assistant a.cite").first().waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.close();
    await flaky.close();
  });

  it("supports a keyboard-only conversation from opening the launcher to closing it", async () => {
    const page = await openPage(PLAIN_PAGE("en", '<a href="#top">Top link</a>'));
    await page.keyboard.press("Tab"); // host link
    await page.keyboard.press("Tab"); // launcher
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className)).toBe("launcher");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.type("I lost my card");
    await page.keyboard.press("Enter");
    await page.locator(".chip").first().waitFor();
    // From the input, Shift+Tab walks back into the log: the last quick reply, then the first.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent)).toBe(
      "Freeze my card",
    );
    await screenshot(page, "widget-keyboard-focus");
    await page.keyboard.press("Enter");
    await page.locator(".card").waitFor();
    await page.keyboard.press("Escape");
    expect(await page.locator(".panel").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className)).toBe("launcher");
    await page.close();
  });

  it("approves a confirmation card and shows the outcome", async () => {
    const page = await openPage(PLAIN_PAGE("en"));
    await page.evaluate(
      (t) => (window as unknown as { HarborChat: { setToken(t: string): void } }).HarborChat.setToken(t),
      fakeToken("demo1"),
    );
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("Please freeze my card");
    await page.keyboard.press("Enter");
    await page.locator(".card").waitFor();
    await page.locator(".tool.end").first().waitFor();
    await screenshot(page, "widget-confirmation-card");
    expect((await seriousAxeViolations(page, "harbor-chat-widget")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByRole("button", { name: "Approve" }).click();
    await page.locator(".outcome").waitFor();
    expect(await page.locator(".outcome").textContent()).toContain("Approved");
    expect(api.frozen.has("card_4421")).toBe(true);
    await page.close();
  });

  it("speaks Chinese when data-lang is zh-CN and follows a Chinese conversation", async () => {
    const page = await openPage(PLAIN_PAGE("zh-CN"));
    await page.locator(".launcher").click();
    expect(await page.locator(".title").textContent()).toBe("海港银行");
    await page.locator("textarea").fill("我的卡丢了怎么办？");
    await page.keyboard.press("Enter");
    await page.locator(".msg.assistant a.cite").first().waitFor();
    await screenshot(page, "widget-chinese");
    expect(await page.getByRole("button", { name: "结束对话" }).count()).toBe(1);
    await page.close();
  });

  it("fits a 320 px wide screen without horizontal scrolling", async () => {
    const page = await openPage(PLAIN_PAGE("en"), { width: 320, height: 640 });
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("I lost my card");
    await page.keyboard.press("Enter");
    await page.locator(".chip").first().waitFor();
    const box = await page.locator(".panel").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, "widget-320px");
    await page.close();
  });

  it("delivers a console takeover reply to the customer's widget, and the console passes axe", async () => {
    const page = await openPage(PLAIN_PAGE("en"));
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("I want to talk to a person");
    await page.keyboard.press("Enter");
    await page.locator(".banner").waitFor();
    const staff = await browser.newPage({ width: 1440, height: 900 });
    await staff.goto(`${api.url}/console`);
    await staff.getByLabel("Staff access token").fill(fakeToken("alice", "staff"));
    await staff.getByRole("button", { name: "Sign in" }).click();
    await staff.getByRole("button", { name: "Handoff queue" }).click();
    await staff.locator(".ticket").waitFor();
    await screenshot(staff, "console-queue-scripted");
    await staff.locator(".ticket").getByRole("button", { name: "Take over" }).click();
    await staff.getByLabel("Reply to the customer").fill("Hi, I'm Alice from Harbor Bank. Let me look into this.");
    await staff.getByRole("button", { name: "Send reply" }).click();
    const reply = page.locator(".msg.staff .bubble");
    await reply.waitFor();
    expect(await reply.textContent()).toContain("Alice from Harbor Bank");
    expect(await page.locator(".banner").textContent()).toBe("You are now chatting with a member of our team");
    await screenshot(page, "widget-staff-reply");
    await staff.locator(".trace summary").first().waitFor();
    await screenshot(staff, "console-conversation-scripted");
    const download = staff.waitForEvent("download");
    await staff.getByRole("button", { name: "Save as regression dialogue" }).click();
    expect((await download).suggestedFilename()).toMatch(/\.yaml$/);
    expect((await seriousAxeViolations(staff, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await staff.getByRole("button", { name: "Fraud review" }).click();
    await staff.locator("table.fraud").waitFor();
    await screenshot(staff, "console-fraud-scripted");
    expect((await seriousAxeViolations(staff, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await staff.close();
    await page.close();
  });

  it("switches the demo bank page between the anonymous visitor and demo customers", async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/`);
    await page.locator(".launcher").waitFor();
    await screenshot(page, "bank-page-closed-scripted");
    await page.getByLabel("Alex Morgan (demo1)").check();
    await expect.poll(() => page.locator("#identity-status").textContent()).toBe("Signed in as demo1");
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("Please freeze my card");
    await page.keyboard.press("Enter");
    await page.locator(".card").waitFor();
    await page.getByLabel("李伟 (demo2)").check();
    // A different customer never sees the previous customer's conversation, and the UI follows 李伟's language.
    await expect.poll(() => page.locator(".msg.user").count()).toBe(0);
    expect(await page.locator(".title").textContent()).toBe("海港银行");
    await page.getByLabel("Anonymous visitor").check();
    await page.locator(".launcher").click();
    await page.locator(".launcher").click();
    await screenshot(page, "bank-page-open-scripted");
    expect((await seriousAxeViolations(page, "body")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it("follows a dark colour scheme with readable contrast", async () => {
    const page = await openPage(PLAIN_PAGE("en"));
    await page.emulateMedia({ colorScheme: "dark" });
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("I lost my card");
    await page.keyboard.press("Enter");
    await page.locator(".chip").first().waitFor();
    expect(await page.locator(".panel").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(20, 26, 34)");
    await screenshot(page, "widget-dark");
    expect((await seriousAxeViolations(page, "harbor-chat-widget")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it("sends the customer's token from data-token, or from window.HarborChat set before the script loads", async () => {
    const token = fakeToken("demo1");
    for (const html of [
      PLAIN_PAGE("en").replace('data-lang="en"', `data-lang="en" data-token="${token}"`),
      PLAIN_PAGE("en").replace("<script src", `<script>window.HarborChat = { token: "${token}" };</script><script src`),
    ]) {
      const page = await openPage(html);
      const urls: string[] = [];
      page.on("request", (r) => urls.push(r.url()));
      await page.locator(".launcher").click();
      const request = page.waitForRequest((r) => r.url().endsWith("/v1/chat"));
      const events = page.waitForRequest((r) => r.url().includes("/events?"));
      await page.locator("textarea").fill("I lost my card");
      await page.keyboard.press("Enter");
      expect((await request).headers()["authorization"]).toBe(`Bearer ${token}`);
      // Live events open with a stream ticket: the bearer token never appears in a URL.
      expect((await events).url()).toMatch(/\/events\?ticket=/);
      expect(urls.filter((u) => u.includes(token) || u.includes("access_token"))).toEqual([]);
      await page.close();
    }
  });

  it("continues an anonymous conversation after a reload by sending its session key, and streams with a ticket", async () => {
    const page = await openPage(PLAIN_PAGE("en"));
    await page.locator(".launcher").click();
    await page.locator("textarea").fill("I lost my card");
    await page.keyboard.press("Enter");
    await page.locator(".msg.assistant a.cite").first().waitFor();
    const stored = JSON.parse((await page.evaluate(() => sessionStorage.getItem("harbor-chat:v1"))) ?? "{}") as {
      sessionId?: string;
      sessionKey?: string;
    };
    expect(stored.sessionKey).toBe(api.sessions.get(stored.sessionId ?? "")?.key);
    await page.reload();
    await page.locator(".msg.user").first().waitFor();
    const next = page.waitForRequest((r) => r.url().endsWith("/v1/chat"));
    await page.locator("textarea").fill("Talk to a person");
    await page.keyboard.press("Enter");
    expect((await next).headers()["x-session-key"]).toBe(stored.sessionKey);
    await page.locator(".msg.assistant").nth(1).waitFor();
    expect(
      api.sessions
        .get(stored.sessionId ?? "")
        ?.messages.filter((m) => m.role === "user")
        .map((m) => m.text),
    ).toEqual(["I lost my card", "Talk to a person"]);
    const streams = api.eventUrls.filter((u) => u.includes(stored.sessionId ?? "-"));
    expect(streams.length).toBeGreaterThanOrEqual(1);
    expect(streams.every((u) => /[?&]ticket=/.test(u) && !u.includes(stored.sessionKey ?? "-"))).toBe(true);
    await page.close();
  });
});
