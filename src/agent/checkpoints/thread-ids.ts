// The LangGraph thread ids a conversation uses, in one place, so erasure and pruning find every thread of a session.

const ASIDE_SUFFIX = ":aside";

/** The thread of a side question asked while an action waits for approval (read-only, kept apart from the main thread). */
export function asideThreadId(sessionId: string): string {
  return `${sessionId}${ASIDE_SUFFIX}`;
}

/** Every thread id a session may have written checkpoints under. */
export function threadIdsOfSession(sessionId: string): string[] {
  return [sessionId, asideThreadId(sessionId)];
}

/** The session a thread belongs to. */
export function sessionIdOfThread(threadId: string): string {
  return threadId.endsWith(ASIDE_SUFFIX) ? threadId.slice(0, -ASIDE_SUFFIX.length) : threadId;
}
