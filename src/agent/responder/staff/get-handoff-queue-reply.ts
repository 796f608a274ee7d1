// The staff reply to get_handoff_queue: how many chats wait and how many are with staff, the longest wait in
// minutes, then the first tickets with who handles them, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { formatDateTime, isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T: Record<Locale, Record<string, string>> = {
  en: {
    head: "Handoff queue: {waiting} waiting for a person, {withAgent} with staff.",
    oldest: "The longest wait is {minutes} minutes.",
    nobodyWaits: "Nobody is waiting.",
    empty: "The handoff queue is empty: 0 customers waiting and 0 chats with staff.",
    tickets: "Tickets:",
    waitingRow: "• {id} (conversation {session}): waiting since {since}; {summary}",
    agentRow: "• {id} (conversation {session}): with {staff} since {since}; {summary}",
  },
  "zh-CN": {
    head: "转人工队列：{waiting} 位客户等待人工，{withAgent} 位正由工作人员处理。",
    oldest: "最长等待时间为 {minutes} 分钟。",
    nobodyWaits: "目前没有客户在等待。",
    empty: "转人工队列为空：等待中的客户 0 位，工作人员处理中的对话 0 个。",
    tickets: "工单：",
    waitingRow: "• {id}（对话 {session}）：自 {since} 起等待",
    agentRow: "• {id}（对话 {session}）：自 {since} 起由工作人员 {staff} 处理",
  },
};

/** Renders a get_handoff_queue result for a member of staff. */
export function renderGetHandoffQueueReply(result: ToolResult<"get_handoff_queue">, locale: Locale): string {
  if (isStandIn(result)) return standInSentence(result, locale);
  if (result.status === "forbidden") return standInSentence(result, locale);
  const t = T[locale];
  if (result.waiting === 0 && result.withAgent === 0) return fill(t["empty"], {});
  const lines = [
    fill(t["head"], { waiting: result.waiting, withAgent: result.withAgent }),
    result.oldestWaitMinutes !== undefined
      ? fill(t["oldest"], { minutes: result.oldestWaitMinutes })
      : fill(t["nobodyWaits"], {}),
  ];
  if (result.tickets.length > 0) {
    lines.push(fill(t["tickets"], {}));
    // Summaries are English model text, so a Chinese reply leaves them out (the console shows them).
    for (const k of result.tickets)
      lines.push(
        fill(k.status === "waiting" ? t["waitingRow"] : t["agentRow"], {
          id: k.id,
          session: k.sessionId,
          since: formatDateTime(k.since, locale),
          staff: k.staffId ?? "?",
          summary: k.summary,
        }),
      );
  }
  return lines.join("\n");
}
