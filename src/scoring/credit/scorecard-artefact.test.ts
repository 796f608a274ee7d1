import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { trainNativeScorecard } from "./default-scorecard.js";
import { loadScorecard, parseScorecard, saveScorecard, serialiseScorecard } from "./scorecard-artefact.js";
import { generateApplicantBook } from "./synthetic-book.js";

const { scorecard } = trainNativeScorecard(generateApplicantBook({ size: 3000, seed: 9 }), {
  seed: 9,
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("scorecard artefact", () => {
  it("round-trips through a file with its checksum", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "scorecard-")), "models", "s.json");
    await saveScorecard(path, scorecard);
    const loaded = await loadScorecard(path, { dataset: "native" });
    expect(loaded.ok && loaded.value).toEqual(scorecard);
  });

  it("refuses a corrupt file", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "scorecard-")), "s.json");
    await writeFile(path, serialiseScorecard(scorecard).slice(0, 500));
    const loaded = await loadScorecard(path);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toMatch(/not valid JSON/);
  });

  it("refuses a file whose points were edited (checksum mismatch)", () => {
    const file = JSON.parse(serialiseScorecard(scorecard));
    file.scorecard.features[0].bins[0].points += 50;
    const parsed = parseScorecard(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/checksum mismatch/);
  });

  it("refuses a scorecard for another data schema, inconsistent scaling or a protected characteristic", async () => {
    expect(parseScorecard(serialiseScorecard(scorecard), { dataset: "german" })).toMatchObject({ ok: false });
    const file = JSON.parse(serialiseScorecard(scorecard));
    file.scorecard.scaling.pdo = 40;
    const bad = parseScorecard(JSON.stringify(file));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/scaling/);
    const prot = JSON.parse(serialiseScorecard(scorecard));
    prot.scorecard.features[0].name = "maritalStatus";
    const refused = parseScorecard(JSON.stringify(prot));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/protected/);
    expect((await loadScorecard("/nonexistent/x.json")).ok).toBe(false);
  });

  it("stores what monitoring and audits need", async () => {
    const text = serialiseScorecard(scorecard);
    expect(JSON.parse(text).scorecard).toMatchObject({
      kind: "harbor-credit-scorecard",
      formatVersion: 1,
      dataset: "native",
    });
    expect(scorecard.trainingData.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(scorecard.scaling).toMatchObject({ basePoints: 600, baseOdds: 50, pdo: 20 });
    await expect(readFile("/nonexistent")).rejects.toThrow();
  });
});
