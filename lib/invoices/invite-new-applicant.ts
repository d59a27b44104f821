// Invites an applicant that an invoice created (no password yet), after the invoice's transaction
// has committed. sendInvitation never throws; a mail that could not be sent is logged here and
// never fails the request: the invoice exists either way, and "Forgot your password?" also works.
import "server-only";
import { sendInvitation } from "../accounts/send-invitation";
import { logger } from "../logger";

export async function inviteNewApplicant(opts: { userId: string }): Promise<void> {
  const result = await sendInvitation({ userId: opts.userId });
  if (!result.ok) logger.warn({ userId: opts.userId, reason: result.reason }, "invitation not sent for a new applicant");
}
