import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createModelRegistry, loadChampion, readChampionArtefact } from "./model-registry.js";
import { ok } from "../shared/result.js";

function registryAt(start = Date.parse("2026-12-01T10:00:00Z")) {
  const modelsDir = mkdtempSync(join(tmpdir(), "registry-"));
  let t = start;
  const registry = createModelRegistry({ modelsDir, now: () => new Date((t += 1000)) });
  return { modelsDir, registry };
}

const actor = { actor: "tester", reason: "test" };

describe("model registry", () => {
  it("stores versions named by timestamp and content hash under registry/<model>/", () => {
    const { modelsDir, registry } = registryAt();
    const v = registry.save("router", '{"a":1}');
    expect(v).toMatch(/^20261201T100001Z-[0-9a-f]{8}$/);
    expect(existsSync(join(modelsDir, "registry", "router", `${v}.json`))).toBe(true);
    expect(registry.read("router", v)).toEqual(ok('{"a":1}'));
    expect(registry.read("router", "nope").ok).toBe(false);
  });

  it("has no champion until one is promoted, then points at it without leaving temp files", () => {
    const { modelsDir, registry } = registryAt();
    expect(registry.champion("fraud")).toEqual(ok(undefined));
    const v = registry.save("fraud", "{}");
    const promoted = registry.promote("fraud", v, actor);
    expect(promoted.ok && promoted.value.version).toBe(v);
    expect(readChampionArtefact(registry, "fraud")).toEqual(ok({ version: v, text: "{}" }));
    expect(readdirSync(join(modelsDir, "registry", "fraud")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses to promote a version that was never stored", () => {
    const { registry } = registryAt();
    expect(registry.promote("credit", "20261201T100001Z-00000000", actor).ok).toBe(false);
  });

  it("rollback restores the previous champion, and each rollback steps one further back", () => {
    const { registry } = registryAt();
    const [a, b, c] = ["1", "2", "3"].map((x) => registry.save("credit", `{"v":${x}}`)) as [string, string, string];
    for (const v of [a, b, c]) registry.promote("credit", v, actor);
    expect(registry.rollback("credit", actor)).toEqual(ok({ from: c, to: b }));
    expect(registry.champion("credit").ok && registry.champion("credit")).toMatchObject({ value: { version: b } });
    expect(registry.rollback("credit", actor)).toEqual(ok({ from: b, to: a }));
    const none = registry.rollback("credit", actor);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error).toMatch(/no previous champion/);
  });

  it("returns an error value when rolling back a model that never had a champion", () => {
    const { registry } = registryAt();
    const r = registry.rollback("router", actor);
    expect(r.ok).toBe(false);
  });

  it("audits every promotion, refusal and rollback with who, when, metrics and why", () => {
    const { registry } = registryAt();
    const a = registry.save("router", "{}");
    const b = registry.save("router", '{"b":1}');
    registry.promote("router", a, { actor: "ops", reason: "baseline" });
    registry.recordRefusal("router", b, { actor: "ops", reason: "worse", metrics: { "held_out.auc": 0.5 } });
    registry.promote("router", b, { actor: "ops", reason: "better" });
    registry.rollback("router", { actor: "ops", reason: "incident" });
    const history = registry.history("router");
    expect(history.map((h) => [h.action, h.version, h.previous])).toEqual([
      ["promote", a, null],
      ["refuse", b, a],
      ["promote", b, a],
      ["rollback", a, b],
    ]);
    expect(history[1]).toMatchObject({ actor: "ops", reason: "worse", metrics: { "held_out.auc": 0.5 } });
    expect(history.every((h) => h.at.startsWith("2026-12-01T10:00"))).toBe(true);
    expect(registry.history("fraud")).toEqual([]);
  });

  it("keeps serving today's model when the champion pointer is corrupt, with a warning", () => {
    const { modelsDir, registry } = registryAt();
    const v = registry.save("fraud", "{}");
    registry.promote("fraud", v, actor);
    writeFileSync(join(modelsDir, "registry", "fraud", "champion.json"), "{broken");
    const warnings: string[] = [];
    const loaded = loadChampion(registry, "fraud", (t) => ok(t), { onWarning: (m) => warnings.push(m) });
    expect(loaded).toBeUndefined();
    expect(warnings).toEqual(["fraud champion not served: keeping the default model"]);
  });

  it("does not serve a champion the caller refuses (e.g. trained on other data)", () => {
    const { registry } = registryAt();
    registry.promote("router", registry.save("router", "{}"), actor);
    expect(loadChampion(registry, "router", (t) => ok(t), { accept: () => "stale" })).toBeUndefined();
    expect(loadChampion(registry, "router", (t) => ok(t))?.value).toBe("{}");
  });
});
