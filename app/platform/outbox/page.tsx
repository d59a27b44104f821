import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { countOutboxBacklog } from "@/lib/outbox/count-outbox-backlog";
import { listDeadMessages } from "@/lib/outbox/list-dead-messages";
import { paths } from "@/lib/paths";
import { db } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("platform.outbox"))("title") };
}

export default async function PlatformOutboxPage() {
  await requireRolePage("PLATFORM_ADMIN", paths.platform.outbox);
  const [dead, backlog] = await Promise.all([listDeadMessages(), countOutboxBacklog({ db })]);
  const [t, locale] = await Promise.all([getTranslations("platform.outbox"), getLocale()]);
  const when = (d: Date | null) => (d ? formatDateTime(d, "UTC", locale) : "");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <p className="mb-6" data-testid="outbox-backlog">
        {t("backlog", { pending: backlog.pending, due: backlog.due, dead: backlog.dead })}
      </p>
      {dead.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("caption")}>
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("biller")}
                </th>
                <th scope="col" className="p-2">
                  {t("event")}
                </th>
                <th scope="col" className="p-2">
                  {t("sentTo")}
                </th>
                <th scope="col" className="p-2">
                  {t("tries")}
                </th>
                <th scope="col" className="p-2">
                  {t("lastError")}
                </th>
                <th scope="col" className="p-2">
                  {t("when")}
                </th>
              </tr>
            </thead>
            <tbody>
              {dead.map((m) => (
                <tr key={m.id} data-dead-message={m.id} className="border-b border-slate-200 align-top">
                  <td className="p-2">
                    <Link href={paths.platform.biller(m.biller.id)} className="text-brand-700 underline">
                      {m.biller.name}
                    </Link>
                  </td>
                  <td className="p-2 font-mono">{m.eventType}</td>
                  <td className="p-2 break-all">{m.channel === "EMAIL" ? t("emailTo", { recipient: m.recipient }) : t("webhook")}</td>
                  <td className="p-2">{m.tries}</td>
                  {/* The delivery record as it was written: the receiver's own reply (docs/architecture.md, Languages). */}
                  <td className="p-2 break-all">{m.lastError}</td>
                  <td className="p-2">
                    {when(m.createdAt)}
                    <br />
                    {when(m.deadAt)}
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
