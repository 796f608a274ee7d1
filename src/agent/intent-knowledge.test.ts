import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTENT_DOCUMENTS } from "./intent-knowledge.js";

describe("intent → document map", () => {
  it("names only intents of the catalogue and documents of the knowledge base", () => {
    const intents = new Set(fs.readdirSync("data/intents").map((f) => f.replace(/\.yaml$/, "")));
    const docs = new Set(
      ["en", "zh-CN"].flatMap((l) => fs.readdirSync(path.join("knowledge", l)).map((f) => f.replace(/\.md$/, ""))),
    );
    for (const [intent, ids] of Object.entries(INTENT_DOCUMENTS)) {
      expect(intents.has(intent), intent).toBe(true);
      for (const id of ids) expect(docs.has(id), `${intent} → ${id}`).toBe(true);
    }
  });
});
