// The OpenAPI document, generated from the same zod schemas that validate the requests.
import { zodToJsonSchema } from "zod-to-json-schema";
import {
  ChatResponseSchema,
  ConfirmRequestSchema,
  createChatRequestSchema,
  StreamTicketSchema,
} from "../agent/chat-schemas.js";
import { AgentAssistSchema, AssistRequestSchema } from "../agent/assist/assist-schema.js";
import { AnalyticsSchema } from "../agent/analytics/analytics-schema.js";
import { AnalyticsSeriesSchema } from "../agent/analytics/analytics-csv.js";
import { FeedbackRequestSchema } from "./routes/feedback-routes.js";
import { AcceptTopicBodySchema, KnowledgeGapBodySchema } from "./routes/insights-routes.js";
import { InsightTopicSchema, KnowledgeTaskSchema } from "../conversations/insight-store.js";

const ERROR = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        details: {
          type: "array",
          items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
        },
      },
      required: ["code", "message"],
    },
  },
};

function schema(s: Parameters<typeof zodToJsonSchema>[0]): Record<string, unknown> {
  const { $schema: _drop, ...rest } = zodToJsonSchema(s, { target: "openApi3" }) as Record<string, unknown>;
  return rest;
}

/** Builds the OpenAPI 3 document for the public API. */
export function buildOpenApiDocument(maxMessageChars: number): Record<string, unknown> {
  const errors = {
    "400": { description: "Invalid request", content: { "application/json": { schema: ERROR } } },
    "401": { description: "Bad token" },
    "429": { description: "Rate limited" },
  };
  const busy = {
    "409": { description: "Another message of this conversation is still being answered (retry after the reply)" },
    "503": { description: "This instance is shutting down (Retry-After: 1); retry reaches another instance" },
  };
  const chatResponse = {
    "200": {
      description:
        "The reply (JSON), or a text/event-stream of session (new sessions only), intent, tool, token, citations, confirmation, done and error events",
      content: { "application/json": { schema: { $ref: "#/components/schemas/ChatResponse" } } },
    },
    ...errors,
    ...busy,
  };
  const sessionId = { name: "id", in: "path", required: true, schema: { type: "string" } };
  const analyticsRange = ["from", "to"].map((name) => ({
    name,
    in: "query",
    description: `${name === "from" ? "First" : "Last"} day of the window (YYYY-MM-DD, UTC, inclusive)`,
    schema: { type: "string", format: "date" },
  }));
  const notFound = {
    "404": {
      description: "No such conversation, or not yours (missing or wrong X-Session-Key): the two look the same",
    },
  };
  return {
    openapi: "3.0.3",
    info: {
      title: "Harbor Bank assistant API",
      version: "1.0.0",
      description: "Chat with the bank's assistant. Send `Accept: text/event-stream` to stream the reply.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        sessionKey: {
          type: "apiKey",
          in: "header",
          name: "X-Session-Key",
          description:
            "Anonymous visitors: the sessionKey returned by the first turn of the conversation (JSON reply, `session` and `done` events), sent on every later call for it.",
        },
        streamTicket: {
          type: "apiKey",
          in: "query",
          name: "ticket",
          description: "A single-use ticket from POST /v1/sessions/{id}/stream-ticket (60 s).",
        },
      },
      schemas: {
        ChatRequest: schema(createChatRequestSchema(maxMessageChars)),
        ConfirmRequest: schema(ConfirmRequestSchema),
        ChatResponse: schema(ChatResponseSchema),
        StreamTicket: schema(StreamTicketSchema),
        AssistRequest: schema(AssistRequestSchema),
        AgentAssist: schema(AgentAssistSchema),
        Analytics: schema(AnalyticsSchema),
        FeedbackRequest: schema(FeedbackRequestSchema),
        InsightTopic: schema(InsightTopicSchema),
        AcceptTopicRequest: schema(AcceptTopicBodySchema),
        KnowledgeGapRequest: schema(KnowledgeGapBodySchema),
        KnowledgeTask: schema(KnowledgeTaskSchema),
        Error: ERROR,
      },
    },
    security: [{}, { bearer: [] }, { sessionKey: [] }],
    paths: {
      "/v1/chat": {
        post: {
          summary: "Send a message",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ChatRequest" } } },
          },
          responses: chatResponse,
        },
      },
      "/v1/chat/confirm": {
        post: {
          summary: "Approve or reject a pending action",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ConfirmRequest" } } },
          },
          responses: {
            ...chatResponse,
            ...notFound,
            "409": {
              description:
                "No such pending action, or its first decision failed or is still running. A repeated decision is not an error: it returns the first decision's reply with replayed: true, and nothing runs twice",
            },
          },
        },
      },
      "/v1/sessions/{id}": {
        get: {
          summary: "A conversation's history (its owner, or staff)",
          parameters: [sessionId],
          responses: { "200": { description: "History" }, ...notFound },
        },
      },
      "/v1/sessions/{id}/stream-ticket": {
        post: {
          summary:
            "A single-use, 60-second ticket that opens this conversation's live events (EventSource cannot send headers; never put a bearer token in a URL)",
          parameters: [sessionId],
          responses: {
            "200": {
              description: "The ticket",
              content: { "application/json": { schema: { $ref: "#/components/schemas/StreamTicket" } } },
            },
            ...notFound,
            "429": { description: "Too many unused tickets, or rate limited" },
          },
        },
      },
      "/v1/sessions/{id}/events": {
        get: {
          summary: "Live events of a conversation (SSE): staff messages and handoff status",
          security: [{ streamTicket: [] }],
          parameters: [
            sessionId,
            {
              name: "ticket",
              in: "query",
              required: true,
              schema: { type: "string" },
              description: "From POST /v1/sessions/{id}/stream-ticket; good once, for this session only.",
            },
            {
              name: "after",
              in: "query",
              schema: { type: "integer", minimum: 0 },
              description: "Also deliver staff messages after this message id (reconnecting clients).",
            },
            {
              name: "Last-Event-ID",
              in: "header",
              schema: { type: "string", pattern: "^[0-9]{1,16}$" },
              description:
                "Resume after this event id (each message event carries its message id), on any instance; the larger of this and `after` wins.",
            },
          ],
          responses: {
            "200": { description: "text/event-stream of message and handoff events" },
            "400": { description: "A bearer token in the URL (access_token) is refused, or a malformed Last-Event-ID" },
            "401": { description: "Missing, unknown, used, expired or other-session ticket" },
            "404": { description: "No such conversation" },
            "429": { description: "Too many concurrent streams for this identity, address or process" },
          },
        },
      },
      "/v1/feedback": {
        post: {
          summary:
            "Rate one bot reply (thumbs up or down, by its traceId) or the whole conversation (CSAT 1–5), with an optional comment that is PII-redacted before it is stored. Only the conversation's owner; a second rating of the same reply, or a second CSAT, replaces the first",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/FeedbackRequest" } } },
          },
          responses: {
            "201": { description: "Recorded" },
            ...errors,
            "404": {
              description:
                "No such conversation or reply, or not yours (another customer, a missing or wrong X-Session-Key, or a staff token): they look the same",
            },
          },
        },
      },
      "/v1/staff/assist": {
        post: {
          summary:
            "Staff only: agent assist for a conversation being taken over: a summary, two or three suggested replies (checked by the output rails, with citations) and the next tool call already filled in",
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/AssistRequest" } } },
          },
          responses: {
            "200": {
              description: "Agent assist, written in the conversation's language",
              content: { "application/json": { schema: { $ref: "#/components/schemas/AgentAssist" } } },
            },
            ...errors,
            "403": { description: "Not a staff token" },
            "404": { description: "No such conversation" },
          },
        },
      },
      "/v1/staff/analytics": {
        get: {
          summary:
            "Staff only: conversation series by day and by hour split by language, knowledge health and model monitoring",
          security: [{ bearer: [] }],
          parameters: analyticsRange,
          responses: {
            "200": {
              description: "The dashboard for the window (default: the last 30 days; at most 366)",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Analytics" } } },
            },
            ...errors,
            "403": { description: "Not a staff token" },
          },
        },
      },
      "/v1/staff/analytics.csv": {
        get: {
          summary: "Staff only: one analytics series as a CSV download",
          security: [{ bearer: [] }],
          parameters: [...analyticsRange, { name: "series", in: "query", schema: schema(AnalyticsSeriesSchema) }],
          responses: {
            "200": {
              description: "RFC 4180 CSV with a Content-Disposition attachment name",
              content: { "text/csv": {} },
            },
            ...errors,
            "403": { description: "Not a staff token" },
          },
        },
      },
      "/v1/staff/insights": {
        get: {
          summary:
            "Staff only: topics of the messages the bot handled badly (clustered without labels, per language), with trend, redacted examples and a suggestion",
          security: [{ bearer: [] }],
          responses: {
            "200": {
              description:
                "{ generatedAt?, topics: InsightTopic[], intents: string[] } (the intents utterances may go to)",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      generatedAt: { type: "string" },
                      topics: { type: "array", items: { $ref: "#/components/schemas/InsightTopic" } },
                      intents: { type: "array", items: { type: "string" } },
                    },
                    required: ["topics", "intents"],
                  },
                },
              },
            },
            ...errors,
            "403": { description: "Not a staff token" },
          },
        },
      },
      "/v1/staff/insights/refresh": {
        post: {
          summary: "Staff only: re-cluster the badly handled messages now",
          security: [{ bearer: [] }],
          responses: {
            "200": { description: "{ topics, turns, generatedAt }" },
            ...errors,
            "403": { description: "Not a staff token" },
          },
        },
      },
      "/v1/staff/insights/{id}/accept": {
        post: {
          summary:
            "Staff only: accept a topic's utterances (or the chosen ones) into an intent of data/intents, as a new version of the review queue",
          security: [{ bearer: [] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/AcceptTopicRequest" } } },
          },
          responses: {
            "200": { description: "{ version, utterances } as stored" },
            ...errors,
            "403": { description: "Not a staff token" },
            "404": { description: "No such topic" },
          },
        },
      },
      "/v1/staff/insights/{id}/gap": {
        post: {
          summary: "Staff only: mark a topic as a knowledge gap, creating a draft document task",
          security: [{ bearer: [] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/KnowledgeGapRequest" } } },
          },
          responses: {
            "201": {
              description: "The task",
              content: { "application/json": { schema: { $ref: "#/components/schemas/KnowledgeTask" } } },
            },
            ...errors,
            "403": { description: "Not a staff token" },
            "404": { description: "No such topic" },
          },
        },
      },
      "/v1/staff/knowledge/tasks": {
        get: {
          summary: "Staff only: knowledge-gap draft tasks, newest first",
          security: [{ bearer: [] }],
          parameters: [{ name: "status", in: "query", schema: { type: "string", enum: ["open", "done"] } }],
          responses: {
            "200": {
              description: "{ tasks: KnowledgeTask[] }",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { tasks: { type: "array", items: { $ref: "#/components/schemas/KnowledgeTask" } } },
                  },
                },
              },
            },
            ...errors,
            "403": { description: "Not a staff token" },
          },
        },
      },
      "/v1/knowledge/search": {
        get: {
          summary: "Search the knowledge base",
          parameters: [
            { name: "q", in: "query", required: true, schema: { type: "string" } },
            { name: "k", in: "query", schema: { type: "integer" } },
            { name: "locale", in: "query", schema: { type: "string", enum: ["en", "zh-CN"] } },
          ],
          responses: { "200": { description: "Hits" }, ...errors },
        },
      },
      "/healthz": { get: { summary: "Liveness and versions", responses: { "200": { description: "OK" } } } },
      "/readyz": {
        get: {
          summary: "Readiness: database, Redis and knowledge index answer, and the instance is not draining",
          responses: { "200": { description: "Ready" }, "503": { description: "Not ready, with each failing check" } },
        },
      },
      "/metrics": {
        get: {
          summary: "Prometheus metrics (loopback callers, or X-Admin-Token)",
          responses: { "200": { description: "text/plain; version=0.0.4" }, "403": { description: "Not allowed" } },
        },
      },
    },
  };
}
