import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxServer } from "../src/server";
import type { Receiver } from "./helpers";
import {
  CARD_OK,
  MISSISSAUGA,
  OAKVILLE,
  addFault,
  callApi,
  cardForm,
  createSession,
  pay,
  sleep,
  startReceiver,
  startSandbox,
  validBody,
  waitForDeliveries,
} from "./helpers";

let sb: SandboxServer;
let rx: Receiver;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await fetch(`${sb.url}/__sandbox/reset`, { method: "POST" });
  rx = await startReceiver();
});
afterEach(() => rx.close());

describe("fault control API", () => {
  it("adds (201 + id), lists, deletes one, clears all; rejects bad input", async () => {
    const a = await addFault(sb, { fault: "api_500", scope: "next" });
    expect(a.status).toBe(201);
    expect(a.json.id).toMatch(/^flt_/);
    await addFault(sb, { fault: "postback_drop", scope: "biller", billerGuid: OAKVILLE.billerGuid });
    const list = (await (await fetch(`${sb.url}/__sandbox/faults`)).json()) as { faults: { id: string }[] };
    expect(list.faults).toHaveLength(2);
    expect((await fetch(`${sb.url}/__sandbox/faults/${a.json.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await (await fetch(`${sb.url}/__sandbox/faults`, { method: "DELETE" })).json()).toEqual({ cleared: 1 });
    expect((await addFault(sb, { fault: "nope" })).status).toBe(400);
    expect((await addFault(sb, { fault: "api_500", scope: "biller" })).json.error).toContain("billerGuid");
  });
});

describe("API faults", () => {
  it("api_500 (next): one 500, then normal", async () => {
    await addFault(sb, { fault: "api_500", scope: "next" });
    const r = await callApi(sb, validBody(rx.url));
    expect(r.status).toBe(500);
    expect(r.json).toBeUndefined();
    expect((await callApi(sb, validBody(rx.url))).status).toBe(200);
  });

  it("api_malformed_json: 200 with a body that is not JSON", async () => {
    await addFault(sb, { fault: "api_malformed_json" });
    const r = await callApi(sb, validBody(rx.url));
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it("api_missing_url: 200 SUCCESS without CloudPaymentURL", async () => {
    await addFault(sb, { fault: "api_missing_url" });
    const r = await callApi(sb, validBody(rx.url));
    expect(r.status).toBe(200);
    expect(r.json?.Message).toBe("SUCCESS");
    expect(r.json?.Data?.CloudPaymentURL).toBeUndefined();
  });

  it("api_error_message: 200 with an error Message (default and custom)", async () => {
    await addFault(sb, { fault: "api_error_message" });
    await addFault(sb, { fault: "api_error_message", message: "Customer not found" });
    expect((await callApi(sb, validBody(rx.url))).json).toEqual({ Code: 0, Message: "Invalid invoice type", Data: null });
    expect((await callApi(sb, validBody(rx.url))).json?.Message).toBe("Customer not found");
  });

  it("api_timeout: holds the response for delayMs, then answers normally", async () => {
    await addFault(sb, { fault: "api_timeout", delayMs: 150 });
    const started = Date.now();
    const r = await callApi(sb, validBody(rx.url));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(200);
  });

  it("api_timeout: a client that gives up gets an abort", async () => {
    await addFault(sb, { fault: "api_timeout", delayMs: 5000 });
    const p = fetch(`${sb.url}/cloudpaymentsapi/v2`, {
      method: "POST",
      signal: AbortSignal.timeout(100),
      headers: { "Content-Type": "application/json", Authorization: `Basic ${Buffer.from(MISSISSAUGA.apiKey).toString("base64")}` },
      body: JSON.stringify(validBody(rx.url)),
    });
    await expect(p).rejects.toThrow();
  });

  it("scope biller applies to every call of that biller only, until cleared", async () => {
    await addFault(sb, { fault: "api_500", scope: "biller", billerGuid: OAKVILLE.billerGuid });
    const oak = validBody(rx.url);
    oak.Customers[0]!.Invoices[0]!.TypeId = 17;
    expect((await callApi(sb, oak, OAKVILLE.apiKey)).status).toBe(500);
    expect((await callApi(sb, oak, OAKVILLE.apiKey)).status).toBe(500);
    expect((await callApi(sb, validBody(rx.url))).status).toBe(200);
    await fetch(`${sb.url}/__sandbox/faults`, { method: "DELETE" });
    expect((await callApi(sb, oak, OAKVILLE.apiKey)).status).toBe(200);
  });

  it('a "next" fault with a billerGuid waits for that biller', async () => {
    await addFault(sb, { fault: "api_500", scope: "next", billerGuid: OAKVILLE.billerGuid });
    expect((await callApi(sb, validBody(rx.url))).status).toBe(200);
    expect(sb.state.faults).toHaveLength(1);
  });
});

describe("postback faults", () => {
  it("postback_delay: receipt first, postback delayMs later", async () => {
    await addFault(sb, { fault: "postback_delay", delayMs: 150 });
    await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    expect(rx.received).toHaveLength(0);
    await rx.waitFor(1);
    expect(rx.received[0]?.form.Approved).toBe("True");
  });

  it("postback_duplicate: the same postback N times", async () => {
    await addFault(sb, { fault: "postback_duplicate", count: 3 });
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    expect(rx.received).toHaveLength(3);
    expect(rx.received[1]?.form).toEqual(rx.received[0]?.form);
    expect(rx.received[2]?.form.PaymentGUID).toBe(guid);
  });

  it("postback_out_of_order: an older Approved=False event arrives after the approval", async () => {
    await addFault(sb, { fault: "postback_out_of_order" });
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    expect(rx.received.map((r) => r.form.Approved)).toEqual(["True", "False"]);
    const [first, second] = [rx.received[0]!.form, rx.received[1]!.form];
    expect(first.PaymentGUID).toBe(guid);
    expect(second.PaymentGUID).not.toBe(guid);
    expect(second.BillerReference).toBe(first.BillerReference);
    expect(second.PaymentMessage).toBe("Your card was declined");
  });

  it("postback_drop: never delivered", async () => {
    await addFault(sb, { fault: "postback_drop" });
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    await sleep(200);
    expect(rx.received).toHaveLength(0);
    expect(sb.state.payments.get(guid)?.faultsApplied).toEqual(["postback_drop"]);
    // the fault was "next": the following payment is delivered normally
    await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    expect(rx.received).toHaveLength(1);
  });

  it("postback_after_return: nothing until the receipt is viewed, then delayMs later", async () => {
    await addFault(sb, { fault: "postback_after_return", delayMs: 100 });
    const { receiptPath } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    await sleep(150);
    expect(rx.received).toHaveLength(0);
    await fetch(`${sb.url}${receiptPath}`);
    expect(rx.received).toHaveLength(0);
    await rx.waitFor(1);
    await fetch(`${sb.url}${receiptPath}`);
    await sleep(150);
    expect(rx.received).toHaveLength(1);
  });

  it("postback_fail_first: the first N attempts are lost, the retry delivers", async () => {
    await addFault(sb, { fault: "postback_fail_first", count: 2 });
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    expect(rx.received).toHaveLength(0);
    await rx.waitFor(1);
    const d = await waitForDeliveries(sb, guid, 3);
    expect(d.map((x) => x.ok)).toEqual([false, false, true]);
    expect(d[0]?.error).toContain("lost");
  });

  it("forgeries are sent after the real postback, to the URL a payer could build (no token the client added)", async () => {
    await addFault(sb, { fault: "forged_unknown_reference" });
    await addFault(sb, { fault: "forged_wrong_biller_guid" });
    await addFault(sb, { fault: "forged_wrong_amount" });
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    expect(rx.received).toHaveLength(4);
    const [real, ref, biller, amount] = rx.received.map((r) => r.form);
    expect(real?.PaymentGUID).toBe(guid);
    expect(ref?.BillerReference).not.toBe(real?.BillerReference);
    expect(ref?.BillerReference).toMatch(/^[0-9a-f]{64}$/);
    expect(biller?.BillerGUID).not.toBe(MISSISSAUGA.billerGuid);
    expect(biller?.BillerReference).toBe(real?.BillerReference);
    expect(amount?.PaymentAmount).toBe("0.01");
    // PostBackURL's path with ReturnURL's query: what the payer saw, nothing only Invoice Cloud was told.
    expect(
      rx.received.slice(1).every((r) => r.url === "/api/command/payment/icop-postback?payment-id=7c9e6679-7425-40de-944b-e07fc1f90ae7"),
    ).toBe(true);
    const kinds = sb.state.deliveries.filter((d) => d.paymentGuid === guid).map((d) => d.kind);
    expect(kinds).toEqual(["real", "forged_unknown_reference", "forged_wrong_biller_guid", "forged_wrong_amount"]);
  });

  it("scope biller postback faults hit every payment of that biller", async () => {
    await addFault(sb, { fault: "postback_drop", scope: "biller", billerGuid: MISSISSAUGA.billerGuid });
    await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    await sleep(100);
    expect(rx.received).toHaveLength(0);
    expect(sb.state.faults).toHaveLength(1);
  });

  it("faults can be added from the HTML dev page form", async () => {
    const res = await fetch(`${sb.url}/__sandbox/faults`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "fault=postback_delay&scope=next&billerGuid=&delayMs=250&count=",
    });
    expect(res.status).toBe(303);
    expect(sb.state.faults[0]).toMatchObject({ fault: "postback_delay", scope: "next", delayMs: 250 });
  });
});
