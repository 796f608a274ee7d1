import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, loadDialogues, parseDialogue } from "./load-dialogues.js";

const FIXTURES = path.resolve("test/fixtures/dialogues");

describe("loadDialogues", () => {
  it("upgrades a version-1 file to the structured format", async () => {
    const r = await loadDialogues([path.join(FIXTURES, "v1")]);
    if (!r.ok) throw new Error(r.error.map(formatProblem).join("\n"));
    const [d] = r.value;
    expect(d?.sourceVersion).toBe(1);
    expect(d?.dialogue.schemaVersion).toBe(2);
    expect(d?.dialogue.meta.speaker).toBe("customer:demo1");
    const first = d?.dialogue.turns[0];
    expect(first?.say).toBe("Please freeze my card ending 4242");
    expect(first?.expect.intent?.route).toBe("cards");
    expect(first?.expect.tools?.calls.map((c) => c.name)).toEqual(["list_cards"]);
    expect(first?.expect.confirmation).toEqual({ requested: true });
    expect(first?.expect.text?.mode).toBe("any");
    expect(first?.expect.latencyMs).toBe(5000);
    expect(d?.dialogue.turns[1]?.decide).toBe("approve");
    expect(d?.dialogue.turns[1]?.expect.text?.notContains).toEqual(["error"]);
  });

  it("loads a version-2 file with cassettes and recorded replies", async () => {
    const r = await loadDialogues([path.join(FIXTURES, "v2")]);
    if (!r.ok) throw new Error(r.error.map(formatProblem).join("\n"));
    const d = r.value[0]?.dialogue;
    expect(d?.meta.recordedWith).toEqual({ provider: "openai", model: "gpt-4o-mini" });
    expect(d?.turns[0]?.cassette?.[0]?.toolCalls[0]).toEqual({
      id: "call_1",
      name: "freeze_card",
      args: { last4: "4242" },
    });
    expect(d?.turns[0]?.expect.tools?.order).toBe("in_order");
  });

  it("rejects every malformed file with its path, line and the exact problem", async () => {
    const r = await loadDialogues([path.join(FIXTURES, "malformed")]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.error.map(formatProblem);
    const find = (file: string): string => lines.find((l) => l.includes(file)) ?? "";
    expect(find("unknown-field.yaml")).toMatch(
      /unknown-field\.yaml:6:\d+: turns\[0\]\.expect: unknown field\(s\) "intnet"/,
    );
    expect(find("bad-speaker.yaml")).toMatch(
      /bad-speaker\.yaml:2:\d+: meta\.speaker: must be "anonymous", "customer:demo1"/,
    );
    expect(find("say-and-decide.yaml")).toMatch(/turns\[1\]: a turn needs exactly one of "say" or "decide"/);
    expect(find("bad-regex.yaml")).toMatch(/turns\[0\]\.expect\.text\.regex\[0\]: invalid regular expression/);
    expect(find("unsupported-version.yaml")).toMatch(/:1:\d+: schemaVersion: unsupported schema version 7/);
    expect(find("yaml-syntax.yaml")).toMatch(/yaml-syntax\.yaml:\d+:\d+: YAML syntax/);
    expect(find("v1-bad-route.yaml")).toMatch(/turns\[0\]\.expect\.route: Invalid enum value/);
  });

  it("refuses a first turn that decides on a confirmation nobody asked for", () => {
    const r = parseDialogue(
      "schemaVersion: 2\nmeta: { title: x, locale: en, speaker: anonymous }\nturns:\n  - decide: approve\n",
      "x.yaml",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]?.message).toMatch(/first turn cannot be a decision/);
  });

  it("names a missing required field as required", () => {
    const r = parseDialogue(
      "schemaVersion: 2\nmeta: { locale: en, speaker: anonymous }\nturns:\n  - say: hi\n",
      "y.yaml",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.error[0] as never)).toBe("y.yaml:2:7: meta.title: is required");
  });

  it("reports a folder that does not exist instead of throwing", async () => {
    const r = await loadDialogues([path.join(FIXTURES, "no-such-folder")]);
    expect(r.ok).toBe(false);
  });
});
