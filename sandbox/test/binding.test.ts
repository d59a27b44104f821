/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../src/server";
import { MAX_API_CALLS } from "../src/store";
import { MISSISSAUGA, basic, callApi, startSandbox } from "./helpers";

// The binding rules of docs/sandbox.md, as fixtures: requests shaped the way the public Invoice Cloud
// clients send them must succeed, and nonsense must be refused with a message naming the field.

let sb: SandboxServer;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

const REF = "fc28b251110332197638bd3cae9af7eb5351e916e1e68b7f513274e155914a1a";
const RETURN = "https://portal.example/api/command/payment/icop-return?payment-id=67190dcd-3813-46e2-a287-c1370131928a";
const POSTBACK = "https://portal.example/api/command/payment/icop-postback?payment-id=67190dcd-3813-46e2-a287-c1370131928a";

/** The design document's sample request, verbatim. */
const designSample = () => ({
  Customers: [
    {
      AccountNumber: "ACCT-17592204116016",
      Name: "Test Applicant",
      Address: "123 Fake Street",
      City: "Mississauga",
      Zip: "L4Y3P5",
      EmailAddress: "cloudpermit.test.applicant@gmail.com",
      Invoices: [
        {
          InvoiceNumber: "17592206141008",
          TypeId: 42,
          DueDate: "10/23/2024",
          InvoiceDate: "10/23/2024",
          BalanceDue: 60.0,
          CCServiceFee: 0,
          AchServiceFee: 0,
        },
      ],
    },
  ],
  BillerReference: REF,
  ReturnURL: "https://training.us.cloudpermit.com/api/command/payment/icop-return?payment-id=67190dcd-3813-46e2-a287-c1370131928a",
  PostBackURL: "https://training.us.cloudpermit.com/api/command/payment/icop-postback?payment-id=67190dcd-3813-46e2-a287-c1370131928a",
  CreateCustomerRecord: true,
  AllowCCPayment: true,
  AllowACHPayment: true,
});

/** The ByWater Koha plugin's shape: the parameter table's names, TypeID "42", BalanceDue "60.00", fees "0.00", AllowSwipe, ViewMode. */
const kohaShape = () => ({
  Customers: [
    {
      AccountNumber: "23529000035676",
      Name: "Patron Example",
      Address: "1 Library Way",
      City: "Springfield",
      State: "MI",
      Zip: "49001",
      EmailAddress: "patron@example.org",
      Invoices: [
        {
          InvoiceNumber: "9001",
          TypeID: "42",
          InvoiceDate: "10/23/2024",
          DueDate: "10/23/2024",
          BalanceDue: "60.00",
          CCServiceFee: "0.00",
          ACHServiceFee: "0.00",
        },
      ],
    },
  ],
  BillerReference: REF,
  ReturnURL: RETURN,
  PostBackURL: POSTBACK,
  CreateCustomerRecord: true,
  AllowCCPayment: true,
  AllowACHPayment: true,
  AllowSwipe: false,
  ViewMode: 0,
});

/** Aspen Discovery's shape: fees as strings, BalanceDue a float, several fines, the page options it turns off. */
const aspenShape = () => ({
  Customers: [
    {
      AccountNumber: "21234000123456",
      Name: "Reader Example",
      EmailAddress: "reader@example.org",
      Invoices: [
        {
          InvoiceNumber: "fine-101",
          TypeId: 42,
          InvoiceDate: "11/02/2024",
          DueDate: "11/02/2024",
          BalanceDue: 12.5,
          CCServiceFee: "0.00",
          AchServiceFee: "0.00",
        },
        {
          InvoiceNumber: "fine-102",
          TypeId: 42,
          InvoiceDate: "11/02/2024",
          DueDate: "11/02/2024",
          BalanceDue: 0.35,
          CCServiceFee: "0.00",
          AchServiceFee: "0.00",
        },
      ],
    },
  ],
  BillerReference: REF,
  ReturnURL: RETURN,
  PostBackURL: POSTBACK,
  CreateCustomerRecord: true,
  AllowCCPayment: true,
  AllowACHPayment: false,
  CSSUrl: "https://library.example/invoicecloud.css",
  PageResultOptions: {
    AllowRegisterAccount: false,
    InvoiceOptions: { AllowViewStatement: false, AllowRemove: false, AllowViewRelated: false, AllowRemindMe: false },
  },
});

