// The OpenAPI document, generated from the same zod schemas that validate the requests.
import { zodToJsonSchema } from "zod-to-json-schema";
import { ChatResponseSchema, ConfirmRequestSchema, createChatRequestSchema } from "../agent/chat-schemas.js";

const ERROR = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" }, details: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } } },
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
  const errors = { "400": { description: "Invalid request", content: { "application/json": { schema: ERROR } } }, "401": { description: "Bad token" }, "429": { description: "Rate limited" } };
  const chatResponse = { "200": { description: "The reply (JSON), or a text/event-stream of intent, tool, token, citations, confirmation, done and error events", content: { "application/json": { schema: { $ref: "#/components/schemas/ChatResponse" } } } }, ...errors };
  return {
    openapi: "3.0.3",
    info: { title: "Harbor Bank assistant API", version: "1.0.0", description: "Chat with the bank's assistant. Send `Accept: text/event-stream` to stream the reply." },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { ChatRequest: schema(createChatRequestSchema(maxMessageChars)), ConfirmRequest: schema(ConfirmRequestSchema), ChatResponse: schema(ChatResponseSchema), Error: ERROR },
    },
    security: [{}, { bearer: [] }],
    paths: {
      "/v1/chat": { post: { summary: "Send a message", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ChatRequest" } } } }, responses: chatResponse } },
      "/v1/chat/confirm": { post: { summary: "Approve or reject a pending action", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ConfirmRequest" } } } }, responses: { ...chatResponse, "409": { description: "No such pending action" } } } },
      "/v1/sessions/{id}": { get: { summary: "A conversation's history (owner or staff)", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "History" }, "404": { description: "Not found" } } } },
      "/v1/sessions/{id}/events": { get: { summary: "Live events of a conversation (SSE)", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { name: "access_token", in: "query", schema: { type: "string" } }], responses: { "200": { description: "text/event-stream" } } } },
      "/v1/knowledge/search": { get: { summary: "Search the knowledge base", parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }, { name: "k", in: "query", schema: { type: "integer" } }, { name: "locale", in: "query", schema: { type: "string", enum: ["en", "zh-CN"] } }], responses: { "200": { description: "Hits" }, ...errors } } },
      "/healthz": { get: { summary: "Liveness and versions", responses: { "200": { description: "OK" } } } },
    },
  };
}
