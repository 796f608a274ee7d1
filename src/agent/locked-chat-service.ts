// Serialises the turns of one conversation across instances: a chat service whose messages and approvals on an
// existing session run under the session's turn lock, so two requests never read and write its state at once.
import type { SessionLock } from "../conversations/session-lock.js";
import type { ChatService } from "./chat-service.js";

/** Wraps `chat` so turns naming an existing session take `lock` first; a first message (new session) needs none. */
export function withSessionLock(chat: ChatService, lock: SessionLock): ChatService {
  return {
    async handleMessage(input, emit) {
      if (!input.sessionId) return chat.handleMessage(input, emit);
      // Only someone who may read the conversation can hold (and so block) it: others get not_found at once.
      const session = chat.readableSession(input, input.sessionId);
      return lock.run(session.id, () => chat.handleMessage(input, emit));
    },
    async handleConfirmation(input, emit) {
      const session = chat.readableSession(input, input.sessionId);
      return lock.run(session.id, () => chat.handleConfirmation(input, emit));
    },
    readableSession: (access, sessionId) => chat.readableSession(access, sessionId),
  };
}
