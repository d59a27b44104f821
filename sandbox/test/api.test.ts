/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "../src/server";
import { MISSISSAUGA, OAKVILLE, basic, callApi, validBody, startSandbox } from "./helpers";

let sb: SandboxServer;
const PB = "http://127.0.0.1:9/postback";
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

type Body = ReturnType<typeof validBody>;
/** A deep copy of the valid body, changed by fn (loosely typed on purpose: tests send invalid shapes). */
function mutate(fn: (b: any) => void): Body {
  const b = structuredClone(validBody(PB));
  fn(b);
  return b;
}

describe("authentication", () => {
  it("401 with the envelope for an unknown key, a missing header and user:password", async () => {
    for (const auth of [basic("nope"), undefined, basic(`${MISSISSAUGA.apiKey}:secret`), "Bearer x"]) {
      const res = await fetch(`${sb.url}/cloudpaymentsapi/v2`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify(validBody(PB)),
      });
      expect(res.status).toBe(401);
      const json = (await res.json()) as { Code: number; Message: string; Data: unknown };
      expect(json.Code).not.toBe(0);
      expect(json).toEqual({ Code: json.Code, Message: "Unauthorized: invalid API key", Data: null });
    }
  });

  it('accepts the key alone and "key:" with an empty password', async () => {
    expect((await callApi(sb, validBody(PB), MISSISSAUGA.apiKey)).status).toBe(200);
    expect((await callApi(sb, validBody(PB), `${MISSISSAUGA.apiKey}:`)).status).toBe(200);
  });

  it("GET /api/v1/biller/status answers Active for a good key, 401 otherwise", async () => {
    const ok = await fetch(`${sb.url}/api/v1/biller/status`, { headers: { Authorization: basic(OAKVILLE.apiKey) } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      Code: 0,
      Message: "SUCCESS",
      Data: { Status: "Active", BillerGUID: OAKVILLE.billerGuid, Name: "Town of Oakville" },
    });
    const bad = await fetch(`${sb.url}/api/v1/biller/status`, { headers: { Authorization: basic("wrong") } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { Message: string }).Message).toBe("Unauthorized: invalid API key");
  });
});

describe("request validation", () => {
  const cases: [string, Body | string, string][] = [
    ["invalid JSON", '{"Customers": [', "not valid JSON"],
    ["missing AccountNumber", mutate((b) => delete b.Customers[0].AccountNumber), "Customers[0].AccountNumber is required"],
    ["empty AccountNumber", mutate((b) => (b.Customers[0].AccountNumber = "")), "Customers[0].AccountNumber must not be empty"],
    ["AccountNumber > 50", mutate((b) => (b.Customers[0].AccountNumber = "x".repeat(51))), "Customers[0].AccountNumber must be at most 50"],
    [
      "bad date format",
      mutate((b) => (b.Customers[0].Invoices[0].DueDate = "2024-10-23")),
      "Customers[0].Invoices[0].DueDate must be MM/DD/YYYY",
    ],
    [
      "impossible date",
      mutate((b) => (b.Customers[0].Invoices[0].InvoiceDate = "02/30/2024")),
      "Customers[0].Invoices[0].InvoiceDate must be a real date",
    ],
    [
      "3-decimal amount",
      mutate((b) => (b.Customers[0].Invoices[0].BalanceDue = 60.001)),
      "Customers[0].Invoices[0].BalanceDue must have at most 2 decimals",
    ],
    [
      "non-numeric string amount",
      mutate((b) => (b.Customers[0].Invoices[0].BalanceDue = "sixty")),
      "Customers[0].Invoices[0].BalanceDue must be a number",
    ],
    [
      "negative fee",
      mutate((b) => (b.Customers[0].Invoices[0].CCServiceFee = -1)),
      "Customers[0].Invoices[0].CCServiceFee must not be negative",
    ],
    [
      "missing AchServiceFee",
      mutate((b) => delete b.Customers[0].Invoices[0].AchServiceFee),
      "Customers[0].Invoices[0].AchServiceFee is required",
    ],
    ["zero total", mutate((b) => (b.Customers[0].Invoices[0].BalanceDue = 0)), "total BalanceDue must be greater than 0"],
    ["relative ReturnURL", mutate((b) => (b.ReturnURL = "/return")), "ReturnURL must be an absolute http(s) URL"],
    ["ftp PostBackURL", mutate((b) => (b.PostBackURL = "ftp://example.com/x")), "PostBackURL must be an absolute http(s) URL"],
    [
      "unknown TypeId",
      mutate((b) => (b.Customers[0].Invoices[0].TypeId = 17)),
      "Customers[0].Invoices[0].TypeId 17 is not an invoice type of this biller",
    ],
    [
      "decimal string TypeId",
      mutate((b) => (b.Customers[0].Invoices[0].TypeId = "42.0")),
      "Customers[0].Invoices[0].TypeId must be an integer",
    ],
    ["no customers", mutate((b) => (b.Customers = [])), "Customers must not be empty"],
    ["no invoices", mutate((b) => (b.Customers[0].Invoices = [])), "Customers[0].Invoices must not be empty"],
    [
      "missing InvoiceNumber",
      mutate((b) => delete b.Customers[0].Invoices[0].InvoiceNumber),
      "Customers[0].Invoices[0].InvoiceNumber is required",
    ],
    ["3-letter State", mutate((b) => (b.Customers[0].State = "ONT")), "Customers[0].State must be a 2-letter code"],
    ["bad email", mutate((b) => (b.Customers[0].EmailAddress = "not-an-email")), "Customers[0].EmailAddress must be an email address"],
    ["missing BillerReference", mutate((b) => delete b.BillerReference), "BillerReference is required"],
    ["BillerReference > 100", mutate((b) => (b.BillerReference = "a".repeat(101))), "BillerReference must be at most 100"],
    ["string boolean", mutate((b) => (b.AllowCCPayment = "true")), "AllowCCPayment must be a boolean"],
    [
      "no payment method",
      mutate((b) => {
        b.AllowCCPayment = false;
        b.AllowACHPayment = false;
      }),
      "AllowCCPayment or AllowACHPayment must be true",
    ],
    ["long CustomReturnSiteName", mutate((b) => (b.CustomReturnSiteName = "x".repeat(101))), "CustomReturnSiteName must be at most 100"],
    [
      "same field twice",
      mutate((b) => (b.Customers[0].Invoices[0].TYPEID = 42)),
      "Customers[0].Invoices[0].TypeId is given more than once",
    ],
    [
      "duplicate invoice",
      mutate((b) => b.Customers[0].Invoices.push({ ...b.Customers[0].Invoices[0] })),
      "Customers[0].Invoices[1].InvoiceNumber is duplicated",
    ],
  ];
  it.each(cases)("400 naming the field: %s", async (_name, body, message) => {
    const r = await callApi(sb, body);
    expect(r.status).toBe(400);
    expect(r.json?.Code).toBe(400);
    expect(r.json?.Data).toBeNull();
    expect(r.json?.Message).toContain(message);
  });

  it("415 when the Content-Type is not JSON", async () => {
    const res = await fetch(`${sb.url}/cloudpaymentsapi/v2`, {
      method: "POST",
      headers: { Authorization: basic(MISSISSAUGA.apiKey) },
      body: JSON.stringify(validBody(PB)),
    });
    expect(res.status).toBe(415);
  });
});

