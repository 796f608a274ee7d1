// Test helpers: copies a fixture knowledge base into a temp folder so a test can edit it freely.
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the fixture knowledge bases. */
export const FIXTURE_KNOWLEDGE = fileURLToPath(new URL("../../test/fixtures/knowledge/", import.meta.url));

/** Copies fixture KBs (merged, in order) into a fresh temp folder; returns the knowledge and index paths. */
export async function makeTempKnowledge(...fixtures: string[]): Promise<{ root: string; knowledgeDir: string; indexRoot: string }> {
  const root = await mkdtemp(join(tmpdir(), "kb-test-"));
  const knowledgeDir = join(root, "knowledge");
  for (const f of fixtures) await cp(join(FIXTURE_KNOWLEDGE, f), knowledgeDir, { recursive: true });
  return { root, knowledgeDir, indexRoot: join(root, "index") };
}
