// Insights: topics of the messages the bot handled badly, with what to do about each. Staff accept a topic's
// utterances into an intent's training data (review queue, versioned) or mark a knowledge gap (a draft document task).
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { formatTime, notice, pill } from "./console-format.js";
import type { ConsoleView } from "./conversations-view.js";

interface Topic {
  id: string;
  label: string;
  size: number;
  trend: { last7Days: number; previous7Days: number; direction: "up" | "down" | "flat" };
  examples: string[];
  suggestion: { kind: string; text: { en: string; "zh-CN": string } };
  utterances: { text: string; locale: string }[];
}
interface Task {
  id: string;
  title: string;
  topicId?: string;
  examples: string[];
  status: string;
  createdBy: string;
  createdAt: string;
}

const SUGGESTION: Record<string, { label: string; tone: "ok" | "warn" | "bad" | "info" }> = {
  new_intent: { label: "New intent", tone: "info" },
  missing_knowledge: { label: "Missing knowledge", tone: "warn" },
  wrong_route: { label: "Wrong route", tone: "warn" },
  broken_flow: { label: "Broken flow", tone: "bad" },
};
const ARROW = { up: "▲", down: "▼", flat: "▬" } as const;
const TREND_WORD = { up: "rising", down: "falling", flat: "steady" } as const;

const hasHan = (text: string): boolean => /[\u3400-\u9fff]/.test(text);
const langOf = (text: string): string | undefined => (hasHan(text) ? "zh-CN" : undefined);

