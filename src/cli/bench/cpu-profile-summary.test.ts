import { describe, expect, it } from "vitest";
import { ownerOf, totalProfiles, type CpuProfile } from "./cpu-profile-summary.js";

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
  children,
});

// root → handleMessage (our chat service) → stringify (a node internal) ; root → (idle) ; root → (garbage collector)
const profile: CpuProfile = {
  pid: 1,
  startTime: 1_000,
  nodes: [
    frame(1, "(root)", "", [2, 4, 5]),
    frame(2, "handleMessage", "file:///app/dist/agent/chat-service.js", [3]),
    frame(3, "encode", "node:internal/encoding"),
    frame(4, "(idle)", ""),
    frame(5, "(garbage collector)", ""),
  ],
  // Sample timestamps 1100, 1200, …; each stands for the 100 µs until the next.
  samples: [3, 3, 4, 5, 3, 3],
  timeDeltas: [100, 100, 100, 100, 100, 100],
};

describe("cpu profile summary", () => {
  it("charges a generic frame to the first caller up the stack that names a concern", () => {
    const t = totalProfiles([profile], [{ fromUs: 0, toUs: 10_000, turns: 1 }]);
    expect(t.byConcern.get("chat service")).toBeCloseTo(0.3);
    expect(t.byOwner.get("node:internal/encoding")).toBeCloseTo(0.3);
  });

  it("counts only samples inside the measured windows and leaves idle time out", () => {
    const t = totalProfiles([profile], [{ fromUs: 1_150, toUs: 1_450, turns: 2 }]);
    // Samples at 1200 (encode), 1300 (idle) and 1400 (GC): the idle one is not CPU.
    expect(t.sampledMs).toBeCloseTo(0.2);
    expect(t.byConcern.get("GC")).toBeCloseTo(0.1);
    expect(t.byConcern.has("idle")).toBe(false);
    expect(t.turns).toBe(2);
  });

  it("names packages, our own modules and V8 pseudo-frames", () => {
    const own = { functionName: "f", url: "file:///w/dist/knowledge/knowledge-base.js", lineNumber: 0 };
    expect(ownerOf(own)).toBe("knowledge/knowledge-base");
    const pkg = { functionName: "f", url: "file:///w/node_modules/@langchain/core/dist/x.js", lineNumber: 0 };
    expect(ownerOf(pkg)).toBe("@langchain/core");
    expect(ownerOf({ functionName: "(program)", url: "", lineNumber: 0 })).toBe("(program)");
  });
});
