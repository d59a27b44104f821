import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { listApiCredentials } from "@/lib/api-credentials/list-api-credentials";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";
import { CreateCredentialForm } from "./create-credential-form";
import { RevokeButton } from "./revoke-button";

export const metadata: Metadata = { title: "API credentials" };

export default async function ApiCredentialsPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.apiCredentials);
  const [credentials, biller] = await Promise.all([
    listApiCredentials({ billerId: user.billerId }),
    getBillerSummary({ billerId: user.billerId }),
  ]);
  const when = (d: Date | null) => (d ? formatDateTime(d, biller.timeZone) : "Never");
  return (
    <>
      <PageTitle lead={`${biller.name} · Invoices API`}>API credentials</PageTitle>
      <p className="mb-6 max-w-3xl text-slate-700">
        Your permit system sends invoices to PermitPay with a credential&apos;s token as <code>Authorization: Bearer &lt;token&gt;</code>. A
        credential sees only {biller.name}&apos;s invoices. See the{" "}
        <Link href={paths.admin.apiReference} className="text-brand-700 underline">
          API reference
        </Link>
        .
      </p>
      <CreateCredentialForm />
      <h2 className="mt-8 mb-2 text-lg font-semibold">Credentials</h2>
      {credentials.length === 0 ? (
        <p className="text-slate-700">No credentials yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  Name
                </th>
                <th scope="col" className="p-2">
                  Token starts
                </th>
                <th scope="col" className="p-2">
                  Created
                </th>
                <th scope="col" className="p-2">
                  Last used
                </th>
                <th scope="col" className="p-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {credentials.map((c) => (
                <tr key={c.id} data-credential={c.name} className="border-b border-slate-200">
                  <td className="p-2 font-medium">{c.name}</td>
                  <td className="p-2 font-mono">{c.tokenPrefix}…</td>
                  <td className="p-2">{when(c.createdAt)}</td>
                  <td className="p-2">{when(c.lastUsedAt)}</td>
                  <td className="p-2">
                    {c.revokedAt ? `Revoked ${when(c.revokedAt)}` : <RevokeButton credentialId={c.id} name={c.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
