// The handoff queue: every ticket waiting for a person (signed-in customers first, as the server orders them),
// the queue counts, and a one-click take-over that opens the conversation.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { formatTime, notice, pill } from "./console-format.js";
import type { QueueCounts, Ticket } from "./console-types.js";
import { loadWholeQueue } from "./handoff-queue-pages.js";

function describeCounts(counts: QueueCounts, shown: number, truncated: boolean): string {
  const signedIn = counts.waitingIdentified === undefined ? "" : ` (${counts.waitingIdentified} signed in)`;
  const base = `${counts.waiting} waiting${signedIn} · ${counts.with_agent} with an agent`;
  return truncated ? `${base} · showing the first ${shown}; take over or close some, then refresh` : base;
}
import type { ConsoleView, SelectOptions } from "./conversations-view.js";

/** Creates the queue view; `open(sessionId)` switches to that conversation (with agent assist after a take-over). */
export function createHandoffQueueView(
  api: ConsoleApi,
  open: (sessionId: string, options?: SelectOptions) => void,
  toast: (text: string) => void,
): ConsoleView {
  const body = h("div");
  const el = h(
    "section",
    { "aria-labelledby": "queue-h" },
    h("h2", { id: "queue-h", text: "Handoff queue" }),
    h("p", {
      className: "muted",
      text: "Customers who asked for a person. Taking over silences the assistant until you hand back.",
    }),
    body,
  );

  async function takeOver(t: Ticket) {
    const r = await api.post(`/v1/staff/conversations/${encodeURIComponent(t.sessionId)}/takeover`);
    if (!r.ok) return toast(r.message);
    toast("You are now chatting with the customer.");
    open(t.sessionId, { assist: true });
  }

  return {
    el,
    async refresh() {
      const r = await loadWholeQueue(api);
      if (!r.ok) return void body.replaceChildren(notice(r.message, "error"));
      const open_ = r.value.tickets;
      if (!open_.length) return void body.replaceChildren(notice("The queue is empty."));
      body.replaceChildren(
        h("p", {
          className: "muted",
          role: "status",
          text: describeCounts(r.value.counts, open_.length, r.value.truncated),
        }),
        h(
          "ul",
          { className: "cards" },
          ...open_.map((t) =>
            h(
              "li",
              { className: "ticket" },
              h(
                "div",
                { className: "ticket-top" },
                h("strong", { className: "mono", text: t.id }),
                pill(
                  t.status === "with_agent" ? `With ${t.staffId ?? "staff"}` : "Waiting",
                  t.status === "with_agent" ? "info" : "warn",
                ),
                pill(t.identified ? "Signed-in customer" : "Anonymous visitor", t.identified ? "ok" : "muted"),
                h("span", { className: "muted", text: formatTime(t.createdAt) }),
              ),
              h("p", { text: t.summary }),
              h(
                "div",
                { className: "actions" },
                t.status === "with_agent"
                  ? h("button", {
                      className: "btn",
                      type: "button",
                      text: "Open conversation",
                      onclick: () => open(t.sessionId),
                    })
                  : h("button", {
                      className: "btn primary",
                      type: "button",
                      text: "Take over",
                      onclick: () => void takeOver(t),
                    }),
              ),
            ),
          ),
        ),
      );
    },
  };
}
