// Agent assist in the console: when staff take over a conversation, its summary, two or three suggested replies
// (each editable, with its sources and a Send button) and the next tool call already filled in, which goes to the
// staff assistant in one click or is copied. Texts are in the conversation's language and marked with it.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { notice } from "./console-format.js";

/** The parts of POST /v1/staff/assist the panel shows (src/agent/assist/assist-schema.ts); kept zod-free for the bundle. */
export interface AssistView {
  summary: { wants: string; botDid: string; pending: string; language: string; source: string };
  suggestedReplies: { text: string; basis: string; citations: { docId: string; title: string; version: string }[] }[];
  nextActions: { tool: string; args: Record<string, string | number>; label: string }[];
}

/** The panel: its element, and loading or clearing it for a conversation. */
export interface AssistPanel {
  el: HTMLElement;
  load(sessionId: string): Promise<void>;
  clear(): void;
}

const BASIS_LABELS: Record<string, string> = {
  knowledge: "from the guides",
  tool_result: "from the bot's tool results",
  holding: "holding reply",
  clarify: "clarifying question",
};

/** The tool call as one line staff can read or paste: `staff_freeze_card customerId=demo1 cardLast4=4821`. */
export function toolLine(action: AssistView["nextActions"][number]): string {
  const args = Object.entries(action.args).map(
    ([k, v]) => `${k}=${typeof v === "string" && /\s/.test(v) ? JSON.stringify(v) : v}`,
  );
  return [action.tool, ...args].join(" ");
}

// Tall enough to read the whole suggestion without scrolling (a Han character is about two Latin ones wide).
function rowsFor(text: string): number {
  const width = [...text].reduce((n, c) => n + (/[\u3400-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  return Math.min(9, Math.max(2, Math.ceil(width / 52) + 1));
}

// The staff assistant panel's own form: the request goes in and is asked, so its confirmation rules apply.
function askStaffAssistant(text: string): boolean {
  const input = document.getElementById("assist-input");
  if (!(input instanceof HTMLTextAreaElement) || !input.form) return false;
  input.value = text;
  input.form.requestSubmit();
  return true;
}

/** Creates the assist panel; `onSent` runs after a suggested reply reached the conversation. */
export function createAssistPanel(
  api: ConsoleApi,
  toast: (text: string) => void,
  onSent: () => Promise<void>,
): AssistPanel {
  const status = h("p", { className: "muted small", role: "status", "aria-live": "polite" });
  const body = h("div", { className: "ta-body" });
  const el = h(
    "section",
    { className: "takeover-assist", "aria-labelledby": "ta-h", hidden: true },
    h("h3", { id: "ta-h", text: "Agent assist" }),
    status,
    body,
  );
  let current: string | undefined;

  function summaryBlock(a: AssistView): HTMLElement {
    const row = (term: string, text: string) => [h("dt", { text: term }), h("dd", { lang: a.summary.language, text })];
    return h(
      "div",
      { className: "ta-block" },
      h("h4", { text: "Summary" }),
      h(
        "dl",
        { className: "ta-summary" },
        ...row("Customer wants", a.summary.wants),
        ...row("Bot did", a.summary.botDid),
        ...row("Pending", a.summary.pending),
      ),
      h("p", {
        className: "muted small",
        text:
          a.summary.source === "model"
            ? "Written by the model and checked by the output rails."
            : "Built from the transcript and turn traces.",
      }),
    );
  }

  function replyItem(sessionId: string, reply: AssistView["suggestedReplies"][number], i: number, language: string) {
    const id = `ta-reply-${i + 1}`;
    const field = h("textarea", { id, className: "field", rows: rowsFor(reply.text), lang: language });
    field.value = reply.text;
    const send = h("button", {
      className: "btn primary small",
      type: "button",
      text: "Send",
      "aria-describedby": `${id}-label`,
    });
    send.addEventListener("click", async () => {
      const text = field.value.trim();
      if (!text) return toast("The reply is empty.");
      send.disabled = true;
      const r = await api.post(`/v1/staff/conversations/${encodeURIComponent(sessionId)}/reply`, { text });
      if (!r.ok) {
        send.disabled = false;
        return toast(r.message);
      }
      send.textContent = "Sent";
      toast("Reply sent to the customer.");
      await onSent();
    });
    return h(
      "li",
      { className: "ta-reply" },
      h("label", {
        for: id,
        id: `${id}-label`,
        text: `Suggested reply ${i + 1} (${BASIS_LABELS[reply.basis] ?? reply.basis})`,
      }),
      field,
      h(
        "div",
        { className: "ta-reply-foot" },
        reply.citations.length
          ? h(
              "p",
              { className: "small" },
              "Sources: ",
              ...reply.citations.flatMap((c, n) => [
                n ? ", " : "",
                h("a", {
                  href: `/kb/${encodeURIComponent(c.docId)}`,
                  target: "_blank",
                  rel: "noopener",
                  lang: /[\u3400-\u9fff]/.test(c.title) ? "zh-CN" : "en",
                  text: c.title,
                }),
                ` (v${c.version})`,
              ]),
            )
          : h("p", { className: "muted small", text: "No sources: nothing in it needs one." }),
        send,
      ),
    );
  }

  function actionItem(action: AssistView["nextActions"][number], language: string): HTMLElement {
    const line = toolLine(action);
    return h(
      "li",
      { className: "ta-action" },
      h("code", { className: "mono", text: line }),
      h("p", { lang: language, text: action.label }),
      h(
        "div",
        { className: "actions" },
        h("button", {
          className: "btn small",
          type: "button",
          text: "Ask the staff assistant",
          onclick: () => {
            if (!askStaffAssistant(action.label)) toast("The staff assistant panel is not open.");
          },
        }),
        h("button", {
          className: "btn small",
          type: "button",
          text: "Copy",
          onclick: () => {
            navigator.clipboard
              .writeText(line)
              .then(() => toast("Copied the tool call."))
              .catch(() => toast("Copying is not allowed here; select the line instead."));
          },
        }),
      ),
    );
  }

  function render(sessionId: string, a: AssistView): void {
    const language = a.summary.language;
    body.replaceChildren(
      summaryBlock(a),
      h(
        "div",
        { className: "ta-block" },
        h("h4", { text: "Suggested replies" }),
        h("ol", { className: "ta-replies" }, ...a.suggestedReplies.map((r, i) => replyItem(sessionId, r, i, language))),
      ),
      h(
        "div",
        { className: "ta-block" },
        h("h4", { text: "Next step" }),
        a.nextActions.length
          ? h("ul", { className: "ta-actions" }, ...a.nextActions.map((x) => actionItem(x, language)))
          : notice("No tool call suggested."),
      ),
    );
  }

  return {
    el,
    async load(sessionId) {
      current = sessionId;
      el.hidden = false;
      body.replaceChildren();
      status.textContent = "Loading assist…";
      const r = await api.post<AssistView>("/v1/staff/assist", { sessionId });
      if (current !== sessionId) return;
      if (!r.ok) {
        status.textContent = "";
        body.replaceChildren(notice(r.message, "error"));
        return;
      }
      status.textContent = "Assist ready.";
      render(sessionId, r.value);
    },
    clear() {
      current = undefined;
      el.hidden = true;
      status.textContent = "";
      body.replaceChildren();
    },
  };
}
