import type { Metadata } from "next";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";
import { IssueInvoiceForm } from "./issue-invoice-form";

export const metadata: Metadata = { title: "Issue an invoice" };

export default async function NewInvoicePage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.newInvoice);
  const biller = await getBillerSummary({ billerId: user.billerId });
  return (
    <>
      <PageTitle lead={biller.name}>Issue an invoice</PageTitle>
      <IssueInvoiceForm />
    </>
  );
}
