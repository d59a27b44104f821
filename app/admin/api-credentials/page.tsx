import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui";
import { listApiCredentials } from "@/lib/api-credentials/list-api-credentials";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { paths } from "@/lib/paths";
import { CreateCredentialForm } from "./create-credential-form";
import { RevokeButton } from "./revoke-button";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.credentials"))("title") };
}

export default async function ApiCredentialsPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.apiCredentials);
  const [credentials, biller, t, locale] = await Promise.all([
    listApiCredentials({ billerId: user.billerId }),
    getBillerSummary({ billerId: user.billerId }),
    getTranslations("admin.credentials"),
    getLocale(),
  ]);
  const when = (d: Date | null) => (d ? formatDateTime(d, biller.timeZone, locale) : t("never"));
  return (
    <>
      <PageTitle lead={t("lead", { biller: biller.name })}>{t("title")}</PageTitle>
      <p className="mb-6 max-w-3xl break-words text-slate-700">
        {t.rich("intro", {
          biller: biller.name,
          header: `Authorization: Bearer <${t("tokenPlaceholder")}>`,
          code: (chunks: ReactNode) => <code className="break-all">{chunks}</code>,
          link: (chunks: ReactNode) => (
            <Link href={paths.admin.apiReference} className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <CreateCredentialForm />
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("heading")}</h2>
      {credentials.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("col.name")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.prefix")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.created")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.lastUsed")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {credentials.map((c) => (
                <tr key={c.id} data-credential={c.name} className="border-b border-slate-200">
                  <td className="p-2 font-medium">{c.name}</td>
                  <td className="p-2 font-mono">{t("prefix", { prefix: c.tokenPrefix })}</td>
                  <td className="p-2">{when(c.createdAt)}</td>
                  <td className="p-2">{when(c.lastUsedAt)}</td>
                  <td className="p-2">
                    {c.revokedAt ? t("revokedAt", { when: when(c.revokedAt) }) : <RevokeButton credentialId={c.id} name={c.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
