// Revokes one of the biller's own credentials; its token answers 401 from the next request on.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { UserFacingError } from "../errors";

export async function revokeApiCredential(opts: { billerId: string; actorId: string; credentialId: string; now?: Date }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiCredential.updateMany({
      where: { id: opts.credentialId, billerId: opts.billerId, revokedAt: null },
      data: { revokedAt: opts.now ?? new Date(), revokedById: opts.actorId },
    });
    if (count === 0) throw new UserFacingError("admin.credentials.errors.alreadyRevoked");
    await recordAuditEvent(tx, {
      type: "api_credential.revoked",
      billerId: opts.billerId,
      actorId: opts.actorId,
      data: { credentialId: opts.credentialId },
    });
  });
}
