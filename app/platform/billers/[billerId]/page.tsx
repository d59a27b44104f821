import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditEventTable } from "@/components/audit-event-table";
import { Pagination } from "@/components/pagination";
import { Banner, PageTitle } from "@/components/ui";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerDetail } from "@/lib/billers/get-biller-detail";
import { paths } from "@/lib/paths";
import { billerIdSchema } from "../schema";
import { BillerAdminForm, BillerDetailsForm, InvoiceTypeForm, RemoveInvoiceTypeButton } from "../forms";

export async function generateMetadata() {
  return { title: (await getTranslations("platform.biller"))("title") };
}

const section = "mb-10 rounded border border-slate-200 bg-white p-4 sm:p-6";

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
  const t = await getTranslations("platform");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={paths.platform.billers} className="text-brand-700 underline">
          {t("biller.back")}
        </Link>
      </p>
      <PageTitle lead={t("biller.lead", { dbaName: biller.dbaName, timeZone: biller.timeZone })}>{biller.name}</PageTitle>

      {biller.readiness.ready ? (
        <Banner tone="success" title={t("biller.ready.title")}>
          {t("biller.ready.body", { typeId: String(biller.typeIdInUse) })}
        </Banner>
      ) : (
        <Banner tone="warning" title={t("biller.notReady.title")}>
          {t("biller.notReady.body", {
            apiKeySet: biller.apiKeySet ? "yes" : "no",
            reason: t(`readiness.${biller.readiness.reason}`),
          })}
        </Banner>
      )}

      <section aria-labelledby="types" className={section}>
        <h2 id="types" className="mb-2 text-xl font-semibold">
          {t("biller.types.title")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("biller.types.lead")}</p>
        {biller.invoiceTypes.length === 0 ? (
          <p className="mb-4 font-semibold text-amber-900">{t("biller.types.none")}</p>
        ) : (
          <div className="mb-6 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="types">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("biller.types.caption")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    {t("biller.types.typeId")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("biller.types.label")}
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">{t("biller.types.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {biller.invoiceTypes.map((type) => (
                  <tr key={type.typeId} className="border-b border-slate-200 align-top">
                    <td className="p-2 font-mono">{type.typeId}</td>
                    <td className="p-2 break-words">{type.label}</td>
                    <td className="p-2">
                      {type.inUse ? (
                        <span className="text-slate-700">{t("biller.types.inUse")}</span>
                      ) : (
                        <RemoveInvoiceTypeButton billerId={biller.id} typeId={type.typeId} label={type.label} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 className="mb-2 font-semibold">{t("biller.types.addTitle")}</h3>
        <InvoiceTypeForm billerId={biller.id} />
      </section>

      <section aria-labelledby="admins" className={section}>
        <h2 id="admins" className="mb-4 text-xl font-semibold">
          {t("biller.admins.title")}
        </h2>
        {biller.admins.length === 0 ? (
          <p className="mb-4 text-slate-600">{t("biller.admins.none")}</p>
        ) : (
          <ul className="mb-6 list-disc pl-6 break-words">
            {biller.admins.map((a) => (
              <li key={a.id}>{t("biller.admins.item", { name: a.name, email: a.email })}</li>
            ))}
          </ul>
        )}
        <h3 className="mb-2 font-semibold">{t("biller.admins.createTitle")}</h3>
        <BillerAdminForm billerId={biller.id} />
      </section>

      <section aria-labelledby="details" className={section}>
        <h2 id="details" className="mb-4 text-xl font-semibold">
          {t("biller.details.title")}
        </h2>
        <BillerDetailsForm billerId={biller.id} defaults={{ name: biller.name, dbaName: biller.dbaName, timeZone: biller.timeZone }} />
      </section>

      <section aria-labelledby="audit">
        <h2 id="audit" className="mb-4 text-xl font-semibold">
          {t("biller.audit.title")}
        </h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="audit">
          <AuditEventTable rows={audit.rows} timeZone={biller.timeZone} />
        </div>
        <Pagination basePath={paths.platform.biller(biller.id)} page={audit.page} pageCount={audit.pageCount} />
      </section>
    </>
  );
}
