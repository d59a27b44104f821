// Builds the CPV2 request field by field from the design document's parameter table.
// Pure: everything it needs is passed in, computed on the server.
import { centsToDecimalNumber } from "../money";
import { invoiceCloudDate } from "../dates";
import { absoluteUrl, paths } from "../paths";
import { cpv2RequestSchema, type Cpv2Request } from "./schemas";

export type BuildCpv2RequestInput = {
  paymentId: string; // UUID v4, the payment-id of ReturnURL/PostBackURL
  billerReference: string; // ≥ 128 random bits, hex
  postbackToken: string; // proves a postback came from the PostBackURL we gave (lib/payments/postback-token.ts)
  publicBaseUrl: string;
  now: Date;
  billerTimeZone: string;
  typeId: number; // from the biller's payment settings
  customReturnSiteName?: string | null;
  customer: {
    accountNumber: string;
    name?: string | null;
    address?: string | null;
    city?: string | null;
    state?: string | null;
    zip?: string | null;
    email?: string | null;
  };
  invoices: { invoiceNumber: string; amountDueCents: number }[];
};

const present = (value: string | null | undefined) => (value && value.trim() ? value.trim() : undefined);

export function buildCpv2Request(input: BuildCpv2RequestInput): Cpv2Request {
  const today = invoiceCloudDate(input.now, input.billerTimeZone);
  const c = input.customer;
  const request: Cpv2Request = {
    Customers: [
      {
        AccountNumber: c.accountNumber,
        Name: present(c.name),
        Address: present(c.address),
        City: present(c.city),
        State: present(c.state),
        Zip: present(c.zip),
        EmailAddress: present(c.email),
        Invoices: input.invoices.map((inv) => ({
          InvoiceNumber: inv.invoiceNumber,
          TypeId: input.typeId,
          DueDate: today,
          InvoiceDate: today,
          BalanceDue: centsToDecimalNumber(inv.amountDueCents),
          CCServiceFee: 0,
          AchServiceFee: 0,
        })),
      },
    ],
    BillerReference: input.billerReference,
    ReturnURL: absoluteUrl(input.publicBaseUrl, paths.api.icopReturn(input.paymentId)),
    PostBackURL: absoluteUrl(input.publicBaseUrl, paths.api.icopPostback(input.paymentId, input.postbackToken)),
    CreateCustomerRecord: true,
    AllowCCPayment: true,
    AllowACHPayment: true,
    CustomReturnSiteName: present(input.customReturnSiteName),
  };
  // Fail here, with the field named, rather than at Invoice Cloud.
  return cpv2RequestSchema.parse(request);
}