/** Creates the Insights view. */
export function createInsightsView(api: ConsoleApi, toast: (text: string) => void): ConsoleView {
  const status = h("p", { className: "muted", role: "status" });
  const topicsBody = h("div", { className: "insight-topics" });
  const tasksBody = h("div");
  let shown = "";
  const refreshButton = h("button", {
    className: "btn",
    type: "button",
    text: "Refresh topics now",
    onclick: () => void refreshNow(),
  });
  const el = h(
    "section",
    { "aria-labelledby": "insights-h" },
    h("h2", { id: "insights-h", text: "Insights" }),
    h("p", {
      className: "muted",
      text: "Topics of the messages the bot handled badly (out of scope, low confidence, fallbacks, handoffs, thumbs down, clarifying loops), clustered without labels in each language. Messages are PII-redacted.",
    }),
    h("div", { className: "actions" }, refreshButton),
    status,
    topicsBody,
    h("h3", { id: "gap-tasks-h", text: "Open knowledge-gap tasks" }),
    tasksBody,
  );

  async function refreshNow() {
    refreshButton.setAttribute("disabled", "");
    const r = await api.post<{ topics: number; turns: number }>("/v1/staff/insights/refresh");
    refreshButton.removeAttribute("disabled");
    if (!r.ok) return toast(r.message);
    toast(`Clustered ${r.value.turns} messages into ${r.value.topics} topics.`);
    shown = "";
    await refresh();
  }

  async function accept(topic: Topic, intent: string, utterances: string[]) {
    const r = await api.post<{ version: number; utterances: unknown[] }>(`/v1/staff/insights/${topic.id}/accept`, {
      intent,
      utterances,
    });
    if (!r.ok) return toast(r.message);
    toast(`${r.value.utterances.length} utterances accepted into ${intent} (review queue version ${r.value.version}).`);
  }

  async function markGap(topic: Topic, title: string) {
    const r = await api.post<Task>(`/v1/staff/insights/${topic.id}/gap`, { title });
    if (!r.ok) return toast(r.message);
    toast(`Knowledge-gap task ${r.value.id} created.`);
    shown = "";
    await refresh();
  }

  function acceptForm(topic: Topic, intents: readonly string[]): HTMLElement {
    const selectId = `accept-intent-${topic.id}`;
    const select = h(
      "select",
      { id: selectId, className: "field", required: true },
      h("option", { value: "", text: "Choose an intent…" }),
      ...intents.map((i) => h("option", { value: i, text: i })),
    );
    const boxes = topic.utterances.slice(0, 30).map((u, i) => {
      const id = `utt-${topic.id}-${i}`;
      const box = h("input", { type: "checkbox", id, value: u.text, checked: true });
      return { box, row: h("li", {}, box, h("label", { for: id, text: u.text, lang: langOf(u.text) })) };
    });
    const form = h(
      "form",
      { className: "insight-form", "aria-label": `Accept into intent: ${topic.label}` },
      h("label", { for: selectId, text: "Intent" }),
      select,
      h(
        "fieldset",
        {},
        h("legend", { text: "Utterances to accept" }),
        h("ul", { className: "utterances" }, ...boxes.map((b) => b.row)),
      ),
      h("button", { className: "btn primary", type: "submit", text: "Accept into intent" }),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const chosen = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
      if (!select.value) return toast("Choose an intent first.");
      if (!chosen.length) return toast("Tick at least one utterance.");
      void accept(topic, select.value, chosen);
    });
    return h("details", {}, h("summary", { text: "Accept into intent…" }), form);
  }

  function gapForm(topic: Topic): HTMLElement {
    const inputId = `gap-title-${topic.id}`;
    const input = h("input", {
      id: inputId,
      className: "field",
      type: "text",
      required: true,
      minlength: 3,
      maxlength: 200,
      value: `Customers ask about ${topic.label}`,
    });
    const form = h(
      "form",
      { className: "insight-form", "aria-label": `Mark knowledge gap: ${topic.label}` },
      h("label", { for: inputId, text: "Title of the document to draft" }),
      input,
      h("button", { className: "btn", type: "submit", text: "Mark knowledge gap" }),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const title = input.value.trim();
      if (title.length < 3) return toast("Give the task a title.");
      void markGap(topic, title);
    });
    return h("details", {}, h("summary", { text: "Mark knowledge gap…" }), form);
  }

  function topicCard(topic: Topic, intents: readonly string[]): HTMLElement {
    const s = SUGGESTION[topic.suggestion.kind] ?? { label: topic.suggestion.kind, tone: "info" as const };
    const headingId = `topic-h-${topic.id}`;
    const trend = `${ARROW[topic.trend.direction]} ${topic.trend.last7Days} in the last 7 days (${topic.trend.previous7Days} the week before)`;
    return h(
      "article",
      { className: "card insight", "aria-labelledby": headingId },
      h(
        "header",
        { className: "insight-head" },
        h("h4", { id: headingId, text: topic.label || "(no label)", lang: langOf(topic.label) }),
        h("span", { className: "muted", text: `${topic.size} messages` }),
        h("span", {
          className: `trend trend-${topic.trend.direction}`,
          text: trend,
          "aria-label": `Trend ${TREND_WORD[topic.trend.direction]}: ${topic.trend.last7Days} in the last 7 days, ${topic.trend.previous7Days} the week before`,
        }),
      ),
      h("p", {}, pill(s.label, s.tone), " ", h("span", { text: topic.suggestion.text.en })),
      h("ul", { className: "examples" }, ...topic.examples.map((x) => h("li", { text: x, lang: langOf(x) }))),
      h("div", { className: "insight-actions" }, acceptForm(topic, intents), gapForm(topic)),
    );
  }

  function taskList(tasks: Task[]): HTMLElement {
    if (!tasks.length) return notice("No open knowledge-gap tasks.");
    return h(
      "ul",
      { className: "gap-tasks", "aria-labelledby": "gap-tasks-h" },
      ...tasks.map((t) =>
        h(
          "li",
          {},
          h("strong", { text: t.title, lang: langOf(t.title) }),
          " ",
          h("span", { className: "muted mono", text: `${t.id} · ${t.createdBy} · ${formatTime(t.createdAt)}` }),
        ),
      ),
    );
  }

  async function refresh() {
    const [insights, tasks] = await Promise.all([
      api.get<{ generatedAt?: string; topics: Topic[]; intents: string[] }>("/v1/staff/insights"),
      api.get<{ tasks: Task[] }>("/v1/staff/knowledge/tasks?status=open"),
    ]);
    if (!insights.ok) return void topicsBody.replaceChildren(notice(insights.message, "error"));
    // The console polls: an unchanged answer leaves the page (and any half-filled form) alone.
    const { generatedAt, topics, intents } = insights.value;
    status.textContent = generatedAt ? `Last clustered ${formatTime(generatedAt)}.` : "Not clustered yet.";
    const key = JSON.stringify([topics, intents, tasks.ok ? tasks.value : tasks.message]);
    if (key === shown) return;
    shown = key;
    topicsBody.replaceChildren(
      ...(topics.length
        ? [h("h3", { text: `${topics.length} topics` }), ...topics.map((t) => topicCard(t, intents))]
        : [notice("No topics yet. Refresh to cluster the latest conversations.")]),
    );
    tasksBody.replaceChildren(tasks.ok ? taskList(tasks.value.tasks) : notice(tasks.message, "error"));
  }

  return { el, refresh };
}
