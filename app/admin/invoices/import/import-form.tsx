"use client";
// CSV import in two steps: "Check file" validates every row and shows a preview (or every error
// by row and column); "Import" sends the same file again and writes all rows or none.
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useText } from "@/components/use-text";
import { Banner, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import type { Text } from "@/lib/i18n/message";
import { CSV_COLUMNS, INVOICE_FORM_FIELDS } from "@/lib/invoices/invoice-form-schema";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";

type Summary = {
  total: number;
  toCreate: number;
  unchanged: number;
  newApplicants: number;
  sample: { row: number; externalReference: string; applicantEmail: string; amountCents: number; dueDate: string; unchanged: boolean }[];
};
type Answer =
  | { ok: true; committed: boolean; summary: Summary }
  | { ok: false; errors: { row: number; column: string; message: Text }[] }
  | { message: Text };

/** The CSV's column names are a machine format: the same in every language (docs/admin.md). */
const COLUMNS = INVOICE_FORM_FIELDS.filter((f) => f !== "amount" && f !== "dueDate")
  .map((f) => CSV_COLUMNS[f])
  .join(", ");

export function ImportForm() {
  const t = useTranslations("admin.invoices.import");
  const tx = useText();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);

  async function send(mode: "preview" | "commit") {
    if (!file) return setAnswer({ message: "admin.invoices.errors.selectFile" });
    setBusy(mode);
    const body = new FormData();
    body.set("file", file);
    try {
      const res = await fetch(`${paths.admin.importInvoicesUpload}?mode=${mode}`, { method: "POST", body });
      setAnswer((await res.json()) as Answer);
    } catch {
      setAnswer({ message: "errors.generic" });
    } finally {
      setBusy(null);
    }
  }

  const preview = answer && "ok" in answer && answer.ok && !answer.committed ? answer.summary : null;
  return (
    <div className="space-y-6">
      <form
        className="space-y-4 rounded border border-slate-200 bg-white p-6"
        onSubmit={(e) => {
          e.preventDefault();
          void send("preview");
        }}
      >
        <div>
          <label htmlFor="file" className="block font-medium text-slate-900">
            {t("file")}
          </label>
          <div id="file-hint" className="mt-1 text-sm text-slate-600">
            {t("fileHint", { columns: COLUMNS, amount: CSV_COLUMNS.amount, dueDate: CSV_COLUMNS.dueDate })}
          </div>
          <input
            ref={input}
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="file-hint"
            className={inputClass}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setAnswer(null);
            }}
          />
        </div>
        <button type="submit" className={secondaryButtonClass} disabled={busy !== null}>
          {busy === "preview" ? t("checking") : t("check")}
        </button>
      </form>

      <div aria-live="polite">
        {answer && "message" in answer ? <Banner tone="error" title={tx(answer.message)} /> : null}
        {answer && "ok" in answer && !answer.ok ? (
          <div role="alert" className="border-4 border-red-700 bg-white p-4" data-testid="import-errors">
            <h2 className="text-lg font-semibold">{t("problems", { count: answer.errors.length })}</h2>
            <p className="mb-2 text-slate-700">{t("fixRows")}</p>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("problems", { count: answer.errors.length })}>
              <table className="w-full border-collapse text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="p-2">
                      {t("col.row")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("col.column")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("col.problem")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {answer.errors.slice(0, 200).map((e, i) => (
                    <tr key={i} className="border-b border-slate-200">
                      <td className="p-2 whitespace-nowrap">{t("rowN", { row: e.row })}</td>
                      <td className="p-2 font-mono">{e.column}</td>
                      <td className="p-2 text-red-700">{tx(e.message)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {answer.errors.length > 200 ? <p className="mt-2">{t("more", { count: answer.errors.length - 200 })}</p> : null}
          </div>
        ) : null}
        {preview ? (
          <div className="rounded border border-slate-200 bg-white p-4" data-testid="import-preview">
            <h2 className="text-lg font-semibold">{t("passed")}</h2>
            <ul className="my-2 list-disc pl-6">
              <li>{t("toCreate", { count: preview.toCreate })}</li>
              <li>{t("unchangedCount", { count: preview.unchanged })}</li>
              <li>{t("newApplicants", { count: preview.newApplicants })}</li>
            </ul>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("firstRows", { count: preview.sample.length })}>
              <table className="w-full border-collapse text-left text-sm">
                <caption className="mb-1 text-left text-slate-600">{t("firstRows", { count: preview.sample.length })}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="p-2">
                      {t("col.row")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("col.externalReference")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("col.applicant")}
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {t("col.amount")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("col.due")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("col.import")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => (
                    <tr key={r.row} className="border-b border-slate-200">
                      <td className="p-2">{r.row}</td>
                      <td className="p-2 font-mono">{r.externalReference}</td>
                      <td className="p-2">{r.applicantEmail}</td>
                      <td className="p-2 text-right whitespace-nowrap tabular-nums">{formatCents(r.amountCents, locale)}</td>
                      <td className="p-2">{r.dueDate}</td>
                      <td className="p-2">{r.unchanged ? t("unchanged") : t("new")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button
              type="button"
              className={`${buttonClass} mt-4`}
              disabled={busy !== null || preview.toCreate === 0}
              onClick={() => void send("commit")}
            >
              {busy === "commit" ? t("importing") : t("importButton", { count: preview.toCreate })}
            </button>
          </div>
        ) : null}
        {answer && "ok" in answer && answer.ok && answer.committed ? (
          <Banner tone="success" title={t("imported", { count: answer.summary.toCreate })}>
            {answer.summary.unchanged > 0 ? t("alreadyImported", { count: answer.summary.unchanged }) : null}
          </Banner>
        ) : null}
      </div>
    </div>
  );
}
