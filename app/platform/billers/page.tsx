import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { countPostbackOutcomes, POSTBACK_VERDICTS } from "@/lib/admin/count-postback-outcomes";
import { listBillers } from "@/lib/billers/list-billers";
import { paths } from "@/lib/paths";
import { READINESS_TEXT } from "@/lib/settings/readiness-text";
import { BillerDetailsForm, ReencryptKeysButton } from "./forms";

export const metadata: Metadata = { title: "Billers" };

export default async function BillersPage() {
  await requireRolePage("PLATFORM_ADMIN", paths.platform.billers);
  const billers = await listBillers();
  // eslint-disable-next-line react-hooks/purity -- a server render reads the clock once
  const postbacks = await countPostbackOutcomes({ since: new Date(Date.now() - 24 * 3600_000) });
  return (
    <>
      <PageTitle lead="Municipalities that take permit fees through PermitPay. API keys are never shown here.">Billers</PageTitle>
      <section aria-labelledby="postbacks" className="mb-8 rounded border border-slate-200 bg-white p-4">
        <h2 id="postbacks" className="mb-2 font-semibold">
          Invoice Cloud postbacks, last 24 hours
        </h2>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {POSTBACK_VERDICTS.map((v) => (
            <div key={v} className="flex gap-1">
              <dt className="text-slate-600">{v.replace("_", " ")}</dt>
              <dd
                className={`font-semibold tabular-nums ${postbacks[v] > 0 && ["needs_review", "rejected", "unknown", "malformed"].includes(v) ? "text-red-700" : ""}`}
              >
                {postbacks[v]}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <table className="mb-10 w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Billers and whether their payment settings are complete</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              Biller
            </th>
            <th scope="col" className="p-2">
              Time zone
            </th>
            <th scope="col" className="p-2">
              Type IDs
            </th>
            <th scope="col" className="p-2">
              Admins
            </th>
            <th scope="col" className="p-2">
              API key set
            </th>
            <th scope="col" className="p-2">
              Payment settings
            </th>
          </tr>
        </thead>
        <tbody>
          {billers.map((b) => (
            <tr key={b.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 text-left font-normal">
                <Link href={paths.platform.biller(b.id)} className="text-brand-700 font-medium underline">
                  {b.name}
                </Link>
                {b.dbaName !== b.name ? <span className="block text-slate-600">DBA {b.dbaName}</span> : null}
              </th>
              <td className="p-2">{b.timeZone}</td>
              <td className="p-2">{b.typeIds.length ? b.typeIds.join(", ") : "none"}</td>
              <td className="p-2">{b.adminCount}</td>
              <td className="p-2">{b.apiKeySet ? "Yes" : "No"}</td>
              <td className="p-2">
                {b.readiness.ready ? (
                  <span className="font-semibold text-green-800">Complete</span>
                ) : (
                  <>
                    <span className="font-semibold text-amber-900">Incomplete</span>
                    <span className="block text-slate-600">{READINESS_TEXT[b.readiness.reason]}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="add-biller" className="max-w-xl rounded border border-slate-200 bg-white p-6">
        <h2 id="add-biller" className="mb-4 text-xl font-semibold">
          Add a biller
        </h2>
        <BillerDetailsForm />
      </section>
      <section aria-labelledby="key-rotation" className="mt-10 max-w-xl rounded border border-slate-200 bg-white p-6">
        <h2 id="key-rotation" className="mb-2 text-xl font-semibold">
          Encryption key rotation
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          After putting a new key first in <code>ENCRYPTION_KEYS</code> and restarting, move the stored Invoice Cloud API keys to it. Then
          the old key can be removed (docs/operations.md).
        </p>
        <ReencryptKeysButton />
      </section>
    </>
  );
}
