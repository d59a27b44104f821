import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POSTBACK_FIELDS } from "../src/postback";
import type { SandboxServer } from "../src/server";
import type { Receiver } from "./helpers";
import {
  addFault,
  CARD_DECLINE,
  CARD_DELAY,
  CARD_OK,
  CARD_WRONG_AMOUNT,
  MISSISSAUGA,
  cardForm,
  createSession,
  pay,
  sleep,
  startReceiver,
  startSandbox,
  submit,
  waitForDeliveries,
} from "./helpers";

let sb: SandboxServer;
let rx: Receiver;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(async () => {
  rx = await startReceiver();
});
afterEach(() => rx.close());

const REF = "fc28b251110332197638bd3cae9af7eb5351e916e1e68b7f513274e155914a1a";

describe("postback on payment", () => {
  it("approving card: all 18 fields form-encoded, correct values, delivered BEFORE the receipt redirect", async () => {
    const url = await createSession(sb, rx.url);
    const r = await submit(url, cardForm(CARD_OK));
    expect(r.status).toBe(303);
    expect(rx.received).toHaveLength(1); // already there when the browser gets the redirect
    const pb = rx.received[0]!;
    expect(pb.method).toBe("POST");
    expect(pb.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(pb.url).toBe("/api/command/payment/icop-postback?payment-id=7c9e6679-7425-40de-944b-e07fc1f90ae7");
    expect(Object.keys(pb.form)).toEqual([...POSTBACK_FIELDS]);
    const guid = r.location?.split("/").pop();
    expect(pb.form).toMatchObject({
      BillerGUID: MISSISSAUGA.billerGuid,
      InvoiceNumber: "17592206141008",
      Approved: "True",
      CustomerName: "Test Applicant",
      CustomerAddress: "123 Fake Street",
      CustomerCity: "Mississauga",
      CustomerState: "ON",
      CustomerZip: "L4Y3P5",
      PaymentGUID: guid,
      PaymentAmount: "60.00",
      PaymentDescription: "Payment for invoice 17592206141008",
      PaymentTypeID: "1",
      CardType: "Visa",
      PaymentMessage: "Approved",
      BillerReference: REF,
      ConvenienceFee: "0.00",
      RemoteIP: "127.0.0.1",
    });
    expect(pb.form.PaymentDate).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} (AM|PM)$/);
    const d = sb.state.deliveries.filter((x) => x.paymentGuid === guid);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ attempt: 1, status: 204, ok: true, kind: "real", url: rx.url });
  });

  it("several invoices: InvoiceNumber joined with commas, amount summed", async () => {
    const url = await createSession(sb, rx.url, {
      Customers: [
        {
          AccountNumber: "A",
          Invoices: [
            {
              InvoiceNumber: "I-1",
              TypeId: 42,
              InvoiceDate: "01/01/2025",
              DueDate: "01/01/2025",
              BalanceDue: 0.1,
              CCServiceFee: 0,
              AchServiceFee: 0,
            },
            {
              InvoiceNumber: "I-2",
              TypeId: 43,
              InvoiceDate: "01/01/2025",
              DueDate: "01/01/2025",
              BalanceDue: 0.2,
              CCServiceFee: 0,
              AchServiceFee: 0,
            },
          ],
        },
      ],
    });
    await pay(url, cardForm(CARD_OK));
    expect(rx.received[0]?.form).toMatchObject({ InvoiceNumber: "I-1,I-2", PaymentAmount: "0.30", CustomerName: "" });
  });

  it("declining card: Approved=False with the reason, receipt says Payment declined", async () => {
    const url = await createSession(sb, rx.url);
    const { receiptPath } = await pay(url, cardForm(CARD_DECLINE));
    expect(rx.received[0]?.form).toMatchObject({ Approved: "False", PaymentMessage: "Your card was declined", PaymentAmount: "60.00" });
    const html = await (await fetch(`${sb.url}${receiptPath}`)).text();
    expect(html).toContain('<h1 id="receipt-heading">Payment declined</h1>');
    expect(html).toContain("Your card was declined");
    expect(html).toContain("Return to Home Page");
    expect((await submit(url, cardForm(CARD_OK))).html).toContain("already used");
  });

  it("ACH: PaymentTypeID 2, CardType ACH; declining account gives Approved=False", async () => {
    await pay(await createSession(sb, rx.url), {
      method: "ach",
      routingNumber: "110000000",
      bankAccountNumber: "000123456789",
      accountHolder: "A",
    });
    await pay(await createSession(sb, rx.url), {
      method: "ach",
      routingNumber: "110000000",
      bankAccountNumber: "000111111116",
      accountHolder: "A",
    });
    expect(rx.received[0]?.form).toMatchObject({ Approved: "True", PaymentTypeID: "2", CardType: "ACH" });
    expect(rx.received[1]?.form).toMatchObject({ Approved: "False", PaymentTypeID: "2", CardType: "ACH" });
  });

  it("wrong-amount card posts back total + 1.00", async () => {
    await pay(await createSession(sb, rx.url), cardForm(CARD_WRONG_AMOUNT));
    expect(rx.received[0]?.form).toMatchObject({ Approved: "True", PaymentAmount: "61.00", ConvenienceFee: "0.00" });
  });

  it("delayed card approves after SANDBOX_DELAYED_CARD_MS, postback still before the redirect", async () => {
    const started = Date.now();
    await pay(await createSession(sb, rx.url), cardForm(CARD_DELAY));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(rx.received[0]?.form.Approved).toBe("True");
  });

  it("retries after a 500 on the fast schedule and records every attempt", async () => {
    rx.statuses = [500, 500, 200];
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    const d = await waitForDeliveries(sb, guid, 3);
    expect(d.map((x) => [x.attempt, x.status, x.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    expect(d[0]?.responseBody).toBe("receiver error");
    expect(rx.received[2]!.at - rx.received[0]!.at).toBeGreaterThanOrEqual(140);
    await sleep(200);
    expect(rx.received).toHaveLength(3);
  });

  it("gives up after the schedule is exhausted", async () => {
    rx.statuses = [503];
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    await rx.waitFor(3);
    await sleep(250);
    expect(rx.received).toHaveLength(3); // 1 + 2 retries ("50,100")
    expect(sb.state.deliveries.filter((x) => x.paymentGuid === guid).every((x) => !x.ok)).toBe(true);
  });

  it("a 3xx is a failure: never followed, recorded, retried", async () => {
    rx.statuses = [302, 204];
    rx.headers = { Location: "https://elsewhere.example/" };
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    const d = await waitForDeliveries(sb, guid, 2);
    expect(d[0]).toMatchObject({ status: 302, ok: false });
    expect(d[0]?.error).toContain("never follow redirects");
    expect(d[1]).toMatchObject({ status: 204, ok: true });
  });

  it("network errors and timeouts are recorded and retried", async () => {
    const quick = await startSandbox({ postbackTimeoutMs: 100, postbackRetryMs: [20] });
    try {
      const { createServer } = await import("node:http");
      const slow = createServer(() => {
        /* never answers */
      });
      await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
      const port = (slow.address() as import("node:net").AddressInfo).port;
      const { guid } = await pay(await createSession(quick, `http://127.0.0.1:${port}/pb`), cardForm(CARD_OK));
      await sleep(250);
      const d = quick.state.deliveries.filter((x) => x.paymentGuid === guid);
      expect(d).toHaveLength(2);
      expect(d[0]?.error).toContain("timeout");
      slow.closeAllConnections();
      slow.close();
      const { guid: g2 } = await pay(await createSession(quick, "http://127.0.0.1:9/closed"), cardForm(CARD_OK));
      expect(quick.state.deliveries.find((x) => x.paymentGuid === g2)?.error).toMatch(/ECONNREFUSED|fetch failed/);
    } finally {
      await quick.close();
    }
  });

  it("SANDBOX_POSTBACK_IN_QUERY also sends the fields as query parameters", async () => {
    const q = await startSandbox({ postbackInQuery: true });
    try {
      await pay(await createSession(q, rx.url), cardForm(CARD_OK));
      const u = new URL(rx.received[0]!.url, "http://x");
      expect(u.searchParams.get("payment-id")).toBe("7c9e6679-7425-40de-944b-e07fc1f90ae7");
      expect(u.searchParams.get("Approved")).toBe("True");
      expect(u.searchParams.get("PaymentAmount")).toBe("60.00");
      expect(rx.received[0]!.form.Approved).toBe("True");
    } finally {
      await q.close();
    }
  });

  // The app adds its own query parameters to PostBackURL (a per-attempt token beside payment-id):
  // they must reach it byte for byte, on every kind of delivery.
  const TOKEN = "pp-token=Zm9v_-Yg~.%2B%2F%3D";
  const withToken = () => `${rx.url}&${TOKEN}`;
  const expectedPath = `/api/command/payment/icop-postback?payment-id=7c9e6679-7425-40de-944b-e07fc1f90ae7&${TOKEN}`;

  it("sends to the PostBackURL exactly as given, an extra query parameter included (real, duplicate, resend; a forger never saw it)", async () => {
    expect((await addFault(sb, { fault: "postback_duplicate" })).status).toBe(201);
    expect((await addFault(sb, { fault: "forged_wrong_amount" })).status).toBe(201);
    const { guid } = await pay(await createSession(sb, withToken()), cardForm(CARD_OK));
    expect((await fetch(`${sb.url}/__sandbox/postbacks/${guid}/resend`, { method: "POST" })).status).toBe(200);
    const received = await rx.waitFor(4);
    const forgerPath = expectedPath.slice(0, expectedPath.indexOf(`&${TOKEN}`));
    expect(received.map((r) => r.url)).toEqual([expectedPath, expectedPath, forgerPath, expectedPath]);
    expect(sb.state.deliveries.filter((d) => d.paymentGuid === guid).map((d) => d.kind)).toEqual([
      "real",
      "duplicate",
      "forged_wrong_amount",
      "resend",
    ]);
  });

  it("never shows a PostBackURL's secrets on its open control API or dashboard (the payer can reach them)", async () => {
    await pay(await createSession(sb, withToken()), cardForm(CARD_OK));
    await rx.waitFor(1);
    const secret = "Zm9v_-Yg";
    for (const path of ["/__sandbox/calls", "/__sandbox/payments", "/__sandbox"]) {
      const text = await (await fetch(`${sb.url}${path}`)).text();
      expect(text, path).not.toContain(secret);
      expect(text, path).toContain("7c9e6679-7425-40de-944b-e07fc1f90ae7"); // the payment-id stays visible
    }
    expect(rx.received[0]!.url).toContain(secret); // …while the client still receives its URL unchanged
  });

  it("with SANDBOX_POSTBACK_IN_QUERY, appends the fields after the PostBackURL's own query, which is kept unchanged", async () => {
    const q = await startSandbox({ postbackInQuery: true });
    try {
      await pay(await createSession(q, withToken()), cardForm(CARD_OK));
      const url = rx.received[0]!.url;
      expect(url.slice(0, expectedPath.length + "&BillerGUID=".length)).toBe(`${expectedPath}&BillerGUID=`);
      expect(new URL(url, "http://x").searchParams.get("Approved")).toBe("True");
    } finally {
      await q.close();
    }
  });

  it("resend re-delivers the same postback (like stripe events resend)", async () => {
    const { guid } = await pay(await createSession(sb, rx.url), cardForm(CARD_OK));
    const res = await fetch(`${sb.url}/__sandbox/postbacks/${guid}/resend`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { delivery: { kind: string; ok: boolean } }).delivery).toMatchObject({ kind: "resend", ok: true });
    expect(rx.received).toHaveLength(2);
    expect(rx.received[1]?.form).toEqual(rx.received[0]?.form);
    expect((await fetch(`${sb.url}/__sandbox/postbacks/nope/resend`, { method: "POST" })).status).toBe(404);
  });

  it("convenience fee per biller: PaymentAmount includes it", async () => {
    const res = await fetch(`${sb.url}/__sandbox/billers`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "Fee Town",
        dba: "Fee Town DBA",
        apiKey: "ic_sandbox_feetown_0000000000000001",
        billerGuid: "11111111-2222-4333-8444-555555555555",
        typeIds: [42],
        convenienceFeeCents: 250,
      }),
    });
    expect(res.status).toBe(201);
    const url = await createSession(sb, rx.url, {}, "ic_sandbox_feetown_0000000000000001");
    expect(await (await fetch(url)).text()).toContain("Pay $62.50");
    await pay(url, cardForm(CARD_OK));
    expect(rx.received[0]?.form).toMatchObject({
      PaymentAmount: "62.50",
      ConvenienceFee: "2.50",
      BillerGUID: "11111111-2222-4333-8444-555555555555",
    });
  });
});
