// Reads whether a link still works, for the page it opens. Reading never spends it, so a mail
// scanner that follows the link leaves it usable; only setting the password does.
import "server-only";
import type { AccountTokenPurpose } from "@prisma/client";
import { db } from "../db";
import { hashAccountToken } from "./account-token";

export async function findUsableAccountToken(opts: {
  token: string;
  purpose: AccountTokenPurpose;
  now?: Date;
}): Promise<{ email: string; name: string } | null> {
  if (!opts.token) return null;
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(opts.token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true, name: true } } },
  });
  const now = opts.now ?? new Date();
  if (!row || row.purpose !== opts.purpose || row.usedAt || row.expiresAt <= now) return null;
  return row.user;
}
