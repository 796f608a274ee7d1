import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureRouterModel } from "./ensure-router-model.js";
import { loadIntentCatalogue } from "./intent-catalogue.js";
import { loadRouter, parseRouterArtefact, saveRouter, toRouterArtefact } from "./router-artefact.js";
import { trainRouter, type RouterModel } from "./router-model.js";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures/intents");
let model: RouterModel;

beforeAll(() => {
  const r = loadIntentCatalogue(FIXTURES);
  if (!r.ok) throw new Error(r.error);
  model = trainRouter(r.value);
});

describe("router artefact", () => {
  it("round-trips through a file with the same predictions (int16 weights lose almost nothing)", () => {
    const path = join(mkdtempSync(join(tmpdir(), "router-")), "m", "router.json");
    saveRouter(model, path);
    const loaded = loadRouter(path);
    if (!loaded.ok) throw new Error(loaded.error);
    for (const text of ["i lost my card", "余额多少", "book me a taxi"]) {
      const a = model.classifier.predict(text);
      const b = loaded.value.classifier.predict(text);
      a.forEach((p, i) => expect(b[i]).toBeCloseTo(p, 3));
    }
    expect(loaded.value.intents).toEqual(model.intents);
  });

  it("refuses corrupt JSON", () => {
    const r = parseRouterArtefact('{"format":"harbor-intent-router",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("not valid JSON");
  });

  it("refuses an artefact of another version", () => {
    const r = parseRouterArtefact(JSON.stringify({ ...toRouterArtefact(model), version: 99 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("version");
  });

  it("refuses weights whose size does not match the vocabulary and intents", () => {
    const a = toRouterArtefact(model);
    const r = parseRouterArtefact(JSON.stringify({ ...a, terms: a.terms.slice(1) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("mismatch");
  });

  it("refuses an unknown route", () => {
    const a = toRouterArtefact(model);
    const r = parseRouterArtefact(JSON.stringify({ ...a, intents: a.intents.map((i) => ({ ...i, route: "loans" })) }));
    expect(r.ok).toBe(false);
  });
});

describe("ensureRouterModel", () => {
  it("trains when missing, loads when fresh, retrains when the data changes or the file is corrupt", () => {
    const root = mkdtempSync(join(tmpdir(), "ensure-"));
    const intentsDir = join(root, "intents");
    const modelsDir = join(root, "models");
    cpSync(FIXTURES, intentsDir, { recursive: true });
    const first = ensureRouterModel({ intentsDir, modelsDir });
    if (!first.ok) throw new Error(first.error);
    expect(first.value.trained).toBe(true);
    const second = ensureRouterModel({ intentsDir, modelsDir });
    expect(second.ok && second.value.trained).toBe(false);
    writeFileSync(
      join(intentsDir, "greeting.yaml"),
      readFileSync(join(intentsDir, "greeting.yaml"), "utf8").replace("    - yo\n", "    - yo\n    - howdy\n"),
    );
    const third = ensureRouterModel({ intentsDir, modelsDir });
    expect(third.ok && third.value.trained).toBe(true);
    writeFileSync(first.value.path, "garbage");
    const fourth = ensureRouterModel({ intentsDir, modelsDir });
    expect(fourth.ok && fourth.value.trained).toBe(true);
  });

  it("returns the catalogue problem instead of a model when the data is broken", () => {
    const r = ensureRouterModel({ intentsDir: join(tmpdir(), "no-such-intents-dir"), modelsDir: tmpdir() });
    expect(r.ok).toBe(false);
  });
});
