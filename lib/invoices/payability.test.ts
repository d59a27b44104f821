import { describe, expect, it } from "vitest";
import { formatCents } from "../money";
import { invoicePayability } from "./payability";

const ready = {
  name: "City of Mississauga",
  readiness: { ready: true } as const,
  maxOnlineAmountCents: 250000,
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

  it("shows a young open attempt as in progress, and an old or closed one not", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const attempt = (status: string, minutesLeft: number, ageMinutes = 1) => ({
      attempt: {
        id: "a1",
        status,
        expiresAt: new Date(now.getTime() + minutesLeft * 60_000),
        createdAt: new Date(now.getTime() - ageMinutes * 60_000),
      },
    });
    const invoice = (a: ReturnType<typeof attempt>) => ({ status: "UNPAID" as const, amountDueCents: 6000, attempts: [a] });
    expect(invoicePayability(invoice(attempt("REDIRECTED", 60)), ready, formatCents, now).kind).toBe("in_progress");
    expect(invoicePayability(invoice(attempt("REDIRECTED", 2)), ready, formatCents, now).kind).toBe("payable");
    expect(invoicePayability(invoice(attempt("CREATED", 60, 10)), ready, formatCents, now).kind).toBe("payable");
    expect(invoicePayability(invoice(attempt("NEEDS_REVIEW", -100)), ready, formatCents, now)).toMatchObject({
      kind: "in_review",
      message: expect.stringContaining("Please do not pay again"),
    });
  });

  it("says the maximum in dollars", () => {
    const result = invoicePayability({ status: "UNPAID", amountDueCents: 320000 }, ready, formatCents);
    expect(result).toMatchObject({
      message: expect.stringContaining("$2,500.00"),
    });
  });
});
