import { describe, expect, it } from "vitest";
import { createModelCircuit } from "./model-circuit.js";

describe("model circuit", () => {
  it("opens after three failures in a row, lets one trial through after the cool-down, and closes on success", () => {
    let t = 0;
    const circuit = createModelCircuit({ failureThreshold: 3, coolDownMs: 1000, now: () => t });
    circuit.recordFailure();
    circuit.recordFailure();
    expect(circuit.isOpen()).toBe(false);
    circuit.recordFailure();
    expect(circuit.isOpen()).toBe(true);
    t = 1500;
    expect(circuit.isOpen()).toBe(false);
    expect(circuit.isOpen()).toBe(true);
    circuit.recordSuccess();
    expect(circuit.isOpen()).toBe(false);
  });
});
