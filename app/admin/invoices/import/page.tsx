import type { Metadata } from "next";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import invoices" };

export default async function ImportInvoicesPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.importInvoices);
  const biller = await getBillerSummary({ billerId: user.billerId });
  return (
    <>
      <PageTitle lead={biller.name}>Import invoices from a CSV file</PageTitle>
      <p className="mb-6 max-w-3xl text-slate-700">
        Every row is checked before anything is written: if one row has a problem, nothing is imported. A row whose external reference was
        already imported with the same details is left unchanged, so importing the same file again changes nothing.
      </p>
      <ImportForm />
    </>
  );
}
