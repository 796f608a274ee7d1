// Encryption of the personal data a session's vault holds, so the values at rest in SQLite are unreadable without
// the key, and a keyed fingerprint finds a repeated value without storing it in clear.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

/** Seals and opens vault values. */
export interface VaultCipher {
  seal(value: string): string;
  open(sealed: string): string;
  fingerprint(value: string): string;
}

/** AES-256-GCM with a key derived from the configured secret; a fingerprint is an HMAC under a separate key. */
export function createVaultCipher(secret: string): VaultCipher {
  const encKey = createHash("sha256").update(`harbor-vault-enc:${secret}`).digest();
  const macKey = createHash("sha256").update(`harbor-vault-mac:${secret}`).digest();
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    open(sealed) {
      const raw = Buffer.from(sealed, "base64");
      const decipher = createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    fingerprint: (value) => createHmac("sha256", macKey).update(value).digest("hex"),
  };
}
