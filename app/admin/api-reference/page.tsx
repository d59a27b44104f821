import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "API reference" };

const ENDPOINTS = [
  ["POST", "/api/v1/invoices", "Create an invoice (send an Idempotency-Key to retry safely)"],
  ["GET", "/api/v1/invoices/{invoiceNumber}", "Read one invoice"],
  ["GET", "/api/v1/invoices?status=&updated_since=&cursor=", "List invoices in the order they changed, to keep a permit system in sync"],
  ["POST", "/api/v1/invoices/{invoiceNumber}/cancel", "Cancel an unpaid invoice that no payment holds"],
  ["GET", "/api/v1/payments?since=&cursor=", "Payment outcomes: paid, or needing review"],
] as const;

export default async function ApiReferencePage() {
  await requireRolePage("BILLER_ADMIN", paths.admin.apiReference);
  return (
    <>
      <PageTitle lead="For your permit system's developers">Invoices API reference</PageTitle>
      <p className="mb-4 max-w-3xl text-slate-700">
        Your permit system creates invoices in PermitPay, cancels them, and reads payment outcomes over HTTPS with JSON. It authenticates
        with a token from{" "}
        <Link href={paths.admin.apiCredentials} className="text-brand-700 underline">
          API credentials
        </Link>
        , sent as <code>Authorization: Bearer &lt;token&gt;</code>. Errors are RFC 9457 problem details.
      </p>
      <ul className="mb-6 space-y-2">
        <li>
          <a href={paths.api.reference} className="text-brand-700 text-lg font-semibold underline">
            Open the full API reference
          </a>{" "}
          (every field and answer, generated from the OpenAPI document)
        </li>
        <li>
          <a href={paths.api.openApi} className="text-brand-700 underline">
            Download the OpenAPI 3.1 document
          </a>{" "}
          (openapi.json)
        </li>
      </ul>
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="mb-2 text-left font-semibold">Endpoints</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              Method
            </th>
            <th scope="col" className="p-2">
              Path
            </th>
            <th scope="col" className="p-2">
              What it does
            </th>
          </tr>
        </thead>
        <tbody>
          {ENDPOINTS.map(([method, path, what]) => (
            <tr key={`${method} ${path}`} className="border-b border-slate-200">
              <td className="p-2 font-mono">{method}</td>
              <td className="p-2 font-mono">{path}</td>
              <td className="p-2">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
