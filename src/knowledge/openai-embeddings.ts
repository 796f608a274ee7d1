// Optional embeddings from any OpenAI-compatible server, through LangChain's OpenAIEmbeddings.
import { OpenAIEmbeddings } from "@langchain/openai";
import type { Embeddings } from "./embeddings-port.js";

/** Options of the OpenAI provider; `dimensions` is sent only when set (not every compatible server supports it). */
export interface OpenAIEmbeddingsOptions {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  /** Vector size the model returns (default 1536, text-embedding-3-small). */
  dim?: number;
  /** Ask the server to shorten vectors to this size (text-embedding-3 models). */
  dimensions?: number;
  timeoutMs?: number;
}

/** Wraps OpenAIEmbeddings behind our port; nothing is sent until a text is embedded. */
export function createOpenAIEmbeddings(options: OpenAIEmbeddingsOptions): Embeddings {
  const dim = options.dimensions ?? options.dim ?? 1536;
  const client = new OpenAIEmbeddings({
    model: options.model,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.dimensions !== undefined ? { dimensions: options.dimensions } : {}),
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    ...(options.baseUrl !== undefined ? { configuration: { baseURL: options.baseUrl } } : {}),
  });
  return {
    id: `openai:${options.model}:${dim}`,
    dim,
    embedDocuments: (texts) => client.embedDocuments(texts),
    embedQuery: (text) => client.embedQuery(text),
  };
}
