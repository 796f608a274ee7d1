import { describe, expect, it } from "vitest";
import { ANSWER_FEATURES } from "./answer-features.js";
import { fitAnswerWeights, isInformative, type TrainingGroup } from "./train-answer-ranker.js";

const at = (name: (typeof ANSWER_FEATURES)[number]): number => ANSWER_FEATURES.indexOf(name);

// Candidates that state the asked kind of fact answer; candidates that only share words do not.
function group(id: string, size: number): TrainingGroup {
  const rows = Array.from({ length: size }, (_, i) => {
    const row = ANSWER_FEATURES.map(() => 0);
    row[at("overlap")] = ((i * 7) % size) / size;
    if (i === 0) row[at("typeMatch")] = 1;
    return row;
  });
  return { id, rows, positive: rows.map((_, i) => i === 0) };
}

describe("fitting the answer ranker", () => {
  it("learns to weigh the feature that marks the answers", () => {
    const w = fitAnswerWeights([group("a", 6), group("b", 9), group("c", 4)]);
    expect(w[at("typeMatch")]).toBeGreaterThan(1);
    expect(w[at("typeMatch")]).toBeGreaterThan(Math.abs(w[at("overlap")] ?? 0));
  });

  it("gives the same weights for the same data", () => {
    const groups = [group("a", 6), group("b", 9)];
    expect(fitAnswerWeights(groups)).toEqual(fitAnswerWeights(groups));
  });

  it("ignores questions with no answering candidate or nothing but answers", () => {
    const none: TrainingGroup = { id: "x", rows: [ANSWER_FEATURES.map(() => 1)], positive: [false] };
    const all: TrainingGroup = { id: "y", rows: [ANSWER_FEATURES.map(() => 1)], positive: [true] };
    expect(isInformative(none) || isInformative(all)).toBe(false);
    expect(fitAnswerWeights([none, all]).every((x) => x === 0)).toBe(true);
  });
});
