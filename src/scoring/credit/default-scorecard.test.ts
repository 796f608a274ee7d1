import { mkdtemp, writeFile } from "node:fs/promises";
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

  it("reports a corrupt scorecard instead of overwriting it", async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), "models-"));
    await writeFile(join(modelsDir, DEFAULT_SCORECARD_FILE), "{not json");
    const r = await ensureDefaultScorecard({ modelsDir, seed: 42 });
    expect(r.ok).toBe(false);
  });
});
