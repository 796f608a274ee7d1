// Turns one Markdown file with YAML front-matter into a validated document, or says exactly what is wrong.
import { parse as parseYaml } from "yaml";
import { sha256 } from "../shared/hash.js";
import { err, ok, type Result } from "../shared/result.js";
import { KnowledgeFrontMatterSchema, type KnowledgeDocument } from "./knowledge-schemas.js";

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses a knowledge file; the error names the field and problem (the caller adds the path). */
export function parseKnowledgeDocument(markdown: string, path: string): Result<KnowledgeDocument> {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return err("missing YAML front-matter (the file must start with a --- block)");
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "", { schema: "core" });
  } catch (e) {
    return err(`front-matter is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return err("front-matter must be a YAML mapping");
  const parsed = KnowledgeFrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const field = i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : "(front-matter)");
      return `field "${field}": ${i.message}`;
    });
    return err(problems.join("; "));
  }
  const body = markdown.slice(match[0].length);
  if (body.trim().length === 0) return err("the document body is empty");
  return ok({ meta: parsed.data, body, markdown, path, hash: sha256(markdown) });
}
