// Which events a payment change announces, and which emails each sends (pure). Webhooks follow the
// events; emails are chosen here:
//   approved          → payment.paid            receipt to the applicant
//   flagged           → payment.needs_review    alert to each of the biller's admins
//   review_mark_paid  → payment.paid + payment.review_settled   one "confirmed" notice to the applicant
//   review_release    → payment.review_settled  "not applied" notice to the applicant
//   review_dismiss    → payment.review_settled  no email (the payment stayed paid)
//   refund_recorded   → payment.refunded        no email (the refund was made in Invoice Cloud)
//   refund_reversed   → payment.refunded        no email (the invoice's refunded amount went back)
// An email's props are language-free facts (cents, ISO moments, the biller's time zone, the review's
// kind): the outbox stores them, and the email is worded in the recipient's language when sent.
import type { TransitionEvent } from "../payments/transitions";
import type { WebhookEventType } from "../webhooks/webhook-events";
import type { MailTemplateName, MailTemplateProps } from "../mail/templates";
import type { PaymentSnapshot } from "./load-payment-snapshot";

export type PlannedEmail = { [T in MailTemplateName]: { to: string; template: T; props: MailTemplateProps<T> } }[MailTemplateName];
export type PlannedEvent = { type: WebhookEventType; emails: PlannedEmail[] };

export function planNotifications(opts: {
  event: TransitionEvent;
  snapshot: PaymentSnapshot;
  adminEmails: string[];
  paymentUrl: string;
  reviewUrl: string;
}): PlannedEvent[] {
  const { event, snapshot: s } = opts;
  const lines = s.invoices.map((i) => ({
    invoiceNumber: i.invoiceNumber,
    permitNumber: i.permitNumber,
    description: i.description,
    amountCents: i.amountCents,
  }));
  const receipt = (): PlannedEmail => ({
    to: s.applicant.email,
    template: "paymentReceipt",
    props: {
      applicantName: s.applicant.name,
      billerName: s.biller.name,
      timeZone: s.biller.timeZone,
      totalCents: s.amountCents,
      paymentGuid: s.paymentGuid,
      paidAt: s.at,
      lines,
      paymentUrl: opts.paymentUrl,
    },
  });
  const settled = (outcome: "paid" | "released"): PlannedEmail => ({
    to: s.applicant.email,
    template: "reviewSettled",
    props: {
      applicantName: s.applicant.name,
      billerName: s.biller.name,
      timeZone: s.biller.timeZone,
      outcome,
      totalCents: s.amountCents,
      paymentGuid: s.paymentGuid,
      settledAt: s.at,
      lines,
      paymentUrl: opts.paymentUrl,
    },
  });
  switch (event) {
    case "approved":
      return [{ type: "payment.paid", emails: [receipt()] }];
    case "flagged": {
      const r = s.review;
      const alert = (to: string): PlannedEmail => ({
        to,
        template: "reviewAlert",
        props: {
          billerName: s.biller.name,
          applicantName: s.applicant.name,
          timeZone: s.biller.timeZone,
          reviewKind: r?.kind ?? null,
          reviewDetail: r?.reason ?? null,
          expectedCents: s.invoices.reduce((sum, i) => sum + i.amountCents, 0),
          noticeAmountCents: r?.amountCents ?? null,
          paymentGuid: r?.paymentGuid ?? s.paymentGuid,
          invoiceNumbers: s.invoices.map((i) => i.invoiceNumber),
          noticeAt: r?.noticeAt ?? s.at,
          reviewUrl: opts.reviewUrl,
        },
      });
      return [{ type: "payment.needs_review", emails: opts.adminEmails.map(alert) }];
    }
    case "review_mark_paid":
      return [
        { type: "payment.paid", emails: [] },
        { type: "payment.review_settled", emails: [settled("paid")] },
      ];
    case "review_release":
      return [{ type: "payment.review_settled", emails: [settled("released")] }];
    case "review_dismiss":
      return [{ type: "payment.review_settled", emails: [] }];
    // A refund recorded from Invoice Cloud (or one reversed by mistake): the permit system hears of it.
    case "refund_recorded":
    case "refund_reversed":
      return [{ type: "payment.refunded", emails: [] }];
    default:
      return [];
  }
}
