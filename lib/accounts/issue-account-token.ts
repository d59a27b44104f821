// Writes a new single-use link for a user: the row holds the token's hash and its expiry; the
// caller emails the token itself. Earlier unused links stay valid until used or expired; using any
// one of them spends all of that user's links of the same kind (see set-password-with-token.ts).
import "server-only";
import type { AccountTokenPurpose } from "@prisma/client";
import type { Db, Tx } from "../prisma-client";
import { ACCOUNT_TOKEN_LIFETIME } from "./account-links";
import { generateAccountToken } from "./account-token";

export async function issueAccountToken(
  db: Db | Tx,
  opts: { userId: string; purpose: AccountTokenPurpose; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const { token, tokenHash } = generateAccountToken();
  const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME[opts.purpose].ms);
  await db.accountToken.create({ data: { userId: opts.userId, purpose: opts.purpose, tokenHash, expiresAt, createdAt: now } });
  return { token, expiresAt };
}
