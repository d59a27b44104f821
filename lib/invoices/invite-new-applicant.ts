// Invites an applicant that an invoice created (no password yet), after the invoice's transaction
// has committed. A mail failure is logged and swallowed: the invoice exists either way, and the
// applicant can be invited again.
import "server-only";
import { logger } from "../logger";

export async function inviteNewApplicant(opts: { userId: string }): Promise<void> {
  try {
    // Wired to lib/accounts/send-invitation.ts once invitations land.
    logger.info({ userId: opts.userId }, "new applicant created by an invoice");
  } catch (error) {
    logger.error({ err: { name: (error as Error).name }, userId: opts.userId }, "invitation failed");
  }
}
