// The staff assistant side panel: the same chat agent, called with the staff token so staff-only tools are available.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";

interface StaffChatResponse {
  sessionId: string;
  reply: { text: string; citations: { docId: string; title: string; version: string }[] };
  toolCalls: { name: string; status: string }[];
}

/** Creates the assistant panel. */
export function createStaffAssistant(api: ConsoleApi): HTMLElement {
  let sessionId: string | undefined;
  const log = h(
    "div",
    { className: "assist-log", role: "log", "aria-live": "polite", "aria-label": "Staff assistant conversation" },
    h("p", {
      className: "muted small",
      text: "Try: “Who is customer demo1?”, “List flagged transactions”, “Explain the credit decision for demo2 for £8,000 over 48 months” or “Draft a reply about a delayed refund”.",
    }),
  );
  const input = h("textarea", {
    id: "assist-input",
    className: "field",
    rows: 2,
    placeholder: "e.g. Look up customer demo1 and list flagged transactions",
  });
  const button = h("button", { className: "btn primary", type: "submit", text: "Ask" });
  const form = h(
    "form",
    { className: "assist-form" },
    h("label", { for: "assist-input", text: "Ask the staff assistant" }),
    input,
    button,
  );
  const add = (who: string, cls: string, ...content: (Node | string)[]) => {
    const el = h("div", { className: `amsg ${cls}` }, h("span", { className: "who", text: who }), ...content);
    log.append(el);
    // Show the start of a long answer rather than its last line (the log is the offset parent).
    log.scrollTop = el.offsetTop - 8;
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const message = input.value.trim();
    if (!message || button.disabled) return;
    input.value = "";
    add("You", "me", h("p", { text: message }));
    button.disabled = true;
    const pending = h("p", { className: "muted", text: "Working…" });
    log.append(pending);
    const r = await api.post<StaffChatResponse>("/v1/chat", { ...(sessionId ? { sessionId } : {}), message });
    pending.remove();
    button.disabled = false;
    if (!r.ok) return add("Assistant", "err", h("p", { role: "alert", text: r.message }));
    sessionId = r.value.sessionId;
    add(
      "Assistant",
      "bot",
      h("p", { text: r.value.reply.text }),
      r.value.toolCalls.length
        ? h("p", {
            className: "muted small",
            text: `Tools: ${r.value.toolCalls.map((c) => `${c.name} (${c.status})`).join(", ")}`,
          })
        : "",
      r.value.reply.citations.length
        ? h(
            "p",
            { className: "small" },
            "Sources: ",
            ...r.value.reply.citations.flatMap((c, i) => [
              i ? ", " : "",
              h("a", { href: `/kb/${encodeURIComponent(c.docId)}`, target: "_blank", rel: "noopener", text: c.title }),
            ]),
          )
        : "",
    );
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  return h(
    "aside",
    { className: "assist-panel", "aria-labelledby": "assist-h" },
    h("h2", { id: "assist-h", text: "Staff assistant" }),
    h("p", {
      className: "muted small",
      text: "Looks up customers, flagged transactions and credit decisions, and drafts replies. Staff only.",
    }),
    log,
    form,
  );
}
