// A biller's audit events as a table: type, when (in the biller's time zone), who, and what.
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/dates";
import { summarizeAuditData } from "@/lib/admin/summarize-audit-data";
import { formatCents } from "@/lib/money";
import { useText } from "./use-text";

export type AuditRow = { id: string; at: Date; type: string; actorEmail: string | null; attemptId: string | null; data: unknown };

export function AuditEventTable({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const t = useTranslations("audit");
  const locale = useLocale();
  const tx = useText();
  const formatMoney = (cents: number) => formatCents(cents, locale);
  if (rows.length === 0) return <p className="text-slate-600">{t("none")}</p>;
  return (
    <table className="w-full border-collapse bg-white text-left text-sm">
      <caption className="sr-only">{t("caption")}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            {t("event")}
          </th>
          <th scope="col" className="p-2">
            {t("when")}
          </th>
          <th scope="col" className="p-2">
            {t("by")}
          </th>
          <th scope="col" className="p-2">
            {t("details")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id} className="border-b border-slate-200 align-top" data-testid="audit-row">
            <td className="p-2 font-mono text-xs">{e.type}</td>
            <td className="p-2 whitespace-nowrap">{formatDateTime(e.at, timeZone, locale)}</td>
            <td className="p-2">{e.actorEmail ?? <span className="text-slate-600">{t("system")}</span>}</td>
            <td className="p-2">
              <ul className="space-y-0.5">
                {e.attemptId ? <li className="font-mono text-xs">{t("payment", { id: e.attemptId })}</li> : null}
                {summarizeAuditData(e.data, { formatMoney }).map((line, i) => (
                  <li key={i} className="break-all">
                    {tx(line)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
