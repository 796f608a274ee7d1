// One turn at a time per conversation (like Rasa's lock store): a second message, or an approval, arriving while the
// first is still being answered waits for it instead of reading and writing the same session state concurrently.
// This is the port and the in-process lock for a single instance; redis-session-lock.ts serves several instances.
import { AppError } from "../shared/errors.js";

/** Runs a conversation's turns one at a time. */
export interface SessionLock {
  /** Runs `fn` holding the session's lock; refuses with a `conflict` AppError when the wait would be too long. */
  run<T>(sessionId: string, fn: () => Promise<T>): Promise<T>;
}

/** What a caller sees when its conversation is still busy with an earlier message. */
export const SESSION_BUSY_MESSAGE =
  "Another message of this conversation is still being answered. Please wait for the reply and try again.";

/** The expected refusal of a busy conversation (HTTP 409, shown to the caller). */
export function sessionBusyError(): AppError {
  return new AppError("conflict", SESSION_BUSY_MESSAGE);
}

/** Options of {@link createLocalSessionLock}. */
export interface LocalSessionLockOptions {
  /** Callers that may queue behind a conversation's running turn; the next one is refused (default 4). */
  maxWaiters?: number;
  /** Conversations with a running turn held at once; bounds the map (default 10 000). */
  maxSessions?: number;
}

/** Creates an in-process lock: a FIFO queue per conversation, entries removed when their queue empties. */
export function createLocalSessionLock(options: LocalSessionLockOptions = {}): SessionLock {
  const maxWaiters = options.maxWaiters ?? 4;
  const maxSessions = options.maxSessions ?? 10_000;
  const queues = new Map<string, { tail: Promise<void>; holders: number }>();
  return {
    async run(sessionId, fn) {
      let queue = queues.get(sessionId);
      if (!queue) {
        if (queues.size >= maxSessions) throw sessionBusyError();
        queue = { tail: Promise.resolve(), holders: 0 };
        queues.set(sessionId, queue);
      } else if (queue.holders > maxWaiters) throw sessionBusyError();
      queue.holders++;
      const previous = queue.tail;
      let done = (): void => {};
      queue.tail = new Promise<void>((resolve) => (done = resolve));
      await previous;
      try {
        return await fn();
      } finally {
        done();
        if (--queue.holders === 0) queues.delete(sessionId);
      }
    },
  };
}
