// The console's Analytics tab: a date-range form, conversation charts by day and by hour split by language,
// knowledge health and model monitoring, with every series downloadable as CSV.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { notice } from "./console-format.js";
import type { ConsoleView } from "./conversations-view.js";
import { conversationSection, knowledgeSection, modelSection } from "./analytics-panels.js";
import type { AnalyticsReport } from "./analytics-types.js";

const CSV_SERIES: { series: string; label: string }[] = [
  { series: "by-day", label: "By day" },
  { series: "by-hour", label: "By hour" },
  { series: "totals", label: "Totals" },
  { series: "intents", label: "Intents" },
  { series: "router-confidence", label: "Router confidence" },
  { series: "knowledge", label: "Knowledge health" },
  { series: "credit-stability", label: "Credit PSI/CSI" },
];

const dayOffset = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Creates the Analytics view. */
export function createAnalyticsView(api: ConsoleApi, toast: (text: string) => void): ConsoleView {
  const from = h("input", { id: "an-from", className: "field", type: "date", value: dayOffset(-29), required: true });
  const to = h("input", { id: "an-to", className: "field", type: "date", value: dayOffset(0), required: true });
  const status = h("p", { className: "muted small", role: "status", "aria-live": "polite" });
  const body = h("div", { className: "analytics-body" });
  const form = h(
    "form",
    { className: "inline-form", "aria-label": "Date range" },
    h("div", {}, h("label", { for: "an-from", text: "From" }), from),
    h("div", {}, h("label", { for: "an-to", text: "To" }), to),
    h("button", { className: "btn primary", type: "submit", text: "Show" }),
  );
  const query = (): string => new URLSearchParams({ from: from.value, to: to.value }).toString();

  const download = async (series: string): Promise<void> => {
    const r = await api.download(`/v1/staff/analytics.csv?${query()}&series=${encodeURIComponent(series)}`);
    if (!r.ok) return toast(r.message);
    const url = URL.createObjectURL(r.value.blob);
    const a = h("a", { href: url, download: r.value.filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const downloads = h(
    "div",
    { className: "actions csv-links", role: "group", "aria-label": "Download CSV" },
    h("span", { className: "small", text: "Download CSV:" }),
    ...CSV_SERIES.map((c) =>
      h("button", {
        className: "btn small",
        type: "button",
        text: c.label,
        "aria-label": `Download CSV: ${c.label}`,
        onclick: () => void download(c.series),
      }),
    ),
  );

  let loaded = "";
  const load = async (force: boolean): Promise<void> => {
    const q = query();
    if (!force && q === loaded) return;
    status.textContent = "Loading…";
    const r = await api.get<AnalyticsReport>(`/v1/staff/analytics?${q}`);
    if (!r.ok) {
      status.textContent = "";
      return void body.replaceChildren(notice(r.message, "error"));
    }
    loaded = q;
    const a = r.value;
    status.textContent = `${a.range.from} to ${a.range.to} (${a.range.days} days, UTC).`;
    body.replaceChildren(conversationSection(a), knowledgeSection(a), modelSection(a));
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void load(true);
  });

  const el = h(
    "section",
    { className: "analytics", "aria-labelledby": "analytics-h" },
    h("h2", { id: "analytics-h", text: "Analytics" }),
    h("div", { className: "analytics-toolbar" }, form, downloads),
    status,
    body,
  );
  // Polling re-asks only when the range changed; a report is recomputed on "Show".
  return { el, refresh: () => load(false) };
}
