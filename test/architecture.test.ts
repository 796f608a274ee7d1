// Guards the one-directional import graph: server → agent → (conversations | knowledge | router | bank) → scoring → shared.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel.length === 1) return rel[0] === "app.ts" || rel[0] === "main.ts" ? "root" : "other";
  return rel[0] === "scoring" ? "scoring" : (rel[0] as string);
}

// Which layers each layer may import from (besides itself).
const ALLOWED: Record<string, string[]> = {
  shared: [],
  config: ["shared"],
  auth: ["shared"],
  scoring: ["shared"],
  knowledge: ["shared"],
  router: ["shared"],
  bank: ["scoring", "shared"],
  conversations: ["auth", "shared"],
  agent: ["conversations", "knowledge", "router", "bank", "scoring", "auth", "shared"],
  server: ["agent", "conversations", "auth", "shared"],
  dialogues: ["agent", "conversations", "auth", "shared", "config", "router"],
  widget: ["shared"],
  "console-ui": ["shared", "widget"],
  cli: ["*"],
  root: ["*"],
};

describe("import graph", () => {
  // Test code (tests and their helpers) may read the environment for the services it runs against.
  const files = sourceFiles(SRC).filter((f) => !f.endsWith(".test.ts") && !f.endsWith(".test-helpers.ts"));
  it("only imports along the allowed directions", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      const allowed = ALLOWED[from];
      if (!allowed || allowed.includes("*")) continue;
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
        const target = path.resolve(path.dirname(file), m[1] as string);
        const to = layerOf(target);
        if (to !== from && !allowed.includes(to))
          violations.push(`${path.relative(SRC, file)} (${from}) imports ${m[1]} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("keeps better-sqlite3 and hnswlib-node behind one file each", () => {
    const users = (pkg: string) =>
      files
        .filter((f) => new RegExp(`from "${pkg}"`).test(fs.readFileSync(f, "utf8")))
        .map((f) => path.relative(SRC, f));
    expect(users("better-sqlite3")).toEqual(["shared/sqlite-database.ts"]);
    expect(users("hnswlib-node")).toHaveLength(1);
  });

  it("reads process.env only in the config module and entry points", () => {
    const readers = files
      .filter((f) => /process\.env/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(SRC, f));
    expect(readers.filter((f) => !f.startsWith("config/") && !f.startsWith("cli/") && f !== "main.ts")).toEqual([]);
  });
});
