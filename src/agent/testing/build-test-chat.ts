// Builds the real chat service over fake ports and an in-memory store, with the local responder or a given model.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph";
import { createSilentLogger } from "../../shared/logger.js";
import { createBankAgent, describeConfirmation } from "../bank-agent.js";
import { createChatService } from "../chat-service.js";
import { createConversationEvents } from "../../conversations/conversation-events.js";
import { createConversationStore } from "../../conversations/conversation-store.js";
import { createVaultCipher } from "../../shared/vault-cipher.js";
import { createConfirmationLedger } from "../confirmation-ledger.js";
import { createHandoffService } from "../../conversations/handoff-service.js";
import { LocalResponderChatModel } from "../responder/local-chat-model.js";
import { templateTexts } from "../responder/reply-templates.js";
import { createFakeBank, createFakePorts, createKeywordRouter } from "./fake-ports.js";
import { testStaffRouter } from "./test-staff-router.js";

/** A chat service for tests; `primary` replaces the local responder as the first model (it stays the fallback). */
/** `storeFile` and `checkpointer` put the conversations and checkpoints on disk (restart and retention tests). */
export function buildTestChat(
  options: {
    primary?: { model: BaseChatModel; name: string };
    timeoutMs?: number;
    storeFile?: string;
    checkpointer?: BaseCheckpointSaver;
  } = {},
) {
  const bank = createFakeBank();
  const ports = createFakePorts(bank);
  const store = createConversationStore(options.storeFile ?? ":memory:");
  const events = createConversationEvents();
  const handoff = createHandoffService({ store, events, redact: (t) => t });
  ports.openTicket = (sessionId, summary) => ({ ticketId: handoff.openTicket(sessionId, summary).id });
  const local = new LocalResponderChatModel();
  const primaryName = { provider: options.primary ? "openai" : "local", model: options.primary?.name ?? "test" };
  const now = () => new Date("2026-11-29T12:00:00Z");
  const agent = createBankAgent({
    ports,
    primaryModel: options.primary?.model ?? local,
    primaryName,
    fallbackModel: local,
    fallbackName: { provider: "local", model: "test" },
    checkpointer: options.checkpointer ?? new MemorySaver(),
    now,
    modelTimeoutMs: options.timeoutMs ?? 5000,
    publicNumbers: [],
  });
  const cipher = createVaultCipher("test-secret-0123456789abcdef0123456789");
  const chat = createChatService({
    agent,
    router: createKeywordRouter(),
    staffRouter: testStaffRouter(),
    knowledge: ports.knowledge,
    rails: { publishedContacts: [], trustedTexts: (locale) => templateTexts(locale), protectedTexts: [] },
    store,
    events,
    renderSystemPrompt: (route) => `You are Harbor Bank's assistant (${route}).`,
    now,
    logger: createSilentLogger(),
    provider: primaryName,
    publicNumbers: [],
    describeConfirmation: (action, args, ctx) => describeConfirmation(ports, action, args, ctx),
    vaultCipher: cipher,
    confirmations: createConfirmationLedger({ file: ":memory:", cipher }),
  });
  return { bank, ports, store, chat };
}
