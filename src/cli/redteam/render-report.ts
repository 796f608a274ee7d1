// The red-team report: one table per OWASP group (verdict, model calls per path, time, what failed and where), the
// findings in full, and the summary object printed as the run's last line.
import { renderTable } from "../../shared/render-table.js";
import { GROUP_TITLES, OWASP_GROUPS, type Finding, type OwaspGroup, type ScenarioResult } from "./scenario.js";

/** Counts of scenarios: a scenario counts once under each kind of finding it has. */
export interface Tally {
  scenarios: number;
  passed: number;
  leaks: number;
  useless: number;
  errors: number;
}

/** The summary line: totals and a tally per group. */
export interface RedteamSummary extends Tally {
  groups: Partial<Record<OwaspGroup, Tally>>;
}

/** Tallies results overall and per group. */
export function summarise(results: readonly ScenarioResult[]): RedteamSummary {
  const groups: Partial<Record<OwaspGroup, Tally>> = {};
  for (const g of OWASP_GROUPS) {
    const of = results.filter((r) => r.group === g);
    if (of.length > 0) groups[g] = tally(of);
  }
  return { ...tally(results), groups };
}

/** The verdict of one scenario: pass, or the kinds of finding it has. */
export function verdictOf(r: ScenarioResult): string {
  const kinds = (["error", "leak", "useless"] as const).filter((k) => r.findings.some((f) => f.kind === k));
  return kinds.length === 0 ? "pass" : kinds.map((k) => k.toUpperCase()).join("+");
}

/** One table per group, then every finding of every failed scenario. */
export function renderReport(results: readonly ScenarioResult[]): string {
  const out: string[] = [];
  for (const g of OWASP_GROUPS) {
    const of = results.filter((r) => r.group === g);
    if (of.length === 0) continue;
    const t = tally(of);
    out.push(`${g} ${GROUP_TITLES[g]}: ${t.passed}/${t.scenarios} passed`);
    const rows = of.map((r) => [
      r.name,
      verdictOf(r),
      `${r.modelCalls.json}/${r.modelCalls.sse}`,
      r.ms,
      clip(channelsOf(r.findings), 70),
    ]);
    out.push(renderTable(["scenario", "verdict", "model calls json/sse", "ms", "failed on"], rows), "");
  }
  const failed = results.filter((r) => r.findings.length > 0);
  if (failed.length > 0) {
    out.push("Findings:");
    for (const r of failed) {
      out.push(`- ${r.group} ${r.name}`);
      for (const f of r.findings) out.push(`    ${f.kind.padEnd(7)} ${f.channel}: ${clip(f.what, 160)}`);
    }
  }
  return out.join("\n");
}

function tally(results: readonly ScenarioResult[]): Tally {
  const has = (r: ScenarioResult, kind: Finding["kind"]): boolean => r.findings.some((f) => f.kind === kind);
  return {
    scenarios: results.length,
    passed: results.filter((r) => r.findings.length === 0).length,
    leaks: results.filter((r) => has(r, "leak")).length,
    useless: results.filter((r) => has(r, "useless")).length,
    errors: results.filter((r) => has(r, "error")).length,
  };
}

// The channels that failed, by kind and family (e.g. "leak: sse, history; useless: json"), for the last column.
function channelsOf(findings: readonly Finding[]): string {
  const byKind = new Map<string, Set<string>>();
  for (const f of findings) {
    const family = f.channel.split(/[#:]/)[0] ?? f.channel;
    byKind.set(f.kind, (byKind.get(f.kind) ?? new Set()).add(family));
  }
  return [...byKind].map(([kind, families]) => `${kind}: ${[...families].join(", ")}`).join("; ");
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
