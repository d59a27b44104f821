import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/ui";
import { requireRolePage } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { countOutboxBacklog } from "@/lib/outbox/count-outbox-backlog";
import { listDeadMessages } from "@/lib/outbox/list-dead-messages";
import { paths } from "@/lib/paths";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Undelivered messages" };

export default async function PlatformOutboxPage() {
  await requireRolePage("PLATFORM_ADMIN", paths.platform.outbox);
  const [dead, backlog] = await Promise.all([listDeadMessages(), countOutboxBacklog({ db })]);
  const when = (d: Date | null) => (d ? formatDateTime(d, "UTC") : "");
  return (
    <>
      <PageTitle lead="All billers">Undelivered messages</PageTitle>
      <p className="mb-4 max-w-3xl text-slate-700">
        Emails and webhooks that still failed after 3 days of retries. The biller&apos;s administrators can resend them from their Webhooks
        page once the address or endpoint is fixed.
      </p>
      <p className="mb-6" data-testid="outbox-backlog">
        Waiting to send: {backlog.pending} ({backlog.due} due now). Gave up: {backlog.dead}.
      </p>
      {dead.length === 0 ? (
        <p className="text-slate-700">No undelivered messages.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Messages given up on, newest first (times in UTC)</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  Biller
                </th>
                <th scope="col" className="p-2">
                  Event
                </th>
                <th scope="col" className="p-2">
                  Sent to
                </th>
                <th scope="col" className="p-2">
                  Tries
                </th>
                <th scope="col" className="p-2">
                  Last error
                </th>
                <th scope="col" className="p-2">
                  Created / gave up (UTC)
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
                  <td className="p-2 break-all">{m.channel === "EMAIL" ? `Email to ${m.recipient}` : "Webhook endpoint"}</td>
                  <td className="p-2">{m.tries}</td>
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
