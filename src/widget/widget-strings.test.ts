import { describe, it, expect } from "vitest";
import { localeOfMessage, t, toUiLocale } from "./widget-strings.js";

describe("widget strings", () => {
  it("follows the language the customer writes in", () => {
    expect(localeOfMessage("我的卡丢了")).toBe("zh-CN");
    expect(localeOfMessage("I lost my card")).toBe("en");
    expect(localeOfMessage("ok")).toBeUndefined();
    expect(localeOfMessage("1234")).toBeUndefined();
  });

  it("maps data-lang variants to a supported locale", () => {
    expect(toUiLocale("zh")).toBe("zh-CN");
    expect(toUiLocale("zh-Hans")).toBe("zh-CN");
    expect(toUiLocale("en-GB")).toBe("en");
    expect(toUiLocale(null)).toBe("en");
  });

  it("translates every key into Chinese", () => {
    expect(t("zh-CN", "send")).toBe("发送");
    expect(t("en", "handoffActive")).toMatch(/member of our team/);
  });

  it("words the feedback controls in both languages, with no English in the Chinese ones", () => {
    const keys = [
      "helped",
      "notHelped",
      "feedbackSend",
      "csatTitle",
      "csat1",
      "csat5",
      "csatSend",
      "csatLater",
    ] as const;
    for (const key of keys) {
      expect(t("en", key)).toMatch(/[A-Za-z]/);
      expect(t("zh-CN", key)).not.toMatch(/[A-Za-z]/);
    }
    expect(t("en", "helped")).toBe("This answer helped");
    expect(t("en", "notHelped")).toBe("This answer did not help");
  });
});
