import { describe, expect, it } from "vitest";
import { renderEmail } from "../mail/render-email";
import { upgradeQueuedEmailProps } from "./upgrade-queued-email";

const ctx = { queuedAt: new Date("2026-11-29T15:00:00Z"), timeZone: "America/Toronto" };

describe("upgradeQueuedEmailProps: emails queued in the old, worded shape still send", () => {
  it("reads a queued receipt back into cents and a moment, and it renders in French", async () => {
    const old = {
      applicantName: "Ada",
      billerName: "City of Mississauga",
      totalText: "$1,250.00",
      paymentGuid: "PG-1",
      paidAtText: "Nov 29, 2026, 10:00 AM EST",
      lines: [{ invoiceNumber: "INV-1", permitNumber: "P-1", description: "Deck", amountText: "$1,250.00" }],
      paymentUrl: "http://localhost/payments/1",
    };
    const props = upgradeQueuedEmailProps("paymentReceipt", old, ctx);
    expect(props).toEqual({
      applicantName: "Ada",
      billerName: "City of Mississauga",
      paymentGuid: "PG-1",
      paymentUrl: "http://localhost/payments/1",
      timeZone: "America/Toronto",
      totalCents: 125000,
      paidAt: "2026-11-29T15:00:00.000Z",
      lines: [{ invoiceNumber: "INV-1", permitNumber: "P-1", description: "Deck", amountCents: 125000 }],
    });
    const email = await renderEmail({ template: "paymentReceipt", props: props as never, locale: "fr-CA" });
    expect(email.subject).toContain("1\u00a0250,00\u00a0$");
  });

  it("keeps a queued review alert's reason as its detail", () => {
    const old = {
      billerName: "City of Mississauga",
      applicantName: "Ada",
      reasonText: "The amount does not match. Paid $126.00.",
      expectedText: "$125.00",
      noticeAmountText: "$126.00",
      paymentGuid: "PG-2",
      invoiceNumbers: ["INV-2"],
      noticeAtText: "Nov 29, 2026, 10:00 AM EST",
      reviewUrl: "http://localhost/admin/payments/2",
    };
    expect(upgradeQueuedEmailProps("reviewAlert", old, ctx)).toMatchObject({
      reviewKind: null,
      reviewDetail: "The amount does not match. Paid $126.00.",
      expectedCents: 12500,
      noticeAmountCents: 12600,
      noticeAt: "2026-11-29T15:00:00.000Z",
      timeZone: "America/Toronto",
    });
  });

  it("passes today's payloads through unchanged, and refuses an unreadable amount", () => {
    const current = { totalCents: 6000, paidAt: "2026-11-29T15:00:00.000Z", lines: [] };
    expect(upgradeQueuedEmailProps("paymentReceipt", current, ctx)).toBe(current);
    expect(() => upgradeQueuedEmailProps("reviewSettled", { totalText: "sixty dollars", lines: [] }, ctx)).toThrow();
  });
});
