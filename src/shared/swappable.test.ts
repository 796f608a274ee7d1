import { describe, expect, it } from "vitest";
import { createSwappable } from "./swappable.js";

describe("createSwappable", () => {
  it("serves the new value after a swap while a reader that already took the old one keeps it", () => {
    const ref = createSwappable({ name: "champion-1" }, "v1");
    const taken = ref.get();
    ref.set({ name: "champion-2" }, "v2");
    expect(taken.name).toBe("champion-1");
    expect(ref.get().name).toBe("champion-2");
    expect(ref.version).toBe("v2");
    expect(ref.swaps).toBe(1);
  });
});
