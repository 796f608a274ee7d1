import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createKnowledgeRoutes, type KnowledgeRoutesPort } from "./knowledge-routes.js";

describe("GET /v1/knowledge/search", () => {
  it("redacts personal data in the query before it is searched, embedded or echoed", async () => {
    const searched: string[] = [];
    const knowledge: KnowledgeRoutesPort = {
      search: async (query) => {
        searched.push(query);
        return [];
      },
      getDocument: () => undefined,
      reload: async () => ({ version: "v1", changed: false }),
    };
    const app = express().use(createKnowledgeRoutes({ knowledge }));
    const res = await request(app)
      .get("/v1/knowledge/search")
      .query({ q: "lost card 4111 1111 1111 1111 12/27, call 0800 123 4567" });
    expect(res.status).toBe(200);
    expect(searched).toEqual(["lost card [CARD_1] [CARD_EXPIRY_1], call 0800 123 4567"]);
    expect(res.body.query).toBe(searched[0]);
  });
});
