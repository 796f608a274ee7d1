// `npm run build:widget`: bundles the customer widget and staff console into public/build and enforces the widget's size budget.
import { buildBrowserAssets, WIDGET_GZIP_BUDGET_BYTES } from "../widget/build-assets.js";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "build-widget",
  summary: "Bundle public/build/widget.js and console.js (minified) and check the widget stays within 30 kB gzipped",
  usage: "npm run build:widget -- [--out-dir public/build]",
  options: { "out-dir": { type: "string", description: "Output folder", default: "public/build" } },
});

const report = await buildBrowserAssets({ outDir: String(args.values["out-dir"]) });
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(
  renderTable(
    ["asset", "minified", "gzipped", "budget"],
    [
      [
        "widget.js",
        kb(report.widgetBytes),
        kb(report.widgetGzipBytes),
        `${kb(WIDGET_GZIP_BUDGET_BYTES)} ${report.withinBudget ? "ok" : "EXCEEDED"}`,
      ],
      ["console.js", kb(report.consoleBytes), kb(report.consoleGzipBytes), "-"],
    ],
  ),
);
if (!report.withinBudget)
  fail(`widget.js is ${kb(report.widgetGzipBytes)} gzipped, over the ${kb(WIDGET_GZIP_BUDGET_BYTES)} budget`);
printJsonLine({
  widgetBytes: report.widgetBytes,
  widgetGzipBytes: report.widgetGzipBytes,
  consoleBytes: report.consoleBytes,
  consoleGzipBytes: report.consoleGzipBytes,
  withinBudget: report.withinBudget,
});
