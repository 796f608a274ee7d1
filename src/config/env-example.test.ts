import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema } from "./config-schema.js";
import { loadConfig } from "./load-config.js";

function exampleKeys(): string[] {
  return fs
    .readFileSync(".env.example", "utf8")
    .split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => l.split("=")[0] as string);
}

describe(".env.example", () => {
  it("lists exactly the variables of the config schema", () => {
    expect(exampleKeys().sort()).toEqual(Object.keys(EnvSchema.shape).sort());
  });

  it("is itself a valid configuration", () => {
    const env = Object.fromEntries(
      fs
        .readFileSync(".env.example", "utf8")
        .split("\n")
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.split("=")[0], l.slice(l.indexOf("=") + 1)]),
    );
    expect(() => loadConfig(env)).not.toThrow();
  });

  it("is documented row by row in the README configuration table", () => {
    const readme = fs.existsSync("README.md") ? fs.readFileSync("README.md", "utf8") : "";
    for (const key of exampleKeys()) expect(readme, `README is missing ${key}`).toContain(`\`${key}\``);
  });
});
