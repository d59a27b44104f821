import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";
import { IssueInvoiceForm } from "./issue-invoice-form";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.invoices"))("issueTitle") };
}

export default async function NewInvoicePage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.newInvoice);
  const [biller, t] = await Promise.all([getBillerSummary({ billerId: user.billerId }), getTranslations("admin.invoices")]);
  return (
    <>
      <PageTitle lead={biller.name}>{t("issueTitle")}</PageTitle>
      <IssueInvoiceForm />
    </>
  );
}
