import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { paths } from "@/lib/paths";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.apiReference"))("title") };
}

// Methods and paths are the API's own (English, machine-facing); what each does is translated.
const ENDPOINTS = [
  ["POST", "/api/v1/invoices", "create"],
  ["GET", "/api/v1/invoices/{invoiceNumber}", "read"],
  ["GET", "/api/v1/invoices?status=&updated_since=&cursor=", "list"],
  ["POST", "/api/v1/invoices/{invoiceNumber}/cancel", "cancel"],
  ["GET", "/api/v1/payments?since=&cursor=", "payments"],
] as const;

export default async function ApiReferencePage() {
  await requireRolePage("BILLER_ADMIN", paths.admin.apiReference);
  const t = await getTranslations("admin.apiReference");
  const tc = await getTranslations("admin.credentials");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("heading")}</PageTitle>
      <p className="mb-4 max-w-3xl break-words text-slate-700">
        {t.rich("intro", {
          header: `Authorization: Bearer <${tc("tokenPlaceholder")}>`,
          code: (chunks: ReactNode) => <code className="break-all">{chunks}</code>,
          link: (chunks: ReactNode) => (
            <Link href={paths.admin.apiCredentials} className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <ul className="mb-6 space-y-2">
        <li>
          <a href={paths.api.reference} className="text-brand-700 text-lg font-semibold underline">
            {t("open")}
          </a>
          {t("openNote")}
        </li>
        <li>
          <a href={paths.api.openApi} className="text-brand-700 underline">
            {t("download")}
          </a>
          {t("downloadNote")}
        </li>
      </ul>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("caption")}>
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="mb-2 text-left font-semibold">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                {t("col.method")}
              </th>
              <th scope="col" className="p-2">
                {t("col.path")}
              </th>
              <th scope="col" className="p-2">
                {t("col.what")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ENDPOINTS.map(([method, path, what]) => (
              <tr key={`${method} ${path}`} className="border-b border-slate-200">
                <td className="p-2 font-mono">{method}</td>
                <td className="p-2 font-mono break-all">{path}</td>
                <td className="p-2">{t(`endpoint.${what}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
