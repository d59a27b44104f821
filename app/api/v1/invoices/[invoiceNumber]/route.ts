// GET /api/v1/invoices/{invoiceNumber} – one invoice; another biller's is 404, like a missing one.
import { apiHandler, json } from "@/lib/api/api-handler";
import { getApiInvoice } from "@/lib/api/get-api-invoice";
import { notFoundProblem } from "@/lib/api/problem";

export const GET = apiHandler<{ invoiceNumber: string }>(async ({ caller, params }) => {
  const invoice = await getApiInvoice({ billerId: caller.billerId, invoiceNumber: params.invoiceNumber });
  return invoice ? json(invoice) : notFoundProblem();
});
