// Every email PermitPay sends, by name: its subject and its React Email component, both in the
// recipient's language (an EmailContext). sendMail takes a name and that template's props, so a
// caller cannot pair a template with the wrong data. Props are language-free data (amounts in
// cents, moments as ISO strings): they are stored in the outbox and worded when sent.
import { createElement, type ReactElement } from "react";
import type { EmailContext } from "../email-i18n";
import { InvitationEmail, invitationSubject, type InvitationEmailProps } from "./invitation-email";
import { PasswordResetEmail, passwordResetSubject, type PasswordResetEmailProps } from "./password-reset-email";
import { PaymentReceiptEmail, paymentReceiptSubject, type PaymentReceiptEmailProps } from "./payment-receipt-email";
import { ReviewAlertEmail, reviewAlertSubject, type ReviewAlertEmailProps } from "./review-alert-email";
import { ReviewDigestEmail, reviewDigestSubject, type ReviewDigestEmailProps } from "./review-digest-email";
import { ReviewSettledEmail, reviewSettledSubject, type ReviewSettledEmailProps } from "./review-settled-email";

type TemplateDefinition<P> = { subject: (props: P, ctx: EmailContext) => string; render: (props: P, ctx: EmailContext) => ReactElement };

const define = <P extends object>(
  subject: (props: P, ctx: EmailContext) => string,
  Component: (props: P & { ctx: EmailContext }) => ReactElement,
): TemplateDefinition<P> => ({
  subject,
  render: (props, ctx) => createElement(Component, { ...props, ctx }),
});

export const mailTemplates = {
  invitation: define<InvitationEmailProps>(invitationSubject, InvitationEmail),
  passwordReset: define<PasswordResetEmailProps>(passwordResetSubject, PasswordResetEmail),
  paymentReceipt: define<PaymentReceiptEmailProps>(paymentReceiptSubject, PaymentReceiptEmail),
  reviewAlert: define<ReviewAlertEmailProps>(reviewAlertSubject, ReviewAlertEmail),
  reviewDigest: define<ReviewDigestEmailProps>(reviewDigestSubject, ReviewDigestEmail),
  reviewSettled: define<ReviewSettledEmailProps>(reviewSettledSubject, ReviewSettledEmail),
};

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateProps<T extends MailTemplateName> = (typeof mailTemplates)[T] extends TemplateDefinition<infer P> ? P : never;
