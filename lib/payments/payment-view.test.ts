import { describe, expect, it } from "vitest";
import { catalogues } from "../i18n/messages";
import type { Text } from "../i18n/message";
import { paymentView, type PaymentForView } from "./payment-view";

/** The text's key names a message in both languages. */
function inCatalogues(text: Text): boolean {
  const key = typeof text === "string" ? text : text.key;
  return (["en-CA", "fr-CA"] as const).every(
    (locale) =>
      typeof key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues[locale]) ===
      "string",
  );
}

const now = new Date("2026-11-29T15:00:00Z");
const min = 60_000;
const opts = { now, confirmTimeoutMs: 2 * min, returnGraceMs: 24 * 60 * min, formatDateTime: (d: Date) => d.toISOString() };
const payment = (over: Partial<PaymentForView> = {}): PaymentForView => ({
  status: "REDIRECTED",
  closeReason: null,
  reviewKind: null,
  failureReason: null,
  paymentGuid: null,
  hostedPageUrl: "https://ic.example/portal/access/otp/x",
  expiresAt: new Date(now.getTime() + 60 * min),
  createdAt: new Date(now.getTime() - 5 * min),
  returnedAt: null,
  billerName: "City of Mississauga",
  invoices: [{ id: "i1", status: "UNPAID" }],
  ...over,
});

describe("paymentView", () => {
  it.each([
    ["PAID", { status: "PAID", paymentGuid: "g1" }, "paid", { tone: "success", retryInvoiceIds: [] }],
    ["CREATED", { status: "CREATED" }, "starting", { autoRefresh: true }],
    ["REDIRECTED, not returned", {}, "in_progress", { canAbandon: true, continueAt: expect.anything() }],
    ["returned a moment ago", { returnedAt: new Date(now.getTime() - 30_000) }, "confirming", { autoRefresh: true, canAbandon: true }],
    [
      "returned, no postback yet",
      { returnedAt: new Date(now.getTime() - 10 * min) },
      "unconfirmed",
      { canAbandon: true, autoRefresh: false },
    ],
    [
      "declined",
      { status: "DECLINED", closeReason: "DECLINED_BY_INVOICE_CLOUD", failureReason: "Your card was declined" },
      "declined",
      { retryInvoiceIds: ["i1"] },
    ],
    ["released after review", { status: "DECLINED", closeReason: "RELEASED_AFTER_REVIEW" }, "released", { retryInvoiceIds: ["i1"] }],
    ["failed", { status: "FAILED", closeReason: "INVOICE_CLOUD_FAILURE" }, "failed", { retryInvoiceIds: ["i1"] }],
    [
      "superseded",
      { status: "EXPIRED", closeReason: "SUPERSEDED", invoices: [{ id: "i1", status: "PAID" }] },
      "superseded",
      { retryInvoiceIds: [] },
    ],
    ["abandoned", { status: "EXPIRED", closeReason: "ABANDONED_BY_APPLICANT" }, "abandoned", { retryInvoiceIds: ["i1"] }],
    ["expired", { status: "EXPIRED", closeReason: "NO_POSTBACK" }, "expired", { retryInvoiceIds: ["i1"] }],
    ["in review", { status: "NEEDS_REVIEW", reviewKind: "AMOUNT_MISMATCH" }, "in_review", { retryInvoiceIds: [], canAbandon: false }],
  ] as const)("%s → %s", (_name, over, kind, extra) => {
    const view = paymentView(payment(over as Partial<PaymentForView>), opts);
    expect(view).toMatchObject({ kind, ...extra });
    expect([view.title, view.body].filter((text) => !inCatalogues(text))).toEqual([]);
  });

  it("says returning proves nothing, and how long the invoices are kept aside", () => {
    const view = paymentView(payment({ returnedAt: new Date(now.getTime() - 10 * min) }), opts);
    expect(view.title).toBe("portal.view.unconfirmed.title");
    expect(view.body).toEqual({ key: "portal.view.unconfirmed.body", values: { until: "2026-11-30T14:50:00.000Z" } }); // returned + 24 h
  });

  it("offers the Invoice Cloud page only while it works, and quotes Invoice Cloud's message with a full stop", () => {
    expect(paymentView(payment({ expiresAt: new Date(now.getTime() - min) }), opts).continueAt).toBeNull();
    expect(paymentView(payment({ status: "DECLINED", failureReason: "Your card was declined" }), opts).body).toEqual({
      key: "portal.view.declined.bodyWithReason",
      values: { reason: "Your card was declined." },
    });
    expect(paymentView(payment({ status: "DECLINED", failureReason: null }), opts).body).toBe("portal.view.declined.body");
  });

  it("names the reference of a confirmed payment and the municipality that checks or expires one", () => {
    expect(paymentView(payment({ status: "PAID", paymentGuid: "g1" }), opts)).toMatchObject({
      title: "portal.view.paid.title",
      body: { key: "portal.view.paid.bodyWithReference", values: { reference: "g1" } },
    });
    expect(paymentView(payment({ status: "PAID" }), opts).body).toBe("portal.view.paid.body");
    expect(paymentView(payment({ status: "NEEDS_REVIEW" }), opts).body).toEqual({
      key: "portal.view.inReview.body",
      values: { biller: "City of Mississauga" },
    });
    expect(paymentView(payment({ status: "DECLINED", closeReason: "RELEASED_AFTER_REVIEW" }), opts).title).toEqual({
      key: "portal.view.released.title",
      values: { biller: "City of Mississauga" },
    });
  });
});
