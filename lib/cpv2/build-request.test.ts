import { describe, expect, it } from "vitest";
import { buildCpv2Request } from "./build-request";

// The design document's sample request, verbatim.
const SAMPLE = {
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
  BillerReference: "fc28b251110332197638bd3cae9af7eb5351e916e1e68b7f513274e155914a1a",
  ReturnURL: "https://training.us.cloudpermit.com/api/command/payment/icop-return?payment-id=67190dcd-3813-46e2-a287-c1370131928a",
  // The sample's URL plus our one extra parameter, the postback token (lib/payments/postback-token.ts).
  PostBackURL:
    "https://training.us.cloudpermit.com/api/command/payment/icop-postback?payment-id=67190dcd-3813-46e2-a287-c1370131928a&pp-token=k1.c2lnbmF0dXJl",
  CreateCustomerRecord: true,
  AllowCCPayment: true,
  AllowACHPayment: true,
};

const input = {
  paymentId: "67190dcd-3813-46e2-a287-c1370131928a",
  billerReference: "fc28b251110332197638bd3cae9af7eb5351e916e1e68b7f513274e155914a1a",
  postbackToken: "k1.c2lnbmF0dXJl",
  publicBaseUrl: "https://training.us.cloudpermit.com",
  // 23:30 in Toronto on Oct 23 is already Oct 24 in UTC: the biller's date must win.
  now: new Date("2024-10-24T03:30:00Z"),
  billerTimeZone: "America/Toronto",
  typeId: 42,
  customer: {
    accountNumber: "ACCT-17592204116016",
    name: "Test Applicant",
    address: "123 Fake Street",
    city: "Mississauga",
    state: null,
    zip: "L4Y3P5",
    email: "cloudpermit.test.applicant@gmail.com",
  },
  invoices: [{ invoiceNumber: "17592206141008", amountDueCents: 6000 }],
};

describe("buildCpv2Request", () => {
  it("reproduces the design document's sample request field for field", () => {
    const built = JSON.parse(JSON.stringify(buildCpv2Request(input))) as typeof SAMPLE;
    expect(built).toEqual(SAMPLE);
    // Same keys in the same order as the sample, so the wire text matches too.
    expect(JSON.stringify(built)).toBe(JSON.stringify(SAMPLE));
  });

  it("sends State and CustomReturnSiteName when set, and one Invoices entry per invoice", () => {
    const built = buildCpv2Request({
      ...input,
      customer: { ...input.customer, state: "ON" },
      customReturnSiteName: "  Mississauga Permits  ",
      invoices: [
        { invoiceNumber: "1001", amountDueCents: 125075 },
        { invoiceNumber: "1002", amountDueCents: 5 },
      ],
    });
    expect(built.Customers[0]?.State).toBe("ON");
    expect(built.CustomReturnSiteName).toBe("Mississauga Permits");
    expect(built.Customers).toHaveLength(1);
    expect(built.Customers[0]?.Invoices.map((i) => [i.InvoiceNumber, i.BalanceDue])).toEqual([
      ["1001", 1250.75],
      ["1002", 0.05],
    ]);
  });

  it("builds the URLs from the public base URL and the route paths", () => {
    const built = buildCpv2Request({ ...input, publicBaseUrl: "http://localhost:3000/" });
    expect(built.ReturnURL).toBe(`http://localhost:3000/api/command/payment/icop-return?payment-id=${input.paymentId}`);
    expect(built.PostBackURL).toBe(
      `http://localhost:3000/api/command/payment/icop-postback?payment-id=${input.paymentId}&pp-token=${input.postbackToken}`,
    );
  });

  it("puts the postback token on PostBackURL only, never on ReturnURL", () => {
    const built = buildCpv2Request({ ...input, postbackToken: "k9.secret-token_value" });
    expect(new URL(built.PostBackURL).searchParams.get("pp-token")).toBe("k9.secret-token_value");
    expect(JSON.stringify({ ...built, PostBackURL: "" })).not.toContain("secret-token_value");
  });

  it("refuses a short BillerReference", () => {
    expect(() => buildCpv2Request({ ...input, billerReference: "abc123" })).toThrow(/BillerReference/);
  });
});
