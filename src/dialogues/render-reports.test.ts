import { describe, expect, it } from "vitest";
import { TurnExpectationSchema } from "./dialogue-schema.js";
import { renderHtmlReport } from "./render-html.js";
import { renderJunit } from "./render-junit.js";
import { renderReplaySummary } from "./render-summary.js";
import { summariseReplay, type DialogueReport } from "./replay-dialogues.js";
import { diffWords } from "./word-diff.js";

const reply = (text: string) => ({
  sessionId: "s1234567",
  reply: { text, citations: [] },
  intent: { name: "card_freeze", route: "cards" as const, confidence: 0.9 },
  toolCalls: [],
  traceId: "t",
});

const REPORTS: DialogueReport[] = [
  {
    id: "freeze-<card>",
    file: "test/dialogues/x.yaml",
    title: "Freeze & check",
    tags: ["cards"],
    locale: "en",
    speaker: "customer:demo1",
    mode: "local",
    sessionIds: ["s1234567"],
    durationMs: 12,
    passed: false,
    turns: [
      {
        index: 0,
        input: "freeze my card",
        expect: TurnExpectationSchema.parse({ handoff: true }),
        recordedReply: "Your card is frozen.",
        runs: [
          {
            observation: { httpStatus: 200, response: reply("Your card is now frozen."), latencyMs: 5 },
            checks: [
              { kind: "structural", name: "handoff", passed: false, expected: "handoff opened", actual: "none" },
            ],
          },
        ],
        passed: false,
      },
      {
        index: 1,
        input: "thanks",
        expect: TurnExpectationSchema.parse({}),
        runs: [
          {
            observation: { httpStatus: 200, response: reply("You're welcome"), latencyMs: 3 },
            checks: [{ kind: "text", name: "text.all", passed: false, expected: 'contains "bye"', actual: "missing" }],
          },
        ],
        passed: true,
        textPassRate: 0,
      },
    ],
  },
];

describe("replay reports", () => {
  it("counts turns passed and failed and the text pass rate", () => {
    expect(summariseReplay(REPORTS)).toEqual({
      dialogues: 1,
      turns: 2,
      passed: 1,
      failed: 1,
      dialoguesFailed: 1,
      textChecked: 1,
      textPassRate: 0,
    });
  });

  it("writes JUnit with one failure per failing turn and escapes names", () => {
    const xml = renderJunit(REPORTS);
    expect(xml).toContain('<testsuites name="dialogues" tests="2" failures="1">');
    expect(xml).toContain('name="freeze-&lt;card&gt;"');
    expect(xml.match(/<failure /g)?.length).toBe(1);
    expect(xml).toContain("handoff: expected handoff opened; got none");
  });

  it("renders HTML with expected and actual side by side and a diff for the failure", () => {
    const html = renderHtmlReport(REPORTS, summariseReplay(REPORTS), {
      generatedAt: "now",
      target: "in-process",
      repeat: 1,
    });
    expect(html).toContain("<h4>Expected</h4>");
    expect(html).toContain("<h4>Actual</h4>");
    expect(html).toContain('<div class="del">- handoff: handoff opened</div><div class="add">+ handoff: none</div>');
    expect(html).toContain('<span class="add">now </span>');
    expect(html).not.toContain("<card>");
  });

  it("prints the failing check and soft text misses in the terminal summary", () => {
    const text = renderReplaySummary(REPORTS, summariseReplay(REPORTS));
    expect(text).toContain("handoff: expected handoff opened; got none");
    expect(text).toContain("text pass rate 0%");
  });
});

describe("diffWords", () => {
  it("marks removed and added words, Chinese characters one by one", () => {
    expect(diffWords("a b c", "a x c")).toEqual([
      { op: "same", text: "a " },
      { op: "del", text: "b" },
      { op: "add", text: "x" },
      { op: "same", text: " c" },
    ]);
    expect(diffWords("冻结卡片", "解冻卡片").filter((p) => p.op !== "same")).toEqual([
      { op: "add", text: "解" },
      { op: "del", text: "结" },
    ]);
  });
});
