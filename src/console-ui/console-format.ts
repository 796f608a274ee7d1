// Formatting shared by the console's views: times, percentages, money and status pills.
import { h } from "../widget/create-element.js";

/** A short local date-time ("29 Nov, 14:05"). */
export function formatTime(iso: string | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** A probability as a percentage with one decimal. */
export function formatPercent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** An amount in its currency. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** A coloured status pill whose text carries the meaning (colour is only a cue). */
export function pill(text: string, tone: "ok" | "warn" | "bad" | "info" | "muted"): HTMLElement {
  return h("span", { className: `pill ${tone}`, text });
}

/** A message block for empty states and errors inside a view. */
export function notice(text: string, kind: "empty" | "error" = "empty"): HTMLElement {
  return h("p", { className: `notice ${kind}`, role: kind === "error" ? "alert" : undefined, text });
}
