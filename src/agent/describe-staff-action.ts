// The staff member's confirmation card for an action on a customer's behalf: says exactly which card or payment of
// which customer will change, in the staff member's language, and says so when confirming would change nothing.
import type { Locale } from "../shared/locale.js";
import type { AgentPorts } from "./agent-ports.js";
import { screenDataText } from "./guardrails/injection-screen.js";
import { formatDate, formatMoney } from "./responder/reply-templates.js";
import type { AgentContext } from "./tools/tool-context.js";
import { resolveCustomerCard } from "./tools/staff-freeze-card.js";

/** Staff actions that wait for the acting staff member's confirmation. */
export const STAFF_CONFIRMED_TOOLS = ["staff_freeze_card", "staff_open_dispute"] as const;

const NOTHING: Record<Locale, string> = {
  en: "confirming will change nothing",
  "zh-CN": "确认后不会有任何更改",
};

// In Chinese the name's brackets already set the id apart, so templates put no space after it.
function who(id: string, rawName: string | undefined, locale: Locale): string {
  if (!rawName) return locale === "zh-CN" ? `${id} ` : id;
  const name = screenDataText(rawName).text;
  return locale === "zh-CN" ? `${id}（${name}）` : `${id} (${name})`;
}

function describeFreeze(ports: AgentPorts, args: Record<string, unknown>, ctx: AgentContext): string {
  const zh = ctx.locale === "zh-CN";
  const customerId = typeof args["customerId"] === "string" ? args["customerId"] : "";
  const ref = typeof args["cardLast4"] === "string" ? args["cardLast4"] : undefined;
  const r = resolveCustomerCard(ports.bank, ctx, customerId, ref);
  const customer = who(customerId, ports.bank.getCustomer(customerId)?.name, ctx.locale);
  if (r.status === "ok") {
    const last4 = r.card.last4;
    if (r.card.status === "frozen")
      return zh
        ? `客户 ${customer}尾号 ${last4} 的银行卡已处于冻结状态；${NOTHING["zh-CN"]}`
        : `Card ending ${last4} of customer ${customer} is already frozen; ${NOTHING.en}`;
    if (r.card.status === "blocked")
      return zh
        ? `客户 ${customer}尾号 ${last4} 的银行卡已永久停用，无法冻结；${NOTHING["zh-CN"]}`
        : `Card ending ${last4} of customer ${customer} is permanently blocked and cannot be frozen; ${NOTHING.en}`;
    return zh ? `冻结客户 ${customer}尾号 ${last4} 的银行卡` : `Freeze card ending ${last4} of customer ${customer}`;
  }
  if (r.status === "not_found" && !r.customerFound)
    return zh
      ? `冻结客户 ${customerId} 的银行卡：未找到该客户；${NOTHING["zh-CN"]}`
      : `Freeze a card of customer ${customerId}: no such customer; ${NOTHING.en}`;
  const cards = r.cards.join(zh ? "、" : ", ");
  if (r.status === "ambiguous")
    return zh
      ? `冻结客户 ${customer}的银行卡：该客户有多张卡（尾号 ${cards}），未指明哪一张；${NOTHING["zh-CN"]}`
      : `Freeze a card of customer ${customer}: they have several cards (ending ${cards}) and none was named; ${NOTHING.en}`;
  return zh
    ? `冻结客户 ${customer}的银行卡：没有匹配的卡${cards ? `（该客户的卡尾号 ${cards}）` : ""}；${NOTHING["zh-CN"]}`
    : `Freeze a card of customer ${customer}: no matching card${cards ? ` (their cards end ${cards})` : ""}; ${NOTHING.en}`;
}

function describeDispute(ports: AgentPorts, args: Record<string, unknown>, ctx: AgentContext): string {
  const zh = ctx.locale === "zh-CN";
  const transactionId = typeof args["transactionId"] === "string" ? args["transactionId"] : "";
  const tx = ports.bank.getTransaction(transactionId);
  if (!tx)
    return zh
      ? `为交易 ${transactionId} 发起争议：未找到该交易；${NOTHING["zh-CN"]}`
      : `Open a dispute for transaction ${transactionId}: no such transaction; ${NOTHING.en}`;
  const customer = who(tx.customerId, ports.bank.getCustomer(tx.customerId)?.name, ctx.locale);
  const money = formatMoney(tx.amount, tx.currency, ctx.locale);
  const date = formatDate(tx.timestamp, ctx.locale);
  const merchant = screenDataText(tx.merchantName).text;
  const what = zh
    ? `交易 ${tx.id}（${merchant}，${money}，${date}）`
    : `transaction ${tx.id} (${merchant}, ${money}, ${date})`;
  const already = ports.bank.findOpenDispute(tx.id);
  if (already)
    return zh
      ? `客户 ${customer}的${what}已有处理中的争议 ${already}；确认不会重复提交`
      : `The ${what} of customer ${customer} is already under dispute (${already}); confirming will not open another`;
  return zh ? `为客户 ${customer}的${what}发起争议` : `Open a dispute for ${what} of customer ${customer}`;
}

/** The confirmation text of a staff action, or undefined when the tool is not a staff action. */
export function describeStaffAction(
  ports: AgentPorts,
  toolName: string,
  args: Record<string, unknown>,
  ctx: AgentContext,
): string | undefined {
  if (toolName === "staff_freeze_card") return describeFreeze(ports, args, ctx);
  if (toolName === "staff_open_dispute") return describeDispute(ports, args, ctx);
  return undefined;
}
