import { describe, expect, it } from "vitest";
import { allowedToolsFor, toolLabel, TOOL_LABELS } from "./route-policy.js";
import { TOOL_NAMES } from "./tools/tool-names.js";

describe("route policy", () => {
  it("gives anonymous visitors no data tools, whatever the route", () => {
    expect(allowedToolsFor("fraud", { kind: "anonymous" })).toEqual(["search_knowledge", "handoff_to_human"]);
  });

  it("gives staff the staff tools on every route", () => {
    expect(allowedToolsFor("cards", { kind: "staff", staffId: "s1" })).toContain("lookup_customer");
  });

  it("labels every tool in both languages, and shows an unknown name as it is", () => {
    expect(Object.keys(TOOL_LABELS).sort()).toEqual([...TOOL_NAMES].sort());
    expect(toolLabel("freeze_card", "zh-CN")).toBe("正在冻结您的银行卡…");
    expect(toolLabel("transfer_funds", "en")).toBe("transfer_funds");
  });
});