const lastCall = () => sb.state.apiCalls.at(-1)!;
const sessionOf = (r: Awaited<ReturnType<typeof callApi>>) => sb.state.sessions.get(r.json?.Data?.CloudPaymentURL?.split("/").pop() ?? "");

describe("accepted: the public clients' shapes and the design document's sample", () => {
  it("the design document's sample: no binding notes", async () => {
    const r = await callApi(sb, designSample());
    expect(r.json).toMatchObject({ Code: 0, Message: "SUCCESS" });
    expect(sessionOf(r)?.invoiceTotalCents).toBe(6000);
    expect(lastCall()).toMatchObject({ status: 200, message: "SUCCESS", biller: MISSISSAUGA.name, notes: [] });
  });

  it("the Koha plugin's shape: numeric strings bind to numbers, and the notes say so", async () => {
    const r = await callApi(sb, kohaShape());
    expect(r.json).toMatchObject({ Code: 0, Message: "SUCCESS" });
    const invoice = sessionOf(r)?.request.Customers[0]?.Invoices[0];
    expect(invoice).toMatchObject({ TypeId: 42, BalanceDue: 60, CCServiceFee: 0, AchServiceFee: 0 });
    expect(sessionOf(r)?.invoiceTotalCents).toBe(6000);
    expect(lastCall().notes).toEqual([
      "Customers[0].Invoices[0].TypeID read as TypeId (names match in any case)",
      'Customers[0].Invoices[0].TypeID given as a string ("42"); accepted',
      'Customers[0].Invoices[0].BalanceDue given as a string ("60.00"); accepted',
      'Customers[0].Invoices[0].CCServiceFee given as a string ("0.00"); accepted',
      "Customers[0].Invoices[0].ACHServiceFee read as AchServiceFee (names match in any case)",
      'Customers[0].Invoices[0].ACHServiceFee given as a string ("0.00"); accepted',
    ]);
  });

  it("Aspen's shape: string fees and float balances (12.50 + 0.35)", async () => {
    const r = await callApi(sb, aspenShape());
    expect(r.json).toMatchObject({ Code: 0, Message: "SUCCESS" });
    expect(sessionOf(r)?.invoiceTotalCents).toBe(1285);
    expect(lastCall().notes).toContain('Customers[0].Invoices[1].AchServiceFee given as a string ("0.00"); accepted');
  });

  it.each<[string, (b: any) => void, number]>([
    ['an integer string "60"', (b) => (b.Customers[0].Invoices[0].BalanceDue = "60"), 6000],
    ['one decimal "60.5"', (b) => (b.Customers[0].Invoices[0].BalanceDue = "60.5"), 6050],
    ['trailing zeros "60.500"', (b) => (b.Customers[0].Invoices[0].BalanceDue = "60.500"), 6050],
    ['ViewMode as "0"', (b) => (b.ViewMode = "0"), 6000],
    ["an unknown property", (b) => (b.Customers[0].Invoices[0].Memo = "ignored"), 6000],
  ])("also accepts %s", async (_name, change, cents) => {
    const body = kohaShape();
    change(body);
    const r = await callApi(sb, body);
    expect(r.json?.Message).toBe("SUCCESS");
    expect(sessionOf(r)?.invoiceTotalCents).toBe(cents);
  });
});

