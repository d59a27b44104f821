import { describe, expect, it } from "vitest";
import { catalogues } from "../i18n/messages";
import { formatCents } from "../money";
import { invoicePayability, overMaximumMessage } from "./payability";

const ready = {
  name: "City of Mississauga",
  readiness: { ready: true } as const,
  maxOnlineAmountCents: 250000,
  payAgainAfterRefund: false,
};

describe("invoicePayability", () => {
  it.each([
    ["a paid invoice", { status: "PAID", amountDueCents: 6000 }, ready, "paid"],
    ["an unpaid invoice under the maximum", { status: "UNPAID", amountDueCents: 6000 }, ready, "payable"],
    ["exactly the maximum", { status: "UNPAID", amountDueCents: 250000 }, ready, "payable"],
    ["one cent over the maximum", { status: "UNPAID", amountDueCents: 250001 }, ready, "over_maximum"],
    ["no maximum", { status: "UNPAID", amountDueCents: 99_999_999 }, { ...ready, maxOnlineAmountCents: null }, "payable"],
    [
      "a biller not configured",
      { status: "UNPAID", amountDueCents: 6000 },
      {
        ...ready,
        readiness: { ready: false, reason: "not_configured" } as const,
      },
      "not_available",
    ],
  ] as const)("%s", (_name, invoice, biller, kind) => {
    expect(invoicePayability(invoice, biller, formatCents).kind).toBe(kind);
  });

  describe("with attempts", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const min = 60_000;
    const attempt = (status: string, minutesLeft: number, ageMinutes = 1, returnedMinutesAgo?: number) => ({
      attempt: {
        id: "a1",
        status,
        expiresAt: new Date(now.getTime() + minutesLeft * min),
        createdAt: new Date(now.getTime() - ageMinutes * min),
        returnedAt: returnedMinutesAgo === undefined ? null : new Date(now.getTime() - returnedMinutesAgo * min),
      },
    });
    const kindOf = (a: ReturnType<typeof attempt>) =>
      invoicePayability({ status: "UNPAID", amountDueCents: 6000, attempts: [a] }, ready, formatCents, {
        now,
        returnGraceMs: 24 * 60 * min,
      }).kind;

    it.each([
      ["a young REDIRECTED attempt", attempt("REDIRECTED", 60), "in_progress"],
      ["a REDIRECTED page in its last minutes: still able to take a payment", attempt("REDIRECTED", 2), "held"],
      ["a REDIRECTED page just past its lifetime (within the margin)", attempt("REDIRECTED", -10), "held"],
      ["a REDIRECTED page well past its lifetime and margin", attempt("REDIRECTED", -16), "payable"],
      ["a young CREATED attempt (another tab is opening it)", attempt("CREATED", 60, 1), "in_progress"],
      ["a CREATED attempt whose process died", attempt("CREATED", 60, 10), "payable"],
      ["a returned attempt Invoice Cloud has not confirmed", attempt("REDIRECTED", -60, 120, 100), "unconfirmed"],
      ["a returned attempt past the grace period", attempt("REDIRECTED", -2000, 2100, 25 * 60), "payable"],
      ["an attempt under review", attempt("NEEDS_REVIEW", -100), "in_review"],
    ] as const)("%s → %s", (_name, a, kind) => {
      expect(kindOf(a)).toBe(kind);
    });
  });

  it("refuses a paid or cancelled invoice in words PAY ONLINE also uses (catalogue keys with the invoice number)", () => {
    expect(invoicePayability({ invoiceNumber: "123", status: "PAID", amountDueCents: 6000 }, ready, formatCents)).toEqual({
      kind: "paid",
      message: { key: "portal.payability.paid", values: { number: "123" } },
    });
    expect(invoicePayability({ status: "CANCELLED", amountDueCents: 6000 }, ready, formatCents)).toEqual({
      kind: "cancelled",
      message: { key: "portal.payability.cancelledThis" },
    });
    expect(invoicePayability({ invoiceNumber: "123", status: "REFUNDED", amountDueCents: 6000 }, ready, formatCents)).toEqual({
      kind: "refunded",
      message: { key: "portal.payability.refunded", values: { number: "123" } },
    });
  });

  it("lets a refunded invoice be paid again only when the biller allows it", () => {
    const again = { ...ready, payAgainAfterRefund: true };
    expect(invoicePayability({ status: "REFUNDED", amountDueCents: 6000 }, again, formatCents)).toEqual({ kind: "payable" });
    // Still every other rule: over the maximum is over the maximum.
    expect(invoicePayability({ status: "REFUNDED", amountDueCents: 300000 }, again, formatCents).kind).toBe("over_maximum");
    expect(invoicePayability({ status: "PAID", amountDueCents: 6000 }, again, formatCents).kind).toBe("paid");
  });

  it("names the municipality, or says which one is unknown", () => {
    const notReady = { ...ready, readiness: { ready: false, reason: "not_configured" } as const };
    expect(invoicePayability({ status: "UNPAID", amountDueCents: 6000 }, notReady, formatCents).kind === "not_available").toBe(true);
    expect(invoicePayability({ status: "UNPAID", amountDueCents: 6000 }, notReady, formatCents)).toMatchObject({
      message: { key: "portal.payability.notAvailable", values: { biller: "City of Mississauga" } },
    });
    expect(invoicePayability({ status: "UNPAID", amountDueCents: 6000 }, undefined, formatCents)).toMatchObject({
      message: { key: "portal.payability.notAvailableNoBiller" },
    });
  });

  it("says the maximum in dollars, formatted by the caller in the reader's language", () => {
    expect(invoicePayability({ status: "UNPAID", amountDueCents: 320000 }, ready, formatCents)).toMatchObject({
      message: { key: "portal.payability.overMaximum", values: { biller: "City of Mississauga", max: "$2,500.00" } },
    });
    const french = invoicePayability({ status: "UNPAID", amountDueCents: 320000 }, ready, (c) => formatCents(c, "fr-CA"));
    expect(french).toMatchObject({ message: { values: { max: "2\u00a0500,00\u00a0$" } } });
  });

  it("states the total of a selection over the maximum", () => {
    expect(overMaximumMessage(ready, formatCents, 300000)).toEqual({
      key: "portal.payability.overMaximumTotal",
      values: { biller: "City of Mississauga", max: "$2,500.00", total: "$3,000.00" },
    });
  });

  it("speaks only in catalogue keys that exist in English and French", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const attempt = (status: string, minutesLeft: number, returnedMinutesAgo?: number) => ({
      attempt: {
        id: "a1",
        status,
        expiresAt: new Date(now.getTime() + minutesLeft * 60_000),
        createdAt: new Date(now.getTime() - 60_000),
        returnedAt: returnedMinutesAgo === undefined ? null : new Date(now.getTime() - returnedMinutesAgo * 60_000),
      },
    });
    const texts = [
      invoicePayability({ invoiceNumber: "1", status: "PAID", amountDueCents: 1 }, ready, formatCents),
      invoicePayability({ status: "PAID", amountDueCents: 1 }, ready, formatCents),
      invoicePayability({ invoiceNumber: "1", status: "REFUNDED", amountDueCents: 1 }, ready, formatCents),
      invoicePayability({ status: "REFUNDED", amountDueCents: 1 }, ready, formatCents),
      invoicePayability({ invoiceNumber: "1", status: "CANCELLED", amountDueCents: 1 }, ready, formatCents),
      invoicePayability({ status: "CANCELLED", amountDueCents: 1 }, ready, formatCents),
      invoicePayability({ status: "UNPAID", amountDueCents: 1, attempts: [attempt("NEEDS_REVIEW", -1)] }, ready, formatCents),
      invoicePayability({ status: "UNPAID", amountDueCents: 1, attempts: [attempt("NEEDS_REVIEW", -1)] }, undefined, formatCents),
      invoicePayability({ status: "UNPAID", amountDueCents: 1 }, undefined, formatCents),
      invoicePayability({ status: "UNPAID", amountDueCents: 999_999 }, ready, formatCents),
      invoicePayability({ status: "UNPAID", amountDueCents: 1, attempts: [attempt("REDIRECTED", 60)] }, ready, formatCents, { now }),
      invoicePayability({ status: "UNPAID", amountDueCents: 1, attempts: [attempt("REDIRECTED", 2)] }, ready, formatCents, { now }),
      invoicePayability({ status: "UNPAID", amountDueCents: 1, attempts: [attempt("REDIRECTED", -60, 10)] }, ready, formatCents, { now }),
    ].map((p) => ("message" in p ? p.message : null));
    expect(texts.filter((t) => t === null)).toEqual([]);
    const missing = texts.flatMap((text) => {
      const key = typeof text === "string" ? text : text!.key;
      return (["en-CA", "fr-CA"] as const)
        .filter(
          (locale) =>
            typeof key
              .split(".")
              .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues[locale]) !== "string",
        )
        .map((locale) => `${locale}: ${key}`);
    });
    expect(missing).toEqual([]);
    expect(overMaximumMessage(ready, formatCents, 1)).toMatchObject({ key: "portal.payability.overMaximumTotal" });
  });
});
