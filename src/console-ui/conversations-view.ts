// Live and recent conversations: the list, the transcript with each turn's trace, and the human-handoff controls
// (take over, reply, hand back) plus "Save as regression dialogue"; taking over opens agent assist. Customer feedback
// (thumbs and comments per turn, CSAT) shows with the traces.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { createAssistPanel } from "./assist-panel.js";
import { formatTime, notice, pill } from "./console-format.js";
import type { ConsoleMessage, ConversationDetail, ConversationSummary } from "./console-types.js";
import { renderTrace } from "./trace-view.js";
import { decorateTrace, feedbackSignature, renderCsat, type ConsoleFeedback } from "./feedback-view.js";

type DetailWithFeedback = ConversationDetail & { feedback?: ConsoleFeedback[] };

/** A console view: its element and a refresh the shell calls on a timer. */
export interface ConsoleView {
  el: HTMLElement;
  refresh(): Promise<void>;
}

/** How a conversation is opened: `assist` also loads agent assist (after a take-over). */
export interface SelectOptions {
  assist?: boolean;
}

/** Creates the conversations view; `select(id)` opens a conversation (used by the handoff queue). */
export function createConversationsView(
  api: ConsoleApi,
  toast: (text: string) => void,
): ConsoleView & { select(id: string, options?: SelectOptions): void } {
  let selected: string | undefined;
  let detail: DetailWithFeedback | undefined;
  const list = h("ul", { className: "conv-list", "aria-label": "Conversations" });
  const listStatus = h("div");
  const head = h("div", { className: "detail-head" });
  const transcript = h("div", {
    className: "transcript",
    role: "log",
    "aria-label": "Transcript",
    "aria-live": "polite",
    // Long transcripts scroll: keyboard users must be able to reach and scroll them too.
    tabindex: 0,
  });
  const traces = h("div", { className: "traces" });
  const csatLine = h("div", { className: "csat-slot" });
  const replyInput = h("textarea", {
    id: "staff-reply",
    rows: 3,
    className: "field",
    placeholder: "Write to the customer…",
  });
  const replyForm = h(
    "form",
    { className: "reply", hidden: true },
    h("label", { for: "staff-reply", text: "Reply to the customer" }),
    replyInput,
    h("div", { className: "actions" }, h("button", { className: "btn primary", type: "submit", text: "Send reply" })),
  );
  const detailPane = h(
    "section",
    { className: "detail", "aria-label": "Conversation" },
    head,
    h(
      "div",
      { className: "detail-grid" },
      h("div", {}, h("h3", { text: "Transcript" }), transcript, replyForm),
      h("div", {}, h("h3", { text: "Turn traces" }), csatLine, traces),
    ),
  );
  const assist = createAssistPanel(api, toast, () => loadDetail());
  head.after(assist.el);
  detailPane.hidden = true;
  const el = h(
    "div",
    { className: "split" },
    h(
      "section",
      { className: "list-pane", "aria-labelledby": "conv-h" },
      h("h2", { id: "conv-h", text: "Conversations" }),
      listStatus,
      list,
    ),
    detailPane,
  );

  replyForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = replyInput.value.trim();
    if (!text || !selected) return;
    const r = await api.post(`/v1/staff/conversations/${encodeURIComponent(selected)}/reply`, { text });
    if (!r.ok) return toast(r.message);
    replyInput.value = "";
    await loadDetail();
  });

  async function action(path: string, done: string) {
    if (!selected) return;
    const r = await api.post(`/v1/staff/conversations/${encodeURIComponent(selected)}/${path}`);
    toast(r.ok ? done : r.message);
    await loadDetail();
    if (r.ok && path === "handback") assist.clear();
    if (r.ok && path === "takeover") {
      replyInput.focus();
      await assist.load(selected);
    }
  }

  async function saveDialogue() {
    if (!selected) return;
    const r = await api.download(`/v1/staff/conversations/${encodeURIComponent(selected)}/dialogue`);
    if (!r.ok) return toast(r.message);
    const url = URL.createObjectURL(r.value.blob);
    const a = h("a", {
      href: url,
      download: r.value.filename === "dialogue.yaml" ? `${selected}.yaml` : r.value.filename,
    });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    toast("Regression dialogue downloaded.");
  }

  function renderHead(d: ConversationDetail) {
    // A person is active only once a ticket is taken; a waiting ticket already silences the bot but needs a taker.
    const active = d.ticket?.status === "with_agent";
    const waiting = d.ticket?.status === "waiting";
    const status = active
      ? pill(`Staff active${d.ticket?.staffId ? ` (${d.ticket.staffId})` : ""}`, "info")
      : waiting
        ? pill("Waiting for staff", "warn")
        : pill(d.session.mode === "human" ? "Human mode" : "Bot", d.session.mode === "human" ? "warn" : "ok");
    head.replaceChildren(
      h(
        "div",
        {},
        h("h2", { className: "mono", text: d.session.id }),
        h(
          "p",
          { className: "muted" },
          `Started ${formatTime(d.session.createdAt)} · ${d.session.locale} · `,
          status,
          d.ticket ? ` · ticket ${d.ticket.id}` : "",
        ),
      ),
      h(
        "div",
        { className: "actions" },
        active
          ? null
          : h("button", {
              className: "btn primary",
              type: "button",
              text: "Take over",
              onclick: () => void action("takeover", "You are now chatting with the customer."),
            }),
        active
          ? h("button", {
              className: "btn",
              type: "button",
              text: "Agent assist",
              onclick: () => void (selected ? assist.load(selected) : undefined),
            })
          : null,
        active || d.session.mode === "human"
          ? h("button", {
              className: "btn",
              type: "button",
              text: "Hand back to bot",
              onclick: () => void action("handback", "Handed back to the assistant."),
            })
          : null,
        h("button", {
          className: "btn",
          type: "button",
          text: "Save as regression dialogue",
          onclick: () => void saveDialogue(),
        }),
      ),
    );
    replyForm.hidden = !active;
  }

  function renderMessage(m: ConsoleMessage): HTMLElement {
    const who =
      m.role === "user"
        ? "Customer"
        : m.role === "assistant"
          ? "Assistant"
          : m.role === "staff"
            ? `Staff${m.author ? ` · ${m.author}` : ""}`
            : "System";
    return h(
      "div",
      { className: `cmsg ${m.role}` },
      h("span", { className: "who", text: `${who} · ${formatTime(m.createdAt)}` }),
      h("p", { text: m.text }),
    );
  }

  async function loadDetail() {
    if (!selected) return;
    const r = await api.get<DetailWithFeedback>(`/v1/staff/conversations/${encodeURIComponent(selected)}`);
    if (!r.ok) {
      head.replaceChildren(notice(r.message, "error"));
      return;
    }
    const previous = detail;
    detail = r.value;
    renderHead(detail);
    if (!previous || previous.session.id !== detail.session.id || previous.messages.length !== detail.messages.length) {
      transcript.replaceChildren(
        ...(detail.messages.length ? detail.messages.map(renderMessage) : [notice("No messages yet.")]),
      );
      transcript.scrollTop = transcript.scrollHeight;
    }
    if (
      !previous ||
      previous.session.id !== detail.session.id ||
      previous.traces.length !== detail.traces.length ||
      feedbackSignature(previous.feedback) !== feedbackSignature(detail.feedback)
    ) {
      const feedback = detail.feedback ?? [];
      csatLine.replaceChildren(renderCsat(feedback));
      traces.replaceChildren(
        ...(detail.traces.length
          ? [...detail.traces].reverse().map((t) => decorateTrace(renderTrace(t), t.traceId, feedback))
          : [notice("No traced turns yet.")]),
      );
      traces.querySelector("details")?.setAttribute("open", "");
    }
  }

  function select(id: string, options: SelectOptions = {}) {
    if (selected !== id) assist.clear();
    selected = id;
    detail = undefined;
    detailPane.hidden = false;
    list.querySelectorAll("button").forEach((b) => b.setAttribute("aria-current", String(b.dataset.id === id)));
    void loadDetail();
    if (options.assist) void assist.load(id);
  }

  async function refreshList() {
    const r = await api.get<{ conversations: ConversationSummary[] }>("/v1/staff/conversations?limit=50");
    if (!r.ok) {
      listStatus.replaceChildren(notice(r.message, "error"));
      return;
    }
    listStatus.replaceChildren(r.value.conversations.length ? "" : notice("No conversations yet."));
    list.replaceChildren(
      ...r.value.conversations.map((c) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              className: "conv",
              "data-id": c.id,
              "aria-current": String(c.id === selected),
              onclick: () => select(c.id),
            },
            h(
              "span",
              { className: "conv-top" },
              h("strong", { text: c.identity.customerId ?? c.identity.kind }),
              c.mode === "human" ? pill("Staff", "warn") : pill("Bot", "ok"),
              h("span", { className: "muted", text: formatTime(c.updatedAt) }),
            ),
            h("span", { className: "conv-last", text: c.lastMessage ?? `${c.messageCount} messages` }),
          ),
        ),
      ),
    );
  }

  return {
    el,
    select,
    async refresh() {
      await Promise.all([refreshList(), loadDetail()]);
    },
  };
}
