// Bundles the browser code (customer widget and staff console) with esbuild into public/build/, minified,
// and measures the widget against its 30 kB gzipped budget. Called by the server at start-up, the tests and the CLI.
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions } from "esbuild";

/** The widget's size budget, gzipped. */
export const WIDGET_GZIP_BUDGET_BYTES = 30 * 1024;

/** What a build produced. */
export interface BrowserAssetsReport {
  widgetPath: string;
  consolePath: string;
  widgetBytes: number;
  widgetGzipBytes: number;
  consoleBytes: number;
  consoleGzipBytes: number;
  withinBudget: boolean;
}

// Compiled to dist/, this module no longer sits beside the widget's TypeScript sources, so it finds them from the
// project root instead.
const COMPILED_HERE = dirname(fileURLToPath(import.meta.url));
const HERE = existsSync(join(COMPILED_HERE, "widget-entry.ts")) ? COMPILED_HERE : resolve("src/widget");

/** Builds widget.js and console.js into `outDir` (default public/build) and reports their sizes. */
export async function buildBrowserAssets(
  options: { outDir?: string; minify?: boolean } = {},
): Promise<BrowserAssetsReport> {
  const outDir = resolve(options.outDir ?? join(HERE, "../../public/build"));
  await mkdir(outDir, { recursive: true });
  const widgetPath = join(outDir, "widget.js");
  const consolePath = join(outDir, "console.js");
  const common: BuildOptions = {
    bundle: true,
    minify: options.minify ?? true,
    format: "iife",
    target: ["es2020"],
    platform: "browser",
    legalComments: "none",
    logLevel: "silent",
  };
  // Built in memory and renamed into place, so a server or test reading the files never sees a half-written bundle
  // (the app and parallel test files may build at the same moment).
  const bundle = async (entry: string, outfile: string): Promise<Buffer> => {
    const result = await build({ ...common, entryPoints: [entry], outfile, write: false });
    const code = Buffer.from(result.outputFiles?.[0]?.contents ?? new Uint8Array());
    const temp = `${outfile}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, code);
    await rename(temp, outfile);
    return code;
  };
  const [widget, consoleJs] = await Promise.all([
    bundle(join(HERE, "widget-entry.ts"), widgetPath),
    bundle(join(HERE, "../console-ui/console-entry.ts"), consolePath),
  ]);
  const widgetGzipBytes = gzipSync(widget, { level: 9 }).length;
  return {
    widgetPath,
    consolePath,
    widgetBytes: widget.length,
    widgetGzipBytes,
    consoleBytes: consoleJs.length,
    consoleGzipBytes: gzipSync(consoleJs, { level: 9 }).length,
    withinBudget: widgetGzipBytes <= WIDGET_GZIP_BUDGET_BYTES,
  };
}
