// Fraud review: flagged transactions with the model's reasons; staff label them, and the labels feed the next retraining.
import { h } from "../widget/create-element.js";
import type { ConsoleApi } from "./console-api.js";
import { formatMoney, formatPercent, formatTime, notice, pill } from "./console-format.js";
import type { FlaggedTransaction } from "./console-types.js";
import type { ConsoleView } from "./conversations-view.js";

const RISK_LABEL: Record<string, string> = { block: "Block", review: "Review", none: "Low" };

/** Creates the fraud review view. */
export function createFraudReviewView(api: ConsoleApi, toast: (text: string) => void): ConsoleView {
  const body = h("div");
  const el = h(
    "section",
    { "aria-labelledby": "fraud-h" },
    h("h2", { id: "fraud-h", text: "Fraud review" }),
    h("p", {
      className: "muted",
      text: "Transactions the fraud model flagged. Your label is stored and used by the next training run.",
    }),
    body,
  );

  async function label(tx: FlaggedTransaction, value: "fraud" | "legitimate") {
    const r = await api.post("/v1/staff/fraud/labels", { transactionId: tx.id, label: value });
    if (!r.ok) return toast(r.message);
    toast(`Transaction ${tx.id} labelled ${value}.`);
    await refresh();
  }

  async function refresh() {
    const r = await api.get<{ transactions: FlaggedTransaction[] }>("/v1/staff/fraud/flagged?limit=50");
    if (!r.ok) return void body.replaceChildren(notice(r.message, "error"));
    if (!r.value.transactions.length) return void body.replaceChildren(notice("No flagged transactions."));
    body.replaceChildren(
      h(
        "table",
        { className: "data fraud" },
        h("caption", { className: "sr", text: "Flagged transactions" }),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Transaction", "Customer / card", "Amount", "Risk", "Reasons", "Review"].map((x) =>
              h("th", { scope: "col", text: x }),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...r.value.transactions.map((tx) =>
            h(
              "tr",
              {},
              h(
                "td",
                {},
                h("strong", { text: tx.merchantName }),
                h("br"),
                h("span", { className: "muted mono", text: `${tx.id} · ${formatTime(tx.timestamp)}` }),
              ),
              h("td", { className: "mono", text: `${tx.customerId} / ${tx.cardId}` }),
              h("td", { className: "num", text: formatMoney(tx.amount, tx.currency) }),
              h(
                "td",
                {},
                pill(
                  `${RISK_LABEL[tx.assessment.level] ?? tx.assessment.level} ${formatPercent(tx.assessment.probability)}`,
                  tx.assessment.level === "block" ? "bad" : tx.assessment.level === "review" ? "warn" : "muted",
                ),
                h("br"),
                h("span", { className: "muted", text: tx.assessment.modelVersion }),
              ),
              h(
                "td",
                {},
                h(
                  "ul",
                  { className: "reasons" },
                  ...tx.assessment.reasons.map((x) => h("li", { text: x.text.en, title: x.code })),
                ),
              ),
              h(
                "td",
                {},
                tx.label
                  ? pill(tx.label === "fraud" ? "Confirmed fraud" : "Legitimate", tx.label === "fraud" ? "bad" : "ok")
                  : h(
                      "div",
                      { className: "actions" },
                      h("button", {
                        className: "btn danger",
                        type: "button",
                        text: "Confirm fraud",
                        "aria-label": `Confirm fraud: ${tx.id}`,
                        onclick: () => void label(tx, "fraud"),
                      }),
                      h("button", {
                        className: "btn",
                        type: "button",
                        text: "Legitimate",
                        "aria-label": `Legitimate: ${tx.id}`,
                        onclick: () => void label(tx, "legitimate"),
                      }),
                    ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  return { el, refresh };
}
