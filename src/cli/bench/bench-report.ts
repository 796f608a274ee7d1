// The chat benchmark's verdict: per-scenario tables, the headline measures against the targets of issue 11, and the
// one JSON line every figure in the README is copied from.
import { quantile, round } from "../../shared/metrics.js";
import { renderTable } from "../cli-kit.js";
import type { BareTurnCost } from "./bare-agent-turn.js";
import type { TurnSample } from "./load-phase.js";

/** The targets of issue 11, as printed in the JSON line. */
export const TARGETS = { turns_per_s: ">=150", p99_ms_8_clients: "<=150", overhead_ratio: "<=2", errors: 0 } as const;

/** A JSON phase's measures. */
export interface JsonPhaseFigures {
  concurrency: number;
  durationS: number;
  measured: TurnSample[];
  completed: number;
  /** Server CPU ms (primary and workers) spent in the measured window; undefined without a server pid. */
  serverCpuMs?: number;
}

/** Everything the report needs. */
export interface BenchFigures {
  phases: JsonPhaseFigures[];
  stream: { concurrency: number; measured: TurnSample[] } | undefined;
  bare: BareTurnCost;
  memory?: { peakRss: number; peakHwm: number };
  clientCpuMsPerTurn: number;
  profiled: boolean;
}

const ms1 = (v: number): number | null => (Number.isFinite(v) ? round(v, 1) : null);

/** Prints a table of latency, errors and routes per scenario. */
export function renderScenarioTable(measured: readonly TurnSample[]): string {
  const byScenario = new Map<string, TurnSample[]>();
  for (const s of measured) {
    const key = `${s.scenario}${s.kind === "confirm" ? " (confirm)" : ""}`;
    byScenario.set(key, [...(byScenario.get(key) ?? []), s]);
  }
  const rows = [...byScenario.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, ss]) => {
      const routes = new Map<string, number>();
      for (const s of ss) if (s.route) routes.set(s.route, (routes.get(s.route) ?? 0) + 1);
      const top = [...routes.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([r, n]) => `${r} ${Math.round((100 * n) / ss.length)}%`)
        .join(", ");
      const ms = ss.map((s) => s.ms);
      const errors = ss.filter((s) => s.error).length;
      return [name, ss.length, round(quantile(ms, 0.5), 1), round(quantile(ms, 0.99), 1), errors, top || "-"];
    });
  return renderTable(["scenario", "turns", "p50 ms", "p99 ms", "errors", "routes"], rows);
}

/** Counts errors by kind, e.g. "http_500 ×2, network ×1". */
export function describeErrors(samples: readonly TurnSample[]): string {
  const kinds = new Map<string, number>();
  for (const s of samples) if (s.error) kinds.set(s.error, (kinds.get(s.error) ?? 0) + 1);
  return [...kinds.entries()].map(([k, n]) => `${k} ×${n}`).join(", ");
}

