// Sets a password from an emailed link (an invitation or a reset) and spends the link. Two tabs
// or a double click cannot both use one link: the conditional update that marks it used is the
// lock, and only its winner writes the password. Setting a password spends every other open link
// of that user, records passwordChangedAt (which signs out every session from before it, see
// lib/auth/options.ts), and clears the account's failed sign-in count.
import "server-only";
import type { AccountTokenPurpose } from "@prisma/client";
import bcrypt from "bcryptjs";
import { PASSWORD_HASH_COST } from "../auth/options";
import { signInThrottle } from "../auth/sign-in-throttle";
import { db } from "../db";
import { logger } from "../logger";
import { hashAccountToken } from "./account-token";

export type SetPasswordResult = { ok: true; userId: string; email: string } | { ok: false; reason: "link_not_usable" };

export async function setPasswordWithToken(opts: {
  token: string;
  purpose: AccountTokenPurpose;
  /** Already checked against passwordSchema by the caller. */
  password: string;
}): Promise<SetPasswordResult> {
  const notUsable = { ok: false, reason: "link_not_usable" } as const;
  // A cheap read first, so that a wrong or spent link costs no bcrypt work.
  const candidate = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(opts.token) },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!candidate || candidate.purpose !== opts.purpose || candidate.usedAt || candidate.expiresAt <= new Date()) return notUsable;

  const passwordHash = await bcrypt.hash(opts.password, PASSWORD_HASH_COST);
  const result = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.accountToken.updateMany({
      where: { id: candidate.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) return notUsable; // another request spent it first, or it expired meanwhile
    await tx.user.update({ where: { id: candidate.userId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.accountToken.updateMany({ where: { userId: candidate.userId, usedAt: null }, data: { usedAt: now } });
    return { ok: true, userId: candidate.userId, email: candidate.user.email } as const;
  });
  if (result.ok) {
    logger.info({ userId: result.userId, purpose: opts.purpose }, "password set from an emailed link");
    // Proving control of the mailbox earns a fresh count of sign-in tries for this account.
    await signInThrottle
      .recordSuccess({ email: result.email, ip: "" })
      .catch((e: unknown) => logger.warn({ err: e }, "could not clear sign-in count"));
  }
  return result;
}
