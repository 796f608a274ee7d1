import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCORECARD_FILE, ensureDefaultScorecard } from "./default-scorecard.js";

describe("default scorecard", () => {
  it("trains and saves the scorecard when missing, then loads the saved one", async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), "models-"));
    const now = (): Date => new Date("2026-03-04T00:00:00Z");
    const first = await ensureDefaultScorecard({ modelsDir, seed: 42, size: 4000, now });
    expect(first.ok && first.value.trained).toBe(true);
    const second = await ensureDefaultScorecard({ modelsDir, seed: 42, size: 4000, now });
    expect(second.ok && second.value.trained).toBe(false);
    expect(second.ok && first.ok && second.value.scorecard).toEqual(first.ok ? first.value.scorecard : null);
  });

  it("never serves a truncated or wrong-schema scorecard: moves it aside and retrains, with a warning", async () => {
    for (const broken of ["{not json", JSON.stringify({ format: "something-else", bins: [] })]) {
      const modelsDir = await mkdtemp(join(tmpdir(), "models-"));
      await writeFile(join(modelsDir, DEFAULT_SCORECARD_FILE), broken);
      const warnings: string[] = [];
      const r = await ensureDefaultScorecard({
        modelsDir,
        seed: 42,
        size: 4000,
        onWarning: (m) => void warnings.push(m),
      });
      expect(r.ok && r.value.trained).toBe(true);
      expect(warnings).toEqual(["credit scorecard artefact is corrupt: moved aside, retraining the default"]);
      expect((await readdir(modelsDir)).filter((f) => f.includes(".corrupt-"))).toHaveLength(1);
      const again = await ensureDefaultScorecard({ modelsDir, seed: 42, size: 4000 });
      expect(again.ok && again.value.trained).toBe(false);
    }
  });
});
