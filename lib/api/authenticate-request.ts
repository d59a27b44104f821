// Finds the credential behind `Authorization: Bearer <token>`: by the token's SHA-256, not revoked.
// "Last used" is written at most once a minute per credential, not on every request.
import "server-only";
import { hashApiToken } from "../api-credentials/api-token";
import { db } from "../db";

export type ApiCaller = { credentialId: string; billerId: string };

const LAST_USED_PRECISION_MS = 60_000;

export async function authenticateRequest(req: Request, now = new Date()): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S{10,200})\s*$/i.exec(req.headers.get("authorization") ?? "");
  if (!match) return null;
  const credential = await db.apiCredential.findUnique({
    where: { tokenHash: hashApiToken(match[1]!) },
    select: { id: true, billerId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!credential || credential.revokedAt) return null;
  if (!credential.lastUsedAt || now.getTime() - credential.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.apiCredential.updateMany({
      where: { id: credential.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { credentialId: credential.id, billerId: credential.billerId };
}
