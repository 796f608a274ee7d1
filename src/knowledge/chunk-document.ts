// Splits a document into retrievable chunks along its `##` headings; long sections are split further by the
// LangChain markdown splitter. Each chunk keeps its document id, title and section heading.
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { sha256 } from "../shared/hash.js";
import type { KnowledgeChunk, KnowledgeDocument } from "./knowledge-schemas.js";

/** Chunk size limits, in characters. */
export interface ChunkOptions {
  maxChars?: number;
  overlapChars?: number;
}

interface Section {
  heading: string;
  text: string;
}

/** Reads an ATX heading ("## Fees ##") of level 1–3: its level and text, or undefined. A scanner, not a regex whose
 * lazy text and optional closing hashes backtrack against each other. */
function readHeading(line: string): { level: number; text: string } | undefined {
  let level = 0;
  while (line.charAt(level) === "#") level++;
  if (level < 1 || level > 3 || !/\s/.test(line.charAt(level))) return undefined;
  // At least one character after the space that follows the hashes, as `#{1,3}\s+.+` requires.
  if (line.length < level + 2) return undefined;
  const rest = line.slice(level).trim();
  let end = rest.length;
  while (end > 1 && rest.charAt(end - 1) === "#") end--;
  return { level, text: rest.slice(0, end).trim() };
}

function splitSections(body: string, title: string): Section[] {
  const sections: Section[] = [];
  let heading = title;
  let lines: string[] = [];
  const flush = (): void => {
    const text = lines.join("\n").trim();
    if (text.length > 0) sections.push({ heading, text });
    lines = [];
  };
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const h = inFence ? undefined : readHeading(line);
    if (h && h.level === 1) continue; // the `# Title` line repeats the front-matter title
    if (h) {
      flush();
      heading = h.text;
      continue;
    }
    lines.push(line);
  }
  flush();
  return sections;
}

/** The stable chunk id: the document id plus a hash of everything that is embedded. */
export function toChunkId(docId: string, title: string, section: string, text: string): string {
  return `${docId}#${sha256(`${title}\n${section}\n${text}`).slice(0, 16)}`;
}

/** The text given to the embedder: title and heading carry the subject of short sections. */
export function toEmbeddingText(chunk: Pick<KnowledgeChunk, "title" | "section" | "text">): string {
  return chunk.section === chunk.title ? `${chunk.title}\n${chunk.text}` : `${chunk.title}\n${chunk.section}\n${chunk.text}`;
}

/** Chunks one document; the same content always yields the same chunk ids. */
export async function chunkDocument(doc: KnowledgeDocument, options: ChunkOptions = {}): Promise<KnowledgeChunk[]> {
  const maxChars = options.maxChars ?? (doc.meta.locale === "zh-CN" ? 600 : 1400);
  const splitter = RecursiveCharacterTextSplitter.fromLanguage("markdown", {
    chunkSize: maxChars,
    chunkOverlap: options.overlapChars ?? Math.floor(maxChars / 8),
  });
  const chunks: KnowledgeChunk[] = [];
  const seen = new Set<string>();
  for (const section of splitSections(doc.body, doc.meta.title)) {
    const pieces = section.text.length <= maxChars ? [section.text] : await splitter.splitText(section.text);
    for (const piece of pieces) {
      const text = piece.trim();
      if (text.length === 0) continue;
      const chunkId = toChunkId(doc.meta.id, doc.meta.title, section.heading, text);
      if (seen.has(chunkId)) continue;
      seen.add(chunkId);
      chunks.push({ chunkId, docId: doc.meta.id, title: doc.meta.title, section: section.heading, text });
    }
  }
  return chunks;
}
