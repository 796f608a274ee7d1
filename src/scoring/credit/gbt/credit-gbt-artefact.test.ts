import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateApplicantBook } from "../synthetic-book.js";
import { CreditGbtModelSchema, loadCreditGbt, saveCreditGbt } from "./credit-gbt-artefact.js";
import { scoreCreditGbt } from "./score-credit-gbt.js";
import { trainCreditChallengerOnApplicants } from "./train-credit-gbt.js";

const book = generateApplicantBook({ size: 800, seed: 4 });
const model = trainCreditChallengerOnApplicants(book, { params: { trees: 10 } });

describe("credit challenger artefact", () => {
  it("saves and loads a model that scores identically", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "gbt-")), "challenger.json");
    await saveCreditGbt(path, model);
    const loaded = await loadCreditGbt(path);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const e of book.slice(0, 20))
      expect(scoreCreditGbt(loaded.value, e.applicant)).toEqual(scoreCreditGbt(model, e.applicant));
  });

  it("refuses a tampered file and a missing one", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "gbt-")), "challenger.json");
    await saveCreditGbt(path, model);
    const text = await readFile(path, "utf8");
    await writeFile(path, text.replace(/"bias":(-?[0-9.]+)/, '"bias":0.123'), "utf8");
    const tampered = await loadCreditGbt(path);
    expect(tampered.ok ? "" : tampered.error).toMatch(/checksum mismatch/);
    const missing = await loadCreditGbt(join(tmpdir(), "no-such-gbt.json"));
    expect(missing.ok).toBe(false);
  });

  it("rejects a model that uses a protected characteristic", () => {
    const bad = { ...model, features: [{ ...model.features[0], name: "sex" }, ...model.features.slice(1)] };
    expect(CreditGbtModelSchema.safeParse(bad).success).toBe(false);
  });
});
