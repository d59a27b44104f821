import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { countPostbackOutcomes, POSTBACK_VERDICTS } from "@/lib/admin/count-postback-outcomes";
import { listBillers } from "@/lib/billers/list-billers";
import { paths } from "@/lib/paths";
import { BillerDetailsForm, ReencryptKeysButton } from "./forms";

export async function generateMetadata() {
  return { title: (await getTranslations("platform.billers"))("title") };
}

export default async function BillersPage() {
  await requireRolePage("PLATFORM_ADMIN", paths.platform.billers);
  const t = await getTranslations("platform");
  const billers = await listBillers();
  // eslint-disable-next-line react-hooks/purity -- a server render reads the clock once
  const postbacks = await countPostbackOutcomes({ since: new Date(Date.now() - 24 * 3600_000) });
  return (
    <>
      <PageTitle lead={t("billers.lead")}>{t("billers.title")}</PageTitle>
      <section aria-labelledby="postbacks" className="mb-8 rounded border border-slate-200 bg-white p-4">
        <h2 id="postbacks" className="mb-2 font-semibold">
          {t("billers.postbacks.title")}
        </h2>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {POSTBACK_VERDICTS.map((v) => (
            <div key={v} className="flex gap-1">
              <dt className="text-slate-600">{t(`billers.postbacks.verdict.${v}`)}</dt>
              <dd
                className={`font-semibold tabular-nums ${postbacks[v] > 0 && ["needs_review", "rejected", "unknown", "malformed"].includes(v) ? "text-red-700" : ""}`}
              >
                {postbacks[v]}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {/* Wide on a phone: the table scrolls inside its own box, never the page; focusable, so a keyboard scrolls it too. */}
      <div className="mb-10 overflow-x-auto" tabIndex={0} role="region" aria-label={t("billers.table.caption")}>
        <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("billers.table.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                {t("billers.table.biller")}
              </th>
              <th scope="col" className="p-2">
                {t("billers.table.timeZone")}
              </th>
              <th scope="col" className="p-2">
                {t("billers.table.typeIds")}
              </th>
              <th scope="col" className="p-2">
                {t("billers.table.admins")}
              </th>
              <th scope="col" className="p-2">
                {t("billers.table.apiKeySet")}
              </th>
              <th scope="col" className="p-2">
                {t("billers.table.paymentSettings")}
              </th>
            </tr>
          </thead>
          <tbody>
            {billers.map((b) => (
              <tr key={b.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 text-left font-normal">
                  <Link href={paths.platform.biller(b.id)} className="text-brand-700 font-medium underline">
                    {b.name}
                  </Link>
                  {b.dbaName !== b.name ? <span className="block text-slate-600">{t("billers.dba", { name: b.dbaName })}</span> : null}
                </th>
                <td className="p-2">{b.timeZone}</td>
                <td className="p-2">{b.typeIds.length ? b.typeIds.join(", ") : t("billers.noTypeIds")}</td>
                <td className="p-2">{b.adminCount}</td>
                <td className="p-2">{b.apiKeySet ? t("billers.yes") : t("billers.no")}</td>
                <td className="p-2">
                  {b.readiness.ready ? (
                    <span className="font-semibold text-green-800">{t("billers.complete")}</span>
                  ) : (
                    <>
                      <span className="font-semibold text-amber-900">{t("billers.incomplete")}</span>
                      <span className="block text-slate-600">{t(`readiness.${b.readiness.reason}`)}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-biller" className="max-w-xl rounded border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="add-biller" className="mb-4 text-xl font-semibold">
          {t("billers.addTitle")}
        </h2>
        <BillerDetailsForm />
      </section>
      <section aria-labelledby="key-rotation" className="mt-10 max-w-xl rounded border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="key-rotation" className="mb-2 text-xl font-semibold">
          {t("billers.keyRotation.title")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t.rich("billers.keyRotation.body", { code: (chunks) => <code>{chunks}</code> })}</p>
        <ReencryptKeysButton />
      </section>
    </>
  );
}