describe("refused: nonsense, each with a message naming the field as the client spelt it", () => {
  const invoice = (b: any) => b.Customers[0].Invoices[0];
  it.each<[string, (b: any) => void, string]>([
    ["a negative amount", (b) => (invoice(b).BalanceDue = "-60.00"), "Customers[0].Invoices[0].BalanceDue must not be negative"],
    ["a negative fee", (b) => (invoice(b).CCServiceFee = "-0.50"), "Customers[0].Invoices[0].CCServiceFee must not be negative"],
    ["a missing InvoiceNumber", (b) => delete invoice(b).InvoiceNumber, "Customers[0].Invoices[0].InvoiceNumber is required"],
    ["a missing BalanceDue", (b) => delete invoice(b).BalanceDue, "Customers[0].Invoices[0].BalanceDue is required"],
    [
      "3 decimals in a string",
      (b) => (invoice(b).BalanceDue = "60.001"),
      "Customers[0].Invoices[0].BalanceDue must have at most 2 decimals",
    ],
    ["a thousands separator", (b) => (invoice(b).BalanceDue = "1,250.00"), "Customers[0].Invoices[0].BalanceDue must be a number"],
    ["spaces around the number", (b) => (invoice(b).BalanceDue = " 60.00"), "Customers[0].Invoices[0].BalanceDue must be a number"],
    ["an exponent in a string", (b) => (invoice(b).BalanceDue = "6e1"), "Customers[0].Invoices[0].BalanceDue must be a number"],
    ["a currency sign", (b) => (invoice(b).BalanceDue = "$60.00"), "Customers[0].Invoices[0].BalanceDue must be a number"],
    ["an empty string", (b) => (invoice(b).ACHServiceFee = ""), "Customers[0].Invoices[0].ACHServiceFee must be a number"],
    ["null", (b) => (invoice(b).BalanceDue = null), "Customers[0].Invoices[0].BalanceDue must be a number"],
    ['a decimal TypeID "42.0"', (b) => (invoice(b).TypeID = "42.0"), "Customers[0].Invoices[0].TypeID must be an integer"],
    ["a word for TypeID", (b) => (invoice(b).TypeID = "permit"), "Customers[0].Invoices[0].TypeID must be an integer"],
    [
      "another biller's TypeID",
      (b) => (invoice(b).TypeID = "17"),
      "Customers[0].Invoices[0].TypeID 17 is not an invoice type of this biller",
    ],
    ["an ISO date", (b) => (invoice(b).DueDate = "2024-10-23"), "Customers[0].Invoices[0].DueDate must be MM/DD/YYYY"],
    [
      "a date without leading zeros",
      (b) => (invoice(b).InvoiceDate = "1/5/2024"),
      "Customers[0].Invoices[0].InvoiceDate must be MM/DD/YYYY",
    ],
    ['the string "true" for a boolean', (b) => (b.AllowCCPayment = "true"), "AllowCCPayment must be a boolean (true/false)"],
    ["1 for a boolean", (b) => (b.CreateCustomerRecord = 1), "CreateCustomerRecord must be a boolean (true/false)"],
    ["a zero total", (b) => (invoice(b).BalanceDue = "0.00"), "The total BalanceDue must be greater than 0"],
  ])("%s", async (_name, change, message) => {
    const body = kohaShape();
    change(body);
    const r = await callApi(sb, body);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ Code: 400, Message: message, Data: null });
    expect(lastCall()).toMatchObject({ status: 400, message });
  });

  it("a missing or wrong key: 401, and the body is not read", async () => {
    for (const auth of [undefined, basic("ic_sandbox_wrong_key")]) {
      const res = await fetch(`${sb.url}/cloudpaymentsapi/v2`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify(kohaShape()),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ Code: 401, Message: "Unauthorized: invalid API key", Data: null });
      expect(lastCall()).toMatchObject({ status: 401, message: "Unauthorized: invalid API key", notes: [] });
      expect(lastCall().body).toBeUndefined();
      expect(lastCall().biller).toBeUndefined();
    }
  });
});

describe("the dashboard shows each recent create call as received, with its binding notes", () => {
  it("lists the request text and the notes, newest first, and /__sandbox/calls has them as JSON", async () => {
    await callApi(sb, designSample());
    const text = JSON.stringify(kohaShape());
    await callApi(sb, text);
    const html = await (await fetch(`${sb.url}/__sandbox`)).text();
    const section = html.slice(html.indexOf('id="calls"'));
    expect(section).toContain("TypeID given as a string (&quot;42&quot;); accepted");
    expect(section).toContain("&quot;TypeID&quot;:&quot;42&quot;,"); // the body exactly as sent, escaped
    expect(section.indexOf("&quot;TypeID&quot;:&quot;42&quot;")).toBeLessThan(section.indexOf("&quot;TypeId&quot;:42"));

    const json = (await (await fetch(`${sb.url}/__sandbox/calls`)).json()) as { calls: { body?: string }[] };
    expect(json.calls.at(-1)?.body).toBe(text);
    expect(JSON.stringify(json)).not.toContain(MISSISSAUGA.apiKey);
  });

  it(`keeps the last ${MAX_API_CALLS} calls, and a reset clears them`, async () => {
    for (let i = 0; i < MAX_API_CALLS + 5; i++) await callApi(sb, { Customers: i });
    expect(sb.state.apiCalls).toHaveLength(MAX_API_CALLS);
    expect(lastCall().message).toBe("Customers must be an array");
    await fetch(`${sb.url}/__sandbox/reset`, { method: "POST" });
    expect(sb.state.apiCalls).toEqual([]);
  });
});
