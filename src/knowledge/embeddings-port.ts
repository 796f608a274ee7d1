// The embeddings port: any provider that turns texts into vectors; the index is tied to the provider's id.

/** A vector as providers return it. */
export type Vector = Float32Array | number[];

/** Turns texts into vectors. `id` is "provider:model:dim" and is recorded in the index manifest. */
export interface Embeddings {
  readonly id: string;
  readonly dim: number;
  embedDocuments(texts: string[]): Promise<Vector[]>;
  embedQuery(text: string): Promise<Vector>;
  /** Providers whose weights depend on corpus statistics fit them at ingest; returns a bound copy and its state. */
  fitCorpus?(texts: string[]): { embeddings: Embeddings; state: unknown };
  /** Restores corpus statistics saved with an index; returns a bound copy. Throws on a corrupt state. */
  restoreCorpus?(state: unknown): Embeddings;
}

/** Converts a provider vector to a plain array, checking its dimension. */
export function toNumberArray(vector: Vector, dim: number): number[] {
  if (vector.length !== dim) throw new Error(`embedding has ${vector.length} dimensions, expected ${dim}`);
  return Array.from(vector);
}
