// AES-256-GCM for secrets at rest (the Invoice Cloud API key). Keys come from the environment
// as a ring, "newId:base64,oldId:base64": the first encrypts, all of them decrypt, so a key can
// be rotated without downtime (docs/operations.md). The ciphertext names its key and is bound
// to its owner (additional authenticated data), so it cannot be moved to another biller.
import crypto from "node:crypto";

export type KeyRing = { current: { id: string; key: Buffer }; byId: Map<string, Buffer> };

export class DecryptionError extends Error {}

// GCM accepts tags as short as 4 bytes unless told the length: a truncated tag would still
// verify, with far weaker integrity. We write 16-byte tags and accept nothing shorter.
const AUTH_TAG_LENGTH = 16;

export function parseKeyRing(spec: string): KeyRing {
  const entries = spec.split(",").map((part) => {
    const [id, b64] = part.trim().split(":");
    const key = Buffer.from(b64 ?? "", "base64");
    if (!id || key.length !== 32) throw new Error("Each encryption key must be keyId:base64 of 32 bytes");
    return [id, key] as const;
  });
  const first = entries[0];
  if (!first) throw new Error("No encryption key given");
  return { current: { id: first[0], key: first[1] }, byId: new Map(entries) };
}

const b64 = (buf: Buffer) => buf.toString("base64url");

export function encryptSecret(plaintext: string, opts: { keyRing: KeyRing; owner: string }): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", opts.keyRing.current.key, iv, { authTagLength: AUTH_TAG_LENGTH });
  cipher.setAAD(Buffer.from(opts.owner, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", opts.keyRing.current.id, b64(iv), b64(cipher.getAuthTag()), b64(data)].join(":");
}

export function decryptSecret(ciphertext: string, opts: { keyRing: KeyRing; owner: string }): string {
  const [version, keyId, iv, tag, data] = ciphertext.split(":");
  if (version !== "v1" || !keyId || !iv || !tag || data === undefined) {
    throw new DecryptionError("The stored secret is not in a known format");
  }
  const key = opts.keyRing.byId.get(keyId);
  if (!key) throw new DecryptionError(`The stored secret was encrypted with key "${keyId}", which is not configured`);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: AUTH_TAG_LENGTH });
    decipher.setAAD(Buffer.from(opts.owner, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url")); // throws unless 16 bytes
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("The stored secret failed its integrity check");
  }
}

/** True when the ciphertext was made with an older key and should be re-encrypted. */
export function needsReencryption(ciphertext: string, keyRing: KeyRing): boolean {
  return ciphertext.split(":")[1] !== keyRing.current.id;
}

export function generateKeySpec(id: string): string {
  return `${id}:${crypto.randomBytes(32).toString("base64")}`;
}
