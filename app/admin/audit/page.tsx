import { getTranslations } from "next-intl/server";
import { AuditEventTable } from "@/components/audit-event-table";
import { Pagination } from "@/components/pagination";
import { PageTitle } from "@/components/ui";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.audit);
  const { page } = await searchParams;
  const [biller, list, t] = await Promise.all([
    getBillerSummary({ billerId: user.billerId }),
    listAuditEvents({ billerId: user.billerId, page: Number(page) || 1 }),
    getTranslations("admin.audit"),
  ]);
  return (
    <>
      <PageTitle lead={t("lead", { biller: biller.name, timeZone: biller.timeZone })}>{t("title")}</PageTitle>
      {/* Event types are machine words; a long one or a long detail scrolls inside this box. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("title")}>
        <AuditEventTable rows={list.rows} timeZone={biller.timeZone} />
      </div>
      <Pagination basePath={paths.admin.audit} page={list.page} pageCount={list.pageCount} />
    </>
  );
}
