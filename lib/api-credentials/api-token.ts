// API tokens: 256 random bits behind a recognisable prefix. Only the SHA-256 of a token is
// stored; with that much entropy a fast hash is enough (no dictionary to guess from).
import crypto from "node:crypto";

export const API_TOKEN_PREFIX = "ppk_";

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** What a person sees in the list to tell credentials apart: "ppk_AbCd1234…". */
export function displayPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 8);
}
