// The plan of a turn and the system prompt a real model reads. The plan reaches the local responder through the
// runtime context; the model gets the same facts as prose: readable slots and the numbered passages.
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import type { RouteDecisionView } from "../agent-ports.js";
import type { Passage } from "../passages.js";
import type { PlanSlots, TurnPlan } from "../turn-plan.js";
import type { StaffCall } from "../staff/staff-call.js";

/** Renders a route's system prompt template. */
export type RenderSystemPrompt = (route: string, locale: Locale, vars: Record<string, string>) => string;

/** Builds the plan of a turn. */
export function buildTurnPlan(args: {
  intent: string;
  route: string;
  locale: Locale;
  identity: Identity;
  decision: RouteDecisionView;
  focusTransactionId?: string;
  actionPending?: boolean;
  allowedTools: string[];
  today: string;
  passages: Passage[];
  staffCall?: StaffCall;
}): TurnPlan {
  const { slots } = args.decision;
  return {
    intent: args.intent,
    route: args.route,
    locale: args.locale,
    role: args.identity.kind,
    confidence: args.decision.confidence,
    slots: {
      amounts: slots.amounts.map((a) => ({ value: a.value, currency: a.currency })),
      termsMonths: slots.terms.map((t) => t.months),
      dates: slots.dates.map((d) => d.date),
      cardLastFour: slots.cardLastFour,
      merchants: slots.merchants,
      transactionRefs: slots.transactionRefs,
    },
    ...(args.focusTransactionId ? { focusTransactionId: args.focusTransactionId } : {}),
    ...(args.actionPending ? { actionPending: true } : {}),
    allowedTools: args.allowedTools,
    today: args.today,
    passages: args.passages,
    ...(args.staffCall ? { staffCall: args.staffCall } : {}),
  };
}

/** The slots as a sentence a model can read ("none" when nothing was found). */
export function describeSlots(slots: PlanSlots, locale: Locale): string {
  const zh = locale === "zh-CN";
  const money = (a: PlanSlots["amounts"][number]) =>
    `${a.currency === "GBP" || !a.currency ? "£" : `${a.currency} `}${a.value}`;
  const parts = [
    slots.amounts.length ? `${zh ? "金额" : "amounts"}: ${slots.amounts.map(money).join(", ")}` : "",
    slots.termsMonths.length
      ? `${zh ? "期限" : "terms"}: ${slots.termsMonths.map((m) => (zh ? `${m}个月` : `${m} months`)).join(", ")}`
      : "",
    slots.dates.length ? `${zh ? "日期" : "dates"}: ${slots.dates.join(", ")}` : "",
    slots.cardLastFour.length ? `${zh ? "卡号尾号" : "cards ending"}: ${slots.cardLastFour.join(", ")}` : "",
    slots.merchants.length ? `${zh ? "商户" : "merchants"}: ${slots.merchants.join(", ")}` : "",
    slots.transactionRefs.length
      ? `${zh ? "交易编号" : "transaction references"}: ${slots.transactionRefs.join(", ")}`
      : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : zh ? "无" : "none";
}

/** The staff router's reading of a staff question, as a sentence a model can read (it still chooses the tools). */
export function describeStaffCall(call: StaffCall, locale: Locale): string {
  const args = Object.entries(call.args)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
  const missing = call.missing.length
    ? locale === "zh-CN"
      ? `；缺少：${call.missing.join(", ")}`
      : `; missing: ${call.missing.join(", ")}`
    : "";
  return locale === "zh-CN"
    ? `建议调用 ${call.tool}（${args || "无参数"}）${missing}`
    : `suggested call ${call.tool}(${args || "no arguments"})${missing}`;
}

/** The passages as the model reads them, each under its stable [n] id. */
export function renderPassages(passages: readonly Passage[], locale: Locale): string {
  if (passages.length === 0) return "";
  const head =
    locale === "zh-CN"
      ? "# 本轮检索到的资料\n只根据以下资料回答银行相关事实，并用 [n] 标注来源。"
      : "# Passages retrieved for this question\nState bank facts only from these passages and cite each as [n].";
  const body = passages.map((p) => `[${p.n}] ${p.title} (${p.docId}, version ${p.version})\n${p.text}`).join("\n\n");
  return `${head}\n\n${body}`;
}

/** The system prompt of a turn: the route's rules, then this turn's passages. */
export function renderTurnPrompt(render: RenderSystemPrompt, plan: TurnPlan): string {
  const promptRoute = plan.role === "staff" ? "staff" : plan.route;
  const rules = render(promptRoute, plan.locale, {
    intent: plan.intent,
    slots: plan.staffCall ? describeStaffCall(plan.staffCall, plan.locale) : describeSlots(plan.slots, plan.locale),
    signed_in: plan.role === "anonymous" ? "no" : "yes",
    today: plan.today,
  });
  const passages = renderPassages(plan.passages, plan.locale);
  return passages ? `${rules}\n\n${passages}` : rules;
}
