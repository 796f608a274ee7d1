// Reads the whole handoff queue by following nextCursor, so no waiting ticket is ever left on an unread page.
import type { ApiResult, ConsoleApi } from "./console-api.js";
import type { HandoffQueuePage, QueueCounts, Ticket } from "./console-types.js";

/** Every open ticket in queue order, the server's counts, and whether the page cap stopped the read early. */
export interface WholeQueue {
  tickets: Ticket[];
  counts: QueueCounts;
  truncated: boolean;
}

/** Follows the queue's cursor page by page (at most `maxPages`, so a runaway queue cannot hang the console). */
export async function loadWholeQueue(
  api: Pick<ConsoleApi, "get">,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<ApiResult<WholeQueue>> {
  const pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPages ?? 40;
  const tickets: Ticket[] = [];
  let counts: QueueCounts = { waiting: 0, with_agent: 0 };
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const query = `limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const r = await api.get<HandoffQueuePage>(`/v1/staff/handoffs?${query}`);
    if (!r.ok) return r;
    tickets.push(...r.value.tickets.filter((t) => t.status !== "closed"));
    counts = r.value.counts;
    cursor = r.value.nextCursor;
    if (!cursor) return { ok: true, value: { tickets, counts, truncated: false } };
  }
  return { ok: true, value: { tickets, counts, truncated: true } };
}
