// Whether a signed-in session still stands: its user exists and has not changed password since
// signing in. Called by the JWT callback on every session read, so it is one primary-key read of
// one column.
import "server-only";
import { db } from "../db";

export async function isSessionCurrent({ userId, signedInAtMs }: { userId: string; signedInAtMs: number }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordChangedAt: true } });
  if (!user) return false;
  return user.passwordChangedAt === null || user.passwordChangedAt.getTime() < signedInAtMs;
}
