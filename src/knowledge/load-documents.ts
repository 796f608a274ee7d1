// Reads every Markdown file under the knowledge folder, keeping the valid ones and reporting the rest.
import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import type { KnowledgeDocument, SkippedFile } from "./knowledge-schemas.js";
import { parseKnowledgeDocument } from "./parse-document.js";

/** Valid documents plus every skipped file with its problem. */
export interface LoadedKnowledge {
  documents: KnowledgeDocument[];
  skipped: SkippedFile[];
}

async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name.toLowerCase() !== "readme.md")
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Loads and validates the knowledge folder; a bad file is skipped with its path and the exact problem. */
export async function loadKnowledgeDocuments(knowledgeDir: string): Promise<LoadedKnowledge> {
  const files = await listMarkdown(knowledgeDir);
  const documents: KnowledgeDocument[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = relative(knowledgeDir, file).split(sep).join("/");
    const parsed = parseKnowledgeDocument(await readFile(file, "utf8"), path);
    if (!parsed.ok) {
      skipped.push({ path, problem: parsed.error });
      continue;
    }
    const doc = parsed.value;
    const stem = basename(file, ".md");
    const folder = path.includes("/") ? path.split("/")[0] : undefined;
    if (stem !== doc.meta.id) {
      skipped.push({ path, problem: `field "id": "${doc.meta.id}" must equal the file name "${stem}"` });
    } else if (folder !== undefined && folder !== doc.meta.locale && (folder === "en" || folder === "zh-CN")) {
      skipped.push({ path, problem: `field "locale": "${doc.meta.locale}" does not match the folder "${folder}"` });
    } else if (seen.has(doc.meta.id)) {
      skipped.push({ path, problem: `field "id": "${doc.meta.id}" is already used by ${seen.get(doc.meta.id)}` });
    } else {
      seen.set(doc.meta.id, path);
      documents.push(doc);
    }
  }
  return { documents, skipped };
}
