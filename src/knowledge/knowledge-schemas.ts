// Zod schemas for knowledge documents (front-matter), their chunks and the search hits served to callers.
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";

const IsoDaySchema = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
);

/** Products a document can belong to; used as a search filter. */
export const KnowledgeProductSchema = z.enum([
  "cards",
  "accounts",
  "payments",
  "loans",
  "credit-cards",
  "mortgages",
  "credit",
  "fraud",
  "security",
  "digital",
  "support",
  "fees",
  "savings",
  "notices",
]);
/** A product area. */
export type KnowledgeProduct = z.infer<typeof KnowledgeProductSchema>;

/** The YAML front-matter every knowledge document must carry. */
export const KnowledgeFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, -)"),
    title: z.string().min(1),
    locale: LocaleSchema,
    product: KnowledgeProductSchema,
    version: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().min(1)),
    effective_from: IsoDaySchema,
    expires: IsoDaySchema.optional(),
    review_by: IsoDaySchema.optional(),
    supersedes: z.string().min(1).optional(),
    counterpart: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .optional()
      .describe("a translation names the English document it mirrors; both must state the same facts"),
  })
  .strict()
  .refine((fm) => fm.expires === undefined || fm.expires > fm.effective_from, {
    message: "must be after effective_from",
    path: ["expires"],
  })
  .refine((fm) => fm.supersedes !== fm.id, { message: "a document cannot supersede itself", path: ["supersedes"] });
/** Parsed front-matter. */
export type KnowledgeFrontMatter = z.infer<typeof KnowledgeFrontMatterSchema>;

/** A whole document: front-matter, the Markdown body and where it came from. */
export const KnowledgeDocumentSchema = z.object({
  meta: KnowledgeFrontMatterSchema,
  body: z.string(),
  markdown: z.string().describe("the full file text, front-matter included"),
  path: z.string().describe("path relative to the knowledge folder"),
  hash: z.string().describe("sha-256 of the full file text"),
});
/** A validated knowledge document. */
export type KnowledgeDocument = z.infer<typeof KnowledgeDocumentSchema>;

/** One retrievable section of a document. */
export const KnowledgeChunkSchema = z.object({
  chunkId: z.string().describe("docId + content hash; stable across runs"),
  docId: z.string(),
  title: z.string(),
  section: z.string(),
  text: z.string(),
});
/** A chunk before it is embedded. */
export type KnowledgeChunk = z.infer<typeof KnowledgeChunkSchema>;

/** What a search hit cites so the answer can link to its source. */
export const KnowledgeCitationSchema = z.object({ docId: z.string(), title: z.string(), version: z.string() });
/** A citation. */
export type KnowledgeCitation = z.infer<typeof KnowledgeCitationSchema>;

/** One search result. */
export const KnowledgeHitSchema = z.object({
  chunkId: z.string(),
  docId: z.string(),
  topic: z.string().describe("the English document this one is or mirrors: one key for both languages"),
  title: z.string(),
  version: z.string(),
  locale: LocaleSchema,
  product: KnowledgeProductSchema,
  section: z.string(),
  text: z.string(),
  score: z.number().describe("ranking score in [0, 1]; higher is better"),
  citation: KnowledgeCitationSchema,
});
/** A search result. */
export type KnowledgeHit = z.infer<typeof KnowledgeHitSchema>;

/** A problem found while loading the knowledge folder: which file and what is wrong. */
export const SkippedFileSchema = z.object({ path: z.string(), problem: z.string() });
/** A skipped file. */
export type SkippedFile = z.infer<typeof SkippedFileSchema>;
