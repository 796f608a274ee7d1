import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadIntentCatalogue, parseIntentFile } from "./intent-catalogue.js";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures/intents");

describe("intent catalogue", () => {
  it("loads every fixture intent with its route and both languages", () => {
    const r = loadIntentCatalogue(FIXTURES);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.intents.map((i) => i.name)).toContain("lost_or_stolen_card");
    const lost = r.value.intents.find((i) => i.name === "lost_or_stolen_card");
    expect(lost?.route).toBe("fraud");
    expect(lost?.utterances["zh-CN"].length).toBeGreaterThan(5);
    expect(r.value.dataHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the file and the field when a route is outside the closed set", () => {
    const r = parseIntentFile(
      "weird.yaml",
      "name: weird\nroute: mortgages\ndescription: x\nutterances:\n  en: [a]\n  zh-CN: [b]\n",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^weird\.yaml: route/);
  });

  it("refuses a file whose name field differs from the file name", () => {
    const r = parseIntentFile(
      "balance.yaml",
      "name: saldo\nroute: account\ndescription: x\nutterances:\n  en: [a]\n  zh-CN: [b]\n",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("does not match the file name");
  });

  it("reports broken YAML and missing languages of all files at once", () => {
    const dir = mkdtempSync(join(tmpdir(), "intents-"));
    writeFileSync(join(dir, "a.yaml"), "name: a\nroute: cards\ndescription: x\nutterances:\n  en: [hi]\n");
    writeFileSync(join(dir, "b.yaml"), "name: [unclosed\n");
    const r = loadIntentCatalogue(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain("a.yaml: utterances.zh-CN");
      expect(r.error).toContain("b.yaml: invalid YAML");
    }
  });
});
