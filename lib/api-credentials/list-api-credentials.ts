// The biller's credentials for the admin page: name, prefix, created, last used, revoked. Never a hash.
import "server-only";
import { db } from "../db";

export async function listApiCredentials(opts: { billerId: string }) {
  return db.apiCredential.findMany({
    where: { billerId: opts.billerId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, tokenPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
