// The late-notice policy of docs/architecture.md, row by row.
import { describe, expect, it } from "vitest";
import { decidePostback, type AttemptNow } from "./decide-postback";
import type { Verification } from "./verify-postback";

const approved: Verification = { ok: true, approved: true, paidCents: 6000, feeCents: 0 };
const declined: Verification = { ok: true, approved: false, paidCents: 0, feeCents: 0 };
const forged: Verification = { ok: false, genuine: false, reason: "BillerReference does not match this payment" };
const wrongAmount: Verification = { ok: false, genuine: true, mismatch: "AMOUNT_MISMATCH", reason: "amount", paidCents: 6100 };
const attempt = (over: Partial<AttemptNow> = {}): AttemptNow => ({
  status: "REDIRECTED",
  paymentGuid: null,
  reviewKind: null,
  reviewReason: null,
  reviewPaymentGuid: null,
  invoicesBlockedBy: null,
  ...over,
});

describe("a verified approval", () => {
  it.each(["CREATED", "REDIRECTED", "DECLINED", "EXPIRED", "FAILED"] as const)("for %s with unpaid invoices → PAID", (status) => {
    expect(decidePostback(attempt({ status }), approved, "g1")).toEqual({ type: "approve" });
  });

  it("for NEEDS_REVIEW only because there was no postback after return → PAID (the review closes itself)", () => {
    expect(decidePostback(attempt({ status: "NEEDS_REVIEW", reviewKind: "NO_POSTBACK_AFTER_RETURN" }), approved, "g1")).toEqual({
      type: "approve",
    });
  });

  it.each(["CREATED", "REDIRECTED", "DECLINED", "EXPIRED", "FAILED"] as const)(
    "for %s whose invoices another attempt already paid → NEEDS_REVIEW charged twice",
    (status) => {
      expect(decidePostback(attempt({ status, invoicesBlockedBy: "PAID" }), approved, "g2")).toMatchObject({
        type: "flag",
        kind: "CHARGED_TWICE",
        reason: expect.stringContaining("g2"),
      });
    },
  );

  it("for PAID by another PaymentGUID → a charged-twice review on the PAID attempt", () => {
    expect(decidePostback(attempt({ status: "PAID", paymentGuid: "g1" }), approved, "g2")).toMatchObject({
      type: "flag",
      kind: "CHARGED_TWICE",
    });
  });

  it.each([
    ["PAID with the same PaymentGUID", attempt({ status: "PAID", paymentGuid: "G1" }), "{g1}"],
    [
      "PAID, and this second charge already under review",
      attempt({ status: "PAID", paymentGuid: "g1", reviewKind: "CHARGED_TWICE", reviewPaymentGuid: "g2" }),
      "g2",
    ],
    [
      "NEEDS_REVIEW charged twice by this same PaymentGUID",
      attempt({ status: "NEEDS_REVIEW", reviewKind: "CHARGED_TWICE", reviewPaymentGuid: "g2" }),
      "g2",
    ],
  ])("the same PaymentGUID again (%s) → duplicate, nothing changes", (_n, a, guid) => {
    expect(decidePostback(a, approved, guid)).toMatchObject({ type: "record", outcome: "duplicate" });
  });

  it("for NEEDS_REVIEW for another reason → added to the open review, nothing else changes", () => {
    expect(
      decidePostback(attempt({ status: "NEEDS_REVIEW", reviewKind: "AMOUNT_MISMATCH", reviewPaymentGuid: "g1" }), approved, "g9"),
    ).toMatchObject({ type: "note", reason: expect.stringContaining("g9") });
    // …and a no-postback review whose invoices were paid meanwhile is not paid twice either.
    expect(
      decidePostback(
        attempt({ status: "NEEDS_REVIEW", reviewKind: "NO_POSTBACK_AFTER_RETURN", invoicesBlockedBy: "PAID" }),
        approved,
        "g9",
      ),
    ).toMatchObject({ type: "note" });
  });

  it("for PAID with a review already open, a third charge is added to that review, not written over it", () => {
    const a = attempt({
      status: "PAID",
      paymentGuid: "g1",
      reviewKind: "CHARGED_TWICE",
      reviewPaymentGuid: "g2",
      reviewReason: "A second approved payment (g2)",
    });
    expect(decidePostback(a, approved, "g3")).toMatchObject({ type: "note", reason: expect.stringContaining("g3") });
    // …and its retry, found in the review's text, is a duplicate.
    expect(
      decidePostback({ ...a, reviewReason: "A second approved payment (g2); also an approved payment (g3)" }, approved, "g3"),
    ).toMatchObject({
      type: "record",
      outcome: "duplicate",
    });
  });

  it.each(["CANCELLED", "REFUNDED"] as const)("for invoices %s meanwhile → a review item, never lost", (blocked) => {
    expect(decidePostback(attempt({ status: "EXPIRED", invoicesBlockedBy: blocked }), approved, "g1")).toMatchObject({
      type: "flag",
      kind: "INVOICE_NOT_PAYABLE",
    });
  });

  it("without a PaymentGUID is never mistaken for one already seen", () => {
    expect(decidePostback(attempt({ status: "NEEDS_REVIEW", reviewKind: "NO_POSTBACK_AFTER_RETURN" }), approved, null)).toEqual({
      type: "approve",
    });
    expect(decidePostback(attempt({ status: "PAID", paymentGuid: null }), approved, null)).toMatchObject({
      type: "flag",
      kind: "CHARGED_TWICE",
    });
  });
});

describe("other notices", () => {
  it.each(["CREATED", "REDIRECTED"] as const)("a decline closes an open attempt (%s)", (status) => {
    expect(decidePostback(attempt({ status }), declined, "g1")).toEqual({ type: "decline" });
  });

  it.each(["PAID", "EXPIRED", "FAILED", "NEEDS_REVIEW"] as const)("a decline after the attempt closed (%s) is ignored", (status) => {
    expect(decidePostback(attempt({ status }), declined, "g1")).toMatchObject({ type: "record", outcome: "ignored" });
  });

  it("the same decline again is a duplicate", () => {
    expect(decidePostback(attempt({ status: "DECLINED", paymentGuid: "g1" }), declined, "g1")).toMatchObject({ outcome: "duplicate" });
  });

  it("a notice with a wrong BillerReference is rejected, whatever the attempt's state", () => {
    for (const status of ["REDIRECTED", "PAID", "NEEDS_REVIEW"] as const) {
      expect(decidePostback(attempt({ status }), forged, "g1")).toMatchObject({ type: "record", outcome: "rejected" });
    }
  });

  it("a genuine mismatch opens a review item, once", () => {
    expect(decidePostback(attempt(), wrongAmount, "g1")).toMatchObject({ type: "flag", kind: "AMOUNT_MISMATCH" });
    expect(decidePostback(attempt({ status: "PAID", paymentGuid: "g0" }), wrongAmount, "g1")).toMatchObject({ type: "flag" });
    expect(
      decidePostback(attempt({ status: "NEEDS_REVIEW", reviewKind: "AMOUNT_MISMATCH", reviewPaymentGuid: "g1" }), wrongAmount, "g1"),
    ).toMatchObject({ type: "record", outcome: "duplicate" });
    expect(
      decidePostback(attempt({ status: "NEEDS_REVIEW", reviewKind: "AMOUNT_MISMATCH", reviewPaymentGuid: "g1" }), wrongAmount, "g2"),
    ).toMatchObject({
      type: "note",
    });
  });
});
