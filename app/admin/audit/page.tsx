import type { Metadata } from "next";
import { AuditEventTable } from "@/components/audit-event-table";
import { Pagination } from "@/components/pagination";
import { PageTitle } from "@/components/ui";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.audit);
  const { page } = await searchParams;
  const [biller, list] = await Promise.all([
    getBillerSummary({ billerId: user.billerId }),
    listAuditEvents({ billerId: user.billerId, page: Number(page) || 1 }),
  ]);
  return (
    <>
      <PageTitle
        lead={`${biller.name}: settings changes, payment attempts and their outcomes, and postbacks. Times in ${biller.timeZone}.`}
      >
        Audit log
      </PageTitle>
      <AuditEventTable rows={list.rows} timeZone={biller.timeZone} />
      <Pagination basePath={paths.admin.audit} page={list.page} pageCount={list.pageCount} />
    </>
  );
}
