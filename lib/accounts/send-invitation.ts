// Invites a user who has no password yet (an applicant whose account a biller's invoice created):
// a 7-day single-use link to "Set your password", emailed. Called after the invoice is committed;
// it never throws, so the invoice stands whatever happens to the email, and the result says why
// nothing was sent. A user who already has a password is not invited again.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { sendMail, type SendMailError } from "../mail/send-mail";
import { ACCOUNT_TOKEN_LIFETIME, accountLink, accountPaths } from "./account-links";
import { issueAccountToken } from "./issue-account-token";
import { absoluteUrl } from "../paths";

export type SendInvitationResult =
  | { ok: true; messageId: string; expiresAt: Date }
  | { ok: false; reason: "no_such_user" | "already_has_password" | "failed" }
  | { ok: false; reason: "mail_not_sent"; error: SendMailError };

export async function sendInvitation({ userId }: { userId: string }): Promise<SendInvitationResult> {
  try {
    const user = await db.user.findUnique({
      where: { id: userId },
      select: {
        email: true,
        name: true,
        passwordHash: true,
        invoices: { orderBy: { createdAt: "desc" }, take: 1, select: { biller: { select: { dbaName: true } } } },
      },
    });
    if (!user) return { ok: false, reason: "no_such_user" };
    if (user.passwordHash) return { ok: false, reason: "already_has_password" };
    const { token, expiresAt } = await issueAccountToken(db, { userId, purpose: "INVITATION" });
    const sent = await sendMail({
      to: user.email,
      template: "invitation",
      props: {
        name: user.name,
        billerName: user.invoices[0]?.biller.dbaName ?? null,
        setPasswordUrl: accountLink(env.PUBLIC_BASE_URL, "INVITATION", token),
        forgotPasswordUrl: absoluteUrl(env.PUBLIC_BASE_URL, accountPaths.forgotPassword),
        validForMs: ACCOUNT_TOKEN_LIFETIME.INVITATION.ms,
      },
    });
    if (!sent.ok) return { ok: false, reason: "mail_not_sent", error: sent.error };
    logger.info({ userId }, "invitation sent");
    return { ok: true, messageId: sent.messageId, expiresAt };
  } catch (e) {
    logger.error({ err: { name: (e as Error)?.name, code: (e as { code?: unknown })?.code }, userId }, "invitation failed");
    return { ok: false, reason: "failed" };
  }
}
