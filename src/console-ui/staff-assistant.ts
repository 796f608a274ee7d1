// The staff assistant side panel: the same chat agent, called with the staff token so staff-only tools are available.
// A staff action (freeze a card, open a dispute) comes back as a confirmation card the staff member decides on.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";

interface StaffChatResponse {
  sessionId: string;
  reply: { text: string; citations: { docId: string; title: string; version: string }[] };
  toolCalls: { name: string; status: string }[];
  pendingConfirmation?: { id: string; action: string; summary: string };
}

type CardLocale = "en" | "zh-CN";

const CARD_TEXT: Record<
  CardLocale,
  Record<"title" | "confirm" | "cancel" | "working" | "confirmed" | "cancelled", string>
> = {
  en: {
    title: "Confirm this action",
    confirm: "Confirm",
    cancel: "Cancel",
    working: "Working…",
    confirmed: "Confirmed.",
    cancelled: "Cancelled.",
  },
  "zh-CN": {
    title: "请确认此操作",
    confirm: "确认",
    cancel: "取消",
    working: "处理中…",
    confirmed: "已确认。",
    cancelled: "已取消。",
  },
};

const EXAMPLES = [
  "Overview of demo1",
  "What are demo1's recent transactions?",
  "Is transaction tx-00005926 fraud?",
  "Would c000005 prequalify for 5k over 3 years?",
  "How many customers are waiting for an agent?",
  "How many frauds were confirmed this week?",
  "Freeze demo1's card ending 4821 (asks you to confirm)",
  "为交易tx-00003304发起争议",
];

// The card speaks the language of the action's description, which follows the staff member's question.
const cardLocaleOf = (summary: string): CardLocale => (/[\u4e00-\u9fff]/.test(summary) ? "zh-CN" : "en");

/** Creates the assistant panel. */
export function createStaffAssistant(api: ConsoleApi): HTMLElement {
  let sessionId: string | undefined;
  const examples = h(
    "div",
    { className: "muted small" },
    h("p", { text: "Try, in English or Chinese:" }),
    h("ul", {}, ...EXAMPLES.map((text) => h("li", { text }))),
  );
  const log = h(
    "div",
    { className: "assist-log", role: "log", "aria-live": "polite", "aria-label": "Staff assistant conversation" },
    examples,
  );
  const input = h("textarea", {
    id: "assist-input",
    className: "field",
    rows: 2,
    placeholder: "e.g. Look up customer Alex Morgan",
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
    return el;
  };

  const showResponse = (r: StaffChatResponse) => {
    sessionId = r.sessionId;
    add(
      "Assistant",
      "bot",
      h("p", { text: r.reply.text }),
      r.toolCalls.length
        ? h("p", {
            className: "muted small",
            text: `Tools: ${r.toolCalls.map((c) => `${c.name} (${c.status})`).join(", ")}`,
          })
        : "",
      r.reply.citations.length
        ? h(
            "p",
            { className: "small" },
            "Sources: ",
            ...r.reply.citations.flatMap((c, i) => [
              i ? ", " : "",
              h("a", { href: `/kb/${encodeURIComponent(c.docId)}`, target: "_blank", rel: "noopener", text: c.title }),
            ]),
          )
        : "",
    );
    if (r.pendingConfirmation) showConfirmation(r.sessionId, r.pendingConfirmation);
  };

  // Nothing changes until the staff member presses Confirm; either button is pressed once, then both are disabled.
  function showConfirmation(session: string, pending: NonNullable<StaffChatResponse["pendingConfirmation"]>) {
    const text = CARD_TEXT[cardLocaleOf(pending.summary)];
    const headingId = `assist-confirm-${pending.id.replace(/[^A-Za-z0-9_-]/g, "")}`;
    const status = h("p", { className: "muted small", role: "status" });
    const decide = async (decision: "approve" | "reject") => {
      confirmButton.disabled = true;
      cancelButton.disabled = true;
      status.textContent = text.working;
      const r = await api.post<StaffChatResponse>("/v1/chat/confirm", {
        sessionId: session,
        confirmationId: pending.id,
        decision,
      });
      if (!r.ok) {
        status.textContent = "";
        add("Assistant", "err", h("p", { role: "alert", text: r.message }));
        return;
      }
      status.textContent = decision === "approve" ? text.confirmed : text.cancelled;
      showResponse(r.value);
    };
    const confirmButton = h("button", {
      className: "btn primary small",
      type: "button",
      text: text.confirm,
      onclick: () => void decide("approve"),
    });
    const cancelButton = h("button", {
      className: "btn small",
      type: "button",
      text: text.cancel,
      onclick: () => void decide("reject"),
    });
    add(
      "Assistant",
      "bot assist-confirm",
      h(
        "div",
        { role: "group", "aria-labelledby": headingId },
        h("p", { id: headingId }, h("strong", { text: text.title })),
        h("p", { text: pending.summary }),
        h("p", {}, confirmButton, " ", cancelButton),
        status,
      ),
    );
    confirmButton.focus();
  }

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
    if (r.ok) showResponse(r.value);
    else add("Assistant", "err", h("p", { role: "alert", text: r.message }));
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
      text: "Looks up customers, transactions, fraud risk, credit estimates, conversations, the handoff queue and fraud figures, drafts replies, and freezes cards or opens disputes once you confirm. Staff only.",
    }),
    log,
    form,
  );
}
