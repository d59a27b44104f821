// Sends one templated email over SMTP. It never throws: a refused address, a mail server that is
// down or a template that fails to render comes back as { ok: false, error }, logged, so the
// business step that asked for the email (a reset, an invitation, an outbox delivery) goes on.
// `retryable` tells an outbox dispatcher whether trying the same message later can help.
// The email is written in the recipient's language: the one given, else the language saved on the
// account with that address (User.locale), else English.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { AppLocale } from "../i18n/locales";
import { logger } from "../logger";
import { recipientLocale } from "./email-i18n";
import { renderEmail } from "./render-email";
import type { MailTemplateName, MailTemplateProps } from "./templates";
import { getMailTransport } from "./transport";

export type SendMailError = {
  /** refused: the server said no to this message or address (5xx); unavailable: no answer or a 4xx; render: our template failed. */
  kind: "refused" | "unavailable" | "render";
  retryable: boolean;
  /** The SMTP reply code, when the server gave one. */
  responseCode: number | null;
  /** A short description for the delivery record: the server's reply, never the message body. */
  message: string;
};

export type SendMailResult = { ok: true; messageId: string } | { ok: false; error: SendMailError };

export async function sendMail<T extends MailTemplateName>({
  to,
  template,
  props,
  locale,
}: {
  to: string;
  template: T;
  props: MailTemplateProps<T>;
  /** The recipient's language; when not given, the one saved on their account. */
  locale?: AppLocale;
}): Promise<SendMailResult> {
  const log = logger.child({ mail: { template, toDomain: to.split("@").pop() } });
  const language = locale ?? (await savedLocale(to, log));
  let rendered;
  try {
    rendered = await renderEmail({ template, props, locale: language });
  } catch (e) {
    log.error({ err: { name: (e as Error)?.name, message: (e as Error)?.message } }, "email template failed to render");
    return { ok: false, error: { kind: "render", retryable: false, responseCode: null, message: "The email could not be rendered." } };
  }
  try {
    const info = (await getMailTransport().sendMail({ from: env.MAIL_FROM, to, ...rendered })) as {
      messageId: string;
      rejected?: unknown[];
      response?: string;
    };
    // With one recipient, a refusal throws; this covers a server that accepts the message but not the address.
    if (info.rejected?.length) {
      log.warn({ response: info.response }, "email refused for its recipient");
      return { ok: false, error: { kind: "refused", retryable: false, responseCode: null, message: info.response ?? "Recipient refused" } };
    }
    log.info({ messageId: info.messageId }, "email sent");
    return { ok: true, messageId: info.messageId };
  } catch (e) {
    const error = describeSmtpError(e);
    log.warn({ smtpError: error }, "email not sent");
    return { ok: false, error };
  }
}

/** The language saved on the account with this address; English for an address without one (or if it cannot be read). */
async function savedLocale(to: string, log: typeof logger): Promise<AppLocale> {
  try {
    const user = await db.user.findUnique({ where: { email: to.trim().toLowerCase() }, select: { locale: true } });
    return recipientLocale(user?.locale);
  } catch (e) {
    log.warn(
      { err: { name: (e as Error)?.name, code: (e as { code?: unknown })?.code } },
      "recipient's language not read; writing in English",
    );
    return recipientLocale(null);
  }
}

function describeSmtpError(e: unknown): SendMailError {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const responseCode = typeof err.responseCode === "number" ? err.responseCode : null;
  const message = (err.response ?? err.message ?? "Unknown mail error").slice(0, 300);
  // 5xx is permanent (a bad address, a policy refusal); 4xx, timeouts and refused connections pass.
  if (responseCode !== null && responseCode >= 500) return { kind: "refused", retryable: false, responseCode, message };
  if (err.code === "EENVELOPE" && responseCode === null) return { kind: "refused", retryable: false, responseCode, message };
  return { kind: "unavailable", retryable: true, responseCode, message };
}