describe("success", () => {
  it("answers the CPV2 envelope with a one-time CloudPaymentURL and stores an open session", async () => {
    const r = await callApi(sb, validBody(PB));
    expect(r.status).toBe(200);
    expect(r.json?.Code).toBe(0);
    expect(r.json?.Message).toBe("SUCCESS");
    const url = r.json?.Data?.CloudPaymentURL ?? "";
    expect(url).toMatch(new RegExp(`^${sb.config.publicUrl}/portal/access/otp/[A-Za-z0-9_-]{32}$`));
    const token = url.split("/").pop() ?? "";
    expect(sb.state.sessions.get(token)?.status).toBe("open");
    const again = await callApi(sb, validBody(PB));
    expect(again.json?.Data?.CloudPaymentURL).not.toBe(url);
  });

  it("matches property names case-insensitively (TypeID, ACHServiceFee, customers, returnurl)", async () => {
    const body = {
      customers: [
        {
          accountnumber: "A-1",
          NAME: "Case Person",
          invoices: [
            {
              invoicenumber: "INV-1",
              TypeID: 43,
              duedate: "01/02/2025",
              INVOICEDATE: "01/02/2025",
              balancedue: 12.5,
              ccservicefee: 0,
              ACHServiceFee: 0.0,
            },
          ],
        },
      ],
      billerreference: "ref-case",
      returnurl: "https://portal.example/return",
      POSTBACKURL: "https://portal.example/postback",
      allowccpayment: true,
      AllowAchPayment: false,
      UnknownExtraField: "ignored",
    };
    const r = await callApi(sb, body);
    expect(r.status).toBe(200);
    const token = r.json?.Data?.CloudPaymentURL?.split("/").pop() ?? "";
    const s = sb.state.sessions.get(token);
    expect(s?.request.Customers[0]?.Invoices[0]?.TypeId).toBe(43);
    expect(s?.request.ReturnURL).toBe("https://portal.example/return");
    expect(s?.invoiceTotalCents).toBe(1250);
  });

  it("keys sessions to the calling biller (Oakville type 17)", async () => {
    const body = mutate((b) => (b.Customers[0].Invoices[0].TypeId = 17));
    const r = await callApi(sb, body, OAKVILLE.apiKey);
    expect(r.status).toBe(200);
    const token = r.json?.Data?.CloudPaymentURL?.split("/").pop() ?? "";
    expect(sb.state.sessions.get(token)?.billerGuid).toBe(OAKVILLE.billerGuid);
  });
});
