import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Webhooks and notifications" };

const STATUS_TEXT = { PENDING: "Waiting to send", DELIVERED: "Delivered", DEAD: "Failed: gave up" } as const;

export default async function WebhooksPage() {
  const user = await requireRolePage("BILLER_ADMIN", paths.admin.webhooks);
  const [endpoint, biller, deliveries] = await Promise.all([
    getWebhookEndpoint({ billerId: user.billerId }),
    getBillerSummary({ billerId: user.billerId }),
    listBillerDeliveries({ billerId: user.billerId }),
  ]);
  const when = (d: Date) => formatDateTime(d, biller.timeZone);
  return (
    <>
      <PageTitle lead={`${biller.name} · Notifications`}>Webhooks and notifications</PageTitle>
      <p className="mb-6 max-w-3xl text-slate-700">
        PermitPay emails receipts to applicants and review alerts to your administrators, and can tell your permit system about payments
        with webhooks: a JSON POST for each event, signed in the <code>PermitPay-Signature</code> header with your signing secret. A failed
        delivery is tried again for up to 3 days.
      </p>
      <h2 className="mb-2 text-lg font-semibold">Webhook endpoint</h2>
      <WebhookSettingsForm initial={endpoint ? { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled } : null} />
      {endpoint ? (
        <section className="mt-6" aria-labelledby="endpoint-tools">
          <h2 id="endpoint-tools" className="mb-2 text-lg font-semibold">
            Test and secret
          </h2>
          {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? (
            <p className="mb-2 text-slate-700">The previous signing secret also signs until {when(endpoint.previousSecretExpiresAt)}.</p>
          ) : null}
          <EndpointTools />
        </section>
      ) : null}
      <h2 className="mt-8 mb-2 text-lg font-semibold">Deliveries</h2>
      {deliveries.length === 0 ? (
        <p className="text-slate-700">Nothing sent yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">The 50 newest emails and webhooks, with every try</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  Created
                </th>
                <th scope="col" className="p-2">
                  Event
                </th>
                <th scope="col" className="p-2">
                  Sent to
                </th>
                <th scope="col" className="p-2">
                  Status
                </th>
                <th scope="col" className="p-2">
                  Tries
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((m) => {
                const to = m.channel === "EMAIL" ? `Email to ${m.recipient}` : "Webhook endpoint";
                return (
                  <tr key={m.id} data-delivery={m.id} data-event={m.eventId} className="border-b border-slate-200 align-top">
                    <td className="p-2">{when(m.createdAt)}</td>
                    <td className="p-2 font-mono">{m.eventType}</td>
                    <td className="p-2 break-all">{to}</td>
                    <td className="p-2">
                      {STATUS_TEXT[m.status]}
                      {m.status === "PENDING" && m.tries > 0 ? (
                        <div className="text-slate-600">next try {when(m.nextAttemptAt)}</div>
                      ) : null}
                    </td>
                    <td className="p-2">
                      <ol className="space-y-1">
                        {m.deliveries.map((d) => (
                          <li key={d.id}>
                            {when(d.attemptedAt)}: {d.ok ? "OK" : "Failed"}
                            {d.statusCode !== null ? ` (${d.statusCode})` : ""}, {d.durationMs} ms
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
