// JUnit XML for CI: one test suite per dialogue, one test case per turn; structural failures are failures,
// text misses are written to system-out so they are visible without failing the build.
import type { DialogueReport } from "./replay-dialogues.js";

// XML 1.0 forbids most control characters even when escaped, so they are dropped.
const dropControl = (s: string): string =>
  [...s].filter((c) => c >= " " || c === "\n" || c === "\r" || c === "\t").join("");

const esc = (s: string): string =>
  dropControl(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Renders the replay as a JUnit XML document. */
export function renderJunit(reports: DialogueReport[]): string {
  const suites = reports.map((r) => {
    const cases = r.turns.map((t) => {
      const secs = (t.runs.reduce((s, run) => s + run.observation.latencyMs, 0) / 1000).toFixed(3);
      const failed = t.runs.flatMap((run, i) => [
        ...(run.observation.response
          ? []
          : [`run ${i + 1}: HTTP ${run.observation.httpStatus} ${run.observation.error ?? ""}`]),
        ...run.checks
          .filter((c) => c.kind === "structural" && !c.passed)
          .map((c) => `run ${i + 1}: ${c.name}: expected ${c.expected}; got ${c.actual}`),
      ]);
      const textNotes = t.textPassRate !== undefined ? `text pass rate ${(t.textPassRate * 100).toFixed(0)}%\n` : "";
      const body = [
        failed.length ? `<failure message="${esc(failed[0] ?? "")}">${esc(failed.join("\n"))}</failure>` : "",
        `<system-out>${esc(`${textNotes}reply: ${t.runs[0]?.observation.response?.reply.text ?? ""}`)}</system-out>`,
      ].join("");
      return `    <testcase classname="${esc(`dialogues.${r.id}`)}" name="${esc(`turn ${t.index + 1}: ${t.input.slice(0, 80)}`)}" time="${secs}">${body}</testcase>`;
    });
    const failures = r.turns.filter((t) => !t.passed).length;
    return `  <testsuite name="${esc(r.id)}" file="${esc(r.file)}" tests="${r.turns.length}" failures="${failures}" errors="0" time="${(r.durationMs / 1000).toFixed(3)}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const tests = reports.reduce((s, r) => s + r.turns.length, 0);
  const failures = reports.reduce((s, r) => s + r.turns.filter((t) => !t.passed).length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dialogues" tests="${tests}" failures="${failures}">\n${suites.join("\n")}\n</testsuites>\n`;
}
