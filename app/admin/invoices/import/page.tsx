import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";
import { ImportForm } from "./import-form";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.invoices.import"))("title") };
}

export default async function ImportInvoicesPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.importInvoices);
  const [biller, t] = await Promise.all([getBillerSummary({ billerId: user.billerId }), getTranslations("admin.invoices.import")]);
  return (
    <>
      <PageTitle lead={biller.name}>{t("heading")}</PageTitle>
      <p className="mb-6 max-w-3xl text-slate-700">{t("intro")}</p>
      <ImportForm />
    </>
  );
}
