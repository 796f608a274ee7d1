import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSilentLogger } from "../shared/logger.js";
import { ensureBank } from "./ensure-bank.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bank-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("ensureBank", () => {
  it("seeds a missing database, writes the model, then reopens without reseeding", () => {
    const dbPath = path.join(dir, "bank.db");
    const modelPath = path.join(dir, "models", "fraud-model.json");
    const first = ensureBank({ dbPath, modelPath, seed: 1, customers: 30, today: "2024-06-01" });
    expect(first.seeded).toBe(true);
    expect(first.trained).toBe(true);
    expect(fs.existsSync(modelPath)).toBe(true);
    const count = first.store.counts().transactions;
    first.store.close();
    const second = ensureBank({ dbPath, modelPath, seed: 1, customers: 30, today: "2024-06-01" });
    expect(second.seeded).toBe(false);
    expect(second.trained).toBe(false);
    expect(second.model.modelVersion).toBe(first.model.modelVersion);
    expect(second.store.counts().transactions).toBe(count);
    second.store.close();
    fs.rmSync(modelPath);
    const third = ensureBank({ dbPath, modelPath, seed: 1, customers: 30, today: "2024-06-01" });
    expect(third.seeded).toBe(false);
    expect(third.trained).toBe(true);
    expect(fs.existsSync(modelPath)).toBe(true);
    third.store.close();
  });

  it("moves a corrupt model artefact aside and retrains it instead of refusing to start", () => {
    const dbPath = path.join(dir, "bank.db");
    const modelPath = path.join(dir, "models", "fraud-model.json");
    const before = ensureBank({ dbPath, modelPath, seed: 1, customers: 30, today: "2024-06-01" });
    before.store.close();
    fs.writeFileSync(modelPath, '{"format": "harbor-fraud-model"');
    const warnings: string[] = [];
    const logger = { ...createSilentLogger(), warn: (message: string) => void warnings.push(message) };
    const bank = ensureBank({ dbPath, modelPath, seed: 1, customers: 30, today: "2024-06-01", logger });
    expect(bank.trained).toBe(true);
    expect(bank.seeded).toBe(false);
    expect(warnings.join("\n")).toMatch(/fraud model artefact is corrupt/);
    expect(JSON.parse(fs.readFileSync(modelPath, "utf8"))).toHaveProperty("modelVersion", bank.model.modelVersion);
    expect(fs.readdirSync(path.dirname(modelPath)).some((f) => f.startsWith("fraud-model.json.corrupt-"))).toBe(true);
    bank.store.close();
  });
});
