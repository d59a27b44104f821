import { describe, expect, it } from "vitest";
import type { PostbackFields } from "../cpv2/schemas";
import { verifyPostback } from "./verify-postback";

const REF = "a".repeat(64);
const GUID = "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b";
const attempt = { billerReference: REF, totalCents: 131000, configuredBillerGuid: GUID };
const fields = (over: Partial<PostbackFields> = {}): PostbackFields => ({
  Approved: "True",
  PaymentAmount: "1310.00",
  ConvenienceFee: "0.00",
  BillerReference: REF,
  BillerGUID: GUID,
  PaymentGUID: "p-1",
  ...over,
});

describe("verifyPostback", () => {
  it.each<[string, Partial<PostbackFields>, object]>([
    ["an exact approval", {}, { ok: true, approved: true, paidCents: 131000, feeCents: 0 }],
    [
      "an approval with a convenience fee on top",
      { PaymentAmount: "1,312.50", ConvenienceFee: "2.50" },
      { ok: true, paidCents: 131250, feeCents: 250 },
    ],
    ["a decline (amount not checked)", { Approved: "False", PaymentAmount: "0.00" }, { ok: true, approved: false }],
    ["a GUID in braces and upper case", { BillerGUID: `{${GUID.toUpperCase()}}` }, { ok: true }],
    ["lower-case true", { Approved: "true" }, { ok: true, approved: true }],
    ["the reference echoed in upper case", { BillerReference: REF.toUpperCase() }, { ok: true }],
    ["a wrong reference (not genuine)", { BillerReference: "b".repeat(64) }, { ok: false, genuine: false }],
    ["a wrong BillerGUID", { BillerGUID: "0b8e7d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b" }, { ok: false, genuine: true }],
    ["a missing BillerGUID when one is configured", { BillerGUID: undefined }, { ok: false, genuine: true }],
    ["an overpayment", { PaymentAmount: "1311.00" }, { ok: false, genuine: true }],
    ["an underpayment", { PaymentAmount: "0.01" }, { ok: false, genuine: true }],
    ["a fee that does not add up", { PaymentAmount: "1310.00", ConvenienceFee: "2.50" }, { ok: false, genuine: true }],
    ["an amount that is not a number", { PaymentAmount: "lots" }, { ok: false, genuine: true }],
  ])("%s", (_name, over, expected) => {
    expect(verifyPostback(attempt, fields(over))).toMatchObject(expected);
  });

  it("skips the GUID check when the biller configured none", () => {
    expect(verifyPostback({ ...attempt, configuredBillerGuid: null }, fields({ BillerGUID: "anything" }))).toMatchObject({ ok: true });
  });
});
