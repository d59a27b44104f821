// What the applicant's payment page shows, decided here from the attempt as stored, so the page
// keeps no rules of its own. Pure (payment-view.test.ts covers every kind).
import type { AttemptCloseReason, AttemptStatus, ReviewKind } from "@prisma/client";
import { holdEndsAt } from "./transitions";

export type PaymentViewKind =
  | "paid"
  | "starting"
  | "in_progress"
  | "confirming"
  | "unconfirmed"
  | "declined"
  | "released"
  | "failed"
  | "superseded"
  | "abandoned"
  | "expired"
  | "in_review";

export type PaymentView = {
  kind: PaymentViewKind;
  tone: "success" | "info" | "warning" | "error";
  title: string;
  body: string;
  /** The page reloads itself while Invoice Cloud's confirmation is expected any second. */
  autoRefresh: boolean;
  /** The Invoice Cloud page to go back to, and until when it works. */
  continueAt: { url: string; until: Date } | null;
  /** Offer "I did not finish paying: start again". */
  canAbandon: boolean;
  /** Offer PAY ONLINE again for these invoices. */
  retryInvoiceIds: string[];
};

export type PaymentForView = {
  status: AttemptStatus;
  closeReason: AttemptCloseReason | null;
  reviewKind: ReviewKind | null;
  failureReason: string | null;
  paymentGuid: string | null;
  hostedPageUrl: string | null;
  expiresAt: Date;
  createdAt: Date;
  returnedAt: Date | null;
  billerName: string;
  invoices: { id: string; status: string }[];
};

/** Invoice Cloud's messages may lack a full stop ("Your card was declined"). */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export function paymentView(
  p: PaymentForView,
  opts: { now: Date; confirmTimeoutMs: number; returnGraceMs: number; formatDateTime: (d: Date) => string },
): PaymentView {
  const unpaid = p.invoices.filter((i) => i.status === "UNPAID").map((i) => i.id);
  const view = (v: Pick<PaymentView, "kind" | "tone" | "title" | "body"> & Partial<PaymentView>): PaymentView => ({
    autoRefresh: false,
    continueAt: null,
    canAbandon: false,
    retryInvoiceIds: [],
    ...v,
  });
  const pageStillWorks = p.hostedPageUrl && p.expiresAt > opts.now ? { url: p.hostedPageUrl, until: p.expiresAt } : null;

  switch (p.status) {
    case "PAID":
      return view({
        kind: "paid",
        tone: "success",
        title: "Payment received",
        body: `Thank you. Invoice Cloud confirmed your payment${p.paymentGuid ? ` (reference ${p.paymentGuid})` : ""}. Your invoices are marked PAID.`,
      });
    case "NEEDS_REVIEW":
      return view({
        kind: "in_review",
        tone: "warning",
        title: "The municipality is checking this payment",
        body: `Invoice Cloud reported something we could not match to your invoice. Please do not pay again: ${p.billerName} will contact you.`,
      });
    case "CREATED":
      return view({
        kind: "starting",
        tone: "info",
        title: "This payment is starting",
        body: "Invoice Cloud is opening the payment page.",
        autoRefresh: true,
      });
    case "REDIRECTED": {
      if (!p.returnedAt) {
        return view({
          kind: "in_progress",
          tone: "info",
          title: "This payment is in progress at Invoice Cloud",
          body: "Finish it on Invoice Cloud's page.",
          continueAt: pageStillWorks,
          canAbandon: true,
        });
      }
      const confirming = opts.now.getTime() - p.returnedAt.getTime() < opts.confirmTimeoutMs;
      if (confirming) {
        return view({
          kind: "confirming",
          tone: "info",
          title: "We're confirming your payment with Invoice Cloud",
          body: "This page updates by itself. If you paid, please do not pay again.",
          autoRefresh: true,
          continueAt: pageStillWorks,
          canAbandon: true,
        });
      }
      const holdEnds = holdEndsAt(p, opts.returnGraceMs);
      return view({
        kind: "unconfirmed",
        tone: "warning",
        title: "Invoice Cloud has not confirmed this payment yet",
        body:
          "Coming back from Invoice Cloud does not mean a payment was made. If you completed the payment, please do not pay again: " +
          `your invoice will show PAID as soon as Invoice Cloud confirms it. We keep your invoices aside until ${opts.formatDateTime(holdEnds)}.`,
        continueAt: pageStillWorks,
        canAbandon: true,
      });
    }
    case "DECLINED":
      if (p.closeReason === "RELEASED_AFTER_REVIEW") {
        return view({
          kind: "released",
          tone: "warning",
          title: `${p.billerName} checked this payment and released your invoices`,
          body: "Nothing was kept from this payment. Your invoices are unpaid and can be paid again.",
          retryInvoiceIds: unpaid,
        });
      }
      return view({
        kind: "declined",
        tone: "error",
        title: "Your payment was declined",
        body: `${sentence(p.failureReason ?? "Invoice Cloud declined the payment")} Nothing was charged and your invoices are still unpaid.`,
        retryInvoiceIds: unpaid,
      });
    case "FAILED":
      return view({
        kind: "failed",
        tone: "error",
        title: "The payment did not start",
        body: "Invoice Cloud could not open the payment page. Nothing was charged.",
        retryInvoiceIds: unpaid,
      });
    case "EXPIRED":
      if (p.closeReason === "SUPERSEDED") {
        return view({
          kind: "superseded",
          tone: "success",
          title: "These invoices were paid by another payment",
          body: "Invoice Cloud confirmed an earlier payment for them, so this one was closed. There is nothing more to pay.",
        });
      }
      if (p.closeReason === "ABANDONED_BY_APPLICANT") {
        return view({
          kind: "abandoned",
          tone: "info",
          title: "You chose to start this payment again",
          body: "This Invoice Cloud page is closed on our side. If it did take a payment after all, your invoice will show PAID when Invoice Cloud confirms it.",
          retryInvoiceIds: unpaid,
        });
      }
      return view({
        kind: "expired",
        tone: "warning",
        title: "This payment expired",
        body: `Invoice Cloud never confirmed it. If you did complete a payment, contact ${p.billerName} before paying again.`,
        retryInvoiceIds: unpaid,
      });
  }
}
