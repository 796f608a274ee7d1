// Regression for probe F6: the server's PII redactor used to run over whole serialised log lines, masking the
// digits of numeric fields ("confidence":0.[CARD_1]) and leaving invalid JSON in the log.
import { describe, expect, it } from "vitest";
import { BANK_PUBLIC_NUMBERS } from "../src/agent/bank-public-numbers.js";
import { redactPii } from "../src/shared/pii-vault.js";
import { createJsonLogger } from "../src/shared/logger.js";

const scrub = (text: string): string => redactPii(text, { publicNumbers: BANK_PUBLIC_NUMBERS });

describe("server log redaction", () => {
  it("masks a card in a string field, keeps card-like digits in numbers, and every line parses", () => {
    const lines: string[] = [];
    const logger = createJsonLogger({ level: "debug", scrub, sink: (line) => lines.push(line) });
    logger.info("turn routed", { confidence: 0.4111111111111111, note: "card 4111 1111 1111 1111" });
    logger.debug("scores", { scores: [0.12345678, 0.4111111111111111, 0.07700900123], latencyMs: 4111111111111111 });
    logger.warn("account 12345678 and phone 07700 900123", { sortCode: "12-34-56" });
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const [first, second, third] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first?.["confidence"]).toBe(0.4111111111111111);
    expect(first?.["note"]).not.toContain("4111");
    expect(second?.["scores"]).toEqual([0.12345678, 0.4111111111111111, 0.07700900123]);
    expect(second?.["latencyMs"]).toBe(4111111111111111);
    expect(String(third?.["msg"])).not.toContain("07700");
    expect(lines.join("\n")).not.toContain("4111 1111 1111 1111");
  });
});
