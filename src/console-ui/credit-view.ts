// Credit explanations: staff enter a customer and a loan, and see the scorecard's points table, grade and reason codes.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { formatPercent, notice, pill } from "./console-format.js";
import type { CreditExplanation } from "./console-types.js";
import type { ConsoleView } from "./conversations-view.js";
import { table } from "./trace-view.js";

const DECISION_LABEL: Record<string, string> = {
  approve: "Approve",
  refer: "Refer to underwriter",
  decline: "Decline",
};

/** Creates the credit explanation view. */
export function createCreditView(api: ConsoleApi): ConsoleView {
  const customer = h("input", {
    id: "credit-customer",
    className: "field",
    value: "demo1",
    required: true,
    autocomplete: "off",
  });
  const amount = h("input", {
    id: "credit-amount",
    className: "field",
    type: "number",
    value: "10000",
    min: "1000",
    max: "35000",
    step: "500",
  });
  const term = h("input", { id: "credit-term", className: "field", type: "number", value: "60", min: "12", max: "84" });
  const result = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { className: "inline-form" },
    h("div", {}, h("label", { for: "credit-customer", text: "Customer id" }), customer),
    h("div", {}, h("label", { for: "credit-amount", text: "Amount (GBP)" }), amount),
    h("div", {}, h("label", { for: "credit-term", text: "Term (months)" }), term),
    h("button", { className: "btn primary", type: "submit", text: "Explain" }),
  );
  const el = h(
    "section",
    { "aria-labelledby": "credit-h" },
    h("h2", { id: "credit-h", text: "Credit explanations" }),
    form,
    result,
  );

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const q = new URLSearchParams({ amount: amount.value, termMonths: term.value });
    const r = await api.get<CreditExplanation>(`/v1/staff/credit/${encodeURIComponent(customer.value.trim())}?${q}`);
    if (!r.ok) return void result.replaceChildren(notice(r.message, "error"));
    const est = r.value.estimate;
    const approve = est.decision === "approve";
    result.replaceChildren(
      h(
        "div",
        { className: "credit-summary" },
        h(
          "div",
          { className: "stat" },
          h("span", { className: "muted", text: "Score" }),
          h("strong", { text: String(Math.round(est.points)) }),
        ),
        h(
          "div",
          { className: "stat" },
          h("span", { className: "muted", text: "Grade" }),
          h("strong", { text: est.grade }),
        ),
        h(
          "div",
          { className: "stat" },
          h("span", { className: "muted", text: "Probability of default" }),
          h("strong", { text: formatPercent(est.probabilityOfDefault) }),
        ),
        h(
          "div",
          { className: "stat" },
          h("span", { className: "muted", text: "Decision" }),
          pill(
            DECISION_LABEL[est.decision] ?? est.decision,
            approve ? "ok" : est.decision === "refer" ? "warn" : "bad",
          ),
        ),
      ),
      h(
        "p",
        {},
        h("strong", { text: r.value.customer.name ?? r.value.customer.id ?? "" }),
        ` · £${Number(amount.value).toLocaleString("en-GB")} over ${term.value} months`,
      ),
      h("h3", { text: "Reason codes" }),
      est.reasons.length
        ? table(
            ["Code", "Reason", "Points lost"],
            est.reasons.map((x) => [
              x.code,
              x.text.en,
              x.pointsLost === undefined ? "—" : String(Math.round(x.pointsLost)),
            ]),
          )
        : notice("No adverse reasons."),
      h("h3", { text: "Points table" }),
      table(
        ["Characteristic", "Value", "Bin", "Points"],
        est.pointsTable.map((p) => [p.label.en, p.value.en, p.bin.en, String(Math.round(p.points))]),
      ),
      h("p", { className: "muted", text: `Scorecard ${est.scorecardVersion}` }),
    );
  });

  return { el, refresh: async () => undefined };
}
