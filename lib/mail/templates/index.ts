// Every email PermitPay sends, by name: its subject and its React Email component. sendMail takes
// a name and that template's props, so a caller cannot pair a template with the wrong data.
import { createElement, type ReactElement } from "react";
import { InvitationEmail, invitationSubject, type InvitationEmailProps } from "./invitation-email";
import { PasswordResetEmail, passwordResetSubject, type PasswordResetEmailProps } from "./password-reset-email";
import { PaymentReceiptEmail, paymentReceiptSubject, type PaymentReceiptEmailProps } from "./payment-receipt-email";
import { ReviewAlertEmail, reviewAlertSubject, type ReviewAlertEmailProps } from "./review-alert-email";
import { ReviewSettledEmail, reviewSettledSubject, type ReviewSettledEmailProps } from "./review-settled-email";

type TemplateDefinition<P> = { subject: (props: P) => string; render: (props: P) => ReactElement };

const define = <P extends object>(subject: (props: P) => string, Component: (props: P) => ReactElement): TemplateDefinition<P> => ({
  subject,
  render: (props) => createElement(Component, props),
});

export const mailTemplates = {
  invitation: define<InvitationEmailProps>(invitationSubject, InvitationEmail),
  passwordReset: define<PasswordResetEmailProps>(passwordResetSubject, PasswordResetEmail),
  paymentReceipt: define<PaymentReceiptEmailProps>(paymentReceiptSubject, PaymentReceiptEmail),
  reviewAlert: define<ReviewAlertEmailProps>(reviewAlertSubject, ReviewAlertEmail),
  reviewSettled: define<ReviewSettledEmailProps>(reviewSettledSubject, ReviewSettledEmail),
};

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateProps<T extends MailTemplateName> = (typeof mailTemplates)[T] extends TemplateDefinition<infer P> ? P : never;
