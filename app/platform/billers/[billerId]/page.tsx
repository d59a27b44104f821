import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventTable } from "@/components/audit-event-table";
import { Pagination } from "@/components/pagination";
import { Banner, PageTitle } from "@/components/ui";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerDetail } from "@/lib/billers/get-biller-detail";
import { paths } from "@/lib/paths";
import { READINESS_TEXT } from "@/lib/settings/readiness-text";
import { billerIdSchema } from "../schema";
import { BillerAdminForm, BillerDetailsForm, InvoiceTypeForm, RemoveInvoiceTypeButton } from "../forms";

export const metadata: Metadata = { title: "Biller" };

const section = "mb-10 rounded border border-slate-200 bg-white p-6";

export default async function BillerPage({
  params,
  searchParams,
}: {
  params: Promise<{ billerId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { billerId } = await params;
  await requireRolePage("PLATFORM_ADMIN", paths.platform.biller(billerId));
  if (!billerIdSchema.safeParse(billerId).success) notFound();
  const { page } = await searchParams;
  const [biller, audit] = await Promise.all([getBillerDetail({ billerId }), listAuditEvents({ billerId, page: Number(page) || 1 })]);
  if (!biller) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={paths.platform.billers} className="text-brand-700 underline">
          ← All billers
        </Link>
      </p>
      <PageTitle lead={`DBA ${biller.dbaName} · ${biller.timeZone}`}>{biller.name}</PageTitle>

      {biller.readiness.ready ? (
        <Banner tone="success" title="Payment settings complete">
          API key set: Yes · type ID {biller.typeIdInUse}
        </Banner>
      ) : (
        <Banner tone="warning" title="Payment settings incomplete: applicants cannot pay online">
          API key set: {biller.apiKeySet ? "Yes" : "No"}. The biller admin must finish Configure Payment Page Settings:{" "}
          {READINESS_TEXT[biller.readiness.reason]}
        </Banner>
      )}

      <section aria-labelledby="types" className={section}>
        <h2 id="types" className="mb-2 text-xl font-semibold">
          Invoice Cloud type IDs
        </h2>
        <p className="mb-4 text-sm text-slate-600">The biller admin picks one of these in the type-id dropdown.</p>
        {biller.invoiceTypes.length === 0 ? (
          <p className="mb-4 font-semibold text-amber-900">No type IDs yet: the biller admin cannot complete the settings.</p>
        ) : (
          <table className="mb-6 w-full border-collapse text-left text-sm">
            <caption className="sr-only">Type IDs available to this biller</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  Type ID
                </th>
                <th scope="col" className="p-2">
                  Label
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {biller.invoiceTypes.map((t) => (
                <tr key={t.typeId} className="border-b border-slate-200 align-top">
                  <td className="p-2 font-mono">{t.typeId}</td>
                  <td className="p-2">{t.label}</td>
                  <td className="p-2">
                    {t.inUse ? (
                      <span className="text-slate-700">In use by the payment settings, so it cannot be removed</span>
                    ) : (
                      <RemoveInvoiceTypeButton billerId={biller.id} typeId={t.typeId} label={t.label} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 className="mb-2 font-semibold">Add a type ID</h3>
        <InvoiceTypeForm billerId={biller.id} />
      </section>

      <section aria-labelledby="admins" className={section}>
        <h2 id="admins" className="mb-4 text-xl font-semibold">
          Biller admins
        </h2>
        {biller.admins.length === 0 ? (
          <p className="mb-4 text-slate-600">No biller admins yet.</p>
        ) : (
          <ul className="mb-6 list-disc pl-6">
            {biller.admins.map((a) => (
              <li key={a.id}>
                {a.name} ({a.email})
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-2 font-semibold">Create a biller admin</h3>
        <BillerAdminForm billerId={biller.id} />
      </section>

      <section aria-labelledby="details" className={section}>
        <h2 id="details" className="mb-4 text-xl font-semibold">
          Biller details
        </h2>
        <BillerDetailsForm billerId={biller.id} defaults={{ name: biller.name, dbaName: biller.dbaName, timeZone: biller.timeZone }} />
      </section>

      <section aria-labelledby="audit">
        <h2 id="audit" className="mb-4 text-xl font-semibold">
          Audit events
        </h2>
        <AuditEventTable rows={audit.rows} timeZone={biller.timeZone} />
        <Pagination basePath={paths.platform.biller(biller.id)} page={audit.page} pageCount={audit.pageCount} />
      </section>
    </>
  );
}
