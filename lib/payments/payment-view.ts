// What the applicant's payment page shows, decided here from the attempt as stored, so the page
// keeps no rules of its own. Title and body are catalogue keys with parameters
// (portal.view.*), translated by the page. Pure (payment-view.test.ts covers every kind).
import type { AttemptCloseReason, AttemptStatus, ReviewKind } from "@prisma/client";
import { msg, type Text } from "../i18n/message";
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
  title: Text;
  body: Text;
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
        title: "portal.view.paid.title",
        body: p.paymentGuid ? msg("portal.view.paid.bodyWithReference", { reference: p.paymentGuid }) : "portal.view.paid.body",
      });
    case "NEEDS_REVIEW":
      return view({
        kind: "in_review",
        tone: "warning",
        title: "portal.view.inReview.title",
        body: msg("portal.view.inReview.body", { biller: p.billerName }),
      });
    case "CREATED":
      return view({
        kind: "starting",
        tone: "info",
        title: "portal.view.starting.title",
        body: "portal.view.starting.body",
        autoRefresh: true,
      });
    case "REDIRECTED": {
      if (!p.returnedAt) {
        return view({
          kind: "in_progress",
          tone: "info",
          title: "portal.view.inProgress.title",
          body: "portal.view.inProgress.body",
          continueAt: pageStillWorks,
          canAbandon: true,
        });
      }
      const confirming = opts.now.getTime() - p.returnedAt.getTime() < opts.confirmTimeoutMs;
      if (confirming) {
        return view({
          kind: "confirming",
          tone: "info",
          title: "portal.view.confirming.title",
          body: "portal.view.confirming.body",
          autoRefresh: true,
          continueAt: pageStillWorks,
          canAbandon: true,
        });
      }
      const holdEnds = holdEndsAt(p, opts.returnGraceMs);
      return view({
        kind: "unconfirmed",
        tone: "warning",
        title: "portal.view.unconfirmed.title",
        body: msg("portal.view.unconfirmed.body", { until: opts.formatDateTime(holdEnds) }),
        continueAt: pageStillWorks,
        canAbandon: true,
      });
    }
    case "DECLINED":
      if (p.closeReason === "RELEASED_AFTER_REVIEW") {
        return view({
          kind: "released",
          tone: "warning",
          title: msg("portal.view.released.title", { biller: p.billerName }),
          body: "portal.view.released.body",
          retryInvoiceIds: unpaid,
        });
      }
      return view({
        kind: "declined",
        tone: "error",
        title: "portal.view.declined.title",
        // Invoice Cloud's own words, quoted as it sent them.
        body: p.failureReason?.trim()
          ? msg("portal.view.declined.bodyWithReason", { reason: sentence(p.failureReason) })
          : "portal.view.declined.body",
        retryInvoiceIds: unpaid,
      });
    case "FAILED":
      return view({
        kind: "failed",
        tone: "error",
        title: "portal.view.failed.title",
        body: "portal.view.failed.body",
        retryInvoiceIds: unpaid,
      });
    case "EXPIRED":
      if (p.closeReason === "SUPERSEDED") {
        return view({
          kind: "superseded",
          tone: "success",
          title: "portal.view.superseded.title",
          body: "portal.view.superseded.body",
        });
      }
      if (p.closeReason === "ABANDONED_BY_APPLICANT") {
        return view({
          kind: "abandoned",
          tone: "info",
          title: "portal.view.abandoned.title",
          body: "portal.view.abandoned.body",
          retryInvoiceIds: unpaid,
        });
      }
      return view({
        kind: "expired",
        tone: "warning",
        title: "portal.view.expired.title",
        body: msg("portal.view.expired.body", { biller: p.billerName }),
        retryInvoiceIds: unpaid,
      });
  }
}
