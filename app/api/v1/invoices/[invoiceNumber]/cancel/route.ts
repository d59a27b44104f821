// POST /api/v1/invoices/{invoiceNumber}/cancel – only while unpaid and not held by a payment (else 409).
import { apiHandler, json } from "@/lib/api/api-handler";
import { getApiInvoice } from "@/lib/api/get-api-invoice";
import { notFoundProblem } from "@/lib/api/problem";
import { cancelInvoice } from "@/lib/invoices/cancel-invoice";

export const POST = apiHandler<{ invoiceNumber: string }>(async ({ caller, params }) => {
  const result = await cancelInvoice({
    billerId: caller.billerId,
    invoiceNumber: params.invoiceNumber,
    actor: { via: "api", credentialId: caller.credentialId },
  });
  if (result.outcome === "not_found") return notFoundProblem();
  const invoice = await getApiInvoice({ billerId: caller.billerId, invoiceNumber: params.invoiceNumber });
  return invoice ? json(invoice) : notFoundProblem();
});
