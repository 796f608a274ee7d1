// Compares recent applicants with the training population: PSI of the score and a characteristic
// stability index (CSI) per scorecard feature, rendered as a text report and a self-contained HTML page.
import { findBin } from "./binning.js";
import { scoreFeatureRow } from "./apply-scorecard.js";
import type { FeatureRow } from "./feature-table.js";
import { describeBin } from "./reason-texts.js";
import type { Scorecard } from "./scorecard-artefact.js";
import { distributionShares, populationStabilityIndex, stabilityBand, type StabilityBand } from "./stability.js";

/** Expected (training) and actual (recent) share of one bin. */
export interface ShareRow {
  label: string;
  expected: number;
  actual: number;
}

/** The stability of one distribution. */
export interface StabilityEntry {
  name: string;
  index: number;
  band: StabilityBand;
  bins: ShareRow[];
}

/** Score PSI and per-characteristic CSI against the training population. */
export interface StabilityReport {
  scorecardVersion: string;
  recentRows: number;
  score: StabilityEntry;
  features: StabilityEntry[];
}

const entry = (name: string, labels: string[], expected: number[], actual: number[]): StabilityEntry => {
  const index = populationStabilityIndex(expected, actual);
  return {
    name,
    index,
    band: stabilityBand(index),
    bins: labels.map((label, i) => ({ label, expected: expected[i] as number, actual: actual[i] as number })),
  };
};

/** Builds the stability report of recent feature rows against a scorecard's training distributions. */
export function buildStabilityReport(scorecard: Scorecard, recent: readonly FeatureRow[]): StabilityReport {
  const { edges, shares } = scorecard.scoreDistribution;
  const points = recent.map((r) => scoreFeatureRow(scorecard, r).points);
  const scoreLabels = shares.map((_, i) =>
    i === 0
      ? `< ${edges[0]}`
      : i === edges.length
        ? `≥ ${edges[i - 1]}`
        : `${edges[i - 1]}–${(edges[i] as number) - 1}`,
  );
  const features = scorecard.features.map((f) => {
    const total = f.bins.reduce((s, b) => s + b.count, 0);
    const expected = f.bins.map((b) => b.count / Math.max(1, total));
    const counts = new Array<number>(f.bins.length).fill(0);
    for (const r of recent) {
      const i = findBin(f, r[f.name]);
      counts[i] = (counts[i] as number) + 1;
    }
    const actual = counts.map((c) => c / Math.max(1, recent.length));
    return entry(
      f.name,
      f.bins.map((b) => describeBin(b, f, "en")),
      expected,
      actual,
    );
  });
  return {
    scorecardVersion: scorecard.version,
    recentRows: recent.length,
    score: entry("score", scoreLabels, shares, distributionShares(points, edges)),
    features: features.sort((a, b) => b.index - a.index),
  };
}

const BAND_TEXT: Record<StabilityBand, string> = {
  stable: "stable (< 0.10)",
  investigate: "investigate (0.10–0.25)",
  significant_shift: "significant shift (> 0.25)",
};
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Renders the report as plain text for a terminal. */
export function renderStabilityText(report: StabilityReport): string {
  const lines = [
    `Credit scorecard stability — scorecard ${report.scorecardVersion}, ${report.recentRows} recent applicants`,
    "",
    `Score PSI: ${report.score.index.toFixed(4)}  → ${BAND_TEXT[report.score.band]}`,
    "",
    "score band          training  recent",
    ...report.score.bins.map(
      (b) => `${b.label.padEnd(18)}  ${pct(b.expected).padStart(8)}  ${pct(b.actual).padStart(6)}`,
    ),
    "",
    "Characteristic stability (CSI):",
    ...report.features.map((f) => `  ${f.name.padEnd(24)} ${f.index.toFixed(4)}  ${BAND_TEXT[f.band]}`),
  ];
  return lines.join("\n");
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function svgBars(e: StabilityEntry): string {
  const rowH = 22;
  const labelW = 190;
  const barW = 300;
  const max = Math.max(0.01, ...e.bins.flatMap((b) => [b.expected, b.actual]));
  const rows = e.bins.map((b, i) => {
    const y = i * rowH + 4;
    const we = (b.expected / max) * barW;
    const wa = (b.actual / max) * barW;
    return [
      `<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(b.label)}</text>`,
      `<rect x="${labelW}" y="${y}" width="${we.toFixed(1)}" height="8" fill="#4c78a8"><title>training ${pct(b.expected)}</title></rect>`,
      `<rect x="${labelW}" y="${y + 9}" width="${wa.toFixed(1)}" height="8" fill="#f58518"><title>recent ${pct(b.actual)}</title></rect>`,
      `<text x="${labelW + Math.max(we, wa) + 4}" y="${y + 13}">${pct(b.expected)} → ${pct(b.actual)}</text>`,
    ].join("");
  });
  const height = e.bins.length * rowH + 8;
  return `<svg role="img" aria-label="${escapeHtml(e.name)} distribution, training versus recent" width="${labelW + barW + 130}" height="${height}" font-size="12" font-family="sans-serif">${rows.join("")}</svg>`;
}

/** Renders the report as a self-contained HTML page with inline SVG bar charts (no external assets). */
export function renderStabilityHtml(report: StabilityReport): string {
  const section = (e: StabilityEntry, title: string): string =>
    `<section><h2>${escapeHtml(title)} — ${e.index.toFixed(4)} <span class="${e.band}">${escapeHtml(BAND_TEXT[e.band])}</span></h2>${svgBars(e)}</section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Credit scorecard stability</title>
<style>body{font-family:sans-serif;margin:2rem;color:#222}h2{font-size:1rem;margin-top:1.5rem}.stable{color:#2e7d32}.investigate{color:#b26a00}.significant_shift{color:#c62828}.key span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}</style>
</head><body>
<h1>Credit scorecard stability</h1>
<p>Scorecard ${escapeHtml(report.scorecardVersion)}; ${report.recentRows} recent applicants compared with the training population.
Bands: &lt; 0.10 stable, 0.10–0.25 investigate, &gt; 0.25 significant shift.</p>
<p class="key"><span style="background:#4c78a8"></span>training <span style="background:#f58518"></span>recent</p>
${section(report.score, "Score (PSI)")}
${report.features.map((f) => section(f, `${f.name} (CSI)`)).join("\n")}
</body></html>
`;
}
