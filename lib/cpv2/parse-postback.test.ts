import { describe, expect, it } from "vitest";
import { MAX_POSTBACK_BYTES, parsePostback } from "./parse-postback";

const ID = "67190dcd-3813-46e2-a287-c1370131928a";
const base = `http://portal.test/api/command/payment/icop-postback?payment-id=${ID}`;
const fields = { Approved: "True", PaymentAmount: "60.00", BillerReference: "ab".repeat(32), PaymentGUID: "g-1", BillerGUID: "x" };
const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
const post = (url: string, body?: string, type = "application/x-www-form-urlencoded") =>
  new Request(url, { method: "POST", body, headers: body === undefined ? {} : { "content-type": type } });

describe("parsePostback", () => {
  it("reads the fields from a form-encoded body (Aspen)", async () => {
    const parsed = await parsePostback(post(base, form(fields)));
    expect(parsed).toMatchObject({ ok: true, paymentId: ID, fields });
  });

  it("reads the fields from the query string (Koha's OpenAPI spec)", async () => {
    const parsed = await parsePostback(post(`${base}&${form(fields)}`));
    expect(parsed).toMatchObject({ ok: true, fields });
  });

  it("lets the body win when both carry a field", async () => {
    const parsed = await parsePostback(post(`${base}&PaymentAmount=1.00`, form(fields)));
    expect(parsed.ok && parsed.fields.PaymentAmount).toBe("60.00");
  });

  it.each([
    ["no payment-id", "http://portal.test/x", form(fields), /payment-id/],
    ["a payment-id that is not a UUID", "http://portal.test/x?payment-id=1", form(fields), /payment-id/],
    ["no Approved", base, form({ ...fields, Approved: "" }), /Approved/],
    ["Approved not a boolean", base, form({ ...fields, Approved: "Maybe" }), /Approved/],
    ["no BillerReference", base, form({ Approved: "True", PaymentAmount: "1.00" }), /BillerReference/],
  ])("refuses %s with a 400 naming the problem", async (_name, url, body, message) => {
    const parsed = await parsePostback(post(url, body));
    expect(parsed).toMatchObject({ ok: false, status: 400 });
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it("refuses an oversized body", async () => {
    const parsed = await parsePostback(post(base, "a=" + "x".repeat(MAX_POSTBACK_BYTES)));
    expect(parsed).toMatchObject({ ok: false, status: 413 });
  });
});
