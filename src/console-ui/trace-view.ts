// Renders one turn's audit trace for staff: intent and confidence, route, sources with versions, tools, guardrails, latency.
import { h } from "../widget/create-element.js";
import { formatPercent, pill } from "./console-format.js";
import type { TurnTrace } from "./console-types.js";

/** A collapsible trace card for a turn. */
export function renderTrace(trace: TurnTrace): HTMLElement {
  const conf = trace.intent.confidence;
  const summary = h(
    "summary",
    {},
    h("span", { className: "turn-no", text: `Turn ${trace.turn}` }),
    h("span", { className: "mono", text: trace.intent.name }),
    pill(formatPercent(conf), conf >= 0.7 ? "ok" : conf >= 0.4 ? "warn" : "bad"),
    pill(`route: ${trace.intent.route}`, "info"),
    trace.guardrails.length
      ? pill(`${trace.guardrails.length} guardrail${trace.guardrails.length > 1 ? "s" : ""}`, "warn")
      : null,
    h("span", { className: "latency", text: `${Math.round(trace.latencyMs.total)} ms` }),
  );
  const body = h(
    "div",
    { className: "trace-body" },
    h(
      "p",
      { className: "trace-msg" },
      h("strong", { text: trace.kind === "confirmation" ? "Confirmation: " : "Message: " }),
      trace.message,
    ),
    section(
      "Retrieved sources",
      trace.retrieved.length
        ? table(
            ["Document", "Version", "Chunk", "Score"],
            trace.retrieved.map((r) => [r.docId, r.version, r.chunkId, r.score.toFixed(3)]),
          )
        : null,
    ),
    section(
      "Tool calls",
      trace.toolCalls.length
        ? table(
            ["Tool", "Status", "Outcome", "ms"],
            trace.toolCalls.map((c) => [c.name, c.status, c.summary, String(Math.round(c.ms))]),
          )
        : null,
    ),
    section(
      "Guardrail events",
      trace.guardrails.length
        ? h(
            "ul",
            {},
            ...trace.guardrails.map((g) =>
              h("li", {}, h("span", { className: "mono", text: g.type }), ` — ${g.detail}`),
            ),
          )
        : null,
    ),
    section(
      "Model and latency",
      h("p", {
        text: `${trace.provider} / ${trace.model} · route ${Math.round(trace.latencyMs.route)} ms · agent ${Math.round(trace.latencyMs.agent)} ms · total ${Math.round(trace.latencyMs.total)} ms`,
      }),
    ),
    trace.pendingConfirmation
      ? section(
          "Pending confirmation",
          h("p", { text: `${trace.pendingConfirmation.action}: ${trace.pendingConfirmation.summary}` }),
        )
      : null,
  );
  return h("details", { className: "trace" }, summary, body);
}

function section(title: string, content: HTMLElement | null): HTMLElement {
  return h(
    "section",
    { className: "trace-section" },
    h("h4", { text: title }),
    content ?? h("p", { className: "muted", text: "None" }),
  );
}

/** A simple data table with a header row. */
export function table(headers: string[], rows: string[][]): HTMLTableElement {
  return h(
    "table",
    { className: "data" },
    h("thead", {}, h("tr", {}, ...headers.map((x) => h("th", { scope: "col", text: x })))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", { text: c }))))),
  );
}
