// "Forgot your password?": when the email belongs to an account, a 1-hour single-use link to
// "Reset your password", emailed. The caller shows the same answer whatever the outcome, so that
// the page never tells whether an email has an account; the outcome is for logs and tests.
// An invited user who never set a password can use it too (their invitation may have expired).
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { sendMail } from "../mail/send-mail";
import { ACCOUNT_TOKEN_LIFETIME, accountLink } from "./account-links";
import { issueAccountToken } from "./issue-account-token";

export async function requestPasswordReset({ email }: { email: string }): Promise<{ outcome: "sent" | "no_account" | "mail_not_sent" }> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!user) return { outcome: "no_account" };
  const { token } = await issueAccountToken(db, { userId: user.id, purpose: "PASSWORD_RESET" });
  const sent = await sendMail({
    to: user.email,
    template: "passwordReset",
    props: {
      email: user.email,
      resetPasswordUrl: accountLink(env.PUBLIC_BASE_URL, "PASSWORD_RESET", token),
      validForMs: ACCOUNT_TOKEN_LIFETIME.PASSWORD_RESET.ms,
    },
  });
  logger.info({ userId: user.id, sent: sent.ok }, "password reset requested");
  return { outcome: sent.ok ? "sent" : "mail_not_sent" };
}
