// Seals LangGraph checkpoints at rest: they hold whole tool results (names, cards, transactions), so every blob the
// saver writes is encrypted and authenticated with AES-256-GCM under a key derived from the vault key.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** The serializer contract of `@langchain/langgraph-checkpoint` (SerializerProtocol), which SqliteSaver accepts. */
export interface CheckpointSerializer {
  dumpsTyped(data: unknown): Promise<[string, Uint8Array]>;
  loadsTyped(type: string, data: Uint8Array | string): Promise<unknown>;
}

/** Prefix of the stored `type` of a sealed blob; the rest is the inner serializer's type ("json", "bytes"). */
export const SEALED_TYPE_PREFIX = "sealed-v1:";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Derives the checkpoint key from the vault secret; the HKDF label keeps it distinct from the vault's own keys. */
export function deriveCheckpointKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "harbor-bank", "harbor-checkpoint-seal-v1", 32));
}

/** Seals bytes of a given inner type; the result is base64 text, because the saver reads some blobs back as TEXT. */
export function sealBlob(key: Buffer, innerType: string, plain: Uint8Array): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(innerType, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.from(Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64"), "ascii");
}

/** Opens a sealed blob; throws if it was altered, moved to another type, or sealed under another key. */
export function openBlob(key: Buffer, innerType: string, sealed: Uint8Array | string): Uint8Array {
  const text = typeof sealed === "string" ? sealed : Buffer.from(sealed).toString("ascii");
  const raw = Buffer.from(text, "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("sealed checkpoint blob is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(innerType, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]));
}

/**
 * Wraps the saver's own serializer so that what reaches SQLite is sealed. A blob that is not sealed is refused:
 * legacy plain rows are sealed in place at start-up, so a plain row now means it was written around the service.
 */
export function createSealedSerializer(inner: CheckpointSerializer, key: Buffer): CheckpointSerializer {
  return {
    async dumpsTyped(data) {
      const [type, bytes] = await inner.dumpsTyped(data);
      return [`${SEALED_TYPE_PREFIX}${type}`, sealBlob(key, type, bytes)];
    },
    async loadsTyped(type, data) {
      if (!type.startsWith(SEALED_TYPE_PREFIX))
        throw new Error(`refusing an unsealed checkpoint blob of type "${type}"`);
      const innerType = type.slice(SEALED_TYPE_PREFIX.length);
      return inner.loadsTyped(innerType, openBlob(key, innerType, data));
    },
  };
}
