// The HTML replay report: per dialogue and turn, the expectations beside what actually happened, every check,
// the turn trace, and a diff for failures (expected vs actual, and recorded vs replayed reply). Self-contained.
import type { CheckResult } from "./check-turn.js";
import type { DialogueReport, ReplaySummary, TurnReport } from "./replay-dialogues.js";
import { diffWords } from "./word-diff.js";

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const json = (v: unknown): string => esc(JSON.stringify(v, null, 2));

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1f24}h1{font-size:1.4rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top;text-align:left}
.pass{color:#116329}.fail{color:#a40e26;font-weight:600}.soft{color:#9a6700}details{margin:.4rem 0}
summary{cursor:pointer}pre{white-space:pre-wrap;margin:0;font-size:12px;max-height:28rem;overflow:auto}
.del{background:#ffebe9;text-decoration:line-through}.add{background:#dafbe1}.turn{border:1px solid #d0d7de;border-radius:6px;padding:.6rem;margin:.6rem 0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}.diff div{font-family:monospace;font-size:12px}`;

function renderChecks(checks: CheckResult[]): string {
  if (checks.length === 0) return "<p>No checks.</p>";
  const rows = checks.map((c) => {
    const cls = c.passed ? "pass" : c.kind === "text" ? "soft" : "fail";
    return `<tr><td class="${cls}">${c.passed ? "✓" : "✗"}</td><td>${esc(c.kind)}</td><td>${esc(c.name)}</td><td>${esc(c.expected)}</td><td>${esc(c.actual)}</td></tr>`;
  });
  return `<table><tr><th></th><th>kind</th><th>check</th><th>expected</th><th>actual</th></tr>${rows.join("")}</table>`;
}

function renderDiff(t: TurnReport): string {
  const run = t.runs.find((r) => r.checks.some((c) => !c.passed) || !r.observation.response) ?? t.runs[0];
  if (!run) return "";
  const failed = run.checks.filter((c) => !c.passed);
  const parts: string[] = [];
  if (failed.length > 0) {
    parts.push(
      `<div class="diff">${failed.map((c) => `<div class="del">- ${esc(c.name)}: ${esc(c.expected)}</div><div class="add">+ ${esc(c.name)}: ${esc(c.actual)}</div>`).join("")}</div>`,
    );
  }
  const actual = run.observation.response?.reply.text;
  if (t.recordedReply !== undefined && actual !== undefined && actual !== t.recordedReply) {
    const d = diffWords(t.recordedReply, actual)
      .map((p) => (p.op === "same" ? esc(p.text) : `<span class="${p.op}">${esc(p.text)}</span>`))
      .join("");
    parts.push(`<p><b>Recorded → replayed reply</b></p><pre>${d}</pre>`);
  }
  return parts.length ? `<h4>Diff</h4>${parts.join("")}` : "";
}

function renderTurn(t: TurnReport): string {
  const run = t.runs[0];
  const o = run?.observation;
  const actual = o?.response
    ? {
        intent: o.response.intent,
        tools: o.trace
          ? o.trace.toolCalls.map((c) => ({ name: c.name, args: c.args, status: c.status }))
          : o.response.toolCalls,
        citations: o.response.reply.citations.map((c) => c.docId),
        pendingConfirmation: o.response.pendingConfirmation,
        handoff: o.response.handoff,
        guardrails: o.trace?.guardrails,
        latencyMs: Math.round(o.latencyMs),
      }
    : { httpStatus: o?.httpStatus, error: o?.error };
  const status = t.passed ? `<span class="pass">pass</span>` : `<span class="fail">FAIL</span>`;
  const text =
    t.textPassRate !== undefined ? ` · text ${Math.round(t.textPassRate * 100)}% of ${t.runs.length} run(s)` : "";
  return `<div class="turn"><p><b>Turn ${t.index + 1}</b> ${status}${esc(text)} — <q>${esc(t.input)}</q></p>
<div class="cols"><div><h4>Expected</h4><pre>${json(t.expect)}</pre>${t.recordedReply !== undefined ? `<h4>Recorded reply</h4><pre>${esc(t.recordedReply)}</pre>` : ""}</div>
<div><h4>Actual</h4><pre>${json(actual)}</pre><h4>Reply</h4><pre>${esc(o?.response?.reply.text ?? "")}</pre></div></div>
${renderChecks(run?.checks ?? [])}
${t.passed ? "" : renderDiff(t)}
${o?.trace ? `<details><summary>Trace ${esc(o.trace.traceId)}</summary><pre>${json(o.trace)}</pre></details>` : ""}</div>`;
}

/** Renders the whole replay as one self-contained HTML page. */
export function renderHtmlReport(
  reports: DialogueReport[],
  summary: ReplaySummary,
  meta: { generatedAt: string; target: string; repeat: number },
): string {
  const rows = reports
    .map(
      (r) =>
        `<tr><td class="${r.passed ? "pass" : "fail"}">${r.passed ? "PASS" : "FAIL"}</td><td><a href="#${esc(r.id)}">${esc(r.id)}</a></td><td>${esc(r.title)}</td><td>${esc(r.locale)}</td><td>${esc(r.speaker)}</td><td>${esc(r.mode)}</td><td>${r.turns.filter((t) => t.passed).length}/${r.turns.length}</td></tr>`,
    )
    .join("");
  const sections = reports
    .map(
      (r) =>
        `<details id="${esc(r.id)}"${r.passed ? "" : " open"}><summary class="${r.passed ? "pass" : "fail"}">${esc(r.id)} — ${esc(r.title)} <small>(${esc(r.file)}; tags: ${esc(r.tags.join(", "))})</small></summary>${r.turns.map(renderTurn).join("")}</details>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dialogue replay report</title><style>${CSS}</style></head><body>
<h1>Dialogue replay report</h1>
<p>${esc(meta.generatedAt)} · target ${esc(meta.target)} · repeat ${meta.repeat}</p>
<p><b>${summary.dialogues}</b> dialogues, <b>${summary.turns}</b> turns: <span class="pass">${summary.passed} passed</span>, <span class="${summary.failed ? "fail" : "pass"}">${summary.failed} failed</span>; text pass rate ${summary.textPassRate === undefined ? "-" : `${Math.round(summary.textPassRate * 100)}%`}</p>
<table><tr><th></th><th>dialogue</th><th>title</th><th>locale</th><th>speaker</th><th>mode</th><th>turns ok</th></tr>${rows}</table>
${sections}
</body></html>\n`;
}
