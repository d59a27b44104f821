// A biller admin creates a credential for their permit system. The token is returned once, to be
// shown once; the database keeps its hash only. Audited.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { displayPrefix, generateApiToken, hashApiToken } from "./api-token";

export async function createApiCredential(opts: { billerId: string; actorId: string; name: string }) {
  const token = generateApiToken();
  const credential = await db.$transaction(async (tx) => {
    const row = await tx.apiCredential.create({
      data: {
        billerId: opts.billerId,
        name: opts.name,
        tokenHash: hashApiToken(token),
        tokenPrefix: displayPrefix(token),
        createdById: opts.actorId,
      },
      select: { id: true, name: true, tokenPrefix: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      type: "api_credential.created",
      billerId: opts.billerId,
      actorId: opts.actorId,
      data: { credentialId: row.id, name: row.name, tokenPrefix: row.tokenPrefix },
    });
    return row;
  });
  return { credential, token };
}
