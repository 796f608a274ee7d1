// The handoff queue: tickets waiting for a person, with a one-click take-over that opens the conversation.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { formatTime, notice, pill } from "./console-format.js";
import type { Ticket } from "./console-types.js";
import type { ConsoleView } from "./conversations-view.js";

/** Creates the queue view; `open(sessionId)` switches to that conversation. */
export function createHandoffQueueView(api: ConsoleApi, open: (sessionId: string) => void, toast: (text: string) => void): ConsoleView {
  const body = h("div");
  const el = h("section", { "aria-labelledby": "queue-h" }, h("h2", { id: "queue-h", text: "Handoff queue" }), h("p", { className: "muted", text: "Customers who asked for a person. Taking over silences the assistant until you hand back." }), body);

  async function takeOver(t: Ticket) {
    const r = await api.post(`/v1/staff/conversations/${encodeURIComponent(t.sessionId)}/takeover`);
    if (!r.ok) return toast(r.message);
    toast("You are now chatting with the customer.");
    open(t.sessionId);
  }

  return {
    el,
    async refresh() {
      const r = await api.get<{ tickets: Ticket[] }>("/v1/staff/handoffs");
      if (!r.ok) return void body.replaceChildren(notice(r.message, "error"));
      const open_ = r.value.tickets.filter((t) => t.status !== "closed");
      if (!open_.length) return void body.replaceChildren(notice("The queue is empty."));
      body.replaceChildren(
        h(
          "ul",
          { className: "cards" },
          ...open_.map((t) =>
            h(
              "li",
              { className: "ticket" },
              h("div", { className: "ticket-top" }, h("strong", { className: "mono", text: t.id }), pill(t.status === "with_agent" ? `With ${t.staffId ?? "staff"}` : "Waiting", t.status === "with_agent" ? "info" : "warn"), h("span", { className: "muted", text: formatTime(t.createdAt) })),
              h("p", { text: t.summary }),
              h(
                "div",
                { className: "actions" },
                t.status === "with_agent"
                  ? h("button", { className: "btn", type: "button", text: "Open conversation", onclick: () => open(t.sessionId) })
                  : h("button", { className: "btn primary", type: "button", text: "Take over", onclick: () => void takeOver(t) }),
              ),
            ),
          ),
        ),
      );
    },
  };
}
