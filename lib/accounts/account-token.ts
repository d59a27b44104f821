// The secret in an emailed account link (invitation or password reset): 256 random bits, sent
// once in the link, stored only as its SHA-256. A database reader cannot turn a stored hash back
// into a working link, and a token this long needs no slow hash.
import crypto from "node:crypto";

export function generateAccountToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashAccountToken(token) };
}

export function hashAccountToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
