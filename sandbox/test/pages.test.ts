import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../src/server";
import type { Receiver } from "./helpers";
import { CARD_OK, OAKVILLE, cardForm, createSession, pay, startReceiver, startSandbox, submit } from "./helpers";

let sb: SandboxServer;
let rx: Receiver;
beforeAll(async () => {
  sb = await startSandbox();
  rx = await startReceiver();
});
afterAll(async () => {
  await sb.close();
  await rx.close();
});

const RETURN = "http://localhost:3000/api/command/payment/icop-return?payment-id=7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("hosted payment page", () => {
  it("renders biller, customer, invoices, total, method radios, labelled fields, pay button, test cards", async () => {
    const url = await createSession(sb, rx.url, {
      Customers: [
        {
          AccountNumber: "ACCT-1",
          Name: "Test Applicant",
          Address: "123 Fake Street",
          City: "Mississauga",
          State: "ON",
          Zip: "L4Y3P5",
          Invoices: [
            {
              InvoiceNumber: "INV-A",
              TypeId: 42,
              InvoiceDate: "10/23/2024",
              DueDate: "10/23/2024",
              BalanceDue: 1234.5,
              CCServiceFee: 0,
              AchServiceFee: 0,
            },
            {
              InvoiceNumber: "INV-B",
              TypeId: 43,
              InvoiceDate: "10/23/2024",
              DueDate: "11/30/2024",
              BalanceDue: 0.55,
              CCServiceFee: 0,
              AchServiceFee: 0,
            },
          ],
        },
      ],
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("City of Mississauga");
    expect(html).toContain("Test Applicant");
    expect(html).toContain("ACCT-1");
    expect(html).toContain("123 Fake Street, Mississauga, ON, L4Y3P5");
    expect(html).toMatch(/<td>INV-A<\/td><td>42<\/td><td>10\/23\/2024<\/td><td class="num">\$1,234\.50<\/td>/);
    expect(html).toMatch(/<td>INV-B<\/td><td>43<\/td><td>11\/30\/2024<\/td><td class="num">\$0\.55<\/td>/);
    expect(html).toContain('<td class="num" id="total">$1,235.05</td>');
    expect(html).toContain(">Pay $1,235.05</button>");
    expect(html).toMatch(/<input type="radio" name="method" value="card"[^>]*checked> Card<\/label>/);
    expect(html).toMatch(/<input type="radio" name="method" value="ach"[^>]*> Bank account \(ACH\)<\/label>/);
    for (const [id, label] of [
      ["cardNumber", "Card number"],
      ["expiry", "Expiry (MM/YY)"],
      ["cvc", "CVC"],
      ["cardName", "Name on card"],
      ["routingNumber", "Routing number"],
      ["bankAccountNumber", "Account number"],
      ["accountHolder", "Account holder name"],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toContain(`id="${id}" name="${id}"`);
    }
    for (const c of [
      "4242 4242 4242 4242",
      "4000 0000 0000 0002",
      "4000 0000 0000 0077",
      "4000 0000 0000 0101",
      "110000000",
      "000123456789",
      "000111111116",
    ]) {
      expect(html).toContain(c);
    }
  });

  it("sign-out tooltip uses the biller DBA by default and leads to ReturnURL", async () => {
    const html = await (await fetch(await createSession(sb, rx.url))).text();
    expect(html).toContain(
      `<a id="sign-out" href="${RETURN.replace(/&/g, "&amp;")}" title="Sign out and Return to City of Mississauga">Sign out</a>`,
    );
  });

  it("sign-out tooltip uses CustomReturnSiteName when sent", async () => {
    const html = await (await fetch(await createSession(sb, rx.url, { CustomReturnSiteName: "PermitPay <Mississauga>" }))).text();
    expect(html).toContain('title="Sign out and Return to PermitPay &lt;Mississauga&gt;"');
  });

  it("shows only the allowed methods", async () => {
    const html = await (await fetch(await createSession(sb, rx.url, { AllowCCPayment: false }))).text();
    expect(html).not.toContain('id="cardNumber"');
    expect(html).toContain('id="routingNumber"');
  });

  it("404 for an unknown token", async () => {
    const res = await fetch(`${sb.url}/portal/access/otp/doesnotexist`);
    expect(res.status).toBe(404);
  });
});

describe("form validation (no charge)", () => {
  it("an unknown card re-shows the form with the test-card error and charges nothing", async () => {
    const url = await createSession(sb, rx.url);
    const r = await submit(url, cardForm("5555 5555 5555 4444"));
    expect(r.status).toBe(422);
    expect(r.html).toContain("Use one of the sandbox test cards listed below");
    expect(r.html).toContain('role="alert"');
    expect(r.html).toContain('value="5555 5555 5555 4444"');
    const token = url.split("/").pop() ?? "";
    expect(sb.state.sessions.get(token)?.status).toBe("open");
  });

  it("past expiry, bad CVC and missing name get messages next to the fields", async () => {
    const url = await createSession(sb, rx.url);
    const r = await submit(url, cardForm(CARD_OK, { expiry: "01/20", cvc: "12", cardName: "" }));
    expect(r.status).toBe(422);
    expect(r.html).toMatch(/id="expiry"[^>]*aria-invalid="true" aria-describedby="expiry-error"/);
    expect(r.html).toContain('<p class="error" id="expiry-error">The card has expired');
    expect(r.html).toContain('<p class="error" id="cvc-error">Enter the 3 or 4 digit CVC</p>');
    expect(r.html).toContain('<p class="error" id="cardName-error">Enter the name on the card</p>');
    expect(r.html).not.toContain('value="12"'); // the CVC is never echoed back
  });

  it("an unknown bank account is refused", async () => {
    const url = await createSession(sb, rx.url);
    const r = await submit(url, { method: "ach", routingNumber: "110000000", bankAccountNumber: "999999999", accountHolder: "X" });
    expect(r.status).toBe(422);
    expect(r.html).toContain("Use one of the sandbox test accounts listed below");
  });
});

describe("session lifecycle", () => {
  it('is single-use: a second POST shows "already paid" and links to the receipt; one payment only', async () => {
    const url = await createSession(sb, rx.url);
    const [a, b] = await Promise.all([submit(url, cardForm(CARD_OK)), submit(url, cardForm(CARD_OK))]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([303, 409]);
    const paid = a.status === 303 ? a : b;
    const guid = paid.location?.split("/").pop() ?? "";
    const third = await submit(url, cardForm(CARD_OK));
    expect(third.html).toContain("Already paid");
    expect(third.html).toContain(`href="/portal/receipt/${guid}"`);
    const token = url.split("/").pop() ?? "";
    expect([...sb.state.payments.values()].filter((p) => p.token === token)).toHaveLength(1);
    const page = await fetch(url);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain("already used");
  });

  it("expires after the TTL, and can be force-expired", async () => {
    const short = await startSandbox({ sessionTtlMs: 30 });
    try {
      const url = await createSession(short, rx.url);
      await new Promise((r) => setTimeout(r, 60));
      const res = await fetch(url);
      expect(res.status).toBe(410);
      expect(await res.text()).toContain("This payment link has expired");
      expect((await submit(url, cardForm(CARD_OK))).status).toBe(410);
    } finally {
      await short.close();
    }
    const url = await createSession(sb, rx.url);
    const token = url.split("/").pop() ?? "";
    const exp = await fetch(`${sb.url}/__sandbox/sessions/${token}/expire`, { method: "POST" });
    expect(exp.status).toBe(200);
    expect((await fetch(url)).status).toBe(410);
  });
});

describe("receipt", () => {
  it("approved: heading, biller, amount, method, Payment GUID, invoices, Return to Home Page = ReturnURL unchanged", async () => {
    const url = await createSession(sb, rx.url);
    const { receiptPath, guid } = await pay(url, cardForm(CARD_OK));
    const html = await (await fetch(`${sb.url}${receiptPath}`)).text();
    expect(html).toContain('<h1 id="receipt-heading">Payment receipt</h1>');
    expect(html).toContain("City of Mississauga");
    expect(html).toContain('<dd id="amount-paid">$60.00</dd>');
    expect(html).toContain("Visa ending 4242");
    expect(html).toContain(guid);
    expect(html).toContain("17592206141008");
    expect(html).toContain(`<a class="button" id="return-home" href="${RETURN.replace(/&/g, "&amp;")}">Return to Home Page</a>`);
  });

  it("ACH approval shows the bank account; Oakville biller name", async () => {
    const url = await createSession(
      sb,
      rx.url,
      {
        Customers: [
          {
            AccountNumber: "O-1",
            Invoices: [
              {
                InvoiceNumber: "OAK-1",
                TypeId: 17,
                InvoiceDate: "01/01/2025",
                DueDate: "01/31/2025",
                BalanceDue: 25,
                CCServiceFee: 0,
                AchServiceFee: 0,
              },
            ],
          },
        ],
      },
      OAKVILLE.apiKey,
    );
    const { receiptPath } = await pay(url, {
      method: "ach",
      routingNumber: "110000000",
      bankAccountNumber: "000123456789",
      accountHolder: "Test",
    });
    const html = await (await fetch(`${sb.url}${receiptPath}`)).text();
    expect(html).toContain("Payment receipt");
    expect(html).toContain("Town of Oakville");
    expect(html).toContain("Bank account ending 6789");
    expect(html).toContain("$25.00");
  });
});
