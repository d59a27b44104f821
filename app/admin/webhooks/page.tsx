import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { getBillerSummary } from "@/lib/billers/get-biller-summary";
import { formatDateTime } from "@/lib/dates";
import { listBillerDeliveries } from "@/lib/outbox/list-biller-deliveries";
import { paths } from "@/lib/paths";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { EndpointTools } from "./endpoint-tools";
import { ResendButton } from "./resend-button";
import { WebhookSettingsForm } from "./webhook-settings-form";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.webhooks"))("title") };
}

export default async function WebhooksPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.webhooks);
  const [endpoint, biller, deliveries] = await Promise.all([
    getWebhookEndpoint({ billerId: user.billerId }),
    getBillerSummary({ billerId: user.billerId }),
    listBillerDeliveries({ billerId: user.billerId }),
  ]);
  const [t, locale] = await Promise.all([getTranslations("admin.webhooks"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, biller.timeZone, locale);
  return (
    <>
      <PageTitle lead={t("lead", { biller: biller.name })}>{t("title")}</PageTitle>
      <p className="mb-6 max-w-3xl break-words text-slate-700">
        {t.rich("intro", { code: (chunks: ReactNode) => <code className="break-all">{chunks}</code> })}
      </p>
      <h2 className="mb-2 text-lg font-semibold">{t("endpoint")}</h2>
      <WebhookSettingsForm initial={endpoint ? { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled } : null} />
      {endpoint ? (
        <section className="mt-6" aria-labelledby="endpoint-tools">
          <h2 id="endpoint-tools" className="mb-2 text-lg font-semibold">
            {t("tools")}
          </h2>
          {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? (
            <p className="mb-2 text-slate-700">{t("previousUntil", { when: when(endpoint.previousSecretExpiresAt) })}</p>
          ) : null}
          <EndpointTools timeZone={biller.timeZone} />
        </section>
      ) : null}
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("deliveries")}</h2>
      {deliveries.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("col.created")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.event")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.sentTo")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.status")}
                </th>
                <th scope="col" className="p-2">
                  {t("col.tries")}
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">{t("col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((m) => {
                const to = m.channel === "EMAIL" ? t("emailTo", { recipient: m.recipient ?? "" }) : t("toEndpoint");
                return (
                  <tr key={m.id} data-delivery={m.id} data-event={m.eventId} className="border-b border-slate-200 align-top">
                    <td className="p-2">{when(m.createdAt)}</td>
                    <td className="p-2 font-mono">{m.eventType}</td>
                    <td className="p-2 break-all">{to}</td>
                    <td className="p-2">
                      {t(`status.${m.status}`)}
                      {m.status === "PENDING" && m.tries > 0 ? (
                        <div className="text-slate-600">{t("nextTry", { when: when(m.nextAttemptAt) })}</div>
                      ) : null}
                    </td>
                    <td className="p-2">
                      <ol className="space-y-1">
                        {m.deliveries.map((d) => (
                          <li key={d.id}>
                            {t("try", {
                              when: when(d.attemptedAt),
                              ok: d.ok ? "yes" : "no",
                              code: d.statusCode !== null ? t("tryCode", { code: String(d.statusCode) }) : "",
                              ms: String(d.durationMs),
                            })}
                            {d.responseExcerpt ? <div className="break-all text-slate-600">{d.responseExcerpt.slice(0, 200)}</div> : null}
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td className="p-2">
                      {m.eventType !== "webhook.test" && m.status !== "PENDING" ? (
                        <ResendButton messageId={m.id} label={`${m.eventType} ${to}`} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
