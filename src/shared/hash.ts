// Content hashes for stable ids, artefact provenance and training-data fingerprints.
import { createHash } from "node:crypto";

/** Hex SHA-256 of a string or buffer. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** An incremental SHA-256 for hashing data streamed row by row. */
export function createStreamingHash(): { update(data: string): void; digest(): string } {
  const h = createHash("sha256");
  return { update: (data) => void h.update(data), digest: () => h.digest("hex") };
}