/** The final JSON object: headline figures, targets and whether they were all met. */
export function summarise(f: BenchFigures): Record<string, unknown> {
  const perPhase: Record<string, number | null> = {};
  for (const p of f.phases) {
    const ms = p.measured.map((s) => s.ms);
    perPhase[`p50_ms_${p.concurrency}_clients`] = ms1(quantile(ms, 0.5));
    perPhase[`p99_ms_${p.concurrency}_clients`] = ms1(quantile(ms, 0.99));
  }
  // Throughput is the server's capacity: the best phase, normally the busiest.
  const turnsPerS = Math.max(0, ...f.phases.map((p) => p.completed / p.durationS));
  const cpuPhases = f.phases.filter((p) => p.serverCpuMs !== undefined);
  const cpuTurns = cpuPhases.reduce((s, p) => s + p.completed, 0);
  const serverCpu = cpuTurns > 0 ? cpuPhases.reduce((s, p) => s + (p.serverCpuMs ?? 0), 0) / cpuTurns : undefined;
  const overhead = serverCpu !== undefined && f.bare.cpuMs > 0 ? serverCpu / f.bare.cpuMs : undefined;
  const errors = [...f.phases.flatMap((p) => p.measured), ...(f.stream?.measured ?? [])].filter((s) => s.error).length;
  const firstText = (f.stream?.measured ?? [])
    .filter((s) => s.kind === "chat" && !s.error)
    .map((s) => s.firstTextMs ?? s.ms);
  const p99At8 = perPhase["p99_ms_8_clients"];
  const targetsMet =
    turnsPerS >= 150 &&
    p99At8 !== undefined &&
    p99At8 !== null &&
    p99At8 <= 150 &&
    overhead !== undefined &&
    overhead <= 2 &&
    errors === 0;
  const rss = f.memory ? Math.max(f.memory.peakHwm, f.memory.peakRss) : undefined;
  return {
    turns_per_s: round(turnsPerS, 1),
    ...perPhase,
    errors,
    bare_ms: round(f.bare.wallMs, 2),
    bare_cpu_ms: round(f.bare.cpuMs, 2),
    server_cpu_ms_per_turn: serverCpu !== undefined ? round(serverCpu, 2) : null,
    overhead_ratio: overhead !== undefined ? round(overhead, 2) : null,
    ttft_p50_ms: ms1(quantile(firstText, 0.5)),
    ttft_p99_ms: ms1(quantile(firstText, 0.99)),
    rss_mb: rss !== undefined ? round(rss, 1) : null,
    ...(f.profiled ? { profiled: true } : {}),
    targets: TARGETS,
    targets_met: targetsMet && !f.profiled,
  };
}

/** The human-readable table of headline measures. */
export function renderHeadline(f: BenchFigures, summary: Record<string, unknown>): string {
  const rows: (string | number)[][] = [];
  for (const p of f.phases) {
    const ms = p.measured.map((s) => s.ms);
    rows.push([`${p.concurrency} clients: turns/s`, round(p.completed / p.durationS, 1), "≥ 150"]);
    rows.push([
      `${p.concurrency} clients: p50 / p99 ms`,
      `${ms1(quantile(ms, 0.5))} / ${ms1(quantile(ms, 0.99))}`,
      p.concurrency === 8 ? "p99 ≤ 150" : "",
    ]);
    if (p.serverCpuMs !== undefined)
      rows.push([
        `${p.concurrency} clients: server CPU ms/turn`,
        round(p.serverCpuMs / Math.max(1, p.completed), 2),
        "",
      ]);
  }
  if (f.stream) {
    const chat = f.stream.measured.filter((s) => s.kind === "chat" && !s.error);
    const withTokens = chat.filter((s) => s.streamedTokens).length;
    rows.push([
      `SSE ${f.stream.concurrency} clients: first text p50 / p99 ms`,
      `${String(summary["ttft_p50_ms"])} / ${String(summary["ttft_p99_ms"])}`,
      "",
    ]);
    rows.push([
      `SSE: done p50 / p99 ms`,
      `${ms1(
        quantile(
          chat.map((s) => s.ms),
          0.5,
        ),
      )} / ${ms1(
        quantile(
          chat.map((s) => s.ms),
          0.99,
        ),
      )}`,
      "",
    ]);
    rows.push([`SSE: turns with token events`, `${withTokens} of ${chat.length}`, ""]);
  }
  rows.push([
    "bare createAgent turn: wall / CPU ms",
    `${String(summary["bare_ms"])} / ${String(summary["bare_cpu_ms"])}`,
    "",
  ]);
  rows.push(["server CPU ms per turn", String(summary["server_cpu_ms_per_turn"]), ""]);
  rows.push(["overhead ratio (server CPU / bare CPU)", String(summary["overhead_ratio"]), "≤ 2"]);
  rows.push(["errors", Number(summary["errors"]), "0"]);
  rows.push(["server peak RSS MB (VmHWM)", f.memory ? round(f.memory.peakHwm, 1) : "n/a (no --pid)", "≤ 300"]);
  rows.push(["server max sampled RSS MB", f.memory ? round(f.memory.peakRss, 1) : "n/a", ""]);
  rows.push(["bench client CPU ms/turn", round(f.clientCpuMsPerTurn, 3), ""]);
  return renderTable(["measure", "value", "target"], rows);
}
