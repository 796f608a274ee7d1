import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import { buildBrowserAssets, WIDGET_GZIP_BUDGET_BYTES } from "./build-assets.js";

describe("buildBrowserAssets", () => {
  it("bundles a minified widget within the 30 kB gzipped budget, without zod or other server code", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "harbor-assets-"));
    try {
      const report = await buildBrowserAssets({ outDir });
      expect(report.withinBudget).toBe(true);
      expect(report.widgetGzipBytes).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET_BYTES);
      const widget = readFileSync(report.widgetPath, "utf8");
      expect(widget).toContain("attachShadow");
      expect(widget).not.toMatch(/ZodError|better-sqlite3|process\.env/);
      expect(readFileSync(report.consolePath, "utf8")).toContain("/v1/staff/");
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
