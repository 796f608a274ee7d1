// The terminal view of a replay: one row per dialogue, then the failing checks spelled out.
import { renderTable } from "../shared/render-table.js";
import type { DialogueReport, ReplaySummary } from "./replay-dialogues.js";

const pct = (v: number | undefined): string => (v === undefined ? "-" : `${Math.round(v * 100)}%`);

/** Renders the per-dialogue table, the failures and the totals as plain text. */
export function renderReplaySummary(reports: DialogueReport[], summary: ReplaySummary): string {
  const rows = reports.map((r) => {
    const texts = r.turns.filter((t) => t.textPassRate !== undefined);
    const textRate = texts.length ? texts.reduce((s, t) => s + (t.textPassRate ?? 0), 0) / texts.length : undefined;
    return [
      r.passed ? "PASS" : "FAIL",
      r.id,
      r.locale,
      r.speaker,
      r.mode,
      `${r.turns.filter((t) => t.passed).length}/${r.turns.length}`,
      pct(textRate),
      `${Math.round(r.durationMs)}`,
    ];
  });
  const lines = [renderTable(["", "dialogue", "locale", "speaker", "mode", "turns ok", "text", "ms"], rows)];
  const failures = reports.filter((r) => !r.passed);
  if (failures.length > 0) {
    lines.push("", "Failures:");
    for (const r of failures) {
      for (const t of r.turns.filter((x) => !x.passed)) {
        lines.push(`  ${r.id} turn ${t.index + 1} "${t.input.slice(0, 60)}"`);
        const seen = new Set<string>();
        for (const run of t.runs) {
          if (!run.observation.response) {
            const msg = `    response: HTTP ${run.observation.httpStatus} ${run.observation.error ?? ""}`.trimEnd();
            if (!seen.has(msg)) {
              seen.add(msg);
              lines.push(msg);
            }
          }
          for (const c of run.checks.filter((x) => x.kind === "structural" && !x.passed)) {
            const msg = `    ${c.name}: expected ${c.expected}; got ${c.actual}`;
            if (!seen.has(msg)) {
              seen.add(msg);
              lines.push(msg);
            }
          }
        }
        const reply = t.runs[0]?.observation.response?.reply.text;
        if (reply !== undefined) lines.push(`    reply: ${JSON.stringify(reply.slice(0, 200))}`);
      }
    }
  }
  const softMisses = reports.flatMap((r) =>
    r.turns
      .filter((t) => t.textPassRate !== undefined && (t.textPassRate ?? 0) < 1)
      .map((t) => `  ${r.id} turn ${t.index + 1}: text pass rate ${pct(t.textPassRate)}`),
  );
  if (softMisses.length > 0) lines.push("", "Text expectations below 100% (reported, not failing):", ...softMisses);
  lines.push(
    "",
    `${summary.dialogues} dialogues, ${summary.turns} turns: ${summary.passed} passed, ${summary.failed} failed (${summary.dialoguesFailed} dialogues failing); text pass rate ${pct(summary.textPassRate)} over ${summary.textChecked} turns`,
  );
  return lines.join("\n");
}
