import { describe, expect, it } from "vitest";
import { MAX_POSTBACK_BYTES, parsePostback } from "./parse-postback";

const ID = "67190dcd-3813-46e2-a287-c1370131928a";
const base = `http://portal.test/api/command/payment/icop-postback?payment-id=${ID}`;
const fields = { Approved: "True", PaymentAmount: "60.00", BillerReference: "ab".repeat(32), PaymentGUID: "g-1", BillerGUID: "x" };
const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
const post = (url: string, body?: string, type = "application/x-www-form-urlencoded") =>
  new Request(url, { method: "POST", body, headers: body === undefined ? {} : { "content-type": type } });

/** A real Request whose body is a stream (sent chunked: no Content-Length). */
function streamed(chunks: () => Uint8Array | null) {
  const seen = { pulls: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulls++;
      const chunk = chunks();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const req = new Request(base, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  } as RequestInit);
  return { req, seen };
}

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

  // The same lenient rules as the sandbox: .NET's True/False (or lower case), and amounts with 0, 1 or 2 decimals.
  it.each<[string, Record<string, string | undefined>]>([
    ["Approved True", { Approved: "True" }],
    ["Approved true", { Approved: "true" }],
    ["Approved False", { Approved: "False" }],
    ["Approved false", { Approved: "false" }],
    ["PaymentAmount 60", { PaymentAmount: "60" }],
    ["PaymentAmount 60.0", { PaymentAmount: "60.0" }],
    ["PaymentAmount 60.00", { PaymentAmount: "60.00" }],
    ["PaymentAmount 0.00 (a decline)", { Approved: "False", PaymentAmount: "0.00" }],
    ["PaymentAmount 1250.5", { PaymentAmount: "1250.5" }],
    ["ConvenienceFee 2", { ConvenienceFee: "2" }],
    ["ConvenienceFee 2.5", { ConvenienceFee: "2.5" }],
    ["ConvenienceFee 2.50", { ConvenienceFee: "2.50" }],
    ["ConvenienceFee absent", { ConvenienceFee: undefined }],
    ["ConvenienceFee empty (no fee)", { ConvenienceFee: "" }],
  ])("accepts %s, in the body and in the query", async (_name, over) => {
    const given = Object.fromEntries(Object.entries({ ...fields, ...over }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    for (const req of [post(base, form(given)), post(`${base}&${form(given)}`)]) {
      const parsed = await parsePostback(req);
      expect(parsed).toMatchObject({ ok: true, fields: given });
    }
  });

  it.each<[string, string, string, RegExp]>([
    ["no payment-id", "http://portal.test/x", form(fields), /payment-id/],
    ["a payment-id that is not a UUID", "http://portal.test/x?payment-id=1", form(fields), /payment-id/],
    ["no Approved", base, form({ ...fields, Approved: "" }), /^Approved: /],
    ["Approved Maybe", base, form({ ...fields, Approved: "Maybe" }), /^Approved: must be True, true, False or false$/],
    ["Approved TRUE", base, form({ ...fields, Approved: "TRUE" }), /^Approved: /],
    ["Approved 1", base, form({ ...fields, Approved: "1" }), /^Approved: /],
    ["Approved with a space", base, form({ ...fields, Approved: " True" }), /^Approved: /],
    ["no BillerReference", base, form({ Approved: "True", PaymentAmount: "1.00" }), /BillerReference/],
    ["no PaymentAmount", base, form({ Approved: "True", BillerReference: fields.BillerReference }), /^PaymentAmount: /],
    [
      "PaymentAmount with 3 decimals",
      base,
      form({ ...fields, PaymentAmount: "60.001" }),
      /^PaymentAmount: must be an amount like 60, 60.0 or 60.00$/,
    ],
    ["a negative PaymentAmount", base, form({ ...fields, PaymentAmount: "-60.00" }), /^PaymentAmount: /],
    ["PaymentAmount with a thousands separator", base, form({ ...fields, PaymentAmount: "1,250.00" }), /^PaymentAmount: /],
    ["PaymentAmount with a currency sign", base, form({ ...fields, PaymentAmount: "$60.00" }), /^PaymentAmount: /],
    ["PaymentAmount with a space", base, form({ ...fields, PaymentAmount: " 60.00" }), /^PaymentAmount: /],
    ["PaymentAmount empty", base, form({ ...fields, PaymentAmount: "" }), /^PaymentAmount: /],
    ['PaymentAmount "60."', base, form({ ...fields, PaymentAmount: "60." }), /^PaymentAmount: /],
    ['PaymentAmount ".50"', base, form({ ...fields, PaymentAmount: ".50" }), /^PaymentAmount: /],
    ["PaymentAmount with an exponent", base, form({ ...fields, PaymentAmount: "6e1" }), /^PaymentAmount: /],
    ["PaymentAmount with a leading zero", base, form({ ...fields, PaymentAmount: "060.00" }), /^PaymentAmount: /],
    ["a word for PaymentAmount", base, form({ ...fields, PaymentAmount: "sixty" }), /^PaymentAmount: /],
    ["a negative ConvenienceFee", base, form({ ...fields, ConvenienceFee: "-1.00" }), /^ConvenienceFee: /],
    ["ConvenienceFee with 3 decimals", base, form({ ...fields, ConvenienceFee: "2.505" }), /^ConvenienceFee: /],
    ["a word for ConvenienceFee", base, form({ ...fields, ConvenienceFee: "free" }), /^ConvenienceFee: /],
  ])("refuses %s as malformed (400 naming the problem)", async (_name, url, body, message) => {
    const parsed = await parsePostback(post(url, body));
    expect(parsed).toMatchObject({ ok: false, status: 400 });
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it("refuses a malformed value given in the query the same way", async () => {
    const parsed = await parsePostback(post(`${base}&${form({ ...fields, Approved: "yes" })}`));
    expect(parsed).toMatchObject({ ok: false, status: 400, raw: { Approved: "yes" } });
  });

  it("keeps only the postback fields in raw: the PostBackURL's own parameters and unknown fields never", async () => {
    const url = `${base}&pp-token=secret-token-value&Extra=1&${form({ Approved: "True" })}`;
    const good = await parsePostback(post(url, form({ ...fields, Other: "x" })));
    expect(good).toMatchObject({ ok: true, raw: fields });
    expect(good.raw).not.toHaveProperty("pp-token");
    expect(good.raw).not.toHaveProperty("payment-id");
    const bad = await parsePostback(post(url, form({ ...fields, PaymentAmount: "lots" })));
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.raw).sort()).toEqual(Object.keys(fields).sort());
    expect(JSON.stringify(bad)).not.toContain("secret-token-value");
  });

  it("refuses a body that declares more than the cap, without reading it", async () => {
    const parsed = await parsePostback(post(base, "a=" + "x".repeat(MAX_POSTBACK_BYTES)));
    expect(parsed).toMatchObject({ ok: false, status: 413 });
  });

  it("stops reading a chunked body with no Content-Length at the cap, cancels it and answers 413", async () => {
    // 4 MB in 1 KB chunks: the parser must stop near the first 16 KB.
    let sent = 0;
    const { req, seen } = streamed(() => (sent++ < 4096 ? new Uint8Array(1024).fill(0x61) : null));
    expect(req.headers.get("content-length")).toBeNull();
    const parsed = await parsePostback(req);
    expect(parsed).toMatchObject({ ok: false, status: 413, paymentId: ID });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBeLessThan(2 * (MAX_POSTBACK_BYTES / 1024));
  });

  it("reads a chunked body under the cap in full", async () => {
    const parts = [`Approved=True&PaymentAmount=60.00&`, `BillerReference=${fields.BillerReference}`].map((p) =>
      new TextEncoder().encode(p),
    );
    const { req, seen } = streamed(() => parts.shift() ?? null);
    const parsed = await parsePostback(req);
    expect(parsed).toMatchObject({
      ok: true,
      fields: { Approved: "True", PaymentAmount: "60.00", BillerReference: fields.BillerReference },
    });
    expect(seen.cancelled).toBe(false);
  });

  it("takes a chunked body of exactly the cap", async () => {
    const filler = `${form(fields)}&pad=`;
    let left = new TextEncoder().encode(filler + "x".repeat(MAX_POSTBACK_BYTES - filler.length));
    const { req } = streamed(() => {
      if (left.byteLength === 0) return null;
      const chunk = left.slice(0, 1000);
      left = left.slice(1000);
      return chunk;
    });
    expect(await parsePostback(req)).toMatchObject({ ok: true, fields });
  });
});
