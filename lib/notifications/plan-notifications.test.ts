import { describe, expect, it } from "vitest";
import type { PaymentSnapshot } from "./load-payment-snapshot";
import { planNotifications } from "./plan-notifications";

const snapshot: PaymentSnapshot = {
  paymentId: "8b0e1f44-2a6d-4c1e-9a55-0c3f7d2b9e61",
  status: "PAID",
  biller: { id: "b", name: "City of Mississauga", timeZone: "America/Toronto" },
  applicant: { name: "Casey Builder", email: "casey@example.org" },
  paymentGuid: "guid-1",
  amountCents: 131000,
  amount: "$1,310.00",
  invoices: [
    {
      invoiceNumber: "INV-1",
      permitNumber: "BP-1",
      description: "Deck",
      externalReference: null,
      amountCents: 131000,
      amount: "$1,310.00",
      status: "PAID",
      refundedCents: 0,
    },
  ],
  review: {
    kind: "AMOUNT_MISMATCH",
    reason: "Invoice Cloud reported $1,311.00",
    paymentGuid: "guid-2",
    amountCents: 131100,
    noticeAt: "2026-11-29T15:00:00.000Z",
  },
  at: "2026-11-29T15:00:00.000Z",
  atText: "Nov 29, 2026, 10:00 AM EST",
};
const plan = (event: Parameters<typeof planNotifications>[0]["event"]) =>
  planNotifications({
    event,
    snapshot,
    adminEmails: ["a1@city.test", "a2@city.test"],
    paymentUrl: "https://p/payments/x",
    reviewUrl: "https://p/admin/payments",
  }).map((e) => [e.type, e.emails.map((m) => `${m.template}→${m.to}`)]);

describe("planNotifications", () => {
  it.each([
    ["approved", [["payment.paid", ["paymentReceipt→casey@example.org"]]]],
    ["flagged", [["payment.needs_review", ["reviewAlert→a1@city.test", "reviewAlert→a2@city.test"]]]],
    [
      "review_mark_paid",
      [
        ["payment.paid", []],
        ["payment.review_settled", ["reviewSettled→casey@example.org"]],
      ],
    ],
    ["review_release", [["payment.review_settled", ["reviewSettled→casey@example.org"]]]],
    ["review_dismiss", [["payment.review_settled", []]]],
    ["refund_recorded", [["payment.refunded", []]]],
    ["refund_reversed", [["payment.refunded", []]]],
    ["declined", []],
    ["expired", []],
    ["session_opened", []],
  ] as const)("%s → %j", (event, expected) => {
    expect(plan(event)).toEqual(expected);
  });

  it("the review alert carries why (the kind, worded when sent), both amounts in cents and the notice's moment", () => {
    const [event] = planNotifications({ event: "flagged", snapshot, adminEmails: ["a1@city.test"], paymentUrl: "u", reviewUrl: "r" });
    expect(event?.emails[0]?.props).toEqual({
      billerName: "City of Mississauga",
      applicantName: "Casey Builder",
      timeZone: "America/Toronto",
      reviewKind: "AMOUNT_MISMATCH",
      reviewDetail: "Invoice Cloud reported $1,311.00",
      expectedCents: 131000,
      noticeAmountCents: 131100,
      paymentGuid: "guid-2",
      invoiceNumbers: ["INV-1"],
      noticeAt: "2026-11-29T15:00:00.000Z",
      reviewUrl: "r",
    });
  });

  it("the receipt and the settled notice carry language-free facts: cents, the moment as ISO, the biller's zone", () => {
    const [paid] = planNotifications({ event: "approved", snapshot, adminEmails: [], paymentUrl: "u", reviewUrl: "r" });
    expect(paid?.emails[0]?.props).toEqual({
      applicantName: "Casey Builder",
      billerName: "City of Mississauga",
      timeZone: "America/Toronto",
      totalCents: 131000,
      paymentGuid: "guid-1",
      paidAt: "2026-11-29T15:00:00.000Z",
      lines: [{ invoiceNumber: "INV-1", permitNumber: "BP-1", description: "Deck", amountCents: 131000 }],
      paymentUrl: "u",
    });
    const [settled] = planNotifications({ event: "review_release", snapshot, adminEmails: [], paymentUrl: "u", reviewUrl: "r" });
    expect(settled?.emails[0]?.props).toMatchObject({ outcome: "released", totalCents: 131000, settledAt: "2026-11-29T15:00:00.000Z" });
    expect(JSON.stringify([paid, settled])).not.toContain("$");
  });
});
